// The physiotherapist's measurements and the period of supervised exercise therapy
// (clinical-rules.md §13, docs/therapy-measurements.md). Both are facts of the clinical record
// (entry kinds `exercise-measurement` and `exercise-therapy`), written only here: the generic fact
// routes refuse them (services/record.ts GATED_KINDS), because only the practice the patient was
// referred to measures (`therapy.write`, decided by the core) and the period has one entry. They go
// through the record's own store (versions, history, audit) like any fact; reading is `record.read`.
// The scores are the core's (core/measures/scoring.ts): nothing is scored here.
import type { Actor } from '../core/access/index.js';
import { meanSteps } from '../core/measures/steps-csv.js';
import { scoreMeasurement } from '../core/measures/measurement.js';
import { nextMeasurementDue, scorePsk } from '../core/measures/scoring.js';
import type { EntryData } from '../core/record/entries.js';
import { todayNl } from '../schema/clock.js';
import { AppError } from '../schema/problem.js';
import type {
  MeasurementCorrection, MeasurementData, MeasurementInput, MeasurementScores, MeasurementView, PeriodInput, PeriodView, TherapyState,
} from '../schema/therapy-measurement.schema.js';
import { readWithPatient, withPatient, type AccessDeps, type EntryRow, type PatientRecords, type PatientRow } from './access.js';
import { patientOf, type DiaryPatient } from './diary.js';
import { checkFacts, type Ask } from './record.js';
import type { Tx } from '../store/db.js';

type Data = EntryData['exercise-measurement'];
type Person = { birthDate: string; sex: 'female' | 'male' };

/** The core's scores of one measurement; `history` (any order) gives the PSK its first scores. */
export function scoresOf(person: Person, m: { date: string; data: MeasurementData }, history: readonly { date: string; data: MeasurementData }[]): MeasurementScores {
  const out: MeasurementScores = scoreMeasurement(person, m.date, m.data);
  if (m.data.psk) out.psk = scorePsk(m.data.psk, history.map((h) => ({ date: h.date, psk: h.data.psk })), m.date);
  return out;
}

/** The entry's data from the API's body: stepsPerDay from the meter's days when not given. */
function dataOf(input: MeasurementInput | MeasurementCorrection): Data {
  const { date: _date, ...rest } = input;
  const data = { ...rest } as Data & { reason?: string };
  delete data.reason;
  if (data.steps && data.stepsPerDay === undefined) data.stepsPerDay = meanSteps(data.steps);
  return data;
}

function viewsOf(person: Person, rows: readonly EntryRow[]): MeasurementView[] {
  const all = rows.map((r) => ({ row: r, date: r.clinical_date, data: r.data as MeasurementData }));
  return all
    .sort((a, b) => a.date.localeCompare(b.date) || a.row.recorded_at.localeCompare(b.row.recorded_at))
    .map((m) => ({
      id: m.row.entry_id, version: m.row.version, date: m.date, data: m.data, scores: scoresOf(person, m, all),
      recordedBy: m.row.recorded_by_name, recordedAt: m.row.recorded_at,
    }));
}

function periodView(r: EntryRow): PeriodView {
  const d = r.data as EntryData['exercise-therapy'];
  return { id: r.entry_id, version: r.version, start: r.clinical_date, end: d.end ?? null, recordedBy: r.recorded_by_name, recordedAt: r.recorded_at };
}

function refuseMerged(row: PatientRow): void {
  if (row.merged_into) throw new AppError('conflict', 'This record was merged into another one; record the therapy there.', [{ pointer: '/params/id', detail: 'is a merged record' }]);
}

const person = (row: PatientRow): Person => ({ birthDate: row.birth_date, sex: row.sex });

/** Checks the entry by the core's own schema for its kind, as any fact of the record. */
function checked<K extends 'exercise-measurement' | 'exercise-therapy'>(kind: K, date: string, data: object): { date: string; data: EntryData[K] } {
  const [fact] = checkFacts([{ kind, date, data }], { flat: false, indexed: false });
  if (!fact) throw new Error('a checked fact went missing');
  return { date: fact.date, data: fact.data as EntryData[K] };
}

const newEntry = (actor: Actor, row: PatientRow) => ({ patientId: row.id, source: 'clinician' as const, by: actor.userId, organisationId: actor.organisationId });

async function measurementRows(db: Parameters<PatientRecords['clinical']['currentEntries']>[0], records: PatientRecords, patientId: string): Promise<EntryRow[]> {
  return records.clinical.currentEntries(db, patientId, { kinds: ['exercise-measurement'] });
}

/** The measurement with this id, as it stands after the change, with its scores against the others. */
async function savedView(db: Tx, records: PatientRecords, row: PatientRow, entryId: string): Promise<MeasurementView> {
  const view = viewsOf(person(row), await measurementRows(db, records, row.id)).find((v) => v.id === entryId);
  if (!view) throw new Error('the measurement just stored was not found');
  return view;
}

