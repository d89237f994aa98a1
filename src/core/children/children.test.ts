import { describe } from 'vitest';
import { runRows } from '../testing/rows.js';
import { rules } from './index.js';
import { childRows } from './children.cases.js';

describe('children with severe multiple disabilities (§12)', () => {
  runRows(childRows, rules);
});
