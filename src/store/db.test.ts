import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { mkdir, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { migrate, openStore, pendingMigrations, type Store } from './db.js';
import { DataDirLockedError, lockDataDir } from './lock.js';
import { emptyPgDatabase, freshStore, STORE_KINDS } from './testing/stores.js';
import { LATEST_MIGRATION } from './migrations/index.js';

const newPatient = (over: Record<string, unknown> = {}) => ({
  family_name: 'Test',
  given_name: 'Tess',
  birth_date: '1947-03-09',
  sex: 'female' as const,
  bsn: null,
  phone: null,
  email: null,
  gp_practice: null,
  pathway_stage: 'case-finding',
  ...over,
});

describe.each(STORE_KINDS)('store on %s', (kind) => {
  let store: Store;
  beforeEach(async () => {
    store = await freshStore(kind);
  });
  afterEach(async () => {
    await store.close();
  });

  it('starts fully migrated', async () => {
    expect(await pendingMigrations(store.db)).toEqual([]);
    expect(LATEST_MIGRATION).toMatch(/^\d{4}_/);
    expect((await migrate(store.db)).applied).toEqual([]);
  });

  it('returns dates, timestamps and counts identically on both drivers', async () => {
    const row = await store.db.insertInto('patient').values(newPatient()).returning(['birth_date', 'created_at']).executeTakeFirstOrThrow();
    expect(row.birth_date).toBe('1947-03-09');
    expect(row.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
    const count = await sql<{ n: number }>`select count(*)::int as n from patient`.execute(store.db);
    expect(count.rows[0]?.n).toBe(1);
    const raw = await sql<{ n: string }>`select count(*) as n from patient`.execute(store.db);
    expect(raw.rows[0]?.n).toBe('1');
  });

  it('rejects a bad row whole and keeps nothing of its transaction', async () => {
    await expect(
      store.db.transaction().execute(async (trx) => {
        await trx.insertInto('patient').values(newPatient()).execute();
        await trx.insertInto('patient').values(newPatient({ sex: 'x' })).execute();
      }),
    ).rejects.toMatchObject({ code: '23514' });
    const n = await sql<{ n: number }>`select count(*)::int as n from patient`.execute(store.db);
    expect(n.rows[0]?.n).toBe(0);
  });

  it('enforces the BSN format and uniqueness', async () => {
    await store.db.insertInto('patient').values(newPatient({ bsn: '111222333' })).execute();
    await expect(store.db.insertInto('patient').values(newPatient({ bsn: '111222333' })).execute()).rejects.toMatchObject({ code: '23505' });
    await expect(store.db.insertInto('patient').values(newPatient({ bsn: '12345' })).execute()).rejects.toMatchObject({ code: '23514' });
  });

  it('serialises concurrent transactions without losing a write', async () => {
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        store.db.transaction().execute((trx) => trx.insertInto('patient').values(newPatient({ given_name: `P${String(i)}` })).execute()),
      ),
    );
    const n = await sql<{ n: number }>`select count(*)::int as n from patient`.execute(store.db);
    expect(n.rows[0]?.n).toBe(12);
  });
});

describe('migrations on PostgreSQL', () => {
  it('run once when three servers start at the same time', async () => {
    const { url, drop } = await emptyPgDatabase();
    const stores = await Promise.all([1, 2, 3].map(() => openStore({ databaseUrl: url, poolSize: 2 })));
    try {
      const results = await Promise.all(stores.map((s) => migrate(s.db)));
      const applied = results.flatMap((r) => r.applied);
      expect(applied.filter((m) => m === '0001_init')).toHaveLength(1);
      for (const s of stores) expect(await pendingMigrations(s.db)).toEqual([]);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
      await drop();
    }
  });
});

describe('PGlite data-directory lock', () => {
  const dirs: string[] = [];
  // A child left running by a failed test would hold its lock (and the run) open for ever.
  const children: ChildProcess[] = [];
  const newDir = () => {
    const d = mkdtempSync(path.join(tmpdir(), 'botpad-lock-'));
    dirs.push(d);
    return path.join(d, 'data');
  };
  afterAll(() => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('refuses a second opener with a clear message', async () => {
    const dir = newDir();
    const first = await openStore({ dataDir: dir });
    try {
      const second = openStore({ dataDir: dir });
      await expect(second).rejects.toBeInstanceOf(DataDirLockedError);
      await expect(second).rejects.toThrow(/already using the data directory/);
    } finally {
      await first.close();
    }
    const again = await openStore({ dataDir: dir });
    await again.close();
  });

  it('refuses a second opener while the owner lives, however late its lock refresh is', async () => {
    // A live owner on this host (the test runner's parent process) whose lock was last refreshed a
    // minute ago, as when its event loop was blocked that long.
    const dir = newDir();
    await mkdir(dir + '.lock', { recursive: true });
    const aMinuteAgo = new Date(Date.now() - 60_000);
    await utimes(dir + '.lock', aMinuteAgo, aMinuteAgo);
    await writeFile(dir + '.owner', JSON.stringify({ pid: process.ppid, host: hostname() }));
    const second = openStore({ dataDir: dir });
    await expect(second).rejects.toBeInstanceOf(DataDirLockedError);
    await expect(second).rejects.toThrow(`(process ${String(process.ppid)})`);
  });

  it('takes over at once from an owner killed with SIGKILL', async () => {
    const dir = newDir();
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '-e', `import('${path.resolve('src/store/db.ts')}').then(m => m.openStore({ dataDir: ${JSON.stringify(dir)} }).then(async (s) => { await m.migrate(s.db); console.log('OPEN'); setInterval(() => undefined, 1000); }))`],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    children.push(child);
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    await new Promise<void>((resolve, reject) => {
      // The line may arrive in pieces: look at everything read so far.
      let out = '';
      child.stdout.on('data', (b: Buffer) => {
        out += b.toString();
        if (out.includes('OPEN')) resolve();
      });
      void exited.then(() => reject(new Error(`child exited early (${String(child.exitCode ?? child.signalCode)})`)));
    });
    await expect(openStore({ dataDir: dir })).rejects.toBeInstanceOf(DataDirLockedError);
    child.kill('SIGKILL');
    await exited;
    // The lock itself is taken over at once (no waiting for it to go stale, 15 s)…
    const t0 = performance.now();
    const lock = await lockDataDir(dir, () => undefined);
    expect(performance.now() - t0).toBeLessThan(1_000);
    await lock.release();
    // …and the database opens with what the killed owner wrote.
    const s = await openStore({ dataDir: dir });
    expect(await pendingMigrations(s.db)).toEqual([]);
    await s.close();
    // Waits are on the child's line and exit; the cap only ends a hang (tsx and PGlite's first start
    // in a fresh process take long on a busy machine).
  }, 300_000);
});
