// A child's daily loading plan and loading log over HTTP (docs/child-loading.md). Each route is one
// use case of services/loading.ts, which authorises it with the core and audits it.
import type { ZodApp } from '../types.js';
import { LoadingLogEntryView, LoadingLogInput, LoadingLogQuery, LoadingLogWeekAnswer, LoadingPlanAnswer, LoadingPlanInput, LoadingPlanView } from '../../schema/loading.schema.js';
import { PatientParams } from '../../schema/logistics.schema.js';
import { z } from 'zod';
import { addLoadingLog, loadingLogOf, loadingPlanOf, setLoadingPlan, takeBackLoadingLog } from '../../services/loading.js';
import { accessDeps, requestMeta, requireUser } from '../auth.js';
import { problemResponses } from '../responses.js';

const LineParams = z.object({ id: z.uuid('is not a valid id'), lineId: z.uuid('is not a valid id') }).strict();

const READERS = 'Read by whoever may read the record: the parents, the day centre\'s staff and its physician and physiotherapist.';

export function registerLoadingRoutes(app: ZodApp): void {
  const deps = () => accessDeps(app);
  const ask = (req: Parameters<typeof requireUser>[0], patientId: string) => ({ actor: requireUser(req).actor, meta: requestMeta(req), patientId });

  app.get(
    '/api/v1/patients/:id/loading-plan',
    {
      schema: {
        tags: ['children'],
        summary: 'A child\'s daily loading plan: minutes a day in the standing frame, with the walking aid and of other movement',
        description: READERS,
        params: PatientParams,
        response: { 200: LoadingPlanAnswer, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => ({ plan: (await loadingPlanOf(deps(), ask(req, req.params.id))).plan }),
  );
  app.put(
    '/api/v1/patients/:id/loading-plan',
    {
      schema: {
        tags: ['children'],
        summary: 'Set a child\'s daily loading plan (from age 2; the target is 30–60 minutes a day in all)',
        description: 'For the day centre\'s physiotherapist and physician (`child.care`). The plan before stays kept; the newest counts. A total outside 30–60 minutes is kept and shown with its verdict.',
        params: PatientParams,
        body: LoadingPlanInput,
        response: { 200: LoadingPlanView, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => setLoadingPlan(deps(), ask(req, req.params.id), req.body),
  );
  app.post(
    '/api/v1/patients/:id/loading-log',
    {
      schema: {
        tags: ['children'],
        summary: 'Note down one session: what (standing frame, walking aid, other movement) and how many minutes, on which day',
        description: 'For the parents and the day centre\'s staff (`child.log`); the line names the signed-in person. The day is today or up to 7 days back. The last 7 days of the log are the Case\'s minutes a day.',
        params: PatientParams,
        body: LoadingLogInput,
        response: { 201: LoadingLogEntryView, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => reply.status(201).send(await addLoadingLog(deps(), ask(req, req.params.id), req.body)),
  );
  app.post(
    '/api/v1/patients/:id/loading-log/:lineId/take-back',
    {
      schema: {
        tags: ['children'],
        summary: 'Take back a line noted by mistake (the person who noted it, the same day)',
        description: 'For whoever noted the line (`child.log`), on the day it was noted. The line is kept, marked as taken back, and counts nowhere after: not in the week, the chart or the Case\'s minutes a day. Another\'s line, an earlier day\'s, or one taken back already: 409 at `/params/lineId`.',
        params: LineParams,
        response: { 200: LoadingLogEntryView, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => takeBackLoadingLog(deps(), { ...ask(req, req.params.id), lineId: req.params.lineId }),
  );
  app.get(
    '/api/v1/patients/:id/loading-log',
    {
      schema: {
        tags: ['children'],
        summary: 'A week of the loading log, with the 8 weeks\' totals against the target, the 7-day means and the plan',
        description: READERS,
        params: PatientParams,
        querystring: LoadingLogQuery,
        response: { 200: LoadingLogWeekAnswer, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const v = await loadingLogOf(deps(), { ...ask(req, req.params.id), week: req.query.week });
      return { from: v.from, to: v.to, items: v.items, weeks: v.weeks, means: v.means, plan: v.plan };
    },
  );
}
