// Made-up clinical records for `botpad seed --patients N`: one person's way through the fracture
// liaison pathway, from a fracture just seen at the emergency department to years of treatment
// and follow-up. Pure: a random stream and the day the records reach up to in, entries out, so a
// seed gives the same records every time. The spread (fracture sites, scores, lab values, drugs)
// follows the shape of a real fracture liaison population closely enough for benchmarks and
// screens to meet what a clinic meets; no value here is anyone's.
import type { Drug, FractureSite } from '../core/case.schema.js';
import type { EntryData, RecordEntry } from '../core/record/entries.js';
import type { CareEndReason, EntryKind } from '../core/record/lists.js';
import { addDays, addMonths, ageOn, compareDates, daysBetween, type IsoDate } from '../core/time/date.js';

export type Rng = () => number;

/** Who of the demo staff writes a fact down. */
export type Recorder = 'nurse' | 'physician' | 'physiotherapist';

/** A fact of the record as the projection reads it, with who wrote it down and from where. */
export type SeedEntry = RecordEntry & {
  /** A result sent over by the hospital's systems (`import`) or written down in the clinic. */
  source: 'clinician' | 'import';
  by: Recorder;
};

/** How far along the pathway a made-up person is. */
export const JOURNEYS = ['new-fracture', 'results-in', 'assessed', 'treatment', 'waived', 'child'] as const;
export type Journey = (typeof JOURNEYS)[number];

export interface SyntheticRecord {
  journey: Journey;
  /** The patient row's pathway stage. */
  stage: string;
  /** In recording order: by clinical date, and within a day in the order written. */
  entries: SeedEntry[];
  /** The day a physician signed the assessment off, if one did. */
  signedOn?: IsoDate;
  careEnd?: { reason: CareEndReason; date: IsoDate; note: string | null };
  /** Referred to the physiotherapist (falls, exercise therapy). */
  physio: boolean;
  /** In the care of the GP practice too. */
  gp: boolean;
  /** A child of the day centre. */
  dayCentre: boolean;
  /** When treatment started, for those on treatment. */
  treatmentStart?: IsoDate;
}

export interface SyntheticPerson {
  birthDate: IsoDate;
  sex: 'female' | 'male';
  child: boolean;
}

type Weighted<T> = readonly (readonly [T, number])[];

function pickW<T>(r: Rng, xs: Weighted<T>): T {
  let total = 0;
  for (const [, w] of xs) total += w;
  let x = r() * total;
  for (const [v, w] of xs) {
    x -= w;
    if (x < 0) return v;
  }
  return (xs.at(-1) as readonly [T, number])[0];
}
const int = (r: Rng, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
/** A standard normal value (Box–Muller), for scores and lab values that scatter around a mean. */
function normal(r: Rng): number {
  const u = 1 - r();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r());
}
const yes = (r: Rng, p: number) => r() < p;
/** Leaves out a value now and then: not every form has every field answered. */
const maybe = <T>(r: Rng, p: number, v: T): T | undefined => (r() < p ? v : undefined);

