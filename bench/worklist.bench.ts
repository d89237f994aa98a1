// The worklist on PostgreSQL 15 with 100,000 made-up patients (`botpad seed --patients`):
// - the daily re-evaluation: `rederiveAll` once on a list with no derived items (it fills the
//   list), then `runDaily` for today (claim, every patient derived again, audit entry), the steady
//   run of each night where little changes;
// - `GET /api/v1/worklist` through the whole Fastify app (`inject`, a demo nurse's session cookie)
//   for the heaviest filter set and for a page deep in the list, and, call for call beside it, the
//   bare statements behind the list (the ones `pageWorklist` and `worklistCounts` sent for that
//   very request, captured off the app's own connection) run with pg directly;
// - the page `/worklist` with the same query, when this checkout has it;
// - EXPLAIN (ANALYZE, BUFFERS) of those statements.
//
// Run: npm run bench -- bench/worklist.bench.ts
// BENCH_PATIENTS (100000), BENCH_CALLS per measurement (500), BENCH_DEEP pages to walk (200),
// DATABASE_URL=… to use a database of your own (seeded only when it holds no clinical entries yet;
// the list is filled only when it holds no derived items, or always with BENCH_REFILL=1);
// BENCH_LIST_ONLY=1 leaves out the daily run (for measuring the list again on a filled database).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type KyselyPlugin, type RootOperationNode } from 'kysely';
import pg from 'pg';
import { loadConfig } from '../src/config.js';
import { buildServer } from '../src/main.js';
import { startCluster } from '../src/store/testing/pg-cluster.js';
import { migrate, openStore, type Store } from '../src/store/db.js';
import { seedPatients } from '../src/services/seed.js';
import { rederiveAll, runDaily } from '../src/services/worklist-derive.js';
import { storeAuditor } from '../src/services/auditor.js';
import { todayNl } from '../src/schema/clock.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../src/demo/demo-data.js';

const PATIENTS = Number(process.env.BENCH_PATIENTS ?? 100_000);
const CALLS = Number(process.env.BENCH_CALLS ?? 500);
const DEEP = Number(process.env.BENCH_DEEP ?? 200);
const WARMUP = 50;
const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');
const seconds = (t0: number) => Number(((performance.now() - t0) / 1000).toFixed(1));

const cluster = process.env.DATABASE_URL ? undefined : await startCluster({ fsync: true });
const url = process.env.DATABASE_URL ?? cluster?.url ?? '';
const store = await openStore({ databaseUrl: url, poolSize: 10 });
const db = store.db;
const today = todayNl();
const out: Record<string, unknown> = { date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, cpu: os.cpus()[0]?.model, loadAtStart: load() };

function percentiles(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => Number((s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] ?? 0).toFixed(2));
  return { n: s.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: at(1) };
}

// The statements the app sends while `capturing` is set, as PostgreSQL receives them (text and values).
let capturing: { sql: string; parameters: readonly unknown[] }[] | null = null;
const capture: KyselyPlugin = {
  transformQuery(args) {
    if (capturing) {
      const c = db.getExecutor().compileQuery(args.node as RootOperationNode, args.queryId);
      capturing.push({ sql: c.sql, parameters: c.parameters });
    }
    return args.node;
  },
  transformResult: (args) => Promise.resolve(args.result),
};

