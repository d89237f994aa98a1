// Why: a hospital refers a patient to a physiotherapy practice, and the practice decides whether it
// takes the patient on. Until it does, the practice sees the referral and nothing else of the
// record; once it accepts, its physiotherapists open the record; a decline or an end closes it again.
// Each referral is kept with what it said when it was sent (the reason, the VFA result and the
// agreements of the shared decision, as snapshots: a later VFA does not rewrite what the practice
// was told) and who took each step when. The door itself stays the `referral` row of
// patient_organisation that the access rules and every list already read: acceptance adds it and a
// decline or an end removes it, in the same transaction as the step (see docs/referrals.md). At most
// one referral per patient and practice is open (waiting or accepted) at a time, so the one door is
// closed by exactly one end.
import type { Kysely } from 'kysely';
import { runStatements } from './run.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table referral (
      id uuid primary key default gen_random_uuid(),
      patient_id uuid not null references patient (id),
      from_organisation_id uuid references organisation (id),
      to_organisation_id uuid not null references organisation (id),
      source text not null check (source in ('hospital', 'gp-letter')),
      reason text not null check (length(reason) between 1 and 2000),
      vfa jsonb check (vfa is null or jsonb_typeof(vfa) = 'object'),
      agreements jsonb check (agreements is null or jsonb_typeof(agreements) = 'object'),
      status text not null default 'pending' check (status in ('pending', 'accepted', 'declined', 'ended')),
      referred_by uuid not null references app_user (id),
      referred_at timestamptz not null default now(),
      decided_by uuid references app_user (id),
      decided_at timestamptz,
      decline_reason text check (decline_reason is null or length(decline_reason) between 1 and 2000),
      ended_by uuid references app_user (id),
      ended_at timestamptz,
      end_reason text check (end_reason is null or length(end_reason) between 1 and 2000),
      constraint referral_source_from check ((source = 'hospital') = (from_organisation_id is not null)),
      constraint referral_decided check ((status = 'pending') = (decided_at is null) and (decided_at is null) = (decided_by is null)),
      constraint referral_declined check ((status = 'declined') = (decline_reason is not null)),
      constraint referral_ended check ((status = 'ended') = (ended_at is not null) and (ended_at is null) = (ended_by is null) and (ended_at is null) = (end_reason is null))
    )`,
    `create unique index referral_open_unique on referral (patient_id, to_organisation_id) where status in ('pending', 'accepted')`,
    `create index referral_practice_idx on referral (to_organisation_id, status, referred_at)`,
    `create index referral_patient_idx on referral (patient_id, referred_at desc)`,
  ]);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
