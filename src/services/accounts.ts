// Accounts: administrators create clinicians in their own organisation; a clinician creates the
// account of a patient (or a caregiver) in their care, which the person activates with a one-time
// code from a printed letter; a forgotten password is reset by an e-mailed link where an address is
// known, otherwise by the clinic (a new activation letter).
import { randomBytes, randomInt } from 'node:crypto';
import type { Actor, AuditAction, CaregiverRelation, StaffRole } from '../core/access/index.js';
import type { Db } from '../store/db.js';
import { authorize } from '../core/access/index.js';
import {
  clearFailures, disableUser, findUserByEmail, insertCode, insertUser, listUsers, liveCode, pageUsers, releaseAttempt, reserveAttempt, setPassword, spendCode,
} from '../store/accounts.repo.js';
import type { Role } from '../store/schema.js';
import type { z } from 'zod';
import { AppError } from '../schema/problem.js';
import type { UserSummary } from '../schema/account.schema.js';
import { encodeCursor, type ListPage, type PageAsk } from '../schema/paging.js';
import { asRefusal, withAction, withPatient, type AccessDeps, type RequestMeta } from './access.js';
import { hashPassword, sha256 } from './auth.js';
import type { Mailer } from './mail.js';
import { todayNl } from '../schema/clock.js';
import { assertMayHaveAccount, checkNewLink, consentOf, nameOf } from './caregivers.js';

