// Follow-up with the keyboard only, as the demo nurse does it for Johanna Visser (on a weekly
// tablet, the 1-year visit done): a 3-month contact recorded from the contacts page, the GP
// hand-over letter and the dentist's card written from the letters page, each letter read back from
// its PDF with pdftotext. Every page on the way gets the accessibility audit.
/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newContext } from './support/browser.js';
import { Shell } from './support/shell.js';
import { messages } from './support/pages.js';
import { auditPage } from './support/audit.js';
import { signInByKeyboard } from './support/keyboard.js';
import { pdfText } from './support/pdf.js';

const t = messages('nl');
const f = t.followUp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let shell: Shell;
let record = '';

/** The newest kept letter's PDF, fetched with the page's own session. */
async function newestLetter(): Promise<string> {
  const href = await page.locator('a[href$="/pdf"]').first().getAttribute('href');
  if (!href) throw new Error('no letter to print');
  const res = await page.request.get(href);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toBe('application/pdf');
  return pdfText(await res.body());
}

/** Presses Enter on what has focus and waits for the page it leads to. */
const enter = () => shell.navigation(() => page.keyboard.press('Enter'));

beforeAll(async () => {
  browser = await launchBrowser();
  context = await newContext(browser, { bypassCSP: true });
  page = await context.newPage();
  shell = new Shell(page);
  await signInByKeyboard(page, shell, 'nurse');
  await page.goto('/patients?q=Visser');
  record = (await page.locator('a[href^="/patients/"]', { hasText: 'Johanna' }).first().getAttribute('href')) ?? '';
});
afterAll(async () => {
  await context.close();
  await browser.close();
});

describe('follow-up and letters by keyboard', () => {
  it('records a 3-month contact from the contacts page', async () => {
    await page.goto(`${record}/contacts`);
    expect(await page.locator('caption', { hasText: f.scheduleCaption }).count()).toBe(1);
    await auditPage(page);
    await shell.tabTo(page.locator('summary', { hasText: f.form.title }));
    await page.keyboard.press('Enter');
    await shell.tabTo(page.getByLabel(f.form.date, { exact: true }));
    const today = new Intl.DateTimeFormat('nl-NL', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Europe/Amsterdam' }).format(new Date()).replace(/\//g, '-');
    await page.keyboard.type(today);
    await shell.tabTo(page.getByLabel(f.kinds['3-months'], { exact: true }));
    await page.keyboard.press('Space');
    await shell.tabTo(page.getByLabel(f.form.sideEffects));
    await page.keyboard.type('Soms wat maagklachten');
    await shell.tabTo(page.getByRole('button', { name: f.form.save }));
    await enter();
    expect(page.url()).toMatch(/notice=contact-added/);
    expect(await page.getByText(f.form.saved).count()).toBe(1);
    expect(await page.getByText('Soms wat maagklachten').count()).toBe(1);
    await auditPage(page);
  });

  it('writes the GP hand-over letter, read back from its PDF', async () => {
    await page.goto(`${record}/letters`);
    await auditPage(page);
    await shell.tabTo(page.getByRole('button', { name: t.letters.handoverButton }));
    await enter();
    expect(await page.getByText(t.letters.writtenNotice).count()).toBe(1);
    await auditPage(page);
    const text = await newestLetter();
    expect(text).toMatch(/Overdracht osteoporosezorg aan de huisarts/);
    expect(text).toMatch(/Johanna Visser/);
    expect(text).toMatch(/alendroninezuur: 70 mg, tablet, eens per week/);
    expect(text).toMatch(/Infusen blijven in het ziekenhuis/);
  });

  it('makes the dentist\'s card, read back from its PDF', async () => {
    await shell.tabTo(page.getByRole('button', { name: t.letters.cardButton }));
    await enter();
    await auditPage(page);
    const text = await newestLetter();
    expect(text).toMatch(/Kaart voor de tandarts/);
    expect(text).toMatch(/Gebruikt alendroninezuur sinds/);
    expect(text).toMatch(/osteonecrose van de kaak/);
  });
});
