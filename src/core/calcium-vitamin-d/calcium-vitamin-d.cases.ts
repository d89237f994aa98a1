// Tables of calcium and vitamin D cases (clinical-rules.md §9).
import { bornYearsBefore } from '../testing/case-builder.js';
import type { RuleRow } from '../testing/rule-table.js';
import { calciumIntakeRule, vitaminDRule } from './rules.js';

/** [spec, age, sex, expected target] rows for the GR-CALCIUM table, both sides of every band. */
export const targetRows: [string, number, 'female' | 'male', number | undefined][] = [
  ['§9 under 1 year is not in the table', 0, 'female', undefined],
  ['§9 1 year: 500', 1, 'male', 500],
  ['§9 3 years: 500', 3, 'male', 500],
  ['§9 4 years: 700', 4, 'male', 700],
  ['§9 8 years: 700', 8, 'female', 700],
  ['§9 9 years, boy: 1200', 9, 'male', 1200],
  ['§9 9 years, girl: 1100', 9, 'female', 1100],
  ['§9 17 years, boy: 1200', 17, 'male', 1200],
  ['§9 18 years: 1000', 18, 'female', 1000],
  ['§9 24 years: 1000', 24, 'male', 1000],
  ['§9 25 years: 950', 25, 'female', 950],
  ['§9 50 years, woman: 950', 50, 'female', 950],
  ['§9 51 years, woman: 1100', 51, 'female', 1100],
  ['§9 51 years, man: 950', 51, 'male', 950],
  ['§9 69 years, woman: 1100', 69, 'female', 1100],
  ['§9 70 years: 1200', 70, 'male', 1200],
];

const person = (age: number, sex: 'female' | 'male' = 'female') =>
  ({ birthDate: bornYearsBefore(age), sex, menopause: sex === 'female' && age >= 50 ? { status: 'post' as const } : undefined });

export const calciumRows: RuleRow[] = [
  { spec: '§9 calculator: 400 other food + 2 glasses milk (360) + 1 slice cheese (160) = 920', rule: calciumIntakeRule, code: 'calcium.intake',
    given: { person: person(60), calcium: { servings: { 'milk-glass': 2, 'cheese-slice': 1 } } },
    expect: { value: { mgPerDay: 920, target: 1100, shortfall: 180 }, severity: 'info' } },
  { spec: '§9 shortfall of exactly 250 mg: no supplement', rule: calciumIntakeRule, code: 'calcium.supplement-advised',
    given: { person: person(60), calcium: { servings: {} } }, settings: { calciumOtherFoodMg: 850 }, expect: 'none' },
  { spec: '§9 shortfall of 251 mg: supplement advised', rule: calciumIntakeRule, code: 'calcium.supplement-advised',
    given: { person: person(60), calcium: { servings: {} } }, settings: { calciumOtherFoodMg: 849 },
    expect: { value: { mgPerDay: 251 }, severity: 'attention' } },
  { spec: '§9 no shortfall when the intake exceeds the target', rule: calciumIntakeRule, code: 'calcium.intake',
    given: { person: person(30), calcium: { servings: { 'milk-glass': 2, 'yoghurt-bowl': 1, 'cheese-spread-portion': 1 } } },
    expect: { value: { mgPerDay: 1000, target: 950, shortfall: 0 } } },
  { spec: '§9 osteoporosis raises a 950 mg target to 1000', rule: calciumIntakeRule, code: 'calcium.intake',
    given: { person: person(60, 'male'), dxa: [{ date: '2026-10-01', site: 'total-hip', tScore: -2.6 }], calcium: { servings: { 'milk-glass': 3 } } },
    expect: { value: { mgPerDay: 940, target: 1000, shortfall: 60 } } },
  { spec: '§9 osteopenia keeps the 950 mg target', rule: calciumIntakeRule, code: 'calcium.intake',
    given: { person: person(60, 'male'), dxa: [{ date: '2026-10-01', site: 'total-hip', tScore: -2.4 }], calcium: { servings: { 'milk-glass': 3 } } },
    expect: { value: { target: 950, shortfall: 10 } } },
  { spec: '§9 the calculator values are configurable', rule: calciumIntakeRule, code: 'calcium.intake',
    given: { person: person(30), calcium: { servings: { 'calcium-enriched-soy-glass': 2 } } },
    settings: { calciumPerServingMg: { 'milk-glass': 180, 'yoghurt-bowl': 180, 'cheese-slice': 160, 'calcium-enriched-soy-glass': 120, 'cheese-spread-portion': 60 } },
    expect: { value: { mgPerDay: 640 } } },
  { spec: '§1 calculator not filled in: value null, attention', rule: calciumIntakeRule, code: 'calcium.intake',
    given: { person: person(60) }, expect: { value: null, severity: 'attention', missing: ['calcium.servings'] } },
];

