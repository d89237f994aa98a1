// Merging two records in the browser, as a nurse does it: the record offers the other record with
// the same date of birth, the comparison shows both side by side, one button merges, the merged
// record shows where the patient lives on, and the merge can be undone. Every step clears the audit.
/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newContext } from './support/browser.js';
import { auditPage } from './support/audit.js';
import { messages, signInAs } from './support/pages.js';

const t = messages('nl');
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  // axe is injected as an inline script, which our script-src 'self' rightly refuses.
  context = await newContext(browser, { bypassCSP: true });
  page = await context.newPage();
  await signInAs('nurse')(page);
});
afterAll(async () => {
  await context.close();
  await browser.close();
});

async function newPatient(familyName: string): Promise<string> {
  await page.goto('/patients/new');
  await page.fill('#familyName', familyName);
  await page.fill('#givenName', 'Gerrit');
  await page.fill('#birthDate', '03-03-1933');
  await page.check('input[name="sex"][value="male"]');
  await page.click('form[action="/patients/new"] button[type="submit"]');
  // The second record is a look-alike of the first, on purpose: the form asks, the nurse confirms.
  if (await page.locator('#differentPerson').count() > 0) {
    expect(await page.textContent('h2#duplicates-title')).toBe(t.patients.duplicates.title);
    await page.check('#differentPerson');
    await page.click('form[action="/patients/new"] button[type="submit"]');
  }
  await page.waitForURL(/\/patients\/[0-9a-f-]{36}\?notice=created/);
  return new URL(page.url()).pathname.split('/')[2] ?? '';
}

describe('merging two records', () => {
  let keep = '';
  let dup = '';

  it('compares the records side by side before merging', async () => {
    keep = await newPatient('Hoogland');
    dup = await newPatient('Hooglandt');
    await page.goto(`/patients/${keep}`);
    await page.click(`a[href="/patients/${keep}/merge?duplicateId=${dup}"]`);
    await page.waitForURL(/\/merge\?duplicateId=/);
    expect(await page.textContent('h1')).toBe(t.record.compareTitle);
    await auditPage(page);
  });

  it('merges after the confirmation, and the merged record points to the one that lives on', async () => {
    await Promise.all([page.waitForURL(/notice=merged/), page.click('form[action$="/merge"] button[type="submit"]')]);
    expect(await page.textContent('body')).toContain(t.record.merged);
    await auditPage(page);
    await page.goto(`/patients/${dup}`);
    expect(await page.textContent('body')).toContain(t.record.mergedBanner);
    expect(await page.getAttribute(`a[href="/patients/${keep}"]`, 'href')).toBe(`/patients/${keep}`);
    await auditPage(page);
  });

  it('undoes the merge', async () => {
    await Promise.all([page.waitForURL(/notice=unmerged/), page.click(`form[action="/patients/${dup}/unmerge"] button[type="submit"]`)]);
    expect(await page.textContent('body')).toContain(t.record.unmerged);
    expect(await page.textContent('body')).not.toContain(t.record.mergedBanner);
    await auditPage(page);
    await page.goto(`/patients/${dup}/history`);
    expect(await page.textContent('body')).toContain(t.history.reasons.unmerge);
    await auditPage(page);
  });
});
