// The Case as a projection of the clinical record (clinical-rules.md §1): the one mapping from the
// record's entries to the facts the rules read. Pure: the record's entries and the day asked
// about in, a Case out; an entry dated after `asOf` is not yet part of the Case. What each field
// is made of is `CASE_SOURCES` below (docs/record.md shows the same table in words);
// projection.test.ts proves that every Case field has a source, every kind is read, and that any
// record projects to a valid Case.
import type { Case, Measurement } from '../case.schema.js';
import { addMonths, compareDates, monthsBetween, type IsoDate } from '../time/date.js';
import type { EntryData, RecordEntry } from './entries.js';
import type { EntryKind, EntrySource } from './lists.js';
import { loadingMeans, type LoadingPoint } from '../children/loading-log.js';

/** The person's facts that live on the patient's own row, not in entries. */
export interface ProjectedPerson {
  birthDate: IsoDate;
  sex: 'female' | 'male';
}

/** How long a past event still counts, in months before asOf (the day itself included). */
export const WINDOW_MONTHS = {
  /** Falls in the 12 months before asOf: the falls guideline asks about the past year (WFG-2022). */
  falls: 12,
  /**
   * A dental check counts for 12 months: the check before starting a bisphosphonate or denosumab
   * (SMPC-zoledronic-acid, SMPC-denosumab) is a yearly dental visit, not a lifelong fact.
   */
  dentalCheck: 12,
  /**
   * A glucocorticoid course that ended counts for 12 months after its end: recent use still
   * raises fracture risk (NIV-2022, CBO-2011 "current or recent use").
   */
  glucocorticoidsAfterEnd: 12,
} as const;

/**
 * Where each field of the Case comes from, and the rule that makes it. `patient`: the patient's
 * own row; otherwise the entry kinds read. The words are the docs' (docs/record.md).
 */
