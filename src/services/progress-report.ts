// The progress report of exercise therapy, for the referrer and for the GP (who has no account: the
// report is how they see it). A4, pdfmake through the letters' own frame (letters.ts). The patient is
// named on the first lines and on every page's footer, as on the other letters. Each measure is a
// table: the day, the score the core gave, what it means against the cut-off or norm (with its
// source), and the change since the first measurement; then PSK, the goals and what is next.
import { directionOf, MEASURES, roundedChange, type MeasureKey, type Progress, type ProgressPoint, type Trend } from '../core/measures/progress.js';
import { day, num } from '../core/text.js';
import type { GoalStatus } from '../core/record/lists.js';
import type { DueStatus } from '../core/measures/scoring.js';
import { patientLetterPdf, type LetterLang } from './letters.js';

export interface ProgressReport {
  lang: LetterLang;
  practice: { name: string; phone: string };
  referrer: { organisation: string | null; person: string | null } | null;
  gp: string | null;
  patientName: string;
  birthDate: string;
  printedOn: string;
  progress: Progress;
}

/** A report kept with the letters (letter.content): printed again from `report` as it was on the day. */
export interface KeptProgressReport {
  format: 'progress-report';
  title: string;
  report: ProgressReport;
}

/** Whether a kept letter's content is a progress report (and not the text blocks of the other letters). */
export function isKeptProgressReport(content: unknown): content is KeptProgressReport {
  const c = content as Partial<KeptProgressReport> | null;
  return typeof c === 'object' && c !== null && c.format === 'progress-report' && typeof c.report === 'object' && c.report !== null;
}

export const progressReportTitle = (lang: LetterLang): string => WORDS[lang].title;

/** dd-mm-jjjj, the clinic's way of writing a day in a table. */
const dmy = (iso: string) => iso.split('-').reverse().join('-');

