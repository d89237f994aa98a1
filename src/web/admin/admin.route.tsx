// The administrator's pages: the organisation's accounts, the audit log search and the clinical settings.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  AppError, createClinician, requestMeta, requireUser, searchOrganisationAudit, usersOfOrganisation, changeStaffRole, deactivateStaff, resendActivation, unlockStaff,
  exportOrganisationAudit, parseAuditKey, TooManyToExport, organisationSettings, updateOrganisationSettings, type AuditEntryView, type AuditFilter, type RequestMeta, type SessionUser,
} from '../../api/facade.js';
import type { Messages } from '../i18n/index.js';
import { csvFile } from '../csv.js';
import { roleLabel } from '../components/Patient.js';
import { actionWords, outcomeWords, patientWords, reasonWords, whoWords } from './audit-words.js';
import { z } from 'zod';
import { TIME_ZONE } from '../time-format.js';
import { fieldMessages, pageForm, queryFields, readForm, refusalProblems, typedFromIso, type PageForm } from '../forms.js';
import { AuditSearchForm, NewStaffForm, RoleForm, SettingsForm, settingsOfForm } from './admin.forms.js';
import type { FieldErrors } from '../components/Form.js';
import { idParam, userWhoMay, type PageKit } from '../page-kit.js';
import { OrganisationSettingsPage } from './settings.page.js';
import { AuditPage, UserPage, UsersPage, type AuditQuery, type UserNotice } from './admin.page.js';

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

  // ---- Clinical settings ---------------------------------------------------------------------

  async function settingsPage(req: FastifyRequest, reply: FastifyReply, extra: { values?: Record<string, string>; errors?: FieldErrors; saved?: boolean }, status = 200) {
    const u = requireUser(req);
    const settings = await organisationSettings(deps(), u.actor, requestMeta(req));
    const ctx = await ctxOf(req, reply);
    return send(reply, <OrganisationSettingsPage ctx={ctx} csrf={reply.generateCsrf()} settings={settings} {...extra} />, status);
  }

  fastify.get('/admin/settings', hidden, page(async (req, reply) => settingsPage(req, reply, { saved: queryFields(req).saved === '1' })));

  fastify.post(
    '/admin/settings',
    formWith(SettingsForm),
    page(async (req, reply) => {
      // Refused before the form is read: someone else's mistakes are not shown back to them.
      const u = userWhoMay(req, 'settings.manage');
      const t = (await ctxOf(req, reply)).t;
      const form = readForm(req, t, SettingsForm);
      if (!form.ok) return settingsPage(req, reply, { values: form.values, errors: form.errors }, 400);
      try {
        await updateOrganisationSettings(deps(), u.actor, requestMeta(req), settingsOfForm(form.data));
      } catch (e) {
        const refused = refusalProblems(e);
        if (!refused) throw e;
        return settingsPage(req, reply, { values: form.values, errors: fieldMessages(t, SettingsForm, refused) }, e instanceof AppError ? e.status : 400);
      }
      return reply.redirect('/admin/settings?saved=1', 303);
    }),
  );

  // ---- Audit log -----------------------------------------------------------------------------

  /** The search as typed, read and checked: the filter for the use case, or the fields' errors. */
  function auditSearch(req: FastifyRequest, t: Messages) {
    const form = readForm(req, t, AuditSearchForm);
    const v = form.values;
    const query: AuditQuery = {
      person: (v.person ?? '').trim(), patient: (v.patient ?? '').trim(), action: v.action ?? '', allowed: v.allowed ?? '', from: typedFromIso((v.from ?? '').trim()), to: typedFromIso((v.to ?? '').trim()),
    };
    if (!form.ok) return { ok: false as const, query, errors: form.errors };
    const { person, patient, action, allowed, from, to, before, after } = form.data;
    if (from && to && to < from) return { ok: false as const, query, errors: { to: t.audit.toBeforeFrom } };
    const filter: AuditFilter = {
      person, patientCode: patient, action, allowed: allowed === undefined ? undefined : allowed === 'true',
      from: from ? dayBound(from, 'start') : undefined, to: to ? dayBound(to, 'end') : undefined,
    };
    // The paging links' place in the log; one that is not a place starts at the newest.
    return { ok: true as const, query, filter, before: before ? parseAuditKey(before) : undefined, after: after ? parseAuditKey(after) : undefined };
  }

  /** The search's own address with one more pair (`before`, `after`), for links. */
  const auditHref = (path: string, query: AuditQuery, extra: Record<string, string> = {}) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...query, ...extra })) if (v !== '') q.set(k, v);
    const s = q.toString();
    return s ? `${path}?${s}` : path;
  };

  async function auditPage(req: FastifyRequest, reply: FastifyReply, extraErrors: FieldErrors = {}) {
    const u = requireUser(req);
    const ctx = await ctxOf(req, reply);
    const search = auditSearch(req, ctx.t);
    if (!search.ok) {
      // Still refuse a non-administrator before showing anything of the form's answer.
      await searchOrganisationAudit(deps(), u.actor, requestMeta(req), {}, { limit: 1 });
      return send(reply, <AuditPage ctx={ctx} query={search.query} results={undefined} errors={search.errors} />, 400);
    }
    const found = await searchOrganisationAudit(deps(), u.actor, requestMeta(req), search.filter, { limit: AUDIT_PAGE, before: search.before, after: search.after });
    const results = {
      rows: found.entries, total: found.total, first: found.position,
      newerHref: found.newer ? auditHref('/admin/audit', search.query, { after: found.newer }) : undefined,
      olderHref: found.older ? auditHref('/admin/audit', search.query, { before: found.older }) : undefined,
      newestHref: found.position > AUDIT_PAGE + 1 ? auditHref('/admin/audit', search.query) : undefined,
      downloadHref: auditHref('/admin/audit/download', search.query),
    };
    const errors = { ...extraErrors };
    return send(reply, <AuditPage ctx={ctx} query={search.query} results={results} errors={errors} />, Object.keys(errors).length > 0 ? 400 : 200);
  }

  fastify.get('/admin/audit', queryWith(AuditSearchForm), page(async (req, reply) => auditPage(req, reply)));

  fastify.get(
    '/admin/audit/download',
    queryWith(AuditSearchForm),
    page(async (req, reply) => {
      const u = requireUser(req);
      const ctx = await ctxOf(req, reply);
      const search = auditSearch(req, ctx.t);
      // A search with mistakes goes back to the page, which shows them next to the fields.
      if (!search.ok) return reply.redirect(auditHref('/admin/audit', search.query), 303);
      let rows: AuditEntryView[];
      try {
        rows = await exportOrganisationAudit(deps(), u.actor, requestMeta(req), search.filter);
      } catch (e) {
        if (!(e instanceof TooManyToExport)) throw e;
        const n = (x: number) => x.toLocaleString(ctx.lang === 'nl' ? 'nl-NL' : 'en-GB');
        return auditPage(req, reply, { download: ctx.t.audit.tooMany(n(e.total), n(e.max)) });
      }
      const t = ctx.t;
      const a = t.audit;
      const table = [
        [a.when, a.who, a.role, a.action, a.patient, a.outcome, a.reason, a.resource, a.requestId, a.client],
        ...rows.map((r) => [
          csvTime(r.at), whoWords(t, r), r.role ? roleLabel(t, r.role) : '', actionWords(t, r.action), patientWords(t, r), outcomeWords(t, r), reasonWords(t, r.reason),
          r.resource, r.requestId ?? '', r.clientIp ?? '',
        ]),
      ];
      const day = csvTime(new Date().toISOString()).slice(0, 10).split('-').reverse().join('-');
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${ctx.lang === 'nl' ? 'logboek' : 'audit-log'}-${day}.csv"`)
        .header('cache-control', 'no-store')
        .send(csvFile(table, ctx.lang === 'nl' ? ';' : ','));
    }),
  );
}

/** Entries on one page of the audit search. */
const AUDIT_PAGE = 50;

/** A time for a spreadsheet, in Dutch time and to the second: 07-12-2026 14:03:27. */
function csvTime(iso: string): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(iso))
      .map((x) => [x.type, x.value]),
  );
  return `${p.day ?? ''}-${p.month ?? ''}-${p.year ?? ''} ${p.hour ?? ''}:${p.minute ?? ''}:${p.second ?? ''}`;
}
