// A day centre's groups: the administrator's page (the groups with their children and care workers,
// and the forms that change them) and the care worker's start page (the children of their group,
// each with the way to the quick log and to the child's overview).
import { Layout, type PageContext } from '../components/Layout.js';
import { Csrf, ErrorSummary, Field, Notice, Select, type FieldErrors } from '../components/Form.js';
import { fullName } from '../../core/names.js';
import { numericDate } from '../time-format.js';
import type { GroupsView, MyGroups } from '../../api/facade.js';

type Child = GroupsView['children'][number];
const nameOf = (c: Child) => fullName({ givenName: c.givenName, familyNamePrefix: c.familyNamePrefix, familyName: c.familyName });

export type GroupsNotice = 'changed';

interface MemberRow {
  id: string;
  name: string;
  birthDate?: string;
  /** Where the row's remove button posts. */
  remove: string;
  group: string;
}

/** A group's children or care workers: one row each with its remove button, or a line saying there are none. */
function Members(p: {
  ctx: PageContext;
  csrf: string;
  title: string;
  caption: string;
  empty: string;
  column: string;
  extra?: { label: string; of: (r: MemberRow) => string };
  rows: readonly MemberRow[];
}) {
  const g = p.ctx.t.dayCentreGroups.admin;
  return (
    <>
      <h3>{p.title}</h3>
      {p.rows.length === 0 ? (
        <p>{p.empty}</p>
      ) : (
        <div class="table-scroll">
          <table class="stack">
            <caption class="visually-hidden">{p.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{p.column}</th>
                {p.extra ? <th scope="col">{p.extra.label}</th> : null}
                <th scope="col">{g.remove}</th>
              </tr>
            </thead>
            <tbody>
              {p.rows.map((r) => (
                <tr key={r.id}>
                  <th scope="row" data-label={p.column}>{r.name}</th>
                  {p.extra ? <td data-label={p.extra.label}>{p.extra.of(r)}</td> : null}
                  <td data-label={g.remove}>
                    <form method="post" action={r.remove}>
                      <Csrf token={p.csrf} />
                      <button type="submit" class="secondary">
                        {g.remove}
                        <span class="visually-hidden"> ({`${r.name}, ${r.group}`})</span>
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

type Choice = { value: string; label: string };

/** One form that puts someone (a child, a care worker) in a group: the group and whom, each from a list. */
function AddMember(p: {
  ctx: PageContext;
  csrf: string;
  id: string;
  action: string;
  title: string;
  group: { name: string; options: readonly Choice[] };
  whom: { name: string; label: string; options: readonly Choice[] };
  values: Record<string, string>;
  errors: FieldErrors;
}) {
  const t = p.ctx.t;
  return (
    <section aria-labelledby={p.id}>
      <h2 id={p.id}>{p.title}</h2>
      <form method="post" action={p.action} novalidate>
        <Csrf token={p.csrf} />
        <Select t={t} name={p.group.name} label={t.dayCentreGroups.admin.group} value={p.values[p.group.name]} error={p.errors[p.group.name]} blank={t.form.chooseOption} options={p.group.options} />
        <Select t={t} name={p.whom.name} label={p.whom.label} value={p.values[p.whom.name]} error={p.errors[p.whom.name]} blank={t.form.chooseOption} options={p.whom.options} />
        <p class="actions">
          <button type="submit">{p.title}</button>
        </p>
      </form>
    </section>
  );
}

export function GroupsAdminPage(props: { ctx: PageContext; csrf: string; view: GroupsView; values?: Record<string, string>; errors?: FieldErrors; notice?: GroupsNotice }) {
  const { ctx, view } = props;
  const t = ctx.t;
  const g = t.dayCentreGroups.admin;
  const errors = props.errors ?? {};
  const v = props.values ?? {};
  const groupOptions = view.groups.map((x) => ({ value: x.id, label: x.name }));
  return (
    <Layout ctx={ctx} title={Object.keys(errors).length > 0 ? `${t.form.titlePrefix}: ${g.title}` : g.title}>
      <h1>{g.title}</h1>
      <ErrorSummary t={t} errors={errors} />
      {props.notice ? <Notice ok>{g.changed}</Notice> : null}
      <p class="lead">{g.intro}</p>
      {view.groups.length === 0 ? <p>{g.noGroups}</p> : null}
      {view.groups.map((group) => (
        <section key={group.id} aria-labelledby={`group-${group.id}`}>
          <h2 id={`group-${group.id}`}>{group.name}</h2>
          <Members
            ctx={ctx}
            csrf={props.csrf}
            caption={`${group.name}: ${g.children}`}
            title={g.children}
            empty={g.noChildren}
            column={g.child}
            extra={{ label: g.birthDate, of: (r) => r.birthDate ?? '' }}
            rows={group.children.map((c) => ({ id: c.patientId, name: nameOf(c), birthDate: numericDate(c.birthDate), remove: `/admin/groups/${group.id}/children/${c.patientId}/remove`, group: group.name }))}
          />
          <Members
            ctx={ctx}
            csrf={props.csrf}
            caption={`${group.name}: ${g.staff}`}
            title={g.staff}
            empty={g.noStaff}
            column={g.careWorker}
            rows={group.staff.map((m) => ({ id: m.userId, name: m.active ? m.displayName : `${m.displayName} ${g.pending}`, remove: `/admin/groups/${group.id}/staff/${m.userId}/remove`, group: group.name }))}
          />
        </section>
      ))}
      {view.groups.length > 0 ? (
        <>
          <AddMember
            ctx={ctx}
            csrf={props.csrf}
            id="add-child"
            action="/admin/groups/children"
            title={g.addChild}
            group={{ name: 'childGroup', options: groupOptions }}
            whom={{ name: 'patientId', label: g.child, options: view.children.map((c) => ({ value: c.patientId, label: `${nameOf(c)} (${numericDate(c.birthDate)})` })) }}
            values={v}
            errors={errors}
          />
          <AddMember
            ctx={ctx}
            csrf={props.csrf}
            id="add-staff"
            action="/admin/groups/staff"
            title={g.addStaff}
            group={{ name: 'staffGroup', options: groupOptions }}
            whom={{ name: 'userId', label: g.careWorker, options: view.careWorkers.map((m) => ({ value: m.userId, label: m.displayName })) }}
            values={v}
            errors={errors}
          />
        </>
      ) : null}
      <section aria-labelledby="new-group">
        <h2 id="new-group">{g.newTitle}</h2>
        <form method="post" action="/admin/groups" novalidate>
          <Csrf token={props.csrf} />
          <Field t={t} name="name" label={g.name} value={v.name} autocomplete="off" error={errors.name} />
          <p class="actions">
            <button type="submit">{g.make}</button>
          </p>
        </form>
      </section>
    </Layout>
  );
}

/** The care worker's start page: the children of their group(s). */
export function MyGroupPage({ ctx, groups }: { ctx: PageContext; groups: MyGroups['groups'] }) {
  const t = ctx.t;
  const m = t.dayCentreGroups.mine;
  return (
    <Layout ctx={ctx} title={m.title}>
      <h1>{m.title}</h1>
      {groups.length === 0 ? <p class="lead">{m.none}</p> : <p class="lead">{m.intro}</p>}
      {groups.map((group) => (
        <section key={group.id} aria-labelledby={`group-${group.id}`}>
          <h2 id={`group-${group.id}`}>{group.name}</h2>
          {group.children.length === 0 ? (
            <p>{m.empty}</p>
          ) : (
            <div class="table-scroll">
              <table class="stack">
                <caption class="visually-hidden">{group.name}</caption>
                <thead>
                  <tr>
                    <th scope="col">{m.child}</th>
                    <th scope="col">{m.birthDate}</th>
                    <th scope="col">{m.actions}</th>
                  </tr>
                </thead>
                <tbody>
                  {group.children.map((c) => (
                    <tr key={c.patientId}>
                      <th scope="row" data-label={m.child}>{nameOf(c)}</th>
                      <td data-label={m.birthDate}>{numericDate(c.birthDate)}</td>
                      <td data-label={m.actions}>
                        <ul class="bullets">
                          <li>
                            <a href={`/log/${c.patientId}`}>{m.log(nameOf(c))}</a>
                          </li>
                          <li>
                            <a href={`/patients/${c.patientId}/child`}>{m.overview(nameOf(c))}</a>
                          </li>
                        </ul>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ))}
    </Layout>
  );
}
