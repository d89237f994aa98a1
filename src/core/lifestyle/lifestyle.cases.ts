// Table of lifestyle cases (clinical-rules.md §11).
import { bornAged } from '../testing/builder.js';
import type { Row } from '../testing/rows.js';
import { makeCase } from '../testing/builder.js';

const BASE = ['move-30-minutes', 'bone-loading', 'alcohol-max-3', 'daylight', 'fall-prevention-home', 'calcium-vitamin-d'];

export const lifestyleRows: Row[] = [
  { spec: '§11 always given, with the standard advice', code: 'lifestyle.advice', input: makeCase({}),
    like: { reasons: BASE }, severity: 'info', missing: ['riskFactors.alcoholUnitsPerDay', 'riskFactors.currentSmoker'] },
  { spec: '§11 smoking adds stop-smoking', code: 'lifestyle.advice', input: makeCase({ riskFactors: { currentSmoker: true } }),
    like: { reasons: ['move-30-minutes', 'bone-loading', 'stop-smoking', 'alcohol-max-3', 'daylight', 'fall-prevention-home', 'calcium-vitamin-d'] } },
  { spec: '§11 3 units of alcohol a day: no attention', code: 'lifestyle.advice', input: makeCase({ riskFactors: { alcoholUnitsPerDay: 3 } }),
    like: { reasons: BASE }, severity: 'info' },
  { spec: '§11 more than 3 units: attention, cut down', code: 'lifestyle.advice', input: makeCase({ riskFactors: { alcoholUnitsPerDay: 3.5 } }),
    like: { reasons: ['move-30-minutes', 'bone-loading', 'alcohol-max-3', 'reduce-alcohol', 'daylight', 'fall-prevention-home', 'calcium-vitamin-d'] }, severity: 'attention' },
  { spec: '§11 a fracture 3 months ago: start gently', code: 'lifestyle.advice', input: makeCase({ fractures: [{ date: '2026-08-23', site: 'wrist' }] }),
    like: { reasons: [...BASE, 'start-gently-after-fracture'] } },
  { spec: '§11 a fracture over 3 months ago: no extra advice', code: 'lifestyle.advice', input: makeCase({ fractures: [{ date: '2026-08-22', site: 'wrist' }] }),
    like: { reasons: BASE } },
  { spec: '§11/§12 children get no smoking or alcohol advice', code: 'lifestyle.advice',
    input: makeCase({ person: { birthDate: bornAged(9), menopause: undefined }, riskFactors: { alcoholUnitsPerDay: 0 } }),
    like: { reasons: ['move-30-minutes', 'bone-loading', 'daylight', 'fall-prevention-home', 'calcium-vitamin-d'] } },
];
