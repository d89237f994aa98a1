// The closed lists of the access model, each defined once. Everything else derives from these: the
// zod enums of the API (src/schema), the table types of the store, the demo data, and the
// database's CHECK constraints, which a store test compares with these lists on PGlite and
// PostgreSQL 15 (a change here needs a migration there).

export const ROLES = ['patient', 'caregiver', 'nurse', 'physician', 'physiotherapist', 'care-worker', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Roles an organisation's administrator gives its staff (patients and caregivers are not staff). */
export const STAFF_ROLES = ['nurse', 'physician', 'physiotherapist', 'care-worker', 'admin'] as const satisfies readonly Role[];
export type StaffRole = (typeof STAFF_ROLES)[number];

export const ACTIONS = [
  'patient.read',
  'patient.write',
  'patient.read-bsn',
  'patient.read-access-log',
  'patient.create',
  'patient.create-account',
  'patient.link',
  'patient.withdraw-consent',
  'patient.merge',
  'patient.unmerge',
  'user.manage',
  'audit.search',
  'clinical.evaluate',
] as const;
export type Action = (typeof ACTIONS)[number];

export const ORGANISATION_KINDS = ['hospital', 'physiotherapy', 'day-centre', 'gp-practice'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** How an organisation relates to a patient: in its care, or referred to it (a physiotherapist). */
export const CARE_RELATIONS = ['care', 'referral'] as const;
export type CareRelation = (typeof CARE_RELATIONS)[number];

/** How a caregiver relates to a patient. */
export const CAREGIVER_RELATIONS = ['parent', 'legal-representative', 'family'] as const;
export type CaregiverRelation = (typeof CAREGIVER_RELATIONS)[number];

/** Who gave a caregiver's consent: the patient themself, or someone on the patient's behalf. */
export const CONSENT_GIVERS = ['patient', 'representative'] as const;
export type ConsentGiver = (typeof CONSENT_GIVERS)[number];

/** Who withdrew it: the patient themself, or the clinic on the patient's behalf (with a reason). */
export const CONSENT_WITHDRAWERS = ['patient', 'clinic'] as const;
export type ConsentWithdrawer = (typeof CONSENT_WITHDRAWERS)[number];

/**
 * Ends a switch that has a case for every member of a list: adding a member makes the call a type
 * error (the value is no longer `never`) until the new member's case is decided.
 */
export function assertNever(value: never): never {
  throw new Error(`unhandled value: ${String(value)}`);
}
