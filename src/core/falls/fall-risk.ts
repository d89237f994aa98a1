// The fall-risk stratification of the World Guidelines (clinical-rules.md §10) and the Short FES-I
// bands, as pure functions so properties can be tested apart from the rule wrapper.
// Sources: WFG-2022 (algorithm, TUG and gait-speed cut-offs), NHG-2024 (inventory), FESI.
import type { Reader } from '../reader.js';
import { F } from '../fields.js';
import { criteria } from '../reader.js';
import { latestWith, measurementPath } from '../measures/scoring.js';

/** The criteria this file's rules check (`r.check(C[id], met)`). */
const C = criteria(['screen-positive', 'injury', 'two-or-more-falls', 'frailty', 'unable-to-get-up', 'lost-consciousness', 'tug-over-15-s', 'gait-speed-below-0.8']);

export type FallRiskLevel = 'low' | 'intermediate' | 'high';
/** TUG strictly above this (seconds) is slow; 15 s itself is not. */
export const TUG_SLOW_ABOVE_S = 15;
/** Gait speed strictly below this (m/s) is slow; 0.8 m/s itself is not. */
export const GAIT_SLOW_BELOW_MPS = 0.8;

export type HighRiskSign = 'injury' | 'two-or-more-falls' | 'frailty' | 'unable-to-get-up' | 'lost-consciousness';

export interface FallRisk {
  /** null when the screen is positive and neither TUG nor gait speed was measured. */
  level: FallRiskLevel | null;
  screenPositive: boolean;
  highSigns: HighRiskSign[];
  slow?: 'tug' | 'gait' | 'both';
  /** The TUG and gait speed the level was read from (the falls record's, or a measurement's). */
  tug?: number | undefined;
  gait?: number | undefined;
}

/**
 * The WFG-2022 algorithm read through `t`: screen first; a negative screen is low whatever else is
 * recorded (the high-risk signs apply only after a positive screen, §10); then the severity signs,
 * then TUG or gait speed. Each step is a criterion.
 */
export function fallRisk(t: Reader): FallRisk {
  const n = t.read(F['falls.fallsLast12Months']);
  const unsteady = t.read(F['falls.unsteady']);
  const worried = t.read(F['falls.worriedAboutFalling']);
  const positive = (n ?? 0) >= 1 || unsteady === true || worried === true;
  const highSigns: HighRiskSign[] = [];
  if (!t.check(C['screen-positive'], positive ? true : n === undefined || unsteady === undefined || worried === undefined ? undefined : false)) {
    return { level: 'low', screenPositive: false, highSigns };
  }
  if (t.check(C['injury'], t.read(F['falls.injuredByFall']))) highSigns.push('injury');
  if (t.check(C['two-or-more-falls'], n === undefined ? undefined : n >= 2)) highSigns.push('two-or-more-falls');
  if (t.check(C['frailty'], t.read(F['falls.frail']))) highSigns.push('frailty');
  if (t.check(C['unable-to-get-up'], t.read(F['falls.unableToGetUp']))) highSigns.push('unable-to-get-up');
  if (t.check(C['lost-consciousness'], t.read(F['falls.lostConsciousness']))) highSigns.push('lost-consciousness');
  if (highSigns.length > 0) return { level: 'high', screenPositive: true, highSigns };
  const tug = walkingTest(t, 'tugSeconds');
  const gait = walkingTest(t, 'gaitSpeedMps');
  const tugSlow = tug !== undefined ? tug > TUG_SLOW_ABOVE_S : undefined;
  const gaitSlow = gait !== undefined ? gait < GAIT_SLOW_BELOW_MPS : undefined;
  t.check(C['tug-over-15-s'], tugSlow);
  t.check(C['gait-speed-below-0.8'], gaitSlow);
  if (tugSlow === undefined && gaitSlow === undefined) return { level: null, screenPositive: true, highSigns };
  if (tugSlow === true || gaitSlow === true) {
    return { level: 'intermediate', screenPositive: true, highSigns, slow: tugSlow && gaitSlow ? 'both' : tugSlow ? 'tug' : 'gait', tug, gait };
  }
  return { level: 'low', screenPositive: true, highSigns, tug, gait };
}

/**
 * TUG or gait speed (§10), and from an exercise-therapy measurement when the falls record has none
 * (§13: the measurements' TUG and gait speed feed the fall risk): the most recent measurement up to
 * asOf that has it. Absent in both, it is missing as the falls field.
 */
function walkingTest(t: Reader, key: 'tugSeconds' | 'gaitSpeedMps'): number | undefined {
  const field = key === 'tugSeconds' ? F['falls.tugSeconds'] : F['falls.gaitSpeedMps'];
  if (field.get(t.case) === undefined) {
    const ms = t.case.exercise?.measurements;
    if (ms !== undefined) {
      const hit = latestWith(ms, t.case.asOf, (m) => m[key] !== undefined);
      if (hit !== undefined) return t.note(measurementPath(hit.index, key), hit.m[key]);
    }
  }
  return t.read(field);
}

export type FearLevel = 'low' | 'moderate' | 'high';

/** The Short FES-I's bands (FESI), as the rule reads them and the charts draw them. */
export const FES_I_BANDS = [
  { from: 7, to: 8, name: 'low' }, { from: 9, to: 13, name: 'moderate' }, { from: 14, to: 28, name: 'high' },
] as const satisfies readonly { from: number; to: number; name: FearLevel }[];

/** Short FES-I: the sum of the 7 items (7–28) in bands low 7–8, moderate 9–13, high 14–28. */
export function fesILevel(items: readonly number[]): { level: FearLevel; score: number } {
  const score = items.reduce((a, b) => a + b, 0);
  return { level: FES_I_BANDS.find((b) => score <= b.to)?.name ?? 'high', score };
}
