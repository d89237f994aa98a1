// The read every evaluation makes: an organisation's settings (its newest row of overrides, merged
// with the defaults). Many organisations, each with a long history of saves, so the read must find
// the newest row by the index rather than look at the history. Run:
// npx tsx bench/settings-read.bench.ts [organisations] [saves each] (PGlite in a temporary directory;
// DATABASE_URL=… for PostgreSQL, on an empty database).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { migrate, openStore } from '../src/store/db.js';
import { settingsForOrganisation } from '../src/services/settings.js';

const organisations = Number(process.argv[2] ?? 1000);
const saves = Number(process.argv[3] ?? 20);
const dir = mkdtempSync(path.join(tmpdir(), 'botpad-bench-settings-'));
const store = await openStore({ databaseUrl: process.env.DATABASE_URL, dataDir: path.join(dir, 'data') });
try {
  await migrate(store.db);
  await sql`insert into organisation (kind, name, phone) select 'hospital', 'H' || g, null from generate_series(1, ${organisations}) g`.execute(store.db);
  // Every organisation saves in turn, so one organisation's rows are spread over the whole table.
  await sql`insert into organisation_settings (organisation_id, overrides)
    select o.id, jsonb_build_object('overdueGraceDays', s, 'calciumPerServingMg', jsonb_build_object('milk-glass', 150 + s))
    from generate_series(1, ${saves}) s cross join organisation o order by s, o.id`.execute(store.db);
  await sql`analyze`.execute(store.db);
  const ids = (await store.db.selectFrom('organisation').select('id').execute()).map((r) => r.id);
  const plan = await sql<{ 'QUERY PLAN': string }>`explain select overrides from organisation_settings where organisation_id = ${ids[7] ?? ''} order by id desc limit 1`.execute(store.db);
  console.log(`${store.kind}, ${String(organisations)} organisations × ${String(saves)} saves = ${String(organisations * saves)} rows`);
  console.log(plan.rows.map((r) => '  ' + r['QUERY PLAN']).join('\n'));
  const got = await settingsForOrganisation(store.db, ids[7] ?? '');
  if (got.overdueGraceDays !== saves) throw new Error(`read an older save: ${String(got.overdueGraceDays)}`);
  const reads = 2000;
  // Rounds of the two alternate, so a busy moment of the host falls on both alike.
  const rounds = { read: [] as number[], trip: [] as number[] };
  for (let r = 0; r < 7; r++) {
    let t0 = performance.now();
    for (let i = 0; i < reads; i++) await settingsForOrganisation(store.db, ids[(i * 7919) % ids.length] ?? '');
    rounds.read.push(((performance.now() - t0) * 1000) / reads);
    t0 = performance.now();
    for (let i = 0; i < reads; i++) await sql`select 1`.execute(store.db);
    rounds.trip.push(((performance.now() - t0) * 1000) / reads);
  }
  const line = (label: string, us: number[]) => {
    us.sort((a, b) => a - b);
    console.log(`${label}: median ${(us[3] ?? 0).toFixed(0)} µs (min ${(us[0] ?? 0).toFixed(0)}, max ${(us[6] ?? 0).toFixed(0)})`);
  };
  line(`settingsForOrganisation, ${String(reads)} reads a round, 7 rounds, per read`, rounds.read);
  line('select 1 (one round trip, for scale), per statement', rounds.trip);
} finally {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
