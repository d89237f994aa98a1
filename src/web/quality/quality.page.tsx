// The fracture liaison service's quality dashboard as the nurse, her manager and the quality officer
// read it: the period chooser (a GET form), the identification figure, one dense table with every
// indicator's numerator, denominator and share and the patients left out beside it by reason, then
// each indicator's trend as a chart with its sentence and table and its figures per clinician. Every
// number is a link to the patients behind it (the drill-down page below), which opens their records.
import type { ComponentChildren } from 'preact';
import { Layout, type PageContext } from '../components/Layout.js';
import { ErrorSummary, Select, type FieldErrors } from '../components/Form.js';
import { PageLinks } from '../components/PageLinks.js';
import { Chip, DataTable, EmptyState, type Column } from '../components/Record.js';
import { ShareChart, TrendColumns, percent, type SharePoint } from '../components/Chart.js';
import { numericDate } from '../time-format.js';
import type { Lang, Messages } from '../i18n/index.js';
import { EXCLUSION_REASONS, PERIOD_KINDS, type ExclusionReason, type PeriodKind, type QualityIndicator, type QualityOutcome } from '../../core/quality/lists.js';
import type { QualityDashboard, QualityPatientRow } from '../../api/facade.js';
import { axisLines, offeredPeriods, periodWords, shift } from './periods.js';
import { qualityHref, type Chosen } from './quality.forms.js';

type Figures = QualityDashboard['indicators'][number];
type TrendPoint = Figures['trend'][number];
type ClinicianFigure = Figures['perClinician'][number];

/** What a drill-down link narrows to: an outcome, an exclusion's reason, or everyone the indicator counts. */
export interface Drill {
  indicator: QualityIndicator;
  outcome?: QualityOutcome | undefined;
  reason?: ExclusionReason | undefined;
  /** Another period than the one shown (a trend point's). */
  period?: string | undefined;
  /** One clinician's patients (a row of the figures per clinician). */
  clinician?: string | undefined;
}

/** The address of the patients behind a figure. */
export function drillHref(chosen: Chosen, d: Drill): string {
  const c: Chosen = { ...chosen, ...(d.period === undefined ? {} : { period: d.period }), ...(d.clinician === undefined ? {} : { clinician: d.clinician }) };
  return qualityHref('/quality/patients', c, { indicator: d.indicator, outcome: d.reason === undefined ? d.outcome : 'excluded', reason: d.reason });
}

const fmt = (lang: Lang) => new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB');

/** A figure as a link to its patients, with what it counts said to a screen reader too. */
function Figure({ n, href, what, lang }: { n: number; href: string; what: string; lang: Lang }) {
  return (
    <a href={href} class="figure">
      {fmt(lang).format(n)}
      <span class="visually-hidden">{`: ${what}`}</span>
    </a>
  );
}

/** The share, or a word when there is none to give (no denominator). */
function Share({ t, lang, share }: { t: Messages; lang: Lang; share: number | null }) {
  return <>{share === null ? t.quality.noShare : percent(share, lang)}</>;
}

/** A trend point as the chart takes it: a point without a denominator counts no patients. */
function pointOf(t: Messages, p: TrendPoint): SharePoint & { period: string } {
  return { key: p.period.label, period: p.period.label, label: periodWords(t, p.period.label), axis: axisLines(t, p.period.label), numerator: p.numerator, denominator: p.denominator ?? 0 };
}

export interface DashboardPageProps {
  ctx: PageContext;
  today: string;
  kind: PeriodKind;
  chosen: Chosen;
  errors?: FieldErrors;
  dashboard: QualityDashboard | null;
  /** The clinicians the chooser offers (those with patients in the figures), by id. */
  clinicians: readonly { id: string; name: string }[];
  /** The reader may change the organisation's settings (the expected number of fractures). */
  maySetExpected: boolean;
}

