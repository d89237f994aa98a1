// A child's bone-health profile, its growth and earlier fractures, and the vitamin D doses given,
// at the API: what comes in (each field checked, every bad field named at once) and what goes out.
// The closed lists come from the core, so the API, the store's checks and the pages' words agree.
import { z } from 'zod';
import { FRACTURE_SITES, MOBILITY } from '../core/case.schema.js';
import { addDays, compareDates, isoDate, isRecordDate } from '../core/time/date.js';
import { todayNl } from './clock.js';
import { text } from './text.js';

export const FEEDING = ['mouth', 'tube', 'both'] as const;
export type Feeding = (typeof FEEDING)[number];
/** Highest vitamin D dose a day that can be noted, in micrograms (4000 IU); a higher one is a typing error. */
export const DOSE_MAX_MICROGRAMS = 100;
/** How far back a dose can be noted. */
export const DOSE_BACK_DAYS = 31;

const line = (max: number) => text().trim().min(1, 'must not be empty').max(max, `is too long (at most ${String(max)} characters)`);
const whole = (min: number, max: number, unit: string) =>
  z.number('must be a number').int('must be a whole number').min(min, `must be at least ${String(min)}${unit}`).max(max, `must be at most ${String(max)}${unit}`);
const amount = (min: number, max: number, unit: string) =>
  z.number('must be a number').gt(min, `must be more than ${String(min)}${unit}`).max(max, `must be at most ${String(max)}${unit}`);

/** Refuses a date after today at `date`, even when another field is wrong. */
const notAhead = (ctx: z.core.$RefinementCtx, date: unknown) => {
  if (typeof date === 'string' && isRecordDate(date) && compareDates(date, todayNl()) > 0) {
    ctx.addIssue({ code: 'custom', path: ['date'], message: 'lies in the future: note what has happened', params: { code: 'date-in-future' } });
  }
};
const objectOnly = { when: (payload: { value: unknown }) => typeof payload.value === 'object' && payload.value !== null };

export const ChildProfileInput = z
  .object({
    mobility: z.enum(MOBILITY).describe('How the child gets about'),
    indoorsMostly: z.boolean().optional().describe('Mostly indoors, little daylight'),
    antiEpileptics: whole(0, 20, '').optional().describe('How many medicines against epilepsy the child takes'),
    corticosteroids: z.boolean().optional().describe('Takes corticosteroids (a course with its dose is recorded in the record)'),
    feeding: z.enum(FEEDING).optional().describe('Fed by mouth, by tube, or both'),
    fibreRich: z.boolean().optional().describe('Gets fibre-rich feeding'),
    note: line(2000).optional(),
  })
  .strict()
  .meta({ id: 'ChildProfileChange' });
export type ChildProfileInput = z.infer<typeof ChildProfileInput>;

export const ChildGrowthInput = z
  .object({
    date: isoDate.describe('The day of the measurement: today or earlier'),
    weightKg: amount(0, 200, ' kg').optional(),
    heightCm: amount(0, 260, ' cm').optional(),
  })
  .strict()
  .superRefine((d, ctx) => {
    notAhead(ctx, (d as { date?: unknown }).date);
    const v = d as { weightKg?: unknown; heightCm?: unknown };
    if (v.weightKg === undefined && v.heightCm === undefined) ctx.addIssue({ code: 'custom', path: ['weightKg'], message: 'give a weight, a height or both', params: { code: 'weight-or-height' } });
  }, objectOnly)
  .meta({ id: 'ChildGrowthInput' });
export type ChildGrowthInput = z.infer<typeof ChildGrowthInput>;

export const ChildFractureInput = z
  .object({
    date: isoDate.describe('When the fracture happened (about): today or earlier'),
    site: z.enum(FRACTURE_SITES),
    how: line(500).describe('How it happened, in a few words'),
  })
  .strict()
  .superRefine((d, ctx) => { notAhead(ctx, (d as { date?: unknown }).date); }, objectOnly)
  .meta({ id: 'ChildFractureInput' });
