// The one choke point for patient data: load the target, authorise (pure core), and write the audit
// entry in the same transaction as the work. A refused attempt is audited too: the transaction
// commits the audit row, then the refusal is raised. Nothing reads or writes a patient's record
// without passing through here: this is the only module that imports the patient repository
// (a dependency-cruiser rule, `patient-repo-only-via-access`); the use cases get its functions
// (`PatientRecords`) as part of the work they were allowed to do.
import { authorize, caregiverLinkStanding, type Action, type Actor, type AuditAction, type CaregiverLink, type LinkStanding, type PatientTarget } from '../core/access/index.js';
import { inTransaction, type Db, type Tx } from '../store/db.js';
import {
  auditAndReadPatient, caregiverLinkFor, caregiversOf, getPatient, getPatientWithOrgs, insertPatient, linkCaregiver, linkOrganisation, linksOfCaregiver, lockPatients,
  mergePatients, pageCaregiversOf, pagePatients, pageRevisionsOf, patientOrganisations, recordCaregiverConsent, revisionsOf, searchPatients, sessionAndPatient, unmergePatient, updatePatient, withdrawCaregiver,
  type CaregiverLinkRow, type PatientOrgRow, type PatientRow,
} from '../store/patient.repo.js';
import * as clinical from '../store/record.repo.js';
import * as invitations from '../store/caregiver-invitation.repo.js';
import { invitationByToken, type InvitationRow } from '../store/caregiver-invitation.repo.js';
import * as referrals from '../store/referral.repo.js';
import { sharesGroupWith } from '../store/groups.repo.js';
import type { ReferralRow, WaitingReferralRow } from '../store/referral.repo.js';
import type { SessionRow } from '../store/accounts.repo.js';
import { AppError } from '../schema/problem.js';
import { violatedUnique } from '../store/errors.js';
import { todayNl } from '../schema/clock.js';
import type { Cursor, KeyValue } from '../schema/paging.js';
import type { KeysetPage } from '../store/paging.js';
import { auditEntry, type AuditEntry, type Auditor, type RequestMeta } from './auditor.js';
import { refreshPatients } from './worklist-derive.js';

export { auditEntry, type AuditEntry, type RequestMeta } from './auditor.js';

export type { CaregiverLinkRow, ConsentGiven, PatientOrgRow, PatientRow } from '../store/patient.repo.js';
export type { AssessmentRow, CareEndRow, EntryRow } from '../store/record.repo.js';
export type { InvitationRow } from '../store/caregiver-invitation.repo.js';
export type { ReferralRow, WaitingReferralRow } from '../store/referral.repo.js';

/**
 * The actions after which a patient's worklist items are re-derived, in the same transaction: a
 * fact recorded, an assessment signed, care ended, the logistics changed, the person's details
 * (name, birth date, GP) changed, records merged or linked to an organisation, a medicine prescribed, stopped or planned.
 */
const CHANGES_WORKLIST: ReadonlySet<Action> = new Set<Action>([
  'patient.create', 'patient.write', 'patient.link', 'patient.merge', 'patient.unmerge', 'record.write', 'assessment.sign', 'pathway.end', 'medication.prescribe',
  'dose.confirm',
  // A reported fracture enters the record as the patient's: the core reads it at once.
  'report.write',
  // A practice's measurements and therapy period, and the referral that opens or closes its door:
  // the practice's worklist (the step `measurement`) follows them at once.
  'therapy.write', 'referral.decide', 'referral.end', 'referral.record-letter',
]);

/** Who asks to do what, to which kind of thing (`resource` names it in the audit: "patient", "patient/access-log"). */
export interface Asked {
  actor: Actor;
  meta: RequestMeta;
  action: Action;
  resource: string;
}

export interface AccessDeps {
  db: Db;
  auditor: Auditor;
}

/** The patient repository's work, handed to use cases only once access.ts has authorised them. */
const RECORDS = {
  insertPatient, updatePatient, revisionsOf, caregiversOf, linkOrganisation, linkCaregiver, mergePatients, unmergePatient, searchPatients, patientOrganisations,
  lockPatients, pagePatients, pageRevisionsOf, pageCaregiversOf, recordCaregiverConsent, withdrawCaregiver,
  /** The clinical record: entries, signed assessments, the end of care (store/record.repo.ts). */
  clinical,
  /** The patient's invitations of caregivers by e-mail (store/caregiver-invitation.repo.ts). */
  invitations,
  /** Referrals to a physiotherapy practice and the door each opens (store/referral.repo.ts). */
  referrals,
} as const;
export type PatientRecords = typeof RECORDS;