export function DashboardPage(props: DashboardPageProps) {
  const { ctx, dashboard: d, chosen, kind } = props;
  const t = ctx.t;
  const q = t.quality;
  const errors = props.errors ?? {};
  const title = Object.keys(errors).length > 0 ? `${t.form.titlePrefix}: ${q.title}` : q.title;
  const shown = d?.period.label ?? chosen.period;
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{q.title}</h1>
      <p class="lead">{q.intro}</p>
      <ErrorSummary t={t} errors={errors} />
      <section aria-labelledby="chooser-title" class="worklist-filter">
        <h2 id="chooser-title">{q.chooserTitle}</h2>
        <form method="get" action="/quality" aria-labelledby="chooser-title">
          <div class="inline-form">
            <Select t={t} name="kind" label={q.kind} value={kind} error={errors.kind} options={PERIOD_KINDS.map((k) => ({ value: k, label: q.kinds[k] }))} />
            <Select
              t={t}
              name="period"
              label={q.period}
              hint={q.periodHint}
              value={shown}
              error={errors.period}
              options={offeredPeriods(kind, props.today, shown).map((p) => ({ value: p, label: periodWords(t, p) }))}
            />
            <Select t={t} name="clinician" label={q.clinician} blank={q.allClinicians} value={chosen.clinician} error={errors.clinician} options={props.clinicians.map((c) => ({ value: c.id, label: c.name }))} />
          </div>
          <p class="actions">
            <button type="submit">{q.show}</button>
          </p>
        </form>
      </section>
      {d === null ? null : <Figures {...props} dashboard={d} />}
    </Layout>
  );
}

function Figures(props: DashboardPageProps & { dashboard: QualityDashboard }) {
  const { ctx, dashboard: d, kind } = props;
  const t = ctx.t;
  const q = t.quality;
  const lang = ctx.lang;
  // The links keep what the page shows: the period as answered (the current one when none was asked).
  const chosen: Chosen = { ...props.chosen, kind, period: d.period.label };
  const period = periodWords(t, d.period.label);
  const identification = d.indicators.find((i) => i.indicator === 'identification');
  const others = d.indicators.filter((i) => i.indicator !== 'identification');
  const clinician = props.clinicians.find((c) => c.id === d.clinician)?.name;

  const columns: Column<Figures>[] = [
    { label: q.columns.indicator, cell: (f) => <a href={`#${f.indicator}`}>{q.indicators[f.indicator]}</a> },
    { label: q.columns.met, numeric: true, cell: (f) => <Figure n={f.numerator} lang={lang} what={q.what.met(q.indicators[f.indicator])} href={drillHref(chosen, { indicator: f.indicator, outcome: 'met' })} /> },
    {
      label: q.columns.notMet,
      numeric: true,
      cell: (f) => <Figure n={(f.denominator ?? 0) - f.numerator} lang={lang} what={q.what['not-met'](q.indicators[f.indicator])} href={drillHref(chosen, { indicator: f.indicator, outcome: 'not-met' })} />,
    },
    { label: q.columns.denominator, numeric: true, cell: (f) => <Figure n={f.denominator ?? 0} lang={lang} what={q.what.all(q.indicators[f.indicator])} href={drillHref(chosen, { indicator: f.indicator })} /> },
    { label: q.columns.share, numeric: true, cell: (f) => <Share t={t} lang={lang} share={f.share} /> },
    { label: q.columns.open, numeric: true, cell: (f) => <Figure n={f.open} lang={lang} what={q.what.open(q.indicators[f.indicator])} href={drillHref(chosen, { indicator: f.indicator, outcome: 'open' })} /> },
    ...EXCLUSION_REASONS.map(
      (r): Column<Figures> => ({
        label: q.excludedColumns[r],
        numeric: true,
        cell: (f) => <Figure n={f.excluded[r]} lang={lang} what={q.what.excluded(q.indicators[f.indicator], q.reasons[r])} href={drillHref(chosen, { indicator: f.indicator, reason: r })} />,
      }),
    ),
    { label: q.columns.trend, cell: (f) => <TrendColumns t={t} lang={lang} title={q.indicators[f.indicator]} points={f.trend.map((p) => pointOf(t, p))} /> },
  ];

  return (
    <>
      <PageLinks
        label={q.periodsLabel}
        links={[
          { href: qualityHref('/quality', { ...chosen, period: shift(kind, d.period.label, -1) }), text: q.previous(periodWords(t, shift(kind, d.period.label, -1))), rel: 'prev' },
          { href: qualityHref('/quality', { ...chosen, period: shift(kind, d.period.label, 1) }), text: q.next(periodWords(t, shift(kind, d.period.label, 1))), rel: 'next' },
        ]}
      />
      <p role="status">
        {q.cohort.before(period, numericDate(d.period.from), numericDate(d.period.to))}
        <Figure n={d.cohort} lang={lang} what={q.what.all(q.indicators.identification)} href={drillHref(chosen, { indicator: 'identification' })} />
        {q.cohort.after}
        {clinician === undefined ? '' : ` ${q.ofClinician(clinician)}`} {q.asOf(numericDate(d.asOf))}
      </p>
      <ul class="downloads">
        <li>
          <a href={qualityHref('/quality/figures.csv', chosen)} download>
            {q.downloadFigures}
          </a>
        </li>
        <li>
          <a href={qualityHref('/quality/patients.csv', chosen)} download>
            {q.downloadPatients}
          </a>
        </li>
      </ul>

      {identification ? <Identification {...props} chosen={chosen} f={identification} /> : null}

      <h2 id="figures-title">{q.figuresTitle(period)}</h2>
      <p>{q.figuresIntro}</p>
      <DataTable caption={q.figuresCaption(period)} captionHidden columns={columns} rows={others} rowKey={(f) => f.indicator} />

      {others.map((f) => (
        <IndicatorSection key={f.indicator} ctx={ctx} chosen={chosen} kind={kind} f={f} />
      ))}
    </>
  );
}

