// "Who may act for me": the patient's pages for who may look along (/me/caregivers, the invitation
// form, ending a link or an invitation) and for who else looked (/me/access-log); the caregiver's
// view of that log for the person they look after (/care/:id/access-log); and the page a mailed
// invitation opens (/caregiver-invitation), where its holder takes it, signed in or with a new account.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  AppError, MY_ACCESS_LOG_PAGE, acceptInvitation, acceptWithNewAccount, authDeps, inviteCaregiver, myAccessLog, myCaregivers, openInvitation, othersAccessLog,
  removeMyCaregiver, requestMeta, requireUser, setSessionCookie, signIn,
} from '../../api/facade.js';
import { AccessLogListKey } from '../../schema/patient.schema.js';
import { InvitationToken } from '../../schema/caregiver-invite.schema.js';
import { decodeCursor } from '../../schema/paging.js';
import { queryFields, readForm } from '../forms.js';
import type { FieldErrors } from '../components/Form.js';
import { idParam, isUuid, userOfMenuPage, type PageKit } from '../page-kit.js';
import type { Messages } from '../i18n/index.js';
import { InvitationAcceptForm, InvitationAccountForm, InviteForm } from './caregivers.forms.js';
import { InvitationPage, InvitePage, MyAccessLogPage, MyCaregiversPage, type CaregiversNotice, type InvitationRefusal } from './caregivers.page.js';

const NOTICES: readonly CaregiversNotice[] = ['sent', 'stopped', 'cancelled'];

/** The field and words for a refused invitation, by the problem's code; undefined: not such a refusal. */
function inviteRefusal(t: Messages, e: unknown): FieldErrors | undefined {
  if (!(e instanceof AppError)) return undefined;
  const p = t.caregiverInvites.problems;
  if (e.code === 'too-many-requests') return { email: p.tooMany };
  const first = e.errors[0];
  if (!first) return undefined;
  const words = (p as Record<string, string>)[first.code ?? ''];
  if (first.pointer === '/email') return { email: words ?? t.form.invalid(t.caregiverInvites.email) };
  if (first.pointer === '/relation') return { relation: words ?? p.relation };
  return undefined;
}

/** The refusal of a mailed invitation as the page words it; undefined: some other error. */
function invitationRefusal(t: Messages, e: unknown): InvitationRefusal | undefined {
  if (!(e instanceof AppError)) return undefined;
  const code = e.errors.find((x) => x.pointer === '/token')?.code;
  return code !== undefined && code in t.caregiverInvites.refused ? (code as InvitationRefusal) : undefined;
}

