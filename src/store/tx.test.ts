// A repository method that needs a transaction cannot be handed the pool: `Tx` comes only from
// `inTransaction`. The `@ts-expect-error` lines below are checked by `tsc --noEmit` (inside
// `npm test`): if the pool-level `Db` were accepted, the directive would be unused and tsc fails.
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import type { Transaction } from 'kysely';
import { holdMigrationLock, inTransaction, type Db, type Store, type Tx } from './db.js';
import type { Database } from './schema.js';
import { insertPatient, lockPatients, mergePatients, unmergePatient, updatePatient } from './patient.repo.js';
import { freshStore, STORE_KINDS } from './testing/stores.js';

// Never called: it exists for the compiler.
export function wrongConnections(db: Db, trx: Transaction<Database>, tx: Tx): void {
  // @ts-expect-error the pool-level Kysely is not a transaction
  void lockPatients(db, []);
  // @ts-expect-error the pool-level Kysely is not a transaction
  void holdMigrationLock(db);
  // @ts-expect-error the pool-level Kysely is not a transaction
  void mergePatients(db, 'a', 'b', 'c');
  // @ts-expect-error the pool-level Kysely is not a transaction
  void unmergePatient(db, 'a', 'b', 'c');
  // @ts-expect-error the pool-level Kysely is not a transaction
  void updatePatient(db, 'a', {}, { by: 'c', reason: 'correction', note: null });
  // @ts-expect-error a Kysely transaction made some other way is not a Tx either
  void lockPatients(trx, []);
  void lockPatients(tx, []);
}

describe('Tx, by type', () => {
  it('is a Db, but a Db or a bare Kysely transaction is not a Tx', () => {
    expectTypeOf<Tx>().toExtend<Db>();
    expectTypeOf<Db>().not.toExtend<Tx>();
    expectTypeOf<Transaction<Database>>().not.toExtend<Tx>();
  });
});

describe.each(STORE_KINDS)('inTransaction on %s', (kind) => {
  let store: Store;
  let org = '';
  beforeAll(async () => {
    store = await freshStore(kind);
    org = (await store.db.insertInto('organisation').values({ kind: 'hospital', name: 'H', phone: null }).returning('id').executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => {
    await store.close();
  });
  const patient = { family_name: 'Tx', given_name: 'Test', birth_date: '1950-01-01', sex: 'female' as const, bsn: null, phone: null, email: null, gp_practice: null };
  const named = (family: string) => store.db.selectFrom('patient').select('id').where('family_name', '=', family).execute();

  it('commits what the work did when it returns', async () => {
    await inTransaction(store.db, (tx) => insertPatient(tx, { ...patient, family_name: 'Kept' }, org));
    expect(await named('Kept')).toHaveLength(1);
  });

  it('rolls every statement back when the work throws', async () => {
    await expect(
      inTransaction(store.db, async (tx) => {
        const row = await insertPatient(tx, { ...patient, family_name: 'Gone' }, org);
        await lockPatients(tx, [row.id]);
        throw new Error('the work failed');
      }),
    ).rejects.toThrow('the work failed');
    expect(await named('Gone')).toEqual([]);
  });
});
