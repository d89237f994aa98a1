import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sortBy, sortText } from './sort.js';

describe('sortBy and sortText', () => {
  it('give the order Array.prototype.sort gives, equal elements kept in place', () => {
    const item = fc.record({ key: fc.integer({ min: 0, max: 5 }), id: fc.nat() });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 40 }), (xs) => {
        const cmp = (a: { key: number }, b: { key: number }) => a.key - b.key;
        expect(sortBy([...xs], cmp)).toEqual([...xs].sort(cmp));
      }),
      { numRuns: 2000 },
    );
  });

  it('sorts text by UTF-16 code units, as the default sort does', () => {
    const text = fc.string({ maxLength: 6, unit: fc.constantFrom('a', 'B', '.', '-', '2', 'é', '\u{1F600}') });
    fc.assert(
      fc.property(fc.array(text, { maxLength: 40 }), (xs) => {
        expect(sortText([...xs])).toEqual([...xs].sort());
      }),
      { numRuns: 2000 },
    );
  });

  it('sorts in place and returns the same array', () => {
    const xs = ['b', 'a'];
    expect(sortText(xs)).toBe(xs);
    expect(xs).toEqual(['a', 'b']);
  });
});
