// Who may do what with whose record. Pure and deny-by-default: every branch that allows names its
// reason, everything else is refused with a reason too, and both end up in the audit log.
// Sources: the product's role model; minors and representatives follow the Dutch WGBO, decided in
// caregiver.ts (with the articles cited there) so that issuing a link asks the same questions.
import { ageOn, type IsoDate } from '../time/date.js';
import { caregiverLinkStanding, patientAccountStanding, type CaregiverLink } from './caregiver.js';
import { type AccessReason, type Action, type CareRelation, type OrganisationKind, type Role } from './lists.js';
import type { ReferralStatus } from '../referral/lists.js';

export * from './lists.js';
export * from './caregiver.js';
export * from './invitation.js';

export const CLINICIAN_ROLES: readonly Role[] = ['nurse', 'physician', 'physiotherapist', 'care-worker'];
/**
 * Clinicians who work with a record's BSN (see it, write it, find a record by it). Other roles never
 * see a BSN, so they may not write one or search by one either: both would tell them whose it is.
 */
export const BSN_ROLES: readonly Role[] = ['nurse', 'physician'];
/** Who reads a hospital's quality figures (`quality.read`). */
export const QUALITY_ROLES: readonly Role[] = ['nurse', 'physician', 'admin'];
/**
 * Who sees the patients behind those figures by name: the clinicians who treat them. The
 * administrator (manager, quality officer) sees no clinical content of a named person, so sees
 * each patient as the code the audit pages use.
 */
export const QUALITY_NAME_ROLES: readonly Role[] = ['nurse', 'physician'];

export interface Actor {
  userId: string;
  role: Role;
  organisationId: string | null;
  organisationKind: OrganisationKind | null;
  /** For a patient account: their own record. */
  patientId: string | null;
}

export interface PatientTarget {
  id: string;
  birthDate: IsoDate;
  organisations: readonly { organisationId: string; relation: CareRelation }[];
  /** The link between this actor (a caregiver) and the patient, when there is one. */
  caregiverLink?: CaregiverLink | undefined;
  /** The referral a `referral.*` action is about, when it is about one (accept, decline, end, the waiting view). */
  referral?: ReferralStanding | undefined;
  /**
   * For a care worker: whether they are staff of a group of their day centre that this child is in
   * (the store's group rows, read where the target is loaded). Left out: not known, so refused.
   */
  sharesGroup?: boolean | undefined;
}

/** What the access rules need of a referral: who referred, to which practice, where it stands. */
export interface ReferralStanding {
  /** Null when the practice recorded a GP's letter itself. */
  fromOrganisationId: string | null;
  toOrganisationId: string;
  status: ReferralStatus;
}

export type Decision = { allowed: true; reason: AccessReason } | { allowed: false; reason: AccessReason };

const allow = (reason: AccessReason): Decision => ({ allowed: true, reason });
const deny = (reason: AccessReason): Decision => ({ allowed: false, reason });
/**
 * The end of a switch with a case for every member of a list: a value outside the list (bad data)
 * is refused, never thrown, and a member added to the list is a type error here until decided.
 */
const refuseUnlisted = (_value: never, reason: AccessReason): Decision => deny(reason);

/** What patients and caregivers may do with a record: read it and see who looked. Changing the
 * personal details (name, birth date, BSN) is for the clinic, which keeps their history. */
const LOOK = new Set<Action>(['patient.read', 'patient.read-access-log', 'record.read']);

/**
 * What the patient writes into their own record, and a caregiver for them by the same rules as
 * looking along: answers to questionnaires, the diary, reports and confirmed doses. Each lands with
 * the patient as its source; the clinic records its own facts with `record.write`.
 */
export const PATIENT_WRITES: ReadonlySet<Action> = new Set<Action>(['questionnaire.answer', 'diary.write', 'report.write', 'dose.confirm', 'child.log']);

/** How a clinician's organisation relates to the patient, if at all. */
function clinicalRelation(actor: Actor, target: PatientTarget, asOf: IsoDate): Decision {
  const links = target.organisations.filter((o) => o.organisationId === actor.organisationId);
  switch (actor.role) {
    case 'nurse':
    case 'physician':
      return links.some((l) => l.relation === 'care') ? allow('in the care of your organisation') : deny('not in the care of your organisation');
    case 'physiotherapist':
      // A day centre's own physiotherapist treats its children, as its physician does.
      if (actor.organisationKind === 'day-centre') return childOfDayCentre(links, target, asOf);
      return links.some((l) => l.relation === 'referral') ? allow('referred to your practice') : deny('not referred to your practice');
    case 'care-worker':
      if (actor.organisationKind !== 'day-centre') return deny('care workers work at a day centre');
      return groupOfCareWorker(childOfDayCentre(links, target, asOf), target);
    case 'patient':
    case 'caregiver':
    case 'admin':
      return deny('not a clinician');
    default:
      return refuseUnlisted(actor.role, 'not a clinician');
  }
}

