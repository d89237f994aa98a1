// The progress report of exercise therapy over HTTP: the report printed from the record today, and
// the report kept with the letters. Each a use case of services/therapy-progress.ts, which
// authorises it with the core (`record.read` to print, `therapy.write` to keep) and audits it
// (docs/therapy-progress.md).
import { z } from 'zod';
import type { ZodApp } from '../types.js';
import { PatientParams } from '../../schema/logistics.schema.js';
import { LetterView } from '../../schema/follow-up.schema.js';
import { KeepProgressReportInput, ProgressReportQuery } from '../../schema/therapy-progress.schema.js';
import { keepProgressReport, progressReport } from '../../services/therapy-progress.js';
import { accessDeps, requestMeta, requireUser } from '../auth.js';
import { problemResponses } from '../responses.js';

export function registerTherapyProgressRoutes(app: ZodApp): void {
  app.get(
    '/api/v1/patients/:id/therapy/progress-report.pdf',
    {
      schema: {
        tags: ['therapy'],
        summary: 'The progress report of exercise therapy for the referrer and the GP (A4 PDF)',
        description: 'Read by whoever may read the record (`record.read`, audited). The patient named as on the other letters; each measure as a table with the ' +
          'score the core gave (clinical-rules.md §13), its cut-off or norm with the source, and the change since the first measurement; the PSK, the goals and the next measurement due.',
        params: PatientParams,
        querystring: ProgressReportQuery,
        response: { 200: z.string().describe('application/pdf'), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      const { pdf, report } = await progressReport(accessDeps(app), {
        actor: requireUser(req).actor, meta: requestMeta(req), patientId: req.params.id, lang: req.query.lang, helpPhone: app.deps.config.helpPhone,
      });
      return reply.status(200).type('application/pdf').header('cache-control', 'no-store').header('content-language', req.query.lang)
        .header('content-disposition', `attachment; filename="botpad-voortgang-${report.printedOn}.pdf"`)
        // A Buffer is sent as is (Fastify skips the serialiser).
        .send(pdf as never);
    },
  );  app.post(
    '/api/v1/patients/:id/therapy/progress-reports',
    {
      schema: {
        tags: ['therapy'],
        summary: 'Keep today\'s progress report with the record\'s letters, as sent to the referrer and the GP',
        description: 'Kept by a physiotherapist of a practice whose referral for this patient was accepted (`therapy.write`, audited). Listed with the letters ' +
          '(`GET /api/v1/patients/{id}/letters`) and printed again from what it said that day (`GET /api/v1/patients/{id}/letters/{letterId}/pdf`).',
        params: PatientParams,
        body: KeepProgressReportInput,
        response: { 201: LetterView, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => reply.status(201).send(await keepProgressReport(accessDeps(app), {
      actor: requireUser(req).actor, meta: requestMeta(req), patientId: req.params.id, lang: req.body.lang, helpPhone: app.deps.config.helpPhone,
    })),
  );
}