/** Identification: a count of patients per period, and a share only when the expected number is set. */
function Identification(props: DashboardPageProps & { chosen: Chosen; f: Figures; dashboard: QualityDashboard }) {
  const { ctx, chosen, f, dashboard: d } = props;
  const t = ctx.t;
  const q = t.quality;
  const lang = ctx.lang;
  const name = q.indicators.identification;
  const points = f.trend.map((p) => pointOf(t, p));
  return (
    <section aria-labelledby="identification" class="indicator">
      <h2 id="identification">{name}</h2>
      <p>{q.definitions.identification}</p>
      <p class="figure-line">
        {q.identified.before}
        <Figure n={f.numerator} lang={lang} what={q.what.met(name)} href={drillHref(chosen, { indicator: 'identification', outcome: 'met' })} />
        {q.identified.after}
        {d.expectedFracturesPerYear === null || f.denominator === null ? null : (
          <>
            {' '}
            {q.identified.ofExpected(fmt(lang).format(f.denominator), fmt(lang).format(d.expectedFracturesPerYear))} <strong><Share t={t} lang={lang} share={f.share} /></strong>.
          </>
        )}
      </p>
      {d.expectedFracturesPerYear === null ? (
        <p class="notice">
          {q.identified.noExpected}{' '}
          {props.maySetExpected ? <a href="/admin/settings">{q.identified.toSettings}</a> : q.identified.askAdmin}
        </p>
      ) : null}
      {d.expectedFracturesPerYear === null ? (
        <DataTable
          caption={q.chart.countCaption(name)}
          columns={[
            { label: q.kinds[props.kind], cell: (p: (typeof points)[number]) => p.label },
            { label: q.columns.identified, numeric: true, cell: (p) => <Figure n={p.numerator} lang={lang} what={`${name}, ${p.label}`} href={drillHref(chosen, { indicator: 'identification', outcome: 'met', period: p.period })} /> },
          ]}
          rows={points}
          rowKey={(p) => p.key}
        />
      ) : (
        <TrendChart ctx={ctx} chosen={chosen} kind={props.kind} f={f} />
      )}
    </section>
  );
}

