// Patients and their links. These functions do no authorisation themselves: they are called only
// from services/access.ts, which authorises and audits in the same transaction (see there).
import { sql } from 'kysely';
import type { Selectable } from 'kysely';
import type { Db, Tx } from './db.js';
import type { PatientTable } from './schema.js';
import type { CareRelation, CaregiverRelation, ConsentGiver, ConsentWithdrawer, OrganisationKind } from '../core/access/lists.js';
import type { AuditEntry } from './audit.repo.js';
import { SESSION_JSON, sessionFromJson, type SessionRow } from './accounts.repo.js';
import { moveClinical, moveClinicalBack } from './record.repo.js';
import { keysetPage, type KeysetAsk, type KeysetPage, type KeyValue } from './paging.js';

/** A patient row as every query here returns it (derived from the table type, so it cannot drift). */
export type PatientRow = Selectable<PatientTable>;

export async function getPatient(db: Db, id: string): Promise<PatientRow | undefined> {
  return db.selectFrom('patient').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface PatientOrgRow {
  patient_id: string;
  organisation_id: string;
  relation: CareRelation;
  name: string;
  kind: OrganisationKind;
}

/** The patient and the organisations caring for them in one round trip (the hot path of every read). */
const ORGS_OF_P = sql`coalesce(
      (select json_agg(json_build_object('patient_id', po.patient_id, 'organisation_id', po.organisation_id,
                                         'relation', po.relation, 'name', o.name, 'kind', o.kind) order by o.name)
         from patient_organisation po join organisation o on o.id = po.organisation_id
        where po.patient_id = p.id), '[]'::json)`;

type WithOrgs = PatientRow & { orgs: PatientOrgRow[] | string };

function splitOrgs(first: WithOrgs | undefined): { row: PatientRow; orgs: PatientOrgRow[] } | undefined {
  if (!first) return undefined;
  const { orgs, ...row } = first;
  return { row: row as PatientRow, orgs: typeof orgs === 'string' ? (JSON.parse(orgs) as PatientOrgRow[]) : orgs };
}

export async function getPatientWithOrgs(db: Db, id: string): Promise<{ row: PatientRow; orgs: PatientOrgRow[] } | undefined> {
  const r = await sql<WithOrgs>`select p.*, ${ORGS_OF_P} as orgs from patient p where p.id = ${id}`.execute(db);
  return splitOrgs(r.rows[0]);
}

/**
 * The session check and the patient read a decision rests on, in ONE statement (the first of the
 * two round trips of a record read). Undefined when there is no such session; the patient is looked
 * up only when there is one, so nothing of a record is read for an unknown token.
 */
export async function sessionAndPatient(
  db: Db,
  tokenHash: string,
  id: string,
): Promise<{ session: SessionRow; found: { row: PatientRow; orgs: PatientOrgRow[] } | undefined } | undefined> {
  const r = await sql<WithOrgs & { session: SessionRow | string }>`
    select p.*, ${ORGS_OF_P} as orgs, sess.session
      from (select ${SESSION_JSON(tokenHash)} as session) sess
      left join patient p on p.id = ${id}
     where sess.session is not null`.execute(db);
  const first = r.rows[0];
  if (!first) return undefined;
  const { session, ...rest } = first;
  const parsed = sessionFromJson(session);
  if (parsed === undefined) return undefined;
  return { session: parsed, found: rest.id === null ? undefined : splitOrgs(rest) };
}

/**
 * Writes the audit entry and reads the patient in ONE statement, so the data handed out and its
 * audit entry are one transaction, in a single round trip (the hot path of every record read).
 */
export async function auditAndReadPatient(db: Db, e: AuditEntry, id: string): Promise<{ row: PatientRow; orgs: PatientOrgRow[] } | undefined> {
  const r = await sql<WithOrgs>`
    with audit as (
      insert into audit_event (user_id, role, organisation_id, action, resource, patient_id, allowed, reason, request_id, client_ip)
      values (${e.userId}, ${e.role}, ${e.organisationId}, ${e.action}, ${e.resource}, ${e.patientId}, ${e.allowed}, ${e.reason}, ${e.requestId}, ${e.clientIp})
      returning id)
    select p.*, ${ORGS_OF_P} as orgs from patient p where p.id = ${id} and exists (select 1 from audit)`.execute(db);
  return splitOrgs(r.rows[0]);
}

export async function patientOrganisations(db: Db, patientIds: readonly string[]) {
  if (patientIds.length === 0) return [];
  return db
    .selectFrom('patient_organisation as po')
    .innerJoin('organisation as o', 'o.id', 'po.organisation_id')
    .select(['po.patient_id', 'po.organisation_id', 'po.relation', 'o.name', 'o.kind'])
    .where('po.patient_id', 'in', patientIds)
    .execute();
}

/** What a caregiver's link rests on: the rules decide from these (see core/access/caregiver.ts). */
const LINK_STATE = ['relation', 'consent_given_by', 'consent_given_as', 'consent_given_at', 'representation_proof', 'withdrawn_at', 'withdrawn_as', 'withdrawn_reason'] as const;

export async function caregiverLinkFor(db: Db, caregiverUserId: string, patientId: string) {
  return db
    .selectFrom('caregiver_link')
    .select(LINK_STATE)
    .where('caregiver_user_id', '=', caregiverUserId)
    .where('patient_id', '=', patientId)
    .executeTakeFirst();
}

export type CaregiverLinkRow = NonNullable<Awaited<ReturnType<typeof caregiverLinkFor>>>;

export async function caregiversOf(db: Db, patientId: string) {
  return db
    .selectFrom('caregiver_link as c')
    .innerJoin('app_user as u', 'u.id', 'c.caregiver_user_id')
    .select(['u.id', 'u.display_name', 'u.email', 'c.created_at', ...LINK_STATE.map((c) => `c.${c}` as const)])
    .where('c.patient_id', '=', patientId)
    .orderBy('u.display_name')
    .execute();
}

/** The order of a record's caregivers, and the key a page of them continues from (unique: ends in the id). */
export const CAREGIVER_ORDER = ['u.display_name', 'u.id'] as const;

/** One page of a record's caregivers, in name order. */
export async function pageCaregiversOf(db: Db, patientId: string, page: Omit<KeysetAsk, 'columns' | 'descending'>) {
  const query = db
    .selectFrom('caregiver_link as c')
    .innerJoin('app_user as u', 'u.id', 'c.caregiver_user_id')
    .select(['u.id', 'u.display_name', ...LINK_STATE.map((c) => `c.${c}` as const)])
    .where('c.patient_id', '=', patientId);
  type Row = Awaited<ReturnType<typeof query.execute>>[number];
  const found: KeysetPage<Row> = await keysetPage(query, { ...page, columns: CAREGIVER_ORDER }, (r): KeyValue[] => [r.display_name, r.id]);
  return found;
}

/** A caregiver's own links with the birth date the rules need, and nothing else of the record. */
export async function linksOfCaregiver(db: Db, caregiverUserId: string) {
  return db
    .selectFrom('caregiver_link as c')
    .innerJoin('patient as p', 'p.id', 'c.patient_id')
    .select(['c.patient_id', 'p.birth_date', ...LINK_STATE.map((c) => `c.${c}` as const)])
    .where('c.caregiver_user_id', '=', caregiverUserId)
    .where('p.merged_into', 'is', null)
    .orderBy('c.created_at')
    .execute();
}

export interface PatientFilter {
  organisationId?: string;
  relation?: CareRelation;
  caregiverUserId?: string;
  patientId?: string;
  /** Name search: every word must occur in the name (prefix, surname or given name), in any order. */
  words?: readonly string[];
  /** Or the whole search text, when the reader may search by BSN: a BSN it equals. */
  bsn?: string;
  birthDate?: string;
}

export interface PatientSearch extends PatientFilter {
  limit: number;
}

/** The rows of a patient list (merged records left out), before any order or limit. */
function patientsWhere(db: Db, q: PatientFilter) {
  let query = db.selectFrom('patient as p').selectAll('p').where('p.merged_into', 'is', null);
  if (q.organisationId) {
    const orgId = q.organisationId;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('patient_organisation as po')
          .select(sql`1`.as('one'))
          .whereRef('po.patient_id', '=', 'p.id')
          .where('po.organisation_id', '=', orgId)
          .$if(q.relation !== undefined, (qb) => qb.where('po.relation', '=', q.relation ?? 'care')),
      ),
    );
  }
  if (q.caregiverUserId) {
    const cg = q.caregiverUserId;
    query = query.where((eb) =>
      eb.exists(eb.selectFrom('caregiver_link as c').select(sql`1`.as('one')).whereRef('c.patient_id', '=', 'p.id').where('c.caregiver_user_id', '=', cg)),
    );
  }
  if (q.patientId) query = query.where('p.id', '=', q.patientId);
  const words = q.words ?? [];
  if (words.length > 0) {
    const name = sql`lower(coalesce(p.family_name_prefix, '') || ' ' || p.family_name || ' ' || p.given_name)`;
    const like = (w: string) => '%' + w.toLowerCase().replace(/[\\%_]/g, (m) => '\\' + m) + '%';
    query = query.where((eb) => {
      const byName = eb.and(words.map((w) => eb(name, 'like', like(w))));
      return q.bsn === undefined ? byName : eb.or([byName, eb('p.bsn', '=', q.bsn)]);
    });
  }
  if (q.birthDate) query = query.where('p.birth_date', '=', q.birthDate);
  return query;
}

