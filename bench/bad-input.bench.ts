// What an unauthenticated request of junk can buy: a body just under the 1 MB limit made of unknown
// fields, sent to the sign-in route (no session needed). Reports the size of the answer and the CPU
// time the server spends per request (in-process, through inject; the store is an embedded PGlite in
// a temporary directory, which these requests never reach).
//
//   npx tsx bench/bad-input.bench.ts [--requests 20]
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config.js';
import { buildServer } from '../src/main.js';
import { migrate, openStore } from '../src/store/db.js';

const arg = process.argv.indexOf('--requests');
const REQUESTS = arg >= 0 ? Number(process.argv[arg + 1]) : 20;

const dir = mkdtempSync(path.join(tmpdir(), 'botpad-bench-'));
const store = await openStore({ dataDir: path.join(dir, 'data') });
await migrate(store.db);
const app = await buildServer(loadConfig({ BOTPAD_LOG_LEVEL: 'silent', BOTPAD_DATA_DIR: path.join(dir, 'data') }), store);

// Each field `"f12345":1,` is counted as it is added, so the body ends just under 999,000 bytes.
const body: Record<string, number> = {};
for (let i = 0, size = 2; ; i++) {
  const key = `f${String(i)}`;
  size += key.length + 5;
  if (size > 999_000) break;
  body[key] = 1;
}
const payload = JSON.stringify(body);

const sizes: number[] = [];
const cpu: number[] = [];
for (let i = 0; i < REQUESTS; i++) {
  const before = process.cpuUsage();
  const res = await app.inject({ method: 'POST', url: '/api/v1/session', headers: { 'content-type': 'application/json' }, payload });
  const used = process.cpuUsage(before);
  cpu.push((used.user + used.system) / 1000);
  sizes.push(res.body.length);
  if (res.statusCode !== 400) throw new Error(`expected 400, got ${String(res.statusCode)}`);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
process.stdout.write(
  `body ${String(payload.length)} bytes, ${String(Object.keys(body).length)} unknown fields; ${String(REQUESTS)} requests\n` +
    `answer ${String(median(sizes))} bytes; CPU per request median ${median(cpu).toFixed(1)} ms (min ${Math.min(...cpu).toFixed(1)}, max ${Math.max(...cpu).toFixed(1)}); load ${loadavg()[0]?.toFixed(2) ?? '?'}\n`,
);
await app.close();
await store.close();
rmSync(dir, { recursive: true, force: true });
