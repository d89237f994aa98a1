// The letters Botpad wrote about a patient (migration 0015), kept as sent: the kind, the language,
// what they said, who wrote them and when, so each prints again as it was. No authorisation here:
// the services reach this only inside access.ts's withPatient / readWithPatient.
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

const COLUMNS = sql`l.id, l.patient_id, l.organisation_id, l.kind, l.lang, l.content, l.written_by, u.display_name as written_by_name, l.written_at`;
const asRow = (r: LetterRow): LetterRow => ({ ...r, content: parsed(r.content) });

export async function insertLetter(db: Db, l: NewLetter): Promise<LetterRow> {
  const r = await sql<LetterRow>`with ins as (
      insert into letter (patient_id, organisation_id, kind, lang, content, written_by)
      values (${l.patientId}, ${l.organisationId}, ${l.kind}, ${l.lang}, ${JSON.stringify(l.content)}::jsonb, ${l.by})
      returning *)
    select ${COLUMNS} from ins l left join app_user u on u.id = l.written_by`.execute(db);
  return asRow(r.rows[0] as LetterRow);
}

/** A patient's letters, the newest first. */
export async function lettersOf(db: Db, patientId: string): Promise<LetterRow[]> {
  const r = await sql<LetterRow>`select ${COLUMNS} from letter l left join app_user u on u.id = l.written_by
    where l.patient_id = ${patientId} order by l.written_at desc, l.id desc`.execute(db);
  return r.rows.map(asRow);
}

/** One letter of this patient; undefined when the id names none of theirs. */
export async function letterById(db: Db, patientId: string, letterId: string): Promise<LetterRow | undefined> {
  const r = await sql<LetterRow>`select ${COLUMNS} from letter l left join app_user u on u.id = l.written_by
    where l.patient_id = ${patientId} and l.id = ${letterId}`.execute(db);
  const row = r.rows[0];
  return row ? asRow(row) : undefined;
}
