// Table of bone-density and VFA rows (clinical-rules.md §3–4). asOf is 2026-11-23.
import type { Row } from '../testing/rows.js';
import { bornAged, dxa, fracture, makeCase } from '../testing/builder.js';

const BMD = 'bmd.category';
const VFA = 'vfa.vertebral-fractures';
const D = '2026-10-01';
const t = (score: number) => dxa(D, [{ site: 'lumbar-spine', t: score }, { site: 'total-hip', t: 1 }]);
const cat = (category: string, score: number, scoreType: 'T' | 'Z' = 'T', site = 'lumbar-spine') => ({ category, scoreType, score, site, date: D });

export const diagnosisRows: Row[] = [
  { spec: '§3', name: 'T −1.0 is normal', code: BMD, value: cat('normal', -1.0), severity: 'info', input: makeCase({ dxa: t(-1.0) }) },
  { spec: '§3', name: 'T −1.01 is osteopenia', code: BMD, value: cat('osteopenia', -1.01), severity: 'attention', input: makeCase({ dxa: t(-1.01) }) },
  { spec: '§3', name: 'T −2.49 is osteopenia', code: BMD, value: cat('osteopenia', -2.49), input: makeCase({ dxa: t(-2.49) }) },
  { spec: '§3', name: 'T −2.5 is osteoporosis', code: BMD, value: cat('osteoporosis', -2.5), severity: 'action', input: makeCase({ dxa: t(-2.5) }),
    mentions: [{ lang: 'nl', who: 'patient', text: 'Uw laagste T-score is −2,5' }, { lang: 'en', who: 'patient', text: 'Your lowest T-score is −2.5' }] },
  { spec: '§3', name: 'T −2.5 with a qualifying fracture is severe osteoporosis', code: BMD, value: cat('severe-osteoporosis', -2.5),
    input: makeCase({ dxa: t(-2.5), fractures: [fracture('2026-05-01', 'forearm')] }) },
  { spec: '§3', name: 'T −2.5 with an old vertebral fracture is severe osteoporosis', code: BMD, value: cat('severe-osteoporosis', -2.5),
    input: makeCase({ dxa: t(-2.5), fractures: [fracture('2012-05-01', 'thoracic-spine')] }) },
  { spec: '§3', name: 'T −2.5 with a finger fracture stays osteoporosis', code: BMD, value: cat('osteoporosis', -2.5),
    input: makeCase({ dxa: t(-2.5), fractures: [fracture('2026-05-01', 'finger')] }) },
  { spec: '§3', name: 'T −2.5 with a metacarpal fracture: severe under guideline', code: BMD, value: cat('severe-osteoporosis', -2.5),
    input: makeCase({ dxa: t(-2.5), fractures: [fracture('2026-05-01', 'metacarpal')] }) },
  { spec: '§3', name: 'T −2.5 with a metacarpal fracture: osteoporosis under hands-feet-excluded', code: BMD, value: cat('osteoporosis', -2.5),
    settings: { fractureSitePolicy: 'hands-feet-excluded' }, input: makeCase({ dxa: t(-2.5), fractures: [fracture('2026-05-01', 'metacarpal')] }) },
  { spec: '§3', name: 'the lowest site of the most recent date decides', code: BMD, value: cat('osteopenia', -1.8, 'T', 'femoral-neck'),
    input: makeCase({ dxa: [...dxa('2020-01-01', [{ site: 'lumbar-spine', t: -3.5 }]), ...dxa(D, [{ site: 'lumbar-spine', t: -1.2 }, { site: 'femoral-neck', t: -1.8 }, { site: 'total-hip', t: -1.1 }])] }) },
  { spec: '§3', name: 'a DXA dated after asOf is not yet known', code: BMD, value: cat('normal', -0.5),
    input: makeCase({ dxa: [...dxa(D, [{ site: 'lumbar-spine', t: -0.5 }]), ...dxa('2026-12-01', [{ site: 'lumbar-spine', t: -3 }])] }) },
  // T versus Z.
  { spec: '§3', name: 'premenopausal woman of 55 uses Z', code: BMD, value: cat('within-expected-range', -1.5, 'Z'),
    input: makeCase({ person: { birthDate: bornAged(55), menopause: { status: 'pre' } }, dxa: dxa(D, [{ site: 'lumbar-spine', t: -2.8, z: -1.5 }]) }) },
  { spec: '§3', name: 'woman of 49, menopause unknown, uses Z', code: BMD, value: cat('below-expected-range', -2.0, 'Z'),
    input: makeCase({ person: { birthDate: bornAged(49), menopause: undefined }, dxa: dxa(D, [{ site: 'lumbar-spine', t: -2.8, z: -2.0 }]) }) },
  { spec: '§3', name: 'woman of 50, menopause unknown, uses T', code: BMD, value: cat('osteoporosis', -2.8),
    missing: ['person.menopause.status'],
    input: makeCase({ person: { birthDate: bornAged(50), menopause: undefined }, dxa: dxa(D, [{ site: 'lumbar-spine', t: -2.8, z: -2.0 }]) }) },
  { spec: '§3', name: 'perimenopausal woman of 46 uses T', code: BMD, value: cat('osteopenia', -1.5),
    input: makeCase({ person: { birthDate: bornAged(46), menopause: { status: 'peri' } }, dxa: dxa(D, [{ site: 'lumbar-spine', t: -1.5, z: -1.0 }]) }) },
  { spec: '§3', name: 'postmenopausal woman of 45 uses T', code: BMD, value: cat('osteoporosis', -2.6),
    input: makeCase({ person: { birthDate: bornAged(45), menopause: { status: 'post', ageAtMenopause: 42 } }, dxa: dxa(D, [{ site: 'lumbar-spine', t: -2.6, z: -2.1 }]) }) },
  { spec: '§3', name: 'man of 49 uses Z', code: BMD, value: cat('within-expected-range', -1.99, 'Z'),
    input: makeCase({ person: { birthDate: bornAged(49), sex: 'male', menopause: undefined }, dxa: dxa(D, [{ site: 'lumbar-spine', t: -2.6, z: -1.99 }]) }) },
  { spec: '§3', name: 'man of 50 uses T', code: BMD, value: cat('osteoporosis', -2.6),
    input: makeCase({ person: { birthDate: bornAged(50), sex: 'male', menopause: undefined }, dxa: dxa(D, [{ site: 'lumbar-spine', t: -2.6, z: -1.99 }]) }) },
  { spec: '§3', name: 'Z −2.0 is below the expected range', code: BMD, value: cat('below-expected-range', -2.0, 'Z'),
    input: makeCase({ person: { birthDate: bornAged(40), sex: 'male', menopause: undefined }, dxa: dxa(D, [{ site: 'lumbar-spine', z: -2.0 }]) }),
    mentions: [{ lang: 'en', who: 'clinician', text: 'Z ≤ −2.0' }] },
  { spec: '§3', name: 'Z −1.99 is within the expected range', code: BMD, value: cat('within-expected-range', -1.99, 'Z'),
    input: makeCase({ person: { birthDate: bornAged(40), sex: 'male', menopause: undefined }, dxa: dxa(D, [{ site: 'lumbar-spine', z: -1.99 }]) }) },
  { spec: '§3', name: 'postmenopausal woman of 19 still uses Z', code: BMD, value: cat('within-expected-range', -1.0, 'Z'),
    input: makeCase({ person: { birthDate: bornAged(19), menopause: { status: 'post' } }, dxa: dxa(D, [{ site: 'lumbar-spine', t: -2.7, z: -1.0 }]) }) },
  // Paediatric osteoporosis (ISCD).
  { spec: '§3', name: 'child with Z −2.0 and 2 long-bone fractures by age 10', code: BMD, value: cat('paediatric-osteoporosis', -2.0, 'Z'),
    input: makeCase({ person: { birthDate: '2014-03-01', menopause: undefined }, dxa: dxa(D, [{ site: 'lumbar-spine', z: -2.0 }]),
      fractures: [fracture('2022-04-01', 'forearm'), fracture('2024-03-01', 'tibia')] }) },
  { spec: '§3', name: 'child with Z −2.0 and its second long-bone fracture at 11 is not (yet)', code: BMD, value: cat('below-expected-range', -2.0, 'Z'),
    input: makeCase({ person: { birthDate: '2014-03-01', menopause: undefined }, dxa: dxa(D, [{ site: 'lumbar-spine', z: -2.0 }]),
      fractures: [fracture('2022-04-01', 'forearm'), fracture('2025-03-01', 'tibia')] }) },
  { spec: '§3', name: 'teenager with Z −2.1 and 3 long-bone fractures by 19', code: BMD, value: cat('paediatric-osteoporosis', -2.1, 'Z', 'total-hip'),
    input: makeCase({ person: { birthDate: bornAged(17), sex: 'male', menopause: undefined }, dxa: dxa(D, [{ site: 'total-hip', z: -2.1 }]),
      fractures: [fracture('2020-01-01', 'humerus'), fracture('2022-01-01', 'femur'), fracture('2025-01-01', 'wrist')] }) },
  { spec: '§3', name: 'teenager with 3 long-bone fractures but Z −1.9 is within range', code: BMD, value: cat('within-expected-range', -1.9, 'Z', 'total-hip'),
    input: makeCase({ person: { birthDate: bornAged(17), sex: 'male', menopause: undefined }, dxa: dxa(D, [{ site: 'total-hip', z: -1.9 }]),
      fractures: [fracture('2020-01-01', 'humerus'), fracture('2022-01-01', 'femur'), fracture('2025-01-01', 'wrist')] }) },
  { spec: '§3', name: 'child with a vertebral compression fracture, whatever the Z', code: BMD, value: cat('paediatric-osteoporosis', -0.5, 'Z'),
    input: makeCase({ person: { birthDate: bornAged(12), menopause: undefined }, dxa: dxa(D, [{ site: 'lumbar-spine', z: -0.5 }]),
      fractures: [fracture('2026-02-01', 'thoracic-spine')] }) },
  { spec: '§3', name: 'adult of 25 with many fractures and Z −2.5 is below the expected range, not paediatric', code: BMD, value: cat('below-expected-range', -2.5, 'Z'),
    input: makeCase({ person: { birthDate: bornAged(25), menopause: { status: 'pre' } }, dxa: dxa(D, [{ site: 'lumbar-spine', z: -2.5 }]),
      fractures: [fracture('2005-01-01', 'forearm'), fracture('2008-01-01', 'tibia'), fracture('2026-01-01', 'lumbar-spine')] }) },
  // Missing scores.
  { spec: '§1/§3', name: 'no DXA: null with attention naming the DXA', code: BMD, value: null, severity: 'attention', missing: ['dxa'], input: makeCase() },
  { spec: '§1/§3', name: 'T needed but only Z measured: null naming the T-score', code: BMD, value: null, missing: ['dxa.tScore'],
    input: makeCase({ dxa: dxa(D, [{ site: 'lumbar-spine', z: -1 }]) }) },
  // VFA (§4).
  { spec: '§4', name: 'Genant counts, levels top to bottom, not evaluable listed', code: VFA,
    value: { mild: 1, moderate: 1, severe: 1, levels: ['T7', 'T12', 'L2'], notEvaluable: ['T4'] }, severity: 'action',
    input: makeCase({ vfa: { date: D, vertebrae: [{ level: 'L2', grade: 3 }, { level: 'T12', grade: 1 }, { level: 'T7', grade: 2 }, { level: 'T4', grade: 'not-evaluable' }, { level: 'L1', grade: 0 }] } }) },
  { spec: '§4', name: 'grade 1 alone is information only', code: VFA, value: { mild: 1, moderate: 0, severe: 0, levels: ['L1'], notEvaluable: [] }, severity: 'info',
    input: makeCase({ vfa: { date: D, vertebrae: [{ level: 'L1', grade: 1 }] } }) },
  { spec: '§1/§4', name: 'no VFA: null with attention', code: VFA, value: null, severity: 'attention', missing: ['vfa'], input: makeCase() },
];
