// The one choke point for patient data: load the target, authorise (pure core), and write the audit
// entry in the same transaction as the work. A refused attempt is audited too: the transaction
// commits the audit row, then the refusal is raised. Nothing reads or writes a patient's record
// without passing through here.
import { authorize, type Action, type Actor, type PatientTarget } from '../core/access/index.js';
import type { Db } from '../store/db.js';
import { writeAudit, type AuditEntry } from '../store/audit.repo.js';
import { auditAndReadPatient, caregiverLinkFor, getPatientWithOrgs, lockPatients, patientOrganisations, type PatientOrgRow, type PatientRow } from '../store/patient.repo.js';
import { AppError } from '../schema/problem.js';
import { violatedUnique } from '../store/errors.js';
import { todayNl } from './clock.js';

export interface RequestMeta {
  requestId: string | null;
  clientIp: string | null;
}

export interface AccessDeps {
  db: Db;
  audit: boolean;
}

export function auditEntry(actor: Actor | null, meta: RequestMeta, action: string, resource: string, patientId: string | null, allowed: boolean, reason: string): AuditEntry {
  return {
    userId: actor?.userId ?? null,
    role: actor?.role ?? null,
    organisationId: actor?.organisationId ?? null,
    action,
    resource,
    patientId,
    allowed,
    reason,
    requestId: meta.requestId,
    clientIp: meta.clientIp,
  };
}

export type PatientOrgs = readonly PatientOrgRow[];

export async function loadTarget(db: Db, actor: Actor, row: PatientRow, known?: PatientOrgs): Promise<{ target: PatientTarget; orgs: PatientOrgs }> {
  const orgs = known ?? (await patientOrganisations(db, [row.id]));
  const link = actor.role === 'caregiver' ? await caregiverLinkFor(db, actor.userId, row.id) : undefined;
  return {
    orgs,
    target: {
      id: row.id,
      birthDate: row.birth_date,
      organisations: orgs.map((o) => ({ organisationId: o.organisation_id, relation: o.relation })),
      caregiverLink: link ? { relation: link.relation, patientConsent: link.patient_consent } : undefined,
    },
  };
}

/** A refusal decided outside the use cases (a page not meant for the role): audited like theirs. */
export async function auditRefusal(deps: AccessDeps, actor: Actor | null, meta: RequestMeta, action: string, resource: string, reason: string): Promise<void> {
  if (deps.audit) await writeAudit(deps.db, [auditEntry(actor, meta, action, resource, null, false, reason)]);
}

type Outcome<T> = { ok: true; value: T } | { ok: false; error: AppError };

/**
 * What a unique index that a write ran into means for the person asking, by field. Two requests
 * racing for the same BSN or e-mail address both pass the friendly check before the insert; the
 * index then refuses one of them, and that is a conflict (409), not a failure. The answer names the
 * field only, never the record that holds the value.
 */
const UNIQUE_FIELDS: Record<string, { pointer: string; detail: string; message: string }> = {
  patient_bsn_unique: { pointer: '/bsn', detail: 'is already in use', message: 'A patient with this BSN already exists.' },
  app_user_email_unique: { pointer: '/email', detail: 'is already in use', message: 'This e-mail address already has an account.' },
  app_user_patient_unique: { pointer: '', detail: 'the patient already has an account', message: 'This patient already has an account.' },
};

/** The refusal a store error stands for, or the error itself when it is not one. */
export function asRefusal(e: unknown): unknown {
  const constraint = violatedUnique(e);
  if (constraint === undefined) return e;
  const f = UNIQUE_FIELDS[constraint];
  if (!f) return new AppError('conflict', 'This conflicts with data that already exists.');
  return new AppError('conflict', f.message, [{ pointer: f.pointer, detail: f.detail }]);
}

/**
 * Work that was allowed but then failed rolls its transaction back, audit entry included. The
 * attempt is still recorded, outside that transaction, as not done (never as allowed and done).
 */
async function auditFailed(deps: AccessDeps, entry: AuditEntry, error: unknown): Promise<void> {
  if (!deps.audit) return;
  const why = error instanceof AppError ? `not done (${error.code}): ${error.message}` : 'not done: the work failed';
  // When the database itself is gone this fails too; the original error is what the caller needs.
  await writeAudit(deps.db, [{ ...entry, allowed: false, reason: why }]).catch(() => undefined);
}

