// Reports to the clinic: a new fracture, a fall or a side effect, sent by the patient or a caregiver
// acting for them (`report.write`). In the same transaction the report becomes an alert on the
// worklist of every hospital caring for the patient (an item people open and close, which the
// re-derivation leaves alone), and a fracture also becomes a `fracture` entry of the record with the
// patient as its source: the core reads it at once (the worklist is re-derived after the work, as
// for every write of the record), and a clinician confirms it by correcting it (the clinic's own
// version) or marks it entered in error. A nurse or physician who opens a report marks it read (the
// patient sees when) and acknowledges their organisation's alert; it closes as done on the worklist.
import { fractureEntryOf, reportIdOfKey, reportItemKey, reportReason, type ReportSite } from '../core/reports/reports.js';
import type { ItemState } from '../core/worklist/lists.js';
import { todayNl } from '../schema/clock.js';
import type { ReportInput, ReportView } from '../schema/diary.schema.js';
import { encodeCursor, type Cursor } from '../schema/paging.js';
import { AppError } from '../schema/problem.js';
import * as repo from '../store/diary.repo.js';
import { acknowledgeItem, insertManualItem, itemById } from '../store/worklist.repo.js';
import { readWithPatient, withPatient, type AccessDeps, type PatientWork, type RequestMeta } from './access.js';
import { patientOf, type DiaryPatient } from './diary.js';
import { checkFacts, type Ask } from './record.js';
import type { Actor } from '../core/access/index.js';
import { WORKLIST_ROLES } from './worklist.js';

/** Where a reported fracture stands in the record: the patient's still, the clinic's, or set aside. */
export type FractureStatus = NonNullable<ReportView['fractureStatus']>;

function reportView(r: repo.ReportRow, fracture: ReadonlyMap<string, FractureStatus>): ReportView {
  return {
    id: r.id, kind: r.kind, what: r.what, site: r.site as ReportSite | null, cause: r.cause, since: r.since, severity: r.severity, note: r.note, entryId: r.entry_id,
    sentBy: r.sent_by_name, sentAt: r.sent_at, readBy: r.read_by_name, readAt: r.read_at,
    fractureStatus: r.entry_id === null ? null : (fracture.get(r.entry_id) ?? null),
  };
}

/** The record's fracture entries as they stand now: a clinician's version confirms the patient's. */
async function fractureStatuses(w: PatientWork): Promise<Map<string, FractureStatus>> {
  const rows = await w.records.clinical.currentEntries(w.db, w.row.id, { kinds: ['fracture'], withErrors: true });
  return new Map(rows.map((e) => [e.entry_id, e.status === 'entered-in-error' ? 'entered-in-error' : e.source === 'patient' ? 'unconfirmed' : 'confirmed']));
}

/** A fracture, or a report the reporter calls severe, needs someone first. */
const priorityOf = (r: ReportInput) => (r.kind === 'fracture' || r.severity === 'severe' ? 'high' : 'normal');

export type ReportMade = ReportView & { alerts: number };

/** Sends a report: kept, raised as an alert for every hospital caring for the patient, a fracture entered in the record. All or nothing. */
export async function sendReport(deps: AccessDeps, ask: Ask, r: ReportInput): Promise<ReportMade> {
  return withPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'report.write', resource: `patient/report/${r.kind}`, patientId: ask.patientId }, async (w) => {
    const { db, row, records } = w;
    if (row.merged_into) throw new AppError('conflict', 'This record was merged into another one; report there.', [{ pointer: '/params/id', detail: 'is a merged record' }]);
    let entryId: string | null = null;
    // A record whose care has ended takes no new facts; the report still reaches the clinic.
    if (r.kind === 'fracture' && r.site !== undefined && r.cause !== undefined && !(await records.clinical.openCareEnd(db, row.id))) {
      const facts = checkFacts([fractureEntryOf({ since: r.since, site: r.site, cause: r.cause })], { flat: false, indexed: false });
      const [made] = await records.clinical.insertEntries(db, facts.map((f) => ({ patientId: row.id, kind: f.kind, date: f.date, data: f.data, source: 'patient' as const, by: ask.actor.userId, organisationId: null })));
      entryId = made?.entry_id ?? null;
    }
    const id = await repo.insertReport(db, {
      patientId: row.id, kind: r.kind, what: r.what ?? null, site: r.site ?? null, cause: r.cause ?? null, since: r.since, severity: r.severity, note: r.note ?? null, entryId, by: ask.actor.userId,
    });
    const keepers = await repo.worklistKeepers(db, row.id);
    for (const organisationId of keepers) {
      const item = await insertManualItem(db, {
        organisationId, patientId: row.id, key: reportItemKey(id), step: 'alert', due: todayNl(), priority: priorityOf(r), reasons: [reportReason(r.kind)], source: 'report', title: null, assignee: null,
      });
      // An alert needs someone now, as the core's alerts do.
      await repo.markItemOverdue(db, item.item_id);
    }
    const made = await repo.reportById(db, row.id, id);
    if (!made) throw new Error('a report went missing');
    return { ...reportView(made, await fractureStatuses(w)), alerts: keepers.length };
  });
}

