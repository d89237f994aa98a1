// The record's forms: each kind of fact a clinician adds on a page (a fracture, a DXA scan, a VFA,
// a lab draw, a consultation note) is a flat form whose fields are typed as a person types them
// (dates dd-mm-jjjj, numbers with a comma or a point). A form is turned into an entry here and
// checked with the core's own entry schema, so every problem is known before anything is sent,
// and each problem (also one the use case finds later) lands at the field it belongs to, in the
// reader's words. End of care is its own small form.
import { z } from 'zod';
import type { Messages } from '../i18n/index.js';
import { fieldMessages, isoFromTyped, pageForm, rawInput, typedFromIso, type FieldProblem, type PageForm, type ProblemKind } from '../forms.js';
import type { FieldErrors } from '../components/Form.js';
import { AppError } from '../../api/facade.js';
import { issueCode } from '../../schema/problem.js';
import { entrySchema, type EntryData } from '../../core/record/entries.js';
import { CARE_END_REASONS, FRACTURE_SIDES, type EntryKind } from '../../core/record/lists.js';
import { DXA_SITES, FRACTURE_SITES, LAB_TESTS, VERTEBRA_LEVELS, type LabTest } from '../../core/case.schema.js';
import { acceptedUnits, CANONICAL_UNIT } from '../../core/laboratory/units.js';

export type Values = Record<string, string>;
type Path = readonly PropertyKey[];

/** The entry kinds a clinician adds with the forms of these pages. */
export const FORM_KINDS = ['fracture', 'dxa', 'vfa', 'labs', 'note'] as const;
export type FormKind = (typeof FORM_KINDS)[number];
export const isFormKind = (k: string): k is FormKind => (FORM_KINDS as readonly string[]).includes(k);

/** How many lab results one draw's form offers. */
export const LAB_ROWS = 6;

export interface EntryForm<K extends FormKind> {
  kind: K;
  /** The page form: every field a loose text (the form reads them itself), labels in page order. */
  form: PageForm<z.ZodType>;
  /** The entry's data from the typed values, with the problems of typing (a number that is none). */
  build: (v: Values) => { data: Record<string, unknown>; problems: FieldProblem[] };
  /** The form field of a problem at `path` inside the entry's data. */
  fieldAt: (path: Path) => string | undefined;
  /** The values a correction starts with: what the entry says now. */
  values: (data: EntryData[K]) => Values;
}

const loose = (names: readonly string[]) => z.looseObject(Object.fromEntries(names.map((n) => [n, rawInput(z.string()).optional()])));

const given = (v: Values, k: string) => (v[k] ?? '').trim() !== '';

/** A number as typed: "-2,5" and "-2.5" alike. Undefined when empty; NaN when it is not a number. */
function typedNumber(v: Values, k: string): number | undefined {
  const s = (v[k] ?? '').trim().replace(/\s/g, '').replace(',', '.');
  if (s === '') return undefined;
  return /^[-+]?(\d+\.?\d*|\.\d+)$/.test(s) ? Number(s) : Number.NaN;
}

/** A number as a person writes it back into a form: a comma in Dutch pages would be nicer, but a point is always read. */
const numberText = (n: number | undefined) => (n === undefined ? '' : String(n));

/** Numbers of a form: each parsed, or a problem at its field. */
function numbers(v: Values, names: readonly string[]) {
  const out: Record<string, number | undefined> = {};
  const problems: FieldProblem[] = [];
  for (const n of names) {
    const x = typedNumber(v, n);
    if (x !== undefined && Number.isNaN(x)) problems.push({ field: n, kind: 'invalid_type' });
    else out[n] = x;
  }
  return { out, problems };
}

const defined = <T extends Record<string, unknown>>(o: T): Partial<T> => Object.fromEntries(Object.entries(o).filter(([, x]) => x !== undefined)) as Partial<T>;

/**
 * Every form has its date first: the day the fact happened (the scan, the draw, the fracture). Its
 * name holds the kind: one page has several forms, and a label, an error link and an id must each
 * find their own date field.
 */
export const dateField = (kind: FormKind) => `${kind}-date`;
const dateLabel = (t: Messages, kind: FormKind) => t.clinical.forms.dateOf[kind];

// ---- The forms ------------------------------------------------------------------------------

const FRACTURE_FIELDS = ['fracture-date', 'site', 'side', 'energy', 'pathological', 'department'] as const;

