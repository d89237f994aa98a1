// A child's standing and moving (clinical-rules.md §12), in two pages. The clinician's page
// (/patients/{id}/child/loading, 16 px) holds the daily plan the physiotherapist sets, the last 7
// days' means the record reads, the weekly totals against the target as a server-drawn chart with
// its sentence and its table, and a week's lines with who noted each. The tablet page (/log/{id})
// is for noting a session down in seconds: per activity a row of large buttons, each its own form,
// one press one line; a number field for any other number. Parents see it on their side (18 px,
// 44 px targets); staff on the clinician side get the same large buttons (the `tap` class). No script.
import { num } from '../../core/text.js';
import { LOADING_ACTIVITIES, type LoadingActivity } from '../../core/record/lists.js';
import { MOVEMENT_TARGET_MAX, MOVEMENT_TARGET_MIN, PLAN_MAX_MINUTES, LOG_MAX_MINUTES, PRESET_MINUTES, type LoadingWeek } from '../../core/children/loading-log.js';
import type { LoadingLogEntryView, LoadingLogWeek, LoadingPlanView } from '../../api/facade.js';
import { Layout, type PageContext } from '../components/Layout.js';
import { Csrf, ErrorSummary, Field, Notice, Radios, TextArea, type FieldErrors } from '../components/Form.js';
import { DataTable, EmptyState, PatientBanner } from '../components/Record.js';
import { calendarDate, clockTime, dateTime, numericDate } from '../time-format.js';
import type { Lang, Messages } from '../i18n/index.js';
import { addDays } from '../../core/time/date.js';
import { shortDay } from '../diary/diary.page.js';

const KEY: Record<LoadingActivity, 'standingFrame' | 'walkingAid' | 'otherMovement'> = {
  'standing-frame': 'standingFrame', 'walking-aid': 'walkingAid', 'other-movement': 'otherMovement',
};
/** Each activity's fill and pattern, so the stacked bars are told apart without colour too. */
const FILL: Record<LoadingActivity, string> = { 'standing-frame': '#1d4f91', 'walking-aid': 'url(#lw-hatch)', 'other-movement': '#8fb3e0' };

const W = 760;
const H = 340;
const PAD = { left: 64, right: 16, top: 20, bottom: 56 } as const;

/** The chart's top in minutes: a whole week at 60 minutes a day, or the busiest week, rounded up to an hour. */
export function weekScale(weeks: readonly LoadingWeek[]): number {
  return Math.ceil(Math.max(7 * MOVEMENT_TARGET_MAX, ...weeks.map((w) => w.total)) / 60) * 60;
}

export function LoadingChart({ t, lang, weeks }: { t: Messages; lang: Lang; weeks: readonly LoadingWeek[] }) {
  const c = t.childLoading;
  const top = weekScale(weeks);
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(1, weeks.length);
  const y = (m: number) => PAD.top + plotH - (m / top) * plotH;
  return (
    <svg viewBox={`0 0 ${String(W)} ${String(H)}`} role="img" aria-labelledby="loading-chart-title" xmlns="http://www.w3.org/2000/svg" class="loading-chart">
      <title id="loading-chart-title">{c.chartAlt}</title>
      <defs>
        <pattern id="lw-hatch" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="8" height="8" fill="#fff" />
          <line x1="0" y1="0" x2="0" y2="8" stroke="#1d4f91" stroke-width="4" />
        </pattern>
      </defs>
      {weeks.map((w, i) => {
        const x = PAD.left + slot * i;
        return <rect key={`t${w.from}`} x={x + slot * 0.1} y={y(MOVEMENT_TARGET_MAX * w.days)} width={slot * 0.8} height={y(MOVEMENT_TARGET_MIN * w.days) - y(MOVEMENT_TARGET_MAX * w.days)} fill="#e3efe3" />;
      })}
      <line x1={PAD.left} x2={PAD.left} y1={PAD.top} y2={PAD.top + plotH} stroke="#333" />
      <line x1={PAD.left} x2={PAD.left + plotW} y1={PAD.top + plotH} y2={PAD.top + plotH} stroke="#333" />
      {[0, top / 2, top].map((m) => <text key={`m${String(m)}`} x={PAD.left - 6} y={y(m) + 5} font-size="16" text-anchor="end">{num(m, lang)}</text>)}
      {weeks.map((w, i) => {
        const x = PAD.left + slot * i + slot * 0.25;
        let base = 0;
        return (
          <g key={w.from}>
            {LOADING_ACTIVITIES.map((a) => {
              const m = w[KEY[a]];
              if (m <= 0) return null;
              const r = <rect key={a} x={x} y={y(base + m)} width={slot * 0.5} height={y(base) - y(base + m)} fill={FILL[a]} stroke="#1d4f91" />;
              base += m;
              return r;
            })}
            <text x={PAD.left + slot * i + slot / 2} y={PAD.top + plotH + 22} font-size="16" text-anchor="middle">{shortDay(lang, w.from)}</text>
          </g>
        );
      })}
      <text x={PAD.left} y={H - 8} font-size="16">{c.targetKey}</text>
    </svg>
  );
}

