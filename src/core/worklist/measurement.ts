// The worklist's `measurement` step from the core's `measure.due` conclusion (clinical-rules.md
// §13): the next measurement of exercise therapy, 3 months after the most recent one (or after the
// start of therapy), with its status as in §8 (`overdueGraceDays`). It keeps running after the
// therapy ends (seed 003: measured every 3 months, also afterwards), so the end of the therapy
// period never closes it; it only says so in its reasons.
import type { Case } from '../case.schema.js';
import { therapyEnded, type DueStatus } from '../measures/scoring.js';
import type { Conclusion } from '../rule.js';
import { compareDates, type IsoDate } from '../time/date.js';
import type { DerivedItem } from './item.js';

export const MEASURE_DUE_RULE_ID = 'measure.due';

/** What the rule concludes: the next measurement's date and where it stands on the day. */
export interface MeasureDue {
  due: IsoDate;
  status: DueStatus;
}

/** The conclusion's value, when it names a next measurement. */
export function measureDueOf(k: Conclusion | undefined): MeasureDue | undefined {
  const v = k?.value as Partial<MeasureDue> | null | undefined;
  if (v === null || v === undefined || typeof v.due !== 'string' || (v.status !== 'planned' && v.status !== 'due' && v.status !== 'overdue')) return undefined;
  return { due: v.due, status: v.status };
}

/**
 * The item, without the fracture it belongs to (the derivation adds that). Reasons: the status
 * (`measure-planned|due|overdue`), `no-measurement-yet` before the first one (counted from the
 * start of therapy) and `therapy-ended` once the supervised period is over.
 */
export function measurementItem(c: Case, k: Conclusion | undefined): Omit<DerivedItem, 'fractureDate' | 'fractureSite'> | undefined {
  const v = measureDueOf(k);
  if (v === undefined) return undefined;
  const measured = (c.exercise?.measurements ?? []).some((m) => compareDates(m.date, c.asOf) <= 0);
  const reasons = [`measure-${v.status}`];
  if (!measured) reasons.push('no-measurement-yet');
  if (therapyEnded(c)) reasons.push('therapy-ended');
  return { key: 'measurement', step: 'measurement', due: v.due, overdue: v.status === 'overdue', priority: 'normal', reasons, source: MEASURE_DUE_RULE_ID };
}
