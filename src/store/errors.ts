// What a database error means, read from its SQLSTATE and constraint name (the same on PGlite and
// PostgreSQL). The error's detail, query and parameters are never needed here: they carry the values
// of the row (a BSN, a name) and are kept out of answers and logs.

interface DbErrorShape {
  code?: unknown;
  constraint?: unknown;
}

const sqlState = (e: unknown): string | undefined => {
  const code = (e as DbErrorShape | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
};

/** True for an error raised by the database server (it carries a five-character SQLSTATE). */
export function isDatabaseError(e: unknown): boolean {
  return e instanceof Error && sqlState(e) !== undefined;
}

/** The unique index or constraint a write ran into (unique_violation, 23505), or undefined. */
export function violatedUnique(e: unknown): string | undefined {
  if (sqlState(e) !== '23505') return undefined;
  const c = (e as DbErrorShape).constraint;
  return typeof c === 'string' ? c : '';
}

/** Text the database cannot hold (NUL: 22021, or a character outside the encoding: 22P05). */
export function isUnstorableText(e: unknown): boolean {
  const s = sqlState(e);
  return s === '22021' || s === '22P05';
}

/** A serialization failure or deadlock: the transaction may be tried again as a whole. */
export function isRetryable(e: unknown): boolean {
  const s = sqlState(e);
  return s === '40001' || s === '40P01';
}
