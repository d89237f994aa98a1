// The worklist steps of every drug of the catalogue, by route: which doses the clinic gives
// (`dose-due`), the blood test before them (`pre-dose-check`), the review of the course's length
// and the anabolic end (`review`), and the denosumab alerts. Every date is worked out by hand on
// the calendar (month ends clamp, leap days count), never by the code under test; the rows on 29,
// 30 and 31 of a month and on 29 February are where a date library and the clinic disagree first.
import type { Case, Drug } from '../case.schema.js';
import type { Route } from '../medication/catalogue.js';
import { lab, makeCase, type CaseOverrides } from '../testing/builder.js';
import type { ItemCase } from './derive.cases.js';

export interface DrugItemCase extends ItemCase {
  /** The drug (and route) the row is about: every drug and route of the catalogue has rows. */
  drug: Drug;
  route: Route;
}

type Med = NonNullable<Case['medications']>[number];
const course = (drug: Drug, route: Route, start: string, extra: Partial<Med> = {}): Med => ({ drug, route, start, ...extra });
/** A case on `asOf` with one course and whatever else the row needs. */
const on = (asOf: string, m: Med, o: CaseOverrides = {}): Case => makeCase({ asOf, medications: [m], ...o });

const alendronic: DrugItemCase[] = [
  { drug: 'alendronic-acid', route: 'oral', spec: '§7', name: 'the weekly tablet is the patient\'s own: no dose on the list',
    input: on('2026-03-01', course('alendronic-acid', 'oral', '2026-01-31', { doses: ['2026-01-31'] })), step: 'dose-due', item: 'absent' },
  { drug: 'alendronic-acid', route: 'oral', spec: '§7', name: 'no blood test before a tablet',
    input: on('2026-03-01', course('alendronic-acid', 'oral', '2026-01-31')), step: 'pre-dose-check', item: 'absent' },
  { drug: 'alendronic-acid', route: 'oral', spec: '§8 policy', name: 'started 31 January 2022: the 5-year review (31 January 2027) is on the list from 2 November 2026',
    input: on('2026-11-02', course('alendronic-acid', 'oral', '2022-01-31')), step: 'review',
    item: { key: 'review:alendronic-acid', due: '2027-01-31', overdue: false, priority: 'normal', reasons: ['alendronic-acid'], source: 'medication.review-due' } },
  { drug: 'alendronic-acid', route: 'oral', spec: '§8 policy', name: 'not on 1 November 2026 (91 days before)',
    input: on('2026-11-01', course('alendronic-acid', 'oral', '2022-01-31')), step: 'review', item: 'absent' },
  { drug: 'alendronic-acid', route: 'oral', spec: '§8', name: 'overdue on 1 February 2027',
    input: on('2027-02-01', course('alendronic-acid', 'oral', '2022-01-31')), step: 'review', item: { due: '2027-01-31', overdue: true } },
];

const risedronic: DrugItemCase[] = [
  { drug: 'risedronic-acid', route: 'oral', spec: '§7', name: 'the weekly tablet is the patient\'s own: no dose on the list',
    input: on('2026-03-01', course('risedronic-acid', 'oral', '2026-02-28', { doses: ['2026-02-28'] })), step: 'dose-due', item: 'absent' },
  { drug: 'risedronic-acid', route: 'oral', spec: '§7', name: 'no blood test before a tablet',
    input: on('2026-03-01', course('risedronic-acid', 'oral', '2026-02-28')), step: 'pre-dose-check', item: 'absent' },
  { drug: 'risedronic-acid', route: 'oral', spec: '§1/§8', name: 'started on 29 February 2024: the 5-year review falls on 28 February 2029',
    input: on('2029-02-28', course('risedronic-acid', 'oral', '2024-02-29')), step: 'review',
    item: { key: 'review:risedronic-acid', due: '2029-02-28', overdue: false, reasons: ['risedronic-acid'] } },
  { drug: 'risedronic-acid', route: 'oral', spec: '§1/§8', name: 'and is overdue on 1 March 2029',
    input: on('2029-03-01', course('risedronic-acid', 'oral', '2024-02-29')), step: 'review', item: { due: '2029-02-28', overdue: true } },
  { drug: 'risedronic-acid', route: 'oral', spec: '§8 policy', name: 'on the list from 30 November 2028 (90 days before)',
    input: on('2028-11-30', course('risedronic-acid', 'oral', '2024-02-29')), step: 'review', item: { due: '2029-02-28', overdue: false } },
  { drug: 'risedronic-acid', route: 'oral', spec: '§8 policy', name: 'not on 29 November 2028',
    input: on('2028-11-29', course('risedronic-acid', 'oral', '2024-02-29')), step: 'review', item: 'absent' },
];