const ACTIVATION_DAYS = 30;
/** Staff get their link by e-mail, so it need not last as long as a letter sent by post. */
const STAFF_ACTIVATION_DAYS = 7;
const RESET_HOURS = 2;
// No 0/O, 1/I/L: the code is typed over from paper.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function newActivationCode(): string {
  let s = '';
  for (let i = 0; i < 12; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8)}`;
}

const normaliseCode = (c: string) => c.toUpperCase().replace(/[^A-Z0-9]/g, '');

/** Refuses an e-mail address that another account already uses (`self` may keep its own). */
async function assertEmailFree(db: Db, email: string | undefined, self?: string): Promise<void> {
  if (!email) return;
  const other = await findUserByEmail(db, email);
  if (other && other.id !== self) {
    throw new AppError('conflict', 'This e-mail address already has an account.', [{ pointer: '/email', detail: 'is already in use' }]);
  }
}

/** What sending a link (staff activation, password reset) needs beyond the store. */
export interface StaffMailDeps extends AccessDeps {
  mailer: Mailer;
  /** Where links point (configuration, never the request). */
  linkBase: string;
}

export type { StaffRole } from '../core/access/index.js';

/**
 * A new member of staff: the administrator gives name, role and e-mail address, never a password.
 * The person gets an activation link by e-mail and chooses their own password, so nobody but them
 * can sign in as them (an administrator sees no clinical content, also not through a staff account
 * of their own making).
 */
export async function createClinician(deps: StaffMailDeps, actor: Actor, meta: RequestMeta, input: { role: StaffRole; email: string; displayName: string }) {
  return manageAccounts(deps, actor, meta, 'user.create', undefined, async (db) => {
    await assertEmailFree(db, input.email);
    const id = await insertUser(db, { role: input.role, organisationId: actor.organisationId, patientId: null, email: input.email, displayName: input.displayName, passwordHash: null, status: 'pending' });
    // Mailed inside the transaction: a mail that cannot be written leaves no account behind.
    await mailActivationLink(deps, db, id, input.email);
    return { subject: id, detail: `created account ${id} as ${input.role}; activation link sent`, value: { id, role: input.role, email: input.email, displayName: input.displayName, status: 'pending' } };
  });
}

type StaffRow = { id: string; role: Role; email: string | null; display_name: string; status: 'pending' | 'active' | 'disabled' };
const summary = (r: StaffRow) => ({ id: r.id, role: r.role, email: r.email, displayName: r.display_name, status: r.status });

/** Ends the account: it cannot sign in, its open sessions end at once, its unused links die. */
export async function deactivateStaff(deps: AccessDeps, actor: Actor, meta: RequestMeta, userId: string) {
  return manageAccounts(deps, actor, meta, 'user.deactivate', userId, async (db, target) => {
    if (target.id === actor.userId) throw new AppError('forbidden', 'You cannot deactivate your own account: ask another administrator.');
    const ended = await disableUser(db, target.id);
    return { subject: target.id, detail: `deactivated account ${target.id}; ${String(ended)} open session(s) ended`, value: summary({ ...target, status: 'disabled' }) };
  });
}

/** Clears the sign-in lock-out of the account (its address keeps its own count). */
export async function unlockStaff(deps: AccessDeps, actor: Actor, meta: RequestMeta, userId: string): Promise<void> {
  await manageAccounts(deps, actor, meta, 'user.unlock', userId, async (db, target) => {
    if (target.email) await clearFailures(db, 'account:' + target.email.trim().toLowerCase());
    return { subject: target.id, detail: `sign-in lock-out of account ${target.id} cleared`, value: undefined };
  });
}

/** A new activation link by e-mail, for an account not yet set up or one that was deactivated. */
export async function resendActivation(deps: StaffMailDeps, actor: Actor, meta: RequestMeta, userId: string): Promise<void> {
  await manageAccounts(deps, actor, meta, 'user.activation-link', userId, async (db, target) => {
    if (target.status === 'active') {
      throw new AppError('conflict', 'This account is in use: its owner can ask for a new password on the sign-in page.', [{ pointer: '/status', detail: 'is active' }]);
    }
    if (!target.email) throw new AppError('conflict', 'This account has no e-mail address to send the link to.', [{ pointer: '/email', detail: 'is missing' }]);
    await mailActivationLink(deps, db, target.id, target.email);
    return { subject: target.id, detail: `activation link sent for account ${target.id}`, value: undefined };
  });
}

export async function changeStaffRole(deps: AccessDeps, actor: Actor, meta: RequestMeta, userId: string, role: StaffRole) {
  return manageAccounts(deps, actor, meta, 'user.role', userId, async (db, target) => {
    if (target.id === actor.userId) throw new AppError('forbidden', 'You cannot change your own role: ask another administrator.');
    await db.updateTable('app_user').set({ role }).where('id', '=', target.id).execute();
    return { subject: target.id, detail: `role of account ${target.id} changed from ${target.role} to ${role}`, value: summary({ ...target, role }) };
  });
}

/**
 * The administrator's work on accounts: only administrators, only accounts of their own
 * organisation (others are "not found"), and every attempt audited with the account it concerns
 * (resource account/<id>), refusals too.
 */
async function manageAccounts<T>(
  deps: AccessDeps,
  actor: Actor,
  meta: RequestMeta,
  action: AuditAction,
  userId: string | undefined,
  work: (db: Db, target: StaffRow) => Promise<{ subject: string; detail: string; value: T }>,
): Promise<T> {
  const resource = (id: string | undefined) => (id ? `account/${id}` : 'account');
  const refuse = async (e: AppError) => {
    await deps.auditor.refused(deps.db, { actor, meta, action, resource: resource(userId), reason: e.message });
    return e;
  };
  const d = authorize(actor, 'user.manage', null, todayNl());
  if (!d.allowed) throw await refuse(new AppError('forbidden', `You may not do this: ${d.reason}.`));
  try {
    return await deps.db.transaction().execute(async (trx) => {
      // The organisation's administrators are locked (in one order) and the acting one must still
      // be among them: two administrators demoting or switching off each other at once cannot both
      // succeed and leave the organisation without one.
      const admins = await trx
        .selectFrom('app_user')
        .select('id')
        .where('organisation_id', '=', actor.organisationId ?? '00000000-0000-0000-0000-000000000000')
        .where('role', '=', 'admin')
        .where('status', '=', 'active')
        .orderBy('id')
        .forUpdate()
        .execute();
      if (!admins.some((a) => a.id === actor.userId)) throw new AppError('forbidden', 'You are no longer an administrator of this organisation.');
      let target: StaffRow = { id: '', role: 'admin', email: null, display_name: '', status: 'pending' };
      if (userId !== undefined) {
        const row = await trx
          .selectFrom('app_user')
          .select(['id', 'role', 'email', 'display_name', 'status'])
          .where('id', '=', userId)
          .where('organisation_id', '=', actor.organisationId ?? '00000000-0000-0000-0000-000000000000')
          .forUpdate()
          .executeTakeFirst();
        if (!row) throw new AppError('not-found', 'There is no such account in your organisation.');
        target = row;
      }
      const r = await work(trx, target);
      await deps.auditor.allowed(trx, { actor, meta, action, resource: resource(r.subject), reason: r.detail });
      return r.value;
    });
  } catch (e) {
    // Refusals are audited like allowed work; conflicts of input are the caller's to fix.
    if (e instanceof AppError && (e.code === 'forbidden' || e.code === 'not-found')) throw await refuse(e);
    throw e;
  }
}

async function mailActivationLink(deps: StaffMailDeps, db: Db, userId: string, email: string): Promise<void> {
  const code = newActivationCode();
  const expiresAt = new Date(Date.now() + STAFF_ACTIVATION_DAYS * 86_400_000).toISOString();
  await insertCode(db, { codeHash: sha256(normaliseCode(code)), userId, purpose: 'activation', expiresAt });
  const link = new URL(`/activate?code=${code}`, deps.linkBase).toString();
  await deps.mailer.send({
    to: email,
    subject: 'Botpad: uw account / your account',
    text:
      `Er is een Botpad-account voor u gemaakt. Open deze link binnen ${String(STAFF_ACTIVATION_DAYS)} dagen en kies zelf een wachtwoord:\n${link}\n\n` +
      `Verwachtte u dit niet? Bel dan de helpdesk van uw organisatie.\n\n` +
      `A Botpad account was made for you. Open this link within ${String(STAFF_ACTIVATION_DAYS)} days and choose your own password:\n${link}\n\n` +
      `Not expecting this? Call your organisation's help desk.`,
  });
}

