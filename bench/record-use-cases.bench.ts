// The clinical record's two busiest use cases on PostgreSQL 15 with 100,000 made-up patients
// (`botpad seed --patients`): recording a fracture (services/record.ts `recordFacts`) and the Case
// plus its evaluation for a patient with five years of care or more (`patientEvaluation`), each
// through access.ts with the real auditor, one call at a time, as a clinician's request makes them.
// Afterwards the plans of the record's statements, for finding what a slow figure spends its time on.
//
// Run: npm run bench -- bench/record-use-cases.bench.ts
// BENCH_PATIENTS (100000), BENCH_CALLS per use case (2000), BENCH_FSYNC=off (not for figures),
// DATABASE_URL=… to use a database of your own (seeded only when it holds no clinical entries yet).
import os from 'node:os';
import { sql, type RawBuilder } from 'kysely';
import { startCluster } from '../src/store/testing/pg-cluster.js';
import { migrate, openStore } from '../src/store/db.js';
import { seedPatients } from '../src/services/seed.js';
import { patientEvaluation, recordFacts } from '../src/services/record.js';
import { storeAuditor } from '../src/services/auditor.js';
import { todayNl } from '../src/schema/clock.js';
import { addDays, addYears } from '../src/core/time/date.js';
import type { Actor } from '../src/core/access/index.js';
import { DEMO_ACCOUNTS } from '../src/demo/demo-data.js';

const PATIENTS = Number(process.env.BENCH_PATIENTS ?? 100_000);
const CALLS = Number(process.env.BENCH_CALLS ?? 2000);
const WARMUP = 200;
const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');

const cluster = process.env.DATABASE_URL ? undefined : await startCluster({ fsync: process.env.BENCH_FSYNC !== 'off' });
const url = process.env.DATABASE_URL ?? cluster?.url ?? '';
// As the server opens it: a pool of 10, statements sent often prepared per connection.
const store = await openStore({ databaseUrl: url, poolSize: 10 });
const db = store.db;
const today = todayNl();
const out: Record<string, unknown> = { date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, cpu: os.cpus()[0]?.model, fsync: process.env.BENCH_FSYNC !== 'off', loadAtStart: load() };

function percentiles(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => Number((s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] ?? 0).toFixed(2));
  return { n: s.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: at(1) };
}

async function timed(calls: number, run: (i: number) => Promise<unknown>): Promise<number[]> {
  const ms: number[] = [];
  for (let i = 0; i < calls; i++) {
    const t0 = performance.now();
    await run(i);
    ms.push(performance.now() - t0);
  }
  return ms;
}

