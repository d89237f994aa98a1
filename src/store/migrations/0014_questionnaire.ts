// Why: the patient (or a caregiver) fills in the questionnaires before the diagnostic day on a
// tablet that may sleep between two questions. Each step is kept at once as a draft, one per
// patient and questionnaire, until it is sent; sending turns the answers into record entries and
// stamps the draft, which stays so the answers can be changed and sent again until the clinic has
// recorded the same facts itself.
import type { Kysely } from 'kysely';
import { runStatements } from './run.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table questionnaire_draft (
      patient_id uuid not null references patient (id),
      questionnaire text not null check (questionnaire in ('risk-factors', 'calcium', 'fes-i', 'promis-gh10')),
      answers jsonb not null check (jsonb_typeof(answers) = 'object'),
      updated_by uuid references app_user (id),
      updated_at timestamptz not null default now(),
      sent_at timestamptz,
      sent_by uuid references app_user (id),
      primary key (patient_id, questionnaire)
    )`,
  ]);
}
