// The assessment's groups cover every code the core can conclude, and only those.
import { describe, expect, it } from 'vitest';
import { RULES } from '../../core/registry.js';
import { GROUP_OF_CODE, GROUPS, grouped, groupOf, missingPaths } from './assessment.groups.js';

describe('assessment groups', () => {
  const codes = RULES.flatMap((r) => r.codes);

  it('places every code of every rule in a group', () => {
    const unplaced = codes.filter((c) => GROUP_OF_CODE[c] === undefined);
    expect(unplaced).toEqual([]);
  });

  it('names no code that no rule concludes', () => {
    expect(Object.keys(GROUP_OF_CODE).filter((c) => !codes.includes(c))).toEqual([]);
  });

  it('reads a conclusion the core could not decide under what is missing', () => {
    expect(groupOf({ code: 'bmd.category', value: null })).toBe('missing');
    expect(groupOf({ code: 'bmd.category', value: { category: 'osteopenia' } })).toBe('diagnosis');
    const g = grouped([
      { code: 'fall-risk.level', value: { level: 'low' } },
      { code: 'case-finding.dxa-indicated', value: { indicated: true, reasons: [] } },
      { code: 'lab.vitamin-d', value: null },
    ]);
    expect(Object.keys(g)).toEqual([...GROUPS]);
    expect(g.falls.map((c) => c.code)).toEqual(['fall-risk.level']);
    expect(g.risk.map((c) => c.code)).toEqual(['case-finding.dxa-indicated']);
    expect(g.missing.map((c) => c.code)).toEqual(['lab.vitamin-d']);
  });

  it('lists each missing path once, with every rule that asks for it', () => {
    expect(
      missingPaths([
        { ruleId: 'a', missing: ['dxa', 'person.weightKg'] },
        { ruleId: 'b', missing: ['dxa'] },
        { ruleId: 'b', missing: ['dxa'] },
      ]),
    ).toEqual([
      { path: 'dxa', rules: ['a', 'b'] },
      { path: 'person.weightKg', rules: ['a'] },
    ]);
  });
});
