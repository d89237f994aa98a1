import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bsnDigits, bsnProblem, isValidBsn } from './bsn.js';

describe('BSN eleven-test', () => {
  it('accepts known-good numbers and rejects others', () => {
    expect(isValidBsn('111222333')).toBe(true);
    expect(isValidBsn('123456782')).toBe(true);
    expect(isValidBsn('123456789')).toBe(false);
    expect(isValidBsn('000000000')).toBe(false);
    expect(isValidBsn('12345678')).toBe(false);
    expect(isValidBsn('12345678a')).toBe(false);
  });
  it('catches every single-digit typo in a valid number', () => {
    const valid = fc
      .array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 })
      .map((d) => d.join(''))
      .filter(isValidBsn);
    fc.assert(
      fc.property(valid, fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 9 }), (bsn, pos, delta) => {
        const d = Number(bsn[pos]);
        const typo = bsn.slice(0, pos) + String((d + delta) % 10) + bsn.slice(pos + 1);
        expect(isValidBsn(typo)).toBe(false);
      }),
    );
  });
});

describe('why a number is not a BSN', () => {
  it('tells a wrong number of digits apart from nine digits that fail the eleven-test', () => {
    expect(bsnProblem('12345678')).toBe('bsn-format');
    expect(bsnProblem('1234567890')).toBe('bsn-format');
    expect(bsnProblem('12345678a')).toBe('bsn-format');
    expect(bsnProblem('123456789')).toBe('bsn-eleven-test');
    expect(bsnProblem('000000000')).toBe('bsn-eleven-test');
    expect(bsnProblem('123456782')).toBeUndefined();
    // As letters print it, and as people type it.
    expect(bsnProblem('1234.56.782')).toBeUndefined();
    expect(bsnProblem(' 123 456 782 ')).toBeUndefined();
    expect(bsnDigits('1234.56.782')).toBe('123456782');
  });
  it('agrees with the eleven-test on every nine digits, however they are grouped', () => {
    const digits = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 }).map((d) => d.join(''));
    const group = fc.constantFrom((s: string) => s, (s: string) => `${s.slice(0, 4)}.${s.slice(4, 6)}.${s.slice(6)}`, (s: string) => `${s.slice(0, 3)} ${s.slice(3, 6)} ${s.slice(6)}`);
    fc.assert(
      fc.property(digits, group, (s, g) => {
        expect(bsnProblem(g(s))).toBe(isValidBsn(s) ? undefined : 'bsn-eleven-test');
      }),
    );
  });
  it('calls anything but nine digits a wrong number of digits', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 14 }).filter((s) => !/^\d{9}$/.test(s.replace(/[\s.-]/g, ''))), (s) => {
        expect(bsnProblem(s)).toBe('bsn-format');
      }),
    );
  });
});
