// The worklist's table: for each step, the case that opens it (due, overdue, priority, reasons
// exactly), the fact that closes it and the days on which it changes by the date alone. Each row
// is one clinical situation on one day; `derive.test.ts` runs them through deriveItems().
import type { Case } from '../case.schema.js';
import type { SettingsInput } from '../settings.js';
import { bornAged, dxa, fracture, lab, makeCase, type CaseOverrides } from '../testing/builder.js';
import type { DerivedItem, PathwayLog } from './derive.js';
import type { WorklistStep } from './lists.js';

export interface ItemCase {
  /** Section of clinical-rules.md (or `policy`) and what the row pins. */
  spec: string;
  name: string;
  input: Case;
  settings?: SettingsInput;
  /** The pathway's logistics; a GP on record, not living alone, care going on unless said. */
  log?: Partial<PathwayLog>;
  step: WorklistStep;
  /** Picks one item when a step comes once per drug (its key). */
  key?: string;
  /** `'absent'`: no item of this step; otherwise the item in part (toMatchObject). */
  item: 'absent' | Partial<DerivedItem>;
}

export const NO_LOG: PathwayLog = { invitations: [], visits: [], assessmentsSigned: [], decisionsMade: [], hasGp: true, livesAlone: false, careEnded: false };

/** A wrist fracture on 1 October 2026 of the 70-year-old woman of the builder, seen on `asOf`. */
const WRIST = '2026-10-01';
const wrist = (asOf: string, o: CaseOverrides = {}): Case => makeCase({ asOf, fractures: [fracture(WRIST, 'wrist')], ...o });
const osteoporotic = (date: string) => dxa(date, [{ site: 'total-hip', t: -2.7 }]);

const invited = (date: string) => ({ event: 'invited' as const, date });
const visit = (date: string, status: 'planned' | 'attended' | 'did-not-attend' | 'cancelled', kind: 'diagnostic-day' | 'evening-clinic' = 'diagnostic-day') => ({ kind, date, status });

/** On a course since `start` (one dose on that day unless `doses` says otherwise). */
const on = (drug: NonNullable<Case['medications']>[number]['drug'], start: string, extra: Partial<NonNullable<Case['medications']>[number]> = {}) => ({ drug, start, ...extra });

export const inviteRows: ItemCase[] = [
  { spec: '§2 policy', name: 'a DXA indicated by glucocorticoids alone: the invite is due 14 days after the latest fact, not after the day it is derived', input: makeCase({ asOf: '2026-11-20', riskFactors: { glucocorticoids: { mgPerDay: 10, months: 4 } } }),
    log: { lastFactDate: '2026-11-01' }, step: 'invite', item: { key: 'invite', due: '2026-11-15', overdue: true, reasons: ['dxa-indicated'], fractureDate: null } },
  { spec: '§2 policy', name: 'the same indication a day later keeps the same due date', input: makeCase({ asOf: '2026-11-21', riskFactors: { glucocorticoids: { mgPerDay: 10, months: 4 } } }),
    log: { lastFactDate: '2026-11-01' }, step: 'invite', item: { key: 'invite', due: '2026-11-15', overdue: true } },
  { spec: '§2 policy', name: 'a qualifying wrist fracture opens invite, due 14 days after the fracture', input: wrist('2026-10-05'), step: 'invite',
    item: { key: 'invite', due: '2026-10-15', overdue: false, priority: 'normal', reasons: ['qualifying-fracture'], source: 'case-finding.dxa-indicated', fractureDate: WRIST, fractureSite: 'wrist' } },
  { spec: '§2 policy', name: 'on its due date invite is not yet overdue', input: wrist('2026-10-15'), step: 'invite', item: { due: '2026-10-15', overdue: false } },
  { spec: '§2 policy', name: 'the day after its due date invite is overdue', input: wrist('2026-10-16'), step: 'invite', item: { due: '2026-10-15', overdue: true } },
  { spec: '§2 policy', name: 'a hip fracture is invited with high priority', input: makeCase({ asOf: '2026-10-05', fractures: [fracture(WRIST, 'hip')] }), step: 'invite',
    item: { due: '2026-10-15', priority: 'high', reasons: ['qualifying-fracture', 'hip-fracture'], fractureSite: 'hip' } },
  { spec: '§2', name: 'a high-energy fracture opens nothing', input: makeCase({ asOf: '2026-10-05', fractures: [fracture(WRIST, 'wrist', { highEnergy: true })] }), step: 'invite', item: 'absent' },
  { spec: '§2', name: 'a fracture on the 50th birthday qualifies', input: makeCase({ asOf: '2026-10-05', person: { birthDate: '1976-10-01' }, fractures: [fracture(WRIST, 'wrist')] }), step: 'invite',
    item: { due: '2026-10-15' } },
  { spec: '§2', name: 'a fracture the day before the 50th birthday does not qualify, however old the patient is now', input: makeCase({ asOf: '2026-10-05', person: { birthDate: '1976-10-02' }, fractures: [fracture(WRIST, 'wrist')] }),
    step: 'invite', item: 'absent' },
  { spec: '§2', name: 'the invite stands on the last day of the 2-year window', input: makeCase({ asOf: '2026-11-23', fractures: [fracture('2024-11-24', 'wrist')] }), step: 'invite',
    item: { due: '2024-12-08', overdue: true } },
  { spec: '§2', name: 'the invite goes the day the fracture leaves the 2-year window', input: makeCase({ asOf: '2026-11-24', fractures: [fracture('2024-11-24', 'wrist')] }), step: 'invite', item: 'absent' },
  { spec: 'policy', name: 'an invitation closes invite', input: wrist('2026-10-05'), log: { invitations: [invited('2026-10-04')] }, step: 'invite', item: 'absent' },
  { spec: 'policy', name: 'an invitation sent before the fracture does not count', input: wrist('2026-10-05'), log: { invitations: [invited('2026-09-01')] }, step: 'invite', item: { due: '2026-10-15' } },
  { spec: 'policy', name: 'a visit not attended reopens invite, due 14 days after the missed day', input: wrist('2026-11-01'),
    log: { invitations: [invited('2026-10-05')], visits: [visit('2026-10-20', 'did-not-attend')] }, step: 'invite',
    item: { due: '2026-11-03', overdue: false, priority: 'normal', reasons: ['did-not-attend'] } },
  { spec: 'policy', name: 'a did-not-attend in the invitation log alone reopens invite as well', input: wrist('2026-11-04'),
    log: { invitations: [invited('2026-10-05'), { event: 'did-not-attend', date: '2026-10-20' }] }, step: 'invite', item: { due: '2026-11-03', overdue: true, reasons: ['did-not-attend'] } },
  { spec: 'policy', name: 'a re-invitation after the missed visit closes invite again', input: wrist('2026-11-01'),
    log: { invitations: [invited('2026-10-05'), { event: 're-invited', date: '2026-10-25' }], visits: [visit('2026-10-20', 'did-not-attend')] }, step: 'invite', item: 'absent' },
  { spec: 'policy', name: 'a declined invitation closes invite', input: wrist('2026-10-05'), log: { invitations: [{ event: 'declined', date: '2026-10-04' }] }, step: 'invite', item: 'absent' },
  { spec: '§2', name: 'a waived work-up closes invite', input: wrist('2026-10-05', { workupWaived: { reason: 'nursing-home', by: 'dr. Jansen', date: '2026-10-03' } }), step: 'invite', item: 'absent' },
  { spec: '§2', name: 'a DXA after the fracture closes invite', input: wrist('2026-10-05', { dxa: osteoporotic('2026-10-04') }), step: 'invite', item: 'absent' },
  { spec: '§2', name: 'a DXA before the fracture does not close invite', input: wrist('2026-10-05', { dxa: osteoporotic('2026-09-01') }), step: 'invite', item: { due: '2026-10-15' } },
  { spec: 'policy', name: 'no steps at all once care has ended', input: wrist('2026-10-05'), log: { careEnded: true }, step: 'invite', item: 'absent' },
];

