// The exercise plan over HTTP on both stores: the practice writes a plan only once it accepted the
// referral, and no more after the referral ends; another practice never; the hospital, the patient
// and the practice read it; a chosen exercise unsafe after a vertebral fracture answers 422
// /problems/exercise-unsafe naming the exercise and why until acknowledged, and the warnings are
// kept; a new version keeps the old one; bad input names each field, nothing half-stored; the home
// programme is a PDF read back with pdftotext.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInApi, sessionCookie, signInRoles, testApp, type TestApp } from './testing/test-app.js';
import { buildFixture, PASSWORD, type Fixture, patientInCare } from './testing/fixture.js';
import { pdfText } from './testing/pdf-text.js';
import { STORE_KINDS } from '../store/testing/stores.js';
import { insertUser } from '../store/accounts.repo.js';
import { hashPassword } from '../services/auth.js';
import { todayNl } from '../schema/clock.js';

interface ProblemDoc { type: string; status: number; reasons?: string[]; errors?: { pointer: string; detail: string }[]; warnings?: { code: string; reasons: { condition: string; tag: string }[] }[] }
interface Plan { id: string; version: number; places: string[]; exercises: { code: string }[]; warnings: { code: string }[]; organisation: { name: string }; writtenBy: string | null }

const SAFE = {
  places: ['supervised', 'home'],
  exercises: [
    { code: 'chair-rise', sets: 2, repetitions: 10, intensity: 'moderate', daysPerWeek: 3, progression: 'Elke week twee keer meer.' },
    { code: 'wall-stand', sets: 1, repetitions: 5, intensity: 'light', daysPerWeek: 7, progression: 'Langer blijven staan.' },
  ],
};
const UNSAFE = {
  ...SAFE,
  exercises: [...SAFE.exercises, { code: 'weighted-sit-up', sets: 3, repetitions: 12, intensity: 'hard', daysPerWeek: 2, progression: 'Zwaarder gewicht.' }],
};

