// A child's standing and moving: the clinician's page (/patients/:id/child/loading) with the daily
// plan, and the tablet page (/log/:id) where parents and the day centre's staff note a session down
// with one press. The core decides who may read (`record.read`), note down (`child.log`) and set
// the plan (`child.care`); every form is a post without script.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { addLoadingLog, loadingLogOf, requestMeta, requireUser, setLoadingPlan, takeBackLoadingLog, type SessionUser } from '../../api/facade.js';
import { AppError } from '../../schema/problem.js';
import { isRecordDate } from '../../core/time/date.js';
import { todayNl } from '../../schema/clock.js';
import type { LoadingActivity } from '../../core/record/lists.js';
import { queryFields, readForm } from '../forms.js';
import { idParam, isUuid, userOfMenuPage, type PageKit } from '../page-kit.js';
import type { FieldErrors } from '../components/Form.js';
import { LoadingPage, LogPage } from './child-loading.page.js';
import { logForm, planForm, takeBackForm } from './child-loading.forms.js';

/** The roles that keep a child's profile at a day centre; the core still decides at the save. */
const PLANNERS = new Set(['physiotherapist', 'physician']);

export function registerChildLoadingPages(fastify: FastifyInstance, kit: PageKit): void {
  const { hidden, formWith, deps, ctxOf, send, page } = kit;
  const patientIdOf = (req: FastifyRequest) => idParam(req, 'There is no patient with this id.');
  const clinician = (req: FastifyRequest): SessionUser => userOfMenuPage(req, '/patients');

  async function showPlan(req: FastifyRequest, reply: FastifyReply, u: SessionUser, o: { values?: Record<string, string>; errors?: FieldErrors; saved?: boolean; week?: string | undefined } = {}) {
    const patientId = patientIdOf(req);
    const ask = { actor: u.actor, meta: requestMeta(req), patientId };
    // One audited read: the week, the chart's weeks, the means and the plan.
    const log = await loadingLogOf(deps(), { ...ask, week: o.week });
    const status = o.errors && Object.keys(o.errors).length > 0 ? 400 : 200;
    return send(
      reply,
      <LoadingPage ctx={await ctxOf(req, reply)} log={log} csrf={reply.generateCsrf()} mayPlan={PLANNERS.has(u.actor.role)} values={o.values} errors={o.errors} saved={o.saved} />,
      status,
    );
  }

  fastify.get(
    '/patients/:id/child/loading',
    hidden,
    page(async (req, reply) => {
      const u = clinician(req);
      const q = queryFields(req);
      return showPlan(req, reply, u, { saved: q.notice === 'saved', week: q.week !== undefined && isRecordDate(q.week) ? q.week : undefined });
    }),
  );

  fastify.post(
    '/patients/:id/child/loading',
    formWith(planForm),
    page(async (req, reply) => {
      const u = clinician(req);
      const ctx = await ctxOf(req, reply);
      const r = readForm(req, ctx.t, planForm);
      if (!r.ok) return showPlan(req, reply, u, { values: r.values, errors: r.errors });
      const patientId = patientIdOf(req);
      const d = r.data as { standingFrame: number; walkingAid: number; otherMovement: number; note?: string | undefined };
      await setLoadingPlan(deps(), { actor: u.actor, meta: requestMeta(req), patientId }, {
        standingFrame: d.standingFrame, walkingAid: d.walkingAid, otherMovement: d.otherMovement, ...(d.note !== undefined && d.note !== '' ? { note: d.note } : {}),
      });
      return reply.redirect(`/patients/${patientId}/child/loading?notice=saved`, 303);
    }),
  );

  async function showLog(
    req: FastifyRequest, reply: FastifyReply, u: SessionUser,
    o: { values?: Record<string, string>; errors?: FieldErrors; noted?: string | undefined; takenBack?: 'yes' | 'refused' } = {},
  ) {
    const patientId = patientIdOf(req);
    const log = await loadingLogOf(deps(), { actor: u.actor, meta: requestMeta(req), patientId });
    const status = o.takenBack === 'refused' ? 409 : o.errors && Object.keys(o.errors).length > 0 ? 400 : 200;
    return send(
      reply,
      <LogPage
        takenBack={o.takenBack}
        ctx={await ctxOf(req, reply)} log={log} csrf={reply.generateCsrf()} parent={u.actor.role === 'caregiver' || u.actor.role === 'patient'}
        noted={o.noted === undefined ? undefined : log.items.find((l) => l.id === o.noted)} values={o.values} errors={o.errors}
      />,
      status,
    );
  }

  fastify.get(
    '/log/:id',
    hidden,
    page(async (req, reply) => {
      const u = requireUser(req);
      const q = queryFields(req);
      return showLog(req, reply, u, { noted: q.noted !== undefined && isUuid(q.noted) ? q.noted : undefined, ...(q.notice === 'taken-back' ? { takenBack: 'yes' as const } : {}) });
    }),
  );

  fastify.post(
    '/log/:id',
    formWith(logForm),
    page(async (req, reply) => {
      const u = requireUser(req);
      const ctx = await ctxOf(req, reply);
      const r = readForm(req, ctx.t, logForm);
      if (!r.ok) return showLog(req, reply, u, { values: r.values, errors: r.errors });
      const patientId = patientIdOf(req);
      const d = r.data as { activity: LoadingActivity; minutes: number };
      const line = await addLoadingLog(deps(), { actor: u.actor, meta: requestMeta(req), patientId }, { date: todayNl(), activity: d.activity, minutes: d.minutes });
      return reply.redirect(`/log/${patientId}?noted=${line.id}`, 303);
    }),
  );

  // A line noted by mistake, taken back from the notice that says it was noted.
  fastify.post(
    '/log/:id/take-back',
    formWith(takeBackForm),
    page(async (req, reply) => {
      const u = requireUser(req);
      const ctx = await ctxOf(req, reply);
      const r = readForm(req, ctx.t, takeBackForm);
      const patientId = patientIdOf(req);
      if (!r.ok) return showLog(req, reply, u, { takenBack: 'refused' });
      try {
        await takeBackLoadingLog(deps(), { actor: u.actor, meta: requestMeta(req), patientId, lineId: (r.data as { lineId: string }).lineId });
      } catch (e) {
        if (e instanceof AppError && e.code === 'conflict') return showLog(req, reply, u, { takenBack: 'refused' });
        throw e;
      }
      return reply.redirect(`/log/${patientId}?notice=taken-back`, 303);
    }),
  );
}
