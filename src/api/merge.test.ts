// Merges cannot lose a patient: ids compared canonically, no merge into or from a merged record, no
// cycles, confirmation required, an undo for nurses and physicians, the history and audit telling
// the truth, and merges at the same moment over the same records: exactly one wins, none is a 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { signInRoles, testApp, type TestApp } from './testing/test-app.js';
import { buildFixture, type Fixture } from './testing/fixture.js';
import { STORE_KINDS } from '../store/testing/stores.js';
import { Problem } from '../schema/problem.js';

describe.each(STORE_KINDS)('merging records on %s', (kind) => {
  let t: TestApp;
  let f: Fixture;
  const cookie: Record<string, string> = {};
  let n = 0;
  const post = (url: string, as: string, body: unknown) =>
    t.app.inject({ method: 'POST', url, headers: { cookie: cookie[as] ?? '', 'content-type': 'application/json' }, payload: JSON.stringify(body) });
  const create = async () => {
    n += 1;
    // Look-alikes on purpose (they are to be merged): saved past the duplicate check.
    const res = await post('/api/v1/patients', 'nurse', { familyName: `Dubbel${String(n)}`, givenName: 'Test', birthDate: '1944-04-04', sex: 'female', differentPerson: true });
    expect(res.statusCode).toBe(201);
    return res.json<{ id: string }>().id;
  };
  const merge = (keep: string, duplicateId: string, as = 'nurse') => post(`/api/v1/patients/${keep}/merge`, as, { duplicateId, confirm: true });
  const mergedInto = async (id: string) =>
    (await sql<{ m: string | null }>`select merged_into as m from patient where id = ${id}`.execute(t.store.db)).rows[0]?.m ?? null;
  const allowedMerges = async (id: string) =>
    (await sql<{ n: number }>`select count(*)::int as n from audit_event where action = 'patient.merge' and allowed and patient_id = ${id}`.execute(t.store.db)).rows[0]?.n ?? 0;

  beforeAll(async () => {
    t = await testApp(kind);
    f = await buildFixture(t.store.db);
    await signInRoles(t, f, ['nurse', 'physician', 'physiotherapist'], cookie);
  });
  afterAll(async () => {
    await t.close();
  });

  it('asks for confirmation', async () => {
    const [a, b] = [await create(), await create()];
    const res = await post(`/api/v1/patients/${a}/merge`, 'nurse', { duplicateId: b });
    expect(res.statusCode).toBe(400);
    expect(Problem.parse(res.json()).errors?.map((e) => e.pointer)).toContain('/confirm');
    expect(await mergedInto(b)).toBeNull();
  });

  it('compares ids canonically: the same id in capitals is a self-merge', async () => {
    const a = await create();
    const res = await merge(a, a.toUpperCase());
    expect(res.statusCode).toBe(400);
    expect(await mergedInto(a)).toBeNull();
  });

  it('refuses merging into a merged record, from a merged record, and back (no cycle)', async () => {
    const [a, b, c] = [await create(), await create(), await create()];
    expect((await merge(a, b)).statusCode).toBe(204);
    expect((await merge(b, c)).statusCode).toBe(409);
    expect((await merge(c, b)).statusCode).toBe(409);
    expect((await merge(b, a)).statusCode).toBe(409);
    expect([await mergedInto(a), await mergedInto(b), await mergedInto(c)]).toEqual([null, a, null]);
  });

  it('leaves no audit entry saying allowed for a refused or conflicting merge', async () => {
    const [a, b, c] = [await create(), await create(), await create()];
    expect((await merge(a, b)).statusCode).toBe(204);
    const before = [await allowedMerges(b), await allowedMerges(c)];
    expect((await merge(c, b)).statusCode).toBe(409);
    expect((await merge(c, a, 'physiotherapist')).statusCode).toBe(403);
    expect([await allowedMerges(b), await allowedMerges(c)]).toEqual(before);
    const refused = await sql<{ n: number }>`select count(*)::int as n from audit_event where action = 'patient.merge' and not allowed and patient_id = ${c}`.execute(t.store.db);
    expect(refused.rows[0]?.n).toBeGreaterThanOrEqual(2);
  });

  it('shows the merge in both histories and a banner on the merged record, and undoes it', async () => {
    const [a, b] = [await create(), await create()];
    // The duplicate is also cared for by the physiotherapy practice: the merge copies that link over.
    await sql`insert into patient_organisation (patient_id, organisation_id, relation) values (${b}, ${f.orgs.physioA}, 'referral')`.execute(t.store.db);
    expect((await merge(a, b, 'physician')).statusCode).toBe(204);
    const orgsOfA = async () => (await sql<{ n: number }>`select count(*)::int as n from patient_organisation where patient_id = ${a}`.execute(t.store.db)).rows[0]?.n;
    expect(await orgsOfA()).toBe(2);
    const history = async (id: string) =>
      (await t.app.inject({ method: 'GET', url: `/api/v1/patients/${id}/history`, headers: { cookie: cookie.nurse } })).json<{ items: { reason: string; after: unknown }[] }>().items;
    expect((await history(b)).map((r) => r.reason)).toContain('merge');
    expect((await history(a)).map((r) => r.reason)).toContain('merge');
    const page = await t.app.inject({ method: 'GET', url: `/patients/${b}`, headers: { cookie: cookie.nurse, accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`href="/patients/${a}"`);
    expect(page.body).toContain(`action="/patients/${b}/unmerge"`);

    expect((await post(`/api/v1/patients/${b}/unmerge`, 'physiotherapist', {})).statusCode).toBe(403);
    expect((await post(`/api/v1/patients/${b}/unmerge`, 'nurse', {})).statusCode).toBe(204);
    expect(await mergedInto(b)).toBeNull();
    expect(await orgsOfA()).toBe(1);
    expect((await history(b)).map((r) => r.reason)).toContain('unmerge');
    const audit = await sql<{ n: number }>`select count(*)::int as n from audit_event where action = 'patient.unmerge' and allowed and patient_id = ${b}`.execute(t.store.db);
    expect(audit.rows[0]?.n).toBe(1);
    expect((await post(`/api/v1/patients/${b}/unmerge`, 'nurse', {})).statusCode).toBe(409);
    // And it can be merged again after the undo.
    expect((await merge(a, b)).statusCode).toBe(204);
  });

  const codes = (rs: { statusCode: number }[]) => rs.map((r) => r.statusCode).sort((x, y) => x - y);
  const merges = async (id: string) =>
    (await sql<{ n: number }>`select count(*)::int as n from patient_merge where duplicate_id = ${id} and undone_at is null`.execute(t.store.db)).rows[0]?.n ?? 0;
  const revisions = async (id: string) =>
    (await sql<{ n: number }>`select count(*)::int as n from patient_revision where patient_id = ${id} and reason = 'merge'`.execute(t.store.db)).rows[0]?.n ?? 0;

  it('the same merge four times at once: one wins, three get 409, one history entry', async () => {
    for (let round = 0; round < 3; round++) {
      const [a, b] = [await create(), await create()];
      const rs = await Promise.all([0, 1, 2, 3].map((i) => merge(a, b, i % 2 ? 'physician' : 'nurse')));
      expect(codes(rs)).toEqual([204, 409, 409, 409]);
      expect(await mergedInto(b)).toBe(a);
      expect(await merges(b)).toBe(1);
      expect(await revisions(b)).toBe(1);
    }
  });

  it('one duplicate into two records at once: one wins', async () => {
    for (let round = 0; round < 3; round++) {
      const [a, b, d] = [await create(), await create(), await create()];
      const rs = await Promise.all([merge(a, d), merge(b, d, 'physician'), merge(a, d, 'physician'), merge(b, d)]);
      expect(codes(rs)).toEqual([204, 409, 409, 409]);
      expect([a, b]).toContain(await mergedInto(d));
      expect(await merges(d)).toBe(1);
      expect(await revisions(d)).toBe(1);
    }
  });

  it('two opposite merges at once: one wins, no cycle', async () => {
    for (let round = 0; round < 3; round++) {
      const [a, b] = [await create(), await create()];
      const rs = await Promise.all([merge(a, b), merge(b, a, 'physician'), merge(a, b, 'physician'), merge(b, a)]);
      expect(codes(rs)).toEqual([204, 409, 409, 409]);
      const both = [await mergedInto(a), await mergedInto(b)];
      expect(both.filter((x) => x !== null)).toHaveLength(1);
      expect((await merges(a)) + (await merges(b))).toBe(1);
    }
  });
});
