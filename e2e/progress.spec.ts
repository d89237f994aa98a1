// The progress of exercise therapy by keyboard only: the demo physiotherapist goes from Anna de
// Vries's therapy hub to her progress page, reads the chair-stand chart's sentence and its table
// (her first measurement, on the day of her intake, with the core's norm), sees the next measurement
// due, and downloads the progress report with Enter, read back with pdftotext. Then Anna reads her
// own page in plain words. Every page on the way gets the accessibility audit.
/// <reference lib="dom" />
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newContext } from './support/browser.js';
import { Shell } from './support/shell.js';
import { annasRecord, messages } from './support/pages.js';
import { auditPage } from './support/audit.js';
import { signInByKeyboard } from './support/keyboard.js';
import { pdfText } from './support/pdf.js';

const t = messages('nl');
const w = t.progress;
// The table's words for the first measurement, the same as the report's.
const reportFirst = 'eerste meting';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

describe('the progress of exercise therapy by keyboard', () => {
  it('opens the progress page from the hub, reads a chart\'s table and downloads the report', async () => {
    const context = await newContext(browser, { bypassCSP: true, acceptDownloads: true });
    const page = await context.newPage();
    const shell = new Shell(page, 'nl');
    await signInByKeyboard(page, shell, 'physiotherapist');
    const record = await annasRecord()(page);
    await page.goto(`${record}/therapy`);

    // From the hub to the progress page with Tab and Enter.
    await shell.tabTo(page.getByRole('link', { name: w.hubLink }), 200);
    await shell.navigation(() => page.keyboard.press('Enter'));
    expect(await page.locator('h1').innerText()).toBe(w.title);
    await auditPage(page);

    // The chair-stand chart: an image named by its title, the trend in words beside it, the table under it.
    const chart = page.locator('#measure-chair-stand-30s svg[role="img"]');
    expect(await chart.getAttribute('aria-describedby')).toBe('measure-chair-stand-30s-summary');
    expect(await page.locator('#measure-chair-stand-30s-summary').innerText()).toMatch(/^Opstaan uit een stoel in 30 seconden: één meting, 9 keer op \d\d-\d\d-\d{4}\./);
    const rows = page.locator('#measure-chair-stand-30s table tbody tr');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().innerText()).toContain('9 keer');
    expect(await rows.first().innerText()).toContain(reportFirst);
    expect(await page.locator('#summary-title + dl').innerText()).toContain(w.next);

    // The report: reached by Tab, downloaded with Enter, read back as the referrer and the GP read it.
    await shell.tabTo(page.getByRole('link', { name: w.report }), 200);
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toMatch(/^botpad-voortgang-\d{4}-\d{2}-\d{2}\.pdf$/);
    const text = pdfText(await readFile((await download.path()) ?? '')).replace(/\s+/g, ' ');
    expect(text).toContain('Voortgangsverslag oefentherapie');
    expect(text).toContain('Anna');
    expect(text).toContain('Opstaan uit een stoel in 30 seconden');
    expect(text).toMatch(/9 keer .* eerste meting/);
    expect(text).toContain('Volgende meting');
    await context.close();
  });

  it('Anna reads how her measurements went, from her exercises', async () => {
    const context = await newContext(browser, { bypassCSP: true });
    const page = await context.newPage();
    const shell = new Shell(page, 'nl');
    await signInByKeyboard(page, shell, 'patient');
    // My plan, then my exercises, then how my measurements went: the way a patient goes.
    await page.goto('/me');
    const plan = await page.locator('main a[href^="/plan/"]').first().getAttribute('href');
    if (!plan) throw new Error('no link to her plan on /me');
    await page.goto(plan.replace('/plan/', '/exercise/'));
    await shell.tabTo(page.getByRole('link', { name: w.patient.link }), 200);
    await shell.navigation(() => page.keyboard.press('Enter'));
    expect(await page.locator('h1').innerText()).toBe(w.patient.title);
    expect(await page.locator('main').innerText()).toContain(`${w.patient.names['chair-stand-30s']}: 9 keer op`);
    await auditPage(page);
    await context.close();
  });
});
