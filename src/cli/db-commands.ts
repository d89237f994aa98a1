// `botpad migrate` and `botpad seed`: database chores without starting the web server.
import { parseArgs } from 'node:util';
import { migrate, openStore, type Store } from '../store/db.js';
import { seedDemo, seedPatients } from '../services/seed.js';
import { auditHead, sealAudit, verifyAudit } from '../store/audit.repo.js';
import { checkAnchor, readAnchor, writeAnchor, type AuditAnchor } from '../services/audit.js';
import { DataDirLockedError } from '../store/lock.js';
import { configOrReport } from './config-or-exit.js';
import { todayNl } from '../schema/clock.js';
import { dateProblem, dateProblemMessage } from '../core/time/date.js';

async function withStore(run: (store: Store) => Promise<number>): Promise<number> {
  const config = configOrReport();
  if (!config) return 1;
  let store: Store;
  try {
    store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, prepare: config.pgPrepare });
  } catch (e) {
    process.stderr.write((e instanceof DataDirLockedError ? e.message : `Cannot open the database: ${(e as Error).message}`) + '\n');
    return 1;
  }
  try {
    return await run(store);
  } finally {
    await store.close();
  }
}

export function runMigrate(args: string[]): Promise<number> {
  if (args.length > 0) {
    process.stderr.write('botpad migrate takes no arguments.\n');
    return Promise.resolve(1);
  }
  return withStore(async (store) => {
    const { applied } = await migrate(store.db);
    process.stdout.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'Nothing to do: the database is up to date.\n');
    return 0;
  });
}

export function runSeed(args: string[]): Promise<number> {
  let values: { demo?: boolean; patients?: string; seed?: string; 'as-of'?: string };
  try {
    ({ values } = parseArgs({
      args,
      options: { demo: { type: 'boolean' }, patients: { type: 'string' }, seed: { type: 'string' }, 'as-of': { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\nUsage: botpad seed --demo | --patients N [--seed S] [--as-of YYYY-MM-DD]\n`);
    return Promise.resolve(1);
  }
  const n = values.patients === undefined ? undefined : Number(values.patients);
  if (!values.demo && n === undefined) {
    process.stderr.write('Usage: botpad seed --demo | --patients N [--seed S] [--as-of YYYY-MM-DD]\n');
    return Promise.resolve(1);
  }
  if (n !== undefined && (!Number.isInteger(n) || n < 1 || n > 10_000_000)) {
    process.stderr.write('--patients must be a whole number from 1 to 10000000.\n');
    return Promise.resolve(1);
  }
  const seed = values.seed === undefined ? 42 : Number(values.seed);
  if (!Number.isInteger(seed)) {
    process.stderr.write('--seed must be a whole number.\n');
    return Promise.resolve(1);
  }
  const asOf = values['as-of'] ?? todayNl();
  const bad = dateProblem(asOf);
  if (bad !== undefined) {
    process.stderr.write(`--as-of must be a date (YYYY-MM-DD): ${dateProblemMessage(bad)}.\n`);
    return Promise.resolve(1);
  }
  return withStore(async (store) => {
    await migrate(store.db);
    if (values.demo) {
      process.stdout.write((await seedDemo(store.db)) ? 'Demo data loaded.\n' : 'Demo data was already loaded.\n');
    }
    if (n !== undefined) {
      const t0 = performance.now();
      const added = await seedPatients(store.db, n, { seed, asOf });
      process.stdout.write(
        `Added ${String(added.patients)} synthetic patients with ${String(added.entries)} facts, ${String(added.assessments)} signed assessments and ` +
          `${String(added.careEnds)} ends of care (seed ${String(seed)}, up to ${asOf}) in ${((performance.now() - t0) / 1000).toFixed(1)} s.\n`,
      );
    }
    return 0;
  });
}

export function runAudit(args: string[]): Promise<number> {
  if (args[0] !== 'verify' || args.length > 1) {
    process.stderr.write('Usage: botpad audit verify\n');
    return Promise.resolve(1);
  }
  const config = configOrReport();
  if (!config) return Promise.resolve(1);
  const anchorFile = config.auditAnchorFile;
  return withStore(async (store) => {
    let anchor: AuditAnchor | undefined;
    try {
      anchor = await readAnchor(anchorFile);
    } catch (e) {
      process.stderr.write(`Cannot read the audit anchor: ${(e as Error).message}\n`);
      return 1;
    }
    // Seal what is waiting first (all of it, batch by batch), so a fresh entry is not reported as unsealed.
    while ((await sealAudit(store.db)) > 0) {
      // next batch
    }
    const r = await verifyAudit(store.db);
    // The chain can be whole and still too short: the anchor says how far it reached before.
    const cut = r.ok && anchor ? await checkAnchor(store.db, anchor) : undefined;
    if (r.ok && cut) {
      process.stdout.write(`Audit log BROKEN: ${cut} (anchor ${anchorFile}, written ${anchor?.at ?? ''}).\n`);
      return 3;
    }
    if (r.ok) {
      const waiting = r.unsealed > 0 ? ` ${String(r.unsealed)} newer entries wait for the sealer (it links them within seconds while Botpad runs).` : '';
      const anchored = anchor ? ` It reaches the anchored link ${String(anchor.seq)}.` : '';
      process.stdout.write(`Audit log intact: ${String(r.sealed)} entries in the chain.${anchored}${waiting}\n`);
      const head = await auditHead(store.db);
      if (head) await writeAnchor(anchorFile, head);
      return 0;
    }
    process.stdout.write(
      `Audit log BROKEN at link ${String(r.brokenAtSeq)}${r.eventId ? ` (audit entry ${r.eventId})` : ''}: ${r.problem}. ` +
        `${String(r.sealed)} entries before it are intact.\n`,
    );
    return 3;
  });
}
