// Whether a caregiver's link gives working access, and whether a patient may have an account of
// their own, on a given day. Pure: the day (`asOf`) is passed in. Both the authorisation of every
// read and the issuing of a link ask these same questions, so a link is never issued that the
// access rules would then refuse.
//
// Sources, Dutch WGBO (Burgerlijk Wetboek book 7):
// - art. 7:465 lid 1: for a child under 12 the parents (holders of parental authority) act for the
//   child; the child has no say of its own yet, so no account of its own either.
// - art. 7:450 lid 2 with art. 7:465 lid 2: from 12 up to 16 the child AND the parents both matter.
//   Kept simple here: the parent looks along together with the child, and the child (who has an
//   account from 12) may end that at any time by withdrawing it.
// - art. 7:447: from 16 the young person decides alone; the parent looks along only with the young
//   person's recorded consent.
// - art. 1:233 (minority ends at 18): a parent is no longer a representative of an adult. An adult
//   who cannot decide is represented by a registered legal representative (curator, mentor,
//   art. 7:465 lid 3); that needs proof of the representation, recorded by the clinic.
// - Anyone else (family, a friend) looks along only with the patient's consent (art. 7:457:
//   the clinic shares nothing without it).
import { ageOn, type IsoDate } from '../time/date.js';
import type { AccessReason, CaregiverRelation } from './lists.js';

/** What a caregiver's link rests on, as far as the rules need it. */
export interface CaregiverLink {
  relation: CaregiverRelation;
  /** The patient's consent (given by the patient, or on their behalf) is recorded and not withdrawn. */
  patientConsent: boolean;
  /** Proof of legal representation (court decision, registration) is recorded by the clinic. */
  representationProof?: boolean | undefined;
  /** The patient (or the clinic on their behalf) withdrew the link: it ended at once. */
  withdrawn?: boolean | undefined;
}

/** Why a link gives no access: each has its own words for the nurse and for the caregiver. */
export const LINK_GAPS = ['patient-consent', 'representation-proof', 'parent-of-adult', 'consent-withdrawn', 'link-ended'] as const;
export type LinkGap = (typeof LINK_GAPS)[number];

/** What a working link rests on, so a page can say it in words instead of a bare yes or no. */
export const LINK_BASES = ['consent', 'representation', 'parent-of-young-child', 'parent-with-child'] as const;
export type LinkBasis = (typeof LINK_BASES)[number];

export type LinkStanding = { working: true; basis: LinkBasis; reason: AccessReason } | { working: false; gap: LinkGap; reason: AccessReason };

const works = (basis: LinkBasis, reason: AccessReason): LinkStanding => ({ working: true, basis, reason });
const gap = (g: LinkGap, reason: AccessReason): LinkStanding => ({ working: false, gap: g, reason });

/** A relation outside the list (bad data) gives no access; a new relation is a type error here until decided. */
const unlisted = (_relation: never): LinkStanding => gap('link-ended', 'unknown relation');

/** Whether the link rests on the patient's consent (then a withdrawal is a withdrawn consent). */
function restsOnConsent(link: CaregiverLink, age: number): boolean {
  if (link.relation === 'family') return true;
  if (link.relation === 'parent') return age >= 16;
  return false;
}

/** Does this link give access to the record on `asOf`, and if not, what is missing? */
export function caregiverLinkStanding(link: CaregiverLink, birthDate: IsoDate, asOf: IsoDate): LinkStanding {
  const age = ageOn(birthDate, asOf);
  if (link.withdrawn) {
    return restsOnConsent(link, age) ? gap('consent-withdrawn', 'the consent was withdrawn') : gap('link-ended', 'the link was ended');
  }
  switch (link.relation) {
    case 'parent':
      // art. 1:233: parental authority ends at 18.
      if (age >= 18) return gap('parent-of-adult', 'a parent of an adult needs to be a registered legal representative');
      // art. 7:465 lid 1.
      if (age < 12) return works('parent-of-young-child', 'parent of a child under 12');
      // art. 7:450 lid 2, 7:465 lid 2: together with the child, who may end it.
      if (age < 16) return works('parent-with-child', 'parent of a child aged 12 to 16, together with the child');
      // art. 7:447.
      return link.patientConsent ? works('consent', 'the young person agreed') : gap('patient-consent', 'from 16 the patient decides, and has not agreed');
    case 'legal-representative':
      // art. 7:465 lid 3: only a representation that is proven and recorded counts.
      return link.representationProof ? works('representation', 'registered legal representative') : gap('representation-proof', 'no proof of legal representation is recorded');
    case 'family':
      // art. 7:457.
      return link.patientConsent ? works('consent', 'the patient agreed') : gap('patient-consent', 'the patient has not agreed');
    default:
      return unlisted(link.relation);
  }
}

export type AccountStanding = { allowed: true } | { allowed: false; reason: 'under-12' };

/** art. 7:465 lid 1: under 12 the parents act for the child, so the child gets no account of its own. */
export function patientAccountStanding(birthDate: IsoDate, asOf: IsoDate): AccountStanding {
  return ageOn(birthDate, asOf) < 12 ? { allowed: false, reason: 'under-12' } : { allowed: true };
}
