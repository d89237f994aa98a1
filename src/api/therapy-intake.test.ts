// The physiotherapist's intake and education session over HTTP, on both stores: the practice writes
// only once its referral is accepted and no longer after it ends; another practice neither reads nor
// writes; a nurse reads but does not write; a new intake version keeps the one before; the falls
// levels are the core's; each bad field is named and nothing is half-stored; each write is audited.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInRoles, testApp, type TestApp, jsonCaller } from './testing/test-app.js';
import { signInSecondPractice } from './testing/second-practice.js';
import { buildFixture, type Fixture, patientInCare } from './testing/fixture.js';
import { STORE_KINDS } from '../store/testing/stores.js';
import { addDays } from '../core/time/date.js';
import { todayNl } from '../schema/clock.js';

interface ProblemDoc { status: number; errors?: { pointer: string; detail: string }[] }
interface Intake {
  id: string; version: number; date: string; practice: { name: string }; goals: unknown[]; psk: { activity: string; score: number }[];
  fallRisk: { level: string | null; missing: string[] }; fallRiskInventory: boolean; fearOfFalling: { level: string | null; score: number | null } | null;
}
interface Session { id: string; date: string; topics: { topic: string; discussed: boolean; moreWanted: boolean }[]; note: string | null; recordedBy: string | null }