export type ChildFractureInput = z.infer<typeof ChildFractureInput>;

export const VitaminDDoseInput = z
  .object({
    date: isoDate.describe(`The day the dose was given: today or up to ${String(DOSE_BACK_DAYS)} days back`),
    dose: whole(1, DOSE_MAX_MICROGRAMS, ' micrograms').describe('The dose given, in micrograms (10 micrograms = 400 IU)'),
  })
  .strict()
  .superRefine((d, ctx) => {
    const date = (d as { date?: unknown }).date;
    notAhead(ctx, date);
    if (typeof date === 'string' && isRecordDate(date) && compareDates(date, addDays(todayNl(), -DOSE_BACK_DAYS)) < 0) {
      ctx.addIssue({ code: 'custom', path: ['date'], message: `lies more than ${String(DOSE_BACK_DAYS)} days back`, params: { code: 'date-too-old' } });
    }
  }, objectOnly)
  .meta({ id: 'VitaminDDoseNote' });
export type VitaminDDoseInput = z.infer<typeof VitaminDDoseInput>;

export const VitaminDDoseView = z
  .object({
    id: z.uuid(),
    date: isoDate,
    micrograms: z.number().int(),
    givenBy: z.string().nullable().describe('Who noted it: a parent or a member of staff'),
    givenAt: z.string(),
  })
  .meta({ id: 'VitaminDDose' });
export type VitaminDDoseView = z.infer<typeof VitaminDDoseView>;

const Explained = z.object({ patient: z.string(), clinician: z.string() });

export const ChildProfileView = z
  .object({
    patient: z.object({ id: z.uuid(), name: z.string(), birthDate: isoDate }),
    profile: z.object({
      mobility: z.enum(MOBILITY).nullable(),
      indoorsMostly: z.boolean().nullable(),
      antiEpileptics: z.number().int().nullable(),
      corticosteroids: z.boolean().nullable(),
      feeding: z.enum(FEEDING).nullable(),
      fibreRich: z.boolean().nullable(),
      note: z.string().nullable(),
      updatedBy: z.string().nullable(),
      updatedAt: z.string().nullable(),
    }),
    growth: z.array(z.object({ date: isoDate, weightKg: z.number().nullable(), heightCm: z.number().nullable() })).describe('Oldest first; no reference curves'),
    fractures: z.array(z.object({ entryId: z.uuid(), date: isoDate, site: z.enum(FRACTURE_SITES), how: z.string().nullable() })),
    boneQualityRisk: z
      .object({
        level: z.enum(['high', 'increased', 'raised', 'baseline']),
        observedSharesPercent: z.object({ wheelchair: z.number(), walkingAid: z.number(), independentWalker: z.number() }),
        extraRisk: z.boolean().describe('The advice for a child at extra risk applies'),
        explanation: Explained,
        source: z.array(z.string()),
      })
      .nullable()
      .describe('The core\'s child.bone-quality-risk; null while no mobility is recorded'),
    vitaminD: z.object({
      microgramsPerDay: z.number(),
      reasons: z.array(z.string()),
      physicianSetsDose: z.boolean().describe('More than one anti-epileptic: the physician sets the dose'),
      explanation: Explained,
      source: z.array(z.string()),
    }),
    reminder: z.object({
      remind: z.boolean(),
      why: z.string(),
      lastDose: isoDate.nullable(),
      daysSince: z.number().int().nullable(),
      afterDays: z.number().int(),
    }),
    doses: z.array(VitaminDDoseView).describe('The last 31 days, newest first'),
    may: z.object({ care: z.boolean(), log: z.boolean() }).describe('What the asker may do: keep the profile (child.care), note a dose (child.log)'),
  })
  .meta({ id: 'ChildProfile' });
export type ChildProfileView = z.infer<typeof ChildProfileView>;
