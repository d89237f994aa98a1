// The forms of a child's aids and fracture signals: checked by the same lists and bounds as the API
// (core/children/aids-signals.ts), each problem at its field, dates typed as dd-mm-jjjj.
import { z } from 'zod';
import { AID_KINDS, BODY_PARTS, SIGNAL_FRACTURE, SIGNAL_OBSERVATIONS, signalDateProblem } from '../../core/children/aids-signals.js';
import { isRecordDate } from '../../core/time/date.js';
import { todayNl } from '../../schema/clock.js';
import { text } from '../../schema/text.js';
import { input, pageForm, typedDate } from '../forms.js';

/** A height in cm, typed with a decimal comma or point. */
const height = input(z.preprocess((v) => (typeof v === 'string' ? Number(v.replace(',', '.')) : v), z.number().gt(0).max(260)).optional());
const notAhead = (field: string) => (v: Record<string, unknown>, ctx: z.RefinementCtx) => {
  const d = v[field];
  if (typeof d === 'string' && isRecordDate(d) && d > todayNl()) ctx.addIssue({ code: 'custom', path: [field], message: 'lies in the future', params: { code: 'date-in-future' } });
};
const whenObject = { when: (payload: { value: unknown }) => typeof payload.value === 'object' && payload.value !== null };

export const aidForm = pageForm({
  schema: z
    .looseObject({
      kind: input(z.enum(AID_KINDS)),
      description: input(text().trim().max(200).optional(), { trim: true }),
      lastCheck: typedDate(),
      heightCm: height,
    })
    .superRefine(notAhead('lastCheck'), whenObject),
  labels: (t) => ({ kind: t.childAids.kind, description: t.childAids.description, lastCheck: t.childAids.lastCheck, heightCm: t.childAids.heightCm }),
  messages: (t) => ({ lastCheck: { 'date-in-future': t.childAids.dateFuture }, heightCm: { too_big: t.childAids.heightRange, too_small: t.childAids.heightRange, '*': t.childAids.heightRange } }),
});

export const aidCheckForm = pageForm({
  schema: z
    .looseObject({
      date: typedDate(),
      adjusted: input(text().trim().min(1).max(500), { trim: true }),
      heightCm: height,
    })
    .superRefine(notAhead('date'), whenObject),
  labels: (t) => ({ date: t.childAids.checkDate, adjusted: t.childAids.adjusted, heightCm: t.childAids.heightCm }),
  messages: (t) => ({ date: { 'date-in-future': t.childAids.dateFuture }, heightCm: { too_big: t.childAids.heightRange, too_small: t.childAids.heightRange, '*': t.childAids.heightRange } }),
});

/** Ticked boxes arrive as one value or several; none ticked is an empty list. */
const ticked = z.preprocess((v): unknown[] => (v === undefined || v === '' ? [] : Array.isArray(v) ? (v as unknown[]) : [v]), z.array(z.enum(SIGNAL_OBSERVATIONS)).min(1).max(SIGNAL_OBSERVATIONS.length));

export const signalForm = pageForm({
  schema: z
    .looseObject({
      observed: ticked,
      bodyPart: input(z.enum(BODY_PARTS)),
      observedOn: typedDate(),
      note: input(text().trim().max(2000).optional(), { trim: true }),
    })
    .superRefine((v, ctx) => {
      const on = v.observedOn;
      const problem = typeof on === 'string' && isRecordDate(on) ? signalDateProblem(on, todayNl()) : undefined;
      if (problem === 'in-future') ctx.addIssue({ code: 'custom', path: ['observedOn'], message: 'lies in the future', params: { code: 'date-in-future' } });
      if (problem === 'too-long-ago') ctx.addIssue({ code: 'custom', path: ['observedOn'], message: 'lies too far back' });
    }, whenObject),
  labels: (t) => ({ observed: t.fractureSignals.observed, bodyPart: t.fractureSignals.bodyPart, observedOn: t.fractureSignals.observedOn, note: t.fractureSignals.note }),
  messages: (t) => ({
    observed: { '*': t.fractureSignals.observedNone, required: t.fractureSignals.observedNone },
    bodyPart: { '*': t.fractureSignals.bodyNone, required: t.fractureSignals.bodyNone },
    observedOn: { 'date-in-future': t.fractureSignals.dateFuture, custom: t.fractureSignals.dateOld },
  }),
});

const yesNo = input(z.enum(['yes', 'no']));

export const outcomeForm = pageForm({
  schema: z.looseObject({
    seen: yesNo,
    xray: yesNo,
    fracture: input(z.enum(SIGNAL_FRACTURE)),
    note: input(text().trim().max(2000).optional(), { trim: true }),
  }),
  labels: (t) => ({ seen: t.fractureSignals.seen, xray: t.fractureSignals.xray, fracture: t.fractureSignals.fracture, note: t.fractureSignals.outcomeNote }),
  messages: (t) => ({ fracture: { '*': t.fractureSignals.fractureRequired, required: t.fractureSignals.fractureRequired } }),
});
