// The dashboard's pages rendered from an answer of the contract's shape: every figure is a link to
// the patients behind it (met, not met, everyone counted, still open, and each reason for leaving a
// patient out), the left-out counts beside the denominator, the trend as chart and table, the
// identification share only with the expected number set (and the way to the setting without it),
// the rows behind a figure with names linked to the record or codes unlinked; and the periods.
import { describe, expect, it } from 'vitest';
import { renderToString } from 'preact-render-to-string';
import { QualityDashboard } from '../../schema/quality.schema.js';
import { QUALITY_INDICATORS, type QualityIndicator } from '../../core/quality/lists.js';
import type { PageContext } from '../components/Layout.js';
import type { QualityPatientRow } from '../../api/facade.js';
import { nl } from '../i18n/nl.js';
import { DashboardPage, PatientsPage, drillHref } from './quality.page.js';
import { asKind, axisLines, offeredPeriods, periodOf, periodWords, shift } from './periods.js';

const ctx: PageContext = { lang: 'nl', t: nl, textSize: 'normal', side: 'clinician', demo: false, helpPhone: '0800', path: '/quality' };
const CLIN = '11111111-1111-4111-8111-111111111111';
const decode = (s: string) => s.replace(/&amp;/g, '&');

const period = (label: string, from: string, to: string) => ({ kind: 'quarter' as const, label, from, to });
const Q1 = period('2026-Q1', '2026-01-01', '2026-03-31');
const Q4 = period('2025-Q4', '2025-10-01', '2025-12-31');

/** An answer whose figures differ per indicator (index i): i+1 met of i+3, i open, and 1, 2, 3 left out. */
function answer(expected: number | null): QualityDashboard {
  return QualityDashboard.parse({
    period: Q1,
    asOf: '2026-05-01',
    clinician: null,
    cohort: 40,
    expectedFracturesPerYear: expected,
    indicators: QUALITY_INDICATORS.map((indicator, i) => ({
      indicator,
      source: ['FLS-DB'],
      recordable: indicator !== 'strength-and-balance',
      numerator: i + 1,
      denominator: indicator === 'identification' ? (expected === null ? null : 10) : i + 3,
      share: indicator === 'identification' ? (expected === null ? null : (i + 1) / 10) : (i + 1) / (i + 3),
      open: i,
      excluded: { 'workup-waived': 1, died: 2, 'left-care': 3 },
      iofTwelveWeeks: indicator === 'dxa-90-days' ? { numerator: 1, denominator: i + 3, share: 1 / (i + 3) } : null,
      trend: [
        { period: Q4, numerator: 2, denominator: 4, share: 0.5 },
        { period: Q1, numerator: i + 1, denominator: i + 3, share: (i + 1) / (i + 3) },
      ],
      perClinician: [
        { clinicianId: CLIN, name: 'Dr. Bakker', numerator: 1, denominator: 2, share: 0.5 },
        { clinicianId: null, name: null, numerator: i, denominator: i + 1, share: i / (i + 1) },
      ],
    })),
  });
}

const page = (d: QualityDashboard, maySetExpected = false) =>
  decode(renderToString(<DashboardPage ctx={ctx} today="2026-05-01" kind="quarter" chosen={{ kind: 'quarter', period: '2026-Q1' }} dashboard={d} clinicians={[{ id: CLIN, name: 'Dr. Bakker' }]} maySetExpected={maySetExpected} />));

/** The figures table's row of one indicator: each cell's link (or text). */
function rowOf(html: string, indicator: QualityIndicator): string {
  const table = html.slice(html.indexOf(`<caption class="visually-hidden">${nl.quality.figuresCaption('1e kwartaal 2026')}`));
  const row = table.split('<tr').find((r) => r.includes(`href="#${indicator}"`));
  return row ?? '';
}
const linksIn = (html: string) => [...html.matchAll(/<a href="([^"]*)" class="figure">([\d.]+)</g)].map((m) => [m[1], m[2]]);