/**
 * What work on one record is given: the connection (a transaction, except on the read path's
 * single-statement fast lane), the record, what the decision rested on, the repository.
 */
export interface PatientWork {
  db: Db;
  row: PatientRow;
  target: PatientTarget;
  orgs: PatientOrgs;
  records: PatientRecords;
}

export type PatientOrgs = readonly PatientOrgRow[];

/** A caregiver's link of a record as the repository reads it. */
export type CaregiverRow = Awaited<ReturnType<typeof caregiversOf>>[number];

/** A stored link as the rules see it. */
export function coreLink(row: Omit<CaregiverLinkRow, 'consent_given_by' | 'withdrawn_reason'>): CaregiverLink {
  return { relation: row.relation, patientConsent: row.consent_given_at !== null, representationProof: row.representation_proof !== null, withdrawn: row.withdrawn_at !== null };
}

export async function loadTarget(db: Db, actor: Actor, row: PatientRow, known?: PatientOrgs, knownShared?: ReadonlySet<string>): Promise<{ target: PatientTarget; orgs: PatientOrgs }> {
  const orgs = known ?? (await patientOrganisations(db, [row.id]));
  const link = actor.role === 'caregiver' ? await caregiverLinkFor(db, actor.userId, row.id) : undefined;
  // A care worker sees the children of their own group(s) only: the core is told whether this is one.
  const shared = actor.role !== 'care-worker' ? undefined : (knownShared ?? (await sharesGroupWith(db, actor.userId, [row.id])));
  return {
    orgs,
    target: {
      id: row.id,
      birthDate: row.birth_date,
      organisations: orgs.map((o) => ({ organisationId: o.organisation_id, relation: o.relation })),
      caregiverLink: link ? coreLink(link) : undefined,
      ...(shared ? { sharesGroup: shared.has(row.id) } : {}),
    },
  };
}

/** A refusal decided outside the use cases (a page not meant for the role): audited like theirs. */
export async function auditRefusal(deps: AccessDeps, refusal: { actor: Actor | null; meta: RequestMeta; action: AuditAction; resource: string; reason: string }): Promise<void> {
  await deps.auditor.refused(deps.db, refusal);
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
  day_centre_group_name_unique: { pointer: '/name', detail: 'is already the name of a group', message: 'Your day centre already has a group with this name.' },
  referral_open_unique: { pointer: '/organisationId', detail: 'already has an open referral for this patient', message: 'This practice already has an open referral for this patient.' },
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
  const why = error instanceof AppError ? `not done (${error.code}): ${error.message}` : 'not done: the work failed';
  // When the database itself is gone this fails too; the original error is what the caller needs.
  await deps.auditor.record(deps.db, [{ ...entry, allowed: false, reason: why }]).catch(() => undefined);
}

/**
 * Runs `work` on one patient's record if `actor` may do `action`; audits the attempt either way.
 * `resource` names what is touched (e.g. "patient", "patient/access-log").
 */
