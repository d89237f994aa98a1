// Table of lifestyle cases (clinical-rules.md §11).
import { bornYearsBefore } from '../testing/case-builder.js';
import type { RuleRow } from '../testing/rule-table.js';
import { lifestyleRule } from './index.js';

const BASE = ['move-30-minutes', 'bone-loading', 'alcohol-max-3', 'daylight', 'fall-prevention-home', 'calcium-vitamin-d'];

export const lifestyleRows: RuleRow[] = [
  { spec: '§11 always given, with the standard advice', rule: lifestyleRule, code: 'lifestyle.advice', given: {},
    expect: { value: { reasons: BASE }, severity: 'info', missing: ['riskFactors.alcoholUnitsPerDay', 'riskFactors.currentSmoker'] } },
  { spec: '§11 smoking adds stop-smoking', rule: lifestyleRule, code: 'lifestyle.advice', given: { riskFactors: { currentSmoker: true } },
    expect: { value: { reasons: ['move-30-minutes', 'bone-loading', 'stop-smoking', 'alcohol-max-3', 'daylight', 'fall-prevention-home', 'calcium-vitamin-d'] } } },
  { spec: '§11 3 units of alcohol a day: no attention', rule: lifestyleRule, code: 'lifestyle.advice', given: { riskFactors: { alcoholUnitsPerDay: 3 } },
    expect: { value: { reasons: BASE }, severity: 'info' } },
  { spec: '§11 more than 3 units: attention, cut down', rule: lifestyleRule, code: 'lifestyle.advice', given: { riskFactors: { alcoholUnitsPerDay: 3.5 } },
    expect: { value: { reasons: ['move-30-minutes', 'bone-loading', 'alcohol-max-3', 'reduce-alcohol', 'daylight', 'fall-prevention-home', 'calcium-vitamin-d'] }, severity: 'attention' } },
  { spec: '§11 a fracture 3 months ago: start gently', rule: lifestyleRule, code: 'lifestyle.advice', given: { fractures: [{ date: '2026-08-23', site: 'wrist' }] },
    expect: { value: { reasons: [...BASE, 'start-gently-after-fracture'] } } },
  { spec: '§11 a fracture over 3 months ago: no extra advice', rule: lifestyleRule, code: 'lifestyle.advice', given: { fractures: [{ date: '2026-08-22', site: 'wrist' }] },
    expect: { value: { reasons: BASE } } },
  { spec: '§11/§12 children get no smoking or alcohol advice', rule: lifestyleRule, code: 'lifestyle.advice',
    given: { person: { birthDate: bornYearsBefore(9), menopause: undefined }, riskFactors: { alcoholUnitsPerDay: 0 } },
    expect: { value: { reasons: ['move-30-minutes', 'bone-loading', 'daylight', 'fall-prevention-home', 'calcium-vitamin-d'] } } },
];
