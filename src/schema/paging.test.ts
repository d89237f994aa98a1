// Paging a list held in memory by its key: walked page by page, with rows removed between pages,
// every row that stays is shown once, in the list's order, and none is skipped.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareKeys, decodeCursor, pageByKey, type KeyOrder, type ListPage, type PageAsk } from './paging.js';
import { z } from 'zod';

interface Row {
  date: string;
  at: number;
  id: string;
}
const ORDER: KeyOrder = ['desc', 'desc', 'asc'];
const keyOf = (r: Row) => [r.date, r.at, r.id];
const KEY = z.tuple([z.string(), z.number(), z.string()]);

const rows = fc.uniqueArray(
  fc.record({ date: fc.constantFrom('2026-01-01', '2026-01-02', '2026-02-01'), at: fc.integer({ min: 0, max: 3 }), id: fc.uuid() }),
  { selector: (r) => r.id, maxLength: 40 },
);

describe('pageByKey', () => {
  it('orders by each column in its own direction', () => {
    expect(compareKeys(['2026-01-02', 1, 'a'], ['2026-01-01', 9, 'a'], ORDER)).toBeLessThan(0);
    expect(compareKeys(['2026-01-01', 2, 'b'], ['2026-01-01', 1, 'a'], ORDER)).toBeLessThan(0);
    expect(compareKeys(['2026-01-01', 1, 'a'], ['2026-01-01', 1, 'b'], ORDER)).toBeLessThan(0);
    expect(compareKeys(['x', 1, 'a'], ['x', 1, 'a'], ORDER)).toBe(0);
  });

  it('walks every row once in order, also when rows shown or not yet shown go between pages', () => {
    fc.assert(
      fc.property(rows, fc.integer({ min: 1, max: 7 }), fc.array(fc.nat(), { maxLength: 10 }), (all, limit, removals) => {
        const sorted = [...all].sort((a, b) => compareKeys(keyOf(a), keyOf(b), ORDER));
        let live = [...all];
        const removed = new Set<string>();
        const seen: Row[] = [];
        let cursor: string | null = null;
        let step = 0;
        do {
          const ask: PageAsk = { limit, cursor: cursor === null ? undefined : decodeCursor(cursor, KEY) };
          const page: ListPage<Row> = pageByKey(live, keyOf, ORDER, ask);
          seen.push(...page.items);
          cursor = page.nextCursor;
          // Between pages a row goes: one already shown (the last of the page, say) or one to come.
          const r = removals[step++];
          if (r !== undefined && live.length > 0) {
            const gone = live[r % live.length];
            if (gone) {
              removed.add(gone.id);
              live = live.filter((x) => x.id !== gone.id);
            }
          }
          if (step > all.length + 2) throw new Error('the pages do not end');
        } while (cursor !== null);
        const ids = seen.map((r) => r.id);
        expect(new Set(ids).size).toBe(ids.length);
        // Shown in the list's order; every row that was never removed is shown.
        expect(ids).toEqual(sorted.map((r) => r.id).filter((id) => ids.includes(id)));
        expect(sorted.filter((r) => !removed.has(r.id)).every((r) => ids.includes(r.id))).toBe(true);
      }),
    );
  });

  it('pages before a key, for a cursor that points back', () => {
    const all: Row[] = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ date: '2026-01-01', at: 0, id }));
    const page = pageByKey(all, keyOf, ORDER, { limit: 2, cursor: { dir: 'before', key: ['2026-01-01', 0, 'd'] } });
    expect(page.items.map((r) => r.id)).toEqual(['b', 'c']);
    expect(page.nextCursor).not.toBeNull();
  });
});
