// The calendar feed's rows: the patient's reminder choices and the private links, kept as the
// SHA-256 of their token. A link is found by that hash only; whose it is and whether that person
// may still read the record is decided by the service, on every read.
import type { Db, Tx } from './db.js';
import type { Role } from './schema.js';
import type { OrganisationKind } from '../core/access/lists.js';

export interface ChoiceRow {
  remind_at: string;
  name_medicine: boolean;
}

export async function choicesOf(db: Db, patientId: string): Promise<ChoiceRow | undefined> {
  return db.selectFrom('calendar_choice').select(['remind_at', 'name_medicine']).where('patient_id', '=', patientId).executeTakeFirst();
}

export async function saveChoices(db: Tx, c: { patientId: string; remindAt: string; nameMedicine: boolean; by: string }): Promise<void> {
  await db.insertInto('calendar_choice')
    .values({ patient_id: c.patientId, remind_at: c.remindAt, name_medicine: c.nameMedicine, changed_by: c.by })
    .onConflict((oc) => oc.column('patient_id').doUpdateSet({ remind_at: c.remindAt, name_medicine: c.nameMedicine, changed_by: c.by, changed_at: new Date().toISOString() }))
    .execute();
}

/** Ends this person's live link to this record, if any; true when one was ended. */
export async function revokeFeed(db: Tx, patientId: string, userId: string): Promise<boolean> {
  const r = await db.updateTable('calendar_feed').set({ revoked_at: new Date().toISOString() })
    .where('patient_id', '=', patientId).where('user_id', '=', userId).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** A new link in place of the old one: the old one is ended in the same transaction. */
export async function replaceFeed(db: Tx, f: { patientId: string; userId: string; tokenHash: string }): Promise<string> {
  await revokeFeed(db, f.patientId, f.userId);
  const row = await db.insertInto('calendar_feed').values({ patient_id: f.patientId, user_id: f.userId, token_hash: f.tokenHash }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** When this person's live link to this record was made; undefined when there is none. */
export async function liveFeedOf(db: Db, patientId: string, userId: string): Promise<{ created_at: string } | undefined> {
  return db.selectFrom('calendar_feed').select('created_at').where('patient_id', '=', patientId).where('user_id', '=', userId).where('revoked_at', 'is', null).executeTakeFirst();
}

export interface FeedOwnerRow {
  id: string;
  token_hash: string;
  patient_id: string;
  user_id: string;
  role: Role;
  organisation_id: string | null;
  organisation_kind: OrganisationKind | null;
  own_patient_id: string | null;
  status: 'pending' | 'active' | 'disabled';
}

/** The live link with this token hash and the account that made it, in one statement. */
export async function feedByHash(db: Db, tokenHash: string): Promise<FeedOwnerRow | undefined> {
  return db.selectFrom('calendar_feed as f')
    .innerJoin('app_user as u', 'u.id', 'f.user_id')
    .leftJoin('organisation as o', 'o.id', 'u.organisation_id')
    .select(['f.id', 'f.token_hash', 'f.patient_id', 'f.user_id', 'u.role', 'u.organisation_id', 'o.kind as organisation_kind', 'u.patient_id as own_patient_id', 'u.status'])
    .where('f.token_hash', '=', tokenHash).where('f.revoked_at', 'is', null)
    .executeTakeFirst();
}
