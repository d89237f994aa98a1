// The exercise plan's pages: the practice's plan page (/patients/:id/therapy/plan; reading for the
// clinicians who may read the record, writing a new version for the practice's physiotherapists,
// `therapy.write`) and the patient side's home programme (/exercise/:id and its PDF) for the patient
// or a caregiver. The use cases (services/exercise-plans.ts) authorise and audit every read and write.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, exercisePlanScreen, homeProgrammeOf, myHomeProgramme, requestMeta, requireUser, writeExercisePlan, type SessionUser } from '../../api/facade.js';
import { fieldMessages, queryFields, readForm, refusalProblems } from '../forms.js';
import { idParam, userOfMenuPage, type PageKit } from '../page-kit.js';
import { planForm, planInput } from './plan.forms.js';
import { ExercisePlanPage, planValues, type PlanFormState } from './plan.page.js';
import { HomeProgrammePage } from './programme.page.js';

const patientIdOf = (req: FastifyRequest) => idParam(req, 'There is no patient with this id.');

/** The patient's side only: the patient (their menu has /me) or a caregiver (/care). */
function patientSide(req: FastifyRequest): SessionUser {
  const u = requireUser(req);
  return userOfMenuPage(req, u.actor.role === 'caregiver' ? '/care' : '/me');
}

export function registerExercisePages(fastify: FastifyInstance, kit: PageKit): void {
  const { hidden, formWith, deps, ctxOf, send, page } = kit;
  const clinician = (req: FastifyRequest): SessionUser => userOfMenuPage(req, '/patients');
  const ask = (req: FastifyRequest, u: SessionUser) => ({ actor: u.actor, meta: requestMeta(req), patientId: patientIdOf(req) });

  async function planPage(req: FastifyRequest, reply: FastifyReply, extra: { form?: PlanFormState; saved?: boolean } = {}, status = 200) {
    const u = clinician(req);
    const ctx = await ctxOf(req, reply);
    const screen = await exercisePlanScreen(deps(), ask(req, u));
    const form = extra.form ?? { values: planValues(ctx.t, screen.plans[0]), errors: {} };
    return send(reply, <ExercisePlanPage ctx={ctx} screen={screen} csrf={reply.generateCsrf()} form={form} saved={extra.saved ?? false} />, status);
  }

  fastify.get('/patients/:id/therapy/plan', hidden, page(async (req, reply) => planPage(req, reply, { saved: queryFields(req).notice === 'saved' })));

  fastify.post(
    '/patients/:id/therapy/plan',
    formWith(planForm),
    page(async (req, reply) => {
      const u = clinician(req);
      const ctx = await ctxOf(req, reply);
      const form = readForm(req, ctx.t, planForm);
      if (!form.ok) return planPage(req, reply, { form: { values: form.values, errors: form.errors } }, 400);
      try {
        await writeExercisePlan(deps(), ask(req, u), planInput(form.data as Record<string, unknown>));
      } catch (e) {
        // Unsafe choices: the page shows each warning beside its exercise already; the box to go ahead asks for the tick.
        if (e instanceof AppError && e.code === 'exercise-unsafe') {
          return planPage(req, reply, { form: { values: form.values, errors: { acknowledge: ctx.t.exercisePlan.acknowledgeNeeded } } }, 422);
        }
        const problems = refusalProblems(e);
        if (problems && problems.some((p) => p.field !== 'params')) return planPage(req, reply, { form: { values: form.values, errors: fieldMessages(ctx.t, planForm, problems) } }, 400);
        throw e;
      }
      return reply.redirect(`/patients/${patientIdOf(req)}/therapy/plan?notice=saved`, 303);
    }),
  );

  fastify.get(
    '/exercise/:id',
    hidden,
    page(async (req, reply) => {
      const u = patientSide(req);
      const ctx = await ctxOf(req, reply);
      const view = await myHomeProgramme(deps(), ask(req, u));
      return send(reply, <HomeProgrammePage ctx={ctx} view={view} own={u.actor.patientId === view.patient.id} />);
    }),
  );

  fastify.get(
    '/exercise/:id/programme.pdf',
    hidden,
    page(async (req, reply) => {
      const u = patientSide(req);
      const ctx = await ctxOf(req, reply);
      const { pdf, version } = await homeProgrammeOf(deps(), { ...ask(req, u), lang: ctx.lang, helpPhone: ctx.helpPhone });
      return reply.status(200).type('application/pdf').header('cache-control', 'no-store').header('content-language', ctx.lang)
        .header('content-disposition', `inline; filename="botpad-oefeningen-v${String(version)}.pdf"`)
        .send(pdf);
    }),
  );
}
