// A measurement by keyboard only: the demo physiotherapist goes from Anna de Vries's therapy hub to
// the measurements, enters the SPPB, the 30-second chair stand and the TUG, adds the activity
// meter's file, saves, and reads each score with its cut-offs (a woman of 78: fewer than 10 stands
// is below average). The file is handed to the file input as the operating system's dialog would;
// everything else is typed. Then a correction of the TUG through the same form, with its reason.
// Every page on the way gets the accessibility audit.
/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newContext } from './support/browser.js';
import { Shell } from './support/shell.js';
import { annasRecord, messages } from './support/pages.js';
import { auditPage } from './support/audit.js';
import { signInByKeyboard } from './support/keyboard.js';

const t = messages('nl');
const w = t.measurements;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

describe('a therapy measurement by keyboard', () => {
  it('a physiotherapist enters a measurement with the meter\'s file and reads the scores', async () => {
    const context = await newContext(browser, { bypassCSP: true });
    const page = await context.newPage();
    const shell = new Shell(page, 'nl');
    await signInByKeyboard(page, shell, 'physiotherapist');
    const record = await annasRecord()(page);
    await page.goto(`${record}/therapy`);
    await shell.tabTo(page.getByRole('link', { name: w.hubLink }));
    await shell.navigation(() => page.keyboard.press('Enter'));
    expect(new URL(page.url()).pathname).toBe(`${record}/therapy/measurements`);
    await auditPage(page);
    await shell.tabTo(page.getByRole('link', { name: w.newLink }));
    await shell.navigation(() => page.keyboard.press('Enter'));
    await auditPage(page);

    // The date is today already; the SPPB in the order of the session.
    const typeInto = async (id: string, text: string) => {
      await shell.tabTo(page.locator(`#${id}`), 200);
      await page.keyboard.type(text);
    };
    await typeInto('sppbSideBySide', '10');
    await typeInto('sppbSemiTandem', '10');
    await typeInto('sppbTandem', '5');
    await typeInto('sppbGait4m', '7');
    await typeInto('sppbChair5', '12,5');
    await typeInto('chairStand30s', '9');
    await typeInto('tugSeconds', '16,2');
    await shell.tabTo(page.locator('#stepsFile'));
    await page.locator('#stepsFile').setInputFiles({ name: 'meter.csv', mimeType: 'text/csv', buffer: Buffer.from('datum;stappen\n01-12-2026;3000\n02-12-2026;4000\n') });
    await shell.tabTo(page.getByRole('button', { name: w.save }));
    await shell.navigation(() => page.keyboard.press('Enter'));
    expect(new URL(page.url()).search).toBe('?notice=saved');
    await expect.poll(() => page.getByText(w.results.sppb(8, w.bands.intermediate, 3, 2, 3)).count()).toBe(1);
    await expect.poll(() => page.getByText(w.cutOffs.chairStand30s(10, w.sex.female, 78)).count()).toBe(1);
    await expect.poll(() => page.getByText(w.results.chairStand30s(9, true)).count()).toBe(1);
    await expect.poll(() => page.getByText(w.results.steps(3500, 2)).count()).toBe(1);
    await auditPage(page);

    // A correction by keyboard: the form holds what was stored; the TUG was 15,2 s, with the reason.
    await shell.tabTo(page.getByRole('link', { name: w.correct.link }), 200);
    await shell.navigation(() => page.keyboard.press('Enter'));
    expect(await page.locator('#tugSeconds').inputValue()).toBe('16,2');
    expect(await page.locator('#sppbChair5').inputValue()).toBe('12,5');
    await auditPage(page);
    await shell.tabTo(page.locator('#tugSeconds'), 200);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('15,2');
    await typeInto('reason', 'Tijd van de TUG verkeerd overgenomen');
    await shell.tabTo(page.getByRole('button', { name: w.correct.save }), 200);
    await shell.navigation(() => page.keyboard.press('Enter'));
    expect(new URL(page.url()).search).toBe('?notice=corrected');
    await expect.poll(() => page.getByText(w.results.tug('15,2', true)).count()).toBe(1);
    // The meter's days stayed; the versions name the reason.
    await expect.poll(() => page.getByText(w.results.steps(3500, 2)).count()).toBe(1);
    await expect.poll(() => page.getByRole('cell', { name: 'Tijd van de TUG verkeerd overgenomen' }).count()).toBe(1);
    await auditPage(page);

    // Back in the list, the measurement is there with its SPPB.
    await shell.tabTo(page.getByRole('link', { name: w.backToList }));
    await shell.navigation(() => page.keyboard.press('Enter'));
    await expect.poll(() => page.getByText('8 (middel)').count()).toBe(1);
    await auditPage(page);
    await context.close();
  });
});
