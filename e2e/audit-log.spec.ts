// The administrator's audit log in the browser, in both languages, without JavaScript doing the
// work: find what a member of staff did by part of their name, read the actions in words, page
// through a long result with plain links, download the search as a CSV file, and a wrong date
// answered next to its field. Each state of the page passes the accessibility checks.
/// <reference lib="dom" />
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newContext } from './support/browser.js';
import { auditPage } from './support/audit.js';
import { Shell } from './support/shell.js';
import { LANGS, messages, signInAs } from './support/pages.js';
import { DEMO_ACCOUNTS } from '../src/demo/demo-data.js';

const ADMIN = DEMO_ACCOUNTS.find((a) => a.role === 'admin')?.displayName ?? '';

/** The count in the results' status line ("1.234 regels gevonden.", "1,234 entries found."). */
async function totalFound(page: Page): Promise<number> {
  const text = await page.locator('p[role="status"]').innerText();
  return Number((/\d[\d.,]*/.exec(text)?.[0] ?? '0').replace(/[.,]/g, ''));
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

describe.each(LANGS)('the audit log in language %s', (lang) => {
  const t = messages(lang);
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    // axe is injected as an inline script, which our script-src 'self' rightly refuses.
    context = await newContext(browser, { bypassCSP: true });
    page = await context.newPage();
    const shell = new Shell(page);
    await shell.goto('/');
    await shell.chooseLanguage(lang);
    await signInAs('admin')(page);
    // An administrator who opens a clinician's page is refused, and each refusal is in the log:
    // 60 of them make a result longer than one page, and reading the log adds none of that kind.
    for (let i = 0; i < 60; i++) expect((await page.request.get('/patients')).status()).toBe(403);
  });
  afterAll(async () => {
    await context.close();
  });

  it('finds what someone did by part of their name and shows it in words', async () => {
    await page.goto('/admin/audit');
    await page.fill('#person', ADMIN.split(' ')[0]?.toLowerCase() ?? '');
    await page.selectOption('#action', { label: t.audit.actions['page.view'] });
    await Promise.all([page.waitForURL(/\/admin\/audit\?/), page.click('form[role="search"] button[type="submit"]')]);
    const rows = page.locator('table.audit-table tbody tr');
    expect(await rows.count()).toBe(50);
    expect(await rows.first().locator(`td[data-label="${t.audit.who}"]`).innerText()).toBe(ADMIN);
    expect(await rows.first().locator(`td[data-label="${t.audit.action}"]`).innerText()).toBe(t.audit.actions['page.view']);
    expect(await rows.first().locator(`td[data-label="${t.audit.outcome}"]`).innerText()).toContain(t.audit.refusedWord);
    expect(await rows.first().locator(`td[data-label="${t.audit.reason}"]`).innerText()).toBe(t.audit.otherReasons.notForRole);
    const total = await totalFound(page);
    expect(await page.locator('p[role="status"]').innerText()).toBe(`${t.audit.count(total)} ${t.audit.range(1, 50, total)}`);
    await auditPage(page);
  });

  it('pages with plain links and a true count, and comes back', async () => {
    const status = page.locator('p[role="status"]');
    const total = await totalFound(page);
    expect(total).toBeGreaterThanOrEqual(60);
    const firstPage = await page.locator('table.audit-table tbody tr th').allInnerTexts();
    await Promise.all([page.waitForURL(/before=/), page.locator('nav.pager a[rel="next"]').first().click()]);
    expect(await status.innerText()).toContain(t.audit.range(51, Math.min(100, total), total));
    expect(await page.locator('table.audit-table tbody tr').count()).toBe(Math.min(50, total - 50));
    await auditPage(page);
    await Promise.all([page.waitForURL(/after=/), page.locator('nav.pager a[rel="prev"]').first().click()]);
    expect(await status.innerText()).toContain(t.audit.range(1, 50, total));
    expect(await page.locator('table.audit-table tbody tr th').allInnerTexts()).toEqual(firstPage);
  });

  it('downloads the search as a CSV file with a byte-order mark and the words of the page', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
    expect(download.suggestedFilename()).toMatch(lang === 'nl' ? /^logboek-\d{4}-\d{2}-\d{2}\.csv$/ : /^audit-log-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = await readFile((await download.path()) ?? '');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    const sep = lang === 'nl' ? ';' : ',';
    expect(lines[0]?.split(sep).slice(0, 4)).toEqual([t.audit.when, t.audit.who, t.audit.role, t.audit.action]);
    expect(lines[1]).toContain(t.audit.actions['page.view']);
    expect(lines.filter((l) => l !== '').length).toBe((await totalFound(page)) + 1);
  });

  it('answers a date that does not exist next to its field, not with an error page', async () => {
    await page.goto('/admin/audit');
    await page.fill('#from', '31-02-2026');
    const [res] = await Promise.all([page.waitForResponse((r) => r.url().includes('/admin/audit?')), page.click('form[role="search"] button[type="submit"]')]);
    expect(res.status()).toBe(400);
    await page.waitForLoadState('load');
    expect(await page.locator('#from-error').innerText()).toContain(t.form.dateNotExist(t.audit.from, 2, 2026, 28));
    expect(await page.locator('#from').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.error-summary a[href="#from"]').count()).toBe(1);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    await auditPage(page);
  });
});
