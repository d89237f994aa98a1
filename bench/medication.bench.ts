// The medication plan's two writes on PostgreSQL 15 with 100,000 made-up patients (`botpad seed
// --patients`): prescribing behind the core's safety gate (services/medication.ts `prescribe`) and
// recording a dose (`recordDose`), each through access.ts with the real auditor and the patient's
// worklist items re-derived in the same transaction, one call at a time:
// - in the service, as a clinician's request calls it: prescriptions in a mix of the gate's
//   outcomes (allowed; a caution acknowledged; a block overridden with a reason), a block refused
//   (422, nothing stored) on its own, and doses of running courses;
// - the same through the whole Fastify app (`inject`, the demo physician's and nurse's session
//   cookies from a real sign-in): the body's validation, the session, the answer's serialisation;
// - where the time goes: PostgreSQL's execution time per statement (when pg_stat_statements is
//   loaded), the statements one call sends, and their plans (EXPLAIN ANALYZE inside a transaction
//   that is rolled back).
//
// Run: npm run bench -- bench/medication.bench.ts
// BENCH_PATIENTS (100000), BENCH_CALLS per measurement (1000, after BENCH_WARMUP = 100),
// DATABASE_URL=… to use a database of your own (seeded only when it holds no clinical entries yet;
// the worklist filled only when it holds no derived items). Every run prescribes to patients no
// earlier run of this bench prescribed to, so a database can be measured again.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CompiledQuery, sql, type KyselyPlugin, type RootOperationNode } from 'kysely';
import { loadConfig } from '../src/config.js';
import { buildServer } from '../src/main.js';
import { startCluster } from '../src/store/testing/pg-cluster.js';
import { migrate, openStore, type Store } from '../src/store/db.js';
import { seedPatients } from '../src/services/seed.js';
import { rederiveAll } from '../src/services/worklist-derive.js';
import { medicationPlan, prescribe, recordDose } from '../src/services/medication.js';
import { storeAuditor } from '../src/services/auditor.js';
import { AppError } from '../src/schema/problem.js';
import type { PrescriptionInput, DoseInput } from '../src/schema/medication.schema.js';
import { prescriptionGate } from '../src/core/medication/gate.js';
import { CATALOGUE } from '../src/core/medication/catalogue.js';
import { compareDates } from '../src/core/time/date.js';
import type { Drug } from '../src/core/case.schema.js';
import type { Actor } from '../src/core/access/index.js';
import { todayNl } from '../src/schema/clock.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../src/demo/demo-data.js';

const PATIENTS = Number(process.env.BENCH_PATIENTS ?? 100_000);
const CALLS = Number(process.env.BENCH_CALLS ?? 1000);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 100);
const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');
const seconds = (t0: number) => Number(((performance.now() - t0) / 1000).toFixed(1));
const OUTCOMES = ['allowed', 'caution', 'blocked'] as const;
type Outcome = (typeof OUTCOMES)[number];

const cluster = process.env.DATABASE_URL ? undefined : await startCluster({ fsync: true });
const url = process.env.DATABASE_URL ?? cluster?.url ?? '';
// As the server opens it: a pool of 10, statements sent often prepared per connection.
const store = await openStore({ databaseUrl: url, poolSize: 10 });
const db = store.db;
const today = todayNl();
const out: Record<string, unknown> = { date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, cpu: os.cpus()[0]?.model, today, loadAtStart: load() };

function percentiles(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => Number((s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] ?? 0).toFixed(2));
  return { n: s.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: at(1) };
}

// The statements the app sends while `capturing` is set, as PostgreSQL receives them.
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
const cdb = db.withPlugin(capture);

