// Reading the medication history: which courses are current, when the last dose was, how much of a
// lifetime-limited drug has been taken. Shared by the safety, course and follow-up rules so that
// "current" and "last injection" mean the same thing everywhere.
import type { Case, Drug, Medication } from '../case.schema.js';
import type { IsoDate } from '../time/date.js';
import { addMonths, addMonthsAndDays, compareDates, latestOf, monthsAndDaysBetween } from '../time/date.js';
import type { Reader } from '../reader.js';
import { memoCase } from '../memo.js';
import { sortBy } from '../sort.js';

export { medicationPath, plannedPath } from '../reader.js';

export interface Course {
  readonly index: number;
  readonly med: Medication;
}

const inOrder = (a: IsoDate, b: IsoDate) => compareDates(a, b);

export function courses(c: Case, drug?: Drug): Course[] {
  const out: Course[] = [];
  const meds = c.medications ?? [];
  for (let index = 0; index < meds.length; index++) {
    const med = meds[index] as Medication;
    if (drug === undefined || med.drug === drug) out.push({ index, med });
  }
  return out;
}

/** Started on or before asOf and not ended before it (a course ending today is still current). */
export function isCurrent(med: Medication, asOf: IsoDate): boolean {
  return inOrder(med.start, asOf) <= 0 && (med.end === undefined || inOrder(med.end, asOf) >= 0);
}

/** Current courses, one per drug: the most recently started record wins. */
export function currentCourses(c: Case): Course[] {
  return [...currentMemo(c)];
}
/** Several rules of every stage ask; the list is made once per case. */
const currentMemo = memoCase((c: Case): Course[] => {
  const byDrug = new Map<Drug, Course>();
  for (const k of courses(c)) {
    if (!isCurrent(k.med, c.asOf)) continue;
    const prev = byDrug.get(k.med.drug);
    if (prev === undefined || inOrder(k.med.start, prev.med.start) > 0) byDrug.set(k.med.drug, k);
  }
  return sortBy([...byDrug.values()], (a, b) => a.index - b.index);
});

/** The latest record of a drug by start date, current or not. */
export function latestCourse(c: Case, drug: Drug): Course | undefined {
  let best: Course | undefined;
  for (const k of courses(c, drug)) if (best === undefined || inOrder(k.med.start, best.med.start) >= 0) best = k;
  return best;
}

/**
 * The last dose given on or before asOf. Without a dose list the start date counts as the first
 * dose, and the absent list is reported as missing because recorded doses would change the answer.
 */
export function lastDose(k: Course, asOf: IsoDate, t: Reader): IsoDate {
  const doses = t.med(k.index, k.med, 'doses');
  t.med(k.index, k.med, 'start');
  // The latest recorded dose on or before asOf.
  return latestOf(doses, (d) => (inOrder(d, asOf) <= 0 ? d : undefined)) ?? k.med.start;
}

/** All recorded doses of a drug across courses, oldest first. */
export function allDoses(c: Case, drug: Drug, t: Reader): IsoDate[] {
  const out: IsoDate[] = [];
  for (const k of courses(c, drug)) {
    const d = t.med(k.index, k.med, 'doses');
    if (d) out.push(...d.filter((x) => inOrder(x, c.asOf) <= 0));
  }
  return sortBy(out, inOrder);
}

export interface Exposure {
  /** First day ever taken. */
  readonly firstStart: IsoDate;
  /** The date the taken periods, laid end to end from `firstStart`, reach; compare with firstStart + N months. */
  readonly reached: IsoDate;
  /** Start of the course still running on asOf, if any. */
  readonly currentStart?: IsoDate;
  /** `reached` before the current course began, to project when the limit falls in it. */
  readonly reachedBeforeCurrent: IsoDate;
}

/**
 * Total time a drug was taken (each course from start to end, or to asOf when open), laid end to
 * end so "24 months in total" is measured with calendar months from the first start. Overlapping
 * records are merged first so a duplicated entry does not count twice.
 */
export function exposure(c: Case, drug: Drug, t: Reader): Exposure | undefined {
  const periods = sortBy(courses(c, drug)
    .filter((k) => inOrder(k.med.start, c.asOf) <= 0)
    .map((k) => {
      t.med(k.index, k.med, 'start');
      let end = k.med.end !== undefined && inOrder(k.med.end, c.asOf) < 0 ? k.med.end : c.asOf;
      // An end recorded before the start is an entry error; the course then counts as no time taken.
      if (inOrder(end, k.med.start) < 0) end = k.med.start;
      if (k.med.end !== undefined) t.med(k.index, k.med, 'end');
      return { start: k.med.start, end, open: k.med.end === undefined || inOrder(k.med.end, c.asOf) >= 0 };
    }), (a, b) => inOrder(a.start, b.start));
  if (periods.length === 0) return undefined;
  const merged: { start: IsoDate; end: IsoDate; open: boolean }[] = [];
  for (const p of periods) {
    const last = merged[merged.length - 1];
    if (last && inOrder(p.start, last.end) <= 0) {
      if (inOrder(p.end, last.end) > 0) last.end = p.end;
      last.open = last.open || p.open;
    } else merged.push({ ...p });
  }
  const firstStart = merged[0]!.start;
  // Each period counts as whole calendar months plus leftover days, so two 12-month courses make
  // 24 months whatever leap days lie between them.
  let months = 0;
  let days = 0;
  let reachedBeforeCurrent = firstStart;
  let currentStart: IsoDate | undefined;
  for (const p of merged) {
    if (p.open) {
      currentStart = p.start;
      reachedBeforeCurrent = addMonthsAndDays(firstStart, months, days);
    }
    const d = monthsAndDaysBetween(p.start, p.end);
    months += d.months;
    days += d.days;
  }
  const reached = addMonthsAndDays(firstStart, months, days);
  return currentStart === undefined
    ? { firstStart, reached, reachedBeforeCurrent: reached }
    : { firstStart, reached, currentStart, reachedBeforeCurrent };
}

/** True when the exposure reaches `months` calendar months from the first start. */
export function reachedMonths(e: Exposure, months: number): boolean {
  return inOrder(e.reached, addMonths(e.firstStart, months)) >= 0;
}

/** The date within the current course on which the total reaches `months` (undefined when no course is open). */
export function limitDate(e: Exposure, months: number): IsoDate | undefined {
  if (e.currentStart === undefined) return undefined;
  const remaining = monthsAndDaysBetween(e.reachedBeforeCurrent, addMonths(e.firstStart, months));
  return addMonthsAndDays(e.currentStart, remaining.months, remaining.days);
}