export const CASE_SOURCES = {
  asOf: { from: 'asked', rule: 'The day asked about (default: today in Europe/Amsterdam).' },
  person: { from: 'patient', rule: 'The patient\'s own record, with the facts below.' },
  'person.birthDate': { from: 'patient', rule: 'The birth date on the patient\'s record.' },
  'person.sex': { from: 'patient', rule: 'The sex on the patient\'s record.' },
  'person.weightKg': { from: ['weight'], rule: 'The most recent weight.' },
  'person.heightCm': { from: ['height'], rule: 'The most recent height.' },
  'person.menopause': { from: ['menopause'], rule: 'The most recent menopause entry.' },
  fractures: { from: ['fracture'], rule: 'Every fracture (site, energy, pathological; side and department stay in the record).' },
  riskFactors: { from: ['risk-factors', 'glucocorticoid-course'], rule: 'Each risk factor from the most recent entry that states it.' },
  'riskFactors.glucocorticoids': {
    from: ['glucocorticoid-course'],
    rule: 'The course going on at asOf (the highest dose if several), its months counted from its start to asOf; otherwise the course that ended most recently, within 12 months before asOf, its months from start to end.',
  },
  dxa: { from: ['dxa'], rule: 'Every site of every scan, dated by its scan.' },
  vfa: { from: ['vfa'], rule: 'The most recent VFA.' },
  labs: { from: ['labs'], rule: 'Every result of every draw, dated by its draw.' },
  falls: { from: ['fall', 'falls-screen'], rule: 'Each screening answer and test from the most recent entry that states it.' },
  'falls.fallsLast12Months': {
    from: ['fall', 'falls-screen'],
    rule: 'The falls recorded in the 12 months before asOf; a count the person gave in a screening in those 12 months counts when it is higher.',
  },
  'falls.injuredByFall': { from: ['fall'], rule: 'Yes when a fall in the 12 months before asOf caused an injury; no when every such fall states it did not.' },
  'falls.unableToGetUp': { from: ['fall'], rule: 'As injuredByFall, for not being able to get up.' },
  'falls.lostConsciousness': { from: ['fall'], rule: 'As injuredByFall, for losing consciousness.' },
  fesI: { from: ['fes-i', 'exercise-measurement'], rule: 'The most recent Short FES-I answers, from the questionnaire or from an exercise-therapy measurement.' },
  calcium: { from: ['calcium'], rule: 'The most recent calcium intake.' },
  medications: { from: ['medication', 'medication-dose'], rule: 'Every medication from its start; a dose belongs to the latest medication of the same drug that had started by the dose\'s date and not yet ended; doses of one course on one day count once, whoever recorded them.' },
  plannedMedications: { from: ['planned-medication', 'medication'], rule: 'Every planned medication recorded by asOf, and every medication prescribed to start after asOf, from its start.' },
  contacts: { from: ['contact'], rule: 'Every follow-up contact that took place by asOf.' },
  frax: { from: ['frax'], rule: 'The most recent FRAX result entered from the official tool.' },
  workupWaived: { from: ['workup-waived'], rule: 'The most recent waiver, with the name of the person who recorded it.' },
  safety: { from: ['safety', 'dental-check'], rule: 'Each safety fact from the most recent entry that states it.' },
  'safety.dentalCheckDone': { from: ['dental-check'], rule: 'Yes when a dental check took place in the 12 months before asOf; otherwise not recorded.' },
  child: { from: ['child', 'aids-check'], rule: 'The most recent child entry (mobility and the day\'s minutes).' },
  'child.lastAidsCheck': { from: ['aids-check'], rule: 'The oldest of the aids\' last checks: each aid\'s most recent check, the one furthest back.' },
  'child.heightCmAtLastAidsCheck': { from: ['aids-check'], rule: 'The height measured at that check.' },
  'child.standingMinutesPerDay': {
    from: 'loading-log',
    rule: 'Once the child\'s loading log has a line: the mean minutes a day of standing frame and walking aid over the 7 days up to asOf (fewer when the log began later), a day without a line counting as none; before that, the child entry\'s figure.',
  },
  'falls.tugSeconds': { from: ['falls-screen', 'exercise-measurement'], rule: 'The most recent TUG, from a falls screening or an exercise-therapy measurement.' },
  'falls.gaitSpeedMps': { from: ['falls-screen', 'exercise-measurement'], rule: 'The most recent gait speed, from a falls screening or an exercise-therapy measurement.' },
  exercise: { from: ['exercise-therapy', 'exercise-measurement'], rule: 'Present once supervised exercise therapy or a measurement is recorded.' },
  'exercise.therapyStart': { from: ['exercise-therapy'], rule: 'The start of the most recent period of supervised exercise therapy.' },
  'exercise.therapyEnd': { from: ['exercise-therapy'], rule: 'Its end, once that day has come.' },
  'exercise.measurements': { from: ['exercise-measurement'], rule: 'Every measurement with its raw items (SPPB, 4-stage balance, 30-second chair stand, TUG, gait speed, steps per day, PSK), dated by its day.' },
  'child.movementMinutesPerDay': {
    from: 'loading-log',
    rule: 'As standingMinutesPerDay, for all the log\'s minutes (standing, walking and other movement).',
  },
} as const satisfies Record<string, { from: 'asked' | 'patient' | 'loading-log' | readonly EntryKind[]; rule: string }>;

type Of<K extends EntryKind> = { date: IsoDate; data: EntryData[K] };

/** The record's entries by kind, each list in the order the record holds them (recording order). */
function byKind(entries: readonly RecordEntry[], asOf: IsoDate) {
  const out = new Map<EntryKind, { date: IsoDate; data: unknown }[]>();
  for (const e of entries) {
    if (compareDates(e.date, asOf) > 0) continue;
    let list = out.get(e.kind);
    if (list === undefined) out.set(e.kind, (list = []));
    list.push(e);
  }
  return <K extends EntryKind>(kind: K): readonly Of<K>[] => (out.get(kind) ?? []) as Of<K>[];
}

/** The most recent entry: the latest date; of several on that date, the one recorded last. */
function latest<T extends { date: IsoDate }>(list: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const x of list) if (best === undefined || compareDates(x.date, best.date) >= 0) best = x;
  return best;
}

