// Use cases on the clinical record: recording facts, correcting them, marking them entered in
// error, the Case as it stood on a day, its evaluation, signing the assessment off, and the end of
// care. Every one goes through services/access.ts (authorise, audit, work in one transaction); the
// record's repository reaches them only as `records.clinical`.
import { z } from 'zod';
import { authorize, type Action, type Actor } from '../core/access/index.js';
import type { Case } from '../core/case.schema.js';
import { evaluate, type Evaluation } from '../core/evaluate.js';
import { entrySchema, type RecordEntry } from '../core/record/entries.js';
import type { EntryKind, EntrySource } from '../core/record/lists.js';
import { projectCaseWithSources, type CaseWithSources, type SetAside } from '../core/record/projection.js';
import { RULES_VERSION } from '../core/registry.js';
import type { Settings } from '../core/settings.js';
import { todayNl } from '../schema/clock.js';
import { AppError, invalidInput } from '../schema/problem.js';
import type { CareEndView, EntryView } from '../schema/record.schema.js';
import { logForCase } from '../store/loading.repo.js';
import type { Db } from '../store/db.js';
import { settingsForOrganisation } from './settings.js';
import { readWithPatient, withPatient, type AccessDeps, type AssessmentRow, type CareEndRow, type EntryRow, type PatientRecords, type PatientRow, type RequestMeta } from './access.js';

export type Lang = 'nl' | 'en';

export function entryView(r: EntryRow): EntryView {
  return {
    id: r.entry_id, version: r.version, kind: r.kind, date: r.clinical_date, data: r.data as Record<string, unknown>, status: r.status, source: r.source,
    recordedBy: r.recorded_by_name, recordedAt: r.recorded_at, reason: r.reason,
  };
}

export function careEndView(r: CareEndRow): CareEndView {
  return { reason: r.reason, date: r.end_date, note: r.note, endedBy: r.ended_by_name, endedAt: r.ended_at };
}

export interface AssessmentView {
  id: string;
  asOf: string;
  rulesVersion: string;
  signedBy: string | null;
  signedRole: string;
  signedAt: string;
  note: string | null;
  settings: Settings;
  /** The core's conclusions at the moment of signing, in the language asked. */
  evaluation: Evaluation;
}

function assessmentView(r: AssessmentRow, lang: Lang): AssessmentView {
  const both = r.evaluation as Record<Lang, Evaluation>;
  return {
    id: r.id, asOf: r.as_of, rulesVersion: r.rules_version, signedBy: r.signed_by_name, signedRole: r.signed_role, signedAt: r.signed_at, note: r.note,
    settings: r.settings as Settings, evaluation: both[lang],
  };
}

/** What a fact looks like when it comes in; `flat`: the data's fields stand beside `date` (the fact routes). */
export interface FactIn {
  kind: EntryKind;
  date: string;
  data: unknown;
}

/**
 * Checks facts by the core's schema for their kind on today's date. Errors point where the sender
 * put the field: `/date`, and the data's fields either beside it (`flat`, the fact routes: `/sites/0/tScore`)
 * or under `/data`; for several facts at once, under their index.
 */
export function checkFacts(facts: readonly FactIn[], o: { flat: boolean; indexed: boolean }): RecordEntry[] {
  const schema = entrySchema(todayNl());
  const issues: z.core.$ZodIssue[] = [];
  const out: RecordEntry[] = [];
  facts.forEach((f, i) => {
    const r = schema.safeParse(f);
    if (r.success) {
      out.push(r.data);
      return;
    }
    for (const issue of r.error.issues) {
      const path = o.flat && issue.path[0] === 'data' ? issue.path.slice(1) : issue.path;
      issues.push({ ...issue, path: o.indexed ? [i, ...path] : path });
    }
  });
  if (issues.length > 0) throw invalidInput(issues, facts.length === 1 ? 'The fact' : 'The facts');
  return out;
}

/** A merged record or one whose care has ended takes no new facts: they belong elsewhere, or nowhere. */
export async function refuseClosed(db: Db, records: PatientRecords, row: PatientRow): Promise<void> {
  if (row.merged_into) throw new AppError('conflict', 'This record was merged into another one; record facts there.', [{ pointer: '/params/id', detail: 'is a merged record' }]);
  const ended = await records.clinical.openCareEnd(db, row.id);
  if (ended) throw new AppError('conflict', 'Care in the pathway has ended for this patient; resume it before recording new facts.', [{ pointer: '/params/id', detail: `care ended (${ended.reason})` }]);
}

export interface Ask {
  actor: Actor;
  meta: RequestMeta;
  patientId: string;
}

