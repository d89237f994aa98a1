// Dutch surnames in the store, on both stores: the migration splits the prefix off names stored
// with it in front, and lists sort under the main word (de Vries under V) by the stored key, which
// the database keeps up to date itself; the name search finds a name typed in any order.
import { PGlite } from '@electric-sql/pglite';
import { Migrator } from 'kysely/migration';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, openStore, wrapPglite, type Store, type StoreKind } from './db.js';
import { migrationProvider } from './migrations/index.js';
import { PARSERS } from './parsers.js';
import { pagePatients, searchPatients } from './patient.repo.js';
import { emptyPgDatabase, freshStore, STORE_KINDS } from './testing/stores.js';

const person = (familyName: string, givenName = 'Els', prefix: string | null = null) => ({
  family_name: familyName, family_name_prefix: prefix, given_name: givenName, birth_date: '1950-01-01', sex: 'female' as const,
  bsn: null, phone: null, email: null, gp_practice: null, pathway_stage: 'case-finding',
});

/** An empty store of `kind`, and how to throw it away. */
async function emptyStore(kind: StoreKind): Promise<{ store: Store; drop: () => Promise<void> }> {
  if (kind === 'pglite') {
    const store = await wrapPglite(await PGlite.create({ parsers: PARSERS }), 'memory');
    return { store, drop: () => store.close() };
  }
  const pg = await emptyPgDatabase();
  const store = await openStore({ databaseUrl: pg.url, poolSize: 2 });
  return { store, drop: async () => { await store.close(); await pg.drop(); } };
}

describe.each(STORE_KINDS)('Dutch surnames on %s', (kind) => {
  it('the migration splits a prefix typed in front of the surname, and leaves other names alone', async () => {
    const { store, drop } = await emptyStore(kind);
    try {
      const migrator = new Migrator({ db: store.db, provider: migrationProvider });
      const before = await migrator.migrateTo('0005_patient_merge');
      expect(before.error).toBeUndefined();
      const old = ['de Vries', 'van der Berg', "van 't Hof", 'In ’t Veld', 'De  Jong', 'Van', 'van de', 'El Amrani', 'Jansen', 'ter Horst-de Wit'];
      // Written as the old schema knew them: the whole surname in one column.
      for (const n of old) {
        await store.db.insertInto('patient').values({ ...person(n), family_name_prefix: undefined } as never).execute();
      }
      await migrate(store.db);
      const rows = await store.db.selectFrom('patient').select(['family_name_prefix', 'family_name', 'sort_key']).orderBy('sort_key').execute();
      const split = Object.fromEntries(rows.map((r) => [`${r.family_name_prefix ?? ''}|${r.family_name}`, r.sort_key]));
      expect(Object.keys(split).sort()).toEqual(
        ['de|Vries', 'van der|Berg', "van 't|Hof", "in 't|Veld", 'de|Jong', '|Van', 'van|de', '|El Amrani', '|Jansen', 'ter|Horst-de Wit'].sort(),
      );
      expect(rows.map((r) => r.family_name)).toEqual(['Berg', 'de', 'El Amrani', 'Hof', 'Horst-de Wit', 'Jansen', 'Jong', 'Van', 'Veld', 'Vries']);
    } finally {
      await drop();
    }
  });

  describe('lists and search', () => {
    let store: Store;
    let org = '';
    beforeAll(async () => {
      store = await freshStore(kind);
      org = (await store.db.insertInto('organisation').values({ kind: 'hospital', name: 'Namen', phone: null }).returning('id').executeTakeFirstOrThrow()).id;
      const ids = await store.db
        .insertInto('patient')
        .values([person('Vries', 'Anna', 'de'), person('Visser', 'Jan'), person('Dekker', 'Wil'), person('Berg', 'Kees', 'van den'), person('Vries', 'Bram'), person('Bakker', 'Anna')])
        .returning('id')
        .execute();
      await store.db.insertInto('patient_organisation').values(ids.map((r) => ({ patient_id: r.id, organisation_id: org, relation: 'care' as const }))).execute();
    });
    afterAll(async () => {
      await store.close();
    });
    const names = (rows: { family_name_prefix: string | null; family_name: string; given_name: string }[]) =>
      rows.map((r) => `${r.family_name}, ${r.given_name}${r.family_name_prefix ? ' ' + r.family_name_prefix : ''}`);

    it('sorts under the main word, in pages too', async () => {
      const all = await searchPatients(store.db, { organisationId: org, limit: 50 });
      const expected = ['Bakker, Anna', 'Berg, Kees van den', 'Dekker, Wil', 'Visser, Jan', 'Vries, Anna de', 'Vries, Bram'];
      expect(names(all)).toEqual(expected);
      const first = await pagePatients(store.db, { organisationId: org }, { limit: 4 });
      const second = await pagePatients(store.db, { organisationId: org }, { limit: 4, cursor: { dir: 'after', key: first.next ?? [] } });
      expect([...names(first.rows), ...names(second.rows)]).toEqual(expected);
    });

    it('keeps the sort key up to date when a name is corrected', async () => {
      await store.db.updateTable('patient').set({ family_name_prefix: 'de', family_name: 'Aal' }).where('given_name', '=', 'Jan').execute();
      const all = await searchPatients(store.db, { organisationId: org, limit: 50 });
      expect(names(all)[0]).toBe('Aal, Jan de');
    });

    it.each([['Vries, Anna'], ['Anna de Vries'], ['de vries anna'], ['VRIES']])('finds Anna de Vries by %s', async (q) => {
      const words = q.toLowerCase().split(/[\s,]+/).filter((w) => w !== '');
      const found = names(await searchPatients(store.db, { organisationId: org, words, limit: 50 }));
      expect(found).toContain('Vries, Anna de');
      if (q !== 'VRIES') expect(found).toEqual(['Vries, Anna de']);
    });
  });
});
