// Which steps of the pathway a patient needs next, and by when: pure, from the Case on a day, the
// organisation's settings and the pathway's logistics (invitations, visits, signed assessments).
// The store keeps the result as worklist items and calls this again whenever the record or the
// logistics change and at every change of date, so an item opens and closes by itself when its
// underlying fact is recorded (a DXA closes the diagnostic day, a contact closes its follow-up).
//
// Where the core has a status, the worklist follows it (follow-up: due + `overdueGraceDays`,
// clinical-rules.md §8); otherwise an item is overdue when its due date lies before the day.
// The lead times (when an invitation should go out, when an assessment should be signed) are
// Botpad policy, chosen so the FLS targets of §8 can be met: DXA and assessment within 90 days of
// the fracture (FLS-DB), medication by 16 weeks (IOF-KPI).
import type { Case } from '../case.schema.js';
import { qualifyingFractures } from '../case-finding/fractures.js';
import { evaluate } from '../evaluate.js';
import { indexFracture, DXA_DAYS, MEDICATION_BY_DAYS } from '../follow-up/fls-timing.rule.js';
import { RULES } from '../registry.js';
import type { Conclusion, Rule } from '../rule.js';
import type { Settings } from '../settings.js';
import { addDays, compareDates, maxDate, type IsoDate } from '../time/date.js';
import { regimenFor } from '../medication/catalogue.js';
import { currentCourses } from '../medication/courses.js';
import type { InvitationEvent, Priority, VisitKind, VisitStatus } from './lists.js';
import { FOLLOW_UP_STEP } from './lists.js';
import { MEASURE_DUE_RULE_ID, measurementItem } from './measurement.js';
import type { DerivedItem } from './item.js';

/** The logistics of the pathway that the Case does not hold. */
export interface PathwayLog {
  invitations: readonly { event: InvitationEvent; date: IsoDate }[];
  visits: readonly { kind: VisitKind; date: IsoDate; status: VisitStatus }[];
  /** The `asOf` of every signed assessment. */
  assessmentsSigned: readonly IsoDate[];
  /**
   * The `decided_on` of every recorded shared decision, "no medication" included: choosing no
   * medicine is a decision, not a gap, so it closes the decision step as a prescription does.
   */
  decisionsMade: readonly IsoDate[];
  /** Whether the record names a GP practice. */
  hasGp: boolean;
  /** Whether the patient lives alone; null: not recorded. */
  livesAlone: boolean | null;
  /** Care in the pathway has ended: nothing is open any more. */
  careEnded: boolean;
  /**
   * The latest clinical date among the record's facts: without a fracture, a DXA indicated for
   * another reason (glucocorticoids, early menopause) dates from the facts that made it so, and this
   * is the stable stand-in for that day. Absent: the day itself.
   */
  lastFactDate?: IsoDate | null | undefined;
  /** The days a GP hand-over letter was written: one written since the 1-year visit closes the hand-over. */
  handoverLetters?: readonly IsoDate[] | undefined;
  /**
   * Whose worklist: a hospital's fracture liaison service (the default) or a physiotherapy practice
   * that took the patient on by referral. A practice keeps PRACTICE_STEPS only (the measurements of
   * exercise therapy), a hospital every other step, so neither list fills up with the other's work.
   */
  keeper?: 'hospital' | 'practice' | undefined;
}

export type { DerivedItem } from './item.js';

/** Botpad policy: invite within 2 weeks of the fracture (or of a no-show), so the visit fits the 90 days. */
export const INVITE_WITHIN_DAYS = 14;
/** Botpad policy: without a planned date, the diagnostic day is due 4 weeks after the invitation. */
export const VISIT_WITHIN_DAYS = 28;
/** Botpad policy: the assessment is signed within 2 weeks of the diagnostic day's results. */
export const ASSESSMENT_WITHIN_DAYS = 14;
/** Botpad policy: the decision is made within 2 weeks of the signed assessment. */
export const DECISION_WITHIN_DAYS = 14;
/** Botpad policy: the review of a course's length comes on the list 3 months ahead, so it can be planned with a visit. */
export const REVIEW_LEAD_DAYS = 90;
/** Botpad policy: a patient who did not attend twice gets outreach (PATHWAY-UMC: call before re-inviting). */
export const MISSED_VISITS_FOR_OUTREACH = 2;

