// A fracture signal noted by keyboard alone on a phone (375 px): the demo parent opens the signal
// form for her daughter, ticks what she sees with Space, chooses the place on the body with the
// arrow keys (the body picture shows it once the form comes back), keeps today's date and sends it;
// the day centre's physician then finds the alert on her worklist, opens the signals from it and
// records what followed, which takes the alert off the list. Every page on the way passes axe.
/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newContext } from './support/browser.js';
import { auditPage } from './support/audit.js';
import { Shell } from './support/shell.js';
import { messages } from './support/pages.js';
import { DEMO_ACCOUNTS, type DemoAccount } from '../src/demo/demo-data.js';
import { signInByKeyboard } from './support/keyboard.js';

const t = messages('nl');
const s = t.fractureSignals;
const PARENT = DEMO_ACCOUNTS.find((a) => a.role === 'caregiver');
const CENTRE_PHYSICIAN = DEMO_ACCOUNTS.find((a) => a.role === 'physician' && a.org === 'day-centre');
if (!PARENT || !CENTRE_PHYSICIAN) throw new Error('the demo has a parent and a day centre physician');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

/** A fresh phone-sized browser, signed in by keyboard as `who`. */
async function signedIn(who: DemoAccount): Promise<{ context: BrowserContext; page: Page; shell: Shell }> {
  const context = await newContext(browser, { bypassCSP: true });
  const page = await context.newPage();
  await page.setViewportSize({ width: 375, height: 740 });
  const shell = new Shell(page, 'nl');
  await signInByKeyboard(page, shell, who);
  return { context, page, shell };
}

describe('a fracture signal by keyboard at 375 px, seen on the day centre\'s worklist', () => {
  it('the parent notes swelling at the left lower leg', async () => {
    const { context, page, shell } = await signedIn(PARENT);
    // Her daughter's id, from her own list (the address is typed, as a bookmark would be opened).
    const href = await page.locator('a[href^="/questionnaires/"]').first().getAttribute('href');
    await page.goto(`/signal/${(href ?? '').split('/')[2] ?? ''}`);
    expect(await shell.h1().textContent()).toBe(s.parentTitle);
    expect(await page.locator('main').textContent()).toContain(s.urgent);
    await auditPage(page);

    // Sent with nothing chosen: refused in words, the first mistake focused from the summary.
    await shell.tabTo(page.getByRole('button', { name: s.send }), 80);
    await shell.navigation(() => page.keyboard.press('Enter'));
    expect(await page.locator('.field-error').first().textContent()).toContain(s.observedNone);
    await auditPage(page);

    await shell.tabTo(page.getByLabel(s.observations.swelling), 80);
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    expect(await page.getByLabel(s.observations.swelling).isChecked()).toBe(true);
    expect(await page.getByLabel(s.observations['pain-when-moved']).isChecked()).toBe(true);
    await shell.tabTo(page.getByLabel(s.bodyParts.head, { exact: true }), 40);
    // Head, neck, back, chest, … : the left lower leg is the 18th place; arrows walk the group.
    await page.keyboard.press('Space');
    for (let i = 0; i < 17; i++) await page.keyboard.press('ArrowDown');
    expect(await page.getByLabel(s.bodyParts['left-lower-leg'], { exact: true }).isChecked()).toBe(true);
    await shell.tabTo(page.getByRole('button', { name: s.send }), 40);
    await shell.navigation(() => page.keyboard.press('Enter'));
    expect(await page.locator('main').textContent()).toContain(s.sent);
    await auditPage(page);
    await context.close();
  });

  it('the centre\'s physician sees the alert, opens the signals and records what followed', async () => {
    const { context, page, shell } = await signedIn(CENTRE_PHYSICIAN);
    expect(new URL(page.url()).pathname).toBe('/worklist');
    await auditPage(page);
    const link = page.getByRole('link', { name: s.openFromWorklist }).first();
    await shell.tabTo(link, 200);
    await shell.navigation(() => page.keyboard.press('Enter'));
    expect(await shell.h1().textContent()).toBe(s.title);
    expect(await page.locator('main').textContent()).toContain(s.bodyParts['left-lower-leg']);
    await auditPage(page);
    await shell.tabTo(page.getByRole('radio', { name: t.fractureSignals.yes }).first(), 200);
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown');
    expect(await page.getByLabel(s.fractureValues.no).isChecked()).toBe(true);
    await shell.tabTo(page.getByRole('button', { name: s.close }), 40);
    await shell.navigation(() => page.keyboard.press('Enter'));
    expect(await page.locator('main').textContent()).toContain(s.closedNotice);
    await auditPage(page);
    await page.goto('/worklist');
    expect(await page.getByRole('link', { name: s.openFromWorklist }).count()).toBe(0);
    await context.close();
  });
});
