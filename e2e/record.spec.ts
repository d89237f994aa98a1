// The clinical record in the browser, as the demo nurse works with it: a DXA scan added from the
// results section, a lab draw with a bad value refused at its field (nothing stored), a fact
// corrected and another marked entered in error, and the history showing both. The forms open
// where the work is; every page clears the audit on the clinician side (16 px, 24 px targets),
// and the banner stays in view while the page scrolls.
/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newContext } from './support/browser.js';
import { auditPage, readerSide } from './support/audit.js';
import { messages, signInAs } from './support/pages.js';

const t = messages('nl');
const c = t.clinical;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let record = '';

beforeAll(async () => {
  browser = await launchBrowser();
  // axe is injected as an inline script, which our script-src 'self' rightly refuses.
  context = await newContext(browser, { bypassCSP: true });
  page = await context.newPage();
  await signInAs('nurse')(page);
  await page.goto('/patients?q=Vries');
  record = (await page.locator('a[href^="/patients/"]', { hasText: 'Anna' }).first().getAttribute('href')) ?? '';
});
afterAll(async () => {
  await context.close();
  await browser.close();
});

/** Sends the open form whose button says `button`, and waits for the page that answers it. */
async function send(button: string): Promise<void> {
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: button }).click()]);
}

/** The link to a fact's own page: "Verbeteren", and for a screen reader which fact (a flex item each, so a space may come between). */
const entryLink = (kind: string, date: string) => page.getByRole('link', { name: new RegExp(`^${c.entries.openShort}\\s*:\\s*${kind} ${date}$`) });

const rowsOf = (caption: string) => page.locator('table', { has: page.locator('caption', { hasText: caption }) }).locator('tbody tr');

