import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { checkCase, checkSettings, evaluate } from './evaluate.js';
import { DEFAULT_SETTINGS, Settings } from './settings.js';
import { arbCase } from './testing/arbitraries.js';
import { RULES, RULES_VERSION } from './registry.js';

const CONCLUSION_KEYS = ['code', 'ruleId', 'value', 'severity', 'inputs', 'used', 'missing', 'criteria', 'source', 'explanation'].sort();
const full = JSON.parse(readFileSync(new URL('../../bench/full-case.json', import.meta.url), 'utf8')) as unknown;

describe('evaluate (§1)', () => {
  it('never throws on a schema-valid case, under both site policies and languages', () => {
    const settings = fc.record({
      fractureSitePolicy: fc.constantFrom('guideline' as const, 'hands-feet-excluded' as const),
      vertebralFractureMinT: fc.constantFrom(null, -1),
    }).map((s) => Settings.parse(s));
    fc.assert(fc.property(arbCase, settings, fc.constantFrom('nl' as const, 'en' as const), (c, s, lang) => {
      const e = evaluate(c, s, lang);
      for (const k of e.conclusions) {
        expect(Object.keys(k).sort()).toEqual(CONCLUSION_KEYS);
        expect(typeof k.explanation.patient).toBe('string');
        expect(k.explanation.patient.length).toBeGreaterThan(0);
        expect(k.explanation.clinician.length).toBeGreaterThan(0);
        // A null value is always an attention; in §2–6 it names what is missing.
        if (k.value === null) {
          expect(k.severity).toBe('attention');
          const stage = RULES.find((x) => x.id === k.ruleId)?.stage ?? '';
          if (['case-finding', 'diagnosis', 'treatment', 'laboratory'].includes(stage)) expect(k.missing.length).toBeGreaterThan(0);
        }
      }
    }), { numRuns: 400 });
  });

  it('is deterministic: same input, same JSON', () => {
    fc.assert(fc.property(arbCase, (c) => {
      const a = JSON.stringify(evaluate(c, DEFAULT_SETTINGS));
      const b = JSON.stringify(evaluate(structuredClone(c), DEFAULT_SETTINGS));
      expect(a).toBe(b);
    }), { numRuns: 200 });
  });

  it('does not modify its input', () => {
    fc.assert(fc.property(arbCase, (c) => {
      const before = JSON.stringify(c);
      evaluate(c, DEFAULT_SETTINGS);
      expect(JSON.stringify(c)).toBe(before);
    }), { numRuns: 100 });
  });

  it('names the settings with the keys of §1, verbatim', () => {
    expect(Object.keys(DEFAULT_SETTINGS).sort()).toEqual([
      'fractureSitePolicy', 'vertebralFractureMinT', 'glucocorticoidTScoreThreshold', 'overdueGraceDays',
      'calciumOtherFoodMg', 'calciumPerServingMg', 'aidsCheckIntervalMonths', 'aidsCheckGrowthCm', 'resultsReleaseDays',
      'expectedFracturesPerYear', 'shiftIdleMinutes',
    ].sort());
  });

  it('reports asOf, rules version and the settings used, with exactly these keys', () => {
    const r = checkCase(full);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const s = Settings.parse({ fractureSitePolicy: 'hands-feet-excluded' });
    const e = evaluate(r.value, s, 'en');
    expect(Object.keys(e).sort()).toEqual(['asOf', 'conclusions', 'rulesVersion', 'settingsUsed']);
    expect(e.asOf).toBe('2026-11-23');
    expect(e.rulesVersion).toBe(RULES_VERSION);
    expect(e.settingsUsed.fractureSitePolicy).toBe('hands-feet-excluded');
    // Every conclusion's ruleId is a registered rule that declares the code.
    for (const k of e.conclusions) {
      const rule = RULES.find((x) => x.id === k.ruleId);
      expect(rule?.codes).toContain(k.code);
    }
    const codes = e.conclusions.map((k) => k.code);
    expect(codes).toEqual(expect.arrayContaining(['case-finding.dxa-indicated', 'bmd.category', 'vfa.vertebral-fractures', 'lab.vitamin-d', 'treatment.medication-indicated', 'treatment.first-choice']));
  });

  it('rules see labs in canonical units', () => {
    const r = checkCase(full);
    if (!r.ok) throw new Error('full case invalid');
    const vd = evaluate(r.value, DEFAULT_SETTINGS).conclusions.find((k) => k.code === 'lab.vitamin-d');
    expect(vd?.value).toEqual({ status: 'insufficient', nmolPerL: 44.928 });
  });

  it('chooses the language of every explanation', () => {
    const r = checkCase(full);
    if (!r.ok) throw new Error('full case invalid');
    const nl = evaluate(r.value, DEFAULT_SETTINGS, 'nl').conclusions.find((k) => k.code === 'bmd.category')!;
    const en = evaluate(r.value, DEFAULT_SETTINGS, 'en').conclusions.find((k) => k.code === 'bmd.category')!;
    expect(nl.explanation.patient).toContain('Uw laagste T-score is −2,7');
    expect(en.explanation.patient).toContain('Your lowest T-score is −2.7');
  });
});

describe('checkCase and checkSettings (§1)', () => {
  it('refuses dates outside 1900–2999 instead of failing later in date arithmetic', () => {
    const base = JSON.parse(readFileSync(new URL('../../bench/full-case.json', import.meta.url), 'utf8')) as Record<string, unknown>;
    for (const asOf of ['0000-01-01', '0001-03-01', '1899-12-31', '3000-01-01', '9999-12-31']) {
      const r = checkCase({ ...base, asOf });
      expect(r.ok, asOf).toBe(false);
      if (!r.ok) expect(r.issues.map((i) => i.path.join('/'))).toEqual(['asOf']);
    }
    for (const asOf of ['1900-01-01', '2999-12-31']) {
      const r = checkCase({ ...base, asOf, person: { birthDate: asOf, sex: 'female' } });
      expect(r.ok, asOf).toBe(true);
      if (r.ok) expect(() => evaluate(r.value, DEFAULT_SETTINGS, 'en')).not.toThrow();
    }
  });

  it('lists every bad field: impossible dates, unknown keys, unknown codes and units', () => {
    const r = checkCase({
      asOf: '2026-02-29',
      person: { birthDate: '1950-01-01', sex: 'x', nickname: 'Bep' },
      fractures: [{ date: '2026-01-01', site: 'tail' }],
      labs: [{ test: 'calcium', value: 2.3, unit: 'mmol/dL', date: '2026-01-01' }],
      dxa: [{ date: '2026-13-01', site: 'total-hip', tScore: -2 }],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const paths = r.issues.map((i) => '/' + i.path.join('/'));
    expect(paths).toEqual(expect.arrayContaining(['/asOf', '/person/sex', '/person', '/fractures/0/site', '/labs/0/unit', '/dxa/0/date']));
  });

  it('rejects unknown settings and fills the defaults', () => {
    expect(checkSettings({ fractureSitePolicy: 'none' }).ok).toBe(false);
    expect(checkSettings({ colour: 'red' }).ok).toBe(false);
    const r = checkSettings({});
    expect(r.ok && r.value).toEqual(DEFAULT_SETTINGS);
  });
});
