// `botpad start` as a real process on a loopback port, for fault tests and benchmarks that need to
// see a process survive (or not) what happens to its database. Runs the compiled dist/ through
// bin/botpad.js, like an operator's start; buildOnce() compiles first so that several processes
// started together do not all rebuild at once.
import { spawn, spawnSync, type ChildProcessByStdio } from 'node:child_process';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../store/testing/pg-cluster.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export function buildOnce(): void {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build failed: ${r.stderr || r.stdout}`);
}

export interface BotpadProcess {
  /** http://127.0.0.1:PORT/ */
  readonly url: string;
  readonly child: ChildProcessByStdio<null, Readable, Readable>;
  /** Resolves when the process has ended, however. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Still running. */
  alive(): boolean;
  /** Everything it printed (stdout and stderr), for diagnosing a failure. */
  output(): string;
  /** SIGTERM, and wait for the end. */
  stop(): Promise<void>;
}

/**
 * Starts `botpad start` and resolves once it prints that it is ready (rejects if it ends first).
 * `port` restarts a process on the port it had (as a supervisor would); otherwise a free one.
 */
export async function startBotpad(env: Record<string, string>, opts: { port?: number; capMs?: number } = {}): Promise<BotpadProcess> {
  const port = opts.port ?? (await freePort());
  // Readiness is the "Botpad is ready" line or the process's end; the cap only ends a silent hang.
  const capMs = opts.capMs ?? 180_000;
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'botpad.js'), 'start'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', BOTPAD_LOG_LEVEL: 'warn', ...env },
  });
  let out = '';
  let running = true;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      running = false;
      resolve({ code, signal });
    }),
  );
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`botpad not ready after ${String(capMs)} ms:\n${out}`)), capMs);
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      if (out.includes('Botpad is ready')) {
        clearTimeout(timer);
        resolve();
      }
    });
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`botpad ended before it was ready (${String(code ?? signal)}):\n${out}`));
    });
  });
  child.stderr.on('data', (b: Buffer) => (out += b.toString()));
  await ready;
  return {
    url: `http://127.0.0.1:${String(port)}/`,
    child,
    exited,
    alive: () => running,
    output: () => out,
    async stop() {
      if (!running) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}
