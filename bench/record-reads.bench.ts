// Authenticated patient-record reads per second on PostgreSQL 15, with the audit entry written in
// the same transaction as each read, and again with auditing switched off (BOTPAD_AUDIT=0, the
// benchmark build) to show what the audit costs. Botpad runs as its own process (`node
// bin/botpad.js start`), autocannon drives it from this one. Run: npm run bench -- bench/record-reads.bench.ts
//
// BENCH_AGAINST=<dir> compares this checkout with another built Botpad checkout (its own
// node_modules and dist/) in one run: each gets its own database in the same cluster, loaded by
// its own `botpad`, and audited reads alternate between the two, BENCH_ROUNDS times each, so both
// meet the same load on a shared machine. BENCH_AGAINST_NODE names the Node binary the other
// checkout runs on (default: this one). BENCH_TARGET=page reads the record page (HTML) instead of
// the JSON record.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import autocannon from 'autocannon';
import pg from 'pg';
import { freePort, startCluster } from '../src/store/testing/pg-cluster.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../src/demo/demo-data.js';

const DURATION = Number(process.env.BENCH_SECONDS ?? 20);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const PATIENTS = Number(process.env.BENCH_PATIENTS ?? 10_000);

/**
 * CPU seconds used so far by the Botpad server and by all PostgreSQL processes (Linux /proc), to
 * show which of the three parties sharing the cores is the limit.
 */
function cpuSeconds(serverPid: number | undefined): { server: number; postgres: number; bench: number } {
  const tick = 100; // USER_HZ on Linux
  let server = 0;
  let postgres = 0;
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const t = (Number(f[11]) + Number(f[12])) / tick;
      if (Number(d) === serverPid) server += t;
      else if (stat.includes('(postgres)')) postgres += t;
    } catch {
      /* the process ended while we looked */
    }
  }
  const own = process.cpuUsage();
  return { server, postgres, bench: (own.user + own.system) / 1e6 };
}