export const diagnosticDayRows: ItemCase[] = [
  { spec: 'policy', name: 'invited without a date: the diagnostic day is due 28 days after the invitation', input: wrist('2026-10-10'), log: { invitations: [invited('2026-10-05')] }, step: 'diagnostic-day',
    item: { key: 'diagnostic-day', due: '2026-11-02', overdue: false, priority: 'normal', reasons: ['invited-no-date'], source: 'pathway' } },
  { spec: 'policy', name: 'a planned visit is due on its day', input: wrist('2026-10-10'), log: { invitations: [invited('2026-10-05')], visits: [visit('2026-10-20', 'planned')] }, step: 'diagnostic-day',
    item: { due: '2026-10-20', overdue: false, reasons: ['visit-planned', 'visit-kind-diagnostic-day'] } },
  { spec: 'policy', name: 'an evening clinic says so in its reasons', input: wrist('2026-10-10'), log: { visits: [visit('2026-10-20', 'planned', 'evening-clinic')] }, step: 'diagnostic-day',
    item: { due: '2026-10-20', reasons: ['visit-planned', 'visit-kind-evening-clinic'] } },
  { spec: 'policy', name: 'on the day of the planned visit it is not overdue', input: wrist('2026-10-20'), log: { visits: [visit('2026-10-20', 'planned')] }, step: 'diagnostic-day', item: { overdue: false } },
  { spec: 'policy', name: 'a planned visit not recorded as attended is overdue the day after', input: wrist('2026-10-21'), log: { visits: [visit('2026-10-20', 'planned')] }, step: 'diagnostic-day', item: { overdue: true } },
  { spec: 'policy', name: 'an attended visit closes the diagnostic day', input: wrist('2026-10-21'), log: { visits: [visit('2026-10-20', 'attended')] }, step: 'diagnostic-day', item: 'absent' },
  { spec: 'policy', name: '"attended" in the invitation log closes the diagnostic day as an attended visit does', input: wrist('2026-10-21'),
    log: { invitations: [invited('2026-10-05'), { event: 'attended', date: '2026-10-20' }] }, step: 'diagnostic-day', item: 'absent' },
  { spec: 'policy', name: '"attended" in the invitation log opens the assessment', input: wrist('2026-10-21'),
    log: { invitations: [invited('2026-10-05'), { event: 'attended', date: '2026-10-20' }] }, step: 'assessment', item: { due: '2026-11-03', reasons: ['dxa-result-missing'] } },
  { spec: 'policy', name: 'a DXA closes the diagnostic day', input: wrist('2026-10-21', { dxa: osteoporotic('2026-10-20') }), log: { visits: [visit('2026-10-20', 'planned')] }, step: 'diagnostic-day', item: 'absent' },
  { spec: 'policy', name: 'a cancelled visit leaves the invitation\'s due date', input: wrist('2026-10-21'), log: { invitations: [invited('2026-10-05')], visits: [visit('2026-10-20', 'cancelled')] }, step: 'diagnostic-day',
    item: { due: '2026-11-02', reasons: ['invited-no-date'] } },
  { spec: '§2', name: 'a waived work-up closes the diagnostic day', input: wrist('2026-10-10', { workupWaived: { reason: 'life-expectancy', by: 'dr. Jansen', date: '2026-10-08' } }),
    log: { invitations: [invited('2026-10-05')] }, step: 'diagnostic-day', item: 'absent' },
  { spec: 'policy', name: 'declining after the invitation closes the diagnostic day', input: wrist('2026-10-10'), log: { invitations: [invited('2026-10-05'), { event: 'declined', date: '2026-10-08' }] }, step: 'diagnostic-day', item: 'absent' },
  { spec: 'policy', name: 'invited again after declining: the diagnostic day is back', input: wrist('2026-10-20'),
    log: { invitations: [invited('2026-10-05'), { event: 'declined', date: '2026-10-08' }, { event: 're-invited', date: '2026-10-15' }] }, step: 'diagnostic-day', item: { due: '2026-11-12' } },
];

