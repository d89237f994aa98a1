// The administrator's pages: the accounts of their organisation, and the audit log search.
import { Layout, type PageContext } from '../components/Layout.js';
import { PageLinks } from '../components/PageLinks.js';
import { Csrf, ErrorSummary, Field, Notice, Select, type FieldErrors } from '../components/Form.js';
import { dateTime } from '../time-format.js';
import { roleLabel } from '../components/Patient.js';
import type { AuditEntryView, UserView } from '../../api/facade.js';
import { StaffRole } from '../../schema/account.schema.js';
import { AUDIT_ACTIONS } from '../../core/access/lists.js';
import { actionWords, outcomeWords, patientWords, reasonWords, whoWords } from './audit-words.js';

/** A row of the users table: what the API's user list gives. */

// The roles an administrator may give are those the account schema accepts: one list.
const STAFF_ROLES = StaffRole.options;

export function UsersPage(props: {
  ctx: PageContext;
  csrf: string;
  organisation: string;
  users: readonly UserView[];
  values?: Record<string, string>;
  errors?: FieldErrors;
  created?: boolean;
}) {
  const { ctx } = props;
  const t = ctx.t;
  const u = t.users;
  const errors = props.errors ?? {};
  const v = props.values ?? {};
  return (
    <Layout ctx={ctx} title={Object.keys(errors).length > 0 ? `${t.form.titlePrefix}: ${u.title}` : u.title}>
      <h1>{u.title}</h1>
      <ErrorSummary t={t} errors={errors} />
      {props.created ? <Notice ok>{u.created}</Notice> : null}
      <p class="lead">{u.intro(props.organisation)}</p>
      <section aria-labelledby="users-list">
        <h2 id="users-list">{u.listTitle}</h2>
        <div class="table-scroll">
          <table class="stack">
            <thead>
              <tr>
                <th scope="col">{u.name}</th>
                <th scope="col">{u.email}</th>
                <th scope="col">{u.role}</th>
                <th scope="col">{u.status}</th>
                <th scope="col">{u.actions}</th>
              </tr>
            </thead>
            <tbody>
              {props.users.map((x) => (
                <tr key={x.id}>
                  <th scope="row" data-label={u.name}>{x.displayName}</th>
                  <td class="break-any" data-label={u.email}>{x.email ?? ''}</td>
                  <td data-label={u.role}>{roleLabel(t, x.role)}</td>
                  <td data-label={u.status}>{statusLabel(t, x.status)}</td>
                  <td data-label={u.actions}>
                    <a href={`/admin/users/${x.id}`}>{u.manage(x.displayName)}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="new-user">
        <h2 id="new-user">{u.newTitle}</h2>
        <p>{u.newIntro}</p>
        <p>{u.newHint}</p>
        <form method="post" action="/admin/users" novalidate>
          <Csrf token={props.csrf} />
          <Select
            t={t}
            name="role"
            label={u.role}
            value={v.role}
            error={errors.role}
            blank={t.form.chooseOption}
            options={STAFF_ROLES.map((r) => ({ value: r, label: t.roles[r] }))}
          />
          <Field t={t} name="displayName" label={u.displayName} value={v.displayName} autocomplete="off" error={errors.displayName} />
          <Field t={t} name="email" type="email" label={u.email} value={v.email} autocomplete="off" spellcheck={false} error={errors.email} />
          <p class="actions">
            <button type="submit">{u.submit}</button>
          </p>
        </form>
      </section>
    </Layout>
  );
}

const statusLabel = (t: PageContext['t'], status: string) => (t.users.statuses as Record<string, string>)[status] ?? status;

export type UserNotice = keyof PageContext['t']['users']['done'];

/**
 * One account and what an administrator may do with it: change its role, switch it off, allow
 * signing in again, send a new activation link. Never a password: the person chooses their own.
 */
export function UserPage(props: { ctx: PageContext; csrf: string; user: UserView; self: boolean; notice?: UserNotice | undefined; errors?: FieldErrors }) {
  const { ctx, user } = props;
  const t = ctx.t;
  const u = t.users;
  const errors = props.errors ?? {};
  const action = (what: string) => `/admin/users/${user.id}/${what}`;
  return (
    <Layout ctx={ctx} title={Object.keys(errors).length > 0 ? `${t.form.titlePrefix}: ${u.manageTitle(user.displayName)}` : u.manageTitle(user.displayName)}>
      <p>
        <a href="/admin/users">{u.back}</a>
      </p>
      <h1>{u.manageTitle(user.displayName)}</h1>
      <ErrorSummary t={t} errors={errors} />
      {props.notice ? <Notice ok>{u.done[props.notice]}</Notice> : null}
      <dl class="details">
        <dt>{u.email}</dt>
        <dd class="break-any">{user.email ?? ''}</dd>
        <dt>{u.role}</dt>
        <dd>{roleLabel(t, user.role)}</dd>
        <dt>{u.status}</dt>
        <dd>{statusLabel(t, user.status)}</dd>
      </dl>
      {props.self ? <p>{u.ownAccount}</p> : null}
      {props.self ? null : (
        <section aria-labelledby="role-title">
          <h2 id="role-title">{u.roleTitle}</h2>
          <p>{u.roleIntro}</p>
          <form method="post" action={action('role')} novalidate>
            <Csrf token={props.csrf} />
            <Select t={t} name="role" label={u.role} value={user.role} error={errors.role} options={STAFF_ROLES.map((r) => ({ value: r, label: t.roles[r] }))} />
            <p class="actions">
              <button type="submit">{u.roleSubmit}</button>
            </p>
          </form>
        </section>
      )}
      <section aria-labelledby="unlock-title">
        <h2 id="unlock-title">{u.unlockTitle}</h2>
        <p>{u.unlockIntro}</p>
        <form method="post" action={action('unlock')}>
          <Csrf token={props.csrf} />
          <p class="actions">
            <button type="submit">{u.unlockSubmit}</button>
          </p>
        </form>
      </section>
      <section aria-labelledby="link-title">
        <h2 id="link-title">{u.linkTitle}</h2>
        {user.status === 'active' ? (
          <p>{u.linkActive}</p>
        ) : (
          <>
            <p>{u.linkIntro}</p>
            <form method="post" action={action('activation-link')}>
              <Csrf token={props.csrf} />
              <p class="actions">
                <button type="submit">{u.linkSubmit}</button>
              </p>
            </form>
          </>
        )}
      </section>
      {props.self || user.status === 'disabled' ? null : (
        <section aria-labelledby="deactivate-title">
          <h2 id="deactivate-title">{u.deactivateTitle}</h2>
          <p>{u.deactivateIntro}</p>
          <form method="post" action={action('deactivate')}>
            <Csrf token={props.csrf} />
            <p class="actions">
              <button type="submit">{u.deactivateSubmit}</button>
            </p>
          </form>
        </section>
      )}
    </Layout>
  );
}

/** The audit search as typed (shown back in the form) and the page of results it found. */
export interface AuditQuery {
  person: string;
  patient: string;
  action: string;
  allowed: string;
  from: string;
  to: string;
}

export interface AuditResultsView {
  rows: readonly AuditEntryView[];
  total: number;
  /** The place of the first row shown, counted from the newest (1 on the first page). */
  first: number;
  newerHref: string | undefined;
  olderHref: string | undefined;
  newestHref: string | undefined;
  downloadHref: string;
}

export function AuditPage(props: { ctx: PageContext; query: AuditQuery; results: AuditResultsView | undefined; errors?: FieldErrors }) {
  const { ctx, query, results } = props;
  const t = ctx.t;
  const a = t.audit;
  const errors = props.errors ?? {};
  const rows = results?.rows ?? [];
  return (
    <Layout ctx={ctx} title={Object.keys(errors).length > 0 ? `${t.form.titlePrefix}: ${a.title}` : a.title}>
      <h1>{a.title}</h1>
      <ErrorSummary t={t} errors={errors} />
      <p class="lead">{a.intro}</p>
      <section aria-labelledby="audit-search">
        <h2 id="audit-search">{a.searchTitle}</h2>
        <form method="get" action="/admin/audit" role="search" aria-labelledby="audit-search" novalidate>
          <Field t={t} name="person" label={a.person} hint={a.personHint} value={query.person} autocomplete="off" spellcheck={false} optional error={errors.person} />
          <Field t={t} name="patient" label={a.patientCode} hint={a.patientHint} value={query.patient} autocomplete="off" spellcheck={false} optional error={errors.patient} />
          <Select
            t={t}
            name="action"
            label={a.action}
            value={query.action}
            error={errors.action}
            blank={a.any}
            options={AUDIT_ACTIONS.map((x) => ({ value: x, label: a.actions[x] }))}
          />
          <Select
            t={t}
            name="allowed"
            label={a.allowed}
            value={query.allowed}
            error={errors.allowed}
            blank={a.any}
            options={[
              { value: 'true', label: a.allowedWord },
              { value: 'false', label: a.refusedWord },
            ]}
          />
          <Field t={t} name="from" label={a.from} hint={t.form.dateHint} value={query.from} inputMode="numeric" autocomplete="off" spellcheck={false} optional error={errors.from} />
          <Field t={t} name="to" label={a.to} hint={t.form.dateHint} value={query.to} inputMode="numeric" autocomplete="off" spellcheck={false} optional error={errors.to} />
          <p class="actions">
            <button type="submit">{a.search}</button>
          </p>
        </form>
      </section>
      {results ? (
        <section aria-labelledby="audit-results">
          <h2 id="audit-results">{a.results}</h2>
          <p role="status">
            {results.total === 0 ? a.none : a.count(results.total)} {rows.length > 0 ? a.range(results.first, results.first + rows.length - 1, results.total) : null}
          </p>
          {rows.length > 0 ? (
            <>
              <p>
                <a id="download" href={results.downloadHref} download>
                  {a.download}
                </a>
                <span class="hint">{a.downloadHint}</span>
                {errors.download ? (
                  <span class="field-error" id="download-error">
                    <span class="visually-hidden">{t.form.errorPrefix} </span>
                    {errors.download}
                  </span>
                ) : null}
              </p>
              <Pager t={t} results={results} />
              {/* Ten columns are wider than a desktop page: the table scrolls sideways, so the region
                  takes the focus and a keyboard user can scroll it with the arrow keys. */}
              <div class="table-scroll" role="region" aria-labelledby="audit-results" tabIndex={0}>
                <table class="stack audit-table">
                  <caption class="visually-hidden">{a.range(results.first, results.first + rows.length - 1, results.total)}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{a.when}</th>
                      <th scope="col">{a.who}</th>
                      <th scope="col">{a.role}</th>
                      <th scope="col">{a.action}</th>
                      <th scope="col">{a.patient}</th>
                      <th scope="col">{a.outcome}</th>
                      <th scope="col">{a.reason}</th>
                      <th scope="col">{a.resource}</th>
                      <th scope="col">{a.requestId}</th>
                      <th scope="col">{a.client}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((r) => (
                      <tr key={r.id}>
                        <th scope="row" data-label={a.when}>{dateTime(ctx.lang, r.at)}</th>
                        <td data-label={a.who}>{whoWords(t, r)}</td>
                        <td data-label={a.role}>{r.role ? roleLabel(t, r.role) : ''}</td>
                        <td data-label={a.action}>{actionWords(t, r.action)}</td>
                        <td data-label={a.patient}>{patientWords(t, r)}</td>
                        <td data-label={a.outcome}>
                          <span class={r.allowed ? 'outcome allowed' : 'outcome refused'}>
                            <span aria-hidden="true">{r.allowed ? '✓ ' : '✕ '}</span>
                            {outcomeWords(t, r)}
                          </span>
                        </td>
                        <td data-label={a.reason}>{reasonWords(t, r.reason)}</td>
                        <td class="break-any" data-label={a.resource}>{r.resource}</td>
                        <td class="break-any" data-label={a.requestId}>{r.requestId ?? ''}</td>
                        <td class="break-any" data-label={a.client}>{r.clientIp ?? ''}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <Pager t={t} results={results} />
            </>
          ) : null}
        </section>
      ) : null}
    </Layout>
  );
}

/** Plain links to the pages beside this one (no JavaScript): newer, older, and back to the newest. */
function Pager({ t, results }: { t: PageContext['t']; results: AuditResultsView }) {
  const a = t.audit;
  if (!results.newerHref && !results.olderHref) return null;
  return (
    <PageLinks
      label={a.pages}
      links={[
        results.newestHref ? { href: results.newestHref, text: a.newest } : null,
        results.newerHref ? { href: results.newerHref, text: a.newer, rel: 'prev' } : null,
        results.olderHref ? { href: results.olderHref, text: a.older, rel: 'next' } : null,
      ]}
    />
  );
}
