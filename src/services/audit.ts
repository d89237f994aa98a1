// Audit use cases: the admin's search (their own organisation only), the background sealer that
// links new entries into the hash chain every few seconds, and the anchor: the newest link, kept in
// a file outside the database, so that cutting entries off the end of the chain is found out.
import type { Actor } from '../core/access/index.js';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { auditHead, countAudit, sealAudit, sealHashAt, searchAudit, type AuditKey, type AuditPageAsk, type AuditSearch } from '../store/audit.repo.js';
import type { Db } from '../store/db.js';
import type { z } from 'zod';
import type { AuditRow } from '../schema/account.schema.js';
import { AppError } from '../schema/problem.js';
import { encodeCursor, type ListPage, type PageAsk } from '../schema/paging.js';
import { withAction, type AccessDeps, type RequestMeta } from './access.js';
import { codeSearch, patientCode, pseudonymKey, type PseudonymKey } from './pseudonym.js';

/** An audit entry as the administrator's search and the API show it. */
export type AuditEntryView = z.infer<typeof AuditRow>;

/** What the administrator searches by (each optional). `patientCode` is a plain code (see pseudonym.ts). */
export interface AuditFilter {
  patientId?: string | undefined;
  patientCode?: string | undefined;
  userId?: string | undefined;
  person?: string | undefined;
  action?: string | undefined;
  allowed?: boolean | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** One page of the search: the entries, how many there are in all, and the keys to the pages beside it. */
export interface AuditResults {
  entries: AuditEntryView[];
  total: number;
  /** The place of the first entry shown, counted from the newest (1 on the first page; 0: none shown). */
  position: number;
  /** The key of the newest entry shown, when there are newer ones (for "newer"). */
  newer: string | undefined;
  /** The key of the oldest entry shown, when there are older ones (for "older"). */
  older: string | undefined;
}

/** A page's key in an address: the entry's time to the microsecond and its id. */
const KEY = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)_(\d{1,19})$/;
export function parseAuditKey(text: string): AuditKey | undefined {
  const m = KEY.exec(text);
  return m?.[1] && m[2] ? { at: m[1], id: m[2] } : undefined;
}
const keyText = (k: AuditKey) => `${k.at}_${k.id}`;

function storeSearch(actor: Actor, key: PseudonymKey, f: AuditFilter): AuditSearch {
  return {
    organisationId: actor.organisationId ?? '',
    ...(f.patientId ? { patientId: f.patientId } : {}),
    ...(f.patientCode ? { patientCode: codeSearch(key, f.patientCode) } : {}),
    ...(f.userId ? { userId: f.userId } : {}),
    ...(f.person ? { person: f.person } : {}),
    ...(f.action ? { action: f.action } : {}),
    ...(f.allowed !== undefined ? { allowed: f.allowed } : {}),
    ...(f.from ? { from: f.from } : {}),
    ...(f.to ? { to: f.to } : {}),
  };
}

type FoundRow = Awaited<ReturnType<typeof searchAudit>>['rows'][number];

/**
 * One row as the administrator sees it: staff by name; a patient, and a patient's caregiver, by a
 * code instead (an administrator sees no clinical content, and that someone is a patient is).
 */
function viewOf(key: PseudonymKey, r: FoundRow): AuditEntryView {
  const kind = r.user_id === null ? 'nobody' : r.user_role === 'patient' ? 'patient' : r.user_role === 'caregiver' ? 'caregiver' : 'staff';
  return {
    id: String(r.id), at: String(r.at), userId: r.user_id, userName: kind === 'staff' ? r.user_name : null, role: r.role, action: r.action, resource: r.resource,
    patientId: r.patient_id, allowed: r.allowed, reason: r.reason, requestId: r.request_id, clientIp: r.client_ip,
    actorKind: kind,
    actorCode: kind === 'patient' && r.user_patient_id ? patientCode(key, r.user_patient_id) : kind === 'caregiver' && r.user_id ? patientCode(key, r.user_id) : null,
    patientCode: r.patient_id ? patientCode(key, r.patient_id) : null,
  };
}

