// Getting in: sign in, set up an account from a letter, and a forgotten password. Also the page that
// hands back what someone typed when their session ended before they could send it.
import { Layout, type PageContext } from '../components/Layout.js';
import { Checkbox, Csrf, ErrorSummary, Field, Notice, type FieldErrors } from '../components/Form.js';
import type { Messages } from '../i18n/index.js';

export type SignInNotice = 'signed-out' | 'activated' | 'password-changed' | 'needed' | 'kept';

/** A form post that arrived after the session ended: where it was going and what it said. */
export interface KeptInput {
  action: string;
  pairs: [string, string][];
}

/** The field that carries the reference to a kept form (the form itself stays on the server). */
export const KEPT_REF = 'kept';

export interface DemoAccountRow {
  role: keyof Messages['roles'];
  email: string;
}

function noticeText(t: Messages, n: SignInNotice): string {
  switch (n) {
    case 'signed-out':
      return t.signIn.signedOut;
    case 'activated':
      return t.signIn.activated;
    case 'password-changed':
      return t.signIn.passwordChanged;
    case 'needed':
      return t.signIn.needed;
    case 'kept':
      return t.signIn.keptNotice;
  }
}

const titleOf = (ctx: PageContext, title: string, errors: FieldErrors | boolean) =>
  (typeof errors === 'boolean' ? errors : Object.keys(errors).length > 0) ? `${ctx.t.form.titlePrefix}: ${title}` : title;

