// Starts one real Botpad for the whole browser run, exactly as a user would (`node bin/botpad.js
// start`, so the CLI, config parsing, build-on-start and demo seeding are exercised too), on a free
// port with a throwaway data directory. Whatever happens, the server is stopped and the directory
// removed: a stray server would hold the port and the PGlite lock for the next run.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    botpadUrl: string;
  }
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// Generous: the first start may rebuild dist/ and create and seed the database.
const READY_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 10_000;

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
      timer = setTimeout(() => resolve(true), STOP_TIMEOUT_MS);
    }),
  ]);
  clearTimeout(timer);
  if (timedOut) {
    process.stderr.write(`Botpad did not stop within ${String(STOP_TIMEOUT_MS / 1000)} s of SIGTERM; killing it.\n`);
    child.kill('SIGKILL');
    await exited(child);
  }
}

async function waitUntilReady(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`Botpad exited (code ${String(child.exitCode)}, signal ${String(child.signalCode)}) before it was ready:\n${output()}`);
    }
    try {
      const res = await fetch(new URL('/health/ready', url), { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`Botpad was not ready at ${url} within ${String(READY_TIMEOUT_MS / 1000)} s:\n${output()}`);
}

export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'botpad-e2e-'));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', BOTPAD_DATA_DIR: dataDir };
  // The browser run is about the embedded install a user gets by default (PGlite with demo data),
  // whatever the developer's shell points at.
  for (const key of ['DATABASE_URL', 'BOTPAD_DEMO', 'BOTPAD_PUBLIC_URL', 'BOTPAD_LOG_LEVEL', 'BOTPAD_TRUST_PROXY', 'BOTPAD_AUDIT_ANCHOR_FILE']) delete env[key];
  env.BOTPAD_LOG_LEVEL = 'warn';

  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'botpad.js'), 'start'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const keep = (chunk: Buffer) => {
    // Only the tail matters when explaining a failed start.
    log = (log + chunk.toString('utf8')).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  let cleaned = false;
  const cleanUp = async () => {
    if (cleaned) return;
    cleaned = true;
    process.off('exit', lastResort);
    try {
      await stop(child);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(`${dataDir}.audit-anchor`, { force: true });
    }
  };
  // If vitest itself is killed or crashes, teardown never runs: do what can be done synchronously.
  const lastResort = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  };
  process.once('exit', lastResort);

  const url = `http://127.0.0.1:${String(port)}`;
  try {
    await waitUntilReady(url, child, () => log);
  } catch (e) {
    await cleanUp();
    throw e;
  }
  project.provide('botpadUrl', url);
  return cleanUp;
}
