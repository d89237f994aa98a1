// The patient's calendar feed: the private link a phone or computer calendar subscribes to, the
// reminder choices, and the feed itself (iCalendar, RFC 5545). Making, ending and choosing are the
// patient's own, or a caregiver's for them (`calendar.manage`). The link carries a random 256-bit
// token of which only the SHA-256 is kept; a read of it is a read of the record by the person who
// made the link: decided by the core's authorize() on every read and audited like any other, so a
// link dies with its maker's access (a caregiver's link withdrawn, consent withdrawn, an account
// disabled). An unknown, ended or refused link answers "not found" and says nothing more.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import ical, { ICalAlarmType, ICalCalendarMethod, ICalEventRepeatingFreq } from 'ical-generator';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { Temporal } from 'temporal-polyfill';
import type { Actor } from '../core/access/index.js';
import { calendarEvents, DEFAULT_CHOICES, type CalendarChoices, type CalendarEvent, type CalendarVisit } from '../core/calendar/index.js';
import { calendarWords } from '../core/calendar/words.js';
import { DEFAULT_SETTINGS } from '../core/settings.js';
import { addDays, addMonths } from '../core/time/date.js';
import { todayNl } from '../schema/clock.js';
import { AppError } from '../schema/problem.js';
import * as repo from '../store/calendar.repo.js';
import { plannedVisitsBetween } from '../store/logistics.repo.js';
import { readWithPatient, withPatient, type AccessDeps, type RequestMeta } from './access.js';
import { caseOn, type Ask } from './record.js';

export const ZONE = 'Europe/Amsterdam';
/** How far ahead planned visits are put in the feed. */
const VISIT_MONTHS_AHEAD = 24;
/** At most this many visits: a feed stays small whatever the record holds. */
const MAX_VISITS = 50;

export interface CalendarSettingsView {
  remindAt: string;
  nameMedicine: boolean;
  /** When the asker's live link was made; null: they have none. */
  linkSince: string | null;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
/** base64url of 32 random bytes: 43 characters. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

const notFound = () => new AppError('not-found', 'There is no calendar here.');

const viewOf = (c: repo.ChoiceRow | undefined, live: { created_at: string } | undefined): CalendarSettingsView => ({
  remindAt: c?.remind_at ?? DEFAULT_CHOICES.remindAt,
  nameMedicine: c?.name_medicine ?? DEFAULT_CHOICES.nameMedicine,
  linkSince: live?.created_at ?? null,
});

/** The reminder choices and whether the asker has a live link (for the page and the API). */
export async function calendarSettings(deps: AccessDeps, ask: Ask): Promise<CalendarSettingsView> {
  return withPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'calendar.manage', resource: 'patient/calendar', patientId: ask.patientId }, async ({ db, row }) =>
    viewOf(await repo.choicesOf(db, row.id), await repo.liveFeedOf(db, row.id, ask.actor.userId)));
}

export async function chooseReminders(deps: AccessDeps, ask: Ask, choices: CalendarChoices): Promise<CalendarSettingsView> {
  return withPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'calendar.manage', resource: 'patient/calendar/choices', patientId: ask.patientId }, async ({ db, row }) => {
    await repo.saveChoices(db, { patientId: row.id, remindAt: choices.remindAt, nameMedicine: choices.nameMedicine, by: ask.actor.userId });
    return viewOf(await repo.choicesOf(db, row.id), await repo.liveFeedOf(db, row.id, ask.actor.userId));
  });
}

/**
 * A new private link for the asker to this record; their previous one is ended in the same
 * transaction. The token is handed out once: only its hash is kept.
 */
export async function makeFeedLink(deps: AccessDeps, ask: Ask): Promise<{ token: string }> {
  const token = randomBytes(32).toString('base64url');
  await withPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'calendar.manage', resource: 'patient/calendar-feed', patientId: ask.patientId }, async ({ db, row }) => {
    if (row.merged_into) throw new AppError('conflict', 'This record was merged into another one; make the link there.', [{ pointer: '/params/id', detail: 'is a merged record' }]);
    await repo.replaceFeed(db, { patientId: row.id, userId: ask.actor.userId, tokenHash: sha256(token) });
  });
  return { token };
}

/** Ends the asker's link to this record at once; true when there was one. */
export async function endFeedLink(deps: AccessDeps, ask: Ask): Promise<boolean> {
  return withPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'calendar.manage', resource: 'patient/calendar-feed', patientId: ask.patientId }, async ({ db, row }) =>
    repo.revokeFeed(db, row.id, ask.actor.userId));
}

/** The token as it stands in the link: the bare token, or with `.ics` after it (some calendar apps want that). */
export function tokenOfLink(raw: string): string | undefined {
  const t = raw.endsWith('.ics') ? raw.slice(0, -4) : raw;
  return TOKEN.test(t) ? t : undefined;
}

/**
 * The feed behind a token, as iCalendar text. The look-up is by the token's hash (an index
 * look-up says nothing about the token); the hash found is compared again in constant time.
 */
