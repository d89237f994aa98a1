// The clinical record: entries (one row per version of a fact), signed assessments and the end of
// care. No authorisation here: only services/access.ts hands these functions to work it has
// authorised and audited (a dependency-cruiser rule). Data arrives already checked by the core's
// schema for its kind; the database checks the closed lists and the version rules again.
import { sql } from 'kysely';
import type { Db, Tx } from './db.js';
import type { CareEndReason, EntryKind, EntrySource, EntryStatus, QuestionnaireId } from '../core/record/lists.js';

/** jsonb comes back parsed from pg and PGlite alike; a text is parsed, to be safe with either. */
const parsed = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);

export interface EntryRow {
  id: string;
  entry_id: string;
  version: number;
  patient_id: string;
  kind: EntryKind;
  clinical_date: string;
  data: unknown;
  status: EntryStatus;
  current: boolean;
  source: EntrySource;
  recorded_by: string | null;
  recorded_by_name: string | null;
  organisation_id: string | null;
  recorded_at: string;
  reason: string | null;
}

export interface NewEntry {
  patientId: string;
  kind: EntryKind;
  date: string;
  data: object;
  source: EntrySource;
  by: string | null;
  organisationId: string | null;
}

const ENTRY_COLUMNS = sql`e.id, e.entry_id, e.version, e.patient_id, e.kind, e.clinical_date, e.data, e.status, e.current, e.source,
  e.recorded_by, u.display_name as recorded_by_name, e.organisation_id, e.recorded_at, e.reason`;

const asRow = (r: EntryRow): EntryRow => ({ ...r, data: parsed(r.data) });

/** Records a new fact (version 1 of a new entry). */
export async function insertEntry(db: Db, e: NewEntry): Promise<EntryRow> {
  const r = await sql<EntryRow>`with ins as (
      insert into clinical_entry (entry_id, version, patient_id, kind, clinical_date, data, status, current, source, recorded_by, organisation_id)
      values (gen_random_uuid(), 1, ${e.patientId}, ${e.kind}, ${e.date}, ${JSON.stringify(e.data)}::jsonb, 'active', true, ${e.source}, ${e.by}, ${e.organisationId})
      returning *)
    select ${ENTRY_COLUMNS} from ins e left join app_user u on u.id = e.recorded_by`.execute(db);
  return asRow(r.rows[0] as EntryRow);
}

/** Several facts of one form at once (all in the caller's transaction). */
export async function insertEntries(db: Tx, list: readonly NewEntry[]): Promise<EntryRow[]> {
  const out: EntryRow[] = [];
  for (const e of list) out.push(await insertEntry(db, e));
  return out;
}

/** The current version of an entry of this patient, locked for a new version; undefined: none. */
export async function lockCurrentEntry(db: Tx, patientId: string, entryId: string): Promise<EntryRow | undefined> {
  const r = await sql<EntryRow>`select ${ENTRY_COLUMNS} from clinical_entry e left join app_user u on u.id = e.recorded_by
    where e.entry_id = ${entryId} and e.patient_id = ${patientId} and e.current for update of e`.execute(db);
  const row = r.rows[0];
  return row && asRow(row);
}

/**
 * A new version of an entry (a correction, or the entry marked in error): the old version stops
 * being current and stays as history. The caller holds the current version locked.
 */
export async function addVersion(
  db: Tx,
  old: EntryRow,
  v: { date: string; data: object; status: EntryStatus; reason: string; by: string | null; organisationId: string | null; source: EntrySource },
): Promise<EntryRow> {
  await db.updateTable('clinical_entry').set({ current: false }).where('id', '=', old.id).execute();
  const r = await sql<EntryRow>`with ins as (
      insert into clinical_entry (entry_id, version, patient_id, kind, clinical_date, data, status, current, source, recorded_by, organisation_id, reason)
      values (${old.entry_id}, ${old.version + 1}, ${old.patient_id}, ${old.kind}, ${v.date}, ${JSON.stringify(v.data)}::jsonb, ${v.status}, true,
        ${v.source}, ${v.by}, ${v.organisationId}, ${v.reason})
      returning *)
    select ${ENTRY_COLUMNS} from ins e left join app_user u on u.id = e.recorded_by`.execute(db);
  return asRow(r.rows[0] as EntryRow);
}

/**
 * What the Case is projected from: the current, active entries dated on or before `asOf`, in
 * recording order (the projection's "recorded last" on a day). One index range read. A medication
 * prescribed to start later stands already: on asOf the projection reads it as a plan.
 */
export async function standingEntries(db: Db, patientId: string, asOf: string): Promise<{ kind: EntryKind; clinical_date: string; data: unknown; source: EntrySource }[]> {
  const r = await sql<{ kind: EntryKind; clinical_date: string; data: unknown; source: EntrySource }>`select kind, clinical_date, data, source from clinical_entry
    where patient_id = ${patientId} and current and status = 'active' and (clinical_date <= ${asOf} or kind = 'medication')
    order by recorded_at, id`.execute(db);
  return r.rows.map((x) => ({ ...x, data: parsed(x.data) }));
}