const scratch = mkdtempSync(path.join(os.tmpdir(), 'botpad-bench-'));
const direct = new pg.Client({ connectionString: url, options: '-c TimeZone=UTC' });
try {
  await migrate(db);
  await direct.connect();
  const count = async (q: string) => Number((await direct.query<{ n: string }>(q)).rows[0]?.n ?? 0);
  if ((await count('select count(*) as n from clinical_entry')) === 0) {
    const t0 = performance.now();
    const seeded = await seedPatients(db, PATIENTS, { seed: 42, asOf: today });
    out.seed = { ...seeded, seconds: seconds(t0), patientsPerSecond: Math.round(seeded.patients / ((performance.now() - t0) / 1000)), loadAfter: load() };
    await sql`vacuum analyze`.execute(db);
  }

  // (1) The daily re-evaluation: the run that fills the list, then the steady run of a day.
  if (process.env.BENCH_REFILL === '1') await direct.query('delete from worklist_item where derived');
  if ((await count('select count(*) as n from worklist_item where derived')) === 0) {
    const loadBefore = load();
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const r = await rederiveAll(db, today);
    const cpu = process.cpuUsage(cpu0);
    out.fill = { seconds: seconds(t0), patients: r.patients, changed: r.changed, failed: r.failed.length, benchCpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(1)), loadBefore, loadAfter: load() };
    await direct.query('vacuum analyze worklist_item');
  }
  // Today's run may have been done by an earlier bench on this database: it is done again.
  if (process.env.BENCH_LIST_ONLY !== '1') {
    await direct.query('delete from worklist_run where run_date = $1', [today]);
    const loadBefore = load();
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const r = await runDaily(db, today, 'bench', (x) =>
      storeAuditor.allowed(db, { actor: null, meta: { requestId: null, clientIp: null }, action: 'worklist.rederive', resource: `worklist/${today}`, reason: `${String(x.patients)} patients re-derived for ${today}, ${String(x.changed)} items changed` }),
    );
    const cpu = process.cpuUsage(cpu0);
    out.daily = { seconds: seconds(t0), ran: r.ran, patients: r.patients, changed: r.changed, failed: r.failed.length, benchCpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(1)), loadBefore, loadAfter: load() };
  }
  out.database = (await direct.query(`select (select count(*)::int from patient) as patients, (select count(*)::int from clinical_entry) as entries,
      (select count(*)::int from worklist_item where state <> 'done') as open_items,
      (select count(distinct patient_id)::int from worklist_item where state <> 'done') as patients_with_items,
      (pg_total_relation_size('worklist_item') / 1048576)::int as worklist_mb`)).rows[0];
  out.itemsPerStep = Object.fromEntries((await direct.query<{ step: string; n: number; overdue: number }>(
    `select step, count(*)::int as n, (count(*) filter (where overdue))::int as overdue from worklist_item where state <> 'done' group by step order by 2 desc`,
  )).rows.map((r) => [r.step, `${String(r.n)} (${String(r.overdue)} overdue)`]));

  // (2) The app, signed in as the demo hospital's nurse (the hospital holds every seeded patient).
  const config = loadConfig({ BOTPAD_LOG_LEVEL: 'silent', BOTPAD_OUTBOX_DIR: path.join(scratch, 'outbox'), BOTPAD_AUDIT_ANCHOR_FILE: path.join(scratch, 'audit-anchor') });
  const appStore: Store = { ...store, db: db.withPlugin(capture) };
  const app = await buildServer(config, appStore);
  const nurse = DEMO_ACCOUNTS.find((a) => a.role === 'nurse');
  const login = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: nurse?.email, password: DEMO_PASSWORD } });
  const cookie = `botpad_session=${login.cookies.find((c) => c.name === 'botpad_session')?.value ?? ''}`;
  const get = async (u: string) => app.inject({ method: 'GET', url: u, headers: { cookie } });

  // The heaviest filter set: every filter of the list at once (step, overdue, age band, fracture
  // site, a name word) in name order. The step and the word are the commonest ones, so the filters
  // leave a list to page through rather than nothing.
  const step = (await direct.query<{ step: string }>(`select step from worklist_item where state <> 'done' and overdue and fracture_site = 'hip' group by step order by count(*) desc limit 1`)).rows[0]?.step ?? 'invite';
  const heavy = `/api/v1/worklist?step=${step}&overdue=true&ageBand=75-84&site=hip&q=${process.env.BENCH_WORD ?? 'de'}&sort=name&limit=50`;
  // A page deep in the whole list in due order: the cursor of page DEEP + 1, reached page by page.
  let deep = '/api/v1/worklist?sort=due&limit=50';
  const walk0 = performance.now();
  let walked = 0;
  for (; walked < DEEP; walked++) {
    const r = await get(deep);
    const next = (r.json<{ nextCursor: string | null }>()).nextCursor;
    if (next === null) break;
    deep = `/api/v1/worklist?sort=due&limit=50&cursor=${encodeURIComponent(next)}`;
  }
  out.deepWalk = { pagesWalked: walked, itemsBefore: walked * 50, seconds: seconds(walk0) };

  const statementsOf = async (u: string) => {
    capturing = [];
    const r = await get(u);
    const got = capturing;
    capturing = null;
    if (r.statusCode !== 200) throw new Error(`${u} answered ${String(r.statusCode)}: ${r.body}`);
    const page = r.json<{ items: unknown[]; counts: Record<string, number> }>();
    return { items: page.items.length, counts: page.counts, all: got.length, list: got.filter((s) => /from "worklist_item"/.test(s.sql)) };
  };

  const measure = async (label: string, u: string) => {
    const st = await statementsOf(u);
    // The same statements, named (prepared) as the app's pool names a statement it sends often.
    const bare = async () => {
      for (const [i, s] of st.list.entries()) await direct.query({ name: `${label}_${String(i)}`, text: s.sql, values: s.parameters as unknown[] });
    };
    for (let i = 0; i < WARMUP; i++) {
      await get(u);
      await bare();
    }
    const api: number[] = [];
    const bareMs: number[] = [];
    const loadBefore = load();
    const cpu0 = process.cpuUsage();
    for (let i = 0; i < CALLS; i++) {
      const t0 = performance.now();
      const r = await get(u);
      api.push(performance.now() - t0);
      if (r.statusCode !== 200) throw new Error(`${u} answered ${String(r.statusCode)}`);
      const t1 = performance.now();
      await bare();
      bareMs.push(performance.now() - t1);
    }
    const cpu = process.cpuUsage(cpu0);
    const a = percentiles(api);
    const b = percentiles(bareMs);
    return {
      url: u.length > 200 ? u.slice(0, 200) + '…' : u, items: st.items, counts: st.counts, statementsPerRequest: st.all, listStatements: st.list.length,
      api: a, sql: b, p50ApiMinusSql: Number((a.p50 - b.p50).toFixed(2)), benchCpuMsPerPair: Number(((cpu.user + cpu.system) / 1000 / CALLS).toFixed(2)), loadBefore, loadAfter: load(),
      statements: st.list.map((s) => ({ sql: s.sql.replace(/\s+/g, ' '), parameters: s.parameters })),
    };
  };
  out.heavy = await measure('heavy', heavy);
  out.deep = await measure('deep', deep);

  // (3) The page, once it exists on this checkout.
  const pageOf = (u: string) => u.replace('/api/v1/worklist', '/worklist');
  const probe = await get('/worklist');
  if (probe.statusCode !== 200) out.page = `page not present (GET /worklist answered ${String(probe.statusCode)})`;
  else {
    const pageRuns: Record<string, unknown> = {};
    for (const [label, u] of [['heavy', pageOf(heavy)], ['deep', pageOf(deep)]] as const) {
      const first = await get(u);
      if (first.statusCode !== 200) {
        pageRuns[label] = `answered ${String(first.statusCode)}`;
        continue;
      }
      for (let i = 0; i < WARMUP; i++) await get(u);
      const ms: number[] = [];
      const loadBefore = load();
      for (let i = 0; i < CALLS; i++) {
        const t0 = performance.now();
        await get(u);
        ms.push(performance.now() - t0);
      }
      pageRuns[label] = { url: u.slice(0, 200), ...percentiles(ms), loadBefore, loadAfter: load() };
    }
    out.page = pageRuns;
  }

  // (4) The plans, with the values of the measured requests.
  const explain = async (s: { sql: string; parameters: unknown[] }) =>
    (await direct.query<{ 'QUERY PLAN': string }>({ text: `explain (analyze, buffers) ${s.sql}`, values: s.parameters })).rows.map((r) => r['QUERY PLAN']);
  const plans: Record<string, string[][]> = {};
  for (const label of ['heavy', 'deep'] as const) {
    const m = out[label] as { statements: { sql: string; parameters: unknown[] }[] };
    plans[label] = [];
    for (const s of m.statements) plans[label].push(await explain(s));
  }
  out.plans = plans;
  await app.close();
  out.loadAtEnd = load();
  process.stdout.write(JSON.stringify(out, null, 2) + '\n');
} finally {
  await direct.end().catch(() => undefined);
  await store.close();
  cluster?.stop();
  rmSync(scratch, { recursive: true, force: true });
}
