// The pathway's logistics as use cases: visits and their parts, the invitation log and the
// invitation letter, notes, phone calls and tasks, and the day board. Each one about a patient goes
// through access.ts (`record.write` / `record.read`): authorised by the core, audited, and, for a
// write, the patient's worklist re-derived in the same transaction. The logistics belong to the
// asking clinician's organisation: a hospital sees and keeps its own visits, log and notes.
import type { Actor } from '../core/access/index.js';
import { fullName } from '../core/names.js';
import {
  EVENING_STARTS, IMAGING_PARTS, type CommunicationKind, type InvitationEvent, type VisitKind, type VisitPart, type VisitStatus,
} from '../core/worklist/lists.js';
import { todayNl } from '../schema/clock.js';
import { AppError } from '../schema/problem.js';
import * as repo from '../store/logistics.repo.js';
import type { StoredPart } from '../store/logistics.repo.js';
import { insertManualItem } from '../store/worklist.repo.js';
import { inTransaction } from '../store/db.js';
import { decideListed, readWithPatient, withPatient, type AccessDeps, type RequestMeta } from './access.js';
import { invitationLetterPdf } from './letters.js';
import { WORKLIST_ROLES } from './worklist.js';

export interface Ask {
  actor: Actor;
  meta: RequestMeta;
  patientId: string;
}

export interface VisitPartView {
  part: VisitPart;
  time: string;
  place: string;
  done: boolean;
}

export interface VisitView {
  id: string;
  kind: VisitKind;
  date: string;
  status: VisitStatus;
  parts: VisitPartView[];
  reportTo: string | null;
  note: string | null;
}

export interface InvitationView {
  id: string;
  event: InvitationEvent;
  date: string;
  visitId: string | null;
  language: 'nl' | 'en' | null;
  note: string | null;
  recordedBy: string | null;
  recordedAt: string;
}

export interface CommunicationView {
  id: string;
  kind: CommunicationKind;
  body: string;
  contactWith: string | null;
  due: string | null;
  assignee: string | null;
  assigneeName: string | null;
  createdBy: string | null;
  createdAt: string;
}

export interface PartIn {
  part: VisitPart;
  time: string;
  place: string;
  done?: boolean | undefined;
}

export interface VisitIn {
  kind: VisitKind;
  date: string;
  parts: PartIn[];
  reportTo?: string | undefined;
  note?: string | undefined;
}

export interface VisitChange {
  status?: VisitStatus | undefined;
  date?: string | undefined;
  kind?: VisitKind | undefined;
  /** The parts as they should stand (replacing them). */
  parts?: PartIn[] | undefined;
  /** Parts marked done, by name. */
  done?: VisitPart[] | undefined;
  reportTo?: string | null | undefined;
  note?: string | null | undefined;
}

export interface InvitationIn {
  event: InvitationEvent;
  date: string;
  visitId?: string | undefined;
  note?: string | undefined;
}

export interface CommunicationIn {
  kind: CommunicationKind;
  body: string;
  contactWith?: string | undefined;
  due?: string | undefined;
  assignee?: string | undefined;
}

const visitView = (r: repo.VisitRow): VisitView => ({
  id: r.id, kind: r.kind, date: r.visit_date, status: r.status, parts: r.parts.map((p) => ({ part: p.part, time: p.time, place: p.place, done: p.done })),
  reportTo: r.report_to, note: r.note,
});

const invitationView = (r: repo.InvitationRow): InvitationView => ({
  id: r.id, event: r.event, date: r.event_date, visitId: r.visit_id, language: r.language, note: r.note, recordedBy: r.recorded_by_name, recordedAt: r.recorded_at,
});

const communicationView = (r: repo.CommunicationRow): CommunicationView => ({
  id: r.id, kind: r.kind, body: r.body, contactWith: r.contact_with, due: r.due, assignee: r.assignee, assigneeName: r.assignee_name, createdBy: r.created_by_name, createdAt: r.created_at,
});

/**
 * The logistics are the clinic's own work list: kept by its nurses and physicians. Anyone else is
 * refused before the record is opened, and the refusal is audited like any other.
 */
async function careTeam(deps: AccessDeps, actor: Actor, meta: RequestMeta, resource: string, patientId: string | null): Promise<string> {
  if (WORKLIST_ROLES.includes(actor.role) && actor.organisationId !== null) return actor.organisationId;
  await deps.auditor.refused(deps.db, { actor, meta, action: patientId === null ? 'patient.list' : 'record.read', resource, patientId, reason: 'the pathway\'s logistics are for the nurses and physicians of an organisation' });
  throw new AppError('forbidden', 'The pathway\'s logistics are for the nurses and physicians of an organisation.');
}

