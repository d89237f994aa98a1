// The physiotherapist's measurements and the period of supervised exercise therapy over HTTP. Each
// route is one use case of services/therapy-measurements.ts, which authorises it with the core
// (`therapy.write` to record, `record.read` to read), audits it, and writes the record's own entry
// kinds `exercise-measurement` and `exercise-therapy` (docs/therapy-measurements.md).
import { z } from 'zod';
import type { ZodApp } from '../types.js';
import { PatientParams } from '../../schema/logistics.schema.js';
import {
  EnteredInErrorInput, MeasurementCorrection, MeasurementInput, MeasurementParams, MeasurementView, PeriodInput, PeriodView, TherapyState,
} from '../../schema/therapy-measurement.schema.js';
import { correctMeasurement, markMeasurementInError, measurementsOfPatient, recordMeasurement, setTherapyPeriod, therapyStateOf } from '../../services/therapy-measurements.js';
import { accessDeps, requestMeta, requireUser } from '../auth.js';
import { problemResponses } from '../responses.js';

const WRITERS = 'Recorded by a physiotherapist of a practice whose referral for this patient was accepted (`therapy.write`); a nurse or physician reads it but does not write it.';
const READERS = 'Read by whoever may read the record (`record.read`): the practice, the hospital\'s nurses and physicians.';
const ITEMS = 'Raw items only: the core scores them (clinical-rules.md §13). `null` for the 4 m gait or the five chair stands is "could not do it" (scored 0). ' +
  'Without `stepsPerDay`, the meter\'s `steps` give it: their mean, rounded. The day measured is today or earlier.';

export function registerTherapyMeasurementRoutes(app: ZodApp): void {
  const deps = () => accessDeps(app);
  const ask = (req: Parameters<typeof requireUser>[0], patientId: string) => ({ actor: requireUser(req).actor, meta: requestMeta(req), patientId });

  app.post(
    '/api/v1/patients/:id/therapy/measurements',
    {
      schema: {
        tags: ['therapy'],
        summary: 'Record one measurement: SPPB, 4-stage balance, 30-second chair stand, TUG, gait speed, steps per day, PSK, Short FES-I and whether the goals still fit',
        description: `${WRITERS} ${ITEMS} The answer holds the stored measurement with the core's scores of it.`,
        params: PatientParams,
        body: MeasurementInput,
        response: { 201: MeasurementView, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => reply.status(201).send(await recordMeasurement(deps(), ask(req, req.params.id), req.body)),
  );
  app.get(
    '/api/v1/patients/:id/therapy/measurements',
    {
      schema: {
        tags: ['therapy'],
        summary: 'Every measurement, the oldest first, each with its raw items and the core\'s scores (the chair-stand norm by the age on that day and the sex)',
        description: `${READERS} A measurement marked entered in error is not listed.`,
        params: PatientParams,
        response: { 200: z.array(MeasurementView), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => (await measurementsOfPatient(deps(), ask(req, req.params.id))).items,
  );
  app.put(
    '/api/v1/patients/:id/therapy/measurements/:entryId',
    {
      schema: {
        tags: ['therapy'],
        summary: 'Correct a measurement: the whole measurement as it should have been, with the reason; the old version stays in the record\'s history',
        description: `${WRITERS} ${ITEMS} A measurement marked entered in error is not corrected (409): record it anew.`,
        params: MeasurementParams,
        body: MeasurementCorrection,
        response: { 200: MeasurementView, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => correctMeasurement(deps(), { ...ask(req, req.params.id), entryId: req.params.entryId }, req.body),
  );
  app.post(
    '/api/v1/patients/:id/therapy/measurements/:entryId/entered-in-error',
    {
      schema: {
        tags: ['therapy'],
        summary: 'Mark a measurement entered in error: it no longer counts and is no longer listed; nothing is deleted',
        description: `${WRITERS} The record's own operation (\`POST /api/v1/patients/{id}/entries/{entryId}/entered-in-error\`) does the same for the hospital.`,
        params: MeasurementParams,
        body: EnteredInErrorInput,
        response: { 200: z.object({ id: z.uuid(), version: z.number().int() }), ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => markMeasurementInError(deps(), { ...ask(req, req.params.id), entryId: req.params.entryId }, req.body.reason),
  );
  app.put(
    '/api/v1/patients/:id/therapy/period',
    {
      schema: {
        tags: ['therapy'],
        summary: 'Record the period of supervised exercise therapy, or correct it (a new version; the old stays in the history)',
        description: `${WRITERS} The end lies on or after the start. Measuring goes on every 3 months after the end (clinical-rules.md §13). 201 when recorded, 200 when corrected.`,
        params: PatientParams,
        body: PeriodInput,
        response: { 200: PeriodView, 201: PeriodView, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const r = await setTherapyPeriod(deps(), ask(req, req.params.id), req.body);
      return reply.status(r.created ? 201 : 200).send(r.view);
    },
  );
  app.get(
    '/api/v1/patients/:id/therapy/period',
    {
      schema: {
        tags: ['therapy'],
        summary: 'The period of supervised exercise therapy, and when the next measurement is due',
        description: READERS,
        params: PatientParams,
        response: { 200: TherapyState, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => therapyStateOf(deps(), ask(req, req.params.id)),
  );
}
