// Where a browser is sent back to: never off the site, however the path is spelt. And the one
// helper every form uses: zod issues mapped to the reader's language by code and field.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkForm, fieldMessages, input, localPath, pageForm, refusalProblems, typedDate, optionalTypedDate } from './forms.js';
import { nl } from './i18n/nl.js';
import { en } from './i18n/en.js';
import type { Messages } from './i18n/index.js';
import { AppError } from '../schema/problem.js';

const SITE = 'https://botpad.ziekenhuis.nl';
/** Where a browser on our site ends up when sent to `location` (the URL parser browsers use). */
const landsOn = (location: string) => new URL(location, `${SITE}/sign-in`).origin;

describe('localPath', () => {
  it('keeps our own paths, with their query and fragment', () => {
    expect(localPath('/patients/1?notice=created#top')).toBe('/patients/1?notice=created#top');
    expect(localPath('/admin/audit?from=01-01-2026')).toBe('/admin/audit?from=01-01-2026');
  });

  it.each([
    '/\t/attacker.example', '/\n/attacker.example', '/\r\n/attacker.example', '//attacker.example', '/\\attacker.example',
    '\\\\attacker.example', 'https://attacker.example/', '/%09/attacker.example'.replace('%09', '\t'), ' //attacker.example',
    'javascript:alert(1)', '/\u0000/x', '/\u0085/attacker.example', '//@attacker.example', '///attacker.example',
  ])('refuses %j', (v) => {
    expect(localPath(v)).toBe('/');
  });

  it('never sends a browser to another origin, whatever it is given', () => {
    const piece = fc.oneof(
      fc.constantFrom('/', '//', '\\', '\t', '\n', '\r', '@', ':', '.', '..', '%2F', '%5C', '%09', '?', '#', 'attacker.example', 'http:', 'https:', ' ', '\u0000', '\u3002'),
      fc.string({ maxLength: 3 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }).map((xs) => xs.join('')), (s) => {
        const out = localPath(s);
        expect(out.startsWith('/')).toBe(true);
        expect(landsOn(out)).toBe(SITE);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('one form helper', () => {
  const Form = pageForm({
    schema: z.looseObject({
      name: input(z.string().trim().min(1).max(5)),
      email: input(z.email().optional()),
      kind: input(z.enum(['a', 'b'])),
      day: typedDate(),
      code: input(z.string().min(6)),
      extra: input(z.string().refine((v) => v === 'ok').optional()),
    }),
    labels: (t) => ({ name: t.patients.fields.familyName, email: t.patients.fields.email, kind: t.patients.fields.sex, day: t.patients.fields.birthDate, code: t.activate.code, extra: t.record.note }),
    messages: (t) => ({ code: { '*': t.activate.badCode }, day: { '*': t.form.date(t.patients.fields.birthDate) } }),
  });
  const f = (t: Messages) => t.patients.fields;

  it.each([
    ['nl', nl],
    ['en', en],
  ] as const)('maps each kind of zod issue to its message, every error at once, in the order of the page (%s)', (_lang, t: Messages) => {
    const r = checkForm(t, Form, { kind: 'c', name: 'far too long', email: 'not-an-address', day: '31-11-2026', code: 'abc', extra: 'no' }, {});
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual({
      name: t.form.tooLong(f(t).familyName), // too_big
      email: t.form.email, // invalid_format (email)
      kind: t.form.choose(f(t).sex), // invalid_value
      day: t.form.dateNotExist(f(t).birthDate, 11, 2026, 30), // a check of our own: its own message, before the form's
      code: t.activate.badCode, // too_small, with the form's own message
      extra: t.form.invalid(t.record.note), // custom, the general message
    });
    expect(Object.keys(r.errors)).toEqual(['name', 'email', 'kind', 'day', 'code', 'extra']);
  });

  it.each([
    ['nl', nl],
    ['en', en],
  ] as const)('says what is missing, and what cannot be stored, by field (%s)', (_lang, t: Messages) => {
    const r = checkForm(t, Form, { name: '', kind: ['a', ''], day: '12-04-1948', code: 'ABC\u0000DEF' }, {});
    if (r.ok) throw new Error('accepted');
    // '' is "not given"; a repeated name counts with its last value.
    expect(r.errors).toEqual({ name: t.form.required(f(t).familyName), kind: t.form.required(f(t).sex), code: t.form.badCharacters(t.activate.code) });
    expect(r.invalid.has('code')).toBe(true);
  });

  it('hands over the parsed values when all is well', () => {
    const r = checkForm(nl, Form, { _csrf: 'x', name: ' Kees ', kind: ['b', 'a'], day: '5-5-1950', code: 'abcdef' }, {});
    expect(r.ok && r.data).toMatchObject({ _csrf: 'x', name: 'Kees', kind: 'a', day: '1950-05-05', code: 'abcdef' });
  });

  it('takes an optional field left empty, as a browser sends it, as not given', () => {
    const r = checkForm(nl, Form, { name: 'Kees', kind: 'a', day: '1-1-2000', code: 'abcdef', email: '', extra: '' }, {});
    expect(r.ok).toBe(true);
    expect(r.ok && [r.data.email, r.data.extra]).toEqual([undefined, undefined]);
    const Search = pageForm({ schema: z.looseObject({ from: optionalTypedDate() }), labels: () => ({ from: 'x' }) });
    expect(checkForm(nl, Search, { from: '' }, {}).ok).toBe(true);
    expect(checkForm(nl, Search, { from: '31-11-2026' }, {}).ok).toBe(false);
  });

  it('names the field a use case refused, by the kind of refusal', () => {
    const inUse = refusalProblems(new AppError('conflict', 'taken', [{ pointer: '/email', detail: 'is already in use' }]));
    expect(fieldMessages(en, Form, inUse ?? [])).toEqual({ email: en.form.inUse(en.patients.fields.email) });
    const bad = refusalProblems(new AppError('invalid-input', 'bad', [{ pointer: '/code', detail: 'whatever the words' }]));
    expect(fieldMessages(nl, Form, bad ?? [])).toEqual({ code: nl.activate.badCode });
    expect(refusalProblems(new AppError('not-found', 'gone'))).toBeUndefined();
  });
});
