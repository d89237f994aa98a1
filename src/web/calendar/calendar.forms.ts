// The reminder choices form: a time of day (05:00–23:59, as the feed can keep it across summer
// time) and whether the medicine may be named. Checked by one schema through forms.ts.
import { z } from 'zod';
import { isReminderTime } from '../../core/calendar/index.js';
import { input, pageForm } from '../forms.js';

export const ChoicesForm = pageForm({
  schema: z.looseObject({
    remindAt: input(z.string().refine(isReminderTime), { trim: true }),
    nameMedicine: input(z.literal('yes').optional()),
  }),
  labels: (t) => ({ remindAt: t.calendarFeed.remindAt, nameMedicine: t.calendarFeed.nameMedicine }),
  messages: (t) => ({ remindAt: { '*': t.calendarFeed.remindBad } }),
});