export const assessmentRows: ItemCase[] = [
  { spec: '§8 policy', name: 'a DXA opens the assessment, due 14 days later when that is before the FLS 90 days', input: wrist('2026-11-10', { dxa: osteoporotic('2026-11-01') }), step: 'assessment',
    item: { key: 'assessment', due: '2026-11-15', overdue: false, priority: 'normal', reasons: ['results-in'], source: 'follow-up.fls-timing' } },
  { spec: '§8 policy', name: 'an attended visit without a DXA opens the assessment with the DXA missing', input: wrist('2026-10-21'), log: { visits: [visit('2026-10-20', 'attended', 'evening-clinic')] }, step: 'assessment',
    item: { due: '2026-11-03', reasons: ['dxa-result-missing'] } },
  { spec: '§8 FLS-DB', name: 'results close to day 90: the FLS target (fracture + 90 days) is the due date', input: wrist('2026-12-20', { dxa: osteoporotic('2026-12-20') }), step: 'assessment',
    item: { due: '2026-12-30', overdue: false } },
  { spec: '§8 FLS-DB', name: 'on day 90 the assessment is due, not overdue', input: wrist('2026-12-30', { dxa: osteoporotic('2026-12-20') }), step: 'assessment', item: { due: '2026-12-30', overdue: false } },
  { spec: '§8 FLS-DB', name: 'the day after day 90 the missed FLS target is overdue (its due date does not move on)', input: wrist('2026-12-31', { dxa: osteoporotic('2026-12-20') }), step: 'assessment',
    item: { due: '2026-12-30', overdue: true } },
  { spec: '§8 policy', name: 'results after day 90: the FLS target is lost, the policy gives 14 days from the results', input: wrist('2027-01-06', { dxa: osteoporotic('2027-01-05') }), step: 'assessment',
    item: { due: '2027-01-19', overdue: false } },
  { spec: '§8', name: 'a signed assessment closes it', input: wrist('2026-11-10', { dxa: osteoporotic('2026-11-01') }), log: { assessmentsSigned: ['2026-11-05'] }, step: 'assessment', item: 'absent' },
  { spec: '§8', name: 'an assessment signed before the results does not close it', input: wrist('2026-11-10', { dxa: osteoporotic('2026-11-01') }), log: { assessmentsSigned: ['2026-10-20'] }, step: 'assessment',
    item: { due: '2026-11-15' } },
  { spec: '§2', name: 'a waived work-up closes the assessment', input: wrist('2026-11-10', { dxa: osteoporotic('2026-11-01'), workupWaived: { reason: 'declined', by: 'dr. Jansen', date: '2026-11-02' } }),
    step: 'assessment', item: 'absent' },
];

/** An 80-year-old with a hip fracture, seen on the diagnostic day (no DXA) and assessed. */
const hip80 = (asOf: string, o: CaseOverrides = {}) => makeCase({ asOf, person: { birthDate: bornAged(80, WRIST) }, fractures: [fracture(WRIST, 'hip')], ...o });
const assessed = { visits: [visit('2026-10-20', 'attended')], assessmentsSigned: ['2026-10-25'] };

