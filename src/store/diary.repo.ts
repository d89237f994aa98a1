// The patient's diary and reports to the clinic (migration 0017). No authorisation here:
// services/diary.ts and services/reports.ts reach these only inside the work access.ts allowed.
import { sql, type Selectable } from 'kysely';
import type { DiaryFeeling, ReportFractureCause, ReportKind, ReportSeverity } from '../core/record/lists.js';
import type { Db, Tx } from './db.js';
import type { DiaryEntryTable, PatientReportTable } from './schema.js';
import { keysetPage, type KeysetAsk, type KeysetPage } from './paging.js';

/** A diary line with the name of who wrote it. */
export type DiaryRow = Selectable<DiaryEntryTable> & { written_by_name: string | null };

export async function insertDiaryEntry(
  db: Tx,
  e: { patientId: string; date: string; activity: string; minutes: number; feeling: DiaryFeeling; pain: number; note: string | null; by: string },
): Promise<DiaryRow> {
  const r = await sql<DiaryRow>`with ins as (
      insert into diary_entry (patient_id, entry_date, activity, minutes, feeling, pain, note, written_by)
      values (${e.patientId}, ${e.date}, ${e.activity}, ${e.minutes}, ${e.feeling}, ${e.pain}, ${e.note}, ${e.by}) returning *)
    select ins.*, u.display_name as written_by_name from ins left join app_user u on u.id = ins.written_by`.execute(db);
  return r.rows[0] as DiaryRow;
}

function diaryQuery(db: Db, patientId: string) {
  return db
    .selectFrom('diary_entry as d')
    .leftJoin('app_user as u', 'u.id', 'd.written_by')
    .where('d.patient_id', '=', patientId)
    .select(['d.id', 'd.patient_id', 'd.entry_date', 'd.activity', 'd.minutes', 'd.feeling', 'd.pain', 'd.note', 'd.home_exercise_id', 'd.written_by', 'd.written_at', 'u.display_name as written_by_name']);
}

/** A page of the diary, newest day first (then the latest written). */
export async function pageDiary(db: Db, patientId: string, page: Omit<KeysetAsk, 'columns' | 'descending'>): Promise<KeysetPage<DiaryRow>> {
  return keysetPage(diaryQuery(db, patientId), { ...page, columns: ['d.entry_date', 'd.id'], descending: true }, (r) => [r.entry_date, r.id]) as Promise<KeysetPage<DiaryRow>>;
}

/** The diary from `from` on (the chart's weeks), oldest first. */
export async function diarySince(db: Db, patientId: string, from: string): Promise<DiaryRow[]> {
  return (await diaryQuery(db, patientId).where('d.entry_date', '>=', from).orderBy('d.entry_date').orderBy('d.written_at').execute()) as DiaryRow[];
}

/** A report with the names of who sent it and who first read it. */
export type ReportRow = Selectable<PatientReportTable> & { sent_by_name: string | null; read_by_name: string | null };

export async function insertReport(
  db: Tx,
  r: { patientId: string; kind: ReportKind; what: string | null; site: string | null; cause: ReportFractureCause | null; since: string; severity: ReportSeverity; note: string | null; entryId: string | null; by: string },
): Promise<string> {
  const row = await db
    .insertInto('patient_report')
    .values({ patient_id: r.patientId, kind: r.kind, what: r.what, site: r.site, cause: r.cause, since: r.since, severity: r.severity, note: r.note, entry_id: r.entryId, sent_by: r.by })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

function reportQuery(db: Db, patientId: string) {
  return db
    .selectFrom('patient_report as r')
    .leftJoin('app_user as s', 's.id', 'r.sent_by')
    .leftJoin('app_user as w', 'w.id', 'r.read_by')
    .where('r.patient_id', '=', patientId)
    .select([
      'r.id', 'r.patient_id', 'r.kind', 'r.what', 'r.site', 'r.cause', 'r.since', 'r.severity', 'r.note', 'r.entry_id', 'r.sent_by', 'r.sent_at', 'r.read_by', 'r.read_at',
      's.display_name as sent_by_name', 'w.display_name as read_by_name',
    ]);
}

/** A page of the patient's reports, newest first. */
export async function pageReports(db: Db, patientId: string, page: Omit<KeysetAsk, 'columns' | 'descending'>): Promise<KeysetPage<ReportRow>> {
  return keysetPage(reportQuery(db, patientId), { ...page, columns: ['r.sent_at', 'r.id'], descending: true }, (r) => [r.sent_at, r.id]) as Promise<KeysetPage<ReportRow>>;
}

export async function reportById(db: Db, patientId: string, reportId: string): Promise<ReportRow | undefined> {
  return (await reportQuery(db, patientId).where('r.id', '=', reportId).executeTakeFirst()) as ReportRow | undefined;
}

/** The first read counts: a later reader leaves the time the patient was told unchanged. */
export async function markReportRead(db: Tx, reportId: string, by: string): Promise<void> {
  await db.updateTable('patient_report').set({ read_by: by, read_at: sql<string>`now()` }).where('id', '=', reportId).where('read_at', 'is', null).execute();
}

/**
 * The organisations that keep a worklist for this patient: the hospitals whose care they are in,
 * the same ones the derived items go to (worklist.repo.ts `derivationSources`); for a child's
 * fracture signal, the day centres caring for the child (`kind`).
 */
export async function worklistKeepers(db: Db, patientId: string, kind: 'hospital' | 'day-centre' = 'hospital'): Promise<string[]> {
  const rows = await db
    .selectFrom('patient_organisation as po')
    .innerJoin('organisation as o', 'o.id', 'po.organisation_id')
    .where('po.patient_id', '=', patientId)
    .where('po.relation', '=', 'care')
    .where('o.kind', '=', kind)
    .select('po.organisation_id')
    .orderBy('po.organisation_id')
    .execute();
  return rows.map((r) => r.organisation_id);
}

/** The alerts a report raised, one per organisation, with their state. */
export async function reportItems(db: Db, key: string): Promise<{ item_id: string; organisation_id: string; state: string }[]> {
  return db.selectFrom('worklist_item').select(['item_id', 'organisation_id', 'state']).where('item_key', '=', key).execute();
}

/** A report's alert is overdue from the moment it is raised, as the core's alerts are. */
export async function markItemOverdue(db: Tx, itemId: string): Promise<void> {
  await db.updateTable('worklist_item').set({ overdue: true }).where('item_id', '=', itemId).execute();
}