export async function searchOrganisationAudit(deps: AccessDeps, actor: Actor, meta: RequestMeta, f: AuditFilter, ask: AuditPageAsk): Promise<AuditResults> {
  return withAction(deps, { actor, meta, action: 'audit.search', resource: 'audit' }, async (db) => {
    const key = await pseudonymKey(db);
    const q = storeSearch(actor, key, f);
    const found = await searchAudit(db, q, ask);
    const total = await countAudit(db, q);
    const first = found.rows[0];
    const last = found.rows.at(-1);
    const firstKey = first ? { at: first.at_key, id: String(first.id) } : undefined;
    const position = !firstKey ? 0 : found.hasNewer ? (await countAudit(db, { ...q, newerThan: firstKey })) + 1 : 1;
    return {
      value: {
        entries: found.rows.map((r) => viewOf(key, r)),
        total,
        position,
        newer: found.hasNewer && first ? keyText({ at: first.at_key, id: String(first.id) }) : undefined,
        older: found.hasOlder && last ? keyText({ at: last.at_key, id: String(last.id) }) : undefined,
      },
    };
  });
}

/** One page of the search as the API hands it out: newest first, with how many the search finds in all. */
export async function pageOrganisationAudit(deps: AccessDeps, actor: Actor, meta: RequestMeta, f: AuditFilter, ask: PageAsk): Promise<ListPage<AuditEntryView> & { total: number }> {
  return withAction(deps, { actor, meta, action: 'audit.search', resource: 'audit' }, async (db) => {
    const key = await pseudonymKey(db);
    const q = storeSearch(actor, key, f);
    const edge = ask.cursor && { at: String(ask.cursor.key[0]), id: String(ask.cursor.key[1]) };
    // A cursor carries the edge entry and which way from it: `after` it in the list is older.
    const found = await searchAudit(db, q, { limit: ask.limit, ...(edge && (ask.cursor?.dir === 'before' ? { after: edge } : { before: edge })) });
    const last = found.rows.at(-1);
    return {
      value: {
        items: found.rows.map((r) => viewOf(key, r)),
        nextCursor: found.hasOlder && last ? encodeCursor({ dir: 'after', key: [last.at_key, String(last.id)] }) : null,
        total: await countAudit(db, q),
      },
    };
  });
}

/** The most an export holds; a larger one is refused with a request to narrow the search. */
export const EXPORT_MAX = 100_000;

/** A download refused for its size: how many the search found, and how many a download holds. */
export class TooManyToExport extends AppError {
  constructor(
    readonly total: number,
    readonly max: number,
  ) {
    super('invalid-input', `The search finds ${String(total)} entries; a download holds at most ${String(max)}. Narrow the search.`);
  }
}
const EXPORT_BATCH = 2000;

/**
 * Every entry the filter finds, newest first, for a download: audited as an export of its own
 * (who took a copy of the log, and when, is itself in the log). Refused, not cut short, above
 * EXPORT_MAX entries.
 */
export async function exportOrganisationAudit(deps: AccessDeps, actor: Actor, meta: RequestMeta, f: AuditFilter, max = EXPORT_MAX): Promise<AuditEntryView[]> {
  return withAction(deps, { actor, meta, action: 'audit.export', resource: 'audit/export' }, async (db) => {
    const key = await pseudonymKey(db);
    const q = storeSearch(actor, key, f);
    const total = await countAudit(db, q);
    if (total > max) throw new TooManyToExport(total, max);
    const out: AuditEntryView[] = [];
    let before: AuditKey | undefined;
    for (;;) {
      const found = await searchAudit(db, q, { limit: EXPORT_BATCH, before });
      out.push(...found.rows.map((r) => viewOf(key, r)));
      const last = found.rows.at(-1);
      if (!found.hasOlder || !last) break;
      before = { at: last.at_key, id: String(last.id) };
    }
    return { value: out };
  });
}