/** For each field, the value of the most recent entry that states it (undefined is "not stated"). */
function latestPerField<T extends object>(list: readonly { date: IsoDate; data: T }[]): Partial<T> {
  const ordered = [...list].sort((a, b) => compareDates(a.date, b.date)); // stable: recording order within a day
  const out: Partial<T> = {};
  for (const e of ordered) {
    for (const [k, v] of Object.entries(e.data) as [keyof T, T[keyof T]][]) if (v !== undefined) out[k] = v;
  }
  return out;
}

/** Within the `months` before asOf: after asOf minus that many months, up to asOf itself. */
const within = (date: IsoDate, asOf: IsoDate, months: number) => compareDates(date, addMonths(asOf, -months)) > 0;

/** Absent keys stay absent: the Case is strict about undefined only in what it means. */
function defined<T extends object>(o: T): T | undefined {
  const entries = Object.entries(o).filter(([, v]) => v !== undefined);
  return entries.length === 0 ? undefined : (Object.fromEntries(entries) as T);
}

/** Yes when any says yes; no when all say no; otherwise not recorded. */
function anyOf(values: readonly (boolean | undefined)[]): boolean | undefined {
  if (values.some((v) => v === true)) return true;
  return values.length > 0 && values.every((v) => v === false) ? false : undefined;
}

function glucocorticoids(courses: readonly Of<'glucocorticoid-course'>[], asOf: IsoDate): { mgPerDay: number; months: number } | undefined {
  const going = courses.filter((c) => c.data.end === undefined || compareDates(c.data.end, asOf) >= 0);
  if (going.length > 0) {
    let pick = going[0] as Of<'glucocorticoid-course'>;
    for (const c of going) if (c.data.mgPerDay > pick.data.mgPerDay || (c.data.mgPerDay === pick.data.mgPerDay && compareDates(c.date, pick.date) >= 0)) pick = c;
    return { mgPerDay: pick.data.mgPerDay, months: monthsBetween(pick.date, asOf) };
  }
  let ended: Of<'glucocorticoid-course'> | undefined;
  for (const c of courses) {
    const end = c.data.end as IsoDate;
    if (!within(end, asOf, WINDOW_MONTHS.glucocorticoidsAfterEnd)) continue;
    if (ended === undefined || compareDates(end, ended.data.end as IsoDate) >= 0) ended = c;
  }
  return ended && { mgPerDay: ended.data.mgPerDay, months: monthsBetween(ended.date, ended.data.end as IsoDate) };
}

/**
 * The walking tests of a screening and of the exercise-therapy measurements are one series: the
 * most recent test counts, wherever it was done (a TUG from the diagnostic day does not outrank
 * the physiotherapist's of last week).
 */
function latestTest(screens: readonly Of<'falls-screen'>[], measured: readonly Of<'exercise-measurement'>[], key: 'tugSeconds' | 'gaitSpeedMps'): number | undefined {
  // On one day a screening's test counts over a measurement's (they are the same test, the screening the clinic's record of it).
  const all = [...measured.map((e) => ({ date: e.date, v: e.data[key] })), ...screens.map((e) => ({ date: e.date, v: e.data[key] }))];
  return latest(all.filter((x) => x.v !== undefined))?.v;
}

function falls(events: readonly Of<'fall'>[], screens: readonly Of<'falls-screen'>[], measured: readonly Of<'exercise-measurement'>[], asOf: IsoDate): Case['falls'] {
  const recent = events.filter((f) => within(f.date, asOf, WINDOW_MONTHS.falls));
  const screen = latestPerField(screens);
  const counted = latest(screens.filter((s) => s.data.fallsLast12Months !== undefined && within(s.date, asOf, WINDOW_MONTHS.falls)));
  const told = counted?.data.fallsLast12Months;
  const count = told === undefined ? (recent.length > 0 ? recent.length : undefined) : Math.max(told, recent.length);
  return defined({
    fallsLast12Months: count,
    injuredByFall: anyOf(recent.map((f) => f.data.injured)),
    unableToGetUp: anyOf(recent.map((f) => f.data.unableToGetUp)),
    lostConsciousness: anyOf(recent.map((f) => f.data.lostConsciousness)),
    worriedAboutFalling: screen.worriedAboutFalling,
    unsteady: screen.unsteady,
    frail: screen.frail,
    tugSeconds: latestTest(screens, measured, 'tugSeconds'),
    gaitSpeedMps: latestTest(screens, measured, 'gaitSpeedMps'),
  });
}

