// The practice's home safety check, its coaching sessions and its letter to a dietitian at the API:
// what comes in (each field checked, an item or topic given twice or missing named at its place, a
// day ahead refused at its field) and what goes out. The closed lists come from the core
// (core/coaching/lists.ts), so the API, the stored rows and the pages' words cannot drift.
// The input shapes carry no component id: they trim text, so their input and output documents
// differ (as DiaryInput's do).
import { z } from 'zod';
import { COACHING_TOPICS, HOME_CHECK_FINDINGS, HOME_CHECK_ITEMS } from '../core/coaching/lists.js';
import { compareDates, isoDate, isRecordDate } from '../core/time/date.js';
import { todayNl } from './clock.js';
import { text } from './text.js';

const line = (max: number) => text().trim().min(1, 'must not be empty').max(max, `is too long (at most ${String(max)} characters)`);

const isObject = (payload: { value: unknown }) => typeof payload.value === 'object' && payload.value !== null;

/** A day that lies ahead is refused at its field: a check or a session records what happened. */
function notAhead(date: unknown, ctx: z.RefinementCtx): void {
  if (typeof date === 'string' && isRecordDate(date) && compareDates(date, todayNl()) > 0) {
    ctx.addIssue({ code: 'custom', path: ['date'], message: 'lies in the future: record what has happened', params: { code: 'date-in-future' } });
  }
}

/** Each code at most once: a second one is named at its own place (`/items/3/item`). */
function once(rows: unknown, key: string, ctx: z.RefinementCtx, list: string): void {
  if (!Array.isArray(rows)) return;
  const seen = new Set<unknown>();
  rows.forEach((r: unknown, i) => {
    const v = typeof r === 'object' && r !== null ? (r as Record<string, unknown>)[key] : undefined;
    if (v === undefined) return;
    if (seen.has(v)) ctx.addIssue({ code: 'custom', path: [list, i, key], message: 'is given twice' });
    seen.add(v);
  });
}

export const HomeCheckItemInput = z
  .object({
    item: z.enum(HOME_CHECK_ITEMS).describe('What was looked at'),
    finding: z.enum(HOME_CHECK_FINDINGS).describe('fine: safe as it is; needs-work: something to change; not-applicable: not part of this home'),
    note: line(2000).optional().describe('What was seen, in a few words'),
  })
  .strict();

export const HomeCheckInput = z
  .object({
    date: isoDate.describe('The day of the check, done with the patient: today or earlier'),
    items: z.array(HomeCheckItemInput).describe(`Every item once: ${HOME_CHECK_ITEMS.join(', ')}`),
    agreed: line(4000).optional().describe('What the patient and the physiotherapist agreed to change'),
  })
  .strict()
  // Checked even when another field is wrong, so every bad field is named at once.
  .superRefine((d, ctx) => {
    const v = d as { date?: unknown; items?: unknown };
    notAhead(v.date, ctx);
    once(v.items, 'item', ctx, 'items');
    if (Array.isArray(v.items)) {
      const given = new Set((v.items as unknown[]).map((r) => (typeof r === 'object' && r !== null ? (r as { item?: unknown }).item : undefined)));
      const missing = HOME_CHECK_ITEMS.filter((i) => !given.has(i));
      if (missing.length > 0) ctx.addIssue({ code: 'custom', path: ['items'], message: `misses ${missing.join(', ')}: a check goes through every item` });
    }
  }, { when: isObject })
  .describe('A home safety check done with the patient (a physiotherapist of the practice the patient is referred to)');
export type HomeCheckInput = z.infer<typeof HomeCheckInput>;

export const HomeCheckView = z
  .object({
    id: z.uuid(),
    patientId: z.uuid(),
    date: isoDate,
    items: z.array(z.object({ item: z.enum(HOME_CHECK_ITEMS), finding: z.enum(HOME_CHECK_FINDINGS), note: z.string().nullable() }).strict()).describe('In the order of the core\'s list'),
    agreed: z.string().nullable(),
    recordedBy: z.string().nullable(),
    recordedAt: z.string(),
  })
  .meta({ id: 'HomeCheck', description: 'A home safety check as it was recorded; the advice per item is in the catalogue of the pages, by item' });
export type HomeCheckView = z.infer<typeof HomeCheckView>;

export const CoachingTopicInput = z
  .object({
    topic: z.enum(COACHING_TOPICS).describe('What the talk was about'),
    discussed: line(2000).describe('What was discussed'),
    agreed: line(2000).optional().describe('What was agreed, in the patient\'s own words where possible'),
  })
  .strict();

export const CoachingSessionInput = z
  .object({
    date: isoDate.describe('The day of the session: today or earlier'),
    topics: z.array(CoachingTopicInput).min(1, 'must name at least one topic').describe(`The topics discussed, each at most once: ${COACHING_TOPICS.join(', ')}`),
    note: line(4000).optional().describe('Anything else about the session'),
  })
  .strict()
  .superRefine((d, ctx) => {
    const v = d as { date?: unknown; topics?: unknown };
    notAhead(v.date, ctx);
    once(v.topics, 'topic', ctx, 'topics');
  }, { when: isObject })
  .describe('A lifestyle coaching session (a physiotherapist of the practice the patient is referred to)');
export type CoachingSessionInput = z.infer<typeof CoachingSessionInput>;

export const CoachingSessionView = z
  .object({
    id: z.uuid(),
    patientId: z.uuid(),
    date: isoDate,
    topics: z.array(z.object({ topic: z.enum(COACHING_TOPICS), discussed: z.string(), agreed: z.string().nullable() }).strict()).describe('In the order of the core\'s list'),
    note: z.string().nullable(),
    recordedBy: z.string().nullable(),
    recordedAt: z.string(),
  })
  .meta({ id: 'CoachingSession', description: 'A coaching session as it was recorded' });
export type CoachingSessionView = z.infer<typeof CoachingSessionView>;

export const DietitianLetterInput = z
  .object({
    reason: line(2000).describe('Why the patient is referred: what about food is the problem'),
    question: line(2000).optional().describe('What the practice asks the dietitian'),
    lang: z.enum(['nl', 'en']).describe('The language of the letter'),
  })
  .strict()
  .describe('A referral letter to a dietitian (a physiotherapist of the practice the patient is referred to)');
export type DietitianLetterInput = z.infer<typeof DietitianLetterInput>;
