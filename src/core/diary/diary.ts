// The patient's diary of exercise and pain: its bounds, and the weekly figures its chart and table
// show. Pure: the entries and the day asked about in, the weeks out.
import { addDays, compareDates, daysBetween, type IsoDate } from '../time/date.js';

/** The most minutes one entry can hold: a whole day. */
export const DIARY_MAX_MINUTES = 24 * 60;
/** Pain on the usual numeric rating scale, 0 (none) to 10 (the worst imaginable). */
export const PAIN_MAX = 10;
/** How many weeks the chart shows, the current one included. */
export const CHART_WEEKS = 8;

/** What the weekly figures read of an entry. */
export interface DiaryPoint {
  date: IsoDate;
  minutes: number;
  pain: number;
}

export interface DiaryWeek {
  /** The Monday the week starts on. */
  from: IsoDate;
  /** The Sunday it ends on. */
  to: IsoDate;
  /** Minutes of activity in the week, all entries added. */
  minutes: number;
  /** The mean of the pain scores written that week, to one decimal; null when nothing was written. */
  pain: number | null;
  /** The highest pain score written that week; null when nothing was written. */
  painMax: number | null;
  entries: number;
}

/** A Monday, for counting weekdays from. */
const A_MONDAY = '2024-01-01';

/** The Monday of the week `d` falls in (weeks run Monday to Sunday, as in the Netherlands). */
export function mondayOf(d: IsoDate): IsoDate {
  const dow = ((daysBetween(A_MONDAY, d) % 7) + 7) % 7;
  return addDays(d, -dow);
}

/**
 * The last `weeks` weeks up to and including the week of `asOf`, oldest first, each with its
 * minutes and pain. Entries outside those weeks, or after `asOf`, are left out.
 */
export function diaryWeeks(entries: readonly DiaryPoint[], asOf: IsoDate, weeks: number = CHART_WEEKS): DiaryWeek[] {
  const last = mondayOf(asOf);
  const out: DiaryWeek[] = [];
  const pains: number[][] = [];
  for (let i = weeks - 1; i >= 0; i -= 1) {
    const from = addDays(last, -7 * i);
    out.push({ from, to: addDays(from, 6), minutes: 0, pain: null, painMax: null, entries: 0 });
    pains.push([]);
  }
  const first = out[0]?.from;
  if (first === undefined) return out;
  for (const e of entries) {
    if (compareDates(e.date, first) < 0 || compareDates(e.date, asOf) > 0) continue;
    const i = Math.floor(daysBetween(first, e.date) / 7);
    const w = out[i];
    if (!w) continue;
    w.minutes += e.minutes;
    w.entries += 1;
    pains[i]?.push(e.pain);
  }
  out.forEach((w, i) => {
    const p = pains[i] ?? [];
    if (p.length === 0) return;
    w.pain = Math.round((p.reduce((a, b) => a + b, 0) / p.length) * 10) / 10;
    w.painMax = Math.max(...p);
  });
  return out;
}
