// Why: a child of a day centre has a bone-health profile kept by the centre's physician and
// physiotherapist with the parents. What the core reads goes into the clinical record as entries
// (mobility and daylight as `child`, anti-epileptics as `risk-factors`, weight, height, fractures);
// what it does not read gets tables of its own: the rest of the profile (feeding, fibre-rich
// feeding, corticosteroids), how an earlier fracture happened, and the vitamin D doses given by
// day, which parents and staff note down (`child.log`).
import type { Kysely } from 'kysely';
import { runStatements } from './run.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table child_profile (
      patient_id uuid primary key references patient (id),
      feeding text check (feeding is null or feeding in ('mouth', 'tube', 'both')),
      fibre_rich boolean,
      corticosteroids boolean,
      note text check (note is null or length(note) between 1 and 2000),
      updated_by uuid not null references app_user (id),
      updated_at timestamptz not null default now()
    )`,
    `create table child_fracture_how (
      entry_id uuid primary key,
      patient_id uuid not null references patient (id),
      how text not null check (length(how) between 1 and 500)
    )`,
    `create table vitamin_d_dose (
      id uuid primary key default gen_random_uuid(),
      patient_id uuid not null references patient (id),
      dose_date date not null,
      micrograms integer not null check (micrograms between 1 and 100),
      given_by uuid not null references app_user (id),
      given_at timestamptz not null default now()
    )`,
    `create index vitamin_d_dose_patient_idx on vitamin_d_dose (patient_id, dose_date desc)`,
  ]);
}
