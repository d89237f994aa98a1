// "Who may act for me": the patient invites a caregiver by e-mail, sees who may look along and the
// invitations still waiting, and ends either at once; the caregiver takes a mailed invitation with
// their own account or a new one. The patient's own requests go through services/access.ts like
// every record access (authorised by the core, audited in the same transaction); the caregiver's
// go through its one other door, the mailed token (`withInvitationToken`).
import { randomBytes } from 'node:crypto';
import {
  caregiverLinkStanding, INVITATION_LIFETIME_DAYS, invitationState, selfInviteRefusal, type Actor, type CaregiverRelation, type SelfInviteRefusal,
} from '../core/access/index.js';
import { AppError } from '../schema/problem.js';
import { todayNl } from '../schema/clock.js';
import type { InvitationPreview, InvitationView, MyCaregiverView, MyCaregivers } from '../schema/caregiver-invite.schema.js';
import { findUserByEmail, findUserById, insertUser, reserveAttempt } from '../store/accounts.repo.js';
import { auditRefusal, coreLink, withInvitationToken, withPatient, type AccessDeps, type CaregiverRow, type InvitationRow, type RequestMeta } from './access.js';
import type { StaffMailDeps } from './accounts.js';
import { hashPassword, sha256 } from './auth.js';
import { checkNewLink, nameOf } from './caregivers.js';

/** Invitations one record may send in a day: enough for a family, too few to mail strangers in bulk. */
export const INVITATIONS_PER_DAY = 10;

const iso = (v: string | Date) => new Date(v).toISOString();
const sameAddress = (a: string | null | undefined, b: string) => a !== null && a !== undefined && a.trim().toLowerCase() === b.trim().toLowerCase();

/** The record a patient's own request is about; anyone else is refused (and audited) here. */
async function ownRecord(deps: AccessDeps, actor: Actor, meta: RequestMeta, action: 'patient.read' | 'patient.invite-caregiver' | 'patient.withdraw-consent', resource: string): Promise<string> {
  if (actor.role === 'patient' && actor.patientId) return actor.patientId;
  await auditRefusal(deps, { actor, meta, action, resource, reason: 'only a patient manages who looks along with their own record' });
  throw new AppError('forbidden', 'Only a patient invites people to look along with their own record.');
}

const REFUSED_RELATION: Record<SelfInviteRefusal, string> = {
  'needs-proof': 'a legal representative needs proof of the representation, which the clinic checks and records: ask the clinic',
  'parent-of-adult': 'you are 18 or older: invite your parent as family',
  'patient-consent': 'this relation needs consent that an invitation cannot give',
  'consent-withdrawn': 'this relation needs consent that an invitation cannot give',
  'link-ended': 'this relation cannot be invited',
};

function invitationView(r: InvitationRow, now: string): InvitationView {
  return {
    id: r.id, email: r.email, relation: r.relation, invitedAt: iso(r.created_at), expiresAt: iso(r.expires_at),
    expired: invitationState({ expiresAt: iso(r.expires_at), endedAs: r.ended_as }, now) === 'expired',
  };
}

function myLinkView(c: CaregiverRow, birthDate: string, asOf: string): MyCaregiverView {
  const s = caregiverLinkStanding(coreLink(c), birthDate, asOf);
  return {
    id: c.id, displayName: c.display_name, relation: c.relation, since: iso(c.consent_given_at ?? c.created_at),
    consentGivenAt: c.consent_given_at && iso(c.consent_given_at), withdrawnAt: c.withdrawn_at && iso(c.withdrawn_at), withdrawnBy: c.withdrawn_as,
    gap: s.working ? null : s.gap, basis: s.working ? s.basis : null,
  };
}

/**
 * The patient invites `email` to look along as `relation`. The invitation is the patient's consent;
 * it can only start a link that consent makes work (no legal representative, no parent of an adult).
 * The mail carries a one-time link whose token is stored only as a hash and works for
 * INVITATION_LIFETIME_DAYS days. The mail names nobody: being in Botpad is health information.
 */
