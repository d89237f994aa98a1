// Phone numbers as people in the Netherlands write them, checked against the numbering plans and
// kept in one form.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { phoneE164, phoneForDisplay } from './phone.js';

const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
/** The eight digits after 06 of a mobile number in use (06-1… to 06-5…; 06-0… does not exist). */
const eight = fc.tuple(fc.integer({ min: 1, max: 5 }), digits(7)).map(([a, b]) => `${String(a)}${b}`);
const seven = digits(7);

describe('phone numbers', () => {
  it.each([
    ['06-12345678', '+31612345678'],
    ['06 1234 5678', '+31612345678'],
    ['0612345678', '+31612345678'],
    ['+31 6 12345678', '+31612345678'],
    ['+31 (0)6 12345678', '+31612345678'],
    ['0031 6 12345678', '+31612345678'],
    ['020-1234567', '+31201234567'],
    ['(020) 123 45 67', '+31201234567'],
    ['010 123 4567', '+31101234567'],
    ['+44 20 7946 0958', '+442079460958'],
    ['+32 2 555 12 12', '+3225551212'],
    ['0049 30 1234567', '+49301234567'],
  ])('takes %s as %s', (typed, e164) => {
    expect(phoneE164(typed)).toBe(e164);
  });

  it.each(['12345', '06-1234567', '06-123456789', '+31 6 1234', 'bel 06-12345678', '06-12345678 (werk)', '++31612345678', '+999 123456', ''])('refuses %j', (typed) => {
    expect(phoneE164(typed)).toBeUndefined();
  });

  it('keeps every Dutch mobile number one way, however it is written', () => {
    fc.assert(
      fc.property(eight, (n) => {
        const ways = [`06-${n}`, `06 ${n}`, `06${n}`, `+31 6 ${n}`, `+316${n}`, `0031 6 ${n}`, `00316${n}`, `06 ${n.slice(0, 4)} ${n.slice(4)}`];
        for (const w of ways) expect(phoneE164(w), w).toBe(`+316${n}`);
      }),
    );
  });

  it('shows a stored number the way it is read, and reading that back gives the same number', () => {
    const number = fc.oneof(eight.map((n) => `06-${n}`), seven.map((n) => `020-${n}`), seven.map((n) => `+44 20 7${n}`));
    fc.assert(
      fc.property(number, (typed) => {
        const stored = phoneE164(typed);
        if (stored === undefined) return;
        const shown = phoneForDisplay(stored);
        expect(phoneE164(shown)).toBe(stored);
      }),
    );
    expect(phoneForDisplay('+31612345678')).toBe('06 12345678');
    expect(phoneForDisplay('+442079460958')).toBe('+44 20 7946 0958');
    // Stored before numbers were checked: shown as it is.
    expect(phoneForDisplay('010 123 4567 (avond)')).toBe('010 123 4567 (avond)');
  });
});
