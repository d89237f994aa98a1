import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CALCIUM_ITEMS } from '../case.schema.js';
import { DEFAULT_SETTINGS } from '../settings.js';
import { runRows } from '../testing/rows.js';
import { rules } from './index.js';
import { calciumIntakeMg, calciumTargetMg } from './calcium.js';
import { calciumRows, targetRows, vitaminDRows } from './calcium-vitamin-d.cases.js';

describe('calcium target (§9, GR-CALCIUM)', () => {
  it.each(targetRows)('%s', (_s, age, sex, target) => expect(calciumTargetMg(age, sex)).toBe(target));
});

describe('calcium.intake and calcium.supplement-advised (§9)', () => {
  runRows(calciumRows, rules);
});

describe('vitamin-d.advice (§9)', () => {
  runRows(vitaminDRows, rules);
});

describe('calcium calculator properties', () => {
  const servings = fc.record(
    Object.fromEntries(CALCIUM_ITEMS.map((i) => [i, fc.double({ min: 0, max: 50, noNaN: true })])) as Record<(typeof CALCIUM_ITEMS)[number], fc.Arbitrary<number>>,
    { requiredKeys: [] },
  );
  it('is monotone: one more serving of anything never lowers the intake', () => {
    fc.assert(fc.property(servings, fc.constantFrom(...CALCIUM_ITEMS), fc.double({ min: 0, max: 10, noNaN: true }), (s, item, extra) => {
      const more = { ...s, [item]: (s[item] ?? 0) + extra };
      expect(calciumIntakeMg(more, DEFAULT_SETTINGS)).toBeGreaterThanOrEqual(calciumIntakeMg(s, DEFAULT_SETTINGS));
    }));
  });
  it('never falls below the other-food baseline', () => {
    fc.assert(fc.property(servings, (s) => {
      expect(calciumIntakeMg(s, DEFAULT_SETTINGS)).toBeGreaterThanOrEqual(DEFAULT_SETTINGS.calciumOtherFoodMg);
    }));
  });
});
