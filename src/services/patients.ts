// Use cases on the patient record. Every one goes through services/access.ts: authorise, audit,
// work, in one transaction.
import type { Action, Actor, CareRelation, CaregiverRelation } from '../core/access/index.js';
import { assertNever, authorize, BSN_ROLES } from '../core/access/index.js';
import { pageAccessLogForPatient } from '../store/audit.repo.js';
import { findUserById } from '../store/accounts.repo.js';
import { AppError } from '../schema/problem.js';
import { z } from 'zod';
import type { AccessLogEntry, Patient, PatientCorrection, PatientInput, PatientSummary } from '../schema/patient.schema.js';
import {
  auditEntry, DECIDED_LIST_MAX, listPatients, listPatientsDecided, loadTarget, mergedInto, readWithPatient, sessionAndRecord, withAction, withPatient, withPatients, type AccessDeps, type AuditEntry,
  type PatientOrgs, type PatientRecords, type PatientRow, type PatientWork, type RequestMeta,
} from './access.js';
import { todayNl } from '../schema/clock.js';
import { caregiverViews, checkNewLink, consentOf, type CaregiverLinkView } from './caregivers.js';
import { searchWords, similarPersons, splitFamilyName } from '../core/names.js';
import { encodeCursor, type Cursor, type ListPage, type Page, type PageAsk } from '../schema/paging.js';
import { checkSession, tokenHash, type AuthDeps, type SessionUser } from './auth.js';
import type { Db } from '../store/db.js';

export type AccessLogView = z.infer<typeof AccessLogEntry>;

/** An access-log row as the page and the API hand it out (times are ISO text on both drivers). */
const accessLogView = (r: Awaited<ReturnType<typeof pageAccessLogForPatient>>['rows'][number]): AccessLogView => ({
  at: r.at,
  action: r.action,
  role: r.role,
  who: r.user_name,
  organisation: r.organisation_name,
  userId: r.user_id,
});

export function summary(r: PatientRow): PatientSummary {
  return {
    id: r.id, familyName: r.family_name, familyNamePrefix: r.family_name_prefix, givenName: r.given_name, birthDate: r.birth_date, sex: r.sex, pathwayStage: r.pathway_stage,
  };
}

async function full(w: { db: Db; records: PatientRecords; actor: Actor; row: PatientRow; orgs?: PatientOrgs }): Promise<Patient> {
  const { actor, row: r } = w;
  const orgs = w.orgs ?? (await w.records.patientOrganisations(w.db, [r.id]));
  const target = { id: r.id, birthDate: r.birth_date, organisations: orgs.map((o) => ({ organisationId: o.organisation_id, relation: o.relation })) };
  const showBsn = authorize(actor, 'patient.read-bsn', target, todayNl()).allowed;
  return {
    id: r.id,
    familyName: r.family_name,
    familyNamePrefix: r.family_name_prefix,
    givenName: r.given_name,
    birthDate: r.birth_date,
    sex: r.sex,
    ...(showBsn ? { bsn: r.bsn } : {}),
    phone: r.phone,
    email: r.email,
    gpPractice: r.gp_practice,
    language: r.language,
    livesAlone: r.lives_alone,
    pathwayStage: r.pathway_stage,
    mergedInto: r.merged_into,
    organisations: orgs.map((o) => ({ id: o.organisation_id, name: o.name, kind: o.kind, relation: o.relation })),
  };
}

export async function readPatient(deps: AccessDeps, actor: Actor, meta: RequestMeta, id: string): Promise<Patient> {
  return readWithPatient(deps, { actor, meta, action: 'patient.read', resource: 'patient', patientId: id }, presentTo(actor));
}

/**
 * The record for a page that leads to `action` (the merge comparison, the account form): read and
 * audited as a read, with whether the core allows the reader `action` on it, so the page can offer
 * the action or refuse. The action itself is authorised and audited again when it is done.
 */
export async function readPatientFor(deps: AccessDeps, actor: Actor, meta: RequestMeta, id: string, action: Action): Promise<{ patient: Patient; allowed: boolean }> {
  return withPatient(deps, { actor, meta, action: 'patient.read', resource: 'patient', patientId: id }, async (w) => ({
    patient: await full({ ...w, actor }),
    allowed: authorize(actor, action, w.target, todayNl()).allowed,
  }));
}

