// The audit log (NEN 7513): one row per access attempt, written in the same transaction as the
// access itself. Rows are never changed (the database refuses it); a sealer links them, in the
// order it finds them, into a SHA-256 hash chain kept in audit_seal, so a changed or removed row
// breaks the chain at a named place.
import { createHash } from 'node:crypto';
import { sql, type Selectable } from 'kysely';
import type { AuditEventTable } from './schema.js';
import { STAFF_ROLES } from '../core/access/lists.js';
import type { Db } from './db.js';
import { keysetPage, type KeysetAsk, type KeysetPage, type KeyValue } from './paging.js';

export interface AuditEntry {
  userId: string | null;
  role: string | null;
  organisationId: string | null;
  action: string;
  resource: string;
  patientId: string | null;
  allowed: boolean;
  reason: string | null;
  requestId: string | null;
  clientIp: string | null;
}

export async function writeAudit(db: Db, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db
    .insertInto('audit_event')
    .values(
      entries.map((e) => ({
        user_id: e.userId,
        role: e.role,
        organisation_id: e.organisationId,
        action: e.action,
        resource: e.resource,
        patient_id: e.patientId,
        allowed: e.allowed,
        reason: e.reason,
        request_id: e.requestId,
        client_ip: e.clientIp,
      })),
    )
    .execute();
}

/** An audit row as the chain hashes it (derived from the table type, so it cannot drift). */
type EventRow = Selectable<AuditEventTable>;

const GENESIS = '0'.repeat(64);
const SEAL_MARGIN = 10_000;

/** The hash of one event given the previous link: every column, in a fixed order. */
export function chainHash(prev: string, e: EventRow): string {
  const canonical = JSON.stringify([
    e.id, e.at, e.user_id, e.role, e.organisation_id, e.action, e.resource, e.patient_id, e.allowed,
    e.reason, e.request_id, e.client_ip,
  ]);
  return createHash('sha256').update(prev).update('|').update(canonical).digest('hex');
}

const EVENT_COLUMNS = [
  'e.id', 'e.at', 'e.user_id', 'e.role', 'e.organisation_id', 'e.action', 'e.resource', 'e.patient_id',
  'e.allowed', 'e.reason', 'e.request_id', 'e.client_ip',
] as const;

/**
 * Seals every event not yet in the chain. Only one sealer works at a time across all processes
 * (a transaction-scoped advisory lock); recording an access never waits for it.
 */
export async function sealAudit(db: Db, batch = 2000): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const lock = await sql<{ ok: boolean }>`select pg_try_advisory_xact_lock(7513001) as ok`.execute(trx);
    if (!lock.rows[0]?.ok) return 0;
    const last = await trx.selectFrom('audit_seal').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
    let seq = last ? Number(last.seq) : 0;
    let prev = last?.hash ?? GENESIS;
    // Only the tail after the newest sealed entry (minus a wide margin for transactions that
    // committed late) is searched, so sealing stays cheap however long the log grows. An entry that
    // fell behind that margin unsealed is still found by verifyAudit, which checks the whole log.
    const newest = await trx.selectFrom('audit_seal').select((eb) => eb.fn.max('event_id').as('id')).executeTakeFirst();
    const from = newest?.id ? String(Math.max(0, Number(newest.id) - SEAL_MARGIN)) : '0';
    const events = (await trx
      .selectFrom('audit_event as e')
      .leftJoin('audit_seal as s', 's.event_id', 'e.id')
      .where('e.id', '>', from)
      .where('s.event_id', 'is', null)
      .select(EVENT_COLUMNS)
      .orderBy('e.id')
      .limit(batch)
      .execute()) as EventRow[];
    if (events.length === 0) return 0;
    const seals = events.map((e) => {
      seq += 1;
      const hash = chainHash(prev, e);
      const row = { seq: String(seq), event_id: e.id, prev_hash: prev, hash };
      prev = hash;
      return row;
    });
    // One statement with four array parameters, whatever the batch size: the text never changes, so
    // it is parsed once per connection instead of a 2,000-parameter statement every round.
    await sql`insert into audit_seal (seq, event_id, prev_hash, hash)
      select * from unnest(${seals.map((s) => s.seq)}::bigint[], ${seals.map((s) => s.event_id)}::bigint[],
                           ${seals.map((s) => s.prev_hash)}::text[], ${seals.map((s) => s.hash)}::text[])`.execute(trx);
    return seals.length;
  });
}

