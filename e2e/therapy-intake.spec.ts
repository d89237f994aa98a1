// The practice's intake and education session by keyboard only: the demo physiotherapist opens Anna
// de Vries's intake (filled with the latest version), records two falls and a new PSK score, and
// sees the second version with a high fall risk; then ticks two topics of the education session and
// saves it with a note. Every page on the way gets the accessibility audit.
/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newContext } from './support/browser.js';
import { Shell } from './support/shell.js';
import { messages, annasRecord } from './support/pages.js';
import { auditPage } from './support/audit.js';
import { signInByKeyboard } from './support/keyboard.js';

const t = messages('nl');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

describe('the intake and education session by keyboard', () => {
  it('a physiotherapist records a new intake version and an education session', async () => {
    const context = await newContext(browser, { bypassCSP: true });
    const page = await context.newPage();
    const shell = new Shell(page, 'nl');
    await signInByKeyboard(page, shell, 'physiotherapist');
    const record = await annasRecord()(page);
    await page.goto(`${record}/therapy/intake`);
    await auditPage(page);

    // The form holds the latest version: change what changed.
    await shell.tabTo(page.locator('#fallsLast12Months'));
    await page.keyboard.press('Control+A');
    await page.keyboard.type('2');
    await shell.tabTo(page.locator('#psk1Score'));
    await page.keyboard.press('Control+A');
    await page.keyboard.type('4');
    await shell.tabTo(page.getByRole('button', { name: t.therapyIntake.save }));
    await shell.navigation(() => page.keyboard.press('Enter'));
    expect(new URL(page.url()).search).toBe('?notice=saved');
    await expect.poll(() => page.getByRole('heading', { name: /Intake versie 2/ }).count()).toBe(1);
    await expect.poll(() => page.getByText(t.therapyIntake.inventory).count()).toBe(1);
    await expect.poll(() => page.getByText('Boodschappen dragen: 4').count()).toBe(1);
    await auditPage(page);

    await page.goto(`${record}/therapy/education`);
    await auditPage(page);
    await shell.tabTo(page.locator('#discussed-measuring'));
    await page.keyboard.press('Space');
    await shell.tabTo(page.locator('#more-after-therapy'));
    await page.keyboard.press('Space');
    await shell.tabTo(page.locator('#note'));
    await page.keyboard.type('Meetmomenten samen in de agenda gezet.');
    await shell.tabTo(page.getByRole('button', { name: t.education.save }));
    await shell.navigation(() => page.keyboard.press('Enter'));
    expect(new URL(page.url()).search).toBe('?notice=saved');
    await expect.poll(() => page.getByText('Meetmomenten samen in de agenda gezet.').count()).toBe(1);
    await auditPage(page);
    await context.close();
  });
});
