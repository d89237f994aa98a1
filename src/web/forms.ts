// Reading an HTML form body and turning validation problems into messages a person can act on.
// The zod schemas (and the use cases) speak English to developers; the page speaks the reader's
// language, so each problem is mapped by field and by kind, never shown raw.
import type { FastifyRequest } from 'fastify';
import type { Messages } from './i18n/index.js';
import type { FieldErrors } from './components/Form.js';
import { AppError } from '../api/facade.js';
import type { ProblemError } from '../schema/problem.js';

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
export function formFields(req: FastifyRequest): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of formPairs(req)) out[k] = v;
  return out;
}

/**
 * The query as single strings: a name given twice (`?q=a&q=b`) arrives as an array, and the last
 * value wins, as for a form body. Page handlers read the query only through here.
 */
export function queryFields(req: FastifyRequest): Record<string, string | undefined> {
  const q = req.query;
  const out: Record<string, string | undefined> = {};
  if (!q || typeof q !== 'object') return out;
  for (const [k, v] of Object.entries(q as Record<string, unknown>)) {
    const last: unknown = Array.isArray(v) ? (v as unknown[]).at(-1) : v;
    if (typeof last === 'string') out[k] = last;
  }
  return out;
}

/** Only the named fields, so the strict schemas do not trip over _csrf and friends. */
export function pick(fields: Record<string, string>, names: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const n of names) if (fields[n] !== undefined) out[n] = fields[n];
  return out;
}

/** '' means "not given" for optional fields in a form; the schemas expect the key to be absent. */
export function dropEmpty(fields: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v.trim() !== ''));
}

export type FieldKind = 'text' | 'date' | 'choice' | 'email' | 'bsn' | 'password';

export interface FieldSpec {
  label: string;
  kind?: FieldKind;
}

function message(t: Messages, spec: FieldSpec, detail: string): string {
  const d = detail.toLowerCase();
  if (d.includes('already in use')) return t.form.inUse(spec.label);
  if (d.includes('nul character') || d.includes('unpaired surrogate')) return t.form.badCharacters(spec.label);
  if (d.includes('too long')) return t.form.tooLong(spec.label);
  switch (spec.kind) {
    case 'date':
      return t.form.date(spec.label);
    case 'choice':
      return t.form.choose(spec.label);
    case 'email':
      return d.includes('required') ? t.form.required(spec.label) : t.form.email;
    case 'bsn':
      return t.form.bsn;
    case 'password':
      return d.includes('at least') ? t.form.passwordShort : t.form.required(spec.label);
    default:
      return d.includes('required') || d.includes('too short') ? t.form.required(spec.label) : t.form.invalid(spec.label);
  }
}

/**
 * One message per field, in the order of `specs` (the order of the form), so the error summary
 * reads top to bottom like the page. Problems on fields the form does not show are dropped.
 */
export function fieldErrors(t: Messages, specs: Record<string, FieldSpec>, problems: readonly ProblemError[]): FieldErrors {
  const byField = new Map<string, string>();
  for (const p of problems) {
    const field = p.pointer.split('/')[1] ?? '';
    if (!byField.has(field)) byField.set(field, p.detail);
  }
  const out: FieldErrors = {};
  for (const [name, spec] of Object.entries(specs)) {
    const detail = byField.get(name);
    if (detail !== undefined) out[name] = message(t, spec, detail);
  }
  return out;
}

/** Field problems carried by a use case's refusal (e.g. "e-mail already in use"), if any. */
export function problemsOf(e: unknown): ProblemError[] | undefined {
  if (e instanceof AppError && (e.code === 'invalid-input' || e.code === 'conflict') && e.errors.length > 0) return [...e.errors];
  return undefined;
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
