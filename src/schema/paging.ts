// The one paging convention of every list in the API: `?limit=&cursor=` in, `{ items, nextCursor }`
// out. A cursor is opaque to clients (base64url of the sort key of the row it continues from, and
// which way); a list pages on a key that is unique (its sort columns, then the id), so no row is
// skipped or shown twice when rows are added between two pages. Bad limits and cursors are refused
// with the field named, like any other input. The store side is `keysetPage` in store/paging.ts.
import { z } from 'zod';

/** Rows per page unless the client asks otherwise, and the most it may ask for. */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/** A key value a cursor may carry: the sort columns of one row (text, numbers), last its id. */
export type KeyValue = string | number;

/** Where a page starts: after the row with this key (the next page), or before it (the previous one). */
export interface Cursor {
  dir: 'after' | 'before';
  key: readonly KeyValue[];
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.dir === 'after' ? 'a' : 'b', ...c.key]), 'utf8').toString('base64url');
}

const CURSOR_SHAPE = /^[A-Za-z0-9_-]{1,800}$/;

/** The cursor in `text`, when it is one this list gave out (its key matches `key`); else undefined. */
export function decodeCursor<K extends z.ZodType<readonly KeyValue[]>>(text: string, key: K): Cursor | undefined {
  if (!CURSOR_SHAPE.test(text)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed) || (parsed[0] !== 'a' && parsed[0] !== 'b')) return undefined;
  const k = key.safeParse(parsed.slice(1));
  return k.success ? { dir: parsed[0] === 'a' ? 'after' : 'before', key: k.data } : undefined;
}

/**
 * The paging part of a list's query string: `limit` (1 to 200, default 50) and `cursor` (from an
 * earlier page's `nextCursor`), decoded against `key`, the shape of the list's sort key. Spread it
 * into the list's own query object.
 */
export function pageQuery<K extends z.ZodType<readonly KeyValue[]>>(key: K) {
  return {
    limit: z.coerce
      .number('must be a whole number')
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(MAX_PAGE_SIZE, `must be at most ${String(MAX_PAGE_SIZE)}`)
      .default(DEFAULT_PAGE_SIZE)
      .describe(`Rows per page (1 to ${String(MAX_PAGE_SIZE)}, default ${String(DEFAULT_PAGE_SIZE)})`),
    cursor: z
      .string()
      .transform((s, ctx) => {
        const c = decodeCursor(s, key);
        if (c === undefined) {
          ctx.addIssue({ code: 'custom', message: 'is not a cursor this list gave out: use nextCursor from the previous page, or leave it out' });
          return z.NEVER;
        }
        return c;
      })
      .optional()
      .describe('Where the page starts: `nextCursor` of the previous page. Leave out for the first page.'),
  };
}

/** One page of a list: `items`, and `nextCursor` for the page after it (null on the last page). */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().describe('Pass as `cursor` to get the next page; null: this was the last page'),
  });
}

/** Which page of a list is asked for, as the query decodes it. */
export interface PageAsk {
  limit: number;
  cursor?: Cursor | undefined;
}

/** One page of a list as the API sends it. */
export interface ListPage<T> {
  items: T[];
  nextCursor: string | null;
}

/** A list page as the use cases hand it out: the API sends items and nextCursor, the pages use the rest. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  /** The page before this one (null on the first page). */
  prevCursor: string | null;
  /** How many rows the whole list has, and how many come before this page. */
  total: number;
  before: number;
}

/**
 * One page of a list held in memory in a fixed order (a catalogue), by the same cursors as a list
 * from the store. `keyOf` is the key of an entry, unique in the list; a cursor naming no entry of
 * it has already been refused by the list's key schema, and is taken as the end of the list here.
 */
export function pageInMemory<T>(all: readonly T[], keyOf: (t: T) => readonly KeyValue[], ask: PageAsk): ListPage<T> {
  const same = (k: readonly KeyValue[]) => (t: T) => {
    const own = keyOf(t);
    return own.length === k.length && own.every((v, i) => v === k[i]);
  };
  let start = 0;
  let end = all.length;
  if (ask.cursor) {
    const at = all.findIndex(same(ask.cursor.key));
    if (ask.cursor.dir === 'after') start = at === -1 ? all.length : at + 1;
    else {
      end = at === -1 ? 0 : at;
      start = Math.max(0, end - ask.limit);
    }
  }
  const items = all.slice(start, Math.min(end, start + ask.limit));
  const last = items.at(-1);
  return { items, nextCursor: last !== undefined && start + items.length < all.length ? encodeCursor({ dir: 'after', key: keyOf(last) }) : null };
}

/** Which way each column of a sort key runs. */
export type KeyOrder = readonly ('asc' | 'desc')[];

/** Compares two sort keys column by column, each in its own direction. */
export function compareKeys(a: readonly KeyValue[], b: readonly KeyValue[], order: KeyOrder): number {
  for (let i = 0; i < order.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y || x === undefined || y === undefined) continue;
    const less = x < y ? -1 : 1;
    return order[i] === 'desc' ? -less : less;
  }
  return 0;
}

/**
 * One page of a list held in memory whose rows come and go between two requests (a record's
 * entries, one marked in error since the last page). It is sorted by its key here, and a page
 * continues from the cursor's key by comparison, as a keyset page from the store does: a row that
 * has gone meanwhile neither ends the list early nor shows another twice. `keyOf` must be unique.
 */
export function pageByKey<T>(all: readonly T[], keyOf: (t: T) => readonly KeyValue[], order: KeyOrder, ask: PageAsk): ListPage<T> {
  const sorted = [...all].sort((a, b) => compareKeys(keyOf(a), keyOf(b), order));
  const from = (test: (c: number) => boolean) => {
    const key = ask.cursor?.key ?? [];
    const i = sorted.findIndex((t) => test(compareKeys(keyOf(t), key, order)));
    return i === -1 ? sorted.length : i;
  };
  let start = 0;
  let end = sorted.length;
  if (ask.cursor?.dir === 'after') start = from((c) => c > 0);
  else if (ask.cursor?.dir === 'before') {
    end = from((c) => c >= 0);
    start = Math.max(0, end - ask.limit);
  }
  const items = sorted.slice(start, Math.min(end, start + ask.limit));
  const last = items.at(-1);
  return { items, nextCursor: last !== undefined && start + items.length < sorted.length ? encodeCursor({ dir: 'after', key: keyOf(last) }) : null };
}