export const decisionRows: ItemCase[] = [
  { spec: '§5 policy', name: 'osteoporosis on DXA and a signed assessment open the decision, due 14 days after signing', input: wrist('2026-11-10', { dxa: osteoporotic('2026-11-01') }),
    log: { assessmentsSigned: ['2026-11-05'] }, step: 'decision',
    item: { key: 'decision', due: '2026-11-19', overdue: false, priority: 'normal', reasons: ['osteoporosis'], source: 'treatment.medication-indicated' } },
  { spec: '§5', name: 'a hip fracture at 80 indicates medication without a DXA', input: hip80('2026-10-26'), log: assessed, step: 'decision',
    item: { due: '2026-11-08', reasons: ['hip-fracture-75-plus'] } },
  { spec: '§5', name: 'a hip fracture on the 75th birthday counts as 75 plus', input: makeCase({ asOf: '2026-10-26', person: { birthDate: bornAged(75, WRIST) }, fractures: [fracture(WRIST, 'hip')] }),
    log: assessed, step: 'decision', item: { reasons: ['hip-fracture-75-plus'] } },
  { spec: '§5', name: 'a hip fracture the day before the 75th birthday does not, even once 75', input: makeCase({ asOf: '2026-10-26', person: { birthDate: '1951-10-02' }, fractures: [fracture(WRIST, 'hip')] }),
    log: assessed, step: 'decision', item: 'absent' },
  { spec: '§5 IOF-KPI', name: 'signed late: the decision is due by week 16 of the fracture when that comes first', input: wrist('2027-01-15', { dxa: osteoporotic('2027-01-05') }),
    log: { assessmentsSigned: ['2027-01-14'] }, step: 'decision', item: { due: '2027-01-21', overdue: false } },
  { spec: '§5 IOF-KPI', name: 'the day after week 16 the decision stays due on it, now overdue', input: wrist('2027-01-22', { dxa: osteoporotic('2027-01-05') }),
    log: { assessmentsSigned: ['2027-01-14'] }, step: 'decision', item: { due: '2027-01-21', overdue: true } },
  { spec: '§5', name: 'a medication started closes the decision', input: hip80('2026-11-01', { medications: [on('zoledronic-acid', '2026-10-30')] }), log: assessed, step: 'decision', item: 'absent' },
  { spec: '§5', name: 'a medication planned closes the decision', input: hip80('2026-11-01', { plannedMedications: [{ drug: 'zoledronic-acid', from: '2026-11-10' }] }), log: assessed, step: 'decision', item: 'absent' },
  { spec: '§5', name: 'a recorded decision closes the decision, also one for no medication', input: hip80('2026-11-01'),
    log: { ...assessed, decisionsMade: ['2026-10-31'] }, step: 'decision', item: 'absent' },
  { spec: '§5', name: 'a decision made before the latest signed assessment does not close it', input: wrist('2026-11-10', { dxa: osteoporotic('2026-11-01') }),
    log: { assessmentsSigned: ['2026-11-05'], decisionsMade: ['2026-11-04'] }, step: 'decision', item: { key: 'decision', due: '2026-11-19' } },
  { spec: '§5', name: 'a decision on the day the assessment is signed closes it', input: wrist('2026-11-10', { dxa: osteoporotic('2026-11-01') }),
    log: { assessmentsSigned: ['2026-11-05'], decisionsMade: ['2026-11-05'] }, step: 'decision', item: 'absent' },
  { spec: '§5', name: 'an assessment signed before the fracture does not open the decision on this fracture', input: hip80('2026-10-10'),
    log: { assessmentsSigned: ['2024-03-01'] }, step: 'decision', item: 'absent' },
  { spec: '§5', name: 'no decision before the assessment is signed', input: hip80('2026-10-26'), log: { visits: [visit('2026-10-20', 'attended')] }, step: 'decision', item: 'absent' },
];

/** On alendronic acid since 1 June 2026: the 3-month contact is due on 1 September. */
const alendronate = (asOf: string, o: CaseOverrides = {}) => makeCase({ asOf, medications: [on('alendronic-acid', '2026-06-01')], ...o });

export const followUpRows: ItemCase[] = [
  { spec: '§8', name: 'treatment start opens the 3-month contact, planned until its date', input: alendronate('2026-08-01'), step: 'contact-3-months',
    item: { key: 'contact-3-months', due: '2026-09-01', overdue: false, priority: 'normal', reasons: ['follow-up-planned'], source: 'follow-up.schedule' } },
  { spec: '§8', name: 'the 3-month contact is due from its date', input: alendronate('2026-09-01'), step: 'contact-3-months', item: { due: '2026-09-01', overdue: false, reasons: ['follow-up-due'] } },
  { spec: '§8', name: 'at due + 14 days (the grace) the 3-month contact is not yet overdue', input: alendronate('2026-09-15'), step: 'contact-3-months', item: { overdue: false, reasons: ['follow-up-due'] } },
  { spec: '§8', name: 'at due + 15 days the 3-month contact is overdue', input: alendronate('2026-09-16'), step: 'contact-3-months', item: { overdue: true, reasons: ['follow-up-overdue'] } },
  { spec: '§8', name: 'with the grace set to 7 days: not overdue at due + 7', input: alendronate('2026-09-08'), settings: { overdueGraceDays: 7 }, step: 'contact-3-months', item: { overdue: false } },
  { spec: '§8', name: 'with the grace set to 7 days: overdue at due + 8', input: alendronate('2026-09-09'), settings: { overdueGraceDays: 7 }, step: 'contact-3-months', item: { overdue: true, reasons: ['follow-up-overdue'] } },
  { spec: '§8', name: 'with the grace set to 0 days: overdue the day after the date', input: alendronate('2026-09-02'), settings: { overdueGraceDays: 0 }, step: 'contact-3-months', item: { overdue: true } },
  { spec: '§8', name: 'a 3-month contact closes it', input: alendronate('2026-09-16', { contacts: [{ kind: '3-months', date: '2026-09-10' }] }), step: 'contact-3-months', item: 'absent' },
  { spec: '§8', name: 'the 1-year visit done closes a missed 3-month contact', input: alendronate('2027-06-20', { contacts: [{ kind: '1-year', date: '2027-06-03' }] }), step: 'contact-3-months', item: 'absent' },
  { spec: '§8', name: 'the 1-year visit is due a year after the start', input: alendronate('2027-06-15'), step: 'visit-1-year',
    item: { key: 'visit-1-year', due: '2027-06-01', overdue: false, reasons: ['follow-up-due'], source: 'follow-up.schedule' } },
  { spec: '§8', name: 'the 1-year visit is overdue at due + 15 days', input: alendronate('2027-06-16'), step: 'visit-1-year', item: { overdue: true, reasons: ['follow-up-overdue'] } },
  { spec: '§8', name: 'a 1-year contact closes the 1-year visit', input: alendronate('2027-06-16', { contacts: [{ kind: '1-year', date: '2027-06-03' }] }), step: 'visit-1-year', item: 'absent' },
  { spec: '§8', name: 'no yearly control before the 1-year visit is done', input: alendronate('2028-06-01'), step: 'yearly-control', item: 'absent' },
  { spec: '§8', name: 'after the 1-year visit the yearly control is due two years after the start', input: alendronate('2028-06-01', { contacts: [{ kind: '1-year', date: '2027-06-03' }] }), step: 'yearly-control',
    item: { key: 'yearly-control', due: '2028-06-01', overdue: false, reasons: ['follow-up-due'] } },
  { spec: '§8', name: 'the yearly control is overdue at due + 15 days', input: alendronate('2028-06-16', { contacts: [{ kind: '1-year', date: '2027-06-03' }] }), step: 'yearly-control', item: { overdue: true } },
  { spec: '§8', name: 'a yearly contact closes it; the next one is then planned', input: alendronate('2028-06-16', { contacts: [{ kind: '1-year', date: '2027-06-03' }, { kind: 'yearly', date: '2028-06-10' }] }), step: 'yearly-control',
    item: { due: '2029-06-01', overdue: false, reasons: ['follow-up-planned'] } },
];

