// Who is asking: the session cookie is resolved once per request into `req.user`. Routes then call
// `requireUser` (401 when absent). What the user may do is decided by the core's `authorize`,
// behind services/access.ts, never here.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { resolveSession, type AuthDeps, type SessionUser } from '../services/auth.js';
import type { AccessDeps, RequestMeta } from '../services/access.js';
import { auditorFor } from '../services/auditor.js';
import { AppError } from '../schema/problem.js';

export const SESSION_COOKIE = 'botpad_session';

declare module 'fastify' {
  interface FastifyRequest {
    user: SessionUser | undefined;
  }
  interface FastifyContextConfig {
    /**
     * The handler checks the session itself, in the same statement as its first read (the record
     * read, the busiest request): the hook below leaves the lookup to it.
     */
    inlineSession?: boolean;
  }
}

export function authDeps(app: FastifyInstance): AuthDeps {
  const c = app.deps.config;
  return { db: app.deps.store.db, idleMinutes: c.sessionIdleMinutes, auditor: auditorFor(c.audit) };
}

export function accessDeps(app: FastifyInstance): AccessDeps {
  return { db: app.deps.store.db, auditor: auditorFor(app.deps.config.audit) };
}

export function requestMeta(req: FastifyRequest): RequestMeta {
  return { requestId: String(req.id), clientIp: req.ip };
}

export function sessionCookieOptions(app: FastifyInstance) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: app.deps.config.secure };
}

export function setSessionCookie(app: FastifyInstance, reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(app));
}

export function clearSessionCookie(app: FastifyInstance, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(app));
}

export function registerAuth(app: FastifyInstance): void {
  app.decorateRequest('user', undefined);
  app.addHook('preHandler', async (req) => {
    if (req.url.startsWith('/assets/') || req.url.startsWith('/health/') || req.routeOptions.config.inlineSession) return;
    const token = sessionToken(req);
    if (token) req.user = await resolveSession(authDeps(app), token);
  });
}

export function sessionToken(req: FastifyRequest): string | undefined {
  return req.cookies[SESSION_COOKIE];
}

export function requireUser(req: FastifyRequest): SessionUser {
  if (!req.user) throw new AppError('unauthenticated', 'Sign in first.');
  return req.user;
}
