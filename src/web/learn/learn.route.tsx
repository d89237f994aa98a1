// The learn pages: public, no sign-in, in the reader's language (the language cookie, Dutch by
// default). Always on the patient side's large type, whoever reads them.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { renderPage } from '../render.js';
import { pageContext } from '../page-context.js';
import { ErrorPage } from '../public/public.page.js';
import type { PageContext } from '../components/Layout.js';
import { LearnArticlePage, LearnListPage } from './learn.page.js';
import { learnPage } from './pages/index.js';

export function registerLearnPages(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const html = (reply: FastifyReply, body: string, status = 200) => reply.status(status).type('text/html; charset=utf-8').send(body);
  const ctxOf = async (...args: Parameters<typeof pageContext>): Promise<PageContext> => ({ ...(await pageContext(...args)), side: 'patient' });

  app.get('/learn', { schema: { hide: true } }, async (req, reply) => html(reply, renderPage(<LearnListPage ctx={await ctxOf(fastify, req, reply)} />)));
  app.get('/learn/:slug', { schema: { hide: true, params: z.object({ slug: z.string().max(200) }) } }, async (req, reply) => {
    const ctx = await ctxOf(fastify, req, reply);
    const page = learnPage(req.params.slug);
    if (!page) return html(reply, renderPage(<ErrorPage ctx={ctx} kind="not-found" />), 404);
    return html(reply, renderPage(<LearnArticlePage ctx={ctx} page={page} />));
  });
}