export interface ReportsView {
  patient: DiaryPatient;
  items: (ReportView)[];
  nextCursor: string | null;
}

/** The patient's reports, newest first, each with when it arrived and when a clinician read it. */
export async function reportsOf(deps: AccessDeps, ask: Ask & { limit: number; cursor?: Cursor | undefined }): Promise<ReportsView> {
  return readWithPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'record.read', resource: 'patient/reports', patientId: ask.patientId }, async (w) => {
    const page = await repo.pageReports(w.db, w.row.id, { limit: ask.limit, cursor: ask.cursor });
    const statuses = await fractureStatuses(w);
    return {
      patient: patientOf(w.row),
      items: page.rows.map((r) => reportView(r, statuses)),
      nextCursor: page.next ? encodeCursor({ dir: 'after', key: page.next }) : null,
    };
  });
}

export interface OpenedReport {
  patient: DiaryPatient;
  report: ReportView;
  /** The reader's organisation's alert for this report, as it stands after opening. */
  item: { itemId: string; state: ItemState } | null;
}

/**
 * A nurse or physician of a hospital caring for the patient opens a report: the first such read is
 * kept (the patient sees when), and their organisation's alert is acknowledged by them. Audited as
 * a write of the record, since it changes what the patient and the worklist show.
 */
export async function openReport(deps: AccessDeps, ask: Ask & { reportId: string }): Promise<OpenedReport> {
  if (!WORKLIST_ROLES.includes(ask.actor.role)) {
    await deps.auditor.refused(deps.db, { actor: ask.actor, meta: ask.meta, action: 'record.write', resource: 'patient/report/read', reason: 'reports are read by nurses and physicians' });
    throw new AppError('forbidden', 'Reports are read and handled by the nurses and physicians caring for the patient.');
  }
  return withPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'record.write', resource: 'patient/report/read', patientId: ask.patientId }, async (w) => {
    const found = await repo.reportById(w.db, w.row.id, ask.reportId);
    if (!found) throw new AppError('not-found', 'This patient has no such report.', [{ pointer: '/params/reportId', detail: 'no such report of this patient' }]);
    await repo.markReportRead(w.db, found.id, ask.actor.userId);
    const items = await repo.reportItems(w.db, reportItemKey(found.id));
    const mine = items.find((i) => i.organisation_id === ask.actor.organisationId);
    let item: OpenedReport['item'] = null;
    if (mine) {
      const locked = await itemById(w.db, mine.item_id, true);
      const state = locked?.state === 'open' ? (await acknowledgeItem(w.db, mine.item_id, ask.actor.userId)).state : (locked?.state ?? 'done');
      item = { itemId: mine.item_id, state };
    }
    const again = await repo.reportById(w.db, w.row.id, found.id);
    if (!again) throw new Error('a report went missing');
    return { patient: patientOf(w.row), report: reportView(again, await fractureStatuses(w)), item };
  });
}

/**
 * The report a worklist alert is about, for the link from the list: only an item of the reader's
 * own organisation, and only a report's alert. Reading the report itself is authorised and audited
 * by `openReport`.
 */
export async function reportOfItem(deps: AccessDeps, actor: Actor, _meta: RequestMeta, itemId: string): Promise<{ patientId: string; reportId: string }> {
  const item = await itemById(deps.db, itemId);
  const reportId = item ? reportIdOfKey(item.item_key) : undefined;
  if (!item || item.organisation_id !== actor.organisationId || reportId === undefined || !WORKLIST_ROLES.includes(actor.role)) {
    throw new AppError('not-found', 'There is no such report on your worklist.', [{ pointer: '/params/itemId', detail: 'no such report alert' }]);
  }
  return { patientId: item.patient_id, reportId };
}
