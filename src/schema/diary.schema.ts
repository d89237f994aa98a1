// The diary and the reports to the clinic at the API: what comes in (each field checked, a date
// ahead or too far back refused at its field) and what goes out. The closed lists come from the
// core (core/record/lists.ts), so the API, the store's checks and the pages' words cannot drift.
import { z } from 'zod';
import { DIARY_MAX_MINUTES, PAIN_MAX } from '../core/diary/diary.js';
import { DIARY_FEELINGS, REPORT_FRACTURE_CAUSES, REPORT_KINDS, REPORT_SEVERITIES } from '../core/record/lists.js';
import { REPORT_SINCE_YEARS, REPORT_SITES, sinceProblem } from '../core/reports/reports.js';
import { compareDates, isoDate, isRecordDate } from '../core/time/date.js';
import { todayNl } from './clock.js';
import { pageOf, pageQuery } from './paging.js';
import { text } from './text.js';

const line = (max: number) => text().trim().min(1, 'must not be empty').max(max, `is too long (at most ${String(max)} characters)`);
const whole = (min: number, max: number, unit: string) =>
  z.number('must be a number').int('must be a whole number').min(min, `must be at least ${String(min)}${unit}`).max(max, `must be at most ${String(max)}${unit}`);

export const DiaryInput = z
  .object({
    date: isoDate.describe('The day of the activity: today or earlier'),
    activity: line(200).describe('What the patient did ("walking", "the physiotherapist\'s exercises")'),
    minutes: whole(0, DIARY_MAX_MINUTES, ' minutes').describe('How long, in minutes'),
    feeling: z.enum(DIARY_FEELINGS).describe('How it went'),
    pain: whole(0, PAIN_MAX, '').describe(`Pain that day, 0 (none) to ${String(PAIN_MAX)} (the worst imaginable)`),
    note: line(2000).optional(),
  })
  .strict()
  // Checked even when another field is wrong, so every bad field is named at once.
  .superRefine((d, ctx) => {
    const date = (d as { date?: unknown }).date;
    if (typeof date === 'string' && isRecordDate(date) && compareDates(date, todayNl()) > 0) {
      ctx.addIssue({ code: 'custom', path: ['date'], message: 'lies in the future: write down what has happened', params: { code: 'date-in-future' } });
    }
  }, { when: (payload) => typeof payload.value === 'object' && payload.value !== null });
export type DiaryInput = z.infer<typeof DiaryInput>;

export const DiaryEntryView = z
  .object({
    id: z.uuid(),
    date: isoDate,
    activity: z.string(),
    minutes: z.number().int(),
    feeling: z.enum(DIARY_FEELINGS),
    pain: z.number().int(),
    note: z.string().nullable(),
    homeExerciseId: z.uuid().nullable().describe('The exercise of a home programme this entry is about; null until home programmes exist'),
    writtenBy: z.string().nullable().describe('Who wrote it: the patient or a caregiver'),
    writtenAt: z.string(),
  })
  .meta({ id: 'DiaryEntry' });
export type DiaryEntryView = z.infer<typeof DiaryEntryView>;

export const DiaryWeekView = z.object({
  from: isoDate,
  to: isoDate,
  minutes: z.number().int(),
  pain: z.number().nullable().describe('Mean pain of the week, one decimal; null: nothing written'),
  painMax: z.number().int().nullable(),
  entries: z.number().int(),
});

/** Diary and report lists page newest first on (date or moment, id). */
export const DiaryKey = z.tuple([isoDate, z.uuid()]);
export const ReportKey = z.tuple([z.string().regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:?\d{2})$/), z.uuid()]);

export const DiaryQuery = z.object({ ...pageQuery(DiaryKey) }).strict();
export const DiaryPage = pageOf(DiaryEntryView).extend({
  weeks: z.array(DiaryWeekView).describe('The last 8 weeks, oldest first: minutes and pain per week (the chart\'s data)'),
});

