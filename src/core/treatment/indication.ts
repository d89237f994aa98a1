// Whether osteoporosis medication is indicated (clinical-rules.md §5; NHG-2012, NIV-2022, CBO-2011,
// NHG-2024 for the GP grid and glucocorticoids). Returns every reason met on the recorded data and
// the facts that were absent but could add one.
import type { Case } from '../case.schema.js';
import type { Settings } from '../settings.js';
import { ageOn } from '../time/date.js';
import { memoCaseSettings } from '../memo.js';
import { ageAtFracture, qualifyingFractures, vertebralFractureRecords, vfaFractureLevels } from '../case-finding/fractures.js';
import { bmdCategory, lowestTScore, scoreTypeFor } from '../diagnosis/bmd.js';
import { Reader, D } from '../reader.js';
import { F } from '../fields.js';
import { criteria } from '../reader.js';

/** The criteria this file's rules check (`r.check(C[id], met)`). */
const C = criteria(['osteoporosis', 'vertebral-fracture', 'glucocorticoids', 'hip-fracture-75-plus']);

export const INDICATION_REASONS = ['osteoporosis', 'vertebral-fracture', 'glucocorticoids', 'hip-fracture-75-plus'] as const;
export type IndicationReason = (typeof INDICATION_REASONS)[number];

export const GC_MG_PER_DAY = 7.5;
export const GC_MONTHS = 3;
export const GC_HIGH_DOSE_MG = 15;
export const GC_MAN_MIN_AGE = 70;
export const HIP_FRACTURE_MIN_AGE = 75;

export interface IndicationAssessment {
  indicated: boolean;
  reasons: IndicationReason[];
  /** What the assessment read, each reason a criterion. */
  reads: Reader;
  /** Osteopenia with a qualifying fracture: lifestyle and fall prevention are the plan. */
  osteopeniaWithFracture: boolean;
  /** The glucocorticoid sub-criteria that were met, for the explanation. */
  glucocorticoidCriteria: string[];
}

/** Glucocorticoids ≥ 7.5 mg/day for ≥ 3 months (CBO-2011), the threshold case finding and §5 share. */
export function glucocorticoidsAtLeast(c: Case): boolean {
  const g = c.riskFactors?.glucocorticoids;
  return g !== undefined && g.mgPerDay >= GC_MG_PER_DAY && g.months >= GC_MONTHS;
}

/** Memoised per case and settings: treat the result as read-only. */
export const assessIndication: (c: Case, s: Settings) => IndicationAssessment = memoCaseSettings((c, s) => {
  const r = new Reader(c, s);
  const reasons: IndicationReason[] = [];
  const age = ageOn(c.person.birthDate, c.asOf);
  r.read(F['person.birthDate']);
  r.read(F['person.sex']);

  const bmd = bmdCategory(c, s);
  const lowT = lowestTScore(c);
  const tType = scoreTypeFor(c) === 'T';
  if (bmd) r.derived(D['bmd-category'], bmd.category);
  r.note('dxa.tScore', lowT);
  if (r.check(C['osteoporosis'], bmd ? bmd.category === 'osteoporosis' || bmd.category === 'severe-osteoporosis' : undefined)) reasons.push('osteoporosis');

  const qualifying = qualifyingFractures(c, s);
  const vertebralRecords = vertebralFractureRecords(c);
  const vfaLevels = vfaFractureLevels(c);
  if (c.fractures) r.read(F['fractures']);
  if (r.read(F['vfa']) !== undefined) r.derived(D['vfa-grades'], vfaLevels);
  const vertebral = vertebralRecords.length > 0 || vfaLevels.length > 0;
  let vertebralCounts: boolean | undefined = vertebral ? true : c.vfa === undefined ? undefined : false;
  if (vertebral) {
    const minT = s.vertebralFractureMinT;
    // The NHG-2024 GP grid withholds medication when T is above the set value; without a T-score
    // that grid cannot be applied, so the fracture still counts and the T-score is asked for.
    vertebralCounts = minT === null || lowT === undefined || lowT <= minT;
    if (minT !== null) r.setting('vertebralFractureMinT');
  }
  if (r.check(C['vertebral-fracture'], vertebralCounts)) reasons.push('vertebral-fracture');

  const gcCriteria: string[] = [];
  const g = r.read(F['riskFactors.glucocorticoids']);
  let gcMet: boolean | undefined = g === undefined ? undefined : false;
  if (g && glucocorticoidsAtLeast(c)) {
    const status = c.person.menopause?.status;
    if (c.person.sex === 'female') {
      if (status === 'post') gcCriteria.push('postmenopausal');
      else if (status === undefined) r.miss('person.menopause.status');
    }
    if (c.person.sex === 'male' && age >= GC_MAN_MIN_AGE) gcCriteria.push('man-70-plus');
    if (g.mgPerDay >= GC_HIGH_DOSE_MG) gcCriteria.push('15-mg-or-more');
    if (qualifying.length > 0 || vertebral) gcCriteria.push('fracture');
    if (lowT !== undefined && lowT <= s.glucocorticoidTScoreThreshold) gcCriteria.push('t-score');
    r.setting('glucocorticoidTScoreThreshold');
    gcMet = gcCriteria.length > 0;
  }
  if (r.check(C['glucocorticoids'], gcMet)) reasons.push('glucocorticoids');

  const hip75 = qualifying.some((f) => f.site === 'hip' && ageAtFracture(c, f) >= HIP_FRACTURE_MIN_AGE);
  if (r.check(C['hip-fracture-75-plus'], hip75)) reasons.push('hip-fracture-75-plus');

  const osteopeniaWithFracture = reasons.length === 0 && tType && bmd?.category === 'osteopenia' && qualifying.length > 0;
  return {
    indicated: reasons.length > 0,
    reasons,
    reads: r,
    osteopeniaWithFracture,
    glucocorticoidCriteria: gcCriteria,
  };
});

/** §5 in one call: `{ indicated, reasons }` exactly as `treatment.medication-indicated` reports it. */
export function medicationIndication(c: Case, s: Settings): { indicated: boolean; reasons: string[] } {
  const a = assessIndication(c, s);
  return { indicated: a.indicated, reasons: [...a.reasons] };
}
