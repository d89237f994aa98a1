// Bad input on every route that takes input: missing, wrong type, out of range, unknown field and an
// oversized body. Each gets a problem document naming the field, and nothing is stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { signInRoles, testApp, type TestApp } from './testing/test-app.js';
import { buildFixture, type Fixture } from './testing/fixture.js';
import { STORE_KINDS } from '../store/testing/stores.js';
import { Problem } from '../schema/problem.js';

interface Case {
  name: string;
  method: 'POST' | 'PATCH' | 'PUT' | 'GET';
  url: (f: Fixture) => string;
  as: 'nurse' | 'admin' | null;
  body?: unknown;
  pointer: string;
  /** What the problem document says of the field: its code, and words that say what is wrong. */
  says?: { code: string; detail: RegExp };
}

const adult = { familyName: 'X', givenName: 'A', birthDate: '1950-01-01', sex: 'male' };

const CASES: Case[] = [
  { name: 'sign-in: missing password', method: 'POST', url: () => '/api/v1/session', as: null, body: { email: 'a@b.nl' }, pointer: '/password' },
  { name: 'sign-in: wrong type', method: 'POST', url: () => '/api/v1/session', as: null, body: { email: 42, password: 'x' }, pointer: '/email' },
  { name: 'sign-in: unknown field', method: 'POST', url: () => '/api/v1/session', as: null, body: { email: 'a@b.nl', password: 'x', admin: true }, pointer: '/admin' },
  { name: 'patient: missing family name', method: 'POST', url: () => '/api/v1/patients', as: 'nurse', body: { givenName: 'A', birthDate: '1950-01-01', sex: 'male' }, pointer: '/familyName' },
  { name: 'patient: impossible birth date', method: 'POST', url: () => '/api/v1/patients', as: 'nurse', body: { ...adult, birthDate: '1950-02-30' }, pointer: '/birthDate', says: { code: 'date-not-exist', detail: /^does not exist: February 1950 has 28 days$/ } },
  { name: 'patient: no leap day in a common year', method: 'POST', url: () => '/api/v1/patients', as: 'nurse', body: { ...adult, birthDate: '2023-02-29' }, pointer: '/birthDate', says: { code: 'date-not-exist', detail: /does not exist/ } },
  { name: 'patient: birth date after today', method: 'POST', url: () => '/api/v1/patients', as: 'nurse', body: { ...adult, birthDate: '2999-01-01' }, pointer: '/birthDate', says: { code: 'date-in-future', detail: /after today/ } },
  { name: 'patient: birth date not written as a date', method: 'POST', url: () => '/api/v1/patients', as: 'nurse', body: { ...adult, birthDate: '01-01-1950' }, pointer: '/birthDate', says: { code: 'date-format', detail: /YYYY-MM-DD/ } },
  { name: 'patient: bad BSN', method: 'POST', url: () => '/api/v1/patients', as: 'nurse', body: { ...adult, bsn: '123456789' }, pointer: '/bsn', says: { code: 'bsn-eleven-test', detail: /not a valid BSN: .*fail the eleven-test/ } },
  { name: 'patient: BSN of 8 digits', method: 'POST', url: () => '/api/v1/patients', as: 'nurse', body: { ...adult, bsn: '12345678' }, pointer: '/bsn', says: { code: 'bsn-format', detail: /must be 9 digits/ } },
  { name: 'patient: not a phone number', method: 'POST', url: () => '/api/v1/patients', as: 'nurse', body: { ...adult, phone: '12345' }, pointer: '/phone', says: { code: 'phone-format', detail: /06-12345678 or 020-1234567/ } },
  { name: 'correction: birth date that does not exist', method: 'PATCH', url: (f) => `/api/v1/patients/${f.patients.adultA}`, as: 'nurse', body: { birthDate: '1950-04-31', reason: 'correction' }, pointer: '/birthDate', says: { code: 'date-not-exist', detail: /April 1950 has 30 days/ } },
  { name: 'patient: wrong sex code', method: 'POST', url: () => '/api/v1/patients', as: 'nurse', body: { familyName: 'X', givenName: 'A', birthDate: '1950-01-01', sex: 'v' }, pointer: '/sex' },
  { name: 'patient: name too long', method: 'POST', url: () => '/api/v1/patients', as: 'nurse', body: { familyName: 'X'.repeat(201), givenName: 'A', birthDate: '1950-01-01', sex: 'male' }, pointer: '/familyName' },
  { name: 'patient: unknown field', method: 'POST', url: () => '/api/v1/patients', as: 'nurse', body: { familyName: 'X', givenName: 'A', birthDate: '1950-01-01', sex: 'male', diagnosis: 'x' }, pointer: '/diagnosis' },
  { name: 'correction: bad reason', method: 'PATCH', url: (f) => `/api/v1/patients/${f.patients.adultA}`, as: 'nurse', body: { phone: '1', reason: 'typo' }, pointer: '/reason' },
  { name: 'correction: bad id', method: 'PATCH', url: () => '/api/v1/patients/not-a-uuid', as: 'nurse', body: { phone: '1', reason: 'correction' }, pointer: '/params/id' },
  { name: 'link: neither shape', method: 'POST', url: (f) => `/api/v1/patients/${f.patients.adultA}/links`, as: 'nurse', body: { relation: 'care' }, pointer: '' },
  { name: 'account: caregiver without name', method: 'POST', url: (f) => `/api/v1/patients/${f.patients.adultA}/account`, as: 'nurse', body: { kind: 'caregiver', relation: 'family' }, pointer: '/displayName' },
  { name: 'list: limit out of range', method: 'GET', url: () => '/api/v1/patients?limit=5000', as: 'nurse', pointer: '/query/limit' },
  { name: 'list: limit zero', method: 'GET', url: () => '/api/v1/patients?limit=0', as: 'nurse', pointer: '/query/limit' },
  { name: 'list: limit not a number', method: 'GET', url: () => '/api/v1/patients?limit=ten', as: 'nurse', pointer: '/query/limit' },
  { name: 'list: cursor not one the list gave out', method: 'GET', url: () => '/api/v1/patients?cursor=not-a-cursor', as: 'nurse', pointer: '/query/cursor' },
  {
    name: 'list: cursor whose key is not a patient key', method: 'GET', as: 'nurse', pointer: '/query/cursor',
    url: () => `/api/v1/patients?cursor=${Buffer.from(JSON.stringify(['a', 'x', 'y', 'not-an-id'])).toString('base64url')}`,
  },
  { name: 'user: a password given by the administrator', method: 'POST', url: () => '/api/v1/users', as: 'admin', body: { role: 'nurse', email: 'n@x.nl', displayName: 'N', password: 'long-enough-1' }, pointer: '/password' },
  { name: 'user: unknown role', method: 'POST', url: () => '/api/v1/users', as: 'admin', body: { role: 'root', email: 'n@x.nl', displayName: 'N' }, pointer: '/role' },
  { name: 'audit: bad date', method: 'GET', url: () => '/api/v1/audit?from=yesterday', as: 'admin', pointer: '/query/from' },
  { name: 'users: limit out of range', method: 'GET', url: () => '/api/v1/users?limit=201', as: 'admin', pointer: '/query/limit' },
  { name: 'users: cursor not one the list gave out', method: 'GET', url: () => '/api/v1/users?cursor=not-a-cursor', as: 'admin', pointer: '/query/cursor' },
  { name: 'audit: limit zero', method: 'GET', url: () => '/api/v1/audit?limit=0', as: 'admin', pointer: '/query/limit' },
  { name: 'audit: offset is no longer a way to page', method: 'GET', url: () => '/api/v1/audit?offset=100', as: 'admin', pointer: '/query/offset' },
  {
    name: 'audit: cursor with a day that does not exist', method: 'GET', as: 'admin', pointer: '/query/cursor',
    url: () => `/api/v1/audit?cursor=${Buffer.from(JSON.stringify(['a', '2026-02-30T10:00:00.000000Z', '5'])).toString('base64url')}`,
  },
  { name: 'history: limit not a number', method: 'GET', url: (f) => `/api/v1/patients/${f.patients.adultA}/history?limit=ten`, as: 'nurse', pointer: '/query/limit' },
  {
    name: 'history: cursor of the patient list', method: 'GET', as: 'nurse', pointer: '/query/cursor',
    url: (f) => `/api/v1/patients/${f.patients.adultA}/history?cursor=${Buffer.from(JSON.stringify(['a', 'adulta', f.patients.adultA])).toString('base64url')}`,
  },
  { name: 'access log: limit out of range', method: 'GET', url: (f) => `/api/v1/patients/${f.patients.adultA}/access-log?limit=500`, as: 'nurse', pointer: '/query/limit' },
  { name: 'access log: cursor not one the list gave out', method: 'GET', url: (f) => `/api/v1/patients/${f.patients.adultA}/access-log?cursor=%21%21`, as: 'nurse', pointer: '/query/cursor' },
  { name: 'caregivers: limit zero', method: 'GET', url: (f) => `/api/v1/patients/${f.patients.adultA}/caregivers?limit=0`, as: 'nurse', pointer: '/query/limit' },
  { name: 'caregivers: cursor not one the list gave out', method: 'GET', url: (f) => `/api/v1/patients/${f.patients.adultA}/caregivers?cursor=not-a-cursor`, as: 'nurse', pointer: '/query/cursor' },
  { name: 'rules: limit out of range', method: 'GET', url: () => '/api/v1/rules?limit=1000', as: 'nurse', pointer: '/query/limit' },
  {
    name: 'rules: cursor naming no rule', method: 'GET', as: 'nurse', pointer: '/query/cursor',
    url: () => `/api/v1/rules?cursor=${Buffer.from(JSON.stringify(['a', 'no.such-rule'])).toString('base64url')}`,
  },
  { name: 'settings: unknown key', method: 'PUT', url: () => '/api/v1/organisation/settings', as: 'admin', body: { overdueGraceDays: 20, colour: 'blue' }, pointer: '/colour' },
  { name: 'settings: unknown calcium item', method: 'PUT', url: () => '/api/v1/organisation/settings', as: 'admin', body: { calciumPerServingMg: { 'cola-can': 5 } }, pointer: '/calciumPerServingMg/cola-can' },
  { name: 'settings: number out of range', method: 'PUT', url: () => '/api/v1/organisation/settings', as: 'admin', body: { glucocorticoidTScoreThreshold: 1 }, pointer: '/glucocorticoidTScoreThreshold' },
  { name: 'settings: wrong type', method: 'PUT', url: () => '/api/v1/organisation/settings', as: 'admin', body: { overdueGraceDays: '14' }, pointer: '/overdueGraceDays' },
  { name: 'settings: policy not one of the two', method: 'PUT', url: () => '/api/v1/organisation/settings', as: 'admin', body: { fractureSitePolicy: 'none' }, pointer: '/fractureSitePolicy' },
  { name: 'activation: code too short', method: 'POST', url: () => '/api/v1/activation', as: null, body: { code: 'AB', password: 'long-enough-1' }, pointer: '/code' },
  { name: 'reset: not an e-mail', method: 'POST', url: () => '/api/v1/password-reset', as: null, body: { email: 'nope' }, pointer: '/email' },
];

