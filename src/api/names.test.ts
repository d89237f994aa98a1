// Dutch surnames and likely duplicates over the API: a surname typed with its prefix is split, a
// create that looks like an existing record is stopped with 409 listing it (audited) until
// `differentPerson: true` says otherwise, and the list sorts and searches by the main word.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { signInRoles, testApp, type TestApp } from './testing/test-app.js';
import { buildFixture, type Fixture } from './testing/fixture.js';
import { STORE_KINDS } from '../store/testing/stores.js';

interface Summary { id: string; familyName: string; familyNamePrefix: string | null; givenName: string }

describe.each(STORE_KINDS)('Dutch surnames and duplicates over the API on %s', (kind) => {
  let t: TestApp;
  let f: Fixture;
  const cookie: Record<string, string> = {};
  const post = (body: unknown, requestId = randomUUID()) =>
    t.app.inject({ method: 'POST', url: '/api/v1/patients', headers: { cookie: cookie.nurse ?? '', 'content-type': 'application/json', 'x-request-id': requestId }, payload: JSON.stringify(body) });
  const list = async (q: string) =>
    (await t.app.inject({ url: `/api/v1/patients?q=${encodeURIComponent(q)}`, headers: { cookie: cookie.nurse ?? '' } })).json<{ items: Summary[] }>().items;
  let anna = '';

  beforeAll(async () => {
    t = await testApp(kind);
    f = await buildFixture(t.store.db);
    await signInRoles(t, f, ['nurse', 'physiotherapist'], cookie);
  });
  afterAll(async () => {
    await t.close();
  });

  it('splits a prefix typed in the surname, and keeps one given apart', async () => {
    const r = await post({ familyName: 'de Vries', givenName: 'Anna', birthDate: '1948-04-12', sex: 'female' });
    expect(r.statusCode).toBe(201);
    const p = r.json<Summary>();
    expect([p.familyNamePrefix, p.familyName]).toEqual(['de', 'Vries']);
    anna = p.id;
    const apart = (await post({ familyNamePrefix: 'van der', familyName: 'Berg', givenName: 'Kees', birthDate: '1950-02-02', sex: 'male' })).json<Summary>();
    expect([apart.familyNamePrefix, apart.familyName]).toEqual(['van der', 'Berg']);
    const plain = (await post({ familyName: 'Bakker', givenName: 'Els', birthDate: '1951-03-03', sex: 'female' })).json<Summary>();
    expect([plain.familyNamePrefix, plain.familyName]).toEqual([null, 'Bakker']);
  });

  it('answers a likely duplicate with 409 listing it, audits what it showed, and saves with differentPerson', async () => {
    const requestId = randomUUID();
    const dup = await post({ familyName: 'Vries', givenName: 'Anna', birthDate: '1948-04-12', sex: 'female' }, requestId);
    expect(dup.statusCode).toBe(409);
    expect(dup.headers['content-type']).toContain('application/problem+json');
    const body = dup.json<{ errors: { pointer: string }[]; duplicates: Summary[] }>();
    expect(body.errors.map((e) => e.pointer)).toEqual(['/differentPerson']);
    expect(body.duplicates.map((d) => d.id)).toEqual([anna]);
    const audit = await t.store.db.selectFrom('audit_event').select(['action', 'resource', 'patient_id']).where('request_id', '=', requestId).execute();
    expect(audit).toEqual([{ action: 'patient.list', resource: 'patient/duplicates', patient_id: anna }]);
    const saved = await post({ familyName: 'Vries', givenName: 'Anna', birthDate: '1948-04-12', sex: 'female', differentPerson: true });
    expect(saved.statusCode).toBe(201);
    // Another day of birth, or another name: no question asked.
    expect((await post({ familyName: 'de Vries', givenName: 'Anna', birthDate: '1948-04-13', sex: 'female' })).statusCode).toBe(201);
    expect((await post({ familyName: 'de Vries', givenName: 'Pieter', birthDate: '1948-04-12', sex: 'male' })).statusCode).toBe(201);
  });

  it('refuses a role that may not create without showing anyone', async () => {
    const r = await t.app.inject({
      method: 'POST', url: '/api/v1/patients', headers: { cookie: cookie.physiotherapist ?? '', 'content-type': 'application/json' },
      payload: JSON.stringify({ familyName: 'de Vries', givenName: 'Anna', birthDate: '1948-04-12', sex: 'female' }),
    });
    expect(r.statusCode).toBe(403);
    expect(r.json<{ duplicates?: unknown }>().duplicates).toBeUndefined();
  });

  it('sorts under the main word and finds a name typed in any order', async () => {
    const all = await list('');
    const shown = all.map((p) => `${p.familyName}, ${p.givenName}${p.familyNamePrefix ? ' ' + p.familyNamePrefix : ''}`);
    expect(shown.filter((s) => s.startsWith('Vries') || s.startsWith('Bakker') || s.startsWith('Berg'))).toEqual([
      'Bakker, Els', 'Berg, Kees van der', 'Vries, Anna', 'Vries, Anna de', 'Vries, Anna de', 'Vries, Pieter de',
    ]);
    for (const q of ['Vries, Anna', 'Anna de Vries', 'de vries']) {
      expect((await list(q)).map((p) => p.id), q).toContain(anna);
    }
    expect((await list('van der berg')).map((p) => p.givenName)).toEqual(['Kees']);
  });

  it('corrects a surname typed with its prefix into the two fields', async () => {
    const r = await t.app.inject({
      method: 'PATCH', url: `/api/v1/patients/${anna}`, headers: { cookie: cookie.nurse ?? '', 'content-type': 'application/json' },
      payload: JSON.stringify({ familyName: "van 't Hof", reason: 'correction' }),
    });
    expect(r.statusCode).toBe(200);
    expect(r.json<Summary>()).toMatchObject({ familyNamePrefix: "van 't", familyName: 'Hof' });
  });
});
