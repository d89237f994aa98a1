// The fracture liaison service's worklist over HTTP: one page of open steps with the counts per
// step, and an alert acknowledged or a task or alert closed. services/worklist.ts authorises and
// audits each (every patient on a page is audited as listed).
import type { ZodApp } from '../types.js';
import { ItemParams, WorklistItem, WorklistPage, WorklistQuery } from '../../schema/worklist.schema.js';
import { acknowledgeItem, closeItem, listWorklist } from '../../services/worklist.js';
import { accessDeps, requestMeta, requireUser } from '../auth.js';
import { problemResponses } from '../responses.js';

export function registerWorklistRoutes(app: ZodApp): void {
  const deps = () => accessDeps(app);
  app.get(
    '/api/v1/worklist',
    {
      schema: {
        tags: ['worklist'],
        summary: "Your organisation's worklist: each open step of each patient in its care, and by when (nurse, physician)",
        description:
          'One item per open step. Steps close by themselves when their fact is recorded; tasks and acknowledged alerts close with `done`. ' +
          '`overdue` follows the core where it gives a status (follow-up: due + `overdueGraceDays`), otherwise a due date before today. ' +
          '`counts` has the open items per step under the same filters, the step filter aside. Paged by the convention of every list; a cursor belongs to its `sort`.',
        querystring: WorklistQuery,
        response: { 200: WorklistPage, ...problemResponses(400, 401, 403) },
      },
    },
    async (req) => {
      const page = await listWorklist(deps(), requireUser(req).actor, requestMeta(req), req.query);
      return { items: page.items, counts: page.counts, nextCursor: page.nextCursor };
    },
  );
  app.post(
    '/api/v1/worklist/:itemId/acknowledge',
    {
      schema: {
        tags: ['worklist'],
        summary: 'Acknowledge an alert: you have seen it and take it on (who and when are kept)',
        params: ItemParams,
        response: { 200: WorklistItem, ...problemResponses(401, 403, 404, 409) },
      },
    },
    async (req) => acknowledgeItem(deps(), requireUser(req).actor, requestMeta(req), req.params.itemId),
  );
  app.post(
    '/api/v1/worklist/:itemId/done',
    {
      schema: {
        tags: ['worklist'],
        summary: 'Close a task, or an alert once acknowledged',
        params: ItemParams,
        response: { 200: WorklistItem, ...problemResponses(401, 403, 404, 409) },
      },
    },
    async (req) => closeItem(deps(), requireUser(req).actor, requestMeta(req), req.params.itemId),
  );
}
