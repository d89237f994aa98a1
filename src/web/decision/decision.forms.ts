// The decision form: the day of the talk, the option chosen, the drug that realises it, what
// matters to the patient and the five agreements. The use case checks what fits together (the
// option applies, the drug belongs to it and no absolute block stands); its refusal comes back to
// the field it names.
import { z } from 'zod';
import { DRUGS } from '../../core/case.schema.js';
import { DECISION_OPTIONS } from '../../core/record/lists.js';
import { AGREEMENT_TOPICS, type AgreementTopic, type DecisionInput } from '../../schema/decision.schema.js';
import { text } from '../../schema/text.js';
import { input, pageForm, typedDate } from '../forms.js';

/** The form field of each agreement. */
export const agreementField = (t: AgreementTopic) => `agreement-${t}`;

const agreement = () => input(text().trim().min(1).max(2000).optional(), { trim: true });

export const DecisionForm = pageForm({
  schema: z.looseObject({
    date: typedDate(),
    option: input(z.enum(DECISION_OPTIONS)),
    drug: input(z.enum(DRUGS).optional()),
    whatMatters: input(text().trim().min(1).max(4000).optional(), { trim: true }),
    'agreement-medication': agreement(),
    'agreement-exercise': agreement(),
    'agreement-nutrition': agreement(),
    'agreement-followUp': agreement(),
    'agreement-sideEffects': agreement(),
  }),
  labels: (t) => ({
    date: t.decision.date,
    option: t.decision.option,
    drug: t.decision.drug,
    whatMatters: t.decision.whatMatters,
    ...Object.fromEntries(AGREEMENT_TOPICS.map((a) => [agreementField(a), t.decision.agreements[a] ?? a])),
  }),
  messages: (t) => ({ drug: { refused: t.decision.refusedDrug }, option: { refused: t.decision.refusedOption } }),
});

export type DecisionFormData = z.output<typeof DecisionForm.schema>;

/** The use case's input from the checked form. */
export function decisionInput(d: DecisionFormData): DecisionInput {
  const agreements: DecisionInput['agreements'] = {};
  for (const a of AGREEMENT_TOPICS) {
    const v = d[agreementField(a) as `agreement-${AgreementTopic}`];
    if (typeof v === 'string') agreements[a] = v;
  }
  return {
    date: d.date,
    option: d.option,
    ...(d.drug !== undefined ? { drug: d.drug } : {}),
    ...(d.whatMatters !== undefined ? { whatMatters: d.whatMatters } : {}),
    agreements,
  };
}