/** The order of every patient list, and the key a page of it continues from (unique: ends in the id). */
export const PATIENT_ORDER = ['p.sort_key', 'p.id'] as const;
const patientKey = (r: PatientRow): KeyValue[] => [r.sort_key, r.id];

/** Candidate patients for a list; the caller authorises each row before showing it. */
export async function searchPatients(db: Db, q: PatientSearch): Promise<PatientRow[]> {
  return patientsWhere(db, q).orderBy('p.sort_key').orderBy('p.id').limit(q.limit).execute();
}

/** One page of candidate patients with the list's true length; the caller authorises each row. */
export async function pagePatients(db: Db, q: PatientFilter, page: Omit<KeysetAsk, 'columns'>): Promise<KeysetPage<PatientRow>> {
  return keysetPage(patientsWhere(db, q), { ...page, columns: PATIENT_ORDER }, patientKey);
}

/** What creating a patient takes (derived from the table type, so it cannot drift). */
export type NewPatient = Partial<Pick<PatientTable, 'family_name_prefix'>> & { language?: 'nl' | 'en'; lives_alone?: boolean | null } & Pick<PatientTable, 'family_name' | 'given_name' | 'birth_date' | 'sex' | 'bsn' | 'phone' | 'email' | 'gp_practice'>;

/** A new record, linked to the organisation that makes it: `care` (a hospital), or `referral` (a practice recording a GP's letter). */
export async function insertPatient(db: Tx, p: NewPatient, organisationId: string, relation: CareRelation = 'care'): Promise<PatientRow> {
  const row = await db.insertInto('patient').values({ ...p, pathway_stage: 'case-finding' }).returningAll().executeTakeFirstOrThrow();
  await db.insertInto('patient_organisation').values({ patient_id: row.id, organisation_id: organisationId, relation }).execute();
  return row;
}

