// The patient's calendar feed over HTTP: the private link made and ended by the patient (or a
// caregiver for them), the reminder choices, and the feed itself, which answers text/calendar to
// whoever holds the link, without a session. Each route is one use case of services/calendar.ts.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ZodApp } from '../types.js';
import { isReminderTime } from '../../core/calendar/index.js';
import { calendarSettings, chooseReminders, endFeedLink, makeFeedLink, readFeed } from '../../services/calendar.js';
import { AppError } from '../../schema/problem.js';
import { accessDeps, requestMeta, requireUser } from '../auth.js';
import { problemResponses } from '../responses.js';

const IdParams = z.object({ id: z.uuid('is not a valid id') }).strict();
/** Nothing to send; an empty object is taken too, for clients that always send JSON. */
const NoBody = z.object({}).strict().nullish();

export const FeedLink = z.object({ url: z.url().describe('The private link to subscribe to; shown once: only a hash of it is kept') }).strict().meta({ id: 'CalendarFeedLink' });
export const CalendarChoicesInput = z
  .object({
    remindAt: z.string().refine(isReminderTime, 'is not a time between 05:00 and 23:59 (HH:MM)').describe('Local time (Europe/Amsterdam) of dose reminders'),
    nameMedicine: z.boolean().describe('Whether event titles may name the medicine'),
  })
  .strict()
  .meta({ id: 'CalendarChoices' });
export const CalendarSettingsView = z
  .object({ remindAt: z.string(), nameMedicine: z.boolean(), linkSince: z.string().nullable().describe('When your live link was made; null: you have none') })
  .meta({ id: 'CalendarSettings' });

const LINK =
  'A new private link each time; the previous link of the same person to this record stops working at once. ' +
  'The link answers `text/calendar` without a session while its maker may read the record: a link of a caregiver whose access ends, ' +
  'or of an account that is disabled, answers `404` from then on. Every read of the feed is audited as a read of the record by its maker.';

/**
 * A calendar app polls a feed a few times an hour at most; this keeps a leaked link from being
 * used to hammer the record (per process, as the general throttling; the audit sees every read).
 */
export class FeedThrottle {
  private readonly seen = new Map<string, number[]>();
  constructor(private readonly max = 30, private readonly windowMs = 10 * 60_000) {}
  allow(key: string, now = Date.now()): boolean {
    const recent = (this.seen.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (recent.length >= this.max) {
      this.seen.set(key, recent);
      return false;
    }
    recent.push(now);
    this.seen.set(key, recent);
    // Old keys go when the map grows, so unknown tokens cannot fill memory.
    if (this.seen.size > 10_000) for (const [k, v] of this.seen) if (v.every((t) => now - t >= this.windowMs)) this.seen.delete(k);
    return true;
  }
}

function baseUrl(app: ZodApp, req: FastifyRequest): string {
  return (app.deps.config.publicUrl ?? `${req.protocol}://${req.host}`).replace(/\/+$/, '');
}

export function registerCalendarRoutes(app: ZodApp): void {
  const deps = () => accessDeps(app);
  const throttle = new FeedThrottle();
  const ownRecord = (req: FastifyRequest) => {
    const u = requireUser(req);
    if (!u.actor.patientId) throw new AppError('not-found', 'No record is linked to this account.');
    return { actor: u.actor, meta: requestMeta(req), patientId: u.actor.patientId };
  };
  const ask = (req: FastifyRequest, patientId: string) => ({ actor: requireUser(req).actor, meta: requestMeta(req), patientId });
  const linkOf = (req: FastifyRequest, token: string) => ({ url: `${baseUrl(app, req)}/api/v1/calendar-feeds/${token}.ics` });

  app.post(
    '/api/v1/patients/:id/calendar-feed',
    { schema: { tags: ['calendar'], summary: 'Make a private calendar link (the patient, or a caregiver for them)', description: LINK, params: IdParams, body: NoBody, response: { 201: FeedLink, ...problemResponses(400, 401, 403, 404, 409) } } },
    async (req, reply) => reply.status(201).send(linkOf(req, (await makeFeedLink(deps(), ask(req, req.params.id))).token)),
  );
  app.delete(
    '/api/v1/patients/:id/calendar-feed',
    { schema: { tags: ['calendar'], summary: 'End your private calendar link to this record at once', params: IdParams, body: NoBody, response: { 204: z.null(), ...problemResponses(400, 401, 403, 404) } } },
    async (req, reply) => {
      await endFeedLink(deps(), ask(req, req.params.id));
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/v1/me/calendar-feed',
    { schema: { tags: ['calendar'], summary: 'Make a private calendar link to your own record', description: LINK, body: NoBody, response: { 201: FeedLink, ...problemResponses(401, 403, 404, 409) } } },
    async (req, reply) => reply.status(201).send(linkOf(req, (await makeFeedLink(deps(), ownRecord(req))).token)),
  );
  app.delete(
    '/api/v1/me/calendar-feed',
    { schema: { tags: ['calendar'], summary: 'End your private calendar link to your own record at once', body: NoBody, response: { 204: z.null(), ...problemResponses(401, 403, 404) } } },
    async (req, reply) => {
      await endFeedLink(deps(), ownRecord(req));
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/api/v1/patients/:id/calendar-settings',
    { schema: { tags: ['calendar'], summary: 'The reminder choices, and whether you have a live link', params: IdParams, response: { 200: CalendarSettingsView, ...problemResponses(400, 401, 403, 404) } } },
    async (req) => calendarSettings(deps(), ask(req, req.params.id)),
  );
  app.put(
    '/api/v1/patients/:id/calendar-settings',
    {
      schema: {
        tags: ['calendar'], summary: 'Choose the time of dose reminders and whether titles may name the medicine', params: IdParams, body: CalendarChoicesInput,
        response: { 200: CalendarSettingsView, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => chooseReminders(deps(), ask(req, req.params.id), req.body),
  );
  app.get(
    '/api/v1/calendar-feeds/:token',
    {
      schema: {
        tags: ['calendar'],
        summary: 'The calendar feed behind a private link (iCalendar, RFC 5545; no session)',
        description: 'Unknown, ended or no longer allowed links all answer `404` alike. At most 30 reads per link per 10 minutes.',
        params: z.object({ token: z.string().max(100) }).strict(),
        response: { 200: z.string().describe('The iCalendar text (text/calendar)'), ...problemResponses(404, 429) },
      },
    },
    async (req, reply) => {
      // Counted per link as given, before anything is looked up.
      if (!throttle.allow(req.params.token)) throw new AppError('too-many-requests', 'This calendar was read too often; try again in a few minutes.');
      const text = await readFeed(deps(), req.params.token, requestMeta(req));
      return reply.type('text/calendar; charset=utf-8').header('content-disposition', 'inline; filename="botpad.ics"').send(text);
    },
  );
}
