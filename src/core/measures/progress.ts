// The progress of one patient in exercise therapy (clinical-rules.md §13): every measurement scored
// with the core's own functions (scoring.ts, the same ones the rules use, so a chart never disagrees
// with the conclusion beside it), as one series per measure with its cut-off or norm, the trend from
// the first to the latest measurement, the goals with their latest status, the therapy period and
// the next measurement due. Pure: the caller gives asOf and the facts.
// Sources, per measure: SPPB — Guralnik 1994 (bands 0–6, 7–9, 10–12); STEADI — the 4-Stage Balance
// Test (tandem stance not held 10 s) and the 30-Second Chair Stand with the RIKLI-JONES norms for
// the age on the day measured; WFG-2022 — TUG above 15 s and gait speed below 0.8 m/s (§10); FESI —
// the Short FES-I bands (§10); PSK — Beurskens 1996 (lower is better, change against the first).
// Steps per day are judged against nobody's number but the patient's own goal (§13).
import type { EntryData } from '../record/entries.js';
import type { GoalStatus } from '../record/lists.js';
import { FES_I_BANDS, GAIT_SLOW_BELOW_MPS, TUG_SLOW_ABOVE_S, type FearLevel } from '../falls/index.js';
import { scoreMeasurement } from './measurement.js';
import { meanSteps } from './steps-csv.js';
import { compareDates, type IsoDate } from '../time/date.js';
import {
  dueStatus, measurementsUpTo, nextMeasurementDue, pskKey, SPPB_BANDS, TANDEM_STAGE, type DueStatus, type SppbBand,
} from './scoring.js';

export const MEASURES = ['sppb', 'four-stage-balance', 'chair-stand-30s', 'tug', 'gait-speed', 'steps', 'fes-i'] as const;
export type MeasureKey = (typeof MEASURES)[number];

/** Which way is better: a higher SPPB is better, a shorter TUG is better. */
export const BETTER: Record<MeasureKey, 'higher' | 'lower'> = {
  sppb: 'higher', 'four-stage-balance': 'higher', 'chair-stand-30s': 'higher', tug: 'lower', 'gait-speed': 'higher', steps: 'higher', 'fes-i': 'lower',
};

/** The scale a chart draws, fixed where the instrument has one so two charts of the same measure compare. */
export const SCALE: Record<MeasureKey, { min: number; max: number } | null> = {
  sppb: { min: 0, max: 12 }, 'four-stage-balance': { min: 0, max: 4 }, 'chair-stand-30s': null, tug: null, 'gait-speed': null, steps: null, 'fes-i': { min: 7, max: 28 },
};

/** What a point's score means against its cut-off, norm or band, as a code the page puts in words. */
export type Verdict =
  | { kind: 'sppb-band'; band: SppbBand }
  | { kind: 'tandem'; held: boolean }
  | { kind: 'chair-norm'; threshold: number | null; belowAverage: boolean | null; age: number }
  | { kind: 'tug'; slow: boolean }
  | { kind: 'gait'; slow: boolean }
  | { kind: 'steps'; goal: number | null; reached: boolean | null; days: number }
  | { kind: 'fes-band'; level: FearLevel };

export interface ProgressPoint {
  date: IsoDate;
  /** The score drawn: SPPB total, the stage held, the stands, seconds, m/s, steps a day, the FES-I sum. */
  value: number;
  verdict: Verdict;
  /** SPPB only: its three parts. */
  parts?: { balance: number; gait: number; chairStand: number };
}

/** A line or a band a chart draws beside the points; `perPoint` when it moves with the point (the chair-stand norm with age). */
export type Reference =
  | { kind: 'line'; value: number; code: 'tug-15' | 'gait-0.8' | 'steps-goal' | 'tandem' }
  | { kind: 'bands'; code: 'sppb' | 'fes-i'; bands: readonly { from: number; to: number; name: string }[] }
  | { kind: 'per-point'; code: 'chair-norm' };

export type Direction = 'better' | 'worse' | 'same';

export interface Trend {
  first: { date: IsoDate; value: number };
  latest: { date: IsoDate; value: number };
  change: number;
  direction: Direction;
}

export interface MeasureSeries {
  key: MeasureKey;
  better: 'higher' | 'lower';
  points: ProgressPoint[];
  references: Reference[];
  /** null with fewer than two points. */
  trend: Trend | null;
}

export interface PskSeries {
  activity: string;
  points: { date: IsoDate; score: number; change?: number }[];
  /** Lower is better (Beurskens 1996). */
  trend: Trend | null;
}

export interface GoalProgress {
  goal: string;
  status: GoalStatus | null;
  changedTo?: string;
  /** The day of the measurement that said so; null for an intake goal not yet looked at again. */
  date: IsoDate | null;
}

