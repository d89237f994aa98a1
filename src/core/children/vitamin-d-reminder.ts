// The reminder to give a child's vitamin D (clinical-rules.md §9 and §12 for the advice itself).
// Source: BOTPAD-POLICY. When no dose was noted for 3 days in a row, the parents and the day
// centre's group are reminded: a child that needs vitamin D gets it every day, and three days
// leave room for a weekend away from the centre without a reminder at every missed note. The
// number is a policy of ours, not a clinical threshold; it is a constant here, not a setting,
// because it decides only a reminder and never an advice or a dose.
import { compareDates, daysBetween, type IsoDate } from '../time/date.js';

/** Days without a recorded dose after which parents and the group are reminded (BOTPAD-POLICY). */
export const VITAMIN_D_REMINDER_DAYS = 3;

export type VitaminDReminder =
  | { remind: false; why: 'no-advice' | 'recent-dose'; lastDose: IsoDate | null; daysSince: number | null }
  | { remind: true; why: 'no-dose-recorded' | 'days-without-dose'; lastDose: IsoDate | null; daysSince: number | null; source: 'BOTPAD-POLICY' };

/**
 * Whether to remind on `asOf`: only for a child whose vitamin D advice applies (`advised`), when
 * no dose was ever noted, or the last noted dose was `days` or more days before `asOf`. A dose
 * noted for a later day than `asOf` counts as recent.
 */
export function vitaminDReminder(o: { advised: boolean; lastDose: IsoDate | null; asOf: IsoDate; days?: number }): VitaminDReminder {
  const days = o.days ?? VITAMIN_D_REMINDER_DAYS;
  const daysSince = o.lastDose === null ? null : Math.max(0, compareDates(o.lastDose, o.asOf) > 0 ? 0 : daysBetween(o.lastDose, o.asOf));
  if (!o.advised) return { remind: false, why: 'no-advice', lastDose: o.lastDose, daysSince };
  if (daysSince === null) return { remind: true, why: 'no-dose-recorded', lastDose: null, daysSince, source: 'BOTPAD-POLICY' };
  if (daysSince >= days) return { remind: true, why: 'days-without-dose', lastDose: o.lastDose, daysSince, source: 'BOTPAD-POLICY' };
  return { remind: false, why: 'recent-dose', lastDose: o.lastDose, daysSince };
}
