// Keyboard use and the main flows, once with JavaScript and once without: the shell promises to
// work with plain links, so nothing here may depend on a script.
/// <reference lib="dom" />
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newContext } from './support/browser.js';
import { docIndexOf, focused, type FocusInfo } from './support/audit.js';
import { Shell } from './support/shell.js';
import { PAGES, messages } from './support/pages.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

const REGION_ORDER = ['other', 'banner', 'main', 'contentinfo'];

/**
 * A page that answers a form with its errors opens with the error summary focused (so a keyboard
 * or screen-reader user hears what is wrong first; e2e/forms.spec.ts checks that), and a page whose
 * one job is a form may open in its first field (the fracture intake, typed from the keyboard): the
 * walk below then starts from the top of the page, as a reader who goes back up to it would.
 */
async function fromTop(page: Page): Promise<void> {
  const onSummary = await page.evaluate(() => {
    const a = document.activeElement;
    return a?.classList.contains('error-summary') === true || a?.hasAttribute('autofocus') === true;
  });
  if (onSummary) await toTop(page);
}

/** Focus back at the very top of the page, where Tab starts on a page just opened. */
async function toTop(page: Page): Promise<void> {
  await page.evaluate(() => {
    const top = document.documentElement;
    top.setAttribute('tabindex', '-1');
    top.focus();
    top.removeAttribute('tabindex');
  });
}

/** Tabs through the whole page once, from the top, recording every stop. */
// The API reference links every operation and shape: over 300 stops, and growing with the API.
async function tabThrough(page: Page, max = 1500): Promise<FocusInfo[]> {
  const stops: FocusInfo[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const info = await focused(page);
    if (!info || stops.some((s) => s.docIndex === info.docIndex)) return stops;
    stops.push(info);
  }
  throw new Error(`Tab did not leave the page after ${String(max)} presses (a keyboard trap?)`);
}

