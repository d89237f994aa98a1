// The clinical records of five demo patients, so a new clinic opens a record with something in it:
// a follow-up years after a hip fracture, a wrist fracture in exercise therapy, a vertebral
// fracture waiting for the treatment decision, denosumab every six months, and a denosumab
// injection that is overdue (an alert on the worklist). Each denosumab injection has its place and
// batch, as the medication page records them. Dates are counted back from the day the demo set is
// loaded, so the records stay current. Made-up facts only.
import type { RecordEntry } from '../core/record/entries.js';
import type { DecisionOption } from '../core/record/lists.js';
import type { ExerciseIntensity, ExercisePlace } from '../core/exercise/index.js';
import { addDays, addMonths, type IsoDate } from '../core/time/date.js';

/** A demo patient's facts, by the patient's place in DEMO_PATIENTS. */
export interface DemoRecord {
  patient: number;
  entries: (today: IsoDate) => RecordEntry[];
}

const monthsAgo = (today: IsoDate, n: number) => addMonths(today, -n);

export const DEMO_RECORDS: readonly DemoRecord[] = [
  {
    // Johanna Visser: a hip fracture two years ago, on alendronic acid, seen every year.
    patient: 3,
    entries: (t): RecordEntry[] => [
      { kind: 'fracture', date: monthsAgo(t, 26), data: { site: 'hip', side: 'left', highEnergy: false, pathological: false, department: 'Traumatologie' } },
      { kind: 'dxa', date: monthsAgo(t, 25), data: { sites: [{ site: 'lumbar-spine', tScore: -2.2 }, { site: 'femoral-neck', tScore: -2.9 }, { site: 'total-hip', tScore: -2.6 }] } },
      {
        kind: 'labs', date: monthsAgo(t, 25),
        data: { results: [
          { test: 'calcium', value: 2.35, unit: 'mmol/L', refLow: 2.2, refHigh: 2.6 }, { test: 'albumin', value: 38, unit: 'g/L', refLow: 35, refHigh: 50 },
          { test: 'egfr', value: 58, unit: 'mL/min/1.73m2', refLow: 60 }, { test: '25-oh-vitamin-d', value: 34, unit: 'nmol/L', refLow: 50 },
          { test: 'tsh', value: 1.8, unit: 'mU/L', refLow: 0.4, refHigh: 4 },
        ] },
      },
      { kind: 'safety', date: monthsAgo(t, 24), data: { canStayUpright30Min: true, oesophagealDisorder: false } },
      { kind: 'dental-check', date: monthsAgo(t, 24), data: {} },
      { kind: 'medication', date: monthsAgo(t, 24), data: { drug: 'alendronic-acid', route: 'oral' } },
      { kind: 'contact', date: monthsAgo(t, 21), data: { kind: '3-months' } },
      { kind: 'contact', date: monthsAgo(t, 12), data: { kind: '1-year' } },
      { kind: 'weight', date: monthsAgo(t, 12), data: { kg: 61 } },
      { kind: 'height', date: monthsAgo(t, 12), data: { cm: 158 } },
      { kind: 'falls-screen', date: monthsAgo(t, 12), data: { fallsLast12Months: 1, worriedAboutFalling: true } },
      { kind: 'note', date: monthsAgo(t, 12), data: { text: 'Jaarcontrole. Neemt de tablet elke week. Eén keer thuis gevallen, zonder letsel. Afgesproken: valpreventie bij de fysiotherapeut.' } },
    ],
  },
  {
    // Sanne Meijer: a wrist fracture five months ago, low bone density, exercise therapy for falls.
    patient: 5,
    entries: (t): RecordEntry[] => [
      { kind: 'fracture', date: monthsAgo(t, 5), data: { site: 'wrist', side: 'right', highEnergy: false, department: 'Spoedeisende hulp' } },
      { kind: 'menopause', date: monthsAgo(t, 4), data: { status: 'post', ageAtMenopause: 51 } },
      { kind: 'dxa', date: monthsAgo(t, 4), data: { sites: [{ site: 'lumbar-spine', tScore: -1.8 }, { site: 'femoral-neck', tScore: -2.1 }, { site: 'total-hip', tScore: -1.6 }] } },
      {
        kind: 'labs', date: monthsAgo(t, 4),
        data: { results: [
          { test: 'calcium', value: 2.41, unit: 'mmol/L', refLow: 2.2, refHigh: 2.6 }, { test: '25-oh-vitamin-d', value: 52, unit: 'nmol/L', refLow: 50 },
          { test: 'egfr', value: 84, unit: 'mL/min/1.73m2', refLow: 60 }, { test: 'tsh', value: 2.1, unit: 'mU/L', refLow: 0.4, refHigh: 4 },
        ] },
      },
      { kind: 'falls-screen', date: monthsAgo(t, 4), data: { fallsLast12Months: 2, unsteady: true, tugSeconds: 13.5 } },
      { kind: 'fes-i', date: monthsAgo(t, 4), data: { answers: [2, 2, 3, 2, 1, 3, 2] } },
      { kind: 'calcium', date: monthsAgo(t, 4), data: { servings: { 'milk-glass': 1, 'cheese-slice': 2 } } },
      { kind: 'note', date: monthsAgo(t, 4), data: { text: 'Uitslagen besproken: botdichtheid wat laag, geen osteoporose. Twee keer gevallen dit jaar; verwezen voor oefentherapie.' } },
    ],
  },
  {
    // Yusuf El Amrani: a vertebral fracture seven weeks ago, results in, the decision still to make.
    patient: 6,
    entries: (t): RecordEntry[] => [
      { kind: 'fracture', date: addDays(t, -49), data: { site: 'thoracic-spine', highEnergy: false, pathological: false, department: 'Interne geneeskunde' } },
      { kind: 'glucocorticoid-course', date: monthsAgo(t, 10), data: { mgPerDay: 10, end: monthsAgo(t, 6) } },
      { kind: 'risk-factors', date: addDays(t, -35), data: { currentSmoker: true, alcoholUnitsPerDay: 2, parentHipFracture: false } },
      {
        kind: 'vfa', date: addDays(t, -35),
        data: { vertebrae: [{ level: 'T10', grade: 0 }, { level: 'T11', grade: 2 }, { level: 'T12', grade: 1 }, { level: 'L1', grade: 0 }] },
      },
      { kind: 'dxa', date: addDays(t, -35), data: { sites: [{ site: 'lumbar-spine', tScore: -2.7 }, { site: 'femoral-neck', tScore: -2.4 }] } },
      {
        kind: 'labs', date: addDays(t, -35),
        data: { results: [
          { test: 'calcium', value: 2.28, unit: 'mmol/L', refLow: 2.2, refHigh: 2.6 }, { test: 'egfr', value: 66, unit: 'mL/min/1.73m2', refLow: 60 },
          { test: '25-oh-vitamin-d', value: 41, unit: 'nmol/L', refLow: 50 }, { test: 'testosterone', value: 11.2, unit: 'nmol/L', refLow: 8.6, refHigh: 29 },
          { test: 'esr', value: 12, unit: 'mm/h', refHigh: 20 },
        ] },
      },
      { kind: 'frax', date: addDays(t, -35), data: { majorPercent: 18.5, hipPercent: 6.2, withBmd: true } },
    ],
  },
  {
    // Cornelis van den Berg: a humerus fracture more than three years ago, denosumab every six months.
    patient: 10,
    entries: (t): RecordEntry[] => [
      { kind: 'fracture', date: monthsAgo(t, 40), data: { site: 'humerus', side: 'left', highEnergy: false, department: 'Spoedeisende hulp' } },
      { kind: 'dxa', date: monthsAgo(t, 39), data: { sites: [{ site: 'total-hip', tScore: -2.8 }, { site: 'femoral-neck', tScore: -2.6 }] } },
      { kind: 'dental-check', date: monthsAgo(t, 14), data: {} },
      { kind: 'medication', date: monthsAgo(t, 38), data: { drug: 'denosumab', route: 'sc' } },
      ...[38, 32, 26, 20, 14, 8, 2].map((m): RecordEntry => ({
        kind: 'medication-dose', date: monthsAgo(t, m), data: { drug: 'denosumab', administeredBy: 'Inge Verbeek', location: 'Polikliniek interne geneeskunde', batch: `DEMO-DEN-${String(100 + m)}` },
      })),
      { kind: 'contact', date: monthsAgo(t, 35), data: { kind: '3-months' } },
      { kind: 'contact', date: monthsAgo(t, 26), data: { kind: '1-year' } },
      { kind: 'contact', date: monthsAgo(t, 14), data: { kind: 'yearly' } },
      { kind: 'contact', date: monthsAgo(t, 2), data: { kind: 'yearly' } },
      {
        kind: 'labs', date: monthsAgo(t, 3),
        data: { results: [
          { test: 'calcium', value: 2.31, unit: 'mmol/L', refLow: 2.2, refHigh: 2.6 }, { test: 'egfr', value: 52, unit: 'mL/min/1.73m2', refLow: 60 },
          { test: '25-oh-vitamin-d', value: 61, unit: 'nmol/L', refLow: 50 },
        ] },
      },
    ],
  },
  {
    // Joost in 't Veld: a pelvic fracture, on denosumab, the last injection eight months ago: late.
    patient: 12,
    entries: (t): RecordEntry[] => [
      { kind: 'fracture', date: monthsAgo(t, 20), data: { site: 'pelvis', side: 'right', highEnergy: false, pathological: false, department: 'Spoedeisende hulp' } },
      { kind: 'dxa', date: monthsAgo(t, 19), data: { sites: [{ site: 'lumbar-spine', tScore: -2.9 }, { site: 'total-hip', tScore: -2.5 }] } },
      { kind: 'dental-check', date: monthsAgo(t, 19), data: {} },
      { kind: 'medication', date: monthsAgo(t, 18), data: { drug: 'denosumab', route: 'sc' } },
      ...[18, 14, 8].map((m): RecordEntry => ({
        kind: 'medication-dose', date: monthsAgo(t, m), data: { drug: 'denosumab', administeredBy: 'Inge Verbeek', location: 'Polikliniek interne geneeskunde', batch: `DEMO-DEN-${String(200 + m)}` },
      })),
      { kind: 'contact', date: monthsAgo(t, 15), data: { kind: '3-months' } },
      { kind: 'contact', date: monthsAgo(t, 6), data: { kind: '1-year' } },
    ],
  },
];