/**
 * Seals new audit entries every `everyMs`; returns a stop function. Errors are logged, never thrown.
 * After a round that sealed something, `onHead` gets the newest link (to anchor it outside the
 * database: whoever can cut the newest rows off the chain cannot also rewrite what is kept there).
 */
export function startSealer(db: Db, everyMs: number, onError: (e: unknown) => void, onHead?: (head: AuditHead) => Promise<void>): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const round = async () => {
    if ((await sealAudit(db)) === 0 || !onHead) return;
    const head = await auditHead(db);
    if (head) await onHead(head);
  };
  const timer = setInterval(() => {
    if (stopped) return;
    running = running.then(round).catch(onError);
  }, everyMs);
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
    await round().catch(onError);
  };
}

/** Where the sealing service reports: the server's logger (pino's shape). */
export interface SealingLog {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/**
 * The audit sealer as a service of the running process (started and stopped by `main.ts`, not by
 * the HTTP layer): seals every `everyMs`, writes the chain's head to `anchorFile` after every round
 * that sealed something, and to the log at most once a minute (a second copy outside the database).
 * The function it returns stops it in order: no new round, the running one finished, a last round
 * for what came in meanwhile.
 */
export function startAuditSealing(o: { db: Db; everyMs: number; anchorFile: string; log: SealingLog }): () => Promise<void> {
  let logged = 0;
  const anchor = async (head: AuditHead) => {
    await writeAnchor(o.anchorFile, head);
    if (Date.now() - logged >= 60_000) {
      logged = Date.now();
      o.log.info({ auditHead: head }, 'audit chain head');
    }
  };
  return startSealer(o.db, o.everyMs, (e) => o.log.error({ err: e }, 'audit sealing failed'), anchor);
}

export interface AuditHead {
  seq: number;
  hash: string;
}

/** What the anchor file holds: the newest link sealed, and when it was written. */
export interface AuditAnchor extends AuditHead {
  at: string;
}

export async function readAnchor(file: string): Promise<AuditAnchor | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  const v = JSON.parse(text) as Partial<AuditAnchor>;
  if (typeof v.seq !== 'number' || !Number.isInteger(v.seq) || typeof v.hash !== 'string' || !/^[0-9a-f]{64}$/.test(v.hash)) {
    throw new Error(`${file} is not an audit anchor`);
  }
  return { seq: v.seq, hash: v.hash, at: typeof v.at === 'string' ? v.at : '' };
}

/**
 * Writes the head to the anchor file, never backwards (several processes may seal in turn), and
 * whole or not at all (written aside, then renamed over the old one).
 */
export async function writeAnchor(file: string, head: AuditHead): Promise<boolean> {
  const known = await readAnchor(file).catch(() => undefined);
  if (known && known.seq >= head.seq) return false;
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  const aside = `${file}.${String(process.pid)}.tmp`;
  await writeFile(aside, JSON.stringify({ seq: head.seq, hash: head.hash, at: new Date().toISOString() }) + '\n', { mode: 0o600 });
  await rename(aside, file);
  return true;
}

/**
 * Whether the chain in the database still reaches the anchored link with the same hash; a problem
 * in words when it does not (the newest entries were cut off, or the chain was rebuilt).
 */
export async function checkAnchor(db: Db, anchor: AuditHead): Promise<string | undefined> {
  const hash = await sealHashAt(db, anchor.seq);
  if (hash === undefined) {
    const head = await auditHead(db);
    return `the chain ends at link ${String(head?.seq ?? 0)}, but link ${String(anchor.seq)} was sealed before: the newest entries were removed`;
  }
  if (hash !== anchor.hash) return `link ${String(anchor.seq)} is not the one sealed before: the chain was rebuilt from there`;
  return undefined;
}