async function waitReady(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error('Botpad exited before it was ready');
    try {
      if ((await fetch(url + 'health/ready')).ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('Botpad did not become ready');
}

/** A Botpad checkout to run: where it is and which Node runs it. */
interface Build {
  label: string;
  dir: string;
  node: string;
}
const HERE: Build = { label: 'this checkout', dir: process.cwd(), node: process.execPath };
const TARGET = process.env.BENCH_TARGET === 'page' ? 'page' : 'api';

function run(args: string[], env: NodeJS.ProcessEnv, build: Build = HERE): Promise<string> {
  return new Promise((resolve, reject) => {
    const c = spawn(build.node, ['bin/botpad.js', ...args], { cwd: build.dir, env, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    c.stdout.on('data', (b: Buffer) => (out += b.toString()));
    c.on('exit', (code) => (code === 0 ? resolve(out.trim()) : reject(new Error(`botpad ${args.join(' ')} exited ${String(code)}: ${out}`))));
  });
}

async function measure(databaseUrl: string, audit: boolean, build: Build = HERE) {
  const port = await freePort();
  const env = { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), BOTPAD_AUDIT: audit ? '1' : '0', BOTPAD_LOG_LEVEL: 'warn', BOTPAD_DEMO: '0' };
  // BENCH_PROFILE=dir writes a V8 CPU profile of the server there (for finding hot spots).
  const prof = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  const child = spawn(build.node, [...prof, 'bin/botpad.js', 'start'], { cwd: build.dir, env, stdio: ['ignore', 'ignore', 'inherit'] });
  const base = `http://127.0.0.1:${String(port)}/`;
  try {
    await waitReady(base, child);
    const nurse = DEMO_ACCOUNTS.find((a) => a.role === 'nurse');
    const login = await fetch(base + 'api/v1/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: nurse?.email, password: DEMO_PASSWORD }) });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const list = await fetch(base + 'api/v1/patients?limit=200', { headers: { cookie } });
    const ids = ((await list.json()) as { items: { id: string }[] }).items.map((p) => p.id);
    if (ids.length === 0) throw new Error('no readable patients');
    const before = await auditCount(databaseUrl);
    const cpu0 = cpuSeconds(child.pid);
    let i = 0;
    const result = await autocannon({
      url: base,
      connections: CONNECTIONS,
      duration: DURATION,
      headers: { cookie },
      requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: `${TARGET === 'page' ? '/patients/' : '/api/v1/patients/'}${ids[i++ % ids.length] ?? ''}` }) }],
    });
    const cpu1 = cpuSeconds(child.pid);
    const written = (await auditCount(databaseUrl)) - before;
    const perRequestMs = (k: 'server' | 'postgres' | 'bench') => Number((((cpu1[k] - cpu0[k]) * 1000) / result.requests.total).toFixed(3));
    return {
      build: build.label,
      target: TARGET,
      audit,
      requestsPerSec: Math.round(result.requests.average),
      p50: result.latency.p50,
      p99: result.latency.p99,
      max: result.latency.max,
      total: result.requests.total,
      errors: result.errors + result.timeouts + result.non2xx,
      auditRowsWritten: written,
      cpuMsPerRequest: { server: perRequestMs('server'), postgres: perRequestMs('postgres'), autocannon: perRequestMs('bench') },
    };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

async function auditCount(url: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const r = await c.query<{ n: number }>('select count(*)::int as n from audit_event');
  await c.end();
  return r.rows[0]?.n ?? 0;
}

// BENCH_FSYNC=off shows how much of the cost is the disk flush at every commit (not for production).
const cluster = await startCluster({ fsync: process.env.BENCH_FSYNC !== 'off' });
// BENCH_PG_SOCKET=unix: Botpad reaches PostgreSQL over its Unix-domain socket instead of TCP on the
// loopback address.
const viaSocket = process.env.BENCH_PG_SOCKET === 'unix';
const databaseUrl = viaSocket ? cluster.socketUrl : cluster.url;
const common = { date: new Date().toISOString(), postgresVia: viaSocket ? 'unix socket' : 'tcp loopback', fsync: process.env.BENCH_FSYNC !== 'off', cpus: os.cpus().length, durationSeconds: DURATION, connections: CONNECTIONS, patients: PATIENTS };

async function load(url: string, build: Build = HERE): Promise<void> {
  const env = { ...process.env, DATABASE_URL: url, BOTPAD_LOG_LEVEL: 'warn' };
  await run(['migrate'], env, build);
  await run(['seed', '--demo'], env, build);
  await run(['seed', '--patients', String(PATIENTS)], env, build);
}

/** The same cluster, another database: each build migrates and loads its own. */
async function databaseFor(name: string): Promise<string> {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  await c.query(`create database ${name}`);
  await c.end();
  const u = new URL(databaseUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};

try {
  const against = process.env.BENCH_AGAINST;
  if (against) {
    const other: Build = { label: against, dir: against, node: process.env.BENCH_AGAINST_NODE ?? process.execPath };
    const builds = [
      { build: HERE, url: await databaseFor('bench_this') },
      { build: other, url: await databaseFor('bench_other') },
    ];
    for (const b of builds) await load(b.url, b.build);
    const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
    const runs: (Awaited<ReturnType<typeof measure>> & { loadAverage: string })[] = [];
    for (let r = 0; r < rounds; r++) {
      // Alternate which goes first, so neither always meets a warmer or busier machine.
      for (const b of r % 2 ? [...builds].reverse() : builds) runs.push({ ...(await measure(b.url, true, b.build)), loadAverage: os.loadavg().map((l) => l.toFixed(2)).join(' ') });
    }
    const summary = builds.map((b) => {
      const mine = runs.filter((x) => x.build === b.build.label);
      return { build: b.build.label, node: b.build.node, medianRequestsPerSec: median(mine.map((x) => x.requestsPerSec)), medianP99: median(mine.map((x) => x.p99)), auditRowsPerRead: mine.map((x) => Number((x.auditRowsWritten / x.total).toFixed(2))) };
    });
    process.stdout.write(JSON.stringify({ ...common, node: process.version, target: TARGET, rounds, summary, runs }, null, 2) + '\n');
  } else {
    await load(databaseUrl);
    const withAudit = await measure(databaseUrl, true);
    // Every entry written under load must be in an intact hash chain afterwards.
    const auditVerify = await run(['audit', 'verify'], { ...process.env, DATABASE_URL: databaseUrl, BOTPAD_LOG_LEVEL: 'warn' });
    const withoutAudit = await measure(databaseUrl, false);
    const out = { ...common, loadAverage: os.loadavg().map((l) => l.toFixed(2)).join(' '), node: process.version, withAudit, auditVerify, withoutAudit };
    process.stdout.write(JSON.stringify(out, null, 2) + '\n');
  }
} finally {
  cluster.stop();
}