/** An indicator's own section: what it counts, its trend as a chart and a table, and its figures per clinician. */
function IndicatorSection({ ctx, chosen, kind, f }: { ctx: PageContext; chosen: Chosen; kind: PeriodKind; f: Figures }) {
  const t = ctx.t;
  const q = t.quality;
  const lang = ctx.lang;
  const name = q.indicators[f.indicator];
  return (
    <section aria-labelledby={f.indicator} class="indicator">
      <h2 id={f.indicator}>{name}</h2>
      <p>{q.definitions[f.indicator]}</p>
      {f.recordable ? null : <p class="notice">{q.notRecordable}</p>}
      {f.iofTwelveWeeks === null ? null : (
        <p>{q.iofTwelveWeeks(fmt(lang).format(f.iofTwelveWeeks.numerator), fmt(lang).format(f.iofTwelveWeeks.denominator ?? 0), f.iofTwelveWeeks.share === null ? q.noShare : percent(f.iofTwelveWeeks.share, lang))}</p>
      )}
      <TrendChart ctx={ctx} chosen={chosen} kind={kind} f={f} />
      <PerClinician ctx={ctx} chosen={chosen} f={f} />
    </section>
  );
}

function TrendChart({ ctx, chosen, kind, f }: { ctx: PageContext; chosen: Chosen; kind: PeriodKind; f: Figures }) {
  const t = ctx.t;
  const q = t.quality;
  const lang = ctx.lang;
  const name = q.indicators[f.indicator];
  const points = f.trend.map((p) => pointOf(t, p));
  type P = (typeof points)[number];
  const columns: Column<P>[] = [
    { label: q.chart.columns.met, numeric: true, cell: (p) => <Figure n={p.numerator} lang={lang} what={`${q.what.met(name)}, ${p.label}`} href={drillHref(chosen, { indicator: f.indicator, outcome: 'met', period: p.period })} /> },
    { label: q.chart.columns.of, numeric: true, cell: (p) => <Figure n={p.denominator} lang={lang} what={`${q.what.all(name)}, ${p.label}`} href={drillHref(chosen, { indicator: f.indicator, period: p.period })} /> },
    { label: q.chart.columns.share, numeric: true, cell: (p) => (p.denominator > 0 ? percent(p.numerator / p.denominator, lang) : q.chart.noPatients) },
  ];
  return <ShareChart t={t} lang={lang} id={`chart-${f.indicator}`} title={q.trendTitle(name)} points={points} periodWord={q.kinds[kind]} columns={columns} />;
}

function PerClinician({ ctx, chosen, f }: { ctx: PageContext; chosen: Chosen; f: Figures }) {
  const t = ctx.t;
  const q = t.quality;
  const lang = ctx.lang;
  const name = q.indicators[f.indicator];
  if (f.perClinician.length === 0) return null;
  const who = (c: ClinicianFigure) => (c.clinicianId === null ? q.unsigned : (c.name ?? q.unnamedClinician));
  // The patients nobody has signed for yet cannot be asked for by clinician: their figures are shown without a link.
  const linked = (c: ClinicianFigure, n: number, outcome: QualityOutcome | undefined, what: string): ComponentChildren =>
    c.clinicianId === null ? fmt(lang).format(n) : <Figure n={n} lang={lang} what={`${what}, ${who(c)}`} href={drillHref(chosen, { indicator: f.indicator, outcome, clinician: c.clinicianId })} />;
  return (
    <DataTable
      caption={q.perClinicianCaption(name)}
      columns={[
        { label: q.columns.clinician, cell: (c: ClinicianFigure) => who(c) },
        { label: q.chart.columns.met, numeric: true, cell: (c) => linked(c, c.numerator, 'met', q.what.met(name)) },
        { label: q.chart.columns.of, numeric: true, cell: (c) => linked(c, c.denominator ?? 0, undefined, q.what.all(name)) },
        { label: q.chart.columns.share, numeric: true, cell: (c) => <Share t={t} lang={lang} share={c.share} /> },
      ]}
      rows={f.perClinician}
      rowKey={(c) => c.clinicianId ?? 'unsigned'}
    />
  );
}

// ---- The patients behind a figure ------------------------------------------------------------

const OUTCOME_TONE = { met: 'ok', 'not-met': 'error', open: 'plain', excluded: 'warn' } as const;