/** Index fractures of people 50 and over seen by a fracture liaison service, by share. */
const FRACTURE_SITES: Weighted<FractureSite> = [
  ['wrist', 22], ['hip', 16], ['thoracic-spine', 6], ['lumbar-spine', 5], ['humerus', 10], ['rib', 6], ['ankle', 8],
  ['forearm', 3], ['pelvis', 4], ['femur', 2], ['clavicle', 2], ['tibia', 2], ['fibula', 2], ['elbow', 2], ['metatarsal', 2],
  ['patella', 1], ['finger', 1], ['toe', 1], ['metacarpal', 1], ['carpus', 0.5], ['acetabulum', 0.5], ['calcaneus', 0.5],
  ['scapula', 0.5], ['sternum', 0.4], ['cervical-spine', 0.3], ['talus', 0.2], ['tarsus', 0.3], ['face', 0.4], ['skull', 0.2], ['other', 0.5],
];
/** Sites without a left or right. */
const MIDLINE: ReadonlySet<FractureSite> = new Set(['thoracic-spine', 'lumbar-spine', 'cervical-spine', 'pelvis', 'sternum', 'skull', 'face', 'other']);
const DEPARTMENTS: Weighted<string> = [['SEH', 55], ['Orthopedie', 15], ['Traumachirurgie', 15], ['Huisartsenpost', 10], ['Polikliniek chirurgie', 5]];
const NOTES = [
  'Uitslag van de botmeting uitgelegd; vragen beantwoord.',
  'Wil eerst met de huisarts overleggen over de behandeling.',
  'Controle over een jaar afgesproken.',
  'Is bang om te vallen; verwezen naar de fysiotherapeut.',
  'Innemen van de tablet doorgenomen: nuchter, met water, daarna rechtop blijven.',
  'Dochter was bij het gesprek; folder meegegeven.',
  'Trouw aan de behandeling, geen bijwerkingen gemeld.',
  'Maagklachten sinds de start van de tabletten besproken.',
];
const DRUGS_START: Weighted<Drug> = [
  ['alendronic-acid', 52], ['risedronic-acid', 5], ['ibandronic-acid', 2], ['zoledronic-acid', 15], ['denosumab', 20],
  ['teriparatide', 3], ['romosozumab', 2], ['raloxifene', 1],
];
const ROUTE: Record<Drug, 'oral' | 'iv' | 'sc'> = {
  'alendronic-acid': 'oral', 'risedronic-acid': 'oral', 'ibandronic-acid': 'oral', raloxifene: 'oral', 'zoledronic-acid': 'iv',
  denosumab: 'sc', teriparatide: 'sc', romosozumab: 'sc',
};
const VERTEBRAE = ['T4', 'T5', 'T6', 'T7', 'T8', 'T9', 'T10', 'T11', 'T12', 'L1', 'L2', 'L3', 'L4'] as const;

/** A lab result with its reference range, sometimes in a unit that converts exactly (mg/dL, ng/mL, g/dL). */
function labResult(test: EntryData['labs']['results'][number]['test'], value: number, unit: string, refLow?: number, refHigh?: number): EntryData['labs']['results'][number] {
  const out: EntryData['labs']['results'][number] = { test, value, unit };
  if (refLow !== undefined) out.refLow = refLow;
  if (refHigh !== undefined) out.refHigh = refHigh;
  return out;
}

function labDraw(r: Rng, p: SyntheticPerson, age: number, full: boolean): EntryData['labs'] {
  const results: EntryData['labs']['results'] = [];
  const calcium = round(clamp(2.36 + normal(r) * 0.09 + (yes(r, 0.04) ? 0.35 : 0), 1.8, 3.2), 2);
  results.push(yes(r, 0.08) ? labResult('calcium', round(calcium / 0.2495, 1), 'mg/dL', 8.8, 10.4) : labResult('calcium', calcium, 'mmol/L', 2.2, 2.6));
  const albumin = round(clamp(40 + normal(r) * 4, 22, 52), 0);
  if (full) results.push(yes(r, 0.05) ? labResult('albumin', round(albumin / 10, 1), 'g/dL', 3.5, 5) : labResult('albumin', albumin, 'g/L', 35, 50));
  if (full && yes(r, 0.5)) results.push(labResult('calcium-corrected', round(calcium + 0.025 * (40 - albumin), 2), 'mmol/L', 2.2, 2.6));
  const egfr = Math.round(clamp(95 - (age - 50) * 0.9 + normal(r) * 15 - (yes(r, 0.07) ? 40 : 0), 8, 120));
  const creat = Math.round(clamp((p.sex === 'female' ? 62 : 78) * (90 / egfr) ** 0.9, 35, 600));
  results.push(yes(r, 0.05) ? labResult('creatinine', round(creat / 88.4, 2), 'mg/dL', p.sex === 'female' ? 0.5 : 0.7, p.sex === 'female' ? 1 : 1.2)
    : labResult('creatinine', creat, 'µmol/L', p.sex === 'female' ? 45 : 60, p.sex === 'female' ? 90 : 110));
  results.push(labResult('egfr', egfr, 'mL/min/1.73m²', 60));
  const vitD = Math.round(clamp(58 + normal(r) * 24, 6, 180));
  results.push(yes(r, 0.1) ? labResult('25-oh-vitamin-d', round(vitD / 2.496, 1), 'ng/mL', 20) : labResult('25-oh-vitamin-d', vitD, 'nmol/L', 50));
  if (!full) return { results };
  results.push(labResult('tsh', round(yes(r, 0.04) ? pickW(r, [[0.08, 1], [6.8, 1]]) : clamp(1.8 + normal(r) * 0.8, 0.3, 4.5), 2), yes(r, 0.3) ? 'mIU/L' : 'mU/L', 0.4, 4));
  results.push(labResult('alkaline-phosphatase', Math.round(clamp(82 + normal(r) * 24, 25, 400)), 'U/L', 40, 120));
  if (yes(r, 0.4)) results.push(labResult('pth', round(clamp(5.5 + normal(r) * 2.5, 0.8, 30), 1), 'pmol/L', 1.6, 6.9));
  if (yes(r, 0.5)) results.push(labResult('esr', Math.round(clamp(14 + normal(r) * 10, 1, 110)), 'mm/h', undefined, p.sex === 'female' ? 30 : 20));
  if (yes(r, 0.15)) results.push(labResult('m-protein', yes(r, 0.06) ? round(2 + r() * 8, 1) : 0, 'g/L', undefined, 0));
  if (yes(r, 0.5)) results.push(labResult('phosphate', round(clamp(1.05 + normal(r) * 0.15, 0.4, 2.2), 2), 'mmol/L', 0.8, 1.5));
  if (p.sex === 'male' && yes(r, 0.6)) results.push(labResult('testosterone', round(clamp(15 + normal(r) * 5 - (yes(r, 0.1) ? 9 : 0), 1, 40), 1), 'nmol/L', 8.6, 29));
  if (yes(r, 0.05)) results.push(labResult('urine-calcium-24h', round(clamp(5 + normal(r) * 2, 0.5, 14), 1), 'mmol/24h', 2.5, 7.5));
  return { results };
}

