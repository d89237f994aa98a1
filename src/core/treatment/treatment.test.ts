import { describe } from 'vitest';
import { rules } from './index.js';
import { treatmentRows } from './treatment.cases.js';
import { runRows } from '../testing/rows.js';

describe('treatment (§5)', () => {
  runRows(treatmentRows, rules);
});
