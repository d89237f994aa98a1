// Why: the foreign key from audit_seal to audit_event made PostgreSQL lock every audit entry it
// sealed (a row lock written into the entry's page, and logged) – about as much work again as the
// entry itself, at every record read. It guarded nothing the log does not already guarantee: entries
// cannot be deleted or truncated (the append-only triggers refuse it), and `botpad audit verify`
// names any seal whose entry is missing. The unique index on event_id stays.
import type { Kysely } from 'kysely';
import { runStatements } from './run.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [`alter table audit_seal drop constraint audit_seal_event_id_fkey`]);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
