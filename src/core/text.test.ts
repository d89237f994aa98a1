import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { num } from './text.js';

/** num() as it was first written, with String(): the wording every explanation was checked against. */
function reference(x: number, lang: 'nl' | 'en'): string {
  let s = String(Math.round(x * 1000) / 1000);
  if (s.startsWith('-')) s = '\u2212' + s.slice(1);
  return lang === 'nl' ? s.replace('.', ',') : s;
}

describe('num', () => {
  it('writes a decimal comma and a true minus sign in Dutch', () => {
    expect(num(-2.7, 'nl')).toBe('\u22122,7');
    expect(num(-2.7, 'en')).toBe('\u22122.7');
    expect(num(44.928, 'nl')).toBe('44,928');
    expect(num(29.9519999, 'en')).toBe('29.952');
    expect(num(58, 'nl')).toBe('58');
    expect(num(-0.0004, 'en')).toBe('0');
    expect(num(1.05, 'en')).toBe('1.05');
    expect(num(0.007, 'nl')).toBe('0,007');
  });

  it('rounds to thousandths exactly as String(Math.round(x * 1000) / 1000) does', () => {
    const values = fc.oneof(
      fc.double({ noNaN: true }),
      fc.double({ min: -1e6, max: 1e6, noNaN: true }),
      fc.integer({ min: -1e9, max: 1e9 }).map((k) => k / 1000),
      fc.integer({ min: -1e7, max: 1e7 }).map((k) => (k + 0.5) / 1000),
      fc.constantFrom(0, -0, 0.0005, -0.0005, 1e12, -1e12, 1e15, 1e21, 1e-7, NaN, Infinity, -Infinity),
    );
    fc.assert(
      fc.property(values, fc.constantFrom('nl' as const, 'en' as const), (x, lang) => {
        expect(num(x, lang)).toBe(reference(x, lang));
      }),
      { numRuns: 20_000 },
    );
  });
});
