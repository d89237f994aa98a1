// Registers the server-rendered pages on the shared Fastify instance. Pages are plain HTML with
// links and forms; none needs JavaScript. The web layer reaches data only through src/api.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { renderPage } from './render.js';
import { AccessibilityPage, ErrorPage, HelpPage, HomePage } from './pages/public.page.js';
import { ApiDocsPage } from './pages/api-docs.page.js';
import { LANG_COOKIE, SIZE_COOKIE, pageContext, pageContextSync } from './context.js';
import { TEXT_SIZES } from './components/Layout.js';
import { registerAccountRoutes } from './account-routes.js';
import { localPath } from './forms.js';

const ONE_YEAR = 365 * 24 * 3600;

export function htmlError(app: FastifyInstance) {
  return (req: FastifyRequest, reply: FastifyReply, status: number): string => {
    const ctx = pageContextSync(app, req, false, reply);
    const kind = status === 404 ? 'not-found' : status === 403 || status === 401 ? 'forbidden' : 'server';
    return renderPage(<ErrorPage ctx={ctx} kind={kind} />);
  };
}

export function registerWebRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const html = (reply: FastifyReply, body: string) => reply.type('text/html; charset=utf-8').send(body);
  const hidden = { hide: true } as const;

  app.get('/', { schema: hidden }, async (req, reply) => html(reply, renderPage(<HomePage ctx={await pageContext(fastify, req, reply)} />)));
  app.get('/help', { schema: hidden }, async (req, reply) => html(reply, renderPage(<HelpPage ctx={await pageContext(fastify, req, reply)} />)));
  app.get('/accessibility', { schema: hidden }, async (req, reply) =>
    html(reply, renderPage(<AccessibilityPage ctx={await pageContext(fastify, req, reply)} />)),
  );
  app.get('/api/docs', { schema: hidden }, async (req, reply) =>
    html(reply, renderPage(<ApiDocsPage ctx={await pageContext(fastify, req, reply)} doc={fastify.swagger()} />)),
  );

  app.get(
    '/preferences',
    {
      schema: {
        hide: true,
        querystring: z
          .object({
            lang: z.enum(['nl', 'en']).optional(),
            size: z.enum(TEXT_SIZES as ['normal', 'large', 'larger']).optional(),
            return: z.string().max(2000).optional(),
          })
          .strict(),
      },
    },
    (req, reply) => {
      const secure = fastify.deps.config.secure;
      const opts = { path: '/', maxAge: ONE_YEAR, sameSite: 'lax' as const, httpOnly: true, secure };
      if (req.query.lang) reply.setCookie(LANG_COOKIE, req.query.lang, opts);
      if (req.query.size) reply.setCookie(SIZE_COOKIE, req.query.size, opts);
      return reply.redirect(localPath(req.query.return), 303);
    },
  );

  registerAccountRoutes(fastify);
}
