// The activity meter's file: any days written in any of the accepted ways read back as the same
// days; every bad line is named by its number, however many there are; a day twice and more than
// 366 days are refused; blank lines and a header are skipped.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../time/date.js';
import { meanSteps, parseStepsCsv, STEPS_MAX_DAYS, stepsCsv, type StepsDay } from './steps-csv.js';

const arbDays: fc.Arbitrary<StepsDay[]> = fc
  .uniqueArray(fc.integer({ min: -2000, max: 0 }), { minLength: 1, maxLength: 60 })
  .chain((offsets) => fc.tuple(...offsets.map((d) => fc.integer({ min: 0, max: 100000 }).map((steps) => ({ date: addDays('2026-06-30', d), steps })))))
  .map((days) => [...days].sort((a, b) => a.date.localeCompare(b.date)));
const arbStyle = fc.record({ header: fc.boolean(), separator: fc.constantFrom(',' as const, ';' as const), dutchDates: fc.boolean(), crlf: fc.boolean() });

describe('the activity meter CSV', () => {
  it('reads back every file it writes, in every accepted style, as the same days', () => {
    fc.assert(fc.property(arbDays, arbStyle, (days, style) => {
      const r = parseStepsCsv(stepsCsv(days, style));
      expect(r).toEqual({ ok: true, days });
    }));
  });

  it('skips blank lines anywhere and sorts the days', () => {
    const r = parseStepsCsv('\n\ndatum;stappen\n\n03-03-2026;4000\n\n2026-03-01;6000\n  \n');
    expect(r).toEqual({ ok: true, days: [{ date: '2026-03-01', steps: 6000 }, { date: '2026-03-03', steps: 4000 }] });
  });

  it('names every bad line by its number, and only those', () => {
    const bad = fc.constantFrom('2026-02-30,100', 'gisteren,100', '2026-03-01,veel', '2026-03-01,-5', '2026-03-01,100,3', '2026-03-01', '2026-03-01,1.5', '2026-03-01,100001');
    fc.assert(fc.property(arbDays, fc.array(fc.tuple(fc.nat(), bad), { minLength: 1, maxLength: 8 }), (days, inserts) => {
      // Bad lines on days the good ones do not use: a good line could otherwise become a duplicate.
      const lines = stepsCsv(days.map((d) => ({ ...d, date: addDays(d.date, -4000) }))).split('\n');
      const badAt = new Set<number>();
      for (const [at, text] of inserts) {
        const i = at % (lines.length + 1);
        lines.splice(i, 0, text);
        // Shift the ones already placed at or after i.
        const moved = [...badAt].map((n) => (n >= i + 1 ? n + 1 : n));
        badAt.clear();
        moved.forEach((n) => badAt.add(n));
        badAt.add(i + 1);
      }
      const r = parseStepsCsv(lines.join('\n'));
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(new Set(r.problems.map((p) => p.line))).toEqual(badAt);
    }));
  });

  it('refuses a day given twice at its second line, naming the first', () => {
    expect(parseStepsCsv('date,steps\n2026-03-01,10\n01-03-2026,20')).toEqual({ ok: false, problems: [{ line: 3, code: 'duplicate', firstLine: 2 }] });
  });

  it('takes 366 days and refuses the 367th', () => {
    const days = Array.from({ length: STEPS_MAX_DAYS + 1 }, (_, i) => ({ date: addDays('2025-01-01', i), steps: i }));
    expect(parseStepsCsv(stepsCsv(days.slice(0, STEPS_MAX_DAYS))).ok).toBe(true);
    expect(parseStepsCsv(stepsCsv(days))).toEqual({ ok: false, problems: [{ line: STEPS_MAX_DAYS + 1, code: 'too-many-days' }] });
  });

  it('says so when the file holds no day at all', () => {
    expect(parseStepsCsv('')).toEqual({ ok: false, problems: [{ line: 0, code: 'empty' }] });
    expect(parseStepsCsv('date,steps\n\n')).toEqual({ ok: false, problems: [{ line: 0, code: 'empty' }] });
  });

  it('takes the mean of the days, rounded', () => {
    expect(meanSteps([{ date: '2026-03-01', steps: 1000 }, { date: '2026-03-02', steps: 2001 }])).toBe(1501);
    expect(meanSteps([{ date: '2026-03-01', steps: 1 }, { date: '2026-03-02', steps: 2 }])).toBe(2);
  });
});
