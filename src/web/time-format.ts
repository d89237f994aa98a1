// Dates and times as people in the Netherlands read them, in the reader's language, whatever zone
// the server runs in. Times come in as ISO strings (the services hand out no driver's Date).
import type { Lang } from './i18n/index.js';

export const TIME_ZONE = 'Europe/Amsterdam';

const locale = (lang: Lang) => (lang === 'nl' ? 'nl-NL' : 'en-GB');

/** "16:45": a clock time in the Netherlands, whatever zone the server runs in. */
export function clockTime(lang: Lang, iso: string): string {
  return new Intl.DateTimeFormat(locale(lang), { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

/** "23 november 2026, 16:45". */
export function dateTime(lang: Lang, iso: string): string {
  return new Intl.DateTimeFormat(locale(lang), { timeZone: TIME_ZONE, dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));
}

/** A calendar date (YYYY-MM-DD, no zone) written out: "12 april 1948". */
export function calendarDate(lang: Lang, ymd: string): string {
  const d = new Date(`${ymd.slice(0, 10)}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return ymd;
  return new Intl.DateTimeFormat(locale(lang), { timeZone: 'UTC', dateStyle: 'long' }).format(d);
}