export interface Progress {
  asOf: IsoDate;
  /** The most recent period of supervised therapy; `ended` once its end has come (measuring goes on, seed 003). */
  therapy: { start: IsoDate; end: IsoDate | null; ended: boolean } | null;
  /** How many measurements up to asOf. */
  count: number;
  first: IsoDate | null;
  latest: IsoDate | null;
  series: Record<MeasureKey, MeasureSeries>;
  psk: PskSeries[];
  goals: GoalProgress[];
  /** The patient's own steps goal and where it was read. */
  stepsGoal: { steps: number; goal: string } | null;
  /** 3 months after the latest measurement (or the start of therapy); null with neither. */
  next: { due: IsoDate; status: DueStatus } | null;
}

type MeasurementData = EntryData['exercise-measurement'];

export interface ProgressInput {
  person: { birthDate: IsoDate; sex: 'female' | 'male' };
  /** The record's exercise measurements (date = the day measured), in recording order. */
  measurements: readonly { date: IsoDate; data: MeasurementData }[];
  /** The record's periods of supervised therapy, in recording order; the latest counts (as the Case). */
  therapies: readonly { date: IsoDate; data: EntryData['exercise-therapy'] }[];
  /** The goals of the practice's latest intake, in words ("what" and "how much"), read when no measurement has goals. */
  intakeGoals?: readonly string[];
  asOf: IsoDate;
  /** The organisation's grace before a due measurement is overdue (settings, §8). */
  overdueGraceDays: number;
}


/** The direction of a change, read with the measure's own sense of better. */
export function directionOf(change: number, better: 'higher' | 'lower'): Direction {
  if (change === 0) return 'same';
  return (change > 0) === (better === 'higher') ? 'better' : 'worse';
}

/** A change rounded to what is entered (a tenth of a second, a hundredth of m/s), so 0.1 + 0.2 is not a change of 0.30000000000000004. */
export function roundedChange(raw: number): number {
  return Math.round(raw * 1000) / 1000;
}

/** From the first point to the latest; null with fewer than two. */
export function trendOf(points: readonly { date: IsoDate; value: number }[], better: 'higher' | 'lower'): Trend | null {
  const first = points[0];
  const latest = points.at(-1);
  if (first === undefined || latest === undefined || points.length < 2) return null;
  const change = roundedChange(latest.value - first.value);
  return { first: { date: first.date, value: first.value }, latest: { date: latest.date, value: latest.value }, change, direction: directionOf(change, better) };
}

/**
 * A number of steps in a goal's words ("7000 stappen per dag", "walk 6,500 steps"), or null. A
 * patient's own goal is the only yardstick for steps (§13): no number is taken from anywhere else.
 */
export function stepsGoalIn(text: string): number | null {
  const m = /(\d{1,3}(?:[.,\u00a0 ]\d{3})+|\d+)\s*(?:stappen|steps)\b/iu.exec(text);
  if (!m?.[1]) return null;
  const n = Number(m[1].replace(/[.,\u00a0 ]/gu, ''));
  return Number.isFinite(n) && n > 0 && n <= 100000 ? n : null;
}

/** The steps a day of a measurement: as entered, or the mean of the activity meter's days. */
export function stepsOf(d: MeasurementData): { steps: number; days: number } | null {
  if (d.stepsPerDay !== undefined) return { steps: d.stepsPerDay, days: d.steps?.length ?? 0 };
  if (d.steps && d.steps.length > 0) return { steps: meanSteps(d.steps), days: d.steps.length };
  return null;
}

/** Each goal with its latest status, in the order first named; an intake's goals when no measurement looked at any. */
export function goalsOf(measured: readonly { date: IsoDate; data: MeasurementData }[], intakeGoals: readonly string[]): GoalProgress[] {
  const byGoal = new Map<string, GoalProgress>();
  for (const m of measured) {
    for (const g of m.data.goals ?? []) {
      const out: GoalProgress = { goal: g.goal, status: g.status, date: m.date };
      if (g.changedTo !== undefined) out.changedTo = g.changedTo;
      // Re-inserted so the latest word on a goal replaces the earlier one in place.
      byGoal.set(pskKey(g.goal), out);
    }
  }
  if (byGoal.size > 0) return [...byGoal.values()];
  return intakeGoals.map((goal) => ({ goal, status: null, date: null }));
}

/** The patient's own steps goal: in the goals as they now stand (a changed goal by its new words), else in the intake's. */
export function stepsGoalOf(goals: readonly GoalProgress[], intakeGoals: readonly string[]): { steps: number; goal: string } | null {
  const texts = [...goals.filter((g) => g.status !== 'reached').map((g) => (g.status === 'changed' && g.changedTo !== undefined ? g.changedTo : g.goal)), ...intakeGoals];
  for (const goal of texts) {
    const steps = stepsGoalIn(goal);
    if (steps !== null) return { steps, goal };
  }
  return null;
}

