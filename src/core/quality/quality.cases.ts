// A small cohort counted by hand, for the indicators' table tests (core) and the store's sums
// (store/quality.test.ts). Seven patients with their index fracture on 2025-03-03 (day 84 =
// 2025-05-26, day 90 = 2025-06-01, day 112 = 2025-06-23, day 364 = 2026-03-02), judged on the
// builder's day, 2026-11-23, when every target of theirs has passed.
import type { Case } from '../case.schema.js';
import { fracture, makeCase, type CaseOverrides } from '../testing/builder.js';
import type { QualityFacts } from './indicators.js';
import type { OutcomeCode, QualityIndicator } from './lists.js';

export const F = '2025-03-03';
export const SEVENTY = { birthDate: '1955-01-01' };
const EIGHTY = { birthDate: '1945-01-01' };
export const noFacts: QualityFacts = { enteredCare: '2025-03-10', assessmentsSigned: [], decisions: [], fallsScreens: [], careEnd: null };
export const hipT = (date: string, t: number) => [{ date, site: 'total-hip' as const, tScore: t }];
const vfa = (date: string, grade: 0 | 2) => ({ date, vertebrae: [{ level: 'T12' as const, grade }, { level: 'L1' as const, grade: 0 as const }] });
const alen = (start: string, end?: string) => [{ drug: 'alendronic-acid' as const, start, ...(end ? { end } : {}) }];

export interface Patient {
  name: string;
  c: Case;
  facts: QualityFacts;
  /** The outcome of each indicator, worked out by hand from the record. */
  want: Record<QualityIndicator, OutcomeCode | null>;
  iof: boolean;
}

export const patient = (name: string, o: CaseOverrides, facts: Partial<QualityFacts>, want: Record<QualityIndicator, OutcomeCode | null>, iof = false): Patient =>
  ({ name, c: makeCase(o), facts: { ...noFacts, ...facts }, want, iof });

const W = 'excluded:workup-waived' as const;
const D = 'excluded:died' as const;

