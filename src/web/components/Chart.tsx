// Charts drawn on the server as SVG, with no script: a column chart of a share per period (the
// target as a dashed line where there is one) and a small trend of columns. A picture never carries
// a figure alone: each chart has a sentence stating every figure (its text alternative, read out
// with the drawing and shown under it), and the column chart comes with its data as a table
// beside it. Whether a period reached the target is told by a pattern (hatched columns) and a word
// in the table, never by colour; in forced colours the drawing takes the system's colours (app.css).
import type { ComponentChildren } from 'preact';
import type { Lang, Messages } from '../i18n/index.js';
import { DataTable, EmptyState, type Column } from './Record.js';

/** One period's figure: `numerator` of `denominator` patients met the indicator. */
export interface SharePoint {
  /** The period's own key (2026-03, 2026-Q1, 2026): keeps columns and rows apart. */
  key: string;
  /** The period in words, as the sentence and the table say it ("maart 2026"). */
  label: string;
  /** The one or two short lines under its column ("mrt", "2026"). */
  axis: readonly string[];
  numerator: number;
  denominator: number;
}

/** The share a point stands for, or null when its period has no patients to count. */
export function shareOf(p: Pick<SharePoint, 'numerator' | 'denominator'>): number | null {
  return p.denominator > 0 ? p.numerator / p.denominator : null;
}

