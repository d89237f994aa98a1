// The calcium calculator and reference targets (clinical-rules.md §9), as pure functions so the
// patient-side calculator in the UI computes exactly what the rule concludes.
// Sources: GR-CALCIUM (targets), LEAFLET-HOSPITAL (≈ 4 dairy servings with osteoporosis),
// BOTPAD-POLICY (provisional per-serving values, configurable).
import type { CalciumItem } from '../case.schema.js';
import { CALCIUM_ITEMS } from '../case.schema.js';
import type { Settings } from '../settings.js';

export type Servings = Partial<Record<CalciumItem, number>>;

/** Intake in mg/day: other food plus each item's servings times its calcium per serving. */
export function calciumIntakeMg(servings: Servings, settings: Pick<Settings, 'calciumOtherFoodMg' | 'calciumPerServingMg'>): number {
  let mg = settings.calciumOtherFoodMg;
  for (const item of CALCIUM_ITEMS) mg += (servings[item] ?? 0) * settings.calciumPerServingMg[item];
  // Fractional servings give fractional milligrams; whole milligrams are precise enough to advise on.
  return Math.round(mg);
}

/** Reference intake by completed age and sex; undefined under 1 year (not in the table). */
export function calciumTargetMg(age: number, sex: 'female' | 'male'): number | undefined {
  if (age < 1) return undefined;
  if (age <= 3) return 500;
  if (age <= 8) return 700;
  if (age <= 17) return sex === 'male' ? 1200 : 1100;
  if (age <= 24) return 1000;
  if (age <= 50) return 950;
  if (age <= 69) return sex === 'male' ? 950 : 1100;
  return 1200;
}

/** With osteoporosis or a medication indication the target is at least this (§9). */
export const OSTEOPOROSIS_MIN_TARGET_MG = 1000;
/** A shortfall larger than this (not equal) makes a supplement advisable (§9). */
export const SUPPLEMENT_SHORTFALL_MG = 250;
