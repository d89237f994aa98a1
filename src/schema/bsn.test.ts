import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isValidBsn } from './bsn.js';

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
