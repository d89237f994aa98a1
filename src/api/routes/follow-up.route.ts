// Follow-up over HTTP: a contact with what was asked (its new fractures recorded with it, in one
// transaction, so the core reads them), the follow-up as the core sees it, and the letters kept in
// the record (the GP hand-over, the dentist's card) with their PDFs printed from what was kept.
// Each route is one use case of services/follow-up.ts or services/letters-kept.ts, which
// authorise and audit it.
import { z } from 'zod';
import type { ZodApp } from '../types.js';
import { ContactInput, ContactRecorded, FollowUpView, LetterInput, LetterView } from '../../schema/follow-up.schema.js';
import { followUp, recordContact } from '../../services/follow-up.js';
import { letterPdf, listLetters, writeLetter } from '../../services/letters-kept.js';
import { accessDeps, requestMeta, requireUser } from '../auth.js';
import { problemResponses } from '../responses.js';

const IdParams = z.object({ id: z.uuid('is not a valid id') }).strict();
const LetterParams = z.object({ id: z.uuid('is not a valid id'), letterId: z.uuid('is not a valid id') }).strict();

export function registerFollowUpRoutes(app: ZodApp): void {
  const deps = () => accessDeps(app);
  const ask = (req: Parameters<typeof requireUser>[0], patientId: string) => ({ actor: requireUser(req).actor, meta: requestMeta(req), patientId });

  app.post(
    '/api/v1/patients/:id/contacts',
    {
      schema: {
        tags: ['follow-up'],
        summary: 'Record a follow-up contact (nurse, physician of the caring organisation)',
        description: 'One `contact` entry with adherence, side effects, the number of new fractures, falls and a note, and one `fracture` entry per new fracture, ' +
          'all in one transaction. A fracture a year or more into treatment makes the core\'s `treatment.specialist` give `fracture-on-treatment`.',
        params: IdParams,
        body: ContactInput,
        response: { 201: ContactRecorded, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => reply.status(201).send(await recordContact(deps(), ask(req, req.params.id), req.body)),
  );
  app.get(
    '/api/v1/patients/:id/follow-up',
    {
      schema: {
        tags: ['follow-up'],
        summary: 'The follow-up schedule, the FLS timing, the GP hand-over and the contacts recorded (the read is audited)',
        params: IdParams,
        response: { 200: FollowUpView, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => followUp(deps(), ask(req, req.params.id)),
  );
  app.post(
    '/api/v1/patients/:id/letters',
    {
      schema: {
        tags: ['follow-up'],
        summary: 'Write a letter and keep it in the record (nurse, physician of the caring organisation)',
        description: '`gp-handover` (Dutch) only when the core\'s `handover.gp` says the GP can take over: otherwise `409` naming the core\'s reasons in `reasons`. ' +
          '`dentist-card` (A6, Dutch or English) only for a patient on a bisphosphonate, denosumab or romosozumab: otherwise `409`.',
        params: IdParams,
        body: LetterInput,
        response: { 201: LetterView, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => reply.status(201).send(await writeLetter(deps(), ask(req, req.params.id), req.body)),
  );
  app.get(
    '/api/v1/patients/:id/letters',
    {
      schema: {
        tags: ['follow-up'],
        summary: 'The letters kept in the record, newest first (the read is audited)',
        params: IdParams,
        response: { 200: z.array(LetterView), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => listLetters(deps(), ask(req, req.params.id)),
  );
  app.get(
    '/api/v1/patients/:id/letters/:letterId/pdf',
    {
      schema: {
        tags: ['follow-up'],
        summary: 'A kept letter as a PDF, printed from what it said when it was written (the read is audited)',
        params: LetterParams,
        response: { 200: z.string().describe('application/pdf'), ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const { letter, pdf } = await letterPdf(deps(), { ...ask(req, req.params.id), letterId: req.params.letterId });
      return reply.status(200).type('application/pdf').header('cache-control', 'no-store').header('content-language', letter.lang)
        .header('content-disposition', `attachment; filename="botpad-${letter.kind}-${letter.writtenAt.slice(0, 10)}.pdf"`)
        // A Buffer is sent as is (Fastify skips the serialiser).
        .send(pdf as never);
    },
  );
}