function medications(starts: readonly Of<'medication'>[], doses: readonly Of<'medication-dose'>[]): Case['medications'] {
  if (starts.length === 0) return undefined;
  const given = starts.map((m) => ({ m, doses: [] as IsoDate[] }));
  for (const d of doses) {
    // The latest start of this drug on or before the dose that had not ended before it.
    let owner: (typeof given)[number] | undefined;
    for (const g of given) {
      if (g.m.data.drug !== d.data.drug || compareDates(g.m.date, d.date) > 0) continue;
      if (g.m.data.end !== undefined && compareDates(g.m.data.end, d.date) < 0) continue;
      if (owner === undefined || compareDates(g.m.date, owner.m.date) >= 0) owner = g;
    }
    // One dose per course per day: the patient marking a dose the clinic also recorded is the same dose.
    if (owner && !owner.doses.includes(d.date)) owner.doses.push(d.date);
  }
  return given.map(({ m, doses: ds }) => {
    const out: NonNullable<Case['medications']>[number] = { drug: m.data.drug, start: m.date };
    if (m.data.end !== undefined) out.end = m.data.end;
    if (m.data.route !== undefined) out.route = m.data.route;
    if (ds.length > 0) out.doses = ds.sort(compareDates);
    return out;
  });
}

/**
 * The Case on `asOf` from the record's active entries (as corrected; entries entered in error are
 * left out by the caller, who reads only what stands). Entries are given in recording order. A
 * child's loading log (its own table, not entries) gives the child's minutes a day once it has a
 * line: the log is what the day centre and the parents keep, the child entry a one-off estimate.
 */