export function registerCaregiverPages(fastify: FastifyInstance, kit: PageKit): void {
  const { hidden, form, formWith, deps, mailDeps, ctxOf, send, page } = kit;

  fastify.get(
    '/me/caregivers',
    hidden,
    page(async (req, reply) => {
      const u = userOfMenuPage(req, '/me');
      const data = await myCaregivers(deps(), u.actor, requestMeta(req));
      const notice = NOTICES.find((n) => n === queryFields(req).notice);
      return send(reply, <MyCaregiversPage ctx={await ctxOf(req, reply)} data={data} csrf={reply.generateCsrf()} notice={notice} />);
    }),
  );

  fastify.get(
    '/me/caregivers/invite',
    hidden,
    page(async (req, reply) => {
      userOfMenuPage(req, '/me');
      return send(reply, <InvitePage ctx={await ctxOf(req, reply)} csrf={reply.generateCsrf()} />);
    }),
  );

  fastify.post(
    '/me/caregivers/invite',
    formWith(InviteForm),
    page(async (req, reply) => {
      const u = userOfMenuPage(req, '/me');
      const ctx = await ctxOf(req, reply);
      const f = readForm(req, ctx.t, InviteForm);
      const again = (errors: FieldErrors, status: number) => send(reply, <InvitePage ctx={ctx} csrf={reply.generateCsrf()} values={f.values} errors={errors} />, status);
      if (!f.ok) return again(f.errors, 400);
      try {
        await inviteCaregiver(mailDeps(), u.actor, requestMeta(req), f.data);
      } catch (e) {
        const errors = inviteRefusal(ctx.t, e);
        if (!errors || !(e instanceof AppError)) throw e;
        return again(errors, e.status);
      }
      return reply.redirect('/me/caregivers?notice=sent', 303);
    }),
  );

  // Ends a link or withdraws an invitation: one button, no reason asked, at once.
  fastify.post(
    '/me/caregivers/:linkId/remove',
    form,
    page(async (req, reply) => {
      const u = userOfMenuPage(req, '/me');
      const linkId = (req.params as { linkId?: string }).linkId ?? '';
      if (!isUuid(linkId)) throw new AppError('not-found', 'Nobody with this id looks along with your record.');
      const what = await removeMyCaregiver(deps(), u.actor, requestMeta(req), linkId);
      return reply.redirect(`/me/caregivers?notice=${what === 'link' ? 'stopped' : 'cancelled'}`, 303);
    }),
  );

  /** The cursor of a log page's link; one that is not ours (edited by hand) shows the newest page. */
  const cursorOf = (req: FastifyRequest) => {
    const typed = queryFields(req).cursor;
    return typed === undefined ? undefined : decodeCursor(typed, AccessLogListKey);
  };

  fastify.get(
    '/me/access-log',
    hidden,
    page(async (req, reply) => {
      const u = userOfMenuPage(req, '/me');
      const log = await myAccessLog(deps(), u.actor, requestMeta(req), { limit: MY_ACCESS_LOG_PAGE, cursor: cursorOf(req) });
      return send(reply, <MyAccessLogPage ctx={await ctxOf(req, reply)} entries={log.entries} older={log.olderCursor} newer={log.newerCursor} backHref="/me" />);
    }),
  );

  fastify.get(
    '/care/:id/access-log',
    hidden,
    page(async (req, reply) => {
      const u = userOfMenuPage(req, '/care');
      const id = idParam(req, 'There is no patient with this id.');
      const log = await othersAccessLog(deps(), u.actor, requestMeta(req), id, { limit: MY_ACCESS_LOG_PAGE, cursor: cursorOf(req) });
      return send(
        reply,
        <MyAccessLogPage ctx={await ctxOf(req, reply)} entries={log.entries} older={log.olderCursor} newer={log.newerCursor} patientName={log.patientName} backHref="/care" />,
      );
    }),
  );

  /** The page of a mailed invitation: what it is for, or why it cannot be used. */
  async function invitationPage(req: FastifyRequest, reply: FastifyReply, token: string, extra: { values?: Record<string, string>; errors?: FieldErrors; refusal?: InvitationRefusal } = {}) {
    const ctx = await ctxOf(req, reply);
    const signedIn = req.user !== undefined;
    const show = (status: number, preview: Parameters<typeof InvitationPage>[0]['preview'], refusal?: InvitationRefusal) =>
      send(reply, <InvitationPage ctx={ctx} csrf={reply.generateCsrf()} token={token} preview={preview} refusal={refusal} signedIn={signedIn} values={extra.values ?? {}} errors={extra.errors ?? {}} />, status);
    if (extra.refusal) return show(extra.refusal === 'invitation-other-account' || extra.refusal === 'invitation-address-has-account' ? 409 : 400, null, extra.refusal);
    if (!InvitationToken.safeParse(token).success) return show(400, null, 'invitation-unknown');
    try {
      const preview = await openInvitation(deps(), req.user?.actor ?? null, requestMeta(req), token);
      return show(extra.errors ? 400 : 200, preview);
    } catch (e) {
      const refusal = invitationRefusal(ctx.t, e);
      if (!refusal || !(e instanceof AppError)) throw e;
      return show(e.status, null, refusal);
    }
  }

  fastify.get(
    '/caregiver-invitation',
    hidden,
    page(async (req, reply) => invitationPage(req, reply, queryFields(req).token ?? '')),
  );

  fastify.post(
    '/caregiver-invitation/accept',
    formWith(InvitationAcceptForm),
    page(async (req, reply) => {
      const u = requireUser(req);
      const ctx = await ctxOf(req, reply);
      const f = readForm(req, ctx.t, InvitationAcceptForm);
      if (!f.ok) return invitationPage(req, reply, '', { refusal: 'invitation-unknown' });
      try {
        await acceptInvitation(deps(), u.actor, requestMeta(req), f.data.token);
      } catch (e) {
        const refusal = invitationRefusal(ctx.t, e);
        if (!refusal) throw e;
        return invitationPage(req, reply, f.data.token, { refusal });
      }
      return reply.redirect('/care?notice=linked', 303);
    }),
  );

  fastify.post(
    '/caregiver-invitation/account',
    formWith(InvitationAccountForm),
    page(async (req, reply) => {
      const ctx = await ctxOf(req, reply);
      const f = readForm(req, ctx.t, InvitationAccountForm);
      const token = f.values.token ?? '';
      const values = { displayName: f.values.displayName ?? '' };
      if (!f.ok) return invitationPage(req, reply, token, { values, errors: f.errors });
      const meta = requestMeta(req);
      let email: string;
      try {
        email = (await acceptWithNewAccount(deps(), meta, f.data)).email;
      } catch (e) {
        const refusal = invitationRefusal(ctx.t, e);
        if (!refusal) throw e;
        return invitationPage(req, reply, token, { refusal });
      }
      // The new account is signed in at once, as any sign-in (audited, its own session).
      const r = await signIn(authDeps(fastify), email, f.data.password, meta);
      setSessionCookie(fastify, reply, r.token);
      return reply.redirect('/care?notice=linked', 303);
    }),
  );
}
