// Sign-in, sessions and sign-in throttling. Passwords are hashed with argon2id (OWASP parameters,
// the library's defaults). A session is a random 256-bit token in a cookie; the database keeps only
// its SHA-256, so any process can check it and a copy of the database cannot be used to sign in.
// Failed sign-ins are counted per account and per client address in the database, so the lock-out
// holds across all processes behind a load balancer.
import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Actor, OrganisationKind } from '../core/access/index.js';
import { DEFAULT_SETTINGS, Settings } from '../core/settings.js';
import type { Db } from '../store/db.js';
import {
  clearFailures, findSession, organisationKindOf, findUserByEmail, insertSession, recordFailure, releaseAttempt, reserveAttempt, revokeSession, touchSession,
  type SessionRow,
} from '../store/accounts.repo.js';
import { insertKeptForm, sessionOwner, takeKeptForm } from '../store/kept.repo.js';
import { AppError } from '../schema/problem.js';
import { auditEntry, type Auditor, type RequestMeta } from './auditor.js';

export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MINUTES = 15;
export const LOCK_MINUTES = 15;
const ABSOLUTE_SESSION_HOURS = 12;
/** Writing last_seen on every request would make each read a write; a minute's precision is enough. */
const TOUCH_EVERY_MS = 60_000;

export const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');
export const newToken = (): string => randomBytes(32).toString('base64url');

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** A fixed hash to verify against when the account does not exist, so timing does not tell. */
let dummyHash: Promise<string> | undefined;

export interface SessionUser {
  actor: Actor;
  displayName: string;
  email: string | null;
  organisationName: string | null;
  /** When this session ends if nothing happens (ISO timestamp). */
  idleExpiresAt: string;
  /** A group tablet's shift session: idle longer (the organisation's `shiftIdleMinutes`). */
  shift: boolean;
}

/** The roles that may sign a group tablet in for a shift: a day centre's own staff, never its administrator. */
const SHIFT_ROLES: ReadonlySet<string> = new Set(['care-worker', 'physician', 'physiotherapist']);

/**
 * How long a session may stay idle: the installation's idle time, or for a group tablet's shift
 * session the organisation's `shiftIdleMinutes` (its default when never set; a kept value outside
 * the setting's bounds is held to them, never trusted as it is).
 */
export function idleMinutesOf(s: Pick<SessionRow, 'shift' | 'shift_idle_minutes'>, normal: number): number {
  if (!s.shift) return normal;
  const kept = Settings.shape.shiftIdleMinutes.safeParse(s.shift_idle_minutes ?? undefined);
  return kept.success ? kept.data : DEFAULT_SETTINGS.shiftIdleMinutes;
}

export interface SignInResult {
  token: string;
  user: SessionUser;
}

export interface AuthDeps {
  db: Db;
  idleMinutes: number;
  auditor: Auditor;
}

export async function signIn(deps: AuthDeps, email: string, password: string, meta: RequestMeta, opts: { shift?: boolean } = {}): Promise<SignInResult> {
  const accountKey = 'account:' + email.trim().toLowerCase();
  const ipKey = 'ip:' + (meta.clientIp ?? 'unknown');
  const now = new Date();
  // Counted before the password is checked, in one statement per key: a burst of attempts checks
  // at most MAX_FAILURES passwords, however many arrive at once.
  await reserveOrRefuse(deps, meta, { key: accountKey, max: MAX_FAILURES, now, email });
  try {
    await reserveOrRefuse(deps, meta, { key: ipKey, max: MAX_FAILURES * 4, now, email });
  } catch (e) {
    await releaseAttempt(deps.db, accountKey);
    throw e;
  }
  const user = await findUserByEmail(deps.db, email.trim());
  dummyHash ??= hash('not-a-real-password-' + newToken());
  const ok = user?.password_hash ? await verify(user.password_hash, password) : (await verify(await dummyHash, password), false);
  if (!user || !ok || user.status !== 'active') {
    await recordFailure(deps.db, accountKey, MAX_FAILURES, LOCK_MINUTES);
    await recordFailure(deps.db, ipKey, MAX_FAILURES * 4, LOCK_MINUTES);
    // Named by the account it was aimed at, so that account's administrator sees the attempts.
    const resource = user ? `account/${user.id}` : 'session';
    await deps.auditor.refused(deps.db, { actor: null, meta, action: 'session.create', resource, reason: 'wrong e-mail address or password' });
    throw new AppError('unauthenticated', 'The e-mail address or the password is not right.');
  }
  await clearFailures(deps.db, accountKey);
  // The address keeps its failures (signing in to one's own account must not wipe them), only this
  // attempt's count is given back: many people sign in from one hospital address.
  await releaseAttempt(deps.db, ipKey);
  const token = newToken();
  const expires = new Date(now.getTime() + ABSOLUTE_SESSION_HOURS * 3600_000).toISOString();
  // A shift session only for a day centre's own staff; anyone else asking gets a normal session.
  const shift = opts.shift === true && SHIFT_ROLES.has(user.role) && user.organisation_id !== null && (await organisationKindOf(deps.db, user.organisation_id)) === 'day-centre';
  await insertSession(deps.db, sha256(token), user.id, expires, shift);
  const resolved = await resolveSession(deps, token);
  if (!resolved) throw new AppError('internal', 'The new session could not be read back.');
  await deps.auditor.allowed(deps.db, { actor: resolved.actor, meta, action: 'session.create', resource: 'session', reason: shift ? 'signed in on a group tablet (shift)' : 'signed in' });
  return { token, user: resolved };
}

