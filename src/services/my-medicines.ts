// "My medicines" on the patient's side: per current or planned course what to take, when and how
// (the core's regimen and patient guide), the next dose from the core, the doses the patient marked,
// and marking a dose as taken or missed; and the printed schedule for the fridge door.
// A dose marked as taken is a `medication-dose` entry with source `patient`: the Case counts it, so
// the next dose and the denosumab rules follow it, and the worklist is re-derived in the same
// transaction (`dose.confirm` changes the worklist, see access.ts). A dose of the same course on the
// same day recorded by the clinic and marked by the patient is one dose (the projection counts a
// course's day once); the clinic's entry is not replaced and both stay in the record. A missed dose
// is a `missed-dose` entry, which the core never reads, so it can never count as a dose.
import type { Case, Drug } from '../core/case.schema.js';
import { authorize } from '../core/access/index.js';
import { regimenFor, type Interval, type Route } from '../core/medication/catalogue.js';
import { doseSchedule, patientGuide, type PatientGuide, type ScheduleItem } from '../core/medication/patient-guide.js';
import { evaluate } from '../core/evaluate.js';
import { fullName } from '../core/names.js';
import type { EntryData } from '../core/record/entries.js';
import { addMonths, compareDates, type IsoDate } from '../core/time/date.js';
import { todayNl } from '../schema/clock.js';
import { AppError } from '../schema/problem.js';
import type { DoseConfirmationInput, DoseConfirmationView } from '../schema/medication.schema.js';
import { organisationContact } from '../store/logistics.repo.js';
import { readWithPatient, withPatient, type AccessDeps, type EntryRow, type PatientOrgs, type PatientWork } from './access.js';
import { doseSchedulePdf } from './dose-schedule-letter.js';
import type { LetterLang } from './letters.js';
import { caseOn, checkFacts, refuseClosed, type Ask } from './record.js';
import { settingsForOrganisation } from './settings.js';
import type { Tx } from '../store/db.js';

type MedData = EntryData['medication'];
type DoseData = EntryData['medication-dose'];
type MissedData = EntryData['missed-dose'];

/** How far ahead the printed schedule reaches. */
export const SCHEDULE_MONTHS = 6;
/** How many of the patient's own marks a course shows. */
const MARKS_SHOWN = 6;

export interface DoseMark {
  id: string;
  date: IsoDate;
  status: 'taken' | 'missed';
  /** Marked by the patient or a caregiver (`patient`), or recorded by the clinic. */
  source: 'patient' | 'clinic';
}

export interface MyMedicine {
  id: string;
  drug: Drug;
  route: Route | null;
  start: IsoDate;
  end: IsoDate | null;
  /** `current` runs today; `prescribed` starts later. */
  status: 'current' | 'prescribed';
  regimen: { dose: string; interval: Interval; instructions: string[] } | null;
  guide: PatientGuide;
  /** The core's next dose (medication.next-dose), and whether it is already late. */
  nextDose: { date: IsoDate; late: boolean } | null;
  /** The core's denosumab-late alert: 7 months or more since the last injection. */
  denosumabLate: { due: IsoDate; lastInjection: IsoDate } | null;
  /** The core's end of an anabolic (24 months of teriparatide, 12 doses of romosozumab). */
  anabolicEnd: IsoDate | null;
  /** The next blood test before a dose, from the schedule. */
  bloodTest: { from: IsoDate; by: IsoDate } | null;
  /** Doses and missed doses, newest first. */
  marks: DoseMark[];
}

export interface MyMedicines {
  patient: { id: string; givenName: string; familyName: string; familyNamePrefix: string | null };
  medicines: MyMedicine[];
  /** Follow-ons the physician planned, not yet prescribed. */
  planned: { drug: Drug; from: IsoDate }[];
  /** Whether this reader may mark doses (`dose.confirm`). */
  mayConfirm: boolean;
  today: IsoDate;
}

const KINDS = ['medication', 'medication-dose', 'planned-medication', 'missed-dose'] as const;

function careOrganisation(orgs: PatientOrgs): string | null {
  return orgs.find((o) => o.relation === 'care')?.organisation_id ?? null;
}

/** The entries that belong to a course: those naming it (every dose the patient marks names it). */
function belongs(course: EntryRow, x: EntryRow): boolean {
  const d = x.data as DoseData | MissedData;
  if (d.medicationId !== undefined) return d.medicationId === course.entry_id;
  const m = course.data as MedData;
  return d.drug === m.drug && compareDates(x.clinical_date, course.clinical_date) >= 0 && (m.end === undefined || compareDates(x.clinical_date, m.end) <= 0);
}

function marksOf(course: EntryRow, rows: readonly EntryRow[]): DoseMark[] {
  return rows
    .filter((x) => (x.kind === 'medication-dose' || x.kind === 'missed-dose') && x.status === 'active' && belongs(course, x))
    .map((x): DoseMark => ({ id: x.entry_id, date: x.clinical_date, status: x.kind === 'missed-dose' ? 'missed' : 'taken', source: x.source === 'patient' ? 'patient' : 'clinic' }))
    .sort((a, b) => compareDates(b.date, a.date) || (a.source === b.source ? 0 : a.source === 'clinic' ? -1 : 1))
    .slice(0, MARKS_SHOWN);
}

