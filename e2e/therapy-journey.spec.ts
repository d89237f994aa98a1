// Exercise therapy from one measurement to the next, by keyboard only (clinical-rules.md §13): the
// demo physiotherapist enters a measurement for Anna de Vries through the form (SPPB, 30-second
// chair stand, TUG, PSK), finds today's point in the progress page's chart tables, downloads the
// progress report and reads it back with pdftotext, records today as the end of the supervised
// therapy, and still sees the next measurement planned 3 months on: on the measurements page and on
// the practice's list at /referrals. Anna, signed in herself, reads the same date on her plan.
// Every page on the way gets the accessibility audit. One browser context per role.
/// <reference lib="dom" />
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newContext } from './support/browser.js';
import { Shell } from './support/shell.js';
import { annasRecord, messages } from './support/pages.js';
import { auditPage } from './support/audit.js';
import { patientPlanByKeyboard, signInByKeyboard } from './support/keyboard.js';
import { pdfText } from './support/pdf.js';
import { todayNl } from '../src/schema/clock.js';
import { addMonths } from '../src/core/time/date.js';
import { numericDate } from '../src/web/time-format.js';

const t = messages('nl');
const w = t.measurements;
const TABS = 200;
const today = numericDate(todayNl());
const next = numericDate(addMonths(todayNl(), 3));

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

describe('the journey of exercise therapy by keyboard', () => {
  it('a measurement → its chart → the report → the end of therapy → the next measurement still planned', { timeout: 120_000 }, async () => {
    const context = await newContext(browser, { bypassCSP: true, acceptDownloads: true });
    const page = await context.newPage();
    const shell = new Shell(page, 'nl');
    const tabEnter = async (name: string) => {
      await shell.tabTo(page.getByRole('link', { name, exact: true }), TABS);
      await shell.navigation(() => page.keyboard.press('Enter'));
    };
    const typeInto = async (id: string, text: string) => {
      await shell.tabTo(page.locator(`#${id}`), TABS);
      await page.keyboard.type(text);
    };
    await signInByKeyboard(page, shell, 'physiotherapist');
    const record = await annasRecord()(page);
    await page.goto(`${record}/therapy`);
    await auditPage(page);

    // The hub, the measurements, the form: a measurement of today.
    await tabEnter(w.hubLink);
    await tabEnter(w.newLink);
    expect(await page.locator('h1').innerText()).toBe(w.newTitle);
    await auditPage(page);
    await typeInto('sppbSideBySide', '10');
    await typeInto('sppbSemiTandem', '10');
    await typeInto('sppbTandem', '10');
    await typeInto('sppbGait4m', '4,1');
    await typeInto('sppbChair5', '11,5');
    await typeInto('chairStand30s', '13');
    await typeInto('tugSeconds', '11,8');
    // The intake's first PSK activity is in the form already; its new score.
    expect(await page.locator('#psk1Activity').inputValue()).toBe('Boodschappen dragen');
    await typeInto('psk1Score', '3');
    await shell.tabTo(page.getByRole('button', { name: w.save }), TABS);
    await shell.navigation(() => page.keyboard.press('Enter'));
    expect(new URL(page.url()).search).toBe('?notice=saved');
    expect(await page.locator('h1').innerText()).toBe(w.oneTitle(today));
    await expect.poll(() => page.getByText(w.results.chairStand30s(13, false)).count()).toBe(1);
    await auditPage(page);

    // The progress page: today's point in the chair stand's and the TUG's tables.
    await tabEnter(w.backToList);
    await tabEnter(t.progress.hubLink);
    expect(await page.locator('h1').innerText()).toBe(t.progress.title);
    const chair = page.locator('#measure-chair-stand-30s table tbody tr').filter({ hasText: today });
    await expect.poll(() => chair.count()).toBe(1);
    expect(await chair.innerText()).toContain('13 keer');
    const tug = page.locator('#measure-tug table tbody tr').filter({ hasText: today });
    expect(await tug.innerText()).toContain('11,8');
    const sppb = page.locator('#measure-sppb table tbody tr').filter({ hasText: today });
    expect(await sppb.innerText()).toMatch(/\b12\b/);
    await auditPage(page);

    // The report, downloaded with Enter and read back as the referrer and the GP read it.
    await shell.tabTo(page.getByRole('link', { name: t.progress.report }), TABS);
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    const report = pdfText(await readFile((await download.path()) ?? '')).replace(/\s+/g, ' ');
    expect(report).toContain('Anna');
    expect(report).toMatch(new RegExp(`${today} 13 keer`));
    expect(report).toMatch(new RegExp(`${today} 11,8`));
    expect(report).toContain('Boodschappen dragen');

    // Back on the measurements page: today is the last day of the supervised therapy.
    await page.goBack();
    expect(await page.locator('h1').innerText()).toBe(w.title);
    await shell.tabTo(page.locator('summary', { hasText: w.periodForm }), TABS);
    await page.keyboard.press('Enter');
    await typeInto('end', today);
    await shell.tabTo(page.getByRole('button', { name: w.periodSave }), TABS);
    await shell.navigation(() => page.keyboard.press('Enter'));
    expect(new URL(page.url()).search).toBe('?notice=period');
    expect(await page.locator('#period-title + p').innerText()).toContain(`tot en met ${today}`);
    // Measuring goes on: 3 months after today's measurement.
    await expect.poll(() => page.getByText(w.nextDue(next), { exact: true }).count()).toBe(1);
    await auditPage(page);

    // The practice's list of coming measurements, from the menu.
    await page.goto('/referrals');
    const row = page.locator('section[aria-labelledby="measurements-title"]').getByRole('row').filter({ hasText: 'Anna de Vries' });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.innerText()).toContain(next);
    expect(await row.innerText()).toContain(t.measureDue.status.planned);
    expect(await row.innerText()).toContain(t.measureDue.practice.afterEnd);
    await auditPage(page);
    await context.close();

    // Anna herself: her plan says when she is measured again, and that measuring goes on.
    const { context: patientContext, page: a } = await patientPlanByKeyboard(browser);
    // One line: when, and that measuring goes on now the therapy is over.
    await expect.poll(() => a.getByText(`${t.measureDue.patient.planned(next)} ${t.measureDue.patient.afterEnd}`, { exact: true }).count()).toBe(1);
    await auditPage(a);
    await patientContext.close();
  });
});
