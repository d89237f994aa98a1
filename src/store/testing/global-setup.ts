// Starts what store and API tests need, once per run: a PostgreSQL 15 (a throwaway cluster, or the
// server in DATABASE_URL) holding a migrated template database, and a migrated PGlite template.
// Store tests then get a fresh database of either kind in milliseconds instead of seconds. Only the
// "+db" projects of vitest.config.ts use it, so a run of core tests starts no cluster.
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import { startCluster, type Cluster } from './pg-cluster.js';
import { migrate } from '../db.js';
import type { Database } from '../schema.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplate: string;
    pgliteTemplate: string;
  }
}

export const PG_TEMPLATE = 'botpad_template';

interface Shared {
  adminUrl: string;
  templateFile: string;
  stop(): void;
}

/**
 * One cluster and one set of templates for the whole run, however many projects (time zones) ask:
 * each project imports this file afresh, so the cache lives on the main process's globalThis.
 */
const KEY = Symbol.for('botpad.test-databases');
type Slot = { users: number; ready: Promise<Shared> };
const registry = globalThis as unknown as Record<symbol, Slot | undefined>;

async function start(): Promise<Shared> {
  let cluster: Cluster | undefined;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    cluster = await startCluster();
    adminUrl = cluster.url;
  }
  const tmp = mkdtempSync(path.join(tmpdir(), 'botpad-pglite-'));
  const stop = () => {
    rmSync(tmp, { recursive: true, force: true });
    cluster?.stop();
  };
  try {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    const version = (await admin.query<{ server_version_num: string }>('show server_version_num')).rows[0]?.server_version_num;
    if (!version?.startsWith('15')) {
      process.stderr.write(`Warning: store tests run on PostgreSQL ${String(version)}; production target is 15.\n`);
    }
    await admin.query(`drop database if exists ${PG_TEMPLATE}`);
    await admin.query(`create database ${PG_TEMPLATE}`);
    const u = new URL(adminUrl);
    u.pathname = '/' + PG_TEMPLATE;
    const tdb = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: u.toString(), max: 1 }) }) });
    await migrate(tdb);
    await tdb.destroy();
    await admin.end();

    const pgl = await PGlite.create();
    await migrate(new Kysely<Database>({ dialect: new PGliteDialect({ pglite: pgl }) }));
    const dump = await pgl.dumpDataDir('none');
    await pgl.close();
    const templateFile = path.join(tmp, 'template.tar');
    writeFileSync(templateFile, Buffer.from(await dump.arrayBuffer()));
    return { adminUrl, templateFile, stop };
  } catch (e) {
    // A half-started run must not leave a cluster behind.
    stop();
    throw e;
  }
}

export default async function setup(project: TestProject) {
  const slot = (registry[KEY] ??= { users: 0, ready: start() });
  slot.users++;
  let shared: Shared;
  try {
    shared = await slot.ready;
  } catch (e) {
    if (--slot.users === 0) registry[KEY] = undefined;
    throw e;
  }
  project.provide('pgAdminUrl', shared.adminUrl);
  project.provide('pgTemplate', PG_TEMPLATE);
  project.provide('pgliteTemplate', shared.templateFile);

  return () => {
    if (--slot.users > 0) return;
    registry[KEY] = undefined;
    shared.stop();
  };
}