function valueOf<T>(c: { value: unknown }): T {
  return c.value as T;
}

/** The medicines view from the record's entries and the Case of today. */
function medicinesFrom(rows: readonly EntryRow[], c: Case, settings: Parameters<typeof evaluate>[1], today: IsoDate): Pick<MyMedicines, 'medicines' | 'planned'> {
  const ev = evaluate(c, settings, 'nl');
  const of = (code: string) => ev.conclusions.filter((x) => x.code === code);
  const schedule = doseSchedule(c, addMonths(today, SCHEDULE_MONTHS));
  const courses = rows.filter((r) => r.kind === 'medication' && r.status === 'active').filter((r) => {
    const end = (r.data as MedData).end;
    return end === undefined || compareDates(end, today) >= 0;
  });
  const medicines = courses.map((r): MyMedicine => {
    const d = r.data as MedData;
    const regimen = regimenFor(d.drug, d.route);
    const prescribed = compareDates(r.clinical_date, today) > 0;
    const next = of('medication.next-dose').map((x) => valueOf<{ drug?: Drug; date?: IsoDate } | null>(x)).find((v) => v?.drug === d.drug);
    const late = of('medication.denosumab-late')[0];
    const end = of('medication.anabolic-end').map((x) => valueOf<{ drug: Drug; date: IsoDate }>(x)).find((v) => v.drug === d.drug);
    const blood = schedule.find((x): x is Extract<ScheduleItem, { kind: 'blood-test' }> => x.kind === 'blood-test' && x.drug === d.drug);
    const nextDate = prescribed ? r.clinical_date : next?.date;
    return {
      id: r.entry_id, drug: d.drug, route: d.route ?? regimen?.route ?? null, start: r.clinical_date, end: d.end ?? null,
      status: prescribed ? 'prescribed' : 'current',
      regimen: regimen ? { dose: regimen.dose, interval: regimen.interval, instructions: [...regimen.instructions] } : null,
      guide: patientGuide(d.drug, d.route ?? regimen?.route),
      nextDose: nextDate === undefined ? null : { date: nextDate, late: compareDates(nextDate, today) < 0 && regimen?.interval !== 'daily' },
      denosumabLate: d.drug === 'denosumab' && late && !prescribed ? valueOf<{ due: IsoDate; lastInjection: IsoDate }>(late) : null,
      anabolicEnd: end?.date ?? null,
      bloodTest: blood ? { from: blood.date, by: blood.by } : null,
      marks: marksOf(r, rows),
    };
  }).sort((a, b) => compareDates(a.start, b.start));
  const prescribedDrugs = new Set(courses.map((r) => (r.data as MedData).drug));
  const planned = rows
    .filter((r) => r.kind === 'planned-medication' && r.status === 'active')
    .map((r) => r.data as EntryData['planned-medication'])
    .filter((p) => !prescribedDrugs.has(p.drug) && compareDates(p.from, today) >= 0)
    .map((p) => ({ drug: p.drug, from: p.from }));
  return { medicines, planned };
}

async function readMedicines(w: Pick<PatientWork, 'db' | 'row' | 'records' | 'orgs'>, today: IsoDate) {
  const [rows, c, settings] = await Promise.all([
    w.records.clinical.currentEntries(w.db, w.row.id, { kinds: KINDS }),
    caseOn(w.db, w.records, w.row, today),
    settingsForOrganisation(w.db, careOrganisation(w.orgs)),
  ]);
  return { rows, c, ...medicinesFrom(rows, c, settings, today) };
}

const patientOf = (row: PatientWork['row']): MyMedicines['patient'] => ({ id: row.id, givenName: row.given_name, familyName: row.family_name, familyNamePrefix: row.family_name_prefix });

/** The patient's medicines as they stand today, read as one audited look at the record. */
export async function myMedicines(deps: AccessDeps, ask: Ask): Promise<MyMedicines> {
  const today = todayNl();
  return readWithPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'record.read', resource: 'patient/my-medicines', patientId: ask.patientId }, async (w) => {
    const m = await readMedicines(w, today);
    return { patient: patientOf(w.row), medicines: m.medicines, planned: m.planned, mayConfirm: authorize(ask.actor, 'dose.confirm', w.target, today).allowed, today };
  });
}

/** One course of the record, locked so two marks of the same day do not both land. */
async function lockedCourse(db: Tx, w: Pick<PatientWork, 'records'>, patientId: string, medicationId: string): Promise<EntryRow & { data: MedData }> {
  const row = await w.records.clinical.lockCurrentEntry(db, patientId, medicationId);
  if (!row || row.kind !== 'medication' || row.status === 'entered-in-error') {
    throw new AppError('not-found', 'This record has no such medication.', [{ pointer: '/params/medicationId', detail: 'no such medication in this record' }]);
  }
  return row as EntryRow & { data: MedData };
}

