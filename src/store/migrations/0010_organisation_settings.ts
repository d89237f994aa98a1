// Why: an organisation may set its own values for the settings clinical-rules.md marks configurable
// (a hospital that follows its own fracture-site policy, a dietitian's calcium values). Only the
// values it changed are kept, as one JSON object, so a default that changes in a later release
// reaches every organisation that never touched it. The table only grows: each change is a row of
// its own with who made it and when, the newest row being what counts, so no earlier value is ever
// lost. The index serves the one read every evaluation makes: the newest row of one organisation.
import type { Kysely } from 'kysely';
import { runStatements } from './run.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table organisation_settings (
      id bigint generated always as identity primary key,
      organisation_id uuid not null references organisation (id),
      overrides jsonb not null check (jsonb_typeof(overrides) = 'object'),
      changed_at timestamptz not null default now(),
      changed_by uuid references app_user (id)
    )`,
    `create index organisation_settings_newest_idx on organisation_settings (organisation_id, id desc)`,
    // A change is a new row; rows already written stay as they are (refuse_change: migration 0002).
    `create trigger organisation_settings_append_only before update or delete on organisation_settings
      for each row execute function refuse_change()`,
  ]);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