/** The record's current entries (those entered in error too, when asked), newest clinical date first. */
export async function currentEntries(db: Db, patientId: string, o: { kinds?: readonly EntryKind[]; withErrors?: boolean } = {}): Promise<EntryRow[]> {
  let q = sql`select ${ENTRY_COLUMNS} from clinical_entry e left join app_user u on u.id = e.recorded_by
    where e.patient_id = ${patientId} and e.current`;
  if (!o.withErrors) q = sql`${q} and e.status = 'active'`;
  if (o.kinds && o.kinds.length > 0) q = sql`${q} and e.kind in (${sql.join(o.kinds)})`;
  const r = await sql<EntryRow>`${q} order by e.clinical_date desc, e.recorded_at desc, e.id`.execute(db);
  return r.rows.map(asRow);
}

/** Who first recorded each of these entries, and when (a stopped course: who prescribed it, not who stopped it). */
export async function firstVersions(db: Db, patientId: string, entryIds: readonly string[]): Promise<Map<string, { by: string | null; at: string }>> {
  if (entryIds.length === 0) return new Map();
  const r = await sql<{ entry_id: string; by: string | null; at: string }>`select e.entry_id, u.display_name as by, e.recorded_at as at
    from clinical_entry e left join app_user u on u.id = e.recorded_by
    where e.patient_id = ${patientId} and e.version = 1 and e.entry_id in (${sql.join(entryIds.map((id) => sql`${id}::uuid`))})`.execute(db);
  return new Map(r.rows.map((x) => [x.entry_id, { by: x.by, at: x.at }]));
}

/** Every version of one entry of this patient, oldest first. */
export async function entryVersions(db: Db, patientId: string, entryId: string): Promise<EntryRow[]> {
  const r = await sql<EntryRow>`select ${ENTRY_COLUMNS} from clinical_entry e left join app_user u on u.id = e.recorded_by
    where e.entry_id = ${entryId} and e.patient_id = ${patientId} order by e.version`.execute(db);
  return r.rows.map(asRow);
}

export interface AssessmentRow {
  id: string;
  patient_id: string;
  organisation_id: string | null;
  as_of: string;
  rules_version: string;
  settings: unknown;
  case_data: unknown;
  evaluation: unknown;
  signed_by: string;
  signed_by_name: string | null;
  signed_role: string;
  signed_at: string;
  note: string | null;
}

export async function insertAssessment(
  db: Db,
  a: { patientId: string; organisationId: string | null; asOf: string; rulesVersion: string; settings: object; caseData: object; evaluation: object; by: string; role: string; note: string | null },
): Promise<AssessmentRow> {
  const r = await sql<AssessmentRow>`with ins as (
      insert into assessment (patient_id, organisation_id, as_of, rules_version, settings, case_data, evaluation, signed_by, signed_role, note)
      values (${a.patientId}, ${a.organisationId}, ${a.asOf}, ${a.rulesVersion}, ${JSON.stringify(a.settings)}::jsonb, ${JSON.stringify(a.caseData)}::jsonb,
        ${JSON.stringify(a.evaluation)}::jsonb, ${a.by}, ${a.role}, ${a.note})
      returning *)
    select ins.*, u.display_name as signed_by_name from ins left join app_user u on u.id = ins.signed_by`.execute(db);
  return assessmentRow(r.rows[0] as AssessmentRow);
}

const assessmentRow = (r: AssessmentRow): AssessmentRow => ({ ...r, settings: parsed(r.settings), case_data: parsed(r.case_data), evaluation: parsed(r.evaluation) });

/** The patient's signed assessments, newest first. */
export async function assessmentsOf(db: Db, patientId: string): Promise<AssessmentRow[]> {
  const r = await sql<AssessmentRow>`select a.*, u.display_name as signed_by_name from assessment a left join app_user u on u.id = a.signed_by
    where a.patient_id = ${patientId} order by a.signed_at desc, a.id`.execute(db);
  return r.rows.map(assessmentRow);
}

export interface CareEndRow {
  id: string;
  patient_id: string;
  organisation_id: string | null;
  reason: CareEndReason;
  end_date: string;
  note: string | null;
  ended_by: string;
  ended_by_name: string | null;
  ended_at: string;
  resumed_at: string | null;
  resumed_by: string | null;
}

/** The open end of care of a patient, if any. */
export async function openCareEnd(db: Db, patientId: string): Promise<CareEndRow | undefined> {
  const r = await sql<CareEndRow>`select c.*, u.display_name as ended_by_name from care_end c left join app_user u on u.id = c.ended_by
    where c.patient_id = ${patientId} and c.resumed_at is null`.execute(db);
  return r.rows[0];
}

