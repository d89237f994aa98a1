// Stage: falls — fall-risk level, the fall-risk factor inventory and fear of falling
// (clinical-rules.md §10). Sources: WFG-2022, NHG-2024, FESI.
import type { Rule } from '../rule.js';
import { fallRules } from './falls.rule.js';

export { fallRisk, FES_I_BANDS, fesILevel, GAIT_SLOW_BELOW_MPS, TUG_SLOW_ABOVE_S } from './fall-risk.js';
export type { FallRisk, FallRiskLevel, FearLevel, HighRiskSign } from './fall-risk.js';

export const rules: Rule[] = fallRules;
