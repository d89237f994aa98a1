// The group tablet's shift session on both stores: a day centre's staff member who signs in "on the
// group's tablet" stays signed in for the organisation's `shiftIdleMinutes` while idle (set by its
// administrator, bounded, audited); a normal session ends after the installation's idle time; only
// a day centre's own staff get a shift session; what is done in one still names who signed in.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionCookie, testApp, type TestApp } from './testing/test-app.js';
import { buildFixture, PASSWORD, type Fixture } from './testing/fixture.js';
import { STORE_KINDS } from '../store/testing/stores.js';
import { insertUser } from '../store/accounts.repo.js';
import { hashPassword, idleMinutesOf } from '../services/auth.js';

interface Me { userId: string; shift: boolean; idleExpiresAt: string }
interface ProblemDoc { errors?: { pointer: string }[] }

describe('idleMinutesOf', () => {
  it.each([
    ['a normal session keeps the installation\'s idle time', { shift: false, shift_idle_minutes: 600 }, 20],
    ['a shift session without a setting: the default', { shift: true, shift_idle_minutes: null }, 240],
    ['a shift session with the setting', { shift: true, shift_idle_minutes: 30 }, 30],
    ['the upper bound', { shift: true, shift_idle_minutes: 720 }, 720],
    ['a kept value below the bounds is not trusted', { shift: true, shift_idle_minutes: 29 }, 240],
    ['a kept value above the bounds is not trusted', { shift: true, shift_idle_minutes: 721 }, 240],
  ] as const)('%s', (_n, s, minutes) => {
    expect(idleMinutesOf(s, 20)).toBe(minutes);
  });
});

