// What a patient needs to live with each drug, as facts with their sources: what to do after a
// missed dose, which side effects to expect, which signs to report to the clinic, and the schedule
// of the coming doses with the blood test before each dose that needs one. The words a patient
// reads for each code live in the web catalogues (`myMedicines`); the facts live here, once.
// Sources: clinical-rules.md §7–8 (regimens, pre-dose checks, the denosumab interval, the
// anabolic limits, the jaw, calcium, cardiovascular and clotting cautions), SMPC-<drug> (missed
// doses), LEAFLET-HOSPITAL (seed 002: the side effects of alendronic acid, zoledronic acid and
// denosumab, and that side effects are told to the treating doctor or nurse).
import type { Case, Drug } from '../case.schema.js';
import type { Source } from '../rule.js';
import type { IsoDate } from '../time/date.js';
import { addDays, compareDates, latestOf } from '../time/date.js';
import { CATALOGUE, regimenFor, type Interval, type Route } from './catalogue.js';
import { afterInterval, anabolicEndDate } from './course.rule.js';
import { currentCourses } from './courses.js';
import { PRE_DOSE_CHECKS } from './pre-dose.rule.js';
import { ROMOSOZUMAB_LIFETIME_DOSES } from './safety.rule.js';
import { Reader } from '../reader.js';
import { DEFAULT_SETTINGS } from '../settings.js';

/**
 * What to do after a missed dose (SMPC-<drug>):
 * - `next-morning`: a weekly tablet is taken the morning after it comes to mind, then back to the usual day; never two on one day;
 * - `monthly-seven-days`: the monthly tablet is taken the next morning unless the next one is due within 7 days, then it is left out;
 * - `call-to-reschedule`: an infusion or an injection given by the clinic or the GP is planned again as soon as possible;
 * - `same-day-only`: the daily injection is given later the same day, never two on one day;
 * - `no-double`: the daily tablet is taken as usual the next day, never two at once.
 */
export const MISSED_DOSE_ADVICE = ['next-morning', 'monthly-seven-days', 'call-to-reschedule', 'same-day-only', 'no-double'] as const;
export type MissedDoseAdvice = (typeof MISSED_DOSE_ADVICE)[number];

/** Side effects a patient may notice and need not fear (LEAFLET-HOSPITAL for the first three drugs, SMPC-<drug>). */
export const EXPECTED_EFFECTS = [
  'stomach-upset', 'muscle-pain-on-the-day', 'flu-like-first-days', 'muscle-and-bone-pain', 'skin-rash', 'wind',
  'dizziness', 'nausea', 'leg-cramps', 'joint-pain', 'injection-site', 'hot-flushes',
] as const;
export type ExpectedEffect = (typeof EXPECTED_EFFECTS)[number];

/**
 * Signs the patient tells the clinic about (clinical-rules.md §7; SMPC-<drug>): a sore gullet after
 * a tablet (oesophageal disorder), a sore jaw or a loose tooth (osteonecrosis of the jaw), new pain
 * in the thigh or groin (an unusual thigh fracture), cramps or tingling (low calcium), chest pain
 * or signs of a stroke (romosozumab), a swollen painful leg or sudden shortness of breath (a clot,
 * raloxifene), fever lasting more than 3 days after the infusion.
 */
export const REPORT_SIGNS = ['sore-gullet', 'jaw-or-tooth', 'thigh-or-groin', 'cramps-tingling', 'chest-or-stroke', 'leg-clot', 'long-fever'] as const;
export type ReportSign = (typeof REPORT_SIGNS)[number];

/** Signs that are an emergency (112) rather than a call to the clinic. */
export const URGENT_SIGNS: ReadonlySet<ReportSign> = new Set<ReportSign>(['chest-or-stroke', 'leg-clot']);

export interface PatientGuide {
  readonly missed: MissedDoseAdvice;
  readonly expect: readonly ExpectedEffect[];
  readonly report: readonly ReportSign[];
  readonly source: readonly Source[];
}

const BP_TABLET_SIGNS: readonly ReportSign[] = ['sore-gullet', 'jaw-or-tooth', 'thigh-or-groin'];

/** Per drug and route (ibandronic acid differs by route). */
export function patientGuide(drug: Drug, route: Route | undefined): PatientGuide {
  const smpc = CATALOGUE[drug].smpc;
  switch (drug) {
    case 'alendronic-acid':
      return { missed: 'next-morning', expect: ['stomach-upset', 'muscle-pain-on-the-day'], report: BP_TABLET_SIGNS, source: [smpc, 'LEAFLET-HOSPITAL'] };
    case 'risedronic-acid':
      return { missed: 'next-morning', expect: ['stomach-upset', 'muscle-and-bone-pain'], report: BP_TABLET_SIGNS, source: [smpc] };
    case 'ibandronic-acid':
      return route === 'iv'
        ? { missed: 'call-to-reschedule', expect: ['flu-like-first-days', 'muscle-and-bone-pain'], report: ['jaw-or-tooth', 'thigh-or-groin'], source: [smpc] }
        : { missed: 'monthly-seven-days', expect: ['stomach-upset', 'muscle-and-bone-pain'], report: BP_TABLET_SIGNS, source: [smpc] };
    case 'zoledronic-acid':
      return { missed: 'call-to-reschedule', expect: ['flu-like-first-days', 'muscle-and-bone-pain'], report: ['long-fever', 'cramps-tingling', 'jaw-or-tooth', 'thigh-or-groin'], source: [smpc, 'LEAFLET-HOSPITAL'] };
    case 'denosumab':
      return { missed: 'call-to-reschedule', expect: ['muscle-and-bone-pain', 'skin-rash', 'wind'], report: ['cramps-tingling', 'jaw-or-tooth', 'thigh-or-groin'], source: [smpc, 'LEAFLET-HOSPITAL'] };
    case 'teriparatide':
      return { missed: 'same-day-only', expect: ['dizziness', 'nausea', 'leg-cramps'], report: ['cramps-tingling'], source: [smpc] };
    case 'romosozumab':
      return { missed: 'call-to-reschedule', expect: ['joint-pain', 'injection-site'], report: ['chest-or-stroke', 'jaw-or-tooth', 'cramps-tingling'], source: [smpc] };
    case 'raloxifene':
      return { missed: 'no-double', expect: ['hot-flushes', 'leg-cramps'], report: ['leg-clot'], source: [smpc] };
  }
}

