// The practice's home safety checks and coaching sessions (migration 0025), kept as recorded: each
// row once, never changed; a later check or session is a new row beside the earlier ones. The item
// and topic lists are the writer's (checked against the core's lists at the API); the store keeps
// them. Both tables have one shape (a day, a JSON list, a text, who and when), so one pair of
// statements serves both, told which table and columns.
import { sql } from 'kysely';
import type { Db } from './db.js';

const parsed = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);

/** One kept row as read back, in the table's own column names. */
export interface KeptRow {
  id: string;
  patient_id: string;
  /** The day it happened (checked_on, held_on). */
  day: string;
  /** The JSON list (items, topics), parsed. */
  list: unknown;
  /** The free text of the whole (agreed, note). */
  text: string | null;
  recorded_by_name: string | null;
  recorded_at: string;
}

interface Kind {
  table: 'home_check' | 'coaching_session';
  day: 'checked_on' | 'held_on';
  list: 'items' | 'topics';
  text: 'agreed' | 'note';
}

export const HOME_CHECK: Kind = { table: 'home_check', day: 'checked_on', list: 'items', text: 'agreed' };
export const COACHING_SESSION: Kind = { table: 'coaching_session', day: 'held_on', list: 'topics', text: 'note' };

const columns = (k: Kind, from: string) =>
  sql`${sql.ref(`${from}.id`)}, ${sql.ref(`${from}.patient_id`)}, ${sql.ref(`${from}.${k.day}`)} as day, ${sql.ref(`${from}.${k.list}`)} as list, ${sql.ref(`${from}.${k.text}`)} as text,
    u.display_name as recorded_by_name, ${sql.ref(`${from}.recorded_at`)}`;

const asRow = (r: KeptRow): KeptRow => ({ ...r, list: parsed(r.list) });

/** Keeps one check or session; returns it with its id, who recorded it and when. */
export async function insertKept(db: Db, k: Kind, c: { patientId: string; organisationId: string | null; by: string; date: string; list: readonly object[]; text: string | null }): Promise<KeptRow> {
  const r = await sql<KeptRow>`with ins as (
      insert into ${sql.table(k.table)} (patient_id, organisation_id, ${sql.ref(k.day)}, ${sql.ref(k.list)}, ${sql.ref(k.text)}, recorded_by)
      values (${c.patientId}, ${c.organisationId}, ${c.date}, ${JSON.stringify(c.list)}::jsonb, ${c.text}, ${c.by}) returning *)
    select ${columns(k, 'ins')} from ins left join app_user u on u.id = ins.recorded_by`.execute(db);
  const row = r.rows[0];
  if (!row) throw new Error(`a ${k.table} row went missing`);
  return asRow(row);
}

/** The checks or sessions of one patient, the latest first. */
export async function keptOf(db: Db, k: Kind, patientId: string): Promise<KeptRow[]> {
  const r = await sql<KeptRow>`select ${columns(k, 'k')} from ${sql.table(k.table)} k left join app_user u on u.id = k.recorded_by
    where k.patient_id = ${patientId} order by ${sql.ref(`k.${k.day}`)} desc, k.recorded_at desc, k.id`.execute(db);
  return r.rows.map(asRow);
}