const WORDS = {
  nl: {
    title: 'Voortgangsverslag oefentherapie',
    to: 'Voor',
    referrer: (o: string) => `de verwijzer: ${o}`,
    gp: (g: string) => `de huisarts: ${g}`,
    gpUnknown: 'de huisarts',
    about: (name: string, born: string) => `${name}, geboren ${born}`,
    printed: (d: string) => `Gemaakt op ${d}, uit het dossier zoals het die dag was.`,
    period: 'Begeleide oefentherapie',
    periodFrom: (a: string) => `Sinds ${a}.`,
    periodFromTo: (a: string, b: string, ended: boolean) => `Van ${a} tot ${b}${ended ? ' (afgerond).' : ' (gepland).'}`,
    noPeriod: 'Geen begeleide periode vastgelegd.',
    measured: (n: number, a: string, b: string) => (n === 1 ? `Eén meting, op ${a}.` : `${String(n)} metingen, van ${a} tot ${b}.`),
    noMeasurements: 'Nog geen metingen vastgelegd.',
    columns: { date: 'Datum', score: 'Uitslag', meaning: 'Betekenis', change: 'Verschil met eerste' },
    first: 'eerste meting',
    names: {
      sppb: 'SPPB (Short Physical Performance Battery)', 'four-stage-balance': '4-standen-balanstest', 'chair-stand-30s': 'Opstaan uit een stoel in 30 seconden',
      tug: 'Timed Up and Go', 'gait-speed': 'Loopsnelheid', steps: 'Stappen per dag', 'fes-i': 'Short FES-I (angst om te vallen)',
    } satisfies Record<MeasureKey, string>,
    how: {
      sppb: 'Score 0–12. Laag 0–6, middel 7–9, hoog 10–12. Bron: Guralnik 1994.',
      'four-stage-balance': 'Hoogste stand 10 seconden volgehouden (0–4). Tandemstand (3) niet gehaald: meer kans om te vallen. Bron: CDC STEADI.',
      'chair-stand-30s': 'Aantal keer opstaan; onder de norm voor leeftijd en geslacht op de dag van meten is onder het gemiddelde. Bron: Rikli & Jones 1999, CDC STEADI.',
      tug: 'Seconden. Meer dan 15 seconden is traag. Bron: World Falls Guidelines 2022.',
      'gait-speed': 'Meter per seconde. Minder dan 0,8 m/s is traag. Bron: World Falls Guidelines 2022.',
      steps: 'Gemiddeld per dag. Alleen vergeleken met het eigen doel van de patiënt, niet met een vast getal.',
      'fes-i': 'Som 7–28. Laag 7–8, matig 9–13, hoog 14–28.',
    } satisfies Record<MeasureKey, string>,
    band: { low: 'laag', intermediate: 'middel', high: 'hoog', moderate: 'matig' } as Record<string, string>,
    stage: (n: number) => `stand ${String(n)}`,
    tandemHeld: 'tandemstand gehaald',
    tandemNot: 'tandemstand niet gehaald',
    norm: (t: number, age: number) => `norm ${String(t)} (${String(age)} jaar)`,
    noNorm: (age: number) => `geen norm voor ${String(age)} jaar`,
    below: 'onder het gemiddelde',
    atOrAbove: 'niet onder het gemiddelde',
    slow: 'traag',
    notSlow: 'niet traag',
    goal: (g: number) => `eigen doel ${num(g, 'nl')}`,
    reached: 'doel gehaald',
    notReached: 'doel nog niet gehaald',
    noGoal: 'geen eigen doel vastgelegd',
    units: { sppb: 'punten', 'four-stage-balance': '', 'chair-stand-30s': 'keer', tug: 's', 'gait-speed': 'm/s', steps: 'stappen', 'fes-i': 'punten' } satisfies Record<MeasureKey, string>,
    direction: { better: 'beter', worse: 'slechter', same: 'gelijk' },
    psk: 'PSK (Patiënt Specifieke Klachten)',
    pskHow: 'Per activiteit 0 (geen moeite) tot 10 (onmogelijk); lager is beter. Bron: Beurskens 1996.',
    pskColumns: { activity: 'Activiteit', first: 'Eerste', latest: 'Laatste', change: 'Verschil' },
    goals: 'Doelen',
    goalStatus: { kept: 'blijft', changed: 'aangepast', reached: 'gehaald' } satisfies Record<GoalStatus, string>,
    goalOpen: 'nog niet opnieuw bekeken',
    changedTo: (x: string) => `nu: ${x}`,
    noGoals: 'Geen doelen vastgelegd.',
    next: 'Wat volgt',
    nextDue: (d: string, s: DueStatus) => `Volgende meting: ${d}${s === 'planned' ? '.' : s === 'due' ? ' (nu aan de beurt).' : ' (te laat).'}`,
    noNext: 'Nog geen meting gepland: er is geen meting en geen begin van de therapie vastgelegd.',
    keepMeasuring: 'Ook na het einde van de begeleide therapie meten we elke 3 maanden.',
    questions: (org: string, phone: string) => `Vragen over dit verslag: ${org}, ${phone}.`,
    page: (n: number, of: number) => `Blad ${String(n)} van ${String(of)}`,
  },
  en: {
    title: 'Exercise therapy progress report',
    to: 'For',
    referrer: (o: string) => `the referrer: ${o}`,
    gp: (g: string) => `the GP: ${g}`,
    gpUnknown: 'the GP',
    about: (name: string, born: string) => `${name}, born ${born}`,
    printed: (d: string) => `Made on ${d}, from the record as it stood that day.`,
    period: 'Supervised exercise therapy',
    periodFrom: (a: string) => `Since ${a}.`,
    periodFromTo: (a: string, b: string, ended: boolean) => `From ${a} to ${b}${ended ? ' (finished).' : ' (planned).'}`,
    noPeriod: 'No supervised period recorded.',
    measured: (n: number, a: string, b: string) => (n === 1 ? `One measurement, on ${a}.` : `${String(n)} measurements, from ${a} to ${b}.`),
    noMeasurements: 'No measurements recorded yet.',
    columns: { date: 'Date', score: 'Result', meaning: 'Meaning', change: 'Change since first' },
    first: 'first measurement',
    names: {
      sppb: 'SPPB (Short Physical Performance Battery)', 'four-stage-balance': '4-Stage Balance Test', 'chair-stand-30s': '30-Second Chair Stand',
      tug: 'Timed Up and Go', 'gait-speed': 'Gait speed', steps: 'Steps per day', 'fes-i': 'Short FES-I (fear of falling)',
    } satisfies Record<MeasureKey, string>,
    how: {
      sppb: 'Score 0–12. Low 0–6, intermediate 7–9, high 10–12. Source: Guralnik 1994.',
      'four-stage-balance': 'Highest stance held for 10 seconds (0–4). Tandem stance (3) not held: a higher chance of falling. Source: CDC STEADI.',
      'chair-stand-30s': 'Number of stands; fewer than the norm for age and sex on the day measured is below average. Source: Rikli & Jones 1999, CDC STEADI.',
      tug: 'Seconds. More than 15 seconds is slow. Source: World Falls Guidelines 2022.',
      'gait-speed': 'Metres per second. Below 0.8 m/s is slow. Source: World Falls Guidelines 2022.',
      steps: 'Mean per day. Compared only with the patient\'s own goal, never with a fixed number.',
      'fes-i': 'Sum 7–28. Low 7–8, moderate 9–13, high 14–28.',
    } satisfies Record<MeasureKey, string>,
    band: { low: 'low', intermediate: 'intermediate', high: 'high', moderate: 'moderate' } as Record<string, string>,
    stage: (n: number) => `stance ${String(n)}`,
    tandemHeld: 'tandem stance held',
    tandemNot: 'tandem stance not held',
    norm: (t: number, age: number) => `norm ${String(t)} (age ${String(age)})`,
    noNorm: (age: number) => `no norm at age ${String(age)}`,
    below: 'below average',
    atOrAbove: 'not below average',
    slow: 'slow',
    notSlow: 'not slow',
    goal: (g: number) => `own goal ${num(g, 'en')}`,
    reached: 'goal reached',
    notReached: 'goal not reached yet',
    noGoal: 'no own goal recorded',
    units: { sppb: 'points', 'four-stage-balance': '', 'chair-stand-30s': 'stands', tug: 's', 'gait-speed': 'm/s', steps: 'steps', 'fes-i': 'points' } satisfies Record<MeasureKey, string>,
    direction: { better: 'better', worse: 'worse', same: 'the same' },
    psk: 'PSK (Patient-Specific Complaints)',
    pskHow: 'Per activity 0 (no trouble) to 10 (impossible); lower is better. Source: Beurskens 1996.',
    pskColumns: { activity: 'Activity', first: 'First', latest: 'Latest', change: 'Change' },
    goals: 'Goals',
    goalStatus: { kept: 'kept', changed: 'changed', reached: 'reached' } satisfies Record<GoalStatus, string>,
    goalOpen: 'not looked at again yet',
    changedTo: (x: string) => `now: ${x}`,
    noGoals: 'No goals recorded.',
    next: 'What comes next',
    nextDue: (d: string, s: DueStatus) => `Next measurement: ${d}${s === 'planned' ? '.' : s === 'due' ? ' (due now).' : ' (overdue).'}`,
    noNext: 'No measurement planned yet: neither a measurement nor the start of therapy is recorded.',
    keepMeasuring: 'After the supervised therapy ends we keep measuring every 3 months.',
    questions: (org: string, phone: string) => `Questions about this report: ${org}, ${phone}.`,
    page: (n: number, of: number) => `Page ${String(n)} of ${String(of)}`,
  },
} as const;

