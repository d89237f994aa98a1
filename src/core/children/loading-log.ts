// A child's loading log (clinical-rules.md §12, LEAFLET-EMB): what parents and the day centre's
// staff note down through the day, and what the Case and the weekly chart read of it. Pure: the
// log's lines and the day asked about in, figures out.
import { addDays, compareDates, daysBetween, type IsoDate } from '../time/date.js';
import type { LoadingActivity } from '../record/lists.js';
import { LOADING_FROM_AGE, MOVEMENT_TARGET_MAX, MOVEMENT_TARGET_MIN } from './children.rule.js';

export { LOADING_FROM_AGE, MOVEMENT_TARGET_MAX, MOVEMENT_TARGET_MIN };

/** The most minutes one line of the log can hold: a long session, not a whole day. */
export const LOG_MAX_MINUTES = 240;
/** The most minutes a plan gives one activity a day. */
export const PLAN_MAX_MINUTES = 240;
/** The minutes the tablet offers as one tap; any other number goes in the number field. */
export const PRESET_MINUTES = [5, 10, 15, 20, 30] as const;
/** The Case's minutes per day are the means of this many days of the log, asOf included. */
export const MEAN_DAYS = 7;
/** How many weeks the chart shows, the current one included. */
export const LOADING_CHART_WEEKS = 8;
/** How far back a line of the log may be dated: the tablet is for today, the week just gone at most. */
export const LOG_BACK_DAYS = 7;

/** What the figures read of one line of the log. */
export interface LoadingPoint {
  date: IsoDate;
  activity: LoadingActivity;
  minutes: number;
}

/** Weight-bearing: standing in a frame and walking with an aid (the leaflet's "belasten"). */
export const WEIGHT_BEARING: ReadonlySet<LoadingActivity> = new Set<LoadingActivity>(['standing-frame', 'walking-aid']);

export interface LoadingMeans {
  /** Mean minutes of weight-bearing a day (standing frame and walking aid). */
  standing: number;
  /** Mean minutes of all movement a day (standing and walking included), the figure held to 30–60. */
  movement: number;
  /** How many days the means are taken over: 7, or fewer when the log began less than 7 days ago. */
  days: number;
}

/**
 * The means the Case reads: over the 7 days up to and including `asOf`, a day without a line
 * counting as a day without movement, so a log that stops shows less. A log that began less than
 * 7 days ago is averaged over the days since its first line. No line on or before asOf: no means
 * (the child entry's own figures stand). Whole minutes, rounded half up.
 */
export function loadingMeans(log: readonly LoadingPoint[], asOf: IsoDate): LoadingMeans | undefined {
  let first: IsoDate | undefined;
  for (const l of log) if (compareDates(l.date, asOf) <= 0 && (first === undefined || compareDates(l.date, first) < 0)) first = l.date;
  if (first === undefined) return undefined;
  const from = addDays(asOf, -(MEAN_DAYS - 1));
  const days = Math.min(MEAN_DAYS, daysBetween(first, asOf) + 1);
  let standing = 0;
  let movement = 0;
  for (const l of log) {
    if (compareDates(l.date, from) < 0 || compareDates(l.date, asOf) > 0) continue;
    movement += l.minutes;
    if (WEIGHT_BEARING.has(l.activity)) standing += l.minutes;
  }
  return { standing: Math.round(standing / days), movement: Math.round(movement / days), days };
}

export interface LoadingWeek {
  /** The Monday the week starts on. */
  from: IsoDate;
  /** The Sunday it ends on. */
  to: IsoDate;
  standingFrame: number;
  walkingAid: number;
  otherMovement: number;
  /** All minutes of the week. */
  total: number;
  /** The days of the week counted against the target: all seven, or up to asOf in the current week. */
  days: number;
  /** Whether the week's minutes reach 30 a day over its days counted. */
  metTarget: boolean;
  lines: number;
}

const A_MONDAY = '2024-01-01';
const mondayOf = (d: IsoDate): IsoDate => addDays(d, -(((daysBetween(A_MONDAY, d) % 7) + 7) % 7));
const KEY: Record<LoadingActivity, 'standingFrame' | 'walkingAid' | 'otherMovement'> = {
  'standing-frame': 'standingFrame', 'walking-aid': 'walkingAid', 'other-movement': 'otherMovement',
};

/**
 * The last `weeks` weeks (Monday to Sunday) up to the week of `asOf`, oldest first, each with its
 * minutes per activity and whether they reach the target of 30 minutes a day. The current week is
 * held to the days up to asOf, so a Tuesday is not judged against a whole week.
 */
export function loadingWeeks(log: readonly LoadingPoint[], asOf: IsoDate, weeks: number = LOADING_CHART_WEEKS): LoadingWeek[] {
  const last = mondayOf(asOf);
  const out: LoadingWeek[] = [];
  for (let i = weeks - 1; i >= 0; i -= 1) {
    const from = addDays(last, -7 * i);
    const days = i === 0 ? daysBetween(from, asOf) + 1 : 7;
    out.push({ from, to: addDays(from, 6), standingFrame: 0, walkingAid: 0, otherMovement: 0, total: 0, days, metTarget: false, lines: 0 });
  }
  const first = out[0]?.from;
  if (first === undefined) return out;
  for (const l of log) {
    if (compareDates(l.date, first) < 0 || compareDates(l.date, asOf) > 0) continue;
    const w = out[Math.floor(daysBetween(first, l.date) / 7)];
    if (!w) continue;
    w[KEY[l.activity]] += l.minutes;
    w.total += l.minutes;
    w.lines += 1;
  }
  for (const w of out) w.metTarget = w.total >= MOVEMENT_TARGET_MIN * w.days;
  return out;
}

/** The plan's minutes a day, per activity. */
export interface LoadingPlanMinutes {
  standingFrame: number;
  walkingAid: number;
  otherMovement: number;
}

export type PlanVerdict = 'below' | 'within' | 'above';

/** Whether a plan's minutes a day in all lie within the target of 30–60 (the core's child.loading). */
export function planVerdict(p: LoadingPlanMinutes): { total: number; verdict: PlanVerdict } {
  const total = p.standingFrame + p.walkingAid + p.otherMovement;
  return { total, verdict: total < MOVEMENT_TARGET_MIN ? 'below' : total > MOVEMENT_TARGET_MAX ? 'above' : 'within' };
}
