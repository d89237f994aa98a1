// The scoring of the exercise-therapy measurements (clinical-rules.md §13): one pure function per
// instrument, used by the rules (on the most recent measurement) and by the progress charts and the
// report (on every measurement), so a chart can never disagree with the conclusion beside it.
// Sources: SPPB — Guralnik et al., J Gerontol 1994; STEADI — CDC STEADI assessment sheets (4-Stage
// Balance Test, 30-Second Chair Stand); RIKLI-JONES — Rikli & Jones, J Aging Phys Act 1999 (the
// chair-stand norms by age and sex); PSK — Beurskens et al. 1996.
import type { Case, Measurement, PskItems, SppbItems } from '../case.schema.js';
import { addDays, addMonths, ageOn, compareDates, type IsoDate } from '../time/date.js';
import type { CasePath } from '../reader.js';

// ---- SPPB (Guralnik 1994) ---------------------------------------------------------------------

/** A balance stance counts as held at this many seconds. */
export const HOLD_SECONDS = 10;
/** Tandem held this long but not 10 s still earns a point (SPPB). */
export const TANDEM_PARTIAL_SECONDS = 3;
/** Gait over 4 m: upper bounds (inclusive, seconds) of 4, 3 and 2 points; slower is 1, unable 0. */
export const GAIT_4M_BOUNDS = { four: 4.82, three: 6.2, two: 8.7 } as const;
/** Five chair stands: upper bounds (seconds) of 4, 3, 2 and 1 points; slower than 60 s or unable is 0. */
export const CHAIR_5_BOUNDS = { four: 11.19, three: 13.7, two: 16.7, one: 60 } as const;

export type SppbBand = 'low' | 'intermediate' | 'high';
export interface SppbScore {
  score: number;
  balance: number;
  gait: number;
  chairStand: number;
  band: SppbBand;
}

/** Balance part (0–4): side by side, then semi-tandem, then tandem; a stance not held ends it. */
export function sppbBalance(s: SppbItems): number {
  if (s.sideBySideSeconds < HOLD_SECONDS) return 0;
  if ((s.semiTandemSeconds ?? 0) < HOLD_SECONDS) return 1;
  const tandem = s.tandemSeconds ?? 0;
  return 2 + (tandem >= HOLD_SECONDS ? 2 : tandem >= TANDEM_PARTIAL_SECONDS ? 1 : 0);
}

/** Gait over 4 m (0–4): < 4.82 s → 4, ≤ 6.20 → 3, ≤ 8.70 → 2, slower → 1, unable (null) → 0. */
export function sppbGait(seconds: number | null): number {
  if (seconds === null) return 0;
  if (seconds < GAIT_4M_BOUNDS.four) return 4;
  if (seconds <= GAIT_4M_BOUNDS.three) return 3;
  if (seconds <= GAIT_4M_BOUNDS.two) return 2;
  return 1;
}

/** Five chair stands (0–4): ≤ 11.19 s → 4, < 13.70 → 3, < 16.70 → 2, ≤ 60 → 1, > 60 or unable (null) → 0. */
export function sppbChairStand(seconds: number | null): number {
  if (seconds === null) return 0;
  if (seconds <= CHAIR_5_BOUNDS.four) return 4;
  if (seconds < CHAIR_5_BOUNDS.three) return 3;
  if (seconds < CHAIR_5_BOUNDS.two) return 2;
  if (seconds <= CHAIR_5_BOUNDS.one) return 1;
  return 0;
}

/** The SPPB's bands (Guralnik 1994), as the rule reads them and the charts draw them. */
export const SPPB_BANDS = [
  { from: 0, to: 6, name: 'low' }, { from: 7, to: 9, name: 'intermediate' }, { from: 10, to: 12, name: 'high' },
] as const satisfies readonly { from: number; to: number; name: SppbBand }[];

/** `low` 0–6, `intermediate` 7–9, `high` 10–12. */
export function sppbBand(score: number): SppbBand {
  return SPPB_BANDS.find((b) => score <= b.to)?.name ?? 'high';
}

export function scoreSppb(s: SppbItems): SppbScore {
  const balance = sppbBalance(s);
  const gait = sppbGait(s.gait4mSeconds);
  const chairStand = sppbChairStand(s.chairStand5Seconds);
  const score = balance + gait + chairStand;
  return { score, balance, gait, chairStand, band: sppbBand(score) };
}

// ---- 4-Stage Balance Test (STEADI) ------------------------------------------------------------

export interface FourStageBalanceScore {
  /** The stages held 10 s in a row from the first (feet together, semi-tandem, tandem, one leg). */
  highestStageHeld: number;
  /** Tandem stance (stage 3) not held 10 s. */
  fallRiskIncreased: boolean;
}
/** The stage whose failure raises the fall risk: tandem (STEADI). */
export const TANDEM_STAGE = 3;

export function scoreFourStageBalance(stageSeconds: readonly number[]): FourStageBalanceScore {
  let held = 0;
  while (held < stageSeconds.length && held < 4 && (stageSeconds[held] as number) >= HOLD_SECONDS) held += 1;
  return { highestStageHeld: held, fallRiskIncreased: held < TANDEM_STAGE };
}

// ---- 30-Second Chair Stand (STEADI; RIKLI-JONES norms) ----------------------------------------

/** Below average when fewer stands than this, by sex and 5-year age band from 60 (RIKLI-JONES, as on the STEADI sheet). */
export const CHAIR_STAND_30S_NORMS = {
  male: [14, 12, 12, 11, 10, 8, 7],
  female: [12, 11, 10, 10, 9, 8, 4],
} as const;
export const NORM_MIN_AGE = 60;
export const NORM_MAX_AGE = 94;

