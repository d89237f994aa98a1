// The closed lists of the clinical record, each defined once. The store's CHECK constraints hold
// the same lists (store/lists.test.ts compares them on both stores), the API's enums and the
// pages' words derive from them, and switches over them are exhaustive.

/**
 * What an entry of the record can be: one kind per fact of the Case (clinical-rules.md §1) that
 * is recorded on its own, plus the consultation note, which the core does not read.
 * How each kind becomes part of the Case is `projection.ts`.
 */
export const ENTRY_KINDS = [
  'weight', 'height', 'menopause',
  'fracture', 'risk-factors', 'glucocorticoid-course',
  'fall', 'falls-screen',
  'dxa', 'vfa', 'labs',
  'fes-i', 'calcium',
  'medication', 'medication-dose', 'planned-medication',
  'contact', 'frax', 'workup-waived',
  'safety', 'dental-check',
  'child', 'aids-check',
  'note',
] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** Where a fact came from: a clinician's form, the patient's own answers, an import. */
export const ENTRY_SOURCES = ['clinician', 'patient', 'import'] as const;
export type EntrySource = (typeof ENTRY_SOURCES)[number];

/** An entry stands, or was marked entered in error (hidden, never deleted). */
export const ENTRY_STATUSES = ['active', 'entered-in-error'] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];

/** Why a patient leaves the pathway. */
export const CARE_END_REASONS = ['deceased', 'moved', 'transferred-to-gp', 'declined-further-care'] as const;
export type CareEndReason = (typeof CARE_END_REASONS)[number];

/** The side of a fracture, as the intake records it. */
export const FRACTURE_SIDES = ['left', 'right', 'both', 'unknown'] as const;
export type FractureSide = (typeof FRACTURE_SIDES)[number];

/** Why a work-up is waived (clinical-rules.md §1, `workupWaived.reason`). */
export const WORKUP_WAIVED_REASONS = ['life-expectancy', 'nursing-home', 'declined'] as const;

/**
 * The questionnaires the patient (or a caregiver) fills in before the diagnostic day. The risk
 * factors and the calcium calculator are Botpad's own; `fes-i` (Short FES-I) and `promis-gh10`
 * (PROMIS Global Health) are validated instruments, offered only once their official Dutch items
 * and their terms of use are in hand (docs/questionnaires.md says what is missing).
 */
export const QUESTIONNAIRES = ['risk-factors', 'calcium', 'fes-i', 'promis-gh10'] as const;
export type QuestionnaireId = (typeof QUESTIONNAIRES)[number];
