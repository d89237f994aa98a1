import { describe, expect, it } from 'vitest';
import { DRUGS } from '../case.schema.js';
import { makeCase } from '../testing/builder.js';
import { evaluate } from '../evaluate.js';
import { DEFAULT_SETTINGS } from '../settings.js';
import { runRows } from '../testing/rows.js';
import { rules } from './index.js';
import { CATALOGUE } from './catalogue.js';
import { courseRows, safetyRows } from './medication.cases.js';
import { safetyRule, safetyStatus } from './safety.rule.js';

describe('medication.safety (§7)', () => {
  runRows(safetyRows, rules);

  it('yields one conclusion per catalogue drug, also for an empty case', () => {
    const out = evaluate(makeCase(), DEFAULT_SETTINGS, 'nl', [safetyRule]).conclusions;
    expect(out.map((f) => (f.value as { drug: string }).drug)).toEqual([...DRUGS]);
    for (const f of out) expect((f.value as { atc: string }).atc).toBe(CATALOGUE[(f.value as { drug: 'denosumab' }).drug].atc);
  });

  it('orders status blocked > caution > allowed', () => {
    expect(safetyStatus(['caution', 'block'])).toBe('blocked');
    expect(safetyStatus(['caution'])).toBe('caution');
    expect(safetyStatus([])).toBe('allowed');
  });
});

describe('drug catalogue', () => {
  it('carries the WHO ATC codes', () => {
    expect(Object.fromEntries(DRUGS.map((d) => [d, CATALOGUE[d].atc]))).toEqual({
      'alendronic-acid': 'M05BA04', 'risedronic-acid': 'M05BA07', 'ibandronic-acid': 'M05BA06',
      'zoledronic-acid': 'M05BA08', denosumab: 'M05BX04', teriparatide: 'H05AA02', romosozumab: 'M05BX06',
      raloxifene: 'G03XC01',
    });
  });
});

describe('medication course (§7–8)', () => {
  runRows(courseRows, rules);
});

describe('entry errors do not break the medication rules', () => {
  it('a course that ends before it starts counts as no time taken', () => {
    const c = makeCase({ medications: [{ drug: 'teriparatide', start: '2026-11-21', end: '2026-08-21' }, { drug: 'teriparatide', start: '2026-11-22' }] });
    const f = evaluate(c, DEFAULT_SETTINGS, 'nl', [safetyRule]).conclusions.find((x) => (x.value as { drug: string }).drug === 'teriparatide')!;
    expect((f.value as { reasons: string[] }).reasons).not.toContain('lifetime-limit-reached');
  });
});
