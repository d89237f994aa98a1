// The measurements of exercise therapy on the practice's worklist, on both stores: the practice
// that took the patient on sees the next measurement (clinical-rules.md §13 measure.due), another
// practice and the hospital's worklist do not; the period ending keeps it planned and due; the
// referral ending takes it off; the hospital's nurse reads it in the record's follow-up, the
// patient on their plan. Entries go in through the record repository (the therapy's own routes
// are another part), then the worklist is re-derived as every write does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { freshStore, STORE_KINDS } from '../store/testing/stores.js';
import { inTransaction, type Store } from '../store/db.js';
import { buildFixture, type Fixture } from '../api/testing/fixture.js';
import { insertUser } from '../store/accounts.repo.js';
import { addVersion, currentEntries, insertEntry } from '../store/record.repo.js';
import { closeDoor } from '../store/referral.repo.js';
import type { Actor } from '../core/access/index.js';
import { addDays, addMonths } from '../core/time/date.js';
import { todayNl } from '../schema/clock.js';
import { storeAuditor } from './auditor.js';
import { listWorklist } from './worklist.js';
import { rederiveAll, refreshPatients } from './worklist-derive.js';
import { practiceMeasurements } from './measure-due.js';
import { followUp } from './follow-up.js';
import { myPlan } from './my-plan.js';

const meta = { requestId: 'req-md', clientIp: '192.0.2.11' };

