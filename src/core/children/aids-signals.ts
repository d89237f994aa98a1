// A child's aids and the fracture signals parents and staff note down (clinical-rules.md §12).
// Sources: LEAFLET-EMB (aids that grow with the child, checked every 6 months or sooner after
// growth; a child who cannot say what hurts shows a fracture by swelling, pain when moved or
// lifted, crying at care moments, not bearing weight, a change in behaviour), BOTPAD-POLICY (the
// interval and the growth threshold, configurable: settings.aidsCheckIntervalMonths/GrowthCm).
import { addDays, addMonths, compareDates, type IsoDate } from '../time/date.js';

/** The aids a child at the day centre can have, as the physiotherapist keeps them. */
export const AID_KINDS = ['standing-frame', 'walking-aid', 'wheelchair', 'orthoses'] as const;
export type AidKind = (typeof AID_KINDS)[number];

/** What a parent or staff member can observe that may mean a broken bone (LEAFLET-EMB). */
export const SIGNAL_OBSERVATIONS = ['swelling', 'pain-when-moved', 'crying-at-care', 'refuses-weight', 'behaviour-change'] as const;
export type SignalObservation = (typeof SIGNAL_OBSERVATIONS)[number];

/** Where on the body, in the order the body picture shows them (head to feet, left then right). */
export const BODY_PARTS = [
  'head', 'neck', 'back', 'chest', 'left-shoulder', 'right-shoulder', 'left-arm', 'right-arm', 'left-hand', 'right-hand',
  'pelvis', 'left-hip', 'right-hip', 'left-upper-leg', 'right-upper-leg', 'left-knee', 'right-knee', 'left-lower-leg', 'right-lower-leg', 'left-foot', 'right-foot',
  'unknown',
] as const;
export type BodyPart = (typeof BODY_PARTS)[number];

/** What the X-ray, if any, showed: a fracture, none, or not known (no X-ray made). */
export const SIGNAL_FRACTURE = ['yes', 'no', 'unknown'] as const;
export type SignalFracture = (typeof SIGNAL_FRACTURE)[number];

/** How far back a signal may go: it is about what is seen now, not a history. */
export const SIGNAL_MAX_DAYS_BACK = 14;

/** Why an observation date cannot be taken. */
export function signalDateProblem(on: IsoDate, asOf: IsoDate): 'in-future' | 'too-long-ago' | undefined {
  if (compareDates(on, asOf) > 0) return 'in-future';
  if (compareDates(on, addDays(asOf, -SIGNAL_MAX_DAYS_BACK)) < 0) return 'too-long-ago';
  return undefined;
}

/** The worklist's reason code of a signal's alert. */
export const SIGNAL_REASON = 'child-fracture-signal';
/** The worklist key of a signal's alert: one per signal and organisation. */
export const signalItemKey = (signalId: string): string => `fracture-signal:${signalId}`;

/**
 * When one aid is next due (LEAFLET-EMB, BOTPAD-POLICY): `intervalMonths` after its last check, or
 * now when the child grew `growthCm` or more since then. The same reading as the rule
 * `child.aids-check-due`, which applies it to the oldest last check among the aids.
 */
export function aidDue(
  a: { lastCheck: IsoDate; heightCmThen?: number | undefined },
  heightCmNow: number | undefined,
  asOf: IsoDate,
  s: { aidsCheckIntervalMonths: number; aidsCheckGrowthCm: number },
): { due: IsoDate; reason: 'interval' | 'growth'; grownCm?: number; isDue: boolean } {
  let due = addMonths(a.lastCheck, s.aidsCheckIntervalMonths);
  let reason: 'interval' | 'growth' = 'interval';
  let grownCm: number | undefined;
  if (a.heightCmThen !== undefined && heightCmNow !== undefined) {
    // Rounded to tenths, as the rule does, so 101.2 − 98.2 counts as 3 cm.
    grownCm = Math.round((heightCmNow - a.heightCmThen) * 10) / 10;
    if (grownCm >= s.aidsCheckGrowthCm && compareDates(asOf, due) < 0) {
      due = asOf;
      reason = 'growth';
    }
  }
  return { due, reason, ...(grownCm !== undefined ? { grownCm } : {}), isDue: compareDates(asOf, due) >= 0 };
}
