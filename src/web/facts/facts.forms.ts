// The clinician's short forms for the facts of the record that have no page of their own: one
// explicit field table per kind, from which the form's schema, its labels and messages, the
// inputs on the page and the entry's data are all derived. Field names are the Case's, verbatim
// (clinical-rules.md §1); the bounds are the core's (facts.test.ts holds each against ENTRY_DATA),
// so the form says at the field what the core would refuse, and the core's own refusal, should
// it come, is mapped back to the same field.
import { z } from 'zod';
import type { Messages } from '../i18n/index.js';
import { AppError } from '../../api/facade.js';
import { CALCIUM_ITEMS, MOBILITY } from '../../core/case.schema.js';
import { WORKUP_WAIVED_REASONS, type EntryKind } from '../../core/record/lists.js';
import { isoDate, isRecordDate } from '../../core/time/date.js';
import { todayNl } from '../../schema/clock.js';
import { input, optionalTypedDate, pageForm, typedDate, type FieldProblem, type PageForm, type ProblemKind } from '../forms.js';

/**
 * The kinds this slice records; the fracture, scans, labs and the note have forms of their own,
 * the medication plan (a prescription behind the safety gate, a dose, a stop, a follow-on) has its
 * page (web/medication): the generic use case refuses those kinds; and a follow-up contact, with what
 * is asked at it, has the contacts page (web/follow-up).
 */
export const FACT_GROUPS = [
  { key: 'person', kinds: ['weight', 'height', 'menopause'] },
  { key: 'riskFactors', kinds: ['risk-factors', 'glucocorticoid-course'] },
  { key: 'falls', kinds: ['fall', 'falls-screen', 'fes-i'] },
  { key: 'calcium', kinds: ['calcium'] },
  { key: 'followUp', kinds: ['frax', 'workup-waived'] },
  { key: 'safety', kinds: ['safety', 'dental-check'] },
  { key: 'children', kinds: ['child', 'aids-check'] },
] as const satisfies readonly { key: keyof Messages['facts']['groups']; kinds: readonly EntryKind[] }[];

export type FactKind = (typeof FACT_GROUPS)[number]['kinds'][number];
export const FACT_KINDS: readonly FactKind[] = FACT_GROUPS.flatMap((g) => g.kinds);
export const isFactKind = (v: unknown): v is FactKind => (FACT_KINDS as readonly unknown[]).includes(v);

type Unit = keyof Messages['facts']['units'];
type Words = Messages['facts']['fields'];
/** A field's name: the Case's own, or one of the seven Short FES-I answers. */
export type FieldName = Exclude<keyof Words, 'answer'> | `answer${1 | 2 | 3 | 4 | 5 | 6 | 7}`;
type ListName = Exclude<keyof Messages['facts']['options'], 'fesI'>;

export type FactField =
  /** A number in `unit`, `min ≤ x ≤ max` (`above`: `min < x`), a whole one when `whole`. */
  | { name: FieldName; type: 'number'; unit: Unit; min: number; max: number; above?: true; whole?: true; required?: true }
  /** Yes, no, or not asked (a fact not asked stays absent); `required`: yes or no only. */
  | { name: FieldName; type: 'flag'; required?: true }
  /** One of a closed list of the Case; its words are `options[list]`. */
  | { name: FieldName; type: 'select'; list: ListName; options: readonly string[]; required?: true }
  /** One answer of the Short FES-I, 1 to 4, with the answer scale in words. */
  | { name: FieldName; type: 'scale' }
  | { name: FieldName; type: 'date'; required?: true };

export interface FactTable {
  readonly fields: readonly FactField[];
  /** The kind states nothing unless at least one field is given: an empty entry is not stored. */
  readonly atLeastOne?: true;
}

const flag = (name: FieldName): FactField => ({ name, type: 'flag' });
const FES_I = (['answer1', 'answer2', 'answer3', 'answer4', 'answer5', 'answer6', 'answer7'] as const).map((name): FactField => ({ name, type: 'scale' }));