const DXA_SITES = ['lumbar-spine', 'femoral-neck', 'total-hip'] as const;
const BMD_AT_T0 = { 'lumbar-spine': [1.047, 0.11], 'femoral-neck': [0.858, 0.12], 'total-hip': [0.942, 0.12] } as const;

function dxaScan(r: Rng, meanT: number, age: number, child: boolean): EntryData['dxa'] {
  const n = child ? int(r, 1, 2) : pickW(r, [[1, 15], [2, 35], [3, 50]]);
  const sites = n === 3 ? [...DXA_SITES] : n === 2 ? (yes(r, 0.7) ? ['lumbar-spine', 'total-hip'] as const : ['lumbar-spine', 'femoral-neck'] as const) : [DXA_SITES[int(r, 0, 2)] ?? 'total-hip'];
  return {
    sites: sites.map((site) => {
      const t = round(clamp(meanT + normal(r) * 0.45, -5.5, 2.5), 1);
      const z = round(clamp(child ? t : t + 0.3 + (age - 50) * 0.025 + normal(r) * 0.15, -6, 3), 1);
      const [mean, sd] = BMD_AT_T0[site];
      const out: EntryData['dxa']['sites'][number] = { site };
      if (!child) out.tScore = t;
      if (child || yes(r, 0.85)) out.zScore = z;
      if (yes(r, 0.9)) out.bmd = round(clamp(mean + t * sd, 0.3, 1.6), 3);
      return out;
    }),
  };
}

function vfa(r: Rng, spineFracture: boolean): EntryData['vfa'] {
  const vertebrae: EntryData['vfa']['vertebrae'] = VERTEBRAE.map((level) => ({
    level,
    grade: pickW<0 | 1 | 2 | 3 | 'not-evaluable'>(r, [[0, 88], [1, 5], [2, 3], [3, 1.5], ['not-evaluable', 2.5]]),
  }));
  if (spineFracture) (vertebrae[int(r, 5, 10)] as { grade: unknown }).grade = pickW(r, [[2, 2], [3, 1]]);
  return { vertebrae };
}

/**
 * One made-up person's record up to the day before `asOf` (nothing is dated in the future), in
 * recording order. `physicianName`: who a waived work-up names as having decided it.
 */
type Add = <K extends EntryKind>(kind: K, date: IsoDate, data: EntryData[K], by: Recorder) => void;

const PSK_ACTIVITIES = ['Traplopen', 'Boodschappen dragen', 'Wandelen naar de bakker', 'Fietsen', 'In de tuin werken', 'Lang staan'] as const;