/** One patient's outcome for the indicator, as a chip with a word (and the reason, when left out). */
export function outcomeWords(t: Messages, o: QualityPatientRow['outcomes'][QualityIndicator]): string {
  const q = t.quality;
  if (o === null) return q.outcomes.none;
  return o.outcome === 'excluded' && o.reason !== null ? `${q.outcomes.excluded}: ${q.reasons[o.reason]}` : q.outcomes[o.outcome];
}

export interface PatientsPageProps {
  ctx: PageContext;
  chosen: Chosen;
  drill: Drill;
  errors?: FieldErrors;
  rows: readonly QualityPatientRow[];
  total: number;
  /** The next page's address, when there is one. */
  next?: string | undefined;
}

export function PatientsPage(props: PatientsPageProps) {
  const { ctx, chosen, drill, rows } = props;
  const t = ctx.t;
  const q = t.quality;
  const lang = ctx.lang;
  const errors = props.errors ?? {};
  const name = q.indicators[drill.indicator];
  const group =
    drill.reason !== undefined ? q.groups.excluded(q.reasons[drill.reason]) : drill.outcome === undefined ? q.groups.all : drill.outcome === 'excluded' ? q.groups.excludedAny : q.groups[drill.outcome];
  const heading = q.patientsTitle(name, group);
  const title = Object.keys(errors).length > 0 ? `${t.form.titlePrefix}: ${heading}` : heading;
  const back = qualityHref('/quality', chosen);
  const columns: Column<QualityPatientRow>[] = [
    {
      label: q.patientColumns.patient,
      cell: (r) => (r.patientId !== null ? <a href={`/patients/${r.patientId}`}>{r.name ?? r.pseudonym ?? ''}</a> : <span class="break-any">{r.pseudonym ?? r.name ?? ''}</span>),
    },
    { label: q.patientColumns.born, cell: (r) => (r.birthDate === null ? q.hidden : <span class="num">{numericDate(r.birthDate)}</span>) },
    {
      label: q.patientColumns.fracture,
      cell: (r) => (
        <>
          <span class="num">{numericDate(r.indexFracture)}</span>
          {`, ${(t.clinical.sites as Record<string, string | undefined>)[r.fractureSite] ?? r.fractureSite}`}
        </>
      ),
    },
    { label: q.patientColumns.clinician, cell: (r) => (r.clinicianId === null ? q.unsigned : (r.clinicianName ?? q.unnamedClinician)) },
    {
      label: q.patientColumns.outcome,
      cell: (r) => {
        const o = r.outcomes[drill.indicator];
        return <Chip tone={o === null ? 'plain' : OUTCOME_TONE[o.outcome]}>{outcomeWords(t, o)}</Chip>;
      },
    },
    ...(drill.indicator === 'data-completeness'
      ? [{ label: q.patientColumns.missing, cell: (r: QualityPatientRow) => (r.missing.length === 0 ? q.nothingMissing : r.missing.map((m) => q.fields[m]).join(', ')) }]
      : []),
  ];
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{heading}</h1>
      <p class="lead">
        {periodWords(t, chosen.period ?? '')}
        {chosen.clinician !== undefined ? `, ${q.oneClinician}` : ''}
      </p>
      <ErrorSummary t={t} errors={errors} />
      <p>
        <a href={back}>{q.backToDashboard}</a>
      </p>
      <p role="status">{q.patientsCount(fmt(lang).format(props.total))}</p>
      {rows.length > 0 ? <DataTable caption={heading} captionHidden columns={columns} rows={rows} rowKey={(r) => r.patientId ?? r.pseudonym ?? r.indexFracture} /> : <EmptyState>{q.noPatients}</EmptyState>}
      <PageLinks label={q.pages} links={[props.next ? { href: props.next, text: q.nextPage, rel: 'next' } : null]} />
      {drill.reason === undefined ? (
        <p>
          <a href={qualityHref('/quality/patients.csv', chosen, { indicator: drill.indicator, outcome: drill.outcome })} download>
            {q.downloadThese}
          </a>
        </p>
      ) : null}
    </Layout>
  );
}
