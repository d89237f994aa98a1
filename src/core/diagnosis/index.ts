// Stage: diagnosis — bone density and vertebral fractures (clinical-rules.md §3–4).
// Sources: WHO-1994 (T-score categories), ISCD (site choice, Z-scores, paediatric criteria),
// GENANT (vertebral grades), NHG-2024 (grade 1 changes no decision).
export {
  bmdCategory, lowestTScore, latestDxa, scoreTypeFor, tCategory, childFractureHistory,
  T_NORMAL_FROM, T_OSTEOPOROSIS_AT, Z_BELOW_AT, T_SEVERITY,
  type BmdCategory, type BmdCategoryName, type TCategory, type ZCategory,
} from './bmd.js';
export { rules, vfaSummary } from './diagnosis.rule.js';