/** One measurement of the practice's physiotherapist: one entry, in one transaction. */
export async function recordMeasurement(deps: AccessDeps, ask: Ask, input: MeasurementInput): Promise<MeasurementView> {
  return withPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'therapy.write', resource: 'patient/therapy-measurement', patientId: ask.patientId }, async ({ db, row, records }) => {
    refuseMerged(row);
    const fact = checked('exercise-measurement', input.date, dataOf(input));
    const [saved] = await records.clinical.insertEntries(db, [{ ...newEntry(ask.actor, row), kind: 'exercise-measurement', date: fact.date, data: fact.data }]);
    if (!saved) throw new Error('the measurement was not stored');
    return savedView(db, records, row, saved.entry_id);
  });
}

export interface MeasurementsView {
  patient: DiaryPatient;
  items: MeasurementView[];
  therapy: TherapyState;
}

/** Every measurement that stands, the oldest first, each with the core's scores; the period and the next due date. */
export async function measurementsOfPatient(deps: AccessDeps, ask: Ask): Promise<MeasurementsView> {
  return readWithPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'record.read', resource: 'patient/therapy-measurements', patientId: ask.patientId }, async ({ db, row, records }) => {
    const [rows, periods] = await Promise.all([measurementRows(db, records, row.id), records.clinical.currentEntries(db, row.id, { kinds: ['exercise-therapy'] })]);
    const items = viewsOf(person(row), rows);
    return { patient: patientOf(row), items, therapy: stateOf(periods, items) };
  });
}

function stateOf(periods: readonly EntryRow[], items: readonly MeasurementView[]): TherapyState {
  const latest = periods[0];
  const period = latest ? periodView(latest) : null;
  // The latest measurement up to today (a correction cannot date one later, but the list is the record's).
  const today = todayNl();
  const last = items.filter((m) => m.date <= today).at(-1)?.date;
  return { period, nextDue: nextMeasurementDue(last, period?.start) ?? null };
}

async function lockedMeasurement(db: Tx, records: PatientRecords, patientId: string, entryId: string): Promise<EntryRow> {
  const old = await records.clinical.lockCurrentEntry(db, patientId, entryId);
  if (old?.kind !== 'exercise-measurement') throw new AppError('not-found', 'This record has no such measurement.', [{ pointer: '/params/entryId', detail: 'no such measurement in this record' }]);
  if (old.status === 'entered-in-error') throw new AppError('conflict', 'This measurement was marked entered in error; record it anew instead.', [{ pointer: '/params/entryId', detail: 'entered in error' }]);
  return old;
}

/** A correction: the whole measurement as it should have been; the old version stays in the history. */
export async function correctMeasurement(deps: AccessDeps, ask: Ask & { entryId: string }, input: MeasurementCorrection): Promise<MeasurementView> {
  return withPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'therapy.write', resource: 'patient/therapy-measurement/correction', patientId: ask.patientId }, async ({ db, row, records }) => {
    refuseMerged(row);
    const old = await lockedMeasurement(db, records, row.id, ask.entryId);
    const fact = checked('exercise-measurement', input.date, dataOf(input));
    await records.clinical.addVersion(db, old, { ...newEntry(ask.actor, row), date: fact.date, data: fact.data, status: 'active', reason: input.reason });
    return savedView(db, records, row, old.entry_id);
  });
}

/** Marks a measurement entered in error: it no longer counts; nothing is deleted. */
export async function markMeasurementInError(deps: AccessDeps, ask: Ask & { entryId: string }, reason: string): Promise<{ id: string; version: number }> {
  return withPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'therapy.write', resource: 'patient/therapy-measurement/entered-in-error', patientId: ask.patientId }, async ({ db, row, records }) => {
    refuseMerged(row);
    const old = await lockedMeasurement(db, records, row.id, ask.entryId);
    const v = await records.clinical.addVersion(db, old, { ...newEntry(ask.actor, row), date: old.clinical_date, data: old.data as object, status: 'entered-in-error', reason });
    return { id: v.entry_id, version: v.version };
  });
}

/** Records the period of supervised therapy, or corrects the one there is (a new version, history kept). */
export async function setTherapyPeriod(deps: AccessDeps, ask: Ask, input: PeriodInput): Promise<{ view: PeriodView; created: boolean }> {
  return withPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'therapy.write', resource: 'patient/therapy-period', patientId: ask.patientId }, async ({ db, row, records }) => {
    refuseMerged(row);
    const fact = checked('exercise-therapy', input.start, input.end === undefined ? {} : { end: input.end });
    const [current] = await records.clinical.currentEntries(db, row.id, { kinds: ['exercise-therapy'] });
    if (!current) {
      const [saved] = await records.clinical.insertEntries(db, [{ ...newEntry(ask.actor, row), kind: 'exercise-therapy', date: fact.date, data: fact.data }]);
      if (!saved) throw new Error('the period was not stored');
      return { view: periodView(saved), created: true };
    }
    const old = await records.clinical.lockCurrentEntry(db, row.id, current.entry_id);
    if (!old) throw new AppError('conflict', 'The period was changed at the same time; try again.');
    const v = await records.clinical.addVersion(db, old, {
      ...newEntry(ask.actor, row), date: fact.date, data: fact.data, status: 'active', reason: input.reason ?? 'period of supervised therapy changed',
    });
    return { view: periodView(v), created: false };
  });
}

/** The period and the next measurement's due date. */
export async function therapyStateOf(deps: AccessDeps, ask: Ask): Promise<TherapyState> {
  return (await measurementsOfPatient(deps, ask)).therapy;
}
