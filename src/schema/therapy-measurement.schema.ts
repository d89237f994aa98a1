// The exercise-therapy measurements and the period of supervised therapy at the API: what comes in
// (raw items only, as clinical-rules.md §13 records them: the core scores) and what goes out (the
// raw items beside the core's scores of them). The item shapes are the Case's own
// (core/case.schema.ts `Measurement`), so the API, the record and the rules read the same fields.
import { z } from 'zod';
import { FourStageBalanceItems, Measurement, PskItems, SppbItems, text, wholeRange } from '../core/case.schema.js';
import { MEASUREMENT_EXTRAS } from '../core/record/entries.js';
import { compareDates, isoDate, isRecordDate } from '../core/time/date.js';
import { todayNl } from './clock.js';

const isObject = (payload: { value: unknown }) => typeof payload.value === 'object' && payload.value !== null;
const dateOf = (v: unknown) => (typeof v === 'string' && isRecordDate(v) ? v : undefined);

const extras = MEASUREMENT_EXTRAS;

/** Checks that need more than one field; each problem at its own field, all at once. */
function measurementChecks(v: unknown, ctx: z.RefinementCtx): void {
  const r = v as { date?: unknown; steps?: unknown; goals?: unknown };
  const today = todayNl();
  const date = dateOf(r.date);
  if (date !== undefined && compareDates(date, today) > 0) ctx.addIssue({ code: 'custom', path: ['date'], message: 'lies in the future', params: { code: 'date-in-future' } });
  const items = Object.keys(v as object).filter((k) => k !== 'date' && k !== 'note');
  if (items.length === 0) ctx.addIssue({ code: 'custom', path: [], message: 'measures nothing: give at least one instrument' });
  if (Array.isArray(r.steps)) {
    const seen = new Set<string>();
    r.steps.forEach((d: unknown, i) => {
      const day = dateOf((d as { date?: unknown } | null)?.date);
      if (day === undefined) return;
      if (seen.has(day)) ctx.addIssue({ code: 'custom', path: ['steps', i, 'date'], message: 'is given twice' });
      if (compareDates(day, today) > 0) ctx.addIssue({ code: 'custom', path: ['steps', i, 'date'], message: 'lies in the future', params: { code: 'date-in-future' } });
      seen.add(day);
    });
  }
  if (Array.isArray(r.goals)) {
    r.goals.forEach((g: unknown, i) => {
      const x = g as { status?: unknown; changedTo?: unknown } | null;
      if (x?.status === 'changed' && x.changedTo === undefined) ctx.addIssue({ code: 'custom', path: ['goals', i, 'changedTo'], message: 'is needed when the goal changed' });
      if (x?.status !== 'changed' && x?.changedTo !== undefined) ctx.addIssue({ code: 'custom', path: ['goals', i, 'changedTo'], message: 'is only given when the goal changed' });
    });
  }
}

export const MeasurementInput = Measurement.extend({
  date: isoDate.describe('The day measured: today or earlier'),
  sppb: SppbItems.optional().describe('SPPB (Guralnik 1994): the balance stances held (s), 4 m gait (s), five chair stands (s); null: could not do it'),
  fourStageBalance: FourStageBalanceItems.optional().describe('4-Stage Balance Test (STEADI): seconds held per stage, feet together, semi-tandem, tandem, one leg'),
  chairStand30s: wholeRange(0, 100).optional().describe('30-Second Chair Stand (STEADI): full stands in 30 s'),
  psk: PskItems.optional().describe('PSK (Beurskens 1996): the intake\'s activities scored again, 0 (no trouble) to 10 (impossible)'),
  ...extras,
})
  .strict()
  .superRefine(measurementChecks, { when: isObject })
  .describe('One measurement: raw items only; the core scores them (clinical-rules.md §13)');
export type MeasurementInput = z.infer<typeof MeasurementInput>;

export const MeasurementCorrection = Measurement.extend({ ...extras, reason: text(1, 500).describe('Why: shown in the record\'s history') })
  .strict()
  .superRefine(measurementChecks, { when: isObject })
  .describe('The whole measurement as it should have been, with the reason; the old version stays in the history');
export type MeasurementCorrection = z.infer<typeof MeasurementCorrection>;

