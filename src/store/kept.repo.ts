// Forms kept for their author across a sign-in (see migration 0004): written once, taken once.
import { sql } from 'kysely';
import type { Db } from './db.js';

export async function insertKeptForm(db: Db, refHash: string, userId: string, action: string, pairs: readonly [string, string][], minutes: number): Promise<void> {
  // Whatever nobody came back for is cleared here, so the table holds only the last hour or so.
  await db.deleteFrom('kept_form').where('expires_at', '<', new Date().toISOString()).execute();
  await db
    .insertInto('kept_form')
    .values({ ref_hash: refHash, user_id: userId, action, pairs: JSON.stringify(pairs), expires_at: new Date(Date.now() + minutes * 60_000).toISOString() })
    .execute();
}

/** Hands the kept form to its own author, once; anyone else gets nothing (and it stays). */
export async function takeKeptForm(db: Db, refHash: string, userId: string): Promise<{ action: string; pairs: [string, string][] } | undefined> {
  const r = await sql<{ action: string; pairs: [string, string][] | string }>`
    delete from kept_form where ref_hash = ${refHash} and user_id = ${userId} and expires_at > now()
    returning action, pairs`.execute(db);
  const row = r.rows[0];
  if (!row) return undefined;
  return { action: row.action, pairs: typeof row.pairs === 'string' ? (JSON.parse(row.pairs) as [string, string][]) : row.pairs };
}

/** The account a session token belonged to, live or not (an ended session still names its author). */
export async function sessionOwner(db: Db, tokenHash: string): Promise<string | undefined> {
  const row = await db.selectFrom('session').select('user_id').where('token_hash', '=', tokenHash).executeTakeFirst();
  return row?.user_id;
}
