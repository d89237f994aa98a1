// Tables of calcium and vitamin D cases (clinical-rules.md §9).
import { bornAged } from '../testing/builder.js';
import type { Row } from '../testing/rows.js';
import { makeCase } from '../testing/builder.js';

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
  ({ birthDate: bornAged(age), sex, menopause: sex === 'female' && age >= 50 ? { status: 'post' as const } : undefined });

export const calciumRows: Row[] = [
  { spec: '§9 calculator: 400 other food + 2 glasses milk (360) + 1 slice cheese (160) = 920', code: 'calcium.intake',
    input: makeCase({ person: person(60), calcium: { servings: { 'milk-glass': 2, 'cheese-slice': 1 } } }),
    like: { mgPerDay: 920, target: 1100, shortfall: 180 }, severity: 'info' },
  { spec: '§9 shortfall of exactly 250 mg: no supplement', code: 'calcium.supplement-advised',
    input: makeCase({ person: person(60), calcium: { servings: {} } }), settings: { calciumOtherFoodMg: 850 }, value: 'absent' },
  { spec: '§9 shortfall of 251 mg: supplement advised', code: 'calcium.supplement-advised',
    input: makeCase({ person: person(60), calcium: { servings: {} } }), settings: { calciumOtherFoodMg: 849 },
    like: { mgPerDay: 251 }, severity: 'attention' },
  { spec: '§9 no shortfall when the intake exceeds the target', code: 'calcium.intake',
    input: makeCase({ person: person(30), calcium: { servings: { 'milk-glass': 2, 'yoghurt-bowl': 1, 'cheese-spread-portion': 1 } } }),
    like: { mgPerDay: 1000, target: 950, shortfall: 0 } },
  { spec: '§9 osteoporosis raises a 950 mg target to 1000', code: 'calcium.intake',
    input: makeCase({ person: person(60, 'male'), dxa: [{ date: '2026-10-01', site: 'total-hip', tScore: -2.6 }], calcium: { servings: { 'milk-glass': 3 } } }),
    like: { mgPerDay: 940, target: 1000, shortfall: 60 } },
  { spec: '§9 osteopenia keeps the 950 mg target', code: 'calcium.intake',
    input: makeCase({ person: person(60, 'male'), dxa: [{ date: '2026-10-01', site: 'total-hip', tScore: -2.4 }], calcium: { servings: { 'milk-glass': 3 } } }),
    like: { target: 950, shortfall: 10 } },
  { spec: '§9 the calculator values are configurable', code: 'calcium.intake',
    input: makeCase({ person: person(30), calcium: { servings: { 'calcium-enriched-soy-glass': 2 } } }),
    settings: { calciumPerServingMg: { 'milk-glass': 180, 'yoghurt-bowl': 180, 'cheese-slice': 160, 'calcium-enriched-soy-glass': 120, 'cheese-spread-portion': 60 } },
    like: { mgPerDay: 640 } },
  { spec: '§1 calculator not filled in: value null, attention', code: 'calcium.intake',
    input: makeCase({ person: person(60) }), like: null, severity: 'attention', missing: ['calcium.servings'] },
];

export const vitaminDRows: Row[] = [
  { spec: '§9 a 3-year-old: 10 µg', code: 'vitamin-d.advice', input: makeCase({ person: person(3, 'male') }),
    like: { microgramsPerDay: 10, reasons: ['child-under-4'] } },
  { spec: '§9 a 4-year-old without other reasons: none', code: 'vitamin-d.advice', input: makeCase({ person: person(4, 'male') }),
    like: { microgramsPerDay: 0, reasons: [] }, severity: 'info' },
  { spec: '§9 a child on one anti-epileptic: 10 µg', code: 'vitamin-d.advice',
    input: makeCase({ person: person(10, 'male'), riskFactors: { antiEpileptics: 1 } }), like: { microgramsPerDay: 10, reasons: ['child-anti-epileptic'] }, severity: 'info' },
  { spec: '§9 more than one anti-epileptic: attention for the physician', code: 'vitamin-d.advice',
    input: makeCase({ person: person(10, 'male'), riskFactors: { antiEpileptics: 2 } }), like: { microgramsPerDay: 10 }, severity: 'attention' },
  { spec: '§9/§12 a child mostly indoors: 10 µg', code: 'vitamin-d.advice',
    input: makeCase({ person: person(8, 'female'), child: { mobility: 'wheelchair', indoorsMostly: true } }), like: { microgramsPerDay: 10, reasons: ['little-daylight'] } },
  { spec: '§9 an adult with little daylight: 10 µg', code: 'vitamin-d.advice',
    input: makeCase({ person: person(40, 'male'), riskFactors: { insufficientDaylight: true } }), like: { microgramsPerDay: 10, reasons: ['little-daylight'] } },
  { spec: '§9 a woman of 49: none', code: 'vitamin-d.advice', input: makeCase({ person: { ...person(49), menopause: { status: 'peri' } } }),
    like: { microgramsPerDay: 0 } },
  { spec: '§9 a woman of 50: 10 µg', code: 'vitamin-d.advice', input: makeCase({ person: person(50) }),
    like: { microgramsPerDay: 10, reasons: ['woman-50-plus'] } },
  { spec: '§9 a man of 69: none', code: 'vitamin-d.advice', input: makeCase({ person: person(69, 'male') }),
    like: { microgramsPerDay: 0, reasons: [] } },
  { spec: '§9 a man of 70: 20 µg', code: 'vitamin-d.advice', input: makeCase({ person: person(70, 'male') }),
    like: { microgramsPerDay: 20, reasons: ['age-70-plus'] } },
  { spec: '§9 a woman of 70: the highest (20 µg) applies, both reasons listed', code: 'vitamin-d.advice', input: makeCase({ person: person(70) }),
    like: { microgramsPerDay: 20, reasons: ['age-70-plus', 'woman-50-plus'] } },
  { spec: '§9 on osteoporosis medication: 20 µg', code: 'vitamin-d.advice',
    input: makeCase({ person: person(55, 'male'), medications: [{ drug: 'alendronic-acid', start: '2026-01-01' }] }), like: { microgramsPerDay: 20, reasons: ['on-osteoporosis-medication'] } },
  { spec: '§9 with a medication indication (T −2.6): 20 µg', code: 'vitamin-d.advice',
    input: makeCase({ person: person(60, 'male'), dxa: [{ date: '2026-10-01', site: 'lumbar-spine', tScore: -2.6 }] }), like: { microgramsPerDay: 20, reasons: ['medication-indication'] } },
];
