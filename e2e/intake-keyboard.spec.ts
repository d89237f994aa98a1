// A fracture intake with the keyboard only, as a nurse in the plaster room does it, and the pathway
// after it: a new patient with a wrist fracture, recorded on one page in few keys (counted here:
// every key pressed besides the values typed), the answer whether she qualifies for case finding,
// the results of the diagnostic day (a DXA scan and a lab draw, through the results section's
// forms), the assessment with its why opened, and the sign-off by the physician in a browser of
// their own. Every page on the way gets the accessibility audit.
/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newContext } from './support/browser.js';
import { Shell } from './support/shell.js';
import { messages } from './support/pages.js';
import { auditPage } from './support/audit.js';
import { Keys, signInByKeyboard } from './support/keyboard.js';
import { DEMO_ACCOUNTS } from '../src/demo/demo-data.js';

const t = messages('nl');
/** The most keys the intake may take, besides the values typed: from the start page to the saved fracture. */
const MAX_INTAKE_KEYS = 25;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

const account = (role: string) => {
  const a = DEMO_ACCOUNTS.find((x) => x.role === role);
  if (!a) throw new Error(role);
  return a;
};

describe('fracture intake by keyboard', () => {
  it('a nurse takes in a new patient with a wrist fracture in few keys, and the physician signs the assessment off', async () => {
    const context = await newContext(browser, { bypassCSP: true });
    const page = await context.newPage();
    const shell = new Shell(page, 'nl');
    await signInByKeyboard(page, shell, 'nurse');
    expect(new URL(page.url()).pathname).toBe('/worklist');

    // ---- The intake, counted from the start page ----------------------------------------------
    const keys = new Keys(page, shell);
    await keys.tabTo(page.getByRole('link', { name: t.menu.intake }));
    await keys.submit();
    expect(new URL(page.url()).pathname).toBe('/intake');
    // The cursor is in the first field already.
    expect(await shell.isFocused(page.locator('#familyName'))).toBe(true);
    await keys.type('Wiegersma');
    await keys.press('Tab');
    await keys.type('Hilde');
    await keys.press('Tab');
    await keys.type('17-06-1952');
    await keys.press('Tab');
    await keys.type('vrouw');
    await keys.press('Tab'); // BSN: none at hand
    await keys.press('Tab');
    expect(await shell.isFocused(page.locator('#site'))).toBe(true);
    await keys.type('pols');
    await keys.press('Tab');
    await keys.type('links');
    await keys.press('Tab'); // the fracture's date: today, already filled in
    expect(await shell.isFocused(page.locator('#fractureDate'))).toBe(true);
    expect(await page.locator('#site').inputValue()).toBe('wrist');
    expect(await page.locator('#side').inputValue()).toBe('left');
    expect(await page.locator('#sex').inputValue()).toBe('female');
    // Low energy, not pathological: the defaults stand. Enter saves.
    await keys.submit('Enter');
    expect(new URL(page.url()).pathname).toMatch(/^\/intake\/[0-9a-f-]{36}$/);
    const intakeKeys = keys.pressed;
    console.log(`intake keys besides the typed values: ${String(intakeKeys)} (${keys.log.join(' ')})`);
    expect(intakeKeys).toBeLessThanOrEqual(MAX_INTAKE_KEYS);

    // The answer, at once: she qualifies, and why.
    await expect.poll(() => page.getByRole('heading', { name: t.intake.verdict.indicated }).count()).toBe(1);
    await expect.poll(() => page.getByText(t.why.criterionNames['qualifying-fracture'] ?? '', { exact: true }).count()).toBeGreaterThan(0);
    await auditPage(page);
    const patientId = new URL(page.url()).pathname.split('/')[2] ?? '';

    // ---- The diagnostic day: a DXA scan and a lab draw, through the results section's forms -----
    const c = t.clinical;
    const today = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date()).replace(/\//g, '-');
    await page.goto(`/patients/${patientId}/results`);
    await page.locator('summary', { hasText: c.forms.add.dxa }).click();
    const dxa = page.locator(`form[action="/patients/${patientId}/add/dxa"]`);
    await dxa.locator('#dxa-date').fill(today);
    await dxa.locator('#lumbar-spine-t').fill('-2,7');
    await dxa.locator('#femoral-neck-t').fill('-2,2');
    await dxa.locator('#total-hip-t').fill('-1,9');
    await shell.navigation(() => dxa.getByRole('button', { name: c.forms.save.dxa }).click());
    expect(new URL(page.url()).search).toBe('?notice=added');
    await page.locator('summary', { hasText: c.forms.add.labs }).click();
    const labs = page.locator(`form[action="/patients/${patientId}/add/labs"]`);
    await labs.locator('#labs-date').fill(today);
    const draw: [string, string][] = [['calcium', '2,35'], ['albumin', '41'], ['creatinine', '72'], ['egfr', '78'], ['25-oh-vitamin-d', '38']];
    for (const [i, [test, value]] of draw.entries()) {
      await labs.locator(`#lab${String(i + 1)}-test`).selectOption(test);
      await labs.locator(`#lab${String(i + 1)}-value`).fill(value);
    }
    await shell.navigation(() => labs.getByRole('button', { name: c.forms.save.labs }).click());
    expect(new URL(page.url()).search).toBe('?notice=added');
    await expect.poll(() => page.locator('table', { has: page.locator('caption', { hasText: c.results.dxaCaption(today) }) }).locator('tbody tr').count()).toBe(3);
    await auditPage(page);

    // ---- The assessment, by its section link, with the why of the diagnosis opened ------------
    await keys.tabTo(page.getByRole('navigation', { name: c.sectionsLabel }).getByRole('link', { name: c.sections.assessment }), 80);
    await keys.submit();
    expect(new URL(page.url()).pathname).toBe(`/patients/${patientId}/assessment`);
    const whyOf = (ruleId: string) => page.locator('details.why', { has: page.locator('summary code', { hasText: new RegExp(`^${ruleId.replace(/\./g, '\\.')}$`) }) });
    // The scan is read under the diagnosis: T-score −2,7 with a fracture.
    const diagnosis = page.locator('section.assessment-group', { has: page.locator('#group-diagnosis') });
    await expect.poll(() => diagnosis.locator('summary code', { hasText: 'bmd.category' }).count()).toBe(1);
    const bmd = whyOf('bmd.category');
    await keys.tabTo(bmd.locator('summary'), 120);
    await keys.press('Enter');
    await expect.poll(() => bmd.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    await expect.poll(() => bmd.getByText('WHO-1994').count()).toBeGreaterThan(0);
    await expect.poll(() => bmd.getByText(t.why.met, { exact: true }).count()).toBeGreaterThan(0);
    // And the case finding's why, one Tab-walk further.
    const dxaWhy = whyOf('case-finding.dxa-indicated');
    await keys.tabTo(dxaWhy.locator('summary'), 120);
    await keys.press('Enter');
    await expect.poll(() => dxaWhy.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    await expect.poll(() => dxaWhy.getByText(t.why.criterionNames['qualifying-fracture'] ?? '').count()).toBeGreaterThan(0);
    await auditPage(page);
    await context.close();

    // ---- The physician signs the assessment off, in a browser of their own --------------------
    const doctorContext = await newContext(browser, { bypassCSP: true });
    const p2 = await doctorContext.newPage();
    const s2 = new Shell(p2, 'nl');
    await signInByKeyboard(p2, s2, 'physician');
    await p2.goto(`/patients/${patientId}/assessment`);
    const doctorKeys = new Keys(p2, s2);
    await doctorKeys.tabTo(p2.getByLabel(t.assessment.signNote, { exact: false }), 200);
    await doctorKeys.type('Pols rechts gezien; DXA en lab op de onderzoeksdag.');
    await doctorKeys.tabTo(p2.getByRole('button', { name: t.assessment.signButton }));
    await doctorKeys.submit();
    await expect.poll(() => p2.getByText(t.assessment.signed).count()).toBe(1);
    await expect.poll(() => p2.getByRole('cell', { name: `${account('physician').displayName} (${t.roles.physician})` }).count()).toBe(1);
    await auditPage(p2);
    // What was concluded then, kept.
    await doctorKeys.tabTo(p2.getByRole('link', { name: /^Bekijk de beoordeling van/ }), 200);
    await doctorKeys.submit();
    await expect.poll(() => p2.locator('summary code', { hasText: /^case-finding\.dxa-indicated$/ }).count()).toBe(1);
    await auditPage(p2);
    await doctorContext.close();
  });
});
