// The record's statements that look for one patient's entries must find them by index on a record
// of any size: a plan that reads the whole clinical_entry table is the slow path that grows with
// every patient (bench/README.md, "The clinical record's use cases"). Sequential scans are switched
// off for the plan, so a statement only avoids one when an index fits it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type RawBuilder } from 'kysely';
import { inTransaction, type Store } from './db.js';
import { freshStore, STORE_KINDS } from './testing/stores.js';

describe.each(STORE_KINDS)('plans of the clinical record\'s statements on %s', (kind) => {
  let store: Store;
  beforeAll(async () => {
    store = await freshStore(kind);
  });
  afterAll(async () => {
    await store.close();
  });

  const planOf = (q: RawBuilder<unknown>) =>
    inTransaction(store.db, async (trx) => {
      await sql`set local enable_seqscan = off`.execute(trx);
      const r = await sql<{ 'QUERY PLAN': string }>`explain ${q}`.execute(trx);
      return r.rows.map((x) => x['QUERY PLAN']).join('\n');
    });
  const a = '00000000-0000-4000-8000-000000000001';
  const b = '00000000-0000-4000-8000-000000000002';

  it('a merge finds every version of the duplicate\'s entries by index, not by reading the whole table', async () => {
    const plan = await planOf(sql`update clinical_entry set patient_id = ${a} where patient_id = ${b}`);
    expect(plan).toContain('clinical_entry_patient_all_idx');
    expect(plan).not.toContain('Seq Scan');
  });

  it('the Case reads the current entries of one patient by index', async () => {
    const plan = await planOf(sql`select kind, clinical_date, data from clinical_entry
      where patient_id = ${a} and current and status = 'active' and clinical_date <= '2026-12-07' order by recorded_at, id`);
    expect(plan).not.toContain('Seq Scan');
  });
});
