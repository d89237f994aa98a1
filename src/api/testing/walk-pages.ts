// Walks a list of the API page by page, as a client does: the first page, then `nextCursor` as
// `cursor` until it is null. Every page must be a 200 with at most `limit` items and no more keys
// than the page shape (and the extras the list names). `from`: a cursor to start at instead of the first page.
import { expect } from 'vitest';
import type { TestApp } from './test-app.js';

export interface Walked<T> {
  items: T[];
  pages: number;
}

export async function walkPages<T>(t: TestApp, url: string, cookie: string, limit: number, extraKeys: readonly string[] = [], from: string | null = null): Promise<Walked<T>> {
  const items: T[] = [];
  let cursor: string | null = from;
  let pages = 0;
  do {
    const sep = url.includes('?') ? '&' : '?';
    const at: string = cursor === null ? '' : `&cursor=${cursor}`;
    const res: { statusCode: number; body: string; json: <B>() => B } = await t.app.inject({ url: `${url}${sep}limit=${String(limit)}${at}`, headers: { cookie } });
    expect(res.statusCode, res.body).toBe(200);
    const body: { items: T[]; nextCursor: string | null } = res.json<{ items: T[]; nextCursor: string | null }>();
    expect(Object.keys(body).sort()).toEqual(['items', 'nextCursor', ...extraKeys].sort());
    expect(body.items.length).toBeLessThanOrEqual(limit);
    // A page that says more follows is full: a short page is the last one.
    if (body.nextCursor !== null) expect(body.items).toHaveLength(limit);
    items.push(...body.items);
    cursor = body.nextCursor;
    pages++;
    if (pages > 10_000) throw new Error(`${url}: the pages do not end`);
  } while (cursor !== null);
  return { items, pages };
}
