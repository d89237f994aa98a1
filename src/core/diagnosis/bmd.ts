// Bone density categories (clinical-rules.md §3; WHO-1994 for T-scores, ISCD adult and paediatric
// positions for Z-scores and site choice). The most recent DXA date decides; on that date the
// lowest score of the right type over lumbar spine, femoral neck and total hip.
import type { Case, DxaMeasurement, Fracture } from '../case.schema.js';
import { DEFAULT_SETTINGS, type Settings } from '../settings.js';
import { ageOn, compareDates, latestOf } from '../time/date.js';
import { memoCase, memoCaseSettings } from '../memo.js';
import { hasVertebralFracture, knownFractures, qualifyingFractures, SPINE_SITES } from '../case-finding/fractures.js';

export type TCategory = 'normal' | 'osteopenia' | 'osteoporosis' | 'severe-osteoporosis';
export type ZCategory = 'below-expected-range' | 'within-expected-range' | 'paediatric-osteoporosis';
export type BmdCategoryName = TCategory | ZCategory;

export interface BmdCategory {
  category: BmdCategoryName;
  scoreType: 'T' | 'Z';
  score: number;
  site: string;
  date: string;
}

export const T_NORMAL_FROM = -1.0;
export const T_OSTEOPOROSIS_AT = -2.5;
export const Z_BELOW_AT = -2.0;
export const ADULT_AGE = 20;

/** The DXA measurements of the most recent DXA date on or before asOf. */
export function latestDxa(c: Case): DxaMeasurement[] {
  const date = latestOf(c.dxa, (m) => (compareDates(m.date, c.asOf) <= 0 ? m.date : undefined));
  return date === undefined ? [] : (c.dxa ?? []).filter((m) => m.date === date);
}

/**
 * T for postmenopausal women and men ≥ 50 (peri, or unknown at ≥ 50, counts as post); Z for
 * premenopausal women, men < 50 and anyone < 20 (ISCD).
 */
export function scoreTypeFor(c: Case): 'T' | 'Z' {
  const age = ageOn(c.person.birthDate, c.asOf);
  if (age < ADULT_AGE) return 'Z';
  if (c.person.sex === 'male') return age < 50 ? 'Z' : 'T';
  const status = c.person.menopause?.status;
  if (status === 'pre') return 'Z';
  if (status === undefined && age < 50) return 'Z';
  return 'T';
}

function lowest(ms: readonly DxaMeasurement[], key: 'tScore' | 'zScore'): { score: number; site: string; date: string } | undefined {
  let best: DxaMeasurement | undefined;
  for (const m of ms) {
    const v = m[key];
    if (v === undefined) continue;
    if (!best || v < (best[key] as number)) best = m;
  }
  return best ? { score: best[key] as number, site: best.site, date: best.date } : undefined;
}

/** The lowest T-score on the most recent DXA date, whatever score type the person's category uses. */
export const lowestTScore: (c: Case) => number | undefined = memoCase((c) => lowest(latestDxa(c), 'tScore')?.score);

export function tCategory(t: number, fractured: boolean): TCategory {
  if (t >= T_NORMAL_FROM) return 'normal';
  if (t > T_OSTEOPOROSIS_AT) return 'osteopenia';
  return fractured ? 'severe-osteoporosis' : 'osteoporosis';
}

/** Order from mildest to most severe, for comparisons. */
export const T_SEVERITY: Readonly<Record<TCategory, number>> = {
  normal: 0, osteopenia: 1, osteoporosis: 2, 'severe-osteoporosis': 3,
};

/** The long bones of §3's paediatric criteria, exactly as the specification lists them. */
export const LONG_BONES: readonly string[] = ['humerus', 'forearm', 'wrist', 'femur', 'tibia', 'fibula'];

/** ISCD paediatric fracture history: long-bone fractures by age 10 and by age 19. */
export function childFractureHistory(c: Case): { vertebral: boolean; longBoneBy10: number; longBoneBy19: number } {
  const fr = knownFractures(c).filter((f: Fracture) => f.highEnergy !== true && f.pathological !== true);
  const age = (f: Fracture) => ageOn(c.person.birthDate, f.date);
  // In a child any graded vertebra (Genant ≥ 1) is a compression fracture (ISCD paediatric positions).
  const vfaCompression = (c.vfa?.vertebrae ?? []).some((v) => v.grade === 1 || v.grade === 2 || v.grade === 3) &&
    c.vfa !== undefined && compareDates(c.vfa.date, c.asOf) <= 0;
  return {
    vertebral: vfaCompression || fr.some((f) => SPINE_SITES.includes(f.site)),
    longBoneBy10: fr.filter((f) => LONG_BONES.includes(f.site) && age(f) <= 10).length,
    longBoneBy19: fr.filter((f) => LONG_BONES.includes(f.site) && age(f) <= 19).length,
  };
}

/**
 * The bone-density category (§3), or null when the most recent DXA date has no score of the type
 * this person needs. `s` decides which fractures qualify for `severe-osteoporosis`.
 */
export function bmdCategory(c: Case, s: Settings = DEFAULT_SETTINGS): BmdCategory | null {
  const b = bmdMemo(c, s);
  return b ? { ...b } : null;
}
const bmdMemo = memoCaseSettings((c: Case, s: Settings): BmdCategory | null => {
  const ms = latestDxa(c);
  const type = scoreTypeFor(c);
  if (type === 'T') {
    const low = lowest(ms, 'tScore');
    if (!low) return null;
    const fractured = qualifyingFractures(c, s).length > 0 || hasVertebralFracture(c);
    return { category: tCategory(low.score, fractured), scoreType: 'T', ...low };
  }
  const low = lowest(ms, 'zScore');
  if (!low) return null;
  let category: ZCategory = low.score <= Z_BELOW_AT ? 'below-expected-range' : 'within-expected-range';
  if (ageOn(c.person.birthDate, c.asOf) < ADULT_AGE) {
    const h = childFractureHistory(c);
    const significant = h.longBoneBy10 >= 2 || h.longBoneBy19 >= 3;
    if (h.vertebral || (category === 'below-expected-range' && significant)) category = 'paediatric-osteoporosis';
  }
  return { category, scoreType: 'Z', ...low };
});
