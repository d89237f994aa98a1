// Fresh, migrated stores of both kinds for tests. Every store test runs on PGlite and on
// PostgreSQL 15 with the same cases; nothing is skipped when PostgreSQL is missing: it fails.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { inject } from 'vitest';
import { openStore, wrapPglite, type Store, type StoreKind } from '../db.js';
import { PARSERS } from '../parsers.js';

export const STORE_KINDS: readonly StoreKind[] = ['pglite', 'postgres'];

let pgliteTemplate: Blob | undefined;

/** What the global setup provided; a file outside NEEDS_DB in vitest.config.ts gets none of it. */
function provided(key: 'pgAdminUrl' | 'pgTemplate' | 'pgliteTemplate'): string {
  const value = inject(key) as string | undefined;
  if (!value) {
    throw new Error(`No test database (${key}): this test file needs the global setup; list it in NEEDS_DB in vitest.config.ts.`);
  }
  return value;
}

export async function freshStore(kind: StoreKind): Promise<Store> {
  if (kind === 'pglite') {
    pgliteTemplate ??= new Blob([readFileSync(provided('pgliteTemplate'))]);
    const pglite = await PGlite.create({ loadDataDir: pgliteTemplate, parsers: PARSERS });
    return wrapPglite(pglite, 'memory');
  }
  const adminUrl = provided('pgAdminUrl');
  const name = 't_' + randomUUID().replace(/-/g, '');
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${provided('pgTemplate')}`);
  } finally {
    await admin.end();
  }
  const u = new URL(adminUrl);
  u.pathname = '/' + name;
  const store = await openStore({ databaseUrl: u.toString(), poolSize: 5 });
  return {
    ...store,
    async close() {
      await store.close();
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      try {
        await a.query(`drop database if exists ${name} with (force)`);
      } finally {
        await a.end();
      }
    },
  };
}

/** A URL of a fresh, empty (unmigrated) PostgreSQL database, and a function that drops it. */
export async function emptyPgDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl = provided('pgAdminUrl');
  const name = 'e_' + randomUUID().replace(/-/g, '');
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(adminUrl);
  u.pathname = '/' + name;
  return {
    url: u.toString(),
    async drop() {
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}