/** The chart in words: every week's total against its target, and how often the target was met. */
export function chartSentences(t: Messages, lang: Lang, weeks: readonly LoadingWeek[]): string[] {
  const c = t.childLoading;
  if (weeks.every((w) => w.lines === 0)) return [c.summaryNone];
  return [
    ...weeks.map((w) => c.summaryWeek(calendarDate(lang, w.from), num(w.total, lang), num(MOVEMENT_TARGET_MIN * w.days, lang), w.metTarget)),
    c.summaryMet(num(weeks.filter((w) => w.metTarget).length, lang), num(weeks.length, lang)),
  ];
}

function Legend({ t }: { t: Messages }) {
  return (
    <ul class="chart-legend">
      {LOADING_ACTIVITIES.map((a) => (
        <li key={a}>
          <svg width="24" height="16" aria-hidden="true" viewBox="0 0 24 16">
            <defs>
              <pattern id={`lg-${a}`} width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                <rect width="8" height="8" fill="#fff" />
                <line x1="0" y1="0" x2="0" y2="8" stroke="#1d4f91" stroke-width="4" />
              </pattern>
            </defs>
            <rect width="24" height="16" fill={a === 'walking-aid' ? `url(#lg-${a})` : FILL[a]} stroke="#1d4f91" />
          </svg>
          {t.childLoading.activities[a]}
        </li>
      ))}
    </ul>
  );
}

function WeeksTable({ t, lang, weeks }: { t: Messages; lang: Lang; weeks: readonly LoadingWeek[] }) {
  const c = t.childLoading;
  return (
    <DataTable
      caption={c.tableCaption}
      rows={weeks}
      rowKey={(w) => w.from}
      columns={[
        { label: c.week, cell: (w) => c.weekOf(numericDate(w.from), numericDate(w.to)) },
        ...LOADING_ACTIVITIES.map((a) => ({ label: c.activities[a], numeric: true, cell: (w: LoadingWeek) => num(w[KEY[a]], lang) })),
        { label: c.total, numeric: true, cell: (w) => num(w.total, lang) },
        { label: c.targetCol, numeric: true, cell: (w) => num(MOVEMENT_TARGET_MIN * w.days, lang) },
        { label: c.met, cell: (w) => (w.metTarget ? c.yes : c.no) },
      ]}
    />
  );
}

function PlanText({ t, lang, plan }: { t: Messages; lang: Lang; plan: LoadingPlanView }) {
  const c = t.childLoading;
  return (
    <>
      <ul class="bullets">
        {LOADING_ACTIVITIES.map((a) => <li key={a}>{`${c.activities[a]}: ${num(plan[KEY[a]], lang)} ${c.perDay}`}</li>)}
      </ul>
      <p>{`${c.planTotal(num(plan.total, lang))} ${c.verdict[plan.verdict]}`}</p>
      {plan.note ? <p>{plan.note}</p> : null}
      <p class="hint">{c.planSetBy(plan.setBy ?? '—', dateTime(lang, plan.setAt))}</p>
    </>
  );
}

function Lines({ t, lang, items, withDate, caption }: { t: Messages; lang: Lang; items: readonly LoadingLogEntryView[]; withDate: boolean; caption: string }) {
  const c = t.childLoading;
  return (
    <DataTable
      caption={caption}
      captionHidden
      rows={items}
      rowKey={(l) => l.id}
      columns={[
        withDate ? { label: c.date, cell: (l) => calendarDate(lang, l.date) } : { label: c.at, cell: (l) => clockTime(lang, l.loggedAt) },
        { label: c.what, cell: (l) => c.activities[l.activity] },
        { label: c.minutes, numeric: true, cell: (l) => num(l.minutes, lang) },
        { label: c.who, cell: (l) => l.loggedBy ?? '—' },
      ]}
    />
  );
}

export interface LoadingPageProps {
  ctx: PageContext;
  log: LoadingLogWeek;
  csrf: string;
  /** The reader keeps the child's profile (the centre's physiotherapist or physician): the plan's form is shown. */
  mayPlan: boolean;
  values?: Record<string, string>;
  errors?: FieldErrors;
  saved?: boolean;
}

