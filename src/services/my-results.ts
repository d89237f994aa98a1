// "My results" on the patient's side: the DXA, VFA and lab results the patient (or a caregiver for
// them) may see, with what the core says they mean for this person. A result is shown once a
// clinician signed the assessment off after it was entered, or a number of days after it was
// entered (the organisation's `resultsReleaseDays`), whichever comes first: the clinic can explain
// a result before the patient reads it alone, and nobody waits for ever. What the core concludes
// is worked out from the facts the patient may see only, so no hidden result leaks through its words.
import type { Case } from '../core/case.schema.js';
import { evaluate, type Evaluation } from '../core/evaluate.js';
import type { RecordEntry } from '../core/record/entries.js';
import type { EntryKind } from '../core/record/lists.js';
import { projectCase } from '../core/record/projection.js';
import type { Conclusion } from '../core/rule.js';
import { addDays, compareDates, type IsoDate } from '../core/time/date.js';
import { dayInNl, todayNl } from '../schema/clock.js';
import { readWithPatient, type AccessDeps, type EntryRow, type PatientRecords, type PatientRow } from './access.js';
import type { Settings } from '../core/settings.js';
import { logForCase } from '../store/loading.repo.js';
import type { Db } from '../store/db.js';
import { settingsForOrganisation } from './settings.js';
import type { Ask, Lang } from './record.js';

/** The kinds of fact that are results: what the diagnostic day measured. */
export const RESULT_KINDS = ['dxa', 'vfa', 'labs'] as const satisfies readonly EntryKind[];
type ResultKind = (typeof RESULT_KINDS)[number];

/** The core's conclusions a patient reads beside the results, in this order. */
export const RESULT_RULES = ['bmd.category', 'vfa.vertebral-fractures', 'lab.vitamin-d', 'lab.osteomalacia-suspected', 'secondary-cause.suspected'] as const;

/**
 * The day a result becomes visible to the patient: the day of the first sign-off at or after the
 * moment it was entered, or `delayDays` after the day it was entered, whichever is earlier.
 * Instants are compared as instants; days are Dutch calendar days.
 */
export function visibleFrom(enteredAt: string, signedAt: readonly string[], delayDays: number): IsoDate {
  const entered = Date.parse(enteredAt);
  const byDelay = addDays(dayInNl(entered), delayDays);
  let bySignOff: IsoDate | undefined;
  for (const s of signedAt) {
    const t = Date.parse(s);
    if (t < entered) continue;
    const day = dayInNl(t);
    if (bySignOff === undefined || compareDates(day, bySignOff) < 0) bySignOff = day;
  }
  return bySignOff !== undefined && compareDates(bySignOff, byDelay) < 0 ? bySignOff : byDelay;
}

export interface MyResultsPatient {
  id: string;
  givenName: string;
  familyName: string;
  familyNamePrefix: string | null;
}

export interface MyResults {
  patient: MyResultsPatient;
  /** The Case of what the patient may see (results held back are left out). */
  case: Case;
  /** The core's conclusions about these results, with their patient explanations. */
  conclusions: Conclusion[];
  /** Results entered but not shown yet, and the first day one of them will be. */
  waiting: { count: number; from: IsoDate } | null;
  /** Whether any result is shown at all. */
  any: boolean;
}

/** What the patient's side may see of the record today: the Case without results held back. */
export interface VisibleRecord {
  /** The Case of what the patient may see (results held back are left out). */
  case: Case;
  /** The record's standing entries (every kind, results held back among them), newest first. */
  entries: EntryRow[];
  /** The first day each held-back result will be shown. */
  held: IsoDate[];
  /** The settings of the patient's hospital. */
  settings: Settings;
  /** The organisation caring for the patient, if any. */
  careOrganisation: string | null;
}

/**
 * The record as the patient's side sees it on `today`: every page there works from this Case, so a
 * result held back never shows through what the core concludes from it (a calcium target, a
 * vitamin D dose).
 */
export async function visibleRecord(db: Db, records: PatientRecords, row: PatientRow, today: IsoDate): Promise<VisibleRecord> {
  const [entries, assessments, careOrganisation, loading] = await Promise.all([
    records.clinical.currentEntries(db, row.id),
    records.clinical.assessmentsOf(db, row.id),
    // The patient's hospital decides the delay; an account of a patient has no organisation of its own.
    records.patientOrganisations(db, [row.id]).then((orgs) => orgs.find((o) => o.relation === 'care')?.organisation_id ?? null),
    // A child's loading log is no result to hold back: parents and staff wrote it themselves.
    logForCase(db, [row.id], today),
  ]);
  const settings = await settingsForOrganisation(db, careOrganisation);
  const signed = assessments.map((a) => a.signed_at);
  const isResult = (e: EntryRow): e is EntryRow & { kind: ResultKind } => (RESULT_KINDS as readonly string[]).includes(e.kind);
  const held: IsoDate[] = [];
  const shown: RecordEntry[] = [];
  for (const e of entries) {
    if (e.status !== 'active' || compareDates(e.clinical_date, today) > 0) continue;
    if (isResult(e)) {
      const from = visibleFrom(e.recorded_at, signed, settings.resultsReleaseDays);
      if (compareDates(from, today) > 0) {
        held.push(from);
        continue;
      }
    }
    shown.push({ kind: e.kind, date: e.clinical_date, data: e.data, source: e.source } as RecordEntry);
  }
  // The store lists newest first; the projection reads facts in the order they were recorded.
  shown.reverse();
  return { case: projectCase({ birthDate: row.birth_date, sex: row.sex }, shown, today, loading.get(row.id) ?? []), entries, held, settings, careOrganisation };
}

/** The results the patient may see today, read as one audited look at the record. */
export async function myResults(deps: AccessDeps, ask: Ask & { lang: Lang }): Promise<MyResults> {
  const today = todayNl();
  return readWithPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'record.read', resource: 'patient/results', patientId: ask.patientId }, async ({ db, row, records }) => {
    const { case: c, held, settings } = await visibleRecord(db, records, row, today);
    const ev: Evaluation = evaluate(c, settings, ask.lang);
    const conclusions = RESULT_RULES.flatMap((id) => ev.conclusions.filter((x) => x.ruleId === id));
    const any = (c.dxa?.length ?? 0) > 0 || c.vfa !== undefined || (c.labs?.length ?? 0) > 0;
    return {
      patient: { id: row.id, givenName: row.given_name, familyName: row.family_name, familyNamePrefix: row.family_name_prefix },
      case: c,
      conclusions,
      waiting: held.length === 0 ? null : { count: held.length, from: held.reduce((a, b) => (compareDates(a, b) <= 0 ? a : b)) },
      any,
    };
  });
}