const scratch = mkdtempSync(path.join(os.tmpdir(), 'botpad-bench-'));
try {
  await migrate(db);
  const count = async (q: RawQuery) => (await q.execute(db)).rows[0]?.n ?? 0;
  type RawQuery = ReturnType<typeof sql<{ n: number }>>;
  if ((await count(sql<{ n: number }>`select count(*)::int as n from clinical_entry`)) === 0) {
    const t0 = performance.now();
    const seeded = await seedPatients(db, PATIENTS, { seed: 42, asOf: today });
    out.seed = { ...seeded, seconds: seconds(t0), loadAfter: load() };
    // What autovacuum would have done by the time anyone writes to these records.
    await sql`vacuum analyze`.execute(db);
  }
  // Every write re-derives the patient's items against the list as it stands: a full list, as in use
  // (The demo patients' items are there from the start: the list counts as filled once a tenth of
  // the patients have items.)
  const patientsWithItems = await count(sql<{ n: number }>`select count(distinct patient_id)::int as n from worklist_item where derived`);
  if (patientsWithItems * 10 < (await count(sql<{ n: number }>`select count(*)::int as n from patient`))) {
    const t0 = performance.now();
    const r = await rederiveAll(db, today);
    out.fill = { seconds: seconds(t0), patients: r.patients, changed: r.changed, loadAfter: load() };
    await sql`vacuum analyze worklist_item`.execute(db);
  }
  out.database = (await sql<Record<string, number>>`select (select count(*)::int from patient) as patients, (select count(*)::int from clinical_entry) as entries,
      (select count(*)::int from clinical_entry where kind = 'medication' and current) as courses,
      (select count(*)::int from clinical_entry where kind = 'medication-dose' and current) as doses,
      (select count(*)::int from worklist_item where state <> 'done') as open_items,
      (select count(*)::int from audit_event) as audit_entries,
      (pg_total_relation_size('clinical_entry') / 1048576)::int as entries_mb`.execute(db)).rows[0];

  const staff = async (role: 'nurse' | 'physician'): Promise<Actor> => {
    const email = DEMO_ACCOUNTS.find((a) => a.role === role)?.email ?? '';
    const u = await db.selectFrom('app_user').select(['id', 'organisation_id']).where('email', '=', email).executeTakeFirstOrThrow();
    return { userId: u.id, role, organisationId: u.organisation_id, organisationKind: 'hospital', patientId: null };
  };
  const nurse = await staff('nurse');
  const physician = await staff('physician');
  const deps = { db: cdb, auditor: storeAuditor };
  const meta = { requestId: 'bench', clientIp: '127.0.0.1' };

  // Patients of the hospital whose care goes on, in an order of this run's own (a drug already
  // running is left out below, so a run after another prescribes other courses).
  const salt = String(Date.now());
  const open = (await sql<{ id: string }>`select p.id from patient p join patient_organisation l on l.patient_id = p.id and l.relation = 'care'
      where l.organisation_id = ${physician.organisationId} and p.merged_into is null
        and not exists (select 1 from care_end c where c.patient_id = p.id and c.resumed_at is null)
      order by md5(p.id::text || ${salt})`.execute(db)).rows.map((r) => r.id);

  // Each patient's gate for every drug as of today, by the core on the patient's Case as the service
  // reads it; one prescription per patient (a course changes the gate of the next drug).
  const need = (CALLS + WARMUP) * 2; // the service and the API
  const perOutcome = Math.ceil(need / OUTCOMES.length);
  const tasks: Record<Outcome, { patientId: string; input: PrescriptionInput; reasons: string[] }[]> = { allowed: [], caution: [], blocked: [] };
  const classify0 = performance.now();
  let looked = 0;
  const routeOf = (d: Drug) => (CATALOGUE[d].regimens.length > 1 ? { route: CATALOGUE[d].regimens[0]?.route } : {});
  for (const id of open) {
    if (OUTCOMES.every((o) => tasks[o].length >= perOutcome) || looked >= 30_000) break;
    looked++;
    const plan = await medicationPlan({ db, auditor: storeAuditor }, { actor: physician, meta, patientId: id });
    const c = plan.case;
    const drugs = (Object.keys(CATALOGUE) as Drug[]).filter((d) => !(c.medications ?? []).some((m) => m.drug === d && (m.end === undefined || compareDates(m.end, today) >= 0)));
    // Rotate the drugs so that every drug takes its share.
    const turn = looked % Math.max(1, drugs.length);
    const order = [...drugs.slice(turn), ...drugs.slice(0, turn)];
    for (const want of [...OUTCOMES].sort((a, b) => tasks[a].length - tasks[b].length)) {
      if (tasks[want].length >= perOutcome) continue;
      const hit = order.find((d) => {
        const g = prescriptionGate(c, { drug: d, start: today, ...routeOf(d) }, today);
        const got: Outcome | 'absolute' = g.absolute.length > 0 ? 'absolute' : g.blocking.length > 0 ? 'blocked' : g.cautions.length > 0 ? 'caution' : 'allowed';
        return got === want;
      });
      if (hit === undefined) continue;
      const g = prescriptionGate(c, { drug: hit, start: today, ...routeOf(hit) }, today);
      const input: PrescriptionInput = {
        drug: hit, start: today, ...routeOf(hit),
        ...(want === 'caution' ? { acknowledgeCautions: true } : {}),
        ...(want === 'blocked' ? { acknowledgeCautions: true, override: { reason: 'Weighed with the patient: the benefit outweighs the risk here.' } } : {}),
      };
      tasks[want].push({ patientId: id, input, reasons: want === 'allowed' ? [] : want === 'caution' ? g.cautions : g.blocking });
      break;
    }
  }
  const reasonCounts = (o: Outcome) => tasks[o].reduce<Record<string, number>>((acc, t) => {
    for (const r of t.reasons) acc[r] = (acc[r] ?? 0) + 1;
    return acc;
  }, {});
  out.prescriptions = {
    patientsLooked: looked, seconds: seconds(classify0),
    ...Object.fromEntries(OUTCOMES.map((o) => [o, { tasks: tasks[o].length, drugs: tasks[o].reduce<Record<string, number>>((acc, t) => ({ ...acc, [t.input.drug]: (acc[t.input.drug] ?? 0) + 1 }), {}), reasons: reasonCounts(o) }])),
  };
  // The mix: the outcomes in turn, as far as each lasts; half for the service, half for the API.
  const mixed: { patientId: string; input: PrescriptionInput; outcome: Outcome }[] = [];
  for (let i = 0; mixed.length < need && OUTCOMES.some((o) => tasks[o][i] !== undefined); i++) {
    for (const o of OUTCOMES) {
      const t = tasks[o][i];
      if (t) mixed.push({ ...t, outcome: o });
    }
  }
  const forService = mixed.filter((_, i) => i % 2 === 0);
  const forApi = mixed.filter((_, i) => i % 2 === 1);
  // Refusals: the blocked prescriptions without their override reason (nothing is stored, so a
  // patient is asked again and again).
  const refusals = tasks.blocked.map((t) => ({ patientId: t.patientId, input: { drug: t.input.drug, start: today, ...routeOf(t.input.drug) } as PrescriptionInput }));

  // Running courses of the hospital's patients, for the doses: started by today, no end, a
  // patient once; romosozumab only while its twelve doses are not reached.
  const courses = (await sql<{ patient_id: string; entry_id: string; drug: Drug; route: string | null }>`select distinct on (e.patient_id) e.patient_id, e.entry_id, e.data->>'drug' as drug, e.data->>'route' as route
      from clinical_entry e join patient_organisation l on l.patient_id = e.patient_id and l.relation = 'care' and l.organisation_id = ${nurse.organisationId}
      join patient p on p.id = e.patient_id and p.merged_into is null
      where e.kind = 'medication' and e.current and e.status = 'active' and not (e.data ? 'end') and e.clinical_date <= ${today}
        and not exists (select 1 from care_end c where c.patient_id = e.patient_id and c.resumed_at is null)
        and (e.data->>'drug' <> 'romosozumab' or (select count(*) from clinical_entry d where d.patient_id = e.patient_id and d.kind = 'medication-dose' and d.current and d.data->>'drug' = 'romosozumab') < 11)
      order by e.patient_id, md5(e.entry_id::text || ${salt})`.execute(db)).rows.sort(() => Math.random() - 0.5);
  const doseOf = (i: number): { patientId: string; medicationId: string; input: DoseInput } => {
    const c = courses[i % courses.length];
    if (!c) throw new Error('no running course to record a dose of');
    const oral = (c.route ?? CATALOGUE[c.drug].regimens[0]?.route) === 'oral';
    return { patientId: c.patient_id, medicationId: c.entry_id, input: { date: today, administeredBy: 'Verpleegkundige osteoporose', location: oral ? 'thuis' : 'dagbehandeling', ...(oral ? {} : { batch: `B${String(1000 + i)}` }) } };
  };
  out.doseCourses = { courses: courses.length, drugs: courses.reduce<Record<string, number>>((acc, c) => ({ ...acc, [c.drug]: (acc[c.drug] ?? 0) + 1 }), {}) };

  // Where a call's time goes: this process's CPU per call and, when the server has
  // pg_stat_statements loaded, PostgreSQL's execution time per statement. The first warm-up call's
  // statements are kept for their plans.
  const statements = (await sql<{ n: number }>`select count(*)::int as n from pg_extension where extname = 'pg_stat_statements'`.execute(db)).rows[0]?.n === 1;
  const sent: Record<string, { sql: string; parameters: readonly unknown[] }[]> = {};
  const measure = async (label: string, run: (i: number) => Promise<string>) => {
    for (let i = 0; i < WARMUP; i++) {
      if (i === 0) capturing = [];
      await run(i);
      if (i === 0) {
        sent[label] = capturing ?? [];
        capturing = null;
      }
    }
    if (statements) await sql`select pg_stat_statements_reset()`.execute(db);
    const ms: number[] = [];
    const by: Record<string, number[]> = {};
    const loadBefore = load();
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    for (let i = WARMUP; i < WARMUP + CALLS; i++) {
      const s = performance.now();
      const kind = await run(i);
      const d = performance.now() - s;
      ms.push(d);
      (by[kind] ??= []).push(d);
    }
    const wall = seconds(t0);
    const cpu = process.cpuUsage(cpu0);
    const loadDuring = load();
    const server = statements
      ? (await sql<{ calls: number; mean_ms: number; max_ms: number; query: string }>`select calls::int, round(mean_exec_time::numeric, 3)::float as mean_ms,
            round(max_exec_time::numeric, 1)::float as max_ms, left(regexp_replace(query, '[[:space:]]+', ' ', 'g'), 140) as query
          from pg_stat_statements where calls >= ${Math.floor(CALLS / 4)} order by total_exec_time desc limit 14`.execute(db)).rows
      : 'pg_stat_statements not loaded';
    const all = percentiles(ms);
    const result = {
      label, ...all, met: all.p95 <= 50, seconds: wall, statementsPerCall: sent[label]?.length,
      ...(Object.keys(by).length > 1 ? { byOutcome: Object.fromEntries(Object.entries(by).map(([k, v]) => [k, percentiles(v)])) } : {}),
      benchCpuMsPerCall: Number(((cpu.user + cpu.system) / 1000 / CALLS).toFixed(2)), loadBefore, loadDuring, server,
    };
    process.stderr.write(`${label}: p50 ${String(all.p50)} / p95 ${String(all.p95)} / p99 ${String(all.p99)} ms, p95 ≤ 50 ms ${result.met ? 'met' : 'MISSED'} (load ${loadBefore} → ${loadDuring})\n`);
    return result;
  };
  const expectRefused = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (e) {
      if (e instanceof AppError && e.code === 'medication-blocked') return 'refused';
      throw e;
    }
    throw new Error('a blocked prescription was not refused');
  };
  const at = <T>(list: readonly T[], i: number): T => {
    const t = list[i % list.length];
    if (t === undefined) throw new Error('nothing to measure with');
    return t;
  };

  // The app, signed in as the demo hospital's physician and nurse.
  const config = loadConfig({ BOTPAD_LOG_LEVEL: 'silent', BOTPAD_OUTBOX_DIR: path.join(scratch, 'outbox'), BOTPAD_AUDIT_ANCHOR_FILE: path.join(scratch, 'audit-anchor') });
  const app = await buildServer(config, { ...store, db: cdb } satisfies Store);
  const signIn = async (role: 'nurse' | 'physician') => {
    const a = DEMO_ACCOUNTS.find((x) => x.role === role);
    const r = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: a?.email, password: DEMO_PASSWORD } });
    return `botpad_session=${r.cookies.find((c) => c.name === 'botpad_session')?.value ?? ''}`;
  };
  const cookie = { physician: await signIn('physician'), nurse: await signIn('nurse') };
  const post = async (as: 'physician' | 'nurse', u: string, body: unknown, want: number) => {
    const r = await app.inject({ method: 'POST', url: u, headers: { cookie: cookie[as], 'content-type': 'application/json' }, payload: JSON.stringify(body) });
    if (r.statusCode !== want) throw new Error(`${u} answered ${String(r.statusCode)}, not ${String(want)}: ${r.body.slice(0, 300)}`);
    return r;
  };

  // The refusals first: once the same patients have the drug with its override, they would conflict.
  out.serviceRefused = await measure('prescribe refused (service)', async (i) => {
    const t = at(refusals, i);
    return expectRefused(prescribe(deps, { actor: physician, meta, patientId: t.patientId }, t.input));
  });
  out.apiRefused = await measure('POST /medications refused, 422 (API)', async (i) => {
    const t = at(refusals, i + 1);
    await post('physician', `/api/v1/patients/${t.patientId}/medications`, t.input, 422);
    return 'refused';
  });
  out.servicePrescribe = await measure('prescribe (service)', async (i) => {
    const t = forService[i];
    if (!t) throw new Error(`only ${String(forService.length)} prescriptions to make in the service`);
    await prescribe(deps, { actor: physician, meta, patientId: t.patientId }, t.input);
    return t.outcome;
  });
  out.apiPrescribe = await measure('POST /medications (API)', async (i) => {
    const t = forApi[i];
    if (!t) throw new Error(`only ${String(forApi.length)} prescriptions to make over the API`);
    await post('physician', `/api/v1/patients/${t.patientId}/medications`, t.input, 201);
    return t.outcome;
  });
  const half = Math.floor(courses.length / 2);
  out.serviceDose = await measure('recordDose (service)', async (i) => {
    const d = doseOf(i);
    await recordDose(deps, { actor: nurse, meta, patientId: d.patientId, medicationId: d.medicationId }, d.input);
    return 'dose';
  });
  out.apiDose = await measure('POST /medications/{id}/doses (API)', async (i) => {
    const d = doseOf(i + half);
    await post('nurse', `/api/v1/patients/${d.patientId}/medications/${d.medicationId}/doses`, d.input, 201);
    return 'dose';
  });
  await app.close();

  // The plans of the statements one call sends (each in a transaction that is rolled back; an
  // insert that repeats a key already written is named, not explained).
  const plans: Record<string, { sql: string; time: string | undefined; plan: string[] }[]> = {};
  for (const label of ['prescribe (service)', 'recordDose (service)']) {
    const list = sent[label] ?? [];
    const mine: { sql: string; time: string | undefined; plan: string[] }[] = [];
    plans[label] = mine;
    await db.connection().execute(async (conn) => {
      await sql`begin`.execute(conn);
      try {
        for (const s of list) {
          await sql`savepoint p`.execute(conn);
          const text = s.sql.replace(/\s+/g, ' ');
          try {
            const r = await conn.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`explain (analyze, buffers) ${s.sql}`, [...s.parameters]));
            const lines = r.rows.map((x) => x['QUERY PLAN']);
            mine.push({ sql: text.slice(0, 300), time: lines.find((l) => l.startsWith('Execution Time')), plan: lines });
          } catch (e) {
            await sql`rollback to savepoint p`.execute(conn);
            mine.push({ sql: text.slice(0, 300), time: undefined, plan: [`not explained: ${(e as Error).message}`] });
          }
        }
      } finally {
        await sql`rollback`.execute(conn);
      }
    });
  }
  out.plans = plans;
  out.loadAtEnd = load();
  process.stdout.write(JSON.stringify(out, null, 2) + '\n');
} finally {
  await store.close();
  cluster?.stop();
  rmSync(scratch, { recursive: true, force: true });
}
