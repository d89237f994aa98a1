// Where one patient stands for each indicator of the fracture liaison service's dashboard: pure,
// from the patient's Case on a day, the organisation's settings and the few facts of the pathway
// the Case does not hold (who signed which assessment when, the shared decisions, the end of
// care). The store keeps the result as one row per patient and organisation, written again by the
// same transaction that re-derives the worklist and by the daily run (targets turn not met with
// time alone); the dashboard adds the rows up (store/quality.repo.ts).
//
// Sources: FLS-DB (RCP Fracture Liaison Service Database KPIs), IOF-KPI (IOF Capture the Fracture
// patient-level KPIs, Javaid 2020), clinical-rules.md §8 "FLS timing". The four timing targets are
// the core's `follow-up.fls-timing` (`flsItems`), its one definition, counted from the cohort's
// index fracture. Where Botpad had to choose (what stands in for a fact the record does not keep
// yet, which target date an untimed indicator is judged on) the choice is BOTPAD-POLICY and
// docs/quality.md says so.
import type { Case, Fracture, FractureSite } from '../case.schema.js';
import {
  ageAtFracture, CASE_FINDING_MIN_AGE, EXCLUDED_SITES, hasVertebralFracture, isLowEnergy, knownFractures, QUALIFYING_WINDOW_YEARS, SPINE_SITES,
} from '../case-finding/fractures.js';
import { evaluate } from '../evaluate.js';
import { DXA_DAYS, flsItems, IOF_DXA_DAYS, MEDICATION_BY_DAYS, PERSISTENCE_DAYS, type FlsItem, type FlsKpi } from '../follow-up/fls-timing.rule.js';
import type { CareEndReason } from '../record/lists.js';
import { RULES } from '../registry.js';
import type { Rule } from '../rule.js';
import type { Settings } from '../settings.js';
import { addDays, addYears, compareDates, type IsoDate } from '../time/date.js';
import type { CompletenessField, ExclusionReason, OutcomeCode, QualityIndicator } from './lists.js';
import { QUALITY_INDICATORS } from './lists.js';

/** Where each indicator's definition comes from, cited next to the figures. */
export const INDICATOR_SOURCES: Readonly<Record<QualityIndicator, readonly string[]>> = {
  identification: ['FLS-DB', 'IOF-KPI'],
  'assessment-90-days': ['FLS-DB'],
  'dxa-90-days': ['FLS-DB', 'IOF-KPI'],
  'vertebral-fracture-identified': ['FLS-DB', 'IOF-KPI'],
  'falls-assessment': ['FLS-DB', 'IOF-KPI'],
  'bone-therapy-recommended': ['FLS-DB', 'IOF-KPI'],
  'strength-and-balance': ['FLS-DB', 'IOF-KPI', 'BOTPAD-POLICY'],
  'monitoring-contact-12-16-weeks': ['FLS-DB', 'IOF-KPI'],
  'started-by-16-weeks': ['IOF-KPI'],
  'on-treatment-52-weeks': ['IOF-KPI'],
  'data-completeness': ['FLS-DB', 'BOTPAD-POLICY'],
};

/** The facts of the pathway the indicators read besides the Case. */
export interface QualityFacts {
  /** The day the patient came into this organisation's care: the index fracture is the one that brought them. */
  enteredCare: IsoDate;
  /** Every signed assessment: the day it was signed (Amsterdam) and by whom. */
  assessmentsSigned: readonly { on: IsoDate; by: string }[];
  /** Every shared decision: its day, whether a medicine was chosen, whether exercise was agreed. */
  decisions: readonly { on: IsoDate; medication: boolean; exercise: boolean }[];
  /** The days of the recorded fall-risk screens (entries `falls-screen`, the clinic's or the patient's own). */
  fallsScreens: readonly IsoDate[];
  /** Care in the pathway ended and not resumed: why and on which day. */
  careEnd: { reason: CareEndReason; on: IsoDate } | null;
}

/** One patient's standing on every indicator: what the store keeps per patient and organisation. */
export interface QualityRow {
  indexFracture: IsoDate;
  fractureSite: FractureSite;
  /** Who signed the first assessment after the index fracture: the clinician the figures are per. */
  clinician: string | null;
  /** Per indicator its outcome; null: the indicator does not count this patient (outside its population). */
  outcomes: Record<QualityIndicator, OutcomeCode | null>;
  /** The DXA met the IOF's 12 weeks too (84 days), beside FLS-DB's 90 days. */
  iofTwelveWeeks: boolean;
  /** What data completeness still lacks. */
  missing: CompletenessField[];
}

const cmp = compareDates;
const between = (d: IsoDate, from: IsoDate, to: IsoDate) => cmp(d, from) >= 0 && cmp(d, to) <= 0;

/**
 * The index fracture (the issue's "first qualifying fracture that brought them into the pathway"):
 * the earliest fracture that qualified on its own day (§2: age ≥ 50, not high-energy, not
 * pathological, a site the organisation's policy counts) and was still within §2's two years on
 * the day the patient came into care. An old fracture recorded as history is not the index: it
 * could not have brought them in.
 */
