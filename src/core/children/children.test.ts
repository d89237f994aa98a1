import { describe, it } from 'vitest';
import { checkRow } from '../testing/rule-table.js';
import { childRows } from './children.cases.js';

describe('children with severe multiple disabilities (§12)', () => {
  it.each(childRows.map((r) => [r.spec, r] as const))('%s', (_s, row) => checkRow(row));
});
