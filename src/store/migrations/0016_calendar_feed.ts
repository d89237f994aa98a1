// Why: a patient (or a caregiver for them) subscribes a phone or computer calendar to their doses,
// blood tests and appointments. The link is private: only the SHA-256 of its token is kept, so a
// copy of the database opens no calendar. One live link per person per record: a new one ends the
// old one at once (revoked_at). The patient's reminder choices (time of day, whether titles may
// name the medicine) are kept per record.
import type { Kysely } from 'kysely';
import { runStatements } from './run.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table calendar_choice (
      patient_id uuid primary key references patient (id),
      remind_at text not null default '09:00' check (remind_at ~ '^(0[5-9]|1[0-9]|2[0-3]):[0-5][0-9]$'),
      name_medicine boolean not null default false,
      changed_by uuid not null references app_user (id),
      changed_at timestamptz not null default now()
    )`,
    `create table calendar_feed (
      id uuid primary key default gen_random_uuid(),
      patient_id uuid not null references patient (id),
      user_id uuid not null references app_user (id),
      token_hash text not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
      created_at timestamptz not null default now(),
      revoked_at timestamptz
    )`,
    `create unique index calendar_feed_live_idx on calendar_feed (patient_id, user_id) where revoked_at is null`,
  ]);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