describe('the dashboard page', () => {
  it('links every figure of an indicator to its patients: met, not met, everyone, open and each reason left out', () => {
    const html = page(answer(null));
    const i = QUALITY_INDICATORS.indexOf('dxa-90-days');
    const base = '/quality/patients?kind=quarter&period=2026-Q1&indicator=dxa-90-days';
    expect(linksIn(rowOf(html, 'dxa-90-days'))).toEqual([
      [`${base}&outcome=met`, String(i + 1)],
      [`${base}&outcome=not-met`, '2'],
      [base, String(i + 3)],
      [`${base}&outcome=open`, String(i)],
      [`${base}&outcome=excluded&reason=workup-waived`, '1'],
      [`${base}&outcome=excluded&reason=died`, '2'],
      [`${base}&outcome=excluded&reason=left-care`, '3'],
    ]);
    // The share beside them, and the columns naming the left-out counts.
    expect(rowOf(html, 'dxa-90-days')).toContain(`${String(Math.round(((i + 1) / (i + 3)) * 100))}%`);
    for (const r of Object.values(nl.quality.excludedColumns)) expect(html).toContain(`>${r}</th>`);
    // Every indicator but identification has its row, section, chart and per-clinician table.
    for (const ind of QUALITY_INDICATORS.filter((x) => x !== 'identification')) {
      expect(rowOf(html, ind), ind).not.toBe('');
      expect(html).toContain(`<h2 id="${ind}">${nl.quality.indicators[ind]}</h2>`);
      expect(html).toContain(`id="chart-${ind}"`);
      expect(html).toContain(`<caption>${nl.quality.perClinicianCaption(nl.quality.indicators[ind])}</caption>`);
    }
  });

  it('shows the trend as a chart whose figures link to their period\'s patients, and the IOF 12 weeks beside DXA', () => {
    const html = page(answer(null));
    const section = html.slice(html.indexOf('<h2 id="assessment-90-days">'), html.indexOf('<h2 id="dxa-90-days">'));
    expect(section).toContain('role="img"');
    expect(section).toContain('Beoordeling binnen 90 dagen: het verloop. 4e kwartaal 2025: 2 van 4 (50%); 1e kwartaal 2026: 2 van 4 (50%).');
    expect(section).toContain('href="/quality/patients?kind=quarter&period=2025-Q4&indicator=assessment-90-days&outcome=met"');
    expect(section).toContain('href="/quality/patients?kind=quarter&period=2025-Q4&indicator=assessment-90-days"');
    // Per clinician: a signed clinician's figures link to their patients; the unsigned ones are said, not linked.
    expect(section).toContain(`href="/quality/patients?kind=quarter&period=2026-Q1&clinician=${CLIN}&indicator=assessment-90-days&outcome=met"`);
    expect(section).toContain(nl.quality.unsigned);
    const dxa = html.slice(html.indexOf('<h2 id="dxa-90-days">'));
    expect(dxa).toContain(nl.quality.iofTwelveWeeks('1', '5', '20%'));
    // An indicator the record cannot hold yet says so.
    expect(html.slice(html.indexOf('<h2 id="strength-and-balance">'))).toContain(nl.quality.notRecordable);
  });

  it('gives the identification share only with the expected number set, and otherwise points to the setting', () => {
    const without = page(answer(null), true);
    expect(without).toContain(nl.quality.identified.noExpected);
    expect(without).toContain(`<a href="/admin/settings">${nl.quality.identified.toSettings}</a>`);
    expect(without).not.toContain('Verwacht in deze periode');
    expect(page(answer(null), false)).toContain(nl.quality.identified.askAdmin);
    const withIt = page(answer(120));
    expect(withIt).not.toContain(nl.quality.identified.noExpected);
    expect(withIt).toContain(`${nl.quality.identified.ofExpected('10', '120')} <strong>10%</strong>`);
    expect(withIt).toContain('id="chart-identification"');
    // The identified count links to its patients; so does the cohort.
    expect(withIt).toContain('<a href="/quality/patients?kind=quarter&period=2026-Q1&indicator=identification&outcome=met" class="figure">1<');
    expect(withIt).toContain('<a href="/quality/patients?kind=quarter&period=2026-Q1&indicator=identification" class="figure">40<');
  });

  it('offers the CSV files of the figures and of the patients for the period shown, and the periods around it', () => {
    const html = page(answer(null));
    expect(html).toContain('href="/quality/figures.csv?kind=quarter&period=2026-Q1"');
    expect(html).toContain('href="/quality/patients.csv?kind=quarter&period=2026-Q1"');
    expect(html).toContain('href="/quality?kind=quarter&period=2025-Q4" rel="prev"');
    expect(html).toContain('href="/quality?kind=quarter&period=2026-Q2" rel="next"');
    expect(html).toContain('<option value="2026-Q1" selected>1e kwartaal 2026</option>');
    expect(html).toContain(`<option value="${CLIN}">Dr. Bakker</option>`);
  });
});

