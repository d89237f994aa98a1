import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, compareDates, daysBetween } from '../time/date.js';
import { CHART_WEEKS, diaryWeeks, mondayOf } from './diary.js';

describe('mondayOf', () => {
  it('gives the Monday of the Dutch week, Sunday belonging to the week before it', () => {
    expect(mondayOf('2026-12-07')).toBe('2026-12-07'); // a Monday
    expect(mondayOf('2026-12-13')).toBe('2026-12-07'); // the Sunday after it
    expect(mondayOf('2026-12-14')).toBe('2026-12-14');
    expect(mondayOf('2025-01-01')).toBe('2024-12-30'); // across a new year
  });
});

describe('diaryWeeks', () => {
  it('adds the minutes and averages the pain per week, oldest week first', () => {
    const weeks = diaryWeeks([
      { date: '2026-12-07', minutes: 30, pain: 2 },
      { date: '2026-12-09', minutes: 15, pain: 5 },
      { date: '2026-12-06', minutes: 45, pain: 3 },
      { date: '2026-12-10', minutes: 60, pain: 9 }, // after asOf: not yet
      { date: '2026-10-01', minutes: 60, pain: 9 }, // before the chart's first week
    ], '2026-12-09');
    expect(weeks).toHaveLength(CHART_WEEKS);
    expect(weeks.at(-1)).toEqual({ from: '2026-12-07', to: '2026-12-13', minutes: 45, pain: 3.5, painMax: 5, entries: 2 });
    expect(weeks.at(-2)).toEqual({ from: '2026-11-30', to: '2026-12-06', minutes: 45, pain: 3, painMax: 3, entries: 1 });
    expect(weeks[0]).toEqual({ from: '2026-10-19', to: '2026-10-25', minutes: 0, pain: null, painMax: null, entries: 0 });
  });

  it('keeps every minute written in its window and no other, in consecutive weeks from a Monday', () => {
    const day = fc.integer({ min: 0, max: 120 }).map((n) => addDays('2026-09-01', n));
    const entry = fc.record({ date: day, minutes: fc.integer({ min: 0, max: 1440 }), pain: fc.integer({ min: 0, max: 10 }) });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 40 }), day, (entries, asOf) => {
        const weeks = diaryWeeks(entries, asOf);
        const first = weeks[0]?.from ?? '';
        const inWindow = entries.filter((e) => compareDates(e.date, first) >= 0 && compareDates(e.date, asOf) <= 0);
        expect(weeks.reduce((a, w) => a + w.minutes, 0)).toBe(inWindow.reduce((a, e) => a + e.minutes, 0));
        expect(weeks.reduce((a, w) => a + w.entries, 0)).toBe(inWindow.length);
        weeks.forEach((w, i) => {
          expect(daysBetween(first, w.from)).toBe(7 * i);
          expect(w.pain === null).toBe(w.entries === 0);
          if (w.pain !== null && w.painMax !== null) expect(w.pain).toBeLessThanOrEqual(w.painMax);
        });
        expect(mondayOf(asOf)).toBe(weeks.at(-1)?.from);
      }),
    );
  });
});