type Words = (typeof WORDS)[LetterLang];

const DECIMALS: Record<MeasureKey, number | undefined> = { sppb: undefined, 'four-stage-balance': undefined, 'chair-stand-30s': undefined, tug: 1, 'gait-speed': 2, steps: undefined, 'fes-i': undefined };

/** A measure's value as written in the report and on the page: its decimals and its unit. */
export function measureValue(key: MeasureKey, value: number, lang: LetterLang): string {
  const w = WORDS[lang];
  const n = DECIMALS[key] === undefined ? num(value, lang) : num(value, lang, DECIMALS[key]);
  return key === 'four-stage-balance' ? w.stage(value) : `${n} ${w.units[key]}`;
}

/** What a point means against its cut-off, norm, band or goal, in a few words. */
export function meaningOf(p: ProgressPoint, lang: LetterLang): string {
  const w: Words = WORDS[lang];
  const v = p.verdict;
  switch (v.kind) {
    case 'sppb-band': return w.band[v.band] ?? v.band;
    case 'tandem': return v.held ? w.tandemHeld : w.tandemNot;
    case 'chair-norm': return v.threshold === null ? w.noNorm(v.age) : `${v.belowAverage ? w.below : w.atOrAbove}, ${w.norm(v.threshold, v.age)}`;
    case 'tug':
    case 'gait': return v.slow ? w.slow : w.notSlow;
    case 'steps': return v.goal === null ? w.noGoal : `${v.reached ? w.reached : w.notReached} (${w.goal(v.goal)})`;
    case 'fes-band': return w.band[v.level] ?? v.level;
  }
}

/** The change since the first measurement, signed, with better or worse. */
export function changeWords(key: MeasureKey | 'psk', change: number, direction: Trend['direction'], lang: LetterLang): string {
  const w = WORDS[lang];
  const d = key === 'psk' || DECIMALS[key] === undefined ? undefined : DECIMALS[key];
  const n = d === undefined ? num(Math.abs(change), lang) : num(Math.abs(change), lang, d);
  const sign = change > 0 ? '+' : change < 0 ? '\u2212' : '';
  return `${sign}${n} (${w.direction[direction]})`;
}

/** The change since the first measurement, rounded to what is entered (0.1 + 0.2 is 0.3), with its direction. */
export function changeSince(key: MeasureKey | 'psk', raw: number, better: 'higher' | 'lower', lang: LetterLang): string {
  const change = roundedChange(raw);
  return changeWords(key, change, directionOf(change, better), lang);
}