export function SignInPage(props: {
  ctx: PageContext;
  csrf: string;
  email?: string;
  /** The group tablet's choice as it was sent (kept when the page comes back with an error). */
  shift?: boolean;
  errors?: FieldErrors;
  notice?: SignInNotice | undefined;
  /** Clock time the lock-out ends, or '' when it is not known. */
  locked?: string | undefined;
  returnTo?: string | undefined;
  /** Opaque reference to a form kept on the server for whoever signs in here. */
  keptRef?: string | undefined;
  demoAccounts?: readonly DemoAccountRow[] | undefined;
  demoPassword?: string | undefined;
}) {
  const { ctx } = props;
  const t = ctx.t;
  const errors = props.errors ?? {};
  const failed = Object.keys(errors).length > 0 || props.locked !== undefined;
  return (
    <Layout ctx={ctx} title={titleOf(ctx, t.signIn.title, failed)}>
      <h1>{t.signIn.title}</h1>
      {props.locked !== undefined ? (
        <div class="error-summary" role="alert" aria-labelledby="locked-title">
          <h2 id="locked-title">{t.signIn.locked}</h2>
          <p>{props.locked ? t.signIn.lockedUntil(props.locked) : t.signIn.lockedLater}</p>
        </div>
      ) : null}
      <ErrorSummary t={t} errors={errors} />
      {props.notice ? <Notice ok={props.notice !== 'needed' && props.notice !== 'kept'}>{noticeText(t, props.notice)}</Notice> : null}
      <p class="lead">{t.signIn.intro}</p>
      <form method="post" action="/sign-in" novalidate>
        <Csrf token={props.csrf} />
        {props.returnTo ? <input type="hidden" name="return" value={props.returnTo} /> : null}
        {props.keptRef ? <input type="hidden" name={KEPT_REF} value={props.keptRef} /> : null}
        <Field t={t} name="email" type="email" label={t.signIn.email} value={props.email} autocomplete="username" spellcheck={false} error={errors.email} />
        <Field t={t} name="password" type="password" label={t.signIn.password} autocomplete="current-password" error={errors.password} />
        <Checkbox t={t} name="shift" label={t.dayCentreGroups.shift.label} checked={props.shift === true} error={errors.shift} />
        <p class="hint" id="shift-hint">{t.dayCentreGroups.shift.hint}</p>
        <p class="actions">
          <button type="submit">{t.signIn.submit}</button>
        </p>
      </form>
      <ul class="bullets">
        <li>
          <a href="/password-reset">{t.signIn.forgot}</a>
        </li>
        <li>
          <a href="/activate">{t.signIn.activate}</a>
        </li>
      </ul>
      {ctx.demo && props.demoAccounts && props.demoPassword ? (
        <section aria-labelledby="demo-accounts">
          <h2 id="demo-accounts">{t.signIn.demoTitle}</h2>
          <p>{t.signIn.demoIntro}</p>
          <div class="table-scroll">
            {/* Stacked on a phone: a table wider than the screen would be a region to scroll that a keyboard cannot reach. */}
            <table class="stack">
              <thead>
                <tr>
                  <th scope="col">{t.signIn.demoRole}</th>
                  <th scope="col">{t.signIn.demoEmail}</th>
                  <th scope="col">{t.signIn.demoPassword}</th>
                </tr>
              </thead>
              <tbody>
                {props.demoAccounts.map((a) => (
                  <tr key={a.email}>
                    <th scope="row" data-label={t.signIn.demoRole}>{t.roles[a.role]}</th>
                    <td data-label={t.signIn.demoEmail}>
                      <code>{a.email}</code>
                    </td>
                    <td data-label={t.signIn.demoPassword}>
                      <code>{props.demoPassword}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </Layout>
  );
}

/** After signing in again: one button re-posts what was typed, with a fresh token. */
export function KeptInputPage({ ctx, csrf, kept, startHref }: { ctx: PageContext; csrf: string; kept: KeptInput; startHref: string }) {
  const t = ctx.t.kept;
  return (
    <Layout ctx={ctx} title={t.title}>
      <h1>{t.title}</h1>
      <p class="lead">{t.intro}</p>
      <p>{t.next}</p>
      <form method="post" action={kept.action}>
        <Csrf token={csrf} />
        {kept.pairs.map(([k, v], i) => (
          <input key={`${k}-${String(i)}`} type="hidden" name={k} value={v} />
        ))}
        <p class="actions">
          <button type="submit">{t.submit}</button>
          <a class="button secondary" href={startHref}>
            {t.skip}
          </a>
        </p>
      </form>
    </Layout>
  );
}

export function ActivatePage(props: { ctx: PageContext; csrf: string; values?: Record<string, string>; errors?: FieldErrors }) {
  const { ctx } = props;
  const t = ctx.t;
  const a = t.activate;
  const v = props.values ?? {};
  const errors = props.errors ?? {};
  return (
    <Layout ctx={ctx} title={titleOf(ctx, a.title, errors)}>
      <h1>{a.title}</h1>
      <ErrorSummary t={t} errors={errors} />
      <p class="lead">{a.intro}</p>
      <form method="post" action="/activate" novalidate>
        <Csrf token={props.csrf} />
        <Field t={t} name="code" label={a.code} hint={a.codeHint} value={v.code} autocomplete="one-time-code" spellcheck={false} error={errors.code} />
        <Field t={t} name="email" type="email" label={a.email} hint={a.emailHint} value={v.email} autocomplete="email" spellcheck={false} optional error={errors.email} />
        <Field t={t} name="password" type="password" label={a.password} hint={a.passwordHint} autocomplete="new-password" error={errors.password} />
        <Field t={t} name="password2" type="password" label={a.password2} autocomplete="new-password" error={errors.password2} />
        <p class="actions">
          <button type="submit">{a.submit}</button>
        </p>
      </form>
    </Layout>
  );
}

export function PasswordResetPage(props: { ctx: PageContext; csrf: string; email?: string; errors?: FieldErrors; sent?: boolean }) {
  const { ctx } = props;
  const t = ctx.t;
  const r = t.reset;
  const errors = props.errors ?? {};
  return (
    <Layout ctx={ctx} title={titleOf(ctx, r.title, errors)}>
      <h1>{r.title}</h1>
      <ErrorSummary t={t} errors={errors} />
      {props.sent ? <Notice ok>{r.sent}</Notice> : null}
      <p class="lead">{r.intro}</p>
      <form method="post" action="/password-reset" novalidate>
        <Csrf token={props.csrf} />
        <Field t={t} name="email" type="email" label={r.email} value={props.email} autocomplete="email" spellcheck={false} error={errors.email} />
        <p class="actions">
          <button type="submit">{r.submit}</button>
        </p>
      </form>
      <p>{r.noEmail}</p>
    </Layout>
  );
}

export function PasswordResetConfirmPage(props: { ctx: PageContext; csrf: string; token: string; errors?: FieldErrors; badLink?: boolean }) {
  const { ctx } = props;
  const t = ctx.t;
  const r = t.reset;
  const a = t.activate;
  const errors = props.errors ?? {};
  return (
    <Layout ctx={ctx} title={titleOf(ctx, r.confirmTitle, Object.keys(errors).length > 0 || props.badLink === true)}>
      <h1>{r.confirmTitle}</h1>
      {props.badLink ? (
        <div class="error-summary" role="alert" aria-labelledby="bad-link">
          <h2 id="bad-link">{r.badLink}</h2>
          <p>
            <a href="/password-reset">{r.requestNew}</a>
          </p>
        </div>
      ) : null}
      <ErrorSummary t={t} errors={errors} />
      <p class="lead">{r.confirmIntro}</p>
      <form method="post" action="/password-reset/confirm" novalidate>
        <Csrf token={props.csrf} />
        <input type="hidden" name="token" value={props.token} />
        <Field t={t} name="password" type="password" label={a.password} hint={a.passwordHint} autocomplete="new-password" error={errors.password} />
        <Field t={t} name="password2" type="password" label={a.password2} autocomplete="new-password" error={errors.password2} />
        <p class="actions">
          <button type="submit">{r.submitConfirm}</button>
        </p>
      </form>
    </Layout>
  );
}