export const vitaminDRows: RuleRow[] = [
  { spec: '§9 a 3-year-old: 10 µg', rule: vitaminDRule, code: 'vitamin-d.advice', given: { person: person(3, 'male') },
    expect: { value: { microgramsPerDay: 10, reasons: ['child-under-4'] } } },
  { spec: '§9 a 4-year-old without other reasons: none', rule: vitaminDRule, code: 'vitamin-d.advice', given: { person: person(4, 'male') },
    expect: { value: { microgramsPerDay: 0, reasons: [] }, severity: 'info' } },
  { spec: '§9 a child on one anti-epileptic: 10 µg', rule: vitaminDRule, code: 'vitamin-d.advice',
    given: { person: person(10, 'male'), riskFactors: { antiEpileptics: 1 } }, expect: { value: { microgramsPerDay: 10, reasons: ['child-anti-epileptic'] }, severity: 'info' } },
  { spec: '§9 more than one anti-epileptic: attention for the physician', rule: vitaminDRule, code: 'vitamin-d.advice',
    given: { person: person(10, 'male'), riskFactors: { antiEpileptics: 2 } }, expect: { value: { microgramsPerDay: 10 }, severity: 'attention' } },
  { spec: '§9/§12 a child mostly indoors: 10 µg', rule: vitaminDRule, code: 'vitamin-d.advice',
    given: { person: person(8, 'female'), child: { mobility: 'wheelchair', indoorsMostly: true } }, expect: { value: { microgramsPerDay: 10, reasons: ['little-daylight'] } } },
  { spec: '§9 an adult with little daylight: 10 µg', rule: vitaminDRule, code: 'vitamin-d.advice',
    given: { person: person(40, 'male'), riskFactors: { insufficientDaylight: true } }, expect: { value: { microgramsPerDay: 10, reasons: ['little-daylight'] } } },
  { spec: '§9 a woman of 49: none', rule: vitaminDRule, code: 'vitamin-d.advice', given: { person: { ...person(49), menopause: { status: 'peri' } } },
    expect: { value: { microgramsPerDay: 0 } } },
  { spec: '§9 a woman of 50: 10 µg', rule: vitaminDRule, code: 'vitamin-d.advice', given: { person: person(50) },
    expect: { value: { microgramsPerDay: 10, reasons: ['woman-50-plus'] } } },
  { spec: '§9 a man of 69: none', rule: vitaminDRule, code: 'vitamin-d.advice', given: { person: person(69, 'male') },
    expect: { value: { microgramsPerDay: 0, reasons: [] } } },
  { spec: '§9 a man of 70: 20 µg', rule: vitaminDRule, code: 'vitamin-d.advice', given: { person: person(70, 'male') },
    expect: { value: { microgramsPerDay: 20, reasons: ['age-70-plus'] } } },
  { spec: '§9 a woman of 70: the highest (20 µg) applies, both reasons listed', rule: vitaminDRule, code: 'vitamin-d.advice', given: { person: person(70) },
    expect: { value: { microgramsPerDay: 20, reasons: ['age-70-plus', 'woman-50-plus'] } } },
  { spec: '§9 on osteoporosis medication: 20 µg', rule: vitaminDRule, code: 'vitamin-d.advice',
    given: { person: person(55, 'male'), medications: [{ drug: 'alendronic-acid', start: '2026-01-01' }] }, expect: { value: { microgramsPerDay: 20, reasons: ['on-osteoporosis-medication'] } } },
  { spec: '§9 with a medication indication (T −2.6): 20 µg', rule: vitaminDRule, code: 'vitamin-d.advice',
    given: { person: person(60, 'male'), dxa: [{ date: '2026-10-01', site: 'lumbar-spine', tScore: -2.6 }] }, expect: { value: { microgramsPerDay: 20, reasons: ['medication-indication'] } } },
];
