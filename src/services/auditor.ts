// The audit port every use case is given. Whether an installation audits is decided once, when the
// deps are made (`auditorFor`), not at each site: a use case records its entries the same way
// either way, so no branch can forget to audit. The real auditor writes through the audit
// repository on the connection it is handed, so an entry stands or falls with the transaction of
// the work it describes.
import type { Actor, AuditAction } from '../core/access/index.js';
import { writeAudit, type AuditEntry } from '../store/audit.repo.js';
import type { Db } from '../store/db.js';

export type { AuditEntry } from '../store/audit.repo.js';

export interface RequestMeta {
  requestId: string | null;
  clientIp: string | null;
}

/** What an audit entry says, by name. `patientId` is the record concerned (none: null or absent). */
export interface AuditFacts {
  actor: Actor | null;
  meta: RequestMeta;
  action: AuditAction;
  resource: string;
  patientId?: string | null;
  reason: string;
}

export function auditEntry(facts: AuditFacts & { allowed: boolean }): AuditEntry {
  const { actor, meta } = facts;
  return {
    userId: actor?.userId ?? null,
    role: actor?.role ?? null,
    organisationId: actor?.organisationId ?? null,
    action: facts.action,
    resource: facts.resource,
    patientId: facts.patientId ?? null,
    allowed: facts.allowed,
    reason: facts.reason,
    requestId: meta.requestId,
    clientIp: meta.clientIp,
  };
}

/** The answer of `recordAndRead`: what the read found, or that nothing was recorded (and read). */
export type RecordedRead<T> = { recorded: true; value: T } | { recorded: false };

export interface Auditor {
  /** Writes entries on `db`; inside a transaction they are rolled back with its work. */
  record(db: Db, entries: readonly AuditEntry[]): Promise<void>;
  /** One entry for something done (allowed). */
  allowed(db: Db, facts: AuditFacts): Promise<void>;
  /** One entry for something refused or failed (not allowed). */
  refused(db: Db, facts: AuditFacts): Promise<void>;
  /** Entries that take work to name (a look-up); the work is skipped when nothing is recorded. */
  recordBuilt(db: Db, build: () => Promise<readonly AuditEntry[]>): Promise<void>;
  /**
   * For a statement that writes the entry and reads in one go (the record read): runs `read` with
   * the entry when entries are recorded; otherwise runs nothing and says so, and the caller keeps
   * what it had already read.
   */
  recordAndRead<T>(entry: AuditEntry, read: (entry: AuditEntry) => Promise<T>): Promise<RecordedRead<T>>;
}

/** The auditor of every installation: entries go to `audit_event` through the audit repository. */
export const storeAuditor: Auditor = {
  record: (db, entries) => writeAudit(db, entries),
  allowed: (db, facts) => writeAudit(db, [auditEntry({ ...facts, allowed: true })]),
  refused: (db, facts) => writeAudit(db, [auditEntry({ ...facts, allowed: false })]),
  recordBuilt: async (db, build) => writeAudit(db, await build()),
  recordAndRead: async (entry, read) => ({ recorded: true, value: await read(entry) }),
};

/** Records nothing: for the benchmark build that measures what auditing costs (BOTPAD_AUDIT=0). */
export const noAuditor: Auditor = {
  record: () => Promise.resolve(),
  allowed: () => Promise.resolve(),
  refused: () => Promise.resolve(),
  recordBuilt: () => Promise.resolve(),
  recordAndRead: () => Promise.resolve({ recorded: false }),
};

export function auditorFor(enabled: boolean): Auditor {
  return enabled ? storeAuditor : noAuditor;
}
