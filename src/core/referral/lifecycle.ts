// The life of a referral to a physiotherapy practice, pure: which step may follow which, and which
// state opens the record to the practice. Who may take a step is the access rules' question
// (core/access/authorize.ts, actions `referral.*`); this module answers only whether the step fits
// the referral as it stands, so a refused step is a conflict (409), not a refusal of access.
import type { ReferralStatus, ReferralStep } from './lists.js';

export * from './lists.js';

export type StepOutcome = { ok: true; status: ReferralStatus } | { ok: false; reason: string };

/**
 * pending → accepted | declined; accepted → ended. Declined and ended are final: a practice that
 * is asked again gets a new referral, so each decision stays as it was taken.
 */
export function nextStatus(status: ReferralStatus, step: ReferralStep): StepOutcome {
  switch (step) {
    case 'accept':
      return status === 'pending' ? { ok: true, status: 'accepted' } : { ok: false, reason: `the referral is ${status}, not pending` };
    case 'decline':
      return status === 'pending' ? { ok: true, status: 'declined' } : { ok: false, reason: `the referral is ${status}, not pending` };
    case 'end':
      return status === 'accepted' ? { ok: true, status: 'ended' } : { ok: false, reason: `the referral is ${status}, not accepted` };
    default:
      return { ok: false, reason: 'unknown step' };
  }
}

/** Only an accepted referral lets the practice's physiotherapists open the record. */
export function opensRecord(status: ReferralStatus): boolean {
  return status === 'accepted';
}

/**
 * A referral still open between a patient and a practice: waiting or taken on. At most one per
 * pair at a time (a unique index in the store), so the door it opens is closed by exactly one end.
 */
export function isOpen(status: ReferralStatus): boolean {
  return status === 'pending' || status === 'accepted';
}
