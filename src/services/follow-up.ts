// Follow-up after the start of treatment (clinical-rules.md §8): a contact is recorded with what was
// asked, and every new fracture it brings to light becomes a fracture entry of its own in the same
// transaction, so the core reads it at once (a fracture a year or more into treatment is a reason
// to involve a specialist). The page shows the core's schedule, the FLS timing and the contacts.
import { nextMeasurementOf } from './measure-due.js';
import type { Case } from '../core/case.schema.js';
import { evaluate } from '../core/evaluate.js';
import type { EntryData } from '../core/record/entries.js';
import { treatmentStart } from '../core/follow-up/index.js';
import { RULES } from '../core/registry.js';
import { compareDates } from '../core/time/date.js';
import { todayNl } from '../schema/clock.js';
import type { ContactInput, ContactRecorded, ContactView, FollowUpView } from '../schema/follow-up.schema.js';
import { AppError } from '../schema/problem.js';
import { readWithPatient, withPatient, type AccessDeps, type EntryRow } from './access.js';
import { settingsForOrganisation } from './org-settings.js';
import { caseOn, checkFacts, refuseClosed, type Ask, type Lang } from './record.js';
import type { Db } from '../store/db.js';
import type { Evaluation } from '../core/evaluate.js';

type ContactData = EntryData['contact'];

const FOLLOW_UP_RULES = new Set(['follow-up.schedule', 'follow-up.fls-timing', 'handover.gp', 'treatment.specialist', 'medication.next-dose', 'medication.review-due',
  // The next measurement of exercise therapy (§13): the hospital's nurses see it with the follow-up.
  'measure.due']);

/** The follow-up conclusions of the core on `asOf`, with the clinician's organisation's settings. */
export async function followUpEvaluation(db: Db, c: Case, organisationId: string | null, lang: Lang = 'nl'): Promise<Evaluation> {
  const settings = await settingsForOrganisation(db, organisationId);
  return evaluate(c, settings, lang, RULES.filter((r) => FOLLOW_UP_RULES.has(r.id)));
}

export function contactView(r: EntryRow): ContactView {
  const d = r.data as ContactData;
  return {
    id: r.entry_id, date: r.clinical_date, kind: d.kind, adherence: d.adherence ?? null, sideEffects: d.sideEffects ?? null,
    newFractures: d.newFractures ?? 0, fallsSince: d.fallsSince ?? null, note: d.note ?? null, recordedBy: r.recorded_by_name, recordedAt: r.recorded_at,
  };
}

/** Re-points a refusal of one checked fact to where the sender put it (`/newFractures/1/site`). */
function under<T>(prefix: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof AppError) throw new AppError(e.code, e.message, e.errors.map((x) => ({ ...x, pointer: `${prefix}${x.pointer}` })), e.extra ? { extra: { ...e.extra } } : {});
    throw e;
  }
}

/** Records a contact and its new fractures, all or nothing. */
export async function recordContact(deps: AccessDeps, ask: Ask, input: ContactInput): Promise<ContactRecorded> {
  const fractures = input.newFractures ?? [];
  const late = fractures.flatMap((f, i) => (compareDates(f.date, input.date) > 0 ? [{ pointer: `/newFractures/${String(i)}/date`, detail: `lies after the contact (${input.date})` }] : []));
  if (late.length > 0) throw new AppError('invalid-input', 'A fracture found at a contact took place before it.', late);
  const data: ContactData = {
    kind: input.kind,
    ...(input.adherence !== undefined ? { adherence: input.adherence } : {}),
    ...(input.sideEffects !== undefined ? { sideEffects: input.sideEffects } : {}),
    ...(fractures.length > 0 ? { newFractures: fractures.length } : {}),
    ...(input.fallsSince !== undefined ? { fallsSince: input.fallsSince } : {}),
    ...(input.note !== undefined ? { note: input.note } : {}),
  };
  const [contact] = checkFacts([{ kind: 'contact', date: input.date, data }], { flat: true, indexed: false });
  if (!contact) throw new Error('a checked contact went missing');
  const found = fractures.map((f, i) => {
    const [fact] = under(`/newFractures/${String(i)}`, () =>
      checkFacts([{ kind: 'fracture', date: f.date, data: { site: f.site, ...(f.side !== undefined ? { side: f.side } : {}) } }], { flat: true, indexed: false }));
    if (!fact) throw new Error('a checked fracture went missing');
    return fact;
  });
  return withPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'record.write', resource: 'patient/follow-up/contact', patientId: ask.patientId }, async ({ db, row, records }) => {
    await refuseClosed(db, records, row);
    const rows = await records.clinical.insertEntries(
      db,
      [contact, ...found].map((e) => ({ patientId: row.id, kind: e.kind, date: e.date, data: e.data, source: 'clinician' as const, by: ask.actor.userId, organisationId: ask.actor.organisationId })),
    );
    const [saved, ...fx] = rows;
    if (!saved) throw new Error('a stored contact went missing');
    return { contact: contactView(saved), fractureIds: fx.map((r) => r.entry_id) };
  });
}

interface ScheduleValue { items: FollowUpView['schedule'] }
interface FlsValue { indexFracture: string; items: NonNullable<FollowUpView['fls']>['items'] }

/** The follow-up of a patient as the core sees it today, with the contacts recorded (newest first). */
export async function followUp(deps: AccessDeps, ask: Ask): Promise<FollowUpView> {
  const today = todayNl();
  return readWithPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'record.read', resource: 'patient/follow-up', patientId: ask.patientId }, async ({ db, row, records }) => {
    const [c, rows] = await Promise.all([caseOn(db, records, row, today), records.clinical.currentEntries(db, row.id, { kinds: ['contact'] })]);
    const ev = await followUpEvaluation(db, c, ask.actor.organisationId);
    const value = (code: string): unknown => ev.conclusions.find((k) => k.code === code)?.value ?? null;
    const schedule = value('follow-up.schedule') as ScheduleValue | null;
    const fls = value('follow-up.fls-timing') as FlsValue | null;
    const handover = value('handover.gp') as { eligible: boolean; reasons: string[] } | null;
    const specialist = value('treatment.specialist') as { reasons: string[] } | null;
    return {
      treatmentStart: treatmentStart(c) ?? null,
      schedule: schedule?.items ?? [],
      fls: fls ? { indexFracture: fls.indexFracture, items: fls.items } : null,
      handover,
      specialist: specialist?.reasons ?? [],
      measurement: nextMeasurementOf(c, ev.conclusions),
      contacts: rows.filter((r) => r.status === 'active').map(contactView).sort((a, b) => compareDates(b.date, a.date)),
    };
  });
}
