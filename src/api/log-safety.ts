// What an error may put in the server log. Database errors carry the row they were about (`detail`:
// "Key (bsn)=(…) already exists", "Failing row contains (…)"), and PGlite's also the statement's
// parameters: health data that must never reach a log file. So errors are logged by an allow-list
// of fields, and quoted values in messages (the database and JSON.parse quote what they refuse)
// are blanked out. The stack frames stay: they say where, not what.
import { isDatabaseError } from '../services/store-errors.js';

const QUOTED = /"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g;

export function scrubMessage(message: string): string {
  return message.replace(QUOTED, (q) => `${q[0] ?? ''}…${q[0] ?? ''}`);
}

export interface LoggedError {
  [key: string]: unknown;
  type: string;
  message: string;
  stack: string;
}

/** The pino serializer for `err`: type, code, scrubbed message and stack, the cause likewise. */
export function safeError(err: unknown): LoggedError {
  return serialise(err, 0);
}

function serialise(err: unknown, depth: number): LoggedError {
  if (!(err instanceof Error)) return { type: typeof err, message: '', stack: '' };
  const e = err as Error & { code?: unknown; statusCode?: unknown; constraint?: unknown; table?: unknown; column?: unknown; routine?: unknown };
  const message = scrubMessage(e.message);
  const frames = (e.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l));
  return {
    type: e.name,
    message,
    ...(typeof e.code === 'string' || typeof e.code === 'number' ? { code: e.code } : {}),
    ...(typeof e.statusCode === 'number' ? { statusCode: e.statusCode } : {}),
    // Names of schema objects, not values: they say which rule a write broke.
    ...(isDatabaseError(err) ? { constraint: e.constraint, table: e.table, column: e.column, routine: e.routine } : {}),
    stack: [`${e.name}: ${message}`, ...frames].join('\n'),
    ...(e.cause !== undefined && depth < 3 ? { cause: serialise(e.cause, depth + 1) } : {}),
  };
}
