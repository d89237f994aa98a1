// A Botpad process survives its database. Two `botpad start` processes on one PostgreSQL take a
// steady stream of writes while the server is restarted, crashed (every server process SIGKILLed)
// and has its sessions terminated (pg_terminate_backend). Asserted: neither process exits; while the
// database is gone every refused request is a 503 problem+json with Retry-After (never a 500) and
// readiness says why; every acknowledged write (201) is in the database afterwards; and each
// process saves again within 10 s of PostgreSQL accepting connections. The cluster is this file's
// own: it is restarted and crashed, which the shared one must never be.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, openStore } from '../store/db.js';
import { crashCluster, startCluster, startClusterAgain, stopClusterFast, type Cluster } from '../store/testing/pg-cluster.js';
import { seedDemo } from '../services/seed.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../demo/demo-data.js';
import { buildOnce, startBotpad, type BotpadProcess } from './testing/botpad-process.js';

const RECOVERY_LIMIT_MS = 10_000;
/** Generous caps for waiting on events: a busy machine is slow, a broken process never arrives. */
const CAP_MS = 180_000;
/** Last safety nets for the hooks and the test, whose every wait is on an event capped by CAP_MS. */
const SETUP_CAP_MS = 600_000;
const TEST_CAP_MS = 900_000;

interface Load {
  readonly acks: string[];
  readonly refused: number;
  /** Answers that are neither 201 nor a proper 503 (status and start of the body). */
  readonly wrong: string[];
  /** Resolves when `ok()` holds, checked after every answer; rejects when the process ends. */
  until(ok: () => boolean, what: string): Promise<void>;
  /** Time (performance.now) of the first acknowledged write whose request started after `t`. */
  firstAckStartedAfter(t: number): Promise<number>;
  stop(): Promise<void>;
}

function loadOn(p: BotpadProcess, cookie: string, workers = 3): Load {
  const acks: string[] = [];
  const ackTimes: { started: number; done: number }[] = [];
  const wrong: string[] = [];
  let refused = 0;
  let stopping = false;
  const waiters = new Set<{ ok: () => boolean; resolve: () => void; reject: (e: Error) => void; what: string }>();
  const check = () => {
    for (const w of waiters) {
      if (w.ok()) {
        waiters.delete(w);
        w.resolve();
      }
    }
  };
  void p.exited.then(({ code, signal }) => {
    for (const w of waiters) w.reject(new Error(`botpad exited (${String(code ?? signal)}) while waiting for ${w.what}:\n${p.output()}`));
    waiters.clear();
  });
  let n = 0;
  const worker = async () => {
    while (!stopping) {
      const started = performance.now();
      n++;
      let status: number;
      let body: string;
      let headers: Headers;
      try {
        const res = await fetch(p.url + 'api/v1/patients', {
          method: 'POST',
          headers: { cookie, 'content-type': 'application/json' },
          // Look-alike records on purpose: each is confirmed as another person, or the duplicate check holds it.
          body: JSON.stringify({ familyName: 'Storing', givenName: `W${String(n)}`, birthDate: '1950-01-01', sex: 'female', differentPerson: true }),
          signal: AbortSignal.timeout(CAP_MS),
        });
        status = res.status;
        headers = res.headers;
        body = await res.text();
      } catch (e) {
        wrong.push(`no answer: ${(e as Error).message}`);
        check();
        if (!p.alive()) return;
        await new Promise((r) => setTimeout(r, 100));
        continue;
      }
      if (status === 201) {
        acks.push((JSON.parse(body) as { id: string }).id);
        ackTimes.push({ started, done: performance.now() });
      } else if (
        status === 503 &&
        headers.get('content-type')?.startsWith('application/problem+json') &&
        Number(headers.get('retry-after')) > 0 &&
        /database/.test((JSON.parse(body) as { detail: string }).detail)
      ) {
        refused++;
      } else {
        wrong.push(`${String(status)} ${body.slice(0, 300)}`);
      }
      check();
      // Pacing after a refusal, as a client honouring Retry-After would (shortened): an outage must
      // not turn the test into a busy loop on a shared machine.
      if (status !== 201) await new Promise((r) => setTimeout(r, 50));
    }
  };
  const running = Array.from({ length: workers }, worker);
  const until = (ok: () => boolean, what: string) =>
    new Promise<void>((resolve, reject) => {
      if (ok()) return resolve();
      if (!p.alive()) return reject(new Error(`botpad is not running (waiting for ${what}):\n${p.output()}`));
      const w = { ok, resolve, reject, what };
      waiters.add(w);
      setTimeout(() => {
        if (waiters.delete(w)) reject(new Error(`gave up waiting for ${what} after ${String(CAP_MS)} ms (${String(acks.length)} acks, ${String(refused)} refused, wrong: ${wrong.slice(0, 3).join(' | ')})`));
      }, CAP_MS);
    });
  return {
    acks,
    get refused() {
      return refused;
    },
    wrong,
    until,
    async firstAckStartedAfter(t) {
      const first = () => ackTimes.find((a) => a.started > t);
      await until(() => first() !== undefined, 'a write after the fault');
      return (first() as { done: number }).done;
    },
    async stop() {
      stopping = true;
      await Promise.all(running);
    },
  };
}

async function readiness(p: BotpadProcess): Promise<{ status: number; type: string; retryAfter: string | null; detail: string }> {
  const res = await fetch(p.url + 'health/ready');
  const body = (await res.json()) as { detail?: string };
  return { status: res.status, type: res.headers.get('content-type') ?? '', retryAfter: res.headers.get('retry-after'), detail: body.detail ?? '' };
}

