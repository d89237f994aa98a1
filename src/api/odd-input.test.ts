// Odd input never becomes a 500 nor half-stored data: NUL bytes and unpaired surrogates in any text,
// bytes that are not UTF-8 in a body or query, impossible dates and repeated names in page queries,
// an odd Host header while an account letter is made, and oversized error lists.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { signInRoles, testApp, type TestApp } from './testing/test-app.js';
import { buildFixture, type Fixture } from './testing/fixture.js';
import { STORE_KINDS } from '../store/testing/stores.js';
import { MAX_ERRORS, Problem } from '../schema/problem.js';

describe.each(STORE_KINDS)('odd input on %s', (kind) => {
  let t: TestApp;
  let f: Fixture;
  const cookie: Record<string, string> = {};
  const counts = async () => {
    const r = await sql<{ p: number; u: number; l: number; c: number; g: number; r: number }>`select
      (select count(*)::int from patient) as p, (select count(*)::int from app_user) as u,
      (select count(*)::int from patient_organisation) as l, (select count(*)::int from one_time_code) as c,
      (select count(*)::int from caregiver_link) as g, (select count(*)::int from patient_revision) as r`.execute(t.store.db);
    return r.rows[0];
  };
  const api = (method: 'GET' | 'POST' | 'PATCH', url: string, as: string | null, payload?: string | Buffer, headers: Record<string, string> = {}) =>
    t.app.inject({
      method,
      url,
      headers: { ...(as ? { cookie: cookie[as] } : {}), ...(payload !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(payload !== undefined ? { payload } : {}),
    });
  const expectProblem = (res: { statusCode: number; headers: Record<string, unknown>; body: string }, status: number, pointer?: string) => {
    expect(res.statusCode, res.body).toBe(status);
    expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
    const p = Problem.parse(JSON.parse(res.body));
    if (pointer !== undefined) expect(p.errors?.map((e) => e.pointer)).toContain(pointer);
    return p;
  };

  beforeAll(async () => {
    t = await testApp(kind);
    f = await buildFixture(t.store.db);
    await signInRoles(t, f, ['nurse', 'admin', 'physiotherapist'], cookie);
  });
  afterAll(async () => {
    await t.close();
  });

  const newPatient = { familyName: 'Jansen', givenName: 'Els', birthDate: '1950-01-01', sex: 'female', phone: '0612345678', gpPractice: 'De Linde' };

  it.each(['familyName', 'givenName', 'phone', 'gpPractice'])('refuses a NUL byte in %s with 400 naming the field, storing nothing', async (field) => {
    const before = await counts();
    const res = await api('POST', '/api/v1/patients', 'nurse', JSON.stringify({ ...newPatient, [field]: 'a\u0000b' }));
    const p = expectProblem(res, 400, `/${field}`);
    expect(p.errors?.find((e) => e.pointer === `/${field}`)?.detail).toMatch(/NUL/);
    expect(await counts()).toEqual(before);
  });

  it('refuses NUL bytes in a correction note, the search, an e-mail address, sign-in and the audit filters', async () => {
    const before = await counts();
    expectProblem(await api('PATCH', `/api/v1/patients/${f.patients.adultA}`, 'nurse', JSON.stringify({ phone: '1', reason: 'correction', note: 'x\u0000' })), 400, '/note');
    expectProblem(await api('GET', '/api/v1/patients?q=ab%00cd', 'nurse'), 400, '/query/q');
    expectProblem(await api('POST', '/api/v1/session', null, JSON.stringify({ email: 'a\u0000@b.nl', password: 'x' })), 400, '/email');
    expectProblem(await api('POST', '/api/v1/password-reset', null, JSON.stringify({ email: 'a\u0000@b.nl' })), 400, '/email');
    expectProblem(await api('GET', '/api/v1/audit?action=patient%00', 'admin'), 400, '/query/action');
    expectProblem(await api('POST', `/api/v1/patients/${f.patients.adultA}/account`, 'nurse', JSON.stringify({ kind: 'caregiver', displayName: 'Ma\u0000', relation: 'parent' })), 400, '/displayName');
    expect(await counts()).toEqual(before);
  });

  it('refuses an unpaired surrogate instead of storing U+FFFD', async () => {
    const before = await counts();
    const body = JSON.stringify({ ...newPatient }).replace('"Jansen"', '"Jan\\ud800sen"');
    const p = expectProblem(await api('POST', '/api/v1/patients', 'nurse', body), 400, '/familyName');
    expect(p.errors?.[0]?.detail).toMatch(/surrogate/);
    const key = JSON.stringify({ ...newPatient }).replace('"phone"', '"ph\\udc00one"');
    expectProblem(await api('POST', '/api/v1/patients', 'nurse', key), 400);
    expect(await counts()).toEqual(before);
  });

  it('refuses a JSON body that is not UTF-8, and a query escape that is not UTF-8', async () => {
    const before = await counts();
    const json = Buffer.concat([Buffer.from('{"familyName":"Jan'), Buffer.from([0xff, 0xfe]), Buffer.from('sen","givenName":"Els","birthDate":"1950-01-01","sex":"female"}')]);
    expectProblem(await api('POST', '/api/v1/patients', 'nurse', json), 400);
    expectProblem(await api('GET', '/api/v1/patients?q=%ED%A0%80', 'nurse'), 400, '/query');
    expectProblem(await api('GET', '/api/v1/patients?q=%FF', 'nurse'), 400, '/query');
    expect(await counts()).toEqual(before);
  });

  it('refuses an empty JSON body and broken JSON with a problem document', async () => {
    expectProblem(await api('POST', '/api/v1/patients', 'nurse', ''), 400);
    expectProblem(await api('POST', '/api/v1/patients', 'nurse', '{"a":'), 400);
    expectProblem(await api('POST', '/api/v1/patients', 'nurse', '{"__proto__":{"x":1}}'), 400);
  });

  it('caps the error list: a body of many unknown fields gets a small answer', async () => {
    const big: Record<string, number> = { ...newPatient } as unknown as Record<string, number>;
    for (let i = 0; i < 60_000; i++) big[`k${String(i)}`] = 1;
    const payload = JSON.stringify(big);
    expect(payload.length).toBeGreaterThan(500_000);
    const res = await api('POST', '/api/v1/patients', 'nurse', payload);
    const p = expectProblem(res, 400);
    expect(res.body.length).toBeLessThan(5_000);
    expect(p.errors?.length).toBe(MAX_ERRORS + 1);
    expect(p.errors?.at(-1)).toEqual({ pointer: '', detail: `and ${String(60_000 - MAX_ERRORS)} more` });
    expect(p.detail).toContain('60000 invalid fields');
  });

  it('makes the letter and stores the account whole whatever the Host header says (links come from configuration)', async () => {
    const before = await counts();
    const res = await api('POST', `/api/v1/patients/${f.patients.adultA}/account?format=pdf`, 'nurse', JSON.stringify({ kind: 'caregiver', displayName: 'Mo', relation: 'family', patientConsent: true }), { host: 'bad host' });
    expect(res.statusCode).toBe(201);
    expect(res.headers['content-type']).toMatch(/application\/pdf/);
    const after = await counts();
    expect(after).toEqual({ ...before, u: (before?.u ?? 0) + 1, g: (before?.g ?? 0) + 1, c: (before?.c ?? 0) + 1 });
  });

  describe('pages', () => {
    let jar: Record<string, string>;
    const page = (url: string, as: string) => t.app.inject({ method: 'GET', url, headers: { accept: 'text/html', cookie: cookie[as] ?? '' } });
    beforeAll(() => {
      jar = cookie;
    });

    it('answers an impossible date in the audit filter with the form and its error', async () => {
      for (const d of ['31-11-2026', '2026-02-30', '30-02-2026']) {
        const res = await page(`/admin/audit?from=${encodeURIComponent(d)}`, 'admin');
        expect(res.statusCode, d).toBe(400);
        expect(res.headers['content-type']).toMatch(/text\/html/);
        expect(res.body).toContain('id="from-error"');
      }
      const nul = await page('/admin/audit?action=a%00b', 'admin');
      expect(nul.statusCode).toBe(400);
      expect(nul.headers['content-type']).toMatch(/text\/html/);
      expect(jar.admin).toBeDefined();
    });

    it('refuses a return address with characters a header cannot carry: back to the start page, not a 500', async () => {
      // Control characters: refused, home instead. U+2028 (not a control character) stays on the
      // site, percent-encoded as a header can carry it.
      for (const [r, to] of [['/%7F', '/'], ['/%0d%0aX:%201', '/'], ['/%E2%80%A8', '/%E2%80%A8']] as const) {
        const res = await t.app.inject({ method: 'GET', url: `/preferences?lang=en&return=${r}`, headers: { accept: 'text/html' } });
        expect(res.statusCode, r).toBe(303);
        expect(res.headers.location, r).toBe(to);
      }
    });

    it('reads a repeated query name as one value instead of failing', async () => {
      expect((await page('/patients?q=a&q=b', 'nurse')).statusCode).toBe(200);
      // The action is one of the list, so two real ones: the last one counts.
      expect((await page('/admin/audit?action=patient.read&action=session.create', 'admin')).statusCode).toBe(200);
    });

    it('shows the search form with its error for a NUL byte in the search', async () => {
      const res = await page('/patients?q=a%00', 'nurse');
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toMatch(/text\/html/);
    });

    it('refuses a form body that is not UTF-8 and stores nothing', async () => {
      const form = await page('/patients/new', 'nurse');
      const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
      const csrfCookie = form.cookies.find((c) => c.name === 'botpad_csrf');
      const before = await counts();
      const res = await t.app.inject({
        method: 'POST',
        url: '/patients/new',
        headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded', cookie: `${cookie.nurse ?? ''}; botpad_csrf=${csrfCookie?.value ?? ''}` },
        payload: `_csrf=${encodeURIComponent(csrf)}&familyName=Jan%FFsen&givenName=Els&birthDate=01-01-1950&sex=female`,
      });
      expect(res.statusCode).toBe(400);
      expect(await counts()).toEqual(before);
    });
  });
});