export async function inviteCaregiver(deps: StaffMailDeps, actor: Actor, meta: RequestMeta, input: { email: string; relation: CaregiverRelation }): Promise<InvitationView> {
  const resource = 'patient/caregiver-invitations';
  const patientId = await ownRecord(deps, actor, meta, 'patient.invite-caregiver', resource);
  const email = input.email.trim().toLowerCase();
  return withPatient(deps, { actor, meta, action: 'patient.invite-caregiver', resource, patientId }, async ({ db, row, records }) => {
    const asOf = todayNl();
    const refusal = selfInviteRefusal(input.relation, row.birth_date, asOf);
    if (refusal) throw new AppError('invalid-input', `This relation cannot be invited by the patient: ${REFUSED_RELATION[refusal]}.`, [{ pointer: '/relation', detail: REFUSED_RELATION[refusal], code: `relation-${refusal}` }]);
    const self = await findUserById(db, actor.userId);
    if (sameAddress(self?.email, email) || sameAddress(row.email, email)) {
      throw new AppError('invalid-input', 'This is your own e-mail address: invite the person who will look along.', [{ pointer: '/email', detail: 'is your own address', code: 'own-address' }]);
    }
    const holder = await findUserByEmail(db, email);
    const linked = holder && (await records.caregiversOf(db, row.id)).find((c) => c.id === holder.id);
    if (linked && caregiverLinkStanding(coreLink(linked), row.birth_date, asOf).working) {
      throw new AppError('conflict', 'This person may already look along with your record.', [{ pointer: '/email', detail: 'may already look along', code: 'already-linked' }]);
    }
    const now = new Date().toISOString();
    const open = await records.invitations.openInvitationFor(db, row.id, email);
    if (open && invitationState({ expiresAt: iso(open.expires_at), endedAs: open.ended_as }, now) === 'open') {
      throw new AppError('conflict', 'This address has an invitation waiting already. Withdraw it first to send a new one.', [
        { pointer: '/email', detail: `has an invitation waiting until ${iso(open.expires_at)}`, code: 'already-invited' },
      ]);
    }
    if (open) await records.invitations.endInvitation(db, open.id, 'expired');
    // Counted inside the transaction: a refused invitation is rolled back and does not count.
    const quota = await reserveAttempt(db, `caregiver-invite:${row.id}`, INVITATIONS_PER_DAY, 24 * 60);
    if (!quota.allowed) throw new AppError('too-many-requests', `At most ${String(INVITATIONS_PER_DAY)} invitations a day. Try again tomorrow.`, [], { retryAt: new Date(Date.now() + 86_400_000) });
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + INVITATION_LIFETIME_DAYS * 86_400_000).toISOString();
    const made = await records.invitations.insertInvitation(db, { patientId: row.id, email, relation: input.relation, tokenHash: sha256(token), invitedBy: actor.userId, expiresAt });
    // Mailed inside the transaction: a mail that cannot be written leaves no invitation behind.
    await mailInvitation(deps, email, token);
    return invitationView(made, now);
  });
}

async function mailInvitation(deps: StaffMailDeps, email: string, token: string): Promise<void> {
  const link = new URL(`/caregiver-invitation?token=${token}`, deps.linkBase).toString();
  const days = String(INVITATION_LIFETIME_DAYS);
  await deps.mailer.send({
    to: email,
    subject: 'Botpad: uitnodiging om mee te kijken / invitation to look along',
    text:
      `U bent uitgenodigd om mee te kijken in een dossier in Botpad. Wie u uitnodigt, ziet u zodra u de link opent. De link werkt ${days} dagen en maar één keer:\n${link}\n\n` +
      `Heeft u al een account in Botpad met dit e-mailadres? Log dan in. Nog geen account? Dan maakt u er een via de link.\n\n` +
      `Zegt deze e-mail u niets? Dan hoeft u niets te doen. De link stopt vanzelf.\n\n` +
      `You have been invited to look along with a record in Botpad. You will see who invited you once you open the link. It works for ${days} days, and only once:\n${link}\n\n` +
      `Already have a Botpad account with this address? Then sign in. No account yet? You can make one through the link.\n\n` +
      `Does this mean nothing to you? Then there is nothing to do. The link stops working by itself.`,
  });
}