/**
 * Counts an attempt on a key, or refuses it (audited) when the key is locked or its attempts are
 * used up. A refusal while the last allowed attempts are still being checked says when the lock
 * would end.
 */
async function reserveOrRefuse(deps: AuthDeps, meta: RequestMeta, attempt: { key: string; max: number; now: Date; email: string }): Promise<void> {
  const { key, max, now, email } = attempt;
  const r = await reserveAttempt(deps.db, key, max, FAILURE_WINDOW_MINUTES);
  if (r.allowed) return;
  // Named by the account it was aimed at; looked up only when it is recorded.
  await deps.auditor.recordBuilt(deps.db, async () => {
    const target = await findUserByEmail(deps.db, email.trim());
    const resource = target ? `account/${target.id}` : 'session';
    return [auditEntry({ actor: null, meta, action: 'session.create', resource, allowed: false, reason: `locked: ${key.split(':')[0] ?? ''}` })];
  });
  const until = r.lockedUntil ? new Date(r.lockedUntil) : new Date(now.getTime() + LOCK_MINUTES * 60_000);
  throw new AppError('too-many-requests', `Too many failed attempts. Try again after ${until.toISOString()}.`, [], { retryAt: until });
}

export async function resolveSession(deps: AuthDeps, token: string | undefined, now = new Date()): Promise<SessionUser | undefined> {
  const h = tokenHash(token);
  if (h === undefined) return undefined;
  return checkSession(deps, await findSession(deps.db, h), now);
}

/** The stored form of a session token; undefined for a token that cannot be one. */
export function tokenHash(token: string | undefined): string | undefined {
  return !token || token.length > 100 ? undefined : sha256(token);
}

/**
 * Whether a session row (however it was read) is a live session: not revoked, user active, neither
 * idle too long nor past its absolute end. Keeps last_seen fresh to the minute.
 */
export async function checkSession(deps: AuthDeps, s: SessionRow | undefined, now = new Date()): Promise<SessionUser | undefined> {
  if (!s || s.revoked_at || s.status !== 'active') return undefined;
  const idleMinutes = idleMinutesOf(s, deps.idleMinutes);
  const idleEnd = new Date(new Date(s.last_seen_at).getTime() + idleMinutes * 60_000);
  if (idleEnd <= now || new Date(s.expires_at) <= now) return undefined;
  let lastSeen = new Date(s.last_seen_at);
  if (now.getTime() - lastSeen.getTime() > TOUCH_EVERY_MS) {
    await touchSession(deps.db, s.token_hash, now.toISOString());
    lastSeen = now;
  }
  return {
    actor: {
      userId: s.user_id,
      role: s.role,
      organisationId: s.organisation_id,
      organisationKind: (s.organisation_kind ?? null) as OrganisationKind | null,
      patientId: s.patient_id,
    },
    displayName: s.display_name,
    email: s.email,
    organisationName: s.organisation_name ?? null,
    idleExpiresAt: new Date(lastSeen.getTime() + idleMinutes * 60_000).toISOString(),
    shift: s.shift === true,
  };
}

export async function signOut(deps: AuthDeps, token: string | undefined, actor: Actor | undefined, meta: RequestMeta): Promise<void> {
  if (!token) return;
  await revokeSession(deps.db, sha256(token));
  if (actor) await deps.auditor.allowed(deps.db, { actor, meta, action: 'session.delete', resource: 'session', reason: 'signed out' });
}

/** How long a form sent after its session ended waits for its author to sign in again. */
const KEEP_MINUTES = 60;

/**
 * Keeps a form that arrived after its session ended, for the account that session belonged to,
 * and returns the opaque reference the sign-in page carries (undefined when no account can be
 * named: then nothing is kept, because nobody could safely be given it back).
 */
export async function keepForm(deps: AuthDeps, sessionToken: string | undefined, action: string, pairs: readonly [string, string][]): Promise<string | undefined> {
  const h = tokenHash(sessionToken);
  const owner = h === undefined ? undefined : await sessionOwner(deps.db, h);
  if (!owner) return undefined;
  const ref = newToken();
  await insertKeptForm(deps.db, sha256(ref), owner, action, pairs, KEEP_MINUTES);
  return ref;
}

/** The kept form behind `ref`, if it belongs to `userId`; it is handed out once. */
export async function takeForm(deps: AuthDeps, ref: string, userId: string): Promise<{ action: string; pairs: [string, string][] } | undefined> {
  if (ref.length > 100) return undefined;
  return takeKeptForm(deps.db, sha256(ref), userId);
}
