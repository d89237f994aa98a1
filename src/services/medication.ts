// Use cases of the medication plan: prescribing behind the core's safety gate, recording a dose,
// stopping or switching behind the sequencing guardrails, planning a follow-on, and reading the
// courses with their doses. Every one goes through services/access.ts (authorise, audit, one
// transaction, the worklist re-derived); a refused gate stores nothing and says which of the core's
// reasons stood in the way. Physicians prescribe, stop and override (`medication.prescribe`);
// nurses and physicians record doses (`record.write`).
import { regimenFor, CATALOGUE } from '../core/medication/catalogue.js';
import { drugSafety } from '../core/medication/safety.rule.js';
import { prescriptionGate, stopGate, type PrescriptionGate } from '../core/medication/gate.js';
import type { Case, Drug, Medication } from '../core/case.schema.js';
import { authorize } from '../core/access/index.js';
import { evaluate, type Evaluation } from '../core/evaluate.js';
import type { SequenceReason } from '../core/record/lists.js';
import type { EntryData } from '../core/record/entries.js';
import { PRESCRIBE_AHEAD_MONTHS } from '../core/record/entries.js';
import { addMonths, compareDates } from '../core/time/date.js';
import { todayNl } from '../schema/clock.js';
import { AppError } from '../schema/problem.js';
import type { DoseInput, MedicationStop, MedicationView, PlannedMedicationInput, PlannedMedicationView, PrescriptionInput } from '../schema/medication.schema.js';
import { readWithPatient, withPatient, type AccessDeps, type EntryRow, type PatientRecords } from './access.js';
import { caseOn, checkFacts, refuseClosed, type Ask, type Lang } from './record.js';
import { settingsForOrganisation } from './settings.js';
import type { Db, Tx } from '../store/db.js';

type MedData = EntryData['medication'];
type DoseData = EntryData['medication-dose'];

const KINDS = ['medication', 'medication-dose', 'planned-medication'] as const;

function statusOf(start: string, end: string | null, today: string): MedicationView['status'] {
  if (compareDates(start, today) > 0) return 'prescribed';
  return end !== null && compareDates(end, today) < 0 ? 'stopped' : 'current';
}

/** The courses of the record with their doses: a dose belongs to the course it names, or (recorded before doses named one) to the course of its drug that ran on its day. */
export function medicationViews(rows: readonly EntryRow[], today: string, first: ReadonlyMap<string, { by: string | null; at: string }> = new Map()): MedicationView[] {
  const meds = rows.filter((r) => r.kind === 'medication' && r.status === 'active');
  const doses = rows.filter((r) => r.kind === 'medication-dose' && r.status === 'active');
  return meds
    .map((m) => {
      const d = m.data as MedData;
      const end = d.end ?? null;
      const own = doses.filter((x) => {
        const dd = x.data as DoseData;
        if (dd.medicationId !== undefined) return dd.medicationId === m.entry_id;
        return dd.drug === d.drug && compareDates(x.clinical_date, m.clinical_date) >= 0 && (end === null || compareDates(x.clinical_date, end) <= 0);
      });
      const regimen = regimenFor(d.drug, d.route);
      return {
        id: m.entry_id, drug: d.drug, atc: CATALOGUE[d.drug].atc, route: d.route ?? regimen?.route ?? null, start: m.clinical_date, end,
        stopReason: d.stopReason ?? null, status: statusOf(m.clinical_date, end, today),
        regimen: regimen ? { dose: regimen.dose, interval: regimen.interval, route: regimen.route, instructions: [...regimen.instructions] } : null,
        acknowledgedCautions: d.acknowledgedCautions ?? [], override: d.override ?? null, stopOverride: d.stopOverride ?? null,
        // A stop is a later version by whoever stopped it: the prescription is the first version's.
        prescribedBy: first.get(m.entry_id)?.by ?? m.recorded_by_name, prescribedAt: first.get(m.entry_id)?.at ?? m.recorded_at, version: m.version,
        doses: own
          .map((x) => {
            const dd = x.data as DoseData;
            return { id: x.entry_id, date: x.clinical_date, administeredBy: dd.administeredBy ?? null, location: dd.location ?? null, batch: dd.batch ?? null, recordedBy: x.recorded_by_name, recordedAt: x.recorded_at };
          })
          .sort((a, b) => compareDates(a.date, b.date)),
      } satisfies MedicationView;
    })
    .sort((a, b) => compareDates(b.start, a.start));
}

