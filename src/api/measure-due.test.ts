// The practice's coming measurements over HTTP (GET /api/v1/practice/measurements): the shape of the
// answer for the practice that took the patient on, nothing for another role (refused and audited),
// nothing without a session; the follow-up of the record carries the same date for the hospital.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { signInRoles, testApp, type TestApp } from './testing/test-app.js';
import { buildFixture, type Fixture } from './testing/fixture.js';
import { STORE_KINDS } from '../store/testing/stores.js';
import { Problem } from '../schema/problem.js';
import { PracticeMeasurements } from '../schema/measure-due.schema.js';
import { addDays, addMonths } from '../core/time/date.js';
import { todayNl } from '../schema/clock.js';
import { inTransaction } from '../store/db.js';
import { insertEntry } from '../store/record.repo.js';
import { refreshPatients } from '../services/worklist-derive.js';

describe.each(STORE_KINDS)('the practice\'s measurements API on %s', (kind) => {
  let t: TestApp;
  let f: Fixture;
  const cookie: Record<string, string> = {};
  const today = todayNl();
  const start = addDays(today, -30);
  const get = (url: string, who?: string) => t.app.inject({ url, headers: { cookie: who ? (cookie[who] ?? '') : '' } });

  beforeAll(async () => {
    t = await testApp(kind);
    f = await buildFixture(t.store.db);
    await signInRoles(t, f, ['nurse', 'physiotherapist', 'patient'], cookie);
    const p = f.patients.adultA;
    await inTransaction(t.store.db, async (trx) => {
      const by = { source: 'clinician' as const, by: f.users.physiotherapist.id, organisationId: f.orgs.physioA };
      await insertEntry(trx, { patientId: p, kind: 'exercise-therapy', date: start, data: {}, ...by });
      await insertEntry(trx, { patientId: p, kind: 'exercise-measurement', date: start, data: { chairStand30s: 10 }, ...by });
      await refreshPatients(trx, [p], today);
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it('gives the practice its patient with the next measurement, in the documented shape', async () => {
    const res = await get('/api/v1/practice/measurements', 'physiotherapist');
    expect(res.statusCode, res.body).toBe(200);
    const body = PracticeMeasurements.parse(res.json());
    expect(body.total).toBe(1);
    expect(body.items).toEqual([expect.objectContaining({ patientId: f.patients.adultA, name: 'Test AdultA', due: addMonths(start, 3), status: 'planned', therapyEnded: false, first: false })]);
  });

  it('refuses a nurse (audited) and anyone without a session', async () => {
    const refused = await get('/api/v1/practice/measurements', 'nurse');
    expect(refused.statusCode).toBe(403);
    expect(Problem.parse(refused.json()).type).toBe('/problems/forbidden');
    const audit = await sql<{ n: string }>`select count(*) as n from audit_event where resource = 'practice/measurements' and allowed = false and user_id = ${f.users.nurse.id}`.execute(t.store.db);
    expect(Number(audit.rows[0]?.n)).toBe(1);
    expect((await get('/api/v1/practice/measurements', 'patient')).statusCode).toBe(403);
    expect((await get('/api/v1/practice/measurements')).statusCode).toBe(401);
  });

  it('gives the hospital the same date with the record\'s follow-up', async () => {
    const res = await get(`/api/v1/patients/${f.patients.adultA}/follow-up`, 'nurse');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ measurement: unknown }>().measurement).toEqual({ due: addMonths(start, 3), status: 'planned', therapyEnded: null });
  });
});
