// The education session's form: per topic two ticks (discussed, wants to know more), the day and a
// note; turned into the API's EducationInput. A topic with neither tick was not gone through.
import { z } from 'zod';
import { EDUCATION_TOPICS } from '../../core/therapy-intake/index.js';
import { isRecordDate } from '../../core/time/date.js';
import { todayNl } from '../../schema/clock.js';
import { text } from '../../schema/text.js';
import type { EducationInput } from '../../api/facade.js';
import { input, pageForm, typedDate } from '../forms.js';

const tick = () => input(z.literal('yes').optional());

export const educationForm = pageForm({
  schema: z
    .looseObject({
      ...Object.fromEntries(EDUCATION_TOPICS.flatMap((topic) => [[`discussed-${topic}`, tick()], [`more-${topic}`, tick()]])),
      date: typedDate(),
      note: input(text().trim().max(2000).optional(), { trim: true }),
    })
    .superRefine((v: Record<string, unknown>, ctx) => {
      const d = v.date;
      if (typeof d === 'string' && isRecordDate(d) && d > todayNl()) ctx.addIssue({ code: 'custom', path: ['date'], message: 'lies in the future', params: { code: 'date-in-future' } });
      const first = EDUCATION_TOPICS[0];
      if (!EDUCATION_TOPICS.some((topic) => v[`discussed-${topic}`] === 'yes' || v[`more-${topic}`] === 'yes')) {
        ctx.addIssue({ code: 'custom', path: [`discussed-${first}`], message: 'nothing ticked', params: { code: 'nothing-ticked' } });
      }
    }, { when: (payload) => typeof payload.value === 'object' && payload.value !== null }),
  labels: (t) => ({
    [`discussed-${EDUCATION_TOPICS[0]}`]: t.education.topicsTitle,
    date: t.education.date,
    note: t.education.note,
  }),
  messages: (t) => ({
    // The box is left empty when nothing is ticked: said as what to do, not as a missing field.
    [`discussed-${EDUCATION_TOPICS[0]}`]: { required: t.education.nothingTicked, custom: t.education.nothingTicked },
    date: { 'date-in-future': t.education.dateFuture },
  }),
});

export function educationInput(v: Record<string, unknown>): EducationInput {
  const topics = EDUCATION_TOPICS.filter((topic) => v[`discussed-${topic}`] === 'yes' || v[`more-${topic}`] === 'yes')
    .map((topic) => ({ topic, discussed: v[`discussed-${topic}`] === 'yes', moreWanted: v[`more-${topic}`] === 'yes' }));
  const note = v.note as string | undefined;
  return { date: v.date as string, topics, ...(note ? { note } : {}) };
}