export function projectCase(person: ProjectedPerson, entries: readonly RecordEntry[], asOf: IsoDate, loading: readonly LoadingPoint[] = []): Case {
  const of = byKind(entries, asOf);
  const c: Case = { asOf, person: { birthDate: person.birthDate, sex: person.sex } };

  const weight = latest(of('weight'));
  if (weight) c.person.weightKg = weight.data.kg;
  const height = latest(of('height'));
  if (height) c.person.heightCm = height.data.cm;
  const menopause = latest(of('menopause'));
  if (menopause) c.person.menopause = { ...menopause.data };

  const fractures = of('fracture');
  if (fractures.length > 0) {
    c.fractures = fractures.map((f) => {
      const out: NonNullable<Case['fractures']>[number] = { date: f.date, site: f.data.site };
      if (f.data.highEnergy !== undefined) out.highEnergy = f.data.highEnergy;
      if (f.data.pathological !== undefined) out.pathological = f.data.pathological;
      return out;
    });
  }

  const risk = defined({ ...latestPerField(of('risk-factors')), glucocorticoids: glucocorticoids(of('glucocorticoid-course'), asOf) });
  if (risk) c.riskFactors = risk;

  const dxa = of('dxa').flatMap((scan) => scan.data.sites.map((s) => ({ date: scan.date, ...s })));
  if (dxa.length > 0) c.dxa = dxa;
  const vfa = latest(of('vfa'));
  if (vfa) c.vfa = { date: vfa.date, vertebrae: vfa.data.vertebrae.map((v) => ({ ...v })) };
  const labs = of('labs').flatMap((draw) => draw.data.results.map((r) => ({ ...r, date: draw.date })));
  if (labs.length > 0) c.labs = labs;

  const fallsNow = falls(of('fall'), of('falls-screen'), of('exercise-measurement'), asOf);
  if (fallsNow) c.falls = fallsNow;
  const fes = latest([
    ...of('fes-i').map((e) => ({ date: e.date, answers: e.data.answers })),
    ...of('exercise-measurement').flatMap((e) => (e.data.fesI ? [{ date: e.date, answers: e.data.fesI }] : [])),
  ]);
  if (fes) c.fesI = [...fes.answers];
  const calcium = latest(of('calcium'));
  if (calcium) c.calcium = { servings: { ...calcium.data.servings } };

  const meds = medications(of('medication'), of('medication-dose'));
  if (meds) c.medications = meds;
  // A medication prescribed to start after asOf is, on asOf, a plan: the rules read it as one
  // (a follow-on in place, a first dose to check the blood for), never as a course that runs.
  const prescribedAhead = entries.filter((e): e is Extract<RecordEntry, { kind: 'medication' }> => e.kind === 'medication' && compareDates(e.date, asOf) > 0);
  const planned = [...of('planned-medication').map((p) => ({ ...p.data })), ...prescribedAhead.map((m) => ({ drug: m.data.drug, from: m.date }))];
  if (planned.length > 0) c.plannedMedications = planned;
  const contacts = of('contact');
  if (contacts.length > 0) c.contacts = contacts.map((x) => ({ kind: x.data.kind, date: x.date }));
  const frax = latest(of('frax'));
  if (frax) c.frax = { date: frax.date, ...frax.data };
  const waived = latest(of('workup-waived'));
  if (waived) c.workupWaived = { reason: waived.data.reason, by: waived.data.by, date: waived.date };

  const dental = of('dental-check').some((d) => within(d.date, asOf, WINDOW_MONTHS.dentalCheck));
  const safety = defined({ ...latestPerField(of('safety')), dentalCheckDone: dental ? true : undefined });
  if (safety) c.safety = safety;

  const child = latest(of('child'));
  if (child) {
    const out: NonNullable<Case['child']> = { ...child.data };
    // Each aid's most recent check; the one that lies furthest back decides (LEAFLET-EMB: every
    // aid is checked as the child grows). Checks naming no aid count as one aid together.
    const perAid = new Map<string, Of<'aids-check'>>();
    for (const e of of('aids-check')) {
      const k = e.data.aid ?? '';
      const had = perAid.get(k);
      if (had === undefined || compareDates(e.date, had.date) >= 0) perAid.set(k, e);
    }
    const check = [...perAid.values()].reduce<Of<'aids-check'> | undefined>(
      (oldest, e) => (oldest === undefined || compareDates(e.date, oldest.date) < 0 ? e : oldest), undefined);
    if (check) {
      out.lastAidsCheck = check.date;
      if (check.data.heightCm !== undefined) out.heightCmAtLastAidsCheck = check.data.heightCm;
    }
    const means = loadingMeans(loading, asOf);
    if (means) {
      out.standingMinutesPerDay = means.standing;
      out.movementMinutesPerDay = means.movement;
    }
    c.child = out;
  }

  const therapy = latest(of('exercise-therapy'));
  const measured = of('exercise-measurement');
  if (therapy || measured.length > 0) {
    const ex: NonNullable<Case['exercise']> = { measurements: measured.map(measurement) };
    if (therapy) {
      ex.therapyStart = therapy.date;
      if (therapy.data.end !== undefined && compareDates(therapy.data.end, asOf) <= 0) ex.therapyEnd = therapy.data.end;
    }
    c.exercise = ex;
  }
  return c;
}

/** The raw items of a measurement the core scores; the rest (FES-I, the meter's days, goals, a note) stays in the record. */
function measurement(e: Of<'exercise-measurement'>): Measurement {
  const d = e.data;
  const m: Measurement = { date: e.date };
  if (d.sppb) m.sppb = { ...d.sppb };
  if (d.fourStageBalance) m.fourStageBalance = { stageSeconds: [...d.fourStageBalance.stageSeconds] };
  if (d.chairStand30s !== undefined) m.chairStand30s = d.chairStand30s;
  if (d.tugSeconds !== undefined) m.tugSeconds = d.tugSeconds;
  if (d.gaitSpeedMps !== undefined) m.gaitSpeedMps = d.gaitSpeedMps;
  if (d.stepsPerDay !== undefined) m.stepsPerDay = d.stepsPerDay;
  if (d.psk) m.psk = d.psk.map((a) => ({ ...a }));
  return m;
}

