// Why: a merge must be undoable and must not lose a patient. Each merge is kept as a row of its own
// with the links it copied to the record that lives on, so undoing it removes exactly those; at most
// one live merge per duplicate, and a record is never merged into itself. The history of a record
// gains the reason 'unmerge' beside 'merge'.
import type { Kysely } from 'kysely';
import { runStatements } from './run.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table patient_merge (
      id bigint generated always as identity primary key,
      keep_id uuid not null references patient (id),
      duplicate_id uuid not null references patient (id),
      merged_at timestamptz not null default now(),
      merged_by uuid references app_user (id),
      moved jsonb not null,
      undone_at timestamptz,
      undone_by uuid references app_user (id),
      check (keep_id <> duplicate_id)
    )`,
    `create unique index patient_merge_live_idx on patient_merge (duplicate_id) where undone_at is null`,
    `create index patient_merge_keep_idx on patient_merge (keep_id)`,
    `alter table patient add constraint patient_not_merged_into_itself check (merged_into is null or merged_into <> id)`,
    `alter table patient_revision drop constraint patient_revision_reason_check`,
    `alter table patient_revision add constraint patient_revision_reason_check
      check (reason in ('correction', 'entered-in-error', 'merge', 'unmerge'))`,
  ]);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
