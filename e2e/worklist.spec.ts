// The demo nurse's morning, by keyboard alone: she signs in and lands on the
// worklist, narrows it to the alerts with the filter form, opens the patient of the alert with Enter
// and comes back by the menu. The page passes axe and the target, text and reflow checks on a
// desktop screen and on a phone, where the table's rows become stacked blocks.
/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newContext } from './support/browser.js';
import { auditPage } from './support/audit.js';
import { Shell } from './support/shell.js';
import { messages } from './support/pages.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../src/demo/demo-data.js';

const t = messages('nl');
const w = t.worklist;
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

describe('the worklist by keyboard', () => {
  it('the demo nurse signs in and lands on her worklist', async () => {
    await page.goto('/sign-in');
    await shell.tabTo(page.getByLabel(t.signIn.email, { exact: true }));
    await page.keyboard.type(DEMO_ACCOUNTS.find((a) => a.role === 'nurse')?.email ?? '');
    await page.keyboard.press('Tab');
    await page.keyboard.type(DEMO_PASSWORD);
    await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/sign-in')), page.keyboard.press('Enter')]);
    expect(path()).toBe('/worklist');
    expect(await shell.h1().textContent()).toBe(w.title);
    // The demo clinic's list is not empty: its caption, rows, and the count of all steps marked as current.
    expect(await page.locator('table caption').textContent()).toBe(w.caption);
    expect(await page.locator('table tbody tr').count()).toBeGreaterThan(5);
    expect(await page.getByRole('navigation', { name: w.stepsLabel }).locator('a[aria-current="page"]').textContent()).toMatch(/^Alle stappen \(\d+\)$/);
  });

  it('passes every check at 1280 px', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await auditPage(page);
  });

  it('filters to one step with the keyboard: the form, then the step marked among the counts', async () => {
    await shell.tabTo(page.getByLabel(w.step, { exact: true }), 80);
    // Arrow keys change a closed select's choice, as a keyboard user does.
    for (let i = 0; i < 20 && (await page.locator('#step').inputValue()) !== 'alert'; i++) await page.keyboard.press('ArrowDown');
    expect(await page.locator('#step').inputValue()).toBe('alert');
    await shell.tabTo(page.getByRole('button', { name: w.show }), 20);
    await Promise.all([page.waitForURL(/step=alert/), page.keyboard.press('Enter')]);
    expect(await page.getByRole('navigation', { name: w.stepsLabel }).locator('a[aria-current="page"]').textContent()).toBe(w.stepTab(w.steps.alert ?? '', '1'));
    const rows = page.locator('table tbody tr');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain(w.reasons['medication.denosumab-late']);
    expect(await rows.first().getByRole('button', { name: new RegExp(`^${w.acknowledge}`) }).count()).toBe(1);
  });

  it('opens the patient with Enter and comes back to the worklist by the menu', async () => {
    const link = page.locator('table tbody').getByRole('link', { name: "Joost in 't Veld" });
    await shell.tabTo(link, 80);
    await Promise.all([page.waitForURL(/\/patients\/[0-9a-f-]{36}$/), page.keyboard.press('Enter')]);
    expect(await shell.h1().textContent()).toBe("Joost in 't Veld");
    await shell.tabTo(page.getByRole('link', { name: t.menu.worklist, exact: true }), 40);
    await Promise.all([page.waitForURL((u) => u.pathname === '/worklist'), page.keyboard.press('Enter')]);
    expect(await shell.h1().textContent()).toBe(w.title);
  });

  it('passes every check at 375 px, where each row is a block of labelled values', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto('/worklist?step=alert');
    await auditPage(page);
    const cell = page.locator('table tbody td').first();
    expect(await cell.evaluate((el) => getComputedStyle(el).display)).toBe('block');
    expect(await cell.evaluate((el) => getComputedStyle(el, '::before').content)).toBe(`"${w.columns.born}"`);
    expect(await page.locator('table thead').evaluate((el) => getComputedStyle(el).position)).toBe('absolute');
  });
});
