// The store port: one Kysely instance over either PGlite (embedded, default) or PostgreSQL 15
// (DATABASE_URL). Repositories are written once against `Db`; the SQL is identical on both.
import { Kysely, PGliteDialect, PostgresDialect, sql, type LogEvent, type Transaction } from 'kysely';
import { Migrator } from 'kysely/migration';
import type { Database } from './schema.js';
import { migrationProvider } from './migrations/index.js';
import { PARSERS } from './parsers.js';
import { preparingPool } from './prepared.js';
import { lockDataDir, type DataDirLock } from './lock.js';
import { backupDataDir, type BackupOutcome } from './backup.js';
import { classifyFault, FaultMemory, isWrite, type Fault } from './faults.js';

export type Db = Kysely<Database>;

declare const insideTransaction: unique symbol;
/**
 * A connection inside a transaction. Repository methods whose work only means something inside one
 * (row locks, transaction-scoped advisory locks, several statements that stand or fall together)
 * take a `Tx`, so handing them the pool-level `Db` is a compile error. Only `inTransaction` makes
 * one; a `Tx` can go wherever a `Db` goes.
 */
export type Tx = Transaction<Database> & { readonly [insideTransaction]: true };

/** Runs `work` in one transaction: committed when it returns, rolled back when it throws. */
export function inTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction().execute((trx) => work(trx as Tx));
}
export type StoreKind = 'pglite' | 'postgres';

export interface Store {
  readonly db: Db;
  readonly kind: StoreKind;
  /** Where the data lives, for log lines (never includes a password). */
  readonly where: string;
  /** Faults seen lately (a full disk), for readiness. */
  readonly faults: FaultMemory;
  close(): Promise<void>;
}

export interface OpenOptions {
  databaseUrl?: string | undefined;
  dataDir?: string;
  /** Called when the data-directory lock is lost (PGlite only). */
  onLockCompromised?: (e: Error) => void;
  /** Pool size for PostgreSQL. */
  poolSize?: number;
  /** PostgreSQL: prepare often-sent statements on the server (prepared.ts); default on. */
  prepare?: boolean;
  /** PGlite: copy the data directory aside before opening it (see backup.ts). */
  backup?: boolean;
  onBackup?: (outcome: BackupOutcome) => void;
}

// Every statement's outcome passes by the store's fault memory: a disk-full error is remembered for
// readiness, and a write that goes through again clears it.
function faultWatch(faults: FaultMemory): (event: LogEvent) => void {
  return (event) => {
    if (event.level === 'error') faults.note(event.error);
    else if (faults.diskFull() && isWrite(event.query.sql)) faults.wrote();
  };
}

export async function openStore(o: OpenOptions): Promise<Store> {
  if (o.databaseUrl) return openPostgres(o.databaseUrl, o.poolSize ?? 10, o.prepare ?? true);
  if (!o.dataDir) throw new Error('openStore needs a databaseUrl or a dataDir');
  return openPglite(o.dataDir, o);
}

async function openPostgres(url: string, max: number, prepare: boolean): Promise<Store> {
  const pg = await import('pg');
  const types = {
    getTypeParser: (oid: number, format?: 'text' | 'binary') =>
      PARSERS[oid] ?? (pg.default.types.getTypeParser as (o: number, f?: string) => (v: string) => unknown)(oid, format),
  };
  const pool = new pg.default.Pool({
    connectionString: url,
    max,
    types,
    options: '-c TimeZone=UTC',
    connectionTimeoutMillis: 10_000,
  });
  // A connection can break at any moment (the server restarts, crashes, or ends the session). pg
  // then emits 'error' on the client, idle or checked out; an 'error' event nobody listens to ends
  // the process. The pool listens to idle clients only, so every client gets a listener of its own
  // from its first connect. What is in flight on a broken connection fails with the error anyway
  // (and becomes a 503, see faults.ts); the client is destroyed on release, never reused
  // (prepared.ts), and the pool opens new connections once the server is back.
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
  });
  pool.on('error', () => undefined);
  const faults = new FaultMemory();
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: preparingPool(pool, prepare ? {} : { maxStatements: 0 }) }),
    log: faultWatch(faults),
  });
  const u = new URL(url);
  return {
    db,
    kind: 'postgres',
    faults,
    // A `host` parameter (a Unix-socket directory) overrides the address part, as it does for pg.
    where: `postgresql://${u.searchParams.get('host') ?? u.hostname}${u.port ? ':' + u.port : ''}${u.pathname}`,
    close: () => db.destroy(),
  };
}

async function openPglite(dataDir: string, o: OpenOptions): Promise<Store> {
  const lock: DataDirLock = await lockDataDir(dataDir, o.onLockCompromised ?? (() => undefined));
  try {
    if (o.backup) o.onBackup?.(await backupDataDir(dataDir));
    const { PGlite } = await import('@electric-sql/pglite');
    const pglite = await PGlite.create(dataDir, { parsers: PARSERS });
    return await wrapPglite(pglite, dataDir, () => lock.release());
  } catch (e) {
    await lock.release();
    throw e;
  }
}

/** A Store over an open PGlite (also used by tests with an in-memory PGlite from a template). */
export async function wrapPglite(
  pglite: import('@electric-sql/pglite').PGlite,
  where: string,
  afterClose: () => Promise<void> = () => Promise.resolve(),
): Promise<Store> {
  await pglite.exec(`set time zone 'UTC'`);
  const faults = new FaultMemory();
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }), log: faultWatch(faults) });
  let closed = false;
  return {
    db,
    kind: 'pglite',
    faults,
    where,
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
      if (!pglite.closed) await pglite.close();
      await afterClose();
    },
  };
}

export interface MigrateResult {
  applied: string[];
}

/** Runs pending migrations under PostgreSQL's advisory lock, so concurrent starts migrate once. */
export async function migrate(db: Db): Promise<MigrateResult> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(`migration failed: ${JSON.stringify(error)}`);
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}

// Kysely's Migrator takes this advisory lock (its own constant) while it migrates; work that must
// run once however many processes start together takes the same one.
const MIGRATION_LOCK_ID = '3853314791062309107';

/**
 * Waits for, then holds until the end of the transaction, the lock migrations run under: no other
 * process migrates or runs the same start-up work meanwhile. Call it inside a transaction.
 */
export async function holdMigrationLock(trx: Tx): Promise<void> {
  await sql`select pg_advisory_xact_lock(${sql.lit(MIGRATION_LOCK_ID)}::bigint)`.execute(trx);
}

export async function pendingMigrations(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const all = await migrator.getMigrations();
  return all.filter((m) => m.executedAt === undefined).map((m) => m.name);
}

export async function ping(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}

/**
 * Whether the database can be written to, asked only while a full disk is remembered (so a healthy
 * readiness check writes nothing): one tiny upsert, which clears the memory when it goes through.
 */
export async function writeFault(store: Store): Promise<Fault | undefined> {
  const remembered = store.faults.diskFull();
  if (!remembered) return undefined;
  try {
    await sql`insert into meta (key, value) values ('write-probe', ${new Date().toISOString()})
              on conflict (key) do update set value = excluded.value`.execute(store.db);
    return undefined;
  } catch (e) {
    return classifyFault(e) ?? remembered;
  }
}