/** The progress on asOf: measurements dated later are not yet part of it. */
export function progressOf(input: ProgressInput): Progress {
  const { person, asOf } = input;
  const measured = measurementsUpTo(input.measurements, asOf).map((x) => x.m);
  const intakeGoals = input.intakeGoals ?? [];
  const goals = goalsOf(measured, intakeGoals);
  const stepsGoal = stepsGoalOf(goals, intakeGoals);

  const points: Record<MeasureKey, ProgressPoint[]> = { sppb: [], 'four-stage-balance': [], 'chair-stand-30s': [], tug: [], 'gait-speed': [], steps: [], 'fes-i': [] };
  for (const { date, data: d } of measured) {
    const s = scoreMeasurement(person, date, d);
    if (s.sppb) {
      const { score, balance, gait, chairStand, band } = s.sppb;
      points.sppb.push({ date, value: score, verdict: { kind: 'sppb-band', band }, parts: { balance, gait, chairStand } });
    }
    if (s.fourStageBalance) {
      points['four-stage-balance'].push({ date, value: s.fourStageBalance.highestStageHeld, verdict: { kind: 'tandem', held: !s.fourStageBalance.fallRiskIncreased } });
    }
    if (s.chairStand30s) {
      const { repetitions, threshold, belowAverage, age } = s.chairStand30s;
      points['chair-stand-30s'].push({ date, value: repetitions, verdict: { kind: 'chair-norm', threshold, belowAverage, age } });
    }
    if (s.tug) points.tug.push({ date, value: s.tug.seconds, verdict: { kind: 'tug', slow: s.tug.slow } });
    if (s.gaitSpeed) points['gait-speed'].push({ date, value: s.gaitSpeed.mps, verdict: { kind: 'gait', slow: s.gaitSpeed.slow } });
    const steps = stepsOf(d);
    if (steps) {
      const goal = stepsGoal?.steps ?? null;
      points.steps.push({ date, value: steps.steps, verdict: { kind: 'steps', goal, reached: goal === null ? null : steps.steps >= goal, days: steps.days } });
    }
    if (s.fesI) points['fes-i'].push({ date, value: s.fesI.score, verdict: { kind: 'fes-band', level: s.fesI.level } });
  }

  const references: Record<MeasureKey, Reference[]> = {
    sppb: [{ kind: 'bands', code: 'sppb', bands: SPPB_BANDS }],
    'four-stage-balance': [{ kind: 'line', value: TANDEM_STAGE, code: 'tandem' }],
    'chair-stand-30s': [{ kind: 'per-point', code: 'chair-norm' }],
    tug: [{ kind: 'line', value: TUG_SLOW_ABOVE_S, code: 'tug-15' }],
    'gait-speed': [{ kind: 'line', value: GAIT_SLOW_BELOW_MPS, code: 'gait-0.8' }],
    steps: stepsGoal ? [{ kind: 'line', value: stepsGoal.steps, code: 'steps-goal' }] : [],
    'fes-i': [{ kind: 'bands', code: 'fes-i', bands: FES_I_BANDS }],
  };
  const series = Object.fromEntries(
    MEASURES.map((key) => [key, { key, better: BETTER[key], points: points[key], references: references[key], trend: trendOf(points[key], BETTER[key]) }]),
  ) as Record<MeasureKey, MeasureSeries>;

  // PSK: one series per activity (the same activity in other capitals is the same), first named first.
  const psk = new Map<string, PskSeries>();
  const firstScore = new Map<string, number>();
  for (const { date, data: d } of measured) {
    for (const a of d.psk ?? []) {
      const key = pskKey(a.activity);
      let s = psk.get(key);
      if (!s) {
        s = { activity: a.activity, points: [], trend: null };
        psk.set(key, s);
      }
      const first = firstScore.get(key);
      if (first === undefined) firstScore.set(key, a.score);
      s.points.push(first === undefined ? { date, score: a.score } : { date, score: a.score, change: a.score - first });
    }
  }
  const pskSeries = [...psk.values()].map((s) => ({ ...s, trend: trendOf(s.points.map((p) => ({ date: p.date, value: p.score })), 'lower') }));

  const therapy = latestTherapy(input.therapies, asOf);
  const latest = measured.at(-1)?.date ?? null;
  const due = nextMeasurementDue(latest ?? undefined, therapy?.start);
  return {
    asOf,
    therapy,
    count: measured.length,
    first: measured[0]?.date ?? null,
    latest,
    series,
    psk: pskSeries,
    goals,
    stepsGoal,
    next: due === undefined ? null : { due, status: dueStatus(due, asOf, input.overdueGraceDays) },
  };
}

/** The most recent period of therapy begun by asOf (as the projection reads it); its end once given. */
function latestTherapy(list: ProgressInput['therapies'], asOf: IsoDate): Progress['therapy'] {
  const begun = measurementsUpTo(list, asOf);
  const t = begun.at(-1)?.m;
  if (!t) return null;
  const end = t.data.end ?? null;
  return { start: t.date, end, ended: end !== null && compareDates(end, asOf) <= 0 };
}