/**
 * Supervised exercise therapy at the practice from `from`, 6 to 12 months, measured at its start
 * and every 3 months until `limit`, also after the therapy (clinical-rules.md §13): strength and
 * balance improve during the therapy and level off after it, with day-to-day noise.
 */
function exerciseTherapy(r: Rng, p: SyntheticPerson, from: IsoDate, limit: IsoDate, add: Add): void {
  if (compareDates(from, limit) > 0) return;
  const months = int(r, 6, 12);
  const end = addMonths(from, months);
  add('exercise-therapy', from, compareDates(end, limit) <= 0 ? { end } : {}, 'physiotherapist');
  const fit0 = clamp(normal(r), -2, 2); // the person's starting fitness
  const psk = PSK_ACTIVITIES.filter(() => yes(r, 0.4)).slice(0, 3).map((activity) => ({ activity, first: int(r, 4, 9) }));
  const woman = p.sex === 'female';
  for (let k = 0; ; k++) {
    const on = addMonths(from, k * 3);
    if (compareDates(on, limit) > 0) break;
    const gain = Math.min(k * 3, months) / 12; // up to about one band better over a year of therapy
    const fit = fit0 + gain + normal(r) * 0.3;
    const m: EntryData['exercise-measurement'] = {
      sppb: {
        sideBySideSeconds: 10,
        semiTandemSeconds: fit > -1.5 ? 10 : round(clamp(8 + normal(r) * 2, 0, 9.9), 1),
        tandemSeconds: round(clamp(6 + fit * 3 + normal(r), 0, 10), 1),
        gait4mSeconds: fit < -1.9 && yes(r, 0.3) ? null : round(clamp(5.5 - fit * 1.2 + normal(r) * 0.4, 2.5, 20), 2),
        chairStand5Seconds: round(clamp(14 - fit * 2.5 + normal(r), 6, 45), 2),
      },
      chairStand30s: Math.round(clamp((woman ? 11 : 13) + fit * 2.5 + normal(r), 0, 30)),
      tugSeconds: round(clamp(12 - fit * 2 + normal(r) * 0.8, 5, 40), 1),
      gaitSpeedMps: round(clamp(0.95 + fit * 0.12 + normal(r) * 0.05, 0.3, 1.8), 2),
    };
    if (yes(r, 0.5)) m.fourStageBalance = { stageSeconds: [10, 10, m.sppb?.tandemSeconds ?? 0] };
    if (yes(r, 0.4)) m.stepsPerDay = Math.round(clamp(4500 + fit * 1200 + normal(r) * 600, 300, 20000));
    if (psk.length > 0) m.psk = psk.map((a) => ({ activity: a.activity, score: Math.round(clamp(a.first - gain * 4 + normal(r) * 0.7, 0, 10)) }));
    add('exercise-measurement', on, m, 'physiotherapist');
  }
}