describe('the clinical record, as the demo nurse', () => {
  it('reaches every section from the record by its links, on the clinician side', async () => {
    await page.goto(record);
    expect(await readerSide(page)).toBe('clinician');
    const nav = page.getByRole('navigation', { name: c.sectionsLabel });
    await Promise.all([page.waitForURL(/\/results$/), nav.getByRole('link', { name: c.sections.results }).click()]);
    expect(await page.locator('h1').textContent()).toBe(c.sections.results);
    expect(await nav.getByRole('link', { name: c.sections.results }).getAttribute('aria-current')).toBe('page');
    expect(await page.getByText(c.empty.dxa).count()).toBe(1);
    await auditPage(page);
  });

  it('adds a DXA scan with three sites from a form that opens where the results are', async () => {
    await page.goto(`${record}/results`);
    expect(await page.locator('#lumbar-spine-t').isVisible()).toBe(false);
    await page.locator('summary', { hasText: c.forms.add.dxa }).click();
    const form = page.locator(`form[action="${record}/add/dxa"]`);
    await form.locator('#dxa-date').fill('03-11-2026');
    await form.locator('#lumbar-spine-t').fill('-2,7');
    await form.locator('#femoral-neck-t').fill('-2,1');
    await form.locator('#total-hip-t').fill('-1,8');
    await form.locator('#total-hip-bmd').fill('0,812');
    await send(c.forms.save.dxa);
    expect(new URL(page.url()).search).toBe('?notice=added');
    const rows = rowsOf(c.results.dxaCaption('03-11-2026'));
    expect(await rows.count()).toBe(3);
    expect(await rows.first().textContent()).toContain('-2.7');
    await auditPage(page);
  });

  it('refuses a lab draw with a bad value at its field, stores nothing, and takes it once put right', async () => {
    await page.locator('summary', { hasText: c.forms.add.labs }).click();
    const form = page.locator(`form[action="${record}/add/labs"]`);
    await form.locator('#labs-date').fill('01-12-2026');
    await form.locator('#lab1-test').selectOption('calcium');
    await form.locator('#lab1-value').fill('2,71');
    await form.locator('#lab1-low').fill('2,2');
    await form.locator('#lab1-high').fill('2,6');
    await form.locator('#lab2-test').selectOption('25-oh-vitamin-d');
    await form.locator('#lab2-value').fill('veertig');
    await send(c.forms.save.labs);
    const f = c.forms.labs;
    const message = f.number(f.part.value(2));
    // The summary at the top takes focus and links to the field; the message stands beside it.
    const summary = page.locator('.error-summary');
    // The browser moves focus at its next rendering step, which on a busy machine can come late.
    await expect.poll(() => summary.evaluate((el) => el === document.activeElement), { timeout: 15_000 }).toBe(true);
    expect(await summary.getByRole('link', { name: message }).getAttribute('href')).toBe('#lab2-value');
    expect(await page.locator('#lab2-value-error').textContent()).toContain(message);
    expect(await page.locator('#lab2-value').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#lab2-value').inputValue()).toBe('veertig');
    await auditPage(page);
    // Nothing of the draw was stored.
    await page.goto(`${record}/results`);
    expect(await page.getByText(c.empty.labs).count()).toBe(1);
    await page.locator('summary', { hasText: c.forms.add.labs }).click();
    await form.locator('#labs-date').fill('01-12-2026');
    await form.locator('#lab1-test').selectOption('calcium');
    await form.locator('#lab1-value').fill('2,71');
    await form.locator('#lab1-low').fill('2,2');
    await form.locator('#lab1-high').fill('2,6');
    await form.locator('#lab2-test').selectOption('25-oh-vitamin-d');
    await form.locator('#lab2-value').fill('40');
    await send(c.forms.save.labs);
    const rows = rowsOf(c.results.labsCaption('01-12-2026'));
    expect(await rows.count()).toBe(2);
    expect(await rows.first().textContent()).toContain(c.results.high);
  });

  it('corrects the scan on its own page, and marks a note entered in error', async () => {
    await page.goto(`${record}/results`);
    await Promise.all([page.waitForURL(/\/entries\//), entryLink(c.kinds.dxa ?? '', '03-11-2026').click()]);
    await auditPage(page);
    await page.locator('summary', { hasText: c.entries.correctTitle }).click();
    // The form starts from the scan as it stands.
    expect(await page.locator('#lumbar-spine-t').inputValue()).toBe('-2.7');
    await page.locator('#lumbar-spine-t').fill('-2,9');
    await page.locator('#correctionReason').fill('Verkeerde waarde overgenomen van het DXA-verslag');
    await send(c.entries.correctSubmit);
    expect(new URL(page.url()).search).toBe('?notice=corrected');
    expect(await rowsOf(c.results.dxaCaption('03-11-2026')).first().textContent()).toContain('-2.9');

    await page.goto(`${record}/contacts`);
    await page.locator('summary', { hasText: c.forms.add.note }).click();
    await page.locator('#note-date').fill('01-12-2026');
    await page.locator('#text').fill('Uitslagen besproken; patiënte belt terug.');
    await send(c.forms.save.note);
    await Promise.all([page.waitForURL(/\/entries\//), entryLink(c.kinds.note ?? '', '01-12-2026').click()]);
    await page.locator('summary', { hasText: c.entries.voidTitle }).click();
    await page.getByLabel(c.entries.voidReason).fill('Notitie hoorde bij een andere patiënt');
    await send(c.entries.voidSubmit);
    expect(new URL(page.url()).pathname).toBe(`${record}/contacts`);
    expect(await page.locator('tr.void').count()).toBe(1);
    await auditPage(page);
  });

  it('shows the corrections in the history, each with its versions', async () => {
    await page.goto(record);
    await Promise.all([page.waitForURL(/\/history$/), page.getByRole('navigation', { name: c.sectionsLabel }).getByRole('link', { name: c.sections.history }).click()]);
    await Promise.all([page.waitForURL(/\/history\/record$/), page.getByRole('main').getByRole('link', { name: c.history.title }).click()]);
    const rows = rowsOf(c.history.caption);
    expect(await rows.count()).toBe(2);
    const text = (await rows.allTextContents()).join('\n');
    expect(text).toContain(c.history.corrected(2));
    expect(text).toContain(c.history.voided);
    expect(text).toContain('Verkeerde waarde overgenomen van het DXA-verslag');
    await auditPage(page);
    await Promise.all([page.waitForURL(/\/entries\//), rows.filter({ hasText: c.history.voided }).getByRole('link').click()]);
    expect(await page.locator('tbody tr').count()).toBe(2);
    expect(await page.getByText(c.entries.isVoid).count()).toBe(1);
  });

  it('keeps the banner in view while a long section scrolls', async () => {
    await page.goto(`${record}/results`);
    const banner = page.locator('.patient-banner');
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    const box = await banner.boundingBox();
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    expect(box?.y ?? -1).toBeGreaterThanOrEqual(0);
    // At the top of the screen (below the head's own small padding), not scrolled away.
    expect(box?.y ?? 1000).toBeLessThan(16);
  });
});