export const COHORT_2025: Patient[] = [
  patient('every step on time', {
    person: SEVENTY, fractures: [fracture(F, 'wrist')], dxa: hipT('2025-04-14', -2.7), vfa: vfa('2025-04-14', 2),
    falls: { fallsLast12Months: 2 }, medications: alen('2025-05-05'), contacts: [{ kind: '3-months', date: '2025-06-01' }],
  }, {
    assessmentsSigned: [{ on: '2025-04-20', by: 'c1' }], fallsScreens: ['2025-04-14'], decisions: [{ on: '2025-05-01', medication: true, exercise: true }],
  }, {
    identification: 'met', 'assessment-90-days': 'met', 'dxa-90-days': 'met', 'vertebral-fracture-identified': 'met', 'falls-assessment': 'met',
    'bone-therapy-recommended': 'met', 'strength-and-balance': 'met', 'monitoring-contact-12-16-weeks': 'met', 'started-by-16-weeks': 'met',
    'on-treatment-52-weeks': 'met', 'data-completeness': 'met',
  }, true),
  patient('every step late', {
    person: SEVENTY, fractures: [fracture(F, 'wrist')], dxa: hipT('2025-06-10', -2.6), medications: alen('2025-07-05'),
  }, {
    assessmentsSigned: [{ on: '2025-06-15', by: 'c2' }], decisions: [{ on: '2025-07-01', medication: true, exercise: false }],
  }, {
    identification: 'met', 'assessment-90-days': 'not-met', 'dxa-90-days': 'not-met', 'vertebral-fracture-identified': null, 'falls-assessment': 'not-met',
    'bone-therapy-recommended': 'met', 'strength-and-balance': null, 'monitoring-contact-12-16-weeks': 'not-met', 'started-by-16-weeks': 'not-met',
    'on-treatment-52-weeks': null, 'data-completeness': 'not-met',
  }),
  patient('declined medication (chose lifestyle only)', {
    person: SEVENTY, fractures: [fracture(F, 'wrist')], dxa: hipT('2025-04-01', -3.0), vfa: vfa('2025-04-01', 0),
    falls: { fallsLast12Months: 0 }, contacts: [{ kind: '3-months', date: '2025-06-10' }],
  }, {
    assessmentsSigned: [{ on: '2025-04-10', by: 'c1' }], fallsScreens: ['2025-04-01'], decisions: [{ on: '2025-04-20', medication: false, exercise: true }],
  }, {
    identification: 'met', 'assessment-90-days': 'met', 'dxa-90-days': 'met', 'vertebral-fracture-identified': 'not-met', 'falls-assessment': 'met',
    'bone-therapy-recommended': 'not-met', 'strength-and-balance': null, 'monitoring-contact-12-16-weeks': 'met', 'started-by-16-weeks': null,
    'on-treatment-52-weeks': null, 'data-completeness': 'met',
  }, true),
  patient('work-up waived (nursing home)', {
    person: SEVENTY, fractures: [fracture(F, 'wrist')], workupWaived: { reason: 'nursing-home', by: 'dr. A', date: '2025-03-20' },
  }, {}, {
    identification: 'met', 'assessment-90-days': W, 'dxa-90-days': W, 'vertebral-fracture-identified': W, 'falls-assessment': W,
    'bone-therapy-recommended': null, 'strength-and-balance': null, 'monitoring-contact-12-16-weeks': W, 'started-by-16-weeks': null,
    'on-treatment-52-weeks': null, 'data-completeness': W,
  }),
  patient('declined the work-up, hip fracture at 80', {
    person: EIGHTY, fractures: [fracture(F, 'hip')], workupWaived: { reason: 'declined', by: 'dr. A', date: '2025-03-25' },
  }, {}, {
    identification: 'met', 'assessment-90-days': W, 'dxa-90-days': W, 'vertebral-fracture-identified': W, 'falls-assessment': W,
    'bone-therapy-recommended': W, 'strength-and-balance': null, 'monitoring-contact-12-16-weeks': W, 'started-by-16-weeks': null,
    'on-treatment-52-weeks': null, 'data-completeness': W,
  }),
  patient('died four weeks after a hip fracture at 80', {
    person: EIGHTY, fractures: [fracture(F, 'hip')],
  }, { careEnd: { reason: 'deceased', on: '2025-04-01' } }, {
    identification: 'met', 'assessment-90-days': D, 'dxa-90-days': D, 'vertebral-fracture-identified': D, 'falls-assessment': D,
    'bone-therapy-recommended': D, 'strength-and-balance': null, 'monitoring-contact-12-16-weeks': D, 'started-by-16-weeks': null,
    'on-treatment-52-weeks': null, 'data-completeness': D,
  }),
  patient('moved away in August, stopping the tablet', {
    person: SEVENTY, fractures: [fracture(F, 'wrist')], dxa: hipT('2025-04-01', -2.8), falls: { fallsLast12Months: 1, tugSeconds: 20 },
    medications: alen('2025-04-15', '2025-07-31'),
  }, {
    assessmentsSigned: [{ on: '2025-04-05', by: 'c2' }], fallsScreens: ['2025-04-01'], decisions: [{ on: '2025-04-10', medication: true, exercise: false }],
    careEnd: { reason: 'moved', on: '2025-08-01' },
  }, {
    identification: 'met', 'assessment-90-days': 'met', 'dxa-90-days': 'met', 'vertebral-fracture-identified': null, 'falls-assessment': 'met',
    'bone-therapy-recommended': 'met', 'strength-and-balance': 'not-met', 'monitoring-contact-12-16-weeks': 'not-met', 'started-by-16-weeks': 'met',
    'on-treatment-52-weeks': 'excluded:left-care', 'data-completeness': 'not-met',
  }, true),
];

/** Per indicator: numerator, denominator (met + not met), open, and the left-out counts — counted by hand from the table above. */
export const HAND_COUNTS: Record<QualityIndicator, [number, number, number, { 'workup-waived': number; died: number; 'left-care': number }]> = {
  identification: [7, 7, 0, { 'workup-waived': 0, died: 0, 'left-care': 0 }],
  'assessment-90-days': [3, 4, 0, { 'workup-waived': 2, died: 1, 'left-care': 0 }],
  'dxa-90-days': [3, 4, 0, { 'workup-waived': 2, died: 1, 'left-care': 0 }],
  'vertebral-fracture-identified': [1, 2, 0, { 'workup-waived': 2, died: 1, 'left-care': 0 }],
  'falls-assessment': [3, 4, 0, { 'workup-waived': 2, died: 1, 'left-care': 0 }],
  'bone-therapy-recommended': [3, 4, 0, { 'workup-waived': 1, died: 1, 'left-care': 0 }],
  'strength-and-balance': [1, 2, 0, { 'workup-waived': 0, died: 0, 'left-care': 0 }],
  'monitoring-contact-12-16-weeks': [2, 4, 0, { 'workup-waived': 2, died: 1, 'left-care': 0 }],
  'started-by-16-weeks': [2, 3, 0, { 'workup-waived': 0, died: 0, 'left-care': 0 }],
  'on-treatment-52-weeks': [1, 1, 0, { 'workup-waived': 0, died: 0, 'left-care': 1 }],
  'data-completeness': [2, 4, 0, { 'workup-waived': 2, died: 1, 'left-care': 0 }],
};