const ibandronicOral: DrugItemCase[] = [
  { drug: 'ibandronic-acid', route: 'oral', spec: '§7', name: 'the monthly tablet is the patient\'s own: no dose on the list',
    input: on('2026-02-10', course('ibandronic-acid', 'oral', '2026-01-31', { doses: ['2026-01-31'] })), step: 'dose-due', item: 'absent' },
  { drug: 'ibandronic-acid', route: 'oral', spec: '§7', name: 'no blood test before the tablet',
    input: on('2026-02-10', course('ibandronic-acid', 'oral', '2026-01-31')), step: 'pre-dose-check', item: 'absent' },
  { drug: 'ibandronic-acid', route: 'oral', spec: '§8', name: 'the tablet is reviewed after 5 years: started 31 August 2021, review 31 August 2026',
    input: on('2026-07-01', course('ibandronic-acid', 'oral', '2021-08-31')), step: 'review',
    item: { key: 'review:ibandronic-acid', due: '2026-08-31', overdue: false, reasons: ['ibandronic-acid'] } },
];

const ibandronicIv: DrugItemCase[] = [
  { drug: 'ibandronic-acid', route: 'iv', spec: '§1/§7', name: 'the three-monthly infusion given on 30 November 2026 is due on 28 February 2027',
    input: on('2027-02-01', course('ibandronic-acid', 'iv', '2026-11-30', { doses: ['2026-11-30'] })), step: 'dose-due',
    item: { key: 'dose-due:ibandronic-acid', due: '2027-02-28', overdue: false, priority: 'normal', reasons: ['ibandronic-acid'], source: 'medication.next-dose' } },
  { drug: 'ibandronic-acid', route: 'iv', spec: '§7', name: 'overdue on 1 March 2027',
    input: on('2027-03-01', course('ibandronic-acid', 'iv', '2026-11-30', { doses: ['2026-11-30'] })), step: 'dose-due', item: { due: '2027-02-28', overdue: true } },
  { drug: 'ibandronic-acid', route: 'iv', spec: '§1/§7', name: 'given on 30 November 2027: due on 29 February 2028 (a leap year)',
    input: on('2028-01-10', course('ibandronic-acid', 'iv', '2027-08-31', { doses: ['2027-08-31', '2027-11-30'] })), step: 'dose-due', item: { due: '2028-02-29', overdue: false } },
  { drug: 'ibandronic-acid', route: 'iv', spec: '§1/§7', name: 'given on 31 August 2027: due on 30 November 2027',
    input: on('2027-10-01', course('ibandronic-acid', 'iv', '2027-08-31', { doses: ['2027-08-31'] })), step: 'dose-due', item: { due: '2027-11-30' } },
  { drug: 'ibandronic-acid', route: 'iv', spec: '§1/§7', name: 'given on 31 December 2027: due on 31 March 2028',
    input: on('2028-01-10', course('ibandronic-acid', 'iv', '2027-12-31', { doses: ['2027-12-31'] })), step: 'dose-due', item: { due: '2028-03-31' } },
  { drug: 'ibandronic-acid', route: 'iv', spec: '§7', name: 'no blood test is asked before an ibandronic acid infusion',
    input: on('2027-02-01', course('ibandronic-acid', 'iv', '2026-11-30', { doses: ['2026-11-30'] })), step: 'pre-dose-check', item: 'absent' },
  { drug: 'ibandronic-acid', route: 'iv', spec: '§8', name: 'the infusion is reviewed after 5 years too: started 31 December 2021, review 31 December 2026',
    input: on('2026-12-01', course('ibandronic-acid', 'iv', '2021-12-31', { doses: ['2026-09-30'] })), step: 'review',
    item: { key: 'review:ibandronic-acid', due: '2026-12-31', overdue: false } },
  { drug: 'ibandronic-acid', route: 'iv', spec: '§7', name: 'a switch from the tablet to the infusion: the later course\'s route decides, the infusion is on the list',
    input: makeCase({ asOf: '2026-07-01', medications: [course('ibandronic-acid', 'oral', '2025-01-31'), course('ibandronic-acid', 'iv', '2026-05-31', { doses: ['2026-05-31'] })] }),
    step: 'dose-due', item: { key: 'dose-due:ibandronic-acid', due: '2026-08-31', overdue: false } },
  { drug: 'ibandronic-acid', route: 'oral', spec: '§7', name: 'a switch from the infusion to the tablet: the tablet is the patient\'s own, no infusion on the list',
    input: makeCase({ asOf: '2026-07-01', medications: [course('ibandronic-acid', 'iv', '2025-01-31', { doses: ['2025-01-31', '2025-04-30'] }), course('ibandronic-acid', 'oral', '2026-05-31')] }),
    step: 'dose-due', item: 'absent' },
];