/** The newest link of the chain (undefined while nothing is sealed). */
export async function auditHead(db: Db): Promise<{ seq: number; hash: string } | undefined> {
  const row = await db.selectFrom('audit_seal').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  return row ? { seq: Number(row.seq), hash: row.hash } : undefined;
}

/** The hash of link `seq`, if the chain has it. */
export async function sealHashAt(db: Db, seq: number): Promise<string | undefined> {
  const row = await db.selectFrom('audit_seal').select('hash').where('seq', '=', String(seq)).executeTakeFirst();
  return row?.hash;
}

export type VerifyResult =
  | { ok: true; sealed: number; unsealed: number }
  | { ok: false; sealed: number; brokenAtSeq: number; eventId: string | null; problem: string };

/** Walks the chain from the start and names the first entry that does not match. */
export async function verifyAudit(db: Db, opts: { unsealedGraceSeconds?: number } = {}): Promise<VerifyResult> {
  let prev = GENESIS;
  let expectSeq = 1;
  const page = 5000;
  for (;;) {
    const rows = await db
      .selectFrom('audit_seal as s')
      .leftJoin('audit_event as e', 'e.id', 's.event_id')
      .select(['s.seq', 's.event_id as seal_event_id', 's.prev_hash', 's.hash', ...EVENT_COLUMNS])
      .where('s.seq', '>=', String(expectSeq))
      .orderBy('s.seq')
      .limit(page)
      .execute();
    for (const r of rows) {
      const seq = Number(r.seq);
      if (seq !== expectSeq) return { ok: false, sealed: expectSeq - 1, brokenAtSeq: expectSeq, eventId: null, problem: `link ${String(expectSeq)} is missing` };
      if (r.prev_hash !== prev) return { ok: false, sealed: seq - 1, brokenAtSeq: seq, eventId: r.seal_event_id, problem: 'does not follow the previous link' };
      if (r.id === null) return { ok: false, sealed: seq - 1, brokenAtSeq: seq, eventId: r.seal_event_id, problem: 'its event is gone' };
      const h = chainHash(prev, r as unknown as EventRow);
      if (h !== r.hash) return { ok: false, sealed: seq - 1, brokenAtSeq: seq, eventId: r.seal_event_id, problem: 'its event was changed after sealing' };
      prev = r.hash;
      expectSeq += 1;
    }
    if (rows.length < page) break;
  }
  const grace = opts.unsealedGraceSeconds ?? 60;
  const stale = await sql<{ n: number; first: string | null }>`
    select count(*)::int as n, min(e.id)::text as first from audit_event e
    left join audit_seal s on s.event_id = e.id
    where s.event_id is null and e.at < now() - make_interval(secs => ${grace})`.execute(db);
  const unsealed = stale.rows[0]?.n ?? 0;
  if (unsealed > 0) {
    return { ok: false, sealed: expectSeq - 1, brokenAtSeq: expectSeq, eventId: stale.rows[0]?.first ?? null, problem: `${String(unsealed)} event(s) older than ${String(grace)} s were never sealed` };
  }
  return { ok: true, sealed: expectSeq - 1, unsealed };
}

export interface AuditSearch {
  organisationId?: string;
  patientId?: string;
  /** Entries about the patient whose keyed code (HMAC-SHA256 of the id) starts with these hex digits. */
  patientCode?: PatientCode;
  userId?: string;
  /** Part of the display name of the staff account that acted (case does not matter). */
  person?: string;
  action?: string;
  allowed?: boolean;
  from?: string;
  to?: string;
  /** Only entries newer than this place (to count how many come before a page). */
  newerThan?: AuditKey;
}