/**
 * The kinds the patient (or a caregiver) can give themself, from the questionnaires before the
 * diagnostic day. For these, a clinician's or an import's value counts over the patient's for the
 * same fact, and the patient's counts while the clinic has recorded none. "The same fact" is a
 * field for the kinds read field by field (risk factors, the falls screening) and the kind itself
 * for the others (one Short FES-I, one calcium intake, the courses of glucocorticoids, the falls).
 */
export const PATIENT_GIVEN_KINDS = ['risk-factors', 'glucocorticoid-course', 'fall', 'falls-screen', 'fes-i', 'calcium'] as const satisfies readonly EntryKind[];
const BY_FIELD = new Set<EntryKind>(['risk-factors', 'falls-screen']);
const GIVEN = new Set<EntryKind>(PATIENT_GIVEN_KINDS);

/** A value the patient gave that a clinician's value for the same fact set aside; both stay in the record. */
export interface SetAside {
  path: string;
  patient: unknown;
  clinician: unknown;
}

export interface CaseWithSources {
  case: Case;
  /** The dotted Case paths whose value came from the patient's own answers (sorted). */
  patientPaths: string[];
  /** Where the patient and the clinic disagree: the clinician's value counts, the patient's is shown beside it. */
  setAside: SetAside[];
}

const isPatient = (source: EntrySource | undefined) => source === 'patient';
const CASE_KEY: Partial<Record<EntryKind, string>> = { 'risk-factors': 'riskFactors', 'falls-screen': 'falls', 'fes-i': 'fesI', calcium: 'calcium' };

/** Equal as values: objects compared key by key whatever their order (a calcium intake's items). */
function sameValue(a: unknown, b: unknown): boolean {
  const norm = (x: unknown): unknown =>
    x !== null && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).filter(([, v]) => v !== undefined).sort(([k1], [k2]) => k1.localeCompare(k2)).map(([k, v]) => [k, norm(v)]))
      : x;
  return JSON.stringify(norm(a)) === JSON.stringify(norm(b));
}

/**
 * The Case with, for each value, whether the patient gave it. Every entry of a kind the patient
 * cannot give counts as always; for the kinds they can, a clinician's (or an import's) value for
 * the same fact wins, whenever either was recorded, so confirming or correcting a patient's answer
 * is recording the clinic's own fact.
 */