/** What both pages start from: the words, the form's problems, whose record. */
function opening(p: { ctx: PageContext; log: LoadingLogWeek; errors?: FieldErrors | undefined }) {
  const errors = p.errors ?? {};
  return { t: p.ctx.t, c: p.ctx.t.childLoading, errors, failed: Object.keys(errors).length > 0, id: p.log.patient.id };
}

/** /patients/{id}/child/loading: the plan, the means, the weeks and a week's lines. */
export function LoadingPage(p: LoadingPageProps) {
  const { ctx, log } = p;
  const { t, c, errors, failed, id } = opening(p);
  const base = `/patients/${id}/child/loading`;
  const plan = log.plan;
  const v = p.values ?? (plan ? { standingFrame: String(plan.standingFrame), walkingAid: String(plan.walkingAid), otherMovement: String(plan.otherMovement), note: plan.note ?? '' } : {});
  const thisWeek = log.to >= log.today;
  return (
    <Layout ctx={ctx} title={failed ? `${t.form.titlePrefix}: ${c.title}` : `${c.title} – ${log.patient.name}`}>
      <div class="record-head">
        <PatientBanner ctx={ctx} patient={log.patient} />
      </div>
      <h1>{c.title}</h1>
      {p.saved ? <Notice ok>{c.planSaved}</Notice> : null}
      <ErrorSummary t={t} errors={errors} />
      <p>{c.intro}</p>
      <ul class="bullets">
        <li><a href={`/patients/${id}/child`}>{c.toChild}</a></li>
        <li><a href={`/log/${id}`}>{c.toLog}</a></li>
      </ul>
      <section aria-labelledby="plan-title">
        <h2 id="plan-title">{c.planTitle}</h2>
        {plan ? <PlanText t={t} lang={ctx.lang} plan={plan} /> : <EmptyState>{log.fromAge ? c.planNone : c.planTooYoung}</EmptyState>}
        {p.mayPlan && log.fromAge ? (
          <details class="action" open={failed || plan === null}>
            <summary>{c.planForm}</summary>
            <form method="post" action={base} novalidate>
              <Csrf token={p.csrf} />
              <Field t={t} name="standingFrame" label={`${c.activities['standing-frame']} (${c.perDay})`} hint={c.minutesHint} value={v.standingFrame} error={errors.standingFrame} inputMode="numeric" autocomplete="off" type="number" min={0} max={PLAN_MAX_MINUTES} />
              <Field t={t} name="walkingAid" label={`${c.activities['walking-aid']} (${c.perDay})`} hint={c.minutesHint} value={v.walkingAid} error={errors.walkingAid} inputMode="numeric" autocomplete="off" type="number" min={0} max={PLAN_MAX_MINUTES} />
              <Field t={t} name="otherMovement" label={`${c.activities['other-movement']} (${c.perDay})`} hint={c.minutesHint} value={v.otherMovement} error={errors.otherMovement} inputMode="numeric" autocomplete="off" type="number" min={0} max={PLAN_MAX_MINUTES} />
              <TextArea t={t} name="note" label={c.planNote} hint={c.planNoteHint} value={v.note} error={errors.note} optional maxLength={2000} />
              <p class="actions"><button type="submit">{c.savePlan}</button></p>
            </form>
          </details>
        ) : null}
      </section>
      <section aria-labelledby="means-title">
        <h2 id="means-title">{c.meansTitle}</h2>
        {log.means ? (
          <>
            <p>{c.means(num(log.means.standing, ctx.lang), num(log.means.movement, ctx.lang), num(log.means.days, ctx.lang))}</p>
            <p class="hint">{c.meansUse}</p>
          </>
        ) : <EmptyState>{c.meansNone}</EmptyState>}
      </section>
      <section aria-labelledby="chart-title">
        <h2 id="chart-title">{c.chartTitle}</h2>
        <figure class="chart">
          <LoadingChart t={t} lang={ctx.lang} weeks={log.weeks} />
          <figcaption>
            <Legend t={t} />
            {chartSentences(t, ctx.lang, log.weeks).map((s) => <p key={s}>{s}</p>)}
          </figcaption>
        </figure>
        <WeeksTable t={t} lang={ctx.lang} weeks={log.weeks} />
      </section>
      <section aria-labelledby="lines-title">
        <h2 id="lines-title">{c.linesTitle(numericDate(log.from), numericDate(log.to))}</h2>
        {log.items.length === 0 ? <EmptyState>{c.linesNone}</EmptyState> : <Lines t={t} lang={ctx.lang} items={[...log.items].reverse()} withDate caption={c.linesTitle(numericDate(log.from), numericDate(log.to))} />}
        <ul class="pager">
          <li><a href={`${base}?week=${addDays(log.from, -7)}#lines-title`}>{c.weekBefore}</a></li>
          {thisWeek ? null : <li><a href={`${base}?week=${addDays(log.from, 7)}#lines-title`}>{c.weekAfter}</a></li>}
          {thisWeek ? null : <li><a href={`${base}#lines-title`}>{c.thisWeek}</a></li>}
        </ul>
      </section>
    </Layout>
  );
}