function blockedProblem(g: PrescriptionGate, overridable: boolean): AppError {
  const detail = overridable
    ? `The safety checks block ${g.drug} as of ${g.checkedOn}; a physician may prescribe it with an override reason.`
    : `The safety checks block ${g.drug} as of ${g.checkedOn}, for a reason no override lifts.`;
  return new AppError('medication-blocked', detail, [{ pointer: '/drug', detail: `blocked: ${g.blocking.join(', ')}` }], {
    extra: { reasons: g.blocking, overridable, checkedOn: g.checkedOn },
  });
}

/**
 * The gate's decision for a prescription: refused (nothing stored) when a block stands without an
 * override, when a block no override lifts stands, or when cautions were not acknowledged.
 */
export function decideGate(g: PrescriptionGate, input: Pick<PrescriptionInput, 'acknowledgeCautions' | 'override'>): Pick<MedData, 'acknowledgedCautions' | 'override'> {
  if (g.absolute.length > 0) throw blockedProblem({ ...g, blocking: g.absolute }, false);
  if (g.blocking.length > 0 && input.override === undefined) throw blockedProblem(g, true);
  if (g.cautions.length > 0 && input.acknowledgeCautions !== true) {
    throw new AppError('medication-caution', `The safety checks give ${g.drug} a caution as of ${g.checkedOn}: acknowledge it to prescribe.`,
      [{ pointer: '/acknowledgeCautions', detail: `acknowledge: ${g.cautions.join(', ')}` }], { extra: { reasons: g.cautions, checkedOn: g.checkedOn } });
  }
  return {
    ...(g.cautions.length > 0 ? { acknowledgedCautions: g.cautions } : {}),
    ...(g.blocking.length > 0 && input.override ? { override: { reason: input.override.reason, reasons: g.blocking } } : {}),
  };
}

function checkRoute(drug: Drug, route: Medication['route']): void {
  const routes = CATALOGUE[drug].regimens.map((r) => r.route);
  if (route !== undefined && !routes.includes(route)) {
    throw new AppError('invalid-input', 'The route does not fit the drug.', [{ pointer: '/route', detail: `${drug} is given ${routes.join(' or ')}` }]);
  }
  if (route === undefined && routes.length > 1) {
    throw new AppError('invalid-input', 'Say how the drug is given.', [{ pointer: '/route', detail: `${drug} is given ${routes.join(' or ')}: say which` }]);
  }
}

/** One current, active medication entry of the record, locked for a new version. */
async function lockedCourse(db: Tx, records: PatientRecords, patientId: string, medicationId: string): Promise<EntryRow & { data: MedData }> {
  const row = await records.clinical.lockCurrentEntry(db, patientId, medicationId);
  if (!row || row.kind !== 'medication') throw new AppError('not-found', 'This record has no such medication.', [{ pointer: '/params/medicationId', detail: 'no such medication in this record' }]);
  if (row.status === 'entered-in-error') throw new AppError('conflict', 'This medication was marked entered in error.', [{ pointer: '/params/medicationId', detail: 'entered in error' }]);
  return row as EntryRow & { data: MedData };
}

/** The first versions of the courses that were changed since (stopped): who prescribed them. */
async function firstOf(db: Db, records: PatientRecords, patientId: string, rows: readonly EntryRow[]) {
  return records.clinical.firstVersions(db, patientId, rows.filter((r) => r.kind === 'medication' && r.version > 1).map((r) => r.entry_id));
}

