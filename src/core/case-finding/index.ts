// Stage: case finding (clinical-rules.md §2).
// Sources: NIV-2022 (identification), NHG-2012 (risk score, vertebral fractures), CBO-2011
// (glucocorticoids), NHG-2024 and LEAFLET-HOSPITAL (falls), PATHWAY-UMC (early menopause, local
// fracture-site policy).
export {
  qualifyingFractures, hasVertebralFracture, vertebralFractureRecords, vfaFractureLevels,
  knownFractures, ageAtFracture, isLowEnergy, EXCLUDED_SITES, SPINE_SITES,
} from './fractures.js';
export { rules, nhgRiskScore, dxaIndication } from './case-finding.rule.js';
