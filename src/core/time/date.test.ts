import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { z } from 'zod';
import { addMonths, ageOn, compareDates, dateProblem, dateProblemMessage, isIsoDate, isRecordDate, isoDate, monthsBetween } from './date.js';

describe('calendar arithmetic', () => {
  it('clamps "N months after" to the month end', () => {
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
  });
  it('counts ages in completed years, leap-day births included', () => {
    expect(ageOn('1976-11-23', '2026-11-23')).toBe(50);
    expect(ageOn('1976-11-24', '2026-11-23')).toBe(49);
    // §1: born on 29 February, the birthday in a common year is 28 February.
    expect(ageOn('2000-02-29', '2018-02-27')).toBe(17);
    expect(ageOn('2000-02-29', '2018-02-28')).toBe(18);
    expect(ageOn('2000-02-29', '2018-03-01')).toBe(18);
    expect(ageOn('2000-02-29', '2020-02-28')).toBe(19);
    expect(ageOn('2000-02-29', '2020-02-29')).toBe(20);
  });
  it('rejects impossible dates', () => {
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('26-01-01')).toBe(false);
  });
  it('says why a text is not a record date: not a date, a day that does not exist, a year out of range', () => {
    expect(dateProblem('2023-02-29')).toEqual({ code: 'date-not-exist', year: 2023, month: 2, days: 28 });
    expect(dateProblem('1950-02-31')).toEqual({ code: 'date-not-exist', year: 1950, month: 2, days: 28 });
    expect(dateProblem('1950-04-31')).toEqual({ code: 'date-not-exist', year: 1950, month: 4, days: 30 });
    expect(dateProblem('1950-13-01')).toEqual({ code: 'date-not-exist', year: 1950, month: 13, days: 0 });
    expect(dateProblem('1950-02-00')).toEqual({ code: 'date-not-exist', year: 1950, month: 2, days: 28 });
    expect(dateProblem('1850-01-01')).toEqual({ code: 'date-out-of-range' });
    expect(dateProblem('31-02-1950')).toEqual({ code: 'date-format' });
    expect(dateProblem('')).toEqual({ code: 'date-format' });
    expect(dateProblem('2024-02-29')).toBeUndefined();
    const issue = isoDate.safeParse('2023-02-29').error?.issues[0];
    expect(issue?.message).toBe('does not exist: February 2023 has 28 days');
    expect(issue?.code === 'custom' && issue.params?.code).toBe('date-not-exist');
  });
  it('calls every day past the end of a month one that does not exist, with the true length of that month', () => {
    const monthLength = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 99 }), (y, m, d) => {
        const s = `${String(y)}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        const days = monthLength(y, m);
        expect(dateProblem(s)).toEqual(d > days ? { code: 'date-not-exist', year: y, month: m, days } : undefined);
      }),
    );
  });
  it('finds a problem exactly when the text is not a record date', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 12 }), fc.stringMatching(/^\d{4}-\d{2}-\d{2}$/)), (s) => {
        expect(dateProblem(s) === undefined).toBe(isRecordDate(s));
      }),
    );
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
  // The former check, regular expression then calendar: isIsoDate must agree with it on every string.
  const daysIn = (y: number, m: number) =>
    m === 2 ? ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
  const byPattern = (s: string) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
    const m = Number(s.slice(5, 7));
    const d = Number(s.slice(8, 10));
    return m >= 1 && m <= 12 && d >= 1 && d <= daysIn(Number(s.slice(0, 4)), m);
  };
  const nearChars = fc.constantFrom(...'0123456789-/ .:+T\n\u0660\uff10/0x'.split(''), '\ud83d', '\u00b9');
  const nearMiss = fc.oneof(
    // a real-looking date with one character replaced, inserted or removed
    fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }),
      fc.integer({ min: 0, max: 10 }), nearChars, fc.constantFrom('replace', 'insert', 'remove', 'keep'))
      .map(([y, m, d, at, ch, how]) => {
        const s = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        if (how === 'keep') return s;
        return s.slice(0, at) + (how === 'remove' ? '' : ch) + s.slice(how === 'insert' ? at : at + 1);
      }),
    fc.array(nearChars, { maxLength: 12 }).map((cs) => cs.join('')),
    fc.string({ maxLength: 12 }),
    fc.string({ unit: 'binary', maxLength: 12 }),
  );
  it('isIsoDate agrees with the regular-expression check on random and near-miss strings', () => {
    for (const s of ['2027-02-29', '2028-02-29', '2000-02-29', '1900-02-29', '0000-01-01', '9999-12-31',
      '2026-00-10', '2026-01-00', '2026-04-31', '2026-1-01', '2026-01-01\n', ' 2026-01-01', '2026/01/01', ''])
      expect(isIsoDate(s)).toBe(byPattern(s));
    fc.assert(fc.property(nearMiss, (s) => { expect(isIsoDate(s)).toBe(byPattern(s)); }), { numRuns: 20000 });
  });
  it('accepts record dates from 1900-01-01 to 2999-12-31 only, and only real ones', () => {
    expect(['1899-12-31', '3000-01-01', '0000-01-01', '1900-02-29', '2100-02-29'].map(isRecordDate)).toEqual([false, false, false, false, false]);
    expect(['1900-01-01', '2999-12-31', '2000-02-29', '2026-11-23'].map(isRecordDate)).toEqual([true, true, true, true]);
  });
});

describe('the record-date type', () => {
  // The same check written as a refinement, the plain zod form the type replaces for speed.
  const refined = z.string().superRefine((s, ctx) => {
    const p = dateProblem(s);
    if (p !== undefined) ctx.addIssue({ code: 'custom', message: dateProblemMessage(p), params: { ...p } });
  });
  const issues = (s: z.ZodType, x: unknown) => {
    const r = s.safeParse(x);
    return r.success ? [] : r.error.issues;
  };
  const texts = fc.oneof(
    fc.constantFrom('2024-02-29', '2023-02-29', '1950-13-01', '1899-12-31', '3000-01-01', '31-02-1950', '', '2026-1-1'),
    fc.date({ min: new Date('1800-01-01'), max: new Date('3100-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }))
      .map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
    fc.string({ maxLength: 12 }),
    fc.anything(),
  );

  it('raises exactly the issues the refinement raises, alone, optional and refined further', () => {
    const later = (s: z.ZodString) => s.refine((d) => d >= '2000-01-01', { message: 'before 2000' });
    fc.assert(fc.property(texts, (x) => {
      expect(issues(isoDate, x)).toEqual(issues(refined, x));
      expect(issues(isoDate.optional(), x)).toEqual(issues(refined.optional(), x));
      expect(issues(later(isoDate), x)).toEqual(issues(later(refined), x));
      expect(issues(z.object({ d: isoDate }), { d: x })).toEqual(issues(z.object({ d: refined }), { d: x }));
    }), { numRuns: 1000 });
  });

  it('keeps the string JSON Schema with its date format', () => {
    expect(z.toJSONSchema(isoDate)).toEqual(z.toJSONSchema(refined.meta({ format: 'date', example: '2026-11-23' })));
    expect(isoDate.safeParse('2026-11-23')).toEqual({ success: true, data: '2026-11-23' });
  });
});
