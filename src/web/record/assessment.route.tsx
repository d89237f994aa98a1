// The assessment of a patient's record (/patients/:id/assessment): every conclusion of the clinical
// core with its why, the sign-off (a nurse or physician; the use case keeps what was concluded then),
// and each signed assessment as it was kept. For the roles whose menu leads to /patients; the core
// decides about the record itself, and every read and the sign-off are audited by the use cases.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, listAssessments, openClinicalRecord, readPatient, requestMeta, signAssessment, type SessionUser } from '../../api/facade.js';
import { RULES_VERSION } from '../../core/registry.js';
import { idParam, isUuid, userOfMenuPage, type PageKit } from '../page-kit.js';
import { queryFields, readForm } from '../forms.js';
import { AssessmentPage, KeptAssessmentPage } from './assessment.page.js';
import { SignForm } from './assessment.forms.js';
import type { SignState } from './assessment.section.js';

const patientIdOf = (req: FastifyRequest) => idParam(req, 'There is no patient with this id.');

export function registerAssessmentPages(fastify: FastifyInstance, kit: PageKit): void {
  const { hidden, formWith, deps, ctxOf, send, page } = kit;

  const clinician = (req: FastifyRequest): SessionUser => userOfMenuPage(req, '/patients');
  const ask = (req: FastifyRequest, u: SessionUser) => ({ actor: u.actor, meta: requestMeta(req), patientId: patientIdOf(req) });

  async function assessmentPage(req: FastifyRequest, reply: FastifyReply, extra: { sign?: SignState; notice?: 'signed' } = {}, status = 200) {
    const u = clinician(req);
    const ctx = await ctxOf(req, reply);
    const a = ask(req, u);
    const patient = await readPatient(deps(), u.actor, a.meta, a.patientId);
    const view = await openClinicalRecord(deps(), { ...a, lang: ctx.lang, withErrors: false });
    return send(reply, <AssessmentPage ctx={ctx} patient={patient} view={view} csrf={reply.generateCsrf()} {...extra} />, status);
  }

  fastify.get(
    '/patients/:id/assessment',
    hidden,
    page(async (req, reply) => assessmentPage(req, reply, queryFields(req).notice === 'signed' ? { notice: 'signed' } : {})),
  );

  fastify.post(
    '/patients/:id/assessment/sign',
    formWith(SignForm),
    page(async (req, reply) => {
      const u = clinician(req);
      const ctx = await ctxOf(req, reply);
      const form = readForm(req, ctx.t, SignForm);
      if (!form.ok) return assessmentPage(req, reply, { sign: { values: form.values, errors: form.errors } }, 400);
      try {
        await signAssessment(deps(), { ...ask(req, u), lang: ctx.lang, note: form.data.note });
      } catch (e) {
        // A record merged into another one is signed off there: the page shows it without the form.
        if (e instanceof AppError && e.code === 'conflict') return assessmentPage(req, reply, {}, 409);
        throw e;
      }
      return reply.redirect(`/patients/${patientIdOf(req)}/assessment?notice=signed`, 303);
    }),
  );

  fastify.get(
    '/patients/:id/assessment/signed/:assessmentId',
    hidden,
    page(async (req, reply) => {
      const u = clinician(req);
      const ctx = await ctxOf(req, reply);
      const a = ask(req, u);
      const wanted = (req.params as { assessmentId?: string }).assessmentId ?? '';
      if (!isUuid(wanted)) throw new AppError('not-found', 'This record has no such assessment.');
      const patient = await readPatient(deps(), u.actor, a.meta, a.patientId);
      // What was concluded then, as it was kept: never worked out again.
      const kept = (await listAssessments(deps(), { ...a, lang: ctx.lang })).find((s) => s.id === wanted);
      if (!kept) throw new AppError('not-found', 'This record has no such assessment.');
      return send(reply, <KeptAssessmentPage ctx={ctx} patient={patient} kept={kept} rulesNow={RULES_VERSION} />);
    }),
  );
}