const zoledronic: DrugItemCase[] = [
  { drug: 'zoledronic-acid', route: 'iv', spec: '§1/§7', name: 'the yearly infusion given on 29 February 2028 is due on 28 February 2029',
    input: on('2029-01-10', course('zoledronic-acid', 'iv', '2028-02-29', { doses: ['2028-02-29'] })), step: 'dose-due',
    item: { key: 'dose-due:zoledronic-acid', due: '2029-02-28', overdue: false, priority: 'normal', reasons: ['zoledronic-acid'], source: 'medication.next-dose' } },
  { drug: 'zoledronic-acid', route: 'iv', spec: '§1/§7', name: 'given on 28 February 2027: due on 28 February 2028 (not the 29th)',
    input: on('2028-01-10', course('zoledronic-acid', 'iv', '2027-02-28', { doses: ['2027-02-28'] })), step: 'dose-due', item: { due: '2028-02-28' } },
  { drug: 'zoledronic-acid', route: 'iv', spec: '§7', name: 'the dose moves on a year from the infusion actually given (late on 15 March 2029)',
    input: on('2029-04-01', course('zoledronic-acid', 'iv', '2028-02-29', { doses: ['2028-02-29', '2029-03-15'] })), step: 'dose-due', item: { due: '2030-03-15', overdue: false } },
  { drug: 'zoledronic-acid', route: 'iv', spec: '§7', name: 'the kidney test is due on the infusion day, 28 February 2029',
    input: on('2029-01-10', course('zoledronic-acid', 'iv', '2028-02-29', { doses: ['2028-02-29'] })), step: 'pre-dose-check',
    item: { key: 'pre-dose-check:zoledronic-acid', due: '2029-02-28', overdue: false, priority: 'normal', reasons: ['zoledronic-acid', 'egfr', 'within-14-days'], source: 'medication.pre-dose-check' } },
  { drug: 'zoledronic-acid', route: 'iv', spec: '§7', name: 'an eGFR on 14 February 2029 (14 days before) closes it',
    input: on('2029-02-20', course('zoledronic-acid', 'iv', '2028-02-29', { doses: ['2028-02-29'] }), { labs: [lab('egfr', 70, { date: '2029-02-14' })] }), step: 'pre-dose-check', item: 'absent' },
  { drug: 'zoledronic-acid', route: 'iv', spec: '§7', name: 'a creatinine on 14 February 2029 closes it as well',
    input: on('2029-02-20', course('zoledronic-acid', 'iv', '2028-02-29', { doses: ['2028-02-29'] }), { labs: [lab('creatinine', 70, { date: '2029-02-14' })] }), step: 'pre-dose-check', item: 'absent' },
  { drug: 'zoledronic-acid', route: 'iv', spec: '§7', name: 'an eGFR on 13 February 2029 (15 days before) does not',
    input: on('2029-02-20', course('zoledronic-acid', 'iv', '2028-02-29', { doses: ['2028-02-29'] }), { labs: [lab('egfr', 70, { date: '2029-02-13' })] }), step: 'pre-dose-check',
    item: { due: '2029-02-28', overdue: false } },
  { drug: 'zoledronic-acid', route: 'iv', spec: '§7', name: 'the check not done is overdue on 1 March 2029',
    input: on('2029-03-01', course('zoledronic-acid', 'iv', '2028-02-29', { doses: ['2028-02-29'] })), step: 'pre-dose-check', item: { due: '2029-02-28', overdue: true } },
  { drug: 'zoledronic-acid', route: 'iv', spec: '§8 policy', name: 'started 31 March 2026: the 3-year review (31 March 2029) is on the list from 31 December 2028',
    input: on('2028-12-31', course('zoledronic-acid', 'iv', '2026-03-31', { doses: ['2026-03-31', '2027-03-31', '2028-03-31'] })), step: 'review',
    item: { key: 'review:zoledronic-acid', due: '2029-03-31', overdue: false, reasons: ['zoledronic-acid'], source: 'medication.review-due' } },
  { drug: 'zoledronic-acid', route: 'iv', spec: '§8 policy', name: 'not on 30 December 2028',
    input: on('2028-12-30', course('zoledronic-acid', 'iv', '2026-03-31', { doses: ['2026-03-31', '2027-03-31', '2028-03-31'] })), step: 'review', item: 'absent' },
];

