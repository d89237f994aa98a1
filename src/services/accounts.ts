// Accounts: administrators create clinicians in their own organisation; a clinician creates the
// account of a patient (or a caregiver) in their care, which the person activates with a one-time
// code from a printed letter; a forgotten password is reset by an e-mailed link where an address is
// known, otherwise by the clinic (a new activation letter).
import { randomBytes, randomInt } from 'node:crypto';
import type { Actor } from '../core/access/index.js';
import type { Db } from '../store/db.js';
import { findUserByEmail, insertCode, insertUser, listUsers, setPassword, spendCode } from '../store/accounts.repo.js';
import { linkCaregiver } from '../store/patient.repo.js';
import { writeAudit } from '../store/audit.repo.js';
import { AppError } from '../schema/problem.js';
import { asRefusal, auditEntry, withAction, withPatient, type AccessDeps, type RequestMeta } from './access.js';
import { hashPassword, sha256 } from './auth.js';
import type { Mailer } from './mail.js';

const ACTIVATION_DAYS = 30;
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

export async function createClinician(
  deps: AccessDeps,
  actor: Actor,
  meta: RequestMeta,
  input: { role: 'nurse' | 'physician' | 'physiotherapist' | 'care-worker' | 'admin'; email: string; displayName: string; password: string },
) {
  const passwordHash = await hashPassword(input.password);
  return withAction(deps, actor, meta, 'user.manage', 'user', async (db) => {
    await assertEmailFree(db, input.email);
    const id = await insertUser(db, { role: input.role, organisationId: actor.organisationId, patientId: null, email: input.email, displayName: input.displayName, passwordHash, status: 'active' });
    return { value: { id, role: input.role, email: input.email, displayName: input.displayName, status: 'active' } };
  });
}

export async function usersOfOrganisation(deps: AccessDeps, actor: Actor, meta: RequestMeta) {
  return withAction(deps, actor, meta, 'user.manage', 'user-list', async (db) => {
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
  input: { kind: 'patient' | 'caregiver'; displayName?: string | undefined; email?: string | undefined; relation?: 'parent' | 'legal-representative' | 'family' | undefined; patientConsent?: boolean | undefined },
  finish: (issued: IssuedAccount) => Promise<void> = () => Promise.resolve(),
): Promise<IssuedAccount> {
  return withPatient(deps, actor, meta, 'patient.create-account', 'account', patientId, async (db, row) => {
    await db.selectFrom('patient').select('id').where('id', '=', patientId).forUpdate().execute();
    const patientName = `${row.given_name} ${row.family_name}`;
    let userId: string;
    const displayName = input.kind === 'patient' ? patientName : (input.displayName ?? '');
    if (input.kind === 'patient') {
      const existing = await db.selectFrom('app_user').select('id').where('patient_id', '=', patientId).executeTakeFirst();
      await assertEmailFree(db, input.email, existing?.id);
      userId =
        existing?.id ??
        (await insertUser(db, { role: 'patient', organisationId: null, patientId, email: input.email ?? null, displayName, passwordHash: null, status: 'pending' }));
    } else {
      await assertEmailFree(db, input.email);
      userId = await insertUser(db, { role: 'caregiver', organisationId: null, patientId: null, email: input.email ?? null, displayName, passwordHash: null, status: 'pending' });
      await linkCaregiver(db, userId, patientId, input.relation ?? 'family', input.patientConsent ?? false, actor.userId);
    }
    const code = newActivationCode();
    const expiresAt = new Date(Date.now() + ACTIVATION_DAYS * 86_400_000).toISOString();
    await insertCode(db, sha256(normaliseCode(code)), userId, 'activation', expiresAt);
    const issued = { userId, activationCode: code, expiresAt, patientName, displayName };
    await finish(issued);
    return issued;
  });
}

export async function activateAccount(deps: AccessDeps, meta: RequestMeta, input: { code: string; email?: string | undefined; password: string }): Promise<string> {
  const passwordHash = await hashPassword(input.password);
  const userId = await deps.db.transaction().execute(async (trx) => {
    const uid = await spendCode(trx, sha256(normaliseCode(input.code)), 'activation');
    if (!uid) return undefined;
    if (input.email) {
      await assertEmailFree(trx, input.email, uid);
      await trx.updateTable('app_user').set({ email: input.email }).where('id', '=', uid).execute();
    }
    await setPassword(trx, uid, passwordHash);
    if (deps.audit) await writeAudit(trx, [auditEntry(null, meta, 'account.activate', 'account', null, true, `account ${uid} activated`)]);
    return uid;
  }).catch((e: unknown) => {
    // Two activations racing for one e-mail address: the index refuses the second (409).
    throw asRefusal(e);
  });
  if (!userId) {
    if (deps.audit) await writeAudit(deps.db, [auditEntry(null, meta, 'account.activate', 'account', null, false, 'unknown, used or expired code')]);
    throw new AppError('invalid-input', 'This code is not valid: it may be mistyped, used already, or expired.', [{ pointer: '/code', detail: 'is not valid' }]);
  }
  const u = await deps.db.selectFrom('app_user').select('email').where('id', '=', userId).executeTakeFirst();
  return u?.email ?? '';
}

/** Always answers the same, so the form does not reveal which addresses have an account. */
export async function requestPasswordReset(deps: AccessDeps & { mailer: Mailer; publicUrl: string }, meta: RequestMeta, email: string): Promise<void> {
  const user = await findUserByEmail(deps.db, email);
  if (!user || user.status === 'disabled') {
    if (deps.audit) await writeAudit(deps.db, [auditEntry(null, meta, 'password.reset-request', 'account', null, false, 'no such account')]);
    return;
  }
  const token = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + RESET_HOURS * 3_600_000).toISOString();
  await insertCode(deps.db, sha256(token), user.id, 'password-reset', expiresAt);
  const link = new URL(`/password-reset/confirm?token=${token}`, deps.publicUrl).toString();
  await deps.mailer.send({
    to: user.email ?? email,
    subject: 'Botpad: nieuw wachtwoord / new password',
    text:
      `U vroeg om een nieuw wachtwoord voor Botpad. Open deze link binnen ${String(RESET_HOURS)} uur:\n${link}\n\n` +
      `Vroeg u dit niet? Dan hoeft u niets te doen.\n\n` +
      `You asked for a new Botpad password. Open this link within ${String(RESET_HOURS)} hours:\n${link}\n\n` +
      `Did not ask for this? Then you need not do anything.`,
  });
  if (deps.audit) await writeAudit(deps.db, [auditEntry(null, meta, 'password.reset-request', 'account', null, true, `link sent for ${user.id}`)]);
}

export async function confirmPasswordReset(deps: AccessDeps, meta: RequestMeta, token: string, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  const ok = await deps.db.transaction().execute(async (trx) => {
    const uid = await spendCode(trx, sha256(token), 'password-reset');
    if (!uid) return false;
    await setPassword(trx, uid, passwordHash);
    if (deps.audit) await writeAudit(trx, [auditEntry(null, meta, 'password.reset', 'account', null, true, `password reset for ${uid}`)]);
    return true;
  });
  if (!ok) throw new AppError('invalid-input', 'This link is not valid any more. Ask for a new one.', [{ pointer: '/token', detail: 'is not valid' }]);
}
