// The accessibility crawl, shared by the two spec files that run it (a11y-nl.spec.ts and
// a11y-en.spec.ts): one per language, so the two halves run side by side on two cores where one
// file could only run on one.
//
// Every page, at all three text sizes, must clear our own checks: the side's targets (44 or 24 px)
// and text (18 or 16 px), reflow at 200 % and 400 % zoom and the shared frame. axe (WCAG 2.2 A/AA)
// runs on every page in each language once, at the two ends of the text sizes: Dutch at the normal
// size, where text and targets are smallest (the strictest for contrast, whose bar is lower for
// large text, and for target size), and English at the largest, where long words and big type are
// likeliest to collide. The size in between changes neither the markup nor the colours, only the
// type's size between those two, which the layout checks cover in full; axe is most of the crawl's
// time, so it is not run a third time. The settings are chosen the way a reader chooses them, with
// the links in the header. That runs at a desktop's 1280 px; every page of the patient side (a
// visitor's, a patient's, a caregiver's) is also put through axe on a 375 px phone, where the
// layout is a different one.
/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newContext } from './browser.js';
import { auditPage, axeViolations, sideOfRole } from './audit.js';
import { Shell } from './shell.js';
import { PAGES, TEXT_SIZES, readerRoleOf, type Lang } from './pages.js';

/** Where axe runs: Dutch at the smallest text size, English at the largest (see above). */
const AXE_SETTINGS = new Set([`nl/${String(TEXT_SIZES[0])}`, `en/${String(TEXT_SIZES[TEXT_SIZES.length - 1])}`]);

/** The pages a patient, a caregiver or a visitor reads. */
const PATIENT_SIDE = PAGES.filter((p) => sideOfRole(readerRoleOf(p)) === 'patient');

/** Declares the crawl of every page in `lang` at every text size, and with `phone` the patient side at 375 px. */
export function crawl(lang: Lang, opts: { phone: boolean }): void {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  describe.each(TEXT_SIZES.map((size) => ({ lang, size })))('in language $lang at text size $size', ({ size }) => {
    const withAxe = AXE_SETTINGS.has(`${lang}/${size}`);
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

    it.each(PAGES)(`$name ($path) passes the audit${withAxe ? ' (with axe)' : ''}`, async (spec) => {
      await shell.open(spec);
      expect(await shell.htmlLang()).toBe(lang);
      expect(await shell.textSize()).toBe(size);
      await auditPage(page, { axe: withAxe });
    });
  });

  if (!opts.phone) return;
  describe('the patient side on a 375 px phone', () => {
    let context: BrowserContext;
    let page: Page;
    let shell: Shell;

    beforeAll(async () => {
      context = await newContext(browser, { bypassCSP: true, viewport: { width: 375, height: 844 } });
      page = await context.newPage();
      shell = new Shell(page);
    });
    afterAll(async () => {
      await context.close();
    });

    it.each(PATIENT_SIDE)('$name ($path) has no axe violation (WCAG 2.2 A/AA)', async (spec) => {
      await shell.open(spec);
      expect(page.viewportSize()?.width).toBe(375);
      expect(await axeViolations(page)).toEqual([]);
    });
  });
}
