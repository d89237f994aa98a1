// Automatic server-side prepared statements (prepared.ts). PostgreSQL only: PGlite runs in this
// process without connections, so there is nothing to prepare there.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import pg from 'pg';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { preparingPool } from './prepared.js';
import { emptyPgDatabase } from './testing/stores.js';

describe('prepared statements on PostgreSQL', () => {
  let url: string;
  let drop: () => Promise<void>;
  let pool: pg.Pool;
  let wrapped: ReturnType<typeof preparingPool>;
  let db: Kysely<Record<string, never>>;

  const open = (opts: Parameters<typeof preparingPool>[1] = {}) => {
    // One connection, so every statement below meets the same server session.
    pool = new pg.Pool({ connectionString: url, max: 1 });
    // As openStore does: a connection the server ends (the database dropped after a test) must not
    // surface as an uncaught error after its test, neither from the client nor, while it is idle,
    // from the pool that reports it.
    pool.on('connect', (c) => c.on('error', () => undefined));
    pool.on('error', () => undefined);
    wrapped = preparingPool(pool, opts);
    db = new Kysely({ dialect: new PostgresDialect({ pool: wrapped }) });
  };
  const preparedNames = async () =>
    (await sql<{ name: string }>`select name from pg_prepared_statements order by name`.execute(db)).rows.map((r) => r.name);

  beforeEach(async () => {
    ({ url, drop } = await emptyPgDatabase());
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query('create table t (a int primary key)');
    await c.query('insert into t values (1), (2), (3)');
    await c.end();
  });
  afterEach(async () => {
    await db.destroy();
    await drop();
  });

  it('prepares a text on its fifth send and gives the same rows', async () => {
    open();
    const read = (a: number) => sql<{ a: number }>`select a from t where a = ${a}`.execute(db);
    for (let i = 1; i <= 4; i++) expect((await read(i % 3 + 1)).rows).toEqual([{ a: (i % 3) + 1 }]);
    expect(await preparedNames()).toEqual([]);
    expect((await read(2)).rows).toEqual([{ a: 2 }]);
    expect(await preparedNames()).toEqual(['botpad_1']);
    expect((await read(3)).rows).toEqual([{ a: 3 }]);
    expect(wrapped.stats().prepared).toBe(1);
  });

  it('keeps to its cap and never prepares long texts', async () => {
    open({ threshold: 1, maxStatements: 2, maxLength: 60 });
    await sql`select a from t where a = ${1}`.execute(db);
    await sql`select a + 1 as b from t where a = ${1}`.execute(db);
    await sql`select a + 2 as c from t where a = ${1}`.execute(db);
    await sql`select a + 3 as d from t where a = ${1} and a = a and a = a and a = a and a = a`.execute(db);
    expect(wrapped.stats().prepared).toBe(2);
    // pg_prepared_statements itself was sent once: it counts towards nothing here but the cap.
    expect(await preparedNames()).toEqual(['botpad_1', 'botpad_2']);
  });

  it('recovers outside a transaction when another process changes the schema', async () => {
    open({ threshold: 1 });
    const all = () => sql<Record<string, unknown>>`select * from t where a = ${1}`.execute(db);
    expect((await all()).rows).toEqual([{ a: 1 }]);
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    await other.query('alter table t add column b text');
    await other.end();
    // The server refuses the stale plan; the statement is sent again unnamed and the caller sees rows.
    expect((await all()).rows).toEqual([{ a: 1, b: null }]);
    expect(wrapped.stats().staleRecoveries).toBe(1);
    // That connection was closed rather than pooled again: the next one starts without the stale
    // plan (only the listing statement itself, prepared at once with threshold 1).
    expect(await preparedNames()).toEqual(['botpad_2']);
    expect((await all()).rows).toEqual([{ a: 1, b: null }]);
  });

  it('fails a transaction that meets a stale plan, and the next transaction works', async () => {
    open({ threshold: 1 });
    const all = (k: Kysely<Record<string, never>>) => sql<Record<string, unknown>>`select * from t where a = ${1}`.execute(k);
    await all(db);
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    await other.query('alter table t add column b text');
    await other.end();
    await expect(
      db.transaction().execute(async (trx) => {
        await sql`insert into t (a) values (${9})`.execute(trx);
        await all(trx);
      }),
    ).rejects.toMatchObject({ code: '0A000' });
    const nine = await sql<{ n: number }>`select count(*)::int as n from t where a = 9`.execute(db);
    expect(nine.rows[0]?.n).toBe(0);
    expect(await db.transaction().execute(async (trx) => (await all(trx)).rows)).toEqual([{ a: 1, b: null }]);
  });
});
