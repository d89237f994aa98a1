// The closed lists of the worklist and the pathway's logistics, each defined once. The store's
// CHECK constraints hold the same lists (store/lists.test.ts compares them on both stores); the
// API's enums and the pages' words derive from them.

/**
 * What a patient can need next (verbatim codes). One worklist item per open step of a patient in
 * an organisation's care; `derive.ts` opens and closes the derived ones, people open and close
 * tasks, and alerts come from the core's conclusions or from reports.
 */
export const WORKLIST_STEPS = [
  'invite', 'diagnostic-day', 'assessment', 'decision',
  'contact-3-months', 'visit-1-year', 'yearly-control',
  'dose-due', 'pre-dose-check', 'review', 'handover',
  'task', 'alert', 'outreach',
  'measurement',
] as const;
export type WorklistStep = (typeof WORKLIST_STEPS)[number];

/**
 * The steps a physiotherapy practice keeps for the patients referred to it: the measurements of
 * exercise therapy (clinical-rules.md §13 `measure.due`). They go on the practice's worklist only,
 * never on a hospital's, and the hospital's steps never on the practice's.
 */
export const PRACTICE_STEPS: readonly WorklistStep[] = ['measurement'];

/** The core's follow-up kinds (clinical-rules.md §8) and the worklist step each one is. */
export const FOLLOW_UP_STEP = { '3-months': 'contact-3-months', '1-year': 'visit-1-year', yearly: 'yearly-control' } as const satisfies Record<string, WorklistStep>;

export const PRIORITIES = ['high', 'normal'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** An item is open, or (alerts) acknowledged by someone and still open, or done. */
export const ITEM_STATES = ['open', 'acknowledged', 'done'] as const;
export type ItemState = (typeof ITEM_STATES)[number];

/** The invitation log of the diagnostic day, per patient. */
export const INVITATION_EVENTS = ['invited', 'attended', 'did-not-attend', 're-invited', 'declined'] as const;
export type InvitationEvent = (typeof INVITATION_EVENTS)[number];

/**
 * A visit of the pathway: the one-day diagnostic visit, or the evening clinic, where no imaging
 * can be done (a scan that day is planned in the daytime).
 */
export const VISIT_KINDS = ['diagnostic-day', 'evening-clinic'] as const;
export type VisitKind = (typeof VISIT_KINDS)[number];

export const VISIT_STATUSES = ['planned', 'attended', 'did-not-attend', 'cancelled'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];

/** The parts of the diagnostic day; `dxa` and `vfa` are imaging (one DXA scanner session). */
export const VISIT_PARTS = ['dxa', 'vfa', 'labs', 'consultation'] as const;
export type VisitPart = (typeof VISIT_PARTS)[number];
export const IMAGING_PARTS: readonly VisitPart[] = ['dxa', 'vfa'];

/**
 * The evening clinic starts at 17:00 (PATHWAY-UMC: consultation in the evening); imaging that day
 * must lie before it, in the daytime, when the scanner is staffed.
 */
export const EVENING_STARTS = '17:00';

/** What the clinic writes down about a patient outside the clinical facts. */
export const COMMUNICATION_KINDS = ['note', 'phone-call', 'task'] as const;
export type CommunicationKind = (typeof COMMUNICATION_KINDS)[number];

/** Age bands of the worklist's filter, in completed years on today's date. */
export const AGE_BANDS = ['under-50', '50-64', '65-74', '75-84', '85-plus'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
export const AGE_BAND_RANGE: Readonly<Record<AgeBand, { min: number; max: number | null }>> = {
  'under-50': { min: 0, max: 49 },
  '50-64': { min: 50, max: 64 },
  '65-74': { min: 65, max: 74 },
  '75-84': { min: 75, max: 84 },
  '85-plus': { min: 85, max: null },
};
