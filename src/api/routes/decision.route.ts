// The shared decision over HTTP: recording a decision with its agreements (no medication
// included), the decisions of a record, and the agreements printed for the patient as a PDF. Each
// route is one use case of services/decisions.ts, which authorises and audits it.
import { z } from 'zod';
import type { ZodApp } from '../types.js';
import { DecisionInput, DecisionView } from '../../schema/decision.schema.js';
import { listDecisions, printAgreements, recordDecision } from '../../services/decisions.js';
import { accessDeps, requestMeta, requireUser } from '../auth.js';
import { problemResponses } from '../responses.js';

const IdParams = z.object({ id: z.uuid('is not a valid id') }).strict();
const DecisionParams = z.object({ id: z.uuid('is not a valid id'), decisionId: z.uuid('is not a valid id') }).strict();

export function registerDecisionRoutes(app: ZodApp): void {
  const deps = () => accessDeps(app);
  const ask = (req: Parameters<typeof requireUser>[0], patientId: string) => ({ actor: requireUser(req).actor, meta: requestMeta(req), patientId });

  app.post(
    '/api/v1/patients/:id/decisions',
    {
      schema: {
        tags: ['decision'],
        summary: 'Record a shared decision with the agreements (nurse, physician of the caring organisation)',
        description: 'The option must apply to the patient today (the core\'s indication and first choice); `drug` must realise the option, and a drug the ' +
          'safety checks block for a reason no override lifts answers `422` `/problems/medication-blocked` at `/drug`. `lifestyle-only` (no medicine) is a ' +
          'decision too: it closes the worklist\'s decision step as a prescription does. The patient\'s picture shown (findings, FRAX as entered) is kept with it.',
        params: IdParams,
        body: DecisionInput,
        response: { 201: DecisionView, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => reply.status(201).send(await recordDecision(deps(), ask(req, req.params.id), req.body)),
  );
  app.get(
    '/api/v1/patients/:id/decisions',
    {
      schema: {
        tags: ['decision'],
        summary: 'The shared decisions of a record, the newest first (whoever may read the record; the read is audited)',
        params: IdParams,
        response: { 200: z.array(DecisionView), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => listDecisions(deps(), ask(req, req.params.id)),
  );
  app.get(
    '/api/v1/patients/:id/decisions/:decisionId/agreements.pdf',
    {
      schema: {
        tags: ['decision'],
        summary: 'The agreements of a decision, printed for the patient (A4 PDF, Dutch B1 or English); kept as a letter of kind `agreements`',
        params: DecisionParams,
        querystring: z.object({ lang: z.enum(['nl', 'en']).default('nl').describe('The language of the sheet') }).strict(),
        response: { 200: z.string().describe('application/pdf'), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      const printed = await printAgreements(deps(), { ...ask(req, req.params.id), decisionId: req.params.decisionId, lang: req.query.lang, helpPhone: app.deps.config.helpPhone });
      return reply.type('application/pdf').header('content-disposition', `inline; filename="botpad-afspraken-${printed.decidedOn}.pdf"`)
        .header('content-language', req.query.lang)
        // A Buffer is sent as is (Fastify skips the serialiser).
        .send(printed.pdf as never);
    },
  );
}
