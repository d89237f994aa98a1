// Why: the administrator's audit search shows the log newest first by (time, id) and pages by that
// pair (keyset paging), so each page is read off this index from where the last one stopped instead
// of sorting every matching entry for every page.
import type { Kysely } from 'kysely';
import { runStatements } from './run.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [`create index audit_event_at_id_idx on audit_event (at, id)`]);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
