// Reading a PDF Botpad served back as text, with the one pdftotext reader the unit tests use: what
// a reader of the printed letter would see, not what the code meant to put in it.
import type { Page } from 'playwright-core';
import { pdfText } from '../../src/api/testing/pdf-text.js';

export { pdfText };

/** Fetches `href` with the page's own session; throws unless it is a PDF (status 200), and returns its text. */
export async function fetchPdfText(page: Page, href: string): Promise<string> {
  const res = await page.request.get(href);
  if (res.status() !== 200) throw new Error(`${href}: HTTP ${String(res.status())}`);
  const type = res.headers()['content-type'];
  if (type !== 'application/pdf') throw new Error(`${href}: ${String(type)}, not a PDF`);
  return pdfText(await res.body());
}