export const FractureForm: EntryForm<'fracture'> = {
  kind: 'fracture',
  form: pageForm({
    schema: loose(FRACTURE_FIELDS),
    labels: (t) => {
      const f = t.clinical.forms.fracture;
      return { 'fracture-date': dateLabel(t, 'fracture'), site: f.site, side: f.side, energy: f.energy, pathological: f.pathological, department: f.department };
    },
    messages: (t) => ({ site: { required: t.form.choose(t.clinical.forms.fracture.site) }, energy: { required: t.form.choose(t.clinical.forms.fracture.energy) } }),
  }),
  build: (v) => {
    const problems: FieldProblem[] = [];
    if (!given(v, 'energy')) problems.push({ field: 'energy', kind: 'required' });
    const data = defined({
      site: given(v, 'site') ? v.site : undefined,
      side: given(v, 'side') ? v.side : undefined,
      highEnergy: v.energy === 'high' ? true : v.energy === 'low' ? false : undefined,
      pathological: v.pathological === 'yes',
      department: given(v, 'department') ? (v.department ?? '').trim() : undefined,
    });
    return { data, problems };
  },
  fieldAt: (p) => {
    const k = p[0];
    return k === 'highEnergy' ? 'energy' : typeof k === 'string' && (FRACTURE_FIELDS as readonly string[]).includes(k) ? k : undefined;
  },
  values: (d) => ({
    site: d.site,
    side: d.side ?? '',
    energy: d.highEnergy === true ? 'high' : d.highEnergy === false ? 'low' : '',
    pathological: d.pathological ? 'yes' : '',
    department: d.department ?? '',
  }),
};

type DxaSite = (typeof DXA_SITES)[number];
const DXA_PARTS = [
  ['tScore', 't'],
  ['zScore', 'z'],
  ['bmd', 'bmd'],
] as const;
const dxaField = (site: DxaSite, part: (typeof DXA_PARTS)[number][1]) => `${site}-${part}`;
const DXA_FIELDS = ['dxa-date', ...DXA_SITES.flatMap((s) => DXA_PARTS.map(([, p]) => dxaField(s, p)))];

/** The sites a DXA form holds, in the order they were given (the entry's `sites` index). */
const dxaSitesGiven = (v: Values) => DXA_SITES.filter((s) => DXA_PARTS.some(([, p]) => given(v, dxaField(s, p))));

export const DxaForm: EntryForm<'dxa'> = {
  kind: 'dxa',
  form: pageForm({
    schema: loose(DXA_FIELDS),
    labels: (t) => {
      const c = t.clinical;
      return {
        'dxa-date': dateLabel(t, 'dxa'),
        ...Object.fromEntries(DXA_SITES.flatMap((s) => DXA_PARTS.map(([, p]) => [dxaField(s, p), c.forms.dxa.part[p](c.dxaSites[s])]))),
      };
    },
    messages: (t) => {
      const c = t.clinical;
      const out: Record<string, Partial<Record<ProblemKind | '*', string>>> = {};
      for (const s of DXA_SITES) {
        for (const [, p] of DXA_PARTS) {
          const label = c.forms.dxa.part[p](c.dxaSites[s]);
          out[dxaField(s, p)] = { '*': p === 'bmd' ? c.forms.numberAbove(label, 0, 5) : c.forms.numberBetween(label, -10, 10), refused: c.forms.numberBetween(label, -10, 10) };
        }
      }
      // A scan without any value: said at the first field.
      out[dxaField('lumbar-spine', 't')] = { ...out[dxaField('lumbar-spine', 't')], required: c.forms.dxa.oneSite };
      return out;
    },
  }),
  build: (v) => {
    const names = DXA_SITES.flatMap((s) => DXA_PARTS.map(([, p]) => dxaField(s, p)));
    const { out, problems } = numbers(v, names);
    const sites = dxaSitesGiven(v).map((site) => defined({ site, tScore: out[dxaField(site, 't')], zScore: out[dxaField(site, 'z')], bmd: out[dxaField(site, 'bmd')] }));
    if (sites.length === 0) problems.push({ field: dxaField('lumbar-spine', 't'), kind: 'required' });
    return { data: { sites }, problems };
  },
  fieldAt: () => undefined,
  values: (d) => {
    const out: Values = {};
    for (const s of d.sites) {
      out[dxaField(s.site, 't')] = numberText(s.tScore);
      out[dxaField(s.site, 'z')] = numberText(s.zScore);
      out[dxaField(s.site, 'bmd')] = numberText(s.bmd);
    }
    return out;
  },
};
// The DXA form's problems inside `sites` are found by the site at that index (set per check below).
function dxaFieldAt(v: Values): (p: Path) => string | undefined {
  const order = dxaSitesGiven(v);
  return (p) => {
    if (p[0] !== 'sites') return undefined;
    const site = typeof p[1] === 'number' ? order[p[1]] : undefined;
    if (!site) return dxaField('lumbar-spine', 't');
    const part = DXA_PARTS.find(([k]) => k === p[2])?.[1] ?? 't';
    return dxaField(site, part);
  };
}

