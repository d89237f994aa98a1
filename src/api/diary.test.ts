// The diary and the reports to the clinic over HTTP, on both stores: the diary's lines and its
// weekly chart data, paging; a report landing at once as an alert on the worklist of every hospital
// caring for the patient (and staying there when the worklist is derived again), a reported fracture
// in the record with the patient as its source, counted by the core and confirmed by a clinician's
// correction, the read receipt the patient sees; a caregiver against a stranger; bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInApi, sessionCookie, signInRoles, testApp, type TestApp } from './testing/test-app.js';
import { buildFixture, PASSWORD, type Fixture } from './testing/fixture.js';
import { STORE_KINDS } from '../store/testing/stores.js';
import { Problem } from '../schema/problem.js';
import { addDays } from '../core/time/date.js';
import { mondayOf } from '../core/diary/diary.js';
import { todayNl } from '../schema/clock.js';
import { insertUser } from '../store/accounts.repo.js';
import { hashPassword } from '../services/auth.js';

interface Report { id: string; kind: string; entryId: string | null; readAt: string | null; readBy: string | null; fractureStatus: string | null; alerts?: number }
interface Item { itemId: string; patientId: string; step: string; reasons: string[]; source: string; state: string; overdue: boolean; priority: string }

describe.each(STORE_KINDS)('the diary and reports API on %s', (kind) => {
  let t: TestApp;
  let f: Fixture;
  const cookie: Record<string, string> = {};
  const today = todayNl();

  const call = (method: 'GET' | 'POST', url: string, who: string, body?: unknown) =>
    t.app.inject({
      method, url, headers: { cookie: cookie[who] ?? '', ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });
  const diary = (p: string) => `/api/v1/patients/${p}/diary`;
  const reports = (p: string) => `/api/v1/patients/${p}/reports`;
  const worklist = async (who: string): Promise<Item[]> => {
    const res = await call('GET', '/api/v1/worklist?limit=200', who);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: Item[] }>().items;
  };
  const count = async (table: 'diary_entry' | 'patient_report') => Number((await t.store.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    t = await testApp(kind);
    f = await buildFixture(t.store.db);
    await signInRoles(t, f, ['nurse', 'physician', 'physiotherapist', 'patient', 'caregiver'], cookie);
    // A second hospital cares for patient A too, with a nurse of its own: each keeps its own worklist.
    await t.store.db.insertInto('patient_organisation').values({ patient_id: f.patients.adultA, organisation_id: f.orgs.hospB, relation: 'care' }).execute();
    await insertUser(t.store.db, { role: 'nurse', organisationId: f.orgs.hospB, patientId: null, email: 'nurse-b@fixture.test', displayName: 'Nurse B', passwordHash: await hashPassword(PASSWORD), status: 'active' });
    cookie.nurseB = sessionCookie(await signInApi(t, 'nurse-b@fixture.test', PASSWORD));
  });
  afterAll(async () => {
    await t.close();
  });

  it('keeps the diary and gives the weeks the chart draws', async () => {
    const monday = mondayOf(today);
    const lines = [
      { date: today, activity: 'Wandelen', minutes: 30, feeling: 'good', pain: 2 },
      { date: monday, activity: 'Oefeningen', minutes: 15, feeling: 'hard', pain: 5, note: 'Rug deed pijn' },
      { date: addDays(monday, -7), activity: 'Fietsen', minutes: 45, feeling: 'ok', pain: 3 },
    ];
    for (const l of lines) {
      const res = await call('POST', diary(f.patients.adultA), 'patient', l);
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json<{ homeExerciseId: null; writtenBy: string }>()).toMatchObject({ homeExerciseId: null, writtenBy: 'Fixture patient' });
    }
    const res = await call('GET', diary(f.patients.adultA), 'patient');
    expect(res.statusCode).toBe(200);
    const body = res.json<{ items: { date: string }[]; weeks: { from: string; minutes: number; pain: number | null; painMax: number | null; entries: number }[] }>();
    expect(body.items.map((i) => i.date)).toEqual([today, monday, addDays(monday, -7)]);
    expect(body.weeks).toHaveLength(8);
    const thisWeek = body.weeks.at(-1);
    expect(thisWeek).toMatchObject({ from: monday, minutes: 45, pain: 3.5, painMax: 5, entries: 2 });
    expect(body.weeks.at(-2)).toMatchObject({ from: addDays(monday, -7), minutes: 45, pain: 3, entries: 1 });
    expect(body.weeks.at(0)).toMatchObject({ minutes: 0, pain: null, entries: 0 });
  });

  it('pages the diary newest first without repeating a line', async () => {
    const first = (await call('GET', `${diary(f.patients.adultA)}?limit=2`, 'patient')).json<{ items: { id: string }[]; nextCursor: string | null }>();
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const second = (await call('GET', `${diary(f.patients.adultA)}?limit=2&cursor=${first.nextCursor ?? ''}`, 'patient')).json<{ items: { id: string }[]; nextCursor: string | null }>();
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    expect(second.items.map((i) => i.id)).not.toContain(first.items[0]?.id);
  });

  it('lets a caregiver write for the child in their care and refuses a stranger, storing nothing', async () => {
    const line = { date: today, activity: 'Staan in de sta-tafel', minutes: 40, feeling: 'ok', pain: 0 };
    expect((await call('POST', diary(f.patients.childA), 'caregiver', line)).statusCode).toBe(201);
    const before = await count('diary_entry');
    // The caregiver is nobody's caregiver for patient A; the clinic records its own facts.
    for (const who of ['caregiver', 'nurse']) expect((await call('POST', diary(f.patients.adultA), who, line)).statusCode, who).toBe(403);
    expect((await call('GET', diary(f.patients.adultA), 'caregiver')).statusCode).toBe(403);
    expect(await count('diary_entry')).toBe(before);
    // The clinic caring for the patient reads the diary.
    expect((await call('GET', diary(f.patients.adultA), 'nurse')).statusCode).toBe(200);
  });

  it('names each bad field of a diary line and keeps nothing', async () => {
    const before = await count('diary_entry');
    const res = await call('POST', diary(f.patients.adultA), 'patient', { date: addDays(today, 1), activity: ' ', minutes: -1, feeling: 'great', pain: 11 });
    expect(res.statusCode).toBe(400);
    const pointers = Problem.parse(res.json()).errors?.map((e) => e.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/date', '/activity', '/minutes', '/feeling', '/pain']));
    expect(await count('diary_entry')).toBe(before);
  });

  let fall: Report;
  it('raises a reported fall at once as an alert on the worklist of every hospital caring for the patient', async () => {
    const res = await call('POST', reports(f.patients.adultA), 'patient', { kind: 'fall', what: 'Uitgegleden in de badkamer', since: today, severity: 'moderate' });
    expect(res.statusCode, res.body).toBe(201);
    fall = res.json<Report>();
    expect(fall).toMatchObject({ kind: 'fall', entryId: null, readAt: null, alerts: 2 });
    for (const who of ['nurse', 'nurseB']) {
      const alert = (await worklist(who)).find((i) => i.patientId === f.patients.adultA && i.source === 'report');
      expect(alert, who).toMatchObject({ step: 'alert', reasons: ['report-fall'], state: 'open', overdue: true, priority: 'normal' });
    }
  });

  it('keeps the alert when the worklist is derived again after another write', async () => {
    const w = await call('POST', `/api/v1/patients/${f.patients.adultA}/entries`, 'nurse', { kind: 'weight', date: today, data: { kg: 64 } });
    expect(w.statusCode).toBe(201);
    expect((await worklist('nurse')).filter((i) => i.patientId === f.patients.adultA && i.source === 'report')).toHaveLength(1);
  });

  it('shows the patient when a nurse read the report, and acknowledges only her organisation\'s alert', async () => {
    // Neither the patient nor a physiotherapist marks a report read.
    for (const who of ['patient', 'physiotherapist']) expect((await call('POST', `${reports(f.patients.adultA)}/${fall.id}/read`, who)).statusCode, who).toBe(403);
    const mine = () => call('GET', reports(f.patients.adultA), 'patient').then((r) => r.json<{ items: Report[] }>().items.find((x) => x.id === fall.id));
    expect(await mine()).toMatchObject({ readAt: null, readBy: null });
    const read = await call('POST', `${reports(f.patients.adultA)}/${fall.id}/read`, 'nurse');
    expect(read.statusCode, read.body).toBe(200);
    const seen = await mine();
    expect(seen?.readBy).toBe('Fixture nurse');
    expect(seen?.readAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect((await worklist('nurse')).find((i) => i.patientId === f.patients.adultA && i.source === 'report')?.state).toBe('acknowledged');
    expect((await worklist('nurseB')).find((i) => i.patientId === f.patients.adultA && i.source === 'report')?.state).toBe('open');
    // A second reader leaves the first read as the patient saw it.
    await call('POST', `${reports(f.patients.adultA)}/${fall.id}/read`, 'physician');
    expect((await mine())?.readAt).toBe(seen?.readAt);
    const audit = await t.store.db.selectFrom('audit_event').select(['action', 'allowed']).where('resource', '=', 'patient/report/read').where('user_id', '=', f.users.nurse.id).execute();
    expect(audit).toContainEqual({ action: 'record.write', allowed: true });
  });

  it('puts a reported fracture in the record as the patient\'s, lets the core count it, and a correction confirms it', async () => {
    const itemsBefore = (await worklist('nurse')).filter((i) => i.patientId === f.patients.adultA).map((i) => i.step);
    expect(itemsBefore).not.toContain('invite');
    const res = await call('POST', reports(f.patients.adultA), 'patient', { kind: 'fracture', site: 'wrist', cause: 'low-fall', since: addDays(today, -2), severity: 'severe' });
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json<Report>();
    expect(r).toMatchObject({ fractureStatus: 'unconfirmed', alerts: 2 });
    const entries = (await call('GET', `/api/v1/patients/${f.patients.adultA}/entries`, 'nurse')).json<{ items: { id: string; kind: string; source: string; date: string; data: unknown }[] }>().items;
    expect(entries.find((e) => e.id === r.entryId)).toMatchObject({ kind: 'fracture', source: 'patient', date: addDays(today, -2), data: { site: 'wrist', highEnergy: false } });
    // The Case holds it and the worklist opens the invitation for case finding (§2: wrist, 70, low energy).
    const c = (await call('GET', `/api/v1/patients/${f.patients.adultA}/case`, 'nurse')).json<{ fractures?: { date: string; site: string }[] }>();
    expect(c.fractures).toContainEqual({ date: addDays(today, -2), site: 'wrist', highEnergy: false });
    const items = await worklist('nurse');
    expect(items.filter((i) => i.patientId === f.patients.adultA).map((i) => i.step)).toContain('invite');
    expect(items.find((i) => i.patientId === f.patients.adultA && i.reasons.includes('report-fracture'))).toMatchObject({ step: 'alert', priority: 'high' });
    // The clinic confirms by its own version of the entry.
    const fix = await call('POST', `/api/v1/patients/${f.patients.adultA}/entries/${r.entryId ?? ''}/correction`, 'nurse', { data: { site: 'wrist', side: 'left', highEnergy: false }, reason: 'Bevestigd op de röntgenfoto' });
    expect(fix.statusCode, fix.body).toBe(200);
    const after = (await call('GET', reports(f.patients.adultA), 'patient')).json<{ items: Report[] }>().items.find((x) => x.id === r.id);
    expect(after?.fractureStatus).toBe('confirmed');
  });

  it('refuses a report from a stranger and from the clinic, storing nothing', async () => {
    const before = await count('patient_report');
    const body = { kind: 'side-effect', what: 'Maagpijn', since: today, severity: 'mild' };
    for (const who of ['caregiver', 'nurse']) expect((await call('POST', reports(f.patients.adultA), who, body)).statusCode, who).toBe(403);
    expect(await count('patient_report')).toBe(before);
    // The caregiver of the child may report for her; no hospital cares for the child, so no worklist gets it.
    const child = await call('POST', reports(f.patients.childA), 'caregiver', body);
    expect(child.statusCode).toBe(201);
    expect(child.json<Report>().alerts).toBe(0);
  });

  it('names each bad field of a report and keeps nothing', async () => {
    const before = await count('patient_report');
    const bad = async (body: unknown, pointers: string[]) => {
      const res = await call('POST', reports(f.patients.adultA), 'patient', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(Problem.parse(res.json()).errors?.map((e) => e.pointer)).toEqual(expect.arrayContaining(pointers));
    };
    await bad({ kind: 'fracture', since: addDays(today, 1), severity: 'awful' }, ['/site', '/cause', '/since', '/severity']);
    await bad({ kind: 'fall', site: 'hip', since: '2000-01-01', severity: 'mild' }, ['/what', '/site', '/since']);
    await bad({ kind: 'flu', since: today, severity: 'mild' }, ['/kind']);
    expect(await count('patient_report')).toBe(before);
  });
});
