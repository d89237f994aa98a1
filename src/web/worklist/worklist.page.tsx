// The worklist as the fracture liaison nurse and the physician start their day with it: the filter
// (a plain GET form), the number of open steps per step as a row of links, one dense table of the
// patients with the step each needs and by when, and the buttons that say an alert was seen or a
// task is done. Every code the list carries is shown in words; a code the catalogue does not know
// yet (a later step or reason) is shown as it is rather than hidden.
import { Layout, type PageContext } from '../components/Layout.js';
import { ErrorSummary, Field, Notice, Select, Csrf, type FieldErrors } from '../components/Form.js';
import { PageLinks } from '../components/PageLinks.js';
import { Chip, DataTable, EmptyState, type Column } from '../components/Record.js';
import { numericDate, numericDateTime } from '../time-format.js';
import type { Messages } from '../i18n/index.js';
import { FRACTURE_SITES } from '../../core/case.schema.js';
import { AGE_BANDS, PRACTICE_STEPS, WORKLIST_STEPS } from '../../core/worklist/lists.js';
import { ageOn } from '../../core/time/date.js';
import type { WorklistItemView, WorklistPage as Listed } from '../../api/facade.js';
import { FILTER_FIELDS, type Filters } from './worklist.forms.js';

/** The word for a step; a step the catalogue does not know yet is shown by its code. */
export function stepWords(t: Messages, step: string): string {
  return t.worklist.steps[step] ?? step;
}

/**
 * The words for one reason code: the worklist's own, a drug or a lab test by the record's names,
 * "within N days" with its number; anything else (a code added later) as it came.
 */
export function reasonWords(t: Messages, code: string): string {
  const own = t.worklist.reasons[code];
  if (own !== undefined) return own;
  const drug = (t.facts.options.drug as Record<string, string | undefined>)[code];
  if (drug !== undefined) return drug;
  const test = (t.clinical.labTests as Record<string, string | undefined>)[code];
  if (test !== undefined) return test;
  const within = /^within-(\d+)-days$/.exec(code);
  if (within) return t.worklist.withinDays(within[1] ?? '');
  return code;
}

export type ItemStatus = 'overdue' | 'today' | 'due' | 'planned';

/** Overdue as the list says (the core's status where it has one); otherwise by the date. */
export function statusOf(item: Pick<WorklistItemView, 'overdue' | 'due'>, today: string): ItemStatus {
  if (item.overdue) return 'overdue';
  if (item.due === today) return 'today';
  return item.due < today ? 'due' : 'planned';
}

const STATUS_TONE = { overdue: 'error', today: 'warn', due: 'warn', planned: 'plain' } as const;

/** The list's address with these filters (empty ones left out), in the form's order. */
export function listHref(filters: Filters, extra: Record<string, string | undefined> = {}): string {
  const q = new URLSearchParams();
  for (const f of FILTER_FIELDS) {
    const v = f in extra ? extra[f] : filters[f];
    if (v !== undefined && v !== '') q.set(f, v);
  }
  for (const [k, v] of Object.entries(extra)) if (!(FILTER_FIELDS as readonly string[]).includes(k) && v !== undefined && v !== '') q.set(k, v);
  const s = q.toString();
  return s === '' ? '/worklist' : `/worklist?${s}`;
}

export interface WorklistPageProps {
  ctx: PageContext;
  csrf: string;
  today: string;
  filters: Filters;
  errors?: FieldErrors;
  list: Pick<Listed, 'items' | 'counts' | 'nextCursor' | 'prevCursor' | 'total' | 'before'>;
  /** The current page's address (with its cursor): where a row's button returns to. */
  here: string;
  /** Colleagues' names by user id: who saw an alert. */
  names: ReadonlyMap<string, string>;
  notice?: 'acknowledged' | 'done' | undefined;
  /** A row's action that the item's state did not allow, in words. */
  refused?: string | undefined;
}

