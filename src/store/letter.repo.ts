// Letters as sent (migration 0015): what each said, in which language, by whom and when. A letter is
// written once and never changed, so printing it again gives the same letter. The content is the
// writer's own structure; the store only keeps it.
import { sql } from 'kysely';
import type { LetterKind } from '../core/record/lists.js';
import type { Db } from './db.js';

const parsed = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);

export interface LetterRow {
  id: string;
  patient_id: string;
  organisation_id: string | null;
  kind: LetterKind;
  lang: 'nl' | 'en';
  content: unknown;
  written_by: string;
  written_by_name: string | null;
  written_at: string;
}

export interface NewLetter {
  patientId: string;
  organisationId: string | null;
  kind: LetterKind;
  lang: 'nl' | 'en';
  content: object;
  by: string;
}

const SELECT = sql`select l.id, l.patient_id, l.organisation_id, l.kind, l.lang, l.content, l.written_by, u.display_name as written_by_name, l.written_at
  from letter l left join app_user u on u.id = l.written_by`;

const asRow = (r: LetterRow): LetterRow => ({ ...r, content: parsed(r.content) });

/** Keeps one letter as written; returns it with its id and time. */
export async function insertLetter(db: Db, l: NewLetter): Promise<LetterRow> {
  const inserted = await db
    .insertInto('letter')
    .values({ patient_id: l.patientId, organisation_id: l.organisationId, kind: l.kind, lang: l.lang, content: JSON.stringify(l.content), written_by: l.by })
    .returning('id')
    .executeTakeFirstOrThrow();
  const row = await letterById(db, l.patientId, inserted.id);
  if (!row) throw new Error('a kept letter went missing');
  return row;
}

/** The letters of one patient, newest first; `kinds` narrows them. */
export async function lettersOf(db: Db, patientId: string, kinds?: readonly LetterKind[]): Promise<LetterRow[]> {
  const only = kinds && kinds.length > 0 ? sql`and l.kind in (${sql.join(kinds)})` : sql``;
  const r = await sql<LetterRow>`${SELECT} where l.patient_id = ${patientId} ${only} order by l.written_at desc, l.id`.execute(db);
  return r.rows.map(asRow);
}

/** One letter of this patient (a letter id of another patient finds nothing). */
export async function letterById(db: Db, patientId: string, letterId: string): Promise<LetterRow | undefined> {
  const r = await sql<LetterRow>`${SELECT} where l.patient_id = ${patientId} and l.id = ${letterId}`.execute(db);
  const row = r.rows[0];
  return row ? asRow(row) : undefined;
}

export interface DecisionAgreements {
  decided_on: string;
  option: string;
  drug: string | null;
  agreements: unknown;
}

/** The latest shared decision's agreements, as the hand-over letter passes them on; none: undefined. */
export async function latestAgreements(db: Db, patientId: string): Promise<DecisionAgreements | undefined> {
  const r = await sql<DecisionAgreements>`select decided_on, option, drug, agreements from shared_decision
    where patient_id = ${patientId} order by decided_on desc, made_at desc, id limit 1`.execute(db);
  const row = r.rows[0];
  return row ? { ...row, agreements: parsed(row.agreements) } : undefined;
}
