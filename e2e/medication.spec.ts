// The medication plan with the keyboard only, as a physician works it on the demo records: a drug
// the safety checks block is refused with the reason at the field that lifts it, then prescribed
// with the reason kept; a late denosumab injection is recorded with its place and batch; a
// denosumab stop without a follow-on is refused with the guardrail's why, then stopped with the
// reason to stop anyway. Every state of the page gets the accessibility audit.
/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newContext } from './support/browser.js';
import { Shell } from './support/shell.js';
import { messages } from './support/pages.js';
import { auditPage } from './support/audit.js';
import { signInByKeyboard } from './support/keyboard.js';

const t = messages('nl');
const m = t.medicationPlan;
/** The medication page holds tables with links before its forms: more Tabs than a short page. */
const TABS = 200;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

/** The medication page of a demo patient, found through the patient search by keyboard. */
async function medicationOf(page: Page, shell: Shell, familyName: string, givenName: string): Promise<string> {
  await page.goto('/patients');
  await shell.tabTo(page.locator('#q'), TABS);
  await page.keyboard.type(familyName);
  await shell.navigation(() => page.keyboard.press('Enter'));
  await shell.tabTo(page.locator('a[href^="/patients/"]', { hasText: givenName }).first(), TABS);
  await shell.navigation(() => page.keyboard.press('Enter'));
  await shell.tabTo(page.getByRole('link', { name: t.clinical.sections.medication, exact: true }), TABS);
  await shell.navigation(() => page.keyboard.press('Enter'));
  expect(new URL(page.url()).pathname).toMatch(/^\/patients\/[0-9a-f-]{36}\/medication$/);
  return new URL(page.url()).pathname;
}

/** Follows the page's link to one of its forms, as a keyboard user skips the tables above it. */
async function jumpTo(page: Page, shell: Shell, form: string): Promise<void> {
  await shell.tabTo(page.locator('.jump-links').getByRole('link', { name: form, exact: true }), TABS);
  await page.keyboard.press('Enter');
}

/** Tabs to a form's button and presses Enter, waiting for the page that answers. */
async function send(page: Page, shell: Shell, button: string): Promise<void> {
  await shell.tabTo(page.getByRole('button', { name: button, exact: true }), TABS);
  await shell.navigation(() => page.keyboard.press('Enter'));
}

const summaryLink = (page: Page, field: string) => page.locator(`.error-summary a[href="#${field}"]`);

describe('the medication plan by keyboard', () => {
  it('refuses a blocked drug, prescribes it with an override reason, records a dose, and stops denosumab only with the reason to stop anyway', { timeout: 600_000 }, async () => {
    const context = await newContext(browser, { bypassCSP: true });
    const page = await context.newPage();
    const shell = new Shell(page, 'nl');
    await signInByKeyboard(page, shell, 'physician');

    // ---- A blocked drug: raloxifene for a man ---------------------------------------------------
    const yusuf = await medicationOf(page, shell, 'Amrani', 'Yusuf');
    await auditPage(page);
    await jumpTo(page, shell, m.prescribe.title);
    await shell.tabTo(page.locator('#drug'), 10);
    await page.keyboard.type('Ralox');
    expect(await page.locator('#drug').inputValue()).toBe('raloxifene');
    await send(page, shell, m.prescribe.save);
    expect(new URL(page.url()).pathname).toBe(`${yusuf}/prescribe`);
    expect(await summaryLink(page, 'overrideReason').count()).toBe(1);
    expect(await summaryLink(page, 'overrideReason').textContent()).toContain(m.prescribe.blocked('|').split('|')[0] ?? '-');
    // The error summary takes focus, so the reader hears what is wrong first.
    expect(await shell.isFocused(page.locator('.error-summary'))).toBe(true);
    await auditPage(page);

    await jumpTo(page, shell, m.prescribe.title);
    await shell.tabTo(page.locator('#overrideReason'), 10);
    await page.keyboard.type('Besproken met de uroloog: geen ander middel mogelijk');
    expect(await page.locator('#drug').inputValue()).toBe('raloxifene');
    await send(page, shell, m.prescribe.save);
    expect(page.url()).toContain(`${yusuf}?notice=prescribed`);
    await expect.poll(() => page.getByText(m.notices.prescribed).count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => page.getByText('Besproken met de uroloog: geen ander middel mogelijk', { exact: false }).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await auditPage(page);

    // ---- A late denosumab injection recorded with its place and batch ---------------------------
    await medicationOf(page, shell, 'Veld', 'Joost');
    await expect.poll(() => page.getByRole('link', { name: m.actions.recordDose }).count(), { timeout: 15_000 }).toBe(1);
    await auditPage(page);
    await jumpTo(page, shell, m.dose.title);
    await shell.tabTo(page.locator('#location'), 10);
    await page.keyboard.type('Polikliniek interne');
    await page.keyboard.press('Tab');
    expect(await shell.isFocused(page.locator('#batch'))).toBe(true);
    await page.keyboard.type('DEN-E2E-77');
    await send(page, shell, m.dose.save);
    await expect.poll(() => page.getByText(m.notices.dose).count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => page.getByText('DEN-E2E-77').count(), { timeout: 15_000 }).toBe(1);
    await auditPage(page);

    // ---- A denosumab stop without a follow-on --------------------------------------------------
    await medicationOf(page, shell, 'Berg', 'Cornelis');
    await expect.poll(() => page.getByText(m.stop.guardHint).count(), { timeout: 15_000 }).toBe(1);
    await jumpTo(page, shell, m.stop.title);
    await shell.tabTo(page.locator('#stopReason'), 10);
    await page.keyboard.type('Wil geen prikken meer');
    await send(page, shell, m.stop.save);
    expect(await summaryLink(page, 'stopOverrideReason').count()).toBe(1);
    expect(await summaryLink(page, 'stopOverrideReason').textContent()).toContain(m.sequence['denosumab-stop-without-follow-on']);
    expect(await page.locator('#stopReason').inputValue()).toBe('Wil geen prikken meer');
    await auditPage(page);

    await jumpTo(page, shell, m.stop.title);
    await shell.tabTo(page.locator('#stopOverrideReason'), 10);
    await page.keyboard.type('Besproken; patiënt blijft bij zijn keuze');
    await send(page, shell, m.stop.save);
    await expect.poll(() => page.getByText(m.notices.stopped).count(), { timeout: 15_000 }).toBe(1);
    // Stopped anyway: the core's alert asks for the follow-on, with the way to plan it.
    await expect.poll(() => page.getByRole('link', { name: m.actions.planFollowOn }).count(), { timeout: 15_000 }).toBe(1);
    await auditPage(page);
    await context.close();
  });
});