/** A merged record takes nothing new: its logistics belong to the record it was merged into. */
function refuseMerged(row: { merged_into: string | null }): void {
  if (row.merged_into) throw new AppError('conflict', 'This record was merged into another one; plan there.', [{ pointer: '/params/id', detail: 'is a merged record' }]);
}

/**
 * The evening clinic has no scanner staff: a DXA or VFA that day lies in the daytime, before
 * EVENING_STARTS, and the consultation at or after it. `base` is where the parts were sent.
 */
export function partProblems(kind: VisitKind, parts: readonly PartIn[], base = '/parts'): { pointer: string; detail: string }[] {
  const out: { pointer: string; detail: string }[] = [];
  const seen = new Set<VisitPart>();
  parts.forEach((p, i) => {
    if (seen.has(p.part)) out.push({ pointer: `${base}/${String(i)}/part`, detail: `${p.part} is planned twice on this visit` });
    seen.add(p.part);
    if (kind !== 'evening-clinic') return;
    if (IMAGING_PARTS.includes(p.part) && p.time >= EVENING_STARTS) {
      out.push({ pointer: `${base}/${String(i)}/time`, detail: `no imaging at the evening clinic: a ${p.part.toUpperCase()} that day is planned in the daytime, before ${EVENING_STARTS}` });
    }
    if (p.part === 'consultation' && p.time < EVENING_STARTS) {
      out.push({ pointer: `${base}/${String(i)}/time`, detail: `the evening clinic's consultation starts at ${EVENING_STARTS} or later` });
    }
  });
  return out;
}

function checkParts(kind: VisitKind, parts: readonly PartIn[], base = '/parts'): void {
  const problems = partProblems(kind, parts, base);
  if (problems.length > 0) {
    throw new AppError('invalid-input', kind === 'evening-clinic'
      ? `The evening clinic has no imaging: a DXA that day is planned in the daytime, before ${EVENING_STARTS}; the consultation is at ${EVENING_STARTS} or later.`
      : 'A part of the visit is planned twice.', problems);
  }
}

const stored = (parts: readonly PartIn[]): StoredPart[] => parts.map((p) => ({ part: p.part, time: p.time, place: p.place, done: p.done ?? false }));

// ---- Visits ---------------------------------------------------------------------------------

export async function listVisits(deps: AccessDeps, ask: Ask): Promise<VisitView[]> {
  const org = await careTeam(deps, ask.actor, ask.meta, 'patient/visits', ask.patientId);
  return readWithPatient(deps, { ...ask, action: 'record.read', resource: 'patient/visits' }, async ({ db, row }) => (await repo.visitsOf(db, row.id, org)).map(visitView));
}

export async function planVisit(deps: AccessDeps, ask: Ask, v: VisitIn): Promise<VisitView> {
  const org = await careTeam(deps, ask.actor, ask.meta, 'patient/visits', ask.patientId);
  if (v.date < todayNl()) throw new AppError('invalid-input', 'A visit is planned for today or a later day.', [{ pointer: '/date', detail: 'lies in the past' }]);
  checkParts(v.kind, v.parts);
  return withPatient(deps, { ...ask, action: 'record.write', resource: 'patient/visits' }, async ({ db, row }) => {
    refuseMerged(row);
    const saved = await repo.insertVisit(db, { patientId: row.id, organisationId: org, kind: v.kind, date: v.date, parts: stored(v.parts), reportTo: v.reportTo ?? null, note: v.note ?? null, by: ask.actor.userId });
    return visitView(saved);
  });
}

const NOT_FOUND_VISIT = () => new AppError('not-found', 'This record has no such visit.', [{ pointer: '/params/visitId', detail: 'no such visit in this record' }]);

/**
 * A change to a visit: its status (attended and did-not-attend are also written in the invitation
 * log, dated the visit's day), parts done, new times or places, another date. All or nothing.
 */