export const FACT_TABLES: Record<FactKind, FactTable> = {
  weight: { fields: [{ name: 'kg', type: 'number', unit: 'kg', min: 0, above: true, max: 400, required: true }] },
  height: { fields: [{ name: 'cm', type: 'number', unit: 'cm', min: 0, above: true, max: 260, required: true }] },
  menopause: {
    fields: [
      { name: 'status', type: 'select', list: 'status', options: ['pre', 'peri', 'post'], required: true },
      { name: 'ageAtMenopause', type: 'number', unit: 'years', min: 0, max: 80 },
    ],
  },
  'risk-factors': {
    atLeastOne: true,
    fields: [
      flag('currentSmoker'),
      { name: 'alcoholUnitsPerDay', type: 'number', unit: 'unitsPerDay', min: 0, max: 100 },
      flag('parentHipFracture'),
      flag('parentOrSiblingOsteoporosis'),
      flag('rheumatoidArthritis'),
      flag('secondaryOsteoporosisCondition'),
      flag('reducedMobility'),
      flag('sexHormoneLoweringTherapy'),
      { name: 'antiEpileptics', type: 'number', unit: 'medicines', min: 0, max: 20, whole: true },
      flag('insufficientDaylight'),
      flag('lifeExpectancyUnderOneYear'),
    ],
  },
  'glucocorticoid-course': {
    fields: [
      { name: 'mgPerDay', type: 'number', unit: 'mgPerDay', min: 0, max: 1000, required: true },
      { name: 'end', type: 'date' },
    ],
  },
  fall: { fields: [flag('injured'), flag('unableToGetUp'), flag('lostConsciousness')] },
  'falls-screen': {
    atLeastOne: true,
    fields: [
      { name: 'fallsLast12Months', type: 'number', unit: 'falls', min: 0, max: 1000, whole: true },
      flag('worriedAboutFalling'),
      flag('unsteady'),
      flag('frail'),
      { name: 'tugSeconds', type: 'number', unit: 'seconds', min: 0, above: true, max: 600 },
      { name: 'gaitSpeedMps', type: 'number', unit: 'metresPerSecond', min: 0, above: true, max: 5 },
    ],
  },
  'fes-i': { fields: FES_I },
  calcium: { atLeastOne: true, fields: CALCIUM_ITEMS.map((name): FactField => ({ name, type: 'number', unit: 'servingsPerDay', min: 0, max: 50 })) },
  frax: {
    fields: [
      { name: 'majorPercent', type: 'number', unit: 'percent', min: 0, max: 100, required: true },
      { name: 'hipPercent', type: 'number', unit: 'percent', min: 0, max: 100, required: true },
      { name: 'withBmd', type: 'flag', required: true },
    ],
  },
  // `by` is the signed-in person's name, added by the server: never typed.
  'workup-waived': { fields: [{ name: 'reason', type: 'select', list: 'reason', options: WORKUP_WAIVED_REASONS, required: true }] },
  safety: {
    atLeastOne: true,
    fields: [
      flag('canStayUpright30Min'),
      flag('canStayUpright60Min'),
      flag('oesophagealDisorder'),
      flag('pregnant'),
      flag('invasiveDentalTreatmentPlanned'),
      { name: 'hipFractureRepairDate', type: 'date' },
      flag('historyMyocardialInfarctionOrStroke'),
      flag('venousThromboembolismHistory'),
      flag('skeletalRadiotherapy'),
      flag('skeletalMalignancy'),
      flag('osteomalaciaSymptoms'),
    ],
  },
  'dental-check': { fields: [] },
  child: {
    fields: [
      { name: 'mobility', type: 'select', list: 'mobility', options: MOBILITY, required: true },
      { name: 'standingMinutesPerDay', type: 'number', unit: 'minutesPerDay', min: 0, max: 1440 },
      { name: 'movementMinutesPerDay', type: 'number', unit: 'minutesPerDay', min: 0, max: 1440 },
      flag('indoorsMostly'),
    ],
  },
  'aids-check': { fields: [{ name: 'heightCm', type: 'number', unit: 'cm', min: 0, above: true, max: 260 }] },
};

const FES_I_ANSWERS = ['1', '2', '3', '4'] as const;
/** The third answer of a yes/no question of the record: it was not asked, so nothing is known. */
export const NOT_ASKED = 'not-asked';

/** The field's name in words (a number's unit with it, so the unit is read with every value). */
export function fieldLabel(t: Messages, f: FactField): string {
  const answer = /^answer(\d)$/.exec(f.name);
  const words = answer ? t.facts.fields.answer(Number(answer[1])) : t.facts.fields[f.name as Exclude<FieldName, `answer${number}`>];
  return f.type === 'number' ? `${words} (${t.facts.units[f.unit]})` : words;
}

/** Whether a field that may be left empty is shown as such, or why it may be (one of several). */
export function optionalMark(t: Messages, table: FactTable, f: FactField): boolean | string {
  if (f.type === 'scale' || f.required) return false;
  // A form of numbers only, one of which is needed: "(optional)" would be untrue of each.
  if (table.atLeastOne && table.fields.every((x) => x.type === 'number')) return t.facts.atLeastOneMark;
  return true;
}

/** "62,5" as typed by a Dutch reader is 62.5; anything that is not a plain number is left for the schema to refuse. */
export const decimal = (v: unknown): unknown => {
  if (typeof v !== 'string') return v;
  const s = v.trim();
  return /^[-+]?\d+([.,]\d+)?$/.test(s) ? Number(s.replace(',', '.')) : v;
};

function numberSchema(f: Extract<FactField, { type: 'number' }>): z.ZodType {
  let n = z.number();
  if (f.whole) n = n.int();
  n = (f.above ? n.gt(f.min) : n.gte(f.min)).lte(f.max);
  return input(z.preprocess(decimal, f.required ? n : n.optional()));
}

