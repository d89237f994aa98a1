// Reading an HTML form body and turning validation problems into messages a person can act on.
// The zod schemas (and the use cases) speak English to developers; the page speaks the reader's
// language, so each problem is mapped by field and by kind, never shown raw.
import type { FastifyRequest } from 'fastify';
import type { Messages } from './i18n/index.js';
import type { FieldErrors } from './components/Form.js';
import { AppError } from '../api/facade.js';
import { issueCode } from '../schema/problem.js';
import { unstorableText } from '../schema/text.js';
import { z } from 'zod';
import { FIRST_YEAR, LAST_YEAR, isoDate } from '../core/time/date.js';

/** Every name/value pair of a urlencoded body, in order; repeated names stay repeated. */
export function formPairs(req: FastifyRequest): [string, string][] {
  const body = req.body;
  if (!body || typeof body !== 'object') return [];
  const out: [string, string][] = [];
  for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
    for (const x of Array.isArray(v) ? (v as unknown[]) : [v]) if (typeof x === 'string') out.push([k, x]);
  }
  return out;
}

/** Single-valued view of the body (the last value wins, as a browser sends one per name). */
function formFields(req: FastifyRequest): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of formPairs(req)) out[k] = v;
  return out;
}

/**
 * The query as single strings: a name given twice (`?q=a&q=b`) arrives as an array, and the last
 * value wins, as for a form body.
 */
export function queryFields(req: FastifyRequest): Record<string, string> {
  const q = req.query;
  const out: Record<string, string> = {};
  if (!q || typeof q !== 'object') return out;
  for (const [k, v] of Object.entries(q as Record<string, unknown>)) {
    const last: unknown = Array.isArray(v) ? (v as unknown[]).at(-1) : v;
    if (typeof last === 'string') out[k] = last;
  }
  return out;
}

/** What a person typed, as one string: a name given twice arrives as an array, and the last value wins. */
const lastString = (v: unknown): unknown => (Array.isArray(v) ? (v as unknown[]).at(-1) : v);

/**
 * A form field as the browser sends it: the last value of a repeated name, and an empty input (or
 * one of only spaces) as "not given", so an optional field may be left empty and a required one is
 * reported as missing.
 * `trim`: spaces around the value are dropped first (an e-mail address pasted with a space).
 * An optional field is `input(schema.optional())`: the emptiness is decided inside, so `.optional()`
 * outside would see the empty text a browser sends and pass it on to the schema.
 */
export const input = <T extends z.ZodType>(schema: T, opts: { trim?: boolean } = {}) =>
  z.preprocess((v) => {
    const last = lastString(v);
    const s = opts.trim && typeof last === 'string' ? last.trim() : last;
    return typeof s === 'string' && s.trim() === '' ? undefined : s;
  }, schema);

/** A date typed the Dutch way (see isoFromTyped), checked as a calendar date (or by `schema`, a date of birth). */
const dateAsTyped = (schema: z.ZodType<string, string> = isoDate) => z.preprocess((v) => (typeof v === 'string' ? isoFromTyped(v) : v), schema);
export const typedDate = (schema?: z.ZodType<string, string>) => input(dateAsTyped(schema));
export const optionalTypedDate = () => input(dateAsTyped().optional());

/** A field whose empty value means something ("clear this"): only a repeated name is made single. */
export const rawInput = <T extends z.ZodType>(schema: T) => z.preprocess(lastString, schema);

/** The checks of our own that name their kind (`params.code`, the problem document's `code`). */
const OWN_CHECKS = ['date-format', 'date-not-exist', 'date-out-of-range', 'date-in-future', 'bsn-format', 'bsn-eleven-test', 'phone-format'] as const;
type OwnCheck = (typeof OWN_CHECKS)[number];
const isOwnCheck = (c: string | undefined): c is OwnCheck => (OWN_CHECKS as readonly (string | undefined)[]).includes(c);

/**
 * What kind of problem a field has, the key its message is chosen by. Zod's issue codes, with a
 * missing value told apart ("required"), text that cannot be stored, a use case's refusal
 * ("in-use": the value belongs to someone else; "refused": another reason), and the checks of our
 * own by their code (a date that does not exist, a BSN that fails the eleven-test).
 */
export type ProblemKind =
  | 'required' | 'unstorable' | 'too_small' | 'too_big' | 'invalid_type' | 'invalid_format' | 'invalid_value' | 'custom' | 'in-use' | 'refused' | 'other'
  | OwnCheck;

/**
 * A page's form: the zod schema (a loose object without a transform at its top: the CSRF check
 * reads `_csrf` from the body the schema hands on) that validates it (also given to the route, so it types the
 * handler), each field's label in the order of the page (the error summary reads like the page),
 * and where the general message would not help, a message for a field by kind of problem ('*': any
 * kind but those in GENERAL_FIRST).
 */
