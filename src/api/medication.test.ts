// The medication plan over HTTP on both stores: the safety gate before anything is stored (a block,
// an override with its reason kept, a block no override lifts, cautions to acknowledge), doses with
// their course's bounds, a stop behind the sequencing guardrail, a planned follow-on, and who may.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { sessionCookie, signInApi, signInRoles, testApp, type TestApp } from './testing/test-app.js';
import { insertUser } from '../store/accounts.repo.js';
import { buildFixture, PASSWORD, type Fixture } from './testing/fixture.js';
import { STORE_KINDS } from '../store/testing/stores.js';
import { addDays, addMonths } from '../core/time/date.js';
import { todayNl } from '../schema/clock.js';

interface ProblemDoc {
  type: string;
  status: number;
  reasons?: string[];
  overridable?: boolean;
  errors?: { pointer: string; detail: string }[];
}
interface Course {
  id: string;
  drug: string;
  start: string;
  end: string | null;
  status: string;
  override: { reason: string; reasons: string[] } | null;
  acknowledgedCautions: string[];
  stopOverride: { reason: string; reasons: string[] } | null;
  prescribedBy: string | null;
  regimen: { dose: string; interval: string; instructions: string[] } | null;
  doses: { id: string; date: string; batch: string | null }[];
}

describe.each(STORE_KINDS)('the medication plan over HTTP on %s', (kind) => {
  let t: TestApp;
  let f: Fixture;
  const cookie: Record<string, string> = {};
  const today = todayNl();
  let p: string;
  let patient: string;

  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, as: string, body?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: { cookie: cookie[as] ?? '', ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });
  const post = (url: string, body: unknown, as = 'physician') => call('POST', url, as, body);
  const medicationRows = async () =>
    Number((await sql<{ n: number }>`select count(*)::int as n from clinical_entry where patient_id = ${patient} and kind in ('medication', 'medication-dose', 'planned-medication')`.execute(t.store.db)).rows[0]?.n);

  beforeAll(async () => {
    t = await testApp(kind);
    f = await buildFixture(t.store.db);
    await signInRoles(t, f, ['nurse', 'physician', 'physiotherapist', 'patient'], cookie);
    // A second physician of the same hospital: the one who stops a course another prescribed.
    const hash = (await t.store.db.selectFrom('app_user').select('password_hash').where('id', '=', f.users.physician.id).executeTakeFirstOrThrow()).password_hash;
    await insertUser(t.store.db, { role: 'physician', organisationId: f.orgs.hospA, patientId: null, email: 'physician-2@fixture.test', displayName: 'Second physician', passwordHash: hash, status: 'active' });
    cookie['physician2'] = sessionCookie(await signInApi(t, 'physician-2@fixture.test', PASSWORD));
    patient = f.patients.adultA;
    p = `/api/v1/patients/${patient}`;
    const known = await post(`${p}/entries`, { kind: 'menopause', date: today, data: { status: 'post', ageAtMenopause: 50 } }, 'nurse');
    expect(known.statusCode, known.body).toBe(201);
  });
  afterAll(async () => {
    await t.close();
  });

  it('lets only a physician of the caring organisation prescribe; nurses record doses', async () => {
    for (const as of ['nurse', 'physiotherapist', 'patient']) {
      const res = await post(`${p}/medications`, { drug: 'alendronic-acid', start: today }, as);
      expect(res.statusCode, as).toBe(403);
    }
    expect(await medicationRows()).toBe(0);
  });

  it('refuses a drug the checks block, then prescribes it with the override reason kept', async () => {
    const labs = await post(`${p}/labs`, { date: today, results: [{ test: 'egfr', value: 30, unit: 'mL/min/1.73m²' }] }, 'nurse');
    expect(labs.statusCode, labs.body).toBe(201);
    const refused = await post(`${p}/medications`, { drug: 'zoledronic-acid', start: today });
    expect(refused.statusCode).toBe(422);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    const doc = refused.json<ProblemDoc>();
    expect(doc.type).toBe('/problems/medication-blocked');
    expect(doc.reasons).toContain('egfr-below-35');
    expect(doc.overridable).toBe(true);
    expect(await medicationRows()).toBe(0);

    const withOverride = await post(`${p}/medications`, { drug: 'zoledronic-acid', start: today, acknowledgeCautions: true, override: { reason: 'Nefroloog akkoord, dialyse gepland' } });
    expect(withOverride.statusCode, withOverride.body).toBe(201);
    const course = withOverride.json<Course>();
    expect(course.override).toEqual({ reason: 'Nefroloog akkoord, dialyse gepland', reasons: expect.arrayContaining(['egfr-below-35']) as string[] });
    expect(course.prescribedBy).toBe('Fixture physician');
    expect(course.regimen?.interval).toBe('yearly');
  });

  it('asks for cautions to be acknowledged before it stores a prescription', async () => {
    const before = await medicationRows();
    const res = await post(`${p}/medications`, { drug: 'denosumab', start: today });
    expect(res.statusCode, res.body).toBe(422);
    const doc = res.json<ProblemDoc>();
    expect(doc.type).toBe('/problems/medication-caution');
    expect(doc.reasons).toContain('dental-check-missing');
    expect(await medicationRows()).toBe(before);
    const ok = await post(`${p}/medications`, { drug: 'denosumab', start: today, acknowledgeCautions: true });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json<Course>().acknowledgedCautions).toContain('dental-check-missing');
    const again = await post(`${p}/medications`, { drug: 'denosumab', start: today, acknowledgeCautions: true });
    expect(again.statusCode).toBe(409);
  });

  it('records a dose within its course, the batch only for an injection or infusion', async () => {
    const plan = (await call('GET', `${p}/medications`, 'nurse')).json<{ courses: Course[] }>();
    const deno = plan.courses.find((c) => c.drug === 'denosumab');
    expect(deno).toBeDefined();
    const url = `${p}/medications/${deno?.id ?? ''}/doses`;
    const future = await post(url, { date: addDays(today, 1) }, 'nurse');
    expect(future.statusCode).toBe(400);
    expect(future.json<ProblemDoc>().errors?.map((e) => e.pointer)).toEqual(['/date']);
    const ok = await post(url, { date: today, administeredBy: 'J. Visser', location: 'Dagbehandeling', batch: 'LOT-2026-118' }, 'nurse');
    expect(ok.statusCode, ok.body).toBe(201);
    const after = (await call('GET', `${p}/medications`, 'nurse')).json<{ courses: Course[] }>();
    expect(after.courses.find((c) => c.id === deno?.id)?.doses.map((d) => d.batch)).toEqual(['LOT-2026-118']);
  });

  it('refuses to stop denosumab without a follow-on unless the reason is given, and the core then raises its alert', async () => {
    const plan = (await call('GET', `${p}/medications`, 'physician')).json<{ courses: Course[] }>();
    const deno = plan.courses.find((c) => c.drug === 'denosumab');
    const url = `${p}/medications/${deno?.id ?? ''}`;
    const refused = await call('PATCH', url, 'physician', { end: today, reason: 'Wil geen prikken meer' });
    expect(refused.statusCode, refused.body).toBe(422);
    expect(refused.json<ProblemDoc>().type).toBe('/problems/medication-sequence');
    expect(refused.json<ProblemDoc>().reasons).toEqual(['denosumab-stop-without-follow-on']);
    const byNurse = await call('PATCH', url, 'nurse', { end: today, reason: 'x', override: { reason: 'y' } });
    expect(byNurse.statusCode).toBe(403);
    const stopped = await call('PATCH', url, 'physician2', { end: today, reason: 'Wil geen prikken meer', override: { reason: 'Patiënte weigert, besproken' } });
    expect(stopped.statusCode, stopped.body).toBe(200);
    // The stop is the second physician's; the prescription stays the first one's.
    expect(stopped.json<Course>().prescribedBy).toBe('Fixture physician');
    const listed = (await call('GET', `${p}/medications`, 'nurse')).json<{ courses: Course[] }>().courses.find((c) => c.id === deno?.id);
    expect(listed?.prescribedBy).toBe('Fixture physician');
    expect(stopped.json<Course>().stopOverride?.reasons).toEqual(['denosumab-stop-without-follow-on']);
    const evaluation = (await call('GET', `${p}/evaluation`, 'physician')).json<{ conclusions: { code: string }[] }>();
    expect(evaluation.conclusions.map((c) => c.code)).toContain('medication.denosumab-stop-without-follow-on');
  });

  it('plans a follow-on with the checks for its start, and the denosumab alert closes', async () => {
    const from = addMonths(today, 1);
    const res = await post(`${p}/planned-medications`, { drug: 'alendronic-acid', from });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<{ safety: { checkedOn: string } }>().safety.checkedOn).toBe(from);
    const evaluation = (await call('GET', `${p}/evaluation`, 'physician')).json<{ conclusions: { code: string }[] }>();
    expect(evaluation.conclusions.map((c) => c.code)).not.toContain('medication.denosumab-stop-without-follow-on');
    const past = await post(`${p}/planned-medications`, { drug: 'alendronic-acid', from: addDays(today, -1) });
    expect(past.json<ProblemDoc>().errors?.map((e) => e.pointer)).toEqual(['/from']);
  });

  it('holds a course prescribed to start later as a course, and the core reads it as a plan', async () => {
    const ahead = await post(`${p}/medications`, { drug: 'raloxifene', start: addMonths(today, 2), acknowledgeCautions: true });
    expect(ahead.statusCode, ahead.body).toBe(201);
    expect(ahead.json<Course>().status).toBe('prescribed');
    const twice = await post(`${p}/medications`, { drug: 'raloxifene', start: addMonths(today, 3), acknowledgeCautions: true });
    expect(twice.statusCode).toBe(409);
    const tooFar = await post(`${p}/medications`, { drug: 'risedronic-acid', start: addMonths(today, 13), acknowledgeCautions: true });
    expect(tooFar.json<ProblemDoc>().errors?.map((e) => e.pointer)).toEqual(['/start']);
    const c = (await call('GET', `${p}/case`, 'physician')).json<{ plannedMedications?: { drug: string; from: string }[]; medications?: { drug: string }[] }>();
    expect(c.plannedMedications).toContainEqual({ drug: 'raloxifene', from: addMonths(today, 2) });
    expect(c.medications?.map((m) => m.drug)).not.toContain('raloxifene');
  });

  it('never lets an override lift pregnancy', async () => {
    // A woman of 32 in hospital A's care: pregnancy is asked of her.
    const young = await t.store.db
      .insertInto('patient')
      .values({ family_name: 'Young', given_name: 'Test', birth_date: `${String(Number(today.slice(0, 4)) - 32)}-05-05`, sex: 'female', bsn: null, phone: null, email: null, gp_practice: null, pathway_stage: 'case-finding' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.store.db.insertInto('patient_organisation').values({ patient_id: young.id, organisation_id: f.orgs.hospA, relation: 'care' }).execute();
    const adultB = young.id;
    const s = await post(`/api/v1/patients/${adultB}/entries`, { kind: 'safety', date: today, data: { pregnant: true } }, 'nurse');
    expect(s.statusCode, s.body).toBe(201);
    const res = await post(`/api/v1/patients/${adultB}/medications`, { drug: 'raloxifene', start: today, acknowledgeCautions: true, override: { reason: 'toch' } });
    expect(res.statusCode).toBe(422);
    expect(res.json<ProblemDoc>().reasons).toEqual(['pregnancy']);
    expect(res.json<ProblemDoc>().overridable).toBe(false);
  });

  it('keeps the generic fact routes from recording or correcting a course past the gate; marking one entered in error stays open', async () => {
    const before = await medicationRows();
    const refusedAt = (res: { statusCode: number; json: <T>() => T }) => {
      expect(res.statusCode).toBe(400);
      const doc = res.json<ProblemDoc & { errors: { pointer: string; detail: string; code?: string }[] }>();
      expect(doc.type).toBe('/problems/invalid-input');
      return doc.errors.find((e) => e.pointer === '/kind');
    };
    // The drug the checks blocked above, through the back door: refused before anything is stored.
    const med = refusedAt(await post(`${p}/entries`, { kind: 'medication', date: today, data: { drug: 'zoledronic-acid' } }));
    expect(med).toMatchObject({ code: 'use-medication-route' });
    expect(med?.detail).toContain('POST /api/v1/patients/{id}/medications');
    refusedAt(await post(`${p}/entries`, { kind: 'medication-dose', date: today, data: { drug: 'denosumab' } }, 'nurse'));
    refusedAt(await post(`${p}/entries`, { kind: 'planned-medication', date: today, data: { drug: 'alendronic-acid', from: addMonths(today, 2) } }));
    expect(await medicationRows()).toBe(before);

    const plan = (await call('GET', `${p}/medications`, 'physician')).json<{ courses: Course[] }>();
    const course = plan.courses.find((c) => c.drug === 'zoledronic-acid');
    expect(course).toBeDefined();
    const entry = `${p}/entries/${course?.id ?? ''}`;
    // A correction would drop the override the gate asked for: refused; the course stays as it was.
    const fixed = await post(`${entry}/correction`, { data: { drug: 'zoledronic-acid' }, reason: 'zonder override' });
    expect(refusedAt(fixed)).toMatchObject({ code: 'use-medication-route' });
    const still = (await call('GET', `${p}/medications`, 'physician')).json<{ courses: Course[] }>().courses.find((c) => c.id === course?.id);
    expect(still?.override?.reason).toBeDefined();
    const voided = await post(`${entry}/entered-in-error`, { reason: 'verkeerde patiënt' }, 'nurse');
    expect(voided.statusCode, voided.body).toBe(200);
    const after = (await call('GET', `${p}/medications`, 'physician')).json<{ courses: Course[] }>();
    expect(after.courses.map((c) => c.id)).not.toContain(course?.id);
  });
});
