// The progress of exercise therapy on both stores: the record's measurements scored by the core,
// read by the practice of the accepted referral, the hospital and the patient, refused to another
// practice and a hospital without the patient, every read audited; the report read back with
// pdftotext names the patient, the scores with their cut-offs, the change, the goals and what is next.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { freshStore, STORE_KINDS } from '../store/testing/stores.js';
import { inTransaction, type Store } from '../store/db.js';
import { buildFixture, type Fixture } from '../api/testing/fixture.js';
import { pdfText } from '../api/testing/pdf-text.js';
import { insertEntry } from '../store/record.repo.js';
import { insertIntake } from '../store/therapy-intake.repo.js';
import type { Actor } from '../core/access/index.js';
import { AppError } from '../schema/problem.js';
import { addDays, addMonths } from '../core/time/date.js';
import { todayNl } from '../schema/clock.js';
import { storeAuditor } from './auditor.js';
import { progressReport, therapyProgress } from './therapy-progress.js';

const meta = { requestId: 'req-progress', clientIp: '192.0.2.10' };

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(() => undefined, (x: unknown) => x);
  if (!(e instanceof AppError)) throw new Error(`expected a refusal, got ${String(e)}`);
  return e;
}

describe.each(STORE_KINDS)('the progress of exercise therapy on %s', (kind) => {
  let store: Store;
  let fx: Fixture;
  const today = todayNl();
  const start = addMonths(today, -7);
  const deps = () => ({ db: store.db, auditor: storeAuditor });
  const staff = (role: 'nurse' | 'physiotherapist', org: string, kindOf: 'hospital' | 'physiotherapy'): Actor => ({
    userId: fx.users[role].id, role, organisationId: org, organisationKind: kindOf, patientId: null,
  });
  const audits = async (patientId: string) =>
    (await sql<{ allowed: boolean; resource: string; action: string }>`select allowed, resource, action from audit_event where patient_id = ${patientId} and resource like 'patient/therapy-progress%' order by id`.execute(store.db)).rows;

  beforeAll(async () => {
    store = await freshStore(kind);
    fx = await buildFixture(store.db);
    const p = fx.patients.adultA;
    const put = (k: 'exercise-measurement' | 'exercise-therapy', date: string, data: object) =>
      insertEntry(store.db, { patientId: p, kind: k, date, data, source: 'clinician', by: fx.users.physiotherapist.id, organisationId: fx.orgs.physioA });
    await put('exercise-therapy', start, { end: addMonths(start, 4) });
    await put('exercise-measurement', addMonths(start, 0), {
      sppb: { sideBySideSeconds: 10, semiTandemSeconds: 4, gait4mSeconds: 7, chairStand5Seconds: 15 }, tugSeconds: 16.4, gaitSpeedMps: 0.72, chairStand30s: 7,
      stepsPerDay: 2800, psk: [{ activity: 'Trap lopen', score: 8 }], goals: [{ goal: 'Elke dag 4000 stappen', status: 'kept' }],
    });
    await put('exercise-measurement', addMonths(start, 3), {
      sppb: { sideBySideSeconds: 10, semiTandemSeconds: 10, tandemSeconds: 6, gait4mSeconds: 5.5, chairStand5Seconds: 12.5 }, tugSeconds: 12.8, gaitSpeedMps: 0.91, chairStand30s: 11,
      steps: [{ date: addDays(addMonths(start, 3), -2), steps: 4200 }, { date: addDays(addMonths(start, 3), -1), steps: 4400 }],
      psk: [{ activity: 'Trap lopen', score: 4 }], goals: [{ goal: 'Elke dag 4000 stappen', status: 'reached' }, { goal: 'Zelf boodschappen doen', status: 'kept' }],
    });
    await put('exercise-measurement', addMonths(start, 6), { tugSeconds: 11.9, fesI: [2, 2, 1, 2, 1, 2, 1] });
    await inTransaction(store.db, (trx) => insertIntake(trx, {
      patientId: p, organisationId: fx.orgs.physioA, date: start, data: {}, goals: [{ what: 'Wandelen', howMuch: '5000 stappen per dag', by: addMonths(start, 6) }], psk: [], by: fx.users.physiotherapist.id,
    }));
  });
  afterAll(async () => {
    await store.close();
  });

  it('the practice reads the core\'s scores, the goals as they now stand and the next measurement, after the therapy ended', async () => {
    const physio = staff('physiotherapist', fx.orgs.physioA, 'physiotherapy');
    const v = await therapyProgress(deps(), { actor: physio, meta, patientId: fx.patients.adultA });
    const p = v.progress;
    expect(v.patient.id).toBe(fx.patients.adultA);
    expect(p.count).toBe(3);
    // SPPB 1 + 2 + 2 = 5 (low), then 3 + 3 + 3 = 9 (intermediate).
    expect(p.series.sppb.points.map((x) => x.value)).toEqual([5, 9]);
    expect(p.series.tug.points.map((x) => x.verdict)).toEqual([{ kind: 'tug', slow: true }, { kind: 'tug', slow: false }, { kind: 'tug', slow: false }]);
    expect(p.series.steps.points.map((x) => x.value)).toEqual([2800, 4300]);
    // The 4000-steps goal was reached, so the intake's own 5000 a day is the yardstick now.
    expect(p.stepsGoal?.steps).toBe(5000);
    expect(p.goals.map((g) => [g.goal, g.status])).toEqual([['Elke dag 4000 stappen', 'reached'], ['Zelf boodschappen doen', 'kept']]);
    expect(p.psk[0]?.points.at(-1)).toMatchObject({ score: 4, change: -4 });
    expect(p.therapy).toMatchObject({ start, ended: true });
    expect(p.next?.due).toBe(addMonths(addMonths(start, 6), 3));
    expect(await audits(fx.patients.adultA)).toEqual([{ allowed: true, resource: 'patient/therapy-progress', action: 'record.read' }]);
  });

  it('the hospital and the patient read it; another practice and another hospital are refused, and the refusal is audited', async () => {
    const nurse = staff('nurse', fx.orgs.hospA, 'hospital');
    expect((await therapyProgress(deps(), { actor: nurse, meta, patientId: fx.patients.adultA })).progress.count).toBe(3);
    const patient: Actor = { userId: fx.users.patient.id, role: 'patient', organisationId: null, organisationKind: null, patientId: fx.patients.adultA };
    expect((await therapyProgress(deps(), { actor: patient, meta, patientId: fx.patients.adultA })).progress.series.sppb.points).toHaveLength(2);
    const otherPractice: Actor = { ...staff('physiotherapist', fx.orgs.physioB, 'physiotherapy') };
    const otherHospital: Actor = { ...staff('nurse', fx.orgs.hospB, 'hospital') };
    for (const actor of [otherPractice, otherHospital]) {
      const e = await refusal(therapyProgress(deps(), { actor, meta, patientId: fx.patients.adultA }));
      expect(['forbidden', 'not-found']).toContain(e.code);
    }
    expect((await refusal(therapyProgress(deps(), { actor: nurse, meta, patientId: '6f1c3c0e-7d2a-4a47-9d51-0c8a7c1e2b3d' }))).code).toBe('not-found');
    const refused = (await audits(fx.patients.adultA)).filter((a) => !a.allowed);
    expect(refused).toHaveLength(2);
  });

  it('prints the report for the referrer and the GP: the patient, the scores with their cut-offs and change, the goals and what is next', async () => {
    const physio = staff('physiotherapist', fx.orgs.physioA, 'physiotherapy');
    const { pdf } = await progressReport(deps(), { actor: physio, meta, patientId: fx.patients.adultA, lang: 'nl', helpPhone: '088 000 0000' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    expect(text).toContain('Voortgangsverslag oefentherapie');
    expect(text).toContain('Test AdultA, geboren 05-05-1956');
    expect(text).toContain('Physio A');
    expect(text).toMatch(/SPPB/);
    expect(text).toContain('Meer dan 15 seconden is traag');
    expect(text).toContain('16,4 s');
    expect(text).toContain('−3,6 (beter)');
    expect(text).toContain('9 punten middel +4 (beter)');
    expect(text).toContain('Elke dag 4000 stappen: gehaald');
    expect(text).toContain('Volgende meting');
    expect(text).toContain('Ook na het einde van de begeleide therapie meten we elke 3 maanden.');
    const en = pdfText((await progressReport(deps(), { actor: physio, meta, patientId: fx.patients.adultA, lang: 'en', helpPhone: '088' })).pdf).replace(/\s+/g, ' ');
    expect(en).toContain('Exercise therapy progress report');
    expect(en).toContain('More than 15 seconds is slow');
    expect((await audits(fx.patients.adultA)).filter((a) => a.resource === 'patient/therapy-progress/report')).toHaveLength(2);
  });
});
