// The database's CHECK constraints hold the same closed lists as src/core/access/lists.ts, on both
// stores: read back from pg_catalog, not from the migration text. A list changed in one place only
// fails here (then a new migration changes the constraint; old migrations stay as they were).
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CARE_RELATIONS, CAREGIVER_RELATIONS, CONSENT_GIVERS, CONSENT_WITHDRAWERS, INVITATION_ENDINGS, ORGANISATION_KINDS, ROLES } from '../core/access/lists.js';
import { CARE_END_REASONS, DECISION_OPTIONS, ENTRY_KINDS, ENTRY_SOURCES, ENTRY_STATUSES, LETTER_KINDS, QUESTIONNAIRES } from '../core/record/lists.js';
import { COMMUNICATION_KINDS, INVITATION_EVENTS, ITEM_STATES, PRIORITIES, VISIT_KINDS, VISIT_STATUSES, WORKLIST_STEPS } from '../core/worklist/lists.js';
import { OUTCOME_CODES, QUALITY_INDICATORS } from '../core/quality/lists.js';
import { REFERRAL_SOURCES, REFERRAL_STATUSES } from '../core/referral/lists.js';
import { AID_KINDS, SIGNAL_FRACTURE } from '../core/children/aids-signals.js';
import type { Store } from './db.js';
import { freshStore, STORE_KINDS } from './testing/stores.js';

const CHECKED: { table: string; column: string; list: readonly string[] }[] = [
  { table: 'app_user', column: 'role', list: ROLES },
  { table: 'organisation', column: 'kind', list: ORGANISATION_KINDS },
  { table: 'patient_organisation', column: 'relation', list: CARE_RELATIONS },
  { table: 'caregiver_link', column: 'relation', list: CAREGIVER_RELATIONS },
  { table: 'caregiver_link', column: 'consent_given_as', list: CONSENT_GIVERS },
  { table: 'caregiver_link', column: 'withdrawn_as', list: CONSENT_WITHDRAWERS },
  { table: 'clinical_entry', column: 'kind', list: ENTRY_KINDS },
  { table: 'clinical_entry', column: 'status', list: ENTRY_STATUSES },
  { table: 'clinical_entry', column: 'source', list: ENTRY_SOURCES },
  { table: 'care_end', column: 'reason', list: CARE_END_REASONS },
  { table: 'shared_decision', column: 'option', list: DECISION_OPTIONS },
  { table: 'letter', column: 'kind', list: LETTER_KINDS },
  { table: 'worklist_item', column: 'step', list: WORKLIST_STEPS },
  { table: 'worklist_item', column: 'priority', list: PRIORITIES },
  { table: 'worklist_item', column: 'state', list: ITEM_STATES },
  { table: 'visit', column: 'kind', list: VISIT_KINDS },
  { table: 'visit', column: 'status', list: VISIT_STATUSES },
  { table: 'invitation_event', column: 'event', list: INVITATION_EVENTS },
  { table: 'communication', column: 'kind', list: COMMUNICATION_KINDS },
  { table: 'questionnaire_draft', column: 'questionnaire', list: QUESTIONNAIRES },
  { table: 'caregiver_invitation', column: 'relation', list: CAREGIVER_RELATIONS },
  { table: 'caregiver_invitation', column: 'ended_as', list: INVITATION_ENDINGS },
  ...QUALITY_INDICATORS.map((i) => ({ table: 'quality_row', column: `o_${i.replace(/-/g, '_')}`, list: OUTCOME_CODES })),
  { table: 'referral', column: 'source', list: REFERRAL_SOURCES },
  { table: 'referral', column: 'status', list: REFERRAL_STATUSES },
  { table: 'child_aid', column: 'kind', list: AID_KINDS },
  { table: 'fracture_signal', column: 'fracture', list: SIGNAL_FRACTURE },
];

/** The values a CHECK constraint allows for `column`, as PostgreSQL prints it: (col = ANY (ARRAY['a'::text, …])). */
export function allowedValues(definitions: readonly string[], column: string): string[][] {
  const head = new RegExp(`\\(${column} = ANY \\(ARRAY\\[([^\\]]*)\\]`);
  return definitions.flatMap((d) => {
    const m = head.exec(d);
    return m?.[1] === undefined ? [] : [[...m[1].matchAll(/'((?:[^']|'')*)'::text/g)].map((v) => (v[1] ?? '').replace(/''/g, "'"))];
  });
}

describe('allowedValues', () => {
  it('reads the list out of a printed CHECK constraint and ignores other checks', () => {
    const defs = ["CHECK ((role = ANY (ARRAY['patient'::text, 'care-worker'::text])))", 'CHECK (((role = ANY (ARRAY[\'x\'::text])) = (organisation_id IS NULL)))', 'CHECK ((length(name) >= 1))'];
    expect(allowedValues(defs, 'role')).toEqual([['patient', 'care-worker'], ['x']]);
    expect(allowedValues(defs, 'kind')).toEqual([]);
  });
});

describe.each(STORE_KINDS)('CHECK constraints against the lists on %s', (kind) => {
  let store: Store;
  beforeAll(async () => {
    store = await freshStore(kind);
  });
  afterAll(async () => {
    await store.close();
  });

  it.each(CHECKED.map((c) => [`${c.table}.${c.column}`, c] as const))('%s allows exactly the list', async (_name, { table, column, list }) => {
    // A column's own CHECK is named <table>_<column>_check by PostgreSQL (15 and 18 alike).
    const r = await sql<{ def: string }>`
      select pg_get_constraintdef(c.oid) as def from pg_constraint c
       where c.conrelid = ${table}::regclass and c.contype = 'c' and c.conname = ${`${table}_${column}_check`}`.execute(store.db);
    const lists = allowedValues(r.rows.map((x) => x.def), column);
    expect(lists, `one CHECK constraint lists the values of ${table}.${column}`).toHaveLength(1);
    expect([...(lists[0] ?? [])].sort()).toEqual([...list].sort());
  });
});
