// The shared decisions of a patient (migration 0015), kept as they were made: a later decision
// supersedes an earlier one and both stay. No authorisation here: services/decisions.ts reaches
// this only inside access.ts's withPatient / readWithPatient.
import { sql } from 'kysely';
import type { DecisionOption } from '../core/record/lists.js';
import type { Db } from './db.js';

/** jsonb comes back parsed from pg and PGlite alike; a text is parsed, to be safe with either. */
const parsed = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);

export interface DecisionRow {
  id: string;
  patient_id: string;
  organisation_id: string | null;
  decided_on: string;
  option: DecisionOption;
  drug: string | null;
  what_matters: string | null;
  agreements: unknown;
  picture: unknown;
  made_by: string;
  made_by_name: string | null;
  made_at: string;
}

export interface NewDecision {
  patientId: string;
  organisationId: string | null;
  decidedOn: string;
  option: DecisionOption;
  drug: string | null;
  whatMatters: string | null;
  agreements: object;
  picture: object;
  by: string;
}

const COLUMNS = sql`d.id, d.patient_id, d.organisation_id, d.decided_on, d.option, d.drug, d.what_matters, d.agreements, d.picture,
  d.made_by, u.display_name as made_by_name, d.made_at`;
const asRow = (r: DecisionRow): DecisionRow => ({ ...r, agreements: parsed(r.agreements), picture: parsed(r.picture) });

export async function insertDecision(db: Db, d: NewDecision): Promise<DecisionRow> {
  const r = await sql<DecisionRow>`with ins as (
      insert into shared_decision (patient_id, organisation_id, decided_on, option, drug, what_matters, agreements, picture, made_by)
      values (${d.patientId}, ${d.organisationId}, ${d.decidedOn}, ${d.option}, ${d.drug}, ${d.whatMatters},
        ${JSON.stringify(d.agreements)}::jsonb, ${JSON.stringify(d.picture)}::jsonb, ${d.by})
      returning *)
    select ${COLUMNS} from ins d left join app_user u on u.id = d.made_by`.execute(db);
  return asRow(r.rows[0] as DecisionRow);
}

/** A patient's decisions, the newest first (by the day decided, then when recorded). */
export async function decisionsOf(db: Db, patientId: string): Promise<DecisionRow[]> {
  const r = await sql<DecisionRow>`select ${COLUMNS} from shared_decision d left join app_user u on u.id = d.made_by
    where d.patient_id = ${patientId} order by d.decided_on desc, d.made_at desc, d.id desc`.execute(db);
  return r.rows.map(asRow);
}

/** One decision of this patient; undefined when the id names none of theirs. */
export async function decisionById(db: Db, patientId: string, decisionId: string): Promise<DecisionRow | undefined> {
  const r = await sql<DecisionRow>`select ${COLUMNS} from shared_decision d left join app_user u on u.id = d.made_by
    where d.patient_id = ${patientId} and d.id = ${decisionId}`.execute(db);
  const row = r.rows[0];
  return row ? asRow(row) : undefined;
}
