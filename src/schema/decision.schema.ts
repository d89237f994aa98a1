// The shared decision at the edge: what is recorded (the option chosen, the drug that realises it,
// what matters to the patient, the agreements) and how a decision reads back, with the picture
// the patient and clinician looked at kept as it was shown.
import { z } from 'zod';
import { text } from '../core/case.schema.js';
import { DECISION_OPTIONS } from '../core/record/lists.js';
import { INDICATION_REASONS } from '../core/treatment/indication.js';
import { isoDate } from '../core/time/date.js';
import { Drug } from './medication.schema.js';

/** One agreement in the patient's own words or the clinician's: a few sentences. */
const agreement = text(1, 2000);

export const AGREEMENT_TOPICS = ['medication', 'exercise', 'nutrition', 'followUp', 'sideEffects'] as const;
export type AgreementTopic = (typeof AGREEMENT_TOPICS)[number];

export const Agreements = z
  .object({
    medication: agreement.optional().describe('What was agreed about medicine: which, how, from when, or none'),
    exercise: agreement.optional().describe('Exercise and balance: what, how often, with whom'),
    nutrition: agreement.optional().describe('Calcium, vitamin D, protein'),
    followUp: agreement.optional().describe('The follow-up contacts: when, with whom'),
    sideEffects: agreement.optional().describe('What to do on side effects: whom to call'),
  })
  .strict()
  .meta({ id: 'Agreements', description: 'The agreements made with the patient, each optional' });
export type Agreements = z.infer<typeof Agreements>;

export const DecisionInput = z
  .object({
    date: isoDate.describe('The day the decision was made (ISO); today or earlier, within the last year'),
    option: z.enum(DECISION_OPTIONS).describe('The option chosen; `lifestyle-only` is choosing no medicine, a decision too'),
    drug: Drug.optional().describe('The drug that realises the option (a medicine option only); refused when a safety check blocks it for a reason no override lifts'),
    whatMatters: text(1, 4000).optional().describe('What matters most to the patient in this choice'),
    agreements: Agreements,
  })
  .strict()
  .meta({ id: 'DecisionInput', description: 'A shared treatment decision made with the patient (nurse, physician)' });
export type DecisionInput = z.infer<typeof DecisionInput>;

const People = z.object({ percent: z.number(), people: z.int().min(0).max(100), belowOne: z.boolean() }).strict();

export const DecisionPicture = z
  .object({
    asOf: isoDate,
    indicationReasons: z.array(z.enum(INDICATION_REASONS)),
    bmd: z.object({ category: z.string(), scoreType: z.enum(['T', 'Z']), score: z.number(), date: isoDate }).strict().nullable(),
    fractures: z.array(z.object({ site: z.string(), date: isoDate, lowEnergy: z.boolean() }).strict()),
    frax: z.object({ date: isoDate, withBmd: z.boolean(), major: People, hip: People }).strict().nullable()
      .describe('The FRAX risks as the clinician entered them from the official tool; Botpad never computes FRAX'),
  })
  .meta({ id: 'DecisionPicture', description: 'The patient\'s own picture as it was shown when deciding' });
export type DecisionPicture = z.infer<typeof DecisionPicture>;

export const DecisionView = z
  .object({
    id: z.uuid(),
    date: isoDate,
    option: z.enum(DECISION_OPTIONS),
    drug: Drug.nullable(),
    whatMatters: z.string().nullable(),
    agreements: Agreements,
    picture: DecisionPicture,
    madeBy: z.string().nullable(),
    madeAt: z.string(),
  })
  .meta({ id: 'DecisionView', description: 'A shared decision as it was recorded' });
export type DecisionView = z.infer<typeof DecisionView>;
