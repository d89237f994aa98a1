// Stage: treatment indication, referral and first choice (clinical-rules.md §5).
// Sources: NHG-2012, NHG-2024, NIV-2022, CBO-2011, Farmacotherapeutisch Kompas (hip fracture 75+).
export {
  medicationIndication, assessIndication, glucocorticoidsAtLeast, INDICATION_REASONS,
  type IndicationAssessment, type IndicationReason,
} from './indication.js';
export { rules, specialistReasons, firstChoice } from './treatment.rule.js';
