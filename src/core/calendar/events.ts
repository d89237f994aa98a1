// Which reminders a patient's calendar holds, when they fall and what they say: the doses from the
// core's regimens and the next dose the core computes from the real dose history, the blood test
// before an infusion or injection, the check-ups after the start of treatment, the last day of a
// time-limited medicine and the visits the clinic planned. Pure: the Case (with its asOf), the
// patient's choices and the planned visits come in; events with wall-clock times in
// Europe/Amsterdam come out. Writing them as iCalendar is the service's work.
// Sources: the rules it reads (clinical-rules.md §8): medication.next-dose, medication.pre-dose-check,
// medication.anabolic-end, medication.denosumab-late, follow-up.schedule; and (§13) measure.due,
// the next measurement at the physiotherapist, which goes on after the exercise therapy ends.
import type { Case, Drug } from '../case.schema.js';
import { evaluate } from '../evaluate.js';
import type { Conclusion, Lang } from '../rule.js';
import type { Settings } from '../settings.js';
import type { IsoDate } from '../time/date.js';
import { addDays, compareDates } from '../time/date.js';
import type { Interval, Regimen } from '../medication/catalogue.js';
import { CATALOGUE, regimenFor } from '../medication/catalogue.js';
import { anabolicEndRule, denosumabLateRule, nextDoseRule } from '../medication/course.rule.js';
import { PRE_DOSE_CHECKS, preDoseCheckRule } from '../medication/pre-dose.rule.js';
import { scheduleRule, type FollowUpItem } from '../follow-up/schedule.rule.js';
import { dueRule } from '../measures/measures.rule.js';
import { measureDueOf } from '../worklist/measurement.js';
import { ROMOSOZUMAB_LIFETIME_DOSES } from '../medication/safety.rule.js';
import { calendarWords } from './words.js';

/** The patient's choices for their calendar. */
export interface CalendarChoices {
  /** Local time of day (HH:MM, Europe/Amsterdam) for dose and other reminders. */
  readonly remindAt: string;
  /** Whether titles and descriptions may name the medicine (the feed lands in other companies' calendars). */
  readonly nameMedicine: boolean;
}

export const DEFAULT_CHOICES: CalendarChoices = { remindAt: '09:00', nameMedicine: false };

/** A visit the clinic planned, as the calendar needs it: the day and the time of its first part. */
export interface CalendarVisit {
  readonly id: string;
  readonly date: IsoDate;
  /** HH:MM of the first part; null: no time planned yet (then the reminder time is used). */
  readonly time: string | null;
  /** HH:MM of the last part, for the length of the event. */
  readonly endTime: string | null;
  readonly reportTo: string | null;
  readonly evening: boolean;
}

export type CalendarEventKind = 'dose' | 'dose-late' | 'blood-check' | 'last-dose' | 'check-up' | 'visit' | 'measurement';

/** RFC 5545 recurrence in the terms a calendar library takes. */
export interface Repeat {
  readonly freq: 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY';
  readonly interval: number;
  /** Last day a dose may fall (inclusive). */
  readonly until?: IsoDate;
  readonly count?: number;
}

export interface CalendarEvent {
  /** Stable within a patient's feed across reads: the service turns it into the UID. */
  readonly key: string;
  readonly kind: CalendarEventKind;
  /** Wall-clock start in Europe/Amsterdam. */
  readonly date: IsoDate;
  readonly time: string;
  readonly minutes: number;
  readonly repeat: Repeat | null;
  /** Minutes before the start at which the calendar reminds (0: at the start). */
  readonly alarmMinutesBefore: number;
  readonly title: string;
  readonly description: string;
}

const REPEATS: Record<Interval, Omit<Repeat, 'until' | 'count'>> = {
  daily: { freq: 'DAILY', interval: 1 },
  weekly: { freq: 'WEEKLY', interval: 1 },
  monthly: { freq: 'MONTHLY', interval: 1 },
  'every-3-months': { freq: 'MONTHLY', interval: 3 },
  'every-6-months': { freq: 'MONTHLY', interval: 6 },
  yearly: { freq: 'YEARLY', interval: 1 },
};

