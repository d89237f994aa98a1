// Every list of the API by the one paging convention: walked page by page, each list gives every
// item once, in its own order, with nextCursor null on the last page; entries written while paging
// neither repeat nor push others off; a cursor the list did not give out is a 400 naming the field.
// The lists of a record stay authorised and audited page by page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { signInRoles, testApp, type TestApp } from './testing/test-app.js';
import { buildFixture, type Fixture } from './testing/fixture.js';
import { walkPages } from './testing/walk-pages.js';
import { STORE_KINDS } from '../store/testing/stores.js';
import { insertUser } from '../store/accounts.repo.js';
import { linkCaregiver } from '../store/patient.repo.js';
import { Problem } from '../schema/problem.js';

const cursorOf = (parts: unknown[]) => Buffer.from(JSON.stringify(parts)).toString('base64url');

describe.each(STORE_KINDS)('the lists of the API, page by page, on %s', (kind) => {
  let t: TestApp;
  let f: Fixture;
  const cookie: Record<string, string> = {};
  const corrections = 13;
  const get = (url: string, role: string) => t.app.inject({ url, headers: { cookie: cookie[role] ?? '' } });
  const auditCount = async (resource: string) =>
    Number((await sql<{ n: string }>`select count(*) as n from audit_event where resource = ${resource} and patient_id = ${f.patients.adultA}`.execute(t.store.db)).rows[0]?.n);

  beforeAll(async () => {
    t = await testApp(kind);
    f = await buildFixture(t.store.db);
    // Pairs of staff and caregivers with the same name: only the id tells them apart.
    for (let i = 0; i < 22; i++) {
      await insertUser(t.store.db, {
        role: 'nurse', organisationId: f.orgs.hospA, patientId: null, email: `staf${String(i)}@lists.test`, displayName: `Staf ${String(Math.floor(i / 2)).padStart(2, '0')}`,
        passwordHash: null, status: 'active',
      });
    }
    for (let i = 0; i < 11; i++) {
      const id = await insertUser(t.store.db, {
        role: 'caregiver', organisationId: null, patientId: null, email: `mantel${String(i)}@lists.test`, displayName: `Mantelzorger ${String(Math.floor(i / 2))}`,
        passwordHash: null, status: 'active',
      });
      await linkCaregiver(t.store.db, { caregiverUserId: id, patientId: f.patients.adultA, relation: 'family', consent: null, representationProof: null, by: null });
    }
    await signInRoles(t, f, ['nurse', 'admin', 'physiotherapist'], cookie);
    for (let i = 0; i < corrections; i++) {
      const res = await t.app.inject({
        method: 'PATCH', url: `/api/v1/patients/${f.patients.adultA}`, headers: { cookie: cookie.nurse ?? '' },
        payload: { phone: `06-1000${String(i).padStart(4, '0')}`, reason: 'correction' },
      });
      expect(res.statusCode, res.body).toBe(200);
    }
  });
  afterAll(async () => {
    await t.close();
  });

  it('users: every account of the organisation once, in name order with the id last, then null', async () => {
    const walked = await walkPages<{ id: string; displayName: string }>(t, '/api/v1/users', cookie.admin ?? '', 5);
    const all = await t.store.db.selectFrom('app_user').select('id').where('organisation_id', '=', f.orgs.hospA).orderBy('display_name').orderBy('id').execute();
    expect(all.length).toBe(25);
    expect(walked.items.map((u) => u.id)).toEqual(all.map((u) => u.id));
    expect(walked.pages).toBe(Math.ceil(all.length / 5));
    const first = await get('/api/v1/users', 'admin');
    expect(first.json<{ items: unknown[] }>().items).toHaveLength(all.length);
    expect(Object.keys(first.json<object>())).not.toContain('users');
  });

  it('audit: every entry once, newest first, the total on every page, though each page adds an entry of its own', async () => {
    const url = '/api/v1/audit?action=patient.write';
    const whole = (await get(`${url}&limit=200`, 'admin')).json<{ items: { id: string; at: string }[]; nextCursor: string | null; total: number }>();
    expect(whole.nextCursor).toBeNull();
    expect(whole.items).toHaveLength(corrections);
    expect(whole.total).toBe(corrections);
    const walked = await walkPages<{ id: string; at: string }>(t, url, cookie.admin ?? '', 4, ['total']);
    expect(walked.items.map((e) => e.id)).toEqual(whole.items.map((e) => e.id));
    const ids = walked.items.map((e) => BigInt(e.id));
    for (let i = 1; i < ids.length; i++) expect((ids[i] ?? 0n) < (ids[i - 1] ?? 0n)).toBe(true);
    // The search's own entries (audit.search) are newer than the first page: walking the whole log
    // ends without repeating or losing one of the entries that were there when it began.
    const before = (await get('/api/v1/audit?limit=200', 'admin')).json<{ total: number }>().total;
    const all = await walkPages<{ id: string; action: string }>(t, '/api/v1/audit', cookie.admin ?? '', 9, ['total']);
    expect(new Set(all.items.map((e) => e.id)).size).toBe(all.items.length);
    expect(all.items.length).toBe(before + 1);
  });

  it('history: every correction once, newest first, each page read audited', async () => {
    const audited = await auditCount('patient/history');
    const walked = await walkPages<{ reason: string; after: { phone?: string } }>(t, `/api/v1/patients/${f.patients.adultA}/history`, cookie.nurse ?? '', 4);
    expect(walked.items.map((r) => r.after.phone)).toEqual(Array.from({ length: corrections }, (_, i) => `+31610000${String(corrections - 1 - i).padStart(3, '0')}`));
    expect(walked.pages).toBe(Math.ceil(corrections / 4));
    expect((await auditCount('patient/history')) - audited).toBe(walked.pages);
  });

  it('access log: every entry once, newest first, each page read audited and the pages not shifted by it', async () => {
    const audited = await auditCount('patient/access-log');
    const walked = await walkPages<{ at: string; action: string; userId: string | null }>(t, `/api/v1/patients/${f.patients.adultA}/access-log`, cookie.nurse ?? '', 6);
    expect((await auditCount('patient/access-log')) - audited).toBe(walked.pages);
    const rows = await t.store.db
      .selectFrom('audit_event').select(['action', 'user_id']).where('patient_id', '=', f.patients.adultA).where('allowed', '=', true).orderBy('id', 'desc').execute();
    // The first page shows the read that asked for it; the reads of the later pages came after it.
    const later = rows.slice(0, walked.pages - 1);
    expect(later.every((r) => r.action === 'patient.read-access-log' && r.user_id === f.users.nurse.id)).toBe(true);
    expect(walked.items.map((e) => [e.action, e.userId])).toEqual(rows.slice(walked.pages - 1).map((r) => [r.action, r.user_id]));
    expect(walked.items.length).toBeGreaterThan(corrections);
    expect(walked.items.filter((e) => e.action === 'patient.write')).toHaveLength(corrections);
  });

  it('caregivers: every caregiver of the record once, in name order with the id last, each page read audited', async () => {
    const audited = await auditCount('patient/caregivers');
    const walked = await walkPages<{ id: string; displayName: string }>(t, `/api/v1/patients/${f.patients.adultA}/caregivers`, cookie.nurse ?? '', 3);
    const all = await t.store.db
      .selectFrom('caregiver_link as c').innerJoin('app_user as u', 'u.id', 'c.caregiver_user_id').select('u.id')
      .where('c.patient_id', '=', f.patients.adultA).orderBy('u.display_name').orderBy('u.id').execute();
    expect(all).toHaveLength(11);
    expect(walked.items.map((c) => c.id)).toEqual(all.map((c) => c.id));
    expect(walked.pages).toBe(4);
    expect((await auditCount('patient/caregivers')) - audited).toBe(walked.pages);
  });

  it('still refuses and audits a reader who may not see the record, whatever the page', async () => {
    const audited = await sql<{ n: string }>`select count(*) as n from audit_event where allowed = false and patient_id = ${f.patients.adultB}`.execute(t.store.db);
    for (const list of ['history', 'access-log', 'caregivers']) {
      const res = await get(`/api/v1/patients/${f.patients.adultB}/${list}?limit=1`, 'nurse');
      expect(res.statusCode, list).toBe(403);
    }
    const after = await sql<{ n: string }>`select count(*) as n from audit_event where allowed = false and patient_id = ${f.patients.adultB}`.execute(t.store.db);
    expect(Number(after.rows[0]?.n) - Number(audited.rows[0]?.n)).toBe(3);
  });

  it('refuses a cursor the list did not give out, and a limit out of range, naming the field', async () => {
    const a = f.patients.adultA;
    const patientCursor = cursorOf(['a', 'adulta', a]);
    const urls: [string, string, string[]][] = [
      ['/api/v1/users', 'admin', ['not-a-cursor', cursorOf(['a', 'Staf', 'not-an-id'])]],
      ['/api/v1/audit', 'admin', ['not-a-cursor', patientCursor, cursorOf(['a', '2026-02-30T10:00:00.000000Z', '5']), cursorOf(['a', '2026-01-01T10:00:00.000000Z', '9'.repeat(19)])]],
      [`/api/v1/patients/${a}/history`, 'nurse', ['not-a-cursor', patientCursor, cursorOf(['a', 'x']), cursorOf(['a', 1.5])]],
      [`/api/v1/patients/${a}/access-log`, 'nurse', ['not-a-cursor', patientCursor, cursorOf(['a', 12])]],
      [`/api/v1/patients/${a}/caregivers`, 'nurse', ['not-a-cursor', cursorOf(['a', 'x', 'not-an-id']), cursorOf(['a', 5])]],
    ];
    for (const [url, role, cursors] of urls) {
      for (const cursor of cursors) {
        const res = await get(`${url}?cursor=${cursor}`, role);
        expect(res.statusCode, `${url} ${cursor}`).toBe(400);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(Problem.parse(res.json()).errors?.map((e) => e.pointer)).toEqual(['/query/cursor']);
      }
      for (const limit of ['0', '201', 'ten']) {
        const res = await get(`${url}?limit=${limit}`, role);
        expect(res.statusCode, `${url} ${limit}`).toBe(400);
        expect(Problem.parse(res.json()).errors?.map((e) => e.pointer)).toEqual(['/query/limit']);
      }
    }
  });

  it('documents each list as a page in the OpenAPI document, the old shapes gone', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json<{
      paths: Record<string, { get?: { parameters?: { name: string }[]; responses: Record<string, { content: Record<string, { schema: { $ref?: string } }> }> } }>;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    }>();
    const lists: [string, string[]][] = [
      ['/api/v1/users', []], ['/api/v1/audit', ['total']], ['/api/v1/patients/{id}/history', []], ['/api/v1/patients/{id}/access-log', []],
      ['/api/v1/patients/{id}/caregivers', []], ['/api/v1/rules', ['rulesVersion']], ['/api/v1/patients', []],
    ];
    for (const [path, extra] of lists) {
      const op = doc.paths[path]?.get;
      expect(op?.parameters?.map((p) => p.name), path).toEqual(expect.arrayContaining(['limit', 'cursor']));
      expect(op?.parameters?.map((p) => p.name), path).not.toContain('offset');
      const ref = op?.responses['200']?.content['application/json']?.schema.$ref ?? '';
      const page = doc.components.schemas[ref.split('/').at(-1) ?? ''];
      expect(Object.keys(page?.properties ?? {}).sort(), path).toEqual(['items', 'nextCursor', ...extra].sort());
    }
  });
});
