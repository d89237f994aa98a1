// Table of treatment rows (clinical-rules.md §5). asOf is 2026-11-23; default person is a
// 70-year-old postmenopausal woman.
import type { Row } from '../testing/rows.js';
import { bornAged, dxa, fracture, lab, makeCase, normalPanel } from '../testing/builder.js';

const MED = 'treatment.medication-indicated';
const SPEC = 'treatment.specialist';
const FIRST = 'treatment.first-choice';
const D = '2026-10-01';
const t = (score: number) => dxa(D, [{ site: 'femoral-neck', t: score }]);
const no = { indicated: false, reasons: [] };
const yes = (...reasons: string[]) => ({ indicated: true, reasons });
const gc = (mgPerDay: number, months: number) => ({ glucocorticoids: { mgPerDay, months } });
const preWoman = { birthDate: bornAged(45), menopause: { status: 'pre' as const } };
const vfa2 = { date: D, vertebrae: [{ level: 'L1' as const, grade: 2 as const }] };

export const treatmentRows: Row[] = [
  { spec: '§5', name: 'osteoporosis indicates medication', code: MED, value: yes('osteoporosis'), severity: 'action', input: makeCase({ dxa: t(-2.5) }),
    mentions: [{ lang: 'nl', who: 'patient', text: 'Uw laagste T-score is −2,5' }] },
  { spec: '§5', name: 'osteopenia alone does not', code: MED, value: no, severity: 'info', input: makeCase({ dxa: t(-2.4) }) },
  { spec: '§5', name: 'osteopenia with a qualifying fracture: lifestyle and fall prevention', code: MED, value: no,
    input: makeCase({ dxa: t(-1.5), fractures: [fracture('2026-05-01', 'wrist')] }),
    mentions: [{ lang: 'en', who: 'clinician', text: 'lifestyle advice and fall prevention' }, { lang: 'nl', who: 'patient', text: 'vallen voorkomen' }] },
  { spec: '§1/§5', name: 'no DXA and no other reason: false with attention asking for DXA', code: MED, value: no, severity: 'attention', missing: ['dxa.tScore'], input: makeCase() },
  // Vertebral fractures and the GP grid setting.
  { spec: '§5', name: 'VFA grade 2 with normal T still indicates', code: MED, value: yes('vertebral-fracture'), input: makeCase({ dxa: t(-0.5), vfa: vfa2 }) },
  { spec: '§5', name: 'low-energy spine fracture at ≥ 50 without DXA indicates', code: MED, value: yes('vertebral-fracture'),
    input: makeCase({ fractures: [fracture('2015-03-01', 'lumbar-spine')] }) },
  { spec: '§5', name: 'GP grid (vertebralFractureMinT −1.0): T −0.5 does not treat', code: MED, value: no, settings: { vertebralFractureMinT: -1.0 },
    input: makeCase({ dxa: t(-0.5), vfa: vfa2 }) },
  { spec: '§5', name: 'GP grid (vertebralFractureMinT −1.0): T −1.0 treats', code: MED, value: yes('vertebral-fracture'), settings: { vertebralFractureMinT: -1.0 },
    input: makeCase({ dxa: t(-1.0), vfa: vfa2 }) },
  { spec: '§4/§5', name: 'VFA grade 1 does not indicate', code: MED, value: no,
    input: makeCase({ dxa: t(-0.5), vfa: { date: D, vertebrae: [{ level: 'L1', grade: 1 }] } }) },
  // Glucocorticoids.
  { spec: '§5', name: 'glucocorticoids 7.5 mg/3 months in a postmenopausal woman', code: MED, value: yes('glucocorticoids'),
    input: makeCase({ dxa: t(-0.5), riskFactors: gc(7.5, 3) }) },
  { spec: '§5', name: 'glucocorticoids 7.4 mg do not', code: MED, value: no, input: makeCase({ dxa: t(-0.5), riskFactors: gc(7.4, 24) }) },
  { spec: '§5', name: 'glucocorticoids 2.9 months do not', code: MED, value: no, input: makeCase({ dxa: t(-0.5), riskFactors: gc(10, 2.9) }) },
  { spec: '§5', name: 'premenopausal woman, glucocorticoids, T −1.9: not indicated', code: MED, value: no,
    input: makeCase({ person: preWoman, dxa: dxa(D, [{ site: 'femoral-neck', t: -1.9, z: -1.5 }]), riskFactors: gc(7.5, 6) }) },
  { spec: '§5', name: 'premenopausal woman, glucocorticoids, T −2.0: indicated (threshold)', code: MED, value: yes('glucocorticoids'),
    input: makeCase({ person: preWoman, dxa: dxa(D, [{ site: 'femoral-neck', t: -2.0, z: -1.5 }]), riskFactors: gc(7.5, 6) }) },
  { spec: '§5', name: 'configurable threshold −1.5 makes T −1.9 indicated', code: MED, value: yes('glucocorticoids'), settings: { glucocorticoidTScoreThreshold: -1.5 },
    input: makeCase({ person: preWoman, dxa: dxa(D, [{ site: 'femoral-neck', t: -1.9, z: -1.5 }]), riskFactors: gc(7.5, 6) }) },
  { spec: '§5', name: 'premenopausal woman on 15 mg/day: indicated', code: MED, value: yes('glucocorticoids'),
    input: makeCase({ person: preWoman, dxa: dxa(D, [{ site: 'femoral-neck', t: 0, z: 0 }]), riskFactors: gc(15, 3) }) },
  { spec: '§5', name: 'premenopausal woman on 14.9 mg/day: not indicated', code: MED, value: no,
    input: makeCase({ person: preWoman, dxa: dxa(D, [{ site: 'femoral-neck', t: 0, z: 0 }]), riskFactors: gc(14.9, 3) }) },
  { spec: '§5', name: 'man of 69 on glucocorticoids, T −1.0: not indicated', code: MED, value: no,
    input: makeCase({ person: { birthDate: bornAged(69), sex: 'male', menopause: undefined }, dxa: t(-1.0), riskFactors: gc(10, 6) }) },
  { spec: '§5', name: 'man of 70 on glucocorticoids: indicated', code: MED, value: yes('glucocorticoids'),
    input: makeCase({ person: { birthDate: bornAged(70), sex: 'male', menopause: undefined }, dxa: t(-1.0), riskFactors: gc(10, 6) }) },
  { spec: '§1/§5', name: 'woman with unknown menopause on glucocorticoids: status listed as missing', code: MED, value: no, missing: ['person.menopause.status'],
    input: makeCase({ person: { birthDate: bornAged(48), menopause: undefined }, dxa: dxa(D, [{ site: 'femoral-neck', t: -1.0, z: -1.0 }]), riskFactors: gc(10, 6) }) },
  // Hip fracture at ≥ 75.
  { spec: '§5', name: 'hip fracture at 75 indicates without DXA', code: MED, value: yes('hip-fracture-75-plus'),
    input: makeCase({ person: { birthDate: '1951-03-01' }, fractures: [fracture('2026-03-01', 'hip')] }) },
  { spec: '§5', name: 'hip fracture at 74 does not', code: MED, value: no,
    input: makeCase({ person: { birthDate: '1951-03-01' }, fractures: [fracture('2026-02-28', 'hip')] }) },
  // Specialist.
  { spec: '§5', name: 'woman of 45 with Z −2.0: young onset', code: SPEC, value: { reasons: ['young-onset'] }, severity: 'attention',
    input: makeCase({ person: preWoman, dxa: dxa(D, [{ site: 'femoral-neck', z: -2.0 }]) }) },
  { spec: '§5', name: 'man of 49 with osteoporosis category is impossible (Z): within range gives no referral', code: SPEC, value: 'absent',
    input: makeCase({ person: { birthDate: bornAged(49), sex: 'male', menopause: undefined }, dxa: dxa(D, [{ site: 'femoral-neck', t: -3, z: -1.9 }]) }) },
  { spec: '§5', name: 'postmenopausal woman of 48 with osteoporosis: young onset', code: SPEC, value: { reasons: ['young-onset'] },
    input: makeCase({ person: { birthDate: bornAged(48), menopause: { status: 'post' } }, dxa: t(-2.6) }) },
  { spec: '§5', name: 'two grade-2 vertebrae', code: SPEC, value: { reasons: ['multiple-vertebral-fractures'] },
    input: makeCase({ vfa: { date: D, vertebrae: [{ level: 'T12', grade: 2 }, { level: 'L1', grade: 2 }] } }) },
  { spec: '§5', name: 'one grade-3 vertebra', code: SPEC, value: { reasons: ['multiple-vertebral-fractures'] },
    input: makeCase({ vfa: { date: D, vertebrae: [{ level: 'T12', grade: 3 }] } }) },
  { spec: '§5', name: 'one grade-2 vertebra: no referral', code: SPEC, value: 'absent', input: makeCase({ vfa: vfa2 }) },
  { spec: '§5/§6', name: 'suspected secondary cause', code: SPEC, value: { reasons: ['secondary-cause'] },
    input: makeCase({ labs: [lab('tsh', 0.1)] }) },
  { spec: '§5', name: 'fracture one year into treatment', code: SPEC, value: { reasons: ['fracture-on-treatment'] },
    input: makeCase({ medications: [{ drug: 'alendronic-acid', start: '2024-01-01' }], fractures: [fracture('2025-01-01', 'rib')] }) },
  { spec: '§5', name: 'fracture a day short of one year: no referral', code: SPEC, value: 'absent',
    input: makeCase({ medications: [{ drug: 'alendronic-acid', start: '2024-01-01' }], fractures: [fracture('2024-12-31', 'rib')] }) },
  // First choice.
  { spec: '§5', name: 'oral bisphosphonate first', code: FIRST, value: { drugs: ['alendronic-acid', 'risedronic-acid'], afterCorrection: [] },
    input: makeCase({ dxa: t(-3), labs: normalPanel() }) },
  { spec: '§5', name: 'cannot stay upright: zoledronic acid or denosumab', code: FIRST, value: { drugs: ['zoledronic-acid', 'denosumab'], afterCorrection: [] },
    input: makeCase({ dxa: t(-3), labs: normalPanel(), safety: { canStayUpright30Min: false } }) },
  { spec: '§5/§7', name: 'eGFR 32: only risedronic acid stays oral', code: FIRST, value: { drugs: ['risedronic-acid'], afterCorrection: [] },
    input: makeCase({ dxa: t(-3), labs: [lab('egfr', 32)] }) },
  { spec: '§5', name: 'hip fracture at ≥ 75: zoledronic acid', code: FIRST, value: { drugs: ['zoledronic-acid'], afterCorrection: [] },
    input: makeCase({ person: { birthDate: bornAged(80) }, fractures: [fracture('2026-11-01', 'hip')] }) },
  { spec: '§5', name: 'third fracture during treatment: teriparatide', code: FIRST, value: { drugs: ['teriparatide'], afterCorrection: [] },
    input: makeCase({ dxa: t(-3), medications: [{ drug: 'alendronic-acid', start: '2022-01-01' }],
      fractures: [fracture('2021-01-01', 'wrist'), fracture('2021-06-01', 'rib'), fracture('2024-02-01', 'humerus')] }) },
  { spec: '§5', name: 'no indication: no first choice', code: FIRST, value: 'absent', input: makeCase({ dxa: t(-1) }) },
  // afterCorrection (clarified §5): held back only by what correction lifts, a drug stays first choice.
  { spec: '§5', name: 'vitamin D 20 nmol/L: the oral drugs stay first choice, after correction', code: FIRST,
    value: { drugs: ['alendronic-acid', 'risedronic-acid'], afterCorrection: ['alendronic-acid', 'risedronic-acid'] },
    input: makeCase({ dxa: t(-3), labs: [...normalPanel().filter((l) => l.test !== '25-oh-vitamin-d'), lab('25-oh-vitamin-d', 20)], safety: { osteomalaciaSymptoms: false } }),
    mentions: [{ lang: 'en', who: 'clinician', text: 'Alendronic acid only after correcting: 25-OH vitamin D < 30 nmol/L' }] },
  { spec: '§5', name: 'hypocalcaemia blocks the oral drugs, but correction lifts it: they stay first choice', code: FIRST,
    value: { drugs: ['alendronic-acid', 'risedronic-acid'], afterCorrection: ['alendronic-acid', 'risedronic-acid'] },
    input: makeCase({ dxa: t(-3), labs: [lab('calcium-corrected', 2.1), lab('egfr', 80), lab('25-oh-vitamin-d', 60)] }) },
  { spec: '§5', name: 'a contra-indicated drug is never named: eGFR 20 leaves denosumab only', code: FIRST,
    value: { drugs: ['denosumab'], afterCorrection: [] },
    input: makeCase({ dxa: t(-3), labs: [lab('egfr', 20), lab('calcium-corrected', 2.4), lab('25-oh-vitamin-d', 60)] }) },
  { spec: '§5', name: 'eGFR 20 with hypocalcaemia: denosumab after correction; teriparatide (blocked by eGFR) is not named', code: FIRST,
    value: { drugs: ['denosumab'], afterCorrection: ['denosumab'] },
    input: makeCase({ dxa: t(-3), labs: [lab('egfr', 20), lab('calcium-corrected', 2.1), lab('25-oh-vitamin-d', 60)] }) },
  { spec: '§5', name: 'hip fracture at ≥ 75 repaired 5 days ago: zoledronic acid, after the 2 weeks', code: FIRST,
    value: { drugs: ['zoledronic-acid'], afterCorrection: ['zoledronic-acid'] },
    input: makeCase({ person: { birthDate: bornAged(80) }, fractures: [fracture('2026-11-15', 'hip')], safety: { hipFractureRepairDate: '2026-11-18' } }) },
];
