// Races on unique values answer 409 (never 500), a second account letter is the one that works, and
// the BSN is written and searched only by the roles that may see it; refusals after the check are
// still audited although their transaction rolled back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { signInRoles, testApp, type TestApp } from './testing/test-app.js';
import { buildFixture, type Fixture } from './testing/fixture.js';
import { STORE_KINDS } from '../store/testing/stores.js';
import { Problem } from '../schema/problem.js';

// The first number from `seed` on that passes the eleven-test.
function bsn(seed: number): string {
  for (let n = seed; ; n++) {
    const s = String(n).padStart(9, '0');
    const sum = [...s].reduce((acc, ch, i) => acc + Number(ch) * (i === 8 ? -1 : 9 - i), 0);
    if (sum % 11 === 0 && s[0] !== '0') return s;
  }
}

describe.each(STORE_KINDS)('unique values and the BSN on %s', (kind) => {
  let t: TestApp;
  let f: Fixture;
  const cookie: Record<string, string> = {};
  const post = (url: string, as: string, body: unknown) =>
    t.app.inject({ method: 'POST', url, headers: { cookie: cookie[as] ?? '', 'content-type': 'application/json' }, payload: JSON.stringify(body) });
  const patch = (url: string, as: string, body: unknown) =>
    t.app.inject({ method: 'PATCH', url, headers: { cookie: cookie[as] ?? '', 'content-type': 'application/json' }, payload: JSON.stringify(body) });
  // Same birth date and like names on purpose: these tests are about the BSN, past the duplicate check.
  const person = (familyName: string, extra: Record<string, unknown> = {}) => ({ familyName, givenName: 'Test', birthDate: '1960-03-03', sex: 'male', differentPerson: true, ...extra });

  beforeAll(async () => {
    t = await testApp(kind);
    f = await buildFixture(t.store.db);
    await signInRoles(t, f, ['nurse', 'physician', 'physiotherapist'], cookie);
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers parallel creates with the same BSN with one 201 and 409s naming /bsn', async () => {
    const b = bsn(123_400_000);
    const all = await Promise.all([0, 1, 2, 3].map((i) => post('/api/v1/patients', i % 2 ? 'nurse' : 'physician', person(`Race${String(i)}`, { bsn: b }))));
    const codes = all.map((r) => r.statusCode).sort();
    expect(codes).toEqual([201, 409, 409, 409]);
    for (const r of all.filter((x) => x.statusCode === 409)) {
      expect(r.headers['content-type']).toMatch(/problem\+json/);
      const p = Problem.parse(r.json());
      expect(p.errors?.map((e) => e.pointer)).toEqual(['/bsn']);
      // Nothing of the record that holds the BSN: no id, no name.
      const winner = all.find((x) => x.statusCode === 201)?.json<{ id: string; familyName: string }>();
      expect(r.body).not.toContain(winner?.id ?? '?');
      expect(r.body).not.toContain(winner?.familyName ?? '?');
    }
    const n = await sql<{ n: number }>`select count(*)::int as n from patient where bsn = ${b}`.execute(t.store.db);
    expect(n.rows[0]?.n).toBe(1);
  });

  it('audits a duplicate-BSN attempt although its transaction rolled back', async () => {
    const b = bsn(234_500_000);
    expect((await post('/api/v1/patients', 'nurse', person('First', { bsn: b }))).statusCode).toBe(201);
    const before = await sql<{ n: number }>`select count(*)::int as n from audit_event where action = 'patient.create' and allowed = false`.execute(t.store.db);
    const res = await post('/api/v1/patients', 'nurse', person('Second', { bsn: b }));
    expect(res.statusCode).toBe(409);
    const after = await sql<{ n: number; reason: string }>`select count(*)::int as n, max(reason) as reason from audit_event where action = 'patient.create' and allowed = false`.execute(t.store.db);
    expect(after.rows[0]?.n).toBe((before.rows[0]?.n ?? 0) + 1);
    expect(after.rows[0]?.reason).toMatch(/conflict/);
    expect(after.rows[0]?.reason).not.toContain(b);
  });

  it('answers a correction to a BSN that another record holds with 409 naming /bsn, and audits it', async () => {
    const b = bsn(567_800_000);
    expect((await post('/api/v1/patients', 'nurse', person('Holder', { bsn: b }))).statusCode).toBe(201);
    const res = await patch(`/api/v1/patients/${f.patients.adultA}`, 'nurse', { bsn: b, reason: 'correction' });
    expect(res.statusCode).toBe(409);
    expect(Problem.parse(res.json()).errors?.map((e) => e.pointer)).toEqual(['/bsn']);
    expect(res.body).not.toContain('Holder');
    const audit = await sql<{ allowed: boolean; reason: string }>`select allowed, reason from audit_event
      where user_id = ${f.users.nurse.id} and action = 'patient.write' and patient_id = ${f.patients.adultA} order by id desc limit 1`.execute(t.store.db);
    expect(audit.rows[0]).toMatchObject({ allowed: false });
    expect(audit.rows[0]?.reason).toMatch(/conflict/);
  });

  it('answers parallel caregiver accounts with the same e-mail with one 201 and 409s naming /email', async () => {
    const second = (await post('/api/v1/patients', 'nurse', person('Other'))).json<{ id: string }>().id;
    const email = `same-${kind}@example.nl`;
    const all = await Promise.all(
      [f.patients.adultA, second, f.patients.adultA, second].map((id) => post(`/api/v1/patients/${id}/account`, 'nurse', { kind: 'caregiver', displayName: 'Kim', relation: 'family', patientConsent: true, email })),
    );
    expect(all.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409]);
    for (const r of all.filter((x) => x.statusCode === 409)) expect(Problem.parse(r.json()).errors?.map((e) => e.pointer)).toEqual(['/email']);
    const users = await sql<{ n: number }>`select count(*)::int as n from app_user where lower(email) = ${email}`.execute(t.store.db);
    expect(users.rows[0]?.n).toBe(1);
  });

  const activate = (code: string, n: number) =>
    t.app.inject({ method: 'POST', url: '/api/v1/activation', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ code, password: `new-password-${String(n)}` }) });

  it('a second letter for the same patient works and spends the first', async () => {
    const id = (await post('/api/v1/patients', 'nurse', person('Letters'))).json<{ id: string }>().id;
    const first = await post(`/api/v1/patients/${id}/account`, 'nurse', { kind: 'patient' });
    const second = await post(`/api/v1/patients/${id}/account`, 'nurse', { kind: 'patient' });
    expect([first.statusCode, second.statusCode]).toEqual([201, 201]);
    expect(second.json<{ userId: string }>().userId).toBe(first.json<{ userId: string }>().userId);
    expect((await activate(first.json<{ activationCode: string }>().activationCode, 1)).statusCode).toBe(400);
    expect((await activate(second.json<{ activationCode: string }>().activationCode, 2)).statusCode).toBe(204);
  });

  it('two letters for the same patient at once: one account, and exactly one of the two codes works', async () => {
    const id = (await post('/api/v1/patients', 'nurse', person('Parallel'))).json<{ id: string }>().id;
    const both = await Promise.all([post(`/api/v1/patients/${id}/account`, 'nurse', { kind: 'patient' }), post(`/api/v1/patients/${id}/account`, 'physician', { kind: 'patient' })]);
    expect(both.map((r) => r.statusCode)).toEqual([201, 201]);
    const accounts = await sql<{ n: number }>`select count(*)::int as n from app_user where patient_id = ${id}`.execute(t.store.db);
    expect(accounts.rows[0]?.n).toBe(1);
    const codes = both.map((r) => r.json<{ activationCode: string }>().activationCode);
    const live = await sql<{ n: number }>`select count(*)::int as n from one_time_code c join app_user u on u.id = c.user_id
      where u.patient_id = ${id} and c.used_at is null`.execute(t.store.db);
    expect(live.rows[0]?.n).toBe(1);
    const results = [];
    for (const [i, c] of codes.entries()) results.push((await activate(c, i)).statusCode);
    expect(results.sort()).toEqual([204, 400]);
  });

  it('refuses a BSN correction by a role that may not see the BSN, and audits it', async () => {
    const res = await patch(`/api/v1/patients/${f.patients.adultA}`, 'physiotherapist', { bsn: bsn(345_600_000), reason: 'correction' });
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    const row = await sql<{ bsn: string | null }>`select bsn from patient where id = ${f.patients.adultA}`.execute(t.store.db);
    expect(row.rows[0]?.bsn).toBeNull();
    const audit = await sql<{ allowed: boolean }>`select allowed from audit_event where user_id = ${f.users.physiotherapist.id} and action = 'patient.write' order by id desc limit 1`.execute(t.store.db);
    expect(audit.rows[0]?.allowed).toBe(false);
    // Other corrections stay open to the physiotherapist.
    expect((await patch(`/api/v1/patients/${f.patients.adultA}`, 'physiotherapist', { phone: '0201234567', reason: 'correction' })).statusCode).toBe(200);
  });

  it('finds a record by BSN only for roles that may see it', async () => {
    const b = bsn(456_700_000);
    expect((await patch(`/api/v1/patients/${f.patients.adultA}`, 'nurse', { bsn: b, reason: 'correction' })).statusCode).toBe(200);
    const search = (as: string) => t.app.inject({ method: 'GET', url: `/api/v1/patients?q=${b}`, headers: { cookie: cookie[as] ?? '' } });
    expect((await search('nurse')).json<{ items: { id: string }[] }>().items.map((p) => p.id)).toEqual([f.patients.adultA]);
    expect((await search('physiotherapist')).json<{ items: unknown[] }>().items).toEqual([]);
  });
});