/**
 * The conclusions that raise an alert, with their priority. Each alert's key carries the value that
 * makes it one episode (the missed injection's due date), so a new episode is a new alert while an
 * acknowledged one is not raised again.
 */
export const ALERT_CODES: Readonly<Record<string, { priority: Priority; episode: (v: Record<string, unknown>, c: Case) => string }>> = {
  'medication.denosumab-late': { priority: 'high', episode: (v) => String(v['due']) },
  'medication.denosumab-stop-without-follow-on': { priority: 'high', episode: (v) => String(v['lastInjection']) },
  // The measurement that shows it: a later one still as low is a new episode (a fixed key would
  // let one alert, once closed, silence every later one for good).
  'lab.osteomalacia-suspected': { priority: 'high', episode: (_v, c) => latestLab(c, '25-oh-vitamin-d') ?? c.asOf },
};

function latestLab(c: Case, test: string): IsoDate | undefined {
  return maxDate((c.labs ?? []).filter((l) => l.test === test && !before(c.asOf, l.date)).map((l) => l.date));
}

/** The rules the worklist reads: a fraction of the registry, so re-deriving every patient daily stays cheap. */
const WORKLIST_RULE_IDS = new Set([
  'case-finding.dxa-indicated', 'lab.osteomalacia-suspected', 'treatment.medication-indicated',
  'medication.review-due', 'medication.anabolic-end', 'medication.next-dose', 'medication.pre-dose-check', 'medication.denosumab-late',
  'medication.denosumab-stop-without-follow-on', 'follow-up.schedule', 'handover.gp',
]);
export const WORKLIST_RULES: readonly Rule[] = RULES.filter((r) => WORKLIST_RULE_IDS.has(r.id));
/** The rules a practice's worklist reads: the measurements' schedule only. */
export const PRACTICE_RULES: readonly Rule[] = RULES.filter((r) => r.id === MEASURE_DUE_RULE_ID);

/**
 * Doses the clinic gives or plans: every injection and infusion that is not a daily pen (the
 * yearly or three-monthly infusion, denosumab every six months, romosozumab monthly, whose twelve
 * doses the core counts from the doses recorded). Tablets and daily pens are the patient's own.
 */
const clinicDose = (reg: { route: string; interval: string }) => reg.route !== 'oral' && reg.interval !== 'daily';

const cmp = compareDates;
const before = (a: IsoDate, b: IsoDate) => cmp(a, b) < 0;

function last<T>(xs: readonly T[]): T | undefined {
  return xs[xs.length - 1];
}

/** The earliest planned start of a drug on or after asOf while no course of it runs: the pre-dose rule's first dose. */
function firstPlanned(c: Case, drug: string): IsoDate | undefined {
  if (currentCourses(c).some((k) => k.med.drug === drug)) return undefined;
  return (c.plannedMedications ?? []).filter((p) => p.drug === drug && !before(p.from, c.asOf)).map((p) => p.from).sort(cmp)[0];
}

