// The medication plan at the edge: a prescription with its safety gate, a dose, a stop or switch,
// a planned follow-on, and the views of a course. Field names are the contract and the
// Case's (`drug`, `start`, `route`, `end`, `from`), verbatim.
import { z } from 'zod';
import { DRUGS, text } from '../core/case.schema.js';
import { SAFETY_REASONS } from '../core/medication/reasons.js';
import { MISSED_DOSE_ADVICE } from '../core/medication/patient-guide.js';
import { SEQUENCE_REASONS } from '../core/record/lists.js';
import { isoDate } from '../core/time/date.js';

export const Drug = z.enum(DRUGS).describe('The drug, by its code in the core\'s catalogue');
export const Route = z.enum(['oral', 'iv', 'sc']).describe('oral tablet, iv infusion, sc injection; only ibandronic acid needs it (it has two)');
const why = text(1, 500);

export const PrescriptionInput = z
  .object({
    drug: Drug,
    start: isoDate.describe('The first day (ISO); up to 12 months ahead. The safety checks run as of the later of today and this day'),
    route: Route.optional(),
    acknowledgeCautions: z.boolean().optional().describe('The cautions the checks give were seen and weighed (required when there are any)'),
    override: z.object({ reason: why.describe('Why the drug is prescribed despite the blocking reasons: kept with the prescription, with who gave it') }).strict().optional()
      .describe('Prescribe despite blocking reasons; never lifts `pregnancy` or `lifetime-limit-reached`'),
  })
  .strict()
  .meta({ id: 'PrescriptionInput', description: 'A new course of an osteoporosis drug (physicians)' });
export type PrescriptionInput = z.infer<typeof PrescriptionInput>;

export const DoseInput = z
  .object({
    date: isoDate.describe('The day the dose was given (ISO); not in the future'),
    administeredBy: text(1, 200).optional().describe('Who gave it'),
    location: text(1, 200).optional().describe('Where: the day-care ward, the outpatient clinic, at home'),
    batch: text(1, 100).optional().describe('The batch number of an injection or infusion (not for tablets)'),
  })
  .strict()
  .meta({ id: 'DoseInput', description: 'One dose or infusion given' });
export type DoseInput = z.infer<typeof DoseInput>;

export const MedicationStop = z
  .object({
    end: isoDate.describe('The last day (ISO): not before the start or the last dose, up to 12 months ahead'),
    reason: why.describe('Why it stops or is switched'),
    override: z.object({ reason: why }).strict().optional()
      .describe('Stop although the follow-on is not in place (denosumab, an anabolic): the core\'s alert stays until it is'),
  })
  .strict()
  .meta({ id: 'MedicationStop', description: 'Stopping (or, with a new prescription, switching) a course (physicians)' });
export type MedicationStop = z.infer<typeof MedicationStop>;

export const PlannedMedicationInput = z
  .object({ drug: Drug, from: isoDate.describe('From when (ISO); today or later') })
  .strict()
  .meta({ id: 'PlannedMedicationInput', description: 'A planned follow-on (physicians)' });
export type PlannedMedicationInput = z.infer<typeof PlannedMedicationInput>;

export const SafetyReason = z.enum(SAFETY_REASONS);
export const Gate = z
  .object({
    drug: Drug,
    checkedOn: isoDate,
    status: z.enum(['allowed', 'caution', 'blocked']),
    reasons: z.array(SafetyReason),
    blocking: z.array(SafetyReason),
    cautions: z.array(SafetyReason),
    absolute: z.array(SafetyReason).describe('Blocking reasons no override lifts'),
  })
  .meta({ id: 'SafetyGate', description: 'The core\'s safety checks for one drug (clinical-rules.md §7)' });

export const DoseView = z
  .object({
    id: z.uuid(),
    date: isoDate,
    administeredBy: z.string().nullable(),
    location: z.string().nullable(),
    batch: z.string().nullable(),
    recordedBy: z.string().nullable(),
    recordedAt: z.string(),
  })
  .meta({ id: 'DoseView' });

export const MedicationView = z
  .object({
    id: z.uuid(),
    drug: Drug,
    atc: z.string(),
    route: Route.nullable(),
    start: isoDate,
    end: isoDate.nullable(),
    stopReason: z.string().nullable(),
    status: z.enum(['prescribed', 'current', 'stopped']).describe('prescribed: starts later; current: runs on today; stopped: ended before today'),
    regimen: z.object({ dose: z.string(), interval: z.string(), route: Route, instructions: z.array(z.string()) }).nullable()
      .describe('The core\'s regimen and intake instructions (codes)'),
    acknowledgedCautions: z.array(SafetyReason),
    override: z.object({ reason: z.string(), reasons: z.array(SafetyReason) }).nullable(),
    stopOverride: z.object({ reason: z.string(), reasons: z.array(z.enum(SEQUENCE_REASONS)) }).nullable(),
    prescribedBy: z.string().nullable(),
    prescribedAt: z.string(),
    version: z.number().int(),
    doses: z.array(DoseView),
  })
  .meta({ id: 'MedicationView', description: 'One course with its doses' });
export type MedicationView = z.infer<typeof MedicationView>;

export const PlannedMedicationView = z
  .object({ id: z.uuid(), drug: Drug, from: isoDate, recordedBy: z.string().nullable(), recordedAt: z.string(), safety: Gate })
  .meta({ id: 'PlannedMedicationView', description: 'A planned follow-on, with the safety checks as they stand for its start' });
export type PlannedMedicationView = z.infer<typeof PlannedMedicationView>;

export const DoseConfirmationInput = z
  .object({
    date: isoDate.describe('The day the dose was due or taken (ISO): not in the future, not before the course\'s start, not after its end'),
    status: z.enum(['taken', 'missed']).describe('`taken` counts as a dose in the Case (source `patient`); `missed` is kept apart and never counts'),
  })
  .strict()
  .meta({ id: 'DoseConfirmationInput', description: 'A dose the patient (or a caregiver) marks as taken or missed' });
export type DoseConfirmationInput = z.infer<typeof DoseConfirmationInput>;

export const DoseConfirmationView = z
  .object({
    id: z.uuid().describe('The entry that holds the mark (an existing dose of that day when one was recorded already)'),
    medicationId: z.uuid(),
    drug: Drug,
    date: isoDate,
    status: z.enum(['taken', 'missed']),
    counted: z.boolean().describe('Whether it counts as a dose in the Case'),
    added: z.boolean().describe('False when the same mark (or a dose of that day) was in the record already'),
    nextDose: isoDate.nullable().describe('The core\'s next dose of this course after the mark'),
    missedAdvice: z.enum(MISSED_DOSE_ADVICE).describe('What to do after a missed dose of this medicine (the core\'s code)'),
  })
  .meta({ id: 'DoseConfirmationView' });
export type DoseConfirmationView = z.infer<typeof DoseConfirmationView>;