/** A share as a whole percentage, the way the reader's language writes it (67 %, 67%). */
export function percent(share: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

function count(n: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB').format(n);
}

/** Whether a period's share reaches the target (a period without patients reaches nothing). */
export function reachesTarget(p: Pick<SharePoint, 'numerator' | 'denominator'>, target: number): boolean | null {
  const s = shareOf(p);
  // Compared in whole patients, not floating shares: 4 of 5 reaches a target of 80 %.
  return s === null ? null : p.numerator * 1000 >= Math.round(target * 1000) * p.denominator;
}

/** The sentence that says everything the chart shows: every period's figures, the target and how often it was reached. */
export function shareSummary(t: Messages, lang: Lang, title: string, points: readonly SharePoint[], target?: number): string {
  const c = t.quality.chart;
  const parts = points.map((p) => {
    const s = shareOf(p);
    return s === null ? c.pointNone(p.label) : c.point(p.label, count(p.numerator, lang), count(p.denominator, lang), percent(s, lang));
  });
  const sentences = [c.summary(title, parts.join('; '))];
  if (target !== undefined) {
    const counted = points.filter((p) => p.denominator > 0);
    sentences.push(c.target(percent(target, lang)), c.targetMet(count(counted.filter((p) => reachesTarget(p, target)).length, lang), count(counted.length, lang)));
  }
  return sentences.join(' ');
}

/** The drawing's measures, in SVG user units (rendered 1:1 where the column is wide enough). */
export const GEOMETRY = { left: 64, right: 64, top: 44, plot: 200, bottom: 72, slot: 64, bar: 40 } as const;

/** Where each column stands and how tall it is: its height is its share of the plot's height. */
export function columnsOf(points: readonly SharePoint[]): { key: string; x: number; y: number; height: number; share: number | null }[] {
  const g = GEOMETRY;
  return points.map((p, i) => {
    const s = shareOf(p);
    const height = s === null ? 0 : s * g.plot;
    return { key: p.key, x: g.left + i * g.slot + (g.slot - g.bar) / 2, y: g.top + g.plot - height, height, share: s };
  });
}

/**
 * A column chart of a share per period, its sentence and its table. `columns` replaces the table's
 * columns after the period's (to link each figure to its patients, or to add the counts left out);
 * `current` marks one period's column with a heavier outline and its row in words.
 */
export function ShareChart<P extends SharePoint>(props: {
  t: Messages;
  lang: Lang;
  /** Unique on the page: the SVG's title, description and pattern hang off it. */
  id: string;
  title: string;
  points: readonly P[];
  /** The share to reach (0 to 1), drawn as a dashed line. */
  target?: number | undefined;
  /** The axis's word for a period (Maand, Kwartaal, Jaar). */
  periodWord: string;
  columns?: readonly Column<P>[];
  /** Extra content under the table (a note on what the figures leave out). */
  children?: ComponentChildren;
}) {
  const { t, lang, id, points, target } = props;
  const c = t.quality.chart;
  const g = GEOMETRY;
  const counted = points.filter((p) => p.denominator > 0);
  const summary = shareSummary(t, lang, props.title, points, target);
  const tableColumns: Column<P>[] = [
    { label: props.periodWord, cell: (p) => p.label },
    ...(props.columns ?? [
      { label: c.columns.met, numeric: true, cell: (p: P) => count(p.numerator, lang) },
      { label: c.columns.of, numeric: true, cell: (p: P) => count(p.denominator, lang) },
      { label: c.columns.share, numeric: true, cell: (p: P) => shareCell(t, lang, p) },
    ]),
    ...(target === undefined ? [] : [{ label: c.columns.target, cell: (p: P) => targetCell(t, p, target) }]),
  ];
  const table = <DataTable caption={c.tableCaption(props.title)} columns={tableColumns} rows={points} rowKey={(p) => p.key} />;
  if (counted.length === 0) {
    return (
      <div class="chart-block" id={id}>
        <EmptyState>{c.noData}</EmptyState>
        {points.length > 0 ? table : null}
        {props.children}
      </div>
    );
  }
  const width = g.left + points.length * g.slot + g.right;
  const height = g.top + g.plot + g.bottom;
  const yOf = (share: number) => g.top + g.plot - share * g.plot;
  const cols = columnsOf(points);
  const below = `${id}-below`;
  return (
    <div class="chart-block" id={id}>
      <figure class="chart" aria-labelledby={`${id}-caption`}>
        <svg
          class="share-chart"
          viewBox={`0 0 ${String(width)} ${String(height)}`}
          width={width}
          height={height}
          role="img"
          aria-labelledby={`${id}-svg-title`}
          aria-describedby={`${id}-summary`}
          xmlns="http://www.w3.org/2000/svg"
        >
          <title id={`${id}-svg-title`}>{props.title}</title>
          <defs>
            <pattern id={below} class="hatch" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect class="hatch-bg" width="8" height="8" fill="#0a4f8a" />
              <line class="hatch-line" x1="0" y1="0" x2="0" y2="8" stroke="#ffffff" stroke-width="4" />
            </pattern>
          </defs>
          <text class="chart-text" x="0" y="18" font-size="16">
            {c.axisShare}
          </text>
          {[0, 0.25, 0.5, 0.75, 1].map((s) => (
            <g key={s}>
              <line class="grid" x1={g.left} x2={width - g.right} y1={yOf(s)} y2={yOf(s)} stroke="#767676" stroke-width={s === 0 ? 2 : 1} />
              <text class="chart-text" x={g.left - 8} y={yOf(s) + 5} font-size="16" text-anchor="end">
                {percent(s, lang)}
              </text>
            </g>
          ))}
          {cols.map((col, i) => {
            const p = points[i];
            if (!p) return null;
            const cx = col.x + g.bar / 2;
            const hit = target === undefined ? null : reachesTarget(p, target);
            return (
              <g key={col.key} class="column" data-key={col.key}>
                {col.share === null ? null : (
                  <rect
                    class={hit === false ? 'bar bar-below' : 'bar'}
                    x={col.x}
                    y={col.y}
                    width={g.bar}
                    height={col.height}
                    fill={hit === false ? `url(#${below})` : '#0a4f8a'}
                    stroke="#1b1b1b"
                    stroke-width="1"
                  />
                )}
                <text class="chart-text value" x={cx} y={(col.share === null ? g.top + g.plot : col.y) - 8} font-size="16" text-anchor="middle">
                  {col.share === null ? c.none : percent(col.share, lang)}
                </text>
                {p.axis.map((line, j) => (
                  <text key={j} class="chart-text" x={cx} y={g.top + g.plot + 20 + j * 20} font-size="16" text-anchor="middle">
                    {line}
                  </text>
                ))}
              </g>
            );
          })}
          {target === undefined ? null : (
            <g class="target">
              <line class="target-line" x1={g.left} x2={width - g.right + 8} y1={yOf(target)} y2={yOf(target)} stroke="#1b1b1b" stroke-width="3" stroke-dasharray="10 6" />
              <text class="chart-text" x={width - g.right + 12} y={yOf(target) + 5} font-size="16">
                {percent(target, lang)}
              </text>
            </g>
          )}
          <text class="chart-text" x={g.left + (points.length * g.slot) / 2} y={height - 8} font-size="16" text-anchor="middle">
            {props.periodWord}
          </text>
        </svg>
        <figcaption id={`${id}-caption`}>
          <p id={`${id}-summary`}>{summary}</p>
          {target === undefined ? null : <Legend t={t} lang={lang} target={target} pattern={below} />}
        </figcaption>
      </figure>
      {table}
      {props.children}
    </div>
  );
}

/** The key to the drawing, in words with a small sample of each mark (the samples are decoration). */
function Legend({ t, lang, target, pattern }: { t: Messages; lang: Lang; target: number; pattern: string }) {
  const c = t.quality.chart;
  return (
    <ul class="chart-legend">
      <li>
        <svg class="legend-mark" width="32" height="16" viewBox="0 0 32 16" aria-hidden="true" focusable="false">
          <line class="target-line" x1="0" x2="32" y1="8" y2="8" stroke="#1b1b1b" stroke-width="3" stroke-dasharray="10 6" />
        </svg>
        {c.legendTarget(percent(target, lang))}
      </li>
      <li>
        <svg class="legend-mark" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <rect class="bar bar-below" x="0.5" y="0.5" width="15" height="15" fill={`url(#${pattern})`} stroke="#1b1b1b" />
        </svg>
        {c.legendBelow}
      </li>
    </ul>
  );
}

/** A period's share in the table: the percentage, or that there were no patients. */
export function shareCell(t: Messages, lang: Lang, p: SharePoint): string {
  const s = shareOf(p);
  return s === null ? t.quality.chart.noPatients : percent(s, lang);
}

/** Whether the period reached the target, in a word (the table's column beside the chart's hatching). */
export function targetCell(t: Messages, p: SharePoint, target: number): string {
  const hit = reachesTarget(p, target);
  const c = t.quality.chart;
  return hit === null ? c.noPatients : hit ? c.yes : c.no;
}

/**
 * A small trend of columns for a table's row, as tall as a line of text or two: no axis, no words
 * inside. Its text alternative is the sentence of every figure, so nothing is lost to a reader who
 * does not see it; the full chart and table say the same at their place on the page.
 */
export function TrendColumns(props: { t: Messages; lang: Lang; title: string; points: readonly SharePoint[] }) {
  const { t, lang, points } = props;
  const H = 32;
  const slot = 10;
  const width = Math.max(slot, points.length * slot);
  const label = shareSummary(t, lang, props.title, points);
  if (points.every((p) => p.denominator === 0)) return <span>{t.quality.chart.noPatients}</span>;
  return (
    <svg class="trend" viewBox={`0 0 ${String(width)} ${String(H)}`} width={width} height={H} role="img" aria-label={label} xmlns="http://www.w3.org/2000/svg">
      <line class="grid" x1="0" x2={width} y1={H - 0.5} y2={H - 0.5} stroke="#767676" stroke-width="1" />
      {points.map((p, i) => {
        const s = shareOf(p);
        // A period without patients: no column, only the baseline, as in the large chart.
        if (s === null) return null;
        const h = Math.max(s * (H - 2), s > 0 ? 1 : 0);
        return <rect key={p.key} class="bar" x={i * slot + 1.5} y={H - 1 - h} width={slot - 3} height={h} fill="#0a4f8a" data-key={p.key} />;
      })}
    </svg>
  );
}
