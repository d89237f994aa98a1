// The questionnaires of one patient (/questionnaires/:id/...), for the patient themself and for a
// caregiver of theirs. The core decides who may answer for whom (`questionnaire.answer`); every
// step is a form post kept at once as a draft, so a sleeping tablet loses nothing.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, openQuestionnaire, questionnairesOf, requestMeta, requireUser, saveStep, sendQuestionnaire, type SessionUser } from '../../api/facade.js';
import { questionnaireDef, type AnswerProblem, type QuestionnaireDef } from '../../core/questionnaires/questions.js';
import { formPairs, queryFields } from '../forms.js';
import { idParam, userOfMenuPage, type PageKit } from '../page-kit.js';
import { QuestionnaireList, StepPage, SummaryPage } from './questionnaires.page.js';

const patientIdOf = (req: FastifyRequest) => idParam(req, 'There is no patient with this id.');

/** The patient's side only: the patient (their menu has /me) or a caregiver (/care). */
function answerer(req: FastifyRequest): SessionUser {
  const u = requireUser(req);
  return userOfMenuPage(req, u.actor.role === 'caregiver' ? '/care' : '/me');
}

function defOf(req: FastifyRequest): QuestionnaireDef {
  const def = questionnaireDef((req.params as { q?: string }).q ?? '');
  if (!def) throw new AppError('not-found', 'There is no such questionnaire.');
  return def;
}

function stepOf(req: FastifyRequest, def: QuestionnaireDef): number {
  const raw = (req.params as { n?: string }).n ?? '';
  const n = /^\d{1,3}$/.test(raw) ? Number(raw) - 1 : -1;
  if (n < 0 || n >= def.steps.length) throw new AppError('not-found', 'This questionnaire has no such step.');
  return n;
}

export function registerQuestionnairePages(fastify: FastifyInstance, kit: PageKit): void {
  const { hidden, form, deps, ctxOf, send, page } = kit;
  const ask = (req: FastifyRequest, u: SessionUser) => ({ actor: u.actor, meta: requestMeta(req), patientId: patientIdOf(req) });

  fastify.get(
    '/questionnaires/:id',
    hidden,
    page(async (req, reply) => {
      const u = answerer(req);
      const { patient, items } = await questionnairesOf(deps(), ask(req, u));
      const notice = queryFields(req).notice === 'sent' ? 'sent' : undefined;
      return send(reply, <QuestionnaireList ctx={await ctxOf(req, reply)} patient={patient} items={items} notice={notice} />);
    }),
  );

  // The start of a questionnaire: the first step without an answer, or the summary when all have one.
  fastify.get(
    '/questionnaires/:id/:q',
    hidden,
    page(async (req, reply) => {
      const u = answerer(req);
      const def = defOf(req);
      const { view } = await openQuestionnaire(deps(), { ...ask(req, u), questionnaire: def.id });
      const to = view.state === 'not-started' ? 1 : view.openStep === undefined ? undefined : view.openStep + 1;
      return reply.redirect(`/questionnaires/${patientIdOf(req)}/${def.id}/${to === undefined ? 'summary' : `step/${String(to)}`}`, 303);
    }),
  );

  async function stepPage(req: FastifyRequest, reply: FastifyReply, u: SessionUser, def: QuestionnaireDef, step: number, posted?: { values: Record<string, string>; problems: Record<string, AnswerProblem> }) {
    const { patient, view, calcium } = await openQuestionnaire(deps(), { ...ask(req, u), questionnaire: def.id });
    if (view.settled) return reply.redirect(`/questionnaires/${patient.id}/${def.id}/summary`, 303);
    const values = posted?.values ?? view.answers;
    const problems = posted?.problems ?? {};
    const status = Object.keys(problems).length > 0 ? 400 : 200;
    return send(reply, <StepPage ctx={await ctxOf(req, reply)} patient={patient} def={def} step={step} csrf={reply.generateCsrf()} values={values} problems={problems} calcium={calcium} />, status);
  }

  fastify.get(
    '/questionnaires/:id/:q/step/:n',
    hidden,
    page(async (req, reply) => {
      const u = answerer(req);
      const def = defOf(req);
      return stepPage(req, reply, u, def, stepOf(req, def));
    }),
  );

  fastify.post(
    '/questionnaires/:id/:q/step/:n',
    form,
    page(async (req, reply) => {
      const u = answerer(req);
      const def = defOf(req);
      const step = stepOf(req, def);
      const posted: Record<string, string> = {};
      for (const [k, v] of formPairs(req)) if (k !== '_csrf' && k !== 'go') posted[k] = v;
      const back = formPairs(req).some(([k, v]) => k === 'go' && v === 'back');
      const { problems } = await saveStep(deps(), { ...ask(req, u), questionnaire: def.id, step, partial: back }, posted);
      const id = patientIdOf(req);
      if (back) return reply.redirect(`/questionnaires/${id}/${def.id}/step/${String(Math.max(1, step))}`, 303);
      if (Object.keys(problems).length > 0) return stepPage(req, reply, u, def, step, { values: posted, problems });
      // The calculator stays on its page, with the result beside the answers; the steps go on.
      if (def.id === 'calcium') return reply.redirect(`/questionnaires/${id}/${def.id}/step/${String(step + 1)}#calcium-result`, 303);
      const next = step + 1 < def.steps.length ? `step/${String(step + 2)}` : 'summary';
      return reply.redirect(`/questionnaires/${id}/${def.id}/${next}`, 303);
    }),
  );

  fastify.get(
    '/questionnaires/:id/:q/summary',
    hidden,
    page(async (req, reply) => {
      const u = answerer(req);
      const def = defOf(req);
      const { patient, view } = await openQuestionnaire(deps(), { ...ask(req, u), questionnaire: def.id });
      return send(reply, <SummaryPage ctx={await ctxOf(req, reply)} patient={patient} def={def} view={view} csrf={reply.generateCsrf()} />);
    }),
  );

  fastify.post(
    '/questionnaires/:id/:q/send',
    form,
    page(async (req, reply) => {
      const u = answerer(req);
      const def = defOf(req);
      try {
        await sendQuestionnaire(deps(), { ...ask(req, u), questionnaire: def.id });
      } catch (e) {
        if (!(e instanceof AppError) || e.code !== 'invalid-input') throw e;
        const { patient, view } = await openQuestionnaire(deps(), { ...ask(req, u), questionnaire: def.id });
        return send(reply, <SummaryPage ctx={await ctxOf(req, reply)} patient={patient} def={def} view={view} csrf={reply.generateCsrf()} missing />, 400);
      }
      return reply.redirect(`/questionnaires/${patientIdOf(req)}?notice=sent`, 303);
    }),
  );
}