/** An account as the administrator's pages and the API show it. */
export type UserView = z.infer<typeof UserSummary>;

/** One page of the accounts of the administrator's organisation, in name order (the API's user list). */
export async function pageUsersOfOrganisation(deps: AccessDeps, actor: Actor, meta: RequestMeta, ask: PageAsk): Promise<ListPage<UserView>> {
  return withAction(deps, { actor, meta, action: 'user.manage', resource: 'user-list' }, async (db) => {
    const found = await pageUsers(db, actor.organisationId ?? '', ask);
    return {
      value: {
        items: found.rows.map((r) => ({ id: r.id, role: r.role, email: r.email, displayName: r.display_name, status: r.status })),
        nextCursor: found.next && encodeCursor({ dir: 'after', key: found.next }),
      },
    };
  });
}

export async function usersOfOrganisation(deps: AccessDeps, actor: Actor, meta: RequestMeta): Promise<UserView[]> {
  return withAction(deps, { actor, meta, action: 'user.manage', resource: 'user-list' }, async (db) => {
    const rows = await listUsers(db, actor.organisationId ?? '');
    return { value: rows.map((r) => ({ id: r.id, role: r.role, email: r.email, displayName: r.display_name, status: r.status })) };
  });
}

export interface IssuedAccount {
  userId: string;
  activationCode: string;
  expiresAt: string;
  patientName: string;
  displayName: string;
}

/**
 * Creates the account (or, for a patient who has one, a new letter for it) and its one-time code.
 * Letters for one person are issued one at a time (the patient's row is locked), so the newest
 * letter's code is the one that works and every earlier code is spent. `finish` (the printable
 * letter, say) runs inside the same transaction: if it fails, no account or code is left behind.
 */