export interface PageForm<S extends z.ZodType> {
  readonly schema: S;
  readonly labels: (t: Messages) => Record<string, string>;
  readonly messages?: (t: Messages) => Record<string, Partial<Record<ProblemKind | '*', string>>>;
}

export const pageForm = <S extends z.ZodType>(form: PageForm<S>): PageForm<S> => form;

export type FormResult<T> =
  | { ok: true; data: T; values: Record<string, string> }
  /** `invalid`: every field with a problem, also those the page shows no message for (a hidden token). */
  | { ok: false; errors: FieldErrors; invalid: ReadonlySet<string>; values: Record<string, string> };

function kindOf(issue: z.core.$ZodIssue): ProblemKind {
  const own = issueCode(issue);
  if (isOwnCheck(own)) return own;
  switch (issue.code) {
    case 'invalid_type':
      return 'invalid_type';
    case 'too_small':
      return issue.origin === 'string' && Number(issue.minimum) <= 1 ? 'required' : 'too_small';
    case 'invalid_union': {
      // The message of the first alternative: "an e-mail address, or nothing" is about the address.
      const first = issue.errors[0]?.[0];
      return first ? kindOf(first) : 'other';
    }
    case 'too_big':
    case 'invalid_format':
    case 'invalid_value':
    case 'custom':
      return issue.code;
    default:
      return 'other';
  }
}

function formatOf(issue: z.core.$ZodIssue): string | undefined {
  if (issue.code === 'invalid_format') return issue.format;
  if (issue.code === 'invalid_union') {
    const first = issue.errors[0]?.[0];
    return first ? formatOf(first) : undefined;
  }
  return undefined;
}

/** What a check of our own found beyond its kind: for a day that does not exist, the month it is not in. */
function paramsOf(issue: z.core.$ZodIssue): Record<string, unknown> | undefined {
  if (issue.code === 'custom') return issue.params;
  if (issue.code === 'invalid_union') {
    const first = issue.errors[0]?.[0];
    return first ? paramsOf(first) : undefined;
  }
  return undefined;
}

const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

function generalMessage(t: Messages, p: FieldProblem, label: string): string {
  const { kind, format } = p;
  switch (kind) {
    case 'date-format':
      return t.form.date(label);
    case 'date-not-exist':
      return t.form.dateNotExist(label, num(p.params?.month), num(p.params?.year), num(p.params?.days));
    case 'date-out-of-range':
      return t.form.dateYears(label, FIRST_YEAR, LAST_YEAR);
    case 'date-in-future':
      return t.form.birthInFuture(label);
    case 'bsn-format':
      return t.form.bsnFormat(label);
    case 'bsn-eleven-test':
      return t.form.bsnElevenTest(label);
    case 'phone-format':
      return t.form.phone(label);
    case 'required':
      return t.form.required(label);
    case 'unstorable':
      return t.form.badCharacters(label);
    case 'too_big':
      return t.form.tooLong(label);
    case 'invalid_value':
      return t.form.choose(label);
    case 'in-use':
      return t.form.inUse(label);
    case 'invalid_format':
      return format === 'email' ? t.form.email : t.form.invalid(label);
    default:
      return t.form.invalid(label);
  }
}

/** Kinds whose general message says it best, whatever the field: a form's '*' message is not for them. */
const GENERAL_FIRST = new Set<ProblemKind>(['required', 'unstorable', 'too_big', 'in-use', ...OWN_CHECKS]);

/** One problem of one field, by kind, before it has a message. */
export interface FieldProblem {
  field: string;
  kind: ProblemKind;
  format?: string | undefined;
  params?: Record<string, unknown> | undefined;
}

/**
 * Every field's first problem, in the reader's language, in the order of the page. Problems on
 * fields the page does not show are dropped (they cannot be put right there).
 */
export function fieldMessages(t: Messages, form: PageForm<z.ZodType>, problems: readonly FieldProblem[]): FieldErrors {
  const labels = form.labels(t);
  const special = form.messages?.(t) ?? {};
  const first = new Map<string, FieldProblem>();
  for (const p of problems) if (!first.has(p.field)) first.set(p.field, p);
  const out: FieldErrors = {};
  for (const [field, label] of Object.entries(labels)) {
    const p = first.get(field);
    if (!p) continue;
    const own = special[field];
    out[field] = own?.[p.kind] ?? (GENERAL_FIRST.has(p.kind) ? undefined : own?.['*']) ?? generalMessage(t, p, label);
  }
  return out;
}

