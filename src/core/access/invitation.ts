// A patient's own invitation of a caregiver by e-mail: which relations a patient may give by
// themself, and where an invitation stands. Pure: the day and the moment are passed in.
//
// The invitation is the patient's consent (art. 7:457 WGBO), so it can only start a link that
// consent is enough for. A legal representative (art. 7:465 lid 3) needs proof the clinic checks;
// a parent of an adult is no representative any more (art. 1:233). Both are refused here with the
// field that names them, so no link is ever issued that the access rules would then refuse.
import type { IsoDate } from '../time/date.js';
import { caregiverLinkStanding, type LinkGap } from './caregiver.js';
import type { CaregiverRelation, InvitationEnding } from './lists.js';

/** How long a mailed invitation works: a week, like the activation link staff get by e-mail. */
export const INVITATION_LIFETIME_DAYS = 7;

/** Why a patient cannot give this relation by themself. */
export type SelfInviteRefusal = 'needs-proof' | Exclude<LinkGap, 'representation-proof'>;

/**
 * Whether the patient's own invitation (their consent, no proof) would make a working link for
 * `relation` on `asOf`; the reason when it would not.
 */
export function selfInviteRefusal(relation: CaregiverRelation, birthDate: IsoDate, asOf: IsoDate): SelfInviteRefusal | null {
  const s = caregiverLinkStanding({ relation, patientConsent: true, representationProof: false }, birthDate, asOf);
  if (s.working) return null;
  return s.gap === 'representation-proof' ? 'needs-proof' : s.gap;
}

export type InvitationState = 'open' | InvitationEnding;

/**
 * Where an invitation stands at `now`: taken, withdrawn, expired, or still open. Both instants are
 * UTC as `toISOString` writes them (same length, same zone), so they compare as text.
 */
export function invitationState(inv: { expiresAt: string; endedAs: InvitationEnding | null }, now: string): InvitationState {
  if (inv.endedAs !== null) return inv.endedAs;
  return inv.expiresAt <= now ? 'expired' : 'open';
}
