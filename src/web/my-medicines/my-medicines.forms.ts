// The one form of "My medicines": which course, taken or missed, and the day (typed dd-mm-jjjj,
// today filled in). The use case's refusal (a day in the future, before the start, after the end,
// a dose already noted that day) comes back at the field, in the reader's words.
import { z } from 'zod';
import { AppError } from '../../api/facade.js';
import type { Messages } from '../i18n/index.js';
import type { FieldErrors } from '../components/Form.js';
import { input, pageForm, typedDate } from '../forms.js';
import { calendarDate } from '../time-format.js';
import type { Lang } from '../i18n/index.js';

export const DoseMarkForm = pageForm({
  schema: z.looseObject({
    medicationId: input(z.uuid()),
    status: input(z.enum(['taken', 'missed'])),
    date: typedDate(),
  }),
  labels: (t) => ({ medicationId: t.myMedicines.title, status: t.myMedicines.form.status, date: t.myMedicines.form.date }),
  messages: (t) => ({ status: { '*': t.myMedicines.errors.status, required: t.myMedicines.errors.status } }),
});

/** The use case's refusal at its field, or undefined when it is not about the form. */
export function doseMarkRefusal(t: Messages, lang: Lang, e: unknown): FieldErrors | undefined {
  if (!(e instanceof AppError)) return undefined;
  const w = t.myMedicines.errors;
  const errors: FieldErrors = {};
  for (const x of e.errors) {
    const day = /\((\d{4}-\d{2}-\d{2})\)/.exec(x.detail)?.[1];
    if (x.pointer === '/date') {
      errors.date = e.code === 'conflict' ? w.doseThatDay
        : /future/.test(x.detail) ? w.future
          : /before the start/.test(x.detail) && day ? w.beforeStart(calendarDate(lang, day))
            : /after the end/.test(x.detail) && day ? w.afterEnd(calendarDate(lang, day)) : w.future;
    } else if (x.pointer === '/params/medicationId') errors.medicationId = w.gone;
  }
  return Object.keys(errors).length > 0 ? errors : undefined;
}
