import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addMonths, ageOn, compareDates, isIsoDate, monthsBetween } from './date.js';

describe('calendar arithmetic', () => {
  it('clamps "N months after" to the month end', () => {
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
  });
  it('counts ages in completed years, leap-day births included', () => {
    expect(ageOn('1976-11-23', '2026-11-23')).toBe(50);
    expect(ageOn('1976-11-24', '2026-11-23')).toBe(49);
    expect(ageOn('2000-02-29', '2018-02-28')).toBe(17);
    expect(ageOn('2000-02-29', '2018-03-01')).toBe(18);
  });
  it('rejects impossible dates', () => {
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('26-01-01')).toBe(false);
  });
  const day = fc
    .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
  it('never lands before the start and counts the months it added', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 600 }), (d, n) => {
        const later = addMonths(d, n);
        expect(compareDates(later, d)).toBeGreaterThanOrEqual(0);
        expect(monthsBetween(d, later)).toBeLessThanOrEqual(n);
        expect(monthsBetween(d, later)).toBeGreaterThanOrEqual(n - 1);
      }),
    );
  });
  it('age is monotone in the reference date', () => {
    fc.assert(
      fc.property(day, day, day, (b, x, y) => {
        const [a1, a2] = compareDates(x, y) <= 0 ? [x, y] : [y, x];
        if (compareDates(b, a1) > 0) return;
        expect(ageOn(b, a2)).toBeGreaterThanOrEqual(ageOn(b, a1));
      }),
    );
  });
});