export async function withPatient<T>(
  deps: AccessDeps,
  ask: Asked & { patientId: string; referralId?: string },
  work: (w: PatientWork & { db: Tx; referral?: ReferralRow }) => Promise<T>,
): Promise<T> {
  const { actor, meta, action, resource, patientId } = ask;
  const asOf = todayNl();
  let attempted: AuditEntry | undefined;
  const out = await inTransaction(deps.db, async (trx): Promise<Outcome<T>> => {
    const found = await getPatientWithOrgs(trx, patientId);
    if (!found) {
      await deps.auditor.refused(trx, { actor, meta, action, resource, reason: `no patient ${patientId}` });
      return { ok: false, error: new AppError('not-found', 'There is no patient with this id.') };
    }
    const row = found.row;
    // A step on a referral is decided on the referral as it stands, held until the step is taken.
    const referral = ask.referralId === undefined ? undefined : await referrals.referralById(trx, ask.referralId, true);
    if (ask.referralId !== undefined && referral?.patient_id !== row.id) {
      await deps.auditor.refused(trx, { actor, meta, action, resource, reason: `no referral ${ask.referralId}` });
      return { ok: false, error: new AppError('not-found', 'There is no referral with this id.', [{ pointer: '/params/referralId', detail: 'no such referral' }]) };
    }
    const { target, orgs } = await loadTarget(trx, actor, row, found.orgs);
    if (referral) target.referral = { fromOrganisationId: referral.from_organisation_id, toOrganisationId: referral.to_organisation_id, status: referral.status };
    const d = authorize(actor, action, target, asOf);
    const entry = auditEntry({ actor, meta, action, resource, patientId: row.id, allowed: d.allowed, reason: d.reason });
    await deps.auditor.record(trx, [entry]);
    if (!d.allowed) return { ok: false, error: new AppError('forbidden', `You may not do this with this record: ${d.reason}.`) };
    attempted = entry;
    const value = await work({ db: trx, row, target, orgs, records: RECORDS, ...(referral ? { referral } : {}) });
    if (CHANGES_WORKLIST.has(action)) await refreshPatients(trx, [row.id], asOf);
    return { ok: true, value };
  }).catch(async (e: unknown) => {
    const refusal = asRefusal(e);
    if (attempted) await auditFailed(deps, attempted, refusal);
    throw refusal;
  });
  if (!out.ok) throw out.error;
  return out.value;
}

/**
 * A step on one referral (accept, decline, end): authorised on the referral as it stands and on the
 * record it is about, audited against that patient, like any work on a record (withPatient).
 */
export async function withReferral<T>(deps: AccessDeps, ask: Asked & { referralId: string }, work: (w: PatientWork & { db: Tx; referral: ReferralRow }) => Promise<T>): Promise<T> {
  const found = await referrals.referralById(deps.db, ask.referralId);
  if (!found) {
    await deps.auditor.refused(deps.db, { actor: ask.actor, meta: ask.meta, action: ask.action, resource: ask.resource, reason: `no referral ${ask.referralId}` });
    throw new AppError('not-found', 'There is no referral with this id.', [{ pointer: '/params/referralId', detail: 'no such referral' }]);
  }
  return withPatient(deps, { ...ask, patientId: found.patient_id }, async (w) => {
    if (!w.referral) throw new AppError('not-found', 'There is no referral with this id.', [{ pointer: '/params/referralId', detail: 'no such referral' }]);
    return work({ ...w, referral: w.referral });
  });
}

/**
 * The referrals waiting for the reader's practice, with the little of each record the practice may
 * see before it accepts (name, birth date; the rest is what the referral said). Each is decided by
 * the core on its own patient and audited as seen; a reader who keeps no such list is refused.
 */
export async function listWaitingReferrals(deps: AccessDeps, ask: Omit<Asked, 'action'>, limit: number): Promise<WaitingReferralRow[]> {
  const { actor, meta, resource } = ask;
  const asOf = todayNl();
  const d = authorize(actor, 'referral.read-pending', null, asOf);
  if (!d.allowed || !actor.organisationId) {
    await deps.auditor.refused(deps.db, { actor, meta, action: 'referral.read-pending', resource, reason: d.reason });
    throw new AppError('forbidden', `You may not do this: ${d.reason}.`);
  }
  const practice = actor.organisationId;
  return inTransaction(deps.db, async (trx) => {
    const rows = await referrals.waitingFor(trx, practice, limit);
    const orgs = await patientOrganisations(trx, [...new Set(rows.map((r) => r.patient_id))]);
    const shown: WaitingReferralRow[] = [];
    const entries: AuditEntry[] = [];
    for (const r of rows) {
      const target: PatientTarget = {
        id: r.patient_id, birthDate: r.birth_date,
        organisations: orgs.filter((o) => o.patient_id === r.patient_id).map((o) => ({ organisationId: o.organisation_id, relation: o.relation })),
        referral: { fromOrganisationId: r.from_organisation_id, toOrganisationId: r.to_organisation_id, status: r.status },
      };
      const one = authorize(actor, 'referral.read-pending', target, asOf);
      if (!one.allowed) continue;
      shown.push(r);
      entries.push(auditEntry({ actor, meta, action: 'referral.read-pending', resource, patientId: r.patient_id, allowed: true, reason: one.reason }));
    }
    if (entries.length === 0) entries.push(auditEntry({ actor, meta, action: 'referral.read-pending', resource, allowed: true, reason: 'no referrals waiting' }));
    await deps.auditor.record(trx, entries);
    return shown;
  });
}

