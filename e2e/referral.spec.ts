// The exercise therapy's first steps by keyboard only, in a real browser: the nurse refers Joost in
// 't Veld (a vertebral fracture on his VFA) from his record to the demo practice; the
// physiotherapist starts at the practice's referrals, sees the waiting referral and nothing of the
// record (which answers 403), accepts it, lands on the therapy hub and opens the record from there;
// then, from the hub, records the intake with Joost's own goal and a PSK activity, goes through the
// education session, chooses a loaded spinal flexion for the plan and is warned, goes ahead, and
// the home programme is read back with pdftotext. Every page on the way gets the accessibility audit.
/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newContext } from './support/browser.js';
import { Shell } from './support/shell.js';
import { messages } from './support/pages.js';
import { auditPage } from './support/audit.js';
import { signInByKeyboard } from './support/keyboard.js';
import { fetchPdfText } from './support/pdf.js';
import { todayNl } from '../src/schema/clock.js';
import { addMonths } from '../src/core/time/date.js';
import { typedFromIso } from '../src/web/forms.js';

const t = messages('nl');
const r = t.referralPages;
const TABS = 200;
const NAME = "Joost in 't Veld";
const REASON = 'Na de wervelbreuk veilig leren tillen en bukken.';
const GOAL = 'Elke dag een rondje door het park lopen';
/** What a refused form says, for a failure's message. */
const errorsShown = async (page: Page) => (await page.locator('.error-summary').count()) > 0 ? await page.locator('.error-summary').innerText() : 'no error summary';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

