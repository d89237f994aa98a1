// The pathway's logistics: visits with their parts, the invitation log, notes, calls and tasks, and
// what the day board reads. No authorisation here: services/logistics.ts reaches these rows only
// inside an authorised, audited use case (access.ts), and always for one organisation.
import { sql } from 'kysely';
import type { CommunicationKind, InvitationEvent, VisitKind, VisitPart, VisitStatus } from '../core/worklist/lists.js';
import type { Db, Tx } from './db.js';

const parsed = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);

export interface StoredPart {
  part: VisitPart;
  time: string;
  place: string;
  done: boolean;
}

export interface VisitRow {
  id: string;
  patient_id: string;
  organisation_id: string;
  kind: VisitKind;
  visit_date: string;
  status: VisitStatus;
  parts: StoredPart[];
  report_to: string | null;
  note: string | null;
  created_at: string;
  updated_at: string;
}

const asVisit = (r: Record<string, unknown>): VisitRow => ({ ...(r as unknown as VisitRow), parts: parsed(r['parts']) as StoredPart[] });

export async function visitsOf(db: Db, patientId: string, organisationId: string): Promise<VisitRow[]> {
  const rows = await db.selectFrom('visit').selectAll().where('patient_id', '=', patientId).where('organisation_id', '=', organisationId)
    .orderBy('visit_date', 'desc').orderBy('created_at', 'desc').execute();
  return rows.map((r) => asVisit(r as unknown as Record<string, unknown>));
}

/** The patient's planned visits from `from` up to and including `to`, of every organisation, soonest first. */
export async function plannedVisitsBetween(db: Db, patientId: string, from: string, to: string): Promise<VisitRow[]> {
  const rows = await db.selectFrom('visit').selectAll().where('patient_id', '=', patientId).where('status', '=', 'planned')
    .where('visit_date', '>=', from).where('visit_date', '<=', to).orderBy('visit_date').orderBy('created_at').execute();
  return rows.map((r) => asVisit(r as unknown as Record<string, unknown>));
}

export async function visitById(db: Db, patientId: string, organisationId: string, visitId: string, lock = false): Promise<VisitRow | undefined> {
  let q = db.selectFrom('visit').selectAll().where('id', '=', visitId).where('patient_id', '=', patientId).where('organisation_id', '=', organisationId);
  if (lock) q = q.forUpdate();
  const r = await q.executeTakeFirst();
  return r ? asVisit(r as unknown as Record<string, unknown>) : undefined;
}

export async function insertVisit(
  db: Tx,
  v: { patientId: string; organisationId: string; kind: VisitKind; date: string; parts: StoredPart[]; reportTo: string | null; note: string | null; by: string },
): Promise<VisitRow> {
  const r = await db.insertInto('visit').values({
    patient_id: v.patientId, organisation_id: v.organisationId, kind: v.kind, visit_date: v.date, status: 'planned', parts: JSON.stringify(v.parts),
    report_to: v.reportTo, note: v.note, created_by: v.by, updated_by: v.by,
  }).returningAll().executeTakeFirstOrThrow();
  return asVisit(r as unknown as Record<string, unknown>);
}

