// With the Content-Security-Policy enforced (no bypass, unlike the axe runs), every page must carry
// the header, declare the language the reader chose, and load without a single CSP violation: an
// inline style or script slipped into a page would be blocked in production and show up here.
/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newContext } from './support/browser.js';
import { MINIMUMS, readerSide, watchCsp } from './support/audit.js';
import { Shell } from './support/shell.js';
import { LANGS, PAGES } from './support/pages.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

function directives(header: string | undefined): Map<string, string> {
  const map = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name.toLowerCase(), values.join(' '));
  }
  return map;
}

describe.each(LANGS)('in language %s, with the CSP enforced', (lang) => {
  let context: BrowserContext;
  let page: Page;
  let shell: Shell;
  let csp: { violations: string[] };

  beforeAll(async () => {
    context = await newContext(browser);
    page = await context.newPage();
    csp = watchCsp(page);
    shell = new Shell(page);
    await shell.goto('/');
    await shell.chooseLanguage(lang);
  });
  afterAll(async () => {
    await context.close();
  });

  it.each(PAGES)('$name ($path) has the CSP header, the right lang and no violations', async (spec) => {
    csp.violations.length = 0;
    const res = await shell.open(spec);
    expect(res.headers()['content-type']).toMatch(/^text\/html; charset=utf-8/);
    const policy = directives(res.headers()['content-security-policy']);
    expect(policy.get('default-src')).toBe("'none'");
    expect(policy.get('script-src')).toBe("'self'");
    expect(policy.get('style-src')).toBe("'self'");
    expect(policy.get('frame-ancestors')).toBe("'none'");
    expect(policy.get('base-uri')).toBe("'none'");
    expect(policy.get('form-action')).toBe("'self'");

    expect(await shell.htmlLang()).toBe(lang);
    // The stylesheet really applied (it is 'self', so the policy must let it through): the base
    // text of the reader's side (18 px for patients and visitors, 16 px on the clinician side).
    const side = await readerSide(page);
    expect(await page.evaluate(() => getComputedStyle(document.body).fontSize)).toBe(`${String(MINIMUMS[side].textPx)}px`);
    expect(csp.violations).toEqual([]);
  });
});