export async function changeVisit(deps: AccessDeps, ask: Ask & { visitId: string }, c: VisitChange): Promise<VisitView> {
  const org = await careTeam(deps, ask.actor, ask.meta, 'patient/visits', ask.patientId);
  return withPatient(deps, { ...ask, action: 'record.write', resource: 'patient/visits' }, async ({ db, row }) => {
    refuseMerged(row);
    const old = await repo.visitById(db, row.id, org, ask.visitId, true);
    if (!old) throw NOT_FOUND_VISIT();
    const today = todayNl();
    const kind = c.kind ?? old.kind;
    const date = c.date ?? old.visit_date;
    const status = c.status ?? old.status;
    if (c.date !== undefined && c.date !== old.visit_date && c.date < today) {
      throw new AppError('invalid-input', 'A visit is moved to today or a later day.', [{ pointer: '/date', detail: 'lies in the past' }]);
    }
    const parts = c.parts ? stored(c.parts) : old.parts.map((p) => ({ ...p }));
    if (c.parts) checkParts(kind, parts);
    else if (c.kind && partProblems(kind, parts).length > 0) {
      // The parts stand as planned; it is the new kind they do not fit.
      throw new AppError('invalid-input', `The evening clinic has no imaging: a DXA that day is planned in the daytime, before ${EVENING_STARTS}; change the parts' times with the kind.`, [{ pointer: '/kind', detail: `the planned parts do not fit an ${kind} visit` }]);
    }
    for (const [i, name] of (c.done ?? []).entries()) {
      const p = parts.find((x) => x.part === name);
      if (!p) throw new AppError('invalid-input', 'That part is not planned on this visit.', [{ pointer: `/done/${String(i)}`, detail: `${name} is not a part of this visit` }]);
      p.done = true;
    }
    if ((status === 'attended' || status === 'did-not-attend') && date > today) {
      throw new AppError('invalid-input', 'Attendance is recorded on or after the day of the visit.', [{ pointer: '/status', detail: `the visit is on ${date}, after today` }]);
    }
    if (c.done && c.done.length > 0 && (date > today || status === 'cancelled' || status === 'did-not-attend')) {
      throw new AppError('invalid-input', 'A part is done on the day of a visit that takes place.', [{ pointer: '/done', detail: date > today ? `the visit is on ${date}, after today` : `the visit is ${status}` }]);
    }
    // A part done means the patient came: the visit counts as attended unless said otherwise.
    const finalStatus = c.status === undefined && c.done && c.done.length > 0 && status === 'planned' ? 'attended' : status;
    if (c.status === 'planned' && old.status !== 'planned' && old.status !== 'cancelled') {
      throw new AppError('conflict', `This visit is already marked ${old.status}; plan a new visit instead.`, [{ pointer: '/status', detail: `already ${old.status}` }]);
    }
    const saved = await repo.updateVisit(db, old.id, {
      kind, date, status: finalStatus, parts,
      reportTo: c.reportTo === undefined ? old.report_to : c.reportTo, note: c.note === undefined ? old.note : c.note, by: ask.actor.userId,
    });
    if (finalStatus !== old.status && (finalStatus === 'attended' || finalStatus === 'did-not-attend')) {
      await repo.insertInvitation(db, { patientId: row.id, organisationId: org, event: finalStatus, date, visitId: old.id, language: null, note: null, by: ask.actor.userId });
    }
    return visitView(saved);
  });
}

// ---- The invitation log -----------------------------------------------------------------------

/** An invitation is open from `invited`/`re-invited` until a later did-not-attend or decline. */
function openInvitation(log: readonly repo.InvitationRow[]): boolean {
  let open = false;
  for (const e of log) {
    if (e.event === 'invited' || e.event === 're-invited') open = true;
    else if (e.event === 'did-not-attend' || e.event === 'declined') open = false;
  }
  return open;
}

export async function listInvitations(deps: AccessDeps, ask: Ask): Promise<InvitationView[]> {
  const org = await careTeam(deps, ask.actor, ask.meta, 'patient/invitations', ask.patientId);
  return readWithPatient(deps, { ...ask, action: 'record.read', resource: 'patient/invitations' }, async ({ db, row }) => (await repo.invitationsOf(db, row.id, org)).map(invitationView));
}

async function logInvitation(db: Parameters<typeof repo.insertInvitation>[0], org: string, patientId: string, actor: Actor, e: InvitationIn & { language?: 'nl' | 'en' }): Promise<InvitationView> {
  if (e.visitId !== undefined && !(await repo.visitById(db, patientId, org, e.visitId))) {
    throw new AppError('invalid-input', 'This record has no such visit.', [{ pointer: '/visitId', detail: 'no such visit in this record' }]);
  }
  const log = await repo.invitationsOf(db, patientId, org);
  if (e.event === 'invited' && openInvitation(log)) {
    throw new AppError('conflict', 'This patient already has an open invitation; record it as re-invited.', [{ pointer: '/event', detail: 'already invited; use re-invited' }]);
  }
  const id = await repo.insertInvitation(db, { patientId, organisationId: org, event: e.event, date: e.date, visitId: e.visitId ?? null, language: e.language ?? null, note: e.note ?? null, by: actor.userId });
  const all = await repo.invitationsOf(db, patientId, org);
  const made = all.find((x) => x.id === id);
  if (!made) throw new Error('an invitation event went missing');
  return invitationView(made);
}

