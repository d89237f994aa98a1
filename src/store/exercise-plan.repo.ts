// Exercise plans (migration 0024). No authorisation here: services/exercise-plans.ts reaches these
// only inside the work services/access.ts allowed. A plan version is written once and never changed.
import { sql } from 'kysely';
import type { Db, Tx } from './db.js';

/** jsonb comes back parsed from pg and PGlite alike; a text is parsed, to be safe with either. */
const parsed = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);

export interface ExercisePlanRow {
  id: string;
  patient_id: string;
  organisation_id: string;
  organisation_name: string;
  version: number;
  places: unknown;
  exercises: unknown;
  warnings: unknown;
  note: string | null;
  written_by_name: string | null;
  written_at: string;
}

const COLUMNS = sql`x.id, x.patient_id, x.organisation_id, o.name as organisation_name, x.version, x.places, x.exercises, x.warnings, x.note,
  u.display_name as written_by_name, x.written_at`;
const JOINS = sql`join organisation o on o.id = x.organisation_id left join app_user u on u.id = x.written_by`;
const asRow = (r: ExercisePlanRow): ExercisePlanRow => ({ ...r, places: parsed(r.places), exercises: parsed(r.exercises), warnings: parsed(r.warnings) });

/**
 * A new version: one up from the patient's latest. The patient is held first (for update), so two
 * therapists saving at once get versions one after the other, never the same number.
 */
export async function insertPlan(
  db: Tx,
  p: { patientId: string; organisationId: string; places: readonly string[]; exercises: readonly object[]; warnings: readonly object[]; note: string | null; by: string },
): Promise<ExercisePlanRow> {
  await sql`select 1 from patient where id = ${p.patientId} for update`.execute(db);
  const r = await sql<ExercisePlanRow>`with x as (
      insert into exercise_plan (patient_id, organisation_id, version, places, exercises, warnings, note, written_by)
      values (${p.patientId}, ${p.organisationId},
        (select coalesce(max(version), 0) + 1 from exercise_plan where patient_id = ${p.patientId}),
        ${JSON.stringify(p.places)}::jsonb, ${JSON.stringify(p.exercises)}::jsonb, ${JSON.stringify(p.warnings)}::jsonb, ${p.note}, ${p.by})
      returning *)
    select ${COLUMNS} from x ${JOINS}`.execute(db);
  return asRow(r.rows[0] as ExercisePlanRow);
}

/** Every version of the patient's plan, the newest first. */
export async function plansOf(db: Db, patientId: string): Promise<ExercisePlanRow[]> {
  const r = await sql<ExercisePlanRow>`select ${COLUMNS} from exercise_plan x ${JOINS} where x.patient_id = ${patientId} order by x.version desc`.execute(db);
  return r.rows.map(asRow);
}

/** One version of this patient's plan, if it is theirs. */
export async function planById(db: Db, patientId: string, planId: string): Promise<ExercisePlanRow | undefined> {
  const r = await sql<ExercisePlanRow>`select ${COLUMNS} from exercise_plan x ${JOINS} where x.patient_id = ${patientId} and x.id = ${planId}`.execute(db);
  const row = r.rows[0];
  return row ? asRow(row) : undefined;
}

/** The id of the patient's latest plan version, if there is one (the diary links to it). */
export async function latestPlanId(db: Db, patientId: string): Promise<string | undefined> {
  return (await db.selectFrom('exercise_plan').select('id').where('patient_id', '=', patientId).orderBy('version', 'desc').limit(1).executeTakeFirst())?.id;
}
