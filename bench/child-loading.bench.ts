// A child's loading log under load, on PostgreSQL 15: noting a standing session down end to end
// (POST /api/v1/patients/{id}/loading-log through the whole app: the session, the core's
// authorize(), the insert, the worklist's derivation in the same transaction, the audit entry; p95
// target at most 50 ms), and the tablet page /log/{id} of a child with 10 years of logs (p95 target
// at most 50 ms), plus the clinician's page with the weeks for comparison.
//
// The demo set is loaded; Lotte Mulder (the demo parent's daughter, in the day centre's care) gets a
// child entry and 10 years of logs: three lines a day (standing frame, walking aid, other movement),
// noted by her parent and the centre's care worker in turn.
//
// Run: npm run bench -- bench/child-loading.bench.ts
// BENCH_CALLS per measurement (300, after BENCH_WARMUP = 30); DATABASE_URL=… to use a database of
// your own instead of a throwaway PostgreSQL 15 cluster (src/store/testing/pg-cluster.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { loadConfig } from '../src/config.js';
import { buildServer } from '../src/main.js';
import { startCluster } from '../src/store/testing/pg-cluster.js';
import { migrate, openStore } from '../src/store/db.js';
import { seedDemo } from '../src/services/seed.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../src/demo/demo-data.js';
import { addDays, addYears } from '../src/core/time/date.js';
import { todayNl } from '../src/schema/clock.js';
import { LOADING_ACTIVITIES } from '../src/core/record/lists.js';

const CALLS = Number(process.env.BENCH_CALLS ?? 300);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 30);
const TARGET_P95_MS = 50;
const YEARS = 10;
const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');
const today = todayNl();

function percentiles(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => Number((s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] ?? 0).toFixed(2));
  return { n: s.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: at(1) };
}

const scratch = mkdtempSync(path.join(os.tmpdir(), 'botpad-bench-'));
const cluster = process.env.DATABASE_URL ? undefined : await startCluster({ fsync: true });
const store = await openStore({ databaseUrl: process.env.DATABASE_URL ?? cluster?.url ?? '', poolSize: 10 });
const out: Record<string, unknown> = { date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, cpu: os.cpus()[0]?.model, store: 'postgresql', today, loadAtStart: load() };
try {
  const db = store.db;
  await migrate(db);
  await seedDemo(db, today);
  const lotte = await db.selectFrom('patient').select('id').where('given_name', '=', 'Lotte').executeTakeFirstOrThrow();
  const user = (role: string) => db.selectFrom('app_user').select(['id', 'organisation_id']).where('email', '=', DEMO_ACCOUNTS.find((a) => a.role === role)?.email ?? '').executeTakeFirstOrThrow();
  const parent = await user('caregiver');
  const worker = await user('care-worker');
  await db.insertInto('clinical_entry').values({
    entry_id: crypto.randomUUID(), version: 1, patient_id: lotte.id, kind: 'child', clinical_date: addYears(today, -YEARS), data: JSON.stringify({ mobility: 'wheelchair' }),
    status: 'active', current: true, source: 'clinician', recorded_by: worker.id, organisation_id: worker.organisation_id,
  }).execute();
  const rows: { patient_id: string; log_date: string; activity: (typeof LOADING_ACTIVITIES)[number]; minutes: number; logged_by: string }[] = [];
  for (let d = addYears(today, -YEARS); d <= today; d = addDays(d, 1)) {
    LOADING_ACTIVITIES.forEach((activity, k) => rows.push({ patient_id: lotte.id, log_date: d, activity, minutes: 5 + ((d.charCodeAt(9) + k * 7) % 20), logged_by: k % 2 === 0 ? parent.id : worker.id }));
  }
  for (let i = 0; i < rows.length; i += 1000) await db.insertInto('loading_log').values(rows.slice(i, i + 1000)).execute();
  out.log = { years: YEARS, lines: rows.length };

  const config = loadConfig({ BOTPAD_LOG_LEVEL: 'silent', BOTPAD_OUTBOX_DIR: path.join(scratch, 'outbox'), BOTPAD_AUDIT_ANCHOR_FILE: path.join(scratch, 'audit-anchor') });
  const app = await buildServer(config, store);
  try {
    const cookie: Record<string, string> = {};
    for (const role of ['caregiver', 'care-worker'] as const) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: DEMO_ACCOUNTS.find((a) => a.role === role)?.email ?? '', password: DEMO_PASSWORD } });
      const s = res.cookies.find((c) => c.name === 'botpad_session');
      if (res.statusCode >= 300 || !s) throw new Error(`signing in as ${role} failed: ${String(res.statusCode)}`);
      cookie[role] = `botpad_session=${s.value}`;
    }
    const measures: { name: string; call: () => Promise<LightMyRequestResponse>; status: number }[] = [
      { name: 'GET /log/{id} (tablet page, parent)', status: 200, call: () => app.inject({ method: 'GET', url: `/log/${lotte.id}`, headers: { accept: 'text/html', cookie: cookie.caregiver ?? '' } }) },
      { name: 'GET /log/{id} (tablet page, care worker)', status: 200, call: () => app.inject({ method: 'GET', url: `/log/${lotte.id}`, headers: { accept: 'text/html', cookie: cookie['care-worker'] ?? '' } }) },
      // The child's profile (the overview of the day centre's staff, and the parent's): the Case read
      // through the same 10 years of logs.
      { name: 'GET /patients/{id}/child (the profile, care worker)', status: 200, call: () => app.inject({ method: 'GET', url: `/patients/${lotte.id}/child`, headers: { accept: 'text/html', cookie: cookie['care-worker'] ?? '' } }) },
      { name: 'GET /child/{id} (the profile, parent)', status: 200, call: () => app.inject({ method: 'GET', url: `/child/${lotte.id}`, headers: { accept: 'text/html', cookie: cookie.caregiver ?? '' } }) },
      { name: 'GET /patients/{id}/child/loading (care worker)', status: 200, call: () => app.inject({ method: 'GET', url: `/patients/${lotte.id}/child/loading`, headers: { accept: 'text/html', cookie: cookie['care-worker'] ?? '' } }) },
      {
        name: 'POST loading-log (a standing session, end to end)', status: 201,
        call: () => app.inject({ method: 'POST', url: `/api/v1/patients/${lotte.id}/loading-log`, headers: { cookie: cookie.caregiver ?? '', 'content-type': 'application/json' }, payload: JSON.stringify({ date: today, activity: 'standing-frame', minutes: 10 }) }),
      },
    ];
    const results: Record<string, unknown>[] = [];
    for (const m of measures) {
      for (let i = 0; i < WARMUP; i++) await m.call();
      const ms: number[] = [];
      for (let i = 0; i < CALLS; i++) {
        const t0 = performance.now();
        const res = await m.call();
        ms.push(performance.now() - t0);
        if (res.statusCode !== m.status) throw new Error(`${m.name} answered ${String(res.statusCode)}: ${res.body.slice(0, 200)}`);
      }
      const p = percentiles(ms);
      results.push({ name: m.name, ...p, met: p.p95 <= TARGET_P95_MS, loadAfter: load() });
      console.error(`${m.name}: p50 ${String(p.p50)} ms, p95 ${String(p.p95)} ms (load ${load()})`);
    }
    out.results = results;
    out.targetP95Ms = TARGET_P95_MS;
    out.loadAtEnd = load();
  } finally {
    await app.close();
  }
} finally {
  await store.close();
  cluster?.stop();
  rmSync(scratch, { recursive: true, force: true });
}
console.log(JSON.stringify(out, null, 2));
