// The fracture liaison service's worklist: every patient in the organisation's care with each step
// they need next and by when (core/worklist/derive.ts opens and closes the derived steps; tasks and
// reported alerts are opened by people). Reading the list is a list of patients: each one shown is
// decided by the core and audited. Acknowledging and closing an item is a write to that patient's
// record, authorised and audited through access.ts.
import type { Actor, Role } from '../core/access/index.js';

/** The fracture liaison nurses and the physicians keep the worklist. */
export const WORKLIST_ROLES: readonly Role[] = ['nurse', 'physician'];
import type { WorklistStep } from '../core/worklist/lists.js';
import { AGE_BAND_RANGE, type AgeBand } from '../core/worklist/lists.js';
import { addYears, addDays } from '../core/time/date.js';
import { fullName } from '../core/names.js';
import { todayNl } from '../schema/clock.js';
import { encodeCursor, type Cursor, type Page } from '../schema/paging.js';
import { AppError } from '../schema/problem.js';
import { inTransaction } from '../store/db.js';
import * as repo from '../store/worklist.repo.js';
import type { ItemRow, WorklistRow, WorklistSort } from '../store/worklist.repo.js';
import { decideListed, withPatient, type AccessDeps, type RequestMeta } from './access.js';
import { BSN_ROLES } from '../core/access/index.js';

export type { WorklistSort } from '../store/worklist.repo.js';

export interface WorklistAsk {
  step?: WorklistStep | undefined;
  overdue?: boolean | undefined;
  assignee?: string | undefined;
  site?: string | undefined;
  ageBand?: AgeBand | undefined;
  q?: string | undefined;
  sort: WorklistSort;
  limit: number;
  cursor?: Cursor | undefined;
}

export interface WorklistItemView {
  itemId: string;
  patientId: string;
  name: string;
  birthDate: string;
  step: WorklistStep;
  due: string;
  overdue: boolean;
  priority: 'high' | 'normal';
  reasons: string[];
  source: string;
  state: 'open' | 'acknowledged' | 'done';
  title: string | null;
  assignee: string | null;
  acknowledgedBy: string | null;
  acknowledgedAt: string | null;
  fractureDate: string | null;
  fractureSite: string | null;
}

export interface WorklistPage extends Page<WorklistItemView> {
  counts: Partial<Record<WorklistStep, number>>;
}

/** "de Vries" reads as "Anna de Vries": the name as the list shows it. */
function displayName(r: Pick<WorklistRow, 'given_name' | 'family_name' | 'family_name_prefix'>): string {
  return fullName({ givenName: r.given_name, familyNamePrefix: r.family_name_prefix, familyName: r.family_name });
}