describe('the patients behind a figure', () => {
  const row = (over: Partial<QualityPatientRow>): QualityPatientRow => ({
    patientId: '22222222-2222-4222-8222-222222222222', name: 'Anna de Vries', birthDate: '1950-02-03', pseudonym: null, indexFracture: '2026-01-15', fractureSite: 'wrist',
    clinicianId: CLIN, clinicianName: 'Dr. Bakker', missing: [],
    outcomes: Object.fromEntries(QUALITY_INDICATORS.map((i) => [i, { outcome: 'met', reason: null }])) as QualityPatientRow['outcomes'],
    ...over,
  });

  it('opens each named patient\'s record, shows a code unlinked, and the outcome in words with a shape', () => {
    const left = row({ patientId: null, name: null, birthDate: null, pseudonym: 'P-7K2Q', outcomes: { ...row({}).outcomes, 'dxa-90-days': { outcome: 'excluded', reason: 'died' } } });
    const html = decode(renderToString(<PatientsPage ctx={ctx} chosen={{ kind: 'quarter', period: '2026-Q1' }} drill={{ indicator: 'dxa-90-days' }} rows={[row({}), left]} total={2} />));
    expect(html).toContain('<h1>DXA binnen 90 dagen: alle getelde patiënten</h1>');
    expect(html).toContain('<a href="/patients/22222222-2222-4222-8222-222222222222">Anna de Vries</a>');
    expect(html).toContain('>P-7K2Q<');
    expect(html).not.toContain('href="/patients/null');
    expect(html).toContain('03-02-1950');
    expect(html).toContain(`15-01-2026</span>, ${nl.clinical.sites.wrist}`);
    expect(html).toContain(`${nl.quality.outcomes.excluded}: ${nl.quality.reasons.died}`);
    expect(html).toContain('chip chip-ok');
    expect(html).toContain('href="/quality?kind=quarter&period=2026-Q1"');
    expect(html).toContain('href="/quality/patients.csv?kind=quarter&period=2026-Q1&indicator=dxa-90-days"');
  });

  it('names the group in its heading', () => {
    const h1 = (drill: Parameters<typeof drillHref>[1]) =>
      /<h1>([^<]*)<\/h1>/.exec(renderToString(<PatientsPage ctx={ctx} chosen={{ kind: 'month', period: '2026-03' }} drill={drill} rows={[]} total={0} />))?.[1];
    expect(h1({ indicator: 'falls-assessment', outcome: 'not-met' })).toBe('Valrisico bekeken: niet gehaald');
    expect(h1({ indicator: 'falls-assessment', reason: 'left-care' })).toBe('Valrisico bekeken: buiten de noemer, uit zorg');
    expect(h1({ indicator: 'falls-assessment', outcome: 'excluded' })).toBe('Valrisico bekeken: buiten de noemer');
  });
});

describe('the periods', () => {
  it('takes a period of another kind over as the period of the new kind that holds its first day', () => {
    expect(asKind('quarter', '2026-05')).toBe('2026-Q2');
    expect(asKind('year', '2026-Q3')).toBe('2026');
    expect(asKind('month', '2026-Q3')).toBe('2026-07');
    expect(asKind('month', '2026')).toBe('2026-01');
    expect(asKind('month', '2026-11')).toBe('2026-11');
    expect(asKind('month', undefined)).toBeUndefined();
  });

  it('steps back and forth across years', () => {
    expect(shift('month', '2026-01', -1)).toBe('2025-12');
    expect(shift('quarter', '2025-Q4', 1)).toBe('2026-Q1');
    expect(shift('year', '2026', -3)).toBe('2023');
    expect(periodOf('quarter', '2026-12-31')).toBe('2026-Q4');
  });

  it('offers the recent periods newest first, and keeps an older one that is shown', () => {
    expect(offeredPeriods('quarter', '2026-05-01', undefined).slice(0, 3)).toEqual(['2026-Q2', '2026-Q1', '2025-Q4']);
    expect(offeredPeriods('year', '2026-05-01', '2001')).toEqual(['2026', '2025', '2024', '2023', '2022', '2021', '2001']);
    expect(offeredPeriods('month', '2026-05-01', undefined)).toHaveLength(24);
  });

  it('says a period in words and in the short lines under a column', () => {
    expect(periodWords(nl, '2026-03')).toBe('maart 2026');
    expect(periodWords(nl, '2026-Q2')).toBe('2e kwartaal 2026');
    expect(periodWords(nl, '2026')).toBe('2026');
    expect(axisLines(nl, '2026-03')).toEqual(['mrt', '2026']);
    expect(axisLines(nl, '2026-Q2')).toEqual(['K2', '2026']);
  });
});