export async function createPatientAccount(
  deps: AccessDeps,
  actor: Actor,
  meta: RequestMeta,
  patientId: string,
  input: {
    kind: 'patient' | 'caregiver'; displayName?: string | undefined; email?: string | undefined; relation?: CaregiverRelation | undefined;
    patientConsent?: boolean | undefined; consentGivenBy?: string | undefined; representationProof?: string | undefined;
  },
  finish: (issued: IssuedAccount) => Promise<void> = () => Promise.resolve(),
): Promise<IssuedAccount> {
  return withPatient(deps, { actor, meta, action: 'patient.create-account', resource: 'account', patientId }, async ({ db, row, records }) => {
    await records.lockPatients(db, [patientId]);
    const patientName = nameOf(row);
    let userId: string;
    const displayName = input.kind === 'patient' ? patientName : (input.displayName ?? '');
    if (input.kind === 'patient') {
      assertMayHaveAccount(row.birth_date, todayNl());
      const existing = await db.selectFrom('app_user').select('id').where('patient_id', '=', patientId).executeTakeFirst();
      await assertEmailFree(db, input.email, existing?.id);
      userId =
        existing?.id ??
        (await insertUser(db, { role: 'patient', organisationId: null, patientId, email: input.email ?? null, displayName, passwordHash: null, status: 'pending' }));
    } else {
      // A link the access rules would refuse is not issued: the nurse is told what is missing.
      const link = { relation: input.relation ?? 'family', consent: consentOf(row, input), representationProof: input.representationProof ?? null } as const;
      checkNewLink(row, link);
      await assertEmailFree(db, input.email);
      userId = await insertUser(db, { role: 'caregiver', organisationId: null, patientId: null, email: input.email ?? null, displayName, passwordHash: null, status: 'pending' });
      await records.linkCaregiver(db, { caregiverUserId: userId, patientId, ...link, by: actor.userId });
    }
    const code = newActivationCode();
    const expiresAt = new Date(Date.now() + ACTIVATION_DAYS * 86_400_000).toISOString();
    await insertCode(db, { codeHash: sha256(normaliseCode(code)), userId, purpose: 'activation', expiresAt });
    const issued = { userId, activationCode: code, expiresAt, patientName, displayName };
    await finish(issued);
    return issued;
  });
}

/** Wrong codes a client may type in a quarter of an hour (the code space makes guessing hopeless anyway). */
export const ACTIVATION_TRIES_PER_CLIENT = 10;
/** E-mail addresses one valid code may try: an address in use is refused, so the answer tells. */
export const ACTIVATION_EMAILS_PER_CODE = 3;
const THROTTLE_MINUTES = 15;

export async function activateAccount(deps: AccessDeps, meta: RequestMeta, input: { code: string; email?: string | undefined; password: string }): Promise<string> {
  const codeHash = sha256(normaliseCode(input.code));
  const clientKey = 'activation-client:' + (meta.clientIp ?? 'unknown');
  await reserveOrThrottle(deps, meta, { action: 'account.activate', key: clientKey, max: ACTIVATION_TRIES_PER_CLIENT, windowMinutes: THROTTLE_MINUTES });
  // Whether an address is in use is told only to someone holding a valid code, and only a few
  // times per code, so a letter cannot be used to find out who has an account.
  if (input.email && (await liveCode(deps.db, codeHash, 'activation'))) {
    await reserveOrThrottle(deps, meta, { action: 'account.activate', key: 'activation-email:' + codeHash, max: ACTIVATION_EMAILS_PER_CODE, windowMinutes: ACTIVATION_DAYS * 24 * 60 });
  }
  const passwordHash = await hashPassword(input.password);
  const userId = await deps.db.transaction().execute(async (trx) => {
    const uid = await spendCode(trx, codeHash, 'activation');
    if (!uid) return undefined;
    if (input.email) {
      await assertEmailFree(trx, input.email, uid);
      await trx.updateTable('app_user').set({ email: input.email }).where('id', '=', uid).execute();
    }
    await setPassword(trx, uid, passwordHash);
    await deps.auditor.allowed(trx, { actor: null, meta, action: 'account.activate', resource: `account/${uid}`, reason: `account ${uid} activated` });
    return uid;
  }).catch((e: unknown) => {
    // Two activations racing for one e-mail address: the index refuses the second (409).
    throw asRefusal(e);
  });
  if (!userId) {
    await deps.auditor.refused(deps.db, { actor: null, meta, action: 'account.activate', resource: 'account', reason: 'unknown, used or expired code' });
    throw new AppError('invalid-input', 'This code is not valid: it may be mistyped, used already, or expired.', [{ pointer: '/code', detail: 'is not valid' }]);
  }
  await releaseAttempt(deps.db, clientKey);
  const u = await deps.db.selectFrom('app_user').select('email').where('id', '=', userId).executeTakeFirst();
  return u?.email ?? '';
}

