// A child's loading plan and log (migration 0028). No authorisation here: services/loading.ts
// reaches these only inside the work access.ts allowed.
import { sql, type Selectable } from 'kysely';
import type { LoadingActivity } from '../core/record/lists.js';
import type { Db, Tx } from './db.js';
import type { LoadingLogTable, LoadingPlanTable } from './schema.js';

/** The plan with the name of who set it. */
export type LoadingPlanRow = Selectable<LoadingPlanTable> & { set_by_name: string | null };
/** A line of the log with the name of who noted it. */
export type LoadingLogRow = Selectable<LoadingLogTable> & { logged_by_name: string | null };

export async function insertPlan(
  db: Tx,
  p: { patientId: string; standingFrame: number; walkingAid: number; otherMovement: number; note: string | null; by: string },
): Promise<LoadingPlanRow> {
  const r = await sql<LoadingPlanRow>`with ins as (
      insert into loading_plan (patient_id, standing_frame, walking_aid, other_movement, note, set_by)
      values (${p.patientId}, ${p.standingFrame}, ${p.walkingAid}, ${p.otherMovement}, ${p.note}, ${p.by}) returning *)
    select ins.*, u.display_name as set_by_name from ins left join app_user u on u.id = ins.set_by`.execute(db);
  return r.rows[0] as LoadingPlanRow;
}

/** The plan that counts: the newest saved. */
export async function currentPlan(db: Db, patientId: string): Promise<LoadingPlanRow | undefined> {
  return (await db
    .selectFrom('loading_plan as p')
    .leftJoin('app_user as u', 'u.id', 'p.set_by')
    .where('p.patient_id', '=', patientId)
    .selectAll('p')
    .select('u.display_name as set_by_name')
    .orderBy('p.set_at', 'desc')
    .orderBy('p.id', 'desc')
    .limit(1)
    .executeTakeFirst()) as LoadingPlanRow | undefined;
}

export async function insertLog(db: Tx, e: { patientId: string; date: string; activity: LoadingActivity; minutes: number; by: string }): Promise<LoadingLogRow> {
  const r = await sql<LoadingLogRow>`with ins as (
      insert into loading_log (patient_id, log_date, activity, minutes, logged_by)
      values (${e.patientId}, ${e.date}, ${e.activity}, ${e.minutes}, ${e.by}) returning *)
    select ins.*, u.display_name as logged_by_name from ins left join app_user u on u.id = ins.logged_by`.execute(db);
  return r.rows[0] as LoadingLogRow;
}

/** The log from `from` to `to` (both included), oldest first, each line with who noted it. */
export async function logBetween(db: Db, patientId: string, from: string, to: string): Promise<LoadingLogRow[]> {
  return (await db
    .selectFrom('loading_log as l')
    .leftJoin('app_user as u', 'u.id', 'l.logged_by')
    .where('l.patient_id', '=', patientId)
    .where('l.log_date', '>=', from)
    .where('l.log_date', '<=', to)
    .where('l.withdrawn_at', 'is', null)
    .selectAll('l')
    .select('u.display_name as logged_by_name')
    .orderBy('l.log_date')
    .orderBy('l.logged_at')
    .execute()) as LoadingLogRow[];
}

/**
 * What the Case reads of each patient's log on `asOf`: the lines of the 7 days up to asOf, and the
 * first line before them (only its date counts: it tells a log that just began from one that
 * stopped). One statement for any number of patients.
 */
export async function logForCase(db: Db, patientIds: readonly string[], asOf: string): Promise<Map<string, { date: string; activity: LoadingActivity; minutes: number }[]>> {
  const out = new Map<string, { date: string; activity: LoadingActivity; minutes: number }[]>();
  if (patientIds.length === 0) return out;
  const ids = sql.join(patientIds.map((id) => sql`${id}::uuid`));
  const rows = await sql<{ patient_id: string; log_date: string; activity: LoadingActivity; minutes: number }>`
    select l.patient_id, l.log_date, l.activity, l.minutes from loading_log l
      where l.patient_id in (${ids}) and l.log_date <= ${asOf} and l.log_date > (${asOf}::date - 7) and l.withdrawn_at is null
    union all
    select f.patient_id, f.log_date, f.activity, f.minutes from unnest(array[${ids}]) as p(id)
      cross join lateral (select l.patient_id, l.log_date, l.activity, 0 as minutes from loading_log l
        where l.patient_id = p.id and l.log_date <= (${asOf}::date - 7) and l.withdrawn_at is null order by l.log_date limit 1) f`.execute(db);
  for (const r of rows.rows) {
    let list = out.get(r.patient_id);
    if (!list) out.set(r.patient_id, (list = []));
    list.push({ date: r.log_date, activity: r.activity, minutes: r.minutes });
  }
  return out;
}

/**
 * Takes a line back: only one that `by` noted on `today` and has not taken back yet. The line
 * taken back, or undefined when there is no such line (another's, an earlier day's, gone already).
 */
export async function withdrawLog(db: Tx, w: { patientId: string; lineId: string; by: string; today: string }): Promise<LoadingLogRow | undefined> {
  const r = await sql<LoadingLogRow>`with upd as (
      update loading_log set withdrawn_at = now(), withdrawn_by = ${w.by}
      where id = ${w.lineId} and patient_id = ${w.patientId} and logged_by = ${w.by} and log_date = ${w.today} and withdrawn_at is null
      returning *)
    select upd.*, u.display_name as logged_by_name from upd left join app_user u on u.id = upd.logged_by`.execute(db);
  return r.rows[0];
}