describe.each(STORE_KINDS)('the exercise plan over HTTP on %s', (kind) => {
  let t: TestApp;
  let f: Fixture;
  const cookie: Record<string, string> = {};
  const today = todayNl();

  const call = (method: 'GET' | 'POST', url: string, as: string, body?: unknown) =>
    t.app.inject({
      method, url,
      headers: { cookie: cookie[as] ?? '', 'x-request-id': randomUUID(), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });
  const plans = (p: string) => `/api/v1/patients/${p}/exercise-plans`;
  /** A patient of hospital A with a VFA grade 2 at T8, referred to practice A (pending). */
  const referred = async (name: string) => {
    const id = await patientInCare(t.store.db, f.orgs.hospA, { familyName: name, givenName: 'Ria', birthDate: '1950-03-04' });
    expect((await call('POST', `/api/v1/patients/${id}/vfa`, 'nurse', { date: today, vertebrae: [{ level: 'T8', grade: 2 }] })).statusCode).toBe(201);
    const r = await call('POST', `/api/v1/patients/${id}/referrals`, 'nurse', { organisationId: f.orgs.physioA, reason: 'Oefentherapie na wervelfractuur.' });
    expect(r.statusCode, r.body).toBe(201);
    return { id, referralId: r.json<{ id: string }>().id };
  };
  const count = async (p: string) => Number((await t.store.db.selectFrom('exercise_plan').select((e) => e.fn.countAll().as('n')).where('patient_id', '=', p).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    t = await testApp(kind);
    f = await buildFixture(t.store.db);
    await signInRoles(t, f, ['nurse', 'physician', 'physiotherapist', 'patient', 'caregiver'], cookie);
    const otherPhysio = await insertUser(t.store.db, { role: 'physiotherapist', organisationId: f.orgs.physioB, patientId: null, email: 'physio-b@fixture.test', displayName: 'Physio B therapist', passwordHash: await hashPassword(PASSWORD), status: 'active' });
    expect(otherPhysio).toBeTruthy();
    cookie.physioB = sessionCookie(await signInApi(t, 'physio-b@fixture.test', PASSWORD));
  });
  afterAll(async () => {
    await t.close();
  });

  it('no plan before acceptance, nor by another practice or the hospital; after acceptance yes; after the end no more', async () => {
    const { id, referralId } = await referred('Wachtend');
    expect((await call('POST', plans(id), 'physiotherapist', SAFE)).statusCode).toBe(403);
    expect((await call('GET', plans(id), 'physiotherapist')).statusCode).toBe(403);
    expect((await call('POST', `/api/v1/referrals/${referralId}/accept`, 'physiotherapist', {})).statusCode).toBe(200);
    const made = await call('POST', plans(id), 'physiotherapist', SAFE);
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json<Plan>()).toMatchObject({ version: 1, places: ['supervised', 'home'], warnings: [], organisation: { name: 'Physio A' }, writtenBy: 'Fixture physiotherapist' });
    expect((await call('POST', plans(id), 'physioB', SAFE)).statusCode).toBe(403);
    expect((await call('GET', plans(id), 'physioB')).statusCode).toBe(403);
    expect((await call('POST', plans(id), 'nurse', SAFE)).statusCode).toBe(403);
    expect((await call('POST', plans(id), 'physician', SAFE)).statusCode).toBe(403);
    // The hospital reads it with the record.
    const read = await call('GET', plans(id), 'nurse');
    expect(read.statusCode).toBe(200);
    expect(read.json<Plan[]>().map((p) => p.version)).toEqual([1]);
    const audit = await t.store.db.selectFrom('audit_event').select(['action', 'allowed']).where('patient_id', '=', id).where('resource', '=', 'patient/exercise-plan').execute();
    expect(audit.filter((a) => a.action === 'therapy.write').map((a) => a.allowed).sort()).toEqual([false, false, false, false, true]);
    // Ended: the door shuts, also for writing.
    expect((await call('POST', `/api/v1/referrals/${referralId}/end`, 'physiotherapist', { reason: 'Klaar.' })).statusCode).toBe(200);
    expect((await call('POST', plans(id), 'physiotherapist', SAFE)).statusCode).toBe(403);
    expect(await count(id)).toBe(1);
  });

  it('an exercise unsafe after a vertebral fracture: 422 naming it and why, nothing stored; acknowledged, kept with the plan; a new version keeps the old', async () => {
    const { id, referralId } = await referred('Wervel');
    expect((await call('POST', `/api/v1/referrals/${referralId}/accept`, 'physiotherapist', {})).statusCode).toBe(200);
    const refused = await call('POST', plans(id), 'physiotherapist', UNSAFE);
    expect(refused.statusCode, refused.body).toBe(422);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    const p = refused.json<ProblemDoc>();
    expect(p.type).toBe('/problems/exercise-unsafe');
    expect(p.errors).toEqual([{ pointer: '/exercises/2/code', detail: expect.stringContaining('Vertebral fracture (T8)') as string, code: 'exercise-unsafe' }]);
    expect(p.reasons).toEqual(['vertebral-fracture']);
    expect(p.warnings).toEqual([{ code: 'weighted-sit-up', reasons: [expect.objectContaining({ condition: 'vertebral-fracture', tag: 'loaded-spinal-flexion' })] }]);
    expect(await count(id)).toBe(0);
    const notAcked = await call('POST', plans(id), 'physiotherapist', { ...UNSAFE, acknowledgeWarnings: false });
    expect(notAcked.statusCode).toBe(422);
    const v1 = await call('POST', plans(id), 'physiotherapist', SAFE);
    expect(v1.statusCode).toBe(201);
    const v2 = await call('POST', plans(id), 'physiotherapist', { ...UNSAFE, acknowledgeWarnings: true });
    expect(v2.statusCode, v2.body).toBe(201);
    expect(v2.json<Plan>()).toMatchObject({ version: 2, warnings: [{ code: 'weighted-sit-up' }] });
    const all = (await call('GET', plans(id), 'physiotherapist')).json<Plan[]>();
    expect(all.map((x) => [x.version, x.exercises.length, x.warnings.length])).toEqual([[2, 3, 1], [1, 2, 0]]);
  });

  it('bad input: each bad field named, 400, nothing stored', async () => {
    const p = f.patients.adultA;
    const cases: [unknown, string[]][] = [
      [{}, ['/places', '/exercises']],
      [{ places: [], exercises: [] }, ['/places', '/exercises']],
      [{ places: ['gym'], exercises: SAFE.exercises }, ['/places/0']],
      [{ places: ['home', 'home'], exercises: SAFE.exercises }, ['/places']],
      [{ ...SAFE, exercises: [{ code: 'flying', sets: 0, repetitions: 101, intensity: 'extreme', daysPerWeek: 8, progression: '' }] },
        ['/exercises/0/code', '/exercises/0/sets', '/exercises/0/repetitions', '/exercises/0/intensity', '/exercises/0/daysPerWeek', '/exercises/0/progression']],
      [{ ...SAFE, exercises: [{ ...SAFE.exercises[0], sets: 2.5 }] }, ['/exercises/0/sets']],
      [{ ...SAFE, exercises: [SAFE.exercises[0], SAFE.exercises[0]] }, ['/exercises']],
      [{ ...SAFE, acknowledgeWarnings: 'yes' }, ['/acknowledgeWarnings']],
      [{ ...SAFE, note: '' }, ['/note']],
      [{ ...SAFE, extra: 1 }, ['/extra']],
    ];
    for (const [body, pointers] of cases) {
      const res = await call('POST', plans(p), 'physiotherapist', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json<ProblemDoc>().errors?.map((e) => e.pointer).sort(), JSON.stringify(body)).toEqual([...pointers].sort());
    }
    expect((await call('POST', `/api/v1/patients/not-a-uuid/exercise-plans`, 'physiotherapist', SAFE)).statusCode).toBe(400);
    expect((await call('POST', plans(randomUUID()), 'physiotherapist', SAFE)).statusCode).toBe(404);
    expect(await count(p)).toBe(0);
  });

  it('the patient reads her own plan and prints the home programme; a caregiver without a link and another practice may not', async () => {
    const p = f.patients.adultA;
    const made = await call('POST', plans(p), 'physiotherapist', { ...SAFE, note: 'Drink genoeg water.' });
    expect(made.statusCode, made.body).toBe(201);
    const plan = made.json<Plan>();
    const own = await call('GET', plans(p), 'patient');
    expect(own.statusCode).toBe(200);
    expect(own.json<Plan[]>()[0]?.id).toBe(plan.id);
    expect((await call('GET', plans(p), 'caregiver')).statusCode).toBe(403);
    const pdf = await call('GET', `${plans(p)}/${plan.id}/home-programme.pdf?lang=nl`, 'patient');
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdfText(pdf.rawPayload).replace(/\s+/g, ' ');
    expect(text).toContain('Mijn oefeningen voor thuis');
    expect(text).toContain('Test AdultA');
    expect(text).toContain('Opstaan uit een stoel');
    expect(text).toContain('2 rondes van 10 keer. 3 dagen per week.');
    expect(text).toContain('Zo bouwt u op: Elke week twee keer meer.');
    expect(text).toContain('Waar u oefent: bij de fysiotherapeut, thuis.');
    expect(text).toContain('Drink genoeg water.');
    const en = pdfText((await call('GET', `${plans(p)}/${plan.id}/home-programme.pdf?lang=en`, 'physiotherapist')).rawPayload).replace(/\s+/g, ' ');
    expect(en).toContain('My exercises at home');
    expect(en).toContain('Rising from a chair');
    expect((await call('GET', `${plans(p)}/${plan.id}/home-programme.pdf?lang=de`, 'patient')).statusCode).toBe(400);
    expect((await call('GET', `${plans(p)}/${randomUUID()}/home-programme.pdf`, 'patient')).statusCode).toBe(404);
    expect((await call('GET', `${plans(p)}/${plan.id}/home-programme.pdf`, 'physioB')).statusCode).toBe(403);
    // Another patient's plan id under this patient: not found, never that plan.
    const other = await call('POST', plans(f.patients.adultB), 'physioB', SAFE);
    expect(other.statusCode, other.body).toBe(201);
    expect((await call('GET', `${plans(p)}/${other.json<Plan>().id}/home-programme.pdf`, 'patient')).statusCode).toBe(404);
  });
});
