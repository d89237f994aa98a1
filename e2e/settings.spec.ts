// The organisation's clinical settings in a real browser: the demo administrator changes two of
// them and sees them saved, a value out of range is refused next to its field (and nothing of it is
// kept), and a demo clinician's evaluation then reports the new values in `settingsUsed`. Each state
// of the page passes the accessibility checks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './support/browser.js';
import { auditPage } from './support/audit.js';
import { tabIn } from './support/shell.js';
import { messages, signInAs } from './support/pages.js';

const t = messages('nl');
const o = t.orgSettings;

/** A wrist-bone fracture at 76: it counts under the guideline, not where hands and feet are excluded. */
const CASE = { asOf: '2026-11-23', person: { birthDate: '1950-04-01', sex: 'female' }, fractures: [{ date: '2026-06-01', site: 'carpus' }] };

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

describe('the settings of the demo organisation', () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ context, page } = await tabIn(browser, 'nl'));
    await signInAs('admin')(page);
  });
  afterAll(async () => {
    await context.close();
  });

  it('is reached from the administrator\'s menu and shows the defaults', async () => {
    await page.goto('/admin/users');
    await Promise.all([page.waitForURL('**/admin/settings'), page.click(`a[href="/admin/settings"]:has-text("${t.menu.settings}")`)]);
    expect(await page.locator('h1').innerText()).toBe(o.title);
    expect(await page.locator('#settings-changed').innerText()).toBe(o.neverChanged);
    expect(await page.inputValue('#overdueGraceDays')).toBe('14');
    expect(await page.locator('#fractureSitePolicy').inputValue()).toBe('guideline');
    await auditPage(page);
  });

  it('saves a change and says so', async () => {
    await page.selectOption('#fractureSitePolicy', 'hands-feet-excluded');
    await page.fill('#overdueGraceDays', '21');
    await Promise.all([page.waitForURL('**/admin/settings?saved=1'), page.click('form[action="/admin/settings"] button[type="submit"]')]);
    expect(await page.locator('.notice').innerText()).toContain(o.saved);
    expect(await page.inputValue('#overdueGraceDays')).toBe('21');
    expect(await page.locator('#fractureSitePolicy').inputValue()).toBe('hands-feet-excluded');
    expect(await page.locator('#overdueGraceDays-hint').innerText()).toContain(o.now('21', true));
    expect(await page.locator('#settings-changed').innerText()).toMatch(/^Het laatst veranderd door /);
    await auditPage(page);
  });

  it('refuses a value out of range next to its field, and keeps the saved one', async () => {
    await page.fill('#aidsCheckIntervalMonths', '40');
    const [res] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/admin/settings') && r.request().method() === 'POST'), page.click('form[action="/admin/settings"] button[type="submit"]')]);
    expect(res.status()).toBe(400);
    const message = o.whole(o.fields.aidsCheckIntervalMonths.label, 1, 36);
    expect(await page.locator('#aidsCheckIntervalMonths-error').innerText()).toContain(message);
    expect(await page.getAttribute('#aidsCheckIntervalMonths', 'aria-invalid')).toBe('true');
    expect(await page.locator('.error-summary a[href="#aidsCheckIntervalMonths"]').innerText()).toBe(message);
    await auditPage(page);
    await page.goto('/admin/settings');
    expect(await page.inputValue('#aidsCheckIntervalMonths')).toBe('6');
    expect(await page.inputValue('#overdueGraceDays')).toBe('21');
  });

  it('is what a clinician\'s evaluation then uses', async () => {
    const nurse = await tabIn(browser, 'nl');
    try {
      await signInAs('nurse')(nurse.page);
      const res = await nurse.page.request.post('/api/v1/evaluate', { data: CASE });
      expect(res.status()).toBe(200);
      const ev = (await res.json()) as { settingsUsed: Record<string, unknown>; conclusions: { code: string; value: unknown }[] };
      expect(ev.settingsUsed).toMatchObject({ fractureSitePolicy: 'hands-feet-excluded', overdueGraceDays: 21, aidsCheckIntervalMonths: 6 });
      expect(ev.conclusions.find((c) => c.code === 'case-finding.dxa-indicated')?.value).not.toMatchObject({ indicated: true });
    } finally {
      await nurse.context.close();
    }
  });
});