/** Prescribes a course: the core's safety checks run first; a refusal stores nothing. */
export async function prescribe(deps: AccessDeps, ask: Ask, input: PrescriptionInput): Promise<MedicationView> {
  checkRoute(input.drug, input.route);
  const today = todayNl();
  if (compareDates(input.start, addMonths(today, PRESCRIBE_AHEAD_MONTHS)) > 0) {
    throw new AppError('invalid-input', 'A prescription starts within a year.', [{ pointer: '/start', detail: `lies more than ${String(PRESCRIBE_AHEAD_MONTHS)} months ahead` }]);
  }
  return withPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'medication.prescribe', resource: 'patient/medication', patientId: ask.patientId }, async ({ db, row, records }) => {
    await refuseClosed(db, records, row);
    const c = await caseOn(db, records, row, today);
    // Courses prescribed ahead count too: the Case reads those as plans, the entries hold them as courses.
    const running = (await records.clinical.currentEntries(db, row.id, { kinds: ['medication'] })).find((m) => {
      const d = m.data as MedData;
      return d.drug === input.drug && (d.end === undefined || compareDates(d.end, input.start) >= 0);
    });
    if (running) {
      throw new AppError('conflict', `A course of ${input.drug} from ${running.clinical_date} is still in the record; stop it before a new one starts.`, [{ pointer: '/drug', detail: `already prescribed from ${running.clinical_date}` }]);
    }
    const gate = prescriptionGate(c, { drug: input.drug, start: input.start, ...(input.route ? { route: input.route } : {}) }, today);
    const kept = decideGate(gate, input);
    const data: MedData = { drug: input.drug, ...(input.route ? { route: input.route } : {}), ...kept };
    const [fact] = checkFacts([{ kind: 'medication', date: input.start, data }], { flat: true, indexed: false });
    if (!fact) throw new Error('a checked prescription went missing');
    const [saved] = await records.clinical.insertEntries(db, [{ patientId: row.id, kind: 'medication', date: fact.date, data: fact.data, source: 'clinician', by: ask.actor.userId, organisationId: ask.actor.organisationId }]);
    if (!saved) throw new Error('a stored prescription went missing');
    return medicationViews([saved], today)[0] as MedicationView;
  });
}

/** Records one dose of a course: on or after its start, not after its end, not in the future; the batch only for an injection or infusion. */
export async function recordDose(deps: AccessDeps, ask: Ask & { medicationId: string }, input: DoseInput): Promise<MedicationView['doses'][number]> {
  return withPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'record.write', resource: 'patient/medication/dose', patientId: ask.patientId }, async ({ db, row, records }) => {
    await refuseClosed(db, records, row);
    const course = await lockedCourse(db, records, row.id, ask.medicationId);
    const route = course.data.route ?? regimenFor(course.data.drug, undefined)?.route;
    const bad: { pointer: string; detail: string }[] = [];
    if (compareDates(input.date, course.clinical_date) < 0) bad.push({ pointer: '/date', detail: `lies before the start of this course (${course.clinical_date})` });
    if (course.data.end !== undefined && compareDates(input.date, course.data.end) > 0) bad.push({ pointer: '/date', detail: `lies after the end of this course (${course.data.end})` });
    if (input.batch !== undefined && route === 'oral') bad.push({ pointer: '/batch', detail: 'a tablet has no batch recorded here; only injections and infusions' });
    if (bad.length > 0) throw new AppError('invalid-input', 'The dose does not fit its course.', bad);
    // Romosozumab's twelve doses are a lifetime limit (§7): the thirteenth is refused as a prescription past it would be.
    const c = await caseOn(db, records, row, input.date);
    const limit = drugSafety(c, course.data.drug).blocks.includes('lifetime-limit-reached');
    if (limit) {
      throw new AppError('medication-blocked', `The lifetime limit of ${course.data.drug} is reached; no further dose is recorded.`, [{ pointer: '/params/medicationId', detail: 'blocked: lifetime-limit-reached' }], {
        extra: { reasons: ['lifetime-limit-reached'], overridable: false, checkedOn: input.date },
      });
    }
    const data: DoseData = {
      drug: course.data.drug, medicationId: course.entry_id,
      ...(input.administeredBy !== undefined ? { administeredBy: input.administeredBy } : {}),
      ...(input.location !== undefined ? { location: input.location } : {}),
      ...(input.batch !== undefined ? { batch: input.batch } : {}),
    };
    const [fact] = checkFacts([{ kind: 'medication-dose', date: input.date, data }], { flat: true, indexed: false });
    if (!fact) throw new Error('a checked dose went missing');
    const [saved] = await records.clinical.insertEntries(db, [{ patientId: row.id, kind: 'medication-dose', date: fact.date, data: fact.data, source: 'clinician', by: ask.actor.userId, organisationId: ask.actor.organisationId }]);
    if (!saved) throw new Error('a stored dose went missing');
    return { id: saved.entry_id, date: saved.clinical_date, administeredBy: data.administeredBy ?? null, location: data.location ?? null, batch: data.batch ?? null, recordedBy: saved.recorded_by_name, recordedAt: saved.recorded_at };
  });
}

/**
 * Stops a course (a switch is a stop and a new prescription). Stopping denosumab or an anabolic
 * without the follow-on in place is refused unless a physician gives the reason to stop anyway.
 */
