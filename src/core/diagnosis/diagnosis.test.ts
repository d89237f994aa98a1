import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { rules, bmdCategory, tCategory, T_SEVERITY, type TCategory } from './index.js';
import { diagnosisRows } from './diagnosis.cases.js';
import { runRows } from '../testing/rows.js';
import { arbCase } from '../testing/arbitraries.js';

describe('bone density and VFA (§3–4)', () => {
  runRows(diagnosisRows, rules);

  it('a lower T-score never gives a milder category', () => {
    const score = fc.double({ min: -6, max: 4, noNaN: true });
    fc.assert(fc.property(score, score, fc.boolean(), (a, b, fractured) => {
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      expect(T_SEVERITY[tCategory(lo, fractured)]).toBeGreaterThanOrEqual(T_SEVERITY[tCategory(hi, fractured)]);
    }));
  });

  it('lowering one T-score in a case never gives a milder category', () => {
    fc.assert(fc.property(arbCase, fc.double({ min: 0, max: 3, noNaN: true }), (c, drop) => {
      const before = bmdCategory(c);
      // Cases without a T-score category are skipped by fast-check (and counted), not passed.
      fc.pre(before !== null && before.scoreType === 'T');
      const lowered = { ...c, dxa: (c.dxa ?? []).map((m) => (m.date === before.date && m.tScore !== undefined ? { ...m, tScore: Math.max(-10, m.tScore - drop) } : m)) };
      const after = bmdCategory(lowered);
      expect(after).not.toBeNull();
      expect(T_SEVERITY[after!.category as TCategory]).toBeGreaterThanOrEqual(T_SEVERITY[before!.category as TCategory]);
    }), { numRuns: 500 });
  });
});
