// Crash safety, measured rather than assumed: a writer process commits one patient-with-link per
// transaction and prints each id after its commit; we SIGKILL it mid-burst (and, on PostgreSQL, the
// server too), start again on the same data, and check that every acknowledged patient is there,
// whole. What this does not cover: power loss or an OS crash (see README, "Your data: crash safety").
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { migrate, openStore, type Db } from './db.js';
import { clusterLog, crashCluster, restartCluster, startCluster, type Cluster } from './testing/pg-cluster.js';

const WRITER = fileURLToPath(new URL('./testing/crash-writer.ts', import.meta.url));

interface Writer {
  readonly acks: string[];
  readonly child: ChildProcessByStdio<null, Readable, Readable>;
  ready: Promise<string>;
  waitForAcks(n: number): Promise<void>;
  /** Resolves when the process has exited and its stdout is read to the end. */
  ended: Promise<{ code: number | null; signal: NodeJS.Signals | null; lines: string[] }>;
}

function startWriter(args: string[]): Writer {
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const acks: string[] = [];
  const lines: string[] = [];
  let stderr = '';
  let partial = '';
  let waiter: { n: number; resolve: () => void } | undefined;
  let onReady: (org: string) => void = () => undefined;
  let onNotReady: (e: Error) => void = () => undefined;
  const ready = new Promise<string>((resolve, reject) => {
    onReady = resolve;
    onNotReady = reject;
  });
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  child.stdout.on('data', (b: Buffer) => {
    const parts = (partial + b.toString()).split('\n');
    partial = parts.pop() ?? '';
    for (const line of parts) {
      lines.push(line);
      if (line.startsWith('ACK ')) acks.push(line.slice(4));
      else if (line.startsWith('READY ')) onReady(line.slice(6));
    }
    if (waiter && acks.length >= waiter.n) waiter.resolve();
  });
  const stdoutClosed = new Promise<void>((r) => child.stdout.once('close', () => r()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) =>
    child.once('exit', (code, signal) => r({ code, signal })),
  );
  // A writer that dies before READY fails the test at once, with its stderr, instead of at the timeout.
  void exited.then(({ code, signal }) => onNotReady(new Error(`writer ended before READY (code ${String(code)}, ${String(signal)}): ${stderr}`)));
  const ended = Promise.all([exited, stdoutClosed]).then(([e]) => ({ ...e, lines }));
  return {
    acks,
    child,
    ready,
    ended,
    waitForAcks: (n) =>
      new Promise<void>((resolve, reject) => {
        if (acks.length >= n) return resolve();
        waiter = { n, resolve };
        void exited.then(({ code, signal }) =>
          reject(new Error(`writer ended after ${String(acks.length)} acks (code ${String(code)}, ${String(signal)}): ${stderr}`)),
        );
      }),
  };
}

interface Check {
  /** Acknowledged ids that are not in the database. */
  missing: string[];
  /** Rows of this writer that were never acknowledged (at most the one in flight is allowed). */
  unacked: number;
  /** Patients without their link, and links without their patient, anywhere in the database. */
  halfWritten: number;
  /** Heap and primary-key index disagree on the number of patients (a sign of corruption). */
  indexMismatch: boolean;
  total: number;
}

async function check(db: Db, org: string, acked: readonly string[]): Promise<Check> {
  const present = new Set(
    (await db.selectFrom('patient_organisation').select('patient_id').where('organisation_id', '=', org).execute()).map((r) => r.patient_id),
  );
  const half = await sql<{ n: number }>`
    select (select count(*)::int from patient p
              where not exists (select 1 from patient_organisation po where po.patient_id = p.id))
         + (select count(*)::int from patient_organisation po
              where not exists (select 1 from patient p where p.id = po.patient_id)) as n`.execute(db);
  const counts = await db.transaction().execute(async (trx) => {
    await sql`set local enable_seqscan = off`.execute(trx);
    const viaIndex = await sql<{ n: number }>`select count(*)::int as n from patient where id is not null`.execute(trx);
    await sql`set local enable_seqscan = on`.execute(trx);
    await sql`set local enable_indexscan = off`.execute(trx);
    await sql`set local enable_indexonlyscan = off`.execute(trx);
    await sql`set local enable_bitmapscan = off`.execute(trx);
    const viaHeap = await sql<{ n: number }>`select count(*)::int as n from patient`.execute(trx);
    return [viaIndex.rows[0]?.n, viaHeap.rows[0]?.n];
  });
  const ackedSet = new Set(acked);
  return {
    missing: acked.filter((id) => !present.has(id)),
    unacked: [...present].filter((id) => !ackedSet.has(id)).length,
    halfWritten: half.rows[0]?.n ?? -1,
    indexMismatch: counts[0] !== counts[1],
    total: counts[1] ?? -1,
  };
}

// Somewhere in the burst, not always at the same write.
const killAfter = () => 150 + Math.floor(Math.random() * 350);

/**
 * Every wait in this file is on an event (a line from the writer, its exit, pg_ctl's own readiness
 * wait), so these caps only end a test that would otherwise hang; a busy machine is slow, not wrong.
 */
const CAP_MS = 300_000;

