// The exercise plan by keyboard only: a vertebral fracture (VFA grade 2 at T11) is in Anna de
// Vries's record; the demo physiotherapist of her referral opens her plan, sees the warning beside
// the weighted sit-up, chooses it with Space, is stopped with the box to go ahead marked, ticks it
// and saves a new version; the home programme is read back with pdftotext. Then Anna opens her own
// programme and prints it. Every page on the way gets the accessibility audit.
/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newContext } from './support/browser.js';
import { Shell } from './support/shell.js';
import { messages, signInAs, annasRecord } from './support/pages.js';
import { auditPage } from './support/audit.js';
import { signInByKeyboard } from './support/keyboard.js';
import { fetchPdfText } from './support/pdf.js';
import { todayNl } from '../src/schema/clock.js';

const t = messages('nl');
const p = t.exercisePlan;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

describe('the exercise plan by keyboard', () => {
  it('warns on loaded spinal flexion after a vertebral fracture, goes ahead only when ticked, and prints the home programme', async () => {
    // The hospital's VFA in the record (through the API, as the nurse).
    const nurseContext = await newContext(browser, { bypassCSP: true });
    const nurse = await nurseContext.newPage();
    await signInAs('nurse')(nurse);
    const record = await annasRecord()(nurse);
    const vfa = await nurse.request.post(`/api/v1${record}/vfa`, { data: { date: todayNl(), vertebrae: [{ level: 'T11', grade: 2 }] } });
    expect(vfa.status(), await vfa.text()).toBe(201);
    await nurseContext.close();

    const context = await newContext(browser, { bypassCSP: true });
    const page = await context.newPage();
    const shell = new Shell(page, 'nl');
    await signInByKeyboard(page, shell, 'physiotherapist');
    await page.goto(`${record}/therapy/plan`);
    expect(await page.locator('h1').innerText()).toBe(p.title);
    await expect.poll(() => page.locator('#warn-weighted-sit-up').innerText()).toContain('Wervelfractuur (T11)');
    await auditPage(page);

    // Choose the weighted sit-up with Space and save: stopped, the box to go ahead named.
    await shell.tabTo(page.locator('#use-weighted-sit-up'), 200);
    await page.keyboard.press('Space');
    await shell.tabTo(page.getByRole('button', { name: p.save }), 300);
    await shell.navigation(() => page.keyboard.press('Enter'));
    expect(await page.locator('.error-summary').innerText()).toContain(p.acknowledgeNeeded);
    expect(await page.locator('.error-summary').evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.locator('#use-weighted-sit-up').isChecked()).toBe(true);
    await auditPage(page);

    // The summary links to the box; tick it, and save.
    expect(await page.locator('.error-summary a[href="#acknowledge"]').count()).toBe(1);
    await shell.tabTo(page.locator('#acknowledge'), 300);
    await page.keyboard.press('Space');
    await shell.tabTo(page.getByRole('button', { name: p.save }));
    await shell.navigation(() => page.keyboard.press('Enter'));
    expect(new URL(page.url()).search).toBe('?notice=saved');
    await expect.poll(() => page.getByText(p.wentAhead).count()).toBe(1);
    await auditPage(page);

    // The newest version's home programme, read back.
    const href = await page.getByRole('link', { name: p.pdfNl }).first().getAttribute('href');
    const text = (await fetchPdfText(page, href ?? '')).replace(/\s+/g, ' ');
    for (const s of ['Mijn oefeningen voor thuis', 'Anna de Vries', 'Sit-up met gewicht', 'Opstaan uit een stoel', 'Zo bouwt u op']) expect(text).toContain(s);
    await context.close();

    // Anna opens her programme and prints it.
    const own = await newContext(browser, { bypassCSP: true });
    const mine = await own.newPage();
    const herShell = new Shell(mine, 'nl');
    await signInByKeyboard(mine, herShell, 'patient');
    await mine.goto(`/exercise/${record.split('/')[2] ?? ''}`);
    expect(await mine.locator('h1').innerText()).toBe(t.homeProgramme.title);
    await auditPage(mine);
    await herShell.tabTo(mine.getByRole('link', { name: t.homeProgramme.print }));
    const print = await mine.getByRole('link', { name: t.homeProgramme.print }).getAttribute('href');
    expect((await fetchPdfText(mine, print ?? '')).replace(/\s+/g, ' ')).toContain('Sit-up met gewicht');
    await own.close();
  });
});
