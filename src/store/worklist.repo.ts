// The worklist's rows and what deriving them reads. No authorisation here: services/worklist.ts
// decides who may see or change what (through access.ts for anything about one patient) and
// audits it; the daily re-derivation is a system job, audited as one batch entry.
import { sql } from 'kysely';
import type { EntryKind, EntrySource, LoadingActivity } from '../core/record/lists.js';
import type { InvitationEvent, ItemState, Priority, VisitKind, VisitStatus, WorklistStep } from '../core/worklist/lists.js';
import type { Db, Tx } from './db.js';
import { compare, type KeysetAsk, type KeysetPage, type KeyValue } from './paging.js';

const parsed = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);

/** Everything deriving one patient's items reads, for a batch of patients at once. */
export interface DerivationSource {
  id: string;
  birth_date: string;
  sex: 'female' | 'male';
  sort_key: string;
  gp_practice: string | null;
  lives_alone: boolean | null;
  /** The hospitals whose care the patient is in: the fracture liaison services that keep a worklist. */
  organisations: string[];
  /** The physiotherapy practices that took the patient on by an accepted referral: they keep the measurements (PRACTICE_STEPS). */
  practices: string[];
  careEnded: boolean;
  entries: { kind: EntryKind; date: string; data: unknown; source: EntrySource }[];
  invitations: { event: InvitationEvent; date: string }[];
  visits: { kind: VisitKind; date: string; status: VisitStatus }[];
  assessmentsSigned: string[];
  /** The days (Amsterdam) a GP hand-over letter was written. */
  handoverLetters: string[];
  /** The day of each recorded shared decision (migration 0015), "no medication" included. */
  decisionsMade: string[];
  /** A child's loading log as the Case reads it (migration 0028): the 7 days up to asOf, and the date of the first line before them. */
  loading: { date: string; activity: LoadingActivity; minutes: number }[];
}

/**
 * The derivation input of `patientIds` on `asOf`, in one statement however many patients: the
 * daily run reads a batch at a time, and every write to a record reads its one patient inside the
 * writer's transaction, where each statement is a round trip the writer waits for (on a busy host
 * each one also waits for a core). Merged records are left out (their items go with the merge).
 */
export async function derivationSources(db: Db, patientIds: readonly string[], asOf: string): Promise<DerivationSource[]> {
  if (patientIds.length === 0) return [];
  const ids = sql.join(patientIds.map((id) => sql`${id}::uuid`));
  // Each patient's entries, invitations, visits, signed assessments, hand-over letters and decisions
  // as JSON arrays of tuples, in the order the derivation reads them (entries as recorded: the
  // projection takes the last of a day; a medication prescribed to start later is read as a plan).
  const rows = await sql<{
    id: string; birth_date: string; sex: 'female' | 'male'; sort_key: string; gp_practice: string | null; lives_alone: boolean | null; orgs: string[] | null; practices: string[] | null; ended: boolean;
    entries: unknown; invitations: unknown; visits: unknown; assessments: unknown; letters: unknown; decisions: unknown; loading: unknown;
  }>`
    select p.id, p.birth_date, p.sex, p.sort_key, p.gp_practice, p.lives_alone,
      (select array_agg(po.organisation_id::text order by po.organisation_id) from patient_organisation po join organisation o on o.id = po.organisation_id
        where po.patient_id = p.id and po.relation = 'care' and o.kind = 'hospital') as orgs,
      (select array_agg(po.organisation_id::text order by po.organisation_id) from patient_organisation po join organisation o on o.id = po.organisation_id
        where po.patient_id = p.id and po.relation = 'referral' and o.kind = 'physiotherapy') as practices,
      exists (select 1 from care_end ce where ce.patient_id = p.id and ce.resumed_at is null) as ended,
      coalesce((select json_agg(json_build_array(e.kind, e.clinical_date, e.data, e.source) order by e.recorded_at, e.id) from clinical_entry e
        where e.patient_id = p.id and e.current and e.status = 'active' and (e.clinical_date <= ${asOf} or e.kind = 'medication')), '[]') as entries,
      coalesce((select json_agg(json_build_array(i.event, i.event_date) order by i.event_date, i.recorded_at) from invitation_event i where i.patient_id = p.id), '[]') as invitations,
      coalesce((select json_agg(json_build_array(v.kind, v.visit_date, v.status) order by v.visit_date) from visit v where v.patient_id = p.id), '[]') as visits,
      coalesce((select json_agg(a.as_of) from assessment a where a.patient_id = p.id), '[]') as assessments,
      coalesce((select json_agg(to_char(l.written_at at time zone 'Europe/Amsterdam', 'YYYY-MM-DD')) from letter l
        where l.patient_id = p.id and l.kind = 'gp-handover'), '[]') as letters,
      coalesce((select json_agg(d.decided_on) from shared_decision d where d.patient_id = p.id and d.decided_on <= ${asOf}), '[]') as decisions,
      coalesce((select json_agg(json_build_array(l.log_date, l.activity, l.minutes)) from (
        (select g.log_date, g.activity, g.minutes from loading_log g where g.patient_id = p.id and g.log_date <= ${asOf} and g.log_date > (${asOf}::date - 7) and g.withdrawn_at is null)
        union all
        (select g.log_date, g.activity, 0 from loading_log g where g.patient_id = p.id and g.log_date <= (${asOf}::date - 7) and g.withdrawn_at is null order by g.log_date limit 1)) l), '[]') as loading
    from patient p where p.id in (${ids}) and p.merged_into is null`.execute(db);
  return rows.rows.map((p) => ({
    id: p.id, birth_date: p.birth_date, sex: p.sex, sort_key: p.sort_key, gp_practice: p.gp_practice, lives_alone: p.lives_alone,
    organisations: p.orgs ?? [], practices: p.practices ?? [], careEnded: p.ended,
    entries: (parsed(p.entries) as [EntryKind, string, unknown, EntrySource][]).map(([kind, date, data, source]) => ({ kind, date, data: parsed(data), source })),
    invitations: (parsed(p.invitations) as [InvitationEvent, string][]).map(([event, date]) => ({ event, date })),
    visits: (parsed(p.visits) as [VisitKind, string, VisitStatus][]).map(([kind, date, status]) => ({ kind, date, status })),
    assessmentsSigned: parsed(p.assessments) as string[],
    handoverLetters: parsed(p.letters) as string[],
    decisionsMade: parsed(p.decisions) as string[],
    loading: (parsed(p.loading) as [string, LoadingActivity, number][]).map(([date, activity, minutes]) => ({ date, activity, minutes })),
  }));
}

