// The calendar page driven like a browser without script, on both stores: reached from /me and
// /care, the link made and shown once, the feed answering without a session, stopped at once, and
// the reminder choices checked at their field and saved.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, account, hiddenFields } from '../../api/testing/page-browser.js';
import { testApp, type TestApp } from '../../api/testing/test-app.js';
import { seedDemo } from '../../services/seed.js';
import { STORE_KINDS } from '../../store/testing/stores.js';
import { nl } from '../i18n/nl.js';

const w = nl.calendarFeed;
const linkIn = (html: string) => /value="(http[^"]+\/api\/v1\/calendar-feeds\/[A-Za-z0-9_-]{43}\.ics)"/.exec(html)?.[1];

describe.each(STORE_KINDS)('the calendar page on %s', (kind) => {
  let t: TestApp;
  let anna = '';
  let lotte = '';

  /** Posts a form of the page last read, with its hidden fields (the CSRF token), as a browser would. */
  async function send(b: Browser, page: string, action: string, fields: Record<string, string>) {
    const html = (await b.get(page)).body;
    return b.post(action, [...hiddenFields(html, action), ...Object.entries(fields)]);
  }
  async function as(role: Parameters<typeof account>[0]) {
    const b = new Browser(t);
    await b.signIn(account(role).email);
    return b;
  }

  beforeAll(async () => {
    t = await testApp(kind);
    await seedDemo(t.store.db);
    const rows = await t.store.db.selectFrom('patient').select(['id', 'given_name']).execute();
    anna = rows.find((x) => x.given_name === 'Anna')?.id ?? '';
    lotte = rows.find((x) => x.given_name === 'Lotte')?.id ?? '';
  });
  afterAll(async () => {
    await t.close();
  });

  it('makes a private link from /me, shows it once, and stops it at once', async () => {
    const b = await as('patient');
    expect((await b.get('/me')).body).toContain(`href="/calendar/${anna}"`);
    const first = await b.get(`/calendar/${anna}`);
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain(w.noLink);
    const made = await send(b, `/calendar/${anna}`, `/calendar/${anna}/link`, {});
    expect(made.statusCode).toBe(200);
    const url = linkIn(made.body);
    expect(url).toBeDefined();
    const path = new URL(url ?? '').pathname;
    const feed = await t.app.inject({ url: path });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toMatch(/^text\/calendar/);
    const again = await b.get(`/calendar/${anna}`);
    expect(linkIn(again.body)).toBeUndefined();
    expect(again.body).not.toContain(w.noLink);
    const ended = await send(b, `/calendar/${anna}`, `/calendar/${anna}/link/end`, {});
    expect(ended.statusCode).toBe(303);
    expect((await t.app.inject({ url: path })).statusCode).toBe(404);
  });

  it('checks the reminder time at its field and saves the choices', async () => {
    const b = await as('patient');
    const bad = await send(b, `/calendar/${anna}`, `/calendar/${anna}/choices`, { remindAt: '3 uur' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain(w.remindBad);
    expect(bad.body).toContain('value="3 uur"');
    const ok = await send(b, `/calendar/${anna}`, `/calendar/${anna}/choices`, { remindAt: '07:45', nameMedicine: 'yes' });
    expect(ok.statusCode).toBe(303);
    const page = (await b.get(`/calendar/${anna}?notice=saved`)).body;
    expect(page).toContain(w.saved);
    expect(page).toContain('value="07:45"');
  });

  it('lets a caregiver reach the calendar of the person in their care, saying whose it is', async () => {
    const b = await as('caregiver');
    expect((await b.get('/care')).body).toContain(`href="/calendar/${lotte}"`);
    const page = await b.get(`/calendar/${lotte}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(w.titleFor('Lotte Mulder'));
    expect((await b.get(`/calendar/${anna}`)).statusCode).toBe(403);
  });
});