export async function insertCareEnd(db: Db, c: { patientId: string; organisationId: string | null; reason: CareEndReason; date: string; note: string | null; by: string }): Promise<CareEndRow> {
  const r = await sql<CareEndRow>`with ins as (
      insert into care_end (patient_id, organisation_id, reason, end_date, note, ended_by)
      values (${c.patientId}, ${c.organisationId}, ${c.reason}, ${c.date}, ${c.note}, ${c.by}) returning *)
    select ins.*, u.display_name as ended_by_name from ins left join app_user u on u.id = ins.ended_by`.execute(db);
  return r.rows[0] as CareEndRow;
}

/** Resumes care: the end stays as history, marked resumed. */
export async function resumeCare(db: Db, patientId: string, by: string): Promise<boolean> {
  const r = await db.updateTable('care_end').set({ resumed_at: sql<string>`now()`, resumed_by: by }).where('patient_id', '=', patientId).where('resumed_at', 'is', null).executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

/** Moves every clinical entry and assessment of one record to another (a merge); gives what moved. */
export async function moveClinical(db: Tx, fromId: string, toId: string): Promise<{ entries: string[]; assessments: string[] }> {
  const entries = await sql<{ entry_id: string }>`update clinical_entry set patient_id = ${toId} where patient_id = ${fromId} returning entry_id`.execute(db);
  const assessments = await sql<{ id: string }>`update assessment set patient_id = ${toId} where patient_id = ${fromId} returning id`.execute(db);
  return { entries: [...new Set(entries.rows.map((x) => x.entry_id))], assessments: assessments.rows.map((x) => x.id) };
}

/** Moves exactly what a merge moved back (versions added since included: they are the same entries). */
export async function moveClinicalBack(db: Tx, moved: { entries: readonly string[]; assessments: readonly string[] }, toId: string): Promise<void> {
  if (moved.entries.length > 0) await db.updateTable('clinical_entry').set({ patient_id: toId }).where('entry_id', 'in', moved.entries).execute();
  if (moved.assessments.length > 0) await db.updateTable('assessment').set({ patient_id: toId }).where('id', 'in', moved.assessments).execute();
}

/** A questionnaire's draft as kept: the answers as typed, and when it was last sent. */
export interface DraftRow {
  questionnaire: QuestionnaireId;
  answers: Record<string, string>;
  updated_at: string;
  sent_at: string | null;
}

/** The drafts of a patient's questionnaires. */
export async function draftsOf(db: Db, patientId: string): Promise<DraftRow[]> {
  const r = await sql<DraftRow>`select questionnaire, answers, updated_at::text as updated_at, sent_at::text as sent_at
    from questionnaire_draft where patient_id = ${patientId} order by questionnaire`.execute(db);
  return r.rows.map((x) => ({ ...x, answers: parsed(x.answers) as Record<string, string> }));
}

/** The draft of one questionnaire, locked for a change (a step saved, or the answers sent). */
export async function lockDraft(db: Tx, patientId: string, questionnaire: QuestionnaireId): Promise<DraftRow | undefined> {
  const r = await sql<DraftRow>`select questionnaire, answers, updated_at::text as updated_at, sent_at::text as sent_at
    from questionnaire_draft where patient_id = ${patientId} and questionnaire = ${questionnaire} for update`.execute(db);
  const row = r.rows[0];
  return row && { ...row, answers: parsed(row.answers) as Record<string, string> };
}

/** Keeps a step's answers at once. A change after sending makes the draft unsent again, until it is sent anew. */
export async function saveDraft(db: Tx, d: { patientId: string; questionnaire: QuestionnaireId; answers: Record<string, string>; by: string }): Promise<void> {
  await sql`insert into questionnaire_draft (patient_id, questionnaire, answers, updated_by, updated_at)
    values (${d.patientId}, ${d.questionnaire}, ${JSON.stringify(d.answers)}::jsonb, ${d.by}, now())
    on conflict (patient_id, questionnaire) do update set answers = excluded.answers, updated_by = excluded.updated_by, updated_at = now(),
      sent_at = case when questionnaire_draft.answers = excluded.answers then questionnaire_draft.sent_at else null end`.execute(db);
}

export async function markDraftSent(db: Tx, patientId: string, questionnaire: QuestionnaireId, by: string): Promise<void> {
  await sql`update questionnaire_draft set sent_at = now(), sent_by = ${by} where patient_id = ${patientId} and questionnaire = ${questionnaire}`.execute(db);
}

/** Whether the clinic recorded one of these kinds of fact after `since`: the patient's answers are then settled. */
export async function clinicRecordedSince(db: Db, patientId: string, kinds: readonly EntryKind[], since: string): Promise<boolean> {
  if (kinds.length === 0) return false;
  const r = await sql<{ n: number }>`select count(*)::int as n from clinical_entry
    where patient_id = ${patientId} and current and status = 'active' and source <> 'patient' and kind in (${sql.join(kinds)}) and recorded_at > ${since}::timestamptz`.execute(db);
  return (r.rows[0]?.n ?? 0) > 0;
}