/** A day centre looks after children only, and only those in its care. */
function childOfDayCentre(links: readonly { relation: CareRelation }[], target: PatientTarget, asOf: IsoDate): Decision {
  if (ageOn(target.birthDate, asOf) >= 18) return deny('day centres see children only');
  return links.some((l) => l.relation === 'care') ? allow('a child of your day centre') : deny('not a child of your day centre');
}

/**
 * A care worker works with the children of their own group(s) only (issue: the day centre's
 * groups); the centre's physician and physiotherapist see every child of the centre. A group is
 * the day centre's own way of dividing its care, so the child must be the centre's first.
 */
function groupOfCareWorker(ofCentre: Decision, target: PatientTarget): Decision {
  if (!ofCentre.allowed) return ofCentre;
  return target.sharesGroup === true ? allow('a child of your group') : deny('not a child of your group');
}

/**
 * The practice a referral was sent to: its physiotherapists decide on it, and while it waits they
 * see it (the waiting view); once decided the view closes, and the record opens or stays shut.
 */
function practiceOfReferral(actor: Actor, target: PatientTarget, waitingOnly: boolean): Decision {
  const r = target.referral;
  if (actor.role !== 'physiotherapist') return deny('only physiotherapists of the practice referred to');
  if (!r || r.toOrganisationId !== actor.organisationId) return deny('not referred to your practice');
  if (waitingOnly && r.status !== 'pending') return deny('no referral to your practice is waiting');
  return waitingOnly ? allow('a referral to your practice is waiting') : allow('referred to your practice');
}

const isPracticePhysio = (actor: Actor): boolean => actor.role === 'physiotherapist' && actor.organisationId !== null && actor.organisationKind === 'physiotherapy';

/**
 * A GP's letter for a record that exists: only a record the practice already knows as its patient,
 * through its `referral` relation or a referral it once took on (`target.referral`: accepted or
 * ended). A name and a birth date are no proof of a care relation: letting them open a hospital's
 * record would give the record to anyone who knows both, so an unknown person gets a record of the
 * practice's own. A referral the practice only saw waiting, or declined, makes no patient of it:
 * otherwise declining and then writing down a letter would open the record it turned down.
 */
function gpLetterOnRecord(actor: Actor, target: PatientTarget): Decision {
  if (!isPracticePhysio(actor)) return deny('only physiotherapists of a physiotherapy practice record a GP\'s letter');
  const related = target.organisations.some((o) => o.organisationId === actor.organisationId && o.relation === 'referral');
  const tookOn = target.referral?.toOrganisationId === actor.organisationId && (target.referral.status === 'accepted' || target.referral.status === 'ended');
  return related || tookOn ? allow('your practice already knows this patient') : deny('your practice does not know this patient');
}

/** Ending: the practice referred to, or a nurse or physician of the hospital that referred (and still cares). */
function endsReferral(actor: Actor, r: ReferralStanding | undefined, rel: Decision): Decision {
  if (actor.role === 'physiotherapist') return r?.toOrganisationId === actor.organisationId ? rel : deny('not referred to your practice');
  if (actor.role !== 'nurse' && actor.role !== 'physician') return deny('only nurses and physicians may do this');
  return r?.fromOrganisationId != null && r.fromOrganisationId === actor.organisationId ? allow('your organisation referred this patient') : deny('your organisation did not refer this patient');
}

/** A caregiver's access follows the patient's age, consent and the link's proof (WGBO, see caregiver.ts). */
function caregiverAccess(target: PatientTarget, asOf: IsoDate): Decision {
  const link = target.caregiverLink;
  if (!link) return deny('not linked to you');
  const standing = caregiverLinkStanding(link, target.birthDate, asOf);
  return standing.working ? allow(standing.reason) : deny(standing.reason);
}