export function cohortFracture(c: Case, settings: Settings, enteredCare: IsoDate): Fracture | undefined {
  const windowStart = addYears(enteredCare, -QUALIFYING_WINDOW_YEARS);
  const excluded = EXCLUDED_SITES[settings.fractureSitePolicy];
  let first: Fracture | undefined;
  for (const f of knownFractures(c)) {
    if (cmp(f.date, windowStart) <= 0 || !isLowEnergy(f) || excluded.includes(f.site) || ageAtFracture(c, f) < CASE_FINDING_MIN_AGE) continue;
    if (first === undefined || cmp(f.date, first.date) < 0) first = f;
  }
  return first;
}

/** The two rules whose populations the indicators need (§5 medication indicated, §10 fall risk). */
const POPULATION_RULES: readonly Rule[] = RULES.filter((r) => r.codes.includes('treatment.medication-indicated') || r.codes.includes('fall-risk.level'));

/**
 * Whether medication is indicated and the fall risk is intermediate or high, as the core judges it
 * on the day of the 52-week target, or today when that lies ahead (BOTPAD-POLICY): late enough for
 * the work-up's results, and inside §2's two years, so an old cohort keeps its population.
 */
function populations(c: Case, settings: Settings, index: IsoDate): { medicationIndicated: boolean; fallRiskRaised: boolean } {
  const at52 = addDays(index, PERSISTENCE_DAYS);
  const on = cmp(c.asOf, at52) < 0 ? c.asOf : at52;
  const ev = evaluate({ ...c, asOf: on }, settings, 'en', POPULATION_RULES);
  const value = (code: string) => ev.conclusions.find((k) => k.code === code)?.value as Record<string, unknown> | null | undefined;
  const level = value('fall-risk.level')?.['level'];
  return { medicationIndicated: value('treatment.medication-indicated')?.['indicated'] === true, fallRiskRaised: level === 'intermediate' || level === 'high' };
}

/** A patient who died or left care on or before a target's last day could not meet it: left out, counted beside. */
function leftBefore(facts: QualityFacts, by: IsoDate, asOf: IsoDate): ExclusionReason | undefined {
  const end = facts.careEnd;
  if (end === null || cmp(end.on, by) > 0 || cmp(end.on, asOf) > 0) return undefined;
  return end.reason === 'deceased' ? 'died' : 'left-care';
}

/** Met counts whatever else happened; otherwise a waived work-up or a death or departure leaves the patient out. */
function judge(met: boolean, by: IsoDate, c: Case, facts: QualityFacts): OutcomeCode {
  if (met) return 'met';
  if (c.workupWaived !== undefined && cmp(c.workupWaived.date, c.asOf) <= 0) return 'excluded:workup-waived';
  const gone = leftBefore(facts, by, c.asOf);
  if (gone !== undefined) return `excluded:${gone}`;
  return cmp(c.asOf, by) > 0 ? 'not-met' : 'open';
}

/** A timing target as `follow-up.fls-timing` judged it, with the same exclusions as every indicator. */
function fromFls(item: FlsItem, c: Case, facts: QualityFacts): OutcomeCode {
  if (item.status === 'met') return 'met';
  return judge(false, item.by, c, facts);
}

/**
 * The patient's row, or undefined when no fracture brought them into the pathway (they are in no
 * cohort: a DXA for glucocorticoids alone, say).
 */
