// The fall-risk stratification of the World Guidelines (clinical-rules.md §10) and the Short FES-I
// bands, as pure functions so properties can be tested apart from the rule wrapper.
// Sources: WFG-2022 (algorithm, TUG and gait-speed cut-offs), NHG-2024 (inventory), FESI.
import type { Case } from '../case.schema.js';
import type { Trace } from '../rule.js';

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
}

export function fallRisk(c: Case, t: Trace): FallRisk {
  const f = c.falls ?? {};
  const n = t.get('falls.fallsLast12Months', f.fallsLast12Months);
  const highSigns: HighRiskSign[] = [];
  if (t.get('falls.injuredByFall', f.injuredByFall) === true) highSigns.push('injury');
  if ((n ?? 0) >= 2) highSigns.push('two-or-more-falls');
  if (t.get('falls.frail', f.frail) === true) highSigns.push('frailty');
  if (t.get('falls.unableToGetUp', f.unableToGetUp) === true) highSigns.push('unable-to-get-up');
  if (t.get('falls.lostConsciousness', f.lostConsciousness) === true) highSigns.push('lost-consciousness');
  const unsteady = t.get('falls.unsteady', f.unsteady) === true;
  const worried = t.get('falls.worriedAboutFalling', f.worriedAboutFalling) === true;
  const screenPositive = (n ?? 0) >= 1 || unsteady || worried;
  if (highSigns.length > 0) return { level: 'high', screenPositive, highSigns };
  if (!screenPositive) return { level: 'low', screenPositive, highSigns };
  const tug = t.get('falls.tugSeconds', f.tugSeconds);
  const gait = t.get('falls.gaitSpeedMps', f.gaitSpeedMps);
  const tugSlow = tug !== undefined ? tug > TUG_SLOW_ABOVE_S : undefined;
  const gaitSlow = gait !== undefined ? gait < GAIT_SLOW_BELOW_MPS : undefined;
  if (tugSlow === undefined && gaitSlow === undefined) return { level: null, screenPositive, highSigns };
  if (tugSlow || gaitSlow) {
    return { level: 'intermediate', screenPositive, highSigns, slow: tugSlow && gaitSlow ? 'both' : tugSlow ? 'tug' : 'gait' };
  }
  return { level: 'low', screenPositive, highSigns };
}

export type FearLevel = 'low' | 'moderate' | 'high';

/** Short FES-I: the sum of the 7 items (7–28) in bands low 7–8, moderate 9–13, high 14–28. */
export function fesILevel(items: readonly number[]): { level: FearLevel; score: number } {
  const score = items.reduce((a, b) => a + b, 0);
  return { level: score <= 8 ? 'low' : score <= 13 ? 'moderate' : 'high', score };
}