/** Denosumab given on 1 June 2026: the next injection is due on 1 December. */
const denosumab = (asOf: string, o: CaseOverrides = {}) => makeCase({ asOf, medications: [on('denosumab', '2026-06-01', { route: 'sc', doses: ['2026-06-01'] })], ...o });

export const doseRows: ItemCase[] = [
  { spec: '§7', name: 'the next denosumab injection is a high-priority dose', input: denosumab('2026-11-23'), step: 'dose-due', key: 'dose-due:denosumab',
    item: { due: '2026-12-01', overdue: false, priority: 'high', reasons: ['denosumab'], source: 'medication.next-dose' } },
  { spec: '§7', name: 'on the injection day it is not overdue', input: denosumab('2026-12-01'), step: 'dose-due', item: { overdue: false } },
  { spec: '§7', name: 'the day after the injection day it is overdue', input: denosumab('2026-12-02'), step: 'dose-due', item: { overdue: true } },
  { spec: '§7', name: 'a dose given moves the dose on by six months', input: denosumab('2026-12-02', { medications: [on('denosumab', '2026-06-01', { route: 'sc', doses: ['2026-06-01', '2026-12-01'] })] }),
    step: 'dose-due', item: { due: '2027-06-01', overdue: false } },
  { spec: '§7', name: 'the yearly zoledronic acid infusion is a normal-priority dose', input: makeCase({ asOf: '2026-11-23', medications: [on('zoledronic-acid', '2026-01-10', { route: 'iv' })] }), step: 'dose-due',
    item: { key: 'dose-due:zoledronic-acid', due: '2027-01-10', priority: 'normal', reasons: ['zoledronic-acid'] } },
  { spec: '§7', name: 'the monthly romosozumab injection is given by the clinic', input: makeCase({ asOf: '2026-11-23', medications: [on('romosozumab', '2026-11-01', { route: 'sc' })] }), step: 'dose-due',
    item: { key: 'dose-due:romosozumab', due: '2026-12-01', priority: 'normal' } },
  { spec: '§7', name: 'the three-monthly ibandronic acid infusion is given by the clinic', input: makeCase({ asOf: '2026-11-23', medications: [on('ibandronic-acid', '2026-11-01', { route: 'iv' })] }), step: 'dose-due',
    item: { key: 'dose-due:ibandronic-acid', due: '2027-02-01', priority: 'normal' } },
  { spec: '§7', name: 'a weekly tablet is the patient\'s own: no dose on the list', input: alendronate('2026-11-23'), step: 'dose-due', item: 'absent' },
  { spec: '§7', name: 'a monthly ibandronic acid tablet is the patient\'s own', input: makeCase({ asOf: '2026-11-23', medications: [on('ibandronic-acid', '2026-11-01', { route: 'oral' })] }), step: 'dose-due', item: 'absent' },
  { spec: '§7', name: 'a daily teriparatide pen is the patient\'s own', input: makeCase({ asOf: '2026-11-23', medications: [on('teriparatide', '2026-11-01', { route: 'sc' })] }), step: 'dose-due', item: 'absent' },
  { spec: '§7', name: 'a course that ended has no dose', input: denosumab('2026-11-23', { medications: [on('denosumab', '2026-06-01', { route: 'sc', doses: ['2026-06-01'], end: '2026-11-01' })], plannedMedications: [{ drug: 'alendronic-acid', from: '2026-11-20' }] }),
    step: 'dose-due', item: 'absent' },
];

export const preDoseRows: ItemCase[] = [
  { spec: '§7', name: 'denosumab without a calcium test: the check is due on the injection day', input: denosumab('2026-11-23'), step: 'pre-dose-check',
    item: { key: 'pre-dose-check:denosumab', due: '2026-12-01', overdue: false, priority: 'normal', reasons: ['denosumab', 'calcium-corrected', 'within-28-days'], source: 'medication.pre-dose-check' } },
  { spec: '§7', name: 'a calcium test 28 days before the injection closes the check', input: denosumab('2026-11-23', { labs: [lab('calcium', 2.4, { date: '2026-11-03' })] }), step: 'pre-dose-check', item: 'absent' },
  { spec: '§7', name: 'a calcium test 29 days before the injection does not', input: denosumab('2026-11-23', { labs: [lab('calcium', 2.4, { date: '2026-11-02' })] }), step: 'pre-dose-check', item: { due: '2026-12-01' } },
  { spec: '§7', name: 'the check not done by the injection day is overdue the day after', input: denosumab('2026-12-02'), step: 'pre-dose-check', item: { overdue: true } },
  { spec: '§7', name: 'zoledronic acid needs kidney function within 14 days', input: makeCase({ asOf: '2026-11-23', medications: [on('zoledronic-acid', '2026-01-10', { route: 'iv' })] }), step: 'pre-dose-check',
    item: { key: 'pre-dose-check:zoledronic-acid', due: '2027-01-10', reasons: ['zoledronic-acid', 'egfr', 'within-14-days'] } },
  { spec: '§7', name: 'the first, planned zoledronic acid infusion needs the kidney test too', input: makeCase({ asOf: '2026-11-23', plannedMedications: [{ drug: 'zoledronic-acid', from: '2026-12-10' }] }), step: 'pre-dose-check',
    item: { key: 'pre-dose-check:zoledronic-acid', due: '2026-12-10', overdue: false, reasons: ['zoledronic-acid', 'egfr', 'within-14-days'] } },
  { spec: '§7', name: 'a kidney test within 14 days closes the planned infusion\'s check', input: makeCase({ asOf: '2026-11-30', plannedMedications: [{ drug: 'zoledronic-acid', from: '2026-12-10' }], labs: [lab('egfr', 70, { date: '2026-11-28' })] }),
    step: 'pre-dose-check', item: 'absent' },
  { spec: '§7', name: 'tablets need no test before a dose', input: alendronate('2026-11-23'), step: 'pre-dose-check', item: 'absent' },
];

