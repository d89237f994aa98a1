import { describe } from 'vitest';
import { runRows } from '../testing/rows.js';
import { rules } from './index.js';
import { flsRows } from './fls-timing.cases.js';

describe('follow-up.fls-timing (§8)', () => {
  runRows(flsRows, rules);
});
