// A measure over time, drawn on the server as SVG with no script: the points joined by a line, to
// scale in time, with the cut-off as a dashed line, the bands of a score as labelled stripes, or a
// norm that moves with each point (the chair-stand norm with age) as short dashes. A picture never
// carries a figure alone: the caller gives the sentence that says the trend in words (the text
// alternative, shown under the drawing) and puts the data table beside it. A band or a line is
// named in words at its place, never told by colour only; in forced colours the drawing takes the
// system's colours (app.css, `.series-chart`).
import type { ComponentChildren } from 'preact';
import { numericDate } from '../time-format.js';

export interface ChartPoint {
  date: string;
  value: number;
}

export interface ChartReferences {
  /** A cut-off or the patient's own goal: a dashed line with its words at the right. */
  lines?: readonly { value: number; label: string }[];
  /** The bands of a score (low, intermediate, high), each a stripe with its name at the right. */
  bands?: readonly { from: number; to: number; label: string }[];
  /** A norm per point (by age on the day), drawn as a short dash at each point. */
  perPoint?: readonly { date: string; value: number }[];
  perPointLabel?: string;
}

export const SERIES_GEOMETRY = { width: 640, height: 240, left: 64, right: 150, top: 16, bottom: 40 } as const;

const dayNumber = (ymd: string) => Date.parse(`${ymd}T12:00:00Z`) / 86_400_000;

/**
 * The values' range with the references in it, a little room around, on round numbers (a power of
 * ten that fits the span) so the axis reads 2000 and 4000, not 2890 and 3910; a fixed scale when the
 * instrument has one.
 */
export function valueRange(values: readonly number[], fixed: { min: number; max: number } | null): { min: number; max: number } {
  if (fixed) return fixed;
  if (values.length === 0) return { min: 0, max: 1 };
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const room = (hi - lo) * 0.15 || Math.abs(hi) * 0.15 || 1;
  const exp = Math.max(-6, Math.floor(Math.log10(hi - lo + 2 * room)));
  // Whole multiples of the step, divided (not multiplied) below 1, so 0.6 stays 0.6 and not 0.6000000000000001.
  const at = (k: number) => (exp >= 0 ? k * 10 ** exp : k / 10 ** -exp);
  const per = (v: number) => (exp >= 0 ? v / 10 ** exp : v * 10 ** -exp);
  const min = at(Math.floor(per(lo - room)));
  return { min: lo >= 0 ? Math.max(0, min) : min, max: at(Math.ceil(per(hi + room))) };
}

/** Where a point is drawn: later is further right, a higher value higher up (so a better score draws the same way each time). */
export function placeOf(points: readonly ChartPoint[], range: { min: number; max: number }) {
  const g = SERIES_GEOMETRY;
  const plotW = g.width - g.left - g.right;
  const plotH = g.height - g.top - g.bottom;
  const days = points.map((p) => dayNumber(p.date));
  const d0 = Math.min(...days);
  const d1 = Math.max(...days);
  const span = range.max - range.min || 1;
  return {
    x: (date: string) => g.left + (d1 === d0 ? plotW / 2 : ((dayNumber(date) - d0) / (d1 - d0)) * plotW),
    y: (v: number) => g.top + plotH - ((Math.min(range.max, Math.max(range.min, v)) - range.min) / span) * plotH,
  };
}