/** One line of the printed schedule. */
export type ScheduleItem =
  | { readonly kind: 'dose'; readonly date: IsoDate; readonly drug: Drug; readonly interval: Interval; readonly route: Route; readonly late: boolean }
  /** A daily drug is one line from `date` to `until`, not a line a day. */
  | { readonly kind: 'daily'; readonly date: IsoDate; readonly until: IsoDate; readonly drug: Drug; readonly route: Route }
  /** The blood test before a dose (clinical-rules.md §7): on a day from `date` up to the day before `by`. */
  | { readonly kind: 'blood-test'; readonly date: IsoDate; readonly by: IsoDate; readonly drug: Drug };

/** Romosozumab doses recorded so far, across courses, on or before asOf. */
function romoDoses(c: Case): number {
  return (c.medications ?? []).filter((m) => m.drug === 'romosozumab').flatMap((m) => m.doses ?? []).filter((d) => compareDates(d, c.asOf) <= 0).length;
}

/**
 * The doses and pre-dose blood tests from asOf up to `until`, of the current courses and the
 * planned ones (a course prescribed to start later is a plan in the Case). The first dose of a
 * current course is the core's next dose (`medication.next-dose`: the interval after the latest
 * recorded dose, the start counting as the first when none is recorded), so a dose taken late moves
 * every later one; a late dose is listed first, on asOf, marked late.
 */
export function doseSchedule(c: Case, until: IsoDate): ScheduleItem[] {
  const out: ScheduleItem[] = [];
  const t = new Reader(c, DEFAULT_SETTINGS);
  const series = (drug: Drug, route: Route | undefined, first: IsoDate, end: IsoDate | undefined, dosesLeft: number) => {
    const reg = regimenFor(drug, route);
    if (reg === undefined) return;
    const stop = end !== undefined && compareDates(end, until) < 0 ? end : until;
    if (reg.interval === 'daily') {
      const from = compareDates(first, c.asOf) < 0 ? c.asOf : first;
      if (compareDates(from, stop) <= 0) out.push({ kind: 'daily', date: from, until: stop, drug, route: reg.route });
      return;
    }
    const check = PRE_DOSE_CHECKS.find((x) => x.drug === drug);
    let date = first;
    for (let n = 0; n < dosesLeft && compareDates(date, stop) <= 0; n++) {
      const late = compareDates(date, c.asOf) < 0;
      const on = late ? c.asOf : date;
      if (check) out.push({ kind: 'blood-test', date: late ? c.asOf : addDays(on, -check.withinDays), by: on, drug });
      out.push({ kind: 'dose', date: on, drug, interval: reg.interval, route: reg.route, late });
      date = afterInterval(on, reg.interval);
    }
  };
  for (const k of currentCourses(c)) {
    const reg = regimenFor(k.med.drug, k.med.route);
    if (reg === undefined) continue;
    const last = latestOf(k.med.doses ?? [], (d) => (compareDates(d, c.asOf) <= 0 ? d : undefined)) ?? k.med.start;
    const first = reg.interval === 'daily' ? c.asOf : afterInterval(last, reg.interval);
    // The anabolics end by their limits (24 months of teriparatide, 12 doses of romosozumab).
    const end = k.med.drug === 'teriparatide' || k.med.drug === 'romosozumab' ? anabolicEndDate(c, k, t.fork()) : k.med.end;
    const left = k.med.drug === 'romosozumab' ? ROMOSOZUMAB_LIFETIME_DOSES - romoDoses(c) : Number.POSITIVE_INFINITY;
    series(k.med.drug, k.med.route, first, end, left);
  }
  const running = new Set(currentCourses(c).map((k) => k.med.drug));
  for (const p of c.plannedMedications ?? []) {
    if (running.has(p.drug) || compareDates(p.from, until) > 0) continue;
    series(p.drug, undefined, p.from, undefined, p.drug === 'romosozumab' ? ROMOSOZUMAB_LIFETIME_DOSES - romoDoses(c) : Number.POSITIVE_INFINITY);
  }
  // By date; on one day the blood test before the dose it is for.
  return out.sort((a, b) => compareDates(a.date, b.date) || (a.kind === 'blood-test' ? -1 : b.kind === 'blood-test' ? 1 : 0));
}
