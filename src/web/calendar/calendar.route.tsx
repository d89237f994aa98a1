// /calendar/:id: the patient's (or a caregiver's, for them) calendar link and reminder choices.
// The core decides who may (`calendar.manage`): the patient from 12, a caregiver whose link works.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { calendarSettings, chooseReminders, endFeedLink, makeFeedLink, readPatient, requestMeta, requireUser, type SessionUser } from '../../api/facade.js';
import { fullName } from '../../core/names.js';
import { queryFields, readForm, refusalProblems, fieldMessages } from '../forms.js';
import { idParam, userOfMenuPage, type PageKit } from '../page-kit.js';
import type { FieldErrors } from '../components/Form.js';
import { ChoicesForm } from './calendar.forms.js';
import { CalendarPage } from './calendar.page.js';

/** The patient's side only: the patient (their menu has /me) or a caregiver (/care). */
function reader(req: FastifyRequest): SessionUser {
  const u = requireUser(req);
  return userOfMenuPage(req, u.actor.role === 'caregiver' ? '/care' : '/me');
}

export function registerCalendarPages(fastify: FastifyInstance, kit: PageKit): void {
  const { hidden, form, formWith, deps, mailDeps, ctxOf, send, page } = kit;

  async function show(req: FastifyRequest, reply: FastifyReply, extra: { madeUrl?: string; errors?: FieldErrors; values?: Record<string, string>; status?: number } = {}) {
    const u = reader(req);
    const patientId = idParam(req, 'There is no patient with this id.');
    const ask = { actor: u.actor, meta: requestMeta(req), patientId };
    const settings = await calendarSettings(deps(), ask);
    const own = u.actor.patientId === patientId;
    const name = own ? null : fullName(await readPatient(deps(), u.actor, requestMeta(req), patientId));
    const ctx = await ctxOf(req, reply);
    const n = queryFields(req).notice;
    return send(reply, (
      <CalendarPage
        ctx={ctx} patientId={patientId} name={name}
        remindAt={extra.values?.['remindAt'] ?? settings.remindAt} nameMedicine={extra.values ? extra.values['nameMedicine'] === 'yes' : settings.nameMedicine}
        linkSince={settings.linkSince} madeUrl={extra.madeUrl ?? null}
        notice={n === 'saved' || n === 'ended' ? n : null} errors={extra.errors ?? {}} csrf={reply.generateCsrf()}
      />
    ), extra.status ?? 200);
  }

  fastify.get('/calendar/:id', hidden, page(async (req, reply) => show(req, reply)));

  // The link is shown on the answer to this post, once: only its hash is kept.
  fastify.post('/calendar/:id/link', form, page(async (req, reply) => {
    const u = reader(req);
    const patientId = idParam(req, 'There is no patient with this id.');
    const { token } = await makeFeedLink(deps(), { actor: u.actor, meta: requestMeta(req), patientId });
    return show(req, reply, { madeUrl: `${mailDeps().linkBase.replace(/\/+$/, '')}/api/v1/calendar-feeds/${token}.ics` });
  }));

  fastify.post('/calendar/:id/link/end', form, page(async (req, reply) => {
    const u = reader(req);
    const patientId = idParam(req, 'There is no patient with this id.');
    await endFeedLink(deps(), { actor: u.actor, meta: requestMeta(req), patientId });
    return reply.redirect(`/calendar/${patientId}?notice=ended`, 303);
  }));

  fastify.post('/calendar/:id/choices', formWith(ChoicesForm), page(async (req, reply) => {
    const u = reader(req);
    const patientId = idParam(req, 'There is no patient with this id.');
    const ctx = await ctxOf(req, reply);
    const r = readForm(req, ctx.t, ChoicesForm);
    if (!r.ok) return show(req, reply, { errors: r.errors, values: r.values, status: 400 });
    try {
      await chooseReminders(deps(), { actor: u.actor, meta: requestMeta(req), patientId }, { remindAt: r.data.remindAt, nameMedicine: r.data.nameMedicine === 'yes' });
    } catch (e) {
      const problems = refusalProblems(e);
      if (!problems) throw e;
      return show(req, reply, { errors: fieldMessages(ctx.t, ChoicesForm, problems), values: r.values, status: 400 });
    }
    return reply.redirect(`/calendar/${patientId}?notice=saved`, 303);
  }));
}