const deno = (start: string, doses: string[], extra: Partial<Med> = {}) => course('denosumab', 'sc', start, { doses, ...extra });

const denosumab: DrugItemCase[] = [
  { drug: 'denosumab', route: 'sc', spec: '§1/§7', name: 'given on 31 August 2026: the next injection is due on 28 February 2027, high priority',
    input: on('2027-02-01', deno('2026-08-31', ['2026-08-31'])), step: 'dose-due',
    item: { key: 'dose-due:denosumab', due: '2027-02-28', overdue: false, priority: 'high', reasons: ['denosumab'], source: 'medication.next-dose' } },
  { drug: 'denosumab', route: 'sc', spec: '§1/§7', name: 'given on 31 August 2027: due on 29 February 2028 (a leap year)',
    input: on('2028-02-01', deno('2027-08-31', ['2027-08-31'])), step: 'dose-due', item: { due: '2028-02-29', overdue: false } },
  { drug: 'denosumab', route: 'sc', spec: '§1/§7', name: 'a course started on 29 February 2028: due on 29 August 2028',
    input: on('2028-08-01', deno('2028-02-29', ['2028-02-29'])), step: 'dose-due', item: { due: '2028-08-29', overdue: false } },
  { drug: 'denosumab', route: 'sc', spec: '§1/§7', name: 'then given on 29 August 2028: due on 28 February 2029',
    input: on('2028-09-01', deno('2028-02-29', ['2028-02-29', '2028-08-29'])), step: 'dose-due', item: { due: '2029-02-28', overdue: false } },
  { drug: 'denosumab', route: 'sc', spec: '§1/§7', name: 'given on 31 March 2027: due on 30 September 2027',
    input: on('2027-09-01', deno('2027-03-31', ['2027-03-31'])), step: 'dose-due', item: { due: '2027-09-30' } },
  { drug: 'denosumab', route: 'sc', spec: '§1/§7', name: 'given on 30 May 2027: due on 30 November 2027',
    input: on('2027-11-01', deno('2027-05-30', ['2027-05-30'])), step: 'dose-due', item: { due: '2027-11-30' } },
  { drug: 'denosumab', route: 'sc', spec: '§7', name: 'overdue the day after the injection day (1 March 2027)',
    input: on('2027-03-01', deno('2026-08-31', ['2026-08-31'])), step: 'dose-due', item: { due: '2027-02-28', overdue: true, priority: 'high' } },
  { drug: 'denosumab', route: 'sc', spec: '§7', name: 'corrected calcium is due on the injection day, 28 February 2027',
    input: on('2027-02-01', deno('2026-08-31', ['2026-08-31'])), step: 'pre-dose-check',
    item: { key: 'pre-dose-check:denosumab', due: '2027-02-28', overdue: false, priority: 'normal', reasons: ['denosumab', 'calcium-corrected', 'within-28-days'], source: 'medication.pre-dose-check' } },
  { drug: 'denosumab', route: 'sc', spec: '§7', name: 'a calcium on 31 January 2027 (28 days before) closes it',
    input: on('2027-02-10', deno('2026-08-31', ['2026-08-31']), { labs: [lab('calcium', 2.4, { date: '2027-01-31' })] }), step: 'pre-dose-check', item: 'absent' },
  { drug: 'denosumab', route: 'sc', spec: '§7', name: 'a corrected calcium on 31 January 2027 closes it as well',
    input: on('2027-02-10', deno('2026-08-31', ['2026-08-31']), { labs: [lab('calcium-corrected', 2.4, { date: '2027-01-31' })] }), step: 'pre-dose-check', item: 'absent' },
  { drug: 'denosumab', route: 'sc', spec: '§7', name: 'a calcium on 30 January 2027 (29 days before) does not',
    input: on('2027-02-10', deno('2026-08-31', ['2026-08-31']), { labs: [lab('calcium', 2.4, { date: '2027-01-30' })] }), step: 'pre-dose-check', item: { due: '2027-02-28' } },
  { drug: 'denosumab', route: 'sc', spec: '§8', name: 'last injection 31 July 2026: the late alert is raised on 28 February 2027 (7 months), high, about the dose due 31 January 2027',
    input: on('2027-02-28', deno('2026-07-31', ['2026-07-31'])), step: 'alert', key: 'alert:medication.denosumab-late:2027-01-31',
    item: { due: '2027-01-31', overdue: true, priority: 'high', reasons: ['medication.denosumab-late'], source: 'medication.denosumab-late' } },
  { drug: 'denosumab', route: 'sc', spec: '§8', name: 'and not on 27 February 2027, one day before',
    input: on('2027-02-27', deno('2026-07-31', ['2026-07-31'])), step: 'alert', item: 'absent' },
  { drug: 'denosumab', route: 'sc', spec: '§1/§8', name: 'last injection 31 August 2027: late from 31 March 2028, about the dose due 29 February 2028',
    input: on('2028-03-31', deno('2027-08-31', ['2027-08-31'])), step: 'alert', key: 'alert:medication.denosumab-late:2028-02-29',
    item: { due: '2028-02-29', overdue: true, priority: 'high' } },
  { drug: 'denosumab', route: 'sc', spec: '§1/§8', name: 'and not on 30 March 2028',
    input: on('2028-03-30', deno('2027-08-31', ['2027-08-31'])), step: 'alert', item: 'absent' },
  { drug: 'denosumab', route: 'sc', spec: '§1/§8', name: 'a course started 29 February 2028 without a second injection: late from 29 September 2028',
    input: on('2028-09-29', deno('2028-02-29', ['2028-02-29'])), step: 'alert', key: 'alert:medication.denosumab-late:2028-08-29', item: { due: '2028-08-29', priority: 'high' } },
  { drug: 'denosumab', route: 'sc', spec: '§1/§8', name: 'and not on 28 September 2028',
    input: on('2028-09-28', deno('2028-02-29', ['2028-02-29'])), step: 'alert', item: 'absent' },
  { drug: 'denosumab', route: 'sc', spec: '§8', name: 'stopped on 1 October 2026 after the injection of 31 August 2026, no follow-on: a high alert, follow-on due 28 February 2027',
    input: on('2026-11-01', deno('2026-02-28', ['2026-02-28', '2026-08-31'], { end: '2026-10-01' })), step: 'alert', key: 'alert:medication.denosumab-stop-without-follow-on:2026-08-31',
    item: { due: '2027-02-28', overdue: true, priority: 'high', reasons: ['medication.denosumab-stop-without-follow-on'], source: 'medication.denosumab-stop-without-follow-on' } },
  { drug: 'denosumab', route: 'sc', spec: '§8', name: 'alendronic acid planned from 28 February 2027, the last day, closes the stop alert',
    input: on('2026-11-01', deno('2026-02-28', ['2026-02-28', '2026-08-31'], { end: '2026-10-01' }), { plannedMedications: [{ drug: 'alendronic-acid', from: '2027-02-28' }] }), step: 'alert', item: 'absent' },
  { drug: 'denosumab', route: 'sc', spec: '§8', name: 'planned from 1 March 2027, a day too late, does not',
    input: on('2026-11-01', deno('2026-02-28', ['2026-02-28', '2026-08-31'], { end: '2026-10-01' }), { plannedMedications: [{ drug: 'alendronic-acid', from: '2027-03-01' }] }), step: 'alert',
    key: 'alert:medication.denosumab-stop-without-follow-on:2026-08-31', item: { due: '2027-02-28', priority: 'high' } },
  { drug: 'denosumab', route: 'sc', spec: '§8', name: 'a planned denosumab is no follow-on',
    input: on('2026-11-01', deno('2026-02-28', ['2026-02-28', '2026-08-31'], { end: '2026-10-01' }), { plannedMedications: [{ drug: 'denosumab', from: '2026-12-01' }] }), step: 'alert',
    key: 'alert:medication.denosumab-stop-without-follow-on:2026-08-31', item: { priority: 'high' } },
  { drug: 'denosumab', route: 'sc', spec: '§8', name: 'zoledronic acid started after the stop closes it',
    input: makeCase({ asOf: '2026-11-01', medications: [deno('2026-02-28', ['2026-02-28', '2026-08-31'], { end: '2026-10-01' }), course('zoledronic-acid', 'iv', '2026-10-15', { doses: ['2026-10-15'] })] }), step: 'alert', item: 'absent' },
  { drug: 'denosumab', route: 'sc', spec: '§7', name: 'the stopped course has no dose on the list',
    input: on('2026-11-01', deno('2026-02-28', ['2026-02-28', '2026-08-31'], { end: '2026-10-01' })), step: 'dose-due', item: 'absent' },
  { drug: 'denosumab', route: 'sc', spec: '§8 policy', name: 'started on 29 February 2024: the 3-year review (28 February 2027) is on the list from 30 November 2026',
    input: on('2026-11-30', deno('2024-02-29', ['2024-02-29', '2024-08-29', '2025-02-28', '2025-08-28', '2026-02-28', '2026-08-28'])), step: 'review',
    item: { key: 'review:denosumab', due: '2027-02-28', overdue: false, reasons: ['denosumab'], source: 'medication.review-due' } },
  { drug: 'denosumab', route: 'sc', spec: '§8 policy', name: 'not on 29 November 2026',
    input: on('2026-11-29', deno('2024-02-29', ['2024-02-29', '2024-08-29', '2025-02-28', '2025-08-28', '2026-02-28', '2026-08-28'])), step: 'review', item: 'absent' },
];

