// Signing in and out, keeping a form across a sign-in, account activation and password reset.
// Every form is a plain POST with a CSRF token that redirects on success (303) and renders the same
// page with its errors on failure.
import type { FastifyInstance } from 'fastify';
import {
  AppError, sessionToken, takeForm, activateAccount, authDeps, clearSessionCookie, confirmPasswordReset, requestMeta, requestPasswordReset, setSessionCookie, signIn,
  signOut, throttleResetRequest, type SessionUser,
} from '../../api/facade.js';
import { ResetConfirm } from '../../schema/account.schema.js';
import { clockTime } from '../time-format.js';
import { startPage } from '../menus.js';
import { fieldMessages, localPath, queryFields, readForm, refusalProblems } from '../forms.js';
import { ActivationForm, ResetConfirmForm, ResetRequestForm, SignInForm } from './accounts.forms.js';
import type { FieldErrors } from '../components/Form.js';
import { type PageKit } from '../page-kit.js';
import { ActivatePage, KEPT_REF, KeptInputPage, PasswordResetConfirmPage, PasswordResetPage, type KeptInput, type SignInNotice } from './sign-in.page.js';

/**
 * Where a signed-in user goes from the sign-in page: back to the page that sent them, unless that is
 * the public start page (in any spelling: a query or an anchor, or a return that localPath() turned
 * into it), which says nothing to someone signed in; then the role's own start page.
 */
function landing(returnTo: string | undefined, actor: SessionUser['actor']): string {
  if (!returnTo || new URL(returnTo, 'http://botpad.invalid').pathname === '/') return startPage(actor.role, actor.organisationKind);
  return returnTo;
}

