// The progress of exercise therapy. The clinician side (/patients/:id/therapy/progress): the period,
// the count and the next measurement due, the goals with their latest status, then per measure a
// chart (components/SeriesChart.tsx) with its cut-off, norm or bands drawn, the trend in words as
// its text alternative, and every measurement in a table with the same words as the printed report;
// the report itself one link away. The patient side (/progress/:id, B1, large type): how the
// measurements went in plain sentences, steps never judged; one main action, back to the exercises.
import {
  changeSince, meaningOf, measureValue, reportWords, type TherapyProgressView,
} from '../../api/facade.js';
import type { MeasureKey, MeasureSeries, Progress, PskSeries, Reference } from '../../core/measures/progress.js';
import { BETTER, directionOf, MEASURES, SCALE } from '../../core/measures/progress.js';
import { list, num } from '../../core/text.js';
import { Layout, type PageContext } from '../components/Layout.js';
import { Csrf, Notice } from '../components/Form.js';
import { DataTable, EmptyState } from '../components/Record.js';
import { SeriesChart, type ChartReferences } from '../components/SeriesChart.js';
import type { Lang, Messages } from '../i18n/index.js';
import { numericDate } from '../time-format.js';
import { TherapyFrame } from '../therapy-intake/therapy.frame.js';

type P = Messages['progress'];

/** The chart's references in the reader's words. */
function chartReferences(t: P, lang: Lang, s: MeasureSeries): ChartReferences {
  const out: { lines: { value: number; label: string }[]; bands: { from: number; to: number; label: string }[]; perPoint?: { date: string; value: number }[]; perPointLabel?: string } = { lines: [], bands: [] };
  for (const r of s.references) {
    if (r.kind === 'line') out.lines.push({ value: r.value, label: r.code === 'steps-goal' ? t.stepsGoalLabel(num(r.value, lang)) : t.lineLabels[r.code] });
    else if (r.kind === 'bands') out.bands.push(...r.bands.map((b) => ({ from: b.from, to: b.to, label: t.bands[b.name as keyof P['bands']] })));
    else {
      out.perPoint = s.points.flatMap((p) => (p.verdict.kind === 'chair-norm' && p.verdict.threshold !== null ? [{ date: p.date, value: p.verdict.threshold }] : []));
      out.perPointLabel = t.lineLabels.normLabel;
    }
  }
  return out;
}

const referenceCode = (r: Reference): keyof P['lineWords'] => r.code;

/** The trend in words, with what else the chart draws: the chart's text alternative. */
export function trendSentence(t: P, lang: Lang, name: string, key: MeasureKey | 'psk', s: { points: readonly { date: string; value: number }[]; references?: readonly Reference[] }, value: (v: number) => string): string {
  const first = s.points[0];
  const latest = s.points.at(-1);
  if (!first || !latest) return '';
  const direction = directionOf(Math.round((latest.value - first.value) * 1000) / 1000, key === 'psk' ? 'lower' : BETTER[key]);
  const words = key === 'steps' ? t.stepsDirection : t.direction;
  const trend = s.points.length === 1
    ? t.trendOne(name, value(first.value), numericDate(first.date))
    : t.trendMany(name, value(first.value), numericDate(first.date), value(latest.value), numericDate(latest.date), words[direction]);
  const drawn = (s.references ?? []).map((r) => t.lineWords[referenceCode(r)]);
  return drawn.length === 0 ? trend : `${trend} ${t.drawn(list(drawn, lang))}`;
}

function MeasureBlock({ ctx, s }: { ctx: PageContext; s: MeasureSeries }) {
  const t = ctx.t.progress;
  const w = reportWords(ctx.lang);
  const name = w.name(s.key);
  const first = s.points[0];
  const id = `measure-${s.key}`;
  const value = (v: number) => measureValue(s.key, v, ctx.lang);
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{name}</h3>
      <p class="hint">{w.how(s.key)}</p>
      {s.key === 'steps' && s.references.length === 0 ? <p>{t.noStepsGoal}</p> : null}
      <SeriesChart id={id} title={name} points={s.points} format={(v) => num(Math.round(v * 100) / 100, ctx.lang)} scale={SCALE[s.key]} references={chartReferences(t, ctx.lang, s)} summary={trendSentence(t, ctx.lang, name, s.key, s, value)}>
        <DataTable
          caption={t.tableCaption(name)}
          captionHidden
          rows={s.points}
          rowKey={(p) => `${p.date}-${String(p.value)}`}
          columns={[
            { label: t.columns.date, cell: (p) => numericDate(p.date) },
            { label: t.columns.result, numeric: true, cell: (p) => value(p.value) },
            { label: t.columns.meaning, cell: (p) => meaningOf(p, ctx.lang) },
            { label: t.columns.change, cell: (p) => (p === first || !first ? w.first : changeSince(s.key, p.value - first.value, s.better, ctx.lang)) },
          ]}
        />
      </SeriesChart>
    </section>
  );
}

