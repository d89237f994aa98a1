// Why: a tap on the wrong button of the tablet's log is easily made, and its minutes would count in
// the child's means for a week. The person who noted a line may take it back the same day; the line
// stays, marked with who took it back and when, and no longer counts anywhere it is read.
import type { Kysely } from 'kysely';
import { runStatements } from './run.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `alter table loading_log add column withdrawn_at timestamptz, add column withdrawn_by uuid references app_user (id)`,
    `alter table loading_log add constraint loading_log_withdrawn_check check ((withdrawn_at is null) = (withdrawn_by is null))`,
  ]);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
