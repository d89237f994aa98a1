// Table of medication cases (clinical-rules.md §7–8): every boundary the spec names, one row each.
import type { CaseOverrides } from '../testing/builder.js';
import type { Row } from '../testing/rows.js';
import { makeCase } from '../testing/builder.js';

const lab = (test: string, value: number, unit: string, date = '2026-11-01') => ({ test, value, unit, date });
type Lab = ReturnType<typeof lab>;

const NORMAL_LABS: Lab[] = [
  lab('egfr', 70, 'mL/min/1.73m2'), lab('calcium-corrected', 2.4, 'mmol/L'), lab('25-oh-vitamin-d', 60, 'nmol/L'),
  lab('pth', 5, 'pmol/L'), lab('alkaline-phosphatase', 80, 'U/L'),
];
const withLab = (...over: Lab[]): Lab[] => [...NORMAL_LABS.filter((l) => !over.some((o) => o.test === l.test)), ...over];
const SAFE = { dentalCheckDone: true, canStayUpright30Min: true, canStayUpright60Min: true };

/** A safety row: a clean 70-year-old postmenopausal woman with normal labs and a dental check, plus `extra`. */
function safety(spec: string, drug: string, extra: CaseOverrides, status: string, reasons: string[], more: Partial<Row> = {}): Row {
  const input = makeCase({ labs: NORMAL_LABS as never, ...extra, safety: { ...SAFE, ...extra.safety } });
  return { spec, code: 'medication.safety', where: { drug }, input, like: { drug, status, reasons }, ...more };
}

