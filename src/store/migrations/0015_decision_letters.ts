// Why: the treatment decision is made with the patient, and what was agreed must stay as it was
// agreed: the option chosen (also "no medication", a decision and not a gap), what matters to the
// patient, the agreements on medication, exercise, nutrition, follow-up and side effects, and the
// picture they looked at together (the core's findings and the FRAX risks as entered). A later
// decision supersedes an earlier one; both stay. Letters Botpad writes about a patient (the GP
// hand-over, the dentist's card, the printed agreements) are kept as sent: what each said, in which
// language, by whom and when, so the same letter can be printed again as it was.
import type { Kysely } from 'kysely';
import { runStatements } from './run.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table shared_decision (
      id uuid primary key default gen_random_uuid(),
      patient_id uuid not null references patient (id),
      organisation_id uuid references organisation (id),
      decided_on date not null,
      option text not null check (option in ('lifestyle-only', 'weekly-tablet', 'yearly-infusion', 'injection-6-months', 'daily-injection')),
      drug text,
      what_matters text check (what_matters is null or length(what_matters) between 1 and 4000),
      agreements jsonb not null check (jsonb_typeof(agreements) = 'object'),
      picture jsonb not null check (jsonb_typeof(picture) = 'object'),
      made_by uuid not null references app_user (id),
      made_at timestamptz not null default now()
    )`,
    `create index shared_decision_patient_idx on shared_decision (patient_id, decided_on desc, made_at desc)`,
    `create table letter (
      id uuid primary key default gen_random_uuid(),
      patient_id uuid not null references patient (id),
      organisation_id uuid references organisation (id),
      kind text not null check (kind in ('gp-handover', 'dentist-card', 'agreements')),
      lang text not null check (lang in ('nl', 'en')),
      content jsonb not null check (jsonb_typeof(content) = 'object'),
      written_by uuid not null references app_user (id),
      written_at timestamptz not null default now()
    )`,
    `create index letter_patient_idx on letter (patient_id, written_at desc)`,
  ]);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
