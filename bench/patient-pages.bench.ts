// The patient side's pages for a patient with five years of care: what each page sends (its HTML,
// the stylesheets and scripts it loads; target at most 60 KB in all and no JavaScript) and how long
// the server takes to answer it (p95 target at most 20 ms), the way an old tablet asks for it.
//
// The demo set is loaded and Anna de Vries (the demo patient, who has a shared decision) is given a
// made-up record of five years on treatment from the synthetic record generator
// (src/demo/synthetic-record.ts: fractures, scans, labs, years of doses, the check-ups, falls
// screens, the calcium calculator); Lotte Mulder (the demo caregiver's child) a child's record. Each
// page is then asked for through the whole Fastify app (`inject`, a real sign-in's session cookie):
// the session, the authorisation and the audit entry written with every read, the render.
//
// Run: npm run bench -- bench/patient-pages.bench.ts
// BENCH_CALLS per page (300, after BENCH_WARMUP = 30); DATABASE_URL=… to use PostgreSQL instead of
// the embedded PGlite (a fresh data directory). A page added to the patient side joins with one
// line in PAGES.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { loadConfig } from '../src/config.js';
import { buildServer } from '../src/main.js';
import { migrate, openStore, inTransaction } from '../src/store/db.js';
import { prng, seedDemo } from '../src/services/seed.js';
import { syntheticRecord, type SyntheticRecord } from '../src/demo/synthetic-record.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../src/demo/demo-data.js';
import { addMonths, compareDates, type IsoDate } from '../src/core/time/date.js';
import { todayNl } from '../src/schema/clock.js';

const CALLS = Number(process.env.BENCH_CALLS ?? 300);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 30);
const TARGET_BYTES = 60 * 1024;
const TARGET_P95_MS = 20;

type Reader = 'patient' | 'caregiver';
interface Ids { anna: string; lotte: string }

/** Every page of the patient side, as its reader opens it. */
const PAGES: readonly { name: string; as: Reader; path: (ids: Ids) => string }[] = [
  // No record read at all: the floor of a signed-in page on this machine at this moment.
  { name: 'help (no record read)', as: 'patient', path: () => '/help' },
  { name: 'my record (/me)', as: 'patient', path: () => '/me' },
  { name: 'my results', as: 'patient', path: (i) => `/results/${i.anna}` },
  { name: 'my plan', as: 'patient', path: (i) => `/plan/${i.anna}` },
  { name: 'questionnaires', as: 'patient', path: (i) => `/questionnaires/${i.anna}` },
  { name: 'risk factors, a step', as: 'patient', path: (i) => `/questionnaires/${i.anna}/risk-factors/step/10` },
  { name: 'risk factors, the check before sending', as: 'patient', path: (i) => `/questionnaires/${i.anna}/risk-factors/summary` },
  { name: 'calcium calculator', as: 'patient', path: (i) => `/questionnaires/${i.anna}/calcium/step/1` },
  { name: 'my record in full', as: 'patient', path: (i) => `/patients/${i.anna}` },
  { name: 'my medicines', as: 'patient', path: (i) => `/medicines/${i.anna}` },
  { name: 'my calendar', as: 'patient', path: (i) => `/calendar/${i.anna}` },
  { name: 'my diary', as: 'patient', path: (i) => `/diary/${i.anna}` },
  { name: 'my reports', as: 'patient', path: (i) => `/reports/${i.anna}` },
  { name: 'a new report, first screen', as: 'patient', path: (i) => `/reports/${i.anna}/new` },
  { name: 'who may look along', as: 'patient', path: () => '/me/caregivers' },
  { name: 'who looked at my record', as: 'patient', path: () => '/me/access-log' },
  { name: 'people I care for (/care)', as: 'caregiver', path: () => '/care' },
  { name: 'results of a child', as: 'caregiver', path: (i) => `/results/${i.lotte}` },
  { name: 'plan of a child', as: 'caregiver', path: (i) => `/plan/${i.lotte}` },
  { name: 'questionnaires of a child', as: 'caregiver', path: (i) => `/questionnaires/${i.lotte}` },
  { name: 'the bones of a child, 10 years of vitamin D noted', as: 'caregiver', path: (i) => `/child/${i.lotte}` },
];