/** The rules whose conclusions the calendar is made of; the rest of the core has nothing to add. */
const RULES = [nextDoseRule, preDoseCheckRule, anabolicEndRule, denosumabLateRule, scheduleRule, dueRule];

/**
 * A reminder time the patient may choose: 05:00 to 23:59 in steps of a minute. The night is left
 * out on purpose: 02:00–02:59 does not exist on the last Sunday of March, so a reminder then could
 * not keep its local time.
 */
const TIME = /^(0[5-9]|1\d|2[0-3]):[0-5]\d$/;
export const isReminderTime = (s: string): boolean => TIME.test(s);

/** Minutes between two HH:MM times of one day; at least `min`. */
function minutesBetween(from: string, to: string | null, min: number): number {
  if (to === null) return min;
  const m = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));
  return Math.max(min, m(to) - m(from));
}

const valueOf = <T>(c: Conclusion) => c.value as T;

/**
 * The events of the patient's calendar as of `c.asOf`. A series of doses starts at the next dose
 * the core computes from the last dose actually given, so a dose given late moves every later one
 * (the core's "6 months after the last injection" for denosumab, "a year after the last infusion"
 * for zoledronic acid); a new read of the feed carries the moved series under the same key.
 */
export function calendarEvents(c: Case, settings: Settings, choices: CalendarChoices, visits: readonly CalendarVisit[], lang: Lang): CalendarEvent[] {
  const w = calendarWords(lang);
  const at = choices.remindAt;
  const ev = evaluate(c, settings, lang, RULES).conclusions;
  const out: CalendarEvent[] = [];
  const nameOf = (d: Drug) => (choices.nameMedicine ? (lang === 'nl' ? CATALOGUE[d].nameNl : CATALOGUE[d].nameEn) : null);

  const nextDose = new Map<Drug, IsoDate>();
  for (const n of ev.filter((x) => x.code === 'medication.next-dose')) {
    const v = valueOf<{ drug?: Drug; date?: IsoDate } | null>(n);
    if (v?.drug !== undefined && v.date !== undefined) nextDose.set(v.drug, v.date);
  }
  const anabolicEnd = new Map<Drug, IsoDate>();
  for (const n of ev.filter((x) => x.code === 'medication.anabolic-end')) {
    const v = valueOf<{ drug: Drug; date: IsoDate }>(n);
    anabolicEnd.set(v.drug, v.date);
  }

  // Courses running today, and courses prescribed to start later (their first dose is their start).
  const courses = (c.medications ?? []).filter((m) => m.end === undefined || compareDates(m.end, c.asOf) >= 0);
  const seen = new Set<Drug>();
  for (const m of [...courses].sort((a, b) => compareDates(b.start, a.start))) {
    if (seen.has(m.drug)) continue;
    seen.add(m.drug);
    const reg = regimenFor(m.drug, m.route);
    if (reg === undefined) continue;
    const future = compareDates(m.start, c.asOf) > 0;
    const first = future ? m.start : nextDose.get(m.drug);
    if (first === undefined) continue;
    let until = m.end;
    const end = anabolicEnd.get(m.drug);
    if (end !== undefined && (until === undefined || compareDates(end, until) < 0)) until = end;
    let count: number | undefined;
    if (m.drug === 'romosozumab') count = Math.max(0, ROMOSOZUMAB_LIFETIME_DOSES - (m.doses ?? []).filter((d) => compareDates(d, c.asOf) <= 0).length);
    if (count === 0 || (until !== undefined && compareDates(first, until) > 0)) continue;
    const late = !future && reg.interval !== 'daily' && compareDates(first, c.asOf) < 0;
    const drugName = nameOf(m.drug);
    out.push({
      key: `dose:${m.drug}:${m.start}`,
      kind: 'dose',
      date: first,
      time: at,
      minutes: doseMinutes(reg),
      repeat: { ...REPEATS[reg.interval], ...(until !== undefined ? { until } : {}), ...(count !== undefined ? { count } : {}) },
      alarmMinutesBefore: 0,
      title: w.doseTitle(reg, drugName),
      description: w.doseHow(reg, drugName),
    });
    if (late) {
      out.push({
        key: `dose-late:${m.drug}:${m.start}`, kind: 'dose-late', date: c.asOf, time: at, minutes: 15, repeat: null, alarmMinutesBefore: 0,
        title: w.lateTitle(reg, drugName), description: w.lateHow(reg, drugName, first, m.drug === 'denosumab'),
      });
    }
    if (end !== undefined && (m.drug === 'teriparatide' || m.drug === 'romosozumab') && compareDates(end, c.asOf) >= 0) {
      out.push({
        key: `last-dose:${m.drug}:${m.start}`, kind: 'last-dose', date: end, time: at, minutes: 15, repeat: null, alarmMinutesBefore: 0,
        title: w.lastTitle(drugName), description: w.lastHow(drugName),
      });
    }
  }

  // The blood test before the next infusion or injection, when it still has to be done.
  for (const p of ev.filter((x) => x.code === 'medication.pre-dose-check')) {
    const v = valueOf<{ drug: Drug; withinDays: number }>(p);
    const done = p.criteria.some((k) => k.id === 'test-within-window' && k.result === 'met');
    const next = nextDose.get(v.drug) ?? (c.plannedMedications ?? []).filter((x) => x.drug === v.drug && compareDates(x.from, c.asOf) >= 0).map((x) => x.from).sort(compareDates)[0];
    const check = PRE_DOSE_CHECKS.find((k) => k.drug === v.drug);
    if (done || next === undefined || check === undefined) continue;
    const from = addDays(next, -check.withinDays);
    out.push({
      key: `blood-check:${v.drug}:${next}`, kind: 'blood-check', date: compareDates(from, c.asOf) < 0 ? c.asOf : from, time: at, minutes: 15, repeat: null, alarmMinutesBefore: 0,
      title: w.bloodTitle, description: w.bloodHow(next, nameOf(v.drug), v.drug === 'zoledronic-acid'),
    });
  }

  // Check-ups after the start of treatment that are still to come (or due now).
  for (const s of ev.filter((x) => x.code === 'follow-up.schedule')) {
    for (const item of valueOf<{ items: FollowUpItem[] }>(s).items) {
      if (item.status !== 'planned' && item.status !== 'due') continue;
      out.push({
        key: `check-up:${item.kind}:${item.due}`, kind: 'check-up', date: item.status === 'due' ? c.asOf : item.due, time: at, minutes: 15, repeat: null, alarmMinutesBefore: 0,
        title: w.checkUpTitle, description: w.checkUpHow(item.due),
      });
    }
  }

  // The next measurement at the physiotherapist (§13), also after the exercise therapy ended. One
  // that is due or late is put on today, so the reminder says to make the appointment now.
  const measure = measureDueOf(ev.find((x) => x.code === 'measure.due'));
  if (measure !== undefined) {
    out.push({
      key: `measurement:${measure.due}`, kind: 'measurement', date: measure.status === 'planned' ? measure.due : c.asOf, time: at, minutes: 15, repeat: null, alarmMinutesBefore: 0,
      title: w.measureTitle, description: w.measureHow(measure.due, measure.status !== 'planned'),
    });
  }

  for (const v of visits) {
    if (compareDates(v.date, c.asOf) < 0) continue;
    const time = v.time ?? at;
    out.push({
      key: `visit:${v.id}`, kind: 'visit', date: v.date, time, minutes: minutesBetween(time, v.endTime, 60), repeat: null,
      // The day before, so there is time to prepare (the 24-hour urine starts the morning before).
      alarmMinutesBefore: 24 * 60,
      title: w.visitTitle, description: w.visitHow(v.reportTo, v.evening),
    });
  }
  return out.sort((a, b) => compareDates(a.date, b.date) || a.time.localeCompare(b.time) || a.key.localeCompare(b.key));
}

/** How long a dose takes: a fasting tablet keeps the patient upright for 30 or 60 minutes. */
function doseMinutes(reg: Regimen): number {
  if (reg.instructions.includes('upright-60-minutes')) return 60;
  if (reg.instructions.includes('upright-30-minutes')) return 30;
  return reg.route === 'iv' ? 60 : 15;
}