describe('crash safety on PostgreSQL 15 (fsync on)', () => {
  let cluster: Cluster | undefined;
  beforeAll(async () => {
    cluster = await startCluster({ fsync: true });
  }, CAP_MS);
  afterAll(() => {
    cluster?.stop();
  });

  it('keeps every acknowledged write, whole, when writer and server are SIGKILLed mid-burst', async () => {
    const c = cluster as Cluster;
    const w = startWriter(['--url', c.url]);
    const org = await w.ready;
    await w.waitForAcks(killAfter());
    await crashCluster(c);
    w.child.kill('SIGKILL');
    await w.ended;
    const acked = [...w.acks];

    restartCluster(c);
    expect(clusterLog(c)).toMatch(/not properly shut down; automatic recovery in progress/);
    const store = await openStore({ databaseUrl: c.url, poolSize: 1 });
    try {
      const r = await check(store.db, org, acked);
      expect(r.missing).toEqual([]);
      expect(r.halfWritten).toBe(0);
      expect(r.unacked).toBeLessThanOrEqual(1);
      expect(r.indexMismatch).toBe(false);
    } finally {
      await store.close();
    }
  }, CAP_MS);

  it('stops cleanly on SIGTERM with every acknowledged write kept', async () => {
    const c = cluster as Cluster;
    const w = startWriter(['--url', c.url]);
    const org = await w.ready;
    await w.waitForAcks(killAfter());
    w.child.kill('SIGTERM');
    const end = await w.ended;
    expect(end.code).toBe(0);
    expect(end.lines.at(-1)).toBe('CLOSED');
    const store = await openStore({ databaseUrl: c.url, poolSize: 1 });
    try {
      const r = await check(store.db, org, w.acks);
      expect(r.missing).toEqual([]);
      expect(r.unacked).toBe(0);
      expect(r.halfWritten).toBe(0);
    } finally {
      await store.close();
    }
  }, CAP_MS);
});

describe('crash safety on PGlite', () => {
  const base = mkdtempSync(path.join(tmpdir(), 'botpad-crash-'));
  const template = path.join(base, 'template');
  // One PGlite initdb (several seconds) shared by both tests: each starts from a copy.
  beforeAll(async () => {
    const s = await openStore({ dataDir: template });
    await migrate(s.db);
    await s.close();
  }, CAP_MS);
  const copyOfTemplate = (name: string) => {
    const dir = path.join(base, name);
    cpSync(template, dir, { recursive: true });
    return dir;
  };
  afterAll(() => {
    rmSync(base, { recursive: true, force: true });
  });

  it('keeps every acknowledged write, whole, over 5 SIGKILLs mid-burst on the same data directory', async () => {
    const dir = copyOfTemplate('killed');
    const acked: { org: string; ids: string[] }[] = [];
    const rounds: { acked: number; lost: number; unacked: number; reopenMs: number; total: number }[] = [];
    for (let round = 1; round <= 5; round++) {
      const w = startWriter(['--data-dir', dir]);
      const org = await w.ready;
      await w.waitForAcks(killAfter());
      w.child.kill('SIGKILL');
      const end = await w.ended;
      expect(end.signal).toBe('SIGKILL');
      acked.push({ org, ids: [...w.acks] });

      // As `botpad start` does after a crash: take the dead owner's lock, copy the data aside, open.
      const t0 = performance.now();
      const store = await openStore({ dataDir: dir, backup: true });
      const reopenMs = performance.now() - t0;
      try {
        expect((await migrate(store.db)).applied).toEqual([]);
        let lost = 0;
        let unacked = 0;
        let total = 0;
        for (const a of acked) {
          const r = await check(store.db, a.org, a.ids);
          lost += r.missing.length;
          unacked += r.unacked;
          total = r.total;
          expect(r.halfWritten).toBe(0);
          expect(r.indexMismatch).toBe(false);
        }
        rounds.push({ acked: w.acks.length, lost, unacked, reopenMs: Math.round(reopenMs), total });
      } finally {
        await store.close();
      }
    }
    process.stdout.write(`PGlite SIGKILL rounds: ${JSON.stringify(rounds)}\n`);
    for (const r of rounds) {
      expect(r.lost).toBe(0);
      // Each round may leave its one in-flight transaction committed but not acknowledged.
      expect(r.unacked).toBeLessThanOrEqual(acked.length);
      expect(r.reopenMs).toBeLessThan(5_000);
    }
  }, CAP_MS);

  it('stops cleanly on SIGTERM mid-burst: every acknowledged write kept, nothing extra, lock released', async () => {
    const dir = copyOfTemplate('stopped');
    const w = startWriter(['--data-dir', dir]);
    const org = await w.ready;
    await w.waitForAcks(killAfter());
    w.child.kill('SIGTERM');
    const end = await w.ended;
    expect(end.code).toBe(0);
    expect(end.lines.at(-1)).toBe('CLOSED');
    expect(existsSync(dir + '.lock')).toBe(false);
    expect(existsSync(dir + '.owner')).toBe(false);
    const store = await openStore({ dataDir: dir });
    try {
      const r = await check(store.db, org, w.acks);
      expect(r.missing).toEqual([]);
      expect(r.unacked).toBe(0);
      expect(r.halfWritten).toBe(0);
      expect(r.indexMismatch).toBe(false);
    } finally {
      await store.close();
    }
  }, CAP_MS);
});
