// The medication page, /patients/:id/medication, and its four forms: prescribe (behind the core's
// safety gate), record a dose, stop a course (behind the sequencing guardrail) and plan a
// follow-on. Each post is one use case of services/medication.ts (authorised by the core, audited,
// the worklist re-derived in the same transaction); a success goes back to the page with a notice,
// a refusal shows the page again with what was typed and the reason at its field.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  AppError, openMedicationPage, planMedication, prescribe, readPatient, recordDose, requestMeta, stopMedication, type SessionUser,
} from '../../api/facade.js';
import { DRUGS, type Drug } from '../../core/case.schema.js';
import { idParam, userOfMenuPage, type PageKit } from '../page-kit.js';
import { queryFields, readForm, typedFromIso } from '../forms.js';
import type { FieldErrors } from '../components/Form.js';
import {
  DoseForm, PlanForm, PrescribeForm, StopForm, doseRefusal, planRefusal, prescribeRefusal, stopRefusal, type MedicationFormName, type Values,
} from './medication.forms.js';
import { MEDICATION_NOTICES, MedicationPage, type MedicationNotice } from './medication.page.js';

const patientIdOf = (req: FastifyRequest) => idParam(req, 'There is no patient with this id.');
const DATE_FIELDS = ['start', 'doseDate', 'end', 'from'];

/** What was sent, as the person typed it: a date the route's schema read is shown back day-month-year. */
const asTyped = (values: Values): Values =>
  Object.fromEntries(Object.entries(values).map(([k, v]) => [k, DATE_FIELDS.includes(k) ? typedFromIso(v) : v]));

export function registerMedicationPages(fastify: FastifyInstance, kit: PageKit): void {
  const { hidden, formWith, deps, ctxOf, send, page } = kit;
  const clinician = (req: FastifyRequest): SessionUser => userOfMenuPage(req, '/patients');
  const ask = (req: FastifyRequest, u: SessionUser) => ({ actor: u.actor, meta: requestMeta(req), patientId: patientIdOf(req) });

  async function medicationPage(req: FastifyRequest, reply: FastifyReply, sent?: { form: MedicationFormName; values: Values; errors: FieldErrors }, status = 200) {
    const u = clinician(req);
    const ctx = await ctxOf(req, reply);
    const a = ask(req, u);
    const patient = await readPatient(deps(), u.actor, a.meta, a.patientId);
    const plan = await openMedicationPage(deps(), { ...a, lang: ctx.lang });
    const q = queryFields(req);
    const notice = MEDICATION_NOTICES.includes(q.notice as MedicationNotice) ? (q.notice as MedicationNotice) : undefined;
    const drug = (DRUGS as readonly string[]).includes(q.drug ?? '') ? (q.drug as Drug) : undefined;
    return send(
      reply,
      <MedicationPage ctx={ctx} patient={patient} plan={plan} csrf={reply.generateCsrf()} sent={sent ? { ...sent, values: asTyped(sent.values) } : undefined} notice={sent ? undefined : notice} drug={drug} />,
      status,
    );
  }

  /** A refusal of the use case: the page again with the reason at its field; a record closed a moment ago shows as closed. */
  async function refused(req: FastifyRequest, reply: FastifyReply, form: MedicationFormName, values: Values, e: unknown, errors: FieldErrors | undefined) {
    if (e instanceof AppError && e.code === 'conflict' && e.errors.some((x) => x.pointer === '/params/id')) return medicationPage(req, reply, undefined, 409);
    if (!errors) throw e;
    return medicationPage(req, reply, { form, values, errors }, e instanceof AppError ? e.status : 400);
  }

  const done = (req: FastifyRequest, reply: FastifyReply, notice: MedicationNotice) => reply.redirect(`/patients/${patientIdOf(req)}/medication?notice=${notice}`, 303);

  fastify.get('/patients/:id/medication', hidden, page(async (req, reply) => medicationPage(req, reply)));

  fastify.post(
    '/patients/:id/medication/prescribe',
    formWith(PrescribeForm),
    page(async (req, reply) => {
      const u = clinician(req);
      const ctx = await ctxOf(req, reply);
      const f = readForm(req, ctx.t, PrescribeForm);
      if (!f.ok) return medicationPage(req, reply, { form: 'prescribe', values: f.values, errors: f.errors }, 400);
      const d = f.data;
      try {
        await prescribe(deps(), ask(req, u), {
          drug: d.drug, start: d.start,
          ...(d.route ? { route: d.route } : {}),
          ...(d.acknowledgeCautions === 'yes' ? { acknowledgeCautions: true } : {}),
          ...(d.overrideReason ? { override: { reason: d.overrideReason } } : {}),
        });
      } catch (e) {
        return refused(req, reply, 'prescribe', f.values, e, prescribeRefusal(ctx.t, ctx.lang, e));
      }
      return done(req, reply, 'prescribed');
    }),
  );

  fastify.post(
    '/patients/:id/medication/dose',
    formWith(DoseForm),
    page(async (req, reply) => {
      const u = clinician(req);
      const ctx = await ctxOf(req, reply);
      const f = readForm(req, ctx.t, DoseForm);
      if (!f.ok) return medicationPage(req, reply, { form: 'dose', values: f.values, errors: f.errors }, 400);
      const d = f.data;
      try {
        await recordDose(deps(), { ...ask(req, u), medicationId: d.medicationId }, {
          date: d.doseDate,
          ...(d.administeredBy ? { administeredBy: d.administeredBy } : {}),
          ...(d.location ? { location: d.location } : {}),
          ...(d.batch ? { batch: d.batch } : {}),
        });
      } catch (e) {
        return refused(req, reply, 'dose', f.values, e, doseRefusal(ctx.t, e));
      }
      return done(req, reply, 'dose');
    }),
  );

  fastify.post(
    '/patients/:id/medication/stop',
    formWith(StopForm),
    page(async (req, reply) => {
      const u = clinician(req);
      const ctx = await ctxOf(req, reply);
      const f = readForm(req, ctx.t, StopForm);
      if (!f.ok) return medicationPage(req, reply, { form: 'stop', values: f.values, errors: f.errors }, 400);
      const d = f.data;
      try {
        await stopMedication(deps(), { ...ask(req, u), medicationId: d.stopCourse }, {
          end: d.end, reason: d.stopReason, ...(d.stopOverrideReason ? { override: { reason: d.stopOverrideReason } } : {}),
        });
      } catch (e) {
        return refused(req, reply, 'stop', f.values, e, stopRefusal(ctx.t, e));
      }
      return done(req, reply, 'stopped');
    }),
  );

  fastify.post(
    '/patients/:id/medication/plan',
    formWith(PlanForm),
    page(async (req, reply) => {
      const u = clinician(req);
      const ctx = await ctxOf(req, reply);
      const f = readForm(req, ctx.t, PlanForm);
      if (!f.ok) return medicationPage(req, reply, { form: 'plan', values: f.values, errors: f.errors }, 400);
      try {
        await planMedication(deps(), ask(req, u), { drug: f.data.planDrug, from: f.data.from });
      } catch (e) {
        return refused(req, reply, 'plan', f.values, e, planRefusal(ctx.t, e));
      }
      return done(req, reply, 'planned');
    }),
  );
}