/** On denosumab since 1 December 2023: the 3-year review falls on 1 December 2026. */
const longDenosumab = (asOf: string, o: CaseOverrides = {}) => makeCase({ asOf, medications: [on('denosumab', '2023-12-01', { route: 'sc', doses: ['2023-12-01', '2024-06-01', '2024-12-01', '2025-06-01', '2025-12-01', '2026-06-01'] })], ...o });

export const reviewRows: ItemCase[] = [
  { spec: '§8 NIV-2022', name: 'a course far from its review date has no review on the list', input: denosumab('2026-11-23'), step: 'review', item: 'absent' },
  { spec: '§8 policy', name: 'the review comes on the list 90 days before its date', input: longDenosumab('2026-09-02'), step: 'review',
    item: { key: 'review:denosumab', due: '2026-12-01', overdue: false, priority: 'normal', reasons: ['denosumab'], source: 'medication.review-due' } },
  { spec: '§8 policy', name: 'not 91 days before', input: longDenosumab('2026-09-01'), step: 'review', item: 'absent' },
  { spec: '§8', name: 'the day after its date the review is overdue', input: longDenosumab('2026-12-02', { labs: [lab('calcium', 2.4, { date: '2026-11-20' })] }), step: 'review', item: { overdue: true } },
  { spec: '§8', name: 'a review contact closes it', input: longDenosumab('2026-12-02', { contacts: [{ kind: 'review', date: '2026-11-15' }] }), step: 'review', item: 'absent' },
  { spec: '§8', name: 'a review contact long before the review period does not', input: longDenosumab('2026-12-02', { contacts: [{ kind: 'review', date: '2025-06-01' }] }), step: 'review', item: { due: '2026-12-01' } },
];

/** Alendronic acid since June 2025 after a wrist fracture at 70, the 1-year visit done on 5 June 2026. */
const handedOver = (asOf: string, o: CaseOverrides = {}) => makeCase({
  asOf, fractures: [fracture('2025-05-01', 'wrist')], medications: [on('alendronic-acid', '2025-06-01')], contacts: [{ kind: '3-months', date: '2025-09-01' }, { kind: '1-year', date: '2026-06-05' }], ...o,
});

export const handoverRows: ItemCase[] = [
  { spec: '§8 PATHWAY-UMC', name: 'a tablet and the 1-year visit done: hand-over to the GP due 14 days after that visit', input: handedOver('2026-06-10'), step: 'handover',
    item: { key: 'handover', due: '2026-06-19', overdue: false, priority: 'normal', reasons: ['oral-or-denosumab-only', 'one-year-contact-done', 'age-50-plus-at-onset'], source: 'handover.gp' } },
  { spec: '§8', name: 'the hand-over is overdue the day after', input: handedOver('2026-06-20'), step: 'handover', item: { overdue: true } },
  { spec: '§8', name: 'no hand-over before the 1-year visit', input: handedOver('2026-05-01', { contacts: [] }), step: 'handover', item: 'absent' },
  { spec: '§8', name: 'no hand-over on an infusion', input: handedOver('2026-06-10', { medications: [on('zoledronic-acid', '2025-06-01', { route: 'iv' })] }), step: 'handover', item: 'absent' },
  { spec: '§8', name: 'ending care (the hand-over made) closes it', input: handedOver('2026-06-10'), log: { careEnded: true }, step: 'handover', item: 'absent' },
  { spec: '§8', name: 'the hand-over letter written after the 1-year visit closes it', input: handedOver('2026-06-10'), log: { handoverLetters: ['2026-06-08'] }, step: 'handover', item: 'absent' },
  { spec: '§8', name: 'a hand-over letter from before the 1-year visit does not close it', input: handedOver('2026-06-10'), log: { handoverLetters: ['2026-05-01'] }, step: 'handover', item: { key: 'handover', due: '2026-06-19' } },
];

/** The last denosumab injection on 10 March 2026: late from 10 October (7 months). */
const lateDenosumab = (asOf: string, doses = ['2026-03-10']) => makeCase({ asOf, medications: [on('denosumab', '2026-03-10', { route: 'sc', doses })] });

