// Stage: medication — which osteoporosis drugs are safe, how each is taken, when doses and reviews
// fall, and the sequencing guardrails (clinical-rules.md §7–8).
// Sources: SMPC-<drug>, NIV-2022, LEAFLET-HOSPITAL, PATHWAY-UMC, BOTPAD-POLICY; ATC codes from the WHO index.
import type { Rule } from '../rule.js';
import {
  anabolicEndRule, denosumabLateRule, denosumabStopRule, nextDoseRule, regimenRule, reviewDueRule,
} from './course.rule.js';
import { preDoseCheckRule } from './pre-dose.rule.js';
import { safetyRule } from './safety.rule.js';

export { CATALOGUE, isAntiresorptive, isAnabolic, isBisphosphonate, regimenFor, routeOf } from './catalogue.js';
export type { DrugInfo, Interval, Regimen, Route } from './catalogue.js';
export { currentCourses, isCurrent, medicationPath, plannedPath } from './courses.js';
export { drugSafety, safetyStatus } from './safety.rule.js';
export { SAFETY_REASONS } from './reasons.js';
export { NOT_OVERRIDABLE, prescriptionGate, stopGate } from './gate.js';
export type { PrescriptionGate } from './gate.js';

export const rules: Rule[] = [
  safetyRule, preDoseCheckRule, regimenRule, reviewDueRule, nextDoseRule, denosumabLateRule,
  denosumabStopRule, anabolicEndRule,
];