/** The norm's threshold for this age and sex; null outside 60–94 (no norm). */
export function chairStandThreshold(age: number, sex: 'female' | 'male'): number | null {
  if (age < NORM_MIN_AGE || age > NORM_MAX_AGE) return null;
  return CHAIR_STAND_30S_NORMS[sex][Math.floor((age - NORM_MIN_AGE) / 5)] as number;
}

export interface ChairStand30sScore {
  repetitions: number;
  /** null when there is no norm for the age. */
  belowAverage: boolean | null;
  threshold: number | null;
}

/** `age` is the person's age on the day of the measurement (the norm is for that day's age). */
export function scoreChairStand30s(repetitions: number, age: number, sex: 'female' | 'male'): ChairStand30sScore {
  const threshold = chairStandThreshold(age, sex);
  return { repetitions, belowAverage: threshold === null ? null : repetitions < threshold, threshold };
}

/** The age the norm is read for: completed years on the measurement's day. */
export function ageAtMeasurement(birthDate: IsoDate, m: Pick<Measurement, 'date'>): number {
  return ageOn(birthDate, m.date);
}

// ---- PSK (Beurskens 1996) ---------------------------------------------------------------------

export interface PskActivityScore {
  activity: string;
  score: number;
  /** Against the first measurement of the same activity; negative is better. Absent on that first one. */
  change?: number;
}

/** The same activity written with other capitals or spaces is still the same activity. */
export const pskKey = (activity: string) => activity.trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl');

/**
 * The PSK of `latest`, each activity with its change against the first earlier measurement (in
 * `history`, oldest first) that scored the same activity.
 */
export function scorePsk(latest: PskItems, history: readonly { date: IsoDate; psk?: PskItems | undefined }[], latestDate: IsoDate): PskActivityScore[] {
  return latest.map((a) => {
    const key = pskKey(a.activity);
    let first: number | undefined;
    let firstDate: IsoDate | undefined;
    for (const m of history) {
      if (m.psk === undefined || compareDates(m.date, latestDate) >= 0) continue;
      if (firstDate !== undefined && compareDates(m.date, firstDate) >= 0) continue;
      const hit = m.psk.find((x) => pskKey(x.activity) === key);
      if (hit !== undefined) {
        first = hit.score;
        firstDate = m.date;
      }
    }
    return first === undefined ? { activity: a.activity, score: a.score } : { activity: a.activity, score: a.score, change: a.score - first };
  });
}

// ---- which measurement, and when the next is due -----------------------------------------------

/** Every 3 months (seed 003). */
export const MEASURE_INTERVAL_MONTHS = 3;

/**
 * The measurements up to asOf, oldest first; of several on one day, the one listed last comes last.
 * A measurement dated after asOf is not yet part of the picture.
 */
export function measurementsUpTo<M extends { date: IsoDate }>(list: readonly M[], asOf: IsoDate): { m: M; index: number }[] {
  const out: { m: M; index: number }[] = [];
  list.forEach((m, index) => {
    if (compareDates(m.date, asOf) <= 0) out.push({ m, index });
  });
  return out.sort((a, b) => compareDates(a.m.date, b.m.date) || a.index - b.index);
}

export type DueStatus = 'planned' | 'due' | 'overdue';
/** `planned` before the due date, `due` up to `graceDays` after it, `overdue` later (as §8). */
export function dueStatus(due: IsoDate, asOf: IsoDate, graceDays: number): DueStatus {
  if (compareDates(asOf, due) < 0) return 'planned';
  return compareDates(asOf, addDays(due, graceDays)) > 0 ? 'overdue' : 'due';
}

/** 3 months after the last measurement, or after the start of therapy when there is none. */
export function nextMeasurementDue(lastMeasurement: IsoDate | undefined, therapyStart: IsoDate | undefined): IsoDate | undefined {
  const from = lastMeasurement ?? therapyStart;
  return from === undefined ? undefined : addMonths(from, MEASURE_INTERVAL_MONTHS);
}

/**
 * The most recent measurement up to asOf for which `has` holds: the latest date; of several on one
 * day, the one listed last (§1, as for lab results). With its index in the case's list.
 */
export function latestWith<M extends { date: IsoDate }>(list: readonly M[], asOf: IsoDate, has: (m: M) => boolean): { m: M; index: number } | undefined {
  let best: { m: M; index: number } | undefined;
  for (let index = 0; index < list.length; index++) {
    const m = list[index] as M;
    if (compareDates(m.date, asOf) > 0 || !has(m)) continue;
    if (best === undefined || compareDates(m.date, best.m.date) >= 0) best = { m, index };
  }
  return best;
}

const MEASUREMENT_PATHS = new Map<string, CasePath>();
/** `exercise.measurements.<index>.<field>`, one string per path. */
export function measurementPath(index: number, key: keyof Measurement): CasePath {
  const k = `${String(index)}.${key}`;
  let p = MEASUREMENT_PATHS.get(k);
  if (p === undefined) MEASUREMENT_PATHS.set(k, (p = `exercise.measurements.${k}` as CasePath));
  return p;
}

/** Whether the supervised therapy has ended on `c.asOf`: its end is that day or before it (measuring goes on). */
export function therapyEnded(c: Case): boolean {
  const end = c.exercise?.therapyEnd;
  return end !== undefined && compareDates(end, c.asOf) <= 0;
}
