// The exercise plan at the API: what a physiotherapist sends (where, which exercises of the
// catalogue and how much of each, whether the core's warnings were seen and gone ahead on) and how
// a plan version reads back. The closed lists come from the core (core/exercise), so the API, the
// store and the pages' words cannot drift.
import { z } from 'zod';
import { text } from '../core/case.schema.js';
import { EXERCISE_CODES, EXERCISE_INTENSITIES, EXERCISE_PLACES, EXERCISE_TAGS, SAFETY_CONDITIONS } from '../core/exercise/index.js';

export const EXERCISE_LIMITS = { sets: 10, repetitions: 100, daysPerWeek: 7, exercises: 40, progression: 500, note: 2000 } as const;

const whole = (min: number, max: number) =>
  z.number('must be a number').int('must be a whole number').min(min, `must be at least ${String(min)}`).max(max, `must be at most ${String(max)}`);

export const ExerciseCode = z.enum(EXERCISE_CODES as [string, ...string[]], 'is not an exercise of the catalogue');

export const PlannedExercise = z
  .object({
    code: ExerciseCode.describe('The exercise, by its code in the catalogue (GET the plan page or docs/exercise-plan.md for the list)'),
    sets: whole(1, EXERCISE_LIMITS.sets).describe('Sets per session'),
    repetitions: whole(1, EXERCISE_LIMITS.repetitions).describe('Repetitions per set (or seconds held, for a balance exercise)'),
    intensity: z.enum(EXERCISE_INTENSITIES).describe('How hard, as the patient feels it'),
    daysPerWeek: whole(1, EXERCISE_LIMITS.daysPerWeek).describe('On how many days a week'),
    progression: text(1, EXERCISE_LIMITS.progression).describe('How it builds up ("one more repetition each week")'),
  })
  .strict()
  .meta({ id: 'PlannedExercise', description: 'One exercise of a plan, with how much and how it builds up' });
export type PlannedExercise = z.infer<typeof PlannedExercise>;

export const ExercisePlanInput = z
  .object({
    places: z.array(z.enum(EXERCISE_PLACES)).min(1, 'choose at least one place').max(3)
      .refine((a) => new Set(a).size === a.length, 'names a place twice')
      .describe('Where: supervised at the practice, at home, at a sports club (one or more)'),
    exercises: z.array(PlannedExercise).min(1, 'choose at least one exercise').max(EXERCISE_LIMITS.exercises)
      .refine((a) => new Set(a.map((e) => e.code)).size === a.length, 'names an exercise twice')
      .describe('The exercises, in the order the patient does them'),
    note: text(1, EXERCISE_LIMITS.note).optional().describe('Anything else the patient should know'),
    acknowledgeWarnings: z.boolean().optional()
      .describe('true: go ahead although the core warned that a chosen exercise is unsafe for this patient (the warnings are kept with the plan); otherwise such a plan is refused with 422 /problems/exercise-unsafe'),
  })
  .strict()
  .meta({ id: 'NewExercisePlan', description: 'A new version of the exercise plan (physiotherapist of a practice with an accepted referral)' });
export type ExercisePlanInput = z.infer<typeof ExercisePlanInput>;

export const ExerciseWarningView = z
  .object({
    code: z.string().describe('The exercise warned about'),
    reasons: z.array(z.object({
      condition: z.enum(SAFETY_CONDITIONS).describe('What in the record fired it'),
      tag: z.enum(EXERCISE_TAGS).describe('What about the exercise collides with it'),
      why: z.object({ nl: z.string(), en: z.string() }).strict(),
      source: z.array(z.string()),
    }).strict()),
  })
  .strict()
  .meta({ id: 'ExerciseWarning' });
export type ExerciseWarningView = z.infer<typeof ExerciseWarningView>;

export const ExercisePlanView = z
  .object({
    id: z.uuid(),
    patientId: z.uuid(),
    version: z.number().int().describe('1 for the first plan of the patient, then one up for each new version'),
    organisation: z.object({ id: z.uuid(), name: z.string() }).strict().describe('The practice that wrote it'),
    places: z.array(z.enum(EXERCISE_PLACES)),
    exercises: z.array(PlannedExercise),
    note: z.string().nullable(),
    warnings: z.array(ExerciseWarningView).describe('The warnings the therapist went ahead on, as they were shown; [] when there were none'),
    writtenBy: z.string().nullable(),
    writtenAt: z.string(),
  })
  .meta({ id: 'ExercisePlan' });
export type ExercisePlanView = z.infer<typeof ExercisePlanView>;

export const ExercisePlanParams = z.object({ id: z.uuid('is not a valid id'), planId: z.uuid('is not a valid id') }).strict();
export const HomeProgrammeQuery = z.object({ lang: z.enum(['nl', 'en']).default('nl').describe('The language of the programme') }).strict();
