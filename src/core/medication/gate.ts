// The gates in front of a prescription and a stop (clinical-rules.md §7–8). Prescribing runs the
// §7 safety checks for the drug as of the later of today and the start date, with the new course
// in place (its route decides whether ibandronic acid is a tablet). A blocking reason is overridden
// only by a physician with a recorded reason, except pregnancy and a reached lifetime limit, which
// no one overrides (SMPC-<drug>: contra-indicated without exception). A caution is shown and must
// be acknowledged. Stopping denosumab or an anabolic runs the sequencing guardrails (NIV-2022,
// SMPC-denosumab): a stop without the follow-on in place needs a recorded reason, and the core's
// alert stays until the follow-on is planned.
import type { Case, Drug, Medication } from '../case.schema.js';
import type { SequenceReason } from '../record/lists.js';
import { addMonths, compareDates, latestOf, type IsoDate } from '../time/date.js';
import { Reader } from '../reader.js';
import { DEFAULT_SETTINGS } from '../settings.js';
import { isAnabolic } from './catalogue.js';
import { DENOSUMAB_INTERVAL_MONTHS, followOn } from './course.rule.js';
import type { SafetyReason } from './reasons.js';
import { drugSafety, type SafetyStatus } from './safety.rule.js';

/** Reasons no override lifts (SMPC-<drug>: absolute contra-indications). */
export const NOT_OVERRIDABLE: readonly SafetyReason[] = ['pregnancy', 'lifetime-limit-reached'];

export interface PrescriptionGate {
  drug: Drug;
  /** The day the checks ran for: the later of today and the start. */
  checkedOn: IsoDate;
  status: SafetyStatus;
  /** Every reason, in the core's order. */
  reasons: SafetyReason[];
  blocking: SafetyReason[];
  cautions: SafetyReason[];
  /** Blocking reasons that no override lifts. */
  absolute: SafetyReason[];
}

/** The §7 verdict for a new course of `drug` from `start`, as of the later of `today` and `start`. */
export function prescriptionGate(c: Case, p: { drug: Drug; start: IsoDate; route?: Medication['route'] }, today: IsoDate): PrescriptionGate {
  const checkedOn = compareDates(p.start, today) > 0 ? p.start : today;
  const course: Medication = { drug: p.drug, start: p.start, ...(p.route ? { route: p.route } : {}) };
  // The new course takes part: a later record of the same drug is the latest course (its route).
  const withCourse: Case = { ...c, asOf: checkedOn, medications: [...(c.medications ?? []), course] };
  const a = drugSafety(withCourse, p.drug);
  const blocking = [...a.blocks];
  return {
    drug: p.drug,
    checkedOn,
    status: a.value.status,
    reasons: [...a.value.reasons],
    blocking,
    cautions: a.value.reasons.filter((r) => !blocking.includes(r)),
    absolute: blocking.filter((r) => NOT_OVERRIDABLE.includes(r)),
  };
}

/**
 * The sequencing guardrails a stop of `stopping` (a course of the Case) on `end` runs into, by the
 * same follow-on test as the core's rules: for denosumab, an antiresorptive planned or started no
 * later than 6 months after the last injection; for an anabolic, an antiresorptive after it, no
 * later than a year after the stop.
 */
export function stopGate(c: Case, stopping: Medication, end: IsoDate): SequenceReason[] {
  const t = new Reader(c, DEFAULT_SETTINGS);
  if (stopping.drug === 'denosumab') {
    const last = latestOf(stopping.doses ?? [], (d) => (compareDates(d, end) <= 0 ? d : undefined)) ?? stopping.start;
    return followOn(c, stopping, addMonths(last, DENOSUMAB_INTERVAL_MONTHS), t) ? [] : ['denosumab-stop-without-follow-on'];
  }
  if (isAnabolic(stopping.drug)) return followOn(c, stopping, addMonths(end, 12), t) ? [] : ['anabolic-stop-without-follow-on'];
  return [];
}
