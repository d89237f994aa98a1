// The physiotherapist's intake and education session at the API: what comes in (each field checked,
// every bad field named at once) and what goes out. The bounds and the topics come from the core
// (core/therapy-intake), the falls answers are the Case's own shape (core/case.schema.ts `Falls`),
// so the intake's answers are read by the same rules as the record's.
import { z } from 'zod';
import { Falls, Vfa, wholeRange } from '../core/case.schema.js';
import {
  EDUCATION_TOPICS, GOALS_MAX, GOALS_MIN, goalDateProblem, PAIN_MAX_SCORE, PSK_MAX_ACTIVITIES, PSK_MAX_SCORE,
} from '../core/therapy-intake/index.js';
import { compareDates, isoDate, isRecordDate } from '../core/time/date.js';
import { todayNl } from './clock.js';
import { text } from './text.js';

const line = (max: number) => text().trim().min(1, 'must not be empty').max(max, `is too long (at most ${String(max)} characters)`);
const score = (max: number) => z.number('must be a number').int('must be a whole number').min(0, 'must be at least 0').max(max, `must be at most ${String(max)}`);
const isObject = (payload: { value: unknown }) => typeof payload.value === 'object' && payload.value !== null;

export const IntakePain = z
  .object({
    score: score(PAIN_MAX_SCORE).describe(`Pain now, 0 (none) to ${String(PAIN_MAX_SCORE)} (the worst imaginable)`),
    where: line(300).optional().describe('Where it hurts'),
    when: line(300).optional().describe('When it hurts (moving, at night, after standing)'),
  })
  .strict();

export const IntakeGoal = z
  .object({
    what: line(300).describe('The goal in the patient\'s own words ("walk to the park every day")'),
    howMuch: line(200).describe('How much, measurably ("20 minutes", "two flights of stairs")'),
    by: isoDate.describe('By when: a day after the intake'),
  })
  .strict();

export const PskActivity = z
  .object({
    activity: line(200).describe('An activity the patient finds hard, in their words'),
    score: score(PSK_MAX_SCORE).describe(`How hard, 0 (no trouble) to ${String(PSK_MAX_SCORE)} (impossible)`),
  })
  .strict();

export const IntakePosture = z
  .object({
    observations: line(2000).describe('Posture and movement as observed (after a vertebral fracture: bending, lifting, getting up)'),
    advice: line(2000).describe('The advice on safe movement given'),
  })
  .strict();

export const IntakeInput = z
  .object({
    date: isoDate.describe('The day of the intake: today or earlier'),
    history: line(4000).describe('The history in short: the fracture, the complaints, what the patient did before'),
    pain: IntakePain,
    falls: Falls.describe('The fall-risk screen and the walking tests, as the Case records them; absent answers were not asked'),
    fesI: z.array(wholeRange(1, 4)).length(7, 'must have the 7 answers').optional().describe('The Short FES-I answers, 1–4 each, in the published order'),
    posture: IntakePosture,
    goals: z.array(IntakeGoal).min(GOALS_MIN, 'needs at least one goal').max(GOALS_MAX, `has at most ${String(GOALS_MAX)} goals`),
    psk: z.array(PskActivity).max(PSK_MAX_ACTIVITIES, `has at most ${String(PSK_MAX_ACTIVITIES)} activities`).describe('Patiënt Specifieke Klachten (Beurskens 1996): up to three activities, as clinical-rules.md §13 records them'),
  })
  .strict()
  // Checked even when another field is wrong, so every bad field is named at once.
  .superRefine((v, ctx) => {
    const r = v as { date?: unknown; goals?: unknown };
    const date = typeof r.date === 'string' && isRecordDate(r.date) ? r.date : undefined;
    if (date !== undefined && compareDates(date, todayNl()) > 0) {
      ctx.addIssue({ code: 'custom', path: ['date'], message: 'lies in the future', params: { code: 'date-in-future' } });
    }
    if (date === undefined || !Array.isArray(r.goals)) return;
    r.goals.forEach((g: unknown, i) => {
      const by = (g as { by?: unknown } | null)?.by;
      if (typeof by === 'string' && isRecordDate(by) && goalDateProblem(date, by)) {
        ctx.addIssue({ code: 'custom', path: ['goals', i, 'by'], message: 'must lie after the day of the intake', params: { code: 'goal-not-after-intake' } });
      }
    });
  }, { when: isObject });
