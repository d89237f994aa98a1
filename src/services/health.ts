// Readiness as a use case: the database is reachable, every migration is applied, and writes are
// not failing for a full disk. The HTTP layer only turns the answer into 200 or 503.
import { pendingMigrations, ping, writeFault, type Store, type StoreKind } from '../store/db.js';
import { classifyFault } from '../store/faults.js';

export type Readiness = { ready: true; store: StoreKind } | { ready: false; cause: string };

export async function readiness(store: Store): Promise<Readiness> {
  try {
    await ping(store.db);
  } catch (e) {
    const cause = classifyFault(e)?.cause;
    return { ready: false, cause: `The database cannot be reached${cause ? ` (${cause})` : ''}.` };
  }
  const pending = await pendingMigrations(store.db);
  if (pending.length > 0) return { ready: false, cause: `Migrations not yet applied: ${pending.join(', ')}.` };
  const full = await writeFault(store);
  if (full) return { ready: false, cause: `Writes fail: ${full.cause}. Free disk space where the database keeps its data.` };
  return { ready: true, store: store.kind };
}
