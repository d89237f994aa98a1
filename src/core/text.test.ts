import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { num } from './text.js';

/** num() as it was first written, with String(): the wording every explanation was checked against. */
function reference(x: number, lang: 'nl' | 'en', decimals?: number): string {
  let s = decimals === undefined ? String(Math.round(x * 1000) / 1000) : x.toFixed(decimals);
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

  it('rounds to a fixed number of decimals exactly as toFixed does, halves and −0 included', () => {
    expect(num(-0.04, 'nl', 1)).toBe('\u22120,0');
    expect(num(0.35, 'en', 1)).toBe('0.3');
    expect(num(1.005, 'en', 2)).toBe('1.00');
    expect(num(-2.5, 'nl', 1)).toBe('\u22122,5');
    const values = fc.oneof(
      fc.double({ noNaN: true }),
      fc.double({ min: -1e4, max: 1e4, noNaN: true }),
      fc.integer({ min: -1e6, max: 1e6 }).map((k) => (k + 0.5) / 100),
      fc.integer({ min: -1e6, max: 1e6 }).map((k) => (k + 0.5) / 10),
      fc.integer({ min: -1e6, max: 1e6 }).map((k) => k * 0.05),
      fc.constantFrom(0, -0, -0.05, 0.05, 0.15, 2.675, 1e9 - 0.05, 999999999.95, NaN, Infinity, -Infinity),
    );
    fc.assert(
      fc.property(values, fc.constantFrom(0, 1, 2, 3), fc.constantFrom('nl' as const, 'en' as const), (x, d, lang) => {
        expect(num(x, lang, d)).toBe(reference(x, lang, d));
      }),
      { numRuns: 20_000 },
    );
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
