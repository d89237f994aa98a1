// A child's aids and fracture signals over HTTP (clinical-rules.md §12). Each route is one use case
// of services/child-aids.ts or services/fracture-signals.ts, which authorises it with the core and
// audits it. A signal raises an alert on the worklist of every day centre caring for the child in
// the same transaction.
import type { ZodApp } from '../types.js';
import { z } from 'zod';
import { AidCheckInput, AidInput, AidParams, AidsView, AidView, SignalInput, SignalList, SignalOutcomeInput, SignalParams, SignalView } from '../../schema/child-aids.schema.js';
import { PatientParams } from '../../schema/logistics.schema.js';
import { addAid, aidsOfChild, checkAid } from '../../services/child-aids.js';
import { closeSignalWith, noteSignal, signalsOfChild } from '../../services/fracture-signals.js';
import { accessDeps, requestMeta, requireUser } from '../auth.js';
import { problemResponses } from '../responses.js';

const KEEPERS = 'For the day centre\'s physician and physiotherapist (child.care).';
const READERS = 'Read by whoever may read the record: the parents, the day centre caring for the child, the clinicians caring for them.';

export function registerChildAidsRoutes(app: ZodApp): void {
  const deps = () => accessDeps(app);
  const ask = (req: Parameters<typeof requireUser>[0], patientId: string) => ({ actor: requireUser(req).actor, meta: requestMeta(req), patientId });

  app.get(
    '/api/v1/patients/:id/aids',
    {
      schema: {
        tags: ['children'], summary: 'The child\'s aids, each with its checks and when it is next due', description: READERS,
        params: PatientParams, response: { 200: AidsView, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const v = await aidsOfChild(deps(), ask(req, req.params.id));
      return { items: v.items, lastAidsCheck: v.lastAidsCheck, heightCm: v.heightCm };
    },
  );
  app.post(
    '/api/v1/patients/:id/aids',
    {
      schema: {
        tags: ['children'], summary: 'Add an aid (standing frame, walking aid, wheelchair, orthoses) with its last check',
        description: `${KEEPERS} The last check is written into the record as the aid's first check.`,
        params: PatientParams, body: AidInput, response: { 201: AidView, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => reply.status(201).send(await addAid(deps(), ask(req, req.params.id), req.body)),
  );
  app.post(
    '/api/v1/patients/:id/aids/:aidId/checks',
    {
      schema: {
        tags: ['children'], summary: 'Record a check of an aid: the day, what was adjusted, the child\'s height then',
        description: `${KEEPERS} Kept as an aids-check entry of the record, which the core reads.`,
        params: AidParams, body: AidCheckInput, response: { 201: AidView, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => reply.status(201).send(await checkAid(deps(), { ...ask(req, req.params.id), aidId: req.params.aidId }, req.body)),
  );
  app.post(
    '/api/v1/patients/:id/fracture-signals',
    {
      schema: {
        tags: ['children'], summary: 'Note a fracture signal: what was seen, where on the body, on which day',
        description: 'For the parents and the day centre\'s staff (child.log). Raises an alert on the worklist of every day centre caring for the child at once.',
        params: PatientParams, body: SignalInput,
        response: { 201: SignalView.extend({ alerts: z.number().int().describe('On how many worklists the signal landed') }), ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => reply.status(201).send(await noteSignal(deps(), ask(req, req.params.id), req.body)),
  );
  app.get(
    '/api/v1/patients/:id/fracture-signals',
    {
      schema: {
        tags: ['children'], summary: 'The child\'s fracture signals, newest first, each with what followed', description: READERS,
        params: PatientParams, response: { 200: SignalList, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => ({ items: (await signalsOfChild(deps(), ask(req, req.params.id))).items }),
  );
  app.post(
    '/api/v1/patients/:id/fracture-signals/:signalId/outcome',
    {
      schema: {
        tags: ['children'], summary: 'Record what followed a signal (seen, X-ray, fracture or not); closes it and its alerts',
        description: 'For the day centre\'s physician.',
        params: SignalParams, body: SignalOutcomeInput, response: { 200: SignalView, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => closeSignalWith(deps(), { ...ask(req, req.params.id), signalId: req.params.signalId }, req.body),
  );
}
