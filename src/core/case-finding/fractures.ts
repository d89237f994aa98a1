// Which fractures count, and when (clinical-rules.md §2; NIV-2022 identification module, NHG-2012,
// PATHWAY-UMC for the local hands-and-feet policy). Shared by case finding, diagnosis and treatment.
import type { Case, Fracture, FractureSite } from '../case.schema.js';
import type { Settings } from '../settings.js';
import { addYears, ageOn, compareDates } from '../time/date.js';
import { memoCase, memoCaseSettings } from '../memo.js';

export const EXCLUDED_SITES: Readonly<Record<Settings['fractureSitePolicy'], readonly FractureSite[]>> = {
  guideline: ['skull', 'face', 'cervical-spine', 'finger', 'toe'],
  'hands-feet-excluded': [
    'skull', 'face', 'cervical-spine', 'finger', 'toe',
    'carpus', 'metacarpal', 'calcaneus', 'talus', 'tarsus', 'metatarsal',
  ],
};

export const SPINE_SITES: readonly FractureSite[] = ['thoracic-spine', 'lumbar-spine'];
export const CASE_FINDING_MIN_AGE = 50;
export const QUALIFYING_WINDOW_YEARS = 2;

/** Fractures recorded on or before asOf; later dates are not yet known on the day evaluated. */
export function knownFractures(c: Case): Fracture[] {
  return [...knownMemo(c)];
}
// These three are asked for by most stages; each is worked out once per case and handed out as a copy.
const knownMemo = memoCase((c: Case): Fracture[] => (c.fractures ?? []).filter((f) => compareDates(f.date, c.asOf) <= 0));

export function ageAtFracture(c: Case, f: Fracture): number {
  return ageOn(c.person.birthDate, f.date);
}

const lowEnergyNonPathological = (f: Fracture) => f.highEnergy !== true && f.pathological !== true;

/**
 * Qualifying fractures (§2): age ≥ 50 on the fracture day, asOf − 2 years < date ≤ asOf, not
 * high-energy, not pathological, site not excluded by the configured policy.
 */
export function qualifyingFractures(c: Case, s: Settings): Fracture[] {
  return [...qualifyingMemo(c, s)];
}
const qualifyingMemo = memoCaseSettings((c: Case, s: Settings): Fracture[] => {
  const windowStart = addYears(c.asOf, -QUALIFYING_WINDOW_YEARS);
  const excluded = EXCLUDED_SITES[s.fractureSitePolicy];
  return knownMemo(c).filter(
    (f) =>
      compareDates(f.date, windowStart) > 0 &&
      lowEnergyNonPathological(f) &&
      !excluded.includes(f.site) &&
      ageAtFracture(c, f) >= CASE_FINDING_MIN_AGE,
  );
});

/** Recorded spine fractures that count as vertebral fractures: age ≥ 50, low energy, not pathological. */
export function vertebralFractureRecords(c: Case): Fracture[] {
  return [...vertebralMemo(c)];
}
const vertebralMemo = memoCase((c: Case): Fracture[] => knownMemo(c).filter(
  (f) => SPINE_SITES.includes(f.site) && lowEnergyNonPathological(f) && ageAtFracture(c, f) >= CASE_FINDING_MIN_AGE,
));

/** VFA levels graded 2 or 3 (Genant moderate or severe); grade 1 alone changes no decision (§4). */
export function vfaFractureLevels(c: Case): string[] {
  return [...vfaLevelsMemo(c)];
}
const vfaLevelsMemo = memoCase((c: Case): string[] => {
  const vfa = c.vfa;
  if (!vfa || compareDates(vfa.date, c.asOf) > 0) return [];
  return vfa.vertebrae.filter((v) => v.grade === 2 || v.grade === 3).map((v) => v.level);
});

/** A vertebral fracture at any time (§2, §5): a qualifying spine fracture record or VFA grade ≥ 2. */
export const hasVertebralFracture: (c: Case) => boolean = memoCase(
  (c) => vertebralMemo(c).length > 0 || vfaLevelsMemo(c).length > 0,
);

export function isLowEnergy(f: Fracture): boolean {
  return lowEnergyNonPathological(f);
}