export async function readFeed(deps: AccessDeps, rawToken: string, meta: RequestMeta, now = new Date()): Promise<string> {
  const token = tokenOfLink(rawToken);
  if (token === undefined) throw notFound();
  const hash = sha256(token);
  const link = await repo.feedByHash(deps.db, hash);
  if (!link || !timingSafeEqual(Buffer.from(link.token_hash, 'hex'), Buffer.from(hash, 'hex'))) throw notFound();
  const actor: Actor = { userId: link.user_id, role: link.role, organisationId: link.organisation_id, organisationKind: link.organisation_kind, patientId: link.own_patient_id };
  if (link.status !== 'active') {
    await deps.auditor.refused(deps.db, { actor, meta, action: 'record.read', resource: 'patient/calendar-feed', patientId: link.patient_id, reason: 'the account that made this calendar link is not active' });
    throw notFound();
  }
  const today = todayNl(now.getTime());
  try {
    return await readWithPatient(deps, { actor, meta, action: 'record.read', resource: 'patient/calendar-feed', patientId: link.patient_id }, async ({ db, row, records }) => {
      const [c, choice, visits] = await Promise.all([
        caseOn(db, records, row, today),
        repo.choicesOf(db, row.id),
        plannedVisitsBetween(db, row.id, today, addMonths(today, VISIT_MONTHS_AHEAD)),
      ]);
      const choices: CalendarChoices = choice ? { remindAt: choice.remind_at, nameMedicine: choice.name_medicine } : DEFAULT_CHOICES;
      const onCalendar: CalendarVisit[] = visits.slice(0, MAX_VISITS).map((v) => {
        const times = v.parts.map((p) => p.time).sort();
        return { id: v.id, date: v.visit_date, time: times[0] ?? null, endTime: times.at(-1) ?? null, reportTo: v.report_to, evening: v.kind === 'evening-clinic' };
      });
      const lang = row.language;
      return feedText(calendarEvents(c, DEFAULT_SETTINGS, choices, onCalendar, lang), { lang, uidSeed: row.id, now });
    });
  } catch (e) {
    // Refused (access ended) or gone: the same answer as an unknown link. The refusal is audited.
    if (e instanceof AppError && (e.code === 'forbidden' || e.code === 'not-found')) throw notFound();
    throw e;
  }
}

/** "2027-03-28" + "09:00" → the wall-clock text ical-generator writes with the TZID. */
const wall = (date: string, time: string) => `${date}T${time}:00`;

function endOf(e: CalendarEvent): string {
  const start = Temporal.PlainDateTime.from(wall(e.date, e.time));
  return start.add({ minutes: e.minutes }).toString({ smallestUnit: 'second' });
}

/** The end of a series' last day in Amsterdam, as UTC: RFC 5545 wants UNTIL in UTC when DTSTART has a TZID. */
function untilUtc(date: string): Date {
  const end = Temporal.PlainDate.from(addDays(date, 1)).toZonedDateTime({ timeZone: ZONE }).subtract({ seconds: 1 });
  return new Date(end.epochMilliseconds);
}

const FREQ = { DAILY: ICalEventRepeatingFreq.DAILY, WEEKLY: ICalEventRepeatingFreq.WEEKLY, MONTHLY: ICalEventRepeatingFreq.MONTHLY, YEARLY: ICalEventRepeatingFreq.YEARLY } as const;

/**
 * The events as an iCalendar document: one VTIMEZONE for Europe/Amsterdam and every start as a
 * wall-clock time with that TZID, so a reminder at 09:00 stays at 09:00 across summer time. UIDs
 * are the SHA-256 of the record and the event's key: stable across reads, naming nobody.
 */
export function feedText(events: readonly CalendarEvent[], o: { lang: 'nl' | 'en'; uidSeed: string; now: Date }): string {
  const cal = ical({
    name: calendarWords(o.lang).calendarName,
    prodId: { company: 'Botpad', product: 'Botpad', language: o.lang.toUpperCase() },
    method: ICalCalendarMethod.PUBLISH,
    // name: null writes the VTIMEZONE without stamping DTSTAMP in local time (DTSTAMP stays UTC).
    timezone: { name: null, generator: getVtimezoneComponent },
    ttl: 60 * 60 * 6,
  });
  for (const e of events) {
    cal.createEvent({
      id: `${sha256(`${o.uidSeed}|${e.key}`).slice(0, 32)}@botpad`,
      start: wall(e.date, e.time),
      end: endOf(e),
      timezone: ZONE,
      stamp: o.now,
      summary: e.title,
      description: e.description,
      repeating: e.repeat === null ? null : {
        freq: FREQ[e.repeat.freq],
        interval: e.repeat.interval,
        ...(e.repeat.until !== undefined ? { until: untilUtc(e.repeat.until) } : {}),
        ...(e.repeat.count !== undefined ? { count: e.repeat.count } : {}),
      },
      alarms: [{ type: ICalAlarmType.display, trigger: e.alarmMinutesBefore * 60, description: e.title }],
    });
  }
  return cal.toString();
}
