// Keyset paging on both stores: every row of a list exactly once, in the list's order, with the true
// total and position on each page, back and forth; rows added between two pages neither repeat nor
// push others off.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction, type Store } from './db.js';
import { pagePatients, pageRevisionsOf, updatePatient, type PatientRow } from './patient.repo.js';
import { freshStore, STORE_KINDS } from './testing/stores.js';
import type { KeysetPage, KeyValue } from './paging.js';

const N = 62;

describe.each(STORE_KINDS)('paging the patient list on %s', (kind) => {
  let store: Store;
  let org = '';
  const names = (rows: PatientRow[]) => rows.map((r) => r.id);

  beforeAll(async () => {
    store = await freshStore(kind);
    const o = await store.db.insertInto('organisation').values({ kind: 'hospital', name: 'Paging', phone: null }).returning('id').executeTakeFirstOrThrow();
    org = o.id;
    // Pairs with the same name, so the id has to tell them apart.
    const rows = Array.from({ length: N }, (_, i) => ({
      family_name: `Naam${String(Math.floor(i / 2)).padStart(2, '0')}`, given_name: 'Els', birth_date: '1950-01-01', sex: 'female' as const,
      bsn: null, phone: null, email: null, gp_practice: null, pathway_stage: 'case-finding',
    }));
    const ids = await store.db.insertInto('patient').values(rows).returning('id').execute();
    await store.db.insertInto('patient_organisation').values(ids.map((r) => ({ patient_id: r.id, organisation_id: org, relation: 'care' as const }))).execute();
  });
  afterAll(async () => {
    await store.close();
  });

  const page = (limit: number, cursor?: { dir: 'after' | 'before'; key: KeyValue[] }) =>
    pagePatients(store.db, { organisationId: org, relation: 'care' }, { limit, cursor });

  it('gives every row once, in order, with the true total and the position of each page', async () => {
    const all = await store.db.selectFrom('patient').selectAll().orderBy('family_name').orderBy('given_name').orderBy('id').execute();
    const first = await page(50);
    expect(first.rows).toHaveLength(50);
    expect(first.total).toBe(N);
    expect(first.before).toBe(0);
    expect(first.prev).toBeNull();
    expect(first.next).not.toBeNull();
    const second = await page(50, { dir: 'after', key: first.next ?? [] });
    expect(second.rows).toHaveLength(N - 50);
    expect(second.total).toBe(N);
    expect(second.before).toBe(50);
    expect(second.next).toBeNull();
    expect([...names(first.rows), ...names(second.rows)]).toEqual(names(all));
    // Back from the second page: the first page again, with nothing before it.
    const back = await page(50, { dir: 'before', key: second.prev ?? [] });
    expect(names(back.rows)).toEqual(names(first.rows));
    expect(back.before).toBe(0);
    expect(back.prev).toBeNull();
    expect(back.next).toEqual(first.next);
  });

  it('walks small pages to the end without a gap or a repeat, also when rows are added on the way', async () => {
    const seen: string[] = [];
    let p: KeysetPage<PatientRow> = await page(7);
    let added = false;
    for (;;) {
      // The record added before the cursor counts among the rows before every later page.
      expect(p.before).toBe(seen.length + (added ? 1 : 0));
      seen.push(...names(p.rows));
      if (p.next === null) break;
      if (!added) {
        // A record that sorts before the cursor: it counts from now on, but the walk goes on where it was.
        const early = await store.db.insertInto('patient').values({
          family_name: 'Aaa', given_name: 'Els', birth_date: '1950-01-01', sex: 'female', bsn: null, phone: null, email: null, gp_practice: null, pathway_stage: 'case-finding',
        }).returning('id').executeTakeFirstOrThrow();
        await store.db.insertInto('patient_organisation').values({ patient_id: early.id, organisation_id: org, relation: 'care' }).execute();
        added = true;
      }
      p = await page(7, { dir: 'after', key: p.next });
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(N);
    expect(p.total).toBe(N + 1);
  });

  it('refuses a cursor key of the wrong length instead of guessing', async () => {
    await expect(page(5, { dir: 'after', key: ['Naam00'] })).rejects.toThrow(RangeError);
  });
});

describe.each(STORE_KINDS)('paging a list newest first on %s', (kind) => {
  let store: Store;
  let patient = '';
  let user = '';
  const M = 23;
  const correct = (name: string) => inTransaction(store.db, (tx) => updatePatient(tx, patient, { given_name: name }, { by: user, reason: 'correction', note: null }));

  beforeAll(async () => {
    store = await freshStore(kind);
    const o = await store.db.insertInto('organisation').values({ kind: 'hospital', name: 'Paging', phone: null }).returning('id').executeTakeFirstOrThrow();
    user = (await store.db.insertInto('app_user').values({ role: 'nurse', organisation_id: o.id, email: 'n@paging.test', display_name: 'N', status: 'active' }).returning('id').executeTakeFirstOrThrow()).id;
    patient = (await store.db.insertInto('patient').values({
      family_name: 'Historie', given_name: 'Els', birth_date: '1950-01-01', sex: 'female', bsn: null, phone: null, email: null, gp_practice: null, pathway_stage: 'case-finding',
    }).returning('id').executeTakeFirstOrThrow()).id;
    for (let i = 0; i < M; i++) await correct(`Els${String(i)}`);
  });
  afterAll(async () => {
    await store.close();
  });

  const page = (limit: number, cursor?: { dir: 'after' | 'before'; key: KeyValue[] }) => pageRevisionsOf(store.db, patient, { limit, cursor });

  it('walks the corrections newest first to the end and back, with the total and position of each page', async () => {
    const newestFirst = (await store.db.selectFrom('patient_revision').select('id').where('patient_id', '=', patient).orderBy('id', 'desc').execute()).map((r) => r.id);
    expect(newestFirst).toHaveLength(M);
    const pages = [await page(5)];
    for (let last = pages[0]; last?.next; last = pages.at(-1)) pages.push(await page(5, { dir: 'after', key: last.next }));
    expect(pages.map((p) => p.rows.length)).toEqual([5, 5, 5, 5, 3]);
    expect(pages.flatMap((p) => p.rows.map((r) => r.id))).toEqual(newestFirst);
    expect(pages.map((p) => p.before)).toEqual([0, 5, 10, 15, 20]);
    expect(pages.every((p) => p.total === M)).toBe(true);
    expect(pages[0]?.prev).toBeNull();
    // Back from the last page, page by page, to the first.
    const back = [pages.at(-1)];
    while (back.at(-1)?.prev) back.push(await page(5, { dir: 'before', key: back.at(-1)?.prev ?? [] }));
    expect(back.map((p) => p?.rows.map((r) => r.id))).toEqual([...pages].reverse().map((p) => p.rows.map((r) => r.id)));
  });

  it('shows a correction made while paging on no later page', async () => {
    const first = await page(10);
    await correct('Later');
    const second = await page(10, { dir: 'after', key: first.next ?? [] });
    expect(second.rows.map((r) => r.id).every((id) => id < (first.rows.at(-1)?.id ?? 0))).toBe(true);
    expect(second.before).toBe(11);
    expect(second.rows).toHaveLength(10);
  });
});
