// Stage: exercise-therapy measurements (clinical-rules.md §13).
import { measureRules } from './measures.rule.js';

export const rules = measureRules;
export * from './scoring.js';
