// The referral forms: the hospital's referral (a practice and a reason), a reason to decline or to
// end one, and the GP's letter the practice records itself. Each is a schema through the one form
// helper; a use case's refusal comes back at the field it names.
import { z } from 'zod';
import { text } from '../../schema/text.js';
import { BirthDate } from '../../schema/patient.schema.js';
import { LetterDate } from '../../schema/referral.schema.js';
import type { GpLetterInput } from '../../api/facade.js';
import { input, pageForm, typedDate } from '../forms.js';

const reason = () => input(text().trim().min(1).max(2000), { trim: true });
const name = () => input(text().trim().min(1).max(200), { trim: true });

export const ReferForm = pageForm({
  schema: z.looseObject({ organisationId: input(z.uuid()), reason: reason() }),
  labels: (t) => ({ organisationId: t.referralPages.patient.practice, reason: t.referralPages.patient.reason }),
  messages: (t) => ({ organisationId: { refused: t.referralPages.patient.practiceRefused, 'in-use': t.referralPages.patient.practiceTaken, '*': t.referralPages.patient.practiceRefused } }),
});

export const DeclineForm = pageForm({
  schema: z.looseObject({ reason: reason() }),
  labels: (t) => ({ reason: t.referralPages.decline.reason }),
});

export const EndForm = pageForm({
  schema: z.looseObject({ reason: reason() }),
  labels: (t) => ({ reason: t.referralPages.end.reason }),
});

export const GpLetterForm = pageForm({
  schema: z.looseObject({
    familyName: name(),
    givenName: name(),
    birthDate: typedDate(BirthDate),
    sex: input(z.enum(['female', 'male'])),
    gpName: name(),
    gpPractice: input(text().trim().min(1).max(200).optional(), { trim: true }),
    letterDate: typedDate(LetterDate),
    reason: reason(),
  }),
  labels: (t) => {
    const l = t.referralPages.letter;
    return { familyName: l.familyName, givenName: l.givenName, birthDate: l.birthDate, sex: l.sex, gpName: l.gpName, gpPractice: l.gpPractice, letterDate: l.letterDate, reason: l.reason };
  },
  messages: (t) => ({ letterDate: { 'date-in-future': t.referralPages.letter.letterInFuture } }),
});

/** The use case's input from the checked letter form. */
export function gpLetterInput(d: z.output<typeof GpLetterForm.schema>): GpLetterInput {
  return {
    patient: { familyName: d.familyName, givenName: d.givenName, birthDate: d.birthDate, sex: d.sex },
    gp: { name: d.gpName, ...(d.gpPractice !== undefined ? { practice: d.gpPractice } : {}) },
    letterDate: d.letterDate,
    reason: d.reason,
  };
}
