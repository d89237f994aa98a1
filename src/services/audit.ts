// Audit use cases: the admin's search (their own organisation only), and the background sealer
// that links new entries into the hash chain every few seconds.
import type { Actor } from '../core/access/index.js';
import { sealAudit, searchAudit } from '../store/audit.repo.js';
import type { Db } from '../store/db.js';
import { withAction, type AccessDeps, type RequestMeta } from './access.js';

export async function searchOrganisationAudit(
  deps: AccessDeps,
  actor: Actor,
  meta: RequestMeta,
  q: { patientId?: string | undefined; userId?: string | undefined; action?: string | undefined; allowed?: boolean | undefined; from?: string | undefined; to?: string | undefined; limit: number; offset: number },
) {
  return withAction(deps, actor, meta, 'audit.search', 'audit', async (db) => {
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
        id: r.id, at: r.at, userId: r.user_id, userName: r.user_name, role: r.role, action: r.action, resource: r.resource,
        patientId: r.patient_id, allowed: r.allowed, reason: r.reason, requestId: r.request_id, clientIp: r.client_ip,
      })),
    };
  });
}

/** Seals new audit entries every `everyMs`; returns a stop function. Errors are logged, never thrown. */
export function startSealer(db: Db, everyMs: number, onError: (e: unknown) => void): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const timer = setInterval(() => {
    if (stopped) return;
    running = running.then(() => sealAudit(db)).catch(onError);
  }, everyMs);
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
    await sealAudit(db).catch(onError);
  };
}
