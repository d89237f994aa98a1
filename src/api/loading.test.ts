// A child's loading plan and log over HTTP, on both stores: who may set the plan (the day centre's
// physiotherapist, not its care workers nor the parents), who may note a session down (parents and
// the centre's staff, not a hospital nor another centre), each line naming who noted it, the week
// and its chart data, the Case's minutes from the last 7 days so the core's attention comes and
// goes with the log, and bad input named per field with nothing stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionCookie, signInApi, signInRoles, testApp, type TestApp } from './testing/test-app.js';
import { buildFixture, PASSWORD, type Fixture } from './testing/fixture.js';
import { STORE_KINDS } from '../store/testing/stores.js';
import { Problem } from '../schema/problem.js';
import { addDays } from '../core/time/date.js';
import { mondayOf } from '../core/diary/diary.js';
import { todayNl } from '../schema/clock.js';
import { insertUser } from '../store/accounts.repo.js';
import { insertEntry } from '../store/record.repo.js';
import { hashPassword } from '../services/auth.js';

interface Week { items: { id: string; date: string; activity: string; minutes: number; loggedBy: string | null }[]; weeks: { from: string; total: number; standingFrame: number; lines: number }[]; means: { standing: number; movement: number; days: number } | null; plan: { total: number } | null }

describe.each(STORE_KINDS)('the loading plan and log API on %s', (kind) => {
  let t: TestApp;
  let f: Fixture;
  const cookie: Record<string, string> = {};
  const today = todayNl();

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, who: string, body?: unknown) =>
    t.app.inject({
      method, url, headers: { cookie: cookie[who] ?? '', ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });
  const plan = (p: string) => `/api/v1/patients/${p}/loading-plan`;
  const log = (p: string) => `/api/v1/patients/${p}/loading-log`;
  const count = async (table: 'loading_plan' | 'loading_log') => Number((await t.store.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const pointers = (body: string) => Problem.parse(JSON.parse(body)).errors?.map((e) => e.pointer).sort();

  beforeAll(async () => {
    t = await testApp(kind);
    f = await buildFixture(t.store.db);
    await signInRoles(t, f, ['nurse', 'physician', 'physiotherapist', 'care-worker', 'caregiver'], cookie);
    const hash = await hashPassword(PASSWORD);
    await insertUser(t.store.db, { role: 'physiotherapist', organisationId: f.orgs.dayA, patientId: null, email: 'centre-physio@fixture.test', displayName: 'Centre physio', passwordHash: hash, status: 'active' });
    cookie.centrePhysio = sessionCookie(await signInApi(t, 'centre-physio@fixture.test', PASSWORD));
    await insertEntry(t.store.db, { patientId: f.patients.childA, kind: 'child', date: addDays(today, -30), data: { mobility: 'wheelchair', standingMinutesPerDay: 45, movementMinutesPerDay: 50 }, source: 'clinician', by: null, organisationId: f.orgs.dayA });
  });
  afterAll(async () => {
    await t.close();
  });

  it('lets the centre\'s physiotherapist set the plan, with its verdict against 30–60 minutes, and everyone who reads the record read it', async () => {
    expect((await call('GET', plan(f.patients.childA), 'care-worker')).json()).toEqual({ plan: null });
    const res = await call('PUT', plan(f.patients.childA), 'centrePhysio', { standingFrame: 30, walkingAid: 15, otherMovement: 20, note: 'Na de lunch staan' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ standingFrame: 30, walkingAid: 15, otherMovement: 20, total: 65, verdict: 'above', setBy: 'Centre physio' });
    const again = await call('PUT', plan(f.patients.childA), 'centrePhysio', { standingFrame: 30, walkingAid: 10, otherMovement: 0 });
    expect(again.json()).toMatchObject({ total: 40, verdict: 'within', note: null });
    for (const who of ['care-worker', 'caregiver', 'centrePhysio']) {
      const r = await call('GET', plan(f.patients.childA), who);
      expect(r.statusCode, `${who}: ${r.body}`).toBe(200);
      expect(r.json<{ plan: { total: number } }>().plan.total).toBe(40);
    }
  });

  it('refuses the plan to care workers, parents, a hospital and a practice\'s physiotherapist, and to another centre\'s child', async () => {
    const before = await count('loading_plan');
    for (const who of ['care-worker', 'caregiver', 'physician', 'physiotherapist']) {
      const r = await call('PUT', plan(f.patients.childA), who, { standingFrame: 30, walkingAid: 0, otherMovement: 0 });
      expect(r.statusCode, who).toBe(403);
    }
    expect([403, 404]).toContain((await call('PUT', plan(f.patients.childB), 'centrePhysio', { standingFrame: 30, walkingAid: 0, otherMovement: 0 })).statusCode);
    expect([403, 404]).toContain((await call('GET', log(f.patients.childB), 'care-worker')).statusCode);
    expect(await count('loading_plan')).toBe(before);
  });

  it('notes a session down for parents and the centre\'s staff, each line naming who noted it', async () => {
    const a = await call('POST', log(f.patients.childA), 'care-worker', { date: today, activity: 'standing-frame', minutes: 20 });
    expect(a.statusCode, a.body).toBe(201);
    expect(a.json()).toMatchObject({ date: today, activity: 'standing-frame', minutes: 20, loggedBy: 'Fixture care-worker' });
    const b = await call('POST', log(f.patients.childA), 'caregiver', { date: today, activity: 'other-movement', minutes: 5 });
    expect(b.statusCode, b.body).toBe(201);
    expect(b.json()).toMatchObject({ loggedBy: 'Fixture caregiver' });
    const c = await call('POST', log(f.patients.childA), 'centrePhysio', { date: addDays(today, -7), activity: 'walking-aid', minutes: 240 });
    expect(c.statusCode, c.body).toBe(201);
  });

  it('refuses the log to a hospital and a practice, and to a centre\'s staff for another centre\'s child', async () => {
    const before = await count('loading_log');
    for (const who of ['nurse', 'physician', 'physiotherapist']) {
      expect((await call('POST', log(f.patients.childA), who, { date: today, activity: 'standing-frame', minutes: 10 })).statusCode, who).toBe(403);
    }
    expect([403, 404]).toContain((await call('POST', log(f.patients.childB), 'care-worker', { date: today, activity: 'standing-frame', minutes: 10 })).statusCode);
    expect((await call('POST', log(f.patients.childA), 'nobody', { date: today, activity: 'standing-frame', minutes: 10 })).statusCode).toBe(401);
    expect(await count('loading_log')).toBe(before);
  });

  it('names every bad field of a session and stores nothing', async () => {
    const before = await count('loading_log');
    const bad = async (body: unknown, want: string[]) => {
      const r = await call('POST', log(f.patients.childA), 'care-worker', body);
      expect(r.statusCode, JSON.stringify(body)).toBe(400);
      expect(r.headers['content-type']).toContain('application/problem+json');
      expect(pointers(r.body)).toEqual(want);
    };
    await bad({ date: addDays(today, 1), activity: 'swimming', minutes: 0 }, ['/activity', '/date', '/minutes']);
    await bad({ date: addDays(today, -8), activity: 'walking-aid', minutes: 241 }, ['/date', '/minutes']);
    await bad({ date: '31-12-2026', activity: 'standing-frame', minutes: 2.5 }, ['/date', '/minutes']);
    await bad({ date: today, activity: 'standing-frame', minutes: '10' }, ['/minutes']);
    await bad({ date: today, activity: 'standing-frame', minutes: 10, who: 'x' }, ['/who']);
    await bad({}, ['/activity', '/date', '/minutes']);
    expect(await count('loading_log')).toBe(before);
  });

  it('names every bad field of a plan and stores nothing', async () => {
    const before = await count('loading_plan');
    const r = await call('PUT', plan(f.patients.childA), 'centrePhysio', { standingFrame: -1, walkingAid: 'ten', otherMovement: 241, note: '' });
    expect(r.statusCode).toBe(400);
    expect(pointers(r.body)).toEqual(['/note', '/otherMovement', '/standingFrame', '/walkingAid']);
    expect(await count('loading_plan')).toBe(before);
  });

  it('gives the week with its chart data and the 7-day means, which the Case and the core read', async () => {
    const r = await call('GET', log(f.patients.childA), 'caregiver');
    expect(r.statusCode, r.body).toBe(200);
    const w = r.json<Week>();
    expect(w.items.filter((i) => i.date === today).map((i) => [i.activity, i.minutes, i.loggedBy])).toEqual([['standing-frame', 20, 'Fixture care-worker'], ['other-movement', 5, 'Fixture caregiver']]);
    expect(w.weeks).toHaveLength(8);
    expect(w.weeks.at(-1)).toMatchObject({ from: mondayOf(today) });
    // The 240 minutes 7 days back lie outside the 7 days; it only says the log did not begin today.
    expect(w.means).toEqual({ standing: 3, movement: 4, days: 7 });
    expect(w.plan?.total).toBe(40);
    const older = (await call('GET', `${log(f.patients.childA)}?week=${addDays(today, -7)}`, 'caregiver')).json<Week & { from: string }>();
    expect(older.from).toBe(mondayOf(addDays(today, -7)));
    expect(older.items.map((i) => i.minutes)).toContain(240);

    const c = (await call('GET', `/api/v1/patients/${f.patients.childA}/case`, 'care-worker')).json<{ child: object }>();
    expect(c.child).toMatchObject({ mobility: 'wheelchair', standingMinutesPerDay: 3, movementMinutesPerDay: 4 });
    const ev = await call('GET', `/api/v1/patients/${f.patients.childA}/evaluation?lang=en`, 'care-worker');
    expect(ev.statusCode, ev.body).toBe(200);
    const loading = ev.json<{ conclusions: { code: string; severity: string }[] }>().conclusions.find((x) => x.code === 'child.loading');
    expect(loading?.severity).toBe('attention');
  });

  it('takes back a line noted by mistake, for whoever noted it and only that day; it then counts nowhere', async () => {
    const tap = await call('POST', log(f.patients.childA), 'caregiver', { date: today, activity: 'standing-frame', minutes: 60 });
    expect(tap.statusCode, tap.body).toBe(201);
    const line = tap.json<{ id: string }>().id;
    const back = (who: string, id = line) => call('POST', `${log(f.patients.childA)}/${id}/take-back`, who);
    // Another's line, even of someone who may log: refused at the line, and nothing changes.
    const other = await back('care-worker');
    expect(other.statusCode, other.body).toBe(409);
    expect(pointers(other.body)).toEqual(['/params/lineId']);
    expect((await back('nurse')).statusCode).toBe(403);
    const taken = await back('caregiver');
    expect(taken.statusCode, taken.body).toBe(200);
    expect(taken.json()).toMatchObject({ id: line, minutes: 60 });
    // Twice is once too many; the line is kept, marked, and gone from the week and the Case.
    expect((await back('caregiver')).statusCode).toBe(409);
    const row = await t.store.db.selectFrom('loading_log').select(['withdrawn_at', 'withdrawn_by']).where('id', '=', line).executeTakeFirstOrThrow();
    expect(row.withdrawn_at).not.toBeNull();
    const w = (await call('GET', log(f.patients.childA), 'caregiver')).json<Week>();
    expect(w.items.map((i) => i.minutes)).not.toContain(60);
    expect(w.means).toEqual({ standing: 3, movement: 4, days: 7 });
    // An earlier day's line stays as noted, even for whoever noted it.
    const earlier = (await call('GET', `${log(f.patients.childA)}?week=${addDays(today, -7)}`, 'centrePhysio')).json<Week>().items.find((i) => i.minutes === 240);
    expect(earlier).toBeDefined();
    expect((await back('centrePhysio', earlier?.id)).statusCode).toBe(409);
    // A line that is not there, and an id that is none.
    expect((await back('caregiver', '00000000-0000-4000-8000-000000000000')).statusCode).toBe(409);
    expect(pointers((await back('caregiver', 'nope')).body)).toEqual(['/params/lineId']);
  });

  it('refuses a bad week asked for, naming it', async () => {
    const r = await call('GET', `${log(f.patients.childA)}?week=2026-02-30`, 'caregiver');
    expect(r.statusCode).toBe(400);
    expect(pointers(r.body)).toEqual(['/query/week']);
  });
});
