// The practice's home safety checks and coaching sessions (migration 0025), kept as recorded: each
// row once, never changed; a later check or session is a new row beside the earlier ones. The item
// and topic lists are the writer's (checked against the core's lists at the API); the store keeps them.
import { sql } from 'kysely';
import type { Db } from './db.js';

const parsed = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);

export interface HomeCheckRow {
  id: string;
  patient_id: string;
  checked_on: string;
  items: unknown;
  agreed: string | null;
  recorded_by_name: string | null;
  recorded_at: string;
}

export interface CoachingSessionRow {
  id: string;
  patient_id: string;
  held_on: string;
  topics: unknown;
  note: string | null;
  recorded_by_name: string | null;
  recorded_at: string;
}

interface NewRecord {
  patientId: string;
  organisationId: string | null;
  by: string;
}

export async function insertHomeCheck(db: Db, c: NewRecord & { date: string; items: readonly object[]; agreed: string | null }): Promise<HomeCheckRow> {
  const r = await sql<HomeCheckRow>`with ins as (
      insert into home_check (patient_id, organisation_id, checked_on, items, agreed, recorded_by)
      values (${c.patientId}, ${c.organisationId}, ${c.date}, ${JSON.stringify(c.items)}::jsonb, ${c.agreed}, ${c.by}) returning *)
    select ins.id, ins.patient_id, ins.checked_on, ins.items, ins.agreed, u.display_name as recorded_by_name, ins.recorded_at
      from ins left join app_user u on u.id = ins.recorded_by`.execute(db);
  const row = r.rows[0];
  if (!row) throw new Error('a home check went missing');
  return { ...row, items: parsed(row.items) };
}

/** The home checks of one patient, the latest first. */
export async function homeChecksOf(db: Db, patientId: string): Promise<HomeCheckRow[]> {
  const r = await sql<HomeCheckRow>`select h.id, h.patient_id, h.checked_on, h.items, h.agreed, u.display_name as recorded_by_name, h.recorded_at
    from home_check h left join app_user u on u.id = h.recorded_by
    where h.patient_id = ${patientId} order by h.checked_on desc, h.recorded_at desc, h.id`.execute(db);
  return r.rows.map((row) => ({ ...row, items: parsed(row.items) }));
}

export async function insertCoachingSession(db: Db, c: NewRecord & { date: string; topics: readonly object[]; note: string | null }): Promise<CoachingSessionRow> {
  const r = await sql<CoachingSessionRow>`with ins as (
      insert into coaching_session (patient_id, organisation_id, held_on, topics, note, recorded_by)
      values (${c.patientId}, ${c.organisationId}, ${c.date}, ${JSON.stringify(c.topics)}::jsonb, ${c.note}, ${c.by}) returning *)
    select ins.id, ins.patient_id, ins.held_on, ins.topics, ins.note, u.display_name as recorded_by_name, ins.recorded_at
      from ins left join app_user u on u.id = ins.recorded_by`.execute(db);
  const row = r.rows[0];
  if (!row) throw new Error('a coaching session went missing');
  return { ...row, topics: parsed(row.topics) };
}

/** The coaching sessions of one patient, the latest first. */
export async function coachingSessionsOf(db: Db, patientId: string): Promise<CoachingSessionRow[]> {
  const r = await sql<CoachingSessionRow>`select s.id, s.patient_id, s.held_on, s.topics, s.note, u.display_name as recorded_by_name, s.recorded_at
    from coaching_session s left join app_user u on u.id = s.recorded_by
    where s.patient_id = ${patientId} order by s.held_on desc, s.recorded_at desc, s.id`.execute(db);
  return r.rows.map((row) => ({ ...row, topics: parsed(row.topics) }));
}