/** How a read record is handed to `actor`: the full record, the BSN only where their role may see it. */
const presentTo = (actor: Actor) => (w: PatientWork) => full({ ...w, actor });

/**
 * A record read that checks the session in the same statement as the read the decision rests on:
 * two round trips for the whole request (session + record, then audit + record). For routes that
 * skip the usual per-request session lookup (api/auth.ts, `inlineSession`).
 */
export async function readPatientWithSession(
  auth: AuthDeps,
  token: string | undefined,
  meta: RequestMeta,
  id: string,
): Promise<{ user: SessionUser; patient: Patient }> {
  const h = tokenHash(token);
  const first = h === undefined ? undefined : await sessionAndRecord(auth.db, h, id);
  const user = await checkSession(auth, first?.session);
  if (!user || !first) throw new AppError('unauthenticated', 'Sign in first.');
  const ask = { actor: user.actor, meta, action: 'patient.read', resource: 'patient', patientId: id, preRead: first.preRead } as const;
  const patient = await readWithPatient(auth, ask, presentTo(user.actor));
  return { user, patient };
}

/** What a patient list asks for: the search, and which page of it. */
export interface PatientListAsk {
  q?: string | undefined;
  birthDate?: string | undefined;
  limit: number;
  cursor?: Cursor | undefined;
}

export async function findPatients(deps: AccessDeps, actor: Actor, meta: RequestMeta, q: PatientListAsk): Promise<Page<PatientSummary>> {
  // A search by BSN finds a record only for a role that may see the BSN (else it tells whose it is).
  const words = q.q === undefined ? [] : searchWords(q.q);
  const base = { words, birthDate: q.birthDate, ...(q.q !== undefined && BSN_ROLES.includes(actor.role) ? { bsn: q.q } : {}) };
  const page = { limit: q.limit, cursor: q.cursor };
  const ask = { actor, meta, resource: 'patient-list' };
  type Filter = Parameters<PatientRecords['pagePatients']>[1];
  // A caregiver's people and a day centre's children: the core narrows these further than the
  // query can (a link that works, an age), so every candidate is decided and the count is true.
  const decided = (filter: Filter) =>
    listPatientsDecided(deps, ask, async (db, { pagePatients }) => (await pagePatients(db, filter, { limit: DECIDED_LIST_MAX })).rows, page, (r) => [r.sort_key, r.id]);
  const paged = (filter: Filter) => listPatients(deps, ask, (db, { pagePatients }) => pagePatients(db, filter, page));
  const found = await (() => {
    switch (actor.role) {
      case 'patient':
        return paged({ ...base, patientId: actor.patientId ?? '00000000-0000-0000-0000-000000000000' });
      case 'caregiver':
        return decided({ ...base, caregiverUserId: actor.userId });
      case 'physiotherapist':
        return paged({ ...base, organisationId: actor.organisationId ?? '', relation: 'referral' });
      case 'care-worker':
        return decided({ ...base, organisationId: actor.organisationId ?? '', relation: 'care' });
      case 'nurse':
      case 'physician':
        return paged({ ...base, organisationId: actor.organisationId ?? '', relation: 'care' });
      case 'admin':
        return Promise.resolve({ rows: [], next: null, prev: null, total: 0, before: 0 });
      default:
        return assertNever(actor.role);
    }
  })();
  return {
    items: found.rows.map(summary),
    nextCursor: found.next && encodeCursor({ dir: 'after', key: found.next }),
    prevCursor: found.prev && encodeCursor({ dir: 'before', key: found.prev }),
    total: found.total,
    before: found.before,
  };
}

/** A surname and its prefix as stored: a prefix typed in front of the surname is split off (de Vries → de + Vries). */
export function nameParts(familyName: string, prefix: string | null | undefined): { family_name: string; family_name_prefix: string | null } {
  if (prefix) return { family_name: familyName, family_name_prefix: prefix.trim().toLowerCase().replace(/\s+/g, ' ') };
  const split = splitFamilyName(familyName);
  return { family_name: split.familyName, family_name_prefix: split.prefix === '' ? null : split.prefix };
}

/**
 * Records of the reader's organisation, born on the same day, whose name is like this one's
 * (core `similarPersons`): the likely duplicates of a record about to be made. Each one shown is
 * another person's record and audited as such; finding none leaves no entry (the create that
 * follows has its own).
 */