/** Patients a daily run goes through, a batch at a time in id order (merged records left out). */
export async function patientIdsAfter(db: Db, after: string | null, limit: number, organisationId?: string): Promise<string[]> {
  let q = db.selectFrom('patient as p').select('p.id').where('p.merged_into', 'is', null);
  if (after !== null) q = q.where('p.id', '>', after);
  if (organisationId !== undefined) {
    q = q.where((eb) => eb.exists(eb.selectFrom('patient_organisation as po').select(sql`1`.as('one')).whereRef('po.patient_id', '=', 'p.id').where('po.organisation_id', '=', organisationId)));
  }
  const rows = await q.orderBy('p.id').limit(limit).execute();
  return rows.map((r) => r.id);
}

export interface ItemRow {
  item_id: string;
  organisation_id: string;
  patient_id: string;
  item_key: string;
  step: WorklistStep;
  due: string;
  overdue: boolean;
  priority: Priority;
  reasons: string[];
  source: string;
  derived: boolean;
  title: string | null;
  assignee: string | null;
  state: ItemState;
  acknowledged_by: string | null;
  acknowledged_at: string | null;
  done_by: string | null;
  done_at: string | null;
  sort_key: string;
  birth_date: string;
  fracture_date: string | null;
  fracture_site: string | null;
  /** The fracture date, or 9999-12-31 without one: the fracture order's key. */
  fracture_order: string;
}

/** A derived item as it should stand, with the patient's copies for sorting. */
export interface WantedItem {
  organisationId: string;
  patientId: string;
  key: string;
  step: WorklistStep;
  due: string;
  overdue: boolean;
  priority: Priority;
  reasons: string[];
  source: string;
  sortKey: string;
  birthDate: string;
  fractureDate: string | null;
  fractureSite: string | null;
}

const asItem = (r: ItemRow): ItemRow => ({ ...r, reasons: parsed(r.reasons) as string[] });

/** The items of these patients (every state), for comparing with what should stand. */
export async function itemsOfPatients(db: Db, patientIds: readonly string[]): Promise<ItemRow[]> {
  if (patientIds.length === 0) return [];
  const rows = await db.selectFrom('worklist_item').selectAll().where('patient_id', 'in', patientIds).execute();
  return (rows as unknown as ItemRow[]).map(asItem);
}

