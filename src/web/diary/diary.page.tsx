// "My diary" on the patient's side: one form to write a line (the screen's main action), the last
// eight weeks as a server-drawn chart (minutes as bars, the mean pain as dots, the goal of 30 minutes
// a day shaded) with the same figures in words and in a table, then the lines written, newest first.
// No script; the chart is an SVG inside the page, so the page needs no other file.
import { num } from '../../core/text.js';
import type { DiaryEntryView, DiaryView } from '../../api/facade.js';
import { Layout, type PageContext } from '../components/Layout.js';
import { Csrf, ErrorSummary, Field, Notice, Radios, TextArea, type FieldErrors } from '../components/Form.js';
import { calendarDate, numericDate } from '../time-format.js';
import type { Lang, Messages } from '../i18n/index.js';
import type { DiaryWeek } from '../../core/diary/diary.js';

/** The goal the chart shades: 30 minutes of activity a day (product.md, lifestyle). */
export const WEEK_TARGET_MINUTES = 7 * 30;

// Labels at 18 px, the patient side's smallest text (design.md), whatever the drawing's scale.
const W = 760;
const H = 360;
const PAD = { left: 72, right: 60, top: 24, bottom: 64 } as const;

/** A week's first day, short: "30 nov". */
export const shortDay = (lang: Lang, ymd: string) => new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${ymd}T12:00:00Z`));

/** The chart's top in minutes: the goal or the busiest week, rounded up to a whole hour. */
export function minutesScale(weeks: readonly DiaryWeek[]): number {
  const most = Math.max(WEEK_TARGET_MINUTES, ...weeks.map((w) => w.minutes));
  return Math.ceil(most / 60) * 60;
}

export function DiaryChart({ t, lang, weeks }: { t: Messages; lang: Lang; weeks: readonly DiaryWeek[] }) {
  const d = t.diary;
  const top = minutesScale(weeks);
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(1, weeks.length);
  const yMin = (m: number) => PAD.top + plotH - (m / top) * plotH;
  const yPain = (p: number) => PAD.top + plotH - (p / 10) * plotH;
  const pains = weeks.map((w, i) => (w.pain === null ? null : { x: PAD.left + slot * i + slot / 2, y: yPain(w.pain) }));
  const path = pains.filter((p): p is { x: number; y: number } => p !== null).map((p, i) => `${i === 0 ? 'M' : 'L'} ${p.x.toFixed(1)} ${p.y.toFixed(1)}`).join(' ');
  return (
    <svg viewBox={`0 0 ${String(W)} ${String(H)}`} role="img" aria-labelledby="diary-chart-title" xmlns="http://www.w3.org/2000/svg" class="diary-chart">
      <title id="diary-chart-title">{d.chartAlt}</title>
      <rect x={PAD.left} y={yMin(WEEK_TARGET_MINUTES)} width={plotW} height={yMin(0) - yMin(WEEK_TARGET_MINUTES)} fill="#e3efe3" />
      <line x1={PAD.left} x2={PAD.left + plotW} y1={yMin(WEEK_TARGET_MINUTES)} y2={yMin(WEEK_TARGET_MINUTES)} stroke="#1f4d1f" stroke-dasharray="6 4" />
      <text x={PAD.left + 6} y={yMin(WEEK_TARGET_MINUTES) - 6} font-size="18" fill="#1f4d1f">{d.target}</text>
      <line x1={PAD.left} x2={PAD.left} y1={PAD.top} y2={PAD.top + plotH} stroke="#333" />
      <line x1={PAD.left} x2={PAD.left + plotW} y1={PAD.top + plotH} y2={PAD.top + plotH} stroke="#333" />
      <line x1={PAD.left + plotW} x2={PAD.left + plotW} y1={PAD.top} y2={PAD.top + plotH} stroke="#333" />
      {[0, top / 2, top].map((m) => <text key={`m${String(m)}`} x={PAD.left - 6} y={yMin(m) + 5} font-size="18" text-anchor="end">{num(m, lang)}</text>)}
      {[0, 5, 10].map((p) => <text key={`p${String(p)}`} x={PAD.left + plotW + 6} y={yPain(p) + 5} font-size="18">{String(p)}</text>)}
      {weeks.map((w, i) => {
        const x = PAD.left + slot * i;
        return (
          <g key={w.from}>
            {w.minutes > 0 ? <rect x={x + slot * 0.2} y={yMin(w.minutes)} width={slot * 0.6} height={yMin(0) - yMin(w.minutes)} fill="#1d4f91" /> : null}
            <text x={x + slot / 2} y={PAD.top + plotH + 24} font-size="18" text-anchor="middle">{shortDay(lang, w.from)}</text>
          </g>
        );
      })}
      {path === '' ? null : <path d={path} fill="none" stroke="#8a3b00" stroke-width="2" />}
      {pains.map((p, i) => (p === null ? null : <circle key={`c${String(i)}`} cx={p.x} cy={p.y} r="6" fill="#fff" stroke="#8a3b00" stroke-width="3" />))}
      <text x={PAD.left} y={H - 6} font-size="18">{`${d.barsKey} · ${d.dotsKey}`}</text>
      <text x={18} y={PAD.top + plotH / 2} font-size="18" text-anchor="middle" transform={`rotate(-90 18 ${String(PAD.top + plotH / 2)})`}>{d.minutesAxis}</text>
      <text x={W - 12} y={PAD.top + plotH / 2} font-size="18" text-anchor="middle" transform={`rotate(90 ${String(W - 12)} ${String(PAD.top + plotH / 2)})`}>{d.painAxis}</text>
    </svg>
  );
}

/** The chart in words: this week and last week, and the goal. */
export function chartSummary(t: Messages, lang: Lang, weeks: readonly DiaryWeek[]): string[] {
  const d = t.diary;
  if (weeks.every((w) => w.entries === 0)) return [d.summaryNone, d.summaryTarget];
  const pain = (w: DiaryWeek | undefined) => (w?.pain == null ? null : num(w.pain, lang, 1));
  const thisWeek = weeks.at(-1);
  const lastWeek = weeks.at(-2);
  return [d.summaryWeek(num(thisWeek?.minutes ?? 0, lang), pain(thisWeek)), d.summaryBefore(num(lastWeek?.minutes ?? 0, lang), pain(lastWeek)), d.summaryTarget];
}

function WeeksTable({ t, lang, weeks }: { t: Messages; lang: Lang; weeks: readonly DiaryWeek[] }) {
  const d = t.diary;
  return (
    <div class="table-scroll">
      <table class="stack">
        <caption>{d.tableCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{d.week}</th>
            <th scope="col">{d.minutes}</th>
            <th scope="col">{d.painAverage}</th>
            <th scope="col">{d.painHighest}</th>
            <th scope="col">{d.lines}</th>
          </tr>
        </thead>
        <tbody>
          {weeks.map((w) => (
            <tr key={w.from}>
              <th scope="row" data-label={d.week}>{d.weekOf(numericDate(w.from), numericDate(w.to))}</th>
              <td data-label={d.minutes} class="num">{num(w.minutes, lang)}</td>
              <td data-label={d.painAverage} class="num">{w.pain === null ? d.noValue : num(w.pain, lang, 1)}</td>
              <td data-label={d.painHighest} class="num">{w.painMax === null ? d.noValue : String(w.painMax)}</td>
              <td data-label={d.lines} class="num">{String(w.entries)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Lines({ t, lang, items }: { t: Messages; lang: Lang; items: readonly DiaryEntryView[] }) {
  const d = t.diary;
  if (items.length === 0) return <p>{d.listNone}</p>;
  return (
    <div class="table-scroll">
      <table class="stack">
        <caption>{d.listCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{d.date}</th>
            <th scope="col">{d.activity}</th>
            <th scope="col">{d.minutes}</th>
            <th scope="col">{d.feeling}</th>
            <th scope="col">{d.pain}</th>
            <th scope="col">{d.note}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((e) => (
            <tr key={e.id}>
              <th scope="row" data-label={d.date}>{calendarDate(lang, e.date)}</th>
              <td data-label={d.activity}>{e.activity}</td>
              <td data-label={d.minutes} class="num">{num(e.minutes, lang)}</td>
              <td data-label={d.feeling}>{d.feelings[e.feeling]}</td>
              <td data-label={d.pain} class="num">{String(e.pain)}</td>
              <td data-label={d.note}>{e.note ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export interface DiaryPageProps {
  ctx: PageContext;
  view: DiaryView;
  csrf: string;
  /** The patient's own diary (else a caregiver's view of someone in their care). */
  own: boolean;
  values?: Record<string, string>;
  errors?: FieldErrors;
  saved?: boolean;
  /** The page of lines shown started at a cursor (an older page). */
  older?: boolean;
}

export function DiaryPage(p: DiaryPageProps) {
  const { ctx, view } = p;
  const t = ctx.t;
  const d = t.diary;
  const errors = p.errors ?? {};
  const v = p.values ?? {};
  const failed = Object.keys(errors).length > 0;
  const base = `/diary/${view.patient.id}`;
  return (
    <Layout ctx={ctx} title={failed ? `${t.form.titlePrefix}: ${d.title}` : d.title}>
      <h1>{d.title}</h1>
      <p class="for-whom"><strong>{d.forWhom(view.patient.name)}</strong></p>
      {p.saved ? <Notice ok>{d.saved}</Notice> : null}
      <ErrorSummary t={t} errors={errors} />
      <p class="lead">{d.intro}</p>
      {view.exercisePlanId ? <p><a href={`/exercise/${view.patient.id}`}>{t.homeProgramme.diaryLink}</a></p> : null}
      <section aria-labelledby="diary-form-title">
        <h2 id="diary-form-title">{d.formTitle}</h2>
        <form method="post" action={base} novalidate>
          <Csrf token={p.csrf} />
          <Field t={t} name="date" label={d.date} hint={d.dateHint} value={v.date} error={errors.date} inputMode="numeric" autocomplete="off" />
          <Field t={t} name="activity" label={d.activity} hint={d.activityHint} value={v.activity} error={errors.activity} maxLength={200} autocomplete="off" />
          <Field t={t} name="minutes" label={d.minutes} hint={d.minutesHint} value={v.minutes} error={errors.minutes} inputMode="numeric" autocomplete="off" />
          <Radios t={t} name="feeling" legend={d.feeling} options={(['good', 'ok', 'hard'] as const).map((f) => ({ value: f, label: d.feelings[f] }))} value={v.feeling} error={errors.feeling} />
          <Field t={t} name="pain" label={d.pain} hint={d.painHint} value={v.pain} error={errors.pain} inputMode="numeric" autocomplete="off" />
          <TextArea t={t} name="note" label={d.note} value={v.note} error={errors.note} optional maxLength={2000} />
          <p class="actions">
            <button type="submit">{d.save}</button>
          </p>
        </form>
      </section>
      <section aria-labelledby="diary-chart-heading">
        <h2 id="diary-chart-heading">{d.chartTitle}</h2>
        <figure class="chart">
          <DiaryChart t={t} lang={ctx.lang} weeks={view.weeks} />
          <figcaption>
            {chartSummary(t, ctx.lang, view.weeks).map((s) => <p key={s}>{s}</p>)}
          </figcaption>
        </figure>
        <WeeksTable t={t} lang={ctx.lang} weeks={view.weeks} />
      </section>
      <section aria-labelledby="diary-list-title">
        <h2 id="diary-list-title">{d.listTitle}</h2>
        <Lines t={t} lang={ctx.lang} items={view.items} />
        {view.exercisePlanId && view.items.length > 0 ? <p><a href={`/exercise/${view.patient.id}`}>{t.homeProgramme.link}</a></p> : null}
        <ul class="bullets">
          {view.nextCursor ? (
            <li>
              <a href={`${base}?cursor=${encodeURIComponent(view.nextCursor)}#diary-list-title`}>{d.older}</a>
            </li>
          ) : null}
          {p.older ? (
            <li>
              <a href={`${base}#diary-list-title`}>{d.newest}</a>
            </li>
          ) : null}
        </ul>
      </section>
      <p>
        <a href={p.own ? '/me' : '/care'}>{d.home}</a>
      </p>
    </Layout>
  );
}