describe.each(STORE_KINDS)('the group tablet\'s shift session on %s', (kind) => {
  let t: TestApp;
  let f: Fixture;
  let centreAdmin = '';

  const signIn = (email: string, shift?: boolean) =>
    t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password: PASSWORD, ...(shift === undefined ? {} : { shift }) }, remoteAddress: '10.0.0.9' });
  const me = (cookie: string) => t.app.inject({ url: '/api/v1/session', headers: { cookie } });
  const idleMinutesLeft = (m: Me) => (new Date(m.idleExpiresAt).getTime() - Date.now()) / 60_000;
  const idleFor = async (cookie: string, minutes: number) => {
    const token = decodeURIComponent(cookie.split('=')[1] ?? '');
    const { createHash } = await import('node:crypto');
    const hash = createHash('sha256').update(token).digest('hex');
    await t.store.db.updateTable('session').set({ last_seen_at: new Date(Date.now() - minutes * 60_000).toISOString() }).where('token_hash', '=', hash).execute();
  };
  const setShift = (minutes: unknown) =>
    t.app.inject({ method: 'PUT', url: '/api/v1/organisation/settings', headers: { cookie: centreAdmin, 'content-type': 'application/json' }, payload: JSON.stringify({ shiftIdleMinutes: minutes }) });

  beforeAll(async () => {
    t = await testApp(kind, { BOTPAD_SESSION_IDLE_MINUTES: '20' });
    f = await buildFixture(t.store.db);
    await insertUser(t.store.db, { role: 'admin', organisationId: f.orgs.dayA, patientId: null, email: 'admin@shift.test', displayName: 'Centre admin', passwordHash: await hashPassword(PASSWORD), status: 'active' });
    centreAdmin = sessionCookie(await signIn('admin@shift.test'));
  });
  afterAll(async () => {
    await t.close();
  });

  it('a shift session stays signed in past the normal idle time; a normal one ends', async () => {
    const shift = await signIn(f.users['care-worker'].email, true);
    expect(shift.statusCode, shift.body).toBe(200);
    expect(shift.json<Me>().shift).toBe(true);
    const shiftCookie = sessionCookie(shift);
    const normalCookie = sessionCookie(await signIn(f.users['care-worker'].email));
    const m = (await me(shiftCookie)).json<Me>();
    expect(idleMinutesLeft(m)).toBeGreaterThan(239);
    expect(idleMinutesLeft(m)).toBeLessThanOrEqual(240);
    expect((await me(normalCookie)).json<Me>().shift).toBe(false);

    await idleFor(shiftCookie, 25);
    await idleFor(normalCookie, 25);
    expect((await me(shiftCookie)).statusCode).toBe(200);
    expect((await me(normalCookie)).statusCode).toBe(401);
    // Past the shift's idle time it ends too.
    await idleFor(shiftCookie, 241);
    expect((await me(shiftCookie)).statusCode).toBe(401);
  });

  it('the administrator sets the idle time within its bounds (audited); it holds for shift sessions at once', async () => {
    const requestId = randomUUID();
    const put = await t.app.inject({ method: 'PUT', url: '/api/v1/organisation/settings', headers: { cookie: centreAdmin, 'content-type': 'application/json', 'x-request-id': requestId }, payload: JSON.stringify({ shiftIdleMinutes: 30 }) });
    expect(put.statusCode, put.body).toBe(200);
    const audit = await t.store.db.selectFrom('audit_event').select(['action', 'allowed', 'reason']).where('request_id', '=', requestId).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'settings.manage', allowed: true });
    expect(audit[0]?.reason).toContain('shiftIdleMinutes');
    for (const bad of [29, 721, 60.5, '60']) {
      const res = await setShift(bad);
      expect(res.statusCode, String(bad)).toBe(400);
      expect(res.json<ProblemDoc>().errors?.map((e) => e.pointer)).toEqual(['/shiftIdleMinutes']);
    }
    const cookie = sessionCookie(await signIn(f.users['care-worker'].email, true));
    expect(idleMinutesLeft((await me(cookie)).json<Me>())).toBeLessThanOrEqual(30);
    await idleFor(cookie, 29);
    expect((await me(cookie)).statusCode).toBe(200);
    await idleFor(cookie, 31);
    expect((await me(cookie)).statusCode).toBe(401);
    // Back to the default.
    expect((await setShift(240)).statusCode).toBe(200);
  });

  it('only a day centre\'s own staff get a shift session; its administrator and a hospital nurse do not', async () => {
    for (const email of [f.users.nurse.email, 'admin@shift.test', f.users.caregiver.email]) {
      const res = await signIn(email, true);
      expect(res.statusCode, email).toBe(200);
      expect(res.json<Me>().shift, email).toBe(false);
    }
  });

  it('the sign-in is audited as a shift, and what is done in it names the staff member', async () => {
    const requestId = randomUUID();
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/session', headers: { 'x-request-id': requestId }, payload: { email: f.users['care-worker'].email, password: PASSWORD, shift: true }, remoteAddress: '10.0.0.9' });
    const signedIn = await t.store.db.selectFrom('audit_event').select(['action', 'reason', 'user_id']).where('request_id', '=', requestId).execute();
    expect(signedIn).toEqual([{ action: 'session.create', reason: 'signed in on a group tablet (shift)', user_id: f.users['care-worker'].id }]);
    const readId = randomUUID();
    const read = await t.app.inject({ url: `/api/v1/patients/${f.patients.childA}`, headers: { cookie: sessionCookie(res), 'x-request-id': readId } });
    expect(read.statusCode).toBe(200);
    const entries = await t.store.db.selectFrom('audit_event').select(['user_id', 'patient_id']).where('request_id', '=', readId).execute();
    expect(entries).toEqual([{ user_id: f.users['care-worker'].id, patient_id: f.patients.childA }]);
  });

  it('a shift value that is not a boolean is refused at its field', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: f.users['care-worker'].email, password: PASSWORD, shift: 'yes' }, remoteAddress: '10.0.0.9' });
    expect(res.statusCode).toBe(400);
    expect(res.json<ProblemDoc>().errors?.map((e) => e.pointer)).toEqual(['/shift']);
  });
});
