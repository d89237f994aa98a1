// Pages for everyone, signed in or not: the start page, help, the accessibility statement, the API
// document, and the display preferences (language, text size) kept in cookies.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { renderPage } from '../render.js';
import { AccessibilityPage, HelpPage, HomePage } from './public.page.js';
import { ApiDocsPage } from './api-docs.page.js';
import { LANG_COOKIE, SIZE_COOKIE, pageContext } from '../page-context.js';
import { TEXT_SIZES } from '../components/Layout.js';
import { localPath } from '../forms.js';
import { inMenuOf } from '../menus.js';

const ONE_YEAR = 365 * 24 * 3600;

export function registerPublicPages(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const html = (reply: FastifyReply, body: string) => reply.type('text/html; charset=utf-8').send(body);
  const hidden = { hide: true } as const;

  app.get('/', { schema: hidden }, async (req, reply) => {
    // A nurse or physician signed in starts the day at the worklist, not at the public welcome.
    if (req.user && inMenuOf(req.user.actor.role, '/worklist')) return reply.redirect('/worklist', 303);
    return html(reply, renderPage(<HomePage ctx={await pageContext(fastify, req, reply)} />));
  });
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
}