const vfaField = (level: string) => `vfa-${level}`;
const VFA_FIELDS = ['vfa-date', ...VERTEBRA_LEVELS.map(vfaField)];
const GRADES = ['0', '1', '2', '3', 'not-evaluable'] as const;

export const VfaForm: EntryForm<'vfa'> = {
  kind: 'vfa',
  form: pageForm({
    schema: loose(VFA_FIELDS),
    labels: (t) => ({ 'vfa-date': dateLabel(t, 'vfa'), ...Object.fromEntries(VERTEBRA_LEVELS.map((l) => [vfaField(l), l])) }),
    messages: (t) => ({ [vfaField('T4')]: { required: t.clinical.forms.vfa.oneLevel } }),
  }),
  build: (v) => {
    const problems: FieldProblem[] = [];
    const vertebrae = VERTEBRA_LEVELS.filter((l) => given(v, vfaField(l))).map((level) => {
      const g = v[vfaField(level)] ?? '';
      if (!(GRADES as readonly string[]).includes(g)) problems.push({ field: vfaField(level), kind: 'invalid_value' });
      return { level, grade: g === 'not-evaluable' ? g : Number(g) };
    });
    if (vertebrae.length === 0) problems.push({ field: vfaField('T4'), kind: 'required' });
    return { data: { vertebrae }, problems };
  },
  fieldAt: () => undefined,
  values: (d) => Object.fromEntries(d.vertebrae.map((x) => [vfaField(x.level), String(x.grade)])),
};
function vfaFieldAt(v: Values): (p: Path) => string | undefined {
  const order = VERTEBRA_LEVELS.filter((l) => given(v, vfaField(l)));
  return (p) => (p[0] === 'vertebrae' && typeof p[1] === 'number' && order[p[1]] ? vfaField(order[p[1]] ?? 'T4') : vfaField('T4'));
}

const LAB_PARTS = ['test', 'value', 'unit', 'low', 'high'] as const;
export const labField = (row: number, part: (typeof LAB_PARTS)[number]) => `lab${String(row)}-${part}`;
const LAB_ROW_NUMBERS = Array.from({ length: LAB_ROWS }, (_, i) => i + 1);
const LAB_FIELDS = ['labs-date', ...LAB_ROW_NUMBERS.flatMap((r) => LAB_PARTS.map((p) => labField(r, p)))];
const labRowsGiven = (v: Values) => LAB_ROW_NUMBERS.filter((r) => LAB_PARTS.some((p) => given(v, labField(r, p))));
const isLabTest = (s: string): s is LabTest => (LAB_TESTS as readonly string[]).includes(s);

