// The dashboard's periods as a reader chooses and reads them: the period in words ("maart 2026",
// "1e kwartaal 2026"), the short lines under a chart's column, the periods offered in the chooser,
// the one before and after, and a period of one kind taken over when the reader switches to another
// kind without JavaScript (the form sends the old period with the new kind: the new kind's period
// that holds the old one's first day is shown, not an error).
import { PERIOD_PATTERNS } from '../../schema/quality.schema.js';
import type { PeriodKind } from '../../core/quality/lists.js';
import type { Messages } from '../i18n/index.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** The period of `kind` that holds `day` (yyyy-mm-dd). */
export function periodOf(kind: PeriodKind, day: string): string {
  const year = day.slice(0, 4);
  const month = Number(day.slice(5, 7));
  if (kind === 'year') return year;
  if (kind === 'quarter') return `${year}-Q${String(Math.ceil(month / 3))}`;
  return `${year}-${pad(month)}`;
}

/** The first day of a period written in any kind's way, or undefined when it is none. */
export function firstDayOf(period: string): string | undefined {
  const m = PERIOD_PATTERNS.month.exec(period);
  if (m) return `${m[1] ?? ''}-${m[2] ?? ''}-01`;
  const q = PERIOD_PATTERNS.quarter.exec(period);
  if (q) return `${q[1] ?? ''}-${pad((Number(q[2]) - 1) * 3 + 1)}-01`;
  const y = PERIOD_PATTERNS.year.exec(period);
  return y ? `${y[1] ?? ''}-01-01` : undefined;
}

/** The period as `kind` writes it: itself when it already is one, else the `kind` period holding its first day. */
export function asKind(kind: PeriodKind, period: string | undefined): string | undefined {
  if (period === undefined || period === '') return undefined;
  if (PERIOD_PATTERNS[kind].test(period)) return period;
  const first = firstDayOf(period);
  return first === undefined ? period : periodOf(kind, first);
}

/** The period `steps` periods after `period` (before, when negative). */
export function shift(kind: PeriodKind, period: string, steps: number): string {
  const first = firstDayOf(period) ?? '2000-01-01';
  const year = Number(first.slice(0, 4));
  const month = Number(first.slice(5, 7)) - 1;
  const months = kind === 'year' ? 12 : kind === 'quarter' ? 3 : 1;
  const total = year * 12 + month + steps * months;
  return periodOf(kind, `${String(Math.floor(total / 12))}-${pad((total % 12) + 1)}-01`);
}

/** How many periods of each kind the chooser offers, counting back from the current one. */
const OFFERED: Record<PeriodKind, number> = { month: 24, quarter: 12, year: 6 };

/** The periods the chooser offers, newest first: the current one and those before it, and the one shown if older. */
export function offeredPeriods(kind: PeriodKind, today: string, shown: string | undefined): string[] {
  const current = periodOf(kind, today);
  const list = Array.from({ length: OFFERED[kind] }, (_, i) => shift(kind, current, -i));
  if (shown !== undefined && PERIOD_PATTERNS[kind].test(shown) && !list.includes(shown)) list.push(shown);
  return list;
}

/** A period in words: "maart 2026", "1e kwartaal 2026", "2026". */
export function periodWords(t: Messages, period: string): string {
  const m = PERIOD_PATTERNS.month.exec(period);
  if (m) return t.quality.periods.month(Number(m[2]) - 1, m[1] ?? '');
  const q = PERIOD_PATTERNS.quarter.exec(period);
  if (q) return t.quality.periods.quarter(Number(q[2]), q[1] ?? '');
  return period;
}

/** The lines under a chart's column: the month or quarter short, then its year; a year alone. */
export function axisLines(t: Messages, period: string): string[] {
  const m = PERIOD_PATTERNS.month.exec(period);
  if (m) return [t.quality.periods.monthShort[Number(m[2]) - 1] ?? '', m[1] ?? ''];
  const q = PERIOD_PATTERNS.quarter.exec(period);
  if (q) return [t.quality.periods.quarterShort(Number(q[2])), q[1] ?? ''];
  return [period];
}
