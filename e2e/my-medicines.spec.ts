// "My medicines" with the keyboard only on a 375 px phone: the physician prescribes the weekly
// tablet for the demo patient; she opens her medicines from her home page, reads the next date,
// tries a day that has not come yet (refused at the field, the summary takes focus), then marks
// yesterday's tablet as taken and sees the next date move to a week after it. Every state of the
// page gets the accessibility audit.
/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newContext } from './support/browser.js';
import { Shell } from './support/shell.js';
import { messages, signInAs } from './support/pages.js';
import { auditPage } from './support/audit.js';
import { signInByKeyboard } from './support/keyboard.js';
import { todayNl } from '../src/schema/clock.js';
import { addDays } from '../src/core/time/date.js';
import { calendarDate } from '../src/web/time-format.js';
import { typedFromIso } from '../src/web/forms.js';

const t = messages('nl');
const w = t.myMedicines;
const PHONE = { width: 375, height: 740 } as const;
const today = todayNl();
const start = addDays(today, -20);

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  // The physician prescribes the weekly tablet for Anna de Vries, started 20 days ago.
  const context = await newContext(browser);
  const page = await context.newPage();
  await signInAs('physician')(page);
  const found = (await (await page.request.get('/api/v1/patients?q=Vries')).json()) as { items: { id: string; givenName: string }[] };
  const anna = found.items.find((p) => p.givenName === 'Anna');
  if (!anna) throw new Error('no demo patient Anna');
  const res = await page.request.post(`/api/v1/patients/${anna.id}/medications`, {
    data: { drug: 'alendronic-acid', start, acknowledgeCautions: true, override: { reason: 'Besproken in het spreekuur' } },
  });
  expect(res.status(), await res.text()).toBe(201);
  await context.close();
}, 120_000);
afterAll(async () => {
  await browser.close();
});

describe('my medicines by keyboard on a phone', () => {
  it('marks the weekly tablet as taken and the next date moves', { timeout: 300_000 }, async () => {
    const context = await newContext(browser, { bypassCSP: true, viewport: PHONE });
    const page = await context.newPage();
    const shell = new Shell(page, 'nl');
    await signInByKeyboard(page, shell, 'patient');
    await page.goto('/me');
    await shell.tabTo(page.getByRole('link', { name: w.link, exact: true }), 80);
    await shell.navigation(() => page.keyboard.press('Enter'));
    expect(new URL(page.url()).pathname).toMatch(/^\/medicines\/[0-9a-f-]{36}$/);
    await auditPage(page);
    // Without a recorded dose the start counts as the first: the next one was due a week after it.
    await expect.poll(() => page.locator('.next-dose').first().textContent()).toContain(w.nextLate(calendarDate('nl', addDays(start, 7))));

    // A day that has not come yet is refused at its field; the summary takes focus.
    await shell.tabTo(page.locator('#status'), 120);
    await page.keyboard.press('Space');
    await shell.tabTo(page.locator('#date'), 5);
    await page.keyboard.press('Control+A');
    await page.keyboard.type(typedFromIso(addDays(today, 1)));
    await shell.navigation(() => page.keyboard.press('Enter'));
    expect(await page.locator('.error-summary a[href="#date"]').textContent()).toContain(w.errors.future);
    expect(await shell.isFocused(page.locator('.error-summary'))).toBe(true);
    await auditPage(page);

    // Yesterday's tablet, marked as taken: the next date is a week after it.
    const taken = addDays(today, -1);
    await shell.tabTo(page.locator('#date'), 120);
    await page.keyboard.press('Control+A');
    await page.keyboard.type(typedFromIso(taken));
    await shell.tabTo(page.getByRole('button', { name: w.form.submit, exact: true }), 10);
    await shell.navigation(() => page.keyboard.press('Enter'));
    expect(await page.locator('.next-dose').first().textContent()).toContain(w.next(calendarDate('nl', addDays(taken, 7))));
    expect(await page.locator('#notice').textContent()).toContain(w.noticeTaken('alendroninezuur', calendarDate('nl', addDays(taken, 7))));
    await auditPage(page);
    await context.close();
  });
});