export const LabsForm: EntryForm<'labs'> = {
  kind: 'labs',
  form: pageForm({
    schema: loose(LAB_FIELDS),
    labels: (t) => {
      const f = t.clinical.forms.labs;
      return { 'labs-date': dateLabel(t, 'labs'), ...Object.fromEntries(LAB_ROW_NUMBERS.flatMap((r) => LAB_PARTS.map((p) => [labField(r, p), f.part[p](r)]))) };
    },
    messages: (t) => {
      const f = t.clinical.forms.labs;
      return Object.fromEntries(
        LAB_ROW_NUMBERS.flatMap((r): [string, Partial<Record<ProblemKind | '*', string>>][] => [
          [labField(r, 'test'), { required: r === 1 ? f.oneResult : t.form.choose(f.part.test(r)), invalid_value: t.form.choose(f.part.test(r)), custom: f.sameTestTwice(r) }],
          [labField(r, 'value'), { '*': f.number(f.part.value(r)) }],
          [labField(r, 'low'), { '*': f.number(f.part.low(r)) }],
          [labField(r, 'high'), { '*': f.number(f.part.high(r)), custom: f.highBelowLow(r) }],
        ]),
      );
    },
  }),
  build: (v) => {
    const names = LAB_ROW_NUMBERS.flatMap((r) => (['value', 'low', 'high'] as const).map((p) => labField(r, p)));
    const { out, problems } = numbers(v, names);
    const results = labRowsGiven(v).map((r) => {
      const test = (v[labField(r, 'test')] ?? '').trim();
      // An empty unit means the test's usual unit: the form shows it beside the field.
      const unit = given(v, labField(r, 'unit')) ? (v[labField(r, 'unit')] ?? '').trim() : isLabTest(test) ? CANONICAL_UNIT[test] : '';
      return defined({ test: test === '' ? undefined : test, value: out[labField(r, 'value')], unit, refLow: out[labField(r, 'low')], refHigh: out[labField(r, 'high')] });
    });
    if (results.length === 0) problems.push({ field: labField(1, 'test'), kind: 'required' });
    // Said here too: the schema checks the list as a whole only once every result in it is right.
    const seen = new Set<string>();
    for (const r of labRowsGiven(v)) {
      const test = (v[labField(r, 'test')] ?? '').trim();
      if (test !== '' && seen.has(test)) problems.push({ field: labField(r, 'test'), kind: 'custom' });
      seen.add(test);
    }
    return { data: { results }, problems };
  },
  fieldAt: () => undefined,
  values: (d) => {
    const out: Values = {};
    d.results.forEach((x, i) => {
      const r = i + 1;
      out[labField(r, 'test')] = x.test;
      out[labField(r, 'value')] = numberText(x.value);
      out[labField(r, 'unit')] = x.unit;
      out[labField(r, 'low')] = numberText(x.refLow);
      out[labField(r, 'high')] = numberText(x.refHigh);
    });
    return out;
  },
};
function labsFieldAt(v: Values): (p: Path) => string | undefined {
  const order = labRowsGiven(v);
  const PART: Record<string, (typeof LAB_PARTS)[number]> = { test: 'test', value: 'value', unit: 'unit', refLow: 'low', refHigh: 'high' };
  return (p) => {
    const row = p[0] === 'results' && typeof p[1] === 'number' ? order[p[1]] : undefined;
    if (row === undefined) return labField(1, 'test');
    // A test given twice is reported on the row (path [results, i]): shown at its test.
    return labField(row, PART[String(p[2])] ?? 'test');
  };
}

export const NoteForm: EntryForm<'note'> = {
  kind: 'note',
  form: pageForm({
    schema: loose(['note-date', 'text']),
    labels: (t) => ({ 'note-date': dateLabel(t, 'note'), text: t.clinical.forms.note.text }),
  }),
  build: (v) => ({ data: defined({ text: given(v, 'text') ? (v.text ?? '').trim() : undefined }), problems: [] }),
  fieldAt: (p) => (p[0] === 'text' ? 'text' : undefined),
  values: (d) => ({ text: d.text }),
};

export const ENTRY_FORMS: { [K in FormKind]: EntryForm<K> } = { fracture: FractureForm, dxa: DxaForm, vfa: VfaForm, labs: LabsForm, note: NoteForm };

/** Where a problem in the entry's data lands, given what was typed (the lists are numbered as given). */
function fieldOfPath(kind: FormKind, v: Values): (p: Path) => string | undefined {
  switch (kind) {
    case 'dxa':
      return dxaFieldAt(v);
    case 'vfa':
      return vfaFieldAt(v);
    case 'labs':
      return labsFieldAt(v);
    case 'fracture':
    case 'note':
      return ENTRY_FORMS[kind].fieldAt;
  }
}

/** The first field of a form, where a problem of the whole entry is shown. */
const firstDataField = (form: EntryForm<FormKind>, t: Messages) => Object.keys(form.form.labels(t))[1] ?? dateField(form.kind);

function problemKind(issue: z.core.$ZodIssue): ProblemKind {
  const own = issueCode(issue);
  if (own === 'date-format' || own === 'date-not-exist' || own === 'date-out-of-range') return own;
  if (issue.code === 'custom' && issue.path[0] === 'date') return 'date-in-future';
  switch (issue.code) {
    case 'invalid_value':
    case 'too_small':
    case 'too_big':
    case 'custom':
    case 'invalid_type':
      return issue.code;
    default:
      return 'other';
  }
}

export interface EntryRequest {
  kind: FormKind;
  date: string;
  data: Record<string, unknown>;
}

export type EntryCheck = { ok: true; entry: EntryRequest } | { ok: false; errors: FieldErrors };

/**
 * A form as an entry, checked as the use case will check it (core `entrySchema`, with today as the
 * day it is recorded), every problem at its field in the reader's words.
 */
