// A child's aids and fracture signals at the API (clinical-rules.md §12): what comes in, each field
// checked and every bad field named at once, and what goes out. The closed lists are the core's
// (core/children/lists.ts), so the API, the store's checks and the pages' words cannot drift.
import { z } from 'zod';
import { AID_KINDS, BODY_PARTS, SIGNAL_FRACTURE, SIGNAL_MAX_DAYS_BACK, SIGNAL_OBSERVATIONS, signalDateProblem } from '../core/children/aids-signals.js';
import { compareDates, isoDate, isRecordDate } from '../core/time/date.js';
import { todayNl } from './clock.js';
import { text } from './text.js';

const line = (max: number) => text().trim().min(1, 'must not be empty').max(max, `is too long (at most ${String(max)} characters)`);
const height = z.number('must be a number').gt(0, 'must be above 0 cm').max(260, 'must be at most 260 cm');

/** A check date lies today or earlier. */
const notAhead = (path: string) => (v: unknown, ctx: z.RefinementCtx) => {
  const d = (v as Record<string, unknown>)[path];
  if (typeof d === 'string' && isRecordDate(d) && compareDates(d, todayNl()) > 0) {
    ctx.addIssue({ code: 'custom', path: [path], message: 'lies in the future', params: { code: 'date-in-future' } });
  }
};
const whenObject = { when: (payload: { value: unknown }) => typeof payload.value === 'object' && payload.value !== null };

export const AidInput = z
  .object({
    kind: z.enum(AID_KINDS).describe('What the aid is'),
    description: line(200).optional().describe('Make, model or size, as the physiotherapist names it'),
    lastCheck: isoDate.describe('When it was last checked (or fitted): today or earlier; kept as the aid\'s first check'),
    heightCm: height.optional().describe('The child\'s height then, in cm'),
  })
  .strict()
  .superRefine(notAhead('lastCheck'), whenObject);
export type AidInput = z.infer<typeof AidInput>;

export const AidCheckInput = z
  .object({
    date: isoDate.describe('The day of the check: today or earlier'),
    adjusted: line(500).describe('What was adjusted ("nothing" when it still fits)'),
    heightCm: height.optional().describe('The child\'s height at the check, in cm'),
  })
  .strict()
  .superRefine(notAhead('date'), whenObject);
export type AidCheckInput = z.infer<typeof AidCheckInput>;

export const AidCheckView = z.object({
  entryId: z.uuid(),
  date: isoDate,
  adjusted: z.string().nullable(),
  heightCm: z.number().nullable(),
  by: z.string().nullable(),
});

export const AidView = z
  .object({
    id: z.uuid(),
    kind: z.enum(AID_KINDS),
    description: z.string().nullable(),
    checks: z.array(AidCheckView).describe('Its checks, newest first'),
    lastCheck: isoDate.nullable(),
    due: isoDate.nullable().describe('When it is next due (6 months after its last check, or now after 3 cm of growth; the organisation\'s settings)'),
    dueReason: z.enum(['interval', 'growth']).nullable(),
    isDue: z.boolean(),
  })
  .meta({ id: 'ChildAid' });
export type AidView = z.infer<typeof AidView>;

export const AidsView = z.object({
  items: z.array(AidView),
  lastAidsCheck: isoDate.nullable().describe('The Case\'s last aids check: the oldest of the aids\' last checks'),
  heightCm: z.number().nullable().describe('The child\'s height in the record now'),
});

export const AidParams = z.object({ id: z.uuid('is not a valid id'), aidId: z.uuid('is not a valid id') }).strict();

export const SignalInput = z
  .object({
    observed: z.array(z.enum(SIGNAL_OBSERVATIONS)).min(1, 'choose at least one thing you saw').max(SIGNAL_OBSERVATIONS.length)
      .refine((a) => new Set(a).size === a.length, 'names a sign twice').describe('What was seen'),
    bodyPart: z.enum(BODY_PARTS).describe('Where on the body (unknown: cannot tell)'),
    observedOn: isoDate.describe(`The day it was seen: today or up to ${String(SIGNAL_MAX_DAYS_BACK)} days back`),
    note: line(2000).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    const on = (v as { observedOn?: unknown }).observedOn;
    const problem = typeof on === 'string' && isRecordDate(on) ? signalDateProblem(on, todayNl()) : undefined;
    if (problem === 'in-future') ctx.addIssue({ code: 'custom', path: ['observedOn'], message: 'lies in the future', params: { code: 'date-in-future' } });
    if (problem === 'too-long-ago') ctx.addIssue({ code: 'custom', path: ['observedOn'], message: `lies more than ${String(SIGNAL_MAX_DAYS_BACK)} days back`, params: { code: 'date-too-long-ago' } });
  }, whenObject);
export type SignalInput = z.infer<typeof SignalInput>;

export const SignalOutcomeInput = z
  .object({
    seen: z.boolean('must be true or false').describe('The physician saw the child'),
    xray: z.boolean('must be true or false').describe('An X-ray was made'),
    fracture: z.enum(SIGNAL_FRACTURE).describe('A fracture was found (yes), ruled out (no), or not known'),
    note: line(2000).optional(),
  })
  .strict();
export type SignalOutcomeInput = z.infer<typeof SignalOutcomeInput>;

export const SignalView = z
  .object({
    id: z.uuid(),
    observed: z.array(z.enum(SIGNAL_OBSERVATIONS)),
    bodyPart: z.enum(BODY_PARTS),
    observedOn: isoDate,
    note: z.string().nullable(),
    notedBy: z.string().nullable(),
    notedAt: z.string(),
    open: z.boolean().describe('Open until the physician records what followed'),
    outcome: z.object({ seen: z.boolean(), xray: z.boolean(), fracture: z.enum(SIGNAL_FRACTURE), note: z.string().nullable(), by: z.string().nullable(), at: z.string() }).nullable(),
  })
  .meta({ id: 'FractureSignal' });
export type SignalView = z.infer<typeof SignalView>;

export const SignalList = z.object({ items: z.array(SignalView) });
export const SignalParams = z.object({ id: z.uuid('is not a valid id'), signalId: z.uuid('is not a valid id') }).strict();
