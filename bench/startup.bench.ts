// Start-up time, as an operator sees it: from spawning the start command to /health/ready answering
// 200. First start (empty data directory: PGlite initdb, migrations, demo data) and warm restart (the
// same directory after a clean SIGTERM stop), through `npm start` and through `node bin/botpad.js
// start` directly. Progress lines of `botpad start` are timestamped too, which splits the time into
// phases without instrumenting the code.
//
//   npx tsx bench/startup.bench.ts [--runs 5] [--json]
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../src/store/testing/pg-cluster.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg >= 0 ? Number(process.argv[runsArg + 1]) : 5;
const FIRST_TARGET_MS = 10_000;
const WARM_TARGET_MS = 3_000;

type Mode = 'npm start' | 'node bin/botpad.js start';
const COMMANDS: Record<Mode, [string, string[]]> = {
  'npm start': ['npm', ['start', '--silent']],
  'node bin/botpad.js start': [process.execPath, ['bin/botpad.js', 'start']],
};

interface Sample {
  readyMs: number;
  /** CPU time (user + system, all threads) Botpad had used when ready: direct node command only. */
  cpuMs: number | undefined;
  /** Milliseconds from spawn to each progress line of `botpad start`, keyed by its first words. */
  marks: Record<string, number>;
  stopMs: number;
  rebuilt: boolean;
}

// The machine this runs on is shared; CPU time, unlike wall time, hardly depends on what else runs.
function cpuMsOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${String(pid)}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return undefined;
  }
}

const stampTime = () => {
  try {
    return statSync(path.join(root, 'dist', '.build-stamp')).mtimeMs;
  } catch {
    return 0;
  }
};

function markOf(line: string): string | undefined {
  if (line.startsWith('Starting Botpad')) return 'process up';
  if (line.startsWith('Safety copy')) return 'backup done';
  if (line.startsWith('Database migrated')) return 'migrated';
  if (line.startsWith('Demo data loaded')) return 'demo loaded';
  if (line.startsWith('Botpad is ready')) return 'listening';
  return undefined;
}

async function startOnce(mode: Mode, dataDir: string): Promise<Sample> {
  const port = await freePort();
  const stampBefore = stampTime();
  const [cmd, args] = COMMANDS[mode];
  const t0 = performance.now();
  // Own process group, so SIGTERM reaches npm and node alike, as Ctrl-C in a terminal does.
  const child = spawn(cmd, args, {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', BOTPAD_DATA_DIR: dataDir, BOTPAD_LOG_LEVEL: 'warn' },
  });
  const marks: Record<string, number> = {};
  let out = '';
  let partial = '';
  child.stdout.on('data', (b: Buffer) => {
    const now = performance.now() - t0;
    const parts = (partial + b.toString()).split('\n');
    partial = parts.pop() ?? '';
    for (const line of parts) {
      out += line + '\n';
      const m = markOf(line);
      if (m) marks[m] = Math.round(now);
    }
  });
  child.stderr.on('data', (b: Buffer) => (out += b.toString()));
  const stdoutClosed = new Promise<void>((r) => child.stdout.once('close', () => r()));
  let exited = false;
  const exit = new Promise<number | null>((r) =>
    child.once('exit', (code) => {
      exited = true;
      r(code);
    }),
  );

  let readyMs: number | undefined;
  const deadline = t0 + 60_000;
  while (readyMs === undefined) {
    if (exited) throw new Error(`${mode} exited before it was ready:\n${out}`);
    if (performance.now() > deadline) throw new Error(`${mode} not ready after 60 s:\n${out}`);
    try {
      const res = await fetch(`http://127.0.0.1:${String(port)}/health/ready`);
      if (res.status === 200) readyMs = performance.now() - t0;
      await res.arrayBuffer();
    } catch {
      // not listening yet
    }
    if (readyMs === undefined) await new Promise((r) => setTimeout(r, 10));
  }
  const cpuMs = mode === 'npm start' ? undefined : cpuMsOf(child.pid as number);
  const s0 = performance.now();
  process.kill(-(child.pid as number), 'SIGTERM');
  // npm dies of the signal at once while Botpad, its child, is still closing the database; the pipe
  // closes when the last of them is gone.
  const [code] = await Promise.all([exit, stdoutClosed]);
  const stopMs = performance.now() - s0;
  const cleanExit = mode === 'npm start' || code === 0;
  if (!cleanExit || !out.includes('stopped cleanly')) throw new Error(`${mode} did not stop cleanly (exit ${String(code)}):\n${out}`);
  return { readyMs, cpuMs, marks, stopMs, rebuilt: stampTime() !== stampBefore };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};
const sec = (ms: number) => (ms / 1000).toFixed(2);

async function main(): Promise<void> {
  const results: Record<string, Sample[]> = {};
  const base = mkdtempSync(path.join(tmpdir(), 'botpad-bench-'));
  try {
    for (let i = 0; i < RUNS; i++) {
      // Interleaved, so a burst of load from elsewhere on the machine does not land on one mode only.
      for (const mode of Object.keys(COMMANDS) as Mode[]) {
        const dir = path.join(base, `${mode.replace(/\W+/g, '-')}-${String(i)}`, 'data');
        const first = await startOnce(mode, dir);
        const warm = await startOnce(mode, dir);
        (results[`${mode} | first start`] ??= []).push(first);
        (results[`${mode} | warm restart`] ??= []).push(warm);
        process.stderr.write(`run ${String(i + 1)}/${String(RUNS)} ${mode}: first ${sec(first.readyMs)} s, warm ${sec(warm.readyMs)} s\n`);
      }
    }
  } finally {
    rmSync(base, { recursive: true, force: true });
  }

  const lines: string[] = [];
  lines.push(`Date: ${new Date().toISOString()}`);
  lines.push(`Machine: ${String(availableParallelism())} cores (${cpus()[0]?.model ?? '?'}), Node ${process.version}, load average at end ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  lines.push(`Runs: ${String(RUNS)} per row`);
  lines.push('');
  lines.push('| command | case | median to ready | max to ready | target | CPU to ready (median) | phases (median ms from spawn) | clean stop (median) |');
  lines.push('|---|---|---|---|---|---|---|---|');
  for (const [key, samples] of Object.entries(results)) {
    const [mode, kind] = key.split(' | ') as [string, string];
    const ready = samples.map((s) => s.readyMs);
    const target = kind === 'first start' ? FIRST_TARGET_MS : WARM_TARGET_MS;
    const markNames = [...new Set(samples.flatMap((s) => Object.keys(s.marks)))];
    const phases = markNames
      .map((m) => `${m} ${String(Math.round(median(samples.map((s) => s.marks[m] ?? Number.NaN))))}`)
      .join(', ');
    const rebuilt = samples.filter((s) => s.rebuilt).length;
    const cpu = samples.flatMap((s) => (s.cpuMs === undefined ? [] : [s.cpuMs]));
    const cpuCell = cpu.length ? `${sec(median(cpu))} s` : '–';
    lines.push(
      `| \`${mode}\` | ${kind} | ${sec(median(ready))} s | ${sec(Math.max(...ready))} s | ≤ ${sec(target)} s ${Math.max(...ready) <= target ? 'met' : 'MISSED'} | ${cpuCell} | ${phases}${rebuilt ? `; ${String(rebuilt)} run(s) rebuilt dist/` : ''} | ${sec(median(samples.map((s) => s.stopMs)))} s |`,
    );
  }
  process.stdout.write(lines.join('\n') + '\n');
  if (process.argv.includes('--json')) process.stdout.write(JSON.stringify(results) + '\n');
}

await main();
