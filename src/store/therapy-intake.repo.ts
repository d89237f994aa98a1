// The practice's intakes and education sessions (migration 0023). No authorisation here:
// services/therapy-intake.ts reaches these only inside the work access.ts allowed.
import { sql, type Selectable } from 'kysely';
import type { Db, Tx } from './db.js';
import type { EducationSessionTable, TherapyIntakeTable } from './schema.js';

/** An intake version with the names of the practice and of who recorded it. */
export type IntakeRow = Selectable<TherapyIntakeTable> & { organisation_name: string; recorded_by_name: string | null };
/** An education session with the names of the practice and of who recorded it. */
export type EducationRow = Selectable<EducationSessionTable> & { organisation_name: string; recorded_by_name: string | null };

/** The next version of the practice's intake of this patient; the unique constraint decides a race. */
export async function insertIntake(
  db: Tx,
  i: { patientId: string; organisationId: string; date: string; data: Record<string, unknown>; goals: unknown[]; psk: unknown[]; by: string },
): Promise<string> {
  const r = await sql<{ id: string }>`insert into therapy_intake (patient_id, organisation_id, version, intake_date, data, goals, psk, recorded_by)
    values (${i.patientId}, ${i.organisationId},
      (select coalesce(max(version), 0) + 1 from therapy_intake where patient_id = ${i.patientId} and organisation_id = ${i.organisationId}),
      ${i.date}, ${JSON.stringify(i.data)}::jsonb, ${JSON.stringify(i.goals)}::jsonb, ${JSON.stringify(i.psk)}::jsonb, ${i.by})
    returning id`.execute(db);
  const row = r.rows[0];
  if (!row) throw new Error('the intake was not stored');
  return row.id;
}

/** Every intake version of the patient, newest first; `organisationId`: one practice's only. */
export async function intakesOf(db: Db, patientId: string, organisationId?: string): Promise<IntakeRow[]> {
  let q = db
    .selectFrom('therapy_intake as i')
    .innerJoin('organisation as o', 'o.id', 'i.organisation_id')
    .leftJoin('app_user as u', 'u.id', 'i.recorded_by')
    .where('i.patient_id', '=', patientId)
    .selectAll('i')
    .select(['o.name as organisation_name', 'u.display_name as recorded_by_name']);
  if (organisationId !== undefined) q = q.where('i.organisation_id', '=', organisationId);
  return (await q.orderBy('i.recorded_at', 'desc').orderBy('i.version', 'desc').limit(100).execute()) as IntakeRow[];
}

export async function insertEducation(
  db: Tx,
  e: { patientId: string; organisationId: string; date: string; topics: unknown[]; note: string | null; by: string },
): Promise<string> {
  const row = await db
    .insertInto('education_session')
    .values({ patient_id: e.patientId, organisation_id: e.organisationId, session_date: e.date, topics: JSON.stringify(e.topics), note: e.note, recorded_by: e.by })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The patient's education sessions, the latest first; `organisationId`: one practice's only. */
export async function educationOf(db: Db, patientId: string, organisationId?: string): Promise<EducationRow[]> {
  let q = db
    .selectFrom('education_session as e')
    .innerJoin('organisation as o', 'o.id', 'e.organisation_id')
    .leftJoin('app_user as u', 'u.id', 'e.recorded_by')
    .where('e.patient_id', '=', patientId)
    .selectAll('e')
    .select(['o.name as organisation_name', 'u.display_name as recorded_by_name']);
  if (organisationId !== undefined) q = q.where('e.organisation_id', '=', organisationId);
  return (await q.orderBy('e.session_date', 'desc').orderBy('e.recorded_at', 'desc').limit(100).execute()) as EducationRow[];
}
