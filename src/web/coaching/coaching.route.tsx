// The practice's home safety check (/patients/:id/therapy/home-check) and lifestyle coaching
// (/patients/:id/therapy/coaching, with the letter to a dietitian): for the roles whose menu leads
// to /patients. The use cases authorise (reading: `record.read`; recording: `therapy.write`, the
// physiotherapists of a practice with an accepted referral) and audit every read and write; a
// form is a no-script POST through the one form helper, its problems back at their fields.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { coachingScreen, homeCheckScreen, recordCoachingSession, recordHomeCheck, requestMeta, writeDietitianLetter, type SessionUser } from '../../api/facade.js';
import { todayNl } from '../../schema/clock.js';
import { queryFields, readForm, typedFromIso } from '../forms.js';
import { idParam, userOfMenuPage, type PageKit } from '../page-kit.js';
import { CoachingForm, coachingInput, DietitianForm, dietitianInput, HomeCheckForm, homeCheckInput } from './coaching.forms.js';
import { CoachingPage } from './coaching.page.js';
import { HomeCheckPage, type FormState } from './home-check.page.js';

const patientIdOf = (req: FastifyRequest) => idParam(req, 'There is no patient with this id.');
const empty = (values: Record<string, string> = {}): FormState => ({ values, errors: {} });

export function registerCoachingPages(fastify: FastifyInstance, kit: PageKit): void {
  const { hidden, formWith, deps, ctxOf, send, page } = kit;
  const reader = (req: FastifyRequest): SessionUser => userOfMenuPage(req, '/patients');
  const ask = (req: FastifyRequest, u: SessionUser) => ({ actor: u.actor, meta: requestMeta(req), patientId: patientIdOf(req) });
  const today = () => ({ date: typedFromIso(todayNl()) });

  async function homeCheckPage(req: FastifyRequest, reply: FastifyReply, o: { form?: FormState; saved?: boolean } = {}) {
    const u = reader(req);
    const screen = await homeCheckScreen(deps(), ask(req, u));
    const form = o.form ?? empty(today());
    const status = Object.keys(form.errors).length > 0 ? 400 : 200;
    return send(reply, <HomeCheckPage ctx={await ctxOf(req, reply)} screen={screen} csrf={reply.generateCsrf()} form={form} saved={o.saved ?? false} />, status);
  }

  async function coachingPage(req: FastifyRequest, reply: FastifyReply, o: { session?: FormState; letter?: FormState; notice?: string | undefined } = {}) {
    const u = reader(req);
    const ctx = await ctxOf(req, reply);
    const screen = await coachingScreen(deps(), { ...ask(req, u), lang: ctx.lang });
    const session = o.session ?? empty(today());
    const letter = o.letter ?? empty({ lang: ctx.lang });
    const status = Object.keys(session.errors).length + Object.keys(letter.errors).length > 0 ? 400 : 200;
    return send(
      reply,
      <CoachingPage ctx={ctx} screen={screen} csrf={reply.generateCsrf()} session={session} letter={letter} saved={o.notice === 'saved'} written={o.notice === 'written'} />,
      status,
    );
  }

  fastify.get('/patients/:id/therapy/home-check', hidden, page(async (req, reply) => homeCheckPage(req, reply, { saved: queryFields(req).notice === 'saved' })));
  fastify.post(
    '/patients/:id/therapy/home-check',
    formWith(HomeCheckForm),
    page(async (req, reply) => {
      const u = reader(req);
      const r = readForm(req, (await ctxOf(req, reply)).t, HomeCheckForm);
      if (!r.ok) return homeCheckPage(req, reply, { form: { values: r.values, errors: r.errors } });
      await recordHomeCheck(deps(), ask(req, u), homeCheckInput(r.data));
      return reply.redirect(`/patients/${patientIdOf(req)}/therapy/home-check?notice=saved`, 303);
    }),
  );

  fastify.get('/patients/:id/therapy/coaching', hidden, page(async (req, reply) => coachingPage(req, reply, { notice: queryFields(req).notice })));
  fastify.post(
    '/patients/:id/therapy/coaching',
    formWith(CoachingForm),
    page(async (req, reply) => {
      const u = reader(req);
      const r = readForm(req, (await ctxOf(req, reply)).t, CoachingForm);
      if (!r.ok) return coachingPage(req, reply, { session: { values: r.values, errors: r.errors } });
      await recordCoachingSession(deps(), ask(req, u), coachingInput(r.data));
      return reply.redirect(`/patients/${patientIdOf(req)}/therapy/coaching?notice=saved`, 303);
    }),
  );
  fastify.post(
    '/patients/:id/therapy/coaching/dietitian-letter',
    formWith(DietitianForm),
    page(async (req, reply) => {
      const u = reader(req);
      const r = readForm(req, (await ctxOf(req, reply)).t, DietitianForm);
      if (!r.ok) return coachingPage(req, reply, { letter: { values: r.values, errors: r.errors } });
      await writeDietitianLetter(deps(), ask(req, u), dietitianInput(r.data));
      return reply.redirect(`/patients/${patientIdOf(req)}/therapy/coaching?notice=written#dietitian-title`, 303);
    }),
  );
}
