// Calendar dates for the clinical core. Clinical dates are plain calendar dates (no time, no zone),
// kept as ISO `YYYY-MM-DD` strings end to end; all arithmetic goes through Temporal.PlainDate so
// month ends and leap days follow the calendar (30 Nov + 3 months = 28 Feb), never millisecond maths.
import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';

export type IsoDate = string;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True when `s` is a real calendar date in `YYYY-MM-DD` form (2027-02-29 is not). */
export function isIsoDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  try {
    Temporal.PlainDate.from(s, { overflow: 'reject' });
    return true;
  } catch {
    return false;
  }
}

export const isoDate = z
  .string()
  .refine(isIsoDate, { message: 'must be a real calendar date written as YYYY-MM-DD' })
  .meta({ format: 'date', example: '2026-11-23' });

const pd = (d: IsoDate) => Temporal.PlainDate.from(d);

/** "N months after D": keeps the day of the month, clamped to the month's last day (§1). */
export function addMonths(d: IsoDate, months: number): IsoDate {
  return pd(d).add({ months }, { overflow: 'constrain' }).toString();
}
export function addYears(d: IsoDate, years: number): IsoDate {
  return pd(d).add({ years }, { overflow: 'constrain' }).toString();
}
export function addDays(d: IsoDate, days: number): IsoDate {
  return pd(d).add({ days }).toString();
}
/** Negative when a < b, 0 when equal, positive when a > b. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return Temporal.PlainDate.compare(pd(a), pd(b));
}
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return pd(from).until(pd(to), { largestUnit: 'days' }).days;
}
/** Whole calendar months from `from` to `to` (negative when `to` is earlier). */
export function monthsBetween(from: IsoDate, to: IsoDate): number {
  return pd(from).until(pd(to), { largestUnit: 'months' }).months;
}
/** Age in completed years on `on` (someone born on 29 February has a birthday on 1 March in common years). */
export function ageOn(birthDate: IsoDate, on: IsoDate): number {
  return pd(birthDate).until(pd(on), { largestUnit: 'years' }).years;
}
export function maxDate(dates: readonly IsoDate[]): IsoDate | undefined {
  let best: IsoDate | undefined;
  for (const d of dates) if (best === undefined || compareDates(d, best) > 0) best = d;
  return best;
}
