// The diary's form: a day typed as dd-mm-jjjj, what was done, minutes, how it went, pain 0–10 and
// a note. Checked by the same bounds as the API (core/diary/diary.ts), each problem at its field.
import { z } from 'zod';
import { DIARY_MAX_MINUTES, PAIN_MAX } from '../../core/diary/diary.js';
import { DIARY_FEELINGS } from '../../core/record/lists.js';
import { isRecordDate } from '../../core/time/date.js';
import { todayNl } from '../../schema/clock.js';
import { text } from '../../schema/text.js';
import { input, pageForm, typedDate } from '../forms.js';

const whole = (max: number) => z.coerce.number().int().min(0).max(max);

export const diaryForm = pageForm({
  schema: z
    .looseObject({
      date: typedDate(),
      activity: input(text().trim().min(1).max(200), { trim: true }),
      minutes: input(whole(DIARY_MAX_MINUTES)),
      feeling: input(z.enum(DIARY_FEELINGS)),
      pain: input(whole(PAIN_MAX)),
      note: input(text().trim().max(2000).optional(), { trim: true }),
    })
    .superRefine((v, ctx) => {
      const d = v.date as unknown;
      if (typeof d === 'string' && isRecordDate(d) && d > todayNl()) ctx.addIssue({ code: 'custom', path: ['date'], message: 'lies in the future', params: { code: 'date-in-future' } });
    }, { when: (payload) => typeof payload.value === 'object' && payload.value !== null }),
  labels: (t) => ({ date: t.diary.date, activity: t.diary.activity, minutes: t.diary.minutes, feeling: t.diary.feeling, pain: t.diary.pain, note: t.diary.note }),
  messages: (t) => ({
    date: { 'date-in-future': t.diary.dateFuture },
    minutes: { too_big: t.diary.minutesRange, '*': t.diary.minutesRange },
    pain: { too_big: t.diary.painRange, '*': t.diary.painRange },
  }),
});
