// The administrator's pages: the accounts of their organisation, and the audit log search.
import { Layout, type PageContext } from '../components/Layout.js';
import { Csrf, ErrorSummary, Field, Notice, Select, type FieldErrors } from '../components/Form.js';
import { dateTime } from '../time-format.js';
import { roleLabel } from '../components/Patient.js';
import type { AuditEntryView, UserView } from '../../api/facade.js';
import { StaffRole } from '../../schema/account.schema.js';

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

/** A row of the audit table: what the API's audit search gives. */

export function AuditPage(props: {
  ctx: PageContext;
  query: { action: string; allowed: string; from: string; to: string };
  rows: readonly AuditEntryView[];
  errors?: FieldErrors;
}) {
  const { ctx, query } = props;
  const t = ctx.t;
  const a = t.audit;
  const errors = props.errors ?? {};
  return (
    <Layout ctx={ctx} title={Object.keys(errors).length > 0 ? `${t.form.titlePrefix}: ${a.title}` : a.title}>
      <h1>{a.title}</h1>
      <ErrorSummary t={t} errors={errors} />
      <p class="lead">{a.intro}</p>
      <section aria-labelledby="audit-search">
        <h2 id="audit-search">{a.searchTitle}</h2>
        <form method="get" action="/admin/audit" role="search" aria-labelledby="audit-search">
          <Field t={t} name="action" label={a.action} hint={a.actionHint} value={query.action} autocomplete="off" spellcheck={false} optional error={errors.action} />
          <Select
            t={t}
            name="allowed"
            label={a.allowed}
            value={query.allowed}
            error={errors.allowed}
            blank={a.any}
            options={[
              { value: 'true', label: t.form.yes },
              { value: 'false', label: t.form.no },
            ]}
          />
          <Field t={t} name="from" label={a.from} hint={t.form.dateHint} value={query.from} inputMode="numeric" autocomplete="off" spellcheck={false} optional error={errors.from} />
          <Field t={t} name="to" label={a.to} hint={t.form.dateHint} value={query.to} inputMode="numeric" autocomplete="off" spellcheck={false} optional error={errors.to} />
          <p class="actions">
            <button type="submit">{a.search}</button>
          </p>
        </form>
      </section>
      <section aria-labelledby="audit-results">
        <h2 id="audit-results">{a.results}</h2>
        <p role="status">{props.rows.length === 0 ? a.none : a.count(props.rows.length)}</p>
        {props.rows.length > 0 ? (
          // Ten columns are wider than a desktop page: the table scrolls sideways, so the region
          // takes the focus and a keyboard user can scroll it with the arrow keys.
          <div class="table-scroll" role="region" aria-labelledby="audit-results" tabIndex={0}>
            <table class="stack">
              <thead>
                <tr>
                  <th scope="col">{a.when}</th>
                  <th scope="col">{a.who}</th>
                  <th scope="col">{a.role}</th>
                  <th scope="col">{a.action}</th>
                  <th scope="col">{a.resource}</th>
                  <th scope="col">{a.patient}</th>
                  <th scope="col">{a.allowed}</th>
                  <th scope="col">{a.reason}</th>
                  <th scope="col">{a.requestId}</th>
                  <th scope="col">{a.client}</th>
                </tr>
              </thead>
              <tbody>
                {props.rows.map((r) => (
                  <tr key={r.id}>
                    <th scope="row" data-label={a.when}>{dateTime(ctx.lang, r.at)}</th>
                    <td data-label={a.who}>{r.userName ?? ''}</td>
                    <td data-label={a.role}>{roleLabel(t, r.role)}</td>
                    <td data-label={a.action}>
                      <code>{r.action}</code>
                    </td>
                    <td class="break-any" data-label={a.resource}>{r.resource}</td>
                    <td class="break-any" data-label={a.patient}>{r.patientId ?? ''}</td>
                    <td data-label={a.allowed}>{r.allowed ? t.form.yes : t.form.no}</td>
                    <td data-label={a.reason}>{r.reason ?? ''}</td>
                    <td class="break-any" data-label={a.requestId}>{r.requestId ?? ''}</td>
                    <td class="break-any" data-label={a.client}>{r.clientIp ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
    </Layout>
  );
}
