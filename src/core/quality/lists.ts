// The closed lists of the quality dashboard, each defined once: the API's enums, the store's CHECK
// constraints (migration 0019) and the pages' words derive from them.

/**
 * The indicators, in the order the FLS reports them (RCP FLS-DB KPIs and IOF Capture the Fracture
 * patient-level KPIs, clinical-rules.md §8). How each is counted: `indicators.ts`.
 */
export const QUALITY_INDICATORS = [
  'identification',
  'assessment-90-days',
  'dxa-90-days',
  'vertebral-fracture-identified',
  'falls-assessment',
  'bone-therapy-recommended',
  'strength-and-balance',
  'monitoring-contact-12-16-weeks',
  'started-by-16-weeks',
  'on-treatment-52-weeks',
  'data-completeness',
] as const;
export type QualityIndicator = (typeof QUALITY_INDICATORS)[number];

/**
 * Where one patient stands for one indicator: counted in the numerator (`met`), in the denominator
 * only (`not-met`: its date has passed without it), not yet decided (`open`: time is left), or left
 * out of the denominator and counted beside it (`excluded`, with a reason). A patient outside an
 * indicator's population (no medication indicated, for "started by 16 weeks") has no outcome.
 */
export const QUALITY_OUTCOMES = ['met', 'not-met', 'open', 'excluded'] as const;
export type QualityOutcome = (typeof QUALITY_OUTCOMES)[number];

/** Why a patient is left out of a target's denominator: never hidden, always counted beside it. */
export const EXCLUSION_REASONS = ['workup-waived', 'died', 'left-care'] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

/** What one patient's row stores per indicator: an outcome, or an exclusion with its reason. */
export const OUTCOME_CODES = ['met', 'not-met', 'open', 'excluded:workup-waived', 'excluded:died', 'excluded:left-care'] as const;
export type OutcomeCode = (typeof OUTCOME_CODES)[number];

/** The length of a reporting period. */
export const PERIOD_KINDS = ['month', 'quarter', 'year'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/**
 * The facts the indicators read, for the data-completeness indicator: a patient is complete when
 * each that applies to them is recorded.
 */
export const COMPLETENESS_FIELDS = ['dxa', 'spine-imaging', 'falls-screen', 'assessment', 'decision'] as const;
export type CompletenessField = (typeof COMPLETENESS_FIELDS)[number];