/**
 * The kinds only their own use case writes, so the generic fact routes never take them: the
 * medication plan (services/medication.ts; a prescription must pass the core's safety gate and a
 * stop its sequencing guardrail), and exercise therapy (services/therapy-measurements.ts; only the
 * practice the patient was referred to measures, and the period has one entry).
 */
const GATED_KINDS: Readonly<Partial<Record<EntryKind, string>>> = {
  medication: 'POST /api/v1/patients/{id}/medications (a stop: PATCH /api/v1/patients/{id}/medications/{medicationId})',
  'medication-dose': 'POST /api/v1/patients/{id}/medications/{medicationId}/doses',
  'planned-medication': 'POST /api/v1/patients/{id}/planned-medications',
  'missed-dose': 'POST /api/v1/patients/{id}/medications/{medicationId}/dose-confirmations',
  'exercise-measurement': 'POST /api/v1/patients/{id}/therapy/measurements',
  'exercise-therapy': 'PUT /api/v1/patients/{id}/therapy/period',
};

/** Refuses a kind its own use case owns, naming the route that records it behind its checks. */
function refuseGated(kind: EntryKind, pointer: string): void {
  const route = GATED_KINDS[kind];
  if (route === undefined) return;
  const therapy = kind === 'exercise-measurement' || kind === 'exercise-therapy';
  throw new AppError('invalid-input', `A ${kind} entry is recorded through ${therapy ? 'exercise therapy' : 'the medication plan, behind its safety checks'}: ${route}.`, [
    { pointer, detail: `use ${route}`, code: therapy ? 'use-therapy-route' : 'use-medication-route' },
  ]);
}

/** Records one or more facts of one form, all or nothing. `resource` names the form in the audit ("patient/record/dxa"). */
export async function recordFacts(
  deps: AccessDeps,
  ask: Ask & { resource: string; source?: EntrySource },
  facts: readonly FactIn[],
  o: { flat: boolean } = { flat: true },
): Promise<EntryView[]> {
  if (ask.source !== 'patient') facts.forEach((f, i) => { refuseGated(f.kind, facts.length > 1 ? `/${String(i)}/kind` : '/kind'); });
  const checked = checkFacts(facts, { flat: o.flat, indexed: facts.length > 1 });
  return withPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'record.write', resource: ask.resource, patientId: ask.patientId }, async ({ db, row, records }) => {
    await refuseClosed(db, records, row);
    const rows = await records.clinical.insertEntries(
      db,
      checked.map((e) => ({ patientId: row.id, kind: e.kind, date: e.date, data: e.data, source: ask.source ?? 'clinician', by: ask.actor.userId, organisationId: ask.actor.organisationId })),
    );
    return rows.map(entryView);
  });
}

async function lockedEntry(db: Parameters<PatientRecords['clinical']['lockCurrentEntry']>[0], records: PatientRecords, patientId: string, entryId: string): Promise<EntryRow> {
  const old = await records.clinical.lockCurrentEntry(db, patientId, entryId);
  if (!old) throw new AppError('not-found', 'This record has no such entry.', [{ pointer: '/params/entryId', detail: 'no such entry in this record' }]);
  if (old.status === 'entered-in-error') throw new AppError('conflict', 'This entry was marked entered in error; record the fact anew instead.', [{ pointer: '/params/entryId', detail: 'entered in error' }]);
  return old;
}

/** A correction: a new version with the new date and/or data; the old version stays in the history. */
export async function correctEntry(
  deps: AccessDeps,
  ask: Ask & { entryId: string },
  c: { date?: string | undefined; data?: Record<string, unknown> | undefined; reason: string },
): Promise<EntryView> {
  return withPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'record.write', resource: 'patient/record/correction', patientId: ask.patientId }, async ({ db, row, records }) => {
    if (row.merged_into) throw new AppError('conflict', 'This record was merged into another one; correct the entry there.', [{ pointer: '/params/id', detail: 'is a merged record' }]);
    const old = await lockedEntry(db, records, row.id, ask.entryId);
    // A corrected course would skip the gate its prescription passed; marking it entered in error stays open.
    refuseGated(old.kind, '/kind');
    if (c.date === undefined && c.data === undefined) throw new AppError('invalid-input', 'Nothing to correct.', [{ pointer: '', detail: 'give a new date or new data' }]);
    const [fact] = checkFacts([{ kind: old.kind, date: c.date ?? old.clinical_date, data: c.data ?? old.data }], { flat: false, indexed: false });
    if (!fact) throw new Error('a checked fact went missing');
    const v = await records.clinical.addVersion(db, old, {
      date: fact.date, data: fact.data, status: 'active', reason: c.reason, by: ask.actor.userId, organisationId: ask.actor.organisationId, source: 'clinician',
    });
    return entryView(v);
  });
}

