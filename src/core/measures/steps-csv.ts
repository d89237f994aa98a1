// The activity meter's export read as days of steps: one line `date,steps` a day. Meters and
// spreadsheets differ, so a header line is optional, the separator is `;` or `,`, the date is ISO
// (2026-03-01) or written the Dutch way (01-03-2026, 1-3-2026), blank lines are skipped and a line
// ending of either kind is fine. Nothing is guessed: a line that is not a day and a whole number of
// steps is named by its line number, and so is a day given twice. The mean of the days is what the
// measurement records as `stepsPerDay` (clinical-rules.md §13: steps per day, from the meter).
import { isRecordDate, type IsoDate } from '../time/date.js';

/** A year and a day at most (the entry keeps at most this many days). */
export const STEPS_MAX_DAYS = 366;
/** More than this in one day is not a count a meter gives a person. */
export const STEPS_MAX_PER_DAY = 100000;

export interface StepsDay {
  date: IsoDate;
  steps: number;
}

/** What is wrong with one line (1-based, as an editor counts them). */
export type StepsCsvProblem =
  | { line: number; code: 'columns' }
  | { line: number; code: 'date' }
  | { line: number; code: 'steps' }
  | { line: number; code: 'duplicate'; firstLine: number }
  | { line: number; code: 'too-many-days' }
  | { line: 0; code: 'empty' };

export type StepsCsvResult = { ok: true; days: StepsDay[] } | { ok: false; problems: StepsCsvProblem[] };

const unquote = (s: string) => {
  const t = s.trim();
  return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1).trim() : t;
};

/** The day in ISO, from ISO or from d-m-yyyy (with `-`, `/` or `.`); undefined when it is no calendar day. */
export function stepsDate(s: string): IsoDate | undefined {
  const dmy = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s);
  const iso = dmy ? `${dmy[3] ?? ''}-${(dmy[2] ?? '').padStart(2, '0')}-${(dmy[1] ?? '').padStart(2, '0')}` : s;
  return isRecordDate(iso) ? iso : undefined;
}

const HEADER = /^(date|datum|day|dag)$/i;

/** Reads the file's text; every bad line is reported, not only the first. */
export function parseStepsCsv(text: string): StepsCsvResult {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const days: StepsDay[] = [];
  const seen = new Map<IsoDate, number>();
  const problems: StepsCsvProblem[] = [];
  let first = true;
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    const cells = raw.split(raw.includes(';') ? ';' : ',').map(unquote);
    const isFirst = first;
    first = false;
    // A header is only the first line that holds anything, and only when it names the date column.
    if (isFirst && HEADER.test(cells[0] ?? '')) return;
    if (cells.length !== 2) {
      problems.push({ line, code: 'columns' });
      return;
    }
    const date = stepsDate(cells[0] ?? '');
    const stepsText = cells[1] ?? '';
    const steps = /^\d{1,6}$/.test(stepsText) ? Number(stepsText) : Number.NaN;
    const badSteps = !(steps >= 0 && steps <= STEPS_MAX_PER_DAY);
    if (date === undefined) problems.push({ line, code: 'date' });
    if (badSteps) problems.push({ line, code: 'steps' });
    if (date === undefined || badSteps) return;
    const before = seen.get(date);
    if (before !== undefined) {
      problems.push({ line, code: 'duplicate', firstLine: before });
      return;
    }
    seen.set(date, line);
    if (days.length === STEPS_MAX_DAYS) {
      problems.push({ line, code: 'too-many-days' });
      return;
    }
    days.push({ date, steps });
  });
  if (problems.length > 0) return { ok: false, problems };
  if (days.length === 0) return { ok: false, problems: [{ line: 0, code: 'empty' }] };
  return { ok: true, days: days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)) };
}

/** The days as a file the parser reads back (header and separator as asked, dates ISO or d-m-yyyy). */
export function stepsCsv(days: readonly StepsDay[], o: { header?: boolean; separator?: ',' | ';'; dutchDates?: boolean; crlf?: boolean } = {}): string {
  const sep = o.separator ?? ',';
  const date = (d: IsoDate) => (o.dutchDates ? `${d.slice(8, 10)}-${d.slice(5, 7)}-${d.slice(0, 4)}` : d);
  const rows = [...(o.header ? [`date${sep}steps`] : []), ...days.map((d) => `${date(d.date)}${sep}${String(d.steps)}`)];
  return rows.join(o.crlf ? '\r\n' : '\n');
}

/** Steps per day over the days: their mean, rounded to a whole step. */
export function meanSteps(days: readonly StepsDay[]): number {
  if (days.length === 0) throw new Error('the mean of no days');
  return Math.round(days.reduce((s, d) => s + d.steps, 0) / days.length);
}
