// The one list of every rule, in pathway order (clinical-rules.md §2–13). It feeds evaluate(), the
// catalogue in docs/rules.md, GET /api/v1/rules and the "why" panel; registry.test.ts fails when a
// rule id or code appears twice or a source is not a known short name.
import type { Rule } from './rule.js';
import { rules as caseFinding } from './case-finding/index.js';
import { rules as diagnosis } from './diagnosis/index.js';
import { rules as treatment } from './treatment/index.js';
import { rules as laboratory } from './laboratory/index.js';
import { rules as medication } from './medication/index.js';
import { rules as followUp } from './follow-up/index.js';
import { rules as calciumVitaminD } from './calcium-vitamin-d/index.js';
import { rules as falls } from './falls/index.js';
import { rules as lifestyle } from './lifestyle/index.js';
import { rules as children } from './children/index.js';
import { rules as measures } from './measures/index.js';

/**
 * Bump when a rule's logic or codes change, so a stored evaluation can be traced to the rules that
 * made it. Format: year.month.serial.
 */
export const RULES_VERSION = '2026.12.2';

export const RULES: readonly Rule[] = [
  ...caseFinding, ...diagnosis, ...laboratory, ...treatment, ...medication, ...followUp,
  ...calciumVitaminD, ...falls, ...lifestyle, ...children, ...measures,
];
// Frozen so evaluate() can hand the same arrays to every conclusion instead of copying them; the
// list and the rules themselves too, so that "one of RULES" is enough to know it (evaluate() then
// skips asking each rule's arrays).
for (const r of RULES) {
  Object.freeze(r.inputs);
  Object.freeze(r.source);
  Object.freeze(r);
}
Object.freeze(RULES);

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
