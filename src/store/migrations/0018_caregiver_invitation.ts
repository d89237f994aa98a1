// Why: a patient invites a caregiver by e-mail themself. The invitation waits for the caregiver to
// take it (with a new account or their own), so it is kept apart from the link it becomes: for whom,
// which relation, when it expires, and how it ended. Only a hash of the mailed token is stored, so
// a copy of the database opens no invitation. One open invitation per address per record.
import type { Kysely } from 'kysely';
import { runStatements } from './run.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table caregiver_invitation (
      id uuid primary key default gen_random_uuid(),
      patient_id uuid not null references patient (id),
      email text not null check (length(email) between 3 and 320),
      relation text not null check (relation in ('parent', 'legal-representative', 'family')),
      token_hash text not null unique,
      invited_by uuid not null references app_user (id),
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      ended_at timestamptz,
      ended_as text check (ended_as in ('accepted', 'cancelled', 'expired')),
      accepted_by uuid references app_user (id),
      constraint caregiver_invitation_ending_complete check ((ended_at is null) = (ended_as is null)
        and ((ended_as = 'accepted') = (accepted_by is not null)))
    )`,
    `create unique index caregiver_invitation_open_unique on caregiver_invitation (patient_id, lower(email)) where ended_at is null`,
    `create index caregiver_invitation_patient_idx on caregiver_invitation (patient_id, created_at)`,
  ]);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
