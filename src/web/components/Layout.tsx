// The page frame every screen shares: skip link, banner with the main menu and the display
// settings (language, text size), a demo notice when demo data is loaded, one <main>, and a footer
// with help and a phone number. Plain links and forms only: nothing here needs JavaScript.
import type { ComponentChildren } from 'preact';
import type { Lang, Messages } from '../i18n/index.js';
import type { Side } from '../menus.js';

export type TextSize = 'normal' | 'large' | 'larger';
export const TEXT_SIZES: readonly TextSize[] = ['normal', 'large', 'larger'];

export interface PageContext {
  lang: Lang;
  t: Messages;
  textSize: TextSize;
  /** Whose side the page is on (by the reader's role): sets the page's density. */
  side: Side;
  demo: boolean;
  helpPhone: string;
  /** Current path with query, to come back to after changing a display setting. */
  path: string;
  /** Extra menu entries a signed-in user gets (filled in by the pages that know the user). */
  menu?: { href: string; label: string }[];
  /** Who is signed in; absent on public pages for visitors. */
  session?: SessionInfo;
}

export interface SessionInfo {
  name: string;
  organisation: string | null;
  /** Clock time (Europe/Amsterdam) at which the session ends without activity. */
  idleAt: string;
  /** A group tablet's shift session (shown, so nobody takes it for a personal sign-in). */
  shift?: boolean | undefined;
  /** Token for the sign-out form; absent where the page cannot set the CSRF cookie. */
  csrf?: string | undefined;
}

/**
 * Who is signed in, when the session ends if nothing happens, and the sign-out button. A disclosure
 * (`<details>`, no JavaScript): on a phone it is one closed line ("Your account and sign out"), so
 * the header leaves the screen to the page; on a wider screen the stylesheet hides its summary and
 * shows its contents as one bar (a browser that cannot do that shows the closed line there too).
 */
function SessionBar({ ctx, session }: { ctx: PageContext; session: SessionInfo }) {
  const t = ctx.t.session;
  return (
    <div class="wrap session-bar" role="group" aria-label={t.label}>
      <details class="session-fold">
        <summary>{t.fold}</summary>
        <div class="session-body">
          <p class="session-who">
            {t.signedInAs(session.name)}
            {session.organisation ? `, ${session.organisation}` : ''}
          </p>
          {session.shift ? <p class="session-shift">{ctx.t.dayCentreGroups.shift.badge}</p> : null}
          <p class="session-idle">{t.idle(session.idleAt)}</p>
          {session.csrf ? (
            <form method="post" action="/sign-out" class="session-out">
              <input type="hidden" name="_csrf" value={session.csrf} />
              <button type="submit" class="secondary">
                {t.signOut}
              </button>
            </form>
          ) : null}
        </div>
      </details>
    </div>
  );
}

function prefHref(ctx: PageContext, key: 'lang' | 'size', value: string): string {
  return `/preferences?${key}=${encodeURIComponent(value)}&return=${encodeURIComponent(ctx.path)}`;
}

export function Layout(props: { ctx: PageContext; title: string; children: ComponentChildren }) {
  const { ctx, title } = props;
  const t = ctx.t;
  const other: Lang = ctx.lang === 'nl' ? 'en' : 'nl';
  return (
    <html lang={ctx.lang} class={`size-${ctx.textSize} side-${ctx.side}`}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · ${t.appName}`}</title>
        <link rel="stylesheet" href="/assets/app.css" />
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t.skipToContent}
        </a>
        <header class="site-header">
          <div class="wrap header-row">
            <a class="brand" href="/">
              {t.appName}
            </a>
            <nav aria-label={t.nav.label}>
              <ul class="menu">
                <li>
                  <a href="/">{t.nav.home}</a>
                </li>
                {ctx.session ? null : (
                  <li>
                    <a href="/learn">{t.menu.learn}</a>
                  </li>
                )}
                {(ctx.menu ?? []).map((m) => (
                  <li key={m.href}>
                    <a href={m.href}>{m.label}</a>
                  </li>
                ))}
                <li>
                  <a href="/help">{t.nav.help}</a>
                </li>
                {ctx.session ? null : (
                  <li>
                    <a href="/sign-in">{t.nav.signIn}</a>
                  </li>
                )}
              </ul>
            </nav>
          </div>
          <div class="wrap settings" role="group" aria-label={t.settings.label}>
            <a class="setting" href={prefHref(ctx, 'lang', other)} hreflang={other} lang={other}>
              {t.settings.otherLanguage}
              <span class="visually-hidden">{` – ${t.settings.otherLanguageName}`}</span>
            </a>
            <span class="setting-label" id="textsize-label">
              {t.settings.textSize}:
            </span>
            <ul class="sizes" aria-labelledby="textsize-label">
              {TEXT_SIZES.map((s) => (
                <li key={s}>
                  <a
                    class={`setting size-choice size-choice-${s}`}
                    href={prefHref(ctx, 'size', s)}
                    aria-current={s === ctx.textSize ? 'true' : undefined}
                  >
                    {t.settings.sizes[s]}
                    {s === ctx.textSize ? <span class="visually-hidden">{' ' + t.settings.current}</span> : null}
                  </a>
                </li>
              ))}
            </ul>
          </div>
          {ctx.session ? <SessionBar ctx={ctx} session={ctx.session} /> : null}
        </header>
        {ctx.demo ? (
          <div class="demo-banner" role="note">
            <div class="wrap">{t.demo.banner}</div>
          </div>
        ) : null}
        <main id="main" tabIndex={-1} class="wrap">
          {props.children}
        </main>
        <footer class="site-footer">
          <div class="wrap footer-grid">
            <section aria-labelledby="footer-help">
              <h2 id="footer-help">{t.footer.help}</h2>
              <p class="phone">
                <a href={`tel:${ctx.helpPhone.replace(/[^0-9+]/g, '')}`}>{t.footer.callUs(ctx.helpPhone)}</a>
              </p>
              <p>{t.footer.hours}</p>
            </section>
            <nav aria-label={t.footer.help}>
              <ul class="footer-links">
                <li>
                  <a href="/help">{t.footer.helpPage}</a>
                </li>
                <li>
                  <a href="/accessibility">{t.footer.accessibility}</a>
                </li>
                <li>
                  <a href="/api/docs">{t.footer.apiDocs}</a>
                </li>
              </ul>
            </nav>
          </div>
        </footer>
      </body>
    </html>
  );
}
