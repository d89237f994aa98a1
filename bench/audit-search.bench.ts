// The administrator's audit search over a large log: since it also shows entries without an
// organisation that concern the organisation (sign-ins, patients, caregivers), it cannot run on the
// organisation index alone. Run: npx tsx bench/audit-search.bench.ts [entries] (PGlite in a
// temporary directory; DATABASE_URL=… for PostgreSQL, on an empty database).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { migrate, openStore } from '../src/store/db.js';
import { countAudit, searchAudit } from '../src/store/audit.repo.js';

const entries = Number(process.argv[2] ?? 200_000);
const dir = mkdtempSync(path.join(tmpdir(), 'botpad-bench-audit-'));
const store = await openStore({ databaseUrl: process.env.DATABASE_URL, dataDir: path.join(dir, 'data') });
try {
  await migrate(store.db);
  const orgs: string[] = [];
  for (let i = 0; i < 20; i++) orgs.push((await store.db.insertInto('organisation').values({ kind: 'hospital', name: `H${String(i)}`, phone: null }).returning('id').executeTakeFirstOrThrow()).id);
  // 20 organisations in turn; every tenth entry has no organisation and concerns none of them
  // (the worst case for the search: it must look at each and find nothing).
  await sql`insert into audit_event (user_id, role, organisation_id, action, resource, patient_id, allowed, reason, request_id, client_ip)
    select null, 'nurse', case when g % 10 = 0 then null else (${sql.raw(`array[${orgs.map((o) => `'${o}'::uuid`).join(',')}]`)})[1 + g % 20] end,
      'patient.read', 'patient', gen_random_uuid(), true, 'bench', null, '127.0.0.1'
    from generate_series(1, ${entries}) g`.execute(store.db);
  await sql`analyze`.execute(store.db);
  const time = async (label: string, run: () => Promise<unknown>) => {
    const ms: number[] = [];
    for (let i = 0; i < 7; i++) {
      const t0 = performance.now();
      await run();
      ms.push(performance.now() - t0);
    }
    ms.sort((a, b) => a - b);
    console.log(`${label}: median ${(ms[3] ?? 0).toFixed(1)} ms (min ${(ms[0] ?? 0).toFixed(1)}, max ${(ms[6] ?? 0).toFixed(1)})`);
  };
  const org = orgs[3] ?? '';
  console.log(`${store.kind}, ${String(entries)} entries`);
  await time('newest 100 of one organisation', () => searchAudit(store.db, { organisationId: org }, { limit: 100 }));
  await time('newest 500 of one organisation', () => searchAudit(store.db, { organisationId: org }, { limit: 500 }));
  await time('an action nobody did (the whole log is looked at)', () => searchAudit(store.db, { organisationId: org, action: 'no-such-action' }, { limit: 100 }));
  // The audit page shows a true count with every page, and pages by (time, id): a page deep in the
  // log should cost what the first one does.
  await time('count of one organisation', () => countAudit(store.db, { organisationId: org }));
  // An entry half-way down, reached the way a client does: page after page by the key.
  let edge: { at_key: string; id: string | number } | undefined;
  for (let seen = 0; seen < Math.floor(entries / 40); seen += 500) {
    const page = await searchAudit(store.db, { organisationId: org }, { limit: 500, before: edge && { at: edge.at_key, id: String(edge.id) } });
    edge = page.rows.at(-1) ?? edge;
    if (!page.hasOlder) break;
  }
  if (edge) await time('100 older than an entry half-way down', () => searchAudit(store.db, { organisationId: org }, { limit: 100, before: { at: edge.at_key, id: String(edge.id) } }));
  await time('a person by part of the name (no such staff)', () => searchAudit(store.db, { organisationId: org, person: 'nobody' }, { limit: 100 }));
} finally {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