/** Who may look along with the patient's own record (links, also ended ones) and the invitations still waiting. */
export async function myCaregivers(deps: AccessDeps, actor: Actor, meta: RequestMeta): Promise<MyCaregivers> {
  const resource = 'patient/caregivers';
  const patientId = await ownRecord(deps, actor, meta, 'patient.read', resource);
  return withPatient(deps, { actor, meta, action: 'patient.read', resource, patientId }, async ({ db, row, records }) => {
    const asOf = todayNl();
    const now = new Date().toISOString();
    return {
      links: (await records.caregiversOf(db, row.id)).map((c) => myLinkView(c, row.birth_date, asOf)),
      invitations: (await records.invitations.openInvitationsOf(db, row.id)).map((r) => invitationView(r, now)),
    };
  });
}

/**
 * Ends at once what `linkId` stands for: a caregiver's link (their account's id: the withdrawal is
 * written in this transaction, and every later request of theirs, a calendar feed's included, is
 * decided again and refused) or an invitation still waiting (its link dies). Ending what has ended
 * already changes nothing and is no error.
 */
export async function removeMyCaregiver(deps: AccessDeps, actor: Actor, meta: RequestMeta, linkId: string): Promise<'link' | 'invitation'> {
  const resource = `caregiver/${linkId}`;
  const patientId = await ownRecord(deps, actor, meta, 'patient.withdraw-consent', resource);
  return withPatient(deps, { actor, meta, action: 'patient.withdraw-consent', resource, patientId }, async ({ db, row, records }) => {
    const link = (await records.caregiversOf(db, row.id)).find((c) => c.id === linkId);
    if (link) {
      if (link.withdrawn_at === null) await records.withdrawCaregiver(db, { caregiverUserId: link.id, patientId: row.id, as: 'patient', reason: null, by: actor.userId });
      return 'link';
    }
    const invitation = await records.invitations.invitationOf(db, row.id, linkId);
    if (!invitation) throw new AppError('not-found', 'Nobody with this id looks along with your record or is invited to.', [{ pointer: '/params/linkId', detail: 'is not a link or invitation of your record' }]);
    if (invitation.ended_at === null) await records.invitations.endInvitation(db, invitation.id, 'cancelled');
    return 'invitation';
  });
}

const tokenProblem = (message: string, code: string, detail: string) => new AppError('invalid-input', message, [{ pointer: '/token', detail, code }]);

/** Refuses an invitation that cannot be taken any more, each for its own reason. */
function assertOpen(inv: InvitationRow): void {
  switch (invitationState({ expiresAt: iso(inv.expires_at), endedAs: inv.ended_as }, new Date().toISOString())) {
    case 'open':
      return;
    case 'accepted':
      throw tokenProblem('This invitation has been used already. Sign in to see the record.', 'invitation-used', 'has been used already');
    case 'cancelled':
      throw tokenProblem('The person who invited you withdrew this invitation.', 'invitation-cancelled', 'was withdrawn');
    case 'expired':
      throw tokenProblem(`This invitation has expired (it works ${String(INVITATION_LIFETIME_DAYS)} days). Ask for a new one.`, 'invitation-expired', 'has expired');
  }
}

/** A signed-in account takes only an invitation sent to its own address. */
async function assertAccountFits(db: Parameters<typeof findUserById>[0], actor: Actor, inv: InvitationRow): Promise<void> {
  const me = await findUserById(db, actor.userId);
  if (!sameAddress(me?.email, inv.email)) {
    throw new AppError('conflict', 'This invitation was sent to another e-mail address than the one of the account signed in. Sign out, then open the link again.', [
      { pointer: '/token', detail: 'is for another address than the account signed in', code: 'invitation-other-account' },
    ]);
  }
  if (actor.role !== 'caregiver') {
    throw new AppError('conflict', 'This account cannot look along with someone else\'s record. Ask the person who invited you to use another e-mail address.', [
      { pointer: '/token', detail: `the account signed in is not a caregiver account (${actor.role})`, code: 'invitation-wrong-account' },
    ]);
  }
}

