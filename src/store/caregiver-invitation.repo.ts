// A patient's invitations of caregivers by e-mail. No authorisation here: services/access.ts hands
// these functions to a use case once the patient's own request is authorised, or once a mailed
// token has been found (the token is the caregiver's proof of the address).
import { sql } from 'kysely';
import type { CaregiverRelation, InvitationEnding } from '../core/access/lists.js';
import type { Db, Tx } from './db.js';

const COLUMNS = ['id', 'patient_id', 'email', 'relation', 'invited_by', 'created_at', 'expires_at', 'ended_at', 'ended_as', 'accepted_by'] as const;

export async function insertInvitation(
  db: Db,
  i: { patientId: string; email: string; relation: CaregiverRelation; tokenHash: string; invitedBy: string; expiresAt: string },
) {
  return db
    .insertInto('caregiver_invitation')
    .values({ patient_id: i.patientId, email: i.email, relation: i.relation, token_hash: i.tokenHash, invited_by: i.invitedBy, expires_at: i.expiresAt })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
}

export type InvitationRow = Awaited<ReturnType<typeof insertInvitation>>;

/** The invitation of this address for this record that has not ended (expired ones included), locked. */
export async function openInvitationFor(db: Tx, patientId: string, email: string): Promise<InvitationRow | undefined> {
  return db
    .selectFrom('caregiver_invitation')
    .select(COLUMNS)
    .where('patient_id', '=', patientId)
    .where(sql`lower(email)`, '=', email.toLowerCase())
    .where('ended_at', 'is', null)
    .forUpdate()
    .executeTakeFirst();
}

/** The record's invitations that have not ended, oldest first (an expired one until it is replaced). */
export async function openInvitationsOf(db: Db, patientId: string): Promise<InvitationRow[]> {
  return db.selectFrom('caregiver_invitation').select(COLUMNS).where('patient_id', '=', patientId).where('ended_at', 'is', null).orderBy('created_at').orderBy('id').execute();
}

/** One invitation of this record, locked. */
export async function invitationOf(db: Tx, patientId: string, id: string): Promise<InvitationRow | undefined> {
  return db.selectFrom('caregiver_invitation').select(COLUMNS).where('patient_id', '=', patientId).where('id', '=', id).forUpdate().executeTakeFirst();
}

/** The invitation a mailed token stands for (by its hash), locked so it is taken once. */
export async function invitationByToken(db: Tx, tokenHash: string): Promise<InvitationRow | undefined> {
  return db.selectFrom('caregiver_invitation').select(COLUMNS).where('token_hash', '=', tokenHash).forUpdate().executeTakeFirst();
}

/** Ends an invitation that is still open; false when it had ended already. */
export async function endInvitation(db: Db, id: string, as: InvitationEnding, acceptedBy: string | null = null): Promise<boolean> {
  const r = await db
    .updateTable('caregiver_invitation')
    .set({ ended_at: new Date().toISOString(), ended_as: as, accepted_by: as === 'accepted' ? acceptedBy : null })
    .where('id', '=', id)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}