describe('a referral and the first steps of the exercise therapy by keyboard', () => {
  it('a nurse refers, the practice accepts, records the intake and education, and plans with the spinal-flexion warning', { timeout: 600_000 }, async () => {
    // The nurse, on Joost's record: the link to the referrals, the form, the practice, the reason.
    const nurseContext = await newContext(browser, { bypassCSP: true });
    const page = await nurseContext.newPage();
    const shell = new Shell(page, 'nl');
    await signInByKeyboard(page, shell, 'nurse');
    await page.goto('/patients?q=Veld');
    const record = await page.locator('a[href^="/patients/"]', { hasText: 'Joost' }).first().getAttribute('href');
    if (!record) throw new Error("no demo record for Joost in 't Veld");
    // The VFA the referral takes along (through the API: the hospital's result, not this test's subject).
    const vfa = await page.request.post(`/api/v1${record}/vfa`, { data: { date: todayNl(), vertebrae: [{ level: 'L1', grade: 2 }] } });
    expect(vfa.status(), await vfa.text()).toBe(201);
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
    // The VFA result went along with the referral, in words.
    await expect.poll(() => p.getByText(r.vertebra('L1', r.grades['2'])).count()).toBe(1);
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

    // The intake, from the hub: Joost's own goal, measurable, and one activity of the PSK.
    await p.goto(`${record}/therapy`);
    await ps.tabTo(p.getByRole('link', { name: t.referralPages.hub.parts.intake, exact: true }), TABS);
    await ps.navigation(() => p.keyboard.press('Enter'));
    expect(new URL(p.url()).pathname).toBe(`${record}/therapy/intake`);
    await auditPage(p);
    await ps.tabTo(p.locator('#history'), TABS);
    await p.keyboard.type('Wervelbreuk L1 dit jaar; rugpijn bij tillen.');
    await ps.tabTo(p.locator('#painScore'), TABS);
    await p.keyboard.type('4');
    await ps.tabTo(p.locator('#postureObservations'), TABS);
    await p.keyboard.type('Iets voorovergebogen, bukt met een bolle rug.');
    await ps.tabTo(p.locator('#postureAdvice'), TABS);
    await p.keyboard.type('Door de knieën zakken bij tillen, rug recht.');
    await ps.tabTo(p.locator('#goal1What'), TABS);
    await p.keyboard.type(GOAL);
    await ps.tabTo(p.locator('#goal1HowMuch'), TABS);
    await p.keyboard.type('20 minuten zonder stoppen');
    await ps.tabTo(p.locator('#goal1By'), TABS);
    await p.keyboard.type(typedFromIso(addMonths(todayNl(), 3)));
    await ps.tabTo(p.locator('#psk1Activity'), TABS);
    await p.keyboard.type('Traplopen');
    await ps.tabTo(p.locator('#psk1Score'), TABS);
    await p.keyboard.type('7');
    await ps.tabTo(p.getByRole('button', { name: t.therapyIntake.save, exact: true }), TABS);
    await ps.navigation(() => p.keyboard.press('Enter'));
    expect(new URL(p.url()).search, await errorsShown(p)).toBe('?notice=saved');
    await expect.poll(() => p.getByText(GOAL, { exact: true }).count()).toBe(1);
    await expect.poll(() => p.getByText('Traplopen: 7').count()).toBe(1);
    await auditPage(p);

    // The education session: posture after a vertebral fracture discussed, more wanted on measuring.
    await p.goto(`${record}/therapy`);
    await ps.tabTo(p.getByRole('link', { name: t.referralPages.hub.parts.education, exact: true }), TABS);
    await ps.navigation(() => p.keyboard.press('Enter'));
    expect(new URL(p.url()).pathname).toBe(`${record}/therapy/education`);
    await ps.tabTo(p.locator('#discussed-posture'), TABS);
    await p.keyboard.press('Space');
    await ps.tabTo(p.locator('#more-measuring'), TABS);
    await p.keyboard.press('Space');
    await ps.tabTo(p.getByRole('button', { name: t.education.save, exact: true }), TABS);
    await ps.navigation(() => p.keyboard.press('Enter'));
    expect(new URL(p.url()).search).toBe('?notice=saved');
    await auditPage(p);

    // The plan: the weighted sit-up is loaded spinal flexion, and the VFA shows a fracture at L1.
    await p.goto(`${record}/therapy`);
    await ps.tabTo(p.getByRole('link', { name: t.referralPages.hub.parts.plan, exact: true }), TABS);
    await ps.navigation(() => p.keyboard.press('Enter'));
    expect(new URL(p.url()).pathname).toBe(`${record}/therapy/plan`);
    await expect.poll(() => p.locator('#warn-weighted-sit-up').innerText()).toContain('L1');
    await ps.tabTo(p.locator('#use-weighted-sit-up'), 300);
    await p.keyboard.press('Space');
    await ps.tabTo(p.locator('#use-chair-rise'), 300);
    await p.keyboard.press('Space');
    await ps.tabTo(p.getByRole('button', { name: t.exercisePlan.save, exact: true }), 300);
    await ps.navigation(() => p.keyboard.press('Enter'));
    expect(await p.locator('.error-summary').innerText()).toContain(t.exercisePlan.acknowledgeNeeded);
    await auditPage(p);
    await ps.tabTo(p.locator('#acknowledge'), 300);
    await p.keyboard.press('Space');
    await ps.tabTo(p.getByRole('button', { name: t.exercisePlan.save, exact: true }), 300);
    await ps.navigation(() => p.keyboard.press('Enter'));
    expect(new URL(p.url()).search).toBe('?notice=saved');
    await expect.poll(() => p.getByText(t.exercisePlan.wentAhead).count()).toBe(1);
    await auditPage(p);

    // The home programme, read back.
    const pdf = await p.getByRole('link', { name: t.exercisePlan.pdfNl }).first().getAttribute('href');
    const text = (await fetchPdfText(p, pdf ?? '')).replace(/\s+/g, ' ');
    for (const part of ['Mijn oefeningen voor thuis', NAME, 'Sit-up met gewicht', 'Opstaan uit een stoel']) expect(text).toContain(part);
    await physioContext.close();
  });
});