export async function recordInvitation(deps: AccessDeps, ask: Ask, e: InvitationIn): Promise<InvitationView> {
  const org = await careTeam(deps, ask.actor, ask.meta, 'patient/invitations', ask.patientId);
  if (e.date > todayNl()) throw new AppError('invalid-input', 'The log holds what happened: today or an earlier day.', [{ pointer: '/date', detail: 'lies in the future' }]);
  return withPatient(deps, { ...ask, action: 'record.write', resource: 'patient/invitations' }, async ({ db, row }) => {
    refuseMerged(row);
    return logInvitation(db, org, row.id, ask.actor, e);
  });
}

export interface IssuedLetter {
  pdf: Buffer;
  event: InvitationView;
  language: 'nl' | 'en';
}

/**
 * The invitation letter for the diagnostic day, in the patient's language on record, with the
 * visit's parts when a visit is given (else the next planned one; none: the clinic will phone).
 * Issuing it logs `invited` (`re-invited` after an earlier invitation) in the same transaction:
 * the letter and its log entry exist together or not at all.
 */
export async function issueInvitationLetter(deps: AccessDeps, ask: Ask & { visitId?: string | undefined; helpPhone: string }): Promise<IssuedLetter> {
  const org = await careTeam(deps, ask.actor, ask.meta, 'patient/invitations/letter', ask.patientId);
  return withPatient(deps, { ...ask, action: 'record.write', resource: 'patient/invitations/letter' }, async ({ db, row }) => {
    refuseMerged(row);
    const today = todayNl();
    const visits = await repo.visitsOf(db, row.id, org);
    let visit: repo.VisitRow | undefined;
    if (ask.visitId !== undefined) {
      visit = visits.find((v) => v.id === ask.visitId);
      if (!visit) throw new AppError('invalid-input', 'This record has no such visit.', [{ pointer: '/visitId', detail: 'no such visit in this record' }]);
      if (visit.status !== 'planned' || visit.visit_date < today) throw new AppError('invalid-input', 'An invitation is for a planned visit to come.', [{ pointer: '/visitId', detail: `the visit is ${visit.status} on ${visit.visit_date}` }]);
    } else {
      visit = visits.filter((v) => v.status === 'planned' && v.visit_date >= today).sort((a, b) => a.visit_date.localeCompare(b.visit_date))[0];
    }
    const log = await repo.invitationsOf(db, row.id, org);
    const invitedBefore = log.some((e) => e.event === 'invited' || e.event === 're-invited');
    const language = row.language;
    const event = await logInvitation(db, org, row.id, ask.actor, { event: invitedBefore ? 're-invited' : 'invited', date: today, visitId: visit?.id, language });
    const [contact, writer] = await Promise.all([repo.organisationContact(db, org), repo.userName(db, ask.actor.userId)]);
    const pdf = await invitationLetterPdf({
      lang: language,
      organisationName: contact?.name ?? 'Botpad',
      phone: contact?.phone ?? ask.helpPhone,
      patientName: fullName({ givenName: row.given_name, familyNamePrefix: row.family_name_prefix, familyName: row.family_name }),
      birthDate: row.birth_date,
      letterDate: today,
      writtenBy: writer ?? '',
      visit: visit ? { kind: visit.kind, date: visit.visit_date, parts: visit.parts, reportTo: visit.report_to } : null,
    });
    return { pdf, event, language };
  });
}

// ---- Notes, phone calls and tasks -------------------------------------------------------------

export async function listCommunications(deps: AccessDeps, ask: Ask): Promise<CommunicationView[]> {
  const org = await careTeam(deps, ask.actor, ask.meta, 'patient/communications', ask.patientId);
  return readWithPatient(deps, { ...ask, action: 'record.read', resource: 'patient/communications' }, async ({ db, row }) => (await repo.communicationsOf(db, row.id, org)).map(communicationView));
}

/**
 * A note, a phone call (with whom, what was agreed) or a task (what, by when, who): a task is also
 * an item on the organisation's worklist under its due date and assignee, closed with `done`.
 */
