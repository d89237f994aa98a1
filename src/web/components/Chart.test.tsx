// The charts as drawn: each column as tall as its share of the plot, the figures in words under
// the drawing and as a table beside it, the target as a line at its height and the periods under
// it hatched and marked "no", a period without patients drawn as none and said so, and no patients
// at all shown as an empty state rather than an empty drawing.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { renderToString } from 'preact-render-to-string';
import { nl } from '../i18n/nl.js';
import { en } from '../i18n/en.js';
import { GEOMETRY, ShareChart, TrendColumns, columnsOf, reachesTarget, shareSummary, type SharePoint } from './Chart.js';

const point = (key: string, numerator: number, denominator: number): SharePoint => ({ key, label: `periode ${key}`, axis: [key], numerator, denominator });

const POINTS = [point('a', 1, 2), point('b', 3, 4), point('c', 0, 5), point('d', 0, 0), point('e', 4, 4)];

/** The columns drawn, as [key, y, height] from the rendered SVG. */
function bars(html: string): { key: string; y: number; height: number; fill: string; cls: string }[] {
  return [...html.matchAll(/<g class="column" data-key="([^"]*)">(?:<rect class="([^"]*)" x="[^"]*" y="([^"]*)" width="[^"]*" height="([^"]*)" fill="([^"]*)")?/g)].flatMap((m) =>
    m[3] === undefined ? [] : [{ key: m[1] ?? '', cls: m[2] ?? '', y: Number(m[3]), height: Number(m[4]), fill: m[5] ?? '' }],
  );
}

/** The table's rows, each as its cells' text. */
function rows(html: string): string[][] {
  const body = html.slice(html.indexOf('<tbody>'), html.indexOf('</tbody>'));
  return body.split('<tr').slice(1).map((r) => [...r.matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/g)].map((m) => (m[1] ?? '').replace(/<[^>]+>/g, '')));
}

const render = (points: readonly SharePoint[], target?: number, lang: 'nl' | 'en' = 'nl') =>
  renderToString(<ShareChart t={lang === 'nl' ? nl : en} lang={lang} id="dxa" title="DXA binnen 90 dagen" points={points} target={target} periodWord="Maand" />);