/** Hides an entry without deleting it: a new version says it was entered in error, and why. */
export async function markEnteredInError(deps: AccessDeps, ask: Ask & { entryId: string }, reason: string): Promise<EntryView> {
  return withPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'record.write', resource: 'patient/record/entered-in-error', patientId: ask.patientId }, async ({ db, row, records }) => {
    if (row.merged_into) throw new AppError('conflict', 'This record was merged into another one; mark the entry there.', [{ pointer: '/params/id', detail: 'is a merged record' }]);
    const old = await lockedEntry(db, records, row.id, ask.entryId);
    const v = await records.clinical.addVersion(db, old, {
      date: old.clinical_date, data: old.data as object, status: 'entered-in-error', reason, by: ask.actor.userId, organisationId: ask.actor.organisationId, source: 'clinician',
    });
    return entryView(v);
  });
}

/** The record's facts as they stand (entries marked in error too, when asked), newest first. */
export async function listEntries(deps: AccessDeps, ask: Ask, q: { kinds?: readonly EntryKind[]; withErrors?: boolean } = {}): Promise<EntryView[]> {
  return readWithPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'record.read', resource: 'patient/record/entries', patientId: ask.patientId }, async ({ db, row, records }) =>
    (await records.clinical.currentEntries(db, row.id, q)).map(entryView),
  );
}

/** Every version of one entry, oldest first: its history of corrections. */
export async function entryHistory(deps: AccessDeps, ask: Ask & { entryId: string }): Promise<EntryView[]> {
  return readWithPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'record.read', resource: 'patient/record/entry', patientId: ask.patientId }, async ({ db, row, records }) => {
    const versions = await records.clinical.entryVersions(db, row.id, ask.entryId);
    if (versions.length === 0) throw new AppError('not-found', 'This record has no such entry.', [{ pointer: '/params/entryId', detail: 'no such entry in this record' }]);
    return versions.map(entryView);
  });
}

/** The Case of this record on `asOf`: the projection of the facts that stand (core/record/projection.ts). */
export async function caseOn(db: Db, records: PatientRecords, row: PatientRow, asOf: string): Promise<Case> {
  return (await caseWithSourcesOn(db, records, row, asOf)).case;
}

/** The same Case, with which values the patient gave and where the clinic's value set the patient's aside. */
async function caseWithSourcesOn(db: Db, records: PatientRecords, row: PatientRow, asOf: string): Promise<CaseWithSources> {
  // A child's loading log gives the Case its minutes a day (core/children/loading-log.ts).
  const [entries, loading] = await Promise.all([records.clinical.standingEntries(db, row.id, asOf), logForCase(db, [row.id], asOf)]);
  return projectCaseWithSources(
    { birthDate: row.birth_date, sex: row.sex },
    entries.map((e) => ({ kind: e.kind, date: e.clinical_date, data: e.data, source: e.source }) as RecordEntry),
    asOf,
    loading.get(row.id) ?? [],
  );
}

export async function patientCase(deps: AccessDeps, ask: Ask & { asOf?: string | undefined }): Promise<Case> {
  const asOf = ask.asOf ?? todayNl();
  return readWithPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'record.read', resource: 'patient/case', patientId: ask.patientId }, ({ db, row, records }) =>
    caseOn(db, records, row, asOf),
  );
}

/** The core's evaluation of the record on `asOf`, with the settings of the asking clinician's organisation. */
export async function patientEvaluation(deps: AccessDeps, ask: Ask & { asOf?: string | undefined; lang: Lang }): Promise<Evaluation> {
  const asOf = ask.asOf ?? todayNl();
  return readWithPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'record.read', resource: 'patient/evaluation', patientId: ask.patientId }, async ({ db, row, records }) => {
    // The facts and the settings are independent reads: side by side, one round trip's wait instead of two.
    const [c, settings] = await Promise.all([caseOn(db, records, row, asOf), settingsForOrganisation(db, ask.actor.organisationId)]);
    return evaluate(c, settings, ask.lang);
  });
}

/**
 * Signs the assessment off: what the core concludes now about the record on `asOf` is kept, in
 * both languages, with the rules version and the settings, so a later change of the rules never
 * rewrites what was signed.
 */
