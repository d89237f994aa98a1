// The closed lists of the practice's home safety check and lifestyle coaching, each defined once:
// the API's zod enums, the pages' words (src/web/i18n, one text per code) and the stored data derive
// from these. Sources: clinical-rules.md §11 (fall prevention at home: light, a firm floor, good
// shoes, no loose rugs), the practice's leaflet (seed 001: advice on risks at home, safe movement,
// living with pain) and the network's guide for therapists (seed 003: falls, fear of falling, food,
// what comes after the therapy).

/**
 * What the physiotherapist walks through with the patient at home, in the order of a visit. Each
 * item has one piece of advice in the catalogue (`homeCheck.advice`), shown where it needs work.
 */
export const HOME_CHECK_ITEMS = ['lighting', 'rugs-and-cables', 'stairs-and-rails', 'bathroom', 'shoes', 'pets', 'reaching-high'] as const;
export type HomeCheckItem = (typeof HOME_CHECK_ITEMS)[number];

/** What was found for one item: safe as it is, something to change, or not part of this home. */
export const HOME_CHECK_FINDINGS = ['fine', 'needs-work', 'not-applicable'] as const;
export type HomeCheckFinding = (typeof HOME_CHECK_FINDINGS)[number];

/**
 * The topics of a coaching session (clinical-rules.md §11 and §9): moving, food with calcium,
 * vitamin D and daylight, smoking, alcohol, fall prevention and pain.
 */
export const COACHING_TOPICS = ['moving', 'calcium-food', 'vitamin-d-daylight', 'smoking', 'alcohol', 'falls', 'pain'] as const;
export type CoachingTopic = (typeof COACHING_TOPICS)[number];

/**
 * The core's conclusions a coaching session is about, shown beside its form with their why: the
 * lifestyle advice (§11) and the calcium and vitamin D advice (§9).
 */
export const COACHING_CONCLUSIONS = ['lifestyle.advice', 'calcium.intake', 'calcium.supplement-advised', 'vitamin-d.advice'] as const;