export function WorklistPage(props: WorklistPageProps) {
  const { ctx, filters, list } = props;
  const t = ctx.t;
  const w = t.worklist;
  const c = w.columns;
  const errors = props.errors ?? {};
  const num = new Intl.NumberFormat(ctx.lang === 'nl' ? 'nl-NL' : 'en-GB');
  const n = (x: number) => num.format(x);
  const sort = filters.sort ?? 'due';
  const totalAll = Object.values(list.counts).reduce((a, b) => a + (b ?? 0), 0);
  const title = Object.keys(errors).length > 0 || props.refused ? `${t.form.titlePrefix}: ${w.title}` : w.title;

  const sortHead = (key: 'due' | 'name' | 'fractureDate', label: string) => (
    <a href={listHref(filters, { sort: key })}>
      {label}
      <span class="visually-hidden">{`, ${sort === key ? w.sortedBy : w.sortBy}`}</span>
      {sort === key ? <span aria-hidden="true"> ↓</span> : null}
    </a>
  );

  const columns: Column<WorklistItemView>[] = [
    { label: c.patient, head: sortHead('name', c.patient), sorted: sort === 'name' ? 'ascending' : undefined, cell: (r) => <a href={`/patients/${r.patientId}`}>{r.name}</a> },
    { label: c.born, cell: (r) => <span class="num">{w.bornAge(numericDate(r.birthDate), t.clinical.age(ageOn(r.birthDate, props.today)))}</span> },
    {
      label: c.step,
      cell: (r) =>
        // A report's alert opens the report itself (opening it marks it read for the patient).
        r.step === 'alert' && r.source === 'report' ? (
          <a href={`/worklist/${r.itemId}/report`}>{t.reports.openFromWorklist(r.reasons.map((x) => reasonWords(t, x)).join('; '))}</a>
        ) : r.step === 'alert' && r.source === 'fracture-signal' ? (
          <a href={`/patients/${r.patientId}/child/signals`}>{t.fractureSignals.openFromWorklist}</a>
        ) : r.step === 'task' && r.title ? `${stepWords(t, r.step)}: ${r.title}` : stepWords(t, r.step),
    },
    { label: c.due, head: sortHead('due', c.due), sorted: sort === 'due' ? 'ascending' : undefined, cell: (r) => <span class="num">{numericDate(r.due)}</span> },
    {
      label: c.status,
      cell: (r) => {
        const s = statusOf(r, props.today);
        return <Chip tone={STATUS_TONE[s]}>{w.status[s]}</Chip>;
      },
    },
    {
      label: c.priority,
      cell: (r) => (r.priority === 'high' ? <Chip tone="error">{w.priorities.high ?? r.priority}</Chip> : (w.priorities[r.priority] ?? r.priority)),
    },
    { label: c.reasons, cell: (r) => r.reasons.map((x) => reasonWords(t, x)).join('; ') },
    {
      label: c.fracture,
      head: sortHead('fractureDate', c.fracture),
      sorted: sort === 'fractureDate' ? 'ascending' : undefined,
      cell: (r) =>
        r.fractureDate === null ? (
          w.noFracture
        ) : (
          <>
            <span class="num">{numericDate(r.fractureDate)}</span>
            {r.fractureSite ? `, ${(t.clinical.sites as Record<string, string | undefined>)[r.fractureSite] ?? r.fractureSite}` : ''}
          </>
        ),
    },
    { label: c.action, cell: (r) => <RowActions t={t} item={r} csrf={props.csrf} here={props.here} names={props.names} /> },
  ];

  const { items, total, before } = list;
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{w.title}</h1>
      <p class="lead">{w.intro}</p>
      <ErrorSummary t={t} errors={errors} />
      {props.refused ? (
        <div class="error-summary" role="alert" aria-labelledby="refused-title" tabIndex={-1} autofocus>
          <h2 id="refused-title">{w.refusedTitle}</h2>
          <p>{props.refused}</p>
        </div>
      ) : null}
      {props.notice ? <Notice ok>{w.notices[props.notice]}</Notice> : null}

      <section aria-labelledby="filter-title" class="worklist-filter">
        <h2 id="filter-title">{w.filterTitle}</h2>
        <form method="get" action="/worklist" role="search" aria-labelledby="filter-title">
          <Field t={t} name="q" type="search" label={w.q} hint={w.qHint} value={filters.q} autocomplete="off" spellcheck={false} optional error={errors.q} />
          <div class="inline-form">
            <Select t={t} name="step" label={w.step} blank={w.allSteps} value={filters.step} error={errors.step} options={WORKLIST_STEPS.filter((s) => !PRACTICE_STEPS.includes(s)).map((s) => ({ value: s, label: stepWords(t, s) }))} />
            <Select
              t={t}
              name="overdue"
              label={w.overdue}
              blank={w.overdueAny}
              value={filters.overdue}
              error={errors.overdue}
              options={[
                { value: 'true', label: w.overdueOnly },
                { value: 'false', label: w.overdueNot },
              ]}
            />
            <Select t={t} name="assignee" label={w.assignee} blank={w.anyone} value={filters.assignee} error={errors.assignee} options={[{ value: 'mine', label: w.mine }]} />
            <Select t={t} name="ageBand" label={w.ageBand} blank={w.anyAge} value={filters.ageBand} error={errors.ageBand} options={AGE_BANDS.map((a) => ({ value: a, label: w.ageBands[a] ?? a }))} />
            <Select
              t={t}
              name="site"
              label={w.site}
              blank={w.anySite}
              value={filters.site}
              error={errors.site}
              options={FRACTURE_SITES.map((s) => ({ value: s, label: (t.clinical.sites as Record<string, string | undefined>)[s] ?? s }))}
            />
            <Select t={t} name="sort" label={w.sort} value={sort} error={errors.sort} options={(['due', 'name', 'fractureDate'] as const).map((s) => ({ value: s, label: w.sorts[s] ?? s }))} />
          </div>
          <p class="actions">
            <button type="submit">{w.show}</button>
          </p>
        </form>
      </section>

      <nav class="section-nav step-tabs" aria-label={w.stepsLabel}>
        <ul>
          <li>
            <a href={listHref(filters, { step: undefined })} aria-current={filters.step === undefined ? 'page' : undefined}>
              {w.allTab(n(totalAll))}
            </a>
          </li>
          {WORKLIST_STEPS.filter((s) => (list.counts[s] ?? 0) > 0 || filters.step === s).map((s) => (
            <li key={s}>
              <a href={listHref(filters, { step: s })} aria-current={filters.step === s ? 'page' : undefined}>
                {w.stepTab(stepWords(t, s), n(list.counts[s] ?? 0))}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <p role="status">{total === 0 ? w.none : items.length === 0 ? w.count(n(total)) : `${w.count(n(total))} ${w.shown(n(before + 1), n(before + items.length), n(total))}`}</p>
      {items.length > 0 ? (
        <DataTable caption={w.caption} columns={columns} rows={items} rowKey={(r) => r.itemId} />
      ) : total === 0 ? (
        <EmptyState>{w.none}</EmptyState>
      ) : null}
      <PageLinks
        label={w.pages}
        links={[
          list.prevCursor ? { href: listHref(filters, { cursor: list.prevCursor }), text: w.previous, rel: 'prev' } : null,
          list.nextCursor ? { href: listHref(filters, { cursor: list.nextCursor }), text: w.next, rel: 'next' } : null,
          // An empty page of a list that has rows (a stale or edited link): back to the start.
          items.length === 0 && total > 0 ? { href: listHref(filters), text: w.firstPage } : null,
        ]}
      />
    </Layout>
  );
}

/** A row's buttons: an open alert is seen, a seen alert is dealt with, a task is done; derived steps close by themselves. */
function RowActions({ t, item, csrf, here, names }: { t: Messages; item: WorklistItemView; csrf: string; here: string; names: ReadonlyMap<string, string> }) {
  const w = t.worklist;
  const button = (action: 'acknowledge' | 'done', text: string) => (
    <form method="post" action={`/worklist/${item.itemId}/${action}`} class="row-form">
      <Csrf token={csrf} />
      <input type="hidden" name="return" value={here} />
      <button type="submit">
        {text}
        <span class="visually-hidden">{`: ${w.forWhom(stepWords(t, item.step), item.name)}`}</span>
      </button>
    </form>
  );
  if (item.step === 'alert' && item.state === 'open') return button('acknowledge', w.acknowledge);
  if (item.step === 'alert' && item.state === 'acknowledged') {
    const who = item.acknowledgedBy ? (names.get(item.acknowledgedBy) ?? w.someone) : w.someone;
    return (
      <>
        <p class="hint">{w.acknowledgedBy(who, item.acknowledgedAt ? numericDateTime(item.acknowledgedAt) : '')}</p>
        {button('done', w.done)}
      </>
    );
  }
  if (item.step === 'task' && item.state === 'open') return button('done', w.taskDone);
  return null;
}
