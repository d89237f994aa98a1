// The calendar feed over HTTP on both stores: the patient's and a caregiver's private link, a new
// link ending the old one, revoking, the link dying with its maker's access (caregiver link
// withdrawn, account disabled), every read audited as a read by the link's maker, the reminder
// choices in the feed, and bad input as problem+json.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { signInRoles, testApp, type TestApp } from './testing/test-app.js';
import { buildFixture, type Fixture } from './testing/fixture.js';
import { STORE_KINDS } from '../store/testing/stores.js';
import { withdrawCaregiver } from '../store/patient.repo.js';
import { todayNl } from '../schema/clock.js';
import { addDays, addMonths } from '../core/time/date.js';
import { occurrences } from './testing/ical-read.js';

describe.each(STORE_KINDS)('the calendar feed over HTTP on %s', (kind) => {
  let t: TestApp;
  let f: Fixture;
  const cookie: Record<string, string> = {};
  const today = todayNl();

  const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, as: string | null, body?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: { ...(as ? { cookie: cookie[as] ?? '' } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });
  const pathOf = (url: string) => new URL(url).pathname;
  const feedReads = async (userId: string, allowed: boolean) =>
    Number((await sql<{ n: number }>`select count(*)::int as n from audit_event where user_id = ${userId} and action = 'record.read' and resource = 'patient/calendar-feed' and allowed = ${allowed}`.execute(t.store.db)).rows[0]?.n);

  beforeAll(async () => {
    t = await testApp(kind);
    f = await buildFixture(t.store.db);
    await signInRoles(t, f, ['nurse', 'physician', 'patient', 'caregiver'], cookie);
    const p = `/api/v1/patients/${f.patients.adultA}`;
    const start = addMonths(today, -3);
    // A weekly tablet and a 6-monthly injection, as the physician prescribes them.
    for (const drug of ['alendronic-acid', 'denosumab']) {
      const r = await call('POST', `${p}/medications`, 'physician', { drug, start, acknowledgeCautions: true, override: { reason: 'Besproken met patiënt' } });
      expect(r.statusCode, r.body).toBe(201);
      const id = (r.json() as { id: string }).id;
      const d = await call('POST', `${p}/medications/${id}/doses`, 'nurse', { date: start });
      expect(d.statusCode, d.body).toBe(201);
    }
  });
  afterAll(async () => {
    await t.close();
  });

  it('gives the patient a private link that answers text/calendar without a session, and audits each read as theirs', async () => {
    const made = await call('POST', '/api/v1/me/calendar-feed', 'patient');
    expect(made.statusCode, made.body).toBe(201);
    const { url } = made.json() as { url: string };
    expect(url).toMatch(/^http:\/\/[^/]+\/api\/v1\/calendar-feeds\/[A-Za-z0-9_-]{43}\.ics$/);
    const stored = await t.store.db.selectFrom('calendar_feed').select('token_hash').where('user_id', '=', f.users.patient.id).where('revoked_at', 'is', null).executeTakeFirstOrThrow();
    expect(url).not.toContain(stored.token_hash);
    const before = await feedReads(f.users.patient.id, true);
    const res = await call('GET', pathOf(url), null);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(await feedReads(f.users.patient.id, true)).toBe(before + 1);
    const occ = occurrences(res.body, new Date(Date.parse(addMonths(today, 13))));
    expect(occ.filter((o) => o.summary === 'Tablet innemen').length).toBeGreaterThan(40);
    expect(occ.some((o) => o.summary === 'Prik voor uw medicijn')).toBe(true);
    for (const o of occ) expect(o.local.slice(11)).toBe('09:00');
  });

  it('ends the old link at once when a new one is made, and answers 404 after revoking', async () => {
    const a = (await call('POST', '/api/v1/me/calendar-feed', 'patient')).json() as { url: string };
    const b = (await call('POST', '/api/v1/me/calendar-feed', 'patient')).json() as { url: string };
    expect(a.url).not.toBe(b.url);
    expect((await call('GET', pathOf(a.url), null)).statusCode).toBe(404);
    expect((await call('GET', pathOf(b.url), null)).statusCode).toBe(200);
    expect((await call('DELETE', '/api/v1/me/calendar-feed', 'patient')).statusCode).toBe(204);
    const gone = await call('GET', pathOf(b.url), null);
    expect(gone.statusCode).toBe(404);
    expect(gone.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(gone.body).not.toMatch(/revoked|ended|patient/i);
  });

  it('answers an unknown or malformed token with the same bare 404', async () => {
    for (const token of ['A'.repeat(43), 'A'.repeat(43) + '.ics', 'nope', 'x'.repeat(99)]) {
      const r = await call('GET', `/api/v1/calendar-feeds/${token}`, null);
      expect(r.statusCode, token).toBe(404);
      expect((r.json() as { detail: string }).detail).toBe('There is no calendar here.');
    }
  });

  it('puts the chosen reminder time and the medicine names in the feed', async () => {
    const p = `/api/v1/patients/${f.patients.adultA}/calendar-settings`;
    const set = await call('PUT', p, 'patient', { remindAt: '07:30', nameMedicine: true });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ remindAt: '07:30', nameMedicine: true });
    const { url } = (await call('POST', `/api/v1/patients/${f.patients.adultA}/calendar-feed`, 'patient')).json() as { url: string };
    const body = (await call('GET', pathOf(url), null)).body;
    const occ = occurrences(body, new Date(Date.parse(addDays(today, 60))));
    expect(occ.length).toBeGreaterThan(0);
    for (const o of occ) expect(o.local.slice(11)).toBe('07:30');
    expect(body).toMatch(/SUMMARY:Alendroninezuur \(tablet\)/);
    await call('PUT', p, 'patient', { remindAt: '09:00', nameMedicine: false });
  });

  it('refuses bad choices with a problem naming the field, and stores nothing', async () => {
    const p = `/api/v1/patients/${f.patients.adultA}/calendar-settings`;
    for (const body of [{ remindAt: '25:00', nameMedicine: false }, { remindAt: '02:30', nameMedicine: false }, { remindAt: '9', nameMedicine: false }]) {
      const r = await call('PUT', p, 'patient', body);
      expect(r.statusCode).toBe(400);
      expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect((r.json() as { errors: { pointer: string }[] }).errors.map((e) => e.pointer)).toEqual(['/remindAt']);
    }
    const r = await call('PUT', p, 'patient', { remindAt: '08:00', nameMedicine: 'yes', extra: 1 });
    expect(r.statusCode).toBe(400);
    expect((await call('GET', p, 'patient')).json()).toMatchObject({ remindAt: '09:00', nameMedicine: false });
  });

  it('lets no clinician make a link to a patient\'s calendar', async () => {
    for (const as of ['nurse', 'physician']) {
      expect((await call('POST', `/api/v1/patients/${f.patients.adultA}/calendar-feed`, as)).statusCode, as).toBe(403);
      expect((await call('POST', '/api/v1/me/calendar-feed', as)).statusCode, as).toBe(404);
    }
  });

  it('kills a caregiver\'s link when their access is withdrawn, and audits the refused read', async () => {
    const made = await call('POST', `/api/v1/patients/${f.patients.childA}/calendar-feed`, 'caregiver');
    expect(made.statusCode, made.body).toBe(201);
    const path = pathOf((made.json() as { url: string }).url);
    expect((await call('GET', path, null)).statusCode).toBe(200);
    await withdrawCaregiver(t.store.db, { caregiverUserId: f.users.caregiver.id, patientId: f.patients.childA, as: 'clinic', reason: 'Op verzoek', by: f.users.nurse.id });
    const refusedBefore = await feedReads(f.users.caregiver.id, false);
    expect((await call('GET', path, null)).statusCode).toBe(404);
    expect(await feedReads(f.users.caregiver.id, false)).toBe(refusedBefore + 1);
  });

  it('kills a link when its maker\'s account is disabled', async () => {
    const { url } = (await call('POST', '/api/v1/me/calendar-feed', 'patient')).json() as { url: string };
    expect((await call('GET', pathOf(url), null)).statusCode).toBe(200);
    await t.store.db.updateTable('app_user').set({ status: 'disabled' }).where('id', '=', f.users.patient.id).execute();
    try {
      expect((await call('GET', pathOf(url), null)).statusCode).toBe(404);
    } finally {
      await t.store.db.updateTable('app_user').set({ status: 'active' }).where('id', '=', f.users.patient.id).execute();
    }
    expect((await call('GET', pathOf(url), null)).statusCode).toBe(200);
  });
});
