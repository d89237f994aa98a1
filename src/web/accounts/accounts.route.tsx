// Signing in and out, keeping a form across a sign-in, account activation and password reset.
// Every form is a plain POST with a CSRF token that redirects on success (303) and renders the same
// page with its errors on failure.
import type { FastifyInstance } from 'fastify';
import {
  AppError, sessionToken, takeForm, activateAccount, authDeps, clearSessionCookie, confirmPasswordReset, requestMeta, requestPasswordReset, setSessionCookie, signIn,
  signOut, throttleResetRequest, type SessionUser,
} from '../../api/facade.js';
import { Activation, ResetConfirm, ResetRequest, SignIn } from '../../schema/account.schema.js';
import { issuesToErrors, type ProblemError } from '../../schema/problem.js';
import { clockTime, startPage } from '../context.js';
import { dropEmpty, fieldErrors, formFields, queryFields, localPath, pick, problemsOf, type FieldSpec } from '../forms.js';
import type { FieldErrors } from '../components/Form.js';
import { type PageKit } from '../page-kit.js';
import { ActivatePage, KEPT_REF, KeptInputPage, PasswordResetConfirmPage, PasswordResetPage, type KeptInput, type SignInNotice } from './sign-in.page.js';

export function registerAccountPages(fastify: FastifyInstance, kit: PageKit): void {
  const { hidden, form, deps, mailDeps, ctxOf, send, page, signInPage } = kit;

  // ---- Signing in and out -------------------------------------------------------------------

  fastify.get(
    '/sign-in',
    hidden,
    page(async (req, reply) => {
      const q = queryFields(req);
      const returnTo = q.return ? localPath(q.return) : undefined;
      if (req.user && !q.notice) return reply.redirect(returnTo ?? startPage(req.user.actor.role), 303);
      const notices: readonly SignInNotice[] = ['signed-out', 'activated', 'password-changed'];
      const notice = notices.find((n) => n === q.notice) ?? (returnTo ? 'needed' : undefined);
      return signInPage(req, reply, 200, { ...(notice ? { notice } : {}), ...(returnTo ? { returnTo } : {}) });
    }),
  );

  fastify.post(
    '/sign-in',
    form,
    page(async (req, reply) => {
      const ctx = await ctxOf(req, reply);
      const t = ctx.t;
      const f = formFields(req);
      const keptRef = f[KEPT_REF] && f[KEPT_REF].length <= 100 ? f[KEPT_REF] : undefined;
      const returnTo = f.return ? localPath(f.return) : undefined;
      const again = { email: f.email ?? '', ...(keptRef ? { keptRef, notice: 'kept' as const } : {}), ...(returnTo ? { returnTo } : {}) };

      const parsed = SignIn.safeParse(pick(f, ['email', 'password']));
      if (!parsed.success) {
        const specs = { email: { label: t.signIn.email, kind: 'email' as const }, password: { label: t.signIn.password, kind: 'password' as const } };
        return signInPage(req, reply, 400, { ...again, errors: fieldErrors(t, specs, issuesToErrors(parsed.error.issues)) });
      }
      let user: SessionUser;
      try {
        const r = await signIn(authDeps(fastify), parsed.data.email, parsed.data.password, requestMeta(req));
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
        return send(reply, <KeptInputPage ctx={next} csrf={reply.generateCsrf()} kept={kept} startHref={startPage(user.actor.role)} />);
      }
      return reply.redirect(returnTo && returnTo !== '/' ? returnTo : startPage(user.actor.role), 303);
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
    form,
    page(async (req, reply) => {
      const ctx = await ctxOf(req, reply);
      const t = ctx.t;
      const f = formFields(req);
      const values = pick(f, ['code', 'email']);
      const specs: Record<string, FieldSpec> = {
        code: { label: t.activate.code },
        email: { label: t.activate.email, kind: 'email' },
        password: { label: t.activate.password, kind: 'password' },
        password2: { label: t.activate.password2, kind: 'password' },
      };
      const again = (errors: FieldErrors, status = 400) =>
        send(reply, <ActivatePage ctx={ctx} csrf={reply.generateCsrf()} values={values} errors={errors} />, status);
      const parsed = Activation.safeParse(dropEmpty(pick(f, ['code', 'email', 'password'])));
      const problems: ProblemError[] = parsed.success ? [] : issuesToErrors(parsed.error.issues);
      if ((f.password2 ?? '') === '') problems.push({ pointer: '/password2', detail: 'is required' });
      const errors = fieldErrors(t, specs, problems);
      if (errors.code && (f.code ?? '').trim() !== '') errors.code = t.activate.badCode;
      if (!errors.password && !errors.password2 && f.password !== f.password2) errors.password2 = t.form.passwordsDiffer;
      if (!parsed.success || Object.keys(errors).length > 0) return again(errors);
      try {
        await activateAccount(deps(), requestMeta(req), parsed.data);
      } catch (e) {
        if (e instanceof AppError && e.code === 'too-many-requests') return again({ code: t.activate.tooMany }, 429);
        const p = problemsOf(e);
        if (!p) throw e;
        const errs = fieldErrors(t, specs, p);
        if (errs.code) errs.code = t.activate.badCode;
        return again(errs, e instanceof AppError ? e.status : 400);
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
    form,
    page(async (req, reply) => {
      const ctx = await ctxOf(req, reply);
      const f = formFields(req);
      const parsed = ResetRequest.safeParse({ email: (f.email ?? '').trim() });
      if (!parsed.success) {
        const errors = fieldErrors(ctx.t, { email: { label: ctx.t.reset.email, kind: 'email' } }, issuesToErrors(parsed.error.issues));
        if ((f.email ?? '').trim() === '') errors.email = ctx.t.form.required(ctx.t.reset.email);
        return send(reply, <PasswordResetPage ctx={ctx} csrf={reply.generateCsrf()} email={f.email ?? ''} errors={errors} />, 400);
      }
      const meta = requestMeta(req);
      try {
        await throttleResetRequest(deps(), meta, parsed.data.email);
      } catch (e) {
        if (!(e instanceof AppError) || e.code !== 'too-many-requests') throw e;
        return send(reply, <PasswordResetPage ctx={ctx} csrf={reply.generateCsrf()} email={f.email ?? ''} errors={{ email: ctx.t.reset.tooMany }} />, 429);
      }
      fastify.later(() => requestPasswordReset(mailDeps(), meta, parsed.data.email));
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
    form,
    page(async (req, reply) => {
      const ctx = await ctxOf(req, reply);
      const t = ctx.t;
      const f = formFields(req);
      const token = f.token ?? '';
      const again = (errors: FieldErrors, badLink = false) =>
        send(reply, <PasswordResetConfirmPage ctx={ctx} csrf={reply.generateCsrf()} token={token} errors={errors} badLink={badLink} />, 400);
      const specs: Record<string, FieldSpec> = {
        password: { label: t.activate.password, kind: 'password' },
        password2: { label: t.activate.password2, kind: 'password' },
      };
      const parsed = ResetConfirm.safeParse({ token, password: f.password ?? '' });
      const problems = parsed.success ? [] : issuesToErrors(parsed.error.issues);
      if ((f.password2 ?? '') === '') problems.push({ pointer: '/password2', detail: 'is required' });
      const errors = fieldErrors(t, specs, problems);
      if (!errors.password && !errors.password2 && f.password !== f.password2) errors.password2 = t.form.passwordsDiffer;
      const badLink = problems.some((p) => p.pointer === '/token');
      if (!parsed.success || Object.keys(errors).length > 0) return again(errors, badLink);
      try {
        await confirmPasswordReset(deps(), requestMeta(req), parsed.data.token, parsed.data.password);
      } catch (e) {
        if (problemsOf(e)?.some((p) => p.pointer === '/token')) return again({}, true);
        throw e;
      }
      return reply.redirect('/sign-in?notice=password-changed', 303);
    }),
  );

}
