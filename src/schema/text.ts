// Text that can be stored as given. PostgreSQL refuses U+0000 in text (an insert fails as a whole),
// and an unpaired UTF-16 surrogate (JSON allows "\ud800") cannot become UTF-8 at all: both are
// refused at the edge with the field they are in, never turned into a 500 or into U+FFFD.
import { z } from 'zod';
import type { ProblemError } from './problem.js';
import { toPointer } from './problem.js';

/** No request shape nests this deep; deeper input is refused rather than walked. */
const MAX_DEPTH = 64;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why `s` cannot be stored as text, or undefined when it can. */
export function textProblem(s: string): string | undefined {
  if (s.includes('\u0000')) return 'contains a NUL character (U+0000), which is not allowed in text';
  if (LONE_SURROGATE.test(s)) return 'contains an unpaired surrogate: this is not valid Unicode text';
  return undefined;
}

/** A string schema that refuses what textProblem finds; every free-text input field starts here. */
export const text = () =>
  z.string().superRefine((s, ctx) => {
    const p = textProblem(s);
    if (p !== undefined) ctx.addIssue({ code: 'custom', message: p });
  });

/** Cheap first look: only a string with a NUL or a surrogate at all can be unstorable. */
const SUSPECT = /[\u0000\uD800-\uDFFF]/;

/**
 * Every string (and object key) in a parsed request part that cannot be stored, with its pointer,
 * at most `max` of them. Runs before any schema, so a field typed `unknown` is covered too. One
 * pass with a shared path: a body of a megabyte of fields costs about as much as its parsing.
 */
export function unstorableText(value: unknown, prefix = '', max = 20): ProblemError[] {
  const out: ProblemError[] = [];
  const path: PropertyKey[] = [];
  const walk = (v: unknown): void => {
    if (out.length >= max) return;
    if (path.length > MAX_DEPTH) {
      out.push({ pointer: prefix + toPointer(path), detail: `is nested more than ${String(MAX_DEPTH)} levels deep` });
      return;
    }
    if (typeof v === 'string') {
      const p = SUSPECT.test(v) ? textProblem(v) : undefined;
      if (p !== undefined) out.push({ pointer: prefix + toPointer(path), detail: p });
      return;
    }
    if (v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length && out.length < max; i++) {
        path.push(i);
        walk(v[i]);
        path.pop();
      }
      return;
    }
    const o = v as Record<string, unknown>;
    for (const k of Object.keys(o)) {
      const kp = SUSPECT.test(k) ? textProblem(k) : undefined;
      // The key itself is unusable: point at its parent, and do not echo the key back.
      if (kp !== undefined) out.push({ pointer: prefix + toPointer(path), detail: `a field name ${kp.replace(/^contains/, 'that contains')}` });
      else {
        path.push(k);
        walk(o[k]);
        path.pop();
      }
      if (out.length >= max) return;
    }
  };
  walk(value);
  return out;
}
