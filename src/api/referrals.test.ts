// Referrals over HTTP on both stores: the hospital refers with the VFA result and the agreements
// taken from the record; the practice sees the waiting referral (name, birth date, reason, VFA,
// agreements) and nothing else of the record; after acceptance its physiotherapist opens the record;
// after a decline and after an end the record is shut again and the waiting list no longer has it.
// Bad input names each field; a step that does not fit the status is a conflict; every step is audited.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { signInRoles, testApp, type TestApp, jsonCaller } from './testing/test-app.js';
import { buildFixture, type Fixture, patientInCare } from './testing/fixture.js';
import { STORE_KINDS } from '../store/testing/stores.js';
import { insertDecision } from '../store/decision.repo.js';
import { todayNl } from '../schema/clock.js';

interface ProblemDoc { status: number; errors?: { pointer: string; detail: string }[] }
interface Referral { id: string; patientId: string; status: string; reason: string; vfa: unknown; agreements: unknown; from: { name: string } | null; to: { name: string }; declineReason: string | null; endReason: string | null }
interface Waiting { id: string; patientId: string; patient: { name: string; birthDate: string }; reason: string; vfa: unknown; agreements: unknown }

describe.each(STORE_KINDS)('referrals over HTTP on %s', (kind) => {
  let t: TestApp;
  let f: Fixture;
  const cookie: Record<string, string> = {};
  const today = todayNl();

  const call = jsonCaller(() => t, cookie);
  /** A patient in hospital A's care only, with a VFA and a decision in the record. */
  const newPatient = async (name: string) => {
    const id = await patientInCare(t.store.db, f.orgs.hospA, { familyName: name, givenName: 'Ria', birthDate: '1955-03-04' });
    const vfa = await call('POST', `/api/v1/patients/${id}/vfa`, 'nurse', { date: today, vertebrae: [{ level: 'T8', grade: 2 }, { level: 'L1', grade: 1 }] });
    expect(vfa.statusCode, vfa.body).toBe(201);
    await insertDecision(t.store.db, {
      patientId: id, organisationId: f.orgs.hospA, decidedOn: today, option: 'lifestyle-only', drug: null, whatMatters: null,
      agreements: { exercise: 'Twee keer per week oefenen bij de fysiotherapeut.' }, picture: { asOf: today, indicationReasons: [], bmd: null, fractures: [], frax: null }, by: f.users.nurse.id,
    });
    return id;
  };
  const refer = async (patientId: string, organisationId = f.orgs.physioA) => {
    const res = await call('POST', `/api/v1/patients/${patientId}/referrals`, 'nurse', { organisationId, reason: 'Wervelfractuur T8; oefentherapie voor kracht en houding.' });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<Referral>();
  };
  const recordAsPhysio = async (patientId: string) => (await call('GET', `/api/v1/patients/${patientId}`, 'physiotherapist')).statusCode;
  const waitingIds = async () => {
    const res = await call('GET', '/api/v1/referrals?status=pending', 'physiotherapist');
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Waiting[]>().map((w) => w.id);
  };

  beforeAll(async () => {
    t = await testApp(kind);
    f = await buildFixture(t.store.db);
    await signInRoles(t, f, ['nurse', 'physician', 'physiotherapist', 'patient', 'caregiver', 'admin', 'care-worker'], cookie);
  });
  afterAll(async () => {
    await t.close();
  });

  it('a referral waits: the practice sees the referral and nothing else; accepted, the record opens; ended, it shuts again', async () => {
    const p = await newPatient('Wachtend');
    const r = await refer(p);
    expect(r).toMatchObject({
      status: 'pending', reason: 'Wervelfractuur T8; oefentherapie voor kracht en houding.', from: { name: 'Hospital A' }, to: { name: 'Physio A' },
      vfa: { date: today, vertebrae: [{ level: 'T8', grade: 2 }, { level: 'L1', grade: 1 }] },
      agreements: { decidedOn: today, option: 'lifestyle-only', drug: null, agreements: { exercise: 'Twee keer per week oefenen bij de fysiotherapeut.' } },
    });
    // Waiting: the limited view yes, the record no.
    const requestId = randomUUID();
    const list = await call('GET', '/api/v1/referrals?status=pending', 'physiotherapist', undefined, requestId);
    const seen = list.json<Waiting[]>().find((w) => w.id === r.id);
    expect(seen).toEqual({ ...seen, patient: { name: 'Ria Wachtend', birthDate: '1955-03-04' }, reason: r.reason, vfa: r.vfa, agreements: r.agreements });
    expect(Object.keys(seen ?? {}).sort()).toEqual(['agreements', 'from', 'id', 'patient', 'patientId', 'reason', 'referredAt', 'referredBy', 'source', 'to', 'vfa']);
    const audit = await t.store.db.selectFrom('audit_event').selectAll().where('request_id', '=', requestId).where('patient_id', '=', p).execute();
    expect(audit.map((a) => [a.action, a.allowed])).toEqual([['referral.read-pending', true]]);
    expect(await recordAsPhysio(p)).toBe(403);
    for (const path of ['entries', 'case', 'decisions', 'referrals']) expect((await call('GET', `/api/v1/patients/${p}/${path}`, 'physiotherapist')).statusCode, path).toBe(403);
    // Accepted: the record opens, the waiting list no longer has it.
    const accepted = await call('POST', `/api/v1/referrals/${r.id}/accept`, 'physiotherapist', {});
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json<Referral>().status).toBe('accepted');
    expect(await recordAsPhysio(p)).toBe(200);
    expect((await call('GET', `/api/v1/patients/${p}/decisions`, 'physiotherapist')).statusCode).toBe(200);
    expect(await waitingIds()).not.toContain(r.id);
    const again = await call('POST', `/api/v1/referrals/${r.id}/accept`, 'physiotherapist', {});
    expect(again.statusCode).toBe(409);
    // Ended by the hospital: shut again.
    const ended = await call('POST', `/api/v1/referrals/${r.id}/end`, 'physician', { reason: 'Behandeling afgerond.' });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json<Referral>()).toMatchObject({ status: 'ended', endReason: 'Behandeling afgerond.' });
    expect(await recordAsPhysio(p)).toBe(403);
    const history = await call('GET', `/api/v1/patients/${p}/referrals`, 'nurse');
    expect(history.json<Referral[]>().map((x) => x.status)).toEqual(['ended']);
  });

  it('declined, the record stays shut and the list no longer has it; the practice ends what it accepted', async () => {
    const p = await newPatient('Afgewezen');
    const r = await refer(p);
    expect(await waitingIds()).toContain(r.id);
    const declined = await call('POST', `/api/v1/referrals/${r.id}/decline`, 'physiotherapist', { reason: 'Geen plek deze maand.' });
    expect(declined.statusCode, declined.body).toBe(200);
    expect(declined.json<Referral>()).toMatchObject({ status: 'declined', declineReason: 'Geen plek deze maand.' });
    expect(await recordAsPhysio(p)).toBe(403);
    expect(await waitingIds()).not.toContain(r.id);
    expect((await call('POST', `/api/v1/referrals/${r.id}/end`, 'nurse', { reason: 'x' })).statusCode).toBe(409);
    // A new referral after a decline; this time the practice accepts and later ends it itself.
    const second = await refer(p);
    expect((await call('POST', `/api/v1/referrals/${second.id}/accept`, 'physiotherapist', {})).statusCode).toBe(200);
    expect(await recordAsPhysio(p)).toBe(200);
    expect((await call('GET', `/api/v1/patients/${p}/referrals`, 'physiotherapist')).json<Referral[]>().map((x) => x.status)).toEqual(['accepted', 'declined']);
    expect((await call('POST', `/api/v1/referrals/${second.id}/end`, 'physiotherapist', { reason: 'Doelen bereikt.' })).statusCode).toBe(200);
    expect(await recordAsPhysio(p)).toBe(403);
  });

  it('who may take which step: everyone else is refused, and each attempt is audited', async () => {
    const p = await newPatient('Matrix');
    const r = await refer(p);
    const steps: [string, unknown][] = [['accept', {}], ['decline', { reason: 'Nee' }]];
    for (const role of ['nurse', 'physician', 'patient', 'caregiver', 'admin', 'care-worker']) {
      for (const [step, body] of steps) {
        const requestId = randomUUID();
        const res = await call('POST', `/api/v1/referrals/${r.id}/${step}`, role, body, requestId);
        expect(res.statusCode, `${role} ${step}`).toBe(403);
        const audit = await t.store.db.selectFrom('audit_event').select(['allowed']).where('request_id', '=', requestId).execute();
        expect(audit.length, `${role} ${step} audited`).toBeGreaterThan(0);
        expect(audit.every((a) => !a.allowed)).toBe(true);
      }
      expect((await call('GET', '/api/v1/referrals', role)).statusCode, `${role} list`).toBe(403);
    }
    // Another practice's physiotherapist sees nothing of it.
    const other = await t.store.db.selectFrom('app_user').select('id').where('email', '=', 'physiotherapist@fixture.test').executeTakeFirstOrThrow();
    await t.store.db.updateTable('app_user').set({ organisation_id: f.orgs.physioB }).where('id', '=', other.id).execute();
    try {
      expect(await waitingIds()).not.toContain(r.id);
      expect((await call('POST', `/api/v1/referrals/${r.id}/accept`, 'physiotherapist', {})).statusCode).toBe(403);
    } finally {
      await t.store.db.updateTable('app_user').set({ organisation_id: f.orgs.physioA }).where('id', '=', other.id).execute();
    }
    // Another hospital's nurse may not refer this patient; the practice may not refer at all.
    expect((await call('POST', `/api/v1/patients/${p}/referrals`, 'physiotherapist', { organisationId: f.orgs.physioB, reason: 'x' })).statusCode).toBe(403);
    expect((await call('POST', `/api/v1/patients/${f.patients.adultB}/referrals`, 'nurse', { organisationId: f.orgs.physioA, reason: 'x' })).statusCode).toBe(403);
  });

  it('opens no record to a practice through a bare link: the referral relation comes only with an accepted referral', async () => {
    const id = await newPatient('Koppel');
    const res = await call('POST', `/api/v1/patients/${id}/links`, 'nurse', { organisationId: f.orgs.physioA, relation: 'referral' });
    expect(res.statusCode, res.body).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ errors: [{ pointer: '/relation', code: 'referral-by-referral' }] });
    expect(await recordAsPhysio(id)).toBe(403);
    const links = await t.store.db.selectFrom('patient_organisation').select('relation').where('patient_id', '=', id).execute();
    expect(links.map((l) => l.relation)).toEqual(['care']);
  });

  it('refuses bad input by field, and stores nothing', async () => {
    const p = await newPatient('Fout');
    const count = async () => Number((await sql<{ n: number }>`select count(*)::int as n from referral where patient_id = ${p}`.execute(t.store.db)).rows[0]?.n);
    const bad: [unknown, string, number][] = [
      [{ organisationId: 'nope', reason: 'x' }, '/organisationId', 400],
      [{ organisationId: f.orgs.physioA, reason: '' }, '/reason', 400],
      [{ organisationId: f.orgs.physioA }, '/reason', 400],
      [{ organisationId: f.orgs.physioA, reason: 'x', extra: 1 }, '/extra', 400],
      [{ organisationId: f.orgs.hospB, reason: 'x' }, '/organisationId', 400],
      [{ organisationId: randomUUID(), reason: 'x' }, '/organisationId', 400],
    ];
    for (const [body, pointer, status] of bad) {
      const res = await call('POST', `/api/v1/patients/${p}/referrals`, 'nurse', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json<ProblemDoc>().errors?.map((e) => e.pointer)).toContain(pointer);
    }
    expect(await count()).toBe(0);
    const r = await refer(p);
    const twice = await call('POST', `/api/v1/patients/${p}/referrals`, 'nurse', { organisationId: f.orgs.physioA, reason: 'Nog een keer' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json<ProblemDoc>().errors?.[0]?.pointer).toBe('/organisationId');
    // A practice that already opens the record (the fixture's direct link) is not referred to again.
    const linked = await call('POST', `/api/v1/patients/${f.patients.adultA}/referrals`, 'nurse', { organisationId: f.orgs.physioA, reason: 'x' });
    expect(linked.statusCode).toBe(409);
    expect(await count()).toBe(1);
    for (const [url, body, pointer] of [
      [`/api/v1/referrals/${r.id}/decline`, {}, '/reason'],
      [`/api/v1/referrals/${r.id}/end`, { reason: '' }, '/reason'],
      ['/api/v1/referrals/nope/accept', {}, '/params/referralId'],
      [`/api/v1/referrals/${randomUUID()}/accept`, {}, '/params/referralId'],
    ] as const) {
      const res = await call('POST', url, 'physiotherapist', body);
      expect(res.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(res.json<ProblemDoc>().errors?.map((e) => e.pointer), url).toContain(pointer);
    }
    const q = await call('GET', '/api/v1/referrals?status=accepted', 'physiotherapist');
    expect(q.statusCode).toBe(400);
    expect(q.json<ProblemDoc>().errors?.map((e) => e.pointer).join()).toContain('status');
    expect((await t.store.db.selectFrom('referral').select('status').where('id', '=', r.id).executeTakeFirstOrThrow()).status).toBe('pending');
  });

  it('documents every referral route and its shapes in the OpenAPI document', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json<{ paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, unknown> } }>();
    for (const [path, method] of [
      ['/api/v1/patients/{id}/referrals', 'post'], ['/api/v1/patients/{id}/referrals', 'get'], ['/api/v1/referrals', 'get'],
      ['/api/v1/referrals/{referralId}/accept', 'post'], ['/api/v1/referrals/{referralId}/decline', 'post'], ['/api/v1/referrals/{referralId}/end', 'post'],
    ] as const) expect(doc.paths[path]?.[method], `${method} ${path}`).toBeDefined();
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['ReferralInput', 'ReferralReason', 'ReferralView', 'WaitingReferral', 'ReferralAgreements']));
  });
});
