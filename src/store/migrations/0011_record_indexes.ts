// Why: a merge moves every version of the duplicate's clinical entries to the record that lives on
// (`moveClinical`: update … where patient_id = …), but 0009's only index by patient holds the
// current versions alone, so PostgreSQL read the whole clinical_entry table for each merge: with
// 100,000 patients 1.8 million rows and some 840 MB (bench/README.md, "The clinical record's use
// cases"). This index holds every version, so a merge reads the duplicate's entries only.
import type { Kysely } from 'kysely';
import { runStatements } from './run.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [`create index clinical_entry_patient_all_idx on clinical_entry (patient_id)`]);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