export const MeasurementParams = z.object({ id: z.uuid('is not a valid id'), entryId: z.uuid('is not a valid id') }).strict();

export const MeasurementScores = z
  .object({
    sppb: z.object({ score: z.number().int(), balance: z.number().int(), gait: z.number().int(), chairStand: z.number().int(), band: z.enum(['low', 'intermediate', 'high']) }).optional()
      .describe('SPPB 0–12 (Guralnik 1994): low 0–6, intermediate 7–9, high 10–12'),
    fourStageBalance: z.object({ highestStageHeld: z.number().int(), fallRiskIncreased: z.boolean() }).optional()
      .describe('STEADI: the stages held 10 s; the fall risk is increased when tandem (stage 3) is not held'),
    chairStand30s: z.object({
      repetitions: z.number().int(), belowAverage: z.boolean().nullable(), threshold: z.number().int().nullable(),
      age: z.number().int().describe('The age on the day measured, the norm\'s age'), sex: z.enum(['female', 'male']),
    }).optional().describe('STEADI with the norms of Rikli & Jones 1999: below average when fewer stands than the threshold; null outside 60–94'),
    tug: z.object({ seconds: z.number(), slow: z.boolean() }).optional().describe('Timed Up and Go: slow above 15 s (WFG-2022)'),
    gaitSpeed: z.object({ mps: z.number(), slow: z.boolean() }).optional().describe('Gait speed: slow below 0.8 m/s (WFG-2022)'),
    psk: z.array(z.object({ activity: z.string(), score: z.number().int(), change: z.number().int().optional() })).optional()
      .describe('PSK: each activity with its change against its first measurement (negative is better)'),
    fesI: z.object({ score: z.number().int(), level: z.enum(['low', 'moderate', 'high']) }).optional().describe('Short FES-I 7–28: low 7–8, moderate 9–13, high 14–28'),
  })
  .strict();
export type MeasurementScores = z.infer<typeof MeasurementScores>;

export const MeasurementData = Measurement.omit({ date: true }).extend(extras);
export type MeasurementData = z.infer<typeof MeasurementData>;

export const MeasurementView = z
  .object({
    id: z.uuid().describe('The measurement, the same across its versions'),
    version: z.number().int(),
    date: isoDate,
    data: MeasurementData.describe('The raw items as recorded'),
    scores: MeasurementScores.describe('The core\'s scores of these items (core/measures/scoring.ts)'),
    recordedBy: z.string().nullable(),
    recordedAt: z.string(),
  })
  .meta({ id: 'TherapyMeasurement' });
export type MeasurementView = z.infer<typeof MeasurementView>;

export const EnteredInErrorInput = z.object({ reason: text(1, 500).describe('Why: shown in the record\'s history') }).strict();

export const PeriodInput = z
  .object({
    start: isoDate.describe('The first day of supervised exercise therapy'),
    end: isoDate.optional().describe('The last day of supervised therapy; measuring goes on after it'),
    reason: text(1, 500).optional().describe('Why a period already recorded is changed: shown in the record\'s history'),
  })
  .strict()
  .superRefine((v, ctx) => {
    const r = v as { start?: unknown; end?: unknown };
    const start = dateOf(r.start);
    const end = dateOf(r.end);
    if (start !== undefined && end !== undefined && compareDates(end, start) < 0) ctx.addIssue({ code: 'custom', path: ['end'], message: 'lies before the start' });
  }, { when: isObject });
export type PeriodInput = z.infer<typeof PeriodInput>;

export const PeriodView = z
  .object({
    id: z.uuid(),
    version: z.number().int(),
    start: isoDate,
    end: isoDate.nullable(),
    recordedBy: z.string().nullable(),
    recordedAt: z.string(),
  })
  .meta({ id: 'TherapyPeriod' });
export type PeriodView = z.infer<typeof PeriodView>;

export const TherapyState = z.object({
  period: PeriodView.nullable().describe('The period of supervised therapy, or null when none was recorded'),
  nextDue: isoDate.nullable().describe('3 months after the latest measurement, or after the start when there is none (clinical-rules.md §13); null with neither'),
});
export type TherapyState = z.infer<typeof TherapyState>;
