// Why: a caregiver's link used to carry a bare yes/no for the patient's consent, so a link could be
// issued that the access rules then refused, and nobody could tell who had agreed, when, or end it.
// The link now records who gave the consent and when (the patient themself or someone on their
// behalf), the proof of a legal representation, and a withdrawal (by the patient, or by the clinic
// with a reason) that ends the access at once. Existing consents are kept as given by the patient
// on the day the link was made; a legal representative's link needs its proof recorded again.
import type { Kysely } from 'kysely';
import { runStatements } from './run.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `alter table caregiver_link add column consent_given_by text`,
    `alter table caregiver_link add column consent_given_as text check (consent_given_as in ('patient', 'representative'))`,
    `alter table caregiver_link add column consent_given_at timestamptz`,
    `alter table caregiver_link add column consent_recorded_by uuid references app_user (id)`,
    `alter table caregiver_link add column representation_proof text`,
    `alter table caregiver_link add column representation_recorded_at timestamptz`,
    `alter table caregiver_link add column withdrawn_at timestamptz`,
    `alter table caregiver_link add column withdrawn_by uuid references app_user (id)`,
    `alter table caregiver_link add column withdrawn_as text check (withdrawn_as in ('patient', 'clinic'))`,
    `alter table caregiver_link add column withdrawn_reason text`,
    `update caregiver_link c set consent_given_at = c.created_at, consent_given_as = 'patient', consent_given_by = p.given_name || ' ' || p.family_name
       from patient p where p.id = c.patient_id and c.patient_consent`,
    `alter table caregiver_link drop column patient_consent`,
    `alter table caregiver_link add constraint caregiver_link_consent_complete
      check ((consent_given_at is null) = (consent_given_as is null) and (consent_given_at is null) = (consent_given_by is null))`,
    `alter table caregiver_link add constraint caregiver_link_proof_complete
      check ((representation_proof is null) = (representation_recorded_at is null))`,
    `alter table caregiver_link add constraint caregiver_link_withdrawal_complete
      check ((withdrawn_at is null) = (withdrawn_as is null)
         and (withdrawn_as is distinct from 'clinic' or length(btrim(coalesce(withdrawn_reason, ''))) > 0))`,
  ]);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