export const safetyRows: Row[] = [
  safety('§7 eGFR 35 does not block alendronic acid', 'alendronic-acid', { labs: withLab(lab('egfr', 35, 'mL/min/1.73m2')) as never }, 'allowed', []),
  safety('§7 eGFR 34 blocks alendronic acid', 'alendronic-acid', { labs: withLab(lab('egfr', 34, 'mL/min/1.73m2')) as never }, 'blocked', ['egfr-below-35'], { severity: 'block' }),
  safety('§7 eGFR 35 does not block zoledronic acid', 'zoledronic-acid', { labs: withLab(lab('egfr', 35, 'mL/min/1.73m2')) as never }, 'allowed', []),
  safety('§7 eGFR 34 blocks zoledronic acid', 'zoledronic-acid', { labs: withLab(lab('egfr', 34, 'mL/min/1.73m2')) as never }, 'blocked', ['egfr-below-35']),
  safety('§7 eGFR 34 leaves risedronic acid allowed', 'risedronic-acid', { labs: withLab(lab('egfr', 34, 'mL/min/1.73m2')) as never }, 'allowed', []),
  safety('§7 eGFR 30 does not block risedronic acid', 'risedronic-acid', { labs: withLab(lab('egfr', 30, 'mL/min/1.73m2')) as never }, 'allowed', []),
  safety('§7 eGFR 29 blocks risedronic acid', 'risedronic-acid', { labs: withLab(lab('egfr', 29, 'mL/min/1.73m2')) as never }, 'blocked', ['egfr-below-30']),
  safety('§7 eGFR 30 does not block ibandronic acid', 'ibandronic-acid', { labs: withLab(lab('egfr', 30, 'mL/min/1.73m2')) as never }, 'allowed', []),
  safety('§7 eGFR 29 blocks ibandronic acid', 'ibandronic-acid', { labs: withLab(lab('egfr', 29, 'mL/min/1.73m2')) as never }, 'blocked', ['egfr-below-30']),
  safety('§7 eGFR 30 does not block teriparatide', 'teriparatide', { labs: withLab(lab('egfr', 30, 'mL/min/1.73m2')) as never }, 'allowed', []),
  safety('§7 eGFR 29 blocks teriparatide', 'teriparatide', { labs: withLab(lab('egfr', 29, 'mL/min/1.73m2')) as never }, 'blocked', ['egfr-below-30']),
  safety('§7 eGFR 30 leaves denosumab allowed', 'denosumab', { labs: withLab(lab('egfr', 30, 'mL/min/1.73m2')) as never }, 'allowed', []),
  safety('§7 eGFR 29 is caution for denosumab', 'denosumab', { labs: withLab(lab('egfr', 29, 'mL/min/1.73m2')) as never }, 'caution', ['egfr-below-30'], { severity: 'attention' }),
  safety('§7 eGFR 29 says nothing about romosozumab', 'romosozumab', { labs: withLab(lab('egfr', 29, 'mL/min/1.73m2')) as never }, 'allowed', []),
  safety('§1 missing eGFR: allowed on recorded data, attention naming the test', 'alendronic-acid',
    { labs: NORMAL_LABS.filter((l) => l.test !== 'egfr') as never }, 'allowed', [], { severity: 'attention', missing: ['labs.egfr'] }),
  safety('§7 corrected calcium 2.19 (below 2.20) blocks alendronic acid', 'alendronic-acid', { labs: withLab(lab('calcium-corrected', 2.19, 'mmol/L')) as never }, 'blocked', ['hypocalcaemia']),
  safety('§7 corrected calcium 2.19 blocks denosumab', 'denosumab', { labs: withLab(lab('calcium-corrected', 2.19, 'mmol/L')) as never }, 'blocked', ['hypocalcaemia']),
  safety('§7 corrected calcium 2.19 blocks romosozumab', 'romosozumab', { labs: withLab(lab('calcium-corrected', 2.19, 'mmol/L')) as never }, 'blocked', ['hypocalcaemia']),
  safety('§7 low calcium does not block teriparatide', 'teriparatide', { labs: withLab(lab('calcium-corrected', 2.19, 'mmol/L')) as never }, 'allowed', []),
  safety('§7 corrected calcium 2.20 is in range', 'alendronic-acid', { labs: withLab(lab('calcium-corrected', 2.2, 'mmol/L')) as never }, 'allowed', []),
  safety('§6/§7 calcium 2.00 with albumin 30 corrects to 2.20: in range', 'denosumab',
    { labs: [...NORMAL_LABS.filter((l) => l.test !== 'calcium-corrected'), lab('calcium', 2.0, 'mmol/L'), lab('albumin', 30, 'g/L')] as never }, 'allowed', []),
  safety('§6/§7 calcium 1.98 with albumin 30 corrects to 2.18: hypocalcaemia', 'denosumab',
    { labs: [...NORMAL_LABS.filter((l) => l.test !== 'calcium-corrected'), lab('calcium', 1.98, 'mmol/L'), lab('albumin', 30, 'g/L')] as never }, 'blocked', ['hypocalcaemia']),
  safety('§7 corrected calcium 2.61 (above 2.60) blocks teriparatide', 'teriparatide', { labs: withLab(lab('calcium-corrected', 2.61, 'mmol/L')) as never }, 'blocked', ['hypercalcaemia', 'hyperparathyroidism']),
  safety('§7 corrected calcium 2.60 is in range for teriparatide', 'teriparatide', { labs: withLab(lab('calcium-corrected', 2.6, 'mmol/L')) as never }, 'allowed', []),
  safety('§7 high calcium does not block alendronic acid', 'alendronic-acid', { labs: withLab(lab('calcium-corrected', 2.61, 'mmol/L')) as never }, 'allowed', []),
  safety('§7 vitamin D 29 is caution for antiresorptives', 'alendronic-acid', { labs: withLab(lab('25-oh-vitamin-d', 29, 'nmol/L')) as never, safety: { osteomalaciaSymptoms: false } }, 'caution', ['vitamin-d-below-30']),
  safety('§7 vitamin D 29 is caution for raloxifene (antiresorptive)', 'raloxifene', { labs: withLab(lab('25-oh-vitamin-d', 29, 'nmol/L')) as never, safety: { osteomalaciaSymptoms: false } }, 'caution', ['vitamin-d-below-30']),
  safety('§7 vitamin D 29 leaves teriparatide (anabolic) allowed, asking about symptoms', 'teriparatide', { labs: withLab(lab('25-oh-vitamin-d', 29, 'nmol/L')) as never }, 'allowed', [], { missing: ['safety.osteomalaciaSymptoms'] }),
  safety('§7 vitamin D 30 is no caution', 'alendronic-acid', { labs: withLab(lab('25-oh-vitamin-d', 30, 'nmol/L')) as never }, 'allowed', []),
  safety('§6/§7 vitamin D 25 with symptoms: osteomalacia blocks teriparatide', 'teriparatide', { labs: withLab(lab('25-oh-vitamin-d', 25, 'nmol/L')) as never, safety: { osteomalaciaSymptoms: true } }, 'blocked', ['osteomalacia-suspected']),
  safety('§6/§7 vitamin D 25 with low calcium: osteomalacia blocks raloxifene', 'raloxifene', { labs: withLab(lab('25-oh-vitamin-d', 25, 'nmol/L'), lab('calcium-corrected', 2.1, 'mmol/L')) as never }, 'blocked', ['osteomalacia-suspected', 'vitamin-d-below-30']),
  safety('§7 cannot stay upright 30 min blocks alendronic acid', 'alendronic-acid', { safety: { canStayUpright30Min: false } }, 'blocked', ['cannot-stay-upright']),
  safety('§7 cannot stay upright 30 min does not concern zoledronic acid', 'zoledronic-acid', { safety: { canStayUpright30Min: false } }, 'allowed', []),
  safety('§7 cannot stay upright 60 min blocks ibandronic acid tablets', 'ibandronic-acid', { safety: { canStayUpright60Min: false } }, 'blocked', ['cannot-stay-upright']),
  safety('§7 60 minutes upright is only asked for ibandronic acid', 'risedronic-acid', { safety: { canStayUpright60Min: false } }, 'allowed', []),
  safety('§7 ibandronic acid by infusion needs no upright time', 'ibandronic-acid',
    { safety: { canStayUpright60Min: false }, medications: [{ drug: 'ibandronic-acid', start: '2026-01-01', route: 'iv' }] }, 'allowed', []),
  safety('§7 oesophageal disorder blocks risedronic acid', 'risedronic-acid', { safety: { oesophagealDisorder: true } }, 'blocked', ['oesophageal-disorder']),
  {
    spec: '§1/§7 dental check not recorded is caution for bisphosphonates, and listed as missing',
    code: 'medication.safety', where: { drug: 'alendronic-acid' },
    input: makeCase({ labs: NORMAL_LABS as never, safety: { canStayUpright30Min: true } }),
    like: { status: 'caution', reasons: ['dental-check-missing'] }, missing: ['safety.dentalCheckDone', 'safety.invasiveDentalTreatmentPlanned'],
  },
  {
    spec: '§7 dental check does not concern raloxifene',
    code: 'medication.safety', where: { drug: 'raloxifene' },
    input: makeCase({ labs: NORMAL_LABS as never }),
    like: { status: 'allowed', reasons: [] },
  },
  safety('§7 planned invasive dental treatment is caution for denosumab', 'denosumab', { safety: { invasiveDentalTreatmentPlanned: true } }, 'caution', ['dental-treatment-pending']),
  safety('§7 dental check missing is caution for romosozumab', 'romosozumab', { safety: { dentalCheckDone: false } }, 'caution', ['dental-check-missing']),
  safety('§7 hip repair 13 days ago blocks zoledronic acid', 'zoledronic-acid', { safety: { hipFractureRepairDate: '2026-11-10' } }, 'blocked', ['hip-fracture-repair-under-2-weeks']),
  safety('§7 hip repair 14 days ago no longer blocks zoledronic acid', 'zoledronic-acid', { safety: { hipFractureRepairDate: '2026-11-09' } }, 'allowed', []),
  safety('§7 hip repair concerns zoledronic acid only', 'alendronic-acid', { safety: { hipFractureRepairDate: '2026-11-20' } }, 'allowed', []),
  {
    spec: '§7 a recent hip fracture without a repair date asks for it',
    code: 'medication.safety', where: { drug: 'zoledronic-acid' },
    input: makeCase({ labs: NORMAL_LABS as never, safety: SAFE, fractures: [{ date: '2026-11-15', site: 'hip' }] }),
    like: { status: 'allowed' }, missing: ['safety.hipFractureRepairDate'],
  },
  safety('§7 pregnancy blocks every drug (teriparatide)', 'teriparatide',
    { person: { birthDate: '1991-03-01', menopause: { status: 'pre' } }, safety: { pregnant: true } }, 'blocked', ['pregnancy']),
  safety('§7 pregnancy blocks every drug (raloxifene, also not postmenopausal)', 'raloxifene',
    { person: { birthDate: '1991-03-01', menopause: { status: 'pre' } }, safety: { pregnant: true } }, 'blocked', ['pregnancy', 'not-postmenopausal-woman']),
  {
    spec: '§1 pregnancy not recorded in a premenopausal woman: listed as missing, blocks nothing',
    code: 'medication.safety', where: { drug: 'alendronic-acid' },
    input: makeCase({ labs: NORMAL_LABS as never, person: { birthDate: '1991-03-01', menopause: { status: 'pre' } }, safety: SAFE }),
    like: { status: 'allowed', reasons: [] }, missing: ['safety.pregnant'],
  },
  safety('§7 MI or stroke blocks romosozumab', 'romosozumab', { safety: { historyMyocardialInfarctionOrStroke: true } }, 'blocked', ['mi-or-stroke-history']),
  safety('§7 a man cannot take romosozumab', 'romosozumab', { person: { sex: 'male', menopause: undefined } }, 'blocked', ['not-postmenopausal-woman']),
  safety('§7 a man cannot take raloxifene', 'raloxifene', { person: { sex: 'male', menopause: undefined } }, 'blocked', ['not-postmenopausal-woman']),
  safety('§7 perimenopausal woman: raloxifene blocked', 'raloxifene', { person: { menopause: { status: 'peri' } } }, 'blocked', ['not-postmenopausal-woman']),
  safety('§1 menopause not recorded: raloxifene not blocked, status missing', 'raloxifene', { person: { menopause: undefined } }, 'allowed', [], { missing: ['person.menopause.status'] }),
  safety('§7 VTE history blocks raloxifene', 'raloxifene', { safety: { venousThromboembolismHistory: true } }, 'blocked', ['vte-history']),
  safety('§7 skeletal radiotherapy blocks teriparatide', 'teriparatide', { safety: { skeletalRadiotherapy: true } }, 'blocked', ['skeletal-radiotherapy']),
  safety('§7 skeletal malignancy blocks teriparatide', 'teriparatide', { safety: { skeletalMalignancy: true } }, 'blocked', ['skeletal-malignancy']),
  safety('§7 PTH high with normal calcium blocks teriparatide', 'teriparatide', { labs: withLab(lab('pth', 9, 'pmol/L')) as never }, 'blocked', ['hyperparathyroidism']),
  safety('§7 unexplained high alkaline phosphatase blocks teriparatide', 'teriparatide', { labs: withLab(lab('alkaline-phosphatase', 130, 'U/L')) as never }, 'blocked', ['high-bone-turnover-unexplained']),
  safety('§7 teriparatide taken exactly 24 months: lifetime limit reached', 'teriparatide',
    { medications: [{ drug: 'teriparatide', start: '2024-11-23' }] }, 'blocked', ['lifetime-limit-reached']),
  safety('§7 teriparatide taken one day short of 24 months: not reached', 'teriparatide',
    { medications: [{ drug: 'teriparatide', start: '2024-11-24' }] }, 'allowed', []),
  safety('§7 two 12-month teriparatide courses add up to 24 months', 'teriparatide',
    { medications: [{ drug: 'teriparatide', start: '2023-01-01', end: '2024-01-01' }, { drug: 'teriparatide', start: '2025-11-23' }] }, 'blocked', ['lifetime-limit-reached']),
  safety('§7 romosozumab after 11 doses: not reached', 'romosozumab',
    { medications: [{ drug: 'romosozumab', start: '2025-12-01', doses: monthly('2025-12', 11) }] }, 'allowed', []),
  safety('§7 romosozumab after 12 doses: lifetime limit reached', 'romosozumab',
    { medications: [{ drug: 'romosozumab', start: '2025-11-01', doses: monthly('2025-11', 12) }] }, 'blocked', ['lifetime-limit-reached']),
];