export async function likelyDuplicates(
  deps: AccessDeps,
  actor: Actor,
  meta: RequestMeta,
  person: { familyName: string; familyNamePrefix?: string | null | undefined; givenName: string; birthDate: string },
): Promise<PatientSummary[]> {
  const parts = nameParts(person.familyName, person.familyNamePrefix);
  const wanted = { givenName: person.givenName, familyName: parts.family_name, familyNamePrefix: parts.family_name_prefix };
  const found = await listPatients(
    deps,
    { actor, meta, resource: 'patient/duplicates' },
    async (db, { searchPatients }) => {
      const born = await searchPatients(db, { organisationId: actor.organisationId ?? '', relation: 'care', birthDate: person.birthDate, limit: 200 });
      return { rows: born.filter((r) => similarPersons(wanted, { givenName: r.given_name, familyName: r.family_name, familyNamePrefix: r.family_name_prefix })) };
    },
    { auditEmpty: false },
  );
  return found.rows.map(summary);
}

/**
 * Creates a record. Unless `differentPerson` is set, records with the same birth date and a
 * similar name stop it first: 409 with the candidates in `duplicates`, so the nurse can open the
 * existing record instead, or confirm that this is someone else and save.
 */
export async function createPatient(deps: AccessDeps, actor: Actor, meta: RequestMeta, input: PatientInput): Promise<Patient> {
  if (input.differentPerson !== true && authorize(actor, 'patient.create', null, todayNl()).allowed) {
    const duplicates = await likelyDuplicates(deps, actor, meta, input);
    if (duplicates.length > 0) {
      throw new AppError(
        'conflict',
        'There may already be a record of this person: same date of birth and a similar name. Open that record, or send differentPerson: true to save a new one.',
        [{ pointer: '/differentPerson', detail: 'records with the same date of birth and a similar name exist (see duplicates)' }],
        { extra: { duplicates } },
      );
    }
  }
  return withAction(deps, { actor, meta, action: 'patient.create', resource: 'patient' }, async (db, records) => {
    if (input.bsn) {
      const clash = await db.selectFrom('patient').select('id').where('bsn', '=', input.bsn).executeTakeFirst();
      if (clash) throw new AppError('conflict', 'A patient with this BSN already exists.', [{ pointer: '/bsn', detail: 'is already in use' }]);
    }
    const row = await records.insertPatient(
      db,
      {
        ...nameParts(input.familyName, input.familyNamePrefix),
        given_name: input.givenName,
        birth_date: input.birthDate,
        sex: input.sex,
        bsn: input.bsn ?? null,
        phone: input.phone ?? null,
        email: input.email ?? null,
        gp_practice: input.gpPractice ?? null,
        language: input.language ?? 'nl',
        lives_alone: input.livesAlone ?? null,
      },
      actor.organisationId ?? '',
    );
    return { value: await full({ db, records, actor, row }), patientId: row.id };
  });
}

export async function correctPatient(deps: AccessDeps, actor: Actor, meta: RequestMeta, id: string, c: PatientCorrection): Promise<Patient> {
  return withPatient(deps, { actor, meta, action: 'patient.write', resource: 'patient', patientId: id }, async ({ db, target, records, row: before }) => {
    if (c.bsn !== undefined && !authorize(actor, 'patient.read-bsn', target, todayNl()).allowed) {
      throw new AppError('forbidden', 'Only a nurse or physician may change the BSN.', [{ pointer: '/bsn', detail: 'may not be changed by your role' }]);
    }
    const changes: Record<string, unknown> = {};
    if (c.familyName !== undefined || c.familyNamePrefix !== undefined) {
      // A surname typed with its prefix is split; a prefix emptied on its own is removed.
      const parts = nameParts(c.familyName ?? before.family_name, c.familyNamePrefix === undefined ? (c.familyName === undefined ? before.family_name_prefix : null) : c.familyNamePrefix);
      if (parts.family_name !== before.family_name) changes.family_name = parts.family_name;
      if (parts.family_name_prefix !== before.family_name_prefix) changes.family_name_prefix = parts.family_name_prefix;
    }
    if (c.givenName !== undefined) changes.given_name = c.givenName;
    if (c.birthDate !== undefined) changes.birth_date = c.birthDate;
    if (c.sex !== undefined) changes.sex = c.sex;
    if (c.bsn !== undefined) changes.bsn = c.bsn;
    if (c.phone !== undefined) changes.phone = c.phone;
    if (c.email !== undefined) changes.email = c.email;
    if (c.gpPractice !== undefined) changes.gp_practice = c.gpPractice;
    if (c.language !== undefined && c.language !== before.language) changes.language = c.language;
    if (c.livesAlone !== undefined && c.livesAlone !== before.lives_alone) changes.lives_alone = c.livesAlone;
    if (Object.keys(changes).length === 0) throw new AppError('invalid-input', 'Nothing to change.', [{ pointer: '', detail: 'give at least one field to correct' }]);
    const row = await records.updatePatient(db, id, changes, { by: actor.userId, reason: c.reason, note: c.note ?? null });
    return full({ db, records, actor, row });
  });
}