/**
 * Runs `work` on one patient's record if `actor` may do `action`; audits the attempt either way.
 * `resource` names what is touched (e.g. "patient", "patient/access-log").
 */
export async function withPatient<T>(
  deps: AccessDeps,
  actor: Actor,
  meta: RequestMeta,
  action: Action,
  resource: string,
  patientId: string,
  work: (db: Db, row: PatientRow, target: PatientTarget, orgs: PatientOrgs) => Promise<T>,
): Promise<T> {
  const asOf = todayNl();
  let attempted: AuditEntry | undefined;
  const out = await deps.db.transaction().execute(async (trx): Promise<Outcome<T>> => {
    const found = await getPatientWithOrgs(trx, patientId);
    if (!found) {
      if (deps.audit) await writeAudit(trx, [auditEntry(actor, meta, action, resource, null, false, `no patient ${patientId}`)]);
      return { ok: false, error: new AppError('not-found', 'There is no patient with this id.') };
    }
    const row = found.row;
    const { target, orgs } = await loadTarget(trx, actor, row, found.orgs);
    const d = authorize(actor, action, target, asOf);
    if (deps.audit) await writeAudit(trx, [auditEntry(actor, meta, action, resource, row.id, d.allowed, d.reason)]);
    if (!d.allowed) return { ok: false, error: new AppError('forbidden', `You may not do this with this record: ${d.reason}.`) };
    attempted = auditEntry(actor, meta, action, resource, row.id, true, d.reason);
    return { ok: true, value: await work(trx, row, target, orgs) };
  }).catch(async (e: unknown) => {
    const refusal = asRefusal(e);
    if (attempted) await auditFailed(deps, attempted, refusal);
    throw refusal;
  });
  if (!out.ok) throw out.error;
  return out.value;
}

/**
 * Work on several records at once (a merge), all or nothing: the rows are locked in id order, each
 * is authorised and audited. If any is refused, nothing is done and every entry says not allowed;
 * if the work then fails (a conflict), the entries are rolled back with it and written again, after
 * the rollback, as not done. No entry ever says allowed for work that did not happen.
 */
export async function withPatients<T>(
  deps: AccessDeps,
  actor: Actor,
  meta: RequestMeta,
  action: Action,
  resource: string,
  patientIds: readonly string[],
  work: (db: Db, rows: PatientRow[]) => Promise<T>,
): Promise<T> {
  const asOf = todayNl();
  let attempted: AuditEntry[] = [];
  const out = await deps.db
    .transaction()
    .execute(async (trx): Promise<Outcome<T>> => {
      await lockPatients(trx, patientIds);
      const rows: PatientRow[] = [];
      const entries: AuditEntry[] = [];
      let refusal: AppError | undefined;
      for (const id of patientIds) {
        const found = await getPatientWithOrgs(trx, id);
        if (!found) {
          entries.push(auditEntry(actor, meta, action, resource, null, false, `no patient ${id}`));
          refusal ??= new AppError('not-found', 'There is no patient with this id.');
          continue;
        }
        const { target } = await loadTarget(trx, actor, found.row, found.orgs);
        const d = authorize(actor, action, target, asOf);
        entries.push(auditEntry(actor, meta, action, resource, found.row.id, d.allowed, d.reason));
        if (!d.allowed) refusal ??= new AppError('forbidden', `You may not do this with this record: ${d.reason}.`);
        rows.push(found.row);
      }
      if (refusal) {
        const why = `not done: ${refusal.message}`;
        if (deps.audit) await writeAudit(trx, entries.map((e) => (e.allowed ? { ...e, allowed: false, reason: why } : e)));
        return { ok: false, error: refusal };
      }
      if (deps.audit) await writeAudit(trx, entries);
      attempted = entries;
      return { ok: true, value: await work(trx, rows) };
    })
    .catch(async (e: unknown) => {
      const refusal = asRefusal(e);
      for (const entry of attempted) await auditFailed(deps, entry, refusal);
      throw refusal;
    });
  if (!out.ok) throw out.error;
  return out.value;
}

