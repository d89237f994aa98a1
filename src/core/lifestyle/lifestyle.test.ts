import { describe } from 'vitest';
import { runRows } from '../testing/rows.js';
import { rules } from './index.js';
import { lifestyleRows } from './lifestyle.cases.js';

describe('lifestyle.advice (§11)', () => {
  runRows(lifestyleRows, rules);
});
