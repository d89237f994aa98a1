import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { F } from './fields.js';
import { criteria, D, DERIVED, Reader, valueAt } from './reader.js';
import { DEFAULT_SETTINGS } from './settings.js';
import { arbCase } from './testing/arbitraries.js';
import { makeCase } from './testing/builder.js';

describe('case reader', () => {
  it('reads each field with the getter filed under its own path', () => {
    const paths = Object.keys(F) as (keyof typeof F)[];
    fc.assert(fc.property(arbCase, (c) => {
      const wrong = paths.filter((p) => F[p].path !== p || !isDeepStrictEqual(F[p].get(c), valueAt(c, p)));
      expect(wrong).toEqual([]);
    }), { numRuns: 1000 });
  });

  it('files what it read under used, what was absent under missing, sorted and once', () => {
    const r = new Reader(makeCase({ falls: { tugSeconds: 12 } }), DEFAULT_SETTINGS);
    expect(r.read(F['falls.tugSeconds'])).toBe(12);
    expect(r.read(F['falls.gaitSpeedMps'])).toBeUndefined();
    r.miss('fractures.highEnergy');
    r.read(F['falls.gaitSpeedMps']);
    r.derived(D['nhg-score'], 3);
    r.setting('overdueGraceDays');
    expect(r.used).toEqual({ 'falls.tugSeconds': 12, 'derived.nhg-score': 3, 'settings.overdueGraceDays': 14 });
    expect(r.missing).toEqual(['falls.gaitSpeedMps', 'fractures.highEnergy']);
  });

  it('reports a criterion met, not met or unknown; checked twice, the strongest result counts', () => {
    const C = criteria(['a', 'b', 'c']);
    const r = new Reader(makeCase(), DEFAULT_SETTINGS);
    expect(r.check(C.a, true)).toBe(true);
    expect(r.check(C.b, false)).toBe(false);
    expect(r.check(C.c, undefined)).toBe(false);
    r.check(C.b, undefined);
    r.check(C.c, false);
    r.check(C.a, false);
    expect(r.criteria).toEqual([{ id: 'a', result: 'met' }, { id: 'b', result: 'unknown' }, { id: 'c', result: 'unknown' }]);
  });

  it('names every derived value under the derived. prefix', () => {
    for (const d of DERIVED) expect(D[d]).toBe(`derived.${d}`);
  });
});
