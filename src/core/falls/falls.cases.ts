// Table of falls cases (clinical-rules.md §10): the WFG-2022 branches and every cut-off.
import type { Row } from '../testing/rows.js';
import { makeCase } from '../testing/builder.js';

const lvl = (level: string | null) => (level === null ? { value: null } : { value: { level } });

export const fallRows: Row[] = [
  { spec: '§10 nothing recorded: screen negative, low', code: 'fall-risk.level', input: makeCase({}),
    ...lvl('low'), severity: 'info', missing: ['falls.fallsLast12Months'] },
  { spec: '§10 one fall, TUG 15 s (15 is not > 15): low', code: 'fall-risk.level',
    input: makeCase({ falls: { fallsLast12Months: 1, tugSeconds: 15 } }), ...lvl('low') },
  { spec: '§10 one fall, TUG 15.1 s: intermediate', code: 'fall-risk.level',
    input: makeCase({ falls: { fallsLast12Months: 1, tugSeconds: 15.1 } }), ...lvl('intermediate'), severity: 'attention' },
  { spec: '§10 unsteady, gait speed 0.8 m/s (not < 0.8): low', code: 'fall-risk.level',
    input: makeCase({ falls: { unsteady: true, gaitSpeedMps: 0.8 } }), ...lvl('low') },
  { spec: '§10 unsteady, gait speed 0.79 m/s: intermediate', code: 'fall-risk.level',
    input: makeCase({ falls: { unsteady: true, gaitSpeedMps: 0.79 } }), ...lvl('intermediate') },
  { spec: '§10 worried, normal TUG but slow gait: intermediate', code: 'fall-risk.level',
    input: makeCase({ falls: { worriedAboutFalling: true, tugSeconds: 10, gaitSpeedMps: 0.6 } }), ...lvl('intermediate') },
  { spec: '§10 screen positive, TUG and gait speed missing: null, attention', code: 'fall-risk.level',
    input: makeCase({ falls: { fallsLast12Months: 1 } }), like: null, severity: 'attention', missing: ['falls.gaitSpeedMps', 'falls.tugSeconds'] },
  { spec: '§10 an absent measure is ignored when the other decides (slow TUG)', code: 'fall-risk.level',
    input: makeCase({ falls: { fallsLast12Months: 1, tugSeconds: 20 } }), ...lvl('intermediate') },
  { spec: '§10 fall with injury: high', code: 'fall-risk.level',
    input: makeCase({ falls: { fallsLast12Months: 1, injuredByFall: true } }), ...lvl('high'), severity: 'action' },
  { spec: '§10 two falls: high', code: 'fall-risk.level', input: makeCase({ falls: { fallsLast12Months: 2, tugSeconds: 8 } }), ...lvl('high') },
  { spec: '§10 frailty: high', code: 'fall-risk.level', input: makeCase({ falls: { fallsLast12Months: 1, frail: true } }), ...lvl('high') },
  { spec: '§10 unable to get up: high', code: 'fall-risk.level', input: makeCase({ falls: { fallsLast12Months: 1, unableToGetUp: true } }), ...lvl('high') },
  { spec: '§10 loss of consciousness: high', code: 'fall-risk.level', input: makeCase({ falls: { fallsLast12Months: 1, lostConsciousness: true } }), ...lvl('high') },
  { spec: '§10 (clarified) screen negative with frailty, injury, unable to get up and lost consciousness recorded: still low', code: 'fall-risk.level',
    input: makeCase({ falls: { fallsLast12Months: 0, unsteady: false, worriedAboutFalling: false, frail: true, injuredByFall: true, unableToGetUp: true, lostConsciousness: true } }),
    value: { level: 'low' }, severity: 'info', criteria: { 'screen-positive': 'not-met' } },
  { spec: '§10 frailty after a positive screen: high', code: 'fall-risk.level',
    input: makeCase({ falls: { unsteady: true, frail: true } }), value: { level: 'high' }, criteria: { 'screen-positive': 'met', frailty: 'met' } },
  { spec: '§10 no fall, steady, not worried, slow TUG: screen negative, low', code: 'fall-risk.level',
    input: makeCase({ falls: { fallsLast12Months: 0, unsteady: false, worriedAboutFalling: false, tugSeconds: 20 } }), ...lvl('low') },

  { spec: '§10 NHG-2024: two falls trigger the inventory', code: 'fall-risk.inventory-needed',
    input: makeCase({ falls: { fallsLast12Months: 2 } }), like: { reasons: ['two-or-more-falls'] }, severity: 'attention' },
  { spec: '§10 NHG-2024: one fall does not', code: 'fall-risk.inventory-needed', input: makeCase({ falls: { fallsLast12Months: 1 } }), value: 'absent' },

  { spec: '§10 Short FES-I 7: low', code: 'fear-of-falling.level', input: makeCase({ fesI: [1, 1, 1, 1, 1, 1, 1] }), like: { level: 'low', score: 7 } },
  { spec: '§10 Short FES-I 8: low', code: 'fear-of-falling.level', input: makeCase({ fesI: [1, 1, 1, 1, 1, 1, 2] }), like: { level: 'low', score: 8 } },
  { spec: '§10 Short FES-I 9: moderate', code: 'fear-of-falling.level', input: makeCase({ fesI: [1, 1, 1, 1, 1, 2, 2] }), like: { level: 'moderate', score: 9 } },
  { spec: '§10 Short FES-I 13: moderate', code: 'fear-of-falling.level', input: makeCase({ fesI: [1, 2, 2, 2, 2, 2, 2] }), like: { level: 'moderate', score: 13 } },
  { spec: '§10 Short FES-I 14: high', code: 'fear-of-falling.level', input: makeCase({ fesI: [2, 2, 2, 2, 2, 2, 2] }), like: { level: 'high', score: 14 }, severity: 'attention' },
  { spec: '§10 Short FES-I 28: high', code: 'fear-of-falling.level', input: makeCase({ fesI: [4, 4, 4, 4, 4, 4, 4] }), like: { level: 'high', score: 28 } },
  { spec: '§1 worried but no Short FES-I: null, attention', code: 'fear-of-falling.level',
    input: makeCase({ falls: { worriedAboutFalling: true } }), like: null, severity: 'attention', missing: ['fesI'] },
  { spec: '§10 no questionnaire and no worry: nothing to say', code: 'fear-of-falling.level', input: makeCase({}), value: 'absent' },
];
