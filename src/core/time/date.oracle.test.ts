// The integer calendar arithmetic of date.ts must agree with Temporal.PlainDate on every date.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import {
  addDays, addMonths, addMonthsAndDays, addYears, ageOn, compareDates, daysBetween, isIsoDate, monthsAndDaysBetween, monthsBetween,
} from './date.js';

const P = (s: string) => Temporal.PlainDate.from(s);
const day = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
// Month ends and leap days are where calendars disagree; weight them in.
const edgeDay = fc.oneof(day, fc.constantFrom('2024-02-29', '2023-02-28', '2026-01-31', '2026-03-31', '2000-02-29', '1900-02-28', '2026-12-31', '2026-11-30'));

describe('date.ts agrees with Temporal.PlainDate', () => {
  it('addMonths, addYears and addDays', () => {
    fc.assert(fc.property(edgeDay, fc.integer({ min: -1300, max: 1300 }), (d, n) => {
      expect(addMonths(d, n)).toBe(P(d).add({ months: n }, { overflow: 'constrain' }).toString());
      expect(addYears(d, Math.trunc(n / 12))).toBe(P(d).add({ years: Math.trunc(n / 12) }, { overflow: 'constrain' }).toString());
      expect(addDays(d, n * 17)).toBe(P(d).add({ days: n * 17 }).toString());
    }), { numRuns: 3000 });
  });
  it('compareDates, daysBetween, monthsBetween and ageOn', () => {
    fc.assert(fc.property(edgeDay, edgeDay, (a, b) => {
      expect(Math.sign(compareDates(a, b))).toBe(Temporal.PlainDate.compare(P(a), P(b)));
      expect(daysBetween(a, b)).toBe(P(a).until(P(b), { largestUnit: 'days' }).days);
      expect(monthsBetween(a, b)).toBe(P(a).until(P(b), { largestUnit: 'months' }).months);
      // Completed years with the birthday clamped to the month's end (29 Feb → 28 Feb, §1): the
      // most years whose constrained addition still falls on or before the day.
      const y = P(a).until(P(b), { largestUnit: 'years' }).years;
      const clamped = compareDates(a, b) <= 0 && Temporal.PlainDate.compare(P(a).add({ years: y + 1 }, { overflow: 'constrain' }), P(b)) <= 0;
      expect(ageOn(a, b)).toBe(clamped ? y + 1 : y);
    }), { numRuns: 3000 });
  });
  it('monthsAndDaysBetween and addMonthsAndDays (medication exposure)', () => {
    fc.assert(fc.property(edgeDay, edgeDay, fc.integer({ min: -400, max: 400 }), (a, b, n) => {
      const d = P(a).until(P(b), { largestUnit: 'months' });
      expect(monthsAndDaysBetween(a, b)).toEqual({ months: d.years * 12 + d.months, days: d.days });
      expect(addMonthsAndDays(a, n, 3 * n)).toBe(P(a).add({ months: n, days: 3 * n }).toString());
      expect(addMonthsAndDays(a, d.months, d.days)).toBe(P(a).add(d).toString());
    }), { numRuns: 3000 });
  });
  it('isIsoDate accepts exactly the dates Temporal accepts', () => {
    const candidate = fc.tuple(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
      .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    fc.assert(fc.property(candidate, (s) => {
      let ok = true;
      try { Temporal.PlainDate.from(s, { overflow: 'reject' }); } catch { ok = false; }
      expect(isIsoDate(s)).toBe(ok);
    }), { numRuns: 3000 });
  });
});
