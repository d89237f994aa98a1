// What an organisation keeps of its settings: only the values that differ from the defaults, enough
// to give the same settings back; and which values two settings objects differ in, by pointer.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_SETTINGS, overridesOf, Settings, settingsDiffer, SETTING_KEYS, SETTING_SOURCES } from './settings.js';

const ITEMS = Object.keys(DEFAULT_SETTINGS.calciumPerServingMg) as (keyof Settings['calciumPerServingMg'])[];
const mg = fc.oneof(fc.constantFrom(60, 160, 180), fc.integer({ min: 0, max: 2000 }));
const anySettings: fc.Arbitrary<Settings> = fc.record({
  fractureSitePolicy: fc.constantFrom('guideline', 'hands-feet-excluded'),
  glucocorticoidTScoreThreshold: fc.oneof(fc.constant(-2), fc.double({ min: -5, max: 0, noNaN: true })),
  vertebralFractureMinT: fc.oneof(fc.constant(null), fc.double({ min: -5, max: 5, noNaN: true })),
  overdueGraceDays: fc.oneof(fc.constant(14), fc.integer({ min: 0, max: 365 })),
  calciumOtherFoodMg: fc.oneof(fc.constant(400), fc.integer({ min: 0, max: 3000 })),
  calciumPerServingMg: fc.record(Object.fromEntries(ITEMS.map((i) => [i, mg])) as Record<(typeof ITEMS)[number], fc.Arbitrary<number>>),
  aidsCheckIntervalMonths: fc.oneof(fc.constant(6), fc.integer({ min: 1, max: 36 })),
  aidsCheckGrowthCm: fc.oneof(fc.constant(3), fc.double({ min: 0.5, max: 30, noNaN: true })),
  resultsReleaseDays: fc.oneof(fc.constant(7), fc.integer({ min: 0, max: 60 })),
  expectedFracturesPerYear: fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 1_000_000 })),
  shiftIdleMinutes: fc.oneof(fc.constant(240), fc.integer({ min: 30, max: 720 })),
});

describe('an organisation\'s overrides', () => {
  it('keep nothing for the defaults, and only the changed serving of the calcium items', () => {
    expect(overridesOf(DEFAULT_SETTINGS)).toEqual({});
    const s = Settings.parse({ overdueGraceDays: 14, calciumPerServingMg: { 'milk-glass': 200, 'cheese-slice': 160 } });
    expect(overridesOf(s)).toEqual({ calciumPerServingMg: { 'milk-glass': 200 } });
    expect(settingsDiffer(DEFAULT_SETTINGS, s)).toEqual(['/calciumPerServingMg/milk-glass']);
  });

  it('give the same settings back, and differ from the defaults exactly where the settings do', () => {
    fc.assert(
      fc.property(anySettings, (s) => {
        const kept = overridesOf(s);
        expect(Settings.parse(kept)).toEqual(s);
        const differ = settingsDiffer(DEFAULT_SETTINGS, s);
        const keptPointers = Object.entries(kept).flatMap(([k, v]) => (v !== null && typeof v === 'object' ? Object.keys(v).map((i) => `/${k}/${i}`) : [`/${k}`]));
        expect(differ.sort()).toEqual(keptPointers.sort());
      }),
    );
  });

  it('name the section and sources of every setting', () => {
    expect(Object.keys(SETTING_SOURCES).sort()).toEqual([...SETTING_KEYS].sort());
  });
});
