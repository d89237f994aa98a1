// The bounded numbers and texts of the Case check both bounds as one zod check (case.schema.ts, `together`).
// That must change nothing a caller can see: the same issues for every number, and the same JSON
// Schema, as the chained `.min()`/`.positive()`/`.max()` form it replaces.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { z } from 'zod';
import { positiveTo, range, text, wholeRange } from './case.schema.js';

const issues = (s: z.ZodType, x: unknown) => {
  const r = s.safeParse(x);
  return r.success ? [] : r.error.issues;
};

/** Values near and beyond the bounds, and anything else a client could send. */
const probe = (min: number, max: number) =>
  fc.oneof(
    fc.constantFrom(min, max, min - 1, max + 1, min - 0.5, max + 0.5, 0, -0, NaN, Infinity, -Infinity, Number.MIN_VALUE),
    fc.double({ min: min - 10, max: max + 10, noNaN: true }),
    fc.integer({ min: min - 10, max: max + 10 }),
    fc.string({ maxLength: max + 5 }),
    fc.array(fc.integer(), { maxLength: max + 5 }),
    fc.anything(),
  );

const pairs: [string, z.ZodType, z.ZodType, number, number][] = [
  ['range(-10, 10)', range(-10, 10), z.number().min(-10).max(10), -10, 10],
  ['range(0, 1440)', range(0, 1440), z.number().nonnegative().max(1440), 0, 1440],
  ['positiveTo(5)', positiveTo(5), z.number().positive().max(5), 0, 5],
  ['positiveTo(400)', positiveTo(400), z.number().positive().max(400), 0, 400],
  ['wholeRange(1, 4)', wholeRange(1, 4), z.number().int().min(1).max(4), 1, 4],
  ['wholeRange(0, 1000)', wholeRange(0, 1000), z.number().int().min(0).max(1000), 0, 1000],
  ['text(1, 40)', text(1, 40), z.string().min(1).max(40), 1, 40],
];

describe('bounds checked as one', () => {
  for (const [name, one, chained, min, max] of pairs) {
    it(`${name}: the same issues as the chained form, for any input`, () => {
      fc.assert(fc.property(probe(min, max), (x) => {
        expect(issues(one, x)).toEqual(issues(chained, x));
      }), { numRuns: 2000 });
    });
    it(`${name}: the same JSON Schema and bounds as the chained form`, () => {
      expect(z.toJSONSchema(one)).toEqual(z.toJSONSchema(chained));
      expect(z.toJSONSchema(one.optional())).toEqual(z.toJSONSchema(chained.optional()));
    });
  }

  it('a value outside the bounds is refused with the bound it broke', () => {
    expect(issues(range(-10, 10), 11)).toMatchObject([{ code: 'too_big', maximum: 10, inclusive: true }]);
    expect(issues(positiveTo(5), 0)).toMatchObject([{ code: 'too_small', minimum: 0, inclusive: false }]);
    expect(issues(wholeRange(1, 4), 2.5)).toMatchObject([{ code: 'invalid_type' }]);
    expect(issues(range(0, 50), 50)).toEqual([]);
    expect(issues(text(1, 40), '')).toMatchObject([{ code: 'too_small', minimum: 1, origin: 'string' }]);
  });
});
