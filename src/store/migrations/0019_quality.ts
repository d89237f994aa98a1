// Why: the quality dashboard shows a year of a fracture liaison service's work over 100,000
// patients in a fraction of a second, which computing every patient's Case per request cannot do.
// `quality_row` keeps, per patient and organisation, where the patient stands on each indicator
// (core/quality/indicators.ts): written by the same transaction that re-derives the patient's
// worklist items, and by the daily run, since targets turn not met with time alone. The dashboard
// adds the rows of a period up by the index fracture's date (the cohort) in one statement.
// Each outcome column holds one of the core's outcome codes, or null when the indicator does not
// count the patient; `missing` lists what data completeness lacks.
import type { Kysely } from 'kysely';
import { runStatements } from './run.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table quality_row (
      organisation_id uuid not null references organisation (id),
      patient_id uuid not null references patient (id),
      index_fracture date not null,
      fracture_site text not null,
      clinician_id uuid references app_user (id),
      o_identification text check (o_identification in ('met', 'not-met', 'open', 'excluded:workup-waived', 'excluded:died', 'excluded:left-care')),
      o_assessment_90_days text check (o_assessment_90_days in ('met', 'not-met', 'open', 'excluded:workup-waived', 'excluded:died', 'excluded:left-care')),
      o_dxa_90_days text check (o_dxa_90_days in ('met', 'not-met', 'open', 'excluded:workup-waived', 'excluded:died', 'excluded:left-care')),
      o_vertebral_fracture_identified text check (o_vertebral_fracture_identified in ('met', 'not-met', 'open', 'excluded:workup-waived', 'excluded:died', 'excluded:left-care')),
      o_falls_assessment text check (o_falls_assessment in ('met', 'not-met', 'open', 'excluded:workup-waived', 'excluded:died', 'excluded:left-care')),
      o_bone_therapy_recommended text check (o_bone_therapy_recommended in ('met', 'not-met', 'open', 'excluded:workup-waived', 'excluded:died', 'excluded:left-care')),
      o_strength_and_balance text check (o_strength_and_balance in ('met', 'not-met', 'open', 'excluded:workup-waived', 'excluded:died', 'excluded:left-care')),
      o_monitoring_contact_12_16_weeks text check (o_monitoring_contact_12_16_weeks in ('met', 'not-met', 'open', 'excluded:workup-waived', 'excluded:died', 'excluded:left-care')),
      o_started_by_16_weeks text check (o_started_by_16_weeks in ('met', 'not-met', 'open', 'excluded:workup-waived', 'excluded:died', 'excluded:left-care')),
      o_on_treatment_52_weeks text check (o_on_treatment_52_weeks in ('met', 'not-met', 'open', 'excluded:workup-waived', 'excluded:died', 'excluded:left-care')),
      o_data_completeness text check (o_data_completeness in ('met', 'not-met', 'open', 'excluded:workup-waived', 'excluded:died', 'excluded:left-care')),
      dxa_iof boolean not null default false,
      missing jsonb not null default '[]' check (jsonb_typeof(missing) = 'array'),
      changed_on date not null,
      primary key (organisation_id, patient_id)
    )`,
    // The dashboard reads a range of index fracture dates of one organisation; the drill-down pages
    // through it in (date, patient) order.
    `create index quality_row_period_idx on quality_row (organisation_id, index_fracture, patient_id)`,
    `create index quality_row_patient_idx on quality_row (patient_id)`,
  ]);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
