// The administrator's pages: the organisation's accounts and the audit log search.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  AppError, createClinician, requestMeta, requireUser, searchOrganisationAudit, usersOfOrganisation, changeStaffRole, deactivateStaff, resendActivation, unlockStaff,
  type RequestMeta, type SessionUser,
} from '../../api/facade.js';
import { z } from 'zod';
import { TIME_ZONE } from '../time-format.js';
import { fieldMessages, pageForm, queryFields, readForm, refusalProblems, type PageForm } from '../forms.js';
import { AuditSearchForm, NewStaffForm, RoleForm } from './admin.forms.js';
import type { FieldErrors } from '../components/Form.js';
import { idParam, type PageKit } from '../page-kit.js';
import { AuditPage, UserPage, UsersPage, type UserNotice } from './admin.page.js';

const accountIdOf = (req: FastifyRequest) => idParam(req, 'There is no such account.');

/** The UTC offset of the Netherlands at a given instant, as "+01:00" or "+02:00". */
function amsterdamOffset(at: Date): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone: TIME_ZONE, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  const m = /GMT([+-]\d\d:\d\d)/.exec(part ?? '');
  return m?.[1] ?? '+00:00';
}

/** A Dutch calendar day's first or last moment as an ISO timestamp with its offset. */
function dayBound(ymd: string, edge: 'start' | 'end'): string {
  const end = edge === 'end';
  // Clocks change at 02:00/03:00 local time, so 00:00Z still has the offset of local midnight and
  // 21:00Z that of the day's end.
  const offset = amsterdamOffset(new Date(`${ymd}T${end ? '21' : '00'}:00:00Z`));
  return `${ymd}T${end ? '23:59:59.999' : '00:00:00'}${offset}`;
}

export function registerAdminPages(fastify: FastifyInstance, kit: PageKit): void {
  const { hidden, formWith, queryWith, deps, mailDeps, ctxOf, send, page } = kit;

  // ---- Administration -----------------------------------------------------------------------

  async function usersPage(req: FastifyRequest, reply: FastifyReply, extra: { values?: Record<string, string>; errors?: FieldErrors; created?: boolean }, status = 200) {
    const u = requireUser(req);
    const users = await usersOfOrganisation(deps(), u.actor, requestMeta(req));
    const ctx = await ctxOf(req, reply);
    return send(reply, <UsersPage ctx={ctx} csrf={reply.generateCsrf()} organisation={u.organisationName ?? ''} users={users} {...extra} />, status);
  }

  fastify.get(
    '/admin/users',
    hidden,
    page(async (req, reply) => usersPage(req, reply, { created: queryFields(req).created === '1' })),
  );

  fastify.post(
    '/admin/users',
    formWith(NewStaffForm),
    page(async (req, reply) => {
      const u = requireUser(req);
      const t = (await ctxOf(req, reply)).t;
      const form = readForm(req, t, NewStaffForm);
      if (!form.ok) return usersPage(req, reply, { values: form.values, errors: form.errors }, 400);
      try {
        await createClinician(mailDeps(), u.actor, requestMeta(req), form.data);
      } catch (e) {
        const refused = refusalProblems(e);
        if (!refused) throw e;
        return usersPage(req, reply, { values: form.values, errors: fieldMessages(t, NewStaffForm, refused) }, e instanceof AppError ? e.status : 400);
      }
      return reply.redirect('/admin/users?created=1', 303);
    }),
  );

  const USER_NOTICES: Record<string, UserNotice> = { role: 'role', deactivated: 'deactivated', unlocked: 'unlocked', link: 'link' };

  async function userPage(req: FastifyRequest, reply: FastifyReply, extra: { notice?: UserNotice; errors?: FieldErrors } = {}, status = 200) {
    const u = requireUser(req);
    const id = accountIdOf(req);
    // The list is the administrator's view of their organisation (authorised and audited there).
    const user = (await usersOfOrganisation(deps(), u.actor, requestMeta(req))).find((x) => x.id === id);
    if (!user) throw new AppError('not-found', 'There is no such account in your organisation.');
    const ctx = await ctxOf(req, reply);
    return send(reply, <UserPage ctx={ctx} csrf={reply.generateCsrf()} user={user} self={user.id === u.actor.userId} {...extra} />, status);
  }

  fastify.get(
    '/admin/users/:id',
    hidden,
    page(async (req, reply) => {
      const n = USER_NOTICES[queryFields(req).done ?? ''];
      return userPage(req, reply, n ? { notice: n } : {});
    }),
  );

  /** An action on one account: done, or the account's page again with what stood in the way. */
  const userAction = <S extends z.ZodType>(what: string, notice: UserNotice, body: PageForm<S>, run: (u: SessionUser, id: string, data: z.output<S>, meta: RequestMeta) => Promise<unknown>) =>
    fastify.post(
      `/admin/users/:id/${what}`,
      formWith(body),
      page(async (req, reply) => {
        const u = requireUser(req);
        const id = accountIdOf(req);
        const t = (await ctxOf(req, reply)).t;
        const form = readForm(req, t, body);
        if (!form.ok) return userPage(req, reply, { errors: form.errors }, 400);
        try {
          await run(u, id, form.data, requestMeta(req));
        } catch (e) {
          const refused = refusalProblems(e);
          if (!refused) throw e;
          const errors = fieldMessages(t, RoleForm, refused);
          return userPage(req, reply, { errors: Object.keys(errors).length > 0 ? errors : { role: t.users.linkActive } }, e instanceof AppError ? e.status : 400);
        }
        return reply.redirect(`/admin/users/${id}?done=${notice}`, 303);
      }),
    );
  const noFields = pageForm({ schema: z.looseObject({}), labels: () => ({}) });
  userAction('role', 'role', RoleForm, (u, id, data, meta) => changeStaffRole(deps(), u.actor, meta, id, data.role));
  userAction('deactivate', 'deactivated', noFields, (u, id, _data, meta) => deactivateStaff(deps(), u.actor, meta, id));
  userAction('unlock', 'unlocked', noFields, (u, id, _data, meta) => unlockStaff(deps(), u.actor, meta, id));
  userAction('activation-link', 'link', noFields, (u, id, _data, meta) => resendActivation(mailDeps(), u.actor, meta, id));

  fastify.get(
    '/admin/audit',
    queryWith(AuditSearchForm),
    page(async (req, reply) => {
      const u = requireUser(req);
      const ctx = await ctxOf(req, reply);
      const search = readForm(req, ctx.t, AuditSearchForm);
      const v = search.values;
      const query = { action: (v.action ?? '').trim(), allowed: v.allowed ?? '', from: (v.from ?? '').trim(), to: (v.to ?? '').trim() };
      if (!search.ok) {
        // Still refuse a non-administrator before showing anything of the form's answer.
        await searchOrganisationAudit(deps(), u.actor, requestMeta(req), { limit: 1, offset: 0 });
        return send(reply, <AuditPage ctx={ctx} query={query} rows={[]} errors={search.errors} />, 400);
      }
      const { action, allowed, from, to } = search.data;
      const rows = await searchOrganisationAudit(deps(), u.actor, requestMeta(req), {
        ...(action ? { action } : {}),
        ...(allowed ? { allowed: allowed === 'true' } : {}),
        ...(from ? { from: dayBound(from, 'start') } : {}),
        ...(to ? { to: dayBound(to, 'end') } : {}),
        limit: 200,
        offset: 0,
      });
      return send(reply, <AuditPage ctx={ctx} query={query} rows={rows} />);
    }),
  );
}