function sameItem(a: ItemRow, w: WantedItem): boolean {
  return a.step === w.step && a.due === w.due && a.overdue === w.overdue && a.priority === w.priority && a.source === w.source
    && a.sort_key === w.sortKey && a.birth_date === w.birthDate && a.fracture_date === w.fractureDate && a.fracture_site === w.fractureSite
    && JSON.stringify(a.reasons) === JSON.stringify(w.reasons);
}

/**
 * Makes the derived items of these patients what `wanted` says, writing only what differs: new
 * items are added, changed ones updated (their acknowledgement kept), and items no longer wanted
 * close by themselves (removed when nobody acted on them; an acknowledged alert is kept as done, so
 * it is not raised again). The patient's copies on tasks and reported alerts follow the record.
 * Returns how many rows changed.
 */
export async function applyDerived(db: Tx, patientIds: readonly string[], wanted: readonly WantedItem[]): Promise<number> {
  const existing = await itemsOfPatients(db, patientIds);
  const byKey = new Map(existing.map((r) => [`${r.organisation_id}|${r.patient_id}|${r.item_key}`, r]));
  const keep = new Set<string>();
  const upserts: WantedItem[] = [];
  for (const w of wanted) {
    const k = `${w.organisationId}|${w.patientId}|${w.key}`;
    keep.add(k);
    const old = byKey.get(k);
    if (old?.state === 'done') continue;
    if (!old || !sameItem(old, w)) upserts.push(w);
  }
  const gone = existing.filter((r) => r.derived && r.state !== 'done' && !keep.has(`${r.organisation_id}|${r.patient_id}|${r.item_key}`));
  const removed = gone.filter((r) => r.state === 'open').map((r) => r.item_id);
  const closed = gone.filter((r) => r.state === 'acknowledged').map((r) => r.item_id);
  let changed = 0;
  for (let i = 0; i < upserts.length; i += 500) {
    const chunk = upserts.slice(i, i + 500);
    await db
      .insertInto('worklist_item')
      .values(chunk.map((w) => ({
        organisation_id: w.organisationId, patient_id: w.patientId, item_key: w.key, step: w.step, due: w.due, overdue: w.overdue, priority: w.priority,
        reasons: JSON.stringify(w.reasons), source: w.source, derived: true, sort_key: w.sortKey, birth_date: w.birthDate, fracture_date: w.fractureDate, fracture_site: w.fractureSite,
      })))
      .onConflict((oc) => oc.columns(['organisation_id', 'patient_id', 'item_key']).doUpdateSet((eb) => ({
        step: eb.ref('excluded.step'), due: eb.ref('excluded.due'), overdue: eb.ref('excluded.overdue'), priority: eb.ref('excluded.priority'),
        reasons: eb.ref('excluded.reasons'), source: eb.ref('excluded.source'), sort_key: eb.ref('excluded.sort_key'), birth_date: eb.ref('excluded.birth_date'),
        fracture_date: eb.ref('excluded.fracture_date'), fracture_site: eb.ref('excluded.fracture_site'), updated_at: sql<string>`now()`,
      })))
      .execute();
    changed += chunk.length;
  }
  if (removed.length > 0) {
    await db.deleteFrom('worklist_item').where('item_id', 'in', removed).execute();
    changed += removed.length;
  }
  if (closed.length > 0) {
    await db.updateTable('worklist_item').set({ state: 'done', done_at: sql<string>`now()`, updated_at: sql<string>`now()` }).where('item_id', 'in', closed).execute();
    changed += closed.length;
  }
  // A task or a reported alert carries the patient's copies too; they follow a change of name or birth date.
  const copies = new Map<string, WantedItem>();
  for (const w of wanted) copies.set(w.patientId, w);
  for (const r of existing) {
    if (r.derived || r.state === 'done') continue;
    const w = copies.get(r.patient_id);
    if (w && (r.sort_key !== w.sortKey || r.birth_date !== w.birthDate)) {
      await db.updateTable('worklist_item').set({ sort_key: w.sortKey, birth_date: w.birthDate, updated_at: sql<string>`now()` }).where('item_id', '=', r.item_id).execute();
      changed += 1;
    }
  }
  return changed;
}

