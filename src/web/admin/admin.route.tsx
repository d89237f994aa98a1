// The administrator's pages: the organisation's accounts and the audit log search.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  AppError, createClinician, requestMeta, requireUser, searchOrganisationAudit, usersOfOrganisation, changeStaffRole, deactivateStaff, resendActivation, unlockStaff,
  type SessionUser,
} from '../../api/facade.js';
import { NewClinician, RoleChange } from '../../schema/account.schema.js';
import { issuesToErrors } from '../../schema/problem.js';
import { textProblem } from '../../schema/text.js';
import { isoDate } from '../../core/time/date.js';
import { TIME_ZONE } from '../context.js';
import { fieldErrors, formFields, queryFields, isoFromTyped, pick, problemsOf, type FieldSpec } from '../forms.js';
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
function dayBound(ymd: string, end: boolean): string {
  // Clocks change at 02:00/03:00 local time, so 00:00Z still has the offset of local midnight and
  // 21:00Z that of the day's end.
  const offset = amsterdamOffset(new Date(`${ymd}T${end ? '21' : '00'}:00:00Z`));
  return `${ymd}T${end ? '23:59:59.999' : '00:00:00'}${offset}`;
}

// A real calendar day in the years a record may hold: Date would roll 31-11 over to 1 December.

// A real calendar day in the years a record may hold: Date would roll 31-11 over to 1 December.
const isDay = (v: string) => isoDate.safeParse(v).success;

export function registerAdminPages(fastify: FastifyInstance, kit: PageKit): void {
  const { hidden, form, deps, mailDeps, ctxOf, send, page } = kit;

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
    form,
    page(async (req, reply) => {
      const u = requireUser(req);
      const t = (await ctxOf(req, reply)).t;
      const f = formFields(req);
      const values = pick(f, ['role', 'displayName', 'email']);
      const specs: Record<string, FieldSpec> = {
        role: { label: t.users.role, kind: 'choice' },
        displayName: { label: t.users.displayName },
        email: { label: t.users.email, kind: 'email' },
      };
      const parsed = NewClinician.safeParse({ ...pick(f, ['role', 'displayName']), email: (f.email ?? '').trim() });
      if (!parsed.success) {
        const errors = fieldErrors(t, specs, issuesToErrors(parsed.error.issues));
        if (errors.email && (f.email ?? '').trim() === '') errors.email = t.form.required(t.users.email);
        return usersPage(req, reply, { values, errors }, 400);
      }
      try {
        await createClinician(mailDeps(), u.actor, requestMeta(req), parsed.data);
      } catch (e) {
        const problems = problemsOf(e);
        if (!problems) throw e;
        return usersPage(req, reply, { values, errors: fieldErrors(t, specs, problems) }, e instanceof AppError ? e.status : 400);
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

  const userAction = (what: string, notice: UserNotice, run: (u: SessionUser, id: string, f: Record<string, string>, meta: ReturnType<typeof requestMeta>) => Promise<unknown>) =>
    fastify.post(
      `/admin/users/:id/${what}`,
      form,
      page(async (req, reply) => {
        const u = requireUser(req);
        const id = accountIdOf(req);
        try {
          await run(u, id, formFields(req), requestMeta(req));
        } catch (e) {
          const problems = problemsOf(e);
          if (!problems) throw e;
          const t = (await ctxOf(req, reply)).t;
          const errors = fieldErrors(t, { role: { label: t.users.role, kind: 'choice' } }, problems);
          return userPage(req, reply, { errors: Object.keys(errors).length > 0 ? errors : { role: t.users.linkActive } }, e instanceof AppError ? e.status : 400);
        }
        return reply.redirect(`/admin/users/${id}?done=${notice}`, 303);
      }),
    );
  userAction('role', 'role', async (u, id, f, meta) => {
    const parsed = RoleChange.safeParse(pick(f, ['role']));
    if (!parsed.success) throw new AppError('invalid-input', 'Choose a role.', issuesToErrors(parsed.error.issues));
    await changeStaffRole(deps(), u.actor, meta, id, parsed.data.role);
  });
  userAction('deactivate', 'deactivated', (u, id, _f, meta) => deactivateStaff(deps(), u.actor, meta, id));
  userAction('unlock', 'unlocked', (u, id, _f, meta) => unlockStaff(deps(), u.actor, meta, id));
  userAction('activation-link', 'link', (u, id, _f, meta) => resendActivation(mailDeps(), u.actor, meta, id));

  fastify.get(
    '/admin/audit',
    hidden,
    page(async (req, reply) => {
      const u = requireUser(req);
      const ctx = await ctxOf(req, reply);
      const t = ctx.t;
      const q = queryFields(req);
      const query = { action: (q.action ?? '').trim(), allowed: q.allowed ?? '', from: (q.from ?? '').trim(), to: (q.to ?? '').trim() };
      const from = isoFromTyped(query.from);
      const to = isoFromTyped(query.to);
      const errors: FieldErrors = {};
      if (query.action.length > 60) errors.action = t.form.tooLong(t.audit.action);
      else if (textProblem(query.action) !== undefined) errors.action = t.form.badCharacters(t.audit.action);
      if (query.allowed !== '' && query.allowed !== 'true' && query.allowed !== 'false') errors.allowed = t.form.choose(t.audit.allowed);
      if (query.from && !isDay(from)) errors.from = t.form.date(t.audit.from);
      if (query.to && !isDay(to)) errors.to = t.form.date(t.audit.to);
      if (Object.keys(errors).length > 0) {
        // Still refuse a non-administrator before showing anything of the form's answer.
        await searchOrganisationAudit(deps(), u.actor, requestMeta(req), { limit: 1, offset: 0 });
        return send(reply, <AuditPage ctx={ctx} query={query} rows={[]} errors={errors} />, 400);
      }
      const rows = await searchOrganisationAudit(deps(), u.actor, requestMeta(req), {
        ...(query.action ? { action: query.action } : {}),
        ...(query.allowed ? { allowed: query.allowed === 'true' } : {}),
        ...(query.from ? { from: dayBound(from, false) } : {}),
        ...(query.to ? { to: dayBound(to, true) } : {}),
        limit: 200,
        offset: 0,
      });
      return send(reply, <AuditPage ctx={ctx} query={query} rows={rows} />);
    }),
  );
}
