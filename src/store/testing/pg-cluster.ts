// A throwaway PostgreSQL 15 cluster for the test suite: a temporary data and socket directory, a
// free loopback port, trust auth, and fsync off unless asked (speed; crash.test.ts starts its own
// cluster with fsync on, crashes it and restarts it). PostgreSQL refuses to run as root, so as root it runs as the postgres user.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';

export interface Cluster {
  /** Over TCP on the loopback address. */
  url: string;
  /** The same server over its Unix-domain socket (how a server on the same machine is usually reached). */
  socketUrl: string;
  port: number;
  dataDir: string;
  stop(): void;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

function asPostgres(cmd: string, args: string[]): { cmd: string; args: string[] } {
  return userInfo().uid === 0 ? { cmd: 'runuser', args: ['-u', 'postgres', '--', cmd, ...args] } : { cmd, args };
}

/**
 * How long pg_ctl waits for the server to accept connections (or to stop). pg_ctl ends as soon as
 * it does, so this only bounds a server that never comes; crash recovery with fsync on, on a busy
 * machine, takes far longer than on a quiet one.
 */
const PG_CTL_WAIT_SECONDS = '300';

// How a cluster was started, so that it can be started again on the same data directory after a crash.
const launch = new WeakMap<Cluster, { pgOpts: string; logFile: string }>();

function pgCtlStart(dataDir: string, pgOpts: string, logFile: string): void {
  const start = asPostgres('pg_ctl', ['-D', dataDir, '-o', pgOpts, '-l', logFile, '-w', '-t', PG_CTL_WAIT_SECONDS, 'start']);
  const s = spawnSync(start.cmd, start.args, { encoding: 'utf8' });
  if (s.status !== 0) throw new Error(`pg_ctl start failed: ${s.stderr || s.stdout}`);
}

export async function startCluster(opts: { fsync?: boolean } = {}): Promise<Cluster> {
  const base = mkdtempSync(path.join(tmpdir(), 'botpad-pg-'));
  const dataDir = path.join(base, 'data');
  const sockDir = path.join(base, 'sock');
  for (const d of [dataDir, sockDir]) {
    execFileSync('mkdir', ['-p', d]);
  }
  if (userInfo().uid === 0) {
    const pw = execFileSync('id', ['-u', 'postgres']).toString().trim();
    const gid = execFileSync('id', ['-g', 'postgres']).toString().trim();
    for (const d of [base, dataDir, sockDir]) chownSync(d, Number(pw), Number(gid));
  }
  chmodSync(base, 0o755);
  const init = asPostgres('initdb', ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-instructions']);
  const r = spawnSync(init.cmd, init.args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`initdb failed: ${r.stderr || r.stdout || String(r.error)}`);
  const port = await freePort();
  const pgOpts = [
    `-p ${String(port)}`,
    '-c listen_addresses=127.0.0.1',
    `-c unix_socket_directories=${sockDir}`,
    `-c fsync=${opts.fsync ? 'on' : 'off'}`,
    '-c max_connections=200',
    '-c shared_buffers=64MB',
  ].join(' ');
  const logFile = path.join(base, 'server.log');
  pgCtlStart(dataDir, pgOpts, logFile);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    const st = asPostgres('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
    spawnSync(st.cmd, st.args, { encoding: 'utf8' });
    rmSync(base, { recursive: true, force: true });
  };
  const cluster = {
    url: `postgresql://postgres@127.0.0.1:${String(port)}/postgres`,
    socketUrl: `postgresql://postgres@localhost:${String(port)}/postgres?host=${encodeURIComponent(sockDir)}`,
    port,
    dataDir,
    stop,
  };
  launch.set(cluster, { pgOpts, logFile });
  return cluster;
}

// pg_ctl without blocking this process, for tests and benchmarks whose load must go on meanwhile.
function pgCtlAsync(args: string[]): Promise<void> {
  const c = asPostgres('pg_ctl', args);
  return new Promise((resolve, reject) => {
    const child = spawn(c.cmd, c.args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (out += b.toString()));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`pg_ctl ${args.at(-1) ?? ''} failed: ${out}`))));
  });
}

/** A clean, fast shutdown (what a restart by the operator or a package upgrade does), files kept. */
export function stopClusterFast(c: Cluster): Promise<void> {
  return pgCtlAsync(['-D', c.dataDir, '-m', 'fast', '-w', '-t', PG_CTL_WAIT_SECONDS, 'stop']);
}

/** restartCluster without blocking: resolves once the server accepts connections. */
export function startClusterAgain(c: Cluster): Promise<void> {
  const how = launch.get(c);
  if (!how) return Promise.reject(new Error('startClusterAgain needs a cluster made by startCluster'));
  return pgCtlAsync(['-D', c.dataDir, '-o', how.pgOpts, '-l', how.logFile, '-w', '-t', PG_CTL_WAIT_SECONDS, 'start']);
}

/** Kills the postmaster hard (for crash tests) without removing its files. */
export function killCluster(c: Cluster): void {
  const k = asPostgres('pg_ctl', ['-D', c.dataDir, '-m', 'immediate', '-w', 'stop']);
  spawnSync(k.cmd, k.args);
}

function postmasterPid(dataDir: string): number | undefined {
  const file = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

function childrenOf(pid: number): number[] {
  const kids: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // Field 4 of /proc/<pid>/stat is the parent pid; the command name (field 2) may hold spaces.
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) kids.push(Number(name));
    } catch {
      // the process ended while we looked
    }
  }
  return kids;
}

function gone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * A real crash: SIGKILL to the postmaster and every server process under it at once, so nothing gets
 * to flush or shut down (unlike `pg_ctl stop -m immediate`, which asks the server to quit). Returns
 * once they are all gone. Linux only (reads /proc).
 */
export async function crashCluster(c: Cluster): Promise<void> {
  const pm = postmasterPid(c.dataDir);
  if (pm === undefined) throw new Error(`no postmaster.pid in ${c.dataDir}`);
  const victims = [pm, ...childrenOf(pm)];
  for (const pid of victims) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  // Until reaped too: PostgreSQL takes a zombie postmaster's pid for a live one and will not start.
  // SIGKILL cannot be ignored; the cap only reports processes stuck in the kernel or never reaped.
  const deadline = Date.now() + 60_000;
  while (!victims.every(gone)) {
    // An orphaned backend still attached to shared memory would make the restart refuse to start.
    if (Date.now() > deadline) throw new Error(`server processes survived SIGKILL: ${victims.filter((p) => !gone(p)).join(', ')}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Starts a stopped or crashed cluster again on the same data directory and port (crash recovery runs). */
export function restartCluster(c: Cluster): void {
  const how = launch.get(c);
  if (!how) throw new Error('restartCluster needs a cluster made by startCluster');
  pgCtlStart(c.dataDir, how.pgOpts, how.logFile);
}

/** The server log, for recovery messages and for diagnosing a failed restart. */
export function clusterLog(c: Cluster): string {
  const how = launch.get(c);
  return how && existsSync(how.logFile) ? readFileSync(how.logFile, 'utf8') : '';
}
