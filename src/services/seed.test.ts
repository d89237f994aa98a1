// The demo set is loaded once, also when several processes start together on an empty database
// (each migrates, then seeds): the seed runs under the migration lock.
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { migrate, openStore, type Db } from '../store/db.js';
import { emptyPgDatabase, freshStore } from '../store/testing/stores.js';
import { DEMO_ACCOUNTS, DEMO_ORGANISATIONS, DEMO_PATIENTS } from '../demo/demo-data.js';
import { seedDemo } from './seed.js';

async function counts(db: Db) {
  const r = await sql<{ orgs: number; accounts: number; patients: number }>`
    select (select count(*)::int from organisation) as orgs,
           (select count(*)::int from app_user) as accounts,
           (select count(*)::int from patient) as patients`.execute(db);
  return r.rows[0];
}

describe('demo seed', () => {
  it('runs once when three processes start on an empty PostgreSQL database at the same time', async () => {
    const { url, drop } = await emptyPgDatabase();
    // Separate pools, as separate processes have.
    const stores = await Promise.all([1, 2, 3].map(() => openStore({ databaseUrl: url, poolSize: 2 })));
    try {
      const loaded = await Promise.all(
        stores.map(async (s) => {
          await migrate(s.db);
          return seedDemo(s.db);
        }),
      );
      expect(loaded.filter(Boolean)).toHaveLength(1);
      expect(await counts(stores[0]?.db as Db)).toEqual({
        orgs: DEMO_ORGANISATIONS.length,
        accounts: DEMO_ACCOUNTS.length,
        patients: DEMO_PATIENTS.length,
      });
    } finally {
      await Promise.all(stores.map((s) => s.close()));
      await drop();
    }
  });

  it('loads once on PGlite, where the lock statement runs too', async () => {
    const store = await freshStore('pglite');
    try {
      expect(await seedDemo(store.db)).toBe(true);
      expect(await seedDemo(store.db)).toBe(false);
      expect((await counts(store.db))?.accounts).toBe(DEMO_ACCOUNTS.length);
    } finally {
      await store.close();
    }
  });
});