/**
 * The read path, in as few round trips as correctness allows: read and decide (the caller may have
 * done that read together with the session check: `preRead`); then write the audit entry and read
 * the record again in one statement (one transaction), and hand out that second read.
 * If what the decision rested on (birth date, organisations) changed in between, the fully
 * transactional path decides again.
 */
export async function readWithPatient<T>(
  deps: AccessDeps,
  actor: Actor,
  meta: RequestMeta,
  action: Action,
  resource: string,
  patientId: string,
  present: (db: Db, row: PatientRow, target: PatientTarget, orgs: PatientOrgs) => Promise<T>,
  /** The record as already read in the caller's first statement (null: there was none). */
  preRead?: { row: PatientRow; orgs: PatientOrgs } | null,
): Promise<T> {
  // A caregiver's access also rests on their link and the patient's consent: decide in one transaction.
  if (actor.role === 'caregiver') return withPatient(deps, actor, meta, action, resource, patientId, present);
  const found = preRead === undefined ? await getPatientWithOrgs(deps.db, patientId) : preRead;
  if (!found) return withPatient(deps, actor, meta, action, resource, patientId, present);
  const { target } = await loadTarget(deps.db, actor, found.row, found.orgs);
  const d = authorize(actor, action, target, todayNl());
  if (!d.allowed) return withPatient(deps, actor, meta, action, resource, patientId, present);
  if (!deps.audit) return present(deps.db, found.row, target, found.orgs);
  const again = await auditAndReadPatient(deps.db, auditEntry(actor, meta, action, resource, patientId, true, d.reason), patientId);
  const basis = (x: { row: PatientRow; orgs: PatientOrgs }) => JSON.stringify([x.row.birth_date, x.orgs.map((o) => [o.organisation_id, o.relation])]);
  if (!again || basis(again) !== basis(found)) return withPatient(deps, actor, meta, action, resource, patientId, present);
  return present(deps.db, again.row, target, again.orgs);
}

/** For actions without a single patient (create, user management, audit search). */
export async function withAction<T>(
  deps: AccessDeps,
  actor: Actor,
  meta: RequestMeta,
  action: Action,
  resource: string,
  work: (db: Db) => Promise<{ value: T; patientId?: string | null }>,
): Promise<T> {
  const d = authorize(actor, action, null, todayNl());
  if (!d.allowed) {
    if (deps.audit) await writeAudit(deps.db, [auditEntry(actor, meta, action, resource, null, false, d.reason)]);
    throw new AppError('forbidden', `You may not do this: ${d.reason}.`);
  }
  return deps.db
    .transaction()
    .execute(async (trx) => {
      const r = await work(trx);
      if (deps.audit) await writeAudit(trx, [auditEntry(actor, meta, action, resource, r.patientId ?? null, true, d.reason)]);
      return r.value;
    })
    .catch(async (e: unknown) => {
      const refusal = asRefusal(e);
      await auditFailed(deps, auditEntry(actor, meta, action, resource, null, true, d.reason), refusal);
      throw refusal;
    });
}

/**
 * Lists: every candidate row is authorised on its own and each patient shown gets its own audit
 * entry (one list of 20 patients = 20 entries), all in one transaction with the read.
 */
export async function listPatients(
  deps: AccessDeps,
  actor: Actor,
  meta: RequestMeta,
  resource: string,
  candidates: (db: Db) => Promise<PatientRow[]>,
): Promise<PatientRow[]> {
  const asOf = todayNl();
  return deps.db.transaction().execute(async (trx) => {
    const rows = await candidates(trx);
    const orgs = await patientOrganisations(trx, rows.map((r) => r.id));
    const shown: PatientRow[] = [];
    const entries: AuditEntry[] = [];
    for (const row of rows) {
      const { target } = await loadTarget(trx, actor, row, orgs.filter((o) => o.patient_id === row.id));
      const d = authorize(actor, 'patient.read', target, asOf);
      if (d.allowed) {
        shown.push(row);
        entries.push(auditEntry(actor, meta, 'patient.list', resource, row.id, true, d.reason));
      }
    }
    if (deps.audit) {
      if (entries.length === 0) entries.push(auditEntry(actor, meta, 'patient.list', resource, null, true, 'no patients shown'));
      await writeAudit(trx, entries);
    }
    return shown;
  });
}
