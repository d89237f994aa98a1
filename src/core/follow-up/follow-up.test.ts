import { describe, it } from 'vitest';
import { checkRow } from '../testing/rule-table.js';
import { followUpRows } from './follow-up.cases.js';

describe('follow-up.schedule and handover.gp (§8)', () => {
  it.each(followUpRows.map((r) => [r.spec, r] as const))('%s', (_s, row) => checkRow(row));
});