/** `n` monthly dates on the 1st, from `yyyy-mm`. */
export function monthly(from: string, n: number): string[] {
  const [y0, m0] = from.split('-').map(Number) as [number, number];
  return Array.from({ length: n }, (_, i) => {
    const m = m0 - 1 + i;
    return `${y0 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-01`;
  });
}

const on = (drug: string, start: string, extra: object = {}) => ({ medications: [{ drug, start, ...extra }] }) as CaseOverrides;

export const courseRows: Row[] = [
  { spec: '§8 regimen: alendronic acid 70 mg weekly, fasting and upright', code: 'medication.regimen', input: makeCase(on('alendronic-acid', '2026-01-01')),
    like: { drug: 'alendronic-acid', dose: '70 mg', interval: 'weekly', instructions: ['fasting', 'plain-water', 'upright-30-minutes', 'no-food-30-minutes'] } },
  { spec: '§8 regimen: ibandronic acid IV 3 mg every 3 months', code: 'medication.regimen', input: makeCase(on('ibandronic-acid', '2026-01-01', { route: 'iv' })),
    like: { drug: 'ibandronic-acid', dose: '3 mg', interval: 'every-3-months' } },
  { spec: '§8 regimen: ibandronic acid tablets 150 mg monthly, upright 60 min', code: 'medication.regimen', input: makeCase(on('ibandronic-acid', '2026-01-01', { route: 'oral' })),
    like: { dose: '150 mg', interval: 'monthly', instructions: ['fasting', 'plain-water', 'upright-60-minutes', 'no-food-60-minutes'] } },
  { spec: '§1 regimen: ibandronic acid without a route is not guessed', code: 'medication.regimen', input: makeCase(on('ibandronic-acid', '2026-01-01')),
    like: null, severity: 'attention', missing: ['medications.0.route'] },
  { spec: '§8 regimen: denosumab 60 mg every 6 months', code: 'medication.regimen', input: makeCase(on('denosumab', '2026-01-01')),
    like: { dose: '60 mg', interval: 'every-6-months' } },
  { spec: '§8 regimen: zoledronic acid 5 mg yearly', code: 'medication.regimen', input: makeCase(on('zoledronic-acid', '2026-01-01')),
    like: { dose: '5 mg', interval: 'yearly' } },
  { spec: '§8 regimen: teriparatide 20 µg daily', code: 'medication.regimen', input: makeCase(on('teriparatide', '2026-01-01')),
    like: { dose: '20 µg', interval: 'daily' } },
  { spec: '§8 regimen: romosozumab 210 mg monthly', code: 'medication.regimen', input: makeCase(on('romosozumab', '2026-01-01')),
    like: { dose: '210 mg', interval: 'monthly' } },
  { spec: '§8 regimen: raloxifene 60 mg daily', code: 'medication.regimen', input: makeCase(on('raloxifene', '2026-01-01')),
    like: { dose: '60 mg', interval: 'daily' } },
  { spec: '§8 regimen only for current drugs (ended course)', code: 'medication.regimen', input: makeCase(on('alendronic-acid', '2020-01-01', { end: '2025-01-01' })), value: 'absent' },

  { spec: '§8 review: alendronic acid 5 years after start, reached', code: 'medication.review-due', input: makeCase(on('alendronic-acid', '2021-11-23')),
    like: { drug: 'alendronic-acid', date: '2026-11-23' }, severity: 'attention' },
  { spec: '§8 review: risedronic acid 5 years after start, ahead', code: 'medication.review-due', input: makeCase(on('risedronic-acid', '2022-01-10')),
    like: { drug: 'risedronic-acid', date: '2027-01-10' }, severity: 'info' },
  { spec: '§8 review: zoledronic acid 3 years, from a leap day', code: 'medication.review-due', input: makeCase(on('zoledronic-acid', '2024-02-29')),
    like: { drug: 'zoledronic-acid', date: '2027-02-28' } },
  { spec: '§8 review: denosumab 3 years (guideline, not 5)', code: 'medication.review-due', input: makeCase(on('denosumab', '2023-11-24')),
    like: { drug: 'denosumab', date: '2026-11-24' }, severity: 'info' },
  { spec: '§8 review: teriparatide 2 years', code: 'medication.review-due', input: makeCase(on('teriparatide', '2025-01-31')),
    like: { drug: 'teriparatide', date: '2027-01-31' } },
  { spec: '§8 review: romosozumab 1 year', code: 'medication.review-due', input: makeCase(on('romosozumab', '2026-01-31')),
    like: { drug: 'romosozumab', date: '2027-01-31' } },
  { spec: '§8 review: ibandronic acid tablets like the oral bisphosphonates (Botpad policy)', code: 'medication.review-due', input: makeCase(on('ibandronic-acid', '2022-05-01', { route: 'oral' })),
    like: { drug: 'ibandronic-acid', date: '2027-05-01' } },
  { spec: '§8 review: raloxifene has no review interval in the guideline table', code: 'medication.review-due', input: makeCase(on('raloxifene', '2022-05-01')), value: 'absent' },

  { spec: '§8 next dose: denosumab 6 months after the last injection', code: 'medication.next-dose',
    input: makeCase(on('denosumab', '2025-05-23', { doses: ['2025-05-23', '2025-11-23', '2026-05-23'] })), like: { drug: 'denosumab', date: '2026-11-23' }, severity: 'info' },
  { spec: '§1/§8 next dose: denosumab month end clamps (31 May + 6 months = 30 Nov)', code: 'medication.next-dose',
    input: makeCase(on('denosumab', '2026-05-31', { doses: ['2026-05-31'] })), like: { date: '2026-11-30' } },
  { spec: '§8 next dose: alendronic acid a week after the last tablet', code: 'medication.next-dose',
    input: makeCase(on('alendronic-acid', '2026-01-01', { doses: ['2026-11-20'] })), like: { date: '2026-11-27' } },
  { spec: '§8 next dose: zoledronic acid a year after the last infusion, overdue shows attention', code: 'medication.next-dose',
    input: makeCase(on('zoledronic-acid', '2025-11-01', { doses: ['2025-11-01'] })), like: { date: '2026-11-01' }, severity: 'attention' },
  { spec: '§8 next dose: no dose list counts the start as the first dose and says so', code: 'medication.next-dose',
    input: makeCase(on('zoledronic-acid', '2026-03-15')), like: { date: '2027-03-15' }, missing: ['medications.0.doses'] },

  { spec: '§8 denosumab 6 months after the last injection is not late', code: 'medication.denosumab-late',
    input: makeCase(on('denosumab', '2025-05-23', { doses: ['2026-05-23'] })), value: 'absent' },
  { spec: '§8 denosumab one day short of 7 months is not late', code: 'medication.denosumab-late',
    input: makeCase(on('denosumab', '2025-05-23', { doses: ['2026-04-24'] })), value: 'absent' },
  { spec: '§8 denosumab 7 months after the last injection is late (action)', code: 'medication.denosumab-late',
    input: makeCase(on('denosumab', '2025-05-23', { doses: ['2026-04-23'] })), like: { due: '2026-10-23', lastInjection: '2026-04-23' }, severity: 'action' },
  { spec: '§1/§8 denosumab late with month-end clamping: 31 Jul + 7 months = 28 Feb', code: 'medication.denosumab-late',
    input: makeCase({ asOf: '2026-02-28', ...on('denosumab', '2025-07-31', { doses: ['2025-07-31'] }) }), like: { due: '2026-01-31', lastInjection: '2025-07-31' }, severity: 'action' },
  { spec: '§1/§8 denosumab on 27 Feb, 31 Jul + 7 months not yet reached', code: 'medication.denosumab-late',
    input: makeCase({ asOf: '2026-02-27', ...on('denosumab', '2025-07-31', { doses: ['2025-07-31'] }) }), value: 'absent' },

  { spec: '§8 denosumab stopped without a follow-on: block', code: 'medication.denosumab-stop-without-follow-on',
    input: makeCase(on('denosumab', '2023-06-01', { end: '2026-09-01', doses: ['2025-12-01', '2026-06-01'] })),
    like: { lastInjection: '2026-06-01', followOnDue: '2026-12-01' }, severity: 'block' },
  { spec: '§8 denosumab stopped with zoledronic acid planned on the last allowed day: no block', code: 'medication.denosumab-stop-without-follow-on',
    input: makeCase({ ...on('denosumab', '2023-06-01', { end: '2026-09-01', doses: ['2026-06-01'] }), plannedMedications: [{ drug: 'zoledronic-acid', from: '2026-12-01' }] }), value: 'absent' },
  { spec: '§8 denosumab stopped with the follow-on planned a day too late: block', code: 'medication.denosumab-stop-without-follow-on',
    input: makeCase({ ...on('denosumab', '2023-06-01', { end: '2026-09-01', doses: ['2026-06-01'] }), plannedMedications: [{ drug: 'zoledronic-acid', from: '2026-12-02' }] }),
    like: { followOnDue: '2026-12-01' }, severity: 'block' },
  { spec: '§8 denosumab followed by alendronic acid already started: no block', code: 'medication.denosumab-stop-without-follow-on',
    input: makeCase({ medications: [{ drug: 'denosumab', start: '2023-06-01', end: '2026-09-01', doses: ['2026-06-01'] }, { drug: 'alendronic-acid', start: '2026-11-01' }] }), value: 'absent' },
  { spec: '§8 denosumab still running: no stop block', code: 'medication.denosumab-stop-without-follow-on',
    input: makeCase(on('denosumab', '2023-06-01', { doses: ['2026-06-01'] })), value: 'absent' },

  { spec: '§8 anabolic end: teriparatide 24 months after start', code: 'medication.anabolic-end',
    input: makeCase(on('teriparatide', '2025-06-15')), like: { drug: 'teriparatide', date: '2027-06-15' }, severity: 'info' },
  { spec: '§8 anabolic end: teriparatide after an earlier 6-month course ends 18 months into this one', code: 'medication.anabolic-end',
    input: makeCase({ medications: [{ drug: 'teriparatide', start: '2022-01-10', end: '2022-07-10' }, { drug: 'teriparatide', start: '2026-01-10' }] }),
    like: { drug: 'teriparatide', date: '2027-07-10' } },
  { spec: '§8 anabolic end: romosozumab one month after the 12th dose, follow-on due (attention)', code: 'medication.anabolic-end',
    input: makeCase(on('romosozumab', '2025-11-01', { doses: monthly('2025-11', 12) })), like: { drug: 'romosozumab', date: '2026-11-01' }, severity: 'attention' },
  { spec: '§8 anabolic end: romosozumab with the follow-on planned is informational', code: 'medication.anabolic-end',
    input: makeCase({ ...on('romosozumab', '2025-11-01', { doses: monthly('2025-11', 12) }), plannedMedications: [{ drug: 'alendronic-acid', from: '2026-11-25' }] }),
    like: { date: '2026-11-01' }, severity: 'info' },
  { spec: '§8 anabolic end: romosozumab after 3 doses projects the 12th dose', code: 'medication.anabolic-end',
    input: makeCase(on('romosozumab', '2026-09-01', { doses: ['2026-09-01', '2026-10-01', '2026-11-01'] })), like: { date: '2027-09-01' }, severity: 'info' },

  { spec: '§7 pre-dose check: zoledronic acid infusion within 2 weeks, no recent eGFR (attention)', code: 'medication.pre-dose-check',
    input: makeCase(on('zoledronic-acid', '2025-12-01', { doses: ['2025-12-01'] })), like: { drug: 'zoledronic-acid', test: 'egfr', withinDays: 14 }, severity: 'attention' },
  { spec: '§7 pre-dose check: zoledronic acid with an eGFR in the window (info)', code: 'medication.pre-dose-check',
    input: makeCase({ ...on('zoledronic-acid', '2025-12-01', { doses: ['2025-12-01'] }), labs: [lab('egfr', 70, 'mL/min/1.73m2', '2026-11-20')] as never }),
    like: { test: 'egfr', withinDays: 14 }, severity: 'info' },
  { spec: '§7 pre-dose check: denosumab calcium within 4 weeks, injection months away (info)', code: 'medication.pre-dose-check',
    input: makeCase(on('denosumab', '2025-09-01', { doses: ['2026-09-01'] })), like: { drug: 'denosumab', test: 'calcium-corrected', withinDays: 28 }, severity: 'info' },
  { spec: '§7 pre-dose check: planned denosumab start in 3 weeks needs calcium now', code: 'medication.pre-dose-check',
    input: makeCase({ plannedMedications: [{ drug: 'denosumab', from: '2026-12-14' }] }), like: { drug: 'denosumab' }, severity: 'attention' },
  { spec: '§7 pre-dose check: not for oral drugs', code: 'medication.pre-dose-check', input: makeCase(on('alendronic-acid', '2026-01-01')), value: 'absent' },
];
