// The shared decision by keyboard only: a nurse opens Anna de Vries's decision page, chooses with
// her, writes down the agreements and saves; the saved agreements show with the print links, and
// the printed sheet (Dutch and English) is read back with pdftotext. Every page on the way gets the
// accessibility audit.
/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newContext } from './support/browser.js';
import { Shell } from './support/shell.js';
import { messages, annasRecord } from './support/pages.js';
import { auditPage } from './support/audit.js';
import { signInByKeyboard } from './support/keyboard.js';
import { pdfText } from './support/pdf.js';

const t = messages('nl');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

describe('the shared decision by keyboard', () => {
  it('a nurse records the choice with the agreements and prints them for the patient', async () => {
    const context = await newContext(browser, { bypassCSP: true });
    const page = await context.newPage();
    const shell = new Shell(page, 'nl');
    await signInByKeyboard(page, shell, 'nurse');
    const record = await annasRecord()(page);
    await page.goto(`${record}/assessment`);
    // From the assessment to the decision, by its link.
    await shell.tabTo(page.getByRole('link', { name: t.decision.link }));
    await shell.navigation(() => page.keyboard.press('Enter'));
    expect(new URL(page.url()).pathname).toBe(`${record}/decision`);
    await auditPage(page);

    // The choice: no medicine (the first option), with what matters and two agreements.
    await shell.tabTo(page.locator('#option'));
    await page.keyboard.press('Space');
    await shell.tabTo(page.locator('#whatMatters'));
    await page.keyboard.type('Blijven wandelen met de hond');
    await shell.tabTo(page.locator('#agreement-exercise'));
    await page.keyboard.type('Elke dag een half uur wandelen');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Drie porties zuivel per dag');
    await shell.tabTo(page.getByRole('button', { name: t.decision.save }));
    await shell.navigation(() => page.keyboard.press('Enter'));
    expect(new URL(page.url()).search).toBe('?notice=saved');
    await expect.poll(() => page.getByText('Elke dag een half uur wandelen').count()).toBe(1);
    await auditPage(page);

    // Print: the first Dutch and English links are of the decision just made (newest first).
    const nlHref = await page.getByRole('link', { name: t.decision.printNl }).first().getAttribute('href');
    const enHref = await page.getByRole('link', { name: t.decision.printEn }).first().getAttribute('href');
    await shell.tabTo(page.getByRole('link', { name: t.decision.printNl }).first());
    for (const [href, expected] of [[nlHref, ['Wat wij samen hebben afgesproken', 'Geen medicijn.', 'Elke dag een half uur wandelen', 'Blijven wandelen met de hond']], [enHref, ['What we agreed together', 'No medicine.', 'Drie porties zuivel per dag']]] as const) {
      const res = await page.request.get(href ?? '');
      expect(res.status()).toBe(200);
      expect(res.headers()['content-type']).toBe('application/pdf');
      const text = pdfText(await res.body()).replace(/\s+/g, ' ');
      for (const s of expected) expect(text).toContain(s);
    }
    await context.close();
  });
});
