// Audit use cases: the admin's search (their own organisation only), the background sealer that
// links new entries into the hash chain every few seconds, and the anchor: the newest link, kept in
// a file outside the database, so that cutting entries off the end of the chain is found out.
import type { Actor } from '../core/access/index.js';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { auditHead, sealAudit, sealHashAt, searchAudit } from '../store/audit.repo.js';
import type { Db } from '../store/db.js';
import type { z } from 'zod';
import type { AuditRow } from '../schema/account.schema.js';
import { withAction, type AccessDeps, type RequestMeta } from './access.js';

/** An audit entry as the administrator's search and the API show it. */
export type AuditEntryView = z.infer<typeof AuditRow>;

export async function searchOrganisationAudit(
  deps: AccessDeps,
  actor: Actor,
  meta: RequestMeta,
  q: { patientId?: string | undefined; userId?: string | undefined; action?: string | undefined; allowed?: boolean | undefined; from?: string | undefined; to?: string | undefined; limit: number; offset: number },
): Promise<AuditEntryView[]> {
  return withAction(deps, { actor, meta, action: 'audit.search', resource: 'audit' }, async (db) => {
    const rows = await searchAudit(db, {
      organisationId: actor.organisationId ?? '',
      ...(q.patientId ? { patientId: q.patientId } : {}),
      ...(q.userId ? { userId: q.userId } : {}),
      ...(q.action ? { action: q.action } : {}),
      ...(q.allowed !== undefined ? { allowed: q.allowed } : {}),
      ...(q.from ? { from: q.from } : {}),
      ...(q.to ? { to: q.to } : {}),
      limit: q.limit,
      offset: q.offset,
    });
    return {
      value: rows.map((r) => ({
        id: String(r.id), at: String(r.at), userId: r.user_id, userName: r.user_name, role: r.role, action: r.action, resource: r.resource,
        patientId: r.patient_id, allowed: r.allowed, reason: r.reason, requestId: r.request_id, clientIp: r.client_ip,
      })),
    };
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