describe.each(STORE_KINDS)('the measurements on the practice\'s worklist on %s', (kind) => {
  let store: Store;
  let fx: Fixture;
  let physio: Actor;
  let otherPhysio: Actor;
  let nurse: Actor;
  const today = todayNl();
  const start = addDays(today, -200);
  const deps = () => ({ db: store.db, auditor: storeAuditor });

  beforeAll(async () => {
    store = await freshStore(kind);
    fx = await buildFixture(store.db);
    physio = { userId: fx.users.physiotherapist.id, role: 'physiotherapist', organisationId: fx.orgs.physioA, organisationKind: 'physiotherapy', patientId: null };
    const otherId = await insertUser(store.db, { role: 'physiotherapist', organisationId: fx.orgs.physioB, patientId: null, email: 'physio-b@fixture.test', displayName: 'Physio B', passwordHash: 'x', status: 'active' });
    otherPhysio = { userId: otherId, role: 'physiotherapist', organisationId: fx.orgs.physioB, organisationKind: 'physiotherapy', patientId: null };
    nurse = { userId: fx.users.nurse.id, role: 'nurse', organisationId: fx.orgs.hospA, organisationKind: 'hospital', patientId: null };
  });
  afterAll(async () => {
    await store.close();
  });

  /** Writes entries as the practice would and re-derives the worklist in the same transaction, as every write does. */
  const write = (patientId: string, work: (db: Parameters<typeof refreshPatients>[0]) => Promise<unknown>) =>
    inTransaction(store.db, async (trx) => {
      await work(trx);
      await refreshPatients(trx, [patientId], today);
    });
  const entry = (patientId: string, kind: 'exercise-therapy' | 'exercise-measurement', date: string, data: object) =>
    ({ patientId, kind, date, data, source: 'clinician' as const, by: fx.users.physiotherapist.id, organisationId: fx.orgs.physioA });

  it('shows the practice its patient\'s next measurement, 3 months after the last one, overdue once past the grace days', async () => {
    const p = fx.patients.adultA;
    expect((await practiceMeasurements(deps(), { actor: physio, meta })).items).toEqual([]);
    await write(p, async (db) => {
      await insertEntry(db, entry(p, 'exercise-therapy', start, {}));
      await insertEntry(db, entry(p, 'exercise-measurement', start, { chairStand30s: 8 }));
    });
    const list = await practiceMeasurements(deps(), { actor: physio, meta });
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ patientId: p, name: 'Test AdultA', due: addMonths(start, 3), status: 'overdue', therapyEnded: false, first: false });
    expect(list.total).toBe(1);
    const audited = await sql<{ n: string }>`select count(*) as n from audit_event where action = 'patient.list' and resource = 'practice/measurements' and patient_id = ${p}`.execute(store.db);
    expect(Number(audited.rows[0]?.n)).toBeGreaterThanOrEqual(1);
  });

  it('keeps the hospital\'s worklist free of measurements, and another practice sees nothing of them', async () => {
    const hospital = await listWorklist(deps(), nurse, meta, { sort: 'due', limit: 200 });
    expect(hospital.items.filter((i) => i.step === 'measurement')).toEqual([]);
    expect(hospital.counts.measurement).toBeUndefined();
    expect((await practiceMeasurements(deps(), { actor: otherPhysio, meta })).items).toEqual([]);
    const rows = await store.db.selectFrom('worklist_item').select(['organisation_id', 'step']).where('patient_id', '=', fx.patients.adultA).where('step', '=', 'measurement').execute();
    expect(rows).toEqual([{ organisation_id: fx.orgs.physioA, step: 'measurement' }]);
  });

  it('after the therapy period ends, a new measurement plans the next one 3 months on, and it stays on the list', async () => {
    const p = fx.patients.adultA;
    const measured = addDays(today, -20);
    const end = addDays(today, -10);
    await write(p, async (db) => {
      await insertEntry(db, entry(p, 'exercise-measurement', measured, { chairStand30s: 10 }));
      const [therapy] = await currentEntries(db, p, { kinds: ['exercise-therapy'] });
      if (!therapy) throw new Error('no therapy entry');
      await addVersion(db, therapy, { date: start, data: { end }, status: 'active', reason: 'period ended', by: fx.users.physiotherapist.id, organisationId: fx.orgs.physioA, source: 'clinician' });
    });
    const [item] = (await practiceMeasurements(deps(), { actor: physio, meta })).items;
    expect(item).toMatchObject({ patientId: p, due: addMonths(measured, 3), status: 'planned', therapyEnded: true });
    // The daily run gives the same.
    await rederiveAll(store.db, today, { batch: 50 });
    expect((await practiceMeasurements(deps(), { actor: physio, meta })).items[0]).toMatchObject({ due: addMonths(measured, 3), status: 'planned', therapyEnded: true });
  });

  it('shows the hospital\'s nurse the next measurement in the record\'s follow-up, and the patient on their plan', async () => {
    const p = fx.patients.adultA;
    const measured = addDays(today, -20);
    const view = await followUp(deps(), { actor: nurse, meta, patientId: p });
    expect(view.measurement).toEqual({ due: addMonths(measured, 3), status: 'planned', therapyEnded: addDays(today, -10) });
    const patient: Actor = { userId: fx.users.patient.id, role: 'patient', organisationId: null, organisationKind: null, patientId: p };
    const plan = await myPlan(deps(), { actor: patient, meta, patientId: p, lang: 'nl' });
    expect(plan.nextMeasurement).toEqual({ due: addMonths(measured, 3), status: 'planned', therapyEnded: addDays(today, -10) });
  });

  it('takes the measurement off the practice\'s list once the referral ends', async () => {
    const p = fx.patients.adultA;
    await write(p, (db) => closeDoor(db, p, fx.orgs.physioA));
    expect((await practiceMeasurements(deps(), { actor: physio, meta })).items).toEqual([]);
    const rows = await store.db.selectFrom('worklist_item').select('step').where('patient_id', '=', p).where('step', '=', 'measurement').execute();
    expect(rows).toEqual([]);
  });

  it('refuses the list to anyone but a practice\'s physiotherapist, and audits the refusal', async () => {
    await expect(practiceMeasurements(deps(), { actor: nurse, meta })).rejects.toMatchObject({ code: 'forbidden' });
    const refused = await sql<{ n: string }>`select count(*) as n from audit_event where action = 'patient.list' and resource = 'practice/measurements' and allowed = false and user_id = ${nurse.userId}`.execute(store.db);
    expect(Number(refused.rows[0]?.n)).toBe(1);
  });
});