export async function updateVisit(
  db: Tx,
  id: string,
  v: { kind: VisitKind; date: string; status: VisitStatus; parts: StoredPart[]; reportTo: string | null; note: string | null; by: string },
): Promise<VisitRow> {
  const r = await db.updateTable('visit').set({
    kind: v.kind, visit_date: v.date, status: v.status, parts: JSON.stringify(v.parts), report_to: v.reportTo, note: v.note, updated_by: v.by, updated_at: sql<string>`now()`,
  }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  return asVisit(r as unknown as Record<string, unknown>);
}

export interface InvitationRow {
  id: string;
  event: InvitationEvent;
  event_date: string;
  visit_id: string | null;
  language: 'nl' | 'en' | null;
  note: string | null;
  recorded_by_name: string | null;
  recorded_at: string;
}

/** The log oldest first, as it happened (same date: in the order recorded). */
export async function invitationsOf(db: Db, patientId: string, organisationId: string): Promise<InvitationRow[]> {
  const rows = await db.selectFrom('invitation_event as e').leftJoin('app_user as u', 'u.id', 'e.recorded_by')
    .select(['e.id', 'e.event', 'e.event_date', 'e.visit_id', 'e.language', 'e.note', 'u.display_name as recorded_by_name', 'e.recorded_at'])
    .where('e.patient_id', '=', patientId).where('e.organisation_id', '=', organisationId)
    .orderBy('e.event_date').orderBy('e.recorded_at').orderBy('e.id').execute();
  return rows as unknown as InvitationRow[];
}

export async function insertInvitation(
  db: Tx,
  e: { patientId: string; organisationId: string; event: InvitationEvent; date: string; visitId: string | null; language: 'nl' | 'en' | null; note: string | null; by: string },
): Promise<string> {
  const r = await db.insertInto('invitation_event').values({
    patient_id: e.patientId, organisation_id: e.organisationId, event: e.event, event_date: e.date, visit_id: e.visitId, language: e.language, note: e.note, recorded_by: e.by,
  }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export interface CommunicationRow {
  id: string;
  kind: CommunicationKind;
  body: string;
  contact_with: string | null;
  due: string | null;
  assignee: string | null;
  assignee_name: string | null;
  created_by_name: string | null;
  created_at: string;
}

export async function communicationsOf(db: Db, patientId: string, organisationId: string): Promise<CommunicationRow[]> {
  const rows = await db.selectFrom('communication as c').leftJoin('app_user as a', 'a.id', 'c.assignee').leftJoin('app_user as b', 'b.id', 'c.created_by')
    .select(['c.id', 'c.kind', 'c.body', 'c.contact_with', 'c.due', 'c.assignee', 'a.display_name as assignee_name', 'b.display_name as created_by_name', 'c.created_at'])
    .where('c.patient_id', '=', patientId).where('c.organisation_id', '=', organisationId)
    .orderBy('c.created_at', 'desc').orderBy('c.id', 'desc').execute();
  return rows as unknown as CommunicationRow[];
}

export async function insertCommunication(
  db: Tx,
  c: { patientId: string; organisationId: string; kind: CommunicationKind; body: string; contactWith: string | null; due: string | null; assignee: string | null; by: string },
): Promise<string> {
  const r = await db.insertInto('communication').values({
    patient_id: c.patientId, organisation_id: c.organisationId, kind: c.kind, body: c.body, contact_with: c.contactWith, due: c.due, assignee: c.assignee, created_by: c.by,
  }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** A user who may carry a task of this organisation: an active nurse or physician of it. */
export async function isCareTeamMember(db: Db, organisationId: string, userId: string): Promise<boolean> {
  const r = await db.selectFrom('app_user').select('id').where('id', '=', userId).where('organisation_id', '=', organisationId)
    .where('role', 'in', ['nurse', 'physician']).where('status', '<>', 'disabled').executeTakeFirst();
  return r !== undefined;
}

export async function userName(db: Db, userId: string): Promise<string | null> {
  const r = await db.selectFrom('app_user').select('display_name').where('id', '=', userId).executeTakeFirst();
  return r?.display_name ?? null;
}

export async function organisationContact(db: Db, organisationId: string): Promise<{ name: string; phone: string | null } | undefined> {
  return db.selectFrom('organisation').select(['name', 'phone']).where('id', '=', organisationId).executeTakeFirst();
}

export interface BoardVisitRow extends VisitRow {
  birth_date: string;
  given_name: string;
  family_name: string;
  family_name_prefix: string | null;
  /** The kinds of result the record holds, dated that day (dxa, vfa, labs). */
  results: string[];
}

/**
 * The organisation's visits on one date (cancelled ones left out), each with the patient's name
 * and the kinds of result recorded that day: one statement, ordered by the first part's time.
 */
export async function visitsOnDate(db: Db, organisationId: string, date: string): Promise<BoardVisitRow[]> {
  const r = await sql<Record<string, unknown>>`
    select v.*, p.birth_date, p.given_name, p.family_name, p.family_name_prefix,
      coalesce((select array_agg(distinct e.kind order by e.kind) from clinical_entry e
        where e.patient_id = v.patient_id and e.current and e.status = 'active' and e.clinical_date = v.visit_date and e.kind in ('dxa', 'vfa', 'labs')), '{}') as results,
      (select min(x->>'time') from jsonb_array_elements(v.parts) x) as first_time
    from visit v join patient p on p.id = v.patient_id
    where v.organisation_id = ${organisationId} and v.visit_date = ${date} and v.status <> 'cancelled' and p.merged_into is null
    order by first_time nulls last, p.sort_key, v.id`.execute(db);
  return r.rows.map((row) => ({ ...asVisit(row), birth_date: row['birth_date'] as string, given_name: row['given_name'] as string, family_name: row['family_name'] as string,
    family_name_prefix: row['family_name_prefix'] as string | null, results: (row['results'] as string[] | null) ?? [] }));
}

/** The organisation's active nurses and physicians, by name: who a task can go to. */
export async function careTeamOf(db: Db, organisationId: string): Promise<{ id: string; display_name: string; role: string }[]> {
  return db.selectFrom('app_user').select(['id', 'display_name', 'role']).where('organisation_id', '=', organisationId)
    .where('role', 'in', ['nurse', 'physician']).where('status', '=', 'active').orderBy('display_name').orderBy('id').execute();
}
