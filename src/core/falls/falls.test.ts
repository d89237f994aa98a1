import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Case } from '../case.schema.js';
import { Reader } from '../reader.js';
import { DEFAULT_SETTINGS } from '../settings.js';
import { makeCase } from '../testing/builder.js';
import { runRows } from '../testing/rows.js';
import { rules } from './index.js';
import { fallRisk } from './fall-risk.js';
import { fallRows } from './falls.cases.js';

describe('fall risk and fear of falling (§10)', () => {
  runRows(fallRows, rules);
});

describe('fall-risk properties', () => {
  // null (screen positive, not measured) sits between low and high: it can still turn out either way
  // between low and intermediate, but is never "milder" than a recorded low.
  const rank = (c: Case) => ({ low: 0, intermediate: 1, high: 2 } as const)[fallRisk(new Reader(c, DEFAULT_SETTINGS)).level ?? 'intermediate'];
  const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
  const falls = fc.record({
    fallsLast12Months: opt(fc.integer({ min: 0, max: 5 })),
    injuredByFall: opt(fc.boolean()), unableToGetUp: opt(fc.boolean()), lostConsciousness: opt(fc.boolean()),
    worriedAboutFalling: opt(fc.boolean()), unsteady: opt(fc.boolean()), frail: opt(fc.boolean()),
    tugSeconds: opt(fc.double({ min: 5, max: 40, noNaN: true })), gaitSpeedMps: opt(fc.double({ min: 0.2, max: 2, noNaN: true })),
  });
  const clean = (o: object) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

  it('never gets milder when a fall is added', () => {
    fc.assert(fc.property(falls, (f) => {
      const before = makeCase({ falls: clean(f) });
      const after = makeCase({ falls: clean({ ...f, fallsLast12Months: (f.fallsLast12Months ?? 0) + 1 }) });
      expect(rank(after)).toBeGreaterThanOrEqual(rank(before));
    }));
  });
  it('never gets milder when an injury is added', () => {
    fc.assert(fc.property(falls, (f) => {
      const before = makeCase({ falls: clean(f) });
      const after = makeCase({ falls: clean({ ...f, fallsLast12Months: Math.max(1, f.fallsLast12Months ?? 0), injuredByFall: true }) });
      expect(rank(after)).toBeGreaterThanOrEqual(rank(before));
      expect(fallRisk(new Reader(after, DEFAULT_SETTINGS)).level).toBe('high');
    }));
  });
});
