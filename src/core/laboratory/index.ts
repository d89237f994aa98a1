// Stage: laboratory and secondary causes (clinical-rules.md §6).
// Sources: NIV-2022 (laboratory module), NHG-2024 and GR-2012 (vitamin D), CBO-2011.
// Unit conversion happens once, before any rule runs (normalizeLabs); every stage reads lab values
// through labPicture so one result is interpreted the same way everywhere.
export {
  labPicture, normalizeLabs, canonicalResult, correctCalcium, calciumStatus, vitaminDStatus,
  DEFAULT_REFERENCE, EGFR_RENAL_IMPAIRMENT, VITAMIN_D_SEVERE, VITAMIN_D_ADEQUATE, SECONDARY_CAUSES,
  type LabPicture, type CorrectedCalcium, type CalciumStatus, type VitaminDStatus, type SecondaryCause,
} from './picture.js';
export { CANONICAL_UNIT, unitFactor, toCanonical, fromCanonical, acceptedUnits, foldUnit } from './units.js';
export { rules, basicPanelMissing } from './laboratory.rule.js';