export type IntakeInput = z.infer<typeof IntakeInput>;

const LEVEL = z.enum(['low', 'intermediate', 'high']);

export const IntakeView = z
  .object({
    id: z.uuid(),
    version: z.number().int().describe('1 for the first intake; a new version keeps the ones before'),
    date: isoDate,
    practice: z.object({ id: z.uuid(), name: z.string() }),
    history: z.string(),
    pain: IntakePain,
    falls: Falls,
    fesI: z.array(z.number().int()).nullable(),
    posture: IntakePosture,
    goals: z.array(IntakeGoal),
    psk: z.array(PskActivity),
    fallRisk: z.object({ level: LEVEL.nullable().describe('null: the screen is positive and neither TUG nor gait speed was measured'), missing: z.array(z.string()) })
      .describe('The core\'s fall-risk.level (WFG-2022) of these answers on the intake\'s day'),
    fallRiskInventory: z.boolean().describe('Two or more falls: the fall-risk factor inventory (NHG-2024)'),
    fearOfFalling: z.object({ level: z.enum(['low', 'moderate', 'high']).nullable(), score: z.number().int().nullable() }).nullable()
      .describe('The core\'s fear-of-falling.level (Short FES-I); null when neither scored nor asked'),
    recordedBy: z.string().nullable(),
    recordedAt: z.string(),
  })
  .meta({ id: 'TherapyIntake' });
export type IntakeView = z.infer<typeof IntakeView>;

export const IntakeList = z.object({
  vfa: Vfa.nullable().describe('The latest VFA in the record now (each vertebra\'s Genant grade), or null when none was made'),
  items: z.array(IntakeView).describe('Every intake version the reader may see, the newest first (a practice sees its own)'),
});

export const EducationTopicTick = z
  .object({
    topic: z.enum(EDUCATION_TOPICS),
    discussed: z.boolean().describe('Gone through with the patient'),
    moreWanted: z.boolean().describe('The patient wants to know more about it'),
  })
  .strict();

export const EducationInput = z
  .object({
    date: isoDate.describe('The day of the session: today or earlier'),
    topics: z.array(EducationTopicTick).min(1, 'needs at least one topic').max(EDUCATION_TOPICS.length)
      .describe('The topics ticked; a topic not listed was not gone through'),
    note: line(2000).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    const r = v as { date?: unknown; topics?: unknown };
    if (typeof r.date === 'string' && isRecordDate(r.date) && compareDates(r.date, todayNl()) > 0) {
      ctx.addIssue({ code: 'custom', path: ['date'], message: 'lies in the future', params: { code: 'date-in-future' } });
    }
    if (!Array.isArray(r.topics)) return;
    const seen = new Set<unknown>();
    r.topics.forEach((x: unknown, i) => {
      const t = x as { topic?: unknown; discussed?: unknown; moreWanted?: unknown } | null;
      if (seen.has(t?.topic)) ctx.addIssue({ code: 'custom', path: ['topics', i, 'topic'], message: 'is listed twice' });
      seen.add(t?.topic);
      if (t?.discussed === false && t.moreWanted === false) ctx.addIssue({ code: 'custom', path: ['topics', i], message: 'ticks nothing: leave a topic out when it was not gone through' });
    });
  }, { when: isObject });
export type EducationInput = z.infer<typeof EducationInput>;

export const EducationView = z
  .object({
    id: z.uuid(),
    date: isoDate,
    practice: z.object({ id: z.uuid(), name: z.string() }),
    topics: z.array(EducationTopicTick),
    note: z.string().nullable(),
    recordedBy: z.string().nullable(),
    recordedAt: z.string(),
  })
  .meta({ id: 'EducationSession' });
export type EducationView = z.infer<typeof EducationView>;
