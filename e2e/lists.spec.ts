// A long patient list in the browser, as a nurse pages through it without JavaScript: the true
// number found, which ones this page shows, next and previous links; in Dutch and in English.
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

/** The demo hospital cares for 10 patients; this many more make 62. */
const MORE = 52;

beforeAll(async () => {
  browser = await launchBrowser();
  context = await newContext(browser, { bypassCSP: true });
  page = await context.newPage();
  await signInAs('nurse')(page);
  for (let i = 0; i < MORE; i++) {
    const res = await page.request.post('/api/v1/patients', {
      // Each one a different person: no look for duplicates needed.
      data: { familyName: `Lijstpatiënt ${String(i).padStart(2, '0')}`, givenName: 'Els', birthDate: `19${String(30 + i)}-02-02`, sex: 'female', differentPerson: true },
    });
    expect(res.status()).toBe(201);
  }
}, 240_000);
afterAll(async () => {
  await context.close();
  await browser.close();
});

describe.each(['nl', 'en'] as const)('the patient list in pages, in %s', (lang) => {
  const t = messages(lang);
  const rows = () => page.locator('table tbody tr').count();

  it('tells the true number found and shows the first 50', async () => {
    await context.addCookies([{ name: LANG_COOKIE, value: lang, url: new URL(page.url()).origin }]);
    await page.goto('/patients');
    expect(await page.getByRole('status').textContent()).toContain(`${t.patients.count(62)} ${t.patients.shown(1, 50)}`);
    expect(await rows()).toBe(50);
    expect(await page.getByRole('link', { name: t.patients.previous }).count()).toBe(0);
    await auditPage(page);
  });

  it('goes to the next page and back by the links', async () => {
    await Promise.all([page.waitForURL(/cursor=/), page.getByRole('navigation', { name: t.patients.pages }).getByRole('link', { name: t.patients.next }).click()]);
    expect(await page.getByRole('status').textContent()).toContain(t.patients.shown(51, 62));
    expect(await rows()).toBe(12);
    expect(await page.getByRole('link', { name: t.patients.next }).count()).toBe(0);
    await auditPage(page);
    await Promise.all([page.waitForURL(/cursor=/), page.getByRole('link', { name: t.patients.previous }).click()]);
    expect(await page.getByRole('status').textContent()).toContain(t.patients.shown(1, 50));
    expect(await rows()).toBe(50);
  });
});
