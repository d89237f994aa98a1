import { Temporal } from 'temporal-polyfill';

/** Today's calendar date in the Netherlands: the `asOf` every clinical and access rule gets. */
export function todayNl(): string {
  return Temporal.Now.plainDateISO('Europe/Amsterdam').toString();
}
