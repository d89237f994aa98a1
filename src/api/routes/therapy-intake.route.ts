// The physiotherapist's intake and education session over HTTP. Each route is one use case of
// services/therapy-intake.ts, which authorises it with the core (`therapy.write` to record,
// `record.read` to read) and audits it (docs/therapy-intake.md).
import type { ZodApp } from '../types.js';
import { PatientParams } from '../../schema/logistics.schema.js';
import { EducationInput, EducationView, IntakeInput, IntakeList, IntakeView } from '../../schema/therapy-intake.schema.js';
import { z } from 'zod';
import { educationSessionsOf, intakesOfPatient, recordEducation, recordIntake } from '../../services/therapy-intake.js';
import { accessDeps, requestMeta, requireUser } from '../auth.js';
import { problemResponses } from '../responses.js';

const WRITERS = 'Recorded by a physiotherapist of a practice whose referral for this patient was accepted (`therapy.write`); a nurse or physician reads it but does not write it.';
const READERS = 'Read by whoever may read the record: the practice sees its own, the hospital\'s nurses and physicians see every practice\'s.';

export function registerTherapyIntakeRoutes(app: ZodApp): void {
  const deps = () => accessDeps(app);
  const ask = (req: Parameters<typeof requireUser>[0], patientId: string) => ({ actor: requireUser(req).actor, meta: requestMeta(req), patientId });

  app.post(
    '/api/v1/patients/:id/therapy/intakes',
    {
      schema: {
        tags: ['therapy'],
        summary: 'Record a new version of the practice\'s intake: history, pain, falls screen, Short FES-I, posture, the patient\'s goals and the PSK',
        description: `${WRITERS} The versions before stay as they were. The answer holds the core's fall-risk and fear-of-falling levels of these answers (clinical-rules.md §10). ` +
          'A goal\'s date lies after the intake (`/goals/<i>/by`); the day of the intake is today or earlier.',
        params: PatientParams,
        body: IntakeInput,
        response: { 201: IntakeView, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => reply.status(201).send(await recordIntake(deps(), ask(req, req.params.id), req.body)),
  );
  app.get(
    '/api/v1/patients/:id/therapy/intakes',
    {
      schema: {
        tags: ['therapy'],
        summary: 'The intake versions, the newest first, with the record\'s latest VFA',
        description: READERS,
        params: PatientParams,
        response: { 200: IntakeList, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const v = await intakesOfPatient(deps(), ask(req, req.params.id));
      return { vfa: v.vfa, items: v.items };
    },
  );
  app.post(
    '/api/v1/patients/:id/therapy/education-sessions',
    {
      schema: {
        tags: ['therapy'],
        summary: 'Record an education session: per topic whether it was discussed and whether the patient wants to know more, and a note',
        description: `${WRITERS} Each topic at most once; a topic left out was not gone through.`,
        params: PatientParams,
        body: EducationInput,
        response: { 201: EducationView, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => reply.status(201).send(await recordEducation(deps(), ask(req, req.params.id), req.body)),
  );
  app.get(
    '/api/v1/patients/:id/therapy/education-sessions',
    {
      schema: {
        tags: ['therapy'],
        summary: 'The education sessions, the latest first',
        description: READERS,
        params: PatientParams,
        response: { 200: z.array(EducationView), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => (await educationSessionsOf(deps(), ask(req, req.params.id))).items,
  );
}
