// The physiotherapist's measurements and the period of supervised therapy over HTTP, on both
// stores: the practice writes only once its referral is accepted; another practice neither reads nor
// writes; a nurse reads but does not write; the scores are the core's (the chair-stand norm by the
// age on the day measured); stepsPerDay is the meter's mean; a correction keeps the old version and
// the Case reads the new one; each bad field is named and nothing is half-stored; every write is audited.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInRoles, testApp, type TestApp, jsonCaller } from './testing/test-app.js';
import { signInSecondPractice } from './testing/second-practice.js';
import { buildFixture, type Fixture, patientInCare } from './testing/fixture.js';
import { STORE_KINDS } from '../store/testing/stores.js';
import { addDays, addMonths } from '../core/time/date.js';
import { todayNl } from '../schema/clock.js';

interface ProblemDoc { status: number; errors?: { pointer: string; detail: string; code?: string }[] }
interface View {
  id: string; version: number; date: string; data: Record<string, unknown>;
  scores: { sppb?: { score: number; band: string }; chairStand30s?: { repetitions: number; belowAverage: boolean | null; threshold: number | null; age: number }; tug?: { slow: boolean }; psk?: { activity: string; score: number; change?: number }[]; fesI?: { score: number; level: string } };
}

describe.each(STORE_KINDS)('the therapy measurements API on %s', (kind) => {
  let t: TestApp;
  let f: Fixture;
  const cookie: Record<string, string> = {};
  const today = todayNl();

  const call = jsonCaller(() => t, cookie);
  const measurements = (p: string) => `/api/v1/patients/${p}/therapy/measurements`;
  const period = (p: string) => `/api/v1/patients/${p}/therapy/period`;
  const entries = async (p: string) => t.store.db.selectFrom('clinical_entry').select(['kind', 'version', 'current', 'status']).where('patient_id', '=', p).where('kind', 'in', ['exercise-measurement', 'exercise-therapy']).orderBy('recorded_at').execute();

  const measured = (over: Record<string, unknown> = {}) => ({
    date: today,
    sppb: { sideBySideSeconds: 10, semiTandemSeconds: 10, tandemSeconds: 5, gait4mSeconds: 5.1, chairStand5Seconds: null },
    chairStand30s: 9,
    tugSeconds: 16,
    steps: [{ date: addDays(today, -2), steps: 3000 }, { date: addDays(today, -1), steps: 4001 }],
    psk: [{ activity: 'Trap lopen', score: 6 }],
    fesI: [2, 2, 2, 2, 2, 2, 2],
    goals: [{ goal: 'Elke dag naar het park', status: 'changed', changedTo: 'Twee keer per dag naar het park' }],
    ...over,
  });
  /** A woman born 1952-03-04 in hospital A's care, referred to practice A. */
  const referred = async (name: string) => {
    const id = await patientInCare(t.store.db, f.orgs.hospA, { familyName: name, givenName: 'Ria', birthDate: '1952-03-04' });
    const r = await call('POST', `/api/v1/patients/${id}/referrals`, 'nurse', { organisationId: f.orgs.physioA, reason: 'Oefentherapie na wervelfractuur.' });
    expect(r.statusCode, r.body).toBe(201);
    return { id, referralId: r.json<{ id: string }>().id };
  };
  const accepted = async (name: string) => {
    const r = await referred(name);
    expect((await call('POST', `/api/v1/referrals/${r.referralId}/accept`, 'physiotherapist', {})).statusCode).toBe(200);
    return r.id;
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

  it('the practice measures after acceptance only; the hospital reads; another practice gets nothing; the scores are the core\'s', async () => {
    const { id: p, referralId } = await referred('Meting');
    expect((await call('POST', measurements(p), 'physiotherapist', measured())).statusCode).toBe(403);
    expect((await call('GET', measurements(p), 'physiotherapist')).statusCode).toBe(403);
    expect((await call('PUT', period(p), 'physiotherapist', { start: today })).statusCode).toBe(403);
    expect((await call('POST', `/api/v1/referrals/${referralId}/accept`, 'physiotherapist', {})).statusCode).toBe(200);

    const requestId = randomUUID();
    const first = await call('POST', measurements(p), 'physiotherapist', measured(), requestId);
    expect(first.statusCode, first.body).toBe(201);
    const v = first.json<View>();
    // Balance 1+1+1 (tandem 5 s), gait 5.1 s → 3, chair stands unable → 0: 6 of 12, low (Guralnik 1994).
    expect(v.scores.sppb).toMatchObject({ score: 6, band: 'low' });
    // A woman of 74 on the day: fewer than 10 stands is below average (Rikli & Jones).
    const age = Number(today.slice(0, 4)) - 1952 - (today.slice(5) < '03-04' ? 1 : 0);
    expect(v.scores.chairStand30s).toMatchObject({ repetitions: 9, age });
    expect(v.scores.tug).toEqual({ seconds: 16, slow: true });
    expect(v.scores.fesI).toEqual({ score: 14, level: 'high' });
    // The meter's days give stepsPerDay: (3000 + 4001) / 2 = 3500.5 → 3501.
    expect(v.data.stepsPerDay).toBe(3501);
    expect((await t.store.db.selectFrom('audit_event').select(['action', 'allowed', 'patient_id']).where('request_id', '=', requestId).execute())).toEqual([{ action: 'therapy.write', allowed: true, patient_id: p }]);

    // A second, earlier one: the list is oldest first and the PSK change is against the first score.
    const earlier = await call('POST', measurements(p), 'physiotherapist', { date: addDays(today, -90), psk: [{ activity: 'trap  lopen', score: 8 }] });
    expect(earlier.statusCode, earlier.body).toBe(201);
    const list = await call('GET', measurements(p), 'nurse');
    expect(list.statusCode, list.body).toBe(200);
    const items = list.json<View[]>();
    expect(items.map((x) => x.date)).toEqual([addDays(today, -90), today]);
    expect(items[1]?.scores.psk).toEqual([{ activity: 'Trap lopen', score: 6, change: -2 }]);

    // The Case reads the measurement: the TUG and the FES-I count, the exercise field holds both.
    const c = (await call('GET', `/api/v1/patients/${p}/case`, 'nurse')).json<{ falls?: { tugSeconds?: number }; fesI?: number[]; exercise?: { measurements: unknown[] } }>();
    expect(c.falls?.tugSeconds).toBe(16);
    expect(c.exercise?.measurements).toHaveLength(2);

    // The hospital reads but does not write; another practice neither.
    for (const role of ['nurse', 'physician', 'patient', 'physioB']) {
      expect((await call('POST', measurements(p), role, measured())).statusCode, role).toBe(403);
      expect((await call('PUT', period(p), role, { start: today })).statusCode, role).toBe(403);
    }
    expect((await call('GET', measurements(p), 'physioB')).statusCode).toBe(403);
    // The generic fact route still refuses the kind.
    const generic = await call('POST', `/api/v1/patients/${p}/entries`, 'nurse', { kind: 'exercise-measurement', date: today, data: { chairStand30s: 3 } });
    expect(generic.statusCode).toBe(400);
    expect(generic.json<ProblemDoc>().errors?.[0]?.code).toBe('use-therapy-route');

    // The referral ended: the practice no longer measures, and what it measured stays for the hospital.
    expect((await call('POST', `/api/v1/referrals/${referralId}/end`, 'physician', { reason: 'Afgerond.' })).statusCode).toBe(200);
    const refused = randomUUID();
    expect((await call('POST', measurements(p), 'physiotherapist', measured(), refused)).statusCode).toBe(403);
    expect((await t.store.db.selectFrom('audit_event').select(['action', 'allowed']).where('request_id', '=', refused).execute())).toEqual([{ action: 'therapy.write', allowed: false }]);
    expect((await call('GET', measurements(p), 'nurse')).json<View[]>()).toHaveLength(2);
  });

  it('corrects a measurement as a new version and marks one entered in error; the period is one entry, corrected in place', async () => {
    const p = await accepted('Correctie');
    const v = (await call('POST', measurements(p), 'physiotherapist', measured())).json<View>();
    const fixed = await call('PUT', `${measurements(p)}/${v.id}`, 'physiotherapist', { date: today, chairStand30s: 12, reason: 'Telfout' });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json<View>()).toMatchObject({ id: v.id, version: 2, data: { chairStand30s: 12 }, scores: { chairStand30s: { repetitions: 12, belowAverage: false } } });
    expect((await call('GET', `/api/v1/patients/${p}/entries/${v.id}`, 'nurse')).json<{ items: unknown[] }>().items).toHaveLength(2);
    expect((await call('PUT', `${measurements(p)}/${v.id}`, 'nurse', { date: today, chairStand30s: 12, reason: 'x' })).statusCode).toBe(403);
    expect((await call('PUT', `${measurements(p)}/${randomUUID()}`, 'physiotherapist', { date: today, chairStand30s: 12, reason: 'x' })).statusCode).toBe(404);

    const gone = await call('POST', `${measurements(p)}/${v.id}/entered-in-error`, 'physiotherapist', { reason: 'Verkeerde patiënt' });
    expect(gone.statusCode, gone.body).toBe(200);
    expect((await call('GET', measurements(p), 'physiotherapist')).json<View[]>()).toEqual([]);
    expect((await call('PUT', `${measurements(p)}/${v.id}`, 'physiotherapist', { date: today, chairStand30s: 1, reason: 'x' })).statusCode).toBe(409);

    // The period: created, then corrected as a new version of the same entry; the next measurement is due 3 months on.
    const start = addDays(today, -30);
    const made = await call('PUT', period(p), 'physiotherapist', { start });
    expect(made.statusCode, made.body).toBe(201);
    const changed = await call('PUT', period(p), 'physiotherapist', { start, end: today, reason: 'Begeleiding afgerond' });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ id: made.json<{ id: string }>().id, version: 2, start, end: today });
    expect((await call('GET', period(p), 'nurse')).json()).toMatchObject({ period: { start, end: today }, nextDue: addMonths(start, 3) });
    expect((await entries(p)).filter((e) => e.kind === 'exercise-therapy' && e.current)).toHaveLength(1);
  });

  it('names each bad field and stores nothing', async () => {
    const p = await accepted('Fout');
    const bad: [Record<string, unknown>, string][] = [
      [measured({ date: addDays(today, 1) }), '/date'],
      [measured({ date: '2026-02-30' }), '/date'],
      [measured({ chairStand30s: 2.5 }), '/chairStand30s'],
      [measured({ tugSeconds: 0 }), '/tugSeconds'],
      [measured({ sppb: { sideBySideSeconds: 10, gait4mSeconds: 5 } }), '/sppb/chairStand5Seconds'],
      [measured({ fesI: [1, 2, 3] }), '/fesI'],
      [measured({ fesI: [1, 2, 3, 4, 5, 1, 1] }), '/fesI/4'],
      [measured({ psk: [{ activity: 'x', score: 11 }] }), '/psk/0/score'],
      [measured({ steps: [{ date: today, steps: 1 }, { date: today, steps: 2 }] }), '/steps/1/date'],
      [measured({ goals: [{ goal: 'Wandelen', status: 'changed' }] }), '/goals/0/changedTo'],
      [measured({ goals: [{ goal: 'Wandelen', status: 'kept', changedTo: 'Fietsen' }] }), '/goals/0/changedTo'],
      [measured({ extra: 1 }), '/extra'],
      [{ date: today }, ''],
    ];
    for (const [body, pointer] of bad) {
      const r = await call('POST', measurements(p), 'physiotherapist', body);
      expect(r.statusCode, JSON.stringify(body)).toBe(400);
      expect(r.headers['content-type']).toContain('application/problem+json');
      expect(r.json<ProblemDoc>().errors?.map((e) => e.pointer), JSON.stringify(body)).toContain(pointer);
    }
    // Several bad fields at once: all named.
    const many = await call('POST', measurements(p), 'physiotherapist', measured({ date: addDays(today, 3), chairStand30s: -1, tugSeconds: 'snel' }));
    expect(many.json<ProblemDoc>().errors?.map((e) => e.pointer)).toEqual(expect.arrayContaining(['/date', '/chairStand30s', '/tugSeconds']));
    const endBefore = await call('PUT', period(p), 'physiotherapist', { start: today, end: addDays(today, -1) });
    expect(endBefore.statusCode).toBe(400);
    expect(endBefore.json<ProblemDoc>().errors?.map((e) => e.pointer)).toContain('/end');
    expect(await entries(p)).toEqual([]);
  });
});
