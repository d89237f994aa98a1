// Why: the record held only a patient's personal details, so no clinical fact of the pathway could
// be recorded. Every fact is now an entry: its kind, its clinical date and its data (checked by the
// core's schema for that kind before it is written), who recorded it, from where and when. An entry
// is never changed in place: a correction adds a version and the old one stays as history; marking
// an entry entered in error adds a version that hides it. Only the newest version of an entry is
// `current`, which one partial unique index keeps true.
// A signed assessment keeps what the core concluded at that moment, with the rules version, so a
// later rules change never rewrites it. The end of care in the pathway is a row of its own.
import type { Kysely } from 'kysely';
import { runStatements } from './run.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table clinical_entry (
      id uuid primary key default gen_random_uuid(),
      entry_id uuid not null,
      version integer not null check (version >= 1),
      patient_id uuid not null references patient (id),
      kind text not null check (kind in (
        'weight', 'height', 'menopause', 'fracture', 'risk-factors', 'glucocorticoid-course', 'fall', 'falls-screen',
        'dxa', 'vfa', 'labs', 'fes-i', 'calcium', 'medication', 'medication-dose', 'planned-medication',
        'contact', 'frax', 'workup-waived', 'safety', 'dental-check', 'child', 'aids-check', 'note')),
      clinical_date date not null,
      data jsonb not null check (jsonb_typeof(data) = 'object'),
      status text not null check (status in ('active', 'entered-in-error')),
      current boolean not null,
      source text not null check (source in ('clinician', 'patient', 'import')),
      recorded_by uuid references app_user (id),
      organisation_id uuid references organisation (id),
      recorded_at timestamptz not null default now(),
      reason text check (reason is null or length(reason) between 1 and 500),
      unique (entry_id, version),
      check (version = 1 or reason is not null)
    )`,
    `create unique index clinical_entry_current_idx on clinical_entry (entry_id) where current`,
    `create index clinical_entry_patient_idx on clinical_entry (patient_id, clinical_date) where current`,
    `create table assessment (
      id uuid primary key default gen_random_uuid(),
      patient_id uuid not null references patient (id),
      organisation_id uuid references organisation (id),
      as_of date not null,
      rules_version text not null,
      settings jsonb not null,
      case_data jsonb not null,
      evaluation jsonb not null,
      signed_by uuid not null references app_user (id),
      signed_role text not null,
      signed_at timestamptz not null default now(),
      note text check (note is null or length(note) between 1 and 2000)
    )`,
    `create index assessment_patient_idx on assessment (patient_id, signed_at)`,
    `create table care_end (
      id uuid primary key default gen_random_uuid(),
      patient_id uuid not null references patient (id),
      organisation_id uuid references organisation (id),
      reason text not null check (reason in ('deceased', 'moved', 'transferred-to-gp', 'declined-further-care')),
      end_date date not null,
      note text check (note is null or length(note) between 1 and 2000),
      ended_by uuid not null references app_user (id),
      ended_at timestamptz not null default now(),
      resumed_at timestamptz,
      resumed_by uuid references app_user (id),
      check ((resumed_at is null) = (resumed_by is null))
    )`,
    `create unique index care_end_open_idx on care_end (patient_id) where resumed_at is null`,
  ]);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
