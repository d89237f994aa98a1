// Full-case evaluations per second on one core, schema validation included: the Case and Settings
// checks, then every rule. Target ≥ 20,000/s. Run: npx tsx bench/evaluate.bench.ts [--dist]
// Reported per CPU-second of this process (process.cpuUsage) as well as per wall-clock second, so a
// busy machine does not distort the per-core figure.
import { readFileSync } from 'node:fs';
import * as fromSource from '../src/core/evaluate.js';

// `--dist`: measure the compiled core in dist/ (`node scripts/build.mjs` first), the code `botpad`
// and the server run. Without it, the TypeScript sources as tsx compiles them; tsx keeps function
// names (esbuild keepNames), which wraps every closure a rule creates per call in a `__name(…)`
// call, so that figure is lower than the compiled code's.
const dist = process.argv.includes('--dist');
const { checkCase, checkSettings, evaluate } = dist
  ? ((await import(new URL('../dist/core/evaluate.js', import.meta.url).href)) as typeof fromSource)
  : fromSource;

const json: unknown = JSON.parse(readFileSync(new URL('./full-case.json', import.meta.url), 'utf8'));

function once(): number {
  const c = checkCase(json);
  const s = checkSettings({});
  if (!c.ok || !s.ok) throw new Error('bench/full-case.json is not a valid case');
  return evaluate(c.value, s.value, 'nl').conclusions.length;
}

const conclusions = once();
for (let i = 0; i < 5000; i++) once(); // warm up the JIT

// Rounds of one second each (BENCH_ROUNDS, default 9). The median describes the machine as it was;
// the fastest round is the usual estimate of the code's own speed on a shared host, where other
// work can only slow a round down (the reasoning behind Python's timeit reporting its minimum).
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9);
const wall: number[] = [];
const cpu: number[] = [];
for (let r = 0; r < ROUNDS; r++) {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let n = 0;
  while (performance.now() - t0 < 1000) {
    for (let i = 0; i < 100; i++) once();
    n += 100;
  }
  const cpuUs = process.cpuUsage(c0);
  wall.push((n * 1000) / (performance.now() - t0));
  cpu.push((n * 1e6) / (cpuUs.user + cpuUs.system));
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const best = (xs: number[]) => Math.max(...xs);
const fmt = (x: number) => Math.round(x).toLocaleString('en');
process.stdout.write(
  `evaluate(full case, ${conclusions} conclusions, schema validation included; ${dist ? 'compiled dist/' : 'sources via tsx'}), ${String(ROUNDS)} one-second rounds:\n` +
    `  median ${fmt(median(cpu))} evaluations per CPU-second (${(1e6 / median(cpu)).toFixed(1)} µs each), ${fmt(median(wall))} per wall-clock second\n` +
    `  fastest round ${fmt(best(cpu))} per CPU-second (${(1e6 / best(cpu)).toFixed(1)} µs each), ${fmt(best(wall))} per wall-clock second\n`,
);
