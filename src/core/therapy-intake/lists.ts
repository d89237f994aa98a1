// The closed lists of the physiotherapist's intake and education session (docs/therapy-intake.md).
// Migrations keep their literal copies; store/lists.test.ts reads them back from the database.

/**
 * The topics of the education session, in the order the therapist goes through them (seeds 001 and
 * 003: what the disease is, its causes, what the patient can do, the three parts of treatment, falls
 * and fear of falling, posture after a vertebral fracture, measuring every 3 months, after the therapy).
 */
export const EDUCATION_TOPICS = [
  'what-is-osteoporosis',
  'risk-factors',
  'what-you-can-do',
  'three-parts',
  'falls-and-fear',
  'posture',
  'measuring',
  'after-therapy',
] as const;
export type EducationTopic = (typeof EDUCATION_TOPICS)[number];