/** A shared decision made with a demo patient, with the agreements she took home. */
export interface DemoDecision {
  patient: number;
  daysAgo: number;
  option: DecisionOption;
  whatMatters: string;
  agreements: Partial<Record<'medication' | 'exercise' | 'nutrition' | 'followUp' | 'sideEffects', string>>;
}

/**
 * Anna de Vries chose no medicine for now: a decision, not a gap. She sees the agreements under
 * /me, and the physiotherapist of her referral reads them on her record.
 */
export const DEMO_DECISIONS: readonly DemoDecision[] = [
  {
    patient: 0,
    daysAgo: 7,
    option: 'lifestyle-only',
    whatMatters: 'Zelf naar de markt blijven lopen en niet elke week aan een tablet denken.',
    agreements: {
      medication: 'Nu geen medicijn. Over een jaar kijken we opnieuw, met een nieuwe botscan.',
      exercise: 'Twee keer per week oefenen bij de fysiotherapeut, gericht op balans en spierkracht.',
      nutrition: 'Elke dag drie porties zuivel en een tablet vitamine D.',
      followUp: 'Over drie maanden belt de verpleegkundige hoe het gaat.',
      sideEffects: 'Valt u toch, of heeft u ineens pijn in de rug? Bel dan de polikliniek.',
    },
  },
];

/**
 * Anna de Vries's exercise plan, written by the demo physiotherapist of her referral: exercises
 * with no warning for her, done at the practice and at home (her home programme under /exercise).
 */
export const DEMO_EXERCISE_PLAN: {
  patient: number;
  places: readonly ExercisePlace[];
  exercises: readonly { code: string; sets: number; repetitions: number; intensity: ExerciseIntensity; daysPerWeek: number; progression: string }[];
} = {
  patient: 0,
  places: ['supervised', 'home'],
  exercises: [
    { code: 'chair-rise', sets: 2, repetitions: 8, intensity: 'moderate', daysPerWeek: 3, progression: 'Elke week twee keer meer, tot 12 keer.' },
    { code: 'heel-raise', sets: 2, repetitions: 10, intensity: 'light', daysPerWeek: 3, progression: 'Na twee weken met één hand loslaten.' },
    { code: 'brisk-walk', sets: 1, repetitions: 20, intensity: 'moderate', daysPerWeek: 5, progression: 'Elke week vijf minuten langer lopen.' },
    { code: 'wall-stand', sets: 1, repetitions: 5, intensity: 'light', daysPerWeek: 7, progression: 'Elke dag even doen, ook tussendoor.' },
  ],
};
