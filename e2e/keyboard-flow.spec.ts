// One whole flow with the keyboard only, as a nurse at a desk would do it: sign in, find a patient,
// open the record, correct a detail, and let the patient see in their own access log that the nurse
// looked. No mouse, no clicks: only Tab, Shift+Tab, typing and Enter/Space. Run without JavaScript,
// which the pages never need.
/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newContext } from './support/browser.js';
import { Shell } from './support/shell.js';
import { messages } from './support/pages.js';
import { DEMO_ACCOUNTS } from '../src/demo/demo-data.js';
import { auditPage } from './support/audit.js';
import { signInByKeyboard } from './support/keyboard.js';

const t = messages('nl');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

describe('keyboard only', () => {
  it('a nurse finds a patient, corrects the phone number, and the patient sees who looked', async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    const shell = new Shell(page, 'nl');

    await signInByKeyboard(page, shell, 'nurse');
    // The nurse lands on the worklist; the patients are one link away in the menu.
    expect(new URL(page.url()).pathname).toBe('/worklist');
    await shell.tabTo(page.getByRole('link', { name: t.menu.patients, exact: true }));
    await Promise.all([page.waitForURL((u) => u.pathname === '/patients'), page.keyboard.press('Enter')]);

    // Search by name: Tab to the field, type, Enter submits the form.
    await shell.tabTo(page.getByLabel(t.patients.q, { exact: false }));
    await page.keyboard.type('Vries');
    await Promise.all([page.waitForURL(/q=Vries/), page.keyboard.press('Enter')]);
    const link = page.getByRole('link', { name: /Vries, Anna de/ });
    await shell.tabTo(link, 120);
    await Promise.all([page.waitForURL(/\/patients\/[0-9a-f-]{36}$/), page.keyboard.press('Enter')]);
    expect(await shell.h1().textContent()).toBe('Anna de Vries');

    // Open the correction form where it is (a disclosure: Enter on its summary), type into the
    // field, choose the reason with the arrow keys, send with Enter on the button.
    await shell.tabTo(page.locator('summary', { hasText: t.record.correctTitle }), 200);
    await page.keyboard.press('Enter');
    await shell.tabTo(page.getByLabel(t.patients.fields.phone, { exact: false }), 40);
    await page.keyboard.type('0612345678');
    await shell.tabTo(page.getByRole('radio', { name: t.record.reasons.correction }), 40);
    await page.keyboard.press('Space');
    await shell.tabTo(page.getByRole('button', { name: t.record.correctSubmit }), 40);
    // Wait for the page that answers the form: the record already shown has a matching URL and is
    // loaded, so waiting for those alone raced the save on a busy machine.
    await shell.navigation(() => page.keyboard.press('Enter'));
    await page.waitForURL(/\/patients\/[0-9a-f-]{36}/);
    // Typed as 0612345678, stored as +31612345678, shown the Dutch way.
    await expect.poll(() => page.getByText('06 12345678').count()).toBeGreaterThan(0);
    await context.close();

    // The patient signs in (keyboard again) and finds the nurse in the access log.
    const patientContext = await newContext(browser, { javaScriptEnabled: false });
    const p2 = await patientContext.newPage();
    const s2 = new Shell(p2, 'nl');
    await signInByKeyboard(p2, s2, 'patient');
    expect(new URL(p2.url()).pathname).toBe('/me');
    await s2.tabTo(p2.getByRole('link', { name: t.me.accessLog }), 80);
    await Promise.all([p2.waitForURL(/access-log/), p2.keyboard.press('Enter')]);
    const nurseName = DEMO_ACCOUNTS.find((a) => a.role === 'nurse')?.displayName ?? '';
    await expect.poll(() => p2.getByRole('cell', { name: nurseName }).count()).toBeGreaterThan(0);
    await patientContext.close();
  });
});

// Record pages have an id in their path, so they are reached by following links rather than from
// the page list; they get the same audit (axe WCAG 2.2 AA, targets, text size, reflow).
describe('record pages pass the audit', () => {
  it('record, access log, history and the activation letter, as a nurse', async () => {
    const context = await newContext(browser, { bypassCSP: true });
    const page = await context.newPage();
    const shell = new Shell(page, 'nl');
    await signInByKeyboard(page, shell, 'nurse');
    await page.goto('/patients?q=Vries');
    await Promise.all([page.waitForURL(/\/patients\/[0-9a-f-]{36}$/), page.getByRole('link', { name: /Vries, Anna de/ }).click()]);
    const record = page.url();
    await auditPage(page);
    for (const name of [t.record.accessLog, t.record.history]) {
      await page.goto(record);
      await Promise.all([page.waitForURL((u) => u.href !== record), page.getByRole('link', { name }).click()]);
      expect(await shell.h1().count()).toBe(1);
      await auditPage(page);
    }
    await page.goto(record);
    await page.locator('summary', { hasText: t.record.accountTitle }).click();
    await page.getByRole('radio', { name: t.record.kinds.caregiver }).check();
    await page.getByLabel(t.record.displayName, { exact: false }).fill('Piet de Vries');
    await page.getByLabel(t.record.relation, { exact: false }).selectOption('family');
    await page.getByLabel(t.record.consentLabel).check();
    await shell.navigation(() => page.getByRole('button', { name: t.record.accountSubmit }).click());
    await expect.poll(() => page.getByText(t.letter.body.codeLabel).count()).toBeGreaterThan(0);
    await auditPage(page);
    await context.close();
  });
});