const cell = (text: string, o: Record<string, unknown> = {}) => ({ text, ...o });
const table = (widths: (string | number)[], head: string[], rows: string[][]) => ({
  table: { headerRows: 1, widths, dontBreakRows: true, body: [head.map((h) => cell(h, { bold: true })), ...rows.map((r) => r.map((x) => cell(x)))] },
  layout: 'lightHorizontalLines',
  margin: [0, 2, 0, 8],
});

export async function progressReportPdf(r: ProgressReport): Promise<Buffer> {
  const w: Words = WORDS[r.lang];
  const p = r.progress;
  const born = dmy(r.birthDate);
  const to = [
    ...(r.referrer ? [w.referrer([r.referrer.person, r.referrer.organisation].filter((x) => x !== null && x !== '').join(', ') || '—')] : []),
    r.gp ? w.gp(r.gp) : w.gpUnknown,
  ];
  const therapy = p.therapy === null ? w.noPeriod : p.therapy.end === null ? w.periodFrom(dmy(p.therapy.start)) : w.periodFromTo(dmy(p.therapy.start), dmy(p.therapy.end), p.therapy.ended);
  const measures = MEASURES.flatMap((key) => {
    const s = p.series[key];
    if (s.points.length === 0) return [];
    const first = s.points[0];
    const rows = s.points.map((pt, i) => [
      dmy(pt.date), measureValue(key, pt.value, r.lang), meaningOf(pt, r.lang), i === 0 || first === undefined ? w.first : changeSince(key, pt.value - first.value, s.better, r.lang),
    ]);
    return [
      { text: w.names[key], style: 'h2' },
      { text: w.how[key], fontSize: 9.5, color: '#333333' },
      table([70, 80, '*', 120], [w.columns.date, w.columns.score, w.columns.meaning, w.columns.change], rows),
    ];
  });
  const psk = p.psk.length === 0 ? [] : [
    { text: w.psk, style: 'h2' },
    { text: w.pskHow, fontSize: 9.5, color: '#333333' },
    table(['*', 70, 70, 110], [w.pskColumns.activity, w.pskColumns.first, w.pskColumns.latest, w.pskColumns.change], p.psk.map((s) => {
      const a = s.points[0];
      const b = s.points.at(-1);
      return [s.activity, a ? `${String(a.score)} (${dmy(a.date)})` : '', b ? `${String(b.score)} (${dmy(b.date)})` : '', s.trend ? changeWords('psk', s.trend.change, s.trend.direction, r.lang) : '—'];
    })),
  ];
  const goals = p.goals.length === 0 ? [{ text: w.noGoals }] : [{
    ul: p.goals.map((g) => `${g.goal}: ${g.status === null ? w.goalOpen : `${w.goalStatus[g.status]} (${dmy(g.date ?? '')})`}${g.changedTo !== undefined ? `; ${w.changedTo(g.changedTo)}` : ''}`),
  }];
  return patientLetterPdf({ title: w.title, author: r.practice.name, footer: w.about(r.patientName, born), page: w.page, h2Top: 10, fontSize: 10.5 }, [
    { text: r.practice.name, style: 'org' },
    { text: `${w.to}: ${to.join('; ')}`, margin: [0, 8, 0, 0] },
    { text: w.printed(day(r.printedOn, r.lang)), margin: [0, 2, 0, 10] },
    { text: w.title, style: 'h1' },
    { text: w.about(r.patientName, born), bold: true, margin: [0, 0, 0, 6] },
    { text: `${w.period}: ${therapy}` },
    { text: p.count === 0 ? w.noMeasurements : w.measured(p.count, dmy(p.first ?? ''), dmy(p.latest ?? '')) },
    ...measures,
    ...psk,
    { text: w.goals, style: 'h2' },
    ...goals,
    { text: w.next, style: 'h2' },
    { text: p.next === null ? w.noNext : w.nextDue(dmy(p.next.due), p.next.status) },
    { text: w.keepMeasuring },
    { text: w.questions(r.practice.name, r.practice.phone), margin: [0, 12, 0, 0] },
  ]);
}

/** The words of the report the pages show too, so the page and the paper say the same. */
export const reportWords = (lang: LetterLang) => {
  const w = WORDS[lang];
  return {
    name: (key: MeasureKey) => w.names[key], how: (key: MeasureKey) => w.how[key], psk: w.psk, pskHow: w.pskHow,
    goalStatus: (s: GoalStatus | null) => (s === null ? w.goalOpen : w.goalStatus[s]), changedTo: w.changedTo, first: w.first,
  };
};