describe.each(STORE_KINDS)('the therapy intake and education API on %s', (kind) => {
  let t: TestApp;
  let f: Fixture;
  const cookie: Record<string, string> = {};
  const today = todayNl();

  const call = jsonCaller(() => t, cookie);
  const intakes = (p: string) => `/api/v1/patients/${p}/therapy/intakes`;
  const sessions = (p: string) => `/api/v1/patients/${p}/therapy/education-sessions`;
  const count = async (table: 'therapy_intake' | 'education_session') => Number((await t.store.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  const intake = (over: Record<string, unknown> = {}) => ({
    date: today,
    history: 'Wervelfractuur T8 na tillen van een krat. Liep eerder dagelijks.',
    pain: { score: 4, where: 'Midden in de rug', when: 'Na lang staan' },
    falls: { fallsLast12Months: 1, unsteady: true, worriedAboutFalling: true, tugSeconds: 16.5 },
    fesI: [2, 2, 2, 2, 2, 2, 2],
    posture: { observations: 'Licht voorovergebogen; tilt met gebogen rug.', advice: 'Tillen vanuit de knieën, rug recht, last dicht bij het lichaam.' },
    goals: [{ what: 'Elke dag naar het park wandelen', howMuch: '20 minuten', by: addDays(today, 84) }],
    psk: [{ activity: 'Trap lopen', score: 7 }, { activity: 'Boodschappen tillen', score: 8 }],
    ...over,
  });
  const session = (over: Record<string, unknown> = {}) => ({
    date: today,
    topics: [{ topic: 'posture', discussed: true, moreWanted: false }, { topic: 'what-is-osteoporosis', discussed: true, moreWanted: true }],
    note: 'Folder over tillen meegegeven.',
    ...over,
  });
  /** A patient in hospital A's care only, with a VFA in the record, referred to practice A. */
  const referred = async (name: string) => {
    const id = await patientInCare(t.store.db, f.orgs.hospA, { familyName: name, givenName: 'Ria', birthDate: '1952-03-04' });
    const vfa = await call('POST', `/api/v1/patients/${id}/vfa`, 'nurse', { date: today, vertebrae: [{ level: 'T8', grade: 2 }, { level: 'L1', grade: 1 }] });
    expect(vfa.statusCode, vfa.body).toBe(201);
    const r = await call('POST', `/api/v1/patients/${id}/referrals`, 'nurse', { organisationId: f.orgs.physioA, reason: 'Oefentherapie na wervelfractuur.' });
    expect(r.statusCode, r.body).toBe(201);
    return { id, referralId: r.json<{ id: string }>().id };
  };

  beforeAll(async () => {
    t = await testApp(kind);
    f = await buildFixture(t.store.db);
    await signInRoles(t, f, ['nurse', 'physician', 'physiotherapist', 'patient'], cookie);
    cookie.physioB = await signInSecondPractice(t, f);
  });
  afterAll(async () => {
    await t.close();
  });

  it('the practice writes after acceptance and not before or after the end; a new version keeps the old; the falls levels are the core\'s', async () => {
    const { id: p, referralId } = await referred('Intake');
    // Pending: neither the intake nor the session, nor reading them.
    expect((await call('POST', intakes(p), 'physiotherapist', intake())).statusCode).toBe(403);
    expect((await call('GET', intakes(p), 'physiotherapist')).statusCode).toBe(403);
    expect((await call('POST', sessions(p), 'physiotherapist', session())).statusCode).toBe(403);
    expect((await call('POST', `/api/v1/referrals/${referralId}/accept`, 'physiotherapist', {})).statusCode).toBe(200);

    const requestId = randomUUID();
    const first = await call('POST', intakes(p), 'physiotherapist', intake(), requestId);
    expect(first.statusCode, first.body).toBe(201);
    const one = first.json<Intake>();
    // One fall, unsteady and worried, TUG 16.5 s > 15 s: intermediate (WFG-2022); FES-I 14: high.
    expect(one).toMatchObject({ version: 1, practice: { name: 'Physio A' }, fallRisk: { level: 'intermediate' }, fallRiskInventory: false, fearOfFalling: { level: 'high', score: 14 } });
    expect(one.psk).toEqual([{ activity: 'Trap lopen', score: 7 }, { activity: 'Boodschappen tillen', score: 8 }]);
    const audit = await t.store.db.selectFrom('audit_event').select(['action', 'allowed', 'patient_id']).where('request_id', '=', requestId).execute();
    expect(audit).toEqual([{ action: 'therapy.write', allowed: true, patient_id: p }]);

    // A second version: two falls make the risk high and ask for the inventory; without a FES-I and without worry, no fear level.
    const second = await call('POST', intakes(p), 'physiotherapist', intake({ falls: { fallsLast12Months: 2 }, fesI: undefined, psk: [] }));
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json<Intake>()).toMatchObject({ version: 2, fallRisk: { level: 'high' }, fallRiskInventory: true, fearOfFalling: null, psk: [] });
    const list = await call('GET', intakes(p), 'physiotherapist');
    expect(list.statusCode, list.body).toBe(200);
    const body = list.json<{ vfa: unknown; items: Intake[] }>();
    expect(body.items.map((i) => i.version)).toEqual([2, 1]);
    expect(body.vfa).toEqual({ date: today, vertebrae: [{ level: 'T8', grade: 2 }, { level: 'L1', grade: 1 }] });

    // A screen positive without TUG or gait speed: no level, the core names what to measure.
    const unmeasured = await call('POST', intakes(p), 'physiotherapist', intake({ falls: { unsteady: true } }));
    expect(unmeasured.json<Intake>().fallRisk).toEqual({ level: null, missing: expect.arrayContaining(['falls.gaitSpeedMps', 'falls.tugSeconds']) as string[] });

    const s = await call('POST', sessions(p), 'physiotherapist', session());
    expect(s.statusCode, s.body).toBe(201);
    // Kept in the order of the session, with who recorded it.
    expect(s.json<Session>()).toMatchObject({ date: today, note: 'Folder over tillen meegegeven.', recordedBy: 'Fixture physiotherapist',
      topics: [{ topic: 'what-is-osteoporosis', discussed: true, moreWanted: true }, { topic: 'posture', discussed: true, moreWanted: false }] });

    // The hospital reads both and writes neither.
    expect((await call('GET', intakes(p), 'nurse')).json<{ items: Intake[] }>().items).toHaveLength(3);
    expect((await call('GET', sessions(p), 'physician')).json<Session[]>()).toHaveLength(1);
    for (const role of ['nurse', 'physician', 'patient']) {
      expect((await call('POST', intakes(p), role, intake())).statusCode, role).toBe(403);
      expect((await call('POST', sessions(p), role, session())).statusCode, role).toBe(403);
    }
    // Another practice: nothing.
    expect((await call('GET', intakes(p), 'physioB')).statusCode).toBe(403);
    expect((await call('GET', sessions(p), 'physioB')).statusCode).toBe(403);
    expect((await call('POST', intakes(p), 'physioB', intake())).statusCode).toBe(403);

    // Ended: the door shuts again; what was recorded stays for the hospital.
    expect((await call('POST', `/api/v1/referrals/${referralId}/end`, 'physician', { reason: 'Afgerond.' })).statusCode).toBe(200);
    const refused = randomUUID();
    expect((await call('POST', intakes(p), 'physiotherapist', intake(), refused)).statusCode).toBe(403);
    expect((await t.store.db.selectFrom('audit_event').select(['action', 'allowed']).where('request_id', '=', refused).execute())).toEqual([{ action: 'therapy.write', allowed: false }]);
    expect((await call('POST', sessions(p), 'physiotherapist', session())).statusCode).toBe(403);
    expect((await call('GET', intakes(p), 'nurse')).json<{ items: Intake[] }>().items).toHaveLength(3);
  });

  it('names each bad field of an intake and stores nothing', async () => {
    const { id: p, referralId } = await referred('Fout');
    expect((await call('POST', `/api/v1/referrals/${referralId}/accept`, 'physiotherapist', {})).statusCode).toBe(200);
    const before = await count('therapy_intake');
    const six = { activity: 'x', score: 1 };
    const bad: [Record<string, unknown>, string][] = [
      [{ date: addDays(today, 1) }, '/date'],
      [{ date: '2026-02-30' }, '/date'],
      [{ history: '   ' }, '/history'],
      [{ pain: { score: 11 } }, '/pain/score'],
      [{ pain: { score: 2.5 } }, '/pain/score'],
      [{ falls: { tugSeconds: -1 } }, '/falls/tugSeconds'],
      [{ falls: { unsteady: 'ja' } }, '/falls/unsteady'],
      [{ fesI: [1, 2, 3, 4, 1, 2] }, '/fesI'],
      [{ fesI: [1, 2, 3, 4, 1, 2, 5] }, '/fesI/6'],
      [{ posture: { observations: 'Recht', advice: '' } }, '/posture/advice'],
      [{ goals: [] }, '/goals'],
      [{ goals: Array.from({ length: 6 }, () => ({ what: 'Wandelen', howMuch: '10 minuten', by: addDays(today, 30) })) }, '/goals'],
      [{ goals: [{ what: 'Wandelen', howMuch: '10 minuten', by: today }] }, '/goals/0/by'],
      [{ goals: [{ what: 'Wandelen', by: addDays(today, 30) }] }, '/goals/0/howMuch'],
      [{ psk: [six, six, six, six] }, '/psk'],
      [{ psk: [{ activity: 'Trap', score: 11 }] }, '/psk/0/score'],
      [{ psk: [{ activity: '', score: 3 }] }, '/psk/0/activity'],
      [{ extra: true }, '/extra'],
    ];
    for (const [over, pointer] of bad) {
      const res = await call('POST', intakes(p), 'physiotherapist', intake(over));
      expect(res.statusCode, pointer).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json<ProblemDoc>().errors?.map((e) => e.pointer), pointer).toContain(pointer);
    }
    // Several at once: each named.
    const many = await call('POST', intakes(p), 'physiotherapist', intake({ history: '', pain: { score: -1 }, goals: [] }));
    expect(many.json<ProblemDoc>().errors?.map((e) => e.pointer)).toEqual(expect.arrayContaining(['/history', '/pain/score', '/goals']));
    expect((await call('POST', intakes('not-an-id'), 'physiotherapist', intake())).statusCode).toBe(400);
    expect((await call('POST', intakes(randomUUID()), 'physiotherapist', intake())).statusCode).toBe(404);
    expect(await count('therapy_intake')).toBe(before);
  });

  it('names each bad field of an education session and stores nothing', async () => {
    const { id: p, referralId } = await referred('Uitleg');
    expect((await call('POST', `/api/v1/referrals/${referralId}/accept`, 'physiotherapist', {})).statusCode).toBe(200);
    const before = await count('education_session');
    const bad: [Record<string, unknown>, string][] = [
      [{ date: addDays(today, 1) }, '/date'],
      [{ topics: [] }, '/topics'],
      [{ topics: [{ topic: 'astrology', discussed: true, moreWanted: false }] }, '/topics/0/topic'],
      [{ topics: [{ topic: 'posture', discussed: true, moreWanted: false }, { topic: 'posture', discussed: false, moreWanted: true }] }, '/topics/1/topic'],
      [{ topics: [{ topic: 'posture', discussed: false, moreWanted: false }] }, '/topics/0'],
      [{ topics: [{ topic: 'posture', discussed: 'yes', moreWanted: false }] }, '/topics/0/discussed'],
      [{ note: '' }, '/note'],
      [{ note: 'x'.repeat(2001) }, '/note'],
    ];
    for (const [over, pointer] of bad) {
      const res = await call('POST', sessions(p), 'physiotherapist', session(over));
      expect(res.statusCode, pointer).toBe(400);
      expect(res.json<ProblemDoc>().errors?.map((e) => e.pointer), pointer).toContain(pointer);
    }
    expect(await count('education_session')).toBe(before);
  });
});