export function registerAccountPages(fastify: FastifyInstance, kit: PageKit): void {
  const { hidden, form, formWith, deps, mailDeps, ctxOf, send, page, signInPage } = kit;

  // ---- Signing in and out -------------------------------------------------------------------

  fastify.get(
    '/sign-in',
    hidden,
    page(async (req, reply) => {
      const q = queryFields(req);
      const returnTo = q.return ? localPath(q.return) : undefined;
      if (req.user && !q.notice) return reply.redirect(landing(returnTo, req.user.actor), 303);
      const notices: readonly SignInNotice[] = ['signed-out', 'activated', 'password-changed'];
      const notice = notices.find((n) => n === q.notice) ?? (returnTo ? 'needed' : undefined);
      return signInPage(req, reply, 200, { ...(notice ? { notice } : {}), ...(returnTo ? { returnTo } : {}) });
    }),
  );

  fastify.post(
    '/sign-in',
    formWith(SignInForm),
    page(async (req, reply) => {
      const ctx = await ctxOf(req, reply);
      const t = ctx.t;
      const form = readForm(req, t, SignInForm);
      const ref = form.values[KEPT_REF];
      const keptRef = ref && ref.length <= 100 ? ref : undefined;
      const returnTo = form.values.return ? localPath(form.values.return) : undefined;
      const again = { email: form.values.email ?? '', shift: form.values.shift === 'yes', ...(keptRef ? { keptRef, notice: 'kept' as const } : {}), ...(returnTo ? { returnTo } : {}) };
      if (!form.ok) return signInPage(req, reply, 400, { ...again, errors: form.errors });
      let user: SessionUser;
      try {
        const r = await signIn(authDeps(fastify), form.data.email, form.data.password, requestMeta(req), { shift: form.data.shift === 'yes' });
        setSessionCookie(fastify, reply, r.token);
        user = r.user;
      } catch (e) {
        if (e instanceof AppError && e.code === 'too-many-requests') {
          const locked = e.retryAt ? clockTime(ctx.lang, e.retryAt.toISOString()) : '';
          return signInPage(req, reply, 429, { ...again, locked });
        }
        if (e instanceof AppError && e.code === 'unauthenticated') {
          return signInPage(req, reply, 401, { ...again, errors: { email: t.signIn.wrong } });
        }
        throw e;
      }
      // The page below belongs to the new session: its header, menu and token.
      req.user = user;
      const taken = keptRef ? await takeForm(authDeps(fastify), keptRef, user.actor.userId) : undefined;
      const kept: KeptInput | undefined = taken && localPath(taken.action) !== '/' ? { action: localPath(taken.action), pairs: taken.pairs } : undefined;
      if (kept) {
        const next = await ctxOf(req, reply);
        return send(reply, <KeptInputPage ctx={next} csrf={reply.generateCsrf()} kept={kept} startHref={startPage(user.actor.role, user.actor.organisationKind)} />);
      }
      return reply.redirect(landing(returnTo, user.actor), 303);
    }),
  );

  fastify.post('/sign-out', form, async (req, reply) => {
    await signOut(authDeps(fastify), sessionToken(req), req.user?.actor, requestMeta(req));
    clearSessionCookie(fastify, reply);
    return reply.redirect('/sign-in?notice=signed-out', 303);
  });

  // ---- Account set-up and password reset ----------------------------------------------------

  fastify.get(
    '/activate',
    hidden,
    page(async (req, reply) => {
      // The link in a staff member's e-mail carries the code: the form opens with it filled in.
      const code = queryFields(req).code ?? '';
      const values = /^[A-Za-z0-9-]{6,40}$/.test(code) ? { code } : undefined;
      return send(reply, <ActivatePage ctx={await ctxOf(req, reply)} csrf={reply.generateCsrf()} {...(values ? { values } : {})} />);
    }),
  );

  fastify.post(
    '/activate',
    formWith(ActivationForm),
    page(async (req, reply) => {
      const ctx = await ctxOf(req, reply);
      const t = ctx.t;
      const form = readForm(req, t, ActivationForm);
      const values = { code: form.values.code ?? '', email: form.values.email ?? '' };
      const again = (errors: FieldErrors, status = 400) =>
        send(reply, <ActivatePage ctx={ctx} csrf={reply.generateCsrf()} values={values} errors={errors} />, status);
      if (!form.ok) return again(form.errors);
      const { password2: _same, ...activation } = form.data;
      try {
        await activateAccount(deps(), requestMeta(req), activation);
      } catch (e) {
        if (e instanceof AppError && e.code === 'too-many-requests') return again({ code: t.activate.tooMany }, 429);
        const refused = refusalProblems(e);
        if (!refused) throw e;
        return again(fieldMessages(t, ActivationForm, refused), e instanceof AppError ? e.status : 400);
      }
      return reply.redirect('/sign-in?notice=activated', 303);
    }),
  );

  fastify.get(
    '/password-reset',
    hidden,
    page(async (req, reply) => {
      const sent = queryFields(req).sent === '1';
      return send(reply, <PasswordResetPage ctx={await ctxOf(req, reply)} csrf={reply.generateCsrf()} sent={sent} />);
    }),
  );

  fastify.post(
    '/password-reset',
    formWith(ResetRequestForm),
    page(async (req, reply) => {
      const ctx = await ctxOf(req, reply);
      const form = readForm(req, ctx.t, ResetRequestForm);
      const email = form.values.email ?? '';
      if (!form.ok) return send(reply, <PasswordResetPage ctx={ctx} csrf={reply.generateCsrf()} email={email} errors={form.errors} />, 400);
      const meta = requestMeta(req);
      try {
        await throttleResetRequest(deps(), meta, form.data.email);
      } catch (e) {
        if (!(e instanceof AppError) || e.code !== 'too-many-requests') throw e;
        return send(reply, <PasswordResetPage ctx={ctx} csrf={reply.generateCsrf()} email={email} errors={{ email: ctx.t.reset.tooMany }} />, 429);
      }
      fastify.later(() => requestPasswordReset(mailDeps(), meta, form.data.email));
      // The same answer, equally fast, whether or not the address is known (the lookup and the mail
      // happen after it), so the form tells nobody who has an account.
      return reply.redirect('/password-reset?sent=1', 303);
    }),
  );

  fastify.get(
    '/password-reset/confirm',
    hidden,
    page(async (req, reply) => {
      const token = queryFields(req).token ?? '';
      const ok = ResetConfirm.shape.token.safeParse(token).success;
      return send(reply, <PasswordResetConfirmPage ctx={await ctxOf(req, reply)} csrf={reply.generateCsrf()} token={token} badLink={!ok} />, ok ? 200 : 400);
    }),
  );

  fastify.post(
    '/password-reset/confirm',
    formWith(ResetConfirmForm),
    page(async (req, reply) => {
      const ctx = await ctxOf(req, reply);
      const form = readForm(req, ctx.t, ResetConfirmForm);
      const token = form.values.token ?? '';
      const again = (errors: FieldErrors, { badLink }: { badLink: boolean }) =>
        send(reply, <PasswordResetConfirmPage ctx={ctx} csrf={reply.generateCsrf()} token={token} errors={errors} badLink={badLink} />, 400);
      if (!form.ok) return again(form.errors, { badLink: form.invalid.has('token') });
      try {
        await confirmPasswordReset(deps(), requestMeta(req), form.data.token, form.data.password);
      } catch (e) {
        if (refusalProblems(e)?.some((p) => p.field === 'token')) return again({}, { badLink: true });
        throw e;
      }
      return reply.redirect('/sign-in?notice=password-changed', 303);
    }),
  );

}
