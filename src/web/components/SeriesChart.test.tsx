// The chart of a measure over time: the axis on round numbers with every value and reference inside,
// a fixed scale kept, later drawn further right and a higher value higher up.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { placeOf, valueRange } from './SeriesChart.js';

describe('the series chart', () => {
  it('puts the axis on round numbers around every value', () => {
    expect(valueRange([2890, 3400, 3910], null)).toEqual({ min: 2000, max: 5000 });
    expect(valueRange([0.72, 0.91, 0.8], null)).toEqual({ min: 0.6, max: 1.0 });
    expect(valueRange([5, 9], { min: 0, max: 12 })).toEqual({ min: 0, max: 12 });
    expect(valueRange([], null)).toEqual({ min: 0, max: 1 });
    fc.assert(fc.property(fc.array(fc.double({ min: 0, max: 100000, noNaN: true }), { minLength: 1, maxLength: 30 }), (vs) => {
      const r = valueRange(vs, null);
      expect(r.min).toBeGreaterThanOrEqual(0);
      for (const v of vs) {
        expect(v).toBeGreaterThanOrEqual(r.min);
        expect(v).toBeLessThanOrEqual(r.max);
      }
    }));
  });

  it('draws a later point further right and a higher value higher up', () => {
    const pts = [{ date: '2026-01-01', value: 3 }, { date: '2026-04-01', value: 9 }];
    const { x, y } = placeOf(pts, { min: 0, max: 12 });
    expect(x('2026-04-01')).toBeGreaterThan(x('2026-01-01'));
    fc.assert(fc.property(fc.double({ min: 0, max: 12, noNaN: true }), fc.double({ min: 0, max: 12, noNaN: true }), (a, b) => {
      if (a > b) expect(y(a)).toBeLessThanOrEqual(y(b));
    }));
  });
});