export function qualityRow(c: Case, settings: Settings, facts: QualityFacts): QualityRow | undefined {
  const f = cohortFracture(c, settings, facts.enteredCare);
  if (f === undefined) return undefined;
  const asOf = c.asOf;
  const index = f.date;
  const known = (d: IsoDate) => cmp(d, asOf) <= 0;
  const since = (d: IsoDate) => cmp(d, index) >= 0 && known(d);
  const by90 = addDays(index, DXA_DAYS);
  const by16w = addDays(index, MEDICATION_BY_DAYS);
  const fls = new Map<FlsKpi, FlsItem>(flsItems(c, index).map((i) => [i.kpi, i]));
  const item = (k: FlsKpi): FlsItem => {
    const i = fls.get(k);
    if (i === undefined) throw new Error(`follow-up.fls-timing gave no ${k}`);
    return i;
  };
  const { medicationIndicated, fallRiskRaised } = populations(c, settings, index);

  // Signed after the fracture; the first signer is the clinician the patient is counted under.
  const signed = facts.assessmentsSigned.filter((a) => since(a.on)).sort((a, b) => cmp(a.on, b.on));
  const decisions = facts.decisions.filter((d) => since(d.on));
  const onMedicationSince = (c.medications ?? []).some((m) => known(m.start) && (m.end === undefined || cmp(m.end, index) >= 0));
  const imaged = (c.vfa !== undefined && known(c.vfa.date)) || knownFractures(c).some((x) => SPINE_SITES.includes(x.site));

  const o = Object.fromEntries(QUALITY_INDICATORS.map((i) => [i, null])) as Record<QualityIndicator, OutcomeCode | null>;
  // FLS-DB/IOF: every patient of the cohort was identified; the share needs the expected number (the service's part).
  o.identification = 'met';
  // FLS-DB: assessment within 90 days; the 90 days are fls-timing's (DXA_DAYS, "DXA and assessment").
  o['assessment-90-days'] = judge(signed.some((a) => between(a.on, index, by90)), by90, c, facts);
  // FLS-DB 90 days / IOF 12 weeks: fls-timing's `dxa-within-90-days`; its `waived` is the waived work-up.
  const dxa = item('dxa-within-90-days');
  o['dxa-90-days'] = dxa.status === 'waived' ? 'excluded:workup-waived' : fromFls(dxa, c, facts);
  const iofTwelveWeeks = dxa.on !== undefined && cmp(dxa.on, addDays(index, IOF_DXA_DAYS)) <= 0;
  // FLS-DB/IOF: a vertebral fracture (recorded, or VFA grade ≥ 2, §4) among those whose spine was
  // imaged (a VFA, or a spine fracture on imaging); not yet imaged: not counted, unless left out.
  if (imaged) o['vertebral-fracture-identified'] = hasVertebralFracture(c) ? 'met' : 'not-met';
  else {
    const x = judge(false, by90, c, facts);
    o['vertebral-fracture-identified'] = x.startsWith('excluded:') ? x : null;
  }
  // FLS-DB/IOF: a fall-risk screen recorded within 90 days of the fracture.
  o['falls-assessment'] = judge(facts.fallsScreens.some((d) => known(d) && between(d, index, by90)), by90, c, facts);
  // FLS-DB/IOF: medication recommended, among those the core finds it indicated for (§5). The record
  // keeps the decision made with the patient: one for a medicine, or a course running, counts.
  const recommended = decisions.some((d) => d.medication) || onMedicationSince;
  if (medicationIndicated) o['bone-therapy-recommended'] = judge(recommended, by16w, c, facts);
  // FLS-DB/IOF: strength and balance among intermediate or high fall risk (§10). Until referrals to
  // exercise therapy are recorded, an exercise agreement of a shared decision stands in (BOTPAD-POLICY).
  if (fallRiskRaised) o['strength-and-balance'] = judge(decisions.some((d) => d.exercise), by16w, c, facts);
  // FLS-DB/IOF: fls-timing's monitoring contact in weeks 12–16.
  o['monitoring-contact-12-16-weeks'] = fromFls(item('monitoring-contact-12-16-weeks'), c, facts);
  // IOF: fls-timing's `medication-by-16-weeks`, among those recommended medication.
  const started = item('medication-by-16-weeks');
  if (medicationIndicated && recommended) o['started-by-16-weeks'] = fromFls(started, c, facts);
  // IOF: fls-timing's `on-medication-at-52-weeks`, among those started.
  if (started.status === 'met') o['on-treatment-52-weeks'] = fromFls(item('on-medication-at-52-weeks'), c, facts);

  // FLS-DB: data completeness: the facts these indicators read, where they apply to the patient.
  const waived = c.workupWaived !== undefined;
  const missing: CompletenessField[] = [];
  if (!waived && !(c.dxa ?? []).some((d) => since(d.date))) missing.push('dxa');
  if (!waived && !imaged) missing.push('spine-imaging');
  if (!facts.fallsScreens.some((d) => since(d))) missing.push('falls-screen');
  if (!waived && signed.length === 0) missing.push('assessment');
  if (medicationIndicated && decisions.length === 0 && !onMedicationSince) missing.push('decision');
  o['data-completeness'] = judge(missing.length === 0, by16w, c, facts);

  return { indexFracture: index, fractureSite: f.site, clinician: signed[0]?.by ?? null, outcomes: o, iofTwelveWeeks, missing };
}

/** One indicator's counts over a set of rows. */
export interface Tally {
  met: number;
  notMet: number;
  open: number;
  excluded: Record<ExclusionReason, number>;
}

/**
 * The counts of one indicator over rows, as the store's SQL adds them up: the numerator is `met`,
 * the denominator `met + notMet`; open and excluded patients are in neither, shown beside them.
 */
export function tally(rows: readonly QualityRow[], indicator: QualityIndicator): Tally {
  const t: Tally = { met: 0, notMet: 0, open: 0, excluded: { 'workup-waived': 0, died: 0, 'left-care': 0 } };
  for (const r of rows) {
    const o = r.outcomes[indicator];
    if (o === 'met') t.met++;
    else if (o === 'not-met') t.notMet++;
    else if (o === 'open') t.open++;
    else if (o !== null) t.excluded[o.slice('excluded:'.length) as ExclusionReason]++;
  }
  return t;
}