/** Links the caregiver with the patient's consent (the invitation), if the rules still let it work. */
async function takeInvitation(w: Parameters<Parameters<typeof withInvitationToken>[2]>[0], caregiverUserId: string): Promise<void> {
  const { db, invitation, row, records } = w;
  const link = { relation: invitation.relation, consent: { givenBy: nameOf(row), givenAs: 'patient' as const }, representationProof: null };
  try {
    checkNewLink(row, link);
  } catch {
    // The patient's age moved on since the invitation (a parent invited just before 18).
    throw tokenProblem('This invitation can no longer give access. Ask the person who invited you to invite you again.', 'invitation-not-workable', 'can no longer give access');
  }
  await records.linkCaregiver(db, { caregiverUserId, patientId: row.id, ...link, by: invitation.invited_by });
  await records.invitations.endInvitation(db, invitation.id, 'accepted', caregiverUserId);
}

/**
 * What the holder of a mailed link sees before taking it: whose record, as what, and whether the
 * address has an account. Audited as an opening of the invitation (it shows the patient's name).
 */
export async function openInvitation(deps: AccessDeps, actor: Actor | null, meta: RequestMeta, token: string): Promise<InvitationPreview> {
  return withInvitationToken(deps, { actor, meta, action: 'caregiver.invitation-open', tokenHash: sha256(token) }, async ({ db, invitation, row }) => {
    assertOpen(invitation);
    if (actor) await assertAccountFits(db, actor, invitation);
    const holder = await findUserByEmail(db, invitation.email);
    return {
      value: { patientName: nameOf(row), email: invitation.email, relation: invitation.relation, expiresAt: iso(invitation.expires_at), hasAccount: holder !== undefined },
      detail: 'invitation opened',
    };
  });
}

/** The signed-in caregiver takes the invitation sent to their address; returns the record's id. */
export async function acceptInvitation(deps: AccessDeps, actor: Actor, meta: RequestMeta, token: string): Promise<{ patientId: string }> {
  return withInvitationToken(deps, { actor, meta, action: 'caregiver.invitation-accept', tokenHash: sha256(token) }, async (w) => {
    assertOpen(w.invitation);
    await assertAccountFits(w.db, actor, w.invitation);
    await takeInvitation(w, actor.userId);
    return { value: { patientId: w.row.id }, detail: `invitation taken by account ${actor.userId}` };
  });
}

/**
 * Someone without an account takes the invitation with a new caregiver account for the invited
 * address (the token proves it is theirs), active at once with the password they chose. Returns the
 * address, so the caller can sign them in. An address with an account already is sent to sign in.
 */
export async function acceptWithNewAccount(deps: AccessDeps, meta: RequestMeta, input: { token: string; displayName: string; password: string }): Promise<{ email: string; patientId: string }> {
  const passwordHash = await hashPassword(input.password);
  return withInvitationToken(deps, { actor: null, meta, action: 'caregiver.invitation-accept', tokenHash: sha256(input.token) }, async (w) => {
    assertOpen(w.invitation);
    if (await findUserByEmail(w.db, w.invitation.email)) {
      throw new AppError('conflict', 'This address has a Botpad account already. Sign in with it, then open the link again.', [
        { pointer: '/token', detail: 'the invited address has an account: sign in', code: 'invitation-address-has-account' },
      ]);
    }
    const userId = await insertUser(w.db, { role: 'caregiver', organisationId: null, patientId: null, email: w.invitation.email, displayName: input.displayName.trim(), passwordHash, status: 'active' });
    await takeInvitation(w, userId);
    return { value: { email: w.invitation.email, patientId: w.row.id }, detail: `invitation taken by new account ${userId}` };
  });
}
