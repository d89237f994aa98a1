// A GP's letter recorded by the practice itself, over HTTP on both stores: a new person becomes a
// record of the practice with an accepted referral (the record opens at once); a person the practice
// already knows is found by name and birth date; a hospital's patient is never matched by name and
// birth date alone; bad input names each field and stores nothing; only a practice's
// physiotherapists may record a letter; every attempt is audited.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { signInRoles, testApp, type TestApp, jsonCaller } from './testing/test-app.js';
import { buildFixture, type Fixture, patientInCare } from './testing/fixture.js';
import { STORE_KINDS } from '../store/testing/stores.js';
import { todayNl } from '../schema/clock.js';

interface ProblemDoc { status: number; errors?: { pointer: string; detail: string }[] }
interface Referral { id: string; patientId: string; status: string; source: string; reason: string; from: unknown; to: { name: string }; gp: unknown; letterDate: string | null }

describe.each(STORE_KINDS)('a GP\'s letter recorded by the practice on %s', (kind) => {
  let t: TestApp;
  let f: Fixture;
  const cookie: Record<string, string> = {};
  const today = todayNl();

  const call = jsonCaller(() => t, cookie);
  const letter = (familyName: string, over: Record<string, unknown> = {}) => ({
    patient: { familyName, givenName: 'Gerda', birthDate: '1948-07-09', sex: 'female' },
    gp: { name: 'Dokter Bakker', practice: 'Huisartsen Centrum' },
    letterDate: today,
    reason: 'Rugpijn na een wervelbreuk; graag oefentherapie.',
    ...over,
  });
  const count = async () => Number((await sql<{ n: number }>`select count(*)::int as n from referral where source = 'gp-letter'`.execute(t.store.db)).rows[0]?.n);
  const patients = async () => Number((await sql<{ n: number }>`select count(*)::int as n from patient`.execute(t.store.db)).rows[0]?.n);

  beforeAll(async () => {
    t = await testApp(kind);
    f = await buildFixture(t.store.db);
    await signInRoles(t, f, ['nurse', 'physician', 'physiotherapist', 'patient', 'caregiver', 'admin', 'care-worker'], cookie);
  });
  afterAll(async () => {
    await t.close();
  });

  it('a new person: a record of the practice with an accepted referral; the record opens to the practice only', async () => {
    const requestId = randomUUID();
    const res = await call('POST', '/api/v1/referrals', 'physiotherapist', letter('Brief'), requestId);
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json<Referral>();
    expect(r).toMatchObject({ status: 'accepted', source: 'gp-letter', from: null, to: { name: 'Physio A' }, gp: { name: 'Dokter Bakker', practice: 'Huisartsen Centrum' }, letterDate: today });
    const record = await call('GET', `/api/v1/patients/${r.patientId}`, 'physiotherapist');
    expect(record.statusCode, record.body).toBe(200);
    expect(record.json<{ familyName: string; gpPractice: string; organisations: { name: string; relation: string }[] }>()).toMatchObject({
      familyName: 'Brief', gpPractice: 'Huisartsen Centrum', organisations: [{ name: 'Physio A', relation: 'referral' }],
    });
    // No hospital is involved: its nurse does not see the record.
    expect((await call('GET', `/api/v1/patients/${r.patientId}`, 'nurse')).statusCode).toBe(403);
    const audit = await t.store.db.selectFrom('audit_event').select(['action', 'allowed', 'patient_id', 'reason']).where('request_id', '=', requestId).execute();
    expect(audit).toEqual([{ action: 'referral.record-letter', allowed: true, patient_id: r.patientId, reason: 'a GP referred the patient to your practice' }]);
    // The same person again, while the referral is open: a conflict at /patient, nothing stored.
    const before = await count();
    const again = await call('POST', '/api/v1/referrals', 'physiotherapist', letter('Brief', { patient: { familyName: 'Brief', givenName: 'G.', birthDate: '1948-07-09', sex: 'female' } }));
    expect(again.statusCode, again.body).toBe(409);
    expect(again.json<ProblemDoc>().errors?.[0]?.pointer).toBe('/patient');
    expect(await count()).toBe(before);
    // Ended, a new letter finds the same record (the practice knows the patient) rather than making another.
    expect((await call('POST', `/api/v1/referrals/${r.id}/end`, 'physiotherapist', { reason: 'Klaar.' })).statusCode).toBe(200);
    expect((await call('GET', `/api/v1/patients/${r.patientId}`, 'physiotherapist')).statusCode).toBe(403);
    const people = await patients();
    const third = await call('POST', '/api/v1/referrals', 'physiotherapist', letter('Brief', { reason: 'Opnieuw pijn.' }));
    expect(third.statusCode, third.body).toBe(201);
    expect(third.json<Referral>().patientId).toBe(r.patientId);
    expect(await patients()).toBe(people);
    expect((await call('GET', `/api/v1/patients/${r.patientId}`, 'physiotherapist')).statusCode).toBe(200);
  });

  it('never matches a hospital\'s record by name and birth date: a record of its own instead', async () => {
    // The fixture's AdultB is in Hospital B's care and Physio B's; Physio A does not know her.
    const adultB = await t.store.db.selectFrom('patient').select(['family_name', 'birth_date']).where('id', '=', f.patients.adultB).executeTakeFirstOrThrow();
    const res = await call('POST', '/api/v1/referrals', 'physiotherapist', letter(adultB.family_name, { patient: { familyName: adultB.family_name, givenName: 'Test', birthDate: adultB.birth_date, sex: 'female' } }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<Referral>().patientId).not.toBe(f.patients.adultB);
    expect((await call('GET', `/api/v1/patients/${f.patients.adultB}`, 'physiotherapist')).statusCode).toBe(403);
  });

  it('a waiting hospital referral for the person: accept that one (409), nothing stored', async () => {
    const id = await patientInCare(t.store.db, f.orgs.hospA, { familyName: 'Wachter', givenName: 'Gerda', birthDate: '1948-07-09' });
    expect((await call('POST', `/api/v1/patients/${id}/referrals`, 'nurse', { organisationId: f.orgs.physioA, reason: 'Oefentherapie.' })).statusCode).toBe(201);
    const before = await count();
    const res = await call('POST', '/api/v1/referrals', 'physiotherapist', letter('Wachter'));
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json<ProblemDoc>().errors?.[0]).toMatchObject({ pointer: '/patient', detail: expect.stringContaining('accept') });
    expect(await count()).toBe(before);
  });

  it('a referral the practice declined makes no patient of it: a letter for that person does not open the hospital\'s record', async () => {
    const id = await patientInCare(t.store.db, f.orgs.hospA, { familyName: 'Afgewezen', givenName: 'Gerda', birthDate: '1948-07-09' });
    const r = await call('POST', `/api/v1/patients/${id}/referrals`, 'nurse', { organisationId: f.orgs.physioA, reason: 'Oefentherapie.' });
    expect((await call('POST', `/api/v1/referrals/${r.json<Referral>().id}/decline`, 'physiotherapist', { reason: 'Geen plek.' })).statusCode).toBe(200);
    const res = await call('POST', '/api/v1/referrals', 'physiotherapist', letter('Afgewezen'));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<Referral>().patientId).not.toBe(id);
    expect((await call('GET', `/api/v1/patients/${id}`, 'physiotherapist')).statusCode).toBe(403);
  });

  it('refuses bad input at each field, as problem+json, and stores nothing', async () => {
    const before = [await count(), await patients()];
    const bad: [unknown, string[]][] = [
      [{}, ['/patient', '/gp', '/letterDate', '/reason']],
      [letter('X', { patient: { familyName: '', givenName: '  ', birthDate: '31-02-1950', sex: 'x' } }), ['/patient/familyName', '/patient/givenName', '/patient/birthDate', '/patient/sex']],
      [letter('X', { patient: { familyName: 'X', givenName: 'Y', birthDate: '1950-01-01', sex: 'female', bsn: '123456782' } }), ['/patient']],
      [letter('X', { gp: { practice: 'P' } }), ['/gp/name']],
      [letter('X', { gp: { name: 'x'.repeat(201) } }), ['/gp/name']],
      [letter('X', { letterDate: '2999-01-01' }), ['/letterDate']],
      [letter('X', { letterDate: 'gisteren' }), ['/letterDate']],
      [letter('X', { reason: '   ' }), ['/reason']],
      [letter('X', { extra: true }), ['/extra']],
    ];
    for (const [body, pointers] of bad) {
      const res = await call('POST', '/api/v1/referrals', 'physiotherapist', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const got = res.json<ProblemDoc>().errors?.map((e) => e.pointer) ?? [];
      for (const p of pointers) expect(got.some((g) => g === p || g.startsWith(`${p}/`) || (p === '/patient' && g.startsWith('/patient'))), `${p} in ${got.join()}`).toBe(true);
    }
    expect([await count(), await patients()]).toEqual(before);
  });

  it('only a practice\'s physiotherapists record a letter; every refusal is audited and stores nothing', async () => {
    const before = [await count(), await patients()];
    for (const role of ['nurse', 'physician', 'patient', 'caregiver', 'admin', 'care-worker']) {
      const requestId = randomUUID();
      const res = await call('POST', '/api/v1/referrals', role, letter(`Geweigerd${role}`), requestId);
      expect(res.statusCode, role).toBe(403);
      const audit = await t.store.db.selectFrom('audit_event').select(['action', 'allowed']).where('request_id', '=', requestId).execute();
      expect(audit, role).toEqual([{ action: 'referral.record-letter', allowed: false }]);
    }
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/referrals', headers: { 'content-type': 'application/json' }, payload: JSON.stringify(letter('Anoniem')) })).statusCode).toBe(401);
    expect([await count(), await patients()]).toEqual(before);
  });

  it('another practice does not see a letter\'s record, nor find it by name and birth date', async () => {
    const res = await call('POST', '/api/v1/referrals', 'physiotherapist', letter('Eigen', { patient: { familyName: 'Eigen', givenName: 'Gerda', birthDate: '1951-01-01', sex: 'female' } }));
    expect(res.statusCode, res.body).toBe(201);
    const mine = res.json<Referral>().patientId;
    const physio = await t.store.db.selectFrom('app_user').select('id').where('email', '=', 'physiotherapist@fixture.test').executeTakeFirstOrThrow();
    await t.store.db.updateTable('app_user').set({ organisation_id: f.orgs.physioB }).where('id', '=', physio.id).execute();
    try {
      expect((await call('GET', `/api/v1/patients/${mine}`, 'physiotherapist')).statusCode).toBe(403);
      const other = await call('POST', '/api/v1/referrals', 'physiotherapist', letter('Eigen', { patient: { familyName: 'Eigen', givenName: 'Gerda', birthDate: '1951-01-01', sex: 'female' } }));
      expect(other.statusCode, other.body).toBe(201);
      expect(other.json<Referral>()).toMatchObject({ to: { name: 'Physio B' } });
      expect(other.json<Referral>().patientId).not.toBe(mine);
    } finally {
      await t.store.db.updateTable('app_user').set({ organisation_id: f.orgs.physioA }).where('id', '=', physio.id).execute();
    }
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json<{ paths: Record<string, Record<string, unknown>> }>();
    expect(doc.paths['/api/v1/referrals']?.post).toBeDefined();
  });
});