const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');
const today = todayNl();

function percentiles(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => Number((s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] ?? 0).toFixed(2));
  return { n: s.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: at(1) };
}

/** A made-up record of the wanted journey from the generator: the first seed that gives one. */
function madeUp(want: (r: SyntheticRecord) => boolean, person: { birthDate: IsoDate; sex: 'female' | 'male'; child: boolean }, physician: string): { seed: number; rec: SyntheticRecord } {
  for (let seed = 1; seed < 100_000; seed++) {
    const rec = syntheticRecord(prng(seed), person, today, physician);
    if (want(rec)) return { seed, rec };
  }
  throw new Error('no seed gave the record wanted');
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
  const staff = async (role: 'nurse' | 'physician' | 'physiotherapist') => {
    const email = DEMO_ACCOUNTS.find((a) => a.role === role)?.email ?? '';
    return db.selectFrom('app_user').select(['id', 'display_name', 'organisation_id']).where('email', '=', email).executeTakeFirstOrThrow();
  };
  const writers = { nurse: await staff('nurse'), physician: await staff('physician'), physiotherapist: await staff('physiotherapist') };
  const patients = await db.selectFrom('patient').select(['id', 'given_name', 'birth_date', 'sex']).execute();
  const anna = patients.find((p) => p.given_name === 'Anna');
  const lotte = patients.find((p) => p.given_name === 'Lotte');
  if (!anna || !lotte) throw new Error('the demo patients are missing');

  // Five years on treatment (started between 4.5 and 5.5 years ago) with its doses written down (an
  // injection every half year: a weekly tablet is not logged dose by dose), care still going on.
  const five = madeUp((r) => r.journey === 'treatment' && r.careEnd === undefined && r.treatmentStart !== undefined
    && r.entries.filter((e) => e.kind === 'medication-dose').length >= 8
    && compareDates(r.treatmentStart, addMonths(today, -66)) >= 0 && compareDates(r.treatmentStart, addMonths(today, -54)) <= 0,
  { birthDate: anna.birth_date, sex: anna.sex, child: false }, writers.physician.display_name);
  const child = madeUp((r) => r.journey === 'child' && r.entries.length >= 8, { birthDate: lotte.birth_date, sex: lotte.sex, child: true }, writers.physician.display_name);
  await inTransaction(db, async (trx) => {
    for (const [patientId, rec] of [[anna.id, five.rec], [lotte.id, child.rec]] as const) {
      const rows = rec.entries.map((e, k) => ({
        entry_id: randomUUID(), version: 1, patient_id: patientId, kind: e.kind, clinical_date: e.date, data: JSON.stringify(e.data), status: 'active' as const,
        current: true, source: e.source, recorded_by: writers[e.by].id, organisation_id: writers[e.by].organisation_id,
        recorded_at: new Date(Date.parse(`${e.date}T07:00:00Z`) + k * 1000).toISOString(),
      }));
      for (let i = 0; i < rows.length; i += 500) await trx.insertInto('clinical_entry').values(rows.slice(i, i + 500)).execute();
    }
  });
  // Ten years of vitamin D given to Lotte, one dose a day, noted by her parent (the child's page reads the last 31 days).
  const parentId = (await db.selectFrom('app_user').select('id').where('email', '=', DEMO_ACCOUNTS.find((a) => a.role === 'caregiver')?.email ?? '').executeTakeFirstOrThrow()).id;
  await sql`insert into vitamin_d_dose (patient_id, dose_date, micrograms, given_by)
    select ${lotte.id}, (${today}::date - d), 10, ${parentId} from generate_series(0, 3652) as d`.execute(db);
  const count = (kind: string) => five.rec.entries.filter((e) => e.kind === kind).length;
  out.record = {
    seed: five.seed, treatmentStart: five.rec.treatmentStart, entries: five.rec.entries.length, doses: count('medication-dose'), courses: count('medication'),
    contacts: count('contact'), labs: count('labs'), dxa: count('dxa'), firstFact: five.rec.entries[0]?.date, child: { seed: child.seed, entries: child.rec.entries.length },
    decisions: (await db.selectFrom('shared_decision').select('id').where('patient_id', '=', anna.id).execute()).length,
  };

  const config = loadConfig({ BOTPAD_LOG_LEVEL: 'silent', BOTPAD_OUTBOX_DIR: path.join(scratch, 'outbox'), BOTPAD_AUDIT_ANCHOR_FILE: path.join(scratch, 'audit-anchor') });
  const app = await buildServer(config, store);
  try {
    const cookies = {} as Record<Reader, string>;
    for (const role of ['patient', 'caregiver'] as const) {
      const email = DEMO_ACCOUNTS.find((a) => a.role === role)?.email ?? '';
      const res = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password: DEMO_PASSWORD } });
      const session = res.cookies.find((c) => c.name === 'botpad_session');
      if (res.statusCode >= 300 || !session) throw new Error(`signing in as ${role} failed: ${String(res.statusCode)}`);
      cookies[role] = `botpad_session=${session.value}`;
    }
    const get = (url: string, as: Reader) => app.inject({ method: 'GET', url, headers: { accept: 'text/html', 'accept-encoding': 'gzip', cookie: cookies[as] } });
    const asset = new Map<string, number>();
    const sizeOf = async (href: string, as: Reader) => {
      const known = asset.get(href);
      if (known !== undefined) return known;
      const res = await get(href, as);
      if (res.statusCode !== 200) throw new Error(`${href} answered ${String(res.statusCode)}`);
      asset.set(href, res.rawPayload.length);
      return res.rawPayload.length;
    };
    const ids: Ids = { anna: anna.id, lotte: lotte.id };
    const results: Record<string, unknown>[] = [];
    for (const p of PAGES) {
      const url = p.path(ids);
      const first = await get(url, p.as);
      if (first.statusCode !== 200) throw new Error(`${p.name} (${url}) answered ${String(first.statusCode)}`);
      const html = first.body;
      const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1] ?? '');
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
      const jsFiles = scripts.map((m) => /src="([^"]+)"/.exec(m[1] ?? '')?.[1]).filter((s): s is string => s !== undefined);
      // A JSON-LD block or the like would not run; anything else counts as script.
      const inlineJs = scripts.filter((m) => !/src="/.test(m[1] ?? '') && !/type="application\/(ld\+)?json"/.test(m[1] ?? '')).reduce((n, m) => n + Buffer.byteLength(m[2] ?? ''), 0);
      let cssBytes = 0;
      for (const h of css) cssBytes += await sizeOf(h, p.as);
      let jsBytes = inlineJs;
      for (const h of jsFiles) jsBytes += await sizeOf(h, p.as);
      const htmlBytes = first.rawPayload.length;
      for (let i = 0; i < WARMUP; i++) await get(url, p.as);
      const ms: number[] = [];
      for (let i = 0; i < CALLS; i++) {
        const t0 = performance.now();
        const res = await get(url, p.as);
        ms.push(performance.now() - t0);
        if (res.statusCode !== 200) throw new Error(`${p.name} answered ${String(res.statusCode)} on call ${String(i)}`);
      }
      const total = htmlBytes + cssBytes + jsBytes;
      const time = percentiles(ms);
      results.push({
        page: p.name, as: p.as, htmlBytes, htmlGzip: gzipSync(first.rawPayload).length, cssBytes, jsBytes, totalBytes: total,
        bytesOk: total <= TARGET_BYTES && jsBytes === 0, ...time, timeOk: time.p95 <= TARGET_P95_MS, loadAfter: load(),
      });
      console.error(`${p.name}: ${String(total)} B (HTML ${String(htmlBytes)}, CSS ${String(cssBytes)}, JS ${String(jsBytes)}), p95 ${String(time.p95)} ms`);
    }
    out.pages = results;
    out.targets = { bytes: TARGET_BYTES, javascript: 0, p95Ms: TARGET_P95_MS };
    out.allMet = results.every((r) => r.bytesOk === true && r.timeOk === true);
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
