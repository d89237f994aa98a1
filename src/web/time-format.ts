// Dates and times as people in the Netherlands read them, in the reader's language, whatever zone
// the server runs in. Times come in as ISO strings (the services hand out no driver's Date).
import type { Lang } from './i18n/index.js';

export const TIME_ZONE = 'Europe/Amsterdam';

const locale = (lang: Lang) => (lang === 'nl' ? 'nl-NL' : 'en-GB');

/** One formatter per language and kind, made once: making one costs far more than using it, and a list calls it per row. */
function once(make: (lang: Lang) => Intl.DateTimeFormat): (lang: Lang) => Intl.DateTimeFormat {
  const made = new Map<Lang, Intl.DateTimeFormat>();
  return (lang) => {
    let f = made.get(lang);
    if (!f) made.set(lang, (f = make(lang)));
    return f;
  };
}
const clockFormat = once((lang) => new Intl.DateTimeFormat(locale(lang), { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit' }));
const calendarFormat = once((lang) => new Intl.DateTimeFormat(locale(lang), { timeZone: 'UTC', dateStyle: 'long' }));

/** "16:45": a clock time in the Netherlands, whatever zone the server runs in. */
export function clockTime(lang: Lang, iso: string): string {
  return clockFormat(lang).format(new Date(iso));
}

/** "23 november 2026, 16:45". */
export function dateTime(lang: Lang, iso: string): string {
  return new Intl.DateTimeFormat(locale(lang), { timeZone: TIME_ZONE, dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));
}

/** A calendar date (YYYY-MM-DD, no zone) written out: "12 april 1948". */
export function calendarDate(lang: Lang, ymd: string): string {
  const d = new Date(`${ymd.slice(0, 10)}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return ymd;
  return calendarFormat(lang).format(d);
}

/** The calendar day in the Netherlands, to tell whether two moments fall on the same day there. */
function dayNl(iso: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

/** "23 november 2026, 16:45 tot 17:05": a span, the date written once when it is one day. */
export function timeSpan(lang: Lang, from: string, to: string, until: (from: string, to: string) => string): string {
  if (Date.parse(from) === Date.parse(to)) return dateTime(lang, from);
  return until(dateTime(lang, from), dayNl(from) === dayNl(to) ? clockTime(lang, to) : dateTime(lang, to));
}

/**
 * A calendar date as the clinic writes it in tables and banners, the same in both languages:
 * "12-04-1948" (dd-mm-jjjj). Anything that is not a date is shown as it came.
 */
export function numericDate(ymd: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(ymd);
  return m ? `${m[3] ?? ''}-${m[2] ?? ''}-${m[1] ?? ''}` : ymd;
}

/** A moment as the clinic writes it: "07-12-2026 14:05", in the Netherlands' time. */
export function numericDateTime(iso: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(
    new Date(iso),
  );
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')}-${part('month')}-${part('year')} ${part('hour')}:${part('minute')}`;
}