try {
  await migrate(db);
  const have = (await sql<{ n: number }>`select count(*)::int as n from clinical_entry`.execute(db)).rows[0]?.n ?? 0;
  if (have === 0) {
    const t0 = performance.now();
    const seeded = await seedPatients(db, PATIENTS, { seed: 42, asOf: today });
    out.seed = { ...seeded, seconds: Number(((performance.now() - t0) / 1000).toFixed(1)), loadAfter: load() };
    // What autovacuum would have done by the time anyone reads these records.
    await sql`vacuum analyze`.execute(db);
  }
  const sizes = await sql<{ patients: number; entries: number; assessments: number; entries_mb: number }>`select
      (select count(*)::int from patient) as patients, (select count(*)::int from clinical_entry) as entries,
      (select count(*)::int from assessment) as assessments,
      (pg_total_relation_size('clinical_entry') / 1048576)::int as entries_mb`.execute(db);
  out.database = sizes.rows[0];

  const staff = async (role: 'nurse' | 'physician'): Promise<Actor> => {
    const email = DEMO_ACCOUNTS.find((a) => a.role === role)?.email ?? '';
    const u = await db.selectFrom('app_user').select(['id', 'organisation_id']).where('email', '=', email).executeTakeFirstOrThrow();
    return { userId: u.id, role, organisationId: u.organisation_id, organisationKind: 'hospital', patientId: null };
  };
  const nurse = await staff('nurse');
  const physician = await staff('physician');
  const deps = { db, auditor: storeAuditor };
  const meta = { requestId: 'bench', clientIp: '127.0.0.1' };

  // (a) Patients of the hospital whose care goes on, spread over the whole table.
  const open = (await sql<{ id: string }>`select p.id from patient p join patient_organisation l on l.patient_id = p.id and l.relation = 'care'
      where l.organisation_id = ${nurse.organisationId} and p.merged_into is null
        and not exists (select 1 from care_end c where c.patient_id = p.id and c.resumed_at is null)
      order by md5(p.id::text) limit 1000`.execute(db)).rows.map((r) => r.id);
  // (b) Patients with five years of care or more (a medication started at least five years ago)
  // and the many entries such years leave: 40 or more.
  const long = (await sql<{ id: string; entries: number }>`select e.patient_id as id, count(*)::int as entries from clinical_entry e
      where e.current and e.patient_id in (select patient_id from clinical_entry where kind = 'medication' and current and clinical_date <= ${addYears(today, -5)})
      group by e.patient_id having count(*) >= 40 order by md5(e.patient_id::text) limit 500`.execute(db)).rows;
  const counts = long.map((x) => x.entries).sort((a, b) => a - b);
  out.fiveYearPatients = { used: long.length, entriesMin: counts[0], entriesMedian: counts[counts.length >> 1], entriesMax: counts.at(-1) };

  const fracture = (i: number) =>
    recordFacts(deps, { actor: nurse, meta, patientId: open[i % open.length] ?? '', resource: 'patient/record/fracture' }, [
      { kind: 'fracture', date: addDays(today, -1 - (i % 20)), data: { site: i % 3 === 0 ? 'hip' : 'wrist', side: i % 2 ? 'left' : 'right', highEnergy: false, department: 'SEH' } },
    ]);
  const evaluation = (i: number) => patientEvaluation(deps, { actor: physician, meta, patientId: long[i % long.length]?.id ?? '', lang: 'nl' });

  // Where a call's time goes: this process's CPU per call (Botpad's own work, pg's client included)
  // and, when the server has pg_stat_statements loaded, PostgreSQL's execution time per statement.
  const statements = (await sql<{ n: number }>`select count(*)::int as n from pg_extension where extname = 'pg_stat_statements'`.execute(db)).rows[0]?.n === 1;
  const measure = async (run: (i: number) => Promise<unknown>, extra: Record<string, unknown>) => {
    if (statements) await sql`select pg_stat_statements_reset()`.execute(db);
    const loadBefore = load();
    const cpu0 = process.cpuUsage();
    const ms = await timed(CALLS, (i) => run(i + WARMUP));
    const cpu = process.cpuUsage(cpu0);
    const server = statements
      ? (await sql<{ calls: number; mean_ms: number; max_ms: number; query: string }>`select calls::int, round(mean_exec_time::numeric, 3)::float as mean_ms,
            round(max_exec_time::numeric, 1)::float as max_ms, left(regexp_replace(query, '[[:space:]]+', ' ', 'g'), 120) as query
          from pg_stat_statements where calls >= ${CALLS} order by total_exec_time desc limit 12`.execute(db)).rows
      : 'pg_stat_statements not loaded';
    return { ...percentiles(ms), ...extra, benchCpuMsPerCall: Number(((cpu.user + cpu.system) / 1000 / CALLS).toFixed(2)), loadBefore, loadAfter: load(), server };
  };

  await timed(WARMUP, fracture);
  await timed(WARMUP, evaluation);
  out.recordFracture = await measure(fracture, { patients: open.length });
  out.caseAndEvaluation = await measure(evaluation, { patients: long.length });

  // The plans of the record's statements, for the patient with the most entries.
  const most = [...long].sort((a, b) => b.entries - a.entries)[0]?.id ?? '';
  const plan = async (label: string, q: RawBuilder<unknown>) => {
    const r = await sql<{ 'QUERY PLAN': string }>`explain (analyze, buffers) ${q}`.execute(db);
    return { label, plan: r.rows.map((x) => x['QUERY PLAN']) };
  };
  out.plans = [
    await plan('standingEntries (the Case)', sql`select kind, clinical_date, data from clinical_entry
      where patient_id = ${most} and current and status = 'active' and clinical_date <= ${today} order by recorded_at, id`),
    await plan('openCareEnd', sql`select c.* from care_end c where c.patient_id = ${most} and c.resumed_at is null`),
    await plan('patient organisations', sql`select * from patient_organisation where patient_id = ${most}`),
  ];
  out.loadAtEnd = load();
  process.stdout.write(JSON.stringify(out, null, 2) + '\n');
} finally {
  await store.close();
  cluster?.stop();
}
