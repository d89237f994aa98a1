// The calendar feed as a phone's calendar app meets it: the demo patient on denosumab (an
// injection 40 days ago) and the weekly tablet makes her private link on her calendar page, by
// keyboard; the link is fetched without any session and read back with an independent iCalendar
// parser (ical.js). Every dose keeps 09:00 on the Amsterdam wall clock on both sides of the last
// Sundays of March and October, while its UTC hour moves; stopping the link makes it answer 404 at
// once. Each state of the page gets the accessibility audit.
/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newContext } from './support/browser.js';
import { Shell } from './support/shell.js';
import { messages, signInAs } from './support/pages.js';
import { auditPage } from './support/audit.js';
import { signInByKeyboard } from './support/keyboard.js';
import { occurrences } from '../src/api/testing/ical-read.js';
import { todayNl } from '../src/schema/clock.js';
import { addDays, addMonths } from '../src/core/time/date.js';

const w = messages('nl').calendarFeed;
const today = todayNl();

/** The last Sunday of a month (the day Europe changes its clocks in March and October). */
function lastSunday(year: number, month: number): Date {
  const d = new Date(Date.UTC(year, month, 0));
  d.setUTCDate(d.getUTCDate() - d.getUTCDay());
  return d;
}

let browser: Browser;
let patientId = '';
beforeAll(async () => {
  browser = await launchBrowser();
  // The physician puts Anna de Vries on denosumab (given 40 days ago) and on the weekly tablet; the
  // second antiresorptive is a caution she overrides with a reason, as the safety gate asks.
  const context = await newContext(browser);
  const page = await context.newPage();
  await signInAs('physician')(page);
  const found = (await (await page.request.get('/api/v1/patients?q=Vries')).json()) as { items: { id: string; givenName: string }[] };
  patientId = found.items.find((p) => p.givenName === 'Anna')?.id ?? '';
  if (!patientId) throw new Error('no demo patient Anna');
  const prescribe = async (data: object) => {
    const res = await page.request.post(`/api/v1/patients/${patientId}/medications`, { data });
    expect(res.status(), await res.text()).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };
  const reason = { reason: 'Besproken in het spreekuur' };
  const deno = await prescribe({ drug: 'denosumab', start: addDays(today, -40), acknowledgeCautions: true, override: reason });
  const dose = await page.request.post(`/api/v1/patients/${patientId}/medications/${deno}/doses`, { data: { date: addDays(today, -40) } });
  expect(dose.status(), await dose.text()).toBe(201);
  await prescribe({ drug: 'alendronic-acid', start: addDays(today, -20), acknowledgeCautions: true, override: reason });
  await context.close();
}, 180_000);
afterAll(async () => {
  await browser.close();
});

describe('the calendar feed in a calendar app', () => {
  it('keeps every dose at 09:00 Amsterdam time across both clock changes, and dies at once when stopped', { timeout: 300_000 }, async () => {
    const context = await newContext(browser, { bypassCSP: true });
    const page = await context.newPage();
    const shell = new Shell(page, 'nl');
    await signInByKeyboard(page, shell, 'patient');
    await page.goto(`/calendar/${patientId}`);
    await auditPage(page);

    await shell.tabTo(page.getByRole('button', { name: w.make, exact: true }), 80);
    await shell.navigation(() => page.keyboard.press('Enter'));
    const url = await page.locator('#feed-url').inputValue();
    expect(url).toMatch(/^https?:\/\/.+\.ics$/);
    await auditPage(page);

    // A calendar app has no session: a fresh context without cookies fetches it.
    const app = await newContext(browser);
    const res = await app.request.get(url);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toMatch(/^text\/calendar/);
    const text = await res.text();

    const until = new Date(Date.UTC(Number(today.slice(0, 4)) + 2, 0, 1));
    const doses = occurrences(text, until).filter((o) => o.rrule !== null);
    const weekly = doses.filter((o) => /FREQ=WEEKLY/.test(o.rrule ?? ''));
    const halfYearly = doses.filter((o) => /FREQ=MONTHLY/.test(o.rrule ?? '') && /INTERVAL=6/.test(o.rrule ?? ''));
    expect(weekly.length).toBeGreaterThan(52);
    expect(halfYearly.length).toBeGreaterThanOrEqual(2);
    for (const o of doses) {
      expect(o.tzid, o.summary).toBe('Europe/Amsterdam');
      expect(o.local.slice(11), `${o.summary} on ${o.local}`).toBe('09:00');
      expect(o.alarms, o.summary).toBeGreaterThan(0);
    }
    // The weekly series spans both changes of the clock: 09:00 is 08:00 UTC in winter, 07:00 in summer.
    const year = Number(today.slice(0, 4)) + 1;
    for (const change of [lastSunday(year, 3), lastSunday(year, 10)]) {
      const before = weekly.filter((o) => o.at < change && o.at.getTime() > change.getTime() - 8 * 86_400_000);
      const after = weekly.filter((o) => o.at > change && o.at.getTime() < change.getTime() + 8 * 86_400_000);
      expect(before.length, `a dose in the week before ${change.toISOString()}`).toBe(1);
      expect(after.length, `a dose in the week after ${change.toISOString()}`).toBe(1);
      expect(before[0]?.at.getUTCHours()).not.toBe(after[0]?.at.getUTCHours());
    }
    // The injection every 6 months counts from the real injection 40 days ago.
    expect(halfYearly[0]?.local.slice(0, 10)).toBe(addMonths(addDays(today, -40), 6));
    // No medicine named in a title unless the patient chose so (the feed lands in other companies' calendars).
    for (const o of doses) expect(o.summary.toLowerCase()).not.toMatch(/denosumab|alendron|prolia|fosamax/);

    await shell.tabTo(page.getByRole('button', { name: w.end, exact: true }), 80);
    await shell.navigation(() => page.keyboard.press('Enter'));
    expect(await page.locator('main').textContent()).toContain(w.ended);
    await auditPage(page);
    expect((await app.request.get(url)).status()).toBe(404);
    await app.close();
    await context.close();
  });
});