export async function stopMedication(deps: AccessDeps, ask: Ask & { medicationId: string }, input: MedicationStop): Promise<MedicationView> {
  const today = todayNl();
  return withPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'medication.prescribe', resource: 'patient/medication/stop', patientId: ask.patientId }, async ({ db, row, records }) => {
    if (row.merged_into) throw new AppError('conflict', 'This record was merged into another one; stop the medication there.', [{ pointer: '/params/id', detail: 'is a merged record' }]);
    const course = await lockedCourse(db, records, row.id, ask.medicationId);
    if (course.data.end !== undefined) throw new AppError('conflict', `This course already stopped on ${course.data.end}.`, [{ pointer: '/params/medicationId', detail: `stopped on ${course.data.end}` }]);
    const c = await caseOn(db, records, row, today);
    const med = (c.medications ?? []).find((m) => m.drug === course.data.drug && m.start === course.clinical_date && m.end === undefined);
    const bad: { pointer: string; detail: string }[] = [];
    if (compareDates(input.end, course.clinical_date) < 0) bad.push({ pointer: '/end', detail: `lies before the start (${course.clinical_date})` });
    const lastDose = med?.doses?.at(-1);
    if (lastDose !== undefined && compareDates(input.end, lastDose) < 0) bad.push({ pointer: '/end', detail: `lies before the last dose (${lastDose})` });
    if (compareDates(input.end, addMonths(today, PRESCRIBE_AHEAD_MONTHS)) > 0) bad.push({ pointer: '/end', detail: `lies more than ${String(PRESCRIBE_AHEAD_MONTHS)} months ahead` });
    if (bad.length > 0) throw new AppError('invalid-input', 'The end does not fit this course.', bad);
    const guard = med ? stopGate(c, med, input.end) : [];
    if (guard.length > 0 && input.override === undefined) {
      throw new AppError('medication-sequence', `Stopping ${course.data.drug} now leaves no follow-on in place; plan it first, or give the reason to stop anyway.`,
        [{ pointer: '/end', detail: `no follow-on: ${guard.join(', ')}` }], { extra: { reasons: guard } });
    }
    const data: MedData = { ...course.data, end: input.end, stopReason: input.reason, ...(guard.length > 0 && input.override ? { stopOverride: { reason: input.override.reason, reasons: guard } } : {}) };
    const [fact] = checkFacts([{ kind: 'medication', date: course.clinical_date, data }], { flat: true, indexed: false });
    if (!fact) throw new Error('a checked stop went missing');
    const v = await records.clinical.addVersion(db, course, { date: fact.date, data: fact.data, status: 'active', reason: input.reason, by: ask.actor.userId, organisationId: ask.actor.organisationId, source: 'clinician' });
    const [doses, first] = await Promise.all([records.clinical.currentEntries(db, row.id, { kinds: ['medication-dose'] }), records.clinical.firstVersions(db, row.id, [v.entry_id])]);
    return medicationViews([v, ...doses], today, first)[0] as MedicationView;
  });
}

/** Plans a follow-on; the safety checks for its start are given with it, so the plan is made knowing them. */
export async function planMedication(deps: AccessDeps, ask: Ask, input: PlannedMedicationInput): Promise<PlannedMedicationView> {
  const today = todayNl();
  if (compareDates(input.from, today) < 0) throw new AppError('invalid-input', 'A plan starts today or later.', [{ pointer: '/from', detail: 'lies in the past' }]);
  if (compareDates(input.from, addMonths(today, 24)) > 0) throw new AppError('invalid-input', 'A plan starts within 2 years.', [{ pointer: '/from', detail: 'lies more than 24 months ahead' }]);
  return withPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'medication.prescribe', resource: 'patient/medication/plan', patientId: ask.patientId }, async ({ db, row, records }) => {
    await refuseClosed(db, records, row);
    const c = await caseOn(db, records, row, today);
    const [saved] = await records.clinical.insertEntries(db, [{ patientId: row.id, kind: 'planned-medication', date: today, data: { drug: input.drug, from: input.from }, source: 'clinician', by: ask.actor.userId, organisationId: ask.actor.organisationId }]);
    if (!saved) throw new Error('a stored plan went missing');
    return { id: saved.entry_id, drug: input.drug, from: input.from, recordedBy: saved.recorded_by_name, recordedAt: saved.recorded_at, safety: prescriptionGate(c, { drug: input.drug, start: input.from }, today) };
  });
}

