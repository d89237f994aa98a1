// Why: between visits the patient keeps a diary of exercise and pain, and reports a new fracture, a
// fall or a side effect to the clinic. Diary entries are the patient's own notes, not facts the core
// reads (the Case has no field for them), so they get a table of their own rather than entry kinds
// of the clinical record; a later home programme links an entry to one of its exercises
// (`home_exercise_id`, empty until then). A report is kept as sent, with who sent it, the fracture
// entry it put in the record (a reported fracture counts in the Case as the patient's until a
// clinician confirms it), and the first time a clinician read it, which the patient sees.
import type { Kysely } from 'kysely';
import { runStatements } from './run.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table diary_entry (
      id uuid primary key default gen_random_uuid(),
      patient_id uuid not null references patient (id),
      entry_date date not null,
      activity text not null check (length(activity) between 1 and 200),
      minutes integer not null check (minutes between 0 and 1440),
      feeling text not null check (feeling in ('good', 'ok', 'hard')),
      pain integer not null check (pain between 0 and 10),
      note text check (note is null or length(note) between 1 and 2000),
      home_exercise_id uuid,
      written_by uuid not null references app_user (id),
      written_at timestamptz not null default now()
    )`,
    `create index diary_entry_patient_idx on diary_entry (patient_id, entry_date desc, id desc)`,
    `create table patient_report (
      id uuid primary key default gen_random_uuid(),
      patient_id uuid not null references patient (id),
      kind text not null check (kind in ('fracture', 'fall', 'side-effect')),
      what text check (what is null or length(what) between 1 and 2000),
      site text check (site is null or length(site) between 1 and 40),
      cause text check (cause is null or cause in ('low-fall', 'accident', 'unknown')),
      since date not null,
      severity text not null check (severity in ('mild', 'moderate', 'severe')),
      note text check (note is null or length(note) between 1 and 2000),
      entry_id uuid,
      sent_by uuid not null references app_user (id),
      sent_at timestamptz not null default now(),
      read_by uuid references app_user (id),
      read_at timestamptz,
      check ((kind = 'fracture') = (site is not null and cause is not null)),
      check ((kind = 'fracture') = (what is null)),
      check ((read_by is null) = (read_at is null))
    )`,
    `create index patient_report_patient_idx on patient_report (patient_id, sent_at desc, id desc)`,
  ]);
}