export function authorize(actor: Actor, action: Action, target: PatientTarget | null, asOf: IsoDate): Decision {
  switch (action) {
    case 'user.manage':
    case 'audit.search':
    case 'audit.export':
    case 'settings.manage':
      return actor.role === 'admin' && actor.organisationId ? allow('administrator of your organisation') : deny('administrators only');
    // A day centre's groups are kept by its own administrator (who sees no clinical content: a group
    // is who is in it, not what is in the record).
    case 'group.manage':
      if (actor.role !== 'admin' || !actor.organisationId || actor.organisationKind !== 'day-centre') return deny('groups are for a day centre\'s administrator');
      return allow('administrator of your day centre');
    case 'patient.create':
      return (actor.role === 'nurse' || actor.role === 'physician') && actor.organisationId
        ? allow('clinician creating a patient in their organisation')
        : deny('only nurses and physicians create patients');
    case 'clinical.evaluate':
      return CLINICIAN_ROLES.includes(actor.role) ? allow('clinician') : deny('clinicians only');
    // The fracture liaison service's own figures (product.md: the nurse or doctor keeps the KPI
    // dashboard): its nurses and physicians, and its administrator, the account its manager and
    // quality officer use. Which of them see names is QUALITY_NAME_ROLES.
    case 'quality.read':
      return QUALITY_ROLES.includes(actor.role) && actor.organisationId !== null && actor.organisationKind === 'hospital'
        ? allow('quality figures of your organisation')
        : deny('quality figures are for a hospital\'s fracture liaison service');
    // Without a patient: the practice's list of waiting referrals; each one on it is decided again with its own patient.
    case 'referral.read-pending':
      if (target) break;
      return isPracticePhysio(actor)
        ? allow('a referral to your practice is waiting')
        : deny('only physiotherapists of the practice referred to');
    // A GP's letter, recorded by the practice it refers to: with no record yet (a new one is made),
    // any physiotherapist of a physiotherapy practice; with a record, see gpLetterOnRecord below.
    case 'referral.record-letter':
      if (target) break;
      return isPracticePhysio(actor) ? allow('a GP referred the patient to your practice') : deny('only physiotherapists of a physiotherapy practice record a GP\'s letter');
    default:
      break;
  }
  if (!target) return deny('no patient given');
  if (actor.role === 'admin') return deny('administrators see no clinical content');

  if (actor.role === 'patient') {
    if (actor.patientId !== target.id) return deny('not your own record');
    if (!patientAccountStanding(target.birthDate, asOf).allowed) return deny('under 12 the parents see the record');
    if (LOOK.has(action) || PATIENT_WRITES.has(action) || action === 'patient.read-bsn' || action === 'calendar.manage') return allow('your own record');
    // From 12 a patient may end a caregiver's access to their record themselves (see caregiver.ts).
    if (action === 'patient.withdraw-consent' || action === 'patient.invite-caregiver') return allow('your own record: you decide who looks along');
    return deny('patients cannot do this');
  }
  if (actor.role === 'caregiver') {
    if (!LOOK.has(action) && !PATIENT_WRITES.has(action) && action !== 'calendar.manage') return deny('caregivers cannot do this');
    return caregiverAccess(target, asOf);
  }
  // A practice with a referral waiting has no relation to the record yet: it sees the referral and
  // decides on it, nothing more. Its physiotherapists open the record once a `referral` relation
  // exists, which acceptance adds and a decline or an end takes away (services/referrals.ts).
  if (action === 'referral.read-pending' || action === 'referral.decide') return practiceOfReferral(actor, target, action === 'referral.read-pending');
  if (action === 'referral.record-letter') return gpLetterOnRecord(actor, target);
  const rel = clinicalRelation(actor, target, asOf);
  if (!rel.allowed) return rel;
  switch (action) {
    case 'patient.read':
    case 'patient.write':
    case 'patient.read-access-log':
    case 'record.read':
      return rel;
    case 'patient.read-bsn':
      return BSN_ROLES.includes(actor.role) ? rel : deny('only nurses and physicians work with the BSN');
    case 'patient.create-account':
    case 'patient.link':
    case 'patient.withdraw-consent':
    case 'patient.merge':
    case 'patient.unmerge':
    // The clinical record is written and signed off by the hospital's nurses and physicians; the
    // practice and the day centre add their own kinds of facts in their own modules.
    case 'record.write':
    case 'assessment.sign':
    case 'pathway.end':
      return actor.role === 'nurse' || actor.role === 'physician' ? rel : deny('only nurses and physicians may do this');
    case 'referral.create':
      return actor.role === 'nurse' || actor.role === 'physician' ? rel : deny('only nurses and physicians may do this');
    // Either side ends a referral that was taken on: the practice referred to, or the hospital that referred.
    case 'referral.end':
      return endsReferral(actor, target.referral, rel);
    // Prescribing is the physician's (Wet BIG: a nurse records, a physician prescribes and overrides).
    case 'medication.prescribe':
      return actor.role === 'physician' ? rel : deny('only physicians prescribe');
    // The practice records its own work once the referral is accepted (the `referral` relation).
    case 'therapy.write':
      return actor.role === 'physiotherapist' ? rel : deny('only the physiotherapists of the practice record this');
    // Parents (above, as caregivers) and the day centre's staff note down a child's day.
    case 'child.log':
      return actor.organisationKind === 'day-centre' ? rel : deny('the day centre and the parents note this');
    case 'child.care':
      return actor.organisationKind === 'day-centre' && (actor.role === 'physician' || actor.role === 'physiotherapist')
        ? rel
        : deny('the day centre\'s physician and physiotherapist keep this');
    // A clinician's value is a clinician's fact (record.write), never the patient's own answer.
    case 'questionnaire.answer':
    case 'diary.write':
    case 'report.write':
    case 'dose.confirm':
      return deny('the patient or a caregiver writes this; the clinic records its own facts');
    // An invitation is the patient's own consent; the clinic records consent on a link instead.
    case 'patient.invite-caregiver':
      return deny('the patient invites a caregiver; the clinic links one');
    // A calendar link opens the record to whoever holds it: the patient decides, not the clinic.
    case 'calendar.manage':
      return deny('the patient or a caregiver chooses this');
    default:
      // Every action is decided above or here: a new one is a type error until it is.
      return refuseUnlisted(action, 'unknown action');
  }
}