/** Reset links asked for one address, and by one client, per hour. */
export const RESETS_PER_ADDRESS = 3;
export const RESETS_PER_CLIENT = 10;

/**
 * Counts a reset request before it is answered, per address and per client; too many get 429. The
 * count does not depend on whether the address has an account, so neither does the answer.
 */
export async function throttleResetRequest(deps: AccessDeps, meta: RequestMeta, email: string): Promise<void> {
  await reserveOrThrottle(deps, meta, { action: 'password.reset-request', key: 'reset-address:' + email.trim().toLowerCase(), max: RESETS_PER_ADDRESS, windowMinutes: 60 });
  await reserveOrThrottle(deps, meta, { action: 'password.reset-request', key: 'reset-client:' + (meta.clientIp ?? 'unknown'), max: RESETS_PER_CLIENT, windowMinutes: 60 });
}

async function reserveOrThrottle(deps: AccessDeps, meta: RequestMeta, limit: { action: AuditAction; key: string; max: number; windowMinutes: number }): Promise<void> {
  const { action, key, max, windowMinutes } = limit;
  const r = await reserveAttempt(deps.db, key, max, windowMinutes);
  if (r.allowed) return;
  await deps.auditor.refused(deps.db, { actor: null, meta, action, resource: 'account', reason: `too many attempts: ${key.split(':')[0] ?? ''}` });
  throw new AppError('too-many-requests', 'Too many attempts. Wait a while and try again.', [], { retryAt: new Date(Date.now() + windowMinutes * 60_000) });
}

/** Always answers the same, so the form does not reveal which addresses have an account. */
export async function requestPasswordReset(deps: StaffMailDeps, meta: RequestMeta, email: string): Promise<void> {
  const user = await findUserByEmail(deps.db, email);
  if (!user || user.status === 'disabled') {
    await deps.auditor.refused(deps.db, { actor: null, meta, action: 'password.reset-request', resource: 'account', reason: 'no such account' });
    return;
  }
  const token = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + RESET_HOURS * 3_600_000).toISOString();
  await insertCode(deps.db, { codeHash: sha256(token), userId: user.id, purpose: 'password-reset', expiresAt });
  const link = new URL(`/password-reset/confirm?token=${token}`, deps.linkBase).toString();
  await deps.mailer.send({
    to: user.email ?? email,
    subject: 'Botpad: nieuw wachtwoord / new password',
    text:
      `U vroeg om een nieuw wachtwoord voor Botpad. Open deze link binnen ${String(RESET_HOURS)} uur:\n${link}\n\n` +
      `Vroeg u dit niet? Dan hoeft u niets te doen.\n\n` +
      `You asked for a new Botpad password. Open this link within ${String(RESET_HOURS)} hours:\n${link}\n\n` +
      `Did not ask for this? Then you need not do anything.`,
  });
  await deps.auditor.allowed(deps.db, { actor: null, meta, action: 'password.reset-request', resource: `account/${user.id}`, reason: `link sent for ${user.id}` });
}

export async function confirmPasswordReset(deps: AccessDeps, meta: RequestMeta, token: string, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  const ok = await deps.db.transaction().execute(async (trx) => {
    const uid = await spendCode(trx, sha256(token), 'password-reset');
    if (!uid) return false;
    await setPassword(trx, uid, passwordHash);
    await deps.auditor.allowed(trx, { actor: null, meta, action: 'password.reset', resource: `account/${uid}`, reason: `password reset for ${uid}` });
    return true;
  });
  if (!ok) throw new AppError('invalid-input', 'This link is not valid any more. Ask for a new one.', [{ pointer: '/token', detail: 'is not valid' }]);
}
