// Why: a physiotherapy practice that took a referred patient on writes an exercise plan: where it is
// done, which exercises of the catalogue (src/core/exercise), how much of each and how it
// progresses. A plan is never changed: a new version is a new row, so the version the patient
// printed stays as it was, and the latest version is the patient's home programme. When the core
// warned that a chosen exercise is not safe for this patient and the therapist went ahead, the
// warnings as they were shown are kept with the plan (who decided, on what).
import type { Kysely } from 'kysely';
import { runStatements } from './run.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table exercise_plan (
      id uuid primary key default gen_random_uuid(),
      patient_id uuid not null references patient (id),
      organisation_id uuid not null references organisation (id),
      version integer not null check (version >= 1),
      places jsonb not null check (jsonb_typeof(places) = 'array' and jsonb_array_length(places) between 1 and 3),
      exercises jsonb not null check (jsonb_typeof(exercises) = 'array' and jsonb_array_length(exercises) between 1 and 40),
      warnings jsonb not null default '[]'::jsonb check (jsonb_typeof(warnings) = 'array'),
      note text check (note is null or length(note) between 1 and 2000),
      written_by uuid not null references app_user (id),
      written_at timestamptz not null default now(),
      constraint exercise_plan_version_unique unique (patient_id, version)
    )`,
    `create index exercise_plan_patient_idx on exercise_plan (patient_id, version desc)`,
  ]);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
