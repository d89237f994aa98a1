// The engine records what each rule read (src/core/reader.ts). These properties hold for every
// conclusion of thousands of generated cases, under both fracture-site policies:
// - every path a rule reports (used or missing) is declared: a case path or setting among its
//   `inputs` (or below one: `labs.egfr` below `labs`), a `derived.` value among its `derived`;
// - every criterion it reports is among its declared `criteria`, with one of the three results;
// - a used case field holds the case's own value at that path (what the reader read is what the
//   case says, not a value written beside a path by hand).
// So docs/rules.md, which lists inputs, derived values and criteria per rule, is complete.
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.js';
import { normalizeLabs } from './laboratory/picture.js';
import { valueAt } from './reader.js';
import { RULES } from './registry.js';
import { Settings } from './settings.js';
import { arbCase } from './testing/arbitraries.js';

const RULE = new Map(RULES.map((r) => [r.id, r]));
const SETTINGS = [Settings.parse({}), Settings.parse({ fractureSitePolicy: 'hands-feet-excluded', vertebralFractureMinT: -1 })];

function declared(inputs: readonly string[], path: string): boolean {
  return inputs.some((i) => path === i || path.startsWith(`${i}.`));
}

describe('provenance recorded by the reader', () => {
  it('reports only declared inputs, derived values and criteria, with the case\'s own values', () => {
    // Plain checks in the loop (an expect per path would make the 3,000 runs take a minute).
    fc.assert(fc.property(arbCase, fc.constantFrom(...SETTINGS), (c, s) => {
      const normal = normalizeLabs(c);
      const wrong: string[] = [];
      for (const k of evaluate(c, s).conclusions) {
        const rule = RULE.get(k.ruleId);
        if (rule === undefined) {
          wrong.push(`unknown rule ${k.ruleId}`);
          continue;
        }
        for (const p of [...Object.keys(k.used), ...k.missing]) {
          const ok = p.startsWith('derived.') ? (rule.derived as readonly string[]).includes(p.slice('derived.'.length)) : declared(rule.inputs, p);
          if (!ok) wrong.push(`${rule.id} reports ${p}, not declared`);
        }
        for (const [p, v] of Object.entries(k.used)) {
          if (p.startsWith('derived.') || p.startsWith('settings.')) continue;
          const at = valueAt(normal, p);
          if (at !== undefined && !isDeepStrictEqual(v, at)) wrong.push(`${rule.id}: ${p} is ${JSON.stringify(v)}, the case says ${JSON.stringify(at)}`);
        }
        for (const x of k.criteria) {
          if (!rule.criteria.includes(x.id)) wrong.push(`${rule.id} checks ${x.id}, not declared`);
          if (!['met', 'not-met', 'unknown'].includes(x.result)) wrong.push(`${rule.id}: ${x.id} is ${x.result}`);
        }
      }
      expect(wrong).toEqual([]);
    }), { numRuns: 3000 });
  }, 120_000);

  it('declares each derived value and criterion once per rule', () => {
    for (const r of RULES) {
      expect(new Set(r.derived).size, r.id).toBe(r.derived.length);
      expect(new Set(r.criteria).size, r.id).toBe(r.criteria.length);
    }
  });
});
