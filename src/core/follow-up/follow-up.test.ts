import { describe } from 'vitest';
import { runRows } from '../testing/rows.js';
import { rules } from './index.js';
import { followUpRows } from './follow-up.cases.js';

describe('follow-up.schedule and handover.gp (§8)', () => {
  runRows(followUpRows, rules);
});