export const alertRows: ItemCase[] = [
  { spec: '§8', name: 'denosumab 7 months after the last injection raises a high alert', input: lateDenosumab('2026-10-10'), step: 'alert', key: 'alert:medication.denosumab-late:2026-09-10',
    item: { due: '2026-09-10', overdue: true, priority: 'high', reasons: ['medication.denosumab-late'], source: 'medication.denosumab-late' } },
  { spec: '§8', name: 'the day before 7 months there is no alert (the dose is overdue)', input: lateDenosumab('2026-10-09'), step: 'alert', item: 'absent' },
  { spec: '§8', name: 'the injection given closes the alert', input: lateDenosumab('2026-10-20', ['2026-03-10', '2026-10-15']), step: 'alert', item: 'absent' },
  { spec: '§8', name: 'denosumab stopped without a follow-on raises a high alert', input: makeCase({ asOf: '2026-11-23', medications: [on('denosumab', '2026-03-10', { route: 'sc', end: '2026-09-10' })] }), step: 'alert',
    key: 'alert:medication.denosumab-stop-without-follow-on:2026-03-10', item: { due: '2026-09-10', overdue: true, priority: 'high', reasons: ['medication.denosumab-stop-without-follow-on'], source: 'medication.denosumab-stop-without-follow-on' } },
  { spec: '§8', name: 'a follow-on planned closes the stop alert', input: makeCase({ asOf: '2026-11-23', medications: [on('denosumab', '2026-03-10', { route: 'sc', end: '2026-09-10' })], plannedMedications: [{ drug: 'zoledronic-acid', from: '2026-09-01' }] }),
    step: 'alert', item: 'absent' },
  { spec: '§6', name: 'suspected osteomalacia raises a high alert', input: makeCase({ asOf: '2026-11-23', safety: { osteomalaciaSymptoms: true }, labs: [lab('25-oh-vitamin-d', 20)] }), step: 'alert',
    key: 'alert:lab.osteomalacia-suspected:2026-11-01', item: { due: '2026-11-01', priority: 'high', overdue: true, reasons: ['lab.osteomalacia-suspected'], source: 'lab.osteomalacia-suspected' } },
  { spec: '§6', name: 'a new vitamin D measurement still that low is a new episode: a new alert, even after the last was closed', input: makeCase({ asOf: '2027-05-10', labs: [lab('25-oh-vitamin-d', 20), lab('25-oh-vitamin-d', 22, { date: '2027-05-01' })], safety: { osteomalaciaSymptoms: true } }),
    step: 'alert', key: 'alert:lab.osteomalacia-suspected:2027-05-01', item: { due: '2027-05-01', priority: 'high' } },
  { spec: '§6', name: 'vitamin D back above 30 closes the alert', input: makeCase({ asOf: '2027-05-10', labs: [lab('25-oh-vitamin-d', 20), lab('25-oh-vitamin-d', 55, { date: '2027-05-01' })], safety: { osteomalaciaSymptoms: true } }),
    step: 'alert', item: 'absent' },
];

export const outreachRows: ItemCase[] = [
  { spec: 'PATHWAY-UMC', name: 'two missed visits: outreach with high priority, due with the invite', input: wrist('2026-11-20'),
    log: { invitations: [invited('2026-10-05'), { event: 're-invited', date: '2026-10-25' }], visits: [visit('2026-10-20', 'did-not-attend'), visit('2026-11-10', 'did-not-attend')] }, step: 'outreach',
    item: { key: 'outreach', due: '2026-11-24', overdue: false, priority: 'high', reasons: ['missed-twice'], source: 'pathway' } },
  { spec: 'PATHWAY-UMC', name: 'one missed visit is not outreach', input: wrist('2026-11-01'), log: { invitations: [invited('2026-10-05')], visits: [visit('2026-10-20', 'did-not-attend')] }, step: 'outreach', item: 'absent' },
  { spec: 'PATHWAY-UMC', name: 'living alone: outreach with normal priority', input: wrist('2026-10-05'), log: { livesAlone: true }, step: 'outreach',
    item: { due: '2026-10-15', priority: 'normal', reasons: ['lives-alone'] } },
  { spec: 'PATHWAY-UMC', name: 'no GP on record: outreach', input: wrist('2026-10-10'), log: { hasGp: false, invitations: [invited('2026-10-05')] }, step: 'outreach',
    item: { due: '2026-11-02', reasons: ['no-gp'] } },
  { spec: 'PATHWAY-UMC', name: 'living alone is not known: no outreach for it', input: wrist('2026-10-05'), log: { livesAlone: null }, step: 'outreach', item: 'absent' },
  { spec: 'PATHWAY-UMC', name: 'the diagnostic day attended closes outreach', input: wrist('2026-10-21'), log: { livesAlone: true, hasGp: false, visits: [visit('2026-10-20', 'attended')] }, step: 'outreach', item: 'absent' },
  { spec: 'PATHWAY-UMC', name: 'declining closes outreach', input: wrist('2026-10-10'), log: { livesAlone: true, invitations: [{ event: 'declined', date: '2026-10-08' }] }, step: 'outreach', item: 'absent' },
];

/** Exercise therapy from 1 September 2026, measured that day: the next one is due on 1 December (§13), due until 15 December with 14 grace days (§8). */
const THERAPY = '2026-09-01';
const exercising = (asOf: string, o: { end?: string; measured?: string[] } = {}, extra: CaseOverrides = {}): Case => makeCase({
  asOf, ...extra,
  exercise: { therapyStart: THERAPY, ...(o.end !== undefined ? { therapyEnd: o.end } : {}), measurements: (o.measured ?? [THERAPY]).map((date) => ({ date, chairStand30s: 9 })) },
});
const PRACTICE = { keeper: 'practice' as const };

