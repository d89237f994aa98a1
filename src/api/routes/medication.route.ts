// The medication plan over HTTP: prescribing behind the core's safety gate (422 with the core's
// reason codes when it stands in the way), doses, a stop or switch behind the sequencing
// guardrails, a planned follow-on, the courses with their doses and every drug's gate. Each route
// is one use case of services/medication.ts, which authorises and audits it.
import { z } from 'zod';
import type { ZodApp } from '../types.js';
import { isoDate } from '../../core/time/date.js';
import {
  DoseConfirmationInput, DoseConfirmationView, DoseInput, DoseView, Gate, MedicationStop, MedicationView, PlannedMedicationInput, PlannedMedicationView, PrescriptionInput,
} from '../../schema/medication.schema.js';
import { medicationPlan, planMedication, prescribe, recordDose, safetyGates, stopMedication } from '../../services/medication.js';
import { confirmDose, printDoseSchedule } from '../../services/my-medicines.js';
import { accessDeps, requestMeta, requireUser } from '../auth.js';
import { problemResponses } from '../responses.js';

const IdParams = z.object({ id: z.uuid('is not a valid id') }).strict();
const MedParams = z.object({ id: z.uuid('is not a valid id'), medicationId: z.uuid('is not a valid id') }).strict();

const GATE =
  'The core\'s safety checks (clinical-rules.md §7) run for the drug as of the later of today and `start`, before anything is stored. ' +
  'A blocking reason answers `422` of type `/problems/medication-blocked` with the core\'s codes in `reasons` (and `overridable`); ' +
  'a physician may prescribe anyway with `override.reason`, except for `pregnancy` and `lifetime-limit-reached`. ' +
  'Cautions answer `422` of type `/problems/medication-caution` until `acknowledgeCautions` is true. ' +
  'The prescription keeps the acknowledged cautions and the override (reason, reasons, who). A course of the same drug still in the record is a `409`.';

const MedicationPlanView = z
  .object({ courses: z.array(MedicationView), planned: z.array(PlannedMedicationView) })
  .meta({ id: 'MedicationPlan', description: 'The courses with their doses (newest start first) and the planned follow-ons' });

export function registerMedicationRoutes(app: ZodApp): void {
  const deps = () => accessDeps(app);
  const ask = (req: Parameters<typeof requireUser>[0], patientId: string) => ({ actor: requireUser(req).actor, meta: requestMeta(req), patientId });

  app.post(
    '/api/v1/patients/:id/medications',
    {
      schema: {
        tags: ['medication'],
        summary: 'Prescribe a course (physician of the caring organisation)',
        description: GATE,
        params: IdParams,
        body: PrescriptionInput,
        response: { 201: MedicationView, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => reply.status(201).send(await prescribe(deps(), ask(req, req.params.id), req.body)),
  );
  app.get(
    '/api/v1/patients/:id/medications',
    {
      schema: {
        tags: ['medication'],
        summary: 'The courses with their doses and the planned follow-ons (the read is audited)',
        params: IdParams,
        response: { 200: MedicationPlanView, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const plan = await medicationPlan(deps(), ask(req, req.params.id));
      return { courses: plan.courses, planned: plan.planned };
    },
  );
  app.get(
    '/api/v1/patients/:id/medication-safety',
    {
      schema: {
        tags: ['medication'],
        summary: 'Every drug\'s safety gate for a start on `start` (default today), as prescribing would run it',
        params: IdParams,
        querystring: z.object({ start: isoDate.optional().describe('The planned first day (ISO)') }).strict(),
        response: { 200: z.array(Gate), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => safetyGates(deps(), { ...ask(req, req.params.id), start: req.query.start }),
  );
  app.post(
    '/api/v1/patients/:id/medications/:medicationId/doses',
    {
      schema: {
        tags: ['medication'],
        summary: 'Record a dose or infusion given (nurse, physician of the caring organisation)',
        description: 'On or after the start of the course, not after its end, not in the future; `batch` for injections and infusions only. ' +
          'A dose past a lifetime limit (romosozumab\'s twelfth) answers `422` `/problems/medication-blocked`.',
        params: MedParams,
        body: DoseInput,
        response: { 201: DoseView, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => reply.status(201).send(await recordDose(deps(), { ...ask(req, req.params.id), medicationId: req.params.medicationId }, req.body)),
  );
  app.post(
    '/api/v1/patients/:id/medications/:medicationId/dose-confirmations',
    {
      schema: {
        tags: ['medication'],
        summary: 'The patient (from 12) or a caregiver marks a dose as taken or missed (`dose.confirm`)',
        description: 'A dose marked `taken` becomes a dose of the course with source `patient`: the next dose and the denosumab rules follow it, ' +
          'and a dose of the same course already recorded on that day (by the clinic or earlier) is that dose, not a second one (`added: false`). ' +
          'A dose marked `missed` is kept apart and never counts; it is refused (`409`) when a dose is recorded on that day. ' +
          'The date lies not in the future, not before the course\'s start and not after its end (`400` at `/date`).',
        params: MedParams,
        body: DoseConfirmationInput,
        response: { 201: DoseConfirmationView, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => reply.status(201).send(await confirmDose(deps(), { ...ask(req, req.params.id), medicationId: req.params.medicationId }, req.body)),
  );
  app.get(
    '/api/v1/patients/:id/medication-schedule.pdf',
    {
      schema: {
        tags: ['medication'],
        summary: 'The printed schedule of the coming 6 months for the fridge door (A4 PDF, large type, Dutch B1 or English); the read is audited',
        params: IdParams,
        querystring: z.object({ lang: z.enum(['nl', 'en']).default('nl').describe('The language of the sheet') }).strict(),
        response: { 200: z.string().describe('application/pdf'), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      const printed = await printDoseSchedule(deps(), { ...ask(req, req.params.id), lang: req.query.lang, helpPhone: app.deps.config.helpPhone });
      return reply.type('application/pdf').header('content-disposition', `inline; filename="botpad-schema-${printed.until}.pdf"`)
        .header('content-language', req.query.lang)
        // A Buffer is sent as is (Fastify skips the serialiser).
        .send(printed.pdf as never);
    },
  );
  app.patch(
    '/api/v1/patients/:id/medications/:medicationId',
    {
      schema: {
        tags: ['medication'],
        summary: 'Stop a course, or switch (stop, then prescribe the next) (physician of the caring organisation)',
        description: 'The course keeps its history: the stop is a new version with the reason. Stopping denosumab without an antiresorptive ' +
          'planned within 6 months of the last injection, or an anabolic without an antiresorptive after it, answers `422` of type ' +
          '`/problems/medication-sequence` with the codes in `reasons`, unless `override.reason` says why it stops anyway.',
        params: MedParams,
        body: MedicationStop,
        response: { 200: MedicationView, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req) => stopMedication(deps(), { ...ask(req, req.params.id), medicationId: req.params.medicationId }, req.body),
  );
  app.post(
    '/api/v1/patients/:id/planned-medications',
    {
      schema: {
        tags: ['medication'],
        summary: 'Plan a follow-on (physician of the caring organisation)',
        description: 'From today up to 2 years ahead. The answer carries the safety checks as they stand for its start; prescribing it later runs them again.',
        params: IdParams,
        body: PlannedMedicationInput,
        response: { 201: PlannedMedicationView, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => reply.status(201).send(await planMedication(deps(), ask(req, req.params.id), req.body)),
  );
}
