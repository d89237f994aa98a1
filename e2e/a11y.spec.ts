// Every page, in both languages and all three text sizes, must clear the whole audit: axe (WCAG 2.2
// A/AA) plus our 44 px targets, 18 px text, reflow at 200 % and 400 % zoom and the shared frame.
// The settings are chosen the way a reader chooses them, with the links in the header.
/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newContext } from './support/browser.js';
import { auditPage } from './support/audit.js';
import { Shell } from './support/shell.js';
import { DISPLAY_SETTINGS, PAGES } from './support/pages.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

describe.each(DISPLAY_SETTINGS)('in language $lang at text size $size', ({ lang, size }) => {
  let context: BrowserContext;
  let page: Page;
  let shell: Shell;

  beforeAll(async () => {
    // axe is injected as an inline script, which our script-src 'self' rightly refuses.
    context = await newContext(browser, { bypassCSP: true });
    page = await context.newPage();
    shell = new Shell(page);
    await shell.goto('/');
    await shell.chooseLanguage(lang);
    await shell.chooseTextSize(size);
  });
  afterAll(async () => {
    await context.close();
  });

  it.each(PAGES)('$name ($path) passes the audit', async (spec) => {
    await shell.open(spec);
    expect(await shell.htmlLang()).toBe(lang);
    expect(await shell.textSize()).toBe(size);
    await auditPage(page);
  });
});
