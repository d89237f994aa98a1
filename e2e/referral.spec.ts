// A referral by keyboard only, in a real browser: the nurse refers Joost in 't Veld from his record
// to the demo practice; the physiotherapist starts at the practice's referrals, sees the waiting
// referral and nothing of the record (which answers 403), accepts it, lands on the therapy hub and
// opens the record from there. Every page on the way gets the accessibility audit.
/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newContext } from './support/browser.js';
import { Shell } from './support/shell.js';
import { messages } from './support/pages.js';
import { auditPage } from './support/audit.js';
import { signInByKeyboard } from './support/keyboard.js';

const t = messages('nl');
const r = t.referralPages;
const TABS = 200;
const NAME = "Joost in 't Veld";
const REASON = 'Na de wervelbreuk veilig leren tillen en bukken.';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

describe('a referral by keyboard', () => {
  it('a nurse refers, the practice sees only the referral, accepts it and opens the record and the hub', { timeout: 600_000 }, async () => {
    // The nurse, on Joost's record: the link to the referrals, the form, the practice, the reason.
    const nurseContext = await newContext(browser, { bypassCSP: true });
    const page = await nurseContext.newPage();
    const shell = new Shell(page, 'nl');
    await signInByKeyboard(page, shell, 'nurse');
    await page.goto('/patients?q=Veld');
    const record = await page.locator('a[href^="/patients/"]', { hasText: 'Joost' }).first().getAttribute('href');
    if (!record) throw new Error("no demo record for Joost in 't Veld");
    await page.goto(record);
    await shell.tabTo(page.getByRole('link', { name: r.link, exact: true }), TABS);
    await shell.navigation(() => page.keyboard.press('Enter'));
    expect(new URL(page.url()).pathname).toBe(`${record}/referrals`);
    await auditPage(page);
    await shell.tabTo(page.locator('#organisationId'), TABS);
    await page.keyboard.press('ArrowDown');
    await shell.tabTo(page.locator('#reason'), TABS);
    await page.keyboard.type(REASON);
    await shell.tabTo(page.getByRole('button', { name: r.patient.submit, exact: true }), TABS);
    await shell.navigation(() => page.keyboard.press('Enter'));
    expect(new URL(page.url()).search).toBe('?notice=referred');
    await expect.poll(() => page.getByText(r.patient.referred).count()).toBe(1);
    await auditPage(page);
    await nurseContext.close();

    // The physiotherapist starts at the practice's referrals: the waiting one, with its reason.
    const physioContext = await newContext(browser, { bypassCSP: true });
    const p = await physioContext.newPage();
    const ps = new Shell(p, 'nl');
    await signInByKeyboard(p, ps, 'physiotherapist');
    expect(new URL(p.url()).pathname).toBe('/referrals');
    await expect.poll(() => p.getByRole('heading', { name: NAME, exact: true }).count()).toBe(1);
    await expect.poll(() => p.getByText(REASON).count()).toBe(1);
    await auditPage(p);
    // Nothing of the record yet: the record itself is refused.
    const refused = await p.goto(record);
    expect(refused?.status()).toBe(403);
    await p.goto('/referrals');

    // Accept by keyboard: the hub, its parts, and the record from there.
    await ps.tabTo(p.getByRole('button', { name: r.practice.acceptFor(NAME), exact: true }), TABS);
    await ps.navigation(() => p.keyboard.press('Enter'));
    expect(new URL(p.url()).pathname).toBe(`${record}/therapy`);
    await expect.poll(() => p.getByText(r.hub.accepted).count()).toBe(1);
    await expect.poll(() => p.getByText(REASON).count()).toBe(1);
    for (const part of ['intake', 'education', 'plan', 'home-check', 'coaching']) expect(await p.locator(`a[href="${record}/therapy/${part}"]`).count()).toBe(1);
    await auditPage(p);
    await ps.tabTo(p.getByRole('link', { name: r.hub.record, exact: true }), TABS);
    await ps.navigation(() => p.keyboard.press('Enter'));
    expect(new URL(p.url()).pathname).toBe(record);
    await expect.poll(() => p.getByRole('heading', { level: 1, name: NAME }).count()).toBe(1);
    await auditPage(p);
    await physioContext.close();
  });
});
