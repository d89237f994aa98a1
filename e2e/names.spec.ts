// Dutch surnames and likely duplicates in the browser, in Dutch and in English: a new record that
// looks like an existing one is shown before it is saved (open that record, or confirm someone
// else), and the list files and finds people under the main word of the surname.
/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newContext } from './support/browser.js';
import { auditPage } from './support/audit.js';
import { messages, signInAs } from './support/pages.js';
import { LANG_COOKIE } from '../src/web/page-context.js';

let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  // axe is injected as an inline script; both steps of the form are plain form posts all the same.
  context = await newContext(browser, { bypassCSP: true });
  page = await context.newPage();
  await signInAs('nurse')(page);
});
afterAll(async () => {
  await context.close();
  await browser.close();
});

describe.each(['nl', 'en'] as const)('names and duplicates in %s', (lang) => {
  const t = messages(lang);

  async function fillNew(givenName: string) {
    await page.goto('/patients/new');
    await page.fill('#givenName', givenName);
    // Typed in one field, as many do: Botpad keeps the prefix apart.
    await page.fill('#familyName', 'de Vries');
    await page.fill('#birthDate', '12-04-1948');
    await page.check('input[name="sex"][value="female"]');
  }

  it('shows the record that may be the same person before saving, and opens it', async () => {
    await context.addCookies([{ name: LANG_COOKIE, value: lang, url: new URL(page.url()).origin }]);
    await fillNew('Anna');
    await page.getByRole('button', { name: t.patients.create }).click();
    await page.locator('#duplicates-title').waitFor();
    expect(await page.getByRole('heading', { level: 2, name: t.patients.duplicates.title }).count()).toBe(1);
    const open = page.getByRole('link', { name: t.patients.duplicates.open('Anna de Vries') }).first();
    expect(await open.count()).toBe(1);
    await auditPage(page);
    await Promise.all([page.waitForURL(/\/patients\/[0-9a-f-]{36}$/), open.click()]);
    expect(await page.locator('h1').textContent()).toBe('Anna de Vries');
  });

  it('saves only once the nurse confirms it is someone else', async () => {
    await fillNew('Anna');
    await page.getByRole('button', { name: t.patients.create }).click();
    await page.locator('#duplicates-title').waitFor();
    // Sent again without the tick: an error on the box, nothing saved.
    await page.getByRole('button', { name: t.patients.create }).click();
    await page.locator('.error-summary').waitFor();
    expect(await page.locator('.error-summary').textContent()).toContain(t.patients.duplicates.confirmFirst);
    await auditPage(page);
    await page.getByLabel(t.patients.duplicates.confirm).check();
    await Promise.all([page.waitForURL(/notice=created/), page.getByRole('button', { name: t.patients.create }).click()]);
    expect(await page.locator('h1').textContent()).toBe('Anna de Vries');
    expect(await page.inputValue('#familyNamePrefix')).toBe('de');
    expect(await page.inputValue('#familyName')).toBe('Vries');
  });

  it('files people under the main word of the surname and finds them typed in any order', async () => {
    await page.goto('/patients');
    const names = (await page.locator('table tbody th a').allTextContents()).map((s) => s.trim());
    const at = (n: string) => names.indexOf(n);
    for (const n of ['Bakker, Fatima', 'Berg, Cornelis van den', 'Horst, Mieke ter', "Veld, Joost in 't", 'Vries, Anna de']) expect(at(n), n).toBeGreaterThanOrEqual(0);
    expect(at('Bakker, Fatima')).toBeLessThan(at('Berg, Cornelis van den'));
    expect(at('Berg, Cornelis van den')).toBeLessThan(at('Horst, Mieke ter'));
    expect(at('Horst, Mieke ter')).toBeLessThan(at("Veld, Joost in 't"));
    expect(at("Veld, Joost in 't")).toBeLessThan(at('Vries, Anna de'));
    await auditPage(page);
    for (const q of ['Vries, Anna', 'Anna de Vries', 'de vries']) {
      await page.getByLabel(t.patients.q, { exact: false }).fill(q);
      await Promise.all([page.waitForURL(/q=/), page.getByRole('button', { name: t.patients.search }).click()]);
      expect(await page.getByRole('link', { name: 'Vries, Anna de' }).count(), q).toBeGreaterThan(0);
    }
  });
});