/**
 * The patients the reader's practice has taken on (accepted referrals), each decided by the core as
 * a record read (`patient.read`) and audited as listed, like any list of patients.
 */
export async function listAcceptedReferrals(deps: AccessDeps, ask: Omit<Asked, 'action'>, limit: number): Promise<WaitingReferralRow[]> {
  const practice = ask.actor.organisationId;
  if (ask.actor.role !== 'physiotherapist' || !practice) return [];
  return inTransaction(deps.db, async (trx) => {
    const rows = await referrals.acceptedFor(trx, practice, limit);
    const shown = await decideListed(deps, trx, ask, rows.map((r) => ({ id: r.patient_id, birth_date: r.birth_date })));
    return rows.filter((r) => shown.has(r.patient_id));
  });
}

/**
 * Work on several records at once (a merge), all or nothing: the rows are locked in id order, each
 * is authorised and audited. If any is refused, nothing is done and every entry says not allowed;
 * if the work then fails (a conflict), the entries are rolled back with it and written again, after
 * the rollback, as not done. No entry ever says allowed for work that did not happen.
 */
export async function withPatients<T>(
  deps: AccessDeps,
  ask: Asked & { patientIds: readonly string[] },
  work: (w: { db: Tx; rows: PatientRow[]; records: PatientRecords }) => Promise<T>,
): Promise<T> {
  const { actor, meta, action, resource, patientIds } = ask;
  const asOf = todayNl();
  let attempted: AuditEntry[] = [];
  const out = await inTransaction(deps.db, async (trx): Promise<Outcome<T>> => {
      await lockPatients(trx, patientIds);
      const rows: PatientRow[] = [];
      const entries: AuditEntry[] = [];
      let refusal: AppError | undefined;
      for (const id of patientIds) {
        const found = await getPatientWithOrgs(trx, id);
        if (!found) {
          entries.push(auditEntry({ actor, meta, action, resource, allowed: false, reason: `no patient ${id}` }));
          refusal ??= new AppError('not-found', 'There is no patient with this id.');
          continue;
        }
        const { target } = await loadTarget(trx, actor, found.row, found.orgs);
        const d = authorize(actor, action, target, asOf);
        entries.push(auditEntry({ actor, meta, action, resource, patientId: found.row.id, allowed: d.allowed, reason: d.reason }));
        if (!d.allowed) refusal ??= new AppError('forbidden', `You may not do this with this record: ${d.reason}.`);
        rows.push(found.row);
      }
      if (refusal) {
        const why = `not done: ${refusal.message}`;
        await deps.auditor.record(trx, entries.map((e) => (e.allowed ? { ...e, allowed: false, reason: why } : e)));
        return { ok: false, error: refusal };
      }
      await deps.auditor.record(trx, entries);
      attempted = entries;
      const value = await work({ db: trx, rows, records: RECORDS });
      if (CHANGES_WORKLIST.has(action)) await refreshPatients(trx, rows.map((r) => r.id), asOf);
      return { ok: true, value };
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
  ask: Asked & {
    patientId: string;
    /** The record as already read in the caller's first statement (`sessionAndRecord`; null: there was none). */
    preRead?: PreRead | null;
  },
  present: (w: PatientWork) => Promise<T>,
): Promise<T> {
  const { actor, meta, action, resource, patientId, preRead } = ask;
  // A caregiver's access also rests on their link and the patient's consent: decide in one transaction.
  if (actor.role === 'caregiver') return withPatient(deps, { actor, meta, action, resource, patientId }, present);
  const found = preRead === undefined ? await getPatientWithOrgs(deps.db, patientId) : preRead;
  if (!found) return withPatient(deps, { actor, meta, action, resource, patientId }, present);
  const { target } = await loadTarget(deps.db, actor, found.row, found.orgs);
  const d = authorize(actor, action, target, todayNl());
  if (!d.allowed) return withPatient(deps, { actor, meta, action, resource, patientId }, present);
  const entry = auditEntry({ actor, meta, action, resource, patientId, allowed: true, reason: d.reason });
  const read = await deps.auditor.recordAndRead(entry, (e) => auditAndReadPatient(deps.db, e, patientId));
  if (!read.recorded) return present({ db: deps.db, row: found.row, target, orgs: found.orgs, records: RECORDS });
  const again = read.value;
  const basis = (x: { row: PatientRow; orgs: PatientOrgs }) => JSON.stringify([x.row.birth_date, x.orgs.map((o) => [o.organisation_id, o.relation])]);
  if (!again || basis(again) !== basis(found)) return withPatient(deps, { actor, meta, action, resource, patientId }, present);
  return present({ db: deps.db, row: again.row, target, orgs: again.orgs, records: RECORDS });
}

/**
 * For actions without a single patient (create, user management, audit search, settings). The
 * work's `detail`, when it gives one, is the audit entry's reason instead of the core's: what was
 * done (the settings that changed), where the reason for allowing it would say less.
 */
export async function withAction<T>(
  deps: AccessDeps,
  ask: Asked,
  work: (db: Tx, records: PatientRecords) => Promise<{ value: T; patientId?: string | null; detail?: string }>,
): Promise<T> {
  const { actor, meta, action, resource } = ask;
  const d = authorize(actor, action, null, todayNl());
  if (!d.allowed) {
    await deps.auditor.refused(deps.db, { actor, meta, action, resource, reason: d.reason });
    throw new AppError('forbidden', `You may not do this: ${d.reason}.`);
  }
  return inTransaction(deps.db, async (trx) => {
      const r = await work(trx, RECORDS);
      if (CHANGES_WORKLIST.has(action) && r.patientId) await refreshPatients(trx, [r.patientId]);
      await deps.auditor.allowed(trx, { actor, meta, action, resource, patientId: r.patientId ?? null, reason: r.detail ?? d.reason });
      return r.value;
    })
    .catch(async (e: unknown) => {
      const refusal = asRefusal(e);
      await auditFailed(deps, auditEntry({ actor, meta, action, resource, allowed: true, reason: d.reason }), refusal);
      throw refusal;
    });
}

/**
 * Lists: every candidate row is authorised on its own and each patient shown gets its own audit
 * entry (one list of 20 patients = 20 entries), all in one transaction with the read. `candidates`
 * gives the rows and what goes with them (a page's cursors and counts); the rows come back authorised.
 * A list that shows nobody is audited once as such, unless `auditEmpty` is false: a check that is
 * part of a use case audited on its own (the look for duplicates before a record is made).
 */
export async function listPatients<T extends { rows: PatientRow[] }>(
  deps: AccessDeps,
  ask: Omit<Asked, 'action'>,
  candidates: (db: Tx, records: PatientRecords) => Promise<T>,
  opts: { auditEmpty?: boolean } = {},
): Promise<T> {
  const { actor } = ask;
  const asOf = todayNl();
  return inTransaction(deps.db, async (trx) => {
    const found = await candidates(trx, RECORDS);
    const decided = await decideEach(trx, actor, found.rows, asOf);
    await auditListed(deps, trx, ask, decided, opts);
    return { ...found, rows: decided.map((d) => d.row) };
  });
}

/** The rows the core lets `actor` read, each with the reason it gave; the others are left out. */
async function decideEach(trx: Tx, actor: Actor, rows: readonly PatientRow[], asOf: string): Promise<{ row: PatientRow; reason: string }[]> {
  const orgs = await patientOrganisations(trx, rows.map((r) => r.id));
  const shared = actor.role === 'care-worker' ? await sharesGroupWith(trx, actor.userId, rows.map((r) => r.id)) : undefined;
  const out: { row: PatientRow; reason: string }[] = [];
  for (const row of rows) {
    const { target } = await loadTarget(trx, actor, row, orgs.filter((o) => o.patient_id === row.id), shared);
    const d = authorize(actor, 'patient.read', target, asOf);
    if (d.allowed) out.push({ row, reason: d.reason });
  }
  return out;
}

/**
 * A list of items about patients (the worklist) read in the caller's transaction: each patient on
 * it is decided by the core and audited as listed, like a patient list; the ids the reader may see
 * are returned, the others are left out by the caller.
 */
export async function decideListed(deps: AccessDeps, trx: Tx, ask: Omit<Asked, 'action'>, rows: readonly Pick<PatientRow, 'id' | 'birth_date'>[]): Promise<Set<string>> {
  const unique = [...new Map(rows.map((r) => [r.id, r])).values()] as PatientRow[];
  const decided = await decideEach(trx, ask.actor, unique, todayNl());
  await auditListed(deps, trx, ask, decided, {});
  return new Set(decided.map((d) => d.row.id));
}

/** One `patient.list` entry per row shown (or one saying none was). */
async function auditListed(deps: AccessDeps, trx: Tx, ask: Omit<Asked, 'action'>, shown: readonly { row: PatientRow; reason: string }[], opts: { auditEmpty?: boolean }) {
  const { actor, meta, resource } = ask;
  const entries = shown.map((d) => auditEntry({ actor, meta, action: 'patient.list', resource, patientId: d.row.id, allowed: true, reason: d.reason }));
  if (entries.length === 0 && opts.auditEmpty !== false) entries.push(auditEntry({ actor, meta, action: 'patient.list', resource, allowed: true, reason: 'no patients shown' }));
  await deps.auditor.record(trx, entries);
}

/** The most candidates a list decided row by row takes in (a caregiver's people, a day centre's children). */
export const DECIDED_LIST_MAX = 2000;

/**
 * A patient list for a role whose access the core narrows further than the store's query can (a
 * day centre sees children only, a caregiver only the people whose link works): every candidate is
 * decided first, so the count and the pages are of what this person may see, and only the rows of
 * the page shown are audited as shown. `candidates` gives every candidate in list order.
 */
export async function listPatientsDecided(
  deps: AccessDeps,
  ask: Omit<Asked, 'action'>,
  candidates: (db: Tx, records: PatientRecords) => Promise<PatientRow[]>,
  page: { limit: number; cursor?: Cursor | undefined },
  keyOf: (row: PatientRow) => readonly KeyValue[],
): Promise<KeysetPage<PatientRow>> {
  const asOf = todayNl();
  return inTransaction(deps.db, async (trx) => {
    const all = await decideEach(trx, ask.actor, await candidates(trx, RECORDS), asOf);
    // Where the cursor's row stands in the list (it may have gone since: then where it would be).
    const from = (key: readonly KeyValue[], after: boolean) => {
      const i = all.findIndex((d) => {
        const c = compareKeys(keyOf(d.row), key);
        return after ? c > 0 : c >= 0;
      });
      return i === -1 ? all.length : i;
    };
    let start = 0;
    let end = Math.min(all.length, page.limit);
    if (page.cursor?.dir === 'after') {
      start = from(page.cursor.key, true);
      end = Math.min(all.length, start + page.limit);
    } else if (page.cursor?.dir === 'before') {
      end = from(page.cursor.key, false);
      start = Math.max(0, end - page.limit);
    }
    const shown = all.slice(start, end);
    await auditListed(deps, trx, ask, shown, {});
    const first = shown[0];
    const last = shown.at(-1);
    return {
      rows: shown.map((d) => d.row),
      next: last !== undefined && end < all.length ? [...keyOf(last.row)] : null,
      prev: first !== undefined && start > 0 ? [...keyOf(first.row)] : null,
      total: all.length,
      before: start,
    };
  });
}

/** Keys compared as the store orders them (texts in collation "C", by code unit; ids as text). */
function compareKeys(a: readonly KeyValue[], b: readonly KeyValue[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i] as KeyValue;
    const y = b[i] as KeyValue;
    if (x !== y) return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

/** A record as read before the decision; only `readWithPatient` looks inside it. */
export interface PreRead {
  row: PatientRow;
  orgs: PatientOrgs;
}

/**
 * The session and the record a read decision rests on, in one statement (the first of the two
 * round trips of a record read): the record goes on to `readWithPatient` as its `preRead`, which
 * authorises and audits before anything of it is handed out. Undefined: no such session.
 */
export async function sessionAndRecord(db: Db, tokenHash: string, patientId: string): Promise<{ session: SessionRow; preRead: PreRead | null } | undefined> {
  const first = await sessionAndPatient(db, tokenHash, patientId);
  return first && { session: first.session, preRead: first.found ?? null };
}

/**
 * Which record `patientId` was merged into, if any: the one fact an undo needs before it knows
 * which rows to lock (and authorise) together. Nothing else of the record leaves this module.
 */
export async function mergedInto(db: Db, patientId: string): Promise<string | null> {
  return (await getPatient(db, patientId))?.merged_into ?? null;
}

/** A caregiver's link that gives no access today, and what it is missing. */
export interface IdleLink {
  standing: Extract<LinkStanding, { working: false }>;
}

/**
 * The caregiver's own links that give no access today, so their start page can say why. The rules
 * are asked per link (the birth date counts) and each answer is audited against that patient; no
 * detail of the record leaves this function.
 */
export async function idleLinksOf(deps: AccessDeps, actor: Actor, meta: RequestMeta): Promise<IdleLink[]> {
  if (actor.role !== 'caregiver') return [];
  const asOf = todayNl();
  return inTransaction(deps.db, async (trx) => {
    const idle: IdleLink[] = [];
    const entries: AuditEntry[] = [];
    for (const l of await linksOfCaregiver(trx, actor.userId)) {
      const standing = caregiverLinkStanding(coreLink(l), l.birth_date, asOf);
      if (standing.working) continue;
      idle.push({ standing });
      entries.push(auditEntry({ actor, meta, action: 'caregiver.link-status', resource: 'caregiver/links', patientId: l.patient_id, allowed: true, reason: `link gives no access: ${standing.reason}` }));
    }
    if (entries.length > 0) await deps.auditor.record(trx, entries);
    return idle;
  });
}

/** What work on a mailed invitation is given: the invitation, the record it is for, the repository. */
export interface InvitationWork {
  db: Tx;
  invitation: InvitationRow;
  row: PatientRow;
  records: PatientRecords;
}

/**
 * Work on the invitation a mailed token stands for. The token, not the core, is what lets the holder
 * in (it reached the address the patient chose), so this is the one other door to a record: the
 * invitation is found by the token's hash and locked, the work runs, and the entry (`action`, with
 * the record it concerns) is written in the same transaction. When the work refuses (an expired or
 * used token, another account signed in), nothing of it stays and the refusal is audited instead.
 * `detail` is the audit entry's reason for work done.
 */
export async function withInvitationToken<T>(
  deps: AccessDeps,
  ask: { actor: Actor | null; meta: RequestMeta; action: AuditAction; tokenHash: string },
  work: (w: InvitationWork) => Promise<{ value: T; detail: string }>,
): Promise<T> {
  const { actor, meta, action } = ask;
  let concerns: string | null = null;
  try {
    return await inTransaction(deps.db, async (trx) => {
      const invitation = await invitationByToken(trx, ask.tokenHash);
      if (!invitation) throw new AppError('invalid-input', 'This invitation link is not valid: check that the whole link was copied.', [{ pointer: '/token', detail: 'is not a known invitation', code: 'invitation-unknown' }]);
      concerns = invitation.patient_id;
      const row = await getPatient(trx, invitation.patient_id);
      if (!row) throw new AppError('invalid-input', 'This invitation is for a record that no longer exists.', [{ pointer: '/token', detail: 'is not a known invitation', code: 'invitation-unknown' }]);
      const done = await work({ db: trx, invitation, row, records: RECORDS });
      await deps.auditor.allowed(trx, { actor, meta, action, resource: `caregiver-invitation/${invitation.id}`, patientId: invitation.patient_id, reason: done.detail });
      return done.value;
    });
  } catch (e) {
    const refusal = asRefusal(e);
    const why = refusal instanceof AppError ? `not done (${refusal.code}): ${refusal.message}` : 'not done: the work failed';
    await deps.auditor.refused(deps.db, { actor, meta, action, resource: 'caregiver-invitation', patientId: concerns, reason: why }).catch(() => undefined);
    throw refusal;
  }
}

