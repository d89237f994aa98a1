// The practice's intake (/patients/:id/therapy/intake) and education session
// (/patients/:id/therapy/education). For the roles whose menu leads to /patients; the use cases
// authorise (reading: `record.read`; recording: `therapy.write`, the practice's physiotherapist)
// and audit every read and write. Each form is one no-script POST through the one form helper.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { educationSessionsOf, intakesOfPatient, recordEducation, recordIntake, requestMeta, type SessionUser } from '../../api/facade.js';
import { todayNl } from '../../schema/clock.js';
import type { z } from 'zod';
import { fieldMessages, queryFields, readForm, refusalProblems, typedFromIso, type PageForm } from '../forms.js';
import type { Lang } from '../i18n/index.js';
import { idParam, userOfMenuPage, type PageKit } from '../page-kit.js';
import type { FieldErrors } from '../components/Form.js';
import { educationForm, educationInput } from './education.forms.js';
import { EducationPage } from './education.page.js';
import { intakeForm, intakeInput, valuesOf } from './intake.forms.js';
import { IntakePage } from './intake.page.js';

const patientIdOf = (req: FastifyRequest) => idParam(req, 'There is no patient with this id.');

type Show = (req: FastifyRequest, reply: FastifyReply, o?: FormState) => Promise<FastifyReply>;

interface FormState {
  values?: Record<string, string>;
  errors?: FieldErrors;
  saved?: boolean;
}

export function registerTherapyIntakePages(fastify: FastifyInstance, kit: PageKit): void {
  const { hidden, formWith, deps, ctxOf, send, page } = kit;
  const clinician = (req: FastifyRequest): SessionUser => userOfMenuPage(req, '/patients');
  const ask = (req: FastifyRequest, u: SessionUser) => ({ actor: u.actor, meta: requestMeta(req), patientId: patientIdOf(req) });
  // The form is the practice's; the hospital reads (the use case decides either way).
  const writes = (u: SessionUser) => u.actor.role === 'physiotherapist';

  async function intakePage(req: FastifyRequest, reply: FastifyReply, o: FormState = {}) {
    const u = clinician(req);
    const ctx = await ctxOf(req, reply);
    const view = await intakesOfPatient(deps(), ask(req, u), ctx.lang);
    const errors = o.errors ?? {};
    return send(
      reply,
      <IntakePage ctx={ctx} view={view} canWrite={writes(u)} csrf={reply.generateCsrf()} values={o.values ?? valuesOf(view.items[0], ctx.lang)} errors={errors} saved={o.saved ?? false} />,
      Object.keys(errors).length > 0 ? 400 : 200,
    );
  }

  async function educationPage(req: FastifyRequest, reply: FastifyReply, o: FormState = {}) {
    const u = clinician(req);
    const ctx = await ctxOf(req, reply);
    const view = await educationSessionsOf(deps(), ask(req, u));
    const errors = o.errors ?? {};
    return send(
      reply,
      <EducationPage ctx={ctx} view={view} canWrite={writes(u)} csrf={reply.generateCsrf()} values={o.values ?? { date: typedFromIso(todayNl()) }} errors={errors} saved={o.saved ?? false} />,
      Object.keys(errors).length > 0 ? 400 : 200,
    );
  }

  /**
   * A form post of this slice: a bad form, or a refusal at its fields, shows the page again with
   * every message; a saved one goes back to the page with its notice.
   */
  function formPost(slug: 'intake' | 'education', form: PageForm<z.ZodType>, show: Show, save: (req: FastifyRequest, u: SessionUser, data: Record<string, unknown>, lang: Lang) => Promise<unknown>) {
    fastify.get(`/patients/:id/therapy/${slug}`, hidden, page(async (req, reply) => show(req, reply, { saved: queryFields(req).notice === 'saved' })));
    fastify.post(
      `/patients/:id/therapy/${slug}`,
      formWith(form),
      page(async (req, reply) => {
        const u = clinician(req);
        const ctx = await ctxOf(req, reply);
        const read = readForm(req, ctx.t, form);
        if (!read.ok) return show(req, reply, { values: read.values, errors: read.errors });
        try {
          await save(req, u, read.data as Record<string, unknown>, ctx.lang);
        } catch (e) {
          const problems = refusalProblems(e);
          if (problems) return show(req, reply, { values: read.values, errors: fieldMessages(ctx.t, form, problems) });
          throw e;
        }
        return reply.redirect(`/patients/${patientIdOf(req)}/therapy/${slug}?notice=saved`, 303);
      }),
    );
  }

  formPost('intake', intakeForm, intakePage, (req, u, data, lang) => recordIntake(deps(), ask(req, u), intakeInput(data), lang));
  formPost('education', educationForm, educationPage, (req, u, data) => recordEducation(deps(), ask(req, u), educationInput(data)));
}
