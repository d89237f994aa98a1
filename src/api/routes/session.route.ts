import { z } from 'zod';
import type { ZodApp } from '../types.js';
import { Me, SignIn } from '../../schema/account.schema.js';
import { signIn, signOut, type SessionUser } from '../../services/auth.js';
import { authDeps, clearSessionCookie, requestMeta, requireUser, sessionToken, setSessionCookie } from '../auth.js';
import { problemResponses } from '../responses.js';

export function me(u: SessionUser): z.infer<typeof Me> {
  return {
    userId: u.actor.userId,
    role: u.actor.role,
    displayName: u.displayName,
    organisationId: u.actor.organisationId,
    organisationName: u.organisationName,
    patientId: u.actor.patientId,
    idleExpiresAt: u.idleExpiresAt,
    shift: u.shift,
  };
}

export function registerSessionRoutes(app: ZodApp): void {
  app.post(
    '/api/v1/session',
    {
      schema: {
        tags: ['session'],
        summary: 'Sign in with e-mail and password; sets the session cookie',
        body: SignIn,
        response: { 200: Me, ...problemResponses(400, 401, 429) },
      },
    },
    async (req, reply) => {
      const r = await signIn(authDeps(app), req.body.email, req.body.password, requestMeta(req), { shift: req.body.shift === true });
      setSessionCookie(app, reply, r.token);
      return me(r.user);
    },
  );
  app.get(
    '/api/v1/session',
    { schema: { tags: ['session'], summary: 'Who is signed in', response: { 200: Me, ...problemResponses(401) } } },
    async (req) => me(requireUser(req)),
  );
  app.delete(
    '/api/v1/session',
    { schema: { tags: ['session'], summary: 'Sign out', response: { 204: z.null(), ...problemResponses(401) } } },
    async (req, reply) => {
      const u = requireUser(req);
      await signOut(authDeps(app), sessionToken(req), u.actor, requestMeta(req));
      clearSessionCookie(app, reply);
      return reply.status(204).send(null);
    },
  );
}
