// The clinical record's use cases on both stores: facts recorded all or nothing with errors at the
// field, corrections kept as history, entries entered in error hidden from the Case, the merge
// moving facts and its undo moving them back, a signed assessment that a later fact does not
// rewrite, the end of care, and every read and write authorised and audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { freshStore, STORE_KINDS } from '../store/testing/stores.js';
import type { Store } from '../store/db.js';
import { buildFixture, type Fixture } from '../api/testing/fixture.js';
import { storeAuditor } from './auditor.js';
import type { Actor } from '../core/access/index.js';
import { AppError } from '../schema/problem.js';
import { addDays } from '../core/time/date.js';
import { todayNl } from '../schema/clock.js';
import {
  correctEntry, endCare, entryHistory, listAssessments, listEntries, markEnteredInError, openClinicalRecord, patientCase, patientEvaluation, recordFacts, resumeCare, signAssessment,
} from './record.js';
import { mergeDuplicate, unmergeRecord } from './patients.js';

const meta = { requestId: 'req-rec', clientIp: '192.0.2.9' };

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(() => undefined, (x: unknown) => x);
  if (!(e instanceof AppError)) throw new Error(`expected a refusal, got ${String(e)}`);
  return e;
}

describe.each(STORE_KINDS)('the clinical record on %s', (kind) => {
  let store: Store;
  let fx: Fixture;
  let nurse: Actor;
  let physician: Actor;
  let physio: Actor;
  let patient: string;
  const today = todayNl();
  const deps = () => ({ db: store.db, auditor: storeAuditor });
  const staff = (role: 'nurse' | 'physician' | 'physiotherapist', org: string): Actor => ({
    userId: fx.users[role].id, role, organisationId: org, organisationKind: role === 'physiotherapist' ? 'physiotherapy' : 'hospital', patientId: null,
  });
  const audits = async (action: string, patientId: string) =>
    (await sql<{ allowed: boolean; resource: string }>`select allowed, resource from audit_event where action = ${action} and patient_id = ${patientId} order by id`.execute(store.db)).rows;

  beforeAll(async () => {
    store = await freshStore(kind);
    fx = await buildFixture(store.db);
    nurse = staff('nurse', fx.orgs.hospA);
    physician = staff('physician', fx.orgs.hospA);
    physio = staff('physiotherapist', fx.orgs.physioA);
    patient = fx.patients.adultA;
  });
  afterAll(async () => {
    await store.close();
  });

  it('records a fracture with its provenance, and the Case holds it from its date on', async () => {
    const [f] = await recordFacts(deps(), { actor: nurse, meta, patientId: patient, resource: 'patient/record/fracture' }, [
      { kind: 'fracture', date: '2026-10-02', data: { site: 'wrist', side: 'left', highEnergy: false, department: 'SEH' } },
    ]);
    expect(f).toMatchObject({ kind: 'fracture', version: 1, status: 'active', source: 'clinician', recordedBy: 'Fixture nurse', data: { site: 'wrist', side: 'left' } });
    const c = await patientCase(deps(), { actor: nurse, meta, patientId: patient });
    expect(c.fractures).toEqual([{ date: '2026-10-02', site: 'wrist', highEnergy: false }]);
    expect((await patientCase(deps(), { actor: nurse, meta, patientId: patient, asOf: '2026-10-01' })).fractures).toBeUndefined();
    const ev = await patientEvaluation(deps(), { actor: physician, meta, patientId: patient, lang: 'en' });
    expect(ev.conclusions.find((x) => x.code === 'case-finding.dxa-indicated')?.value).toMatchObject({ indicated: true });
    expect((await audits('record.write', patient)).at(-1)).toEqual({ allowed: true, resource: 'patient/record/fracture' });
    expect((await audits('record.read', patient)).map((a) => a.resource)).toEqual(expect.arrayContaining(['patient/case', 'patient/evaluation']));
  });

  it('stores a scan all or nothing: one bad site refuses the whole scan, with the error at the field', async () => {
    const before = (await listEntries(deps(), { actor: nurse, meta, patientId: patient })).length;
    const e = await refusal(recordFacts(deps(), { actor: nurse, meta, patientId: patient, resource: 'patient/record/dxa' }, [
      { kind: 'dxa', date: today, data: { sites: [{ site: 'lumbar-spine', tScore: -2.7 }, { site: 'total-hip', tScore: -12 }] } },
    ]));
    expect(e.code).toBe('invalid-input');
    expect(e.errors.map((x) => x.pointer)).toEqual(['/sites/1/tScore']);
    const future = await refusal(recordFacts(deps(), { actor: nurse, meta, patientId: patient, resource: 'patient/record/dxa' }, [
      { kind: 'dxa', date: addDays(today, 1), data: { sites: [{ site: 'lumbar-spine', tScore: -1 }] } },
    ]));
    expect(future.errors.map((x) => x.pointer)).toEqual(['/date']);
    expect((await listEntries(deps(), { actor: nurse, meta, patientId: patient })).length).toBe(before);
  });

  it('keeps the old value when a fact is corrected, and hides an entry entered in error without deleting it', async () => {
    const [w] = await recordFacts(deps(), { actor: nurse, meta, patientId: patient, resource: 'patient/record/entry' }, [{ kind: 'weight', date: '2026-09-01', data: { kg: 58 } }]);
    if (!w) throw new Error('no entry');
    const fixed = await correctEntry(deps(), { actor: physician, meta, patientId: patient, entryId: w.id }, { data: { kg: 68 }, reason: 'typo: 58 for 68' });
    expect(fixed).toMatchObject({ id: w.id, version: 2, data: { kg: 68 }, reason: 'typo: 58 for 68', recordedBy: 'Fixture physician' });
    expect((await patientCase(deps(), { actor: nurse, meta, patientId: patient })).person.weightKg).toBe(68);
    const bad = await refusal(correctEntry(deps(), { actor: physician, meta, patientId: patient, entryId: w.id }, { data: { kg: -1 }, reason: 'x' }));
    expect(bad.errors.map((x) => x.pointer)).toEqual(['/data/kg']);

    const gone = await markEnteredInError(deps(), { actor: nurse, meta, patientId: patient, entryId: w.id }, 'wrong patient');
    expect(gone).toMatchObject({ version: 3, status: 'entered-in-error' });
    expect((await patientCase(deps(), { actor: nurse, meta, patientId: patient })).person.weightKg).toBeUndefined();
    expect((await listEntries(deps(), { actor: nurse, meta, patientId: patient })).some((x) => x.id === w.id)).toBe(false);
    expect((await listEntries(deps(), { actor: nurse, meta, patientId: patient }, { withErrors: true })).find((x) => x.id === w.id)?.status).toBe('entered-in-error');
    const history = await entryHistory(deps(), { actor: nurse, meta, patientId: patient, entryId: w.id });
    expect(history.map((h) => [h.version, h.status, h.data.kg])).toEqual([[1, 'active', 58], [2, 'active', 68], [3, 'entered-in-error', 68]]);
    const again = await refusal(correctEntry(deps(), { actor: nurse, meta, patientId: patient, entryId: w.id }, { data: { kg: 70 }, reason: 'x' }));
    expect(again.code).toBe('conflict');
  });

  it('refuses other organisations and roles that may not write, and audits the attempt', async () => {
    const other = staff('nurse', fx.orgs.hospB);
    const e = await refusal(recordFacts(deps(), { actor: other, meta, patientId: patient, resource: 'patient/record/fracture' }, [{ kind: 'fracture', date: today, data: { site: 'hip' } }]));
    expect(e.code).toBe('forbidden');
    const p = await refusal(recordFacts(deps(), { actor: physio, meta, patientId: patient, resource: 'patient/record/fracture' }, [{ kind: 'fracture', date: today, data: { site: 'hip' } }]));
    expect(p.code).toBe('forbidden');
    expect((await audits('record.write', patient)).filter((a) => !a.allowed && a.resource === 'patient/record/fracture')).toHaveLength(2);
    // The physiotherapist the patient was referred to may read the record.
    expect((await patientCase(deps(), { actor: physio, meta, patientId: patient })).fractures).toHaveLength(1);
    await expect(patientCase(deps(), { actor: other, meta, patientId: patient })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('keeps what the core concluded at signing, whatever is recorded after', async () => {
    const signed = await signAssessment(deps(), { actor: physician, meta, patientId: patient, lang: 'nl', note: 'besproken' });
    expect(signed).toMatchObject({ asOf: today, signedBy: 'Fixture physician', signedRole: 'physician', note: 'besproken' });
    expect(signed.rulesVersion).toMatch(/^\d{4}\./);
    const dxaBefore = signed.evaluation.conclusions.find((c) => c.code === 'bmd.category');
    await recordFacts(deps(), { actor: nurse, meta, patientId: patient, resource: 'patient/record/dxa' }, [{ kind: 'dxa', date: today, data: { sites: [{ site: 'femoral-neck', tScore: -3.1 }] } }]);
    const [kept] = await listAssessments(deps(), { actor: nurse, meta, patientId: patient, lang: 'en' });
    expect(kept?.evaluation.conclusions.find((c) => c.code === 'bmd.category')).toEqual(expect.objectContaining({ value: dxaBefore?.value ?? null }));
    const now = await patientEvaluation(deps(), { actor: nurse, meta, patientId: patient, lang: 'en' });
    expect(now.conclusions.find((c) => c.code === 'bmd.category')?.value).toMatchObject({ score: -3.1, site: 'femoral-neck' });
    await expect(signAssessment(deps(), { actor: physio, meta, patientId: patient, lang: 'nl' })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('moves the facts with a merge and back with its undo', async () => {
    const dup = fx.patients.adultA === patient ? await store.db
      .insertInto('patient')
      .values({ family_name: 'AdultA', given_name: 'Test', birth_date: '1956-05-05', sex: 'female', bsn: null, phone: null, email: null, gp_practice: null, pathway_stage: 'case-finding' })
      .returning('id').executeTakeFirstOrThrow() : undefined;
    if (!dup) throw new Error('no duplicate');
    await store.db.insertInto('patient_organisation').values({ patient_id: dup.id, organisation_id: fx.orgs.hospA, relation: 'care' }).execute();
    const [f] = await recordFacts(deps(), { actor: nurse, meta, patientId: dup.id, resource: 'patient/record/fracture' }, [{ kind: 'fracture', date: '2026-01-05', data: { site: 'rib' } }]);
    await mergeDuplicate(deps(), nurse, meta, patient, dup.id);
    const merged = await listEntries(deps(), { actor: nurse, meta, patientId: patient });
    expect(merged.some((e) => e.id === f?.id)).toBe(true);
    await expect(recordFacts(deps(), { actor: nurse, meta, patientId: dup.id, resource: 'patient/record/fracture' }, [{ kind: 'fracture', date: today, data: { site: 'rib' } }]))
      .rejects.toMatchObject({ code: 'conflict' });
    await unmergeRecord(deps(), nurse, meta, dup.id);
    expect((await listEntries(deps(), { actor: nurse, meta, patientId: patient })).some((e) => e.id === f?.id)).toBe(false);
    expect((await listEntries(deps(), { actor: nurse, meta, patientId: dup.id })).map((e) => e.id)).toEqual([f?.id]);
  });

  it('ends care with a reason, refuses new facts then, and resumes with the end kept', async () => {
    const child = fx.patients.adultB;
    const nurseB = staff('nurse', fx.orgs.hospB);
    const ended = await endCare(deps(), { actor: nurseB, meta, patientId: child, reason: 'transferred-to-gp', date: today, note: 'huisarts neemt over' });
    expect(ended).toMatchObject({ reason: 'transferred-to-gp', date: today, endedBy: 'Fixture nurse' });
    await expect(endCare(deps(), { actor: nurseB, meta, patientId: child, reason: 'moved', date: today })).rejects.toMatchObject({ code: 'conflict' });
    await expect(recordFacts(deps(), { actor: nurseB, meta, patientId: child, resource: 'patient/record/fracture' }, [{ kind: 'fracture', date: today, data: { site: 'rib' } }]))
      .rejects.toMatchObject({ code: 'conflict' });
    expect((await openClinicalRecord(deps(), { actor: nurseB, meta, patientId: child, lang: 'nl' })).careEnd?.reason).toBe('transferred-to-gp');
    await resumeCare(deps(), { actor: nurseB, meta, patientId: child });
    expect((await openClinicalRecord(deps(), { actor: nurseB, meta, patientId: child, lang: 'nl' })).careEnd).toBeNull();
    const rows = await store.db.selectFrom('care_end').select(['reason', 'resumed_at']).where('patient_id', '=', child).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.resumed_at).not.toBeNull();
  });
});
