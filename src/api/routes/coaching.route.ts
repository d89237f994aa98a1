// The practice's home safety check, lifestyle coaching and letter to a dietitian over HTTP. Each
// route is one use case of services/coaching.ts, which authorises it with the core (writing:
// `therapy.write`, the physiotherapists of a practice with an accepted referral; reading:
// `record.read`) and audits it. The letter's PDF is the kept letters' own route
// (GET /api/v1/patients/{id}/letters/{letterId}/pdf).
import { z } from 'zod';
import { CoachingSessionInput, CoachingSessionView, DietitianLetterInput, HomeCheckInput, HomeCheckView } from '../../schema/coaching.schema.js';
import { LetterView } from '../../schema/follow-up.schema.js';
import { PatientParams } from '../../schema/logistics.schema.js';
import { coachingSessionsOf, homeChecksOf, recordCoachingSession, recordHomeCheck, writeDietitianLetter } from '../../services/coaching.js';
import { accessDeps, requestMeta, requireUser } from '../auth.js';
import { problemResponses } from '../responses.js';
import type { ZodApp } from '../types.js';

const WRITERS = 'For the physiotherapists of a practice the patient is referred to, once the practice accepted the referral (`therapy.write`); everyone else is refused (403) and the attempt audited.';
const READERS = 'Read by whoever may read the record: the practice, the nurses and physicians of the hospital caring for the patient. The read is audited.';

export function registerCoachingRoutes(app: ZodApp): void {
  const deps = () => accessDeps(app);
  const ask = (req: Parameters<typeof requireUser>[0], patientId: string) => ({ actor: requireUser(req).actor, meta: requestMeta(req), patientId });

  app.post(
    '/api/v1/patients/:id/home-checks',
    {
      schema: {
        tags: ['coaching'],
        summary: 'Record a home safety check done with the patient: per item fine, needs work or not applicable, a note, and what was agreed',
        description: `${WRITERS} Every item of the core's list once; the day is today or earlier.`,
        params: PatientParams,
        body: HomeCheckInput,
        response: { 201: HomeCheckView, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => reply.status(201).send(await recordHomeCheck(deps(), ask(req, req.params.id), req.body)),
  );
  app.get(
    '/api/v1/patients/:id/home-checks',
    {
      schema: {
        tags: ['coaching'],
        summary: 'The home safety checks of the record, the latest first',
        description: READERS,
        params: PatientParams,
        response: { 200: z.array(HomeCheckView), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => homeChecksOf(deps(), ask(req, req.params.id)),
  );
  app.post(
    '/api/v1/patients/:id/coaching-sessions',
    {
      schema: {
        tags: ['coaching'],
        summary: 'Record a lifestyle coaching session: per topic what was discussed and agreed',
        description: `${WRITERS} Topics: moving, food with calcium, vitamin D and daylight, smoking, alcohol, fall prevention, pain; each at most once.`,
        params: PatientParams,
        body: CoachingSessionInput,
        response: { 201: CoachingSessionView, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => reply.status(201).send(await recordCoachingSession(deps(), ask(req, req.params.id), req.body)),
  );
  app.get(
    '/api/v1/patients/:id/coaching-sessions',
    {
      schema: {
        tags: ['coaching'],
        summary: 'The coaching sessions of the record, the latest first',
        description: READERS,
        params: PatientParams,
        response: { 200: z.array(CoachingSessionView), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => coachingSessionsOf(deps(), ask(req, req.params.id)),
  );
  app.post(
    '/api/v1/patients/:id/dietitian-letters',
    {
      schema: {
        tags: ['coaching'],
        summary: 'Write a referral letter to a dietitian and keep it with the record\'s letters',
        description:
          `${WRITERS} The letter gives the reason and the question, the core's calcium and vitamin D conclusions of today and what the latest coaching session ` +
          'said about food. It is kept with the other letters, and printed from there like each of them.',
        params: PatientParams,
        body: DietitianLetterInput,
        response: { 201: LetterView, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => reply.status(201).send(await writeDietitianLetter(deps(), ask(req, req.params.id), req.body)),
  );
}
