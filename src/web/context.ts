import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isLang, messages, type Lang } from './i18n/index.js';
import { TEXT_SIZES, type PageContext, type TextSize } from './components/Layout.js';

export const LANG_COOKIE = 'botpad_lang';
export const SIZE_COOKIE = 'botpad_size';

export function langOf(req: FastifyRequest): Lang {
  const c = req.cookies[LANG_COOKIE];
  return isLang(c) ? c : 'nl';
}

export function sizeOf(req: FastifyRequest): TextSize {
  const c = req.cookies[SIZE_COOKIE];
  return (TEXT_SIZES as readonly string[]).includes(c ?? '') ? (c as TextSize) : 'normal';
}

/** Everything the layout needs to render a page for this request. */
export async function pageContext(app: FastifyInstance, req: FastifyRequest): Promise<PageContext> {
  const lang = langOf(req);
  let demo = false;
  try {
    demo = await app.demoFlag.get();
  } catch {
    // A page must still render (an error page, say) when the store is down.
  }
  return {
    lang,
    t: messages(lang),
    textSize: sizeOf(req),
    demo,
    helpPhone: app.deps.config.helpPhone,
    path: req.url,
  };
}

/** Sync variant for error pages, where awaiting the store is not possible or wise. */
export function pageContextSync(app: FastifyInstance, req: FastifyRequest, demo: boolean): PageContext {
  const lang = langOf(req);
  return { lang, t: messages(lang), textSize: sizeOf(req), demo, helpPhone: app.deps.config.helpPhone, path: req.url };
}
