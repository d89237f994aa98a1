// Reports to the clinic. The patient's side: /reports/:id (the reports sent, with their read
// receipts) and /reports/:id/new (the screens of a new report; the answers travel along in the
// form until it is sent). The clinician's side: /worklist/:itemId/report (from a report's alert to
// the report) and /patients/:id/reports/:reportId (opening it marks it read and acknowledges the
// reader's organisation's alert). The core decides every step (`report.write`, `record.read`,
// `record.write`), and services/ audits it.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, openReport, reportOfItem, reportsOf, requestMeta, requireUser, sendReport, type SessionUser } from '../../api/facade.js';
import { ReportInput, ReportKey } from '../../schema/diary.schema.js';
import { decodeCursor } from '../../schema/paging.js';
import { checkForm, formPairs, queryFields } from '../forms.js';
import { idParam, isUuid, userOfMenuPage, type PageKit } from '../page-kit.js';
import type { FieldErrors } from '../components/Form.js';
import { ClinicReportPage, ReportsPage, ReportStepPage } from './reports.page.js';
import { formOf, REPORT_FIELDS, REPORT_STEPS, reportInputOf, type ReportStep, type ReportValues } from './reports.forms.js';

/** Reports per page of the patient's list. */
const REPORTS = 20;

/** The patient's side only: the patient (their menu has /me) or a caregiver (/care). */
function reporter(req: FastifyRequest): SessionUser {
  const u = requireUser(req);
  return userOfMenuPage(req, u.actor.role === 'caregiver' ? '/care' : '/me');
}

export function registerReportPages(fastify: FastifyInstance, kit: PageKit): void {
  const { hidden, form, deps, ctxOf, send, page } = kit;
  const patientIdOf = (req: FastifyRequest) => idParam(req, 'There is no patient with this id.');
  const ask = (req: FastifyRequest, u: SessionUser) => ({ actor: u.actor, meta: requestMeta(req), patientId: patientIdOf(req) });

  fastify.get(
    '/reports/:id',
    hidden,
    page(async (req, reply) => {
      const u = reporter(req);
      const q = queryFields(req);
      const cursor = q.cursor === undefined ? undefined : decodeCursor(q.cursor, ReportKey);
      const view = await reportsOf(deps(), { ...ask(req, u), limit: REPORTS, cursor });
      return send(reply, <ReportsPage ctx={await ctxOf(req, reply)} view={view} own={u.actor.patientId === view.patient.id} sent={q.notice === 'sent'} />);
    }),
  );

  async function step(req: FastifyRequest, reply: FastifyReply, u: SessionUser, at: ReportStep, values: ReportValues, errors: FieldErrors = {}) {
    // Whose report it is, read as the reports list reads it (authorised and audited), before any screen shows.
    const { patient } = await reportsOf(deps(), { ...ask(req, u), limit: 1 });
    const status = Object.keys(errors).length > 0 ? 400 : 200;
    return send(reply, <ReportStepPage ctx={await ctxOf(req, reply)} patient={patient} step={at} values={values} errors={errors} csrf={reply.generateCsrf()} />, status);
  }

  fastify.get(
    '/reports/:id/new',
    hidden,
    page(async (req, reply) => step(req, reply, reporter(req), 'kind', {})),
  );

  fastify.post(
    '/reports/:id/new',
    form,
    page(async (req, reply) => {
      const u = reporter(req);
      const ctx = await ctxOf(req, reply);
      const pairs = formPairs(req);
      const values: ReportValues = {};
      for (const [k, v] of pairs) if ((REPORT_FIELDS as readonly string[]).includes(k)) values[k as keyof ReportValues] = v;
      const posted = pairs.find(([k]) => k === 'step')?.[1];
      const at: ReportStep = (REPORT_STEPS as readonly string[]).includes(posted ?? '') ? (posted as ReportStep) : 'kind';
      const go = pairs.find(([k]) => k === 'go')?.[1] ?? 'next';
      const n = REPORT_STEPS.indexOf(at);
      if (go === 'back') return step(req, reply, u, REPORT_STEPS[Math.max(0, n - 1)] ?? 'kind', values);
      // Every screen up to this one is checked again: a hidden answer changed on the way is caught at its screen.
      for (const s of REPORT_STEPS.slice(0, n + 1)) {
        const f = formOf(s, values);
        if (!f) continue;
        const r = checkForm(ctx.t, f, values, values as Record<string, string>);
        if (!r.ok) return step(req, reply, u, s, values, r.errors);
      }
      if (at !== 'check' || go !== 'send') return step(req, reply, u, REPORT_STEPS[n + 1] ?? 'check', values);
      const input = ReportInput.safeParse(reportInputOf(values));
      if (!input.success) return step(req, reply, u, 'kind', values);
      await sendReport(deps(), ask(req, u), input.data);
      return reply.redirect(`/reports/${patientIdOf(req)}?notice=sent`, 303);
    }),
  );

  // From a report's alert on the worklist to the report itself.
  fastify.get(
    '/worklist/:itemId/report',
    hidden,
    page(async (req, reply) => {
      const u = userOfMenuPage(req, '/worklist');
      const itemId = (req.params as { itemId?: string }).itemId ?? '';
      if (!isUuid(itemId)) throw new AppError('not-found', 'There is no such report on your worklist.');
      const { patientId, reportId } = await reportOfItem(deps(), u.actor, requestMeta(req), itemId);
      return reply.redirect(`/patients/${patientId}/reports/${reportId}`, 303);
    }),
  );

  fastify.get(
    '/patients/:id/reports/:reportId',
    hidden,
    page(async (req, reply) => {
      const u = userOfMenuPage(req, '/worklist');
      const reportId = (req.params as { reportId?: string }).reportId ?? '';
      if (!isUuid(reportId)) throw new AppError('not-found', 'This patient has no such report.');
      const opened = await openReport(deps(), { ...ask(req, u), reportId });
      return send(reply, <ClinicReportPage ctx={await ctxOf(req, reply)} opened={opened} csrf={reply.generateCsrf()} />);
    }),
  );
}