describe.each([
  { mode: 'with JavaScript', javaScriptEnabled: true },
  { mode: 'without JavaScript', javaScriptEnabled: false },
])('$mode', ({ javaScriptEnabled }) => {
  let context: BrowserContext;
  let page: Page;
  let shell: Shell;

  beforeEach(async () => {
    context = await newContext(browser, { javaScriptEnabled });
    page = await context.newPage();
    shell = new Shell(page);
  });
  afterEach(async () => {
    await context.close();
  });

  // Both walks on one load of the page, so one load (and one sign-in) per page rather than per walk:
  // the second walk starts again from the top, the way fromTop starts a page that opens focused
  // further down, and checks that it did.
  // Botpad serves no script and no <noscript> (the patient side promises to work without
  // JavaScript, and the clinician side needs none): such a page is the same document whether the
  // browser runs JavaScript or not, so each page is walked once, without it, and the walk fails
  // the day a page carries a script — then it must be walked in both modes again.
  if (!javaScriptEnabled) it.each(PAGES)(
    '$name: no script; the first Tab reaches the skip link, which moves focus to main; from the top, Tab visits every header and footer link in reading order, each with a visible focus ring',
    async (spec) => {
      await shell.open(spec);
      const scripted = await page.evaluate(() =>
        Array.from(document.querySelectorAll('script, noscript, [onclick], [onload], [onsubmit], [onchange]')).map((el) => el.outerHTML.slice(0, 80)),
      );
      expect(scripted, 'this page carries a script: walk it with JavaScript on as well').toEqual([]);
      await fromTop(page);
      await page.keyboard.press('Tab');
      expect(await shell.isFocused(shell.skipLink())).toBe(true);
      // It is off-screen until focused; a sighted keyboard user must then see it.
      const box = await shell.skipLink().boundingBox();
      expect(box && box.y >= 0 && box.x >= 0).toBe(true);
      await page.keyboard.press('Enter');
      expect(await shell.isFocused(shell.main())).toBe(true);
      await page.keyboard.press('Tab');
      const next = await focused(page);
      expect(next?.region === 'main' || next?.region === 'contentinfo', `after the skip link, Tab went to ${JSON.stringify(next)}`).toBe(true);

      await toTop(page);
      const stops = await tabThrough(page);
      const order = stops.map((s) => `${s.region}: <${s.tag}> ${s.text}`).join('\n');
      expect(stops[0]?.href, `the walk from the top did not start at the skip link:\n${order}`).toBe('#main');

      const noRing = stops.filter((s) => !s.indicator);
      expect(noRing.map((s) => `<${s.tag}> "${s.text}" (${s.indicatorDetail})`), 'focused without a visible indicator').toEqual([]);

      for (let i = 1; i < stops.length; i++) {
        const [prev, cur] = [stops[i - 1]!, stops[i]!];
        expect(cur.docIndex, `Tab order differs from source order at "${cur.text}":\n${order}`).toBeGreaterThan(prev.docIndex);
        expect(REGION_ORDER.indexOf(cur.region), `Tab went back up to ${cur.region} at "${cur.text}":\n${order}`).toBeGreaterThanOrEqual(
          REGION_ORDER.indexOf(prev.region),
        );
        // Never jump back up the page: the next stop ends below where the previous one starts.
        expect(cur.bottom, `"${cur.text}" is above "${prev.text}":\n${order}`).toBeGreaterThan(prev.top);
      }

      const reached = new Set(stops.map((s) => s.docIndex));
      let last = -1;
      for (const link of shell.frameLinks()) {
        const idx = await docIndexOf(link.locator);
        expect(reached.has(idx), `${link.name} not reached by Tab:\n${order}`).toBe(true);
        expect(idx, `${link.name} out of order`).toBeGreaterThan(last);
        last = idx;
      }
    },
  );

  // It opens every page too: once, for the same reason as the walk above.
  if (!javaScriptEnabled) it('the language and text-size switches work with Enter and stay chosen on other pages', async () => {
    await shell.goto('/help');
    expect(await shell.htmlLang()).toBe('nl');

    await shell.tabTo(shell.languageSwitch());
    await shell.navigation(() => page.keyboard.press('Enter'));
    shell.lang = 'en';
    expect(new URL(page.url()).pathname).toBe('/help');
    expect(await shell.htmlLang()).toBe('en');
    expect(await shell.h1().textContent()).toBe(messages('en').help.title);

    const base = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    await shell.tabTo(shell.textSizeLink('larger'));
    await shell.navigation(() => page.keyboard.press('Enter'));
    expect(await shell.textSize()).toBe('larger');
    const larger = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    expect(larger).toBeGreaterThan(base * 1.3);
    expect(await shell.textSizeLink('larger').getAttribute('aria-current')).toBe('true');

    for (const spec of PAGES) {
      await shell.open(spec);
      expect(await shell.htmlLang(), spec.path).toBe('en');
      expect(await shell.textSize(), spec.path).toBe('larger');
    }

    await shell.goto('/accessibility');
    await shell.tabTo(shell.textSizeLink('normal'));
    await shell.navigation(() => page.keyboard.press('Enter'));
    await shell.tabTo(shell.languageSwitch());
    await shell.navigation(() => page.keyboard.press('Enter'));
    shell.lang = 'nl';
    expect(new URL(page.url()).pathname).toBe('/accessibility');
    expect(await shell.htmlLang()).toBe('nl');
    expect(await shell.textSize()).toBe('normal');
    expect(await shell.h1().textContent()).toBe(messages('nl').a11y.title);
  });

  it('the header and footer links lead to their pages', async () => {
    const t = shell.t;
    const h1 = (p: string) => PAGES.find((s) => s.path === p)!.h1(t);
    await shell.goto('/');
    await shell.navigation(() => shell.footerLink(t.footer.accessibility).click());
    expect(await shell.h1().textContent()).toBe(h1('/accessibility'));
    await shell.navigation(() => shell.footerLink(t.footer.apiDocs).click());
    expect(await shell.h1().textContent()).toBe(h1('/api/docs'));
    await shell.navigation(() => shell.menuLink(t.nav.help).click());
    expect(await shell.h1().textContent()).toBe(h1('/help'));
    await shell.navigation(() => shell.brandLink().click());
    expect(await shell.h1().textContent()).toBe(h1('/'));
    expect(await shell.phoneLink().getAttribute('href')).toMatch(/^tel:\+?[0-9]+$/);
  });
});