function fieldSchema(f: FactField): z.ZodType {
  switch (f.type) {
    case 'number':
      return numberSchema(f);
    case 'flag': {
      if (f.required) return input(z.enum(['yes', 'no']).transform((v) => v === 'yes'));
      // "Not asked" (or nothing chosen) leaves the fact out of the entry: absent, never a "no".
      return input(z.enum(['yes', 'no', NOT_ASKED]).optional().transform((v) => (v === undefined || v === NOT_ASKED ? undefined : v === 'yes')));
    }
    case 'select': {
      const list = z.enum(f.options as [string, ...string[]]);
      return input(f.required ? list : list.optional());
    }
    case 'scale':
      return input(z.enum(FES_I_ANSWERS).transform(Number));
    case 'date':
      return f.required ? typedDate() : optionalTypedDate();
  }
}

/** The clinical date: a fact has happened, so it lies on or before today (in the Netherlands). */
const ClinicalDate = isoDate.superRefine((d, ctx) => {
  if (isRecordDate(d) && d > todayNl()) ctx.addIssue({ code: 'custom', message: 'lies in the future: a fact has happened', params: { code: 'date-in-future' } });
});

const numberWords = (n: number) => String(n);

function messagesOf(t: Messages, table: FactTable, f: FactField): Partial<Record<ProblemKind | '*', string>> {
  const label = fieldLabel(t, f);
  // The first field carries the "state at least one" problem: unanswered (required) or "not asked" (custom).
  const first = table.atLeastOne && table.fields[0]?.name === f.name ? { required: t.facts.atLeastOne, custom: t.facts.atLeastOne } : {};
  switch (f.type) {
    case 'number': {
      const range = t.facts.range(label, numberWords(f.min), numberWords(f.max), t.facts.units[f.unit], f.above === true);
      return { too_small: range, too_big: range, refused: range, invalid_type: f.whole ? t.facts.whole(label) : t.facts.notNumber(label), ...first };
    }
    case 'flag':
    case 'select':
    case 'scale':
      return { required: t.form.choose(label), refused: t.form.choose(label), ...first };
    case 'date':
      return f.name === 'end' ? { refused: t.facts.endBeforeStart(label), ...first } : first;
  }
}

function factForm(table: FactTable): PageForm<z.ZodType> {
  const shape: Record<string, z.ZodType> = { date: typedDate(ClinicalDate) };
  for (const f of table.fields) shape[f.name] = fieldSchema(f);
  const first = table.fields[0]?.name;
  const schema = table.atLeastOne
    ? z.looseObject(shape).superRefine((v, ctx) => {
        if (first !== undefined && table.fields.every((f) => v[f.name] === undefined)) ctx.addIssue({ code: 'custom', path: [first], message: 'state at least one fact' });
      })
    : z.looseObject(shape);
  return pageForm({
    schema,
    labels: (t) => ({ date: t.facts.date, ...Object.fromEntries(table.fields.map((f) => [f.name, fieldLabel(t, f)])) }),
    messages: (t) => ({
      date: { 'date-in-future': t.facts.dateInFuture(t.facts.date), refused: t.facts.dateInFuture(t.facts.date) },
      ...Object.fromEntries(table.fields.map((f) => [f.name, messagesOf(t, table, f)])),
    }),
  });
}

/** A fact form's body as the route takes it: as typed, checked by the kind's form in the handler. */
export const FactBody = pageForm({ schema: z.looseObject({}), labels: () => ({}) });

export const FACT_FORMS = Object.fromEntries(FACT_KINDS.map((k) => [k, factForm(FACT_TABLES[k])])) as Record<FactKind, PageForm<z.ZodType>>;

/** The entry's data from the checked form: what was given, in the kind's own shape. `by`: the signed-in person. */
export function factData(kind: FactKind, v: Record<string, unknown>, by: string): Record<string, unknown> {
  const given = (names: readonly string[]) => Object.fromEntries(names.flatMap((n) => (v[n] === undefined ? [] : [[n, v[n]]])));
  const names = FACT_TABLES[kind].fields.map((f) => f.name);
  switch (kind) {
    case 'fes-i':
      return { answers: names.map((n) => v[n]) };
    case 'calcium':
      return { servings: given(names) };
    case 'workup-waived':
      return { ...given(names), by };
    default:
      return given(names);
  }
}

/**
 * The core's refusal of a fact as problems at the form's fields: `/date`, and `/data/<field>`
 * (the FES-I answers and the calcium servings one level down). A refusal of the whole entry
 * ("states nothing") is put at the first field, as the form's own check puts it.
 */
export function factRefusal(kind: FactKind, e: unknown): FieldProblem[] | undefined {
  if (!(e instanceof AppError) || e.code !== 'invalid-input' || e.errors.length === 0) return undefined;
  const first = FACT_TABLES[kind].fields[0]?.name ?? 'date';
  return e.errors.map((p): FieldProblem => {
    const [top, field, sub] = p.pointer.split('/').slice(1);
    if (top !== 'data') return { field: top ?? '', kind: 'refused' };
    if (field === undefined || field === '') return { field: first, kind: 'required' };
    if (field === 'answers') return { field: `answer${String(Number(sub) + 1)}`, kind: 'refused' };
    if (field === 'servings') return { field: sub ?? first, kind: 'refused' };
    return { field, kind: 'refused' };
  });
}