/** A place in the log, newest first: the entry's time to the microsecond, and its id. */
export interface AuditKey {
  at: string;
  id: string;
}

/** One page: the first (`limit` newest), the one older than `before`, or the one newer than `after`. */
export interface AuditPageAsk {
  limit: number;
  before?: AuditKey | undefined;
  after?: AuditKey | undefined;
}

/**
 * Entries an organisation's administrator sees: those written by its own staff, and those without
 * an organisation (sign-ins, patients, caregivers, account set-up) that concern a patient in its
 * care or an account that belongs to it: its staff, its patients, or their caregivers. The account
 * concerned is whoever acted, or else the one named in the resource (account/<id>). A step about a
 * patient is shown only where that patient is in care: a caregiver linked to one of ours who tries
 * another organisation's patient shows up there, not here.
 */
const ACCOUNT_RESOURCE = '^account/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';
const visibleTo = (org: string) => sql<boolean>`(e.organisation_id = ${org} or (e.organisation_id is null and (
    exists (select 1 from patient_organisation po where po.patient_id = e.patient_id and po.organisation_id = ${org})
    or e.patient_id is null and exists (
      select 1 from app_user a
      where a.id = coalesce(e.user_id, case when e.resource ~ ${ACCOUNT_RESOURCE} then substring(e.resource from 9)::uuid end)
        and (a.organisation_id = ${org}
          or exists (select 1 from patient_organisation po where po.patient_id = a.patient_id and po.organisation_id = ${org})
          or exists (select 1 from caregiver_link cl join patient_organisation po on po.patient_id = cl.patient_id
                     where cl.caregiver_user_id = a.id and po.organisation_id = ${org}))))))`;

/** A LIKE pattern that matches `text` anywhere, its own % and _ taken literally. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;


const keyRow = (k: AuditKey) => sql`(cast(${k.at} as timestamptz), cast(${k.id} as bigint))`;

function filtered(db: Db, q: AuditSearch) {
  let query = db.selectFrom('audit_event as e').leftJoin('app_user as u', 'u.id', 'e.user_id');
  if (q.organisationId) query = query.where(visibleTo(q.organisationId));
  if (q.patientId) query = query.where('e.patient_id', '=', q.patientId);
  if (q.patientCode) {
    const { inner, outer, hexPrefix } = q.patientCode;
    // HMAC-SHA256 written out (RFC 2104), since neither PGlite nor a plain PostgreSQL has hmac():
    // the same value the server computes to show the code, so the code is found without a list.
    query = query.where('e.patient_id', 'is not', null).where(
      sql<boolean>`substr(encode(sha256(${outer} || sha256(${inner} || convert_to(e.patient_id::text, 'UTF8'))), 'hex'), 1, ${hexPrefix.length}) = ${hexPrefix}`,
    );
  }
  if (q.userId) query = query.where('e.user_id', '=', q.userId);
  // Only staff are found by name: a patient's or caregiver's account name is theirs, not the log's.
  if (q.person) query = query.where('u.display_name', 'ilike', containing(q.person)).where('u.role', 'in', STAFF_ROLES);
  if (q.action) query = query.where('e.action', '=', q.action);
  if (q.allowed !== undefined) query = query.where('e.allowed', '=', q.allowed);
  if (q.from) query = query.where('e.at', '>=', q.from);
  if (q.to) query = query.where('e.at', '<', q.to);
  if (q.newerThan) query = query.where(sql<boolean>`(e.at, e.id) > ${keyRow(q.newerThan)}`);
  return query;
}

/**
 * One page of the search, newest first. Pages are found by their edge (`before`/`after`: the time
 * and id of the last entry seen), not by counting rows off: a page deep in a long log costs the
 * same as the first, and entries written meanwhile do not shift what the next page shows. The
 * answer says whether there is more on either side.
 */