/** The items this patient needs next on `c.asOf`, in the pathway's order. */
export function deriveItems(c: Case, settings: Settings, log: PathwayLog): DerivedItem[] {
  if (log.keeper === 'practice') return practiceItems(c, settings);
  if (log.careEnded) return [];
  const asOf = c.asOf;
  const ev = evaluate(c, settings, 'en', WORKLIST_RULES);
  const by = (code: string) => ev.conclusions.filter((k) => k.code === code);
  const one = (code: string): Conclusion | undefined => by(code)[0];

  const index = indexFracture(qualifyingFractures(c, settings));
  const fractureDate = index?.date ?? null;
  const fractureSite = index?.site ?? null;
  const out: DerivedItem[] = [];
  const add = (i: Omit<DerivedItem, 'fractureDate' | 'fractureSite' | 'overdue'> & { overdue?: boolean }) =>
    out.push({ ...i, overdue: i.overdue ?? before(i.due, asOf), fractureDate, fractureSite });

  // --- The diagnostic part: invitation, the diagnostic day, the assessment (§2, §8 FLS timing). ---
  const indicated = (one('case-finding.dxa-indicated')?.value as { indicated?: boolean } | null)?.indicated === true;
  // The work-up answers the fracture that made it necessary: facts and visits before it do not count.
  const since = fractureDate ?? '0000-01-01';
  const dxaSince = maxDate((c.dxa ?? []).filter((d) => !before(d.date, since)).map((d) => d.date));
  const visits = [...log.visits].filter((v) => !before(v.date, since)).sort((a, b) => cmp(a.date, b.date));
  const planned = visits.find((v) => v.status === 'planned');
  const events = [...log.invitations].filter((e) => !before(e.date, since)).sort((a, b) => cmp(a.date, b.date));
  // Like a miss, attendance may be logged on the visit or in the invitation log: either counts.
  const attended = maxDate([...visits.filter((v) => v.status === 'attended'), ...events.filter((e) => e.event === 'attended')].map((v) => v.date));
  // A missed visit is logged on the visit and in the invitation log: one miss per date.
  const missedOn = [...new Set([...visits.filter((v) => v.status === 'did-not-attend').map((v) => v.date), ...events.filter((e) => e.event === 'did-not-attend').map((e) => e.date)])];
  const lastMissed = maxDate(missedOn);
  const declined = last(events.filter((e) => e.event === 'declined' || e.event === 'invited' || e.event === 're-invited'))?.event === 'declined';
  const invitedOn = maxDate(events.filter((e) => (e.event === 'invited' || e.event === 're-invited') && (lastMissed === undefined || !before(e.date, lastMissed))).map((e) => e.date));
  const workupOpen = indicated && c.workupWaived === undefined && !declined;
  const results = dxaSince ?? attended;
  let diagnosticOpen = false;

  if (workupOpen && results === undefined) {
    diagnosticOpen = true;
    const hip = fractureSite === 'hip';
    if (planned) {
      add({ key: 'diagnostic-day', step: 'diagnostic-day', due: planned.date, priority: 'normal', reasons: ['visit-planned', `visit-kind-${planned.kind}`], source: 'pathway' });
    } else if (invitedOn !== undefined) {
      add({ key: 'diagnostic-day', step: 'diagnostic-day', due: addDays(invitedOn, VISIT_WITHIN_DAYS), priority: 'normal', reasons: ['invited-no-date'], source: 'pathway' });
    } else {
      const from = lastMissed ?? fractureDate ?? log.lastFactDate ?? asOf;
      const reasons = [lastMissed !== undefined ? 'did-not-attend' : fractureDate !== null ? 'qualifying-fracture' : 'dxa-indicated'];
      if (hip) reasons.push('hip-fracture');
      add({ key: 'invite', step: 'invite', due: addDays(from, INVITE_WITHIN_DAYS), priority: hip ? 'high' : 'normal', reasons, source: 'case-finding.dxa-indicated' });
    }
  }

  const signedLast = maxDate(log.assessmentsSigned);
  if (results !== undefined && indicated && c.workupWaived === undefined) {
    const basis = maxDate([results, ...(dxaSince ? [dxaSince] : [])])!;
    if (signedLast === undefined || before(signedLast, basis)) {
      const reasons = [dxaSince === undefined ? 'dxa-result-missing' : 'results-in'];
      const policyDue = addDays(basis, ASSESSMENT_WITHIN_DAYS);
      const flsDue = fractureDate !== null ? addDays(fractureDate, DXA_DAYS) : undefined;
      // The FLS target wins when it could still be met once the results were in; results that came
      // after it get the policy's date. Counted from the facts, never from the day, so the target
      // missed shows as overdue the day after rather than moving on to a later date.
      const due = flsDue !== undefined && !before(flsDue, basis) && before(flsDue, policyDue) ? flsDue : policyDue;
      add({ key: 'assessment', step: 'assessment', due, priority: 'normal', reasons, source: 'follow-up.fls-timing' });
    }
  }

  // --- The decision (§5): medication is indicated, the assessment is signed, nothing is started, planned or decided. ---
  const medIndicated = (one('treatment.medication-indicated')?.value as { indicated?: boolean; reasons?: string[] } | null);
  const onOrPlanned = (c.medications ?? []).some((m) => m.end === undefined || !before(m.end, asOf)) || (c.plannedMedications ?? []).length > 0;
  // The decision follows the assessment of this fracture: one signed before it decided on another.
  const signedSince = maxDate(log.assessmentsSigned.filter((d) => !before(d, since)));
  // A decision answers the latest signed assessment: one made before it was about an earlier picture.
  const decided = signedSince !== undefined && log.decisionsMade.some((d) => !before(d, signedSince));
  if (medIndicated?.indicated === true && signedSince !== undefined && !onOrPlanned && !decided) {
    const policyDue = addDays(signedSince, DECISION_WITHIN_DAYS);
    const flsDue = fractureDate !== null ? addDays(fractureDate, MEDICATION_BY_DAYS) : undefined;
    // As for the assessment: the week-16 target counts when it was still ahead at signing.
    const due = flsDue !== undefined && !before(flsDue, signedSince) && before(flsDue, policyDue) ? flsDue : policyDue;
    add({ key: 'decision', step: 'decision', due, priority: 'normal', reasons: medIndicated.reasons ?? [], source: 'treatment.medication-indicated' });
  }

  // --- Follow-up after the start of treatment (§8): the core's own status decides `overdue`. ---
  const schedule = one('follow-up.schedule')?.value as { items: { kind: keyof typeof FOLLOW_UP_STEP; due: IsoDate; status: string }[] } | null | undefined;
  if (schedule) {
    const items = schedule.items;
    const oneYearDone = items.some((i) => i.kind === '1-year' && i.status === 'done');
    const threeMonths = items.find((i) => i.kind === '3-months' && i.status !== 'done');
    // Once the 1-year visit took place, a missed 3-month contact no longer needs anyone.
    if (threeMonths && !oneYearDone) add({ key: 'contact-3-months', step: 'contact-3-months', due: threeMonths.due, overdue: threeMonths.status === 'overdue', priority: 'normal', reasons: [`follow-up-${threeMonths.status}`], source: 'follow-up.schedule' });
    const oneYear = items.find((i) => i.kind === '1-year' && i.status !== 'done');
    if (oneYear) add({ key: 'visit-1-year', step: 'visit-1-year', due: oneYear.due, overdue: oneYear.status === 'overdue', priority: 'normal', reasons: [`follow-up-${oneYear.status}`], source: 'follow-up.schedule' });
    // Yearly: the latest one that has come (when not done), else the next one ahead; missed years further back are history.
    const yearly = items.filter((i) => i.kind === 'yearly');
    const came = yearly.filter((i) => !before(asOf, i.due));
    const lastCame = last(came);
    const yearlyOpen = lastCame && lastCame.status !== 'done' ? lastCame : yearly.find((i) => before(asOf, i.due) && i.status !== 'done');
    if (yearlyOpen && oneYearDone) add({ key: 'yearly-control', step: 'yearly-control', due: yearlyOpen.due, overdue: yearlyOpen.status === 'overdue', priority: 'normal', reasons: [`follow-up-${yearlyOpen.status}`], source: 'follow-up.schedule' });
  }

  // --- Doses the clinic gives, and the blood test before them (§7, §8). ---
  const nextDose = new Map<string, IsoDate>();
  for (const k of by('medication.next-dose')) {
    const v = k.value as { drug: string; date: IsoDate } | null;
    if (!v) continue;
    nextDose.set(v.drug, v.date);
    // The course the rule read: with two records of a drug the later start is current (its route decides).
    const med = currentCourses(c).find((k) => k.med.drug === v.drug)?.med;
    const reg = med ? regimenFor(med.drug, med.route) : undefined;
    if (!reg || !clinicDose(reg)) continue;
    add({ key: `dose-due:${v.drug}`, step: 'dose-due', due: v.date, priority: v.drug === 'denosumab' ? 'high' : 'normal', reasons: [v.drug], source: 'medication.next-dose' });
  }
  for (const k of by('medication.pre-dose-check')) {
    const v = k.value as { drug: string; test: string; withinDays: number } | null;
    if (!v) continue;
    const done = k.criteria?.some((x) => x.id === 'test-within-window' && x.result === 'met') ?? false;
    // The rule counts from the current course's next dose or, before the first, from the planned
    // start (the first infusion needs its kidney test as much as every later one).
    const doseOn = nextDose.get(v.drug) ?? firstPlanned(c, v.drug);
    if (done || doseOn === undefined) continue;
    add({ key: `pre-dose-check:${v.drug}`, step: 'pre-dose-check', due: doseOn, priority: 'normal', reasons: [v.drug, v.test, `within-${v.withinDays}-days`], source: 'medication.pre-dose-check' });
  }

  // --- The review of the course's length (§8). ---
  // The rule gives every current course its review date, years ahead; the list holds what needs
  // doing next, so the review comes on it REVIEW_LEAD_DAYS before, and a review contact from then
  // on closes it (without one the course would stay 'review overdue' for as long as it runs).
  // An anabolic ends at its limit (24 months in total, 12 doses), earlier than a year or two after
  // this course's start when some was taken before: its review comes at that end.
  const anabolicEnd = new Map<string, IsoDate>();
  for (const k of by('medication.anabolic-end')) {
    const v = k.value as { drug: string; date: IsoDate } | null;
    if (v) anabolicEnd.set(v.drug, v.date);
  }
  for (const k of by('medication.review-due')) {
    const r = k.value as { drug: string; date: IsoDate } | null;
    if (!r) continue;
    const end = anabolicEnd.get(r.drug);
    const v = end !== undefined && before(end, r.date) ? { drug: r.drug, date: end, source: 'medication.anabolic-end' } : { ...r, source: 'medication.review-due' };
    const from = addDays(v.date, -REVIEW_LEAD_DAYS);
    if (before(asOf, from)) continue;
    if ((c.contacts ?? []).some((x) => x.kind === 'review' && !before(x.date, from) && !before(asOf, x.date))) continue;
    add({ key: `review:${v.drug}`, step: 'review', due: v.date, priority: 'normal', reasons: [v.drug], source: v.source });
  }

  // --- Hand-over to the GP (§8, PATHWAY-UMC): due once the 1-year visit is done, until the letter is written. ---
  const handover = one('handover.gp')?.value as { eligible?: boolean; reasons?: string[] } | null | undefined;
  if (handover?.eligible === true) {
    const oneYearContact = maxDate((c.contacts ?? []).filter((x) => x.kind === '1-year').map((x) => x.date)) ?? asOf;
    const written = (log.handoverLetters ?? []).some((d) => !before(d, oneYearContact));
    if (!written) add({ key: 'handover', step: 'handover', due: addDays(oneYearContact, DECISION_WITHIN_DAYS), priority: 'normal', reasons: handover.reasons ?? [], source: 'handover.gp' });
  }

  // --- Alerts from the core's conclusions. ---
  for (const [code, a] of Object.entries(ALERT_CODES)) {
    for (const k of by(code)) {
      const v = (k.value ?? {}) as Record<string, unknown>;
      const episode = a.episode(v, c);
      // The date the alert is about: the missed injection, the follow-on's last day, the measurement.
      const dated = v['due'] ?? v['followOnDue'] ?? episode;
      const due = typeof dated === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(dated) ? dated : asOf;
      add({ key: `alert:${code}:${episode}`, step: 'alert', due, overdue: true, priority: a.priority, reasons: [code], source: k.ruleId });
    }
  }

  // --- Outreach (PATHWAY-UMC): someone who may not make it to the diagnostic day on their own. ---
  if (diagnosticOpen) {
    const reasons: string[] = [];
    if (missedOn.length >= MISSED_VISITS_FOR_OUTREACH) reasons.push('missed-twice');
    if (log.livesAlone === true) reasons.push('lives-alone');
    if (!log.hasGp) reasons.push('no-gp');
    const dueOf = out.find((i) => i.step === 'invite' || i.step === 'diagnostic-day')?.due ?? asOf;
    if (reasons.length > 0) add({ key: 'outreach', step: 'outreach', due: dueOf, priority: reasons.includes('missed-twice') ? 'high' : 'normal', reasons, source: 'pathway' });
  }
  return out;
}

/**
 * A practice's items: the next measurement of exercise therapy, when `measure.due` (clinical-rules.md
 * §13) gives one. The hospital's end of care does not end it: the practice's own door is the
 * referral, and once that ends the practice keeps no list of the patient at all.
 */
function practiceItems(c: Case, settings: Settings): DerivedItem[] {
  const ev = evaluate(c, settings, 'en', PRACTICE_RULES);
  const item = measurementItem(c, ev.conclusions.find((k) => k.code === MEASURE_DUE_RULE_ID));
  if (item === undefined) return [];
  const index = indexFracture(qualifyingFractures(c, settings));
  return [{ ...item, fractureDate: index?.date ?? null, fractureSite: index?.site ?? null }];
}
