// Reading a PDF Botpad served back as text, with poppler's pdftotext: what a reader of the printed
// letter would see, not what the code meant to put in it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';

/** The text of a PDF, laid out as on paper. */
export function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'botpad-e2e-pdf-'));
  try {
    const file = path.join(dir, 'read.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Fetches `href` with the page's own session; throws unless it is a PDF (status 200), and returns its text. */
export async function fetchPdfText(page: Page, href: string): Promise<string> {
  const res = await page.request.get(href);
  if (res.status() !== 200) throw new Error(`${href}: HTTP ${String(res.status())}`);
  const type = res.headers()['content-type'];
  if (type !== 'application/pdf') throw new Error(`${href}: ${String(type)}, not a PDF`);
  return pdfText(await res.body());
}
