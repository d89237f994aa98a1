// The exercise plan's catalogue and its safety rule (not an evaluate() rule: it answers a
// therapist's choice, not the Case alone). Sources: GENANT, NHG-2024, WFG-2022, GUIDE-EXERCISE,
// LEAFLET-PHYSIO; see safety.ts.
export * from './lists.js';
export { EXERCISES, EXERCISE_CODES, exerciseOf, type Exercise } from './catalogue.js';
export {
  CONDITION_SOURCES, UNSAFE_TAGS, conditionsOf, exerciseWarnings, safetyFacts, warningsFor,
  type ExerciseWarning, type SafetyFacts, type SafetyReason,
} from './safety.js';
