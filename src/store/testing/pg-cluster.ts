// A throwaway PostgreSQL 15 cluster for the test suite: a temporary data and socket directory, a
// free loopback port, trust auth, and fsync off (speed; durability is tested separately on a
// normal cluster). PostgreSQL refuses to run as root, so as root it runs as the postgres user.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';

export interface Cluster {
  url: string;
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
  const start = asPostgres('pg_ctl', ['-D', dataDir, '-o', pgOpts, '-l', path.join(base, 'server.log'), '-w', '-t', '60', 'start']);
  const s = spawnSync(start.cmd, start.args, { encoding: 'utf8' });
  if (s.status !== 0) throw new Error(`pg_ctl start failed: ${s.stderr || s.stdout}`);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    const st = asPostgres('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
    spawnSync(st.cmd, st.args, { encoding: 'utf8' });
    rmSync(base, { recursive: true, force: true });
  };
  return { url: `postgresql://postgres@127.0.0.1:${String(port)}/postgres`, port, dataDir, stop };
}

/** Kills the postmaster hard (for crash tests) without removing its files. */
export function killCluster(c: Cluster): void {
  const k = asPostgres('pg_ctl', ['-D', c.dataDir, '-m', 'immediate', '-w', 'stop']);
  spawnSync(k.cmd, k.args);
}
