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
  'missed-dose',
  'exercise-measurement', 'exercise-therapy',
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

/** How the patient takes the medicine, as asked at a follow-up contact. */
export const ADHERENCE = ['as-agreed', 'sometimes-missed', 'often-missed', 'stopped-themself'] as const;
export type Adherence = (typeof ADHERENCE)[number];

/**
 * The sequencing guardrails a stop can run into (clinical-rules.md §8, NIV-2022, SMPC-denosumab):
 * denosumab stopped without a follow-on antiresorptive planned within 6 months of the last
 * injection; an anabolic stopped without an antiresorptive after it.
 */
export const SEQUENCE_REASONS = ['denosumab-stop-without-follow-on', 'anabolic-stop-without-follow-on'] as const;
export type SequenceReason = (typeof SEQUENCE_REASONS)[number];

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

/**
 * The options of the shared treatment decision (product.md step 5): lifestyle and fall prevention
 * only, a weekly tablet, a yearly infusion, an injection every 6 months, a daily injection (an
 * anabolic). Choosing no medicine is the first option, recorded as a decision.
 */
export const DECISION_OPTIONS = ['lifestyle-only', 'weekly-tablet', 'yearly-infusion', 'injection-6-months', 'daily-injection'] as const;
export type DecisionOption = (typeof DECISION_OPTIONS)[number];

/** The letters Botpad writes about a patient and keeps as sent. */
export const LETTER_KINDS = ['gp-handover', 'dentist-card', 'agreements', 'dietitian-referral', 'progress-report'] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

/** How an activity in the diary went, in the patient's own judgement. */
export const DIARY_FEELINGS = ['good', 'ok', 'hard'] as const;
export type DiaryFeeling = (typeof DIARY_FEELINGS)[number];

/** What a patient (or a caregiver) can report to the clinic between visits. */
export const REPORT_KINDS = ['fracture', 'fall', 'side-effect'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** How bad it is, in the reporter's words. */
export const REPORT_SEVERITIES = ['mild', 'moderate', 'severe'] as const;
export type ReportSeverity = (typeof REPORT_SEVERITIES)[number];

/**
 * How a reported fracture happened, as a patient can say it: a fall from standing height or less
 * (low energy), a harder accident (high energy), or not known (left open for the clinician).
 */
export const REPORT_FRACTURE_CAUSES = ['low-fall', 'accident', 'unknown'] as const;
export type ReportFractureCause = (typeof REPORT_FRACTURE_CAUSES)[number];

/**
 * What a child's loading log and daily plan name (clinical-rules.md §12, LEAFLET-EMB): standing in
 * a standing frame, walking with a walking aid, and any other movement the physiotherapist chose.
 */
export const LOADING_ACTIVITIES = ['standing-frame', 'walking-aid', 'other-movement'] as const;
export type LoadingActivity = (typeof LOADING_ACTIVITIES)[number];

/** Whether a therapy goal still fits at a measurement (clinical-rules.md §13, seed 003). */
export const GOAL_STATUSES = ['kept', 'changed', 'reached'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];
