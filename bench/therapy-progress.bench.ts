// The progress page of exercise therapy (/patients/{id}/therapy/progress) for a patient with five
// years of 3-monthly measurements: how long the server takes to answer it (p95 target at most 30 ms),
// as the practice's physiotherapist opens it, and the same for the patient's own page and the PDF
// report (reported, the target is the page's).
//
// The demo set is loaded and Anna de Vries (referred to the demo practice) is given 21 made-up
// measurements, one every 3 months from five years ago (each with SPPB, the 4-stage balance test,
// the 30-second chair stand, TUG, gait speed, steps with 7 days of the activity meter, the Short
// FES-I, three PSK activities and two goals), and a period of supervised therapy that ended four
// years ago. Each page is asked for through the whole Fastify app (`inject`, a real sign-in's
// session cookie): the session, the authorisation and the audit entry written with every read, the
// record read, the core's scoring and the render.
//
// Run: npm run bench -- bench/therapy-progress.bench.ts
// BENCH_CALLS per page (300, after BENCH_WARMUP = 30); DATABASE_URL=… to use PostgreSQL instead of
// the embedded PGlite (a fresh data directory).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { loadConfig } from '../src/config.js';
import { buildServer } from '../src/main.js';
import { migrate, openStore, inTransaction } from '../src/store/db.js';
import { prng, seedDemo } from '../src/services/seed.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../src/demo/demo-data.js';
import { addDays, addMonths } from '../src/core/time/date.js';
import { todayNl } from '../src/schema/clock.js';

const CALLS = Number(process.env.BENCH_CALLS ?? 300);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 30);
const TARGET_P95_MS = 30;
const MEASUREMENTS = 21;

type Reader = 'physiotherapist' | 'patient';
const PAGES: readonly { name: string; as: Reader; path: (anna: string) => string; target: boolean }[] = [
  { name: 'progress page (physiotherapist)', as: 'physiotherapist', path: (a) => `/patients/${a}/therapy/progress`, target: true },
  { name: 'my measurements (patient)', as: 'patient', path: (a) => `/progress/${a}`, target: false },
  { name: 'progress report PDF (physiotherapist)', as: 'physiotherapist', path: (a) => `/patients/${a}/therapy/progress-report.pdf`, target: false },
];

const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');
const today = todayNl();

function percentiles(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => Number((s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] ?? 0).toFixed(2));
  return { n: s.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: at(1) };
}

/** One made-up measurement, slowly better over the years, with a little noise from the seeded generator. */
function measurement(i: number, rnd: () => number) {
  const day = addMonths(today, -3 * (MEASUREMENTS - 1 - i));
  const f = i / (MEASUREMENTS - 1);
  const noise = (n: number) => (rnd() - 0.5) * n;
  return {
    date: day,
    data: {
      sppb: { sideBySideSeconds: 10, semiTandemSeconds: 10, tandemSeconds: Math.round(3 + 7 * f), gait4mSeconds: Math.round((7.5 - 2.5 * f + noise(0.4)) * 10) / 10, chairStand5Seconds: Math.round((16 - 4 * f + noise(1)) * 10) / 10 },
      fourStageBalance: { stageSeconds: [10, 10, Math.round(4 + 6 * f), Math.round(2 + 5 * f)] },
      chairStand30s: Math.round(7 + 5 * f + noise(2)),
      tugSeconds: Math.round((16 - 5 * f + noise(1)) * 10) / 10,
      gaitSpeedMps: Math.round((0.7 + 0.3 * f + noise(0.05)) * 100) / 100,
      steps: Array.from({ length: 7 }, (_, d) => ({ date: addDays(day, d - 7), steps: Math.round(2500 + 2000 * f + noise(800)) })),
      fesI: Array.from({ length: 7 }, () => Math.max(1, Math.min(4, Math.round(2.5 - 1.2 * f + noise(1))))),
      psk: [{ activity: 'Trap lopen', score: Math.round(8 - 5 * f) }, { activity: 'Boodschappen dragen', score: Math.round(7 - 4 * f) }, { activity: 'Lang staan', score: Math.round(6 - 3 * f) }],
      goals: [{ goal: 'Elke dag 5000 stappen', status: i > 15 ? 'reached' : 'kept' }, { goal: 'Weer met de fiets naar de markt', status: 'kept' }],
    },
  };
}

