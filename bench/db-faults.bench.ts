// What a fault costs while Botpad is under load: failed requests and seconds until both processes
// save again, for a PostgreSQL restart, a PostgreSQL crash (the postmaster and every server process
// SIGKILLed, then started again) and one Botpad process SIGKILLed (and started again on its port,
// as a supervisor would). Two `botpad start` processes on loopback share a throwaway PostgreSQL 15
// (fsync on); autocannon sends each of them writes (POST /api/v1/patients as a signed-in nurse)
// for a fixed time, and the fault comes after a fixed lead. Everything stays on 127.0.0.1.
//
//   npx tsx bench/db-faults.bench.ts            (BENCH_SECONDS=20 BENCH_LEAD=5 BENCH_CONNECTIONS=4)
import os from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { crashCluster, startCluster, startClusterAgain, stopClusterFast } from '../src/store/testing/pg-cluster.js';
import { buildOnce, startBotpad, type BotpadProcess } from '../src/cli/testing/botpad-process.js';
import { migrate, openStore } from '../src/store/db.js';
import { seedDemo } from '../src/services/seed.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../src/demo/demo-data.js';

const DURATION = Number(process.env.BENCH_SECONDS ?? 20);
const LEAD = Number(process.env.BENCH_LEAD ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 4);

const FAULTS = ['postgres restart', 'postgres crash', 'botpad process killed'] as const;
type Fault = (typeof FAULTS)[number];

interface Side {
  total: number;
  ok: number;
  byStatus: Record<string, number>;
  /** Connection errors and timeouts (no process there to answer). */
  noAnswer: number;
  /** performance.now() of every successful write. */
  okTimes: number[];
}

async function signIn(p: BotpadProcess): Promise<string> {
  const nurse = DEMO_ACCOUNTS.find((a) => a.role === 'nurse');
  const res = await fetch(p.url + 'api/v1/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: nurse?.email, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${String(res.status)}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

function load(p: BotpadProcess, cookie: string): { side: Side; done: Promise<void> } {
  const side: Side = { total: 0, ok: 0, byStatus: {}, noAnswer: 0, okTimes: [] };
  let finished: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (finished = resolve));
  // Look-alike records on purpose: each is confirmed as another person, or the duplicate check holds it.
  const body = JSON.stringify({ familyName: 'Belasting', givenName: 'Test', birthDate: '1950-01-01', sex: 'female', differentPerson: true });
  const instance = autocannon(
    {
      url: p.url,
      connections: CONNECTIONS,
      duration: DURATION,
      timeout: 10,
      requests: [{ method: 'POST', path: '/api/v1/patients', headers: { cookie, 'content-type': 'application/json' }, body }],
    },
    () => finished(),
  );
  instance.on('response', (_client, status) => {
    side.total++;
    side.byStatus[String(status)] = (side.byStatus[String(status)] ?? 0) + 1;
    if (status === 201) {
      side.ok++;
      side.okTimes.push(performance.now());
    }
  });
  instance.on('reqError', () => {
    side.total++;
    side.noAnswer++;
  });
  return { side, done };
}

const sec = (ms: number | undefined) => (ms === undefined ? null : Number((ms / 1000).toFixed(2)));

/** The longest stretch without a successful write, from `from` on (the outage this process showed). */
function longestGap(times: number[], from: number, to: number): number {
  let last = from;
  let gap = 0;
  for (const t of times) {
    if (t < from) continue;
    gap = Math.max(gap, t - last);
    last = t;
  }
  return Math.max(gap, to - last);
}

async function main(): Promise<void> {
  const cluster = await startCluster({ fsync: true });
  const outbox = mkdtempSync(path.join(os.tmpdir(), 'botpad-bench-outbox-'));
  const procs: BotpadProcess[] = [];
  try {
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query('create database botpad');
    await admin.end();
    const dbUrl = cluster.url.replace(/\/postgres$/, '/botpad');
    const store = await openStore({ databaseUrl: dbUrl, poolSize: 1 });
    await migrate(store.db);
    await seedDemo(store.db);
    await store.close();
    buildOnce();
    const env = { DATABASE_URL: dbUrl, BOTPAD_DEMO: '0', BOTPAD_OUTBOX_DIR: outbox };
    procs.push(await startBotpad(env), await startBotpad(env));
    const cookies = await Promise.all(procs.map(signIn));

    const results = [];
    for (const fault of FAULTS as readonly Fault[]) {
      const runs = procs.map((p, i) => load(p, cookies[i] ?? ''));
      await new Promise((r) => setTimeout(r, LEAD * 1000));
      const tFault = performance.now();
      if (fault === 'botpad process killed') {
        const victim = procs[1] as BotpadProcess;
        victim.child.kill('SIGKILL');
        await victim.exited;
        procs[1] = await startBotpad(env, { port: Number(new URL(victim.url).port) });
      } else {
        if (fault === 'postgres restart') await stopClusterFast(cluster);
        else await crashCluster(cluster);
        await startClusterAgain(cluster); // resolves once PostgreSQL accepts connections
      }
      // PostgreSQL accepts connections again, or the new Botpad process said it is ready.
      const tUp = performance.now();
      await Promise.all(runs.map((r) => r.done));
      const tEnd = performance.now();
      const alive = procs.map((p) => p.alive());
      results.push({
        fault,
        secondsFaultToUp: sec(tUp - tFault),
        processes: runs.map(({ side }, i) => {
          const firstOk = side.okTimes.find((t) => t > tUp);
          return {
            process: i === 0 ? 'A' : 'B',
            requests: side.total,
            acknowledged: side.ok,
            failed: side.total - side.ok,
            byStatus: side.byStatus,
            noAnswer: side.noAnswer,
            secondsWithoutASave: sec(longestGap(side.okTimes, tFault, tEnd)),
            secondsUpToSavingAgain: sec(firstOk === undefined ? undefined : firstOk - tUp),
            stillRunning: alive[i],
          };
        }),
      });
      if (!alive.every(Boolean)) throw new Error(`a Botpad process ended during "${fault}":\n${procs.map((p) => p.output()).join('\n')}`);
    }
    const out = {
      date: new Date().toISOString(),
      cpus: os.cpus().length,
      loadAverage: os.loadavg().map((l) => l.toFixed(2)).join(' '),
      node: process.version,
      durationSeconds: DURATION,
      faultAfterSeconds: LEAD,
      connectionsPerProcess: CONNECTIONS,
      results,
    };
    process.stdout.write(JSON.stringify(out, null, 2) + '\n');
  } finally {
    await Promise.all(procs.map((p) => p.stop()));
    cluster.stop();
    rmSync(outbox, { recursive: true, force: true });
  }
}

await main();
