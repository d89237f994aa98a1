// Reads an iCalendar feed back with an independent parser (Mozilla's ical.js), the way a calendar
// app would: the VTIMEZONE registered, each event's series expanded, every occurrence turned into
// an instant and shown again as wall-clock time in Europe/Amsterdam.
import ICAL from 'ical.js';

export interface Occurrence {
  uid: string;
  summary: string;
  description: string;
  /** The instant, as the parser understood the start with its TZID. */
  at: Date;
  /** That instant as a wall clock in Europe/Amsterdam: "2027-03-28 09:00". */
  local: string;
  tzid: string | null;
  rrule: string | null;
  alarms: number;
}

const local = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** Every occurrence up to `until` (at most `max` per event). */
export function occurrences(text: string, until: Date, max = 2000): Occurrence[] {
  const cal = new ICAL.Component(ICAL.parse(text));
  for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  const out: Occurrence[] = [];
  for (const v of cal.getAllSubcomponents('vevent')) {
    const e = new ICAL.Event(v);
    const start = v.getFirstProperty('dtstart');
    const tzid = (start?.getParameter('tzid') as string | undefined) ?? null;
    const rrule = v.getFirstPropertyValue('rrule');
    const base = { uid: e.uid, summary: e.summary, description: e.description, tzid, rrule: rrule ? String(rrule) : null, alarms: v.getAllSubcomponents('valarm').length };
    const it = e.iterator();
    for (let n = 0; n < max; n++) {
      const t = it.next();
      if (!t) break;
      const at = t.toJSDate();
      if (at > until) break;
      out.push({ ...base, at, local: local.format(at) });
    }
  }
  return out;
}

export function calendarProps(text: string): { vtimezones: string[]; stamps: string[] } {
  const cal = new ICAL.Component(ICAL.parse(text));
  return {
    vtimezones: cal.getAllSubcomponents('vtimezone').map((z) => String(z.getFirstPropertyValue('tzid'))),
    stamps: cal.getAllSubcomponents('vevent').map((v) => v.getFirstProperty('dtstamp')?.toICALString() ?? ''),
  };
}
