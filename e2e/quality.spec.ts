// The quality dashboard by keyboard alone: the demo nurse signs in, opens the dashboard from her
// menu, chooses a year with the chooser, opens one figure and reaches the record of a patient
// behind it. Every page on the way passes axe and the target, text and reflow checks.
/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newContext } from './support/browser.js';
import { auditPage } from './support/audit.js';
import { Shell } from './support/shell.js';
import { signInByKeyboard } from './support/keyboard.js';
import { messages } from './support/pages.js';

const t = messages('nl');
const q = t.quality;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let shell: Shell;

beforeAll(async () => {
  browser = await launchBrowser();
  // bypassCSP only lets axe in (an injected script); the pages themselves carry none.
  context = await newContext(browser, { bypassCSP: true });
  page = await context.newPage();
  shell = new Shell(page, 'nl');
});
afterAll(async () => {
  await context.close();
  await browser.close();
});

const path = () => new URL(page.url()).pathname;

describe('the quality dashboard by keyboard', () => {
  it('the nurse opens the dashboard from her menu', async () => {
    await signInByKeyboard(page, shell, 'nurse');
    await shell.tabTo(page.getByRole('link', { name: t.menu.quality, exact: true }), 40);
    await Promise.all([page.waitForURL((u) => u.pathname === '/quality'), page.keyboard.press('Enter')]);
    expect(await shell.h1().textContent()).toBe(q.title);
    await auditPage(page);
  });

  it('chooses a year with the chooser: the figures of this year, every indicator in the table', async () => {
    await shell.tabTo(page.getByLabel(q.kind, { exact: true }), 60);
    for (let i = 0; i < 5 && (await page.locator('#kind').inputValue()) !== 'year'; i++) await page.keyboard.press('ArrowDown');
    expect(await page.locator('#kind').inputValue()).toBe('year');
    await shell.tabTo(page.getByRole('button', { name: q.show }), 10);
    await Promise.all([page.waitForURL(/kind=year/), page.keyboard.press('Enter')]);
    expect(await page.locator('#kind').inputValue()).toBe('year');
    expect(await page.locator('#period').inputValue()).toBe(String(new Date().getFullYear()));
    expect(await page.locator(`table:has(caption:text-is("${q.figuresCaption(String(new Date().getFullYear()))}")) tbody tr`).count()).toBe(10);
    // The trends are drawn, each with its text beside it.
    expect(await page.locator('svg.share-chart[role="img"]').count()).toBeGreaterThan(0);
    await auditPage(page);
  });

  it('opens a figure with Enter and reaches the record of a patient behind it', async () => {
    const figure = page.locator('main table a.figure').filter({ hasText: /^[1-9]/ }).first();
    const count = Number(((await figure.textContent()) ?? '').split(':')[0]);
    expect(count).toBeGreaterThan(0);
    await shell.tabTo(figure, 250);
    await Promise.all([page.waitForURL((u) => u.pathname === '/quality/patients'), page.keyboard.press('Enter')]);
    expect(await page.locator('table tbody tr').count()).toBe(Math.min(count, 50));
    await auditPage(page);
    const patient = page.locator('table tbody th a[href^="/patients/"]').first();
    const name = (await patient.textContent()) ?? '';
    await shell.tabTo(patient, 60);
    await Promise.all([page.waitForURL(/\/patients\/[0-9a-f-]{36}$/), page.keyboard.press('Enter')]);
    expect(path()).toMatch(/^\/patients\/[0-9a-f-]{36}$/);
    expect(await shell.h1().textContent()).toBe(name);
    await auditPage(page);
  });
});
