import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { RULES } from './registry.js';
import { SOURCES, STAGES } from './rule.js';
import { renderRulesDoc } from './rules-doc.js';

describe('rule registry', () => {
  it('lists every rule id once', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives every code to exactly one rule', () => {
    const codes = RULES.flatMap((r) => r.codes);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('cites only known short source names, in known stages, with texts in both languages', () => {
    for (const r of RULES) {
      expect(r.source.length, r.id).toBeGreaterThan(0);
      for (const s of r.source) expect(SOURCES as readonly string[], `${r.id} cites ${s}`).toContain(s);
      expect(STAGES as readonly string[]).toContain(r.stage);
      for (const t of [r.about.patient.nl, r.about.patient.en, r.about.clinician.nl, r.about.clinician.en]) expect(t.length, r.id).toBeGreaterThan(20);
      expect(r.inputs.length, r.id).toBeGreaterThan(0);
    }
  });

  it('has the §2–6 rules the specification names', () => {
    const ids = RULES.map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining([
      'case-finding.dxa-indicated', 'case-finding.dxa-consider', 'case-finding.nhg-risk-score', 'case-finding.workup-waived',
      'bmd.category', 'vfa.vertebral-fractures', 'treatment.medication-indicated', 'treatment.specialist', 'treatment.first-choice',
      'lab.panel-missing', 'lab.vitamin-d', 'lab.osteomalacia-suspected', 'medication.start-after', 'secondary-cause.suspected',
    ]));
  });

  it('matches the committed docs/rules.md (run `npm run rules:docs` after changing a rule)', () => {
    const path = new URL('../../docs/rules.md', import.meta.url);
    expect(existsSync(path), 'docs/rules.md is missing: run npm run rules:docs').toBe(true);
    expect(readFileSync(path, 'utf8')).toBe(renderRulesDoc());
  });
});
