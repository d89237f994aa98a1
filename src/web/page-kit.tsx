// What every slice's pages share on the way in and out: the options of a page and of a form post
// (CSRF check, its refusal audited), the HTML answer (never cached: signed-in pages carry health
// data), and one mapping of the refusals a page can meet to what a browser should see. A post whose
// session ended is kept on the server and answered with the sign-in page.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import {
  AppError, DEMO_ACCOUNTS, DEMO_PASSWORD, accessDeps, auditRefusal, authDeps, keepForm, mayDo, requestMeta, requireUser, sessionToken, type Action, type SessionUser,
} from '../api/facade.js';
import { renderPage } from './render.js';
import { pageContext } from './page-context.js';
import { inMenuOf } from './menus.js';
import { formPairs, localPath, type PageForm } from './forms.js';
import type { z } from 'zod';
import type { FieldErrors } from './components/Form.js';
import type { PageContext } from './components/Layout.js';
import { ErrorPage } from './public/public.page.js';
import { SignInPage, type SignInNotice } from './accounts/sign-in.page.js';

export type Handler = (req: FastifyRequest, reply: FastifyReply) => Promise<unknown>;

/** Names never carried over when a post is kept for after sign-in. */
const NEVER_KEPT = /^_csrf$|password/i;

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The `:id` (or another `name`d id) of the route when it is an id; anything else is a page that does not exist. */
export function idParam(req: FastifyRequest, missing: string, name = 'id'): string {
  const id = (req.params as Record<string, string | undefined>)[name] ?? '';
  if (!uuid.test(id)) throw new AppError('not-found', missing);
  return id;
}

export const isUuid = (v: string) => uuid.test(v);

/** A page refused for the signed-in person's role: the page layer decides it, so it audits it. */
export class PageRefusal extends AppError {
  constructor(readonly user: SessionUser) {
    super('forbidden', 'This page is not for your role.');
  }
}

/** The signed-in person, when `page` is in their menu (a list or start page of their role). */
export function userOfMenuPage(req: FastifyRequest, page: Parameters<typeof inMenuOf>[1]): SessionUser {
  const u = requireUser(req);
  if (!inMenuOf(u.actor.role, page)) throw new PageRefusal(u);
  return u;
}

/** The record a page leads to `action` with, when the core allows this reader that action on it. */
export function allowedRecord<P>(u: SessionUser, read: { patient: P; allowed: boolean }): P {
  if (!read.allowed) throw new PageRefusal(u);
  return read.patient;
}

/** The signed-in person, when the core allows them `action` (one that concerns no single record). */
export function userWhoMay(req: FastifyRequest, action: Action): SessionUser {
  const u = requireUser(req);
  if (!mayDo(u.actor, action)) throw new PageRefusal(u);
  return u;
}

export interface SignInExtra {
  email?: string;
  errors?: FieldErrors;
  notice?: SignInNotice;
  locked?: string;
  returnTo?: string;
  keptRef?: string;
}

export interface PageKit {
  /** Options of a page that is not part of the API document. */
  readonly hidden: { schema: { hide: true } };
  /** Options of a form post: the CSRF check, its refusal audited. */
  readonly form: {
    schema: { hide: true };
    preHandler: FastifyInstance['csrfProtection'];
    onError: (req: FastifyRequest, reply: FastifyReply, error: { code?: string }) => Promise<void>;
  };
  /** Options of a form post whose body the form's schema validates; its errors go to the page. */
  readonly formWith: (form: PageForm<z.ZodType>) => PageKit['form'] & { schema: { hide: true; body: z.ZodType }; attachValidation: true };
  /** Options of a page whose query (a search form) the form's schema validates. */
  readonly queryWith: (form: PageForm<z.ZodType>) => { schema: { hide: true; querystring: z.ZodType }; attachValidation: true };
  deps: () => ReturnType<typeof accessDeps>;
  mailDeps: () => ReturnType<typeof accessDeps> & { mailer: FastifyInstance['mailer']; linkBase: string };
  ctxOf: (req: FastifyRequest, reply: FastifyReply) => Promise<PageContext>;
  send: (reply: FastifyReply, node: VNode, status?: number) => FastifyReply;
  page: (h: Handler) => Handler;
  signInPage: (req: FastifyRequest, reply: FastifyReply, status: number, extra?: SignInExtra) => Promise<FastifyReply>;
}

