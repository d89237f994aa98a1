// The medication page's four forms, each a zod schema through the one form helper: a prescription
// (drug, start, route, the cautions weighed, the reason to prescribe a blocked drug anyway), a dose
// given, a stop (with the reason to stop without a follow-on), a planned follow-on. Field names are
// unique on the page, as the forms share it. The use case's refusal (the safety gate, the
// sequencing guardrail, a course's bounds) comes back at the field it is about, in words: the core's
// reason codes are read out with the core's own clinician words.
import { z } from 'zod';
import { DRUGS } from '../../core/case.schema.js';
import { REASON_WORDS, SAFETY_REASONS, type SafetyReason } from '../../core/medication/reasons.js';
import { SEQUENCE_REASONS, type SequenceReason } from '../../core/record/lists.js';
import { AppError } from '../../api/facade.js';
import { text } from '../../schema/text.js';
import type { Lang, Messages } from '../i18n/index.js';
import type { FieldErrors } from '../components/Form.js';
import { input, pageForm, typedDate } from '../forms.js';

export type Values = Record<string, string>;
export type MedicationFormName = 'prescribe' | 'dose' | 'stop' | 'plan';

const why = (max: number) => input(text().trim().min(1).max(max), { trim: true });
const maybe = (max: number) => input(text().trim().min(1).max(max).optional(), { trim: true });

export const PrescribeForm = pageForm({
  schema: z.looseObject({
    drug: input(z.enum(DRUGS)),
    start: typedDate(),
    route: input(z.enum(['oral', 'iv', 'sc']).optional()),
    acknowledgeCautions: input(z.literal('yes').optional()),
    overrideReason: maybe(500),
  }),
  labels: (t) => {
    const p = t.medicationPlan.prescribe;
    return { drug: p.drug, start: p.start, route: p.route, acknowledgeCautions: p.acknowledge, overrideReason: p.overrideReason };
  },
});

export const DoseForm = pageForm({
  schema: z.looseObject({
    medicationId: input(z.uuid()),
    doseDate: typedDate(),
    administeredBy: maybe(200),
    location: maybe(200),
    batch: maybe(100),
  }),
  labels: (t) => {
    const d = t.medicationPlan.dose;
    return { medicationId: d.course, doseDate: d.date, administeredBy: d.givenBy, location: d.place, batch: d.batch };
  },
});

export const StopForm = pageForm({
  schema: z.looseObject({ stopCourse: input(z.uuid()), end: typedDate(), stopReason: why(500), stopOverrideReason: maybe(500) }),
  labels: (t) => {
    const s = t.medicationPlan.stop;
    return { stopCourse: s.course, end: s.end, stopReason: s.reason, stopOverrideReason: s.overrideReason };
  },
});

export const PlanForm = pageForm({
  schema: z.looseObject({ planDrug: input(z.enum(DRUGS)), from: typedDate() }),
  labels: (t) => ({ planDrug: t.medicationPlan.plan.drug, from: t.medicationPlan.plan.from }),
});

const isSafety = (r: unknown): r is SafetyReason => (SAFETY_REASONS as readonly unknown[]).includes(r);
const isSequence = (r: unknown): r is SequenceReason => (SEQUENCE_REASONS as readonly unknown[]).includes(r);
const reasonsOf = (e: AppError): unknown[] => {
  const r = e.extra?.reasons;
  return Array.isArray(r) ? (r as unknown[]) : [];
};

/** The core's safety reasons in the clinician's words, in the reader's language. */
export function safetyWords(lang: Lang, reasons: readonly SafetyReason[]): string {
  return reasons.map((r) => (lang === 'nl' ? REASON_WORDS[r].clinicianNl : REASON_WORDS[r].clinicianEn)).join('; ');
}

/** The sequencing guardrails' why, in the reader's words. */
export function sequenceWords(t: Messages, reasons: readonly SequenceReason[]): string {
  return reasons.map((r) => t.medicationPlan.sequence[r]).join(' ');
}

/** A prescription's refusal at its field: a block at the override reason (or at the drug when no override lifts it), a caution at its box. */
export function prescribeRefusal(t: Messages, lang: Lang, e: unknown): FieldErrors | undefined {
  if (!(e instanceof AppError)) return undefined;
  const p = t.medicationPlan.prescribe;
  const reasons = reasonsOf(e).filter(isSafety);
  if (e.code === 'medication-blocked') {
    return e.extra?.overridable === false ? { drug: p.absolute(safetyWords(lang, reasons)) } : { overrideReason: p.blocked(safetyWords(lang, reasons)) };
  }
  if (e.code === 'medication-caution') return { acknowledgeCautions: p.caution(safetyWords(lang, reasons)) };
  if (e.code !== 'invalid-input' && e.code !== 'conflict') return undefined;
  const errors: FieldErrors = {};
  for (const x of e.errors) {
    if (x.pointer === '/start') errors.start = p.tooFar;
    else if (x.pointer === '/route') errors.route = /say which/.test(x.detail) ? p.route2 : p.routeWrong;
    else if (x.pointer === '/drug') errors.drug = p.running;
  }
  return Object.keys(errors).length > 0 ? errors : undefined;
}

/** A dose's refusal at its field: a date outside its course, a batch for a tablet, a course gone or at its lifetime limit. */
export function doseRefusal(t: Messages, e: unknown): FieldErrors | undefined {
  if (!(e instanceof AppError)) return undefined;
  const d = t.medicationPlan.dose;
  if (e.code === 'medication-blocked') return { medicationId: d.limit };
  const errors: FieldErrors = {};
  for (const x of e.errors) {
    if (x.pointer === '/date') errors.doseDate = /before the start/.test(x.detail) ? d.beforeStart : /after the end/.test(x.detail) ? d.afterEnd : d.future;
    else if (x.pointer === '/batch') errors.batch = d.tablet;
    else if (x.pointer === '/params/medicationId') errors.medicationId = d.gone;
  }
  return Object.keys(errors).length > 0 ? errors : undefined;
}

/** A stop's refusal at its field: the guardrail at the reason to stop anyway, with its why; an end outside the course at the end. */
export function stopRefusal(t: Messages, e: unknown): FieldErrors | undefined {
  if (!(e instanceof AppError)) return undefined;
  const s = t.medicationPlan.stop;
  if (e.code === 'medication-sequence') return { stopOverrideReason: s.refused(sequenceWords(t, reasonsOf(e).filter(isSequence))) };
  const errors: FieldErrors = {};
  for (const x of e.errors) {
    if (x.pointer === '/end') errors.end = /before the start/.test(x.detail) ? s.beforeStart : /last dose/.test(x.detail) ? s.beforeDose : s.tooFar;
    else if (x.pointer === '/params/medicationId') errors.stopCourse = e.code === 'conflict' && /stopped/.test(x.detail) ? s.already : t.medicationPlan.dose.gone;
  }
  return Object.keys(errors).length > 0 ? errors : undefined;
}

/** A plan's refusal at its date. */
export function planRefusal(t: Messages, e: unknown): FieldErrors | undefined {
  if (!(e instanceof AppError)) return undefined;
  const from = e.errors.find((x) => x.pointer === '/from');
  return from ? { from: /past/.test(from.detail) ? t.medicationPlan.plan.past : t.medicationPlan.plan.tooFar } : undefined;
}