export async function searchAudit(db: Db, q: AuditSearch, ask: AuditPageAsk) {
  const newer = ask.after !== undefined;
  const edge = ask.before ?? ask.after;
  let query = filtered(db, q).select([
    'e.id', 'e.at', 'e.user_id', 'u.display_name as user_name', 'u.role as user_role', 'u.patient_id as user_patient_id', 'e.role', 'e.organisation_id',
    'e.action', 'e.resource', 'e.patient_id', 'e.allowed', 'e.reason', 'e.request_id', 'e.client_ip',
    // The key to the microsecond: the parsed `at` keeps milliseconds only.
    sql<string>`to_char(e.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('at_key'),
  ]);
  if (edge) {
    const key = keyRow(edge);
    query = query.where(newer ? sql<boolean>`(e.at, e.id) > ${key}` : sql<boolean>`(e.at, e.id) < ${key}`);
  }
  const dir = newer ? 'asc' : 'desc';
  query = query.orderBy('e.at', dir).orderBy('e.id', dir).limit(ask.limit + 1);
  const rows = await query.execute();
  const more = rows.length > ask.limit;
  const page = rows.slice(0, ask.limit);
  if (newer) page.reverse();
  return {
    rows: page,
    // Entries are never removed, so the edge entry itself is always on the other side.
    hasNewer: newer ? more : edge !== undefined,
    hasOlder: newer ? true : more,
  };
}

/** How many entries the search finds in all. */
export async function countAudit(db: Db, q: AuditSearch): Promise<number> {
  const r = await filtered(db, q).select(sql<number>`count(*)::int`.as('n')).executeTakeFirst();
  return r?.n ?? 0;
}

/**
 * A patient's code as the search looks for it: the HMAC key's inner and outer pads (the 64-byte
 * key XOR 0x36 and 0x5c) and the first hex digits of the HMAC of the patient's id.
 */
export interface PatientCode {
  inner: Uint8Array;
  outer: Uint8Array;
  hexPrefix: string;
}

/** One page of who opened this patient's record and when, newest first (reads that were allowed). */
export async function pageAccessLogForPatient(db: Db, patientId: string, page: Omit<KeysetAsk, 'columns' | 'descending'>) {
  const query = db
    .selectFrom('audit_event as e')
    .leftJoin('app_user as u', 'u.id', 'e.user_id')
    .leftJoin('organisation as o', 'o.id', 'e.organisation_id')
    .select(['e.id', 'e.at', 'e.action', 'e.role', 'e.user_id', 'u.display_name as user_name', 'o.name as organisation_name'])
    .where('e.patient_id', '=', patientId)
    .where('e.allowed', '=', true);
  type Row = Awaited<ReturnType<typeof query.execute>>[number];
  const found: KeysetPage<Row> = await keysetPage(query, { ...page, columns: ['e.id'], descending: true }, (r): KeyValue[] => [String(r.id)]);
  return found;
}

/**
 * One page of who else read or wrote a record, newest first: as `pageAccessLogForPatient`, with the
 * part of the record each touched, and without the patient's own account (the patient's own view).
 */
export async function pageOthersAccessForPatient(db: Db, patientId: string, page: Omit<KeysetAsk, 'columns' | 'descending'>) {
  const query = db
    .selectFrom('audit_event as e')
    .leftJoin('app_user as u', 'u.id', 'e.user_id')
    .leftJoin('organisation as o', 'o.id', 'e.organisation_id')
    .select(['e.id', 'e.at', 'e.action', 'e.resource', 'e.role', 'e.user_id', 'u.display_name as user_name', 'o.name as organisation_name'])
    .where('e.patient_id', '=', patientId)
    .where('e.allowed', '=', true)
    .where((eb) => eb.or([eb('u.patient_id', 'is', null), eb('u.patient_id', '!=', patientId)]));
  type Row = Awaited<ReturnType<typeof query.execute>>[number];
  const found: KeysetPage<Row> = await keysetPage(query, { ...page, columns: ['e.id'], descending: true }, (r): KeyValue[] => [String(r.id)]);
  return found;
}
