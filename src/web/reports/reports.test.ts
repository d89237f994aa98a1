// The diary and the reports on the pages, driven as a browser without JavaScript would, on both
// stores: a line in the diary (a bad one refused in words at its field), the chart with its words
// and table; a fall reported screen by screen, the urgent notice on every screen, the nurse's
// worklist alert that opens the report, and the read receipt the patient then sees; a stranger.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../api/testing/test-app.js';
import { Browser, account, csrfOf } from '../../api/testing/page-browser.js';
import { seedDemo } from '../../services/seed.js';
import { STORE_KINDS } from '../../store/testing/stores.js';
import { todayNl } from '../../schema/clock.js';
import { addDays } from '../../core/time/date.js';
import { typedFromIso } from '../forms.js';
import { nl } from '../i18n/nl.js';
import { num } from '../../core/text.js';

const w = nl.reports;
const d = nl.diary;
const html = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

describe.each(STORE_KINDS)('diary and report pages on %s', (kind) => {
  let t: TestApp;
  let anna = '';
  const today = todayNl();

  beforeAll(async () => {
    t = await testApp(kind);
    await seedDemo(t.store.db);
    anna = (await t.store.db.selectFrom('patient').select(['id', 'given_name']).execute()).find((r) => r.given_name === 'Anna')?.id ?? '';
  });
  afterAll(async () => {
    await t.close();
  });

  async function as(role: 'patient' | 'nurse' | 'caregiver') {
    const b = new Browser(t);
    await b.signIn(account(role).email);
    return b;
  }

  it('writes a line in the diary, refusing a bad one at its field, and draws the weeks', async () => {
    const b = await as('patient');
    const me = await b.get('/me');
    expect(me.body).toContain(`href="/diary/${anna}"`);
    expect(me.body).toContain(`href="/reports/${anna}"`);
    const page = await b.get(`/diary/${anna}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`value="${typedFromIso(today)}"`);
    const bad = await b.post(`/diary/${anna}`, { _csrf: csrfOf(page.body), date: typedFromIso(addDays(today, 1)), activity: 'Wandelen', minutes: '30', feeling: 'good', pain: '12' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain(html(d.painRange));
    expect(bad.body).toContain(html(d.dateFuture));
    const good = await b.post(`/diary/${anna}`, { _csrf: csrfOf(page.body), date: typedFromIso(today), activity: 'Wandelen in het park', minutes: '35', feeling: 'good', pain: '3', note: '' });
    expect(good.statusCode, good.body.slice(0, 300)).toBe(303);
    const after = await b.get(good.headers.location as string);
    expect(after.body).toContain(html(d.saved));
    expect(after.body).toContain('Wandelen in het park');
    expect(after.body).toContain('<svg');
    expect(after.body).toContain(html(d.summaryWeek('35', num(3, 'nl', 1))));
    expect(after.body).not.toContain('<script');
  });

  it('reports a fall screen by screen; the nurse opens it from the worklist and the patient sees it was read', async () => {
    const b = await as('patient');
    const start = await b.get(`/reports/${anna}/new`);
    expect(start.statusCode).toBe(200);
    expect(start.body).toContain(html(w.urgent));
    const csrf = csrfOf(start.body);
    const path = `/reports/${anna}/new`;
    const s2 = await b.post(path, { _csrf: csrf, step: 'kind', kind: 'fall', go: 'next' });
    expect(s2.body).toContain(html(w.whatFall));
    expect(s2.body).toContain(html(w.urgent));
    const s3 = await b.post(path, { _csrf: csrf, step: 'details', kind: 'fall', what: 'Gevallen op de trap', go: 'next' });
    expect(s3.body).toContain(html(w.sinceFracture));
    const late = await b.post(path, { _csrf: csrf, step: 'since', kind: 'fall', what: 'Gevallen op de trap', since: typedFromIso(addDays(today, 2)), go: 'next' });
    expect(late.statusCode).toBe(400);
    expect(late.body).toContain(html(w.sinceFuture));
    const s4 = await b.post(path, { _csrf: csrf, step: 'since', kind: 'fall', what: 'Gevallen op de trap', since: typedFromIso(today), go: 'next' });
    expect(s4.body).toContain(html(w.severity));
    const check = await b.post(path, { _csrf: csrf, step: 'severity', kind: 'fall', what: 'Gevallen op de trap', since: typedFromIso(today), severity: 'moderate', note: '', go: 'next' });
    expect(check.body).toContain(html(w.checkTitle));
    expect(check.body).toContain('Gevallen op de trap');
    const sent = await b.post(path, { _csrf: csrf, step: 'check', kind: 'fall', what: 'Gevallen op de trap', since: typedFromIso(today), severity: 'moderate', note: '', go: 'send' });
    expect(sent.statusCode, sent.body.slice(0, 300)).toBe(303);
    const list = await b.get(sent.headers.location as string);
    expect(list.body).toContain(html(w.sent));
    expect(list.body).toContain(html(w.notRead));

    const nurse = await as('nurse');
    const worklist = await nurse.get('/worklist?step=alert');
    const link = new RegExp(`href="(/worklist/[0-9a-f-]{36}/report)"[^>]*>${w.openFromWorklist(nl.worklist.reasons['report-fall'] ?? '')}`).exec(worklist.body);
    expect(link, worklist.body.slice(0, 200)).not.toBeNull();
    const hop = await nurse.get(link?.[1] ?? '');
    expect(hop.statusCode).toBe(303);
    const opened = await nurse.get(hop.headers.location as string);
    expect(opened.statusCode).toBe(200);
    expect(opened.body).toContain('Gevallen op de trap');
    expect(opened.body).toContain(html(w.alertSeen));

    expect((await b.get(`/reports/${anna}`)).body).toMatch(/Gelezen door de kliniek op/);
  });

  it('refuses the diary and reports of someone who is not in the caregiver\'s care', async () => {
    const c = await as('caregiver');
    expect((await c.get(`/diary/${anna}`)).statusCode).toBe(403);
    expect((await c.get(`/reports/${anna}/new`)).statusCode).toBe(403);
  });
});
