// The measurements of exercise therapy keep being planned (clinical-rules.md §13 measure.due), by
// keyboard only in a real browser on the demo data (src/demo/demo-measure-due.ts): the
// physiotherapist starts at the practice's page, where the list of coming measurements shows Sanne
// Meijer's as due now although her therapy ended a month ago, and Anna de Vries' as planned; the
// name leads to the therapy hub. The hospital's nurse reads the same date in Sanne's record. Anna,
// the patient, reads the reminder on her plan. Every page on the way gets the accessibility audit.
/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newContext } from './support/browser.js';
import { Shell } from './support/shell.js';
import { messages } from './support/pages.js';
import { auditPage } from './support/audit.js';
import { patientPlanByKeyboard, signInByKeyboard } from './support/keyboard.js';
import { todayNl } from '../src/schema/clock.js';
import { addDays, addMonths } from '../src/core/time/date.js';
import { numericDate } from '../src/web/time-format.js';

const t = messages('nl');
const w = t.measureDue;
const TABS = 200;
const today = todayNl();
const sanneDue = numericDate(addMonths(addMonths(addDays(today, -5), -3), 3));
const annaDue = numericDate(addMonths(addDays(today, -7), 3));

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

describe('the next measurement by keyboard', () => {
  it('the practice\'s list shows it, also after the therapy ended; the nurse reads it in the record; the patient on her plan', { timeout: 600_000 }, async () => {
    // The physiotherapist: the practice's page, its list of coming measurements.
    const physioContext = await newContext(browser, { bypassCSP: true });
    const p = await physioContext.newPage();
    const ps = new Shell(p, 'nl');
    await signInByKeyboard(p, ps, 'physiotherapist');
    expect(new URL(p.url()).pathname).toBe('/referrals');
    const section = p.locator('section[aria-labelledby="measurements-title"]');
    await expect.poll(() => section.getByRole('heading', { name: w.practice.title, exact: true }).count()).toBe(1);
    const sanneRow = section.getByRole('row').filter({ hasText: 'Sanne Meijer' });
    await expect.poll(() => sanneRow.count()).toBe(1);
    expect(await sanneRow.innerText()).toContain(sanneDue);
    expect(await sanneRow.innerText()).toContain(w.status.due);
    expect(await sanneRow.innerText()).toContain(w.practice.afterEnd);
    const annaRow = section.getByRole('row').filter({ hasText: 'Anna de Vries' });
    expect(await annaRow.innerText()).toContain(annaDue);
    expect(await annaRow.innerText()).toContain(w.status.planned);
    await auditPage(p);
    // The name leads to the therapy hub, by keyboard.
    await ps.tabTo(sanneRow.getByRole('link', { name: 'Sanne Meijer', exact: true }), TABS);
    await ps.navigation(() => p.keyboard.press('Enter'));
    const hub = new URL(p.url()).pathname;
    expect(hub).toMatch(/^\/patients\/[^/]+\/therapy$/);
    const record = hub.replace(/\/therapy$/, '');
    await physioContext.close();

    // The hospital's nurse: the next measurement in Sanne's record, with the therapy's end.
    const nurseContext = await newContext(browser, { bypassCSP: true });
    const n = await nurseContext.newPage();
    const ns = new Shell(n, 'nl');
    await signInByKeyboard(n, ns, 'nurse');
    await n.goto(`${record}/contacts`);
    await expect.poll(() => n.getByRole('heading', { name: w.record.title, exact: true }).count()).toBe(1);
    await expect.poll(() => n.getByText(w.record.next(sanneDue, w.status.due ?? ''), { exact: false }).count()).toBe(1);
    await auditPage(n);
    await nurseContext.close();

    // Anna, the patient: the reminder on her plan, reached from her own page by keyboard.
    const { context: patientContext, page: a } = await patientPlanByKeyboard(browser);
    await expect.poll(() => a.getByText(w.patient.planned(annaDue), { exact: true }).count()).toBe(1);
    await auditPage(a);
    await patientContext.close();
  });
});
