// The store port: one Kysely instance over either PGlite (embedded, default) or PostgreSQL 15
// (DATABASE_URL). Repositories are written once against `Db`; the SQL is identical on both.
import { Kysely, PGliteDialect, PostgresDialect, sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import type { Database } from './schema.js';
import { migrationProvider } from './migrations/index.js';
import { PARSERS } from './parsers.js';
import { preparingPool } from './prepared.js';
import { lockDataDir, type DataDirLock } from './lock.js';
import { backupDataDir } from './backup.js';

export type Db = Kysely<Database>;
export type StoreKind = 'pglite' | 'postgres';

export interface Store {
  readonly db: Db;
  readonly kind: StoreKind;
  /** Where the data lives, for log lines (never includes a password). */
  readonly where: string;
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
  onBackup?: (path: string) => void;
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
  // An idle client that errors (server restart) must not crash the process.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: prepare ? preparingPool(pool) : pool }) });
  const u = new URL(url);
  return {
    db,
    kind: 'postgres',
    // A `host` parameter (a Unix-socket directory) overrides the address part, as it does for pg.
    where: `postgresql://${u.searchParams.get('host') ?? u.hostname}${u.port ? ':' + u.port : ''}${u.pathname}`,
    close: () => db.destroy(),
  };
}

async function openPglite(dataDir: string, o: OpenOptions): Promise<Store> {
  const lock: DataDirLock = await lockDataDir(dataDir, o.onLockCompromised ?? (() => undefined));
  try {
    if (o.backup) {
      const copy = await backupDataDir(dataDir);
      if (copy) o.onBackup?.(copy);
    }
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
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  let closed = false;
  return {
    db,
    kind: 'pglite',
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

export async function pendingMigrations(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const all = await migrator.getMigrations();
  return all.filter((m) => m.executedAt === undefined).map((m) => m.name);
}

export async function ping(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}