function PskBlock({ ctx, s, index }: { ctx: PageContext; s: PskSeries; index: number }) {
  const t = ctx.t.progress;
  const w = reportWords(ctx.lang);
  const name = t.pskTitle(s.activity);
  const id = `psk-${String(index)}`;
  const points = s.points.map((p) => ({ date: p.date, value: p.score, change: p.change }));
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{name}</h3>
      <SeriesChart id={id} title={name} points={points} format={(v) => num(v, ctx.lang)} scale={{ min: 0, max: 10 }} summary={trendSentence(t, ctx.lang, name, 'psk', { points }, (v) => num(v, ctx.lang))}>
        <DataTable
          caption={t.tableCaption(name)}
          captionHidden
          rows={points}
          rowKey={(p) => p.date}
          columns={[
            { label: t.columns.date, cell: (p) => numericDate(p.date) },
            { label: t.columns.result, numeric: true, cell: (p) => num(p.value, ctx.lang) },
            { label: t.columns.change, cell: (p) => (p.change === undefined ? w.first : changeSince('psk', p.change, 'lower', ctx.lang)) },
          ]}
        />
      </SeriesChart>
    </section>
  );
}

function Summary({ ctx, p }: { ctx: PageContext; p: Progress }) {
  const t = ctx.t.progress;
  const therapy = p.therapy === null ? t.noTherapy : p.therapy.end === null ? t.therapyFrom(numericDate(p.therapy.start)) : t.therapyFromTo(numericDate(p.therapy.start), numericDate(p.therapy.end), p.therapy.ended);
  return (
    <section aria-labelledby="summary-title">
      <h2 id="summary-title">{t.summaryTitle}</h2>
      <dl class="facts">
        <dt>{t.therapy}</dt>
        <dd>{therapy}</dd>
        <dt>{t.measurements}</dt>
        <dd>{p.count === 0 ? t.none : t.measured(p.count, numericDate(p.first ?? ''), numericDate(p.latest ?? ''))}</dd>
        <dt>{t.next}</dt>
        <dd>
          {p.next === null ? t.noNext : <strong>{t.nextDue(numericDate(p.next.due), t.status[p.next.status])}</strong>}
          {p.therapy?.ended ? <p>{t.afterEnd}</p> : null}
        </dd>
      </dl>
    </section>
  );
}

function Goals({ ctx, p }: { ctx: PageContext; p: Progress }) {
  const t = ctx.t.progress;
  const w = reportWords(ctx.lang);
  return (
    <section aria-labelledby="goals-title">
      <h2 id="goals-title">{t.goalsTitle}</h2>
      {p.goals.length === 0 ? <EmptyState>{t.noGoals}</EmptyState> : (
        <DataTable
          caption={t.goalsCaption}
          captionHidden
          rows={p.goals}
          rowKey={(g) => g.goal}
          columns={[
            { label: t.goalColumns.goal, cell: (g) => g.goal },
            { label: t.goalColumns.status, cell: (g) => (g.changedTo !== undefined ? `${w.goalStatus(g.status)}; ${w.changedTo(g.changedTo)}` : w.goalStatus(g.status)) },
            { label: t.goalColumns.date, cell: (g) => (g.date === null ? '—' : numericDate(g.date)) },
          ]}
        />
      )}
    </section>
  );
}

/** The way to keep today's report with the letters: the practice's physiotherapist only (`therapy.write`). */
function KeepReport({ ctx, patientId, csrf }: { ctx: PageContext; patientId: string; csrf: string }) {
  const t = ctx.t.progress;
  return (
    <form method="post" action={`/patients/${patientId}/therapy/progress/keep`}>
      <Csrf token={csrf} />
      <p class="hint">{t.keepHint}</p>
      <p class="actions">
        <button type="submit" class="secondary">{t.keep}</button>
      </p>
    </form>
  );
}

