// The forms of the home safety check, the coaching session and the letter to a dietitian: one zod
// schema each, with the same bounds as the API (schema/coaching.schema.ts), every problem at its
// field. A check has one finding and a note per item of the core's list; a session a "discussed"
// and an "agreed" per topic, of which at least one is filled in.
import { z } from 'zod';
import { COACHING_TOPICS, HOME_CHECK_FINDINGS, HOME_CHECK_ITEMS, type CoachingTopic, type HomeCheckItem } from '../../core/coaching/lists.js';
import { isRecordDate } from '../../core/time/date.js';
import type { CoachingSessionInput, DietitianLetterInput, HomeCheckInput } from '../../schema/coaching.schema.js';
import { todayNl } from '../../schema/clock.js';
import { text } from '../../schema/text.js';
import { input, pageForm, typedDate } from '../forms.js';

export const findingField = (i: HomeCheckItem) => `finding-${i}`;
export const noteField = (i: HomeCheckItem) => `note-${i}`;
export const discussedField = (x: CoachingTopic) => `discussed-${x}`;
export const agreedField = (x: CoachingTopic) => `agreed-${x}`;

const optionalText = (max: number) => input(text().trim().max(max).optional(), { trim: true });
const isObject = (payload: { value: unknown }) => typeof payload.value === 'object' && payload.value !== null;

function notAhead(v: Record<string, unknown>, ctx: z.RefinementCtx): void {
  const d = v.date;
  if (typeof d === 'string' && isRecordDate(d) && d > todayNl()) ctx.addIssue({ code: 'custom', path: ['date'], message: 'lies in the future', params: { code: 'date-in-future' } });
}

const stringOf = (v: Record<string, unknown>, k: string): string | undefined => (typeof v[k] === 'string' ? (v[k] as string) : undefined);

export const HomeCheckForm = pageForm({
  schema: z
    .looseObject({
      date: typedDate(),
      ...Object.fromEntries(HOME_CHECK_ITEMS.flatMap((i) => [[findingField(i), input(z.enum(HOME_CHECK_FINDINGS))], [noteField(i), optionalText(2000)]])),
      agreed: optionalText(4000),
    })
    .superRefine((v, ctx) => notAhead(v, ctx), { when: isObject }),
  labels: (t) => ({
    date: t.homeCheck.date,
    ...Object.fromEntries(HOME_CHECK_ITEMS.flatMap((i) => [[findingField(i), t.homeCheck.items[i]], [noteField(i), `${t.homeCheck.items[i]}: ${t.homeCheck.note}`]])),
    agreed: t.homeCheck.agreed,
  }),
  messages: (t) => ({
    date: { 'date-in-future': t.homeCheck.dateFuture },
    ...Object.fromEntries(HOME_CHECK_ITEMS.map((i) => [findingField(i), { required: t.homeCheck.findingRequired(t.homeCheck.items[i]), '*': t.homeCheck.findingRequired(t.homeCheck.items[i]) }])),
  }),
});

/** The use case's input from the checked form. */
export function homeCheckInput(d: Record<string, unknown>): HomeCheckInput {
  const agreed = stringOf(d, 'agreed');
  return {
    date: d.date as string,
    items: HOME_CHECK_ITEMS.map((item) => {
      const note = stringOf(d, noteField(item));
      return { item, finding: d[findingField(item)] as HomeCheckInput['items'][number]['finding'], ...(note !== undefined ? { note } : {}) };
    }),
    ...(agreed !== undefined ? { agreed } : {}),
  };
}

export const CoachingForm = pageForm({
  schema: z
    .looseObject({
      date: typedDate(),
      ...Object.fromEntries(COACHING_TOPICS.flatMap((x) => [[discussedField(x), optionalText(2000)], [agreedField(x), optionalText(2000)]])),
      note: optionalText(4000),
    })
    .superRefine((v, ctx) => {
      notAhead(v, ctx);
      const filled = (k: string) => typeof v[k] === 'string' && (v[k] as string).trim() !== '';
      if (!COACHING_TOPICS.some((x) => filled(discussedField(x)))) ctx.addIssue({ code: 'custom', path: [discussedField(COACHING_TOPICS[0])], message: 'no topic discussed' });
      for (const x of COACHING_TOPICS) {
        if (filled(agreedField(x)) && !filled(discussedField(x))) ctx.addIssue({ code: 'custom', path: [agreedField(x)], message: 'agreed without what was discussed' });
      }
    }, { when: isObject }),
  labels: (t) => ({
    date: t.coaching.date,
    ...Object.fromEntries(COACHING_TOPICS.flatMap((x) => [[discussedField(x), `${t.coaching.topics[x]}: ${t.coaching.discussed}`], [agreedField(x), `${t.coaching.topics[x]}: ${t.coaching.agreed}`]])),
    note: t.coaching.note,
  }),
  messages: (t) => ({
    date: { 'date-in-future': t.coaching.dateFuture },
    [discussedField(COACHING_TOPICS[0])]: { custom: t.coaching.noTopic, required: t.coaching.noTopic },
    ...Object.fromEntries(COACHING_TOPICS.map((x) => [agreedField(x), { custom: t.coaching.agreedWithout(t.coaching.topics[x]) }])),
  }),
});

/** The use case's input from the checked form: the topics filled in, in the core's order. */
export function coachingInput(d: Record<string, unknown>): CoachingSessionInput {
  const note = stringOf(d, 'note');
  return {
    date: d.date as string,
    topics: COACHING_TOPICS.flatMap((topic) => {
      const discussed = stringOf(d, discussedField(topic));
      const agreed = stringOf(d, agreedField(topic));
      return discussed === undefined ? [] : [{ topic, discussed, ...(agreed !== undefined ? { agreed } : {}) }];
    }),
    ...(note !== undefined ? { note } : {}),
  };
}

export const DietitianForm = pageForm({
  schema: z.looseObject({
    reason: input(text().trim().min(1).max(2000), { trim: true }),
    question: optionalText(2000),
    lang: input(z.enum(['nl', 'en'])),
  }),
  labels: (t) => ({ reason: t.coaching.reason, question: t.coaching.question, lang: t.coaching.lang }),
});

export function dietitianInput(d: Record<string, unknown>): DietitianLetterInput {
  const question = stringOf(d, 'question');
  return { reason: d.reason as string, lang: d.lang as 'nl' | 'en', ...(question !== undefined ? { question } : {}) };
}
