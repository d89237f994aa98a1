// The pathway's logistics over HTTP on both stores: bad input named per field, who may (physio,
// patient, another hospital refused), the audit rows, the evening clinic's rule, all-or-nothing
// changes, the invitation letter read back with poppler's pdftotext, tasks on the worklist, the day
// board's missing results, and the worklist moving on: invite → diagnostic-day → assessment.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { sessionCookie, signInApi, signInRoles, testApp, type TestApp } from './testing/test-app.js';
import { buildFixture, PASSWORD, type Fixture } from './testing/fixture.js';
import { STORE_KINDS } from '../store/testing/stores.js';
import { addDays } from '../core/time/date.js';
import { todayNl } from '../schema/clock.js';
import { insertUser } from '../store/accounts.repo.js';
import { pdfText } from './testing/pdf-text.js';

interface ProblemDoc {
  status: number;
  detail: string;
  errors?: { pointer: string; detail: string }[];
}
interface Visit {
  id: string;
  kind: string;
  date: string;
  status: string;
  parts: { part: string; time: string; place: string; done: boolean }[];
}
interface Item {
  itemId: string;
  patientId: string;
  step: string;
  title: string | null;
  assignee: string | null;
  due: string;
  reasons: string[];
}

describe.each(STORE_KINDS)('the pathway logistics over HTTP on %s', (kind) => {
  let t: TestApp;
  let f: Fixture;
  const cookie: Record<string, string> = {};
  const today = todayNl();
  const day = (n: number) => addDays(today, n);
  let patient: string;
  let p: string;

  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, as: string, body?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: { cookie: cookie[as] ?? '', ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });
  const post = (url: string, body: unknown, as = 'nurse') => call('POST', url, as, body);
  const patch = (url: string, body: unknown, as = 'nurse') => call('PATCH', url, as, body);
  const get = (url: string, as = 'nurse') => call('GET', url, as);
  const pointers = (res: { json: <T>() => T }) => (res.json<ProblemDoc>().errors ?? []).map((e) => e.pointer).sort();
  const steps = async (pid: string) => (await get('/api/v1/worklist?limit=100')).json<{ items: Item[] }>().items.filter((i) => i.patientId === pid).map((i) => i.step).sort();
  const count = async (table: 'visit' | 'invitation_event' | 'communication', pid: string) =>
    Number((await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} where patient_id = ${pid}`.execute(t.store.db)).rows[0]?.n);
  const diagnosticDay = (date = today) => ({
    kind: 'diagnostic-day', date, reportTo: 'Balie polikliniek, route 25',
    parts: [{ part: 'dxa', time: '09:00', place: 'DXA-kamer' }, { part: 'vfa', time: '09:20', place: 'DXA-kamer' }, { part: 'labs', time: '10:00', place: 'Bloedafname' }, { part: 'consultation', time: '11:00', place: 'Spreekkamer 3' }],
  });

  beforeAll(async () => {
    t = await testApp(kind);
    f = await buildFixture(t.store.db);
    await signInRoles(t, f, ['nurse', 'physician', 'physiotherapist', 'patient', 'admin'], cookie);
    // A nurse of the other hospital: same kind of role, no relation to hospital A's patients.
    const hash = (await t.store.db.selectFrom('app_user').select('password_hash').where('id', '=', f.users.nurse.id).executeTakeFirstOrThrow()).password_hash;
    await insertUser(t.store.db, { role: 'nurse', organisationId: f.orgs.hospB, patientId: null, email: 'nurse-b@fixture.test', displayName: 'Nurse B', passwordHash: hash, status: 'active' });
    cookie['nurseB'] = sessionCookie(await signInApi(t, 'nurse-b@fixture.test', PASSWORD));
    patient = f.patients.adultA;
    p = `/api/v1/patients/${patient}`;
    // A wrist fracture at 70: the work-up is indicated, so the worklist says invite.
    const fx = await post(`${p}/fractures`, { date: day(-10), site: 'wrist', side: 'left', highEnergy: false, pathological: false });
    expect(fx.statusCode, fx.body).toBe(201);
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses bad input by field, and stores nothing', async () => {
    const before = await count('visit', patient);
    const bad = await post(`${p}/visits`, { kind: 'morning', date: '2026-02-30', parts: [{ part: 'xray', time: '25:00', place: '' }], extra: 1 });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(pointers(bad)).toEqual(expect.arrayContaining(['/kind', '/date', '/parts/0/part', '/parts/0/time', '/parts/0/place']));
    const past = await post(`${p}/visits`, { ...diagnosticDay(day(-1)) });
    expect(past.statusCode).toBe(400);
    expect(pointers(past)).toEqual(['/date']);
    const twice = await post(`${p}/visits`, { kind: 'diagnostic-day', date: today, parts: [{ part: 'dxa', time: '09:00', place: 'A' }, { part: 'dxa', time: '10:00', place: 'A' }] });
    expect(twice.statusCode).toBe(400);
    expect(pointers(twice)).toEqual(['/parts/1/part']);
    const noParts = await post(`${p}/visits`, { kind: 'diagnostic-day', date: today, parts: [] });
    expect(pointers(noParts)).toEqual(['/parts']);
    const badEvent = await post(`${p}/invitations`, { event: 'called', date: 'gisteren', visitId: 'x' });
    expect(pointers(badEvent)).toEqual(['/date', '/event', '/visitId']);
    const futureEvent = await post(`${p}/invitations`, { event: 'declined', date: day(1) });
    expect(pointers(futureEvent)).toEqual(['/date']);
    const badNote = await post(`${p}/communications`, { kind: 'task', body: '   ', assignee: 'nobody' });
    expect(pointers(badNote)).toEqual(['/assignee', '/body']);
    const taskNoDue = await post(`${p}/communications`, { kind: 'task', body: 'Bel de huisarts' });
    expect(pointers(taskNoDue)).toEqual(['/due']);
    const badBoard = await get('/api/v1/dayboard?date=morgen');
    expect(pointers(badBoard)).toEqual(['/query/date']);
    expect(await count('visit', patient)).toBe(before);
  });

  it('keeps the evening clinic free of imaging: a DXA that day is planned in the daytime', async () => {
    const late = await post(`${p}/visits`, { kind: 'evening-clinic', date: day(7), parts: [{ part: 'dxa', time: '18:00', place: 'DXA-kamer' }, { part: 'consultation', time: '18:30', place: 'Poli' }] });
    expect(late.statusCode).toBe(400);
    const doc = late.json<ProblemDoc>();
    expect(doc.errors).toEqual([{ pointer: '/parts/0/time', detail: expect.stringMatching(/DXA that day is planned in the daytime, before 17:00/) as unknown }]);
    expect(doc.detail).toMatch(/daytime/);
    const early = await post(`${p}/visits`, { kind: 'evening-clinic', date: day(7), parts: [{ part: 'consultation', time: '16:00', place: 'Poli' }] });
    expect(pointers(early)).toEqual(['/parts/0/time']);
    const ok = await post(`${p}/visits`, { kind: 'evening-clinic', date: day(7), parts: [{ part: 'dxa', time: '15:30', place: 'DXA-kamer' }, { part: 'consultation', time: '17:00', place: 'Poli' }] });
    expect(ok.statusCode, ok.body).toBe(201);
    const v = ok.json<Visit>();
    // Changing it to an evening scan is refused the same way, and the visit stays as it was.
    const moved = await patch(`${p}/visits/${v.id}`, { parts: [{ part: 'dxa', time: '17:30', place: 'DXA-kamer' }, { part: 'consultation', time: '18:00', place: 'Poli' }] });
    expect(pointers(moved)).toEqual(['/parts/0/time']);
    expect((await get(`${p}/visits`)).json<{ items: Visit[] }>().items.find((x) => x.id === v.id)?.parts[0]?.time).toBe('15:30');
    expect((await patch(`${p}/visits/${v.id}`, { status: 'cancelled' })).statusCode).toBe(200);
    // A day visit with a late scan does not become an evening clinic unless its times change with it.
    const daytime = await post(`${p}/visits`, { kind: 'diagnostic-day', date: day(7), parts: [{ part: 'dxa', time: '17:30', place: 'DXA-kamer' }] });
    expect(daytime.statusCode, daytime.body).toBe(201);
    const dv = daytime.json<Visit>();
    const toEvening = await patch(`${p}/visits/${dv.id}`, { kind: 'evening-clinic' });
    expect(pointers(toEvening)).toEqual(['/kind']);
    expect((await patch(`${p}/visits/${dv.id}`, { kind: 'evening-clinic', parts: [{ part: 'dxa', time: '16:00', place: 'DXA-kamer' }] })).statusCode).toBe(200);
    expect((await patch(`${p}/visits/${dv.id}`, { status: 'cancelled' })).statusCode).toBe(200);
  });

  it('lets only the caring hospital\'s nurses and physicians at the logistics', async () => {
    for (const as of ['physiotherapist', 'patient', 'admin', 'nurseB']) {
      expect((await get(`${p}/visits`, as)).statusCode, as).toBe(403);
      expect((await post(`${p}/visits`, diagnosticDay(day(3)), as)).statusCode, as).toBe(403);
      expect((await post(`${p}/communications`, { kind: 'note', body: 'x' }, as)).statusCode, as).toBe(403);
      expect((await post(`${p}/invitations/letter`, {}, as)).statusCode, as).toBe(403);
    }
    expect((await get('/api/v1/dayboard', 'physiotherapist')).statusCode).toBe(403);
    expect((await get('/api/v1/dayboard', 'patient')).statusCode).toBe(403);
    expect((await get(`${p}/visits`, 'nobody')).statusCode).toBe(401);
    expect((await get(`/api/v1/patients/${crypto.randomUUID()}/visits`)).statusCode).toBe(404);
    const other = await patch(`${p}/visits/${crypto.randomUUID()}`, { status: 'cancelled' });
    expect(other.statusCode).toBe(404);
    // Hospital B's nurse sees nothing of hospital A's day.
    expect((await get(`/api/v1/patients/${f.patients.adultB}/visits`, 'nurseB')).statusCode).toBe(200);
    const refused = await sql<{ n: number }>`select count(*)::int as n from audit_event where patient_id = ${patient} and allowed = false and resource like 'patient/visits%'`.execute(t.store.db);
    expect(refused.rows[0]?.n).toBeGreaterThanOrEqual(4);
  });

  it('walks the worklist on: letter → diagnostic day → attended → DXA → assessment, each audited', async () => {
    expect(await steps(patient)).toContain('invite');
    const letter = await post(`${p}/invitations/letter`, {});
    expect(letter.statusCode, letter.body).toBe(201);
    expect(letter.headers['content-type']).toBe('application/pdf');
    const text = pdfText(letter.rawPayload);
    // The fixture's patient, in Dutch (the language on record), the clinic will phone (no visit yet).
    expect(text).toMatch(/AdultA/);
    expect(text).toMatch(/Urine verzamelen \(24 uur\)/);
    expect(text).toMatch(/Hospital A/);
    expect(text).toMatch(/Wij bellen u binnenkort/);
    expect(text).toMatch(/Blad 1 van \d/);
    expect(await steps(patient)).not.toContain('invite');
    expect(await steps(patient)).toContain('diagnostic-day');
    const log = (await get(`${p}/invitations`)).json<{ items: { event: string; date: string; language: string | null }[] }>().items;
    expect(log.map((e) => [e.event, e.date, e.language])).toEqual([['invited', today, 'nl']]);

    // Invited twice is refused while the first is open; re-invited is the word for it.
    const again = await post(`${p}/invitations`, { event: 'invited', date: today });
    expect(again.statusCode).toBe(409);
    expect(again.json<ProblemDoc>().detail).toMatch(/re-invited/);

    const planned = await post(`${p}/visits`, diagnosticDay());
    expect(planned.statusCode, planned.body).toBe(201);
    const v = planned.json<Visit>();
    expect(v).toMatchObject({ kind: 'diagnostic-day', date: today, status: 'planned' });

    // The letter for that visit gives its times and places; this one is logged as re-invited.
    const second = await post(`${p}/invitations/letter`, { visitId: v.id });
    expect(second.statusCode).toBe(201);
    const text2 = pdfText(second.rawPayload);
    expect(text2).toMatch(/09:00 uur: Botdichtheidsmeting \(DXA-scan\), DXA-kamer/);
    expect(text2).toMatch(/Balie polikliniek, route 25/);

    // All or nothing: attended with a part that is not on the visit changes nothing.
    const events = await count('invitation_event', patient);
    const wrong = await patch(`${p}/visits/${v.id}`, { status: 'attended', done: ['dxa', 'labs'], parts: [{ part: 'dxa', time: '09:00', place: 'DXA-kamer' }] });
    expect(wrong.statusCode).toBe(400);
    expect(pointers(wrong)).toEqual(['/done/1']);
    expect(await count('invitation_event', patient)).toBe(events);
    expect((await get(`${p}/visits`)).json<{ items: Visit[] }>().items.find((x) => x.id === v.id)?.status).toBe('planned');

    const board0 = (await get('/api/v1/dayboard')).json<{ rows: { patientId: string; missing: string[] }[] }>();
    expect(board0.rows.find((r) => r.patientId === patient)?.missing).toEqual(['dxa', 'vfa', 'labs', 'consultation']);

    const attended = await patch(`${p}/visits/${v.id}`, { status: 'attended', done: ['dxa', 'vfa'] });
    expect(attended.statusCode, attended.body).toBe(200);
    expect(attended.json<Visit>().parts.filter((x) => x.done).map((x) => x.part)).toEqual(['dxa', 'vfa']);
    const log2 = (await get(`${p}/invitations`)).json<{ items: { event: string; date: string; visitId: string | null }[] }>().items;
    expect(log2.at(-1)).toMatchObject({ event: 'attended', date: today, visitId: v.id });
    expect(await steps(patient)).toEqual(['assessment']);

    // Scanned, but the result is not in the record yet: the board still says it is missing.
    const board1 = (await get('/api/v1/dayboard')).json<{ rows: { patientId: string; missing: string[] }[] }>();
    expect(board1.rows.find((r) => r.patientId === patient)?.missing).toEqual(['dxa', 'vfa', 'labs', 'consultation']);
    const dxa = await post(`${p}/dxa`, { date: today, sites: [{ site: 'lumbar-spine', tScore: -2.6 }] });
    expect(dxa.statusCode, dxa.body).toBe(201);
    const board2 = (await get('/api/v1/dayboard')).json<{ rows: { patientId: string; missing: string[]; parts: { part: string; resultIn: boolean }[] }[] }>();
    expect(board2.rows.find((r) => r.patientId === patient)?.missing).toEqual(['vfa', 'labs', 'consultation']);
    const items = (await get('/api/v1/worklist?limit=100')).json<{ items: Item[] }>().items.filter((i) => i.patientId === patient);
    expect(items.map((i) => [i.step, i.reasons])).toEqual([['assessment', ['results-in']]]);

    // Each of these was audited as a write to this record, allowed, by the nurse.
    const audit = await sql<{ resource: string; action: string }>`select resource, action from audit_event
      where patient_id = ${patient} and user_id = ${f.users.nurse.id} and allowed and action = 'record.write' and resource like 'patient/%' order by id`.execute(t.store.db);
    const resources = audit.rows.map((r) => r.resource);
    expect(resources).toEqual(expect.arrayContaining(['patient/invitations/letter', 'patient/visits']));
    const listed = await sql<{ n: number }>`select count(*)::int as n from audit_event where patient_id = ${patient} and action = 'patient.list' and resource = 'dayboard'`.execute(t.store.db);
    expect(listed.rows[0]?.n).toBeGreaterThanOrEqual(3);
  });

  it('makes a task a worklist item for a nurse or physician of the organisation only', async () => {
    const notColleague = await post(`${p}/communications`, { kind: 'task', body: 'Bel de huisarts over de medicatie', due: day(2), assignee: f.users.physiotherapist.id });
    expect(notColleague.statusCode).toBe(400);
    expect(pointers(notColleague)).toEqual(['/assignee']);
    const items = await count('communication', patient);
    expect(items).toBe(0);
    const call = await post(`${p}/communications`, { kind: 'phone-call', body: 'Afgesproken: zij neemt haar dochter mee.', contactWith: 'Patiënt zelf' });
    expect(call.statusCode, call.body).toBe(201);
    const task = await post(`${p}/communications`, { kind: 'task', body: 'Bel de huisarts over de medicatie', due: day(2), assignee: f.users.physician.id });
    expect(task.statusCode, task.body).toBe(201);
    const made = task.json<{ id: string; itemId: string; assigneeName: string }>();
    expect(made.assigneeName).toBe('Fixture physician');
    const list = (await get(`${p}/communications`)).json<{ items: { id: string; kind: string }[] }>().items;
    expect(list.map((c) => c.kind)).toEqual(['task', 'phone-call']);
    const onList = (await get(`/api/v1/worklist?step=task&assignee=${f.users.physician.id}`)).json<{ items: Item[] }>().items;
    expect(onList.map((i) => [i.itemId, i.title, i.due])).toEqual([[made.itemId, 'Bel de huisarts over de medicatie', day(2)]]);
    // Another record write re-derives the patient's items; the task stays.
    expect((await post(`${p}/communications`, { kind: 'note', body: 'Brief meegegeven.' })).statusCode).toBe(201);
    expect(await steps(patient)).toContain('task');
    const row = await sql<{ item_key: string; source: string }>`select item_key, source from worklist_item where item_id = ${made.itemId}`.execute(t.store.db);
    expect(row.rows[0]).toEqual({ item_key: `task:${made.id}`, source: 'task' });
  });

  it('writes the letter in the language on record, which a nurse records with living alone', async () => {
    const made = await post('/api/v1/patients', { familyName: 'Brouwer', givenName: 'Jan', birthDate: '1950-03-04', sex: 'male', language: 'en', livesAlone: true });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json<{ language: string; livesAlone: boolean | null }>()).toMatchObject({ language: 'en', livesAlone: true });
    const bad = await post('/api/v1/patients', { familyName: 'Brouwer', givenName: 'Els', birthDate: '1950-03-04', sex: 'female', language: 'de', livesAlone: 'ja' });
    expect(pointers(bad)).toEqual(['/language', '/livesAlone']);
    const fixed = await patch(p, { language: 'en', livesAlone: false, reason: 'correction' });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json<{ language: string; livesAlone: boolean | null }>()).toMatchObject({ language: 'en', livesAlone: false });
    const letter = await post(`${p}/invitations/letter`, {});
    expect(letter.statusCode, letter.body).toBe(201);
    expect(letter.headers['content-language']).toBe('en');
    const text = pdfText(letter.rawPayload);
    expect(text).toMatch(/Collecting urine for 24 hours/);
    expect(text).not.toMatch(/Urine verzamelen/);
  });
});
