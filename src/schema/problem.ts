// One error vocabulary for every protocol (HTTP problem+json, the CLI's stderr, FHIR later).
// A Problem lists every issue at once: each bad field gets its own { pointer, detail }.
import { z } from 'zod';

export const PROBLEM_BASE = '/problems/';

export const ProblemError = z
  .object({
    pointer: z.string().describe('JSON pointer (RFC 6901) to the bad field, e.g. /person/birthDate'),
    detail: z.string(),
    code: z
      .string()
      .optional()
      .describe('What is wrong, for a program to act on: date-format, date-not-exist, date-out-of-range, date-in-future, bsn-format, bsn-eleven-test, phone-format; use-medication-route (a medication, dose or plan sent to a generic fact route); use-therapy-route (an exercise-therapy measurement or period sent to a generic fact route); a worklist item: not-an-alert, already-acknowledged, already-done, not-acknowledged, closes-by-itself'),
  })
  .meta({ id: 'ProblemError' });

export const Problem = z
  .object({
    type: z.string().describe('Stable identifier of the kind of problem'),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    errors: z.array(ProblemError).optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem document' });
export type Problem = z.infer<typeof Problem>;
export type ProblemError = z.infer<typeof ProblemError>;

/** Kinds of problem and their HTTP status; the `type` URI is derived from the code. */
export const PROBLEM_KINDS = {
  'invalid-input': { status: 400, title: 'Invalid input' },
  'unauthenticated': { status: 401, title: 'Sign-in required' },
  'forbidden': { status: 403, title: 'Not allowed' },
  'not-found': { status: 404, title: 'Not found' },
  'method-not-allowed': { status: 405, title: 'Method not allowed' },
  'request-timeout': { status: 408, title: 'Request timed out' },
  'conflict': { status: 409, title: 'Conflict' },
  'payload-too-large': { status: 413, title: 'Request body too large' },
  // The safety gates of prescribing (clinical-rules.md §7–8): the problem lists the core's reason
  // codes in `reasons`, and nothing is stored.
  'medication-blocked': { status: 422, title: 'Medication blocked by a safety check' },
  'medication-caution': { status: 422, title: 'Cautions not acknowledged' },
  'medication-sequence': { status: 422, title: 'Stop without the follow-on in place' },
  // The exercise plan's safety rule (core/exercise): the problem names each unsafe exercise and
  // why, in `warnings`; nothing is stored until the therapist acknowledges them.
  'exercise-unsafe': { status: 422, title: 'Exercise not safe for this patient' },
  'uri-too-long': { status: 414, title: 'Address too long' },
  'unsupported-media-type': { status: 415, title: 'Unsupported media type' },
  'too-many-requests': { status: 429, title: 'Too many requests' },
  'headers-too-large': { status: 431, title: 'Request headers too large' },
  'internal': { status: 500, title: 'Internal error' },
  'unavailable': { status: 503, title: 'Service unavailable' },
} as const;
export type ProblemCode = keyof typeof PROBLEM_KINDS;

/** The one error type of the application: thrown anywhere, mapped once per protocol. */
export class AppError extends Error {
  readonly code: ProblemCode;
  readonly status: number;
  readonly errors: readonly ProblemError[];
  /** When trying again can succeed (a sign-in lock-out): HTTP sends it as Retry-After. */
  readonly retryAt: Date | undefined;
  /** Members of the problem document beyond the standard ones (RFC 9457 extensions), e.g. `duplicates`. */
  readonly extra: Readonly<Record<string, unknown>> | undefined;
  constructor(code: ProblemCode, detail: string, errors: readonly ProblemError[] = [], opts: { retryAt?: Date; extra?: Record<string, unknown> } = {}) {
    super(detail);
    this.name = 'AppError';
    this.code = code;
    this.status = PROBLEM_KINDS[code].status;
    this.errors = errors;
    this.retryAt = opts.retryAt;
    this.extra = opts.extra;
  }
}

export function problem(code: ProblemCode, detail: string, errors?: readonly ProblemError[], instance?: string): Problem {
  const kind = PROBLEM_KINDS[code];
  return {
    type: PROBLEM_BASE + code,
    title: kind.title,
    status: kind.status,
    detail,
    ...(instance ? { instance } : {}),
    ...(errors && errors.length > 0 ? { errors: [...errors] } : {}),
  };
}

/** RFC 6901 pointer from a zod issue path. */
export function toPointer(path: readonly PropertyKey[]): string {
  return path.map((p) => '/' + String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/**
 * At most this many errors are listed, then one entry counts the rest: a request of a megabyte of
 * unknown fields must not buy an answer of several megabytes, nor the work of building it.
 */
export const MAX_ERRORS = 20;

/** Turn zod issues into one error per field (at most MAX_ERRORS, then "and N more"). */
export function issuesToErrors(issues: readonly z.core.$ZodIssue[], prefix = ''): ProblemError[] {
  const out: ProblemError[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys.slice(0, Math.max(0, MAX_ERRORS - out.length))) {
        out.push({ pointer: prefix + toPointer([...issue.path, clip(key, 200)]), detail: `unknown field "${clip(key, 60)}"` });
      }
      continue;
    }
    if (out.length < MAX_ERRORS) {
      const code = issueCode(issue);
      out.push({ pointer: prefix + toPointer(issue.path), detail: unionReason(issue).message, ...(code === undefined ? {} : { code }) });
    }
  }
  const total = issueCount(issues);
  if (total > out.length) out.push({ pointer: '', detail: `and ${String(total - out.length)} more` });
  return out;
}

/**
 * A value none of a union's alternatives took is reported as the first one refused it: "a BSN, or
 * nothing" is about the BSN, and zod's own words for the union ("Invalid input") say nothing.
 */
function unionReason(issue: z.core.$ZodIssue): z.core.$ZodIssue {
  if (issue.code !== 'invalid_union') return issue;
  const first = issue.errors[0]?.[0];
  return first ? unionReason(first) : issue;
}

/**
 * The code of a check of our own (a custom issue whose `params.code` names it: a date that does
 * not exist, a BSN that fails the eleven-test), also when it is the reason a union refused the value.
 */
export function issueCode(issue: z.core.$ZodIssue): string | undefined {
  if (issue.code === 'custom') {
    const code: unknown = issue.params?.code;
    return typeof code === 'string' ? code : undefined;
  }
  return issue.code === 'invalid_union' && unionReason(issue) !== issue ? issueCode(unionReason(issue)) : undefined;
}

/** A field name as echoed in an answer: long names are cut, so the answer stays small. */
function clip(key: string, max: number): string {
  return key.length > max ? key.slice(0, max) + '…' : key;
}

/** How many bad fields the issues stand for (each unknown key counts). */
function issueCount(issues: readonly z.core.$ZodIssue[]): number {
  return issues.reduce((n, i) => n + (i.code === 'unrecognized_keys' ? i.keys.length : 1), 0);
}

export function invalidInput(issues: readonly z.core.$ZodIssue[], what = 'The input', prefix = ''): AppError {
  const errors = issuesToErrors(issues, prefix);
  const n = issueCount(issues);
  return new AppError('invalid-input', `${what} has ${String(n)} invalid field${n === 1 ? '' : 's'}.`, errors);
}
