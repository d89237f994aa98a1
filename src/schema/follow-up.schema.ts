// Follow-up at the edge: a contact with what was asked (and the new fractures it brought to light),
// the schedule and FLS timing as the core gives them, and the letters kept in the record.
import { z } from 'zod';
import { CONTACT_KINDS, FractureSite, text } from '../core/case.schema.js';
import { ADHERENCE, FRACTURE_SIDES, LETTER_KINDS } from '../core/record/lists.js';
import { isoDate } from '../core/time/date.js';
import { NextMeasurement } from './measure-due.schema.js';

export const NewFracture = z
  .object({
    date: isoDate.describe('The day of the fracture (ISO); not after the contact'),
    site: FractureSite.describe('Where, by the core\'s site codes'),
    side: z.enum(FRACTURE_SIDES).optional(),
  })
  .strict();

export const ContactInput = z
  .object({
    date: isoDate.describe('The day of the contact (ISO); not in the future'),
    kind: z.enum(CONTACT_KINDS).describe('Which planned contact this is'),
    adherence: z.enum(ADHERENCE).optional().describe('How the medicine is taken'),
    sideEffects: text(1, 2000).optional().describe('Side effects, in the patient\'s words'),
    newFractures: z.array(NewFracture).max(20).optional().describe('Fractures since the last contact: each is also recorded as a fracture, which the core reads'),
    fallsSince: z.int().min(0).max(100).optional().describe('Falls since the last contact'),
    note: text(1, 4000).optional(),
  })
  .strict()
  .meta({ id: 'ContactInput', description: 'A follow-up contact and what was asked (nurse, physician)' });
export type ContactInput = z.infer<typeof ContactInput>;

export const ContactView = z
  .object({
    id: z.uuid(),
    date: isoDate,
    kind: z.enum(CONTACT_KINDS),
    adherence: z.enum(ADHERENCE).nullable(),
    sideEffects: z.string().nullable(),
    newFractures: z.int(),
    fallsSince: z.int().nullable(),
    note: z.string().nullable(),
    recordedBy: z.string().nullable(),
    recordedAt: z.string(),
  })
  .meta({ id: 'ContactView', description: 'A contact as recorded' });
export type ContactView = z.infer<typeof ContactView>;

export const ContactRecorded = z
  .object({ contact: ContactView, fractureIds: z.array(z.uuid()).describe('The fracture entries recorded with it') })
  .meta({ id: 'ContactRecorded' });
export type ContactRecorded = z.infer<typeof ContactRecorded>;

export const FollowUpItemView = z.object({ kind: z.enum(['3-months', '1-year', 'yearly']), due: isoDate, status: z.enum(['planned', 'due', 'overdue', 'done']) });
export const FlsItemView = z.object({ kpi: z.string(), from: isoDate, by: isoDate, status: z.enum(['met', 'not-met', 'open', 'waived']), on: isoDate.optional() });

export const FollowUpView = z
  .object({
    treatmentStart: isoDate.nullable(),
    schedule: z.array(FollowUpItemView).describe('The core\'s follow-up.schedule: 3 months, 1 year, then yearly'),
    fls: z.object({ indexFracture: isoDate, items: z.array(FlsItemView) }).nullable().describe('The core\'s follow-up.fls-timing'),
    handover: z.object({ eligible: z.boolean(), reasons: z.array(z.string()) }).nullable().describe('The core\'s handover.gp'),
    specialist: z.array(z.string()).describe('The core\'s treatment.specialist reasons (a fracture on treatment among them)'),
    measurement: NextMeasurement.nullable().describe('The core\'s measure.due: the next exercise-therapy measurement (clinical-rules.md §13); null without exercise therapy'),
    contacts: z.array(ContactView),
  })
  .meta({ id: 'FollowUp', description: 'The follow-up of a patient: the core\'s schedule and timing, the contacts recorded' });
export type FollowUpView = z.infer<typeof FollowUpView>;

/** The letters written here on request; the printed agreements are written with the decision. */
export const WRITTEN_HERE = ['gp-handover', 'dentist-card'] as const satisfies readonly (typeof LETTER_KINDS)[number][];

export const LetterInput = z
  .object({
    kind: z.enum(WRITTEN_HERE).describe('gp-handover: the hand-over to the GP (Dutch); dentist-card: the card for the dentist'),
    lang: z.enum(['nl', 'en']).optional().describe('The language; the hand-over letter is Dutch only. Default: nl'),
  })
  .strict()
  .meta({ id: 'LetterInput', description: 'A letter to write and keep (nurse, physician)' });
export type LetterInput = z.infer<typeof LetterInput>;

export const LetterView = z
  .object({
    id: z.uuid(),
    kind: z.enum(LETTER_KINDS),
    lang: z.enum(['nl', 'en']),
    title: z.string(),
    writtenBy: z.string().nullable(),
    writtenAt: z.string(),
  })
  .meta({ id: 'LetterView', description: 'A letter kept as written; its PDF prints again from what it said' });
export type LetterView = z.infer<typeof LetterView>;