export function ProgressPage({ ctx, view, csrf, kept }: { ctx: PageContext; view: TherapyProgressView; csrf?: string | undefined; kept?: boolean }) {
  const t = ctx.t.progress;
  const p = view.progress;
  const measured = MEASURES.filter((k) => p.series[k].points.length > 0);
  const missing = MEASURES.filter((k) => p.series[k].points.length === 0);
  const w = reportWords(ctx.lang);
  return (
    <TherapyFrame ctx={ctx} patient={view.patient} heading={t.title} back={t.back} failed={false}>
      {kept ? <Notice ok>{t.kept} <a href={`/patients/${view.patient.id}/letters`}>{t.keptLink}</a></Notice> : null}
      <p>{t.intro}</p>
      <p>
        <a href={`/patients/${view.patient.id}/therapy/progress-report.pdf`} type="application/pdf" download>{t.report}</a>
        <br />
        <span class="hint">{t.reportHint}</span>
      </p>
      {csrf !== undefined ? <KeepReport ctx={ctx} patientId={view.patient.id} csrf={csrf} /> : null}
      <Summary ctx={ctx} p={p} />
      <Goals ctx={ctx} p={p} />
      <section aria-labelledby="measures-title">
        <h2 id="measures-title">{t.measuresTitle}</h2>
        {p.count === 0 ? <EmptyState>{t.none}</EmptyState> : null}
        {measured.map((k) => <MeasureBlock key={k} ctx={ctx} s={p.series[k]} />)}
        {p.psk.map((s, i) => <PskBlock key={s.activity} ctx={ctx} s={s} index={i} />)}
        {p.count > 0 && missing.length > 0 ? <p>{t.notMeasured(list(missing.map((k) => w.name(k)), ctx.lang))}</p> : null}
      </section>
    </TherapyFrame>
  );
}

/** The patient's side: how each measure went, in plain words; steps without better or worse. */
export function patientLines(t: P['patient'], lang: Lang, p: Progress): { key: string; text: string }[] {
  return MEASURES.flatMap((k) => {
    const s = p.series[k];
    const first = s.points[0];
    const latest = s.points.at(-1);
    if (!first || !latest) return [];
    const name = t.names[k];
    const v = (x: number) => measureValue(k, x, lang);
    if (s.points.length === 1) return [{ key: k, text: t.first(name, v(first.value), numericDate(first.date)) }];
    const said = t.change(name, v(first.value), numericDate(first.date), v(latest.value), numericDate(latest.date));
    if (k === 'steps') return [{ key: k, text: said }];
    const d = s.trend?.direction ?? 'same';
    return [{ key: k, text: `${said} ${t[d]}` }];
  });
}

export function PatientProgressPage({ ctx, view, own }: { ctx: PageContext; view: TherapyProgressView; own: boolean }) {
  const t = ctx.t.progress.patient;
  const p = view.progress;
  const lines = patientLines(t, ctx.lang, p);
  const steps = p.stepsGoal;
  return (
    <Layout ctx={ctx} title={t.title}>
      <h1>{t.title}</h1>
      <p class="for-whom"><strong>{t.forWhom(view.patient.name)}</strong></p>
      <p class="lead">{t.intro}</p>
      {p.count === 0 ? <p>{t.none}</p> : (
        <ul class="bullets">
          {lines.map((l) => <li key={l.key}>{l.text}</li>)}
        </ul>
      )}
      {steps && p.series.steps.points.length > 0 ? <p>{t.stepsGoal(num(steps.steps, ctx.lang))}</p> : null}
      {p.psk.length > 0 ? (
        <>
          <h2>{t.pskTitle}</h2>
          <ul class="bullets">
            {p.psk.map((s) => {
              const a = s.points[0];
              const b = s.points.at(-1);
              return a && b ? <li key={s.activity}>{t.psk(s.activity, a.score, b.score)}</li> : null;
            })}
          </ul>
        </>
      ) : null}
      {p.next ? <p>{t.next(numericDate(p.next.due))}</p> : null}
      <p>
        <a href="/learn/measuring">{t.learnMore}</a>
      </p>
      <p>
        <a class="button" href={`/exercise/${view.patient.id}`}>{t.back}</a>
      </p>
      <p>
        <a href={own ? '/me' : '/care'}>{ctx.t.homeProgramme.home}</a>
      </p>
    </Layout>
  );
}
