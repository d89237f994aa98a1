// The paging convention on the patient list: `limit` and `cursor` in, `{ items, nextCursor }` out,
// every patient once and in name order, nextCursor null on the last page; the old `patients` shape
// is gone from the answers and from the OpenAPI document.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInRoles, testApp, type TestApp } from './testing/test-app.js';
import { buildFixture, type Fixture } from './testing/fixture.js';
import { STORE_KINDS } from '../store/testing/stores.js';

const EXTRA = 61;

describe.each(STORE_KINDS)('paging the patient list over the API on %s', (kind) => {
  let t: TestApp;
  let f: Fixture;
  const cookie: Record<string, string> = {};
  const list = (query: string) => t.app.inject({ url: `/api/v1/patients${query}`, headers: { cookie: cookie.nurse ?? '' } });

  beforeAll(async () => {
    t = await testApp(kind);
    f = await buildFixture(t.store.db);
    await signInRoles(t, f, ['nurse'], cookie);
    const rows = Array.from({ length: EXTRA }, (_, i) => ({
      family_name: `Lijst${String(i).padStart(2, '0')}`, given_name: 'Els', birth_date: '1950-01-01', sex: 'female' as const,
      bsn: null, phone: null, email: null, gp_practice: null, pathway_stage: 'case-finding',
    }));
    const ids = await t.store.db.insertInto('patient').values(rows).returning('id').execute();
    await t.store.db.insertInto('patient_organisation').values(ids.map((r) => ({ patient_id: r.id, organisation_id: f.orgs.hospA, relation: 'care' as const }))).execute();
  });
  afterAll(async () => {
    await t.close();
  });

  it('hands out 50 at a time by default and the rest after the cursor, then null', async () => {
    const first = await list('');
    expect(first.statusCode).toBe(200);
    const one = first.json<{ items: { id: string; familyName: string }[]; nextCursor: string | null; patients?: unknown }>();
    expect(Object.keys(one).sort()).toEqual(['items', 'nextCursor']);
    expect(one.items).toHaveLength(50);
    expect(one.nextCursor).toEqual(expect.any(String));
    const second = (await list(`?cursor=${one.nextCursor ?? ''}`)).json<{ items: { id: string; familyName: string }[]; nextCursor: string | null }>();
    // The hospital's own adult (AdultA) and the 61 added ones.
    expect(second.items).toHaveLength(EXTRA + 1 - 50);
    expect(second.nextCursor).toBeNull();
    const names = [...one.items, ...second.items].map((p) => p.familyName);
    expect(names).toEqual(['AdultA', ...rows()]);
    expect(new Set([...one.items, ...second.items].map((p) => p.id)).size).toBe(EXTRA + 1);
  });

  it('keeps the search and the page size across pages', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const r = await list(`?q=lijst&limit=20${cursor ? `&cursor=${cursor}` : ''}`);
      expect(r.statusCode).toBe(200);
      const body = r.json<{ items: { familyName: string }[]; nextCursor: string | null }>();
      expect(body.items.length).toBeLessThanOrEqual(20);
      seen.push(...body.items.map((p) => p.familyName));
      cursor = body.nextCursor;
      pages++;
    } while (cursor !== null);
    expect(pages).toBe(4);
    expect(seen).toEqual(rows());
  });

  it('documents the page shape and its query in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json<{
      paths: Record<string, { get?: { parameters?: { name: string }[]; responses: Record<string, { content: Record<string, { schema: { $ref?: string } }> }> } }>;
      components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> };
    }>();
    const get = doc.paths['/api/v1/patients']?.get;
    expect(get?.parameters?.map((p) => p.name)).toEqual(expect.arrayContaining(['limit', 'cursor', 'q', 'birthDate']));
    const ref = get?.responses['200']?.content['application/json']?.schema.$ref ?? '';
    const page = doc.components.schemas[ref.split('/').at(-1) ?? ''];
    expect(Object.keys(page?.properties ?? {}).sort()).toEqual(['items', 'nextCursor']);
  });
});

function rows(): string[] {
  return Array.from({ length: EXTRA }, (_, i) => `Lijst${String(i).padStart(2, '0')}`);
}
