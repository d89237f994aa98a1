// A phone (375 x 844) at the largest text size, in both languages: every page a role can reach from
// its start page keeps each word whole on one line (only ids, addresses and code may break inside),
// never scrolls sideways, and leaves at least two thirds of the first screen below the header.
/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newContext } from './support/browser.js';
import { Shell } from './support/shell.js';
import { LANGS, PAGES, signInAs, type PageSpec } from './support/pages.js';
import type { DemoAccount } from '../src/demo/demo-data.js';

const PHONE = { width: 375, height: 844 } as const;
/** Pages followed from a role's start page, beyond those in PAGES: enough to reach its records. */
const FOLLOW = 6;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

interface Finding {
  brokenWords: string[];
  /** The innermost elements reaching past the right edge, to name in a failure. */
  tooWide: string[];
  scrollWidth: number;
  innerWidth: number;
  headerHeight: number;
  innerHeight: number;
}

/**
 * Measures the open page. A word is broken when two of its letters (or digits) sit on different
 * lines: each character of a word that spans more than one line box is measured on its own, so a
 * break after a hyphen or a slash (where a line may end) is allowed and one between letters is not.
 * Text in an element marked to break anywhere (ids, addresses) and in code is left out.
 */
function measure(page: Page): Promise<Finding> {
  return page.evaluate(() => {
    const broken: string[] = [];
    const inWord = /[\p{L}\p{N}\p{M}]/u;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || el.closest('.break-any, code, pre, script, style, .visually-hidden')) continue;
      const text = node.textContent ?? '';
      for (const m of text.matchAll(/\S+/g)) {
        const start = m.index;
        const word = m[0];
        range.setStart(node, start);
        range.setEnd(node, start + word.length);
        const lines = new Set(Array.from(range.getClientRects()).filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (lines.size < 2) continue;
        let prevTop: number | undefined;
        for (let i = 0; i < word.length; i++) {
          range.setStart(node, start + i);
          range.setEnd(node, start + i + 1);
          const r = Array.from(range.getClientRects()).find((x) => x.width > 0);
          if (!r) continue;
          const top = Math.round(r.top);
          if (prevTop !== undefined && top > prevTop + 2 && inWord.test(word[i - 1] ?? '') && inWord.test(word[i] ?? '')) {
            broken.push(`${word} (${el.tagName.toLowerCase()}${el.className ? '.' + el.className : ''})`);
            break;
          }
          prevTop = top;
        }
      }
    }
    const header = document.querySelector('header.site-header');
    const tooWide = Array.from(document.body.querySelectorAll('*'))
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5 && !Array.from(e.children).some((c) => c.getBoundingClientRect().right > window.innerWidth + 0.5))
      .map((e) => `<${e.tagName.toLowerCase()}> "${(e.textContent ?? '').trim().slice(0, 40)}"`);
    // Text can reach past its own box (a word longer than the line): name its element too.
    const texts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = texts.nextNode(); node; node = texts.nextNode()) {
      range.selectNodeContents(node);
      if (Array.from(range.getClientRects()).some((r) => r.right > window.innerWidth + 0.5)) tooWide.push(`text in <${node.parentElement?.tagName.toLowerCase() ?? '?'}> "${(node.textContent ?? '').trim().slice(0, 40)}"`);
    }
    return {
      brokenWords: broken,
      tooWide,
      scrollWidth: document.scrollingElement?.scrollWidth ?? 0,
      innerWidth: window.innerWidth,
      headerHeight: header ? header.getBoundingClientRect().height : Infinity,
      innerHeight: window.innerHeight,
    };
  });
}

/**
 * `header: false` for a signed-in page: its header (menu, display settings and the session bar) is
 * still taller than a third of a phone's screen at the largest text size.
 */
async function check(page: Page, where: string, { header = true } = {}): Promise<void> {
  const f = await measure(page);
  expect(f.brokenWords, `${where}: words broken inside`).toEqual([]);
  expect(f.scrollWidth, `${where}: page wider than the screen, by ${f.tooWide.join(', ')}`).toBeLessThanOrEqual(f.innerWidth);
  if (header) expect(f.headerHeight, `${where}: header taller than a third of the screen`).toBeLessThanOrEqual(f.innerHeight / 3);
}

/** Same-site pages linked from the main content, once each, without leaving or signing out. */
async function linksInMain(page: Page): Promise<string[]> {
  const hrefs = await page.locator('main a[href^="/"]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href') ?? ''));
  return [...new Set(hrefs.map((h) => h.split('#')[0] ?? '').filter((h) => h !== '' && !h.startsWith('/api/') && !h.startsWith('/preferences')))];
}

const ROLES: readonly DemoAccount['role'][] = ['nurse', 'physician', 'patient', 'caregiver', 'admin'];

describe.each(LANGS)('on a phone at the largest text size, in %s', (lang) => {
  let context: BrowserContext;
  let page: Page;
  let shell: Shell;

  beforeAll(async () => {
    context = await newContext(browser, { viewport: PHONE });
    page = await context.newPage();
    shell = new Shell(page);
    await shell.goto('/');
    await shell.chooseLanguage(lang);
    await shell.chooseTextSize('larger');
  });
  afterAll(async () => {
    await context.close();
  });

  it.each(PAGES.filter((p) => !p.before))('$name ($path) keeps words whole, fits the width, has a short header', async (spec: PageSpec) => {
    await shell.open(spec);
    await check(page, spec.path);
  });

  it.each(ROLES)('every page a %s reaches from the start page keeps words whole, fits the width, has a short header', async (role) => {
    await signInAs(role)(page);
    const start = new URL(page.url()).pathname;
    await check(page, `${role} ${start}`, { header: false });
    const seen = new Set([start]);
    for (const href of (await linksInMain(page)).slice(0, FOLLOW)) {
      if (seen.has(href)) continue;
      seen.add(href);
      const res = await page.goto(href);
      expect(res?.status(), href).toBeLessThan(400);
      await check(page, `${role} ${href}`, { header: false });
    }
    for (const spec of PAGES.filter((p) => p.before && !p.resolve && p.status === undefined && p.path !== start && !seen.has(p.path))) {
      // Only the pages of this role's own menu: another role's page would just be refused.
      const link = page.locator(`header a[href="${spec.path}"]`);
      if ((await link.count()) === 0) continue;
      seen.add(spec.path);
      await page.goto(spec.path);
      await check(page, `${role} ${spec.path}`, { header: false });
    }
  });
});