const teriparatide: DrugItemCase[] = [
  { drug: 'teriparatide', route: 'sc', spec: '§7', name: 'the daily pen is the patient\'s own: no dose on the list',
    input: on('2026-03-01', course('teriparatide', 'sc', '2026-01-31')), step: 'dose-due', item: 'absent' },
  { drug: 'teriparatide', route: 'sc', spec: '§7', name: 'no blood test before each pen',
    input: on('2026-03-01', course('teriparatide', 'sc', '2026-01-31')), step: 'pre-dose-check', item: 'absent' },
  { drug: 'teriparatide', route: 'sc', spec: '§8 policy', name: 'started 31 August 2025: the end after 24 months (31 August 2027) is reviewed from 2 June 2027',
    input: on('2027-06-02', course('teriparatide', 'sc', '2025-08-31')), step: 'review',
    item: { key: 'review:teriparatide', due: '2027-08-31', overdue: false, priority: 'normal', reasons: ['teriparatide'], source: 'medication.review-due' } },
  { drug: 'teriparatide', route: 'sc', spec: '§8 policy', name: 'not on 1 June 2027',
    input: on('2027-06-01', course('teriparatide', 'sc', '2025-08-31')), step: 'review', item: 'absent' },
  { drug: 'teriparatide', route: 'sc', spec: '§1/§8', name: 'started on 29 February 2028: the end falls on 28 February 2030',
    input: on('2030-01-10', course('teriparatide', 'sc', '2028-02-29')), step: 'review', item: { key: 'review:teriparatide', due: '2030-02-28', overdue: false } },
  { drug: 'teriparatide', route: 'sc', spec: '§8', name: 'six months taken before (1 January to 1 July 2024): a new course from 1 January 2026 ends on 1 July 2027, reviewed then, not after 24 months',
    input: makeCase({ asOf: '2027-05-01', medications: [course('teriparatide', 'sc', '2024-01-01', { end: '2024-07-01' }), course('teriparatide', 'sc', '2026-01-01')] }), step: 'review',
    item: { key: 'review:teriparatide', due: '2027-07-01', overdue: false, reasons: ['teriparatide'], source: 'medication.anabolic-end' } },
];