export function syntheticRecord(r: Rng, p: SyntheticPerson, asOf: IsoDate, physicianName: string): SyntheticRecord {
  const entries: SeedEntry[] = [];
  let limit = addDays(asOf, -1);
  const add = <K extends EntryKind>(kind: K, date: IsoDate, data: EntryData[K], by: Recorder, source: 'clinician' | 'import' = 'clinician') => {
    if (compareDates(date, limit) <= 0) entries.push({ kind, date, data, source, by } as SeedEntry);
  };
  const out = (journey: Journey, stage: string, extra: Partial<SyntheticRecord> = {}): SyntheticRecord => {
    // Stable: within a day, in the order written.
    entries.sort((a, b) => compareDates(a.date, b.date));
    return { journey, stage, entries, physio: false, gp: false, dayCentre: false, ...extra };
  };
  const age = ageOn(p.birthDate, asOf);

  if (p.child) {
    const since = addDays(asOf, -int(r, 60, 4 * 365));
    add('child', since, {
      mobility: pickW(r, [['wheelchair', 45], ['walking-aid', 25], ['bedbound', 15], ['independent-walker', 15]]),
      standingMinutesPerDay: int(r, 0, 12) * 10,
      movementMinutesPerDay: int(r, 0, 18) * 10,
      indoorsMostly: yes(r, 0.6),
    }, 'physician');
    let h = 80 + Math.max(0, age - 2) * 6 + normal(r) * 5;
    for (let d = since; compareDates(d, limit) <= 0; d = addMonths(d, 12)) {
      add('aids-check', d, { heightCm: round(h, 1) }, 'nurse');
      add('weight', d, { kg: round(clamp(h * h * 0.0016 + normal(r) * 2, 8, 90), 1) }, 'nurse');
      add('height', d, { cm: round(h, 1) }, 'nurse');
      h += 4 + r() * 3;
    }
    if (yes(r, 0.25)) add('fracture', addDays(since, int(r, 30, 600)), { site: pickW<FractureSite>(r, [['femur', 4], ['tibia', 3], ['humerus', 2], ['forearm', 2]]), side: yes(r, 0.5) ? 'left' : 'right', highEnergy: false, department: 'SEH' }, 'physician', 'import');
    if (yes(r, 0.4)) add('dxa', addDays(since, int(r, 10, 300)), dxaScan(r, -1.6 + normal(r) * 0.8, age, true), 'nurse', 'import');
    if (yes(r, 0.5)) add('labs', addDays(since, int(r, 10, 300)), { results: [labResult('25-oh-vitamin-d', Math.round(clamp(50 + normal(r) * 20, 8, 150)), 'nmol/L', 50)] }, 'nurse', 'import');
    if (yes(r, 0.3)) add('note', addDays(since, int(r, 1, 200)), { text: 'Sta-tafel en loophulp besproken met de ouders.' }, 'physician');
    return out('child', 'children', { dayCentre: true });
  }

  const journey = pickW<Exclude<Journey, 'child'>>(r, [['new-fracture', 20], ['results-in', 18], ['assessed', 14], ['treatment', 44], ['waived', 4]]);
  const fractureDaysAgo = {
    'new-fracture': () => int(r, 2, 60),
    'results-in': () => int(r, 45, 150),
    assessed: () => int(r, 90, 330),
    waived: () => int(r, 30, 400),
    // Treatment started half a year to seven years ago: every length of follow-up is there.
    treatment: () => Math.round((0.5 + 6.5 * r()) * 365.25) + int(r, 40, 90),
  }[journey]();
  const fractureOn = addDays(asOf, -fractureDaysAgo);
  const site = pickW(r, FRACTURE_SITES);
  const highEnergy = yes(r, 0.06);
  const fracture = (on: IsoDate, s: FractureSite, high: boolean) => {
    const data: EntryData['fracture'] = { site: s };
    if (!MIDLINE.has(s)) data.side = pickW(r, [['left', 48], ['right', 48], ['both', 1], ['unknown', 3]]);
    const he = high ? true : maybe(r, 0.8, false);
    if (he !== undefined) data.highEnergy = he;
    const path = yes(r, 0.02) ? true : maybe(r, 0.6, false);
    if (path !== undefined) data.pathological = path;
    const dept = maybe(r, 0.85, pickW(r, DEPARTMENTS));
    if (dept !== undefined) data.department = dept;
    add('fracture', on, data, 'nurse', yes(r, 0.6) ? 'import' : 'clinician');
  };
  if (yes(r, 0.15)) fracture(addMonths(fractureOn, -int(r, 12, 180)), pickW(r, FRACTURE_SITES), false);
  fracture(fractureOn, site, highEnergy);
  if (!highEnergy && yes(r, 0.7)) {
    const fall: EntryData['fall'] = { injured: true };
    if (yes(r, 0.6)) fall.unableToGetUp = yes(r, 0.2);
    if (yes(r, 0.5)) fall.lostConsciousness = yes(r, 0.05);
    add('fall', fractureOn, fall, 'nurse');
  }
  const physio = yes(r, 0.2);
  let gp = yes(r, 0.08);

  const intake = addDays(fractureOn, int(r, 7, 28));
  if (journey === 'new-fracture') {
    if (yes(r, 0.4)) {
      add('weight', intake, { kg: round(clamp((p.sex === 'female' ? 69 : 81) + normal(r) * 12, 38, 160), 1) }, 'nurse');
      add('height', intake, { cm: round(clamp((p.sex === 'female' ? 165 : 178) + normal(r) * 7, 140, 205), 1) }, 'nurse');
    }
    return out(journey, 'case-finding', { physio: false, gp });
  }

  // The intake: body, history, falls, calcium, a first blood draw.
  const kg0 = clamp((p.sex === 'female' ? 69 : 81) + normal(r) * 12, 38, 160);
  add('weight', intake, { kg: round(kg0, 1) }, 'nurse');
  add('height', intake, { cm: round(clamp((p.sex === 'female' ? 165 : 178) - Math.max(0, age - 60) * 0.1 + normal(r) * 7, 140, 205), 1) }, 'nurse');
  if (p.sex === 'female' && yes(r, 0.9)) {
    const m: EntryData['menopause'] = { status: age < 52 ? pickW(r, [['peri', 1], ['post', 2]]) : 'post' };
    const at = maybe(r, 0.8, int(r, 42, 56));
    if (at !== undefined && m.status === 'post' && at <= age) m.ageAtMenopause = at;
    add('menopause', intake, m, 'nurse');
  }
  const risk: EntryData['risk-factors'] = { currentSmoker: yes(r, 0.15) };
  const flags = [
    ['parentHipFracture', 0.12], ['parentOrSiblingOsteoporosis', 0.15], ['rheumatoidArthritis', 0.04], ['secondaryOsteoporosisCondition', 0.08],
    ['reducedMobility', 0.15], ['sexHormoneLoweringTherapy', 0.03], ['insufficientDaylight', 0.1], ['lifeExpectancyUnderOneYear', 0.01],
  ] as const;
  for (const [k, pr] of flags) if (yes(r, 0.8)) risk[k] = yes(r, pr);
  if (yes(r, 0.6)) risk.alcoholUnitsPerDay = pickW(r, [[0, 50], [1, 25], [2, 15], [3, 6], [5, 4]]);
  if (yes(r, 0.03)) risk.antiEpileptics = 1;
  add('risk-factors', intake, risk, 'nurse');
  if (yes(r, 0.08)) {
    const start = addMonths(intake, -int(r, 2, 36));
    const course: EntryData['glucocorticoid-course'] = { mgPerDay: pickW(r, [[5, 4], [7.5, 3], [10, 3], [15, 1], [20, 1]]) };
    if (yes(r, 0.55)) {
      const end = addMonths(start, int(r, 3, 18));
      if (compareDates(end, limit) <= 0) course.end = end;
    }
    add('glucocorticoid-course', start, course, 'physician');
  }
  const screen = (on: IsoDate, by: Recorder) => {
    const s: EntryData['falls-screen'] = { fallsLast12Months: pickW(r, [[0, 45], [1, 35], [2, 12], [3, 5], [5, 3]]), worriedAboutFalling: yes(r, 0.35), unsteady: yes(r, 0.3) };
    if (yes(r, 0.5)) s.tugSeconds = round(clamp(11 + normal(r) * 4, 5, 60), 1);
    if (yes(r, 0.4)) s.gaitSpeedMps = round(clamp(0.95 + normal(r) * 0.25, 0.2, 1.8), 2);
    if (yes(r, 0.5)) s.frail = yes(r, 0.12);
    add('falls-screen', on, s, by);
  };
  screen(intake, 'nurse');
  if (yes(r, 0.7)) add('fes-i', intake, { answers: Array.from({ length: 7 }, () => pickW(r, [[1, 45], [2, 30], [3, 17], [4, 8]])) }, 'nurse');
  if (yes(r, 0.75)) {
    const servings: EntryData['calcium']['servings'] = { 'milk-glass': int(r, 0, 3), 'yoghurt-bowl': int(r, 0, 2), 'cheese-slice': int(r, 0, 4) };
    if (yes(r, 0.1)) servings['calcium-enriched-soy-glass'] = int(r, 1, 2);
    if (yes(r, 0.2)) servings['cheese-spread-portion'] = int(r, 1, 3);
    add('calcium', intake, { servings }, 'nurse');
  }
  if (physio) screen(addDays(intake, int(r, 10, 40)), 'physiotherapist');
  if (yes(r, 0.25)) add('note', intake, { text: NOTES[int(r, 0, NOTES.length - 1)] ?? '' }, 'nurse');

  if (journey === 'waived') {
    const reason = pickW(r, [['nursing-home', 45], ['life-expectancy', 35], ['declined', 20]] as const);
    const on = addDays(intake, int(r, 0, 14));
    add('workup-waived', on, { reason, by: physicianName }, 'physician');
    let careEnd: SyntheticRecord['careEnd'];
    if (yes(r, 0.3)) {
      const date = addDays(on, int(r, 20, 300));
      if (compareDates(date, limit) <= 0) careEnd = { reason: reason === 'life-expectancy' ? 'deceased' : 'transferred-to-gp', date, note: null };
    }
    return out(journey, careEnd?.reason === 'transferred-to-gp' ? 'handed-over' : 'decision', { physio, gp: gp || careEnd?.reason === 'transferred-to-gp', ...(careEnd ? { careEnd } : {}) });
  }

  // Diagnostics: the blood draw, the DXA scan, for some a VFA.
  add('labs', intake, labDraw(r, p, age, true), 'nurse', 'import');
  const scanOn = addDays(intake, int(r, 5, 35));
  let meanT = (p.sex === 'female' ? -2.0 : -1.6) - Math.max(0, age - 70) * 0.02 + normal(r) * 0.9;
  add('dxa', scanOn, dxaScan(r, meanT, age, false), 'nurse', yes(r, 0.5) ? 'import' : 'clinician');
  if (yes(r, 0.45) || site === 'thoracic-spine' || site === 'lumbar-spine') add('vfa', scanOn, vfa(r, site === 'thoracic-spine' || site === 'lumbar-spine'), 'nurse', 'import');
  if (journey === 'results-in') return out(journey, 'diagnostics', { physio, gp });

  // The assessment: FRAX from the official tool, the safety questions, the dental check, a plan, signed off.
  const consult = addDays(scanOn, int(r, 14, 42));
  const major = round(clamp(14 + normal(r) * 7, 2, 60), 1);
  add('frax', consult, { majorPercent: major, hipPercent: round(clamp(major * (0.25 + r() * 0.3), 0.2, 40), 1), withBmd: yes(r, 0.9) }, 'physician');
  const safety: EntryData['safety'] = { canStayUpright30Min: yes(r, 0.95) };
  if (yes(r, 0.7)) safety.oesophagealDisorder = yes(r, 0.05);
  if (yes(r, 0.5)) safety.historyMyocardialInfarctionOrStroke = yes(r, 0.08);
  if (yes(r, 0.4)) safety.venousThromboembolismHistory = yes(r, 0.04);
  if (yes(r, 0.3)) safety.invasiveDentalTreatmentPlanned = yes(r, 0.06);
  if (yes(r, 0.01)) safety.skeletalMalignancy = true;
  if (site === 'hip') safety.hipFractureRepairDate = addDays(fractureOn, int(r, 0, 2));
  add('safety', consult, safety, 'physician');
  if (yes(r, 0.5)) add('dental-check', addDays(consult, -int(r, 0, 90)), {}, 'nurse');
  const drug = pickW(r, DRUGS_START);
  if (journey === 'assessed') {
    if (yes(r, 0.6)) add('planned-medication', consult, { drug, from: addDays(consult, int(r, 7, 30)) }, 'physician');
    let careEnd: SyntheticRecord['careEnd'];
    if (yes(r, 0.05)) careEnd = { reason: 'declined-further-care', date: addDays(consult, int(r, 1, 20)), note: 'Wil geen behandeling.' };
    if (careEnd && compareDates(careEnd.date, limit) > 0) careEnd = undefined;
    // Half have had the assessment signed off and wait for the decision; half are still being assessed.
    const signed = yes(r, 0.5);
    return out(journey, signed ? 'decision' : 'assessment', { physio, gp, ...(signed ? { signedOn: consult } : {}), ...(careEnd ? { careEnd } : {}) });
  }

  // Treatment and years of follow-up, until today or the end of care.
  const start = addDays(consult, int(r, 0, 21));
  let careEnd: SyntheticRecord['careEnd'];
  if (yes(r, 0.1) && daysBetween(start, limit) > 120) {
    const date = addDays(start, int(r, 90, daysBetween(start, limit)));
    careEnd = { reason: pickW(r, [['transferred-to-gp', 50], ['deceased', 30], ['moved', 10], ['declined-further-care', 10]] as const), date, note: yes(r, 0.3) ? 'Afgesproken met de patiënt.' : null };
    limit = date;
    if (careEnd.reason === 'transferred-to-gp') gp = true;
  }
  const treat = (d: Drug, from: IsoDate): IsoDate | undefined => {
    const med: EntryData['medication'] = { drug: d, route: ROUTE[d] };
    let end: IsoDate | undefined;
    if (d === 'teriparatide') end = addMonths(from, 24);
    else if (d === 'romosozumab') end = addMonths(from, 12);
    else if (d === 'zoledronic-acid') end = addMonths(from, 36);
    else if (ROUTE[d] === 'oral') end = yes(r, 0.15) ? addMonths(from, int(r, 2, 24)) : addMonths(from, 60);
    if (end !== undefined && compareDates(end, limit) <= 0) med.end = end;
    else end = undefined;
    add('medication', from, med, 'physician');
    const every = d === 'denosumab' ? 6 : d === 'zoledronic-acid' ? 12 : d === 'romosozumab' ? 1 : 0;
    if (every > 0) {
      for (let k = 0; ; k++) {
        const on = addMonths(from, k * every);
        if (compareDates(on, limit) > 0 || (end !== undefined && compareDates(on, end) >= 0)) break;
        add('medication-dose', on, { drug: d }, 'nurse');
      }
    }
    return end;
  };
  const end1 = treat(drug, start);
  // After an anabolic course, a bisphosphonate keeps what was gained.
  if (end1 !== undefined && (drug === 'teriparatide' || drug === 'romosozumab')) treat('alendronic-acid', addDays(end1, 1));

  let kg = kg0;
  for (let month = 3; ; month = month === 3 ? 12 : month + 12) {
    const on = addMonths(start, month);
    if (compareDates(on, limit) > 0) break;
    add('contact', on, { kind: month === 3 ? '3-months' : month === 12 ? '1-year' : 'yearly' }, 'nurse');
    if (month === 60 && ROUTE[drug] === 'oral') add('contact', addDays(on, int(r, 7, 30)), { kind: 'review' }, 'physician');
    if (month >= 12) {
      kg = clamp(kg + normal(r) * 1.5, 38, 160);
      add('weight', on, { kg: round(kg, 1) }, 'nurse');
      if (yes(r, 0.7)) add('labs', on, labDraw(r, p, ageOn(p.birthDate, on), false), 'nurse', 'import');
      if (yes(r, 0.5)) screen(on, physio && yes(r, 0.5) ? 'physiotherapist' : 'nurse');
      if (ROUTE[drug] !== 'oral' && yes(r, 0.6)) add('dental-check', addDays(on, -int(r, 0, 60)), {}, 'nurse');
      if (yes(r, 0.2)) add('note', on, { text: NOTES[int(r, 0, NOTES.length - 1)] ?? '' }, 'nurse');
      if ((month / 12) % 2 === 0) {
        meanT += 0.15 + normal(r) * 0.1;
        add('dxa', addDays(on, -int(r, 0, 30)), dxaScan(r, meanT, ageOn(p.birthDate, on), false), 'nurse', 'import');
      }
    }
    // Falls between contacts: about one in three people falls each year.
    const falls = pickW(r, [[0, 68], [1, 22], [2, 7], [3, 3]]);
    for (let f = 0; f < falls; f++) {
      const fall: EntryData['fall'] = { injured: yes(r, 0.4) };
      if (yes(r, 0.5)) fall.unableToGetUp = yes(r, 0.15);
      add('fall', addDays(on, -int(r, 1, Math.min(300, daysBetween(start, on)))), fall, 'nurse');
    }
    if (yes(r, 0.02)) fracture(addDays(on, -int(r, 1, 200)), pickW(r, FRACTURE_SITES), false);
  }
  if (physio) exerciseTherapy(r, p, addDays(start, int(r, 14, 60)), limit, add);
  const since = daysBetween(start, limit);
  const stage = careEnd?.reason === 'transferred-to-gp' ? 'handed-over' : since < 180 ? 'treatment' : physio && yes(r, 0.3) ? 'exercise-therapy' : 'follow-up';
  return out(journey, stage, { physio, gp, treatmentStart: start, ...(yes(r, 0.05) ? { signedOn: consult } : {}), ...(careEnd ? { careEnd } : {}) });
}
