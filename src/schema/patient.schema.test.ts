// The patient schemas say what is wrong with each field, in words and by code, as the API's problem
// document carries them: a date that does not exist, a birth date after today, a BSN that fails the
// eleven-test, a phone number that is not one. Empty optional fields are absent, not wrong.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { invalidInput, type ProblemError } from './problem.js';
import { PatientCorrection, PatientInput } from './patient.schema.js';
import { todayNl } from './clock.js';
import { addDays } from '../core/time/date.js';

const base = { familyName: 'Vries', givenName: 'Anna', birthDate: '1948-04-12', sex: 'female' };

function errorsOf(body: unknown): ProblemError[] {
  const r = PatientInput.safeParse(body);
  if (r.success) return [];
  return [...invalidInput(r.error.issues).errors];
}

describe('the patient schema', () => {
  it('says a date that does not exist does not exist, naming the field', () => {
    expect(errorsOf({ ...base, birthDate: '2023-02-29' })).toEqual([
      { pointer: '/birthDate', detail: 'does not exist: February 2023 has 28 days', code: 'date-not-exist' },
    ]);
    expect(errorsOf({ ...base, birthDate: '1950-02-31' })[0]?.code).toBe('date-not-exist');
    expect(errorsOf({ ...base, birthDate: '31-02-1950' })).toEqual([{ pointer: '/birthDate', detail: 'must be a date written as YYYY-MM-DD', code: 'date-format' }]);
    expect(errorsOf({ ...base, birthDate: '1850-01-01' })[0]?.code).toBe('date-out-of-range');
  });

  it('refuses a birth date after today, and takes today and any day before', () => {
    const today = todayNl();
    expect(errorsOf({ ...base, birthDate: addDays(today, 1) })).toEqual([
      { pointer: '/birthDate', detail: 'lies in the future: a date of birth cannot be after today', code: 'date-in-future' },
    ]);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000 }), (back) => {
        const d = addDays(today, -back);
        if (d < '1900-01-01') return;
        expect(errorsOf({ ...base, birthDate: d })).toEqual([]);
      }),
      { numRuns: 200 },
    );
    const later = PatientCorrection.safeParse({ birthDate: addDays(today, 400), reason: 'correction' }).error?.issues[0];
    expect(later?.code === 'custom' && later.params).toEqual({ code: 'date-in-future' });
  });

  it('tells a BSN of the wrong length apart from one that fails the eleven-test', () => {
    expect(errorsOf({ ...base, bsn: '123456789' })).toEqual([
      { pointer: '/bsn', detail: 'is not a valid BSN: these 9 digits fail the eleven-test, so one of them is probably mistyped', code: 'bsn-eleven-test' },
    ]);
    expect(errorsOf({ ...base, bsn: '12345678' })).toEqual([{ pointer: '/bsn', detail: 'must be 9 digits (spaces or dots between them are allowed)', code: 'bsn-format' }]);
    expect(PatientInput.parse({ ...base, bsn: '1234.56.782' }).bsn).toBe('123456782');
  });

  it('checks a phone number, says what is expected, and keeps it in E.164 form', () => {
    const [e] = errorsOf({ ...base, phone: '12345' });
    expect(e?.pointer).toBe('/phone');
    expect(e?.code).toBe('phone-format');
    expect(e?.detail).toMatch(/06-12345678 or 020-1234567.*\+ and its country code/);
    expect(PatientInput.parse({ ...base, phone: '06-12345678' }).phone).toBe('+31612345678');
    expect(PatientInput.parse({ ...base, phone: '+44 20 7946 0958' }).phone).toBe('+442079460958');
    expect(PatientCorrection.parse({ phone: '020-1234567', reason: 'correction' }).phone).toBe('+31201234567');
  });

  it('lists every bad field at once', () => {
    const errors = errorsOf({ ...base, birthDate: '2023-02-29', bsn: '123456789', phone: 'x', email: 'nope' });
    expect(errors.map((e) => [e.pointer, e.code])).toEqual([
      ['/birthDate', 'date-not-exist'],
      ['/bsn', 'bsn-eleven-test'],
      ['/phone', 'phone-format'],
      ['/email', undefined],
    ]);
    expect(errors[3]?.detail).toBe('is not a valid e-mail address');
  });

  it('takes optional fields left empty as absent', () => {
    const p = PatientInput.parse({ ...base, bsn: '', phone: '', email: '', gpPractice: '' });
    expect([p.bsn, p.phone, p.email, p.gpPractice]).toEqual([null, null, null, null]);
    expect(PatientInput.parse(base).phone).toBeUndefined();
  });
});