export function projectCaseWithSources(person: ProjectedPerson, entries: readonly RecordEntry[], asOf: IsoDate, loading: readonly LoadingPoint[] = []): CaseWithSources {
  // A medication prescribed to start later stays: projectCase reads it as a plan.
  const now = entries.filter((e) => compareDates(e.date, asOf) <= 0 || e.kind === 'medication');
  const clinicFields = new Map<EntryKind, Map<string, unknown>>();
  const clinicKinds = new Set<EntryKind>();
  for (const e of [...now].sort((a, b) => compareDates(a.date, b.date))) {
    if (!GIVEN.has(e.kind) || isPatient(e.source)) continue;
    clinicKinds.add(e.kind);
    if (!BY_FIELD.has(e.kind)) continue;
    let fields = clinicFields.get(e.kind);
    if (!fields) clinicFields.set(e.kind, (fields = new Map<string, unknown>()));
    for (const [k, v] of Object.entries(e.data)) if (v !== undefined) fields.set(k, v);
  }

  const kept: RecordEntry[] = [];
  const patientOwn = new Map<EntryKind, RecordEntry[]>();
  const setAside = new Map<string, SetAside>();
  for (const e of now) {
    if (!GIVEN.has(e.kind) || !isPatient(e.source)) {
      kept.push(e);
      continue;
    }
    if (BY_FIELD.has(e.kind)) {
      const clinic = clinicFields.get(e.kind) ?? new Map<string, unknown>();
      const own: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(e.data)) if (v !== undefined && !clinic.has(k)) own[k] = v;
      if (Object.keys(own).length === 0) continue;
      const narrowed = { ...e, data: own } as RecordEntry;
      kept.push(narrowed);
      patientOwn.set(e.kind, [...(patientOwn.get(e.kind) ?? []), narrowed]);
      continue;
    }
    if (clinicKinds.has(e.kind)) continue;
    kept.push(e);
    patientOwn.set(e.kind, [...(patientOwn.get(e.kind) ?? []), e]);
  }

  const c = projectCase(person, kept, asOf, loading);
  const paths = new Set<string>();
  const fieldsOf = (kind: EntryKind) => new Set((patientOwn.get(kind) ?? []).flatMap((e) => Object.keys(e.data)));
  for (const k of fieldsOf('risk-factors')) paths.add(`riskFactors.${k}`);
  if (patientOwn.has('glucocorticoid-course') && c.riskFactors?.glucocorticoids) paths.add('riskFactors.glucocorticoids');
  const screen = fieldsOf('falls-screen');
  for (const k of screen) if (k !== 'fallsLast12Months') paths.add(`falls.${k}`);
  const recentFalls = of(kept, 'fall').filter((f) => within(f.date, asOf, WINDOW_MONTHS.falls));
  const counted = latest(of(kept, 'falls-screen').filter((s) => s.data.fallsLast12Months !== undefined && within(s.date, asOf, WINDOW_MONTHS.falls)));
  const told = counted?.data.fallsLast12Months;
  // The count is the patient's when the number that counts is theirs: their screening's, or the falls they reported.
  if (c.falls?.fallsLast12Months !== undefined) {
    const fromScreen = told !== undefined && told >= recentFalls.length;
    if (fromScreen ? isPatient(counted?.source) : recentFalls.every((f) => isPatient(f.source))) paths.add('falls.fallsLast12Months');
  }
  if (recentFalls.length > 0 && recentFalls.every((f) => isPatient(f.source))) {
    for (const k of ['injuredByFall', 'unableToGetUp', 'lostConsciousness'] as const) if (c.falls?.[k] !== undefined) paths.add(`falls.${k}`);
  }
  if (patientOwn.has('fes-i') && c.fesI) paths.add('fesI');
  if (patientOwn.has('calcium') && c.calcium) paths.add('calcium');

  // The patient's latest answer to a field the clinic also recorded, when the two differ.
  for (const kind of ['risk-factors', 'falls-screen'] as const) {
    const clinic = clinicFields.get(kind);
    if (!clinic) continue;
    const theirs = latestPerField(of(now, kind).filter((e) => isPatient(e.source)) as { date: IsoDate; data: Record<string, unknown> }[]);
    for (const [k, v] of Object.entries(theirs)) {
      const path = `${CASE_KEY[kind] ?? kind}.${k}`;
      if (clinic.has(k) && !sameValue(v, clinic.get(k))) setAside.set(path, { path, patient: v, clinician: clinic.get(k) });
    }
  }
  // A whole-kind answer the clinic replaced (a Short FES-I, a calcium intake) is set aside as a whole when it differs.
  for (const kind of ['fes-i', 'calcium'] as const) {
    if (!clinicKinds.has(kind)) continue;
    const theirs = latest(now.filter((e) => e.kind === kind && isPatient(e.source)));
    const ours = latest(now.filter((e) => e.kind === kind && !isPatient(e.source)));
    if (theirs && ours && !sameValue(theirs.data, ours.data)) {
      const path = CASE_KEY[kind] ?? kind;
      setAside.set(path, { path, patient: theirs.data, clinician: ours.data });
    }
  }
  return { case: c, patientPaths: [...paths].sort(), setAside: [...setAside.values()].sort((a, b) => a.path.localeCompare(b.path)) };
}

function of<K extends EntryKind>(entries: readonly RecordEntry[], kind: K): (RecordEntry & { kind: K })[] {
  return entries.filter((e): e is RecordEntry & { kind: K } => e.kind === kind);
}