export async function updatePatient(
  db: Tx,
  id: string,
  changes: Partial<NewPatient>,
  revision: { by: string; reason: 'correction' | 'entered-in-error' | 'merge' | 'unmerge'; note: string | null },
): Promise<PatientRow> {
  const before = await db.selectFrom('patient').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
  const after = await db
    .updateTable('patient')
    .set({ ...changes, updated_at: sql<string>`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const pick = (r: PatientRow) => Object.fromEntries(Object.keys(changes).map((k) => [k, r[k as keyof PatientRow]]));
  await db
    .insertInto('patient_revision')
    .values({ patient_id: id, changed_by: revision.by, reason: revision.reason, note: revision.note, before: JSON.stringify(pick(before)), after: JSON.stringify(pick(after)) })
    .execute();
  return after;
}

export async function revisionsOf(db: Db, patientId: string) {
  return db
    .selectFrom('patient_revision as r')
    .leftJoin('app_user as u', 'u.id', 'r.changed_by')
    .select(['r.id', 'r.changed_at', 'u.display_name as changed_by', 'r.reason', 'r.note', 'r.before', 'r.after'])
    .where('r.patient_id', '=', patientId)
    .orderBy('r.id', 'desc')
    .execute();
}

/** One page of a record's corrections, newest first (the id follows the order they were made in). */
export async function pageRevisionsOf(db: Db, patientId: string, page: Omit<KeysetAsk, 'columns' | 'descending'>) {
  const query = db
    .selectFrom('patient_revision as r')
    .leftJoin('app_user as u', 'u.id', 'r.changed_by')
    .select(['r.id', 'r.changed_at', 'u.display_name as changed_by', 'r.reason', 'r.note', 'r.before', 'r.after'])
    .where('r.patient_id', '=', patientId);
  type Row = Awaited<ReturnType<typeof query.execute>>[number];
  const found: KeysetPage<Row> = await keysetPage(query, { ...page, columns: ['r.id'], descending: true }, (r): KeyValue[] => [r.id]);
  return found;
}

export async function linkOrganisation(db: Db, patientId: string, organisationId: string, relation: CareRelation): Promise<void> {
  await db.insertInto('patient_organisation').values({ patient_id: patientId, organisation_id: organisationId, relation }).onConflict((oc) => oc.doNothing()).execute();
}

/** The consent behind a link: who gave it, as the patient themself or on their behalf. */
export interface ConsentGiven {
  givenBy: string;
  givenAs: ConsentGiver;
}

/**
 * Links a caregiver's account to a patient, or makes the link anew (relation, consent, proof; an
 * earlier withdrawal is then over). `by`: who made it.
 */
export async function linkCaregiver(
  db: Db,
  link: { caregiverUserId: string; patientId: string; relation: CaregiverRelation; consent: ConsentGiven | null; representationProof: string | null; by: string | null },
): Promise<void> {
  const now = new Date().toISOString();
  const values = {
    relation: link.relation,
    consent_given_by: link.consent?.givenBy ?? null,
    consent_given_as: link.consent?.givenAs ?? null,
    consent_given_at: link.consent ? now : null,
    consent_recorded_by: link.consent ? link.by : null,
    representation_proof: link.representationProof,
    representation_recorded_at: link.representationProof === null ? null : now,
    withdrawn_at: null, withdrawn_by: null, withdrawn_as: null, withdrawn_reason: null,
  };
  await db
    .insertInto('caregiver_link')
    .values({ caregiver_user_id: link.caregiverUserId, patient_id: link.patientId, created_by: link.by, ...values })
    .onConflict((oc) => oc.columns(['caregiver_user_id', 'patient_id']).doUpdateSet(values))
    .execute();
}

/** Records the patient's consent for an existing link (a withdrawal before it is then over). False: no such link. */
export async function recordCaregiverConsent(db: Db, c: { caregiverUserId: string; patientId: string; consent: ConsentGiven; by: string }): Promise<boolean> {
  const r = await db
    .updateTable('caregiver_link')
    .set({
      consent_given_by: c.consent.givenBy, consent_given_as: c.consent.givenAs, consent_given_at: new Date().toISOString(), consent_recorded_by: c.by,
      withdrawn_at: null, withdrawn_by: null, withdrawn_as: null, withdrawn_reason: null,
    })
    .where('caregiver_user_id', '=', c.caregiverUserId)
    .where('patient_id', '=', c.patientId)
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

/** Ends a link at once (the row stays, so the caregiver can be told why). False: no such link. */
export async function withdrawCaregiver(
  db: Db,
  w: { caregiverUserId: string; patientId: string; as: ConsentWithdrawer; reason: string | null; by: string },
): Promise<boolean> {
  const r = await db
    .updateTable('caregiver_link')
    .set({ withdrawn_at: new Date().toISOString(), withdrawn_by: w.by, withdrawn_as: w.as, withdrawn_reason: w.reason })
    .where('caregiver_user_id', '=', w.caregiverUserId)
    .where('patient_id', '=', w.patientId)
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

/**
 * Locks patient rows for the rest of the transaction, always in id order: two merges over the same
 * records then wait for each other instead of deadlocking, and each sees the other's outcome.
 */
export async function lockPatients(db: Tx, ids: readonly string[]): Promise<void> {
  const sorted = [...new Set(ids)].sort();
  await db.selectFrom('patient').select('id').where('id', 'in', sorted).orderBy('id').forUpdate().execute();
}

interface MovedLinks {
  organisations: { organisation_id: string; relation: CareRelation }[];
  caregivers: { caregiver_user_id: string }[];
  /** The clinical entries (by entry id) and signed assessments moved; absent in merges from before 0009. */
  clinical?: { entries: string[]; assessments: string[] };
}

/** A revision without a field change: what happened is in `before`/`after` (merged_into, merged_from). */
async function noteRevision(db: Tx, patientId: string, by: string, reason: 'merge' | 'unmerge', before: object, after: object): Promise<void> {
  await db
    .insertInto('patient_revision')
    .values({ patient_id: patientId, changed_by: by, reason, note: null, before: JSON.stringify(before), after: JSON.stringify(after) })
    .execute();
}

/**
 * Marks `duplicateId` as the same person as `keepId`: the duplicate's links are copied over (and
 * remembered, so an undo removes exactly those), the duplicate stays as history. The caller holds
 * both rows locked and has checked that neither is merged.
 */
export async function mergePatients(db: Tx, keepId: string, duplicateId: string, by: string): Promise<void> {
  const orgs = await sql<MovedLinks['organisations'][number]>`insert into patient_organisation (patient_id, organisation_id, relation, since)
    select ${keepId}, organisation_id, relation, since from patient_organisation where patient_id = ${duplicateId}
    on conflict do nothing returning organisation_id, relation`.execute(db);
  // The link goes over as it stands: its consent, proof and any withdrawal with it.
  const carers = await sql<MovedLinks['caregivers'][number]>`insert into caregiver_link (caregiver_user_id, patient_id, relation, created_by,
      consent_given_by, consent_given_as, consent_given_at, consent_recorded_by, representation_proof, representation_recorded_at,
      withdrawn_at, withdrawn_by, withdrawn_as, withdrawn_reason)
    select caregiver_user_id, ${keepId}, relation, ${by},
      consent_given_by, consent_given_as, consent_given_at, consent_recorded_by, representation_proof, representation_recorded_at,
      withdrawn_at, withdrawn_by, withdrawn_as, withdrawn_reason
    from caregiver_link where patient_id = ${duplicateId}
    on conflict do nothing returning caregiver_user_id`.execute(db);
  // The duplicate's clinical facts and signed assessments move to the record that lives on.
  const clinical = await moveClinical(db, duplicateId, keepId);
  const moved: MovedLinks = { organisations: orgs.rows, caregivers: carers.rows, clinical };
  await db.insertInto('patient_merge').values({ keep_id: keepId, duplicate_id: duplicateId, merged_by: by, moved: JSON.stringify(moved) }).execute();
  await db.updateTable('patient').set({ merged_into: keepId, duplicate_of: keepId, updated_at: sql<string>`now()` }).where('id', '=', duplicateId).execute();
  await noteRevision(db, duplicateId, by, 'merge', { merged_into: null }, { merged_into: keepId });
  await noteRevision(db, keepId, by, 'merge', { merged_from: null }, { merged_from: duplicateId });
}

/** Undoes the live merge of `duplicateId` into `keepId` (both rows locked by the caller). */
export async function unmergePatient(db: Tx, duplicateId: string, keepId: string, by: string): Promise<boolean> {
  const m = await db
    .selectFrom('patient_merge')
    .select(['id', 'moved'])
    .where('duplicate_id', '=', duplicateId)
    .where('keep_id', '=', keepId)
    .where('undone_at', 'is', null)
    .executeTakeFirst();
  if (!m) return false;
  const moved = (typeof m.moved === 'string' ? JSON.parse(m.moved) : m.moved) as MovedLinks;
  for (const o of moved.organisations) {
    await db.deleteFrom('patient_organisation').where('patient_id', '=', keepId).where('organisation_id', '=', o.organisation_id).where('relation', '=', o.relation).execute();
  }
  for (const c of moved.caregivers) {
    await db.deleteFrom('caregiver_link').where('patient_id', '=', keepId).where('caregiver_user_id', '=', c.caregiver_user_id).execute();
  }
  // Merges made before the clinical record existed moved no clinical facts.
  if (moved.clinical) await moveClinicalBack(db, moved.clinical, duplicateId);
  await db.updateTable('patient_merge').set({ undone_at: new Date().toISOString(), undone_by: by }).where('id', '=', m.id).execute();
  await db.updateTable('patient').set({ merged_into: null, duplicate_of: null, updated_at: sql<string>`now()` }).where('id', '=', duplicateId).execute();
  await noteRevision(db, duplicateId, by, 'unmerge', { merged_into: keepId }, { merged_into: null });
  await noteRevision(db, keepId, by, 'unmerge', { merged_from: duplicateId }, { merged_from: null });
  return true;
}

export async function organisationById(db: Db, id: string) {
  return db.selectFrom('organisation').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listOrganisations(db: Db) {
  return db.selectFrom('organisation').select(['id', 'name', 'kind']).orderBy('name').execute();
}
