// The closed lists of the exercise plan, each defined once: the API's zod enums, the store's CHECK
// constraints (migration 0024) and the pages' words derive from these.

/** What an exercise trains (GUIDE-EXERCISE: strength, balance, bone loading, posture). */
export const EXERCISE_CATEGORIES = ['strength', 'balance', 'weight-bearing', 'impact', 'posture'] as const;
export type ExerciseCategory = (typeof EXERCISE_CATEGORIES)[number];

/**
 * When an exercise is not safe for everyone: bending the spine forward under load, twisting the
 * spine, jumping or landing hard, and standing balance work that needs something to hold on to.
 */
export const EXERCISE_TAGS = ['loaded-spinal-flexion', 'spinal-twist', 'high-impact', 'needs-support'] as const;
export type ExerciseTag = (typeof EXERCISE_TAGS)[number];

/** Where the plan is done (GUIDE-EXERCISE: supervised, at home, at a sports club). */
export const EXERCISE_PLACES = ['supervised', 'home', 'sports-club'] as const;
export type ExercisePlace = (typeof EXERCISE_PLACES)[number];

/** How hard, as the patient feels it. */
export const EXERCISE_INTENSITIES = ['light', 'moderate', 'hard'] as const;
export type ExerciseIntensity = (typeof EXERCISE_INTENSITIES)[number];

/** What in the patient's record makes a tag unsafe. */
export const SAFETY_CONDITIONS = ['vertebral-fracture', 'high-fall-risk', 'recent-fracture'] as const;
export type SafetyCondition = (typeof SAFETY_CONDITIONS)[number];
