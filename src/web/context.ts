import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SessionUser } from '../api/facade.js';
import { isLang, messages, type Lang, type Messages } from './i18n/index.js';
import { TEXT_SIZES, type PageContext, type SessionInfo, type TextSize } from './components/Layout.js';

export const LANG_COOKIE = 'botpad_lang';
export const SIZE_COOKIE = 'botpad_size';
export const TIME_ZONE = 'Europe/Amsterdam';

export type Role = SessionUser['actor']['role'];
export const CLINICIANS: readonly Role[] = ['nurse', 'physician', 'physiotherapist', 'care-worker'];

export function langOf(req: FastifyRequest): Lang {
  const c = req.cookies[LANG_COOKIE];
  return isLang(c) ? c : 'nl';
}

export function sizeOf(req: FastifyRequest): TextSize {
  const c = req.cookies[SIZE_COOKIE];
  return (TEXT_SIZES as readonly string[]).includes(c ?? '') ? (c as TextSize) : 'normal';
}

const locale = (lang: Lang) => (lang === 'nl' ? 'nl-NL' : 'en-GB');

/** "16:45": a clock time in the Netherlands, whatever zone the server runs in. */
export function clockTime(lang: Lang, iso: string): string {
  return new Intl.DateTimeFormat(locale(lang), { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

/** "23 november 2026, 16:45". */
export function dateTime(lang: Lang, iso: string): string {
  return new Intl.DateTimeFormat(locale(lang), { timeZone: TIME_ZONE, dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));
}

/** A calendar date (YYYY-MM-DD, no zone) written out: "12 april 1948". */
export function calendarDate(lang: Lang, ymd: string): string {
  const d = new Date(`${ymd.slice(0, 10)}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return ymd;
  return new Intl.DateTimeFormat(locale(lang), { timeZone: 'UTC', dateStyle: 'long' }).format(d);
}

/** Where each role starts after signing in. */
export function startPage(role: Role): string {
  switch (role) {
    case 'patient':
      return '/me';
    case 'caregiver':
      return '/care';
    case 'admin':
      return '/admin/users';
    default:
      return '/patients';
  }
}

/** The menu follows what a role may use: clinicians their patients, a patient their record, etc. */
export function menuFor(t: Messages, role: Role): { href: string; label: string }[] {
  switch (role) {
    case 'patient':
      return [{ href: '/me', label: t.menu.me }];
    case 'caregiver':
      return [{ href: '/care', label: t.menu.care }];
    case 'admin':
      return [
        { href: '/admin/users', label: t.menu.users },
        { href: '/admin/audit', label: t.menu.audit },
      ];
    default:
      return [{ href: '/patients', label: t.menu.patients }];
  }
}

function sessionParts(req: FastifyRequest, reply: FastifyReply | undefined, t: Messages, lang: Lang): Pick<PageContext, 'menu' | 'session'> {
  const u = req.user;
  if (!u) return {};
  const session: SessionInfo = {
    name: u.displayName,
    organisation: u.organisationName,
    idleAt: clockTime(lang, u.idleExpiresAt),
    csrf: reply ? reply.generateCsrf() : undefined,
  };
  return { menu: menuFor(t, u.actor.role), session };
}

/** Everything the layout needs to render a page for this request. */
export async function pageContext(app: FastifyInstance, req: FastifyRequest, reply?: FastifyReply): Promise<PageContext> {
  let demo = false;
  try {
    demo = await app.demoFlag.get();
  } catch {
    // A page must still render (an error page, say) when the store is down.
  }
  return pageContextSync(app, req, demo, reply);
}

/** Sync variant for error pages, where awaiting the store is not possible or wise. */
export function pageContextSync(app: FastifyInstance, req: FastifyRequest, demo: boolean, reply?: FastifyReply): PageContext {
  const lang = langOf(req);
  const t = messages(lang);
  return {
    lang,
    t,
    textSize: sizeOf(req),
    demo,
    helpPhone: app.deps.config.helpPhone,
    path: req.url,
    ...sessionParts(req, reply, t, lang),
  };
}