export interface LogPageProps {
  ctx: PageContext;
  log: LoadingLogWeek;
  csrf: string;
  /** The reader is a parent (else the centre's staff). */
  parent: boolean;
  /** The line just noted down, to confirm it. */
  noted?: LoadingLogEntryView | undefined;
  /** A line was taken back, or could not be (not the reader's, not today's, or gone already). */
  takenBack?: 'yes' | 'refused' | undefined;
  values?: Record<string, string>;
  errors?: FieldErrors;
}

/** /log/{id}: the tablet page. */
export function LogPage(p: LogPageProps) {
  const { ctx, log } = p;
  const { t, c, errors, failed, id } = opening(p);
  const action = `/log/${id}`;
  const today = log.items.filter((l) => l.date === log.today).reverse();
  const todayTotal = today.reduce((s, l) => s + l.minutes, 0);
  const weekTotal = log.weeks.at(-1)?.total ?? 0;
  const v = p.values ?? {};
  return (
    <Layout ctx={ctx} title={failed ? `${t.form.titlePrefix}: ${c.logTitle}` : `${c.logTitle} – ${log.patient.name}`}>
      <div class="tablet">
        <h1>{c.logTitle}</h1>
        <p class="for-whom"><strong>{c.logFor(log.patient.name)}</strong></p>
        {p.noted ? (
          <Notice ok>
            {c.noted(num(p.noted.minutes, ctx.lang), c.activities[p.noted.activity].toLowerCase(), p.noted.loggedBy ?? '—')}
            <form method="post" action={`${action}/take-back`} class="take-back">
              <Csrf token={p.csrf} />
              <input type="hidden" name="lineId" value={p.noted.id} />
              <button type="submit" class="secondary">{c.takeBack}</button>
            </form>
          </Notice>
        ) : null}
        {p.takenBack === 'yes' ? <Notice ok>{c.takenBack}</Notice> : null}
        {p.takenBack === 'refused' ? <Notice>{c.takeBackRefused}</Notice> : null}
        <ErrorSummary t={t} errors={errors} />
        <p>{p.parent ? c.logIntro : c.logStaffIntro}</p>
        {LOADING_ACTIVITIES.map((a) => (
          <section key={a} aria-labelledby={`tap-${a}`} class="tap-group">
            <h2 id={`tap-${a}`}>{c.activities[a]}</h2>
            <div class="tap-row">
              {PRESET_MINUTES.map((m) => (
                <form key={m} method="post" action={action}>
                  <Csrf token={p.csrf} />
                  <input type="hidden" name="activity" value={a} />
                  <input type="hidden" name="minutes" value={String(m)} />
                  <button type="submit" class="tap">
                    {c.minutesShort(num(m, ctx.lang))}
                    <span class="visually-hidden">{` ${c.activities[a].toLowerCase()}`}</span>
                  </button>
                </form>
              ))}
            </div>
          </section>
        ))}
        <section aria-labelledby="other-title" class="tap-group">
          <h2 id="other-title">{c.otherMinutes}</h2>
          <form method="post" action={action} novalidate>
            <Csrf token={p.csrf} />
            <Radios t={t} name="activity" legend={c.what} options={LOADING_ACTIVITIES.map((a) => ({ value: a, label: c.activities[a] }))} value={v.activity} error={errors.activity} />
            <Field t={t} name="minutes" label={c.minutes} hint={c.otherHint} value={v.minutes} error={errors.minutes} inputMode="numeric" autocomplete="off" type="number" min={1} max={LOG_MAX_MINUTES} />
            <p class="actions"><button type="submit" class="tap">{c.note}</button></p>
          </form>
        </section>
        <section aria-labelledby="today-title">
          <h2 id="today-title">{c.todayTitle}</h2>
          {today.length === 0 ? <p>{c.todayNone}</p> : <Lines t={t} lang={ctx.lang} items={today} withDate={false} caption={c.todayTitle} />}
          <p>{c.todayTotal(num(todayTotal, ctx.lang))}{log.plan ? ` ${c.todayPlan(num(log.plan.total, ctx.lang))}` : ''}</p>
          <p>{c.weekTotal(num(weekTotal, ctx.lang))}</p>
        </section>
        <ul class="bullets">
          {p.parent ? null : <li><a href={`/patients/${id}/child/loading`}>{c.more}</a></li>}
          <li><a href={p.parent ? `/child/${id}` : `/patients/${id}/child`}>{c.back}</a></li>
        </ul>
      </div>
    </Layout>
  );
}
