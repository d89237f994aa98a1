import { randomBytes } from 'node:crypto';
import type { Db } from '../store/db.js';
import { readMeta } from '../store/meta.repo.js';

/**
 * A secret every process of this installation shares (cookie signing): made once, kept in the
 * store. `on conflict do nothing` makes concurrent first starts agree on one value.
 */
export async function sharedSecret(db: Db, key: string): Promise<string> {
  const existing = await readMeta(db, key);
  if (existing) return existing;
  await db.insertInto('meta').values({ key, value: randomBytes(32).toString('base64url') }).onConflict((oc) => oc.column('key').doNothing()).execute();
  return (await readMeta(db, key)) ?? '';
}