export function checkEntry(t: Messages, kind: FormKind, v: Values, asOf: string): EntryCheck {
  const form = ENTRY_FORMS[kind] as unknown as EntryForm<FormKind>;
  const built = form.build(v);
  const dateKey = dateField(kind);
  const date = given(v, dateKey) ? isoFromTyped(v[dateKey]) : undefined;
  const problems: FieldProblem[] = [...built.problems];
  const r = entrySchema(asOf).safeParse({ kind, date, data: built.data });
  if (!r.success) {
    const at = fieldOfPath(kind, v);
    for (const issue of r.error.issues) {
      const field = issue.path[0] === 'date' ? dateKey : issue.path[0] === 'data' ? (at(issue.path.slice(1)) ?? firstDataField(form, t)) : firstDataField(form, t);
      // A problem at a field left empty is that it is needed ("fill this in"), whatever the schema
      // calls it (a missing date, an enum without a value, a list without items).
      problems.push({ field, kind: given(v, field) ? problemKind(issue) : 'required', params: issue.code === 'custom' ? issue.params : undefined });
    }
  }
  if (problems.length > 0 || !r.success) return { ok: false, errors: withUnits(t, kind, v, fieldMessages(t, withDateMessages(t, kind, form.form), problems), problems) };
  return { ok: true, entry: { kind, date: r.data.date, data: built.data } };
}

/** A date of a fact: the general messages, and one of its own for a day after today. */
function withDateMessages(t: Messages, kind: FormKind, form: PageForm<z.ZodType>): PageForm<z.ZodType> {
  return {
    ...form,
    messages: (tt) => ({ ...(form.messages?.(tt) ?? {}), [dateField(kind)]: { 'date-in-future': t.clinical.forms.dateInFuture(dateLabel(tt, kind)) } }),
  };
}

/** A unit the laboratory table does not know for the test: the message names those it does. */
function withUnits(t: Messages, kind: FormKind, v: Values, errors: FieldErrors, problems: readonly FieldProblem[]): FieldErrors {
  if (kind !== 'labs') return errors;
  const out = { ...errors };
  for (const r of LAB_ROW_NUMBERS) {
    const field = labField(r, 'unit');
    if (!problems.some((p) => p.field === field)) continue;
    const test = (v[labField(r, 'test')] ?? '').trim();
    // Without a known test, the test is what to put right first (said at its own field).
    if (isLabTest(test)) out[field] = t.clinical.forms.labs.unitUnknown(r, acceptedUnits(test));
    else delete out[field];
  }
  return out;
}

/**
 * The problems of a use case's refusal of an entry, at the form's fields: its pointers are the
 * entry's (`/date`, `/data/sites/0/tScore`), as `checkEntry` reads the schema's paths.
 */
export function entryRefusal(t: Messages, kind: FormKind, v: Values, e: unknown): FieldErrors | undefined {
  if (!(e instanceof AppError) || e.errors.length === 0) return undefined;
  // A refusal about the record itself (merged, care ended) is no field's problem.
  if (e.code !== 'invalid-input' || e.errors.every((p) => p.pointer.startsWith('/params'))) return undefined;
  const form = ENTRY_FORMS[kind] as unknown as EntryForm<FormKind>;
  const at = fieldOfPath(kind, v);
  const problems = e.errors.map((p): FieldProblem => {
    const parts = p.pointer.split('/').slice(1).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    const field = parts[0] === 'date' ? dateField(kind) : parts[0] === 'data' ? (at(parts.slice(1)) ?? firstDataField(form, t)) : firstDataField(form, t);
    return { field, kind: 'refused' };
  });
  return fieldMessages(t, form.form, problems);
}

/** The values of a correction form: the entry as it stands, its date typed the Dutch way. */
export function entryValues<K extends FormKind>(kind: K, date: string, data: EntryData[K]): Values {
  return { [dateField(kind)]: typedFromIso(date), ...ENTRY_FORMS[kind].values(data) };
}

// ---- Beside the entries ----------------------------------------------------------------------

/** Marking an entry as entered in error: why, in a few words. */
export const VoidForm = pageForm({
  schema: loose(['reason']),
  labels: (t) => ({ reason: t.clinical.entries.voidReason }),
});

export const EndCareForm = pageForm({
  schema: loose(['end-date', 'reason', 'note']),
  labels: (t) => ({ 'end-date': t.clinical.endCare.date, reason: t.clinical.endCare.reason, note: t.clinical.endCare.note }),
  messages: (t) => ({ reason: { required: t.form.choose(t.clinical.endCare.reason), invalid_value: t.form.choose(t.clinical.endCare.reason) } }),
});

export { CARE_END_REASONS, FRACTURE_SIDES, FRACTURE_SITES, DXA_SITES, VERTEBRA_LEVELS, LAB_TESTS, GRADES };
export type { EntryKind };
