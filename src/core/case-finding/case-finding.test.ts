import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { rules } from './index.js';
import { caseFindingRows } from './case-finding.cases.js';
import { runRows } from '../testing/rows.js';
import { nhgRiskScore } from './case-finding.rule.js';
import { arbCase } from '../testing/arbitraries.js';
import { Reader } from '../reader.js';
import { DEFAULT_SETTINGS } from '../settings.js';

describe('case finding (§2)', () => {
  runRows(caseFindingRows, rules);

  const FLAGS = ['parentHipFracture', 'reducedMobility', 'rheumatoidArthritis', 'secondaryOsteoporosisCondition'] as const;
  it('adding a risk factor never lowers the NHG score', () => {
    fc.assert(
      fc.property(arbCase, fc.constantFrom(...FLAGS, 'glucocorticoids', 'lowWeight', 'fracture'), (c, add) => {
        const before = nhgRiskScore(new Reader(c, DEFAULT_SETTINGS)).score;
        const rf = { ...(c.riskFactors ?? {}) };
        let next = c;
        if (add === 'glucocorticoids') next = { ...c, riskFactors: { ...rf, glucocorticoids: { mgPerDay: 20, months: 12 } } };
        else if (add === 'lowWeight') next = { ...c, person: { ...c.person, weightKg: 45 } };
        else if (add === 'fracture') next = { ...c, fractures: [...(c.fractures ?? []), { date: c.asOf, site: 'wrist' }] };
        else next = { ...c, riskFactors: { ...rf, [add]: true } };
        expect(nhgRiskScore(new Reader(next, DEFAULT_SETTINGS)).score).toBeGreaterThanOrEqual(before);
      }),
      { numRuns: 500 },
    );
  });
});
