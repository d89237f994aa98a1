// Why: a form sent after its session ended is kept for its author until they have signed in again.
// It used to ride along in the sign-in page as hidden fields, readable in the page source by the
// next person at a shared computer; now it stays on the server, bound to the account whose session
// sent it, and the page carries only an opaque reference (stored here as its SHA-256).
import type { Kysely } from 'kysely';
import { runStatements } from './run.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table kept_form (
      ref_hash text primary key,
      user_id uuid not null references app_user (id),
      action text not null check (length(action) between 1 and 2000),
      pairs jsonb not null,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null
    )`,
    `create index kept_form_expires_idx on kept_form (expires_at)`,
  ]);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