/** One page of the corrections made to a record, newest first; audited as a read of its history, page by page. */
export async function patientHistory(deps: AccessDeps, actor: Actor, meta: RequestMeta, id: string, ask: PageAsk) {
  return withPatient(deps, { actor, meta, action: 'patient.read', resource: 'patient/history', patientId: id }, async ({ db, target, records }) => {
    const found = await records.pageRevisionsOf(db, id, ask);
    const nextCursor = found.next && encodeCursor({ dir: 'after', key: found.next });
    if (authorize(actor, 'patient.read-bsn', target, todayNl()).allowed) return { items: found.rows, nextCursor };
    // Old and new BSN values are as sensitive as the current one.
    const strip = (v: unknown) => {
      if (v === null || typeof v !== 'object') return v;
      const { bsn: _bsn, ...rest } = v as Record<string, unknown>;
      return rest;
    };
    return { items: found.rows.map((r) => ({ ...r, before: strip(r.before), after: strip(r.after) })), nextCursor };
  });
}

/** A record column as the pages name it; columns of the history that are not personal details keep their own. */
const COLUMN_FIELD: Record<string, string> = {
  family_name: 'familyName', family_name_prefix: 'familyNamePrefix', given_name: 'givenName', birth_date: 'birthDate', sex: 'sex', bsn: 'bsn', phone: 'phone', email: 'email',
  gp_practice: 'gpPractice', language: 'language', lives_alone: 'livesAlone', merged_into: 'mergedInto', merged_from: 'mergedFrom',
};

export const RevisionView = z.object({
  id: z.string(),
  changedAt: z.string().describe('ISO timestamp'),
  changedBy: z.string().nullable(),
  reason: z.enum(['correction', 'entered-in-error', 'merge', 'unmerge']),
  note: z.string().nullable(),
  /** Each field that changed, with its value before and after (null: empty). */
  changes: z.array(z.object({ field: z.string(), before: z.string().nullable(), after: z.string().nullable() })),
});
export type RevisionView = z.infer<typeof RevisionView>;

/** A stored value as text: the history keeps whole columns (text, dates, ids). */
const shown = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : typeof v === 'string' ? v : JSON.stringify(v));

function revisionView(r: Awaited<ReturnType<PatientRecords['revisionsOf']>>[number], withBsn: boolean): RevisionView {
  const before = (r.before ?? {}) as Record<string, unknown>;
  const after = (r.after ?? {}) as Record<string, unknown>;
  // Old and new BSN values are as sensitive as the current one.
  const columns = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((c) => c !== 'bsn' || withBsn);
  return {
    id: String(r.id),
    changedAt: String(r.changed_at),
    changedBy: r.changed_by,
    reason: r.reason,
    note: r.note,
    changes: columns.map((c) => ({ field: COLUMN_FIELD[c] ?? c, before: shown(before[c]), after: shown(after[c]) })),
  };
}

/** The history page: the record and what changed in it, one transaction, one audit entry. */
export async function recordHistory(deps: AccessDeps, actor: Actor, id: string, meta: RequestMeta): Promise<{ patient: Patient; revisions: RevisionView[] }> {
  return withPatient(deps, { actor, meta, action: 'patient.read', resource: 'patient/history', patientId: id }, async (w) => {
    const withBsn = authorize(actor, 'patient.read-bsn', w.target, todayNl()).allowed;
    return { patient: await full({ ...w, actor }), revisions: (await w.records.revisionsOf(w.db, id)).map((r) => revisionView(r, withBsn)) };
  });
}

/**
 * "Who looked at this record": the record and one page of its access log, newest first, one
 * transaction, one audit entry. The page says whether older and newer entries exist, so the list
 * never stops without saying so.
 */