export function pageKit(fastify: FastifyInstance): PageKit {
  const deps = () => accessDeps(fastify);
  const ctxOf = (req: FastifyRequest, reply: FastifyReply) => pageContext(fastify, req, reply);
  const send = (reply: FastifyReply, node: VNode, status = 200) =>
    reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(renderPage(node));
  const demoRows = () => DEMO_ACCOUNTS.map((a) => ({ role: a.role, email: a.email }));

  async function signInPage(req: FastifyRequest, reply: FastifyReply, status: number, extra: SignInExtra = {}) {
    const ctx = await ctxOf(req, reply);
    return send(
      reply,
      <SignInPage ctx={ctx} csrf={reply.generateCsrf()} {...extra} demoAccounts={ctx.demo ? demoRows() : undefined} demoPassword={ctx.demo ? DEMO_PASSWORD : undefined} />,
      status,
    );
  }

  /**
   * A form post whose session has ended: nothing typed is lost. The fields (never the token or a
   * password) stay on the server for the account whose session sent them; the sign-in page carries
   * only a reference, so the next person at a shared computer finds nothing in its source. Once
   * that same person has signed in, the fields come back for one more press.
   */
  async function keepPost(req: FastifyRequest, reply: FastifyReply) {
    const pairs = formPairs(req).filter(([k]) => !NEVER_KEPT.test(k));
    const action = localPath(req.url.split('?')[0]);
    const keptRef = await keepForm(authDeps(fastify), sessionToken(req), action, pairs);
    return signInPage(req, reply, 200, keptRef ? { notice: 'kept', keptRef } : { notice: 'needed' });
  }

  const page =
    (h: Handler): Handler =>
    async (req, reply) => {
      try {
        return await h(req, reply);
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        if (e.code === 'unauthenticated') {
          if (req.method === 'POST') return keepPost(req, reply);
          return reply.redirect(`/sign-in?return=${encodeURIComponent(req.url)}`, 303);
        }
        if (e instanceof PageRefusal) {
          const what = req.method === 'GET' ? 'page.view' : 'page.post';
          await auditRefusal(deps(), {
            actor: e.user.actor,
            meta: requestMeta(req),
            action: what,
            resource: `page${req.routeOptions.url ?? ''}`,
            reason: `${e.user.actor.role}: this page is not for this role`,
          });
        }
        if (e.code === 'forbidden') return send(reply, <ErrorPage ctx={await ctxOf(req, reply)} kind="forbidden" />, 403);
        if (e.code === 'not-found') return send(reply, <ErrorPage ctx={await ctxOf(req, reply)} kind="not-found" />, 404);
        throw e;
      }
    };

  const form: PageKit['form'] = {
    schema: { hide: true },
    // The check keeps its state in a closure; binding only tells the type checker `this` is safe.
    preHandler: fastify.csrfProtection.bind(fastify),
    // A signed-in person's form refused for its missing or wrong token is a refusal like any other:
    // audited (it is how a forged cross-site post shows up).
    onError: async (req, _reply, error) => {
      if (!req.user || !error.code?.startsWith('FST_CSRF')) return;
      await auditRefusal(deps(), { actor: req.user.actor, meta: requestMeta(req), action: 'page.post', resource: `page${req.routeOptions.url ?? ''}`, reason: 'form without a valid security token' });
    },
  };

  return {
    hidden: { schema: { hide: true } },
    form,
    formWith: (f) => ({ ...form, schema: { hide: true, body: f.schema }, attachValidation: true }),
    queryWith: (f) => ({ schema: { hide: true, querystring: f.schema }, attachValidation: true }),
    deps,
    mailDeps: () => ({ ...deps(), mailer: fastify.mailer, linkBase: fastify.deps.config.linkBase }),
    ctxOf,
    send,
    page,
    signInPage,
  };
}