/** A task or a reported alert: an item people open and close, not the core. */
export async function insertManualItem(
  db: Tx,
  i: { organisationId: string; patientId: string; key: string; step: WorklistStep; due: string; priority: Priority; reasons: string[]; source: string; title: string | null; assignee: string | null },
): Promise<ItemRow> {
  const p = await db.selectFrom('patient').select(['sort_key', 'birth_date']).where('id', '=', i.patientId).executeTakeFirstOrThrow();
  const row = await db
    .insertInto('worklist_item')
    .values({
      organisation_id: i.organisationId, patient_id: i.patientId, item_key: i.key, step: i.step, due: i.due, overdue: false, priority: i.priority,
      reasons: JSON.stringify(i.reasons), source: i.source, derived: false, title: i.title, assignee: i.assignee, sort_key: p.sort_key, birth_date: p.birth_date,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return asItem(row as unknown as ItemRow);
}

export async function itemById(db: Db, itemId: string, lock = false): Promise<ItemRow | undefined> {
  let q = db.selectFrom('worklist_item').selectAll().where('item_id', '=', itemId);
  if (lock) q = q.forUpdate();
  const r = await q.executeTakeFirst();
  return r ? asItem(r as unknown as ItemRow) : undefined;
}

export async function acknowledgeItem(db: Tx, itemId: string, by: string): Promise<ItemRow> {
  const r = await db.updateTable('worklist_item').set({ state: 'acknowledged', acknowledged_by: by, acknowledged_at: sql<string>`now()`, updated_at: sql<string>`now()` })
    .where('item_id', '=', itemId).returningAll().executeTakeFirstOrThrow();
  return asItem(r as unknown as ItemRow);
}

export async function closeItem(db: Tx, itemId: string, by: string): Promise<ItemRow> {
  const r = await db.updateTable('worklist_item').set({ state: 'done', done_by: by, done_at: sql<string>`now()`, updated_at: sql<string>`now()` })
    .where('item_id', '=', itemId).returningAll().executeTakeFirstOrThrow();
  return asItem(r as unknown as ItemRow);
}

// ---------------------------------------------------------------------------------------------
// The list.

export const WORKLIST_SORTS = ['due', 'name', 'fractureDate'] as const;
export type WorklistSort = (typeof WORKLIST_SORTS)[number];
const SORT_COLUMNS: Record<WorklistSort, readonly string[]> = {
  due: ['w.due', 'w.item_id'],
  name: ['w.sort_key', 'w.item_id'],
  fractureDate: ['w.fracture_order', 'w.item_id'],
};

export interface WorklistFilter {
  organisationId: string;
  step?: WorklistStep | undefined;
  overdue?: boolean | undefined;
  assignee?: string | undefined;
  fractureSite?: string | undefined;
  /** Birth dates that fall in the age band on today's date (inclusive bounds; null: open). */
  bornFrom?: string | null | undefined;
  bornTo?: string | null | undefined;
  /** Name words (all must match), a birth date, a BSN (only passed for roles that may search by it). */
  words?: readonly string[] | undefined;
  birthDate?: string | undefined;
  bsn?: string | undefined;
}

export interface WorklistRow extends ItemRow {
  given_name: string;
  family_name: string;
  family_name_prefix: string | null;
}

function worklistWhere(db: Db, f: WorklistFilter, withStep: boolean) {
  let q = db
    .selectFrom('worklist_item as w')
    .where('w.organisation_id', '=', f.organisationId)
    // Written out, not sent as a value: a prepared statement's generic plan must still see that
    // it only wants open items, or it can use none of the partial indexes built for them.
    .where('w.state', '<>', sql.lit('done'));
  if (withStep && f.step) q = q.where('w.step', '=', f.step);
  if (f.overdue !== undefined) q = q.where('w.overdue', '=', f.overdue);
  if (f.assignee) q = q.where('w.assignee', '=', f.assignee);
  if (f.fractureSite) q = q.where('w.fracture_site', '=', f.fractureSite);
  if (f.bornFrom) q = q.where('w.birth_date', '>=', f.bornFrom);
  if (f.bornTo) q = q.where('w.birth_date', '<=', f.bornTo);
  if (f.birthDate) q = q.where('w.birth_date', '=', f.birthDate);
  const words = f.words ?? [];
  if (words.length > 0 || f.bsn) {
    const like = (w: string) => '%' + w.toLowerCase().replace(/[\\%_]/g, (m) => '\\' + m) + '%';
    q = q.where((eb) => {
      const byName = eb.and(words.map((w) => eb('w.sort_key', 'like', like(w))));
      const byBsn = f.bsn ? eb.exists(eb.selectFrom('patient as b').select(sql`1`.as('one')).whereRef('b.id', '=', 'w.patient_id').where('b.bsn', '=', f.bsn)) : undefined;
      if (words.length === 0 && byBsn) return byBsn;
      return byBsn ? eb.or([byName, byBsn]) : byName;
    });
  }
  return q;
}

export const worklistKey = (sort: WorklistSort) => (r: WorklistRow): KeyValue[] => {
  if (sort === 'due') return [r.due, r.item_id];
  if (sort === 'name') return [r.sort_key, r.item_id];
  return [r.fracture_order, r.item_id];
};

export interface WorklistPageRows extends KeysetPage<WorklistRow> {
  /** Open items per step under the same filters, the step filter aside (so every tab shows its count). */
  counts: Record<string, number>;
}

/**
 * One page of the worklist in the order asked (a keyset page: deep pages cost the same), with the
 * counts per step, the total and the position, in two statements: the page's rows, then one pass
 * over the filtered items that counts them per step and, from the cursor's key, those before the
 * page. The total is the sum of the steps' counts (or the asked step's), so the items are counted
 * once, and counting needs no join with the patients.
 */
export async function pageWorklist(db: Db, f: WorklistFilter, sort: WorklistSort, page: Omit<KeysetAsk, 'columns' | 'descending'>): Promise<WorklistPageRows> {
  const columns = SORT_COLUMNS[sort];
  const { cursor, limit } = page;
  if (cursor && cursor.key.length !== columns.length) throw new RangeError(`a cursor key has ${String(columns.length)} parts, not ${String(cursor.key.length)}`);
  const backwards = cursor?.dir === 'before';
  let q = worklistWhere(db, f, true)
    .innerJoin('patient as p', 'p.id', 'w.patient_id')
    .selectAll('w')
    .select(['p.given_name', 'p.family_name', 'p.family_name_prefix']);
  if (cursor) q = q.where(compare(columns, backwards ? '<' : '>', cursor.key));
  for (const c of columns) q = q.orderBy(sql.ref(c), backwards ? 'desc' : 'asc');
  const found = (await q.limit(limit).execute()) as unknown as WorklistRow[];
  if (backwards) found.reverse();
  const rows = found.map((x) => ({ ...asItem(x), given_name: x.given_name, family_name: x.family_name, family_name_prefix: x.family_name_prefix }));
  // Rows before the page: up to the cursor's key going forward; below it going back, less the page.
  const beforeKey = cursor ? compare(columns, backwards ? '<' : '<=', cursor.key) : sql<boolean>`false`;
  const perStep = await worklistWhere(db, f, false)
    .select(['w.step', sql<string>`count(*)`.as('n'), sql<string>`count(*) filter (where ${beforeKey})`.as('before')])
    .groupBy('w.step')
    .execute();
  const counts: Record<string, number> = {};
  let total = 0;
  let upTo = 0;
  for (const r of perStep) {
    counts[r.step] = Number(r.n);
    if (f.step !== undefined && r.step !== f.step) continue;
    total += Number(r.n);
    upTo += Number(r.before);
  }
  const before = backwards ? Math.max(0, upTo - rows.length) : upTo;
  const first = rows[0];
  const last = rows.at(-1);
  const keyOf = worklistKey(sort);
  return {
    rows,
    next: last !== undefined && before + rows.length < total ? keyOf(last) : null,
    prev: first !== undefined && before > 0 ? keyOf(first) : null,
    total,
    before,
    counts,
  };
}

// ---------------------------------------------------------------------------------------------
// The daily run.

/** Claims the run of `runDate` for `runner`: true when this process should do it (nobody has, or a run died). */
export async function claimRun(db: Db, runDate: string, runner: string, staleAfterMinutes: number): Promise<boolean> {
  const r = await sql<{ run_date: string }>`insert into worklist_run (run_date, runner) values (${runDate}, ${runner})
    on conflict (run_date) do update set runner = excluded.runner, started_at = now()
      where worklist_run.finished_at is null and worklist_run.started_at < now() - make_interval(mins => ${staleAfterMinutes})
    returning run_date`.execute(db);
  return r.rows.length === 1;
}

export async function finishRun(db: Db, runDate: string, runner: string, patients: number, changed: number): Promise<void> {
  await db.updateTable('worklist_run').set({ finished_at: sql<string>`now()`, patients, changed }).where('run_date', '=', runDate).where('runner', '=', runner).execute();
}

/** Whether the run of `runDate` has finished (by whichever process). */
export async function runFinished(db: Db, runDate: string): Promise<boolean> {
  const r = await db.selectFrom('worklist_run').select('run_date').where('run_date', '=', runDate).where('finished_at', 'is not', null).executeTakeFirst();
  return r !== undefined;
}

export async function lastFinishedRun(db: Db): Promise<string | undefined> {
  const r = await db.selectFrom('worklist_run').select('run_date').where('finished_at', 'is not', null).orderBy('run_date', 'desc').limit(1).executeTakeFirst();
  return r?.run_date;
}
