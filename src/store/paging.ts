// Keyset paging for every list: a page continues after (or before) the key of a row, never at an
// offset, so a page costs the same wherever it is in the list and rows added meanwhile neither
// repeat nor vanish. The key is the list's sort columns ending in a unique one (the id); the cursor
// text itself is schema/paging.ts's business, this side takes the decoded key.
import { sql, type RawBuilder, type SelectQueryBuilder } from 'kysely';

export type KeyValue = string | number;

export interface KeysetPage<O> {
  rows: O[];
  /** Key of the last row when more rows follow it, else null. */
  next: KeyValue[] | null;
  /** Key of the first row when rows come before it, else null. */
  prev: KeyValue[] | null;
  /** Rows in the whole list (the query without the cursor), and before this page. */
  total: number;
  before: number;
}

export interface KeysetAsk {
  /** Column references of the sort key, e.g. ['p.sort_key', 'p.id']: the last must be unique. */
  columns: readonly string[];
  cursor?: { dir: 'after' | 'before'; key: readonly KeyValue[] } | undefined;
  limit: number;
  /** Newest first, say: every column of the key descending (default ascending). */
  descending?: boolean | undefined;
}

/** `(c1, c2, …) op (v1, v2, …)`: a row comparison, which orders exactly as ORDER BY c1, c2, … does. */
export function compare(columns: readonly string[], op: '>' | '<' | '<=', key: readonly KeyValue[]): RawBuilder<boolean> {
  return sql<boolean>`(${sql.join(columns.map((c) => sql.ref(c)))}) ${sql.raw(op)} (${sql.join(key.map((v) => sql`${v}`))})`;
}

/**
 * One page of `query` (its filters; no order, no limit) in the order of `columns`, with the total
 * and the position, in two statements: the rows, then the total and the rows before the first in
 * one pass (whether pages follow or precede is read from those). `keyOf` reads a row's key back,
 * in the order of `columns`.
 */
export async function keysetPage<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  ask: KeysetAsk,
  keyOf: (row: O) => KeyValue[],
): Promise<KeysetPage<O>> {
  const { columns, cursor, limit } = ask;
  if (cursor && cursor.key.length !== columns.length) throw new RangeError(`a cursor key has ${String(columns.length)} parts, not ${String(cursor.key.length)}`);
  const backwards = cursor?.dir === 'before';
  // Which way the list runs: rows later in it have larger keys, or (descending) smaller ones.
  const later = ask.descending ? '<' : '>';
  const earlier = ask.descending ? '>' : '<';
  let q = query;
  if (cursor) q = q.where(compare(columns, backwards ? earlier : later, cursor.key));
  for (const c of columns) q = q.orderBy(sql.ref(c), backwards !== Boolean(ask.descending) ? 'desc' : 'asc');
  const rows = await q.limit(limit).execute();
  if (backwards) rows.reverse();
  const first = rows[0];
  const last = rows.at(-1);
  const counts = query
    .clearSelect()
    .clearOrderBy()
    .select(sql<string>`count(*)`.as('total'))
    .select(first === undefined ? sql<string>`0`.as('before') : sql<string>`count(*) filter (where ${compare(columns, earlier, keyOf(first))})`.as('before'));
  const c = (await counts.executeTakeFirst()) as { total: string | number; before: string | number } | undefined;
  const total = Number(c?.total ?? 0);
  const before = Number(c?.before ?? 0);
  return {
    rows,
    next: last !== undefined && before + rows.length < total ? keyOf(last) : null,
    prev: first !== undefined && before > 0 ? keyOf(first) : null,
    total,
    before,
  };
}