export async function recordAccessLog(
  deps: AccessDeps, actor: Actor, id: string, meta: RequestMeta, ask: { limit: number; cursor?: Cursor | undefined } = { limit: ACCESS_LOG_PAGE },
): Promise<{ patient: Patient; entries: AccessLogView[]; olderCursor: string | null; newerCursor: string | null }> {
  return withPatient(deps, { actor, meta, action: 'patient.read-access-log', resource: 'patient/access-log', patientId: id }, async (w) => {
    const found = await pageAccessLogForPatient(w.db, id, ask);
    return {
      patient: await full({ ...w, actor }),
      entries: found.rows.map(accessLogView),
      olderCursor: found.next && encodeCursor({ dir: 'after', key: found.next }),
      newerCursor: found.prev && encodeCursor({ dir: 'before', key: found.prev }),
    };
  });
}

/** Entries per page of the access log page: a year of ordinary care fits on one. */
export const ACCESS_LOG_PAGE = 200;

/** One page of who opened a record and when, newest first; audited as a read of the access log, page by page. */
export async function patientAccessLog(deps: AccessDeps, actor: Actor, meta: RequestMeta, id: string, ask: PageAsk): Promise<ListPage<AccessLogView>> {
  return withPatient(deps, { actor, meta, action: 'patient.read-access-log', resource: 'patient/access-log', patientId: id }, async ({ db }) => {
    const found = await pageAccessLogForPatient(db, id, ask);
    return { items: found.rows.map(accessLogView), nextCursor: found.next && encodeCursor({ dir: 'after', key: found.next }) };
  });
}

/** A caregiver linked to a record, as the record page shows them. */
export type CaregiverView = CaregiverLinkView;

/** What the core allows the reader to do with the record they opened; pages show only that. */
export interface RecordPermissions {
  /** Manage the record: correct the personal details, merge a duplicate or undo it, give accounts. */
  manage: boolean;
}

/** Everything the record page shows, read in one transaction. */
export interface RecordView {
  patient: Patient;
  caregivers: CaregiverView[];
  /** Other records with the same date of birth this reader may see and merge (possible duplicates). */
  duplicates: PatientSummary[];
  may: RecordPermissions;
}

/**
 * Opening a patient's record: authorised once (core `authorize`), everything the page shows read in
 * the same transaction, and one audit entry saying what happened: this person opened this record.
 * Possible duplicates are other people's records, so each one shown gets its own entry (against
 * that patient, as in any list); a record without look-alikes leaves exactly one entry.
 */
export async function openRecord(deps: AccessDeps, actor: Actor, patientId: string, meta: RequestMeta): Promise<RecordView> {
  const asOf = todayNl();
  return withPatient(deps, { actor, meta, action: 'patient.read', resource: 'patient/record', patientId }, async (w) => {
    const { db, row, records } = w;
    const can = (action: Action) => authorize(actor, action, w.target, asOf).allowed;
    const may: RecordPermissions = { manage: can('patient.write') && can('patient.merge') && can('patient.create-account') };
    const patient = await full({ ...w, actor });
    const caregivers = caregiverViews(await records.caregiversOf(db, row.id), row.birth_date);
    const duplicates = may.manage ? await lookAlikes(deps, { db, records, actor, meta, row }) : [];
    return { patient, caregivers, duplicates, may };
  });
}

/** Records of the reader's organisation with the same date of birth that they may see; each shown is audited. */
async function lookAlikes(
  deps: AccessDeps,
  w: { db: Db; records: PatientRecords; actor: Actor; meta: RequestMeta; row: PatientRow },
): Promise<PatientSummary[]> {
  const { db, records, actor, meta, row } = w;
  const asOf = todayNl();
  const candidates = (await records.searchPatients(db, { organisationId: actor.organisationId ?? '', relation: 'care', birthDate: row.birth_date, limit: 20 })).filter((c) => c.id !== row.id);
  const orgs = await records.patientOrganisations(db, candidates.map((c) => c.id));
  const shown: PatientRow[] = [];
  const entries: AuditEntry[] = [];
  for (const c of candidates) {
    const { target } = await loadTarget(db, actor, c, orgs.filter((o) => o.patient_id === c.id));
    const d = authorize(actor, 'patient.read', target, asOf);
    if (!d.allowed) continue;
    shown.push(c);
    entries.push(auditEntry({ actor, meta, action: 'patient.list', resource: 'patient/duplicates', patientId: c.id, allowed: true, reason: d.reason }));
  }
  if (entries.length > 0) await deps.auditor.record(db, entries);
  return shown.map(summary);
}

