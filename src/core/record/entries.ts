// One schema per kind of record entry: what a form, the API or an import may store as a fact.
// The values are checked by the same bounds as the Case (case.schema.ts), so a value the core
// would refuse is refused when it is recorded, at its field, and never stored.
import { z } from 'zod';
import {
  CalciumItem, Child, CONTACT_KINDS, DRUGS, DxaMeasurement, FractureSite, LabTest, Person, positiveTo, range, RiskFactors,
  Safety, text, Vfa, wholeRange, Falls, Measurement,
} from '../case.schema.js';
import { acceptedUnits, unitFactor } from '../laboratory/units.js';
import { SAFETY_REASONS } from '../medication/reasons.js';
import { addMonths, compareDates, isoDate } from '../time/date.js';
import { STEPS_MAX_DAYS, STEPS_MAX_PER_DAY } from '../measures/steps-csv.js';
import { ADHERENCE, FRACTURE_SIDES, GOAL_STATUSES, SEQUENCE_REASONS, WORKUP_WAIVED_REASONS, type EntryKind, type EntrySource } from './lists.js';

const flag = z.boolean().optional();
const drug = z.enum(DRUGS);

/** At least one field: an entry that states nothing is refused rather than stored empty. */
const notEmpty = <T extends z.ZodObject>(s: T) =>
  s.refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'state at least one fact' });

