// The learn pages in a real browser: every page (and the list) clears axe (WCAG 2.2 A/AA) on a
// phone and on a desk; on paper (print media, A4) no text block is cut off or wider than the page,
// and the printed PDF, read back with pdftotext, holds the page's title and a heading; and a page
// works with JavaScript switched off, its contents links included.
/// <reference lib="dom" />
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newContext } from './support/browser.js';
import { axeViolations } from './support/audit.js';
import { LEARN_PAGES } from '../src/web/learn/pages/index.js';

const run = promisify(execFile);

/** A4 at 96 CSS px to the inch: 210 mm wide, 297 mm high. */
const A4 = { width: 794, height: 1123 } as const;
const WIDTHS = [
  { label: 'phone', width: 375, height: 844 },
  { label: 'desk', width: 1280, height: 800 },
] as const;

const ADDRESSES = ['/learn', ...LEARN_PAGES.map((p) => `/learn/${p.slug}`)];

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

describe.each(WIDTHS)('on a $label ($width px)', ({ width, height }) => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    // axe is injected as an inline script, which our script-src 'self' rightly refuses.
    context = await newContext(browser, { bypassCSP: true, viewport: { width, height } });
    page = await context.newPage();
  });
  afterAll(async () => {
    await context.close();
  });

  it.each(ADDRESSES)('%s has no axe violation', async (address) => {
    const res = await page.goto(address);
    expect(res?.status()).toBe(200);
    expect(await axeViolations(page)).toEqual([]);
  });
});

/** Text blocks whose content is wider than their box, and elements wider than the page, in print. */
async function cutOff(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const pageWidth = document.documentElement.clientWidth;
    const name = (el: Element) => `<${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}> "${(el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40)}"`;
    for (const el of Array.from(document.querySelectorAll('main p, main li, main h1, main h2, main h3, main figcaption, main a, main dd, main dt'))) {
      if (el.scrollWidth > el.clientWidth + 1) found.push(`${name(el)}: content ${String(el.scrollWidth)} px in a box of ${String(el.clientWidth)} px`);
    }
    for (const el of Array.from(document.querySelectorAll('main, main *'))) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && (r.right > pageWidth + 0.5 || r.left < -0.5)) found.push(`${name(el)}: from ${r.left.toFixed(0)} to ${r.right.toFixed(0)} px on a page of ${String(pageWidth)} px`);
    }
    if (document.documentElement.scrollWidth > pageWidth) found.push(`the page is ${String(document.documentElement.scrollWidth)} px wide, the paper ${String(pageWidth)} px`);
    return found;
  });
}

describe('printed on A4', () => {
  let context: BrowserContext;
  let page: Page;
  let dir: string;
  beforeAll(async () => {
    context = await newContext(browser, { viewport: A4 });
    page = await context.newPage();
    await page.emulateMedia({ media: 'print' });
    dir = mkdtempSync(path.join(tmpdir(), 'botpad-learn-print-'));
  });
  afterAll(async () => {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(LEARN_PAGES.map((p) => [p.slug, p] as const))('/learn/%s fits the paper, drops the frame, and prints its title and headings', async (slug, learn) => {
    await page.goto(`/learn/${slug}`);
    expect(await cutOff(page)).toEqual([]);
    expect(await page.locator('header.site-header').isVisible()).toBe(false);
    expect(await page.locator('footer.site-footer').isVisible()).toBe(false);

    const file = path.join(dir, `${slug}.pdf`);
    writeFileSync(file, await page.pdf({ format: 'A4', printBackground: true }));
    let text: string;
    try {
      ({ stdout: text } = await run('pdftotext', ['-enc', 'UTF-8', file, '-']));
    } catch (e) {
      throw new Error(`pdftotext could not read the PDF (install poppler-utils; scripts/test-all.sh does): ${(e as Error).message}`);
    }
    // Lines wrap where the paper ends and ligatures come back as one glyph: compare words only.
    const flat = (s: string) => s.normalize('NFKC').replace(/\s+/g, ' ').trim();
    const printed = flat(text);
    expect(printed).toContain(flat(learn.title.nl));
    const heading = learn.sections[learn.sections.length - 1]?.heading.nl ?? '';
    expect(printed).toContain(flat(heading));
  });
});

describe('without JavaScript', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await newContext(browser, { javaScriptEnabled: false });
    page = await context.newPage();
  });
  afterAll(async () => {
    await context.close();
  });

  it('shows the list, a page, its picture, and its contents links lead to their sections', async () => {
    await page.goto('/learn');
    const first = LEARN_PAGES[0];
    if (!first) throw new Error('no learn pages');
    await Promise.all([page.waitForURL(`**/learn/${first.slug}`), page.getByRole('link', { name: first.title.nl, exact: true }).click()]);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(first.title.nl);
    const picture = first.sections.flatMap((s) => s.blocks).find((b) => b.kind === 'picture');
    if (picture?.kind === 'picture') expect(await page.getByRole('img', { name: picture.alt.nl }).isVisible()).toBe(true);
    const last = first.sections[first.sections.length - 1];
    if (!last) throw new Error('a page without sections');
    await page.locator('nav.learn-contents').getByRole('link', { name: last.heading.nl, exact: true }).click();
    await page.waitForURL(`**/learn/${first.slug}#${last.id}`);
    const where = await page.locator(`h2#${last.id}`).evaluate((el) => ({ top: el.getBoundingClientRect().top, scrolled: window.scrollY, height: window.innerHeight }));
    expect(where.scrolled).toBeGreaterThan(0);
    // Scrolled to the heading, give or take the half pixel of a scaled layout.
    expect(where.top).toBeGreaterThanOrEqual(-1);
    expect(where.top).toBeLessThan(where.height);
  });
});