export async function linkPatient(
  deps: AccessDeps,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  link:
    | { organisationId: string; relation: CareRelation }
    | { caregiverUserId: string; relation: CaregiverRelation; patientConsent?: boolean | undefined; consentGivenBy?: string | undefined; representationProof?: string | undefined },
): Promise<void> {
  await withPatient(deps, { actor, meta, action: 'patient.link', resource: 'patient/links', patientId: id }, async ({ db, row, records }) => {
    if ('organisationId' in link) {
      // A practice opens a record only by taking a referral on (services/referrals.ts): the practice
      // decides, and the referral says why and keeps who and when. A bare link would skip all of it.
      if (link.relation === 'referral') {
        throw new AppError('invalid-input', 'A practice is linked by a referral it accepts: refer through POST /api/v1/patients/{id}/referrals.', [
          { pointer: '/relation', detail: 'is made by a referral the practice accepts, not by a link', code: 'referral-by-referral' },
        ]);
      }
      const org = await db.selectFrom('organisation').select('id').where('id', '=', link.organisationId).executeTakeFirst();
      if (!org) throw new AppError('invalid-input', 'No such organisation.', [{ pointer: '/organisationId', detail: 'does not exist' }]);
      await records.linkOrganisation(db, id, link.organisationId, link.relation);
    } else {
      const u = await findUserById(db, link.caregiverUserId);
      if (u?.role !== 'caregiver') throw new AppError('invalid-input', 'That account is not a caregiver.', [{ pointer: '/caregiverUserId', detail: 'is not a caregiver account' }]);
      const basis = { relation: link.relation, consent: consentOf(row, link), representationProof: link.representationProof ?? null };
      checkNewLink(row, basis);
      await records.linkCaregiver(db, { caregiverUserId: link.caregiverUserId, patientId: row.id, ...basis, by: actor.userId });
    }
  });
}

/** Record ids compare as lower-case text: the same UUID in capitals is the same record. */
const canonical = (id: string) => id.trim().toLowerCase();

/**
 * Merges the duplicate into the record that lives on. Both rows are locked (in id order) for the
 * check and the work, so of several merges over the same records exactly one succeeds and the others
 * get 409: no record merged twice, no chain back into itself, nothing merged into a merged record.
 */
export async function mergeDuplicate(deps: AccessDeps, actor: Actor, meta: RequestMeta, keepId: string, duplicateId: string): Promise<void> {
  const keep = canonical(keepId);
  const dup = canonical(duplicateId);
  if (keep === dup) throw new AppError('invalid-input', 'A record cannot be merged with itself.', [{ pointer: '/duplicateId', detail: 'is the same record' }]);
  await withPatients(deps, { actor, meta, action: 'patient.merge', resource: 'patient/merge', patientIds: [keep, dup] }, async ({ db, rows, records }) => {
    const [k, d] = rows;
    if (k?.merged_into) throw new AppError('conflict', 'This record was itself merged into another one; merge into that record instead.', [{ pointer: '/params/id', detail: 'is a merged record' }]);
    if (d?.merged_into) throw new AppError('conflict', 'The duplicate was already merged.', [{ pointer: '/duplicateId', detail: 'already merged' }]);
    await records.mergePatients(db, keep, dup, actor.userId);
  });
}

/** Undoes the merge of `duplicateId`: it becomes a record of its own again, with its own links. */
export async function unmergeRecord(deps: AccessDeps, actor: Actor, meta: RequestMeta, duplicateId: string): Promise<void> {
  const dup = canonical(duplicateId);
  // Which record it lives on in is read first, then checked again under the locks.
  const into = await mergedInto(deps.db, dup);
  const ids = into ? [dup, into] : [dup];
  await withPatients(deps, { actor, meta, action: 'patient.unmerge', resource: 'patient/merge', patientIds: ids }, async ({ db, rows, records }) => {
    const now = rows[0]?.merged_into ?? null;
    if (!into || now !== into) throw new AppError('conflict', 'This record is not merged into another one.', [{ pointer: '/params/id', detail: 'is not a merged record' }]);
    if (!(await records.unmergePatient(db, dup, into, actor.userId))) throw new AppError('conflict', 'There is no merge of this record to undo.', [{ pointer: '/params/id', detail: 'has no merge to undo' }]);
  });
}