const scratch = mkdtempSync(path.join(os.tmpdir(), 'botpad-bench-'));
const store = await openStore(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : { dataDir: path.join(scratch, 'data') });
const out: Record<string, unknown> = {
  date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, cpu: os.cpus()[0]?.model, store: store.kind, today, loadAtStart: load(),
};
try {
  const db = store.db;
  await migrate(db);
  await seedDemo(db, today);
  const physio = await db.selectFrom('app_user').select(['id', 'organisation_id']).where('email', '=', DEMO_ACCOUNTS.find((a) => a.role === 'physiotherapist')?.email ?? '').executeTakeFirstOrThrow();
  const anna = (await db.selectFrom('patient').select('id').where('given_name', '=', 'Anna').executeTakeFirstOrThrow()).id;
  const rnd = prng(21);
  const start = addMonths(today, -60);
  const entries = [
    { kind: 'exercise-therapy' as const, date: start, data: { end: addMonths(start, 12) } },
    ...Array.from({ length: MEASUREMENTS }, (_, i) => ({ kind: 'exercise-measurement' as const, ...measurement(i, rnd) })),
  ];
  await inTransaction(db, async (trx) => {
    await trx.insertInto('clinical_entry').values(entries.map((e, k) => ({
      entry_id: randomUUID(), version: 1, patient_id: anna, kind: e.kind, clinical_date: e.date, data: JSON.stringify(e.data), status: 'active' as const,
      current: true, source: 'clinician' as const, recorded_by: physio.id, organisation_id: physio.organisation_id,
      recorded_at: new Date(Date.parse(`${e.date}T09:00:00Z`) + k * 1000).toISOString(),
    }))).execute();
  });
  out.record = { measurements: MEASUREMENTS, first: entries[1]?.date, latest: entries.at(-1)?.date, therapy: { start, end: addMonths(start, 12) } };

  const config = loadConfig({ BOTPAD_LOG_LEVEL: 'silent', BOTPAD_OUTBOX_DIR: path.join(scratch, 'outbox'), BOTPAD_AUDIT_ANCHOR_FILE: path.join(scratch, 'audit-anchor') });
  const app = await buildServer(config, store);
  try {
    const cookies = {} as Record<Reader, string>;
    for (const role of ['physiotherapist', 'patient'] as const) {
      const email = DEMO_ACCOUNTS.find((a) => a.role === role)?.email ?? '';
      const res = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password: DEMO_PASSWORD } });
      const session = res.cookies.find((c) => c.name === 'botpad_session');
      if (res.statusCode >= 300 || !session) throw new Error(`signing in as ${role} failed: ${String(res.statusCode)}`);
      cookies[role] = `botpad_session=${session.value}`;
    }
    const get = (url: string, as: Reader) => app.inject({ method: 'GET', url, headers: { accept: 'text/html', cookie: cookies[as] } });
    const results: Record<string, unknown>[] = [];
    for (const p of PAGES) {
      const url = p.path(anna);
      const first = await get(url, p.as);
      if (first.statusCode !== 200) throw new Error(`${p.name} (${url}) answered ${String(first.statusCode)}`);
      // The page draws what was put in: every measurement in the SPPB table.
      if (p.target && (first.body.match(/<tr/g) ?? []).length < MEASUREMENTS) throw new Error(`${p.name} shows fewer rows than measurements`);
      const calls = p.target ? CALLS : Math.max(30, Math.round(CALLS / 5));
      for (let i = 0; i < WARMUP; i++) await get(url, p.as);
      const ms: number[] = [];
      for (let i = 0; i < calls; i++) {
        const t0 = performance.now();
        const res = await get(url, p.as);
        ms.push(performance.now() - t0);
        if (res.statusCode !== 200) throw new Error(`${p.name} answered ${String(res.statusCode)} on call ${String(i)}`);
      }
      const time = percentiles(ms);
      results.push({ page: p.name, as: p.as, bytes: first.rawPayload.length, ...time, ...(p.target ? { timeOk: time.p95 <= TARGET_P95_MS } : {}), loadAfter: load() });
      console.error(`${p.name}: ${String(first.rawPayload.length)} B, p50 ${String(time.p50)} ms, p95 ${String(time.p95)} ms`);
    }
    out.pages = results;
    out.targets = { p95Ms: TARGET_P95_MS, page: PAGES[0]?.name };
    out.allMet = results.every((r) => r.timeOk !== false);
    out.loadAtEnd = load();
    out.window = { from: out.date, to: new Date().toISOString() };
  } finally {
    await app.close();
  }
} finally {
  await store.close();
  rmSync(scratch, { recursive: true, force: true });
}
console.log(JSON.stringify(out, null, 2));
