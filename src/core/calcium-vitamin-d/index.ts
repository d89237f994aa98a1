// Stage: calcium and vitamin D — intake against the target, supplement advice and the vitamin D
// dose (clinical-rules.md §9).
// Sources: GR-2012, GR-CALCIUM, NHG-2024, LEAFLET-EMB, LEAFLET-HOSPITAL, BOTPAD-POLICY.
import type { Rule } from '../rule.js';
import { calciumIntakeRule, vitaminDRule } from './calcium-vitamin-d.rule.js';

export { calciumIntakeMg, calciumTargetMg, OSTEOPOROSIS_MIN_TARGET_MG, SUPPLEMENT_SHORTFALL_MG } from './calcium.js';
export type { Servings } from './calcium.js';
export { calciumPicture, vitaminDAdvice, VITAMIN_D_REASONS } from './calcium-vitamin-d.rule.js';
export type { VitaminDReason } from './calcium-vitamin-d.rule.js';

export const rules: Rule[] = [vitaminDRule, calciumIntakeRule];
