// Caregivers' links in the browser, in both languages: the nurse is told on the form why a link is
// not issued; consent is recorded, the caregiver activates their letter, the patient ends their
// access on her own page, the caregiver's start page says why and what to do, and the clinic
// records consent again and ends it with a reason. Every page on the way clears the audit.
/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './support/browser.js';
import { auditPage } from './support/audit.js';
import { tabIn } from './support/shell.js';
import { LANGS, messages, signInAs } from './support/pages.js';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

const tab = (lang: (typeof LANGS)[number]) => tabIn(browser, lang);

const body = (page: Page) => page.textContent('body').then((s) => s ?? '');

describe.each(LANGS)('caregiver links in %s', (lang) => {
  const t = messages(lang);
  const caregiverName = lang === 'nl' ? 'Wim Verhoef' : 'Walter Green';
  const caregiverEmail = lang === 'nl' ? 'wim.verhoef@example.org' : 'walter.green@example.org';
  const password = 'lang-genoeg-wachtwoord';
  let nurse: { context: BrowserContext; page: Page };
  let anna = '';
  let code = '';
  let caregiverId = '';

  beforeAll(async () => {
    nurse = await tab(lang);
    await signInAs('nurse')(nurse.page);
    await nurse.page.goto('/patients?q=Vries');
    const href = await nurse.page.locator('a[href^="/patients/"]', { hasText: 'Anna' }).first().getAttribute('href');
    anna = href?.split('/')[2] ?? '';
  });
  afterAll(async () => {
    await nurse.context.close();
  });

  it('refuses a caregiver link without the consent it needs, and says so beside the field', async () => {
    const page = nurse.page;
    await page.goto(`/patients/${anna}/account`);
    await page.check('input[name="kind"][value="caregiver"]');
    await page.fill('#displayName', caregiverName);
    await page.selectOption('#relation', 'family');
    await Promise.all([page.waitForLoadState('load'), page.click(`form[action="/patients/${anna}/account"] button[type="submit"]`)]);
    expect(await body(page)).toContain(t.record.accountRefused.patientConsent);
    expect(await page.getAttribute('a[href="#patientConsent"]', 'href')).toBe('#patientConsent');
    await auditPage(page);
  });

  it('issues the link once the patient agreed, and the record says who agreed', async () => {
    const page = nurse.page;
    await page.check('#patientConsent');
    await Promise.all([page.waitForLoadState('load'), page.click(`form[action="/patients/${anna}/account"] button[type="submit"]`)]);
    code = (await page.textContent('.code'))?.trim() ?? '';
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    await page.goto(`/patients/${anna}`);
    const link = page.locator('a[href*="/caregivers/"]', { hasText: caregiverName });
    caregiverId = (await link.getAttribute('href'))?.split('/')[4] ?? '';
    const agreedThemself = t.record.linkStatus.consent('Anna de Vries', '\u0000', false).split('\u0000')[0] ?? '';
    expect(agreedThemself).toContain('Anna de Vries');
    expect(await body(page)).toContain(agreedThemself);
  });

  it('lets the patient end the access on her own page', async () => {
    const patient = await tab(lang);
    try {
      await signInAs('patient')(patient.page);
      await patient.page.goto('/me');
      expect(await body(patient.page)).toContain(t.me.caregiversTitle);
      await auditPage(patient.page);
      await Promise.all([patient.page.waitForURL(/notice=stopped/), patient.page.click(`form[action="/me/caregivers/${caregiverId}/withdraw"] button[type="submit"]`)]);
      expect(await body(patient.page)).toContain(t.me.stopped);
      expect(await body(patient.page)).toContain(t.me.status.withdrawn);
      await auditPage(patient.page);
    } finally {
      await patient.context.close();
    }
  });

  it("tells the caregiver on their start page why they see nothing and what to do", async () => {
    const carer = await tab(lang);
    try {
      const page = carer.page;
      await page.goto('/activate');
      await page.fill('#code', code);
      await page.fill('#email', caregiverEmail);
      await page.fill('#password', password);
      await page.fill('#password2', password);
      await Promise.all([page.waitForURL(/\/sign-in/), page.click('form[action="/activate"] button[type="submit"]')]);
      await page.fill('#email', caregiverEmail);
      await page.fill('#password', password);
      await Promise.all([page.waitForURL(/\/care/), page.click('form[action="/sign-in"] button[type="submit"]')]);
      const text = await body(page);
      expect(text).toContain(t.care.idle['consent-withdrawn'].why);
      expect(text).toContain(t.care.idle['consent-withdrawn'].what);
      expect(await page.locator(`a[href="/patients/${anna}"]`).count()).toBe(0);
      await auditPage(page);
    } finally {
      await carer.context.close();
    }
  });

  it('lets the clinic record consent again and end it with a reason', async () => {
    const page = nurse.page;
    await page.goto(`/patients/${anna}/caregivers/${caregiverId}`);
    expect(await page.textContent('h1')).toBe(t.record.consentTitle(caregiverName));
    await auditPage(page);
    await Promise.all([page.waitForURL(/notice=recorded/), page.click('form[action$="/consent"] button[type="submit"]')]);
    expect(await body(page)).toContain(t.record.consentRecorded);
    await Promise.all([page.waitForLoadState('load'), page.click('form[action$="/withdraw"] button[type="submit"]')]);
    expect(await page.getAttribute('a[href="#reason"]', 'href')).toBe('#reason');
    await page.fill('#reason', lang === 'nl' ? 'De patiënt belde' : 'The patient phoned');
    await Promise.all([page.waitForURL(/notice=withdrawn/), page.click('form[action$="/withdraw"] button[type="submit"]')]);
    expect(await body(page)).toContain(t.record.consentWithdrawn);
    await auditPage(page);
  });
});

// The demo's caregiver is the mother of a child under 12: her start page lists the child, with no
// word about a missing consent.
it('a parent of a young child sees the child and no refusal', async () => {
  const { context, page } = await tab('nl');
  try {
    await signInAs('caregiver')(page);
    await page.goto('/care');
    expect(await page.locator('a[href^="/patients/"]').count()).toBe(1);
    expect(await body(page)).not.toContain(messages('nl').care.idleTitle);
  } finally {
    await context.close();
  }
});
