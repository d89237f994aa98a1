// Child process for the crash tests: opens the store and writes in a tight loop, one transaction per
// patient with its patient_organisation link, and prints "ACK <id>" only after the commit returned.
// Those lines are the writer's promise to its caller; the test kills this process and then checks
// that every promised row survived, whole.
//
//   node --import tsx src/store/testing/crash-writer.ts (--url URL | --data-dir DIR) [--org ID]
//
// SIGTERM is handled like `botpad start` handles it (cli/start.ts): stop taking new work, let the
// transaction in flight finish, close the store, exit 0.
import { writeSync } from 'node:fs';
import { migrate, openStore, type Store } from '../db.js';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

// Synchronous: the ack is in the pipe before the next transaction begins, so what the test reads
// after the kill is exactly what was promised.
const out = (line: string) => writeSync(1, line + '\n');

async function main(): Promise<void> {
  const url = arg('--url');
  const dataDir = arg('--data-dir');
  const store: Store = await openStore(url ? { databaseUrl: url, poolSize: 2 } : { dataDir: dataDir ?? '' });
  await migrate(store.db);
  const org =
    arg('--org') ??
    (
      await store.db
        .insertInto('organisation')
        .values({ kind: 'hospital', name: 'Crash-test hospital', phone: null })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;

  let stopping = false;
  process.once('SIGTERM', () => {
    stopping = true;
    out('STOPPING');
  });

  out(`READY ${org}`);
  let n = 0;
  while (!stopping) {
    n++;
    const id = await store.db.transaction().execute(async (trx) => {
      const p = await trx
        .insertInto('patient')
        .values({
          family_name: 'Crash',
          given_name: `W${String(n)}`,
          birth_date: '1950-01-01',
          sex: 'female',
          bsn: null,
          phone: null,
          email: null,
          gp_practice: 'x'.repeat(200),
          pathway_stage: 'case-finding',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx.insertInto('patient_organisation').values({ patient_id: p.id, organisation_id: org, relation: 'care' }).execute();
      return p.id;
    });
    out(`ACK ${id}`);
    // PGlite settles its queries in microtasks only, so without this turn of the event loop a tight
    // loop never sees SIGTERM (nor a timer). In the server every request is its own macrotask.
    await new Promise((r) => setImmediate(r));
  }
  await store.close();
  out('CLOSED');
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`crash-writer: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(2);
  },
);
