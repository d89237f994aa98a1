// The progress of exercise therapy as pages: the clinician side's page and its report
// (/patients/:id/therapy/progress and …/progress-report.pdf: the practice of an accepted referral,
// the hospital's nurses and physicians; …/progress/keep keeps the report with the letters, the
// practice's physiotherapist) and the patient side's page (/progress/:id: the patient or a
// caregiver acting for them). The use cases (services/therapy-progress.ts) authorise (`record.read`)
// and audit every read.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { keepProgressReport, progressReport, requestMeta, requireUser, therapyProgress, type SessionUser } from '../../api/facade.js';
import { queryFields } from '../forms.js';
import { idParam, userOfMenuPage, type PageKit } from '../page-kit.js';
import { PatientProgressPage, ProgressPage } from './progress.page.js';

const patientIdOf = (req: FastifyRequest) => idParam(req, 'There is no patient with this id.');

export function registerTherapyProgressPages(fastify: FastifyInstance, kit: PageKit): void {
  const { hidden, form, deps, ctxOf, send, page } = kit;
  const clinician = (req: FastifyRequest): SessionUser => userOfMenuPage(req, '/patients');
  // The patient's side only: the patient (their menu has /me) or a caregiver (/care).
  const patientSide = (req: FastifyRequest): SessionUser => userOfMenuPage(req, requireUser(req).actor.role === 'caregiver' ? '/care' : '/me');
  const ask = (req: FastifyRequest, u: SessionUser) => ({ actor: u.actor, meta: requestMeta(req), patientId: patientIdOf(req) });

  fastify.get(
    '/patients/:id/therapy/progress',
    hidden,
    page(async (req, reply) => {
      const u = clinician(req);
      const ctx = await ctxOf(req, reply);
      const view = await therapyProgress(deps(), ask(req, u));
      // Keeping the report is the practice's (the use case decides; the button is shown to its physiotherapist).
      const csrf = u.actor.role === 'physiotherapist' ? reply.generateCsrf() : undefined;
      return send(reply, <ProgressPage ctx={ctx} view={view} csrf={csrf} kept={queryFields(req).notice === 'kept'} />);
    }),
  );
  fastify.post(
    '/patients/:id/therapy/progress/keep',
    form,
    page(async (req, reply) => {
      const u = clinician(req);
      const ctx = await ctxOf(req, reply);
      await keepProgressReport(deps(), { ...ask(req, u), lang: ctx.lang, helpPhone: ctx.helpPhone });
      return reply.redirect(`/patients/${patientIdOf(req)}/therapy/progress?notice=kept`, 303);
    }),
  );
  fastify.get(
    '/patients/:id/therapy/progress-report.pdf',
    hidden,
    page(async (req, reply) => {
      const u = clinician(req);
      const ctx = await ctxOf(req, reply);
      const { pdf, report } = await progressReport(deps(), { ...ask(req, u), lang: ctx.lang, helpPhone: ctx.helpPhone });
      return reply.status(200).type('application/pdf').header('cache-control', 'no-store').header('content-language', ctx.lang)
        .header('content-disposition', `attachment; filename="botpad-voortgang-${report.printedOn}.pdf"`)
        .send(pdf);
    }),
  );
  fastify.get(
    '/progress/:id',
    hidden,
    page(async (req, reply) => {
      const u = patientSide(req);
      const ctx = await ctxOf(req, reply);
      const view = await therapyProgress(deps(), ask(req, u));
      return send(reply, <PatientProgressPage ctx={ctx} view={view} own={u.actor.patientId === view.patient.id} />);
    }),
  );
}
