// Table of laboratory rows (clinical-rules.md §1 units, §6). asOf is 2026-11-23.
import type { Row } from '../testing/rows.js';
import { bornAged, dxa, fracture, lab, makeCase, normalPanel } from '../testing/builder.js';
import type { LabResult } from '../case.schema.js';

const VD = 'lab.vitamin-d';
const OM = 'lab.osteomalacia-suspected';
const START = 'medication.start-after';
const SC = 'secondary-cause.suspected';
const PANEL = 'lab.panel-missing';
/** The normal panel with some tests replaced. */
const panel = (...changes: LabResult[]) => [
  ...normalPanel().filter((r) => !changes.some((c) => c.test === r.test)), ...changes,
];
const calm = { osteomalaciaSymptoms: false };

export const laboratoryRows: Row[] = [
  // Vitamin D boundaries and conversion.
  { spec: '§6', name: '29.9 nmol/L is severe deficiency', code: VD, value: { status: 'severe-deficiency', nmolPerL: 29.9 }, severity: 'action',
    input: makeCase({ labs: panel(lab('25-oh-vitamin-d', 29.9)) }) },
  { spec: '§6', name: '30 nmol/L is insufficient', code: VD, value: { status: 'insufficient', nmolPerL: 30 }, severity: 'attention',
    input: makeCase({ labs: panel(lab('25-oh-vitamin-d', 30)) }) },
  { spec: '§6', name: '49.9 nmol/L is insufficient', code: VD, value: { status: 'insufficient', nmolPerL: 49.9 }, input: makeCase({ labs: panel(lab('25-oh-vitamin-d', 49.9)) }) },
  { spec: '§6', name: '50 nmol/L is adequate', code: VD, value: { status: 'adequate', nmolPerL: 50 }, severity: 'info', input: makeCase({ labs: panel(lab('25-oh-vitamin-d', 50)) }) },
  { spec: '§1/§6', name: '12 ng/mL converts to 29.952 nmol/L (severe)', code: VD, value: { status: 'severe-deficiency', nmolPerL: 29.952 },
    input: makeCase({ labs: panel(lab('25-oh-vitamin-d', 12, { unit: 'ng/mL' })) }) },
  { spec: '§1/§6', name: '20.04 ng/mL converts to 50.01984 nmol/L (adequate)', code: VD, value: { status: 'adequate', nmolPerL: 50.01984 },
    input: makeCase({ labs: panel(lab('25-oh-vitamin-d', 20.04, { unit: 'ng/mL' })) }) },
  { spec: '§6', name: 'the most recent value counts', code: VD, value: { status: 'adequate', nmolPerL: 70 },
    input: makeCase({ labs: [lab('25-oh-vitamin-d', 20, { date: '2026-01-01' }), lab('25-oh-vitamin-d', 70, { date: '2026-10-01' }), lab('25-oh-vitamin-d', 10, { date: '2026-12-01' })] }) },
  { spec: '§1/§6', name: 'no vitamin D: null with attention', code: VD, value: null, severity: 'attention', missing: ['labs.25-oh-vitamin-d'], input: makeCase() },
  // Osteomalacia and waiting for repletion.
  { spec: '§6', name: 'vitamin D < 30 with low corrected calcium blocks (2.10 + 0.02×(40−36) = 2.18)', code: OM,
    value: { reasons: ['vitamin-d-below-30', 'hypocalcaemia'] }, severity: 'block',
    input: makeCase({ safety: calm, labs: panel(lab('25-oh-vitamin-d', 20), lab('calcium', 2.1), lab('albumin', 36)) }) },
  { spec: '§6', name: 'vitamin D < 30 with symptoms blocks', code: OM, value: { reasons: ['vitamin-d-below-30', 'osteomalacia-symptoms'] }, severity: 'block',
    input: makeCase({ safety: { osteomalaciaSymptoms: true }, labs: panel(lab('25-oh-vitamin-d', 20)) }) },
  { spec: '§6', name: 'corrected calcium exactly 2.20 is not low (2.10 + 0.02×(40−35))', code: OM, value: 'absent',
    input: makeCase({ safety: calm, labs: panel(lab('25-oh-vitamin-d', 20), lab('calcium', 2.1), lab('albumin', 35)) }) },
  { spec: '§6', name: 'no osteomalacia: start medication 42 days after asOf', code: START, value: { date: '2027-01-04', reason: 'vitamin-d-repletion' }, severity: 'action',
    input: makeCase({ safety: calm, labs: panel(lab('25-oh-vitamin-d', 20)) }),
    mentions: [{ lang: 'nl', who: 'patient', text: '4 januari 2027' }, { lang: 'en', who: 'clinician', text: '800 IU (20 µg)' }] },
  { spec: '§6', name: 'suspected osteomalacia: no start date, referral instead', code: START, value: 'absent',
    input: makeCase({ safety: { osteomalaciaSymptoms: true }, labs: panel(lab('25-oh-vitamin-d', 20)) }) },
  { spec: '§6', name: 'vitamin D 30: no waiting period', code: START, value: 'absent', input: makeCase({ safety: calm, labs: panel(lab('25-oh-vitamin-d', 30)) }) },
  { spec: '§1/§6', name: 'symptoms not asked: attention asking about them, and the start date still given', code: OM, value: null, severity: 'attention',
    missing: ['safety.osteomalaciaSymptoms'], input: makeCase({ labs: panel(lab('25-oh-vitamin-d', 20)) }) },
  { spec: '§1/§6', name: 'symptoms not asked: start-after lists them as missing', code: START, value: { date: '2027-01-04', reason: 'vitamin-d-repletion' },
    missing: ['safety.osteomalaciaSymptoms'], input: makeCase({ labs: panel(lab('25-oh-vitamin-d', 20)) }) },
  { spec: '§1/§6', name: 'calcium unknown: osteomalacia undecided naming calcium and albumin', code: OM, value: null, missing: ['labs.calcium', 'labs.albumin'],
    input: makeCase({ safety: calm, labs: [lab('25-oh-vitamin-d', 20)] }) },
  // Secondary causes.
  { spec: '§6', name: 'normal panel: no secondary cause', code: SC, value: 'absent', input: makeCase({ labs: normalPanel() }) },
  { spec: '§6', name: 'corrected calcium 2.61 (given) suggests hyperparathyroidism', code: SC, value: { causes: ['hyperparathyroidism'] }, severity: 'attention',
    input: makeCase({ labs: [...normalPanel().filter((r) => r.test !== 'calcium' && r.test !== 'albumin'), lab('calcium-corrected', 2.61)] }) },
  { spec: '§6', name: 'corrected calcium 2.60 is normal', code: SC, value: 'absent',
    input: makeCase({ labs: [...normalPanel().filter((r) => r.test !== 'calcium' && r.test !== 'albumin'), lab('calcium-corrected', 2.6)] }) },
  { spec: '§6', name: 'calcium 2.60 with albumin 39.5 corrects to 2.61: hyperparathyroidism', code: SC, value: { causes: ['hyperparathyroidism'] },
    input: makeCase({ labs: panel(lab('calcium', 2.6), lab('albumin', 39.5)) }) },
  { spec: '§6', name: 'PTH 7.1 with normal calcium: hyperparathyroidism', code: SC, value: { causes: ['hyperparathyroidism'] }, input: makeCase({ labs: panel(lab('pth', 7.1)) }) },
  { spec: '§6', name: 'PTH 7.0 is within the default range', code: SC, value: 'absent', input: makeCase({ labs: panel(lab('pth', 7.0)) }) },
  { spec: '§6', name: 'PTH 7.1 with low calcium is not hyperparathyroidism', code: SC, value: 'absent',
    input: makeCase({ labs: panel(lab('pth', 7.1), lab('calcium', 2.0)) }) },
  { spec: '§6', name: 'TSH 0.39 below the default range: hyperthyroidism', code: SC, value: { causes: ['hyperthyroidism'] }, input: makeCase({ labs: panel(lab('tsh', 0.39)) }) },
  { spec: '§6', name: 'TSH 0.4 is in range', code: SC, value: 'absent', input: makeCase({ labs: panel(lab('tsh', 0.4)) }) },
  { spec: '§6', name: 'TSH 0.5 below the lab\'s own range 0.6', code: SC, value: { causes: ['hyperthyroidism'] }, input: makeCase({ labs: panel(lab('tsh', 0.5, { refLow: 0.6 })) }) },
  { spec: '§6', name: 'eGFR 59: renal impairment', code: SC, value: { causes: ['renal-impairment'] }, input: makeCase({ labs: panel(lab('egfr', 59)) }) },
  { spec: '§6', name: 'eGFR 60: no renal impairment', code: SC, value: 'absent', input: makeCase({ labs: panel(lab('egfr', 60)) }) },
  { spec: '§6', name: 'vitamin D 29 is a suspected cause', code: SC, value: { causes: ['vitamin-d-deficiency'] }, input: makeCase({ safety: calm, labs: panel(lab('25-oh-vitamin-d', 29)) }) },
  { spec: '§6', name: 'man with testosterone below the lab range: hypogonadism', code: SC, value: { causes: ['hypogonadism'] },
    input: makeCase({ person: { birthDate: bornAged(60), sex: 'male', menopause: undefined }, labs: panel(lab('testosterone', 7.9, { refLow: 8 })) }) },
  { spec: '§6', name: 'man with testosterone at the lower limit: none', code: SC, value: 'absent',
    input: makeCase({ person: { birthDate: bornAged(60), sex: 'male', menopause: undefined }, labs: panel(lab('testosterone', 8, { refLow: 8 })) }) },
  { spec: '§6', name: 'M-protein above 0: monoclonal gammopathy', code: SC, value: { causes: ['monoclonal-gammopathy'] }, input: makeCase({ labs: panel(lab('m-protein', 0.1)) }) },
  { spec: '§6', name: 'alkaline phosphatase 121 without a recent fracture', code: SC, value: { causes: ['high-bone-turnover-unexplained'] },
    input: makeCase({ labs: panel(lab('alkaline-phosphatase', 121)) }) },
  { spec: '§6', name: 'alkaline phosphatase 121 with a fracture 2 months ago is explained', code: SC, value: 'absent',
    input: makeCase({ labs: panel(lab('alkaline-phosphatase', 121)), fractures: [fracture('2026-09-23', 'wrist')] }) },
  { spec: '§6', name: 'alkaline phosphatase 121 with a fracture exactly 3 months ago (on asOf − 3 months) is explained', code: SC, value: 'absent',
    input: makeCase({ labs: panel(lab('alkaline-phosphatase', 121)), fractures: [fracture('2026-08-23', 'wrist')] }) },
  { spec: '§6', name: 'alkaline phosphatase 121 with a fracture 3 months and a day ago is unexplained', code: SC, value: { causes: ['high-bone-turnover-unexplained'] },
    input: makeCase({ labs: panel(lab('alkaline-phosphatase', 121)), fractures: [fracture('2026-08-22', 'wrist')] }) },
  { spec: '§6', name: 'alkaline phosphatase 120 is in range', code: SC, value: 'absent', input: makeCase({ labs: panel(lab('alkaline-phosphatase', 120)) }) },
  { spec: '§1/§6', name: 'calcium in mg/dL: 10.5 mg/dL = 2.61975 mmol/L, corrected 2.62: hyperparathyroidism', code: SC, value: { causes: ['hyperparathyroidism'] },
    input: makeCase({ labs: panel(lab('calcium', 10.5, { unit: 'mg/dL' })) }) },
  { spec: '§1/§6', name: 'albumin in g/dL: 3.0 g/dL = 30 g/L corrects calcium 2.45 to 2.65', code: SC, value: { causes: ['hyperparathyroidism'] },
    input: makeCase({ labs: panel(lab('calcium', 2.45), lab('albumin', 3.0, { unit: 'g/dL' })) }) },
  // Panel.
  { spec: '§6', name: 'medication indicated without labs: the whole panel is asked for', code: PANEL,
    value: { tests: ['calcium', 'albumin', 'egfr', 'tsh', '25-oh-vitamin-d'] }, severity: 'attention', input: makeCase({ dxa: dxa('2026-10-01', [{ site: 'total-hip', t: -2.5 }]) }) },
  { spec: '§6', name: 'man of 69 also needs testosterone', code: PANEL, value: { tests: ['testosterone'] },
    input: makeCase({ person: { birthDate: bornAged(69), sex: 'male', menopause: undefined }, labs: normalPanel(), dxa: dxa('2026-10-01', [{ site: 'total-hip', t: -2.5 }]) }) },
  { spec: '§6', name: 'man of 70 does not', code: PANEL, value: 'absent',
    input: makeCase({ person: { birthDate: bornAged(70), sex: 'male', menopause: undefined }, labs: normalPanel(), dxa: dxa('2026-10-01', [{ site: 'total-hip', t: -2.5 }]) }) },
  { spec: '§6', name: 'T −1.0 with a qualifying fracture triggers the panel', code: PANEL, value: { tests: ['tsh'] },
    input: makeCase({ labs: normalPanel().filter((r) => r.test !== 'tsh'), fractures: [fracture('2026-06-01', 'wrist')], dxa: dxa('2026-10-01', [{ site: 'total-hip', t: -1.0 }]) }) },
  { spec: '§6', name: 'T −0.9 with a qualifying fracture does not', code: PANEL, value: 'absent',
    input: makeCase({ labs: [], fractures: [fracture('2026-06-01', 'wrist')], dxa: dxa('2026-10-01', [{ site: 'total-hip', t: -0.9 }]) }) },
  { spec: '§6', name: 'a reported corrected calcium covers calcium and albumin', code: PANEL, value: { tests: ['egfr'] },
    input: makeCase({ labs: [lab('calcium-corrected', 2.3), lab('tsh', 1), lab('25-oh-vitamin-d', 60)], dxa: dxa('2026-10-01', [{ site: 'total-hip', t: -3 }]) }) },
];