describe('Botpad processes when PostgreSQL restarts, crashes or ends their sessions', () => {
  let cluster: Cluster | undefined;
  const procs: BotpadProcess[] = [];
  const cookies: string[] = [];
  const outbox = mkdtempSync(path.join(tmpdir(), 'botpad-faults-outbox-'));
  let dbUrl = '';

  beforeAll(async () => {
    buildOnce();
    cluster = await startCluster();
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query('create database botpad');
    await admin.end();
    dbUrl = cluster.url.replace(/\/postgres$/, '/botpad');
    const store = await openStore({ databaseUrl: dbUrl, poolSize: 1 });
    await migrate(store.db);
    await seedDemo(store.db);
    await store.close();
    const env = { DATABASE_URL: dbUrl, BOTPAD_DEMO: '0', BOTPAD_OUTBOX_DIR: outbox, BOTPAD_PG_POOL_SIZE: '4' };
    // Both start at once; one that started is still stopped in afterAll when the other failed.
    const started = await Promise.allSettled([startBotpad(env, { capMs: CAP_MS }), startBotpad(env, { capMs: CAP_MS })]);
    for (const r of started) if (r.status === 'fulfilled') procs.push(r.value);
    for (const r of started) if (r.status === 'rejected') throw r.reason;
    const nurse = DEMO_ACCOUNTS.find((a) => a.role === 'nurse');
    for (const p of procs) {
      const res = await fetch(p.url + 'api/v1/session', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: nurse?.email, password: DEMO_PASSWORD }),
      });
      expect(res.status).toBe(200);
      cookies.push((res.headers.get('set-cookie') ?? '').split(';')[0] ?? '');
    }
  }, SETUP_CAP_MS);

  afterAll(async () => {
    await Promise.all(procs.map((p) => p.stop()));
    cluster?.stop();
    rmSync(outbox, { recursive: true, force: true });
  });

  it('survive every fault, answer 503 meanwhile, lose no acknowledged write and save again within 10 s', async () => {
    const c = cluster as Cluster;
    const loads = procs.map((p, i) => loadOn(p, cookies[i] ?? ''));
    const recovery: Record<string, number[]> = {};
    const outage = async (name: string, down: () => Promise<void>, up: () => Promise<void>) => {
      const before = loads.map((l) => l.refused);
      await down();
      // The outage is seen by both processes before the server comes back.
      await Promise.all(loads.map((l, i) => l.until(() => l.refused >= (before[i] ?? 0) + 3, `503s during ${name}`)));
      for (const p of procs) {
        const r = await readiness(p);
        expect(r.status, name).toBe(503);
        expect(r.type).toMatch(/^application\/problem\+json/);
        expect(Number(r.retryAfter)).toBeGreaterThan(0);
        expect(r.detail).toMatch(/^The database cannot be reached \(.+\)\.$/);
      }
      await up(); // resolves once PostgreSQL accepts connections (pg_ctl -w)
      const t0 = performance.now();
      recovery[name] = (await Promise.all(loads.map((l) => l.firstAckStartedAfter(t0)))).map((t) => Math.round(t - t0));
      for (const p of procs) expect((await readiness(p)).status, name).toBe(200);
    };

    await Promise.all(loads.map((l) => l.until(() => l.acks.length >= 20, 'writes before the faults')));
    await outage('restart', () => stopClusterFast(c), () => startClusterAgain(c));
    await outage('crash', () => crashCluster(c), () => startClusterAgain(c));

    // Every session of the processes ended by the server, as an administrator or a failover may do.
    const t0 = performance.now();
    const admin = new pg.Client({ connectionString: c.url });
    await admin.connect();
    const ended = await admin.query<{ n: number }>(
      `select count(*)::int as n from (select pg_terminate_backend(pid) from pg_stat_activity where datname = 'botpad') t`,
    );
    await admin.end();
    expect(ended.rows[0]?.n).toBeGreaterThan(0);
    recovery.terminate = (await Promise.all(loads.map((l) => l.firstAckStartedAfter(t0)))).map((t) => Math.round(t - t0));

    const counts = loads.map((l) => l.acks.length);
    await Promise.all(loads.map((l, i) => l.until(() => l.acks.length >= (counts[i] ?? 0) + 10, 'writes after the faults')));
    await Promise.all(loads.map((l) => l.stop()));

    for (const p of procs) expect(p.alive(), p.output()).toBe(true);
    expect(loads.flatMap((l) => l.wrong)).toEqual([]);
    const acked = loads.flatMap((l) => l.acks);
    const check = new pg.Client({ connectionString: dbUrl });
    await check.connect();
    const found = await check.query<{ n: number }>('select count(*)::int as n from patient where id = any($1::uuid[])', [acked]);
    await check.end();
    expect(found.rows[0]?.n).toBe(acked.length);
    process.stdout.write(
      `db faults: ${String(acked.length)} writes acknowledged, ${String(loads.reduce((a, l) => a + l.refused, 0))} refused with 503; ` +
        `ms from PostgreSQL accepting connections to each process saving again: ${JSON.stringify(recovery)}\n`,
    );
    for (const [name, ms] of Object.entries(recovery)) for (const m of ms) expect(m, name).toBeLessThan(RECOVERY_LIMIT_MS);
  }, TEST_CAP_MS);
});
