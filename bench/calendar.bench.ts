// The calendar feed for one patient with 5 years of doses: a weekly tablet (261 doses) and an
// injection every 6 months (10 doses), read through the private link as a calendar app reads it:
// the link's hash looked up, the core's authorize() and the audit entry, the record projected into a
// Case, the core's calendar rules, and the iCalendar text. PGlite in a temporary directory
// (DATABASE_URL=… for PostgreSQL, on an empty database).
// Run: npm run bench -- bench/calendar.bench.ts   (BENCH_READS, default 300, after 30 warm-up reads)
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrate, openStore, inTransaction } from '../src/store/db.js';
import { insertUser } from '../src/store/accounts.repo.js';
import { insertEntries } from '../src/store/record.repo.js';
import { makeFeedLink, readFeed } from '../src/services/calendar.js';
import { storeAuditor } from '../src/services/auditor.js';
import { addDays, addMonths } from '../src/core/time/date.js';
import { todayNl } from '../src/schema/clock.js';

const reads = Number(process.env.BENCH_READS ?? 300);
const dir = mkdtempSync(path.join(os.tmpdir(), 'botpad-bench-calendar-'));
const store = await openStore({ databaseUrl: process.env.DATABASE_URL, dataDir: path.join(dir, 'data') });
try {
  await migrate(store.db);
  const today = todayNl();
  const start = addMonths(today, -60);
  const org = (await store.db.insertInto('organisation').values({ kind: 'hospital', name: 'Bench', phone: null }).returning('id').executeTakeFirstOrThrow()).id;
  const patient = (await store.db.insertInto('patient').values({ family_name: 'Bench', given_name: 'Five', birth_date: '1950-03-03', sex: 'female', bsn: null, phone: null, email: null, gp_practice: null, pathway_stage: 'case-finding' }).returning('id').executeTakeFirstOrThrow()).id;
  await store.db.insertInto('patient_organisation').values({ patient_id: patient, organisation_id: org, relation: 'care' }).execute();
  const nurse = await insertUser(store.db, { role: 'nurse', organisationId: org, patientId: null, email: 'n@bench.test', displayName: 'Nurse', passwordHash: null, status: 'active' });
  const user = await insertUser(store.db, { role: 'patient', organisationId: null, patientId: patient, email: 'p@bench.test', displayName: 'Patient', passwordHash: null, status: 'active' });
  const entry = (kind: 'medication' | 'medication-dose', date: string, data: Record<string, unknown>) => ({ patientId: patient, kind, date, data, source: 'clinician' as const, by: nurse, organisationId: org });
  await inTransaction(store.db, async (tx) => {
    const [tablet, injection] = await insertEntries(tx, [entry('medication', start, { drug: 'alendronic-acid' }), entry('medication', start, { drug: 'denosumab' })]);
    const doses = [];
    for (let d = start; d <= today; d = addDays(d, 7)) doses.push(entry('medication-dose', d, { drug: 'alendronic-acid', medicationId: tablet?.entry_id }));
    for (let m = 0; m < 60; m += 6) doses.push(entry('medication-dose', addMonths(start, m), { drug: 'denosumab', medicationId: injection?.entry_id }));
    await insertEntries(tx, doses);
  });
  const deps = { db: store.db, auditor: storeAuditor };
  const meta = { requestId: 'bench', clientIp: '127.0.0.1' };
  const { token } = await makeFeedLink(deps, { actor: { userId: user, role: 'patient', organisationId: null, organisationKind: null, patientId: patient }, meta, patientId: patient });
  let bytes = 0;
  for (let i = 0; i < 30; i++) bytes = (await readFeed(deps, token, meta)).length;
  const ms: number[] = [];
  for (let i = 0; i < reads; i++) {
    const t0 = performance.now();
    await readFeed(deps, token, meta);
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  const at = (q: number) => (ms[Math.min(ms.length - 1, Math.floor(q * ms.length))] ?? 0).toFixed(1);
  console.log(`${store.kind}: ${String(reads)} reads of a feed with 5 years of doses (${String(bytes)} bytes): p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms`);
} finally {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