export const measurementRows: ItemCase[] = [
  { spec: '§13', name: 'no exercise therapy: nothing to measure', input: wrist('2026-10-05'), log: PRACTICE, step: 'measurement', item: 'absent' },
  { spec: '§13', name: 'therapy started, nothing measured yet: due 3 months after the start', input: exercising('2026-09-10', { measured: [] }), log: PRACTICE, step: 'measurement',
    item: { key: 'measurement', due: '2026-12-01', overdue: false, priority: 'normal', reasons: ['measure-planned', 'no-measurement-yet'], source: 'measure.due' } },
  { spec: '§13', name: 'the day before the due date it is planned', input: exercising('2026-11-30'), log: PRACTICE, step: 'measurement',
    item: { due: '2026-12-01', overdue: false, reasons: ['measure-planned'] } },
  { spec: '§13 §8', name: 'on the due date it is due, not overdue', input: exercising('2026-12-01'), log: PRACTICE, step: 'measurement',
    item: { due: '2026-12-01', overdue: false, reasons: ['measure-due'] } },
  { spec: '§13 §8', name: 'on the last of the 14 grace days it is still due', input: exercising('2026-12-15'), log: PRACTICE, step: 'measurement',
    item: { due: '2026-12-01', overdue: false, reasons: ['measure-due'] } },
  { spec: '§13 §8', name: 'the day after the grace days it is overdue', input: exercising('2026-12-16'), log: PRACTICE, step: 'measurement',
    item: { due: '2026-12-01', overdue: true, reasons: ['measure-overdue'] } },
  { spec: '§13 §8', name: 'with no grace days it is overdue the day after the due date', input: exercising('2026-12-02'), settings: { overdueGraceDays: 0 }, log: PRACTICE, step: 'measurement',
    item: { due: '2026-12-01', overdue: true, reasons: ['measure-overdue'] } },
  { spec: '§13', name: 'a new measurement moves the next one 3 months on', input: exercising('2026-12-16', { measured: [THERAPY, '2026-12-03'] }), log: PRACTICE, step: 'measurement',
    item: { due: '2027-03-03', overdue: false, reasons: ['measure-planned'] } },
  { spec: '§13', name: 'a measurement dated after the day does not count yet', input: exercising('2026-12-16', { measured: [THERAPY, '2027-01-10'] }), log: PRACTICE, step: 'measurement',
    item: { due: '2026-12-01', overdue: true } },
  { spec: '§13 seed 003', name: 'the day before the therapy ends nothing says it ended', input: exercising('2026-11-29', { end: '2026-11-30' }), log: PRACTICE, step: 'measurement',
    item: { due: '2026-12-01', overdue: false, reasons: ['measure-planned'] } },
  { spec: '§13 seed 003', name: 'on the day the therapy ends the measurement stays planned', input: exercising('2026-11-30', { end: '2026-11-30' }), log: PRACTICE, step: 'measurement',
    item: { due: '2026-12-01', overdue: false, reasons: ['measure-planned', 'therapy-ended'] } },
  { spec: '§13 seed 003', name: 'after the therapy ended the measurement is still due, and says the therapy ended', input: exercising('2026-12-01', { end: '2026-11-30' }), log: PRACTICE, step: 'measurement',
    item: { due: '2026-12-01', overdue: false, reasons: ['measure-due', 'therapy-ended'] } },
  { spec: '§13 seed 003', name: 'long after the therapy ended the next measurement is still planned from the last one', input: exercising('2027-05-01', { end: '2026-11-30', measured: [THERAPY, '2026-12-03', '2027-03-05'] }), log: PRACTICE, step: 'measurement',
    item: { due: '2027-06-05', overdue: false, reasons: ['measure-planned', 'therapy-ended'] } },
  { spec: '§13 seed 003', name: 'a measurement missed after the therapy ended turns overdue', input: exercising('2027-07-01', { end: '2026-11-30', measured: [THERAPY, '2026-12-03', '2027-03-05'] }), log: PRACTICE, step: 'measurement',
    item: { due: '2027-06-05', overdue: true, reasons: ['measure-overdue', 'therapy-ended'] } },
  { spec: 'policy', name: 'the practice keeps the measurement when the hospital ended its care', input: exercising('2026-12-01'), log: { ...PRACTICE, careEnded: true }, step: 'measurement',
    item: { due: '2026-12-01', overdue: false } },
  { spec: 'policy', name: 'the hospital\'s worklist never gets the measurement', input: exercising('2026-12-16', {}, { fractures: [fracture(WRIST, 'wrist')] }), step: 'measurement', item: 'absent' },
  { spec: 'policy', name: 'the practice\'s worklist gets none of the hospital\'s steps', input: exercising('2026-10-05', {}, { fractures: [fracture(WRIST, 'wrist')] }), log: PRACTICE, step: 'invite', item: 'absent' },
  { spec: 'policy', name: 'the practice\'s measurement carries the index fracture, as the hospital\'s steps do', input: exercising('2026-10-05', {}, { fractures: [fracture(WRIST, 'wrist')] }), log: PRACTICE, step: 'measurement',
    item: { due: '2026-12-01', fractureDate: WRIST, fractureSite: 'wrist' } },
];

export const ITEM_ROWS: { step: string; rows: ItemCase[] }[] = [
  { step: 'invite', rows: inviteRows }, { step: 'diagnostic-day', rows: diagnosticDayRows }, { step: 'assessment', rows: assessmentRows },
  { step: 'decision', rows: decisionRows }, { step: 'follow-up', rows: followUpRows }, { step: 'dose-due', rows: doseRows },
  { step: 'pre-dose-check', rows: preDoseRows }, { step: 'review', rows: reviewRows }, { step: 'handover', rows: handoverRows },
  { step: 'alert', rows: alertRows }, { step: 'outreach', rows: outreachRows },
  { step: 'measurement', rows: measurementRows },
];
