// A parent notes her daughter's standing time down by keyboard alone on a phone (375 px): from the
// tablet page she tabs to "10 min" of the standing frame and presses Enter, one press one line; then
// another number for the walking aid with the number field. Each page on the way passes axe and the
// reflow checks; the care worker then finds both lines, with the parent's name, on the clinician's page.
/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newContext } from './support/browser.js';
import { auditPage } from './support/audit.js';
import { Shell } from './support/shell.js';
import { messages } from './support/pages.js';
import { signInByKeyboard } from './support/keyboard.js';
import { DEMO_ACCOUNTS } from '../src/demo/demo-data.js';

const t = messages('nl');
const c = t.childLoading;
const parentName = DEMO_ACCOUNTS.find((a) => a.role === 'caregiver')?.displayName ?? '';
let browser: Browser;
let lotte = '';

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

async function signedIn(role: 'caregiver' | 'care-worker'): Promise<{ context: BrowserContext; page: Page; shell: Shell }> {
  const context = await newContext(browser, { bypassCSP: true });
  const page = await context.newPage();
  await page.setViewportSize({ width: 375, height: 740 });
  const shell = new Shell(page, 'nl');
  await signInByKeyboard(page, shell, role);
  return { context, page, shell };
}

async function enter(page: Page) {
  await Promise.all([page.waitForLoadState('load'), page.waitForEvent('framenavigated'), page.keyboard.press('Enter')]);
}

describe('standing time noted down by keyboard at 375 px', () => {
  it('the parent notes a standing session with one press, and another number with the field', async () => {
    const { context, page, shell } = await signedIn('caregiver');
    await page.goto('/care');
    lotte = (await page.locator('main a[href^="/questionnaires/"]').first().getAttribute('href'))?.split('/')[2] ?? '';
    expect(lotte).not.toBe('');
    await page.goto(`/log/${lotte}`);
    expect(await shell.h1().textContent()).toBe(c.logTitle);
    expect(await page.locator('main').textContent()).toContain(c.logFor('Lotte Mulder'));
    await auditPage(page);

    await shell.tabTo(page.getByRole('button', { name: `${c.minutesShort('10')} ${c.activities['standing-frame'].toLowerCase()}` }), 40);
    await enter(page);
    expect(await page.locator('main').textContent()).toContain(c.noted('10', 'sta-tafel', parentName));
    await auditPage(page);

    await shell.tabTo(page.getByRole('radio', { name: c.activities['standing-frame'], exact: true }), 60);
    await page.keyboard.press('ArrowDown');
    expect(await page.getByRole('radio', { name: c.activities['walking-aid'], exact: true }).isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.type('12');
    await enter(page);
    expect(await page.locator('main').textContent()).toContain(c.noted('12', 'loophulpmiddel', parentName));
    expect(await page.locator('main').textContent()).toContain(c.todayTotal('22'));
    await context.close();
  });

  it('the care worker finds both lines with the parent\'s name on the clinician\'s page', async () => {
    const { context, page, shell } = await signedIn('care-worker');
    await page.goto(`/patients/${lotte}/child/loading`);
    expect(await shell.h1().textContent()).toBe(c.title);
    const lines = page.locator('#lines-title + div table');
    await expect.poll(async () => (await lines.textContent()) ?? '').toContain(parentName);
    expect(await lines.locator('tbody tr').count()).toBeGreaterThanOrEqual(2);
    await auditPage(page);
    await context.close();
  });
});