export const ReportInput = z
  .object({
    kind: z.enum(REPORT_KINDS).describe('fracture, fall or side-effect'),
    what: line(2000).optional().describe('A fall or side effect: what happened, what the patient notices'),
    site: z.enum(REPORT_SITES).optional().describe('A fracture: which bone (other: any other, the spine included)'),
    cause: z.enum(REPORT_FRACTURE_CAUSES).optional().describe('A fracture: a fall from standing height or less, a harder accident, or unknown'),
    since: isoDate.describe(`Since when (a fracture or fall: the day it happened); today or up to ${String(REPORT_SINCE_YEARS)} years back`),
    severity: z.enum(REPORT_SEVERITIES).describe('How bad it is'),
    note: line(2000).optional(),
  })
  .strict()
  // Checked even when another field is wrong, so every bad field is named at once.
  .superRefine((input, ctx) => {
    const r = input as Partial<Record<'kind' | 'what' | 'site' | 'cause' | 'since', unknown>>;
    const problem = typeof r.since === 'string' && isRecordDate(r.since) ? sinceProblem(r.since, todayNl()) : undefined;
    if (problem === 'in-future') ctx.addIssue({ code: 'custom', path: ['since'], message: 'lies in the future', params: { code: 'date-in-future' } });
    if (problem === 'too-long-ago') ctx.addIssue({ code: 'custom', path: ['since'], message: `lies more than ${String(REPORT_SINCE_YEARS)} years back`, params: { code: 'date-too-long-ago' } });
    if (r.kind === 'fracture') {
      if (r.site === undefined) ctx.addIssue({ code: 'custom', path: ['site'], message: 'a fracture needs the bone that broke', params: { code: 'required' } });
      if (r.cause === undefined) ctx.addIssue({ code: 'custom', path: ['cause'], message: 'a fracture needs how it happened (or unknown)', params: { code: 'required' } });
      if (r.what !== undefined) ctx.addIssue({ code: 'custom', path: ['what'], message: 'a fracture is told by its site and cause, not by what' });
    } else if (r.kind === 'fall' || r.kind === 'side-effect') {
      if (r.what === undefined) ctx.addIssue({ code: 'custom', path: ['what'], message: `a ${r.kind} needs what happened`, params: { code: 'required' } });
      if (r.site !== undefined) ctx.addIssue({ code: 'custom', path: ['site'], message: 'only a fracture has a site' });
      if (r.cause !== undefined) ctx.addIssue({ code: 'custom', path: ['cause'], message: 'only a fracture has a cause' });
    }
  }, { when: (payload) => typeof payload.value === 'object' && payload.value !== null });
export type ReportInput = z.infer<typeof ReportInput>;

export const ReportView = z
  .object({
    id: z.uuid(),
    kind: z.enum(REPORT_KINDS),
    what: z.string().nullable(),
    site: z.enum(REPORT_SITES).nullable(),
    cause: z.enum(REPORT_FRACTURE_CAUSES).nullable(),
    since: isoDate,
    severity: z.enum(REPORT_SEVERITIES),
    note: z.string().nullable(),
    entryId: z.uuid().nullable().describe('A fracture: the record entry it made (source patient, unconfirmed until a clinician corrects it)'),
    sentBy: z.string().nullable(),
    sentAt: z.string(),
    readBy: z.string().nullable().describe('The clinician who read it first'),
    readAt: z.string().nullable().describe('When a clinician first read it; null: not read yet'),
    fractureStatus: z.enum(['unconfirmed', 'confirmed', 'entered-in-error']).nullable()
      .describe('A fracture: its entry is the patient\'s (unconfirmed), a clinician\'s version (confirmed), or marked entered in error'),
  })
  .meta({ id: 'Report' });
export type ReportView = z.infer<typeof ReportView>;

export const ReportQuery = z.object({ ...pageQuery(ReportKey) }).strict();
export const ReportPage = pageOf(ReportView);
export const ReportParams = z.object({ id: z.uuid('is not a valid id'), reportId: z.uuid('is not a valid id') }).strict();
