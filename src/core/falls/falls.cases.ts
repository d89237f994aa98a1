// Table of falls cases (clinical-rules.md §10): the WFG-2022 branches and every cut-off.
import type { RuleRow } from '../testing/rule-table.js';
import { fallRiskRule, fearRule, inventoryRule } from './rules.js';

const lvl = (level: string | null) => (level === null ? { value: null } : { value: { level } });

export const fallRows: RuleRow[] = [
  { spec: '§10 nothing recorded: screen negative, low', rule: fallRiskRule, code: 'fall-risk.level', given: {},
    expect: { ...lvl('low'), severity: 'info', missing: ['falls.fallsLast12Months'] } },
  { spec: '§10 one fall, TUG 15 s (15 is not > 15): low', rule: fallRiskRule, code: 'fall-risk.level',
    given: { falls: { fallsLast12Months: 1, tugSeconds: 15 } }, expect: lvl('low') },
  { spec: '§10 one fall, TUG 15.1 s: intermediate', rule: fallRiskRule, code: 'fall-risk.level',
    given: { falls: { fallsLast12Months: 1, tugSeconds: 15.1 } }, expect: { ...lvl('intermediate'), severity: 'attention' } },
  { spec: '§10 unsteady, gait speed 0.8 m/s (not < 0.8): low', rule: fallRiskRule, code: 'fall-risk.level',
    given: { falls: { unsteady: true, gaitSpeedMps: 0.8 } }, expect: lvl('low') },
  { spec: '§10 unsteady, gait speed 0.79 m/s: intermediate', rule: fallRiskRule, code: 'fall-risk.level',
    given: { falls: { unsteady: true, gaitSpeedMps: 0.79 } }, expect: lvl('intermediate') },
  { spec: '§10 worried, normal TUG but slow gait: intermediate', rule: fallRiskRule, code: 'fall-risk.level',
    given: { falls: { worriedAboutFalling: true, tugSeconds: 10, gaitSpeedMps: 0.6 } }, expect: lvl('intermediate') },
  { spec: '§10 screen positive, TUG and gait speed missing: null, attention', rule: fallRiskRule, code: 'fall-risk.level',
    given: { falls: { fallsLast12Months: 1 } }, expect: { value: null, severity: 'attention', missing: ['falls.gaitSpeedMps', 'falls.tugSeconds'] } },
  { spec: '§10 an absent measure is ignored when the other decides (slow TUG)', rule: fallRiskRule, code: 'fall-risk.level',
    given: { falls: { fallsLast12Months: 1, tugSeconds: 20 } }, expect: lvl('intermediate') },
  { spec: '§10 fall with injury: high', rule: fallRiskRule, code: 'fall-risk.level',
    given: { falls: { fallsLast12Months: 1, injuredByFall: true } }, expect: { ...lvl('high'), severity: 'action' } },
  { spec: '§10 two falls: high', rule: fallRiskRule, code: 'fall-risk.level', given: { falls: { fallsLast12Months: 2, tugSeconds: 8 } }, expect: lvl('high') },
  { spec: '§10 frailty: high', rule: fallRiskRule, code: 'fall-risk.level', given: { falls: { fallsLast12Months: 1, frail: true } }, expect: lvl('high') },
  { spec: '§10 unable to get up: high', rule: fallRiskRule, code: 'fall-risk.level', given: { falls: { fallsLast12Months: 1, unableToGetUp: true } }, expect: lvl('high') },
  { spec: '§10 loss of consciousness: high', rule: fallRiskRule, code: 'fall-risk.level', given: { falls: { fallsLast12Months: 1, lostConsciousness: true } }, expect: lvl('high') },
  { spec: '§10 no fall, steady, not worried, slow TUG: screen negative, low', rule: fallRiskRule, code: 'fall-risk.level',
    given: { falls: { fallsLast12Months: 0, unsteady: false, worriedAboutFalling: false, tugSeconds: 20 } }, expect: lvl('low') },

  { spec: '§10 NHG-2024: two falls trigger the inventory', rule: inventoryRule, code: 'fall-risk.inventory-needed',
    given: { falls: { fallsLast12Months: 2 } }, expect: { value: { reasons: ['two-or-more-falls'] }, severity: 'attention' } },
  { spec: '§10 NHG-2024: one fall does not', rule: inventoryRule, code: 'fall-risk.inventory-needed', given: { falls: { fallsLast12Months: 1 } }, expect: 'none' },

  { spec: '§10 Short FES-I 7: low', rule: fearRule, code: 'fear-of-falling.level', given: { fesI: [1, 1, 1, 1, 1, 1, 1] }, expect: { value: { level: 'low', score: 7 } } },
  { spec: '§10 Short FES-I 8: low', rule: fearRule, code: 'fear-of-falling.level', given: { fesI: [1, 1, 1, 1, 1, 1, 2] }, expect: { value: { level: 'low', score: 8 } } },
  { spec: '§10 Short FES-I 9: moderate', rule: fearRule, code: 'fear-of-falling.level', given: { fesI: [1, 1, 1, 1, 1, 2, 2] }, expect: { value: { level: 'moderate', score: 9 } } },
  { spec: '§10 Short FES-I 13: moderate', rule: fearRule, code: 'fear-of-falling.level', given: { fesI: [1, 2, 2, 2, 2, 2, 2] }, expect: { value: { level: 'moderate', score: 13 } } },
  { spec: '§10 Short FES-I 14: high', rule: fearRule, code: 'fear-of-falling.level', given: { fesI: [2, 2, 2, 2, 2, 2, 2] }, expect: { value: { level: 'high', score: 14 }, severity: 'attention' } },
  { spec: '§10 Short FES-I 28: high', rule: fearRule, code: 'fear-of-falling.level', given: { fesI: [4, 4, 4, 4, 4, 4, 4] }, expect: { value: { level: 'high', score: 28 } } },
  { spec: '§1 worried but no Short FES-I: null, attention', rule: fearRule, code: 'fear-of-falling.level',
    given: { falls: { worriedAboutFalling: true } }, expect: { value: null, severity: 'attention', missing: ['fesI'] } },
  { spec: '§10 no questionnaire and no worry: nothing to say', rule: fearRule, code: 'fear-of-falling.level', given: {}, expect: 'none' },
];
