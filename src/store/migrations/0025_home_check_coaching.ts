// Why: a physiotherapy practice that took a referral on walks through the patient's home with them
// (lighting, loose rugs and cables, stairs and rails, the bathroom, shoes, pets, reaching high
// places) and coaches them on moving, food, daylight, smoking, alcohol, falls and pain. Both are the
// practice's own records of what was found, discussed and agreed, not facts the core reads (the
// Case has no field for them), so they get tables of their own beside the clinical record. The
// items and topics are closed lists of the core (core/coaching/lists.ts), checked by the API; each
// row keeps them as a JSON array because a check or a session is read and shown as a whole. When food
// is the problem the practice refers the patient to a dietitian by letter: kept with the other
// letters, so `letter.kind` gains `dietitian-referral`.
import type { Kysely } from 'kysely';
import { runStatements } from './run.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table home_check (
      id uuid primary key default gen_random_uuid(),
      patient_id uuid not null references patient (id),
      organisation_id uuid references organisation (id),
      checked_on date not null,
      items jsonb not null check (jsonb_typeof(items) = 'array'),
      agreed text check (agreed is null or length(agreed) between 1 and 4000),
      recorded_by uuid not null references app_user (id),
      recorded_at timestamptz not null default now()
    )`,
    `create index home_check_patient_idx on home_check (patient_id, checked_on desc, recorded_at desc)`,
    `create table coaching_session (
      id uuid primary key default gen_random_uuid(),
      patient_id uuid not null references patient (id),
      organisation_id uuid references organisation (id),
      held_on date not null,
      topics jsonb not null check (jsonb_typeof(topics) = 'array' and jsonb_array_length(topics) >= 1),
      note text check (note is null or length(note) between 1 and 4000),
      recorded_by uuid not null references app_user (id),
      recorded_at timestamptz not null default now()
    )`,
    `create index coaching_session_patient_idx on coaching_session (patient_id, held_on desc, recorded_at desc)`,
    `alter table letter drop constraint letter_kind_check`,
    `alter table letter add constraint letter_kind_check check (kind in ('gp-handover', 'dentist-card', 'agreements', 'dietitian-referral'))`,
  ]);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
