// The pathway's logistics over HTTP: a patient's visits (planned, changed, attended), the
// invitation log and the invitation letter (a PDF, logged as it is issued), notes, calls and tasks,
// and the organisation's day board. Each route is one use case of services/logistics.ts, which
// authorises and audits it; a write re-derives the patient's worklist in the same transaction.
import { z } from 'zod';
import type { ZodApp } from '../types.js';
import {
  CommunicationInput, CommunicationMade, CommunicationView, DayBoard, DayBoardQuery, InvitationInput, InvitationView, LetterInput, PatientParams, VisitChangeInput, VisitInput, VisitParams, VisitView,
} from '../../schema/logistics.schema.js';
import {
  addCommunication, changeVisit, dayBoard, issueInvitationLetter, listCommunications, listInvitations, listVisits, planVisit, recordInvitation,
} from '../../services/logistics.js';
import { accessDeps, requestMeta, requireUser } from '../auth.js';
import { problemResponses } from '../responses.js';

const CARE_TEAM = 'For the nurses and physicians of an organisation caring for the patient; the logistics are that organisation\'s own.';

export function registerLogisticsRoutes(app: ZodApp): void {
  const deps = () => accessDeps(app);
  const ask = (req: Parameters<typeof requireUser>[0], patientId: string) => ({ actor: requireUser(req).actor, meta: requestMeta(req), patientId });

  app.get(
    '/api/v1/patients/:id/visits',
    {
      schema: {
        tags: ['logistics'],
        summary: "The patient's visits with their parts, newest first",
        description: CARE_TEAM,
        params: PatientParams,
        response: { 200: z.object({ items: z.array(VisitView) }), ...problemResponses(401, 403, 404) },
      },
    },
    async (req) => ({ items: await listVisits(deps(), ask(req, req.params.id)) }),
  );
  app.post(
    '/api/v1/patients/:id/visits',
    {
      schema: {
        tags: ['logistics'],
        summary: 'Plan a visit: the diagnostic day or the evening clinic, its parts with time and place',
        description:
          `${CARE_TEAM} Today or a later day. The evening clinic has no imaging: a DXA or VFA that day is planned in the daytime, before 17:00 ` +
          '(refused at `/parts/{i}/time` otherwise), and its consultation at or after 17:00.',
        params: PatientParams,
        body: VisitInput,
        response: { 201: VisitView, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => reply.status(201).send(await planVisit(deps(), ask(req, req.params.id), req.body)),
  );
  app.patch(
    '/api/v1/patients/:id/visits/:visitId',
    {
      schema: {
        tags: ['logistics'],
        summary: 'Change a visit: attended, did not attend, cancelled; parts done; times, places, date',
        description:
          `${CARE_TEAM} Attended and did-not-attend are also written in the invitation log, dated the visit's day, and only on or after that day. ` +
          'A part marked done on a planned visit marks it attended. All or nothing.',
        params: VisitParams,
        body: VisitChangeInput,
        response: { 200: VisitView, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => changeVisit(deps(), { ...ask(req, req.params.id), visitId: req.params.visitId }, req.body),
  );
  app.get(
    '/api/v1/patients/:id/invitations',
    {
      schema: {
        tags: ['logistics'],
        summary: "The patient's invitation log, oldest first",
        description: CARE_TEAM,
        params: PatientParams,
        response: { 200: z.object({ items: z.array(InvitationView) }), ...problemResponses(401, 403, 404) },
      },
    },
    async (req) => ({ items: await listInvitations(deps(), ask(req, req.params.id)) }),
  );
  app.post(
    '/api/v1/patients/:id/invitations',
    {
      schema: {
        tags: ['logistics'],
        summary: 'Record an event in the invitation log: invited, re-invited, declined, attended, did not attend',
        description: `${CARE_TEAM} The date is today or earlier. While an invitation is open (no did-not-attend or decline after it) a new one is \`re-invited\`: \`invited\` is refused (409).`,
        params: PatientParams,
        body: InvitationInput,
        response: { 201: InvitationView, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => reply.status(201).send(await recordInvitation(deps(), ask(req, req.params.id), req.body)),
  );
  app.post(
    '/api/v1/patients/:id/invitations/letter',
    {
      schema: {
        tags: ['logistics'],
        summary: 'Make the invitation letter for the diagnostic day (A4 PDF, in the patient\'s language); logs the invitation',
        description:
          `${CARE_TEAM} The answer is the PDF. Issuing it logs \`invited\` (\`re-invited\` after an earlier invitation) for today, in the same transaction. ` +
          'With `visitId` the letter gives that visit\'s parts, times and places; without, the next planned visit, or says the clinic will phone to agree a date.',
        params: PatientParams,
        body: LetterInput,
        response: { 201: z.string().describe('application/pdf'), ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const issued = await issueInvitationLetter(deps(), { ...ask(req, req.params.id), visitId: req.body.visitId, helpPhone: app.deps.config.helpPhone });
      return reply.status(201).type('application/pdf').header('content-disposition', `attachment; filename="botpad-uitnodiging-${issued.event.date}.pdf"`)
        .header('content-language', issued.language)
        // A Buffer is sent as is (Fastify skips the serialiser).
        .send(issued.pdf as never);
    },
  );
  app.get(
    '/api/v1/patients/:id/communications',
    {
      schema: {
        tags: ['logistics'],
        summary: "The patient's notes, phone calls and tasks, newest first",
        description: CARE_TEAM,
        params: PatientParams,
        response: { 200: z.object({ items: z.array(CommunicationView) }), ...problemResponses(401, 403, 404) },
      },
    },
    async (req) => ({ items: await listCommunications(deps(), ask(req, req.params.id)) }),
  );
  app.post(
    '/api/v1/patients/:id/communications',
    {
      schema: {
        tags: ['logistics'],
        summary: 'Add a note, a phone call (with whom, what was agreed) or a task (what, by when, who)',
        description: `${CARE_TEAM} A task needs a due date (today or later) and may go to a nurse or physician of your organisation; it becomes an item on the worklist (step \`task\`), closed with \`POST /api/v1/worklist/{itemId}/done\`.`,
        params: PatientParams,
        body: CommunicationInput,
        response: { 201: CommunicationMade, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => reply.status(201).send(await addCommunication(deps(), ask(req, req.params.id), req.body)),
  );
  app.get(
    '/api/v1/dayboard',
    {
      schema: {
        tags: ['logistics'],
        summary: "The day board: a day's visits of your organisation, per patient each part and the results still missing (nurse, physician)",
        description: 'A DXA, VFA or labs result counts as in when the record holds one dated the visit\'s day; the consultation when marked done. Every patient shown is audited as listed.',
        querystring: DayBoardQuery,
        response: { 200: DayBoard, ...problemResponses(400, 401, 403) },
      },
    },
    async (req) => dayBoard(deps(), requireUser(req).actor, requestMeta(req), req.query.date),
  );
}
