// Calendar dates for the clinical core. Clinical dates are plain calendar dates (no time, no zone),
// kept as ISO `YYYY-MM-DD` strings end to end, so no time zone or daylight-saving change can move
// them. Arithmetic is done on year/month/day integers with the proleptic Gregorian calendar:
// month ends and leap days follow the calendar (30 Nov + 3 months = 28 Feb), never millisecond
// maths. The results are identical to Temporal.PlainDate (date.test.ts checks this as an oracle
// over random dates); integer arithmetic is used because the polyfill costs ~50 µs per call and
// one evaluation makes hundreds of date comparisons.
import { z } from 'zod';

export type IsoDate = string;

interface Ymd { y: number; m: number; d: number }

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeap(y) ? 29 : (DAYS_IN_MONTH[m - 1] as number);
}

// Digits by char code: parse runs hundreds of times per evaluation.
const digit = (s: string, i: number) => s.charCodeAt(i) - 48;
function parse(s: IsoDate): Ymd {
  return {
    y: digit(s, 0) * 1000 + digit(s, 1) * 100 + digit(s, 2) * 10 + digit(s, 3),
    m: digit(s, 5) * 10 + digit(s, 6),
    d: digit(s, 8) * 10 + digit(s, 9),
  };
}

function format({ y, m, d }: Ymd): IsoDate {
  if (y < 0 || y > 9999) throw new RangeError(`date out of range: year ${y}`);
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** Days since 1970-01-01 (Hinnant's days_from_civil): a day count, not a timestamp. */
function toDayNumber({ y, m, d }: Ymd): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function fromDayNumber(n: number): Ymd {
  const z0 = n + 719468;
  const era = Math.floor(z0 / 146097);
  const doe = z0 - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

/** True when `s` is a real calendar date in `YYYY-MM-DD` form (2027-02-29 is not). */
export function isIsoDate(s: string): boolean {
  // The pattern /^\d{4}-\d{2}-\d{2}$/ and then the calendar, by char code without a regular
  // expression or a parsed object: the Case schema runs it for every date of every case
  // (date.test.ts checks it against the regular-expression form on random and near-miss strings).
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  const y0 = digit(s, 0), y1 = digit(s, 1), y2 = digit(s, 2), y3 = digit(s, 3);
  const m0 = digit(s, 5), m1 = digit(s, 6), d0 = digit(s, 8), d1 = digit(s, 9);
  // `>>> 0 > 9` is false only for the ten digits 0–9 (anything else is negative or above 9).
  if ((y0 >>> 0) > 9 || (y1 >>> 0) > 9 || (y2 >>> 0) > 9 || (y3 >>> 0) > 9
    || (m0 >>> 0) > 9 || (m1 >>> 0) > 9 || (d0 >>> 0) > 9 || (d1 >>> 0) > 9) return false;
  const m = m0 * 10 + m1;
  const d = d0 * 10 + d1;
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y0 * 1000 + y1 * 100 + y2 * 10 + y3, m);
}

/**
 * Years a date in a record may have. Without a bound, year 0000 passed the check and "2 years
 * before asOf" then fell outside the calendar: an input error must never become a crash.
 */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2999;

const FIRST_DAY = `${String(FIRST_YEAR)}-01-01`;
const LAST_DAY = `${String(LAST_YEAR)}-12-31`;

/** A real calendar date within FIRST_YEAR…LAST_YEAR (ISO dates with 4-digit years compare as text). */
export function isRecordDate(s: string): boolean {
  return isIsoDate(s) && s >= FIRST_DAY && s <= LAST_DAY;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * Why a text is not a record date, in kinds a reader can act on: not written as a date at all, a
 * day the calendar does not have (31 February, 29 February of a common year), or a year outside
 * FIRST_YEAR…LAST_YEAR. For a day that does not exist, the month and how many days it has, to say
 * so (`days` 0: the month itself does not exist).
 */
export type DateProblem =
  | { code: 'date-format' }
  | { code: 'date-not-exist'; year: number; month: number; days: number }
  | { code: 'date-out-of-range' };

/** The problem of `s` as a record date, or undefined when it is one. */
export function dateProblem(s: string): DateProblem | undefined {
  if (isRecordDate(s)) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return { code: 'date-format' };
  const { y, m, d } = parse(s);
  if (m < 1 || m > 12) return { code: 'date-not-exist', year: y, month: m, days: 0 };
  if (d < 1 || d > daysInMonth(y, m)) return { code: 'date-not-exist', year: y, month: m, days: daysInMonth(y, m) };
  return { code: 'date-out-of-range' };
}

/** The developer's words for a date problem (pages say it in the reader's language, by its code). */
export function dateProblemMessage(p: DateProblem): string {
  switch (p.code) {
    case 'date-format':
      return 'must be a date written as YYYY-MM-DD';
    case 'date-not-exist':
      if (p.days === 0) return `does not exist: there is no month ${String(p.month)}`;
      return `does not exist: ${MONTH_NAMES[p.month - 1] ?? ''} ${String(p.year)} has ${String(p.days)} days`;
    case 'date-out-of-range':
      return `must lie in the years ${String(FIRST_YEAR)}–${String(LAST_YEAR)}`;
  }
}

/**
 * A text that must be a record date: zod's string type whose own parse also checks the calendar.
 * A refinement would do the same in a check of its own, and zod runs each check through a round of
 * bookkeeping; a Case holds dozens of dates, so checking them in the parse makes validating a Case
 * about a tenth faster. The issue is the one a refinement adds (`custom`, the message, `params`),
 * and everything zod does with a string (optional, refine, describe, JSON Schema) stays as it is;
 * date.test.ts compares both forms over generated texts.
 */
const RecordDateText: z.core.$constructor<z.ZodString> = z.core.$constructor('RecordDateText', (inst: z.ZodString, def: z.core.$ZodStringDef) => {
  z.ZodString.init(inst, def);
  const zod = inst._zod;
  const text = zod.parse.bind(zod);
  zod.parse = (payload, ctx) => {
    const before = payload.issues.length;
    void text(payload, ctx); // a string's parse is synchronous
    if (payload.issues.length !== before) return payload;
    const value = payload.value as string;
    if (isRecordDate(value)) return payload;
    const p = dateProblem(value) as DateProblem;
    payload.issues.push({ code: 'custom', message: dateProblemMessage(p), params: { ...p }, input: value, inst, continue: true });
    return payload;
  };
});

/**
 * A record date. Each problem is its own issue with its code in `params.code`, so the API's
 * problem document and the pages can say what is wrong ("does not exist") rather than "invalid".
 */
export const isoDate = new RecordDateText({ type: 'string' }).meta({ format: 'date', example: '2026-11-23' });

/** "N months after D": keeps the day of the month, clamped to the month's last day (§1). */
export function addMonths(d: IsoDate, months: number): IsoDate {
  const p = parse(d);
  const total = p.y * 12 + (p.m - 1) + Math.trunc(months);
  const y = Math.floor(total / 12);
  const m = total - y * 12 + 1;
  return format({ y, m, d: Math.min(p.d, daysInMonth(y, m)) });
}
export function addYears(d: IsoDate, years: number): IsoDate {
  return addMonths(d, Math.trunc(years) * 12);
}
export function addDays(d: IsoDate, days: number): IsoDate {
  return format(fromDayNumber(toDayNumber(parse(d)) + Math.trunc(days)));
}
/** Negative when a < b, 0 when equal, positive when a > b. ISO dates with 4-digit years sort as text. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(parse(to)) - toDayNumber(parse(from));
}
/**
 * Whole calendar months from `from` to `to` (negative when `to` is earlier), counted as Temporal
 * does: a month is complete when the day of the month is reached, without clamping (31 Jan → 28
 * Feb is 0 months).
 */
export function monthsBetween(from: IsoDate, to: IsoDate): number {
  const a = parse(from);
  const b = parse(to);
  let months = (b.y - a.y) * 12 + (b.m - a.m);
  if (months > 0 && b.d < a.d) months -= 1;
  else if (months < 0 && b.d > a.d) months += 1;
  return months;
}
/**
 * `from.until(to, { largestUnit: 'months' })` as Temporal counts it: whole calendar months (see
 * monthsBetween), then the days left after adding them to `from` (clamped to the month's end).
 */
export function monthsAndDaysBetween(from: IsoDate, to: IsoDate): { months: number; days: number } {
  const months = monthsBetween(from, to);
  return { months, days: daysBetween(addMonths(from, months), to) };
}
/** `d.add({ months, days })` as Temporal adds it: the months first (clamped), then the days. */
export function addMonthsAndDays(d: IsoDate, months: number, days: number): IsoDate {
  return addDays(addMonths(d, months), days);
}
/**
 * Age in completed years on `on` (§1). The birthday in a year is the birth date's day clamped to
 * that month's last day, as "N months after D" is: someone born on 29 February turns a year older
 * on 28 February in common years.
 */
export function ageOn(birthDate: IsoDate, on: IsoDate): number {
  if (compareDates(on, birthDate) < 0) {
    // Before birth (an entry error): counted towards zero as whole months, never below it in years.
    return Math.trunc(monthsBetween(birthDate, on) / 12) || 0; // `|| 0`: never report −0 years
  }
  // By char code, without parsed objects: most rules ask an age, several times per evaluation.
  const by = digit(birthDate, 0) * 1000 + digit(birthDate, 1) * 100 + digit(birthDate, 2) * 10 + digit(birthDate, 3);
  const bm = digit(birthDate, 5) * 10 + digit(birthDate, 6);
  const bd = digit(birthDate, 8) * 10 + digit(birthDate, 9);
  const oy = digit(on, 0) * 1000 + digit(on, 1) * 100 + digit(on, 2) * 10 + digit(on, 3);
  const om = digit(on, 5) * 10 + digit(on, 6);
  const od = digit(on, 8) * 10 + digit(on, 9);
  const birthday = bm === 2 && bd === 29 ? daysInMonth(oy, 2) : bd;
  return oy - by - (om < bm || (om === bm && od < birthday) ? 1 : 0);
}
export function maxDate(dates: readonly IsoDate[]): IsoDate | undefined {
  return latestOf(dates, (d) => d);
}
/**
 * The earliest of the dates `pick` gives for `items` (undefined: the item does not count), in one
 * pass without building, filtering or sorting an array: rules ask this of short lists many times
 * per evaluation.
 */
export function earliestOf<T>(items: readonly T[] | undefined, pick: (x: T) => IsoDate | undefined): IsoDate | undefined {
  let best: IsoDate | undefined;
  if (items !== undefined) {
    for (const x of items) {
      const d = pick(x);
      if (d !== undefined && (best === undefined || compareDates(d, best) < 0)) best = d;
    }
  }
  return best;
}
/** The latest of the dates `pick` gives for `items`; see earliestOf. */
export function latestOf<T>(items: readonly T[] | undefined, pick: (x: T) => IsoDate | undefined): IsoDate | undefined {
  let best: IsoDate | undefined;
  if (items !== undefined) {
    for (const x of items) {
      const d = pick(x);
      if (d !== undefined && (best === undefined || compareDates(d, best) > 0)) best = d;
    }
  }
  return best;
}
