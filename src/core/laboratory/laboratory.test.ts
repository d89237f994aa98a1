import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LAB_TESTS } from '../case.schema.js';
import { checkCase } from '../evaluate.js';
import { makeCase, lab } from '../testing/builder.js';
import { runRows } from '../testing/rows.js';
import { laboratoryRows } from './laboratory.cases.js';
import { acceptedUnits, CANONICAL_UNIT, fromCanonical, labPicture, normalizeLabs, rules, toCanonical, unitFactor } from './index.js';

describe('laboratory (§6)', () => {
  runRows(laboratoryRows, rules);
});

describe('lab units (§1)', () => {
  it.each([
    ['25-oh-vitamin-d', 'ng/mL', 2.496], ['calcium', 'mg/dL', 0.2495], ['calcium-corrected', 'mg/dL', 0.2495],
    ['creatinine', 'mg/dL', 88.4], ['albumin', 'g/dL', 10], ['creatinine', 'umol/L', 1], ['creatinine', 'µmol/L', 1],
    ['creatinine', 'μmol/L', 1], ['egfr', 'mL/min/1.73m2', 1], ['egfr', 'mL/min/1.73m²', 1], ['tsh', 'mU/L', 1], ['tsh', 'mIU/L', 1],
    ['urine-calcium-24h', 'mmol/24h', 1],
  ] as const)('%s in %s converts with factor %d', (test, unit, factor) => {
    expect(unitFactor(test, unit)).toBe(factor);
  });

  it('every canonical unit converts with factor 1 (canonicalResult passes such a result on as it is)', () => {
    for (const test of LAB_TESTS) expect(unitFactor(test, CANONICAL_UNIT[test])).toBe(1);
  });

  it.each([
    ['calcium', 'constructor'], ['tsh', 'toString'], ['egfr', '__proto__'],
    ['calcium', 'mg/L'], ['25-oh-vitamin-d', 'ng/dL'], ['25-oh-vitamin-d', 'µg/L'], ['egfr', 'mL/min'], ['creatinine', 'mmol/L'], ['tsh', 'pmol/L'],
  ] as const)('%s in %s is not accepted', (test, unit) => {
    expect(unitFactor(test, unit)).toBeUndefined();
  });

  it('an unknown unit makes the whole case invalid at /labs/<i>/unit, alongside other bad fields', () => {
    const r = checkCase({
      asOf: '2026-11-23', person: { birthDate: '1950-02-30', sex: 'female' },
      labs: [lab('calcium', 2.3), { ...lab('calcium', 9), unit: 'mg/L' }, { ...lab('tsh', 1), unit: 'IU' }],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const paths = r.issues.map((i) => i.path.join('/'));
    expect(paths).toEqual(expect.arrayContaining(['person/birthDate', 'labs/1/unit', 'labs/2/unit']));
    expect(paths).not.toContain('labs/0/unit');
  });

  it('normalizeLabs converts value and reference limits, and leaves canonical results alone', () => {
    const c = makeCase({ labs: [lab('25-oh-vitamin-d', 10, { unit: 'ng/mL', refLow: 20 }), lab('egfr', 70)] });
    const n = normalizeLabs(c);
    expect(n.labs?.[0]).toMatchObject({ value: 24.96, unit: 'nmol/L', refLow: 49.92 });
    expect(n.labs?.[1]).toBe(c.labs?.[1]);
    expect(normalizeLabs(n)).toEqual(n);
  });

  it('labPicture reads the latest value in canonical units even on an unnormalised case', () => {
    const c = makeCase({ labs: [lab('creatinine', 1, { unit: 'mg/dL' })] });
    expect(labPicture(c).latest('creatinine')).toMatchObject({ value: 88.4, unit: 'µmol/L' });
  });

  it('conversions round-trip for every accepted unit', () => {
    const pairs = LAB_TESTS.flatMap((t) => acceptedUnits(t).map((u) => [t, u] as const));
    fc.assert(fc.property(fc.constantFrom(...pairs), fc.double({ min: 0, max: 1000, noNaN: true }), ([t, u], v) => {
      const back = fromCanonical(t, toCanonical(t, v, u)!, u)!;
      expect(Math.abs(back - v)).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(v)));
    }));
  });
});
