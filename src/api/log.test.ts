// No health data in the server log: bad input carrying a known BSN, names and a note is sent to
// every operation of the OpenAPI document (and two creates race for one BSN), then the log is read
// back and searched for them. A database error logged as such keeps its detail and parameters out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionCookie, signInApi, signInRoles, testApp, type TestApp } from './testing/test-app.js';
import { buildFixture, PASSWORD, type Fixture } from './testing/fixture.js';
import { STORE_KINDS } from '../store/testing/stores.js';

const BSN = '123456782';
const FAMILY = 'Zwanenburg';
const GIVEN = 'Geertruida';
const NOTE = 'valt vaak in de badkamer';
const SECRETS = [BSN, FAMILY, GIVEN, NOTE];

describe.each(STORE_KINDS)('the server log on %s', (kind) => {
  let t: TestApp;
  let f: Fixture;
  let log = '';
  const cookie: Record<string, string> = {};
  beforeAll(async () => {
    t = await testApp(kind, { BOTPAD_LOG_LEVEL: 'info' }, { logStream: { write: (line) => void (log += line) } });
    f = await buildFixture(t.store.db);
    await signInRoles(t, f, ['nurse', 'admin'], cookie);
  });
  afterAll(async () => {
    await t.close();
  });

  it('holds none of the BSN, names and notes sent as bad input to every route', async () => {
    const doc = t.app.swagger() as unknown as { paths: Record<string, Record<string, unknown>> };
    const person = { familyName: FAMILY, givenName: GIVEN, birthDate: '1950-01-01', sex: 'female', bsn: BSN };
    const bodies: unknown[] = [
      { ...person, note: NOTE },
      { ...person, birthDate: '1950-02-30', note: NOTE },
      { familyName: `${FAMILY}\u0000`, givenName: GIVEN, reason: 'correction', note: NOTE, bsn: BSN },
      { email: `${GIVEN}.${FAMILY}@example.nl`, password: NOTE, displayName: `${GIVEN} ${FAMILY}`, code: BSN },
    ];
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const method of Object.keys(ops).filter((m) => ['get', 'post', 'patch', 'delete', 'put'].includes(m))) {
        for (const id of [f.patients.adultA, BSN, FAMILY]) {
          const url = path.replace(/\{[^}]+\}/g, id) + `?q=${FAMILY}&note=${encodeURIComponent(NOTE)}&bsn=${BSN}`;
          for (const body of method === 'get' || method === 'delete' ? [undefined] : bodies) {
            for (const as of ['nurse', 'admin']) {
              const res = await t.app.inject({
                method: method.toUpperCase() as 'GET',
                url,
                headers: { cookie: cookie[as] ?? '', ...(body ? { 'content-type': 'application/json' } : {}) },
                ...(body ? { payload: JSON.stringify(body) } : {}),
              });
              expect(res.statusCode, `${method} ${url}`).toBeLessThan(500);
            }
          }
        }
      }
    }
    // Signing out was among the operations: sign in again. Then two creates race for one BSN (the
    // loser runs into the unique index).
    cookie.nurse = sessionCookie(await signInApi(t, f.users.nurse.email, PASSWORD));
    const race = await Promise.all(
      [0, 1, 2].map(() =>
        t.app.inject({ method: 'POST', url: '/api/v1/patients', headers: { cookie: cookie.nurse ?? '', 'content-type': 'application/json' }, payload: JSON.stringify({ ...person, bsn: '111222333' }) }),
      ),
    );
    expect(race.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    for (const s of [...SECRETS, '111222333']) expect(log, s).not.toContain(s);
  });

  it('logs a database error without its detail, query or parameters', async () => {
    // A real error from this store: a second patient with a BSN that is taken.
    const err = await t.store.db
      .insertInto('patient')
      .values({ family_name: FAMILY, given_name: GIVEN, birth_date: '1950-01-01', sex: 'female', bsn: '999888777', phone: null, email: null, gp_practice: null, pathway_stage: 'x' })
      .execute()
      .then(() => t.store.db.insertInto('patient').values({ family_name: FAMILY, given_name: GIVEN, birth_date: '1950-01-01', sex: 'female', bsn: '999888777', phone: NOTE, email: null, gp_practice: null, pathway_stage: 'x' }).execute())
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(err).toBeInstanceOf(Error);
    expect(JSON.stringify({ ...(err as object), message: (err as Error).message })).toContain('999888777');
    const start = log.length;
    t.app.log.error({ err }, 'request failed');
    const line = log.slice(start);
    expect(line).toContain('request failed');
    expect(line).toContain('patient_bsn_unique');
    for (const s of [...SECRETS, '999888777']) expect(line, s).not.toContain(s);
  });
});
