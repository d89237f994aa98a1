// A fall reported by keyboard alone on a phone (375 px): the demo patient goes from her home page to
// "report something", answers one screen at a time with Tab, Space, typing and Enter, and sends it;
// the demo nurse then finds the alert on her worklist and opens the report from it, which the
// patient's list then shows as read. Every page on the way passes axe and the reflow checks.
/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newContext } from './support/browser.js';
import { auditPage } from './support/audit.js';
import { Shell } from './support/shell.js';
import { messages } from './support/pages.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../src/demo/demo-data.js';

const t = messages('nl');
const w = t.reports;
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

async function signedIn(role: 'patient' | 'nurse'): Promise<{ context: BrowserContext; page: Page; shell: Shell }> {
  const context = await newContext(browser, { bypassCSP: true });
  const page = await context.newPage();
  await page.setViewportSize({ width: 375, height: 740 });
  const shell = new Shell(page, 'nl');
  await page.goto('/sign-in');
  await shell.tabTo(page.getByLabel(t.signIn.email, { exact: true }));
  await page.keyboard.type(DEMO_ACCOUNTS.find((a) => a.role === role)?.email ?? '');
  await page.keyboard.press('Tab');
  await page.keyboard.type(DEMO_PASSWORD);
  await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/sign-in')), page.keyboard.press('Enter')]);
  return { context, page, shell };
}

/** Enter on the focused control, waiting for the next page to load. */
async function enter(page: Page) {
  await Promise.all([page.waitForLoadState('load'), page.waitForEvent('framenavigated'), page.keyboard.press('Enter')]);
}

describe('a fall reported by keyboard at 375 px, seen on the worklist', () => {
  it('the patient reports a fall, screen by screen', async () => {
    const { context, page, shell } = await signedIn('patient');
    await auditPage(page);
    await shell.tabTo(page.getByRole('link', { name: w.open }), 80);
    await enter(page);
    expect(await shell.h1().textContent()).toBe(w.listTitle);
    expect(await page.locator('main').textContent()).toContain(w.urgent);
    await auditPage(page);
    await shell.tabTo(page.getByRole('link', { name: w.start }), 40);
    await enter(page);

    // 1: what. Tab reaches the group, an arrow key chooses within it, Enter sends the form.
    await auditPage(page);
    await shell.tabTo(page.getByLabel(w.kinds.fracture), 40);
    await page.keyboard.press('ArrowDown');
    expect(await page.getByLabel(w.kinds.fall).isChecked()).toBe(true);
    await enter(page);
    // 2: what happened.
    expect(await page.locator('main').textContent()).toContain(w.urgent);
    await auditPage(page);
    await shell.tabTo(page.getByLabel(w.whatFall), 40);
    await page.keyboard.type('Uitgegleden op de natte stoep');
    await shell.tabTo(page.getByRole('button', { name: w.next }), 20);
    await enter(page);
    // 3: since when, first a day ahead (refused in words next to the field), then today.
    await auditPage(page);
    const today = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date()).replace(/\//g, '-');
    await shell.tabTo(page.getByLabel(w.sinceFracture), 40);
    await page.keyboard.type('31-12-2999');
    await enter(page);
    expect(await page.locator('.field-error').first().textContent()).toContain(w.sinceFuture);
    await auditPage(page);
    await shell.tabTo(page.getByLabel(w.sinceFracture), 40);
    await page.keyboard.press('Control+A');
    await page.keyboard.type(today);
    await enter(page);
    // 4: how bad.
    await auditPage(page);
    await shell.tabTo(page.getByLabel(w.severities.mild), 40);
    await page.keyboard.press('ArrowDown');
    expect(await page.getByLabel(w.severities.moderate).isChecked()).toBe(true);
    await shell.tabTo(page.getByRole('button', { name: w.next }), 20);
    await enter(page);
    // 5: the check, then send.
    expect(await shell.h1().textContent()).toBe(w.checkTitle);
    expect(await page.locator('main').textContent()).toContain('Uitgegleden op de natte stoep');
    await auditPage(page);
    await shell.tabTo(page.getByRole('button', { name: w.send }), 40);
    await enter(page);
    expect(await page.locator('main').textContent()).toContain(w.sent);
    expect(await page.locator('main').textContent()).toContain(w.notRead);
    await auditPage(page);
    await context.close();
  });

  it('the nurse sees the alert on her worklist and opens the report from it', async () => {
    const { context, page, shell } = await signedIn('nurse');
    expect(new URL(page.url()).pathname).toBe('/worklist');
    const link = page.getByRole('link', { name: w.openFromWorklist(t.worklist.reasons['report-fall'] ?? '') }).first();
    await shell.tabTo(link, 200);
    await enter(page);
    expect(await shell.h1().textContent()).toBe(w.clinicTitle);
    expect(await page.locator('main').textContent()).toContain('Uitgegleden op de natte stoep');
    await auditPage(page);
    await context.close();
  });

  it('the patient sees that the clinic read it', async () => {
    const { context, page, shell } = await signedIn('patient');
    await shell.tabTo(page.getByRole('link', { name: w.open }), 80);
    await enter(page);
    expect(await page.locator('main').textContent()).toMatch(/Gelezen door de kliniek op/);
    await context.close();
  });
});