export async function signAssessment(deps: AccessDeps, ask: Ask & { asOf?: string | undefined; note?: string | undefined; lang: Lang }): Promise<AssessmentView> {
  const asOf = ask.asOf ?? todayNl();
  if (asOf > todayNl()) throw new AppError('invalid-input', 'An assessment is signed for today or an earlier day.', [{ pointer: '/asOf', detail: 'lies in the future' }]);
  return withPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'assessment.sign', resource: 'patient/assessment', patientId: ask.patientId }, async ({ db, row, records }) => {
    if (row.merged_into) throw new AppError('conflict', 'This record was merged into another one; sign the assessment there.', [{ pointer: '/params/id', detail: 'is a merged record' }]);
    const c = await caseOn(db, records, row, asOf);
    const settings = await settingsForOrganisation(db, ask.actor.organisationId);
    const evaluation = { nl: evaluate(c, settings, 'nl'), en: evaluate(c, settings, 'en') };
    const saved = await records.clinical.insertAssessment(db, {
      patientId: row.id, organisationId: ask.actor.organisationId, asOf, rulesVersion: RULES_VERSION, settings, caseData: c, evaluation,
      by: ask.actor.userId, role: ask.actor.role, note: ask.note ?? null,
    });
    return assessmentView(saved, ask.lang);
  });
}

export async function listAssessments(deps: AccessDeps, ask: Ask & { lang: Lang }): Promise<AssessmentView[]> {
  return readWithPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'record.read', resource: 'patient/assessments', patientId: ask.patientId }, async ({ db, row, records }) =>
    (await records.clinical.assessmentsOf(db, row.id)).map((a) => assessmentView(a, ask.lang)),
  );
}

/** The patient leaves the pathway: a reason, the date, by whom. Nothing is deleted. */
export async function endCare(deps: AccessDeps, ask: Ask & { reason: CareEndRow['reason']; date: string; note?: string | undefined }): Promise<CareEndView> {
  if (ask.date > todayNl()) throw new AppError('invalid-input', 'Care ends today or on an earlier day.', [{ pointer: '/date', detail: 'lies in the future' }]);
  return withPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'pathway.end', resource: 'patient/care-end', patientId: ask.patientId }, async ({ db, row, records }) => {
    if (row.merged_into) throw new AppError('conflict', 'This record was merged into another one.', [{ pointer: '/params/id', detail: 'is a merged record' }]);
    if (await records.clinical.openCareEnd(db, row.id)) throw new AppError('conflict', 'Care in the pathway has already ended for this patient.', [{ pointer: '/params/id', detail: 'care already ended' }]);
    const ended = await records.clinical.insertCareEnd(db, { patientId: row.id, organisationId: ask.actor.organisationId, reason: ask.reason, date: ask.date, note: ask.note ?? null, by: ask.actor.userId });
    return careEndView(ended);
  });
}

/** Care resumes after an end (transferred back, a mistake): the end stays in the history. */
export async function resumeCare(deps: AccessDeps, ask: Ask): Promise<void> {
  await withPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'pathway.end', resource: 'patient/care-resume', patientId: ask.patientId }, async ({ db, row, records }) => {
    if (!(await records.clinical.resumeCare(db, row.id, ask.actor.userId))) {
      throw new AppError('conflict', 'Care in the pathway has not ended for this patient.', [{ pointer: '/params/id', detail: 'care has not ended' }]);
    }
  });
}

export interface ClinicalPermissions {
  write: boolean;
  sign: boolean;
  endCare: boolean;
}

/** Everything the clinician's record page shows of the clinical record, in one authorised, audited read. */
export interface ClinicalView {
  entries: EntryView[];
  case: Case;
  /** The Case paths whose value the patient gave themself (core/record/projection.ts). */
  patientPaths: string[];
  /** The patient's values a clinician's value for the same fact set aside; both are shown. */
  setAside: SetAside[];
  evaluation: Evaluation;
  assessments: AssessmentView[];
  careEnd: CareEndView | null;
  may: ClinicalPermissions;
}

export async function openClinicalRecord(deps: AccessDeps, ask: Ask & { lang: Lang; withErrors?: boolean }): Promise<ClinicalView> {
  const asOf = todayNl();
  return readWithPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'record.read', resource: 'patient/record/clinical', patientId: ask.patientId }, async ({ db, row, records, target }) => {
    const can = (a: Action) => authorize(ask.actor, a, target, asOf).allowed;
    const { case: c, patientPaths, setAside } = await caseWithSourcesOn(db, records, row, asOf);
    const ended = await records.clinical.openCareEnd(db, row.id);
    return {
      entries: (await records.clinical.currentEntries(db, row.id, { withErrors: ask.withErrors ?? true })).map(entryView),
      case: c,
      patientPaths,
      setAside,
      evaluation: evaluate(c, await settingsForOrganisation(db, ask.actor.organisationId), ask.lang),
      assessments: (await records.clinical.assessmentsOf(db, row.id)).map((a) => assessmentView(a, ask.lang)),
      careEnd: ended ? careEndView(ended) : null,
      may: { write: can('record.write'), sign: can('assessment.sign'), endCare: can('pathway.end') },
    };
  });
}
