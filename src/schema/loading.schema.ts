// A child's daily loading plan and loading log at the API (clinical-rules.md §12): what comes in,
// each field checked and named, and what goes out. The bounds and the closed list of activities
// come from the core (core/children/loading-log.ts, core/record/lists.ts), so the API, the store's
// checks and the pages cannot drift.
import { z } from 'zod';
import { LOG_BACK_DAYS, LOG_MAX_MINUTES, PLAN_MAX_MINUTES } from '../core/children/loading-log.js';
import { LOADING_ACTIVITIES } from '../core/record/lists.js';
import { addDays, compareDates, isoDate, isRecordDate } from '../core/time/date.js';
import { todayNl } from './clock.js';
import { text } from './text.js';

const whole = (min: number, max: number) =>
  z.number('must be a number').int('must be a whole number').min(min, `must be at least ${String(min)} minutes`).max(max, `must be at most ${String(max)} minutes`);

export const LoadingPlanInput = z
  .object({
    standingFrame: whole(0, PLAN_MAX_MINUTES).describe('Minutes a day in the standing frame'),
    walkingAid: whole(0, PLAN_MAX_MINUTES).describe('Minutes a day walking with the walking aid'),
    otherMovement: whole(0, PLAN_MAX_MINUTES).describe('Minutes a day of other movement the physiotherapist chose'),
    note: text().trim().min(1, 'must not be empty').max(2000, 'is too long (at most 2000 characters)').optional().describe('How, in the physiotherapist\'s words'),
  })
  .strict();
export type LoadingPlanInput = z.infer<typeof LoadingPlanInput>;

export const LoadingPlanView = z
  .object({
    standingFrame: z.number().int(),
    walkingAid: z.number().int(),
    otherMovement: z.number().int(),
    total: z.number().int().describe('Minutes a day in all'),
    verdict: z.enum(['below', 'within', 'above']).describe('The total against the target of 30–60 minutes a day'),
    note: z.string().nullable(),
    setBy: z.string().nullable(),
    setAt: z.string(),
  })
  .meta({ id: 'LoadingPlan' });
export type LoadingPlanView = z.infer<typeof LoadingPlanView>;

export const LoadingPlanAnswer = z.object({ plan: LoadingPlanView.nullable().describe('null: no plan set yet') }).meta({ id: 'LoadingPlanAnswer' });

export const LoadingLogInput = z
  .object({
    date: isoDate.describe(`The day of the session: today or up to ${String(LOG_BACK_DAYS)} days back`),
    activity: z.enum(LOADING_ACTIVITIES).describe('standing-frame, walking-aid or other-movement'),
    minutes: whole(1, LOG_MAX_MINUTES).describe('How long, in minutes'),
  })
  .strict()
  // Checked even when another field is wrong, so every bad field is named at once.
  .superRefine((d, ctx) => {
    const date = (d as { date?: unknown }).date;
    if (typeof date !== 'string' || !isRecordDate(date)) return;
    const today = todayNl();
    if (compareDates(date, today) > 0) ctx.addIssue({ code: 'custom', path: ['date'], message: 'lies in the future: note down what has happened', params: { code: 'date-in-future' } });
    else if (compareDates(date, addDays(today, -LOG_BACK_DAYS)) < 0) {
      ctx.addIssue({ code: 'custom', path: ['date'], message: `lies more than ${String(LOG_BACK_DAYS)} days back`, params: { code: 'date-too-long-ago' } });
    }
  }, { when: (payload) => typeof payload.value === 'object' && payload.value !== null });
export type LoadingLogInput = z.infer<typeof LoadingLogInput>;

export const LoadingLogEntryView = z
  .object({
    id: z.uuid(),
    date: isoDate,
    activity: z.enum(LOADING_ACTIVITIES),
    minutes: z.number().int(),
    loggedBy: z.string().nullable().describe('Who noted it down: the signed-in parent or staff member'),
    loggedAt: z.string(),
  })
  .meta({ id: 'LoadingLogEntry' });
export type LoadingLogEntryView = z.infer<typeof LoadingLogEntryView>;

export const LoadingWeekView = z.object({
  from: isoDate.describe('The Monday'),
  to: isoDate.describe('The Sunday'),
  standingFrame: z.number().int(),
  walkingAid: z.number().int(),
  otherMovement: z.number().int(),
  total: z.number().int(),
  days: z.number().int().describe('Days counted against the target: 7, or up to today in the current week'),
  metTarget: z.boolean().describe('The total reaches 30 minutes a day over the days counted'),
  lines: z.number().int(),
});

export const LoadingLogQuery = z
  .object({ week: isoDate.optional().describe('Any day of the week asked for (default: this week)') })
  .strict();

export const LoadingLogWeekAnswer = z
  .object({
    from: isoDate,
    to: isoDate,
    items: z.array(LoadingLogEntryView).describe('The lines of the week asked for, oldest first'),
    weeks: z.array(LoadingWeekView).describe('The 8 weeks up to the week asked for, oldest first: the chart\'s data'),
    means: z.object({ standing: z.number().int(), movement: z.number().int(), days: z.number().int() }).nullable()
      .describe('Minutes a day over the last 7 days as the Case reads them (null: nothing logged yet)'),
    plan: LoadingPlanView.nullable(),
  })
  .meta({ id: 'LoadingLogWeek' });