describe.each(STORE_KINDS)('bad input on %s', (kind) => {
  let t: TestApp;
  let f: Fixture;
  const cookie: Record<string, string> = {};
  const counts = async () => {
    const r = await sql<{ p: number; u: number; l: number; c: number; s: number }>`select
      (select count(*)::int from patient) as p, (select count(*)::int from app_user) as u,
      (select count(*)::int from patient_organisation) as l, (select count(*)::int from one_time_code) as c,
      (select count(*)::int from organisation_settings) as s`.execute(t.store.db);
    return r.rows[0];
  };
  beforeAll(async () => {
    t = await testApp(kind, { BOTPAD_BODY_LIMIT: '20000' });
    f = await buildFixture(t.store.db);
    await signInRoles(t, f, ['nurse', 'admin'], cookie);
  });
  afterAll(async () => {
    await t.close();
  });

  it.each(CASES)('$name', async (c) => {
    const before = await counts();
    const res = await t.app.inject({
      method: c.method,
      url: c.url(f),
      headers: { ...(c.as ? { cookie: cookie[c.as] } : {}), ...(c.body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(c.body !== undefined ? { payload: JSON.stringify(c.body) } : {}),
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const p = Problem.parse(res.json());
    expect(p.type).toBe('/problems/invalid-input');
    expect(p.errors?.map((e) => e.pointer)).toContain(c.pointer);
    if (c.says) {
      const e = p.errors?.find((x) => x.pointer === c.pointer);
      expect(e?.code).toBe(c.says.code);
      expect(e?.detail).toMatch(c.says.detail);
    }
    expect(await counts()).toEqual(before);
  });

  it('refuses an oversized body with 413 and stores nothing', async () => {
    const before = await counts();
    const res = await t.app.inject({
      method: 'POST', url: '/api/v1/patients', headers: { cookie: cookie.nurse, 'content-type': 'application/json' },
      payload: JSON.stringify({ familyName: 'X'.repeat(30_000), givenName: 'A', birthDate: '1950-01-01', sex: 'male' }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(await counts()).toEqual(before);
  });

  it('refuses malformed JSON and non-JSON bodies with a problem document', async () => {
    const bad = await t.app.inject({ method: 'POST', url: '/api/v1/patients', headers: { cookie: cookie.nurse, 'content-type': 'application/json' }, payload: '{"familyName": ' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/problem\+json/);
    const form = await t.app.inject({ method: 'POST', url: '/api/v1/patients', headers: { cookie: cookie.nurse, 'content-type': 'application/x-www-form-urlencoded' }, payload: 'familyName=X' });
    expect(form.statusCode).toBe(415);
    expect(form.headers['content-type']).toMatch(/problem\+json/);
  });

  it('lists every bad field at once', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/patients', headers: { cookie: cookie.nurse, 'content-type': 'application/json' }, payload: JSON.stringify({ familyName: '', birthDate: 'x', sex: 1, extra: 1 }) });
    const pointers = Problem.parse(res.json()).errors?.map((e) => e.pointer) ?? [];
    expect(pointers).toEqual(expect.arrayContaining(['/familyName', '/givenName', '/birthDate', '/sex', '/extra']));
  });

  it('keeps serving after all of that', async () => {
    expect((await t.app.inject('/health/ready')).statusCode).toBe(200);
  });
});