/** No two items of a list for the same key (one scan per site, one grade per vertebra). */
function uniqueBy<T>(key: (x: T) => string, what: string) {
  return (list: readonly T[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    list.forEach((x, i) => {
      const k = key(x);
      if (seen.has(k)) ctx.addIssue({ code: 'custom', path: [i], message: `${what} ${k} is given twice` });
      seen.add(k);
    });
  };
}

const DxaSite = DxaMeasurement.omit({ date: true });
const LabValue = z
  .object({ test: LabTest, value: z.number(), unit: text(1, 40), refLow: z.number().optional(), refHigh: z.number().optional() })
  .strict()
  .superRefine((r, ctx) => {
    if (unitFactor(r.test, r.unit) === undefined) {
      ctx.addIssue({ code: 'custom', path: ['unit'], message: `unknown unit "${r.unit}" for ${r.test}; accepted: ${acceptedUnits(r.test).join(', ')}` });
    }
    if (r.refLow !== undefined && r.refHigh !== undefined && r.refLow > r.refHigh) {
      ctx.addIssue({ code: 'custom', path: ['refHigh'], message: 'the upper reference limit is below the lower one' });
    }
  });

/** One day of the activity meter. */
const StepsDay = z.object({ date: isoDate, steps: wholeRange(0, STEPS_MAX_PER_DAY) }).strict();
/** Whether a goal of the intake still fits, at a measurement. */
const GoalCheck = z
  .object({
    goal: text(1, 500).describe('The goal as the intake worded it'),
    status: z.enum(GOAL_STATUSES).describe('kept: it still fits; changed: reworded (changedTo); reached'),
    changedTo: text(1, 500).optional().describe('The new wording; only with status changed'),
  })
  .strict();
/**
 * What a measurement keeps beside the Case's raw items (clinical-rules.md §13): the Short FES-I
 * answers, the activity meter's days, whether each goal still fits, a note. The API's schema takes
 * the same fields.
 */
export const MEASUREMENT_EXTRAS = {
  fesI: z.array(wholeRange(1, 4)).length(7, 'must have the 7 answers').optional().describe('The Short FES-I answers, 1–4 each, in the published order'),
  steps: z.array(StepsDay).min(1).max(STEPS_MAX_DAYS).optional()
    .describe(`The activity meter's days (at most ${String(STEPS_MAX_DAYS)}); without stepsPerDay, stepsPerDay is their mean, rounded`),
  goals: z.array(GoalCheck).min(1).max(5).optional().describe('Whether each goal of the intake still fits'),
  note: text(1, 4000).optional(),
};

/** The data of each kind of entry. The clinical date is the entry's own `date`, never inside `data`. */
export const ENTRY_DATA = {
  weight: z.object({ kg: positiveTo(400) }).strict(),
  height: z.object({ cm: positiveTo(260) }).strict(),
  menopause: Person.shape.menopause.unwrap(),
  fracture: z
    .object({
      site: FractureSite,
      side: z.enum(FRACTURE_SIDES).optional(),
      highEnergy: flag,
      pathological: flag,
      department: text(1, 100).optional(),
    })
    .strict(),
  'risk-factors': notEmpty(RiskFactors.omit({ glucocorticoids: true })),
  /** A course of glucocorticoids from the entry's date; `end` absent while it goes on. */
  'glucocorticoid-course': z.object({ mgPerDay: range(0, 1000), end: isoDate.optional() }).strict(),
  /** One fall, on the entry's date. */
  fall: z.object({ injured: flag, unableToGetUp: flag, lostConsciousness: flag }).strict(),
  'falls-screen': notEmpty(Falls.omit({ injuredByFall: true, unableToGetUp: true, lostConsciousness: true })),
  /** One DXA scan: up to three sites, each once. */
  dxa: z.object({ sites: z.array(DxaSite).min(1).max(3).superRefine(uniqueBy((s) => s.site, 'site')) }).strict(),
  /** One VFA: each vertebra once. */
  vfa: z.object({ vertebrae: Vfa.shape.vertebrae.min(1).superRefine(uniqueBy((v) => v.level, 'level')) }).strict(),
  /** One blood (or urine) draw: its results, each test once. */
  labs: z.object({ results: z.array(LabValue).min(1).max(40).superRefine(uniqueBy((r) => r.test, 'test')) }).strict(),
  'fes-i': z.object({ answers: z.array(wholeRange(1, 4)).length(7) }).strict(),
  calcium: z.object({ servings: z.partialRecord(CalciumItem, range(0, 50)) }).strict(),
  /**
   * A medication from the entry's date (which may lie ahead: prescribed to start later); `end` when
   * it stopped, and why. The safety checks' outcome at prescribing is kept with it: the cautions
   * acknowledged and a blocking reason overridden (who: the entry's author), and at a stop the
   * sequencing guardrail overridden.
   */
  medication: z
    .object({
      drug,
      route: z.enum(['oral', 'iv', 'sc']).optional(),
      end: isoDate.optional(),
      stopReason: text(1, 500).optional(),
      acknowledgedCautions: z.array(z.enum(SAFETY_REASONS)).min(1).max(20).optional(),
      override: z.object({ reason: text(1, 500), reasons: z.array(z.enum(SAFETY_REASONS)).min(1).max(20) }).strict().optional(),
      stopOverride: z.object({ reason: text(1, 500), reasons: z.array(z.enum(SEQUENCE_REASONS)).min(1).max(5) }).strict().optional(),
    })
    .strict(),
  /** One dose given, on the entry's date: which course it belongs to, who gave it where, the batch of an injection or infusion. */
  'medication-dose': z
    .object({
      drug,
      medicationId: z.uuid().optional(),
      administeredBy: text(1, 200).optional(),
      location: text(1, 200).optional(),
      batch: text(1, 100).optional(),
    })
    .strict(),
  'planned-medication': z.object({ drug, from: isoDate }).strict(),
  /**
   * A follow-up contact that took place on the entry's date, with what was asked since the last
   * one: how the medicine is taken, side effects, new fractures, falls. A new fracture is also
   * recorded as a fracture entry of its own, which the core reads.
   */
  contact: z
    .object({
      kind: z.enum(CONTACT_KINDS),
      adherence: z.enum(ADHERENCE).optional(),
      sideEffects: text(1, 2000).optional(),
      newFractures: wholeRange(0, 20).optional(),
      fallsSince: wholeRange(0, 100).optional(),
      note: text(1, 4000).optional(),
    })
    .strict(),
  /** FRAX as entered from the official tool on the entry's date; Botpad never computes it. */
  frax: z.object({ majorPercent: range(0, 100), hipPercent: range(0, 100), withBmd: z.boolean() }).strict(),
  'workup-waived': z.object({ reason: z.enum(WORKUP_WAIVED_REASONS), by: text(1, 200) }).strict(),
  safety: notEmpty(Safety.omit({ dentalCheckDone: true })),
  /** A dental check done on the entry's date. */
  'dental-check': z.object({}).strict(),
  child: Child.omit({ lastAidsCheck: true, heightCmAtLastAidsCheck: true }),
  /**
   * A check of a child's aids on the entry's date, with the height measured then; `aid` names the
   * aid checked (its id in the child's list of aids), `adjusted` what was changed.
   */
  'aids-check': z.object({ heightCm: positiveTo(260).optional(), aid: z.uuid().optional(), adjusted: text(1, 500).optional() }).strict(),
  note: z.object({ text: text(1, 10000) }).strict(),
  /**
   * A dose the patient (or a caregiver) says was not taken, on the day it was due: kept apart from
   * `medication-dose` so nothing that counts doses can count it; the core does not read it.
   */
  'missed-dose': z.object({ drug, medicationId: z.uuid() }).strict(),
  /**
   * One exercise-therapy measurement on the entry's date (clinical-rules.md §13): the raw items the
   * core scores, plus what the record keeps beside them: the Short FES-I answers (they also count as
   * the most recent Short FES-I), the activity meter's days behind `stepsPerDay`, whether each goal
   * still fits, and a note.
   */
  'exercise-measurement': notEmpty(Measurement.omit({ date: true }).extend({
    ...MEASUREMENT_EXTRAS,
    steps: MEASUREMENT_EXTRAS.steps.unwrap().superRefine(uniqueBy((d) => d.date, 'day')).optional(),
  }).strict()),
  /** Supervised exercise therapy from the entry's date; `end` once the supervised sessions stop (measuring goes on). */
  'exercise-therapy': z.object({ end: isoDate.optional() }).strict(),
} as const satisfies Record<EntryKind, z.ZodType>;

export type EntryData = { [K in EntryKind]: z.infer<(typeof ENTRY_DATA)[K]> };

/**
 * A fact as the projection reads it: its kind, its clinical date and its data, and who gave it
 * (absent: the clinic, as for every entry before the patient side wrote any).
 */
export type RecordEntry = { [K in EntryKind]: { kind: K; date: string; data: EntryData[K]; source?: EntrySource } }[EntryKind];

/** Dates inside an entry that may not lie before the entry's own date. */
const AFTER_ENTRY_DATE: Partial<Record<EntryKind, string>> = { 'glucocorticoid-course': 'end', medication: 'end', 'exercise-therapy': 'end' };

/** Botpad policy: a medication may be prescribed to start up to a year ahead (after a repair, a dental treatment). */
export const PRESCRIBE_AHEAD_MONTHS = 12;

/**
 * Checks an entry as recorded: its kind, its clinical date (not after `asOf`, the day it is
 * recorded: a fact has happened) and its data. Issues carry paths from the entry (`/date`,
 * `/data/sites/0/tScore`).
 */
export function entrySchema(asOf: string) {
  return z
    .object({ kind: z.enum(Object.keys(ENTRY_DATA) as [EntryKind, ...EntryKind[]]), date: isoDate, data: z.unknown() })
    .strict()
    .superRefine((e, ctx) => {
      if (e.kind === 'medication') {
        if (compareDates(e.date, addMonths(asOf, PRESCRIBE_AHEAD_MONTHS)) > 0) ctx.addIssue({ code: 'custom', path: ['date'], message: `lies more than ${String(PRESCRIBE_AHEAD_MONTHS)} months ahead` });
      } else if (compareDates(e.date, asOf) > 0) ctx.addIssue({ code: 'custom', path: ['date'], message: 'lies in the future' });
      const data = ENTRY_DATA[e.kind].safeParse(e.data);
      if (!data.success) {
        for (const issue of data.error.issues) ctx.addIssue({ ...issue, path: ['data', ...issue.path] } as z.core.$ZodRawIssue);
        return;
      }
      const field = AFTER_ENTRY_DATE[e.kind];
      const later = field === undefined ? undefined : (data.data as Record<string, unknown>)[field];
      if (typeof later === 'string' && compareDates(later, e.date) < 0) {
        ctx.addIssue({ code: 'custom', path: ['data', field as string], message: 'lies before the start' });
      }
    })
    // zod runs the transform after some issues of the refinement too (an unknown field of the data
    // does not stop it): the data is parsed without throwing, and the issues above decide the result.
    .transform((e) => {
      const data = ENTRY_DATA[e.kind].safeParse(e.data);
      return data.success ? ({ kind: e.kind, date: e.date, data: data.data } as RecordEntry) : z.NEVER;
    });
}
