// Caregivers' links over the JSON API: a link the access rules would refuse is answered with a
// problem document naming the field that would help, and nothing is stored; consent is recorded
// with who gave it and when, and withdrawn by the patient or, with a reason, by the clinic; the
// caregiver's access ends at the moment of the withdrawal. Every step is audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionCookie, signInApi, testApp, type TestApp } from './testing/test-app.js';
import { buildFixture, PASSWORD, type Fixture } from './testing/fixture.js';
import { STORE_KINDS } from '../store/testing/stores.js';

interface Problem { type: string; errors?: { pointer: string; detail: string }[] }
interface Link { id: string; consent: { givenBy: string; givenAs: string; givenAt: string } | null; withdrawal: { by: string; reason: string | null } | null; gap: string | null; basis: string | null }

describe.each(STORE_KINDS)('caregiver links over the API on %s', (kind) => {
  let t: TestApp;
  let f: Fixture;
  const jar: Record<string, string> = {};

  beforeAll(async () => {
    t = await testApp(kind);
    f = await buildFixture(t.store.db);
    for (const role of ['nurse', 'patient', 'caregiver'] as const) jar[role] = sessionCookie(await signInApi(t, f.users[role].email, PASSWORD));
  });
  afterAll(async () => {
    await t.close();
  });

  const call = (role: string, method: 'GET' | 'POST', url: string, body?: unknown) =>
    t.app.inject({ method, url, headers: { cookie: jar[role] ?? '', 'content-type': 'application/json' }, ...(body === undefined ? {} : { payload: JSON.stringify(body) }) });
  const users = async () => Number((await t.store.db.selectFrom('app_user').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it.each([
    ['family without consent', { relation: 'family' }, '/patientConsent'],
    ['a legal representative without proof', { relation: 'legal-representative', patientConsent: true }, '/representationProof'],
    ['a parent of an adult', { relation: 'parent', patientConsent: true }, '/relation'],
  ])('refuses an account for %s, naming the field, and stores nothing', async (_n, extra, pointer) => {
    const before = await users();
    const res = await call('nurse', 'POST', `/api/v1/patients/${f.patients.adultA}/account`, { kind: 'caregiver', displayName: 'Nobody Yet', ...extra });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json<Problem>().errors?.map((e) => e.pointer)).toEqual([pointer]);
    expect(await users()).toBe(before);
  });

  it('refuses a link of an existing caregiver account the rules would refuse, naming the field', async () => {
    const res = await call('nurse', 'POST', `/api/v1/patients/${f.patients.adultA}/links`, { caregiverUserId: f.users.caregiver.id, relation: 'family' });
    expect(res.statusCode).toBe(400);
    expect(res.json<Problem>().errors?.map((e) => e.pointer)).toEqual(['/patientConsent']);
    expect(await t.store.db.selectFrom('caregiver_link').select('relation').where('patient_id', '=', f.patients.adultA).execute()).toEqual([]);
  });

  it('records who consented and when, ends access at once on withdrawal, and audits each step', async () => {
    const linked = await call('nurse', 'POST', `/api/v1/patients/${f.patients.adultA}/links`, {
      caregiverUserId: f.users.caregiver.id, relation: 'family', consentGivenBy: 'J. Jansen (mentor)',
    });
    expect(linked.statusCode).toBe(204);
    const read = await call('caregiver', 'GET', `/api/v1/patients/${f.patients.adultA}`);
    expect(read.statusCode).toBe(200);
    const list = (await call('nurse', 'GET', `/api/v1/patients/${f.patients.adultA}/caregivers`)).json<{ items: Link[] }>().items;
    expect(list).toHaveLength(1);
    expect(list[0]?.consent).toMatchObject({ givenBy: 'J. Jansen (mentor)', givenAs: 'representative' });
    expect(list[0]?.basis).toBe('consent');

    const url = `/api/v1/patients/${f.patients.adultA}/caregivers/${f.users.caregiver.id}/consent/withdraw`;
    const noReason = await call('nurse', 'POST', url, {});
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json<Problem>().errors?.map((e) => e.pointer)).toEqual(['/reason']);
    expect((await call('caregiver', 'GET', `/api/v1/patients/${f.patients.adultA}`)).statusCode).toBe(200);

    const byPatient = await call('patient', 'POST', url, {});
    expect(byPatient.statusCode).toBe(200);
    expect(byPatient.json<Link>()).toMatchObject({ gap: 'consent-withdrawn', withdrawal: { by: 'patient', reason: null } });
    expect((await call('caregiver', 'GET', `/api/v1/patients/${f.patients.adultA}`)).statusCode).toBe(403);

    const again = await call('nurse', 'POST', `/api/v1/patients/${f.patients.adultA}/caregivers/${f.users.caregiver.id}/consent`, {});
    expect(again.statusCode).toBe(200);
    expect(again.json<Link>()).toMatchObject({ gap: null, withdrawal: null, consent: { givenBy: 'Test AdultA', givenAs: 'patient' } });
    expect((await call('caregiver', 'GET', `/api/v1/patients/${f.patients.adultA}`)).statusCode).toBe(200);

    const byClinic = await call('nurse', 'POST', url, { reason: 'The patient asked at the desk' });
    expect(byClinic.json<Link>()).toMatchObject({ gap: 'consent-withdrawn', withdrawal: { by: 'clinic', reason: 'The patient asked at the desk' } });
    expect((await call('caregiver', 'GET', `/api/v1/patients/${f.patients.adultA}`)).statusCode).toBe(403);

    const audit = await t.store.db.selectFrom('audit_event').select(['action', 'role', 'allowed'])
      .where('patient_id', '=', f.patients.adultA).where('action', 'in', ['patient.withdraw-consent', 'patient.link']).orderBy('id').execute();
    expect(audit).toEqual([
      // The link refused above: allowed to try, not done (rolled back), and recorded so.
      { action: 'patient.link', role: 'nurse', allowed: false },
      { action: 'patient.link', role: 'nurse', allowed: true },
      { action: 'patient.withdraw-consent', role: 'patient', allowed: true },
      { action: 'patient.link', role: 'nurse', allowed: true },
      { action: 'patient.withdraw-consent', role: 'nurse', allowed: true },
    ]);
  });

  it('refuses consent for a parent of an adult: consent does not make that link work', async () => {
    await t.store.db.insertInto('caregiver_link').values({ caregiver_user_id: f.users.caregiver.id, patient_id: f.patients.adultB, relation: 'parent', created_by: null }).execute();
    await t.store.db.insertInto('patient_organisation').values({ patient_id: f.patients.adultB, organisation_id: f.orgs.hospA, relation: 'care' }).execute();
    const res = await call('nurse', 'POST', `/api/v1/patients/${f.patients.adultB}/caregivers/${f.users.caregiver.id}/consent`, {});
    expect(res.statusCode).toBe(400);
    expect(res.json<Problem>().errors?.map((e) => e.pointer)).toEqual(['/relation']);
    const row = await t.store.db.selectFrom('caregiver_link').select('consent_given_at').where('patient_id', '=', f.patients.adultB).executeTakeFirstOrThrow();
    expect(row.consent_given_at).toBeNull();
  });
});
