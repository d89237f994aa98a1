import { describe, it } from 'vitest';
import { checkRow } from '../testing/rule-table.js';
import { lifestyleRows } from './lifestyle.cases.js';

describe('lifestyle.advice (§11)', () => {
  it.each(lifestyleRows.map((r) => [r.spec, r] as const))('%s', (_s, row) => checkRow(row));
});
