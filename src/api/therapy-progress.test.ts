// The progress report over HTTP, on both stores: printed for the practice and the hospital in the
// language asked, refused to another practice and another hospital; kept with the letters by the
// practice only (a nurse reads, does not keep), printed again from what it said that day even after
// a new measurement; every read and write audited.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInApi, sessionCookie, signInRoles, testApp, type TestApp, jsonCaller } from './testing/test-app.js';
import { buildFixture, PASSWORD, type Fixture } from './testing/fixture.js';
import { pdfText } from './testing/pdf-text.js';
import { STORE_KINDS } from '../store/testing/stores.js';
import { insertUser } from '../store/accounts.repo.js';
import { insertEntry } from '../store/record.repo.js';
import { hashPassword } from '../services/auth.js';
import { addMonths } from '../core/time/date.js';
import { todayNl } from '../schema/clock.js';

describe.each(STORE_KINDS)('the progress report API on %s', (kind) => {
  let t: TestApp;
  let f: Fixture;
  const cookie: Record<string, string> = {};
  const today = todayNl();
  const call = jsonCaller(() => t, cookie);
  const pdfUrl = (lang = 'nl') => `/api/v1/patients/${f.patients.adultA}/therapy/progress-report.pdf?lang=${lang}`;
  const keepUrl = () => `/api/v1/patients/${f.patients.adultA}/therapy/progress-reports`;
  const measure = (date: string, data: object) =>
    insertEntry(t.store.db, { patientId: f.patients.adultA, kind: 'exercise-measurement', date, data, source: 'clinician', by: f.users.physiotherapist.id, organisationId: f.orgs.physioA });

  beforeAll(async () => {
    t = await testApp(kind);
    f = await buildFixture(t.store.db);
    await signInRoles(t, f, ['nurse', 'physiotherapist', 'patient'], cookie);
    for (const [who, role, org] of [['physioB', 'physiotherapist', f.orgs.physioB], ['nurseB', 'nurse', f.orgs.hospB]] as const) {
      await insertUser(t.store.db, { role, organisationId: org, patientId: null, email: `${who}@fixture.test`, displayName: who, passwordHash: await hashPassword(PASSWORD), status: 'active' });
      cookie[who] = sessionCookie(await signInApi(t, `${who}@fixture.test`, PASSWORD));
    }
    await measure(addMonths(today, -6), { tugSeconds: 17.2, chairStand30s: 7 });
    await measure(addMonths(today, -3), { tugSeconds: 13.1, chairStand30s: 10 });
  });
  afterAll(async () => {
    await t.close();
  });

  it('prints the report for the practice and the hospital in the language asked; another practice or hospital is refused', async () => {
    const requestId = randomUUID();
    const nl = await call('GET', pdfUrl(), 'physiotherapist', undefined, requestId);
    expect(nl.statusCode, nl.body).toBe(200);
    expect(nl.headers['content-type']).toBe('application/pdf');
    expect(nl.headers['content-language']).toBe('nl');
    expect(nl.headers['cache-control']).toBe('no-store');
    const text = pdfText(nl.rawPayload).replace(/\s+/g, ' ');
    expect(text).toContain('2 metingen');
    expect(text).toContain('17,2 s traag eerste meting');
    const audit = await t.store.db.selectFrom('audit_event').select(['action', 'allowed', 'resource']).where('request_id', '=', requestId).execute();
    expect(audit).toEqual([{ action: 'record.read', allowed: true, resource: 'patient/therapy-progress/report' }]);
    const en = await call('GET', pdfUrl('en'), 'nurse');
    expect(en.statusCode).toBe(200);
    expect(en.headers['content-language']).toBe('en');
    expect(pdfText(en.rawPayload)).toContain('Exercise therapy progress report');
    for (const who of ['physioB', 'nurseB']) expect([403, 404]).toContain((await call('GET', pdfUrl(), who)).statusCode);
    expect((await call('GET', pdfUrl(), 'nobody')).statusCode).toBe(401);
  });

  it('keeps the report with the letters for the practice only, and prints it again as it was that day', async () => {
    expect((await call('POST', keepUrl(), 'nurse', { lang: 'nl' })).statusCode).toBe(403);
    expect([403, 404]).toContain((await call('POST', keepUrl(), 'physioB', {})).statusCode);
    const kept = await call('POST', keepUrl(), 'physiotherapist', {});
    expect(kept.statusCode, kept.body).toBe(201);
    const letter = kept.json<{ id: string; kind: string; lang: string; title: string }>();
    expect(letter).toMatchObject({ kind: 'progress-report', lang: 'nl', title: 'Voortgangsverslag oefentherapie' });
    const list = await call('GET', `/api/v1/patients/${f.patients.adultA}/letters`, 'nurse');
    expect(list.json<{ id: string }[]>().map((l) => l.id)).toContain(letter.id);

    // A new measurement afterwards: today's report has it, the kept one says what it said.
    await measure(today, { tugSeconds: 11.4 });
    expect(pdfText((await call('GET', pdfUrl(), 'physiotherapist')).rawPayload).replace(/\s+/g, ' ')).toContain('3 metingen');
    const again = await call('GET', `/api/v1/patients/${f.patients.adultA}/letters/${letter.id}/pdf`, 'nurse');
    expect(again.statusCode, again.body).toBe(200);
    const text = pdfText(again.rawPayload).replace(/\s+/g, ' ');
    expect(text).toContain('2 metingen');
    expect(text).not.toContain('11,4 s');
    const writes = await t.store.db.selectFrom('audit_event').select(['allowed', 'resource']).where('action', '=', 'therapy.write').where('resource', '=', 'patient/letter/progress-report').execute();
    expect(writes.filter((w) => w.allowed)).toHaveLength(1);
  });
});
