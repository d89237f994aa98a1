// One real Botpad per spec file, started exactly as a user would (`node bin/botpad.js start`, so the
// CLI, config parsing, build-on-start and demo seeding are exercised too), on a free port with a
// throwaway data directory of its own: spec files run in parallel and never see each other's data.
// That directory starts as a copy of one the browser run's global setup had a first `botpad start`
// create and fill with the demo data (global-setup.ts): creating and seeding the database is the
// slowest part of a start, and every file began with the same demo data anyway.
// The server starts when the file first opens a page on it (a file that only renders its own pages
// starts none) and stops after the file's last hook (see per-file.ts). Whatever happens, it is
// stopped and its directory removed: a stray server would hold the port and the PGlite lock.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/**
 * Only a last resort against a process that hangs without a word: readiness is the "Botpad is ready"
 * line, and a process that ends is reported at once. A first start on a busy machine creates and
 * seeds a database, which can take a minute.
 */
const READY_CAP_MS = 240_000;
/** SIGTERM asks for a clean stop (PGlite flushes); only a process that ignores it is killed. */
const STOP_CAP_MS = 60_000;
/** A free port can be taken by someone else between our look and Botpad's listen: try another. */
const PORT_ATTEMPTS = 5;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => {
        resolve(port);
      });
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const timedOut = await Promise.race([
    exited(child).then(() => false),
    new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(true), STOP_CAP_MS);
    }),
  ]);
  clearTimeout(timer);
  if (timedOut) {
    process.stderr.write(`Botpad did not stop within ${String(STOP_CAP_MS / 1000)} s of SIGTERM; killing it.\n`);
    child.kill('SIGKILL');
    await exited(child);
  }
}

interface Started {
  child: ChildProcess;
  url: string;
}

/** Resolves on the ready line; rejects, with the output, when the process ends first. */
function startOnce(env: NodeJS.ProcessEnv, port: number): Promise<Started & { output: () => string }> {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'botpad.js'), 'start'], {
    cwd: ROOT,
    env: { ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  // Only the tail matters when explaining a failed start.
  const keep = (chunk: Buffer) => (log = (log + chunk.toString('utf8')).slice(-20_000));
  child.stderr.on('data', keep);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Botpad printed no ready line within ${String(READY_CAP_MS / 1000)} s:\n${log}`));
    }, READY_CAP_MS);
    child.stdout.on('data', (chunk: Buffer) => {
      keep(chunk);
      const m = /Botpad is ready \([^)]*\)\. Open (\S+)/.exec(log);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: m[1].replace(/\/$/, ''), output: () => log });
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(Object.assign(new Error(`Botpad exited (code ${String(code)}, signal ${String(signal)}) before it was ready:\n${log}`), { log }));
    });
  });
}

export interface BotpadServer {
  /** Base URL without a trailing slash. */
  url: string;
  /** Its data directory (the audit anchor is this path plus `.audit-anchor`). */
  dataDir: string;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** A data directory of a stopped Botpad to start from a copy of (with its audit anchor). */
  copyOf?: string;
  /** Leave the data directory when stopping, for copyOf; the caller removes it (removeDataDir). */
  keep?: boolean;
}

/** The data directory and what Botpad keeps beside it (audit anchor, lock, owner, backups). */
export function removeDataDir(dataDir: string): void {
  for (const p of [dataDir, ...['.audit-anchor', '.lock', '.owner', '.backups', '.outbox'].map((suffix) => dataDir + suffix)]) rmSync(p, { recursive: true, force: true });
}

export async function startServer(opts: StartOptions = {}): Promise<BotpadServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'botpad-e2e-'));
  if (opts.copyOf) {
    cpSync(opts.copyOf, dataDir, { recursive: true });
    // The anchor holds the newest link of the audit chain: without it the copy's chain would not check.
    if (existsSync(`${opts.copyOf}.audit-anchor`)) cpSync(`${opts.copyOf}.audit-anchor`, `${dataDir}.audit-anchor`);
  }
  const env: NodeJS.ProcessEnv = { ...process.env, HOST: '127.0.0.1', BOTPAD_DATA_DIR: dataDir };
  // The browser run is about the embedded install a user gets by default (PGlite with demo data),
  // whatever the developer's shell points at.
  for (const key of ['DATABASE_URL', 'BOTPAD_DEMO', 'BOTPAD_PUBLIC_URL', 'BOTPAD_LOG_LEVEL', 'BOTPAD_TRUST_PROXY', 'BOTPAD_AUDIT_ANCHOR_FILE']) delete env[key];
  env.BOTPAD_LOG_LEVEL = 'warn';

  let current: ChildProcess | undefined;
  const removeFiles = () => {
    if (!opts.keep) removeDataDir(dataDir);
  };
  // If the worker is killed or crashes, no hook runs: do what can be done synchronously.
  const lastResort = () => {
    if (current && current.exitCode === null && current.signalCode === null) current.kill('SIGKILL');
    removeDataDir(dataDir);
  };
  process.once('exit', lastResort);
  const cleanUp = async () => {
    process.off('exit', lastResort);
    try {
      if (current) await stop(current);
    } finally {
      removeFiles();
    }
  };

  try {
    for (let attempt = 1; ; attempt++) {
      try {
        const started = await startOnce(env, await freePort());
        current = started.child;
        // The ready line comes after listen; the probe shows the database answers too.
        const res = await fetch(`${started.url}/health/ready`);
        if (!res.ok) throw new Error(`Botpad said it was ready, but /health/ready answered ${String(res.status)}:\n${started.output()}`);
        return { url: started.url, dataDir, stop: cleanUp };
      } catch (e) {
        const taken = /already in use/.test((e as { log?: string }).log ?? '');
        if (!taken || attempt >= PORT_ATTEMPTS) throw e;
      }
    }
  } catch (e) {
    await cleanUp();
    removeDataDir(dataDir);
    throw e;
  }
}