/** Whether the form holds a value for `field` (an empty input is no value). */
function given(raw: unknown, field: string): boolean {
  if (!raw || typeof raw !== 'object') return false;
  const v = lastString((raw as Record<string, unknown>)[field]);
  return v !== undefined && !(typeof v === 'string' && v.trim() === '');
}

/**
 * The problems zod found, each with the field (the first step of its path) and its kind. Any
 * problem of a field the form left empty is "required" (zod says so in several ways: a wrong type,
 * an enum without a value, a rule of the form's own).
 */
export function issueProblems(issues: readonly z.core.$ZodIssue[], raw: unknown): FieldProblem[] {
  // Text that cannot be stored is refused before any schema looks at it (api/validation.ts).
  const unstorable = unstorableText(raw).map((p): FieldProblem => ({ field: p.pointer.split('/')[1] ?? '', kind: 'unstorable' }));
  return [
    ...unstorable,
    ...issues.map((i): FieldProblem => {
      const field = String(i.path[0] ?? '');
      return { field, kind: given(raw, field) ? kindOf(i) : 'required', format: formatOf(i), params: paramsOf(i) };
    }),
  ];
}

/** The field problems a use case's refusal carries (e.g. an e-mail address already in use), if any. */
export function refusalProblems(e: unknown): FieldProblem[] | undefined {
  if (!(e instanceof AppError) || e.errors.length === 0) return undefined;
  if (e.code !== 'invalid-input' && e.code !== 'conflict' && e.code !== 'forbidden') return undefined;
  const kind: ProblemKind = e.code === 'conflict' ? 'in-use' : 'refused';
  return e.errors.map((p) => ({ field: p.pointer.split('/')[1] ?? '', kind: isOwnCheck(p.code) ? p.code : kind }));
}

/** Validates `raw` with the form's schema; what the use case gets, or every error at once. */
export function checkForm<S extends z.ZodType>(t: Messages, form: PageForm<S>, raw: unknown, values: Record<string, string>): FormResult<z.output<S>> {
  const bad = unstorableText(raw);
  const r = form.schema.safeParse(raw);
  if (r.success && bad.length === 0) return { ok: true, data: r.data, values };
  const problems = issueProblems(r.success ? [] : r.error.issues, raw);
  return { ok: false, errors: fieldMessages(t, form, problems), invalid: new Set(problems.map((p) => p.field)), values };
}

/**
 * The outcome of the route's own validation of its body (POST) or query (GET): the route is
 * registered with the form's schema and `attachValidation`, so a bad form reaches the page, which
 * shows every error at once, instead of the JSON error handler.
 */
export function readForm<S extends z.ZodType>(req: FastifyRequest, t: Messages, form: PageForm<S>): FormResult<z.output<S>> {
  const fromBody = req.method === 'POST';
  const raw: unknown = fromBody ? req.body : req.query;
  const values = fromBody ? formFields(req) : queryFields(req);
  if (!req.validationError) return { ok: true, data: raw as z.output<S>, values };
  return checkForm(t, form, raw, values);
}

/** Stands for our own origin while a path is resolved; never shown to anyone. */
const OWN_ORIGIN = 'https://botpad.invalid';

/**
 * The one check for every place Botpad sends a browser back to (after signing in, after a
 * preference): the value is resolved as a URL against our own origin, the way a browser would, and
 * refused ('/') when it would leave that origin or holds control characters (browsers drop tabs and
 * line breaks from a URL, so "/\t/host" becomes "//host", another site). What is followed is the
 * resolved path, not the text that came in.
 */
export function localPath(path: string | undefined): string {
  if (!path || !path.startsWith('/') || /[\u0000-\u001f\u007f-\u009f\\]/.test(path)) return '/';
  let url: URL;
  try {
    url = new URL(path, OWN_ORIGIN);
  } catch {
    return '/';
  }
  if (url.origin !== OWN_ORIGIN || url.username !== '' || url.password !== '') return '/';
  const local = url.pathname + url.search + url.hash;
  return local.startsWith('//') ? '/' : local;
}

/**
 * Dates are typed as text (day-month-year, as Dutch people write them): a birth date is known, not
 * picked from a calendar, and the browser's date widget is clumsy by keyboard. ISO is accepted too.
 * Anything else is returned as typed, for the schema to refuse.
 */
export function isoFromTyped(v: string | undefined): string {
  const s = (v ?? '').trim();
  const dmy = /^(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4})$/.exec(s);
  if (dmy) return `${dmy[3] ?? ''}-${(dmy[2] ?? '').padStart(2, '0')}-${(dmy[1] ?? '').padStart(2, '0')}`;
  return s;
}

/** An ISO date as a person types it: 1948-04-12 → 12-04-1948. */
export function typedFromIso(v: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(v);
  return m ? `${m[3] ?? ''}-${m[2] ?? ''}-${m[1] ?? ''}` : v;
}