/**
 * Marks a dose of a course as taken or as missed, on `date` (not in the future, not before the
 * course's start, not after its end). Taken: a `medication-dose` entry from the patient, unless a
 * dose of this course is already recorded on that day (then that one stands and nothing is added).
 * Missed: a `missed-dose` entry, refused when a dose is recorded on that day.
 */
export async function confirmDose(deps: AccessDeps, ask: Ask & { medicationId: string }, input: DoseConfirmationInput): Promise<DoseConfirmationView> {
  const today = todayNl();
  return withPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'dose.confirm', resource: 'patient/medication/dose-confirmation', patientId: ask.patientId }, async (w) => {
    const { db, row, records } = w;
    await refuseClosed(db, records, row);
    const course = await lockedCourse(db, w, row.id, ask.medicationId);
    const bad: { pointer: string; detail: string }[] = [];
    if (compareDates(input.date, today) > 0) bad.push({ pointer: '/date', detail: 'lies in the future' });
    else if (compareDates(input.date, course.clinical_date) < 0) bad.push({ pointer: '/date', detail: `lies before the start of this course (${course.clinical_date})` });
    else if (course.data.end !== undefined && compareDates(input.date, course.data.end) > 0) bad.push({ pointer: '/date', detail: `lies after the end of this course (${course.data.end})` });
    if (bad.length > 0) throw new AppError('invalid-input', 'The dose does not fit its course.', bad);

    const sameDay = (await records.clinical.currentEntries(db, row.id, { kinds: ['medication-dose', 'missed-dose'] }))
      .filter((x) => x.status === 'active' && x.clinical_date === input.date && belongs(course, x));
    const taken = sameDay.find((x) => x.kind === 'medication-dose');
    const missed = sameDay.find((x) => x.kind === 'missed-dose');
    let id: string;
    let added = false;
    if (input.status === 'taken') {
      if (taken) id = taken.entry_id;
      else {
        id = await insert(w, ask, 'medication-dose', input.date, { drug: course.data.drug, medicationId: course.entry_id });
        added = true;
      }
    } else {
      if (taken) throw new AppError('conflict', 'A dose of this medicine is recorded on this day.', [{ pointer: '/date', detail: `a dose is recorded on ${input.date}` }]);
      if (missed) id = missed.entry_id;
      else {
        id = await insert(w, ask, 'missed-dose', input.date, { drug: course.data.drug, medicationId: course.entry_id });
        added = true;
      }
    }
    const { medicines } = await readMedicines(w, today);
    const mine = medicines.find((m) => m.id === course.entry_id);
    return {
      id, medicationId: course.entry_id, drug: course.data.drug, date: input.date, status: input.status, counted: input.status === 'taken', added,
      nextDose: mine?.nextDose?.date ?? null, missedAdvice: patientGuide(course.data.drug, course.data.route ?? regimenFor(course.data.drug, undefined)?.route).missed,
    };
  });
}

async function insert<K extends 'medication-dose' | 'missed-dose'>(w: Pick<PatientWork, 'row' | 'records'> & { db: Tx }, ask: Ask, kind: K, date: IsoDate, data: EntryData[K]): Promise<string> {
  const [fact] = checkFacts([{ kind, date, data }], { flat: true, indexed: false });
  if (!fact) throw new Error('a checked dose went missing');
  const [saved] = await w.records.clinical.insertEntries(w.db, [{ patientId: w.row.id, kind, date: fact.date, data: fact.data, source: 'patient', by: ask.actor.userId, organisationId: null }]);
  if (!saved) throw new Error('a stored dose went missing');
  return saved.entry_id;
}

export interface PrintedSchedule {
  pdf: Buffer;
  until: IsoDate;
}

/** The fridge-door schedule of the coming months as a PDF, in the patient's language; the read is audited. */
export async function printDoseSchedule(deps: AccessDeps, ask: Ask & { lang: LetterLang; helpPhone: string }): Promise<PrintedSchedule> {
  const today = todayNl();
  const until = addMonths(today, SCHEDULE_MONTHS);
  return readWithPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'record.read', resource: 'patient/medication-schedule', patientId: ask.patientId }, async ({ db, row, records, orgs }) => {
    const org = careOrganisation(orgs);
    const [c, contact] = await Promise.all([caseOn(db, records, row, today), org ? organisationContact(db, org) : undefined]);
    const pdf = await doseSchedulePdf({
      lang: ask.lang, organisationName: contact?.name ?? 'Botpad', phone: contact?.phone ?? ask.helpPhone,
      patientName: fullName({ givenName: row.given_name, familyNamePrefix: row.family_name_prefix, familyName: row.family_name }), birthDate: row.birth_date,
      printedOn: today, until, items: doseSchedule(c, until),
    });
    return { pdf, until };
  });
}