export interface MedicationPlan {
  courses: MedicationView[];
  planned: PlannedMedicationView[];
  case: Case;
}

/** The record's courses with their doses, and the planned follow-ons with their safety checks as they stand. */
export async function medicationPlan(deps: AccessDeps, ask: Ask): Promise<MedicationPlan> {
  const today = todayNl();
  return readWithPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'record.read', resource: 'patient/medication', patientId: ask.patientId }, async ({ db, row, records }) => {
    const [rows, c] = await Promise.all([records.clinical.currentEntries(db, row.id, { kinds: KINDS }), caseOn(db, records, row, today)]);
    const planned = rows
      .filter((r) => r.kind === 'planned-medication' && r.status === 'active')
      .map((r) => {
        const d = r.data as EntryData['planned-medication'];
        return { id: r.entry_id, drug: d.drug, from: d.from, recordedBy: r.recorded_by_name, recordedAt: r.recorded_at, safety: prescriptionGate(c, { drug: d.drug, start: d.from }, today) };
      });
    return { courses: medicationViews(rows, today, await firstOf(db, records, row.id, rows)), planned, case: c };
  });
}

/** Every drug's safety gate for a start on `start`, as a physician weighs the choice. */
export async function safetyGates(deps: AccessDeps, ask: Ask & { start?: string | undefined }): Promise<PrescriptionGate[]> {
  const today = todayNl();
  return readWithPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'record.read', resource: 'patient/medication/safety', patientId: ask.patientId }, async ({ db, row, records }) => {
    const c = await caseOn(db, records, row, today);
    return Object.keys(CATALOGUE).map((d) => prescriptionGate(c, { drug: d as Drug, start: ask.start ?? today }, today));
  });
}

/** What the clinician's medication page shows, read in one authorised, audited transaction. */
export interface MedicationPage extends MedicationPlan {
  /** The core's evaluation of the record today: the next dose, the review, the anabolic end and the sequencing alerts. */
  evaluation: Evaluation;
  /** Every drug's safety gate for a start today. */
  gates: PrescriptionGate[];
  /** Per course that has no end yet: the sequencing guardrails a stop today runs into. */
  stopGuards: Record<string, SequenceReason[]>;
  may: { prescribe: boolean; write: boolean };
  /** Merged into another record, or care has ended: nothing new is recorded here. */
  closed: boolean;
}

/** The courses, doses, plans, the core's conclusions about them and every drug's gate, for the medication page. */
export async function openMedicationPage(deps: AccessDeps, ask: Ask & { lang: Lang }): Promise<MedicationPage> {
  const today = todayNl();
  return readWithPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'record.read', resource: 'patient/medication', patientId: ask.patientId }, async ({ db, row, records, target }) => {
    const [rows, c, settings, ended] = await Promise.all([
      records.clinical.currentEntries(db, row.id, { kinds: KINDS }), caseOn(db, records, row, today), settingsForOrganisation(db, ask.actor.organisationId), records.clinical.openCareEnd(db, row.id),
    ]);
    const courses = medicationViews(rows, today, await firstOf(db, records, row.id, rows));
    const stopGuards: Record<string, SequenceReason[]> = {};
    for (const k of courses) {
      if (k.end !== null) continue;
      const med = (c.medications ?? []).find((m) => m.drug === k.drug && m.start === k.start && m.end === undefined);
      stopGuards[k.id] = med ? stopGate(c, med, today) : [];
    }
    const planned = rows
      .filter((r) => r.kind === 'planned-medication' && r.status === 'active')
      .map((r) => {
        const d = r.data as EntryData['planned-medication'];
        return { id: r.entry_id, drug: d.drug, from: d.from, recordedBy: r.recorded_by_name, recordedAt: r.recorded_at, safety: prescriptionGate(c, { drug: d.drug, start: d.from }, today) };
      });
    const can = (a: 'medication.prescribe' | 'record.write') => authorize(ask.actor, a, target, today).allowed;
    return {
      courses, planned, case: c, evaluation: evaluate(c, settings, ask.lang),
      gates: Object.keys(CATALOGUE).map((d) => prescriptionGate(c, { drug: d as Drug, start: today }, today)),
      stopGuards, may: { prescribe: can('medication.prescribe'), write: can('record.write') }, closed: row.merged_into !== null || ended !== undefined,
    };
  });
}
