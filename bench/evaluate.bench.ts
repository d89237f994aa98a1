// Full-case evaluations per second on one core, schema validation included: the Case and Settings
// checks, then every rule. Target ≥ 20,000/s. Run: npx tsx bench/evaluate.bench.ts [--dist]
// [--against DIR]. `--against DIR`: also measure an older compiled core (DIR/core/evaluate.js, e.g.
// a build of an earlier commit) in the same process, in alternating 100 ms slices, so load on a
// shared host falls on both alike; each one-second round then holds ten slices of each.
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

const againstArg = process.argv.indexOf('--against');
const againstDir = againstArg >= 0 ? process.argv[againstArg + 1] : undefined;
type Core = typeof fromSource;
const cores: { name: string; core: Core }[] = [{ name: dist ? 'now (dist/)' : 'now (sources)', core: { checkCase, checkSettings, evaluate } as Core }];
if (againstDir !== undefined) {
  const url = new URL(`file://${againstDir.startsWith('/') ? '' : `${process.cwd()}/`}${againstDir}/core/evaluate.js`).href;
  cores.push({ name: `old (${againstDir})`, core: (await import(url)) as Core });
}

function onceWith(core: Core): number {
  const c = core.checkCase(json);
  const s = core.checkSettings({});
  if (!c.ok || !s.ok) throw new Error('bench/full-case.json is not a valid case');
  return core.evaluate(c.value, s.value, 'nl').conclusions.length;
}

const conclusions = once();
for (let i = 0; i < 5000; i++) for (const k of cores) onceWith(k.core); // warm up the JIT

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const best = (xs: number[]) => Math.max(...xs);
const fmt = (x: number) => Math.round(x).toLocaleString('en');

if (cores.length > 1) {
  // Each round: ten 100 ms slices per core, alternating (which core goes first alternates by
  // round), counted per CPU-second of the slices' own time.
  const cpu: number[][] = cores.map(() => []);
  for (let r = 0; r < ROUNDS; r++) {
    const n = cores.map(() => 0);
    const us = cores.map(() => 0);
    for (let slice = 0; slice < 10; slice++) {
      for (let j = 0; j < cores.length; j++) {
        const k = (j + r) % cores.length;
        const core = (cores[k] as { core: Core }).core;
        const t0 = performance.now();
        const c0 = process.cpuUsage();
        let m = 0;
        while (performance.now() - t0 < 100) {
          for (let i = 0; i < 20; i++) onceWith(core);
          m += 20;
        }
        const d = process.cpuUsage(c0);
        n[k] = (n[k] as number) + m;
        us[k] = (us[k] as number) + d.user + d.system;
      }
    }
    for (let k = 0; k < cores.length; k++) (cpu[k] as number[]).push(((n[k] as number) * 1e6) / (us[k] as number));
  }
  const lines = cores.map((k, i) => `  ${k.name}: median ${fmt(median(cpu[i] as number[]))} per CPU-second (${(1e6 / median(cpu[i] as number[])).toFixed(1)} µs), fastest round ${fmt(best(cpu[i] as number[]))}\n`);
  const ratio = median(cpu[0] as number[]) / median(cpu[1] as number[]);
  process.stdout.write(
    `evaluate(full case, ${conclusions} conclusions, schema validation included), ${String(ROUNDS)} rounds of alternating 100 ms slices:\n` +
      lines.join('') + `  now / old throughput (medians): ${ratio.toFixed(3)}\n`,
  );
  process.exit(0);
}

// Rounds of one second each (BENCH_ROUNDS, default 9). The median describes the machine as it was;
// the fastest round is the usual estimate of the code's own speed on a shared host, where other
// work can only slow a round down (the reasoning behind Python's timeit reporting its minimum).
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
process.stdout.write(
  `evaluate(full case, ${conclusions} conclusions, schema validation included; ${dist ? 'compiled dist/' : 'sources via tsx'}), ${String(ROUNDS)} one-second rounds:\n` +
    `  median ${fmt(median(cpu))} evaluations per CPU-second (${(1e6 / median(cpu)).toFixed(1)} µs each), ${fmt(median(wall))} per wall-clock second\n` +
    `  fastest round ${fmt(best(cpu))} per CPU-second (${(1e6 / best(cpu)).toFixed(1)} µs each), ${fmt(best(wall))} per wall-clock second\n`,
);
