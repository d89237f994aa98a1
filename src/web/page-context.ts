// Everything the shared layout needs to render a page for a request: language and text size (from
// their cookies), the demo notice, the help number, and for a signed-in person their name, menu and
// idle sign-out time.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isLang, messages, type Lang, type Messages } from './i18n/index.js';
import { TEXT_SIZES, type PageContext, type SessionInfo, type TextSize } from './components/Layout.js';
import { clockTime } from './time-format.js';
import { menuFor, sideOf } from './menus.js';

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

function sessionParts(req: FastifyRequest, reply: FastifyReply | undefined, t: Messages, lang: Lang): Pick<PageContext, 'menu' | 'session'> {
  const u = req.user;
  if (!u) return {};
  const session: SessionInfo = {
    name: u.displayName,
    organisation: u.organisationName,
    idleAt: clockTime(lang, u.idleExpiresAt),
    shift: u.shift,
    csrf: reply ? reply.generateCsrf() : undefined,
  };
  return { menu: menuFor(t, u.actor.role, u.actor.organisationKind), session };
}

/** Everything the layout needs to render a page for this request. */
export async function pageContext(app: FastifyInstance, req: FastifyRequest, reply?: FastifyReply): Promise<PageContext> {
  let demo = false;
  try {
    demo = await app.demoFlag.get();
  } catch {
    // A page must still render (an error page, say) when the store is down.
  }
  return pageContextSync(app, req, { demo, reply });
}

/** Sync variant for error pages, where awaiting the store is not possible or wise. */
export function pageContextSync(app: FastifyInstance, req: FastifyRequest, { demo, reply }: { demo: boolean; reply?: FastifyReply | undefined }): PageContext {
  const lang = langOf(req);
  const t = messages(lang);
  return {
    lang,
    t,
    textSize: sizeOf(req),
    side: sideOf(req.user?.actor.role),
    demo,
    helpPhone: app.deps.config.helpPhone,
    path: req.url,
    ...sessionParts(req, reply, t, lang),
  };
}
