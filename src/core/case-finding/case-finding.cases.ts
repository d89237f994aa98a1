// Table of case-finding rows (clinical-rules.md §2). asOf is 2026-11-23 throughout.
import type { Row } from '../testing/rows.js';
import { bornAged, fracture, makeCase } from '../testing/builder.js';

const DXA = 'case-finding.dxa-indicated';
const NHG = 'case-finding.nhg-risk-score';
const CONSIDER = 'case-finding.dxa-consider';
const none = { indicated: false, reasons: [] };
const qf = { indicated: true, reasons: ['qualifying-fracture'] };
// Everyone below is 70 unless stated; a quiet 55-year-old keeps the NHG score at 0.
const quiet = { birthDate: bornAged(55), weightKg: 70, heightCm: 165, menopause: { status: 'post' as const, ageAtMenopause: 51 } };
const quietRf = {
  parentHipFracture: false, reducedMobility: false, rheumatoidArthritis: false, secondaryOsteoporosisCondition: false,
  parentOrSiblingOsteoporosis: false, sexHormoneLoweringTherapy: false,
};

export const caseFindingRows: Row[] = [
  // Age 50 on the fracture day.
  { spec: '§2', name: 'fracture on the 50th birthday qualifies', code: DXA, value: qf, severity: 'action',
    input: makeCase({ person: { ...quiet, birthDate: '1976-06-01' }, riskFactors: quietRf, fractures: [fracture('2026-06-01', 'wrist')] }) },
  { spec: '§2', name: 'fracture the day before the 50th birthday does not', code: DXA, value: none,
    input: makeCase({ person: { ...quiet, birthDate: '1976-06-01' }, riskFactors: quietRf, fractures: [fracture('2026-05-31', 'wrist')] }) },
  // asOf − 2 years < date ≤ asOf.
  { spec: '§2', name: 'fracture exactly 2 years before asOf does not qualify', code: DXA, value: none,
    input: makeCase({ person: quiet, riskFactors: quietRf, fractures: [fracture('2024-11-23', 'wrist')] }) },
  { spec: '§2', name: 'fracture 2 years minus a day before asOf qualifies', code: DXA, value: qf,
    input: makeCase({ person: quiet, riskFactors: quietRf, fractures: [fracture('2024-11-24', 'wrist')] }) },
  { spec: '§2', name: 'fracture on asOf qualifies', code: DXA, value: qf,
    input: makeCase({ person: quiet, riskFactors: quietRf, fractures: [fracture('2026-11-23', 'wrist')] }) },
  { spec: '§2', name: 'fracture after asOf is not yet known', code: DXA, value: none,
    input: makeCase({ person: quiet, riskFactors: quietRf, fractures: [fracture('2026-11-24', 'wrist')] }) },
  { spec: '§2', name: 'high-energy fracture does not qualify', code: DXA, value: none,
    input: makeCase({ person: quiet, riskFactors: quietRf, fractures: [fracture('2026-06-01', 'wrist', { highEnergy: true })] }) },
  { spec: '§2', name: 'pathological fracture does not qualify', code: DXA, value: none,
    input: makeCase({ person: quiet, riskFactors: quietRf, fractures: [fracture('2026-06-01', 'hip', { pathological: true })] }) },
  { spec: '§1/§2', name: 'unrecorded energy counts as not recorded and is listed as missing', code: DXA, value: qf,
    missing: ['fractures.highEnergy', 'fractures.pathological'],
    input: makeCase({ person: quiet, riskFactors: quietRf, fractures: [{ date: '2026-06-01', site: 'wrist' }] }) },
  // Fracture-site policies.
  { spec: '§2', name: 'finger excluded under the guideline policy', code: DXA, value: none,
    input: makeCase({ person: quiet, riskFactors: quietRf, fractures: [fracture('2026-06-01', 'finger')] }) },
  { spec: '§2', name: 'toe, skull, face, cervical spine excluded under the guideline policy', code: DXA, value: none,
    input: makeCase({ person: quiet, riskFactors: quietRf, fractures: ['toe', 'skull', 'face', 'cervical-spine'].map((s) => fracture('2026-06-01', s as 'toe')) }) },
  { spec: '§2', name: 'metacarpal qualifies under the guideline policy', code: DXA, value: qf,
    input: makeCase({ person: quiet, riskFactors: quietRf, fractures: [fracture('2026-06-01', 'metacarpal')] }) },
  { spec: '§2', name: 'metacarpal excluded under hands-feet-excluded', code: DXA, value: none, settings: { fractureSitePolicy: 'hands-feet-excluded' },
    input: makeCase({ person: quiet, riskFactors: quietRf, fractures: [fracture('2026-06-01', 'metacarpal')] }) },
  { spec: '§2', name: 'calcaneus, talus, tarsus, metatarsal, carpus excluded under hands-feet-excluded', code: DXA, value: none, settings: { fractureSitePolicy: 'hands-feet-excluded' },
    input: makeCase({ person: quiet, riskFactors: quietRf, fractures: ['calcaneus', 'talus', 'tarsus', 'metatarsal', 'carpus'].map((s) => fracture('2026-06-01', s as 'talus')) }) },
  { spec: '§2', name: 'wrist qualifies under hands-feet-excluded', code: DXA, value: qf, settings: { fractureSitePolicy: 'hands-feet-excluded' },
    input: makeCase({ person: quiet, riskFactors: quietRf, fractures: [fracture('2026-06-01', 'wrist')] }) },
  // Vertebral fractures.
  { spec: '§2', name: 'old low-energy spine fracture at ≥ 50 gives vertebral-fracture only', code: DXA, value: { indicated: true, reasons: ['vertebral-fracture'] },
    input: makeCase({ person: quiet, riskFactors: quietRf, fractures: [fracture('2022-01-10', 'thoracic-spine')] }) },
  { spec: '§2', name: 'recent spine fracture gives both reasons', code: DXA, value: { indicated: true, reasons: ['qualifying-fracture', 'vertebral-fracture'] },
    input: makeCase({ person: quiet, riskFactors: quietRf, fractures: [fracture('2026-01-10', 'lumbar-spine')] }) },
  { spec: '§2', name: 'spine fracture at 49 is not a vertebral fracture reason', code: DXA, value: none,
    input: makeCase({ person: { ...quiet, birthDate: '1970-01-01' }, riskFactors: quietRf, fractures: [fracture('2018-12-31', 'lumbar-spine')] }) },
  { spec: '§2/§4', name: 'VFA grade 2 is a vertebral fracture', code: DXA, value: { indicated: true, reasons: ['vertebral-fracture'] },
    input: makeCase({ person: quiet, riskFactors: quietRf, vfa: { date: '2026-10-01', vertebrae: [{ level: 'L1', grade: 2 }] } }) },
  { spec: '§2/§4', name: 'VFA grade 1 alone is not', code: DXA, value: none,
    input: makeCase({ person: quiet, riskFactors: quietRf, vfa: { date: '2026-10-01', vertebrae: [{ level: 'L1', grade: 1 }] } }) },
  // Glucocorticoids: case finding uses ≥ 7.5 mg for ≥ 3 months.
  { spec: '§2', name: 'glucocorticoids 7.5 mg for 3 months indicate DXA', code: DXA, value: { indicated: true, reasons: ['glucocorticoids'] },
    input: makeCase({ person: quiet, riskFactors: { ...quietRf, glucocorticoids: { mgPerDay: 7.5, months: 3 } } }) },
  { spec: '§2', name: 'glucocorticoids 7.4 mg do not', code: DXA, value: none,
    input: makeCase({ person: quiet, riskFactors: { ...quietRf, glucocorticoids: { mgPerDay: 7.4, months: 12 } } }) },
  { spec: '§2', name: 'glucocorticoids for 2.9 months do not', code: DXA, value: none,
    input: makeCase({ person: quiet, riskFactors: { ...quietRf, glucocorticoids: { mgPerDay: 10, months: 2.9 } } }) },
  // Early menopause and hormone therapy.
  { spec: '§2', name: 'menopause at 44 is early', code: DXA, value: { indicated: true, reasons: ['early-menopause'] },
    input: makeCase({ person: { ...quiet, menopause: { status: 'post', ageAtMenopause: 44 } }, riskFactors: quietRf }) },
  { spec: '§2', name: 'menopause at 45 is not early', code: DXA, value: none,
    input: makeCase({ person: { ...quiet, menopause: { status: 'post', ageAtMenopause: 45 } }, riskFactors: quietRf }) },
  { spec: '§2', name: 'sex-hormone-lowering therapy', code: DXA, value: { indicated: true, reasons: ['sex-hormone-lowering-therapy'] },
    input: makeCase({ person: { ...quiet, sex: 'male' }, riskFactors: { ...quietRf, sexHormoneLoweringTherapy: true } }) },
  { spec: '§1', name: 'nothing recorded: not indicated, and the unasked facts are listed', code: DXA, value: none, severity: 'info',
    missing: ['riskFactors.glucocorticoids', 'riskFactors.sexHormoneLoweringTherapy', 'person.menopause.ageAtMenopause', 'person.weightKg'],
    input: makeCase({ person: { birthDate: bornAged(55) } }) },
  // NHG risk score.
  { spec: '§2', name: 'NHG: age 60 scores 0', code: NHG, value: { score: 0, items: [] },
    input: makeCase({ person: { ...quiet, birthDate: bornAged(60) }, riskFactors: quietRf }) },
  { spec: '§2', name: 'NHG: age 61 scores 1', code: NHG, value: { score: 1, items: ['age-over-60'] },
    input: makeCase({ person: { ...quiet, birthDate: bornAged(61) }, riskFactors: quietRf }) },
  { spec: '§2', name: 'NHG: age 70 scores 1', code: NHG, value: { score: 1, items: ['age-over-60'] },
    input: makeCase({ person: { ...quiet, birthDate: bornAged(70) }, riskFactors: quietRf }) },
  { spec: '§2', name: 'NHG: age 71 scores 2', code: NHG, value: { score: 2, items: ['age-over-70'] },
    input: makeCase({ person: { ...quiet, birthDate: bornAged(71) }, riskFactors: quietRf }) },
  { spec: '§2', name: 'NHG: weight 59.9 kg scores 1', code: NHG, value: { score: 1, items: ['low-weight-or-bmi'] },
    input: makeCase({ person: { ...quiet, weightKg: 59.9 }, riskFactors: quietRf }) },
  { spec: '§2', name: 'NHG: weight 60 kg with BMI ≥ 20 scores 0', code: NHG, value: { score: 0, items: [] },
    input: makeCase({ person: { ...quiet, weightKg: 60, heightCm: 170 } , riskFactors: quietRf }) },
  { spec: '§2', name: 'NHG: 62 kg at 180 cm is BMI 19.1 and scores 1', code: NHG, value: { score: 1, items: ['low-weight-or-bmi'] },
    input: makeCase({ person: { ...quiet, weightKg: 62, heightCm: 180 }, riskFactors: quietRf }) },
  { spec: '§1/§2', name: 'NHG: unknown height with weight ≥ 60 lists height as missing', code: NHG, value: { score: 0, items: [] }, missing: ['person.heightCm'],
    input: makeCase({ person: { birthDate: bornAged(55), weightKg: 70 }, riskFactors: quietRf }) },
  { spec: '§2', name: 'NHG: glucocorticoids 7.5 mg for 4 months do not score (> 7.5 needed)', code: NHG, value: { score: 0, items: [] },
    input: makeCase({ person: quiet, riskFactors: { ...quietRf, glucocorticoids: { mgPerDay: 7.5, months: 4 } } }) },
  { spec: '§2', name: 'NHG: glucocorticoids 7.6 mg for 3 months do not score (> 3 months needed)', code: NHG, value: { score: 0, items: [] },
    input: makeCase({ person: quiet, riskFactors: { ...quietRf, glucocorticoids: { mgPerDay: 7.6, months: 3 } } }) },
  { spec: '§2', name: 'NHG: glucocorticoids 7.6 mg for 3.5 months score 4', code: NHG, value: { score: 4, items: ['glucocorticoids'] },
    input: makeCase({ person: quiet, riskFactors: { ...quietRf, glucocorticoids: { mgPerDay: 7.6, months: 3.5 } } }) },
  { spec: '§2', name: 'NHG: old fracture at ≥ 50 plus four flags scores 5 and indicates DXA', code: DXA,
    value: { indicated: true, reasons: ['nhg-score-4-or-more'] },
    input: makeCase({ person: quiet, fractures: [fracture('2023-05-01', 'finger', { highEnergy: true })],
      riskFactors: { ...quietRf, parentHipFracture: true, reducedMobility: true, rheumatoidArthritis: true, secondaryOsteoporosisCondition: true } }) },
  { spec: '§2', name: 'NHG: score 3 does not indicate DXA', code: DXA, value: none,
    input: makeCase({ person: { ...quiet, birthDate: bornAged(75) }, riskFactors: { ...quietRf, parentHipFracture: true } }) },
  { spec: '§2', name: 'NHG: not scored with a qualifying fracture', code: NHG, value: 'absent',
    input: makeCase({ person: quiet, riskFactors: quietRf, fractures: [fracture('2026-06-01', 'wrist')] }) },
  { spec: '§2', name: 'NHG: not scored under 50', code: NHG, value: 'absent',
    input: makeCase({ person: { ...quiet, birthDate: bornAged(49) }, riskFactors: quietRf }) },
  // Consider DXA.
  { spec: '§2', name: 'consider DXA with 2 falls in 12 months', code: CONSIDER, value: { reasons: ['falls-2-or-more'] }, severity: 'attention',
    input: makeCase({ person: quiet, riskFactors: quietRf, falls: { fallsLast12Months: 2 } }) },
  { spec: '§2', name: 'one fall is not enough to consider DXA', code: CONSIDER, value: 'absent',
    input: makeCase({ person: quiet, riskFactors: quietRf, falls: { fallsLast12Months: 1 } }) },
  { spec: '§2', name: 'consider DXA with family history and rheumatoid arthritis', code: CONSIDER,
    value: { reasons: ['parent-or-sibling-osteoporosis', 'rheumatoid-arthritis'] },
    input: makeCase({ person: quiet, riskFactors: { ...quietRf, parentOrSiblingOsteoporosis: true, rheumatoidArthritis: true } }) },
  { spec: '§2', name: 'no "consider" when DXA is already indicated', code: CONSIDER, value: 'absent',
    input: makeCase({ person: quiet, riskFactors: { ...quietRf, reducedMobility: true }, fractures: [fracture('2026-06-01', 'wrist')] }) },
  // Waived work-up.
  { spec: '§2', name: 'waived work-up is reported with its reason', code: 'case-finding.workup-waived', value: { reasons: ['nursing-home'] },
    input: makeCase({ workupWaived: { reason: 'nursing-home', by: 'Dr. J. de Vries', date: '2026-11-01' } }),
    mentions: [{ lang: 'nl', who: 'clinician', text: 'Dr. J. de Vries' }] },
  { spec: '§2', name: 'no waiver recorded: nothing to report', code: 'case-finding.workup-waived', value: 'absent', input: makeCase() },
];