export function SeriesChart(props: {
  /** Unique on the page: the SVG's title and the sentence hang off it. */
  id: string;
  title: string;
  points: readonly ChartPoint[];
  /** How a value is written on the axis (with its decimals). */
  format: (v: number) => string;
  scale: { min: number; max: number } | null;
  references?: ChartReferences;
  /** The trend in words: the drawing's text alternative, shown under it. */
  summary: string;
  children?: ComponentChildren;
}) {
  const { id, points, format } = props;
  const g = SERIES_GEOMETRY;
  const refs = props.references ?? {};
  const refValues = [...(refs.lines ?? []).map((l) => l.value), ...(refs.perPoint ?? []).map((p) => p.value)];
  const range = valueRange([...points.map((p) => p.value), ...refValues], props.scale);
  const { x, y } = placeOf(points, range);
  const plotRight = g.width - g.right;
  const bottom = g.height - g.bottom;
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'} ${x(p.date).toFixed(1)} ${y(p.value).toFixed(1)}`).join(' ');
  const first = points[0];
  const last = points.at(-1);
  return (
    <div class="chart-block" id={id}>
    <figure class="chart series">
      <svg
        class="series-chart"
        viewBox={`0 0 ${String(g.width)} ${String(g.height)}`}
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-summary`}
        xmlns="http://www.w3.org/2000/svg"
      >
        <title id={`${id}-title`}>{props.title}</title>
        {(refs.bands ?? []).map((b, i) => {
          // A band reaches from its lowest to its highest whole score: half a step beyond each.
          const top = y(Math.min(range.max, b.to + 0.5));
          const low = y(Math.max(range.min, b.from - 0.5));
          return (
            <g key={b.label} class="band">
              <rect class={i % 2 === 0 ? 'band-even' : 'band-odd'} x={g.left} y={top} width={plotRight - g.left} height={Math.max(0, low - top)} fill={i % 2 === 0 ? '#eef2f6' : '#ffffff'} />
              <text class="chart-text" x={plotRight + 8} y={(top + low) / 2 + 5} font-size="16">{b.label}</text>
            </g>
          );
        })}
        <line class="grid" x1={g.left} x2={g.left} y1={g.top} y2={bottom} stroke="#767676" />
        <line class="grid" x1={g.left} x2={plotRight} y1={bottom} y2={bottom} stroke="#767676" stroke-width="2" />
        {[range.min, range.max].map((v) => (
          <text key={`tick-${String(v)}`} class="chart-text" x={g.left - 8} y={y(v) + 5} font-size="16" text-anchor="end">{format(v)}</text>
        ))}
        {(refs.lines ?? []).map((l) => (
          <g key={l.label} class="target">
            <line class="target-line" x1={g.left} x2={plotRight} y1={y(l.value)} y2={y(l.value)} stroke="#1b1b1b" stroke-width="2" stroke-dasharray="8 5" />
            <text class="chart-text" x={plotRight + 8} y={y(l.value) + 5} font-size="16">{l.label}</text>
          </g>
        ))}
        {(refs.perPoint ?? []).map((n) => (
          <line key={`norm-${n.date}`} class="target-line norm" x1={x(n.date) - 12} x2={x(n.date) + 12} y1={y(n.value)} y2={y(n.value)} stroke="#1b1b1b" stroke-width="3" stroke-dasharray="4 3" />
        ))}
        {refs.perPointLabel && refs.perPoint && refs.perPoint.length > 0 ? (
          <text class="chart-text" x={plotRight + 8} y={y(refs.perPoint.at(-1)?.value ?? range.min) + 5} font-size="16">{refs.perPointLabel}</text>
        ) : null}
        {points.length > 1 ? <path class="series-line" d={path} fill="none" stroke="#0a4f8a" stroke-width="3" /> : null}
        {points.map((p) => (
          <circle key={`p-${p.date}-${String(p.value)}`} class="series-point" cx={x(p.date)} cy={y(p.value)} r="6" fill="#ffffff" stroke="#0a4f8a" stroke-width="3" />
        ))}
        {first ? <text class="chart-text" x={g.left} y={bottom + 24} font-size="16">{numericDate(first.date)}</text> : null}
        {last && first && last.date !== first.date ? <text class="chart-text" x={plotRight} y={bottom + 24} font-size="16" text-anchor="end">{numericDate(last.date)}</text> : null}
      </svg>
      <figcaption>
        <p id={`${id}-summary`}>{props.summary}</p>
      </figcaption>
    </figure>
    {props.children}
    </div>
  );
}
