// The shared decision page (/patients/:id/decision): the screen the clinician and the patient look
// at together, and its form (a no-script POST through the one form helper). For the roles whose
// menu leads to /patients; the use cases authorise (reading: `record.read`, recording:
// `record.write`) and audit every read and write.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, decisionScreen, readPatient, recordDecision, requestMeta, type SessionUser } from '../../api/facade.js';
import { idParam, userOfMenuPage, type PageKit } from '../page-kit.js';
import { fieldMessages, queryFields, readForm, refusalProblems, typedFromIso } from '../forms.js';
import { todayNl } from '../../schema/clock.js';
import { DecisionForm, decisionInput } from './decision.forms.js';
import { DecisionPage, type DecisionFormState } from './decision.page.js';

const patientIdOf = (req: FastifyRequest) => idParam(req, 'There is no patient with this id.');

export function registerDecisionPages(fastify: FastifyInstance, kit: PageKit): void {
  const { hidden, formWith, deps, ctxOf, send, page } = kit;

  const clinician = (req: FastifyRequest): SessionUser => userOfMenuPage(req, '/patients');
  const ask = (req: FastifyRequest, u: SessionUser) => ({ actor: u.actor, meta: requestMeta(req), patientId: patientIdOf(req) });

  async function decisionPage(req: FastifyRequest, reply: FastifyReply, extra: { form?: DecisionFormState; saved?: boolean } = {}, status = 200) {
    const u = clinician(req);
    const ctx = await ctxOf(req, reply);
    const a = ask(req, u);
    const patient = await readPatient(deps(), u.actor, a.meta, a.patientId);
    const screen = await decisionScreen(deps(), a);
    // The day of the talk is today unless said otherwise.
    const form = extra.form ?? { values: { date: typedFromIso(todayNl()) }, errors: {} };
    return send(reply, <DecisionPage ctx={ctx} patient={patient} screen={screen} csrf={reply.generateCsrf()} form={form} saved={extra.saved ?? false} />, status);
  }

  fastify.get('/patients/:id/decision', hidden, page(async (req, reply) => decisionPage(req, reply, queryFields(req).notice === 'saved' ? { saved: true } : {})));

  fastify.post(
    '/patients/:id/decision',
    formWith(DecisionForm),
    page(async (req, reply) => {
      const u = clinician(req);
      const ctx = await ctxOf(req, reply);
      const form = readForm(req, ctx.t, DecisionForm);
      if (!form.ok) return decisionPage(req, reply, { form: { values: form.values, errors: form.errors } }, 400);
      try {
        await recordDecision(deps(), ask(req, u), decisionInput(form.data));
      } catch (e) {
        const problems = refusalProblems(e);
        if (problems) return decisionPage(req, reply, { form: { values: form.values, errors: fieldMessages(ctx.t, DecisionForm, problems) } }, 400);
        // A drug the safety checks block for good: said at the drug, as the API says it at /drug.
        if (e instanceof AppError && e.code === 'medication-blocked') {
          return decisionPage(req, reply, { form: { values: form.values, errors: { drug: ctx.t.decision.refusedDrug } } }, 422);
        }
        throw e;
      }
      return reply.redirect(`/patients/${patientIdOf(req)}/decision?notice=saved`, 303);
    }),
  );
}