export async function addCommunication(deps: AccessDeps, ask: Ask, c: CommunicationIn): Promise<CommunicationView & { itemId: string | null }> {
  const org = await careTeam(deps, ask.actor, ask.meta, 'patient/communications', ask.patientId);
  const problems: { pointer: string; detail: string }[] = [];
  if (c.kind === 'task') {
    if (c.due === undefined) problems.push({ pointer: '/due', detail: 'a task needs a due date' });
    else if (c.due < todayNl()) problems.push({ pointer: '/due', detail: 'lies in the past' });
  } else {
    if (c.due !== undefined) problems.push({ pointer: '/due', detail: 'only a task has a due date' });
    if (c.assignee !== undefined) problems.push({ pointer: '/assignee', detail: 'only a task has an assignee' });
  }
  if (c.kind !== 'phone-call' && c.contactWith !== undefined) problems.push({ pointer: '/contactWith', detail: 'only a phone call has someone it was with' });
  if (problems.length > 0) throw new AppError('invalid-input', 'The note does not fit its kind.', problems);
  return withPatient(deps, { ...ask, action: 'record.write', resource: `patient/communications/${c.kind}` }, async ({ db, row }) => {
    refuseMerged(row);
    if (c.assignee !== undefined && !(await repo.isCareTeamMember(db, org, c.assignee))) {
      throw new AppError('invalid-input', 'A task goes to a nurse or physician of your organisation.', [{ pointer: '/assignee', detail: 'is not a nurse or physician of your organisation' }]);
    }
    const id = await repo.insertCommunication(db, {
      patientId: row.id, organisationId: org, kind: c.kind, body: c.body, contactWith: c.contactWith ?? null, due: c.due ?? null, assignee: c.assignee ?? null, by: ask.actor.userId,
    });
    let itemId: string | null = null;
    if (c.kind === 'task' && c.due !== undefined) {
      const item = await insertManualItem(db, {
        organisationId: org, patientId: row.id, key: `task:${id}`, step: 'task', due: c.due, priority: 'normal', reasons: [], source: 'task', title: c.body, assignee: c.assignee ?? null,
      });
      itemId = item.item_id;
    }
    const made = (await repo.communicationsOf(db, row.id, org)).find((x) => x.id === id);
    if (!made) throw new Error('a communication went missing');
    return { ...communicationView(made), itemId };
  });
}

// ---- The day board ----------------------------------------------------------------------------

export type ResultKind = 'dxa' | 'vfa' | 'labs';

export interface BoardPart extends VisitPartView {
  /** For dxa, vfa and labs: whether the record holds that result dated the visit's day; the consultation: done. */
  resultIn: boolean;
}

export interface BoardRow {
  patientId: string;
  name: string;
  birthDate: string;
  visitId: string;
  kind: VisitKind;
  status: VisitStatus;
  reportTo: string | null;
  parts: BoardPart[];
  /** The parts whose result is not in yet: the results still to give that day. */
  missing: VisitPart[];
}

/** Which parts of a visit still lack their result: a scan or lab result dated that day, the consultation done. */
export function missingResults(parts: readonly StoredPart[], results: readonly string[]): { parts: BoardPart[]; missing: VisitPart[] } {
  const withResult = parts.map((p) => ({ ...p, resultIn: p.part === 'consultation' ? p.done : results.includes(p.part) }));
  return { parts: withResult, missing: withResult.filter((p) => !p.resultIn).map((p) => p.part) };
}

/**
 * A date's visits of the organisation, per patient each part and which results are still missing,
 * so they can be given that day. Every patient on it is decided by the core and audited as listed.
 */
export async function dayBoard(deps: AccessDeps, actor: Actor, meta: RequestMeta, date?: string): Promise<{ date: string; rows: BoardRow[] }> {
  const org = await careTeam(deps, actor, meta, 'dayboard', null);
  const on = date ?? todayNl();
  return inTransaction(deps.db, async (trx) => {
    const visits = await repo.visitsOnDate(trx, org, on);
    const shown = await decideListed(deps, trx, { actor, meta, resource: 'dayboard' }, visits.map((v) => ({ id: v.patient_id, birth_date: v.birth_date })));
    const rows = visits.filter((v) => shown.has(v.patient_id)).map((v): BoardRow => {
      const m = missingResults(v.parts, v.results);
      return {
        patientId: v.patient_id, name: fullName({ givenName: v.given_name, familyNamePrefix: v.family_name_prefix, familyName: v.family_name }), birthDate: v.birth_date,
        visitId: v.id, kind: v.kind, status: v.status, reportTo: v.report_to, parts: m.parts, missing: m.missing,
      };
    });
    return { date: on, rows };
  });
}

/** Who a task can go to: the active nurses and physicians of the asking clinician's organisation (no patient data). */
export async function taskAssignees(deps: AccessDeps, actor: Actor, meta: RequestMeta): Promise<{ id: string; name: string }[]> {
  const org = await careTeam(deps, actor, meta, 'care-team', null);
  return (await repo.careTeamOf(deps.db, org)).map((u) => ({ id: u.id, name: u.display_name }));
}