const romo = (start: string, doses: string[], extra: Partial<Med> = {}) => course('romosozumab', 'sc', start, { doses, ...extra });
/** Monthly on the 15th, from the month of `first` (YYYY-MM), `n` doses. */
const fifteenths = (first: string, n: number): string[] => {
  const [y, m] = first.split('-').map(Number) as [number, number];
  return Array.from({ length: n }, (_, i) => {
    const k = (m - 1) + i;
    return `${String(y + Math.floor(k / 12))}-${String((k % 12) + 1).padStart(2, '0')}-15`;
  });
};

const romosozumab: DrugItemCase[] = [
  { drug: 'romosozumab', route: 'sc', spec: '§1/§7', name: 'the monthly injection given on 31 January 2027 is due on 28 February 2027',
    input: on('2027-02-10', romo('2027-01-31', ['2027-01-31'])), step: 'dose-due',
    item: { key: 'dose-due:romosozumab', due: '2027-02-28', overdue: false, priority: 'normal', reasons: ['romosozumab'], source: 'medication.next-dose' } },
  { drug: 'romosozumab', route: 'sc', spec: '§1/§7', name: 'given on 30 January 2028: due on 29 February 2028',
    input: on('2028-02-10', romo('2027-12-30', ['2027-12-30', '2028-01-30'])), step: 'dose-due', item: { due: '2028-02-29' } },
  { drug: 'romosozumab', route: 'sc', spec: '§1/§7', name: 'given on 29 February 2028: due on 29 March 2028',
    input: on('2028-03-10', romo('2028-02-29', ['2028-02-29'])), step: 'dose-due', item: { due: '2028-03-29' } },
  { drug: 'romosozumab', route: 'sc', spec: '§1/§7', name: 'given on 31 March 2026: due on 30 April 2026',
    input: on('2026-04-10', romo('2026-03-31', ['2026-03-31'])), step: 'dose-due', item: { due: '2026-04-30', overdue: false } },
  { drug: 'romosozumab', route: 'sc', spec: '§7', name: 'no blood test is asked before a romosozumab injection',
    input: on('2027-02-10', romo('2027-01-31', ['2027-01-31'])), step: 'pre-dose-check', item: 'absent' },
  { drug: 'romosozumab', route: 'sc', spec: '§7', name: 'after the twelfth dose (15 December 2026) no thirteenth is on the list',
    input: on('2026-12-20', romo('2026-01-15', fifteenths('2026-01', 12))), step: 'dose-due', item: 'absent' },
  { drug: 'romosozumab', route: 'sc', spec: '§7', name: 'after the eleventh dose the twelfth is due (15 December 2026)',
    input: on('2026-11-20', romo('2026-01-15', fifteenths('2026-01', 11))), step: 'dose-due', item: { due: '2026-12-15', overdue: false } },
  { drug: 'romosozumab', route: 'sc', spec: '§8 policy', name: 'started 15 January 2026: the 1-year review and end (15 January 2027) is on the list from 17 October 2026',
    input: on('2026-10-17', romo('2026-01-15', fifteenths('2026-01', 10))), step: 'review',
    item: { key: 'review:romosozumab', due: '2027-01-15', overdue: false, reasons: ['romosozumab'] } },
  { drug: 'romosozumab', route: 'sc', spec: '§8 policy', name: 'not on 16 October 2026',
    input: on('2026-10-16', romo('2026-01-15', fifteenths('2026-01', 10))), step: 'review', item: 'absent' },
  { drug: 'romosozumab', route: 'sc', spec: '§8', name: 'six doses in 2024, five more from 15 January 2026: the twelfth on 15 June 2026 ends it on 15 July 2026, reviewed then, not after a year',
    input: makeCase({ asOf: '2026-05-20', medications: [romo('2024-01-15', fifteenths('2024-01', 6), { end: '2024-06-15' }), romo('2026-01-15', fifteenths('2026-01', 5))] }), step: 'review',
    item: { key: 'review:romosozumab', due: '2026-07-15', overdue: false, reasons: ['romosozumab'], source: 'medication.anabolic-end' } },
];

const raloxifene: DrugItemCase[] = [
  { drug: 'raloxifene', route: 'oral', spec: '§7', name: 'the daily tablet is the patient\'s own: no dose on the list',
    input: on('2026-03-01', course('raloxifene', 'oral', '2026-01-31')), step: 'dose-due', item: 'absent' },
  { drug: 'raloxifene', route: 'oral', spec: '§7', name: 'no blood test before a tablet',
    input: on('2026-03-01', course('raloxifene', 'oral', '2026-01-31')), step: 'pre-dose-check', item: 'absent' },
  { drug: 'raloxifene', route: 'oral', spec: '§8', name: 'started 30 May 2022: the 5-year review falls on 30 May 2027',
    input: on('2027-05-01', course('raloxifene', 'oral', '2022-05-30')), step: 'review',
    item: { key: 'review:raloxifene', due: '2027-05-30', overdue: false, reasons: ['raloxifene'], source: 'medication.review-due' } },
];

export const DRUG_ROWS: readonly DrugItemCase[] = [
  ...alendronic, ...risedronic, ...ibandronicOral, ...ibandronicIv, ...zoledronic, ...denosumab, ...teriparatide, ...romosozumab, ...raloxifene,
];
