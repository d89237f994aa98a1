// Reporting periods of the dashboard: a month (2026-03), a quarter (2026-Q1) or a year (2026), its
// first and last day, the period a day falls in, and the periods before it for the trend. The
// cohort of a period is every patient whose index fracture falls in it (from ≤ date ≤ to).
import { addDays, addMonths, type IsoDate } from '../time/date.js';
import type { PeriodKind } from './lists.js';

export interface PeriodBounds {
  kind: PeriodKind;
  label: string;
  from: IsoDate;
  to: IsoDate;
}

const MONTHS: Readonly<Record<PeriodKind, number>> = { month: 1, quarter: 3, year: 12 };
const pad = (n: number) => String(n).padStart(2, '0');

function labelOf(kind: PeriodKind, year: number, month: number): string {
  if (kind === 'year') return String(year);
  if (kind === 'quarter') return `${String(year)}-Q${String(Math.floor((month - 1) / 3) + 1)}`;
  return `${String(year)}-${pad(month)}`;
}

function bounds(kind: PeriodKind, year: number, firstMonth: number): PeriodBounds {
  const from = `${String(year)}-${pad(firstMonth)}-01`;
  return { kind, label: labelOf(kind, year, firstMonth), from, to: addDays(addMonths(from, MONTHS[kind]), -1) };
}

/** The period of `kind` that `day` falls in. */
export function periodOf(kind: PeriodKind, day: IsoDate): PeriodBounds {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  const first = kind === 'year' ? 1 : kind === 'quarter' ? Math.floor((month - 1) / 3) * 3 + 1 : month;
  return bounds(kind, year, first);
}

/** The period a label names (already checked against its kind at the edge), or undefined when it names none. */
export function parsePeriod(kind: PeriodKind, label: string): PeriodBounds | undefined {
  const y = /^(\d{4})/.exec(label);
  if (!y) return undefined;
  const year = Number(y[1]);
  if (kind === 'year') return label.length === 4 ? bounds(kind, year, 1) : undefined;
  if (kind === 'quarter') {
    const q = /^\d{4}-Q([1-4])$/.exec(label);
    return q ? bounds(kind, year, (Number(q[1]) - 1) * 3 + 1) : undefined;
  }
  const m = /^\d{4}-(0[1-9]|1[0-2])$/.exec(label);
  return m ? bounds(kind, year, Number(m[1])) : undefined;
}

/** `count` periods before `p` and `p` itself, oldest first. */
export function trendPeriods(p: PeriodBounds, count: number): PeriodBounds[] {
  const out: PeriodBounds[] = [p];
  let cur = p;
  for (let i = 0; i < count; i++) {
    cur = periodOf(cur.kind, addDays(cur.from, -1));
    out.unshift(cur);
  }
  return out;
}

/** How many months a period spans: the identification share scales the expected fractures a year by it. */
export function periodMonths(kind: PeriodKind): number {
  return MONTHS[kind];
}
