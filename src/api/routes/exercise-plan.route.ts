// The exercise plan over HTTP: a physiotherapist of a practice with an accepted referral writes a
// new version (the core warns on exercises unsafe for this patient: 422 until acknowledged);
// whoever may read the record reads the versions and prints the home programme. Each route is one
// use case of services/exercise-plans.ts, which authorises and audits it (docs/exercise-plan.md).
import { z } from 'zod';
import type { ZodApp } from '../types.js';
import { ExercisePlanInput, ExercisePlanParams, ExercisePlanView, HomeProgrammeQuery } from '../../schema/exercise-plan.schema.js';
import { PatientParams } from '../../schema/logistics.schema.js';
import { exercisePlansOf, homeProgrammeOf, writeExercisePlan } from '../../services/exercise-plans.js';
import { accessDeps, requestMeta, requireUser } from '../auth.js';
import { problemResponses } from '../responses.js';

export function registerExercisePlanRoutes(app: ZodApp): void {
  const deps = () => accessDeps(app);
  const ask = (req: Parameters<typeof requireUser>[0], patientId: string) => ({ actor: requireUser(req).actor, meta: requestMeta(req), patientId });

  app.post(
    '/api/v1/patients/:id/exercise-plans',
    {
      schema: {
        tags: ['exercise therapy'],
        summary: 'Write a new version of the exercise plan (physiotherapist of a practice with an accepted referral)',
        description: 'Where, which exercises of the catalogue, how much of each and how it builds up. The earlier versions are kept. ' +
          'The core checks each exercise against the record as it stands today (a vertebral fracture: a spine fracture recorded or a VFA level graded 2 or 3; ' +
          'a high fall risk; a fracture in the last 3 months). An unsafe choice answers `422` of type `/problems/exercise-unsafe`, ' +
          'one error per exercise at `/exercises/{i}/code` saying why, and the warnings in `warnings`; nothing is stored until `acknowledgeWarnings` is true, ' +
          'and then the warnings are kept with the plan.',
        params: PatientParams,
        body: ExercisePlanInput,
        response: { 201: ExercisePlanView, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => reply.status(201).send(await writeExercisePlan(deps(), ask(req, req.params.id), req.body)),
  );
  app.get(
    '/api/v1/patients/:id/exercise-plans',
    {
      schema: {
        tags: ['exercise therapy'],
        summary: 'Every version of the exercise plan, the newest first',
        description: 'Read by whoever may read the record: the patient, a caregiver acting for them, the hospital, the practice.',
        params: PatientParams,
        response: { 200: z.array(ExercisePlanView), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => exercisePlansOf(deps(), ask(req, req.params.id)),
  );
  app.get(
    '/api/v1/patients/:id/exercise-plans/:planId/home-programme.pdf',
    {
      schema: {
        tags: ['exercise therapy'],
        summary: 'A plan version as the home programme to print (A4 PDF, large type, Dutch B1 or English)',
        description: 'Read by whoever may read the record. Each exercise with its steps, how much, how hard and how it builds up.',
        params: ExercisePlanParams,
        querystring: HomeProgrammeQuery,
        response: { 200: z.string().describe('application/pdf'), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      const { pdf, version } = await homeProgrammeOf(deps(), { ...ask(req, req.params.id), planId: req.params.planId, lang: req.query.lang, helpPhone: app.deps.config.helpPhone });
      return reply.type('application/pdf').header('content-disposition', `inline; filename="botpad-oefeningen-v${String(version)}.pdf"`)
        .header('content-language', req.query.lang)
        // A Buffer is sent as is (Fastify skips the serialiser).
        .send(pdf as never);
    },
  );
}
