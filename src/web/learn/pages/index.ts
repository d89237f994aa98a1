// Every learn page, in the order of the list at /learn. A page is one file; adding it here is what
// publishes it, and what puts it under the readability and link checks.
import type { LearnPage } from '../learn.types.js';
import { OSTEOPOROSIS_PAGE } from './osteoporosis.js';
import { PATHWAY_PAGE } from './pathway.js';
import { MOVING_PAGE } from './moving.js';
import { FOOD_PAGE } from './food.js';
import { FALLS_PAGE } from './falls.js';
import { PAIN_AND_FEAR_PAGE } from './pain-and-fear.js';
import { MEASURING_PAGE } from './measuring.js';
import { WORK_PAGE } from './work.js';
import { MEDICINE_PAGES } from './medicines/index.js';
import { CHILDREN_PAGES } from './children.js';

export const LEARN_PAGES: readonly LearnPage[] = [
  OSTEOPOROSIS_PAGE,
  PATHWAY_PAGE,
  MOVING_PAGE,
  FOOD_PAGE,
  FALLS_PAGE,
  PAIN_AND_FEAR_PAGE,
  MEASURING_PAGE,
  WORK_PAGE,
  ...MEDICINE_PAGES,
  ...CHILDREN_PAGES,
];

const BY_SLUG: ReadonlyMap<string, LearnPage> = new Map(LEARN_PAGES.map((p) => [p.slug, p]));

/** The page at `/learn/<slug>`, if there is one. */
export function learnPage(slug: string): LearnPage | undefined {
  return BY_SLUG.get(slug);
}