export function itemView(r: ItemRow, name: string): WorklistItemView {
  return {
    itemId: r.item_id, patientId: r.patient_id, name, birthDate: r.birth_date, step: r.step, due: r.due, overdue: r.overdue, priority: r.priority,
    reasons: r.reasons, source: r.source, state: r.state, title: r.title, assignee: r.assignee, acknowledgedBy: r.acknowledged_by, acknowledgedAt: r.acknowledged_at,
    fractureDate: r.fracture_date, fractureSite: r.fracture_site,
  };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DUTCH_DATE = /^(\d{1,2})-(\d{1,2})-(\d{4})$/;

/** What the search box holds: a birth date (ISO or dd-mm-jjjj), a BSN (nine digits), or name words. */
export function searchTerms(q: string): { words: string[]; birthDate?: string; bsn?: string } {
  const t = q.trim();
  if (ISO_DATE.test(t)) return { words: [], birthDate: t };
  const d = DUTCH_DATE.exec(t);
  if (d) return { words: [], birthDate: `${d[3] ?? ''}-${(d[2] ?? '').padStart(2, '0')}-${(d[1] ?? '').padStart(2, '0')}` };
  if (/^\d{8,9}$/.test(t)) return { words: [], bsn: t.padStart(9, '0') };
  return { words: t.toLowerCase().split(/\s+/).filter((w) => w.length > 0).slice(0, 5) };
}

/** Who keeps a worklist: a nurse or physician of an organisation. */
function organisationOf(actor: Actor): string {
  if (!WORKLIST_ROLES.includes(actor.role) || actor.organisationId === null) {
    throw new AppError('forbidden', 'The worklist is for the nurses and physicians of an organisation.');
  }
  return actor.organisationId;
}

export async function listWorklist(deps: AccessDeps, actor: Actor, meta: RequestMeta, ask: WorklistAsk): Promise<WorklistPage> {
  let organisationId: string;
  try {
    organisationId = organisationOf(actor);
  } catch (e) {
    await deps.auditor.refused(deps.db, { actor, meta, action: 'patient.list', resource: 'worklist', reason: 'clinicians only' });
    throw e;
  }
  const today = todayNl();
  const terms = ask.q === undefined ? { words: [] as string[] } : searchTerms(ask.q);
  // A BSN finds someone only for a role that may see BSNs; for others the digits match nothing.
  const bsn = terms.bsn !== undefined ? (BSN_ROLES.includes(actor.role) ? terms.bsn : '—') : undefined;
  const band = ask.ageBand ? AGE_BAND_RANGE[ask.ageBand] : undefined;
  const filter: repo.WorklistFilter = {
    organisationId, step: ask.step, overdue: ask.overdue, assignee: ask.assignee, fractureSite: ask.site,
    // Aged min..max today: born after (today − (max + 1) years) and on or before (today − min years).
    bornTo: band ? addYears(today, -band.min) : undefined,
    bornFrom: band?.max != null ? addDays(addYears(today, -(band.max + 1)), 1) : undefined,
    words: terms.words, birthDate: terms.birthDate, bsn,
  };
  return inTransaction(deps.db, async (trx) => {
    // The cursor's first part names the order it was made for (checked at the edge); the store pages on the rest.
    const cursor = ask.cursor ? { dir: ask.cursor.dir, key: ask.cursor.key.slice(1) } : undefined;
    const page = await repo.pageWorklist(trx, filter, ask.sort, { limit: ask.limit, cursor });
    const shown = await decideListed(deps, trx, { actor, meta, resource: 'worklist' }, page.rows.map((r) => ({ id: r.patient_id, birth_date: r.birth_date })));
    return {
      items: page.rows.filter((r) => shown.has(r.patient_id)).map((r) => itemView(r, displayName(r))),
      nextCursor: page.next ? encodeCursor({ dir: 'after', key: [ask.sort, ...page.next] }) : null,
      prevCursor: page.prev ? encodeCursor({ dir: 'before', key: [ask.sort, ...page.prev] }) : null,
      total: page.total,
      before: page.before,
      counts: page.counts as Partial<Record<WorklistStep, number>>,
    };
  });
}

/** Why an item cannot take this action in its state; `code` lets a page say so in its reader's words. */
export const ITEM_REFUSALS = ['not-an-alert', 'already-acknowledged', 'already-done', 'not-acknowledged', 'closes-by-itself'] as const;
export type ItemRefusal = (typeof ITEM_REFUSALS)[number];

function refusal(detail: string, field: string, code: ItemRefusal): AppError {
  return new AppError('conflict', detail, [{ pointer: '/params/itemId', detail: field, code }]);
}

/**
 * The names of the reader's colleagues among `userIds` (who acknowledged an alert, whom a task is
 * for), so a list can say who rather than show an id. Only the reader's own organisation's staff.
 */
export async function colleagueNames(deps: AccessDeps, actor: Actor, userIds: readonly string[]): Promise<Map<string, string>> {
  const organisationId = organisationOf(actor);
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return new Map();
  const rows = await deps.db.selectFrom('app_user').select(['id', 'display_name']).where('organisation_id', '=', organisationId).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

async function onItem<T>(
  deps: AccessDeps,
  actor: Actor,
  meta: RequestMeta,
  itemId: string,
  resource: string,
  work: (db: Parameters<typeof repo.acknowledgeItem>[0], item: ItemRow, name: string) => Promise<T>,
): Promise<T> {
  const organisationId = organisationOf(actor);
  const found = await repo.itemById(deps.db, itemId);
  // Another organisation's item is, for this reader, no item at all.
  if (!found || found.organisation_id !== organisationId) throw new AppError('not-found', 'There is no such item on your worklist.', [{ pointer: '/params/itemId', detail: 'no such item' }]);
  return withPatient(deps, { actor, meta, action: 'record.write', resource, patientId: found.patient_id }, async ({ db, row }) => {
    const item = await repo.itemById(db, itemId, true);
    if (!item) throw new AppError('not-found', 'There is no such item on your worklist.', [{ pointer: '/params/itemId', detail: 'no such item' }]);
    return work(db, item, displayName(row));
  });
}

/** Someone saw the alert and takes it on. Only an alert is acknowledged; a done one no longer can be. */
export async function acknowledgeItem(deps: AccessDeps, actor: Actor, meta: RequestMeta, itemId: string): Promise<WorklistItemView> {
  return onItem(deps, actor, meta, itemId, 'worklist/acknowledge', async (db, item, name) => {
    if (item.step !== 'alert') throw refusal('Only an alert is acknowledged; other steps close when their fact is recorded.', `is a ${item.step} step, not an alert`, 'not-an-alert');
    if (item.state !== 'open') throw refusal(`This alert is already ${item.state}.`, `already ${item.state}`, item.state === 'done' ? 'already-done' : 'already-acknowledged');
    return itemView(await repo.acknowledgeItem(db, item.item_id, actor.userId), name);
  });
}

/** A task is done, or an acknowledged alert is dealt with. Derived steps close by themselves. */
export async function closeItem(deps: AccessDeps, actor: Actor, meta: RequestMeta, itemId: string): Promise<WorklistItemView> {
  return onItem(deps, actor, meta, itemId, 'worklist/done', async (db, item, name) => {
    if (item.state === 'done') throw refusal('This item is already done.', 'already done', 'already-done');
    if (item.step === 'alert' && item.state !== 'acknowledged') throw refusal('Acknowledge the alert before closing it.', 'alert not acknowledged yet', 'not-acknowledged');
    if (item.step !== 'alert' && item.step !== 'task') throw refusal('This step closes by itself when its fact is recorded.', `is a ${item.step} step`, 'closes-by-itself');
    return itemView(await repo.closeItem(db, item.item_id, actor.userId), name);
  });
}