describe('the share chart', () => {
  it('draws each column as tall as its share of the plot, and none for a period without patients', () => {
    const html = render(POINTS);
    const drawn = bars(html);
    expect(drawn.map((b) => b.key)).toEqual(['a', 'b', 'c', 'e']);
    const h = Object.fromEntries(drawn.map((b) => [b.key, b.height]));
    expect(h).toEqual({ a: GEOMETRY.plot / 2, b: (GEOMETRY.plot * 3) / 4, c: 0, e: GEOMETRY.plot });
    // Every column stands on the same baseline.
    for (const b of drawn) expect(b.y + b.height).toBe(GEOMETRY.top + GEOMETRY.plot);
    // Each column's figure above it, and the period without patients said in a word.
    for (const label of ['50%', '75%', '0%', '100%', '>geen<']) expect(html).toContain(label);
  });

  it('keeps the heights proportional to the shares for any figures', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(50), fc.nat(50)), { minLength: 1, maxLength: 12 }), (pairs) => {
        const points = pairs.map(([a, b], i) => point(String(i), Math.min(a, b), Math.max(a, b)));
        const cols = columnsOf(points);
        cols.forEach((c, i) => {
          const p = points[i] ?? point('x', 0, 0);
          if (p.denominator === 0) expect(c.share).toBeNull();
          else expect(c.height).toBeCloseTo((p.numerator / p.denominator) * GEOMETRY.plot, 9);
          expect(c.y + c.height).toBeCloseTo(GEOMETRY.top + GEOMETRY.plot, 9);
          // Side by side, never overlapping.
          if (i > 0) expect(c.x - (cols[i - 1]?.x ?? 0)).toBe(GEOMETRY.slot);
        });
      }),
    );
  });

  it('states every figure in a sentence that is the drawing\'s description, and has a title', () => {
    const html = render(POINTS);
    const sentence = shareSummary(nl, 'nl', 'DXA binnen 90 dagen', POINTS);
    expect(sentence).toBe(
      'DXA binnen 90 dagen. periode a: 1 van 2 (50%); periode b: 3 van 4 (75%); periode c: 0 van 5 (0%); periode d: geen patiënten; periode e: 4 van 4 (100%).',
    );
    expect(html).toContain(`<p id="dxa-summary">${sentence}</p>`);
    expect(html).toMatch(/<svg class="share-chart"[^>]*role="img"[^>]*aria-labelledby="dxa-svg-title"[^>]*aria-describedby="dxa-summary"/);
    expect(html).toContain('<title id="dxa-svg-title">DXA binnen 90 dagen</title>');
  });

  it('gives the same figures as a table beside the drawing', () => {
    const html = render(POINTS);
    expect(html).toContain('<caption>DXA binnen 90 dagen: de cijfers per periode</caption>');
    expect(rows(html)).toEqual([
      ['periode a', '1', '2', '50%'],
      ['periode b', '3', '4', '75%'],
      ['periode c', '0', '5', '0%'],
      ['periode d', '0', '0', 'geen patiënten'],
      ['periode e', '4', '4', '100%'],
    ]);
  });

  it('draws the target as a dashed line at its height, hatches the columns below it, and says which periods reached it', () => {
    const html = render(POINTS, 0.75);
    const line = /<line class="target-line" x1="[^"]*" x2="[^"]*" y1="([^"]*)" y2="([^"]*)"[^>]*stroke-dasharray/.exec(html);
    expect(Number(line?.[1])).toBe(GEOMETRY.top + GEOMETRY.plot * 0.25);
    const drawn = bars(html);
    expect(drawn.filter((b) => b.cls.includes('bar-below')).map((b) => b.key)).toEqual(['a', 'c']);
    expect(drawn.find((b) => b.key === 'a')?.fill).toBe('url(#dxa-below)');
    expect(drawn.find((b) => b.key === 'b')?.fill).not.toContain('url(');
    expect(html).toContain('<pattern id="dxa-below"');
    expect(rows(html).map((r) => r.at(-1))).toEqual(['nee', 'ja', 'nee', 'geen patiënten', 'ja']);
    expect(html).toContain('De streefwaarde is 75%. Die is gehaald in 2 van de 4 perioden met patiënten.');
    // The key to the marks, in words.
    expect(html).toContain(nl.quality.chart.legendTarget('75%'));
    expect(html).toContain(nl.quality.chart.legendBelow);
  });

  it('counts a target reached in whole patients: 4 of 5 reaches 80 %, 3 of 4 does not', () => {
    expect(reachesTarget({ numerator: 4, denominator: 5 }, 0.8)).toBe(true);
    expect(reachesTarget({ numerator: 3, denominator: 4 }, 0.8)).toBe(false);
    expect(reachesTarget({ numerator: 0, denominator: 0 }, 0.8)).toBeNull();
  });

  it('shows an empty state, not an empty drawing, when no period has patients', () => {
    const none = render([point('a', 0, 0), point('b', 0, 0)]);
    expect(none).not.toContain('<svg');
    expect(none).toContain(nl.quality.chart.noData);
    expect(rows(none)).toHaveLength(2);
    const nothing = render([]);
    expect(nothing).not.toContain('<svg');
    expect(nothing).not.toContain('<table');
    expect(nothing).toContain(nl.quality.chart.noData);
  });

  it('speaks English when asked', () => {
    const html = render(POINTS, 0.5, 'en');
    expect(html).toContain('periode a: 1 of 2 (50%)');
    expect(html).toContain('The target is 50%. It was reached in 3 of the 4 periods with patients.');
    expect(html).toContain('>none<');
  });
});

describe('the small trend', () => {
  it('draws one column per period as tall as its share, and states the figures as its text', () => {
    const html = renderToString(<TrendColumns t={nl} lang="nl" title="Botbehandeling" points={POINTS} />);
    const heights = [...html.matchAll(/<rect class="bar" x="[^"]*" y="[^"]*" width="[^"]*" height="([^"]*)"[^>]*data-key="([^"]*)"/g)].map((m) => [m[2], Number(m[1])]);
    expect(heights).toEqual([['a', 15], ['b', 22.5], ['c', 0], ['e', 30]]);
    expect(html).toContain(`aria-label="${shareSummary(nl, 'nl', 'Botbehandeling', POINTS)}"`);
    expect(html).toContain('role="img"');
  });

  it('says "no patients" instead of drawing nothing', () => {
    const html = renderToString(<TrendColumns t={nl} lang="nl" title="x" points={[point('a', 0, 0)]} />);
    expect(html).not.toContain('<svg');
    expect(html).toContain(nl.quality.chart.noPatients);
  });
});
