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
  'audit.export',
  'clinical.evaluate',
  'record.read',
  'record.write',
  'assessment.sign',
  'pathway.end',
  'settings.manage',
  // Prescribing: starting, stopping or switching a medicine, planning a follow-on, and overriding a
  // safety check. Physicians only; nurses record doses, contacts and decisions (record.write).
  'medication.prescribe',
  // What the patient (or a caregiver for them) writes into the record themself: the answers to a
  // questionnaire, and the diary, reports and confirmed doses of the patient side.
  'questionnaire.answer',
  'diary.write',
  'report.write',
  'dose.confirm',
  // The patient invites someone by e-mail to look along (the invitation is the patient's consent).
  'patient.invite-caregiver',
  // The patient's calendar: making, ending and reading the private link, and the reminder choices.
  // The patient's own (or a caregiver's for them); a clinician has no part in it.
  'calendar.manage',
  // The quality dashboard of a fracture liaison service: figures over its patients, and the
  // patient-level rows behind them (names for its clinicians, codes for its administrator).
  'quality.read',
  // A referral to a physiotherapy practice (core/referral): the hospital refers, the practice reads
  // a waiting one (that much of the record only) and accepts or declines it, either side ends it.
  'referral.create',
  'referral.read-pending',
  'referral.decide',
  'referral.end',
  // The practice's own work with a referred patient (the exercise-therapy module): intake, the
  // education session, the exercise plan, the home safety check and coaching. Physiotherapists of a
  // practice with an accepted referral; the hospital reads it with the record.
  'therapy.write',
  // A child of a day centre (product.md step 8): `child.log` is what parents and the day centre's
  // staff note down through the day (loading minutes, vitamin D given, what they observe), the
  // caregiver for the child by the caregiver rules; `child.care` is what the day centre's physician
  // and physiotherapist keep (the profile, the daily plan, the aids and their checks, what followed
  // a signal).
  'child.log',
  'child.care',
  // A GP's letter referring the patient, recorded by the practice itself: it finds the record among
  // the patients it already knows (name and birth date) or makes a new one, and takes the referral
  // on at once (core/access/authorize.ts, docs/referrals.md).
  'referral.record-letter',
  // A day centre's groups: which children and which care workers belong to each. Its administrator
  // keeps them (the centre's own organisation); a care worker then sees their group's children only.
  'group.manage',
] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * Everything the audit log records: the authorised actions above and the steps around them that
 * are audited without a decision of the core (signing in, account set-up, the administrator's
 * changes, a list of patients shown, a form refused for its security token). An entry is only
 * written with one of these, so every entry has words on the audit page.
 */
export const AUDIT_ACTIONS = [
  ...ACTIONS,
  'patient.list',
  'user.create',
  'user.role',
  'user.unlock',
  'user.activation-link',
  'user.deactivate',
  'session.create',
  'session.delete',
  'account.activate',
  'password.reset-request',
  'password.reset',
  'page.view',
  'page.post',
  'caregiver.link-status',
  'worklist.rederive',
  // A caregiver opens a mailed invitation, takes it with an account (new or their own), or is
  // refused it (unknown, used, expired or withdrawn token; another account signed in).
  'caregiver.invitation-open',
  'caregiver.invitation-accept',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * The reasons the core gives for a decision; they are written into the audit log as they are, and
 * shown there in the reader's language.
 */
export const ACCESS_REASONS = [
  'administrator of your organisation',
  'administrators only',
  'administrators see no clinical content',
  'clinician creating a patient in their organisation',
  'only nurses and physicians create patients',
  'clinician',
  'clinicians only',
  'no patient given',
  'not your own record',
  'under 12 the parents see the record',
  'your own record',
  'patients cannot do this',
  'caregivers cannot do this',
  'in the care of your organisation',
  'not in the care of your organisation',
  'referred to your practice',
  'not referred to your practice',
  'care workers work at a day centre',
  'day centres see children only',
  'a child of your day centre',
  'not a child of your day centre',
  'not a clinician',
  'not linked to you',
  'registered legal representative',
  'parent of a child under 12',
  'parent of a child aged 12 to 16, together with the child',
  'from 16 the patient decides, and has not agreed',
  'the young person agreed',
  'the consent was withdrawn',
  'the link was ended',
  'a parent of an adult needs to be a registered legal representative',
  'no proof of legal representation is recorded',
  'unknown relation',
  'your own record: you decide who looks along',
  'the patient agreed',
  'the patient has not agreed',
  'only nurses and physicians work with the BSN',
  'only nurses and physicians may do this',
  'only physicians prescribe',
  'only the physiotherapists of the practice record this',
  'the day centre and the parents note this',
  'the day centre\'s physician and physiotherapist keep this',
  'unknown action',
  'the patient or a caregiver writes this; the clinic records its own facts',
  'the patient invites a caregiver; the clinic links one',
  'the patient or a caregiver chooses this',
  'quality figures of your organisation',
  'quality figures are for a hospital\'s fracture liaison service',
  'a referral to your practice is waiting',
  'no referral to your practice is waiting',
  'only physiotherapists of the practice referred to',
  'your organisation referred this patient',
  'your organisation did not refer this patient',
  'a GP referred the patient to your practice',
  'only physiotherapists of a physiotherapy practice record a GP\'s letter',
  'your practice already knows this patient',
  'your practice does not know this patient',
  // A care worker and the groups of their day centre (day_centre_group, docs/day-centre.md).
  'a child of your group',
  'not a child of your group',
  'administrator of your day centre',
  'groups are for a day centre\'s administrator',
] as const;
export type AccessReason = (typeof ACCESS_REASONS)[number];

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
 * How a caregiver's invitation ended: taken by the caregiver, withdrawn by the patient before it was
 * taken, or closed because it expired unused and the same address was invited again.
 */
export const INVITATION_ENDINGS = ['accepted', 'cancelled', 'expired'] as const;
export type InvitationEnding = (typeof INVITATION_ENDINGS)[number];

/**
 * Ends a switch that has a case for every member of a list: adding a member makes the call a type
 * error (the value is no longer `never`) until the new member's case is decided.
 */
export function assertNever(value: never): never {
  throw new Error(`unhandled value: ${String(value)}`);
}
