import { describe, it } from 'vitest';
import { checkRow } from '../testing/rule-table.js';
import { flsRows } from './fls-timing.cases.js';

describe('follow-up.fls-timing (§8)', () => {
  it.each(flsRows.map((r) => [r.spec, r] as const))('%s', (_s, row) => checkRow(row));
});
