// Why: once a practice accepts a referral, its physiotherapist records the intake (history, pain,
// the fall-risk screen and the Short FES-I, posture and safe movement, the patient's own goals and
// the PSK) and the education session (which topics were discussed, what the patient wants to know
// more about). Both are the practice's own work, not facts of the clinical record, so they get
// tables of their own. An intake is never changed: a new version is a new row with the next number
// (per patient and practice), so the history stays. The PSK and the goals have columns of their own
// (the PSK in the shape clinical-rules.md §13 gives a measurement, `[{ activity, score }]`), so the
// later measurements can read them without opening the rest.
import type { Kysely } from 'kysely';
import { runStatements } from './run.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table therapy_intake (
      id uuid primary key default gen_random_uuid(),
      patient_id uuid not null references patient (id),
      organisation_id uuid not null references organisation (id),
      version integer not null check (version >= 1),
      intake_date date not null,
      data jsonb not null check (jsonb_typeof(data) = 'object'),
      goals jsonb not null check (jsonb_typeof(goals) = 'array' and jsonb_array_length(goals) between 1 and 5),
      psk jsonb not null check (jsonb_typeof(psk) = 'array' and jsonb_array_length(psk) <= 3),
      recorded_by uuid not null references app_user (id),
      recorded_at timestamptz not null default now(),
      constraint therapy_intake_version_unique unique (patient_id, organisation_id, version)
    )`,
    `create table education_session (
      id uuid primary key default gen_random_uuid(),
      patient_id uuid not null references patient (id),
      organisation_id uuid not null references organisation (id),
      session_date date not null,
      topics jsonb not null check (jsonb_typeof(topics) = 'array' and jsonb_array_length(topics) between 1 and 8),
      note text check (note is null or length(note) between 1 and 2000),
      recorded_by uuid not null references app_user (id),
      recorded_at timestamptz not null default now()
    )`,
    `create index education_session_patient_idx on education_session (patient_id, session_date desc, recorded_at desc)`,
  ]);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
