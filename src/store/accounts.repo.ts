// Accounts, sessions, one-time codes and the sign-in throttle. Tokens and codes are stored only as
// SHA-256 hashes: a copy of the database does not let anyone sign in.
import { sql } from 'kysely';
import type { Db } from './db.js';
import type { Selectable } from 'kysely';
import type { AppUserTable, OrganisationTable, Role, SessionTable } from './schema.js';
import { keysetPage, type KeysetAsk, type KeysetPage, type KeyValue } from './paging.js';

export async function findUserByEmail(db: Db, email: string) {
  return db.selectFrom('app_user').selectAll().where(sql`lower(email)`, '=', email.toLowerCase()).executeTakeFirst();
}

export async function findUserById(db: Db, id: string) {
  return db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface NewUser {
  role: Role;
  organisationId: string | null;
  patientId: string | null;
  email: string | null;
  displayName: string;
  passwordHash: string | null;
  status: 'pending' | 'active';
}

export async function insertUser(db: Db, u: NewUser): Promise<string> {
  const row = await db
    .insertInto('app_user')
    .values({
      role: u.role,
      organisation_id: u.organisationId,
      patient_id: u.patientId,
      email: u.email,
      display_name: u.displayName,
      password_hash: u.passwordHash,
      status: u.status,
      password_changed_at: u.passwordHash ? new Date().toISOString() : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function listUsers(db: Db, organisationId: string) {
  return db
    .selectFrom('app_user')
    .select(['id', 'role', 'email', 'display_name', 'status', 'created_at'])
    .where('organisation_id', '=', organisationId)
    .orderBy('display_name')
    .execute();
}

/** The order of the staff list, and the key a page of it continues from (unique: ends in the id). */
export const USER_ORDER = ['display_name', 'id'] as const;

/** One page of an organisation's accounts, in name order. */
export async function pageUsers(db: Db, organisationId: string, page: Omit<KeysetAsk, 'columns'>) {
  const query = db.selectFrom('app_user').select(['id', 'role', 'email', 'display_name', 'status', 'created_at']).where('organisation_id', '=', organisationId);
  type Row = Awaited<ReturnType<typeof query.execute>>[number];
  const found: KeysetPage<Row> = await keysetPage(query, { ...page, columns: USER_ORDER }, (r): KeyValue[] => [r.display_name, r.id]);
  return found;
}

export async function setPassword(db: Db, userId: string, hash: string): Promise<void> {
  await db
    .updateTable('app_user')
    .set({ password_hash: hash, status: 'active', password_changed_at: new Date().toISOString() })
    .where('id', '=', userId)
    .execute();
  // A new password ends every open session of that account.
  await db.updateTable('session').set({ revoked_at: new Date().toISOString() }).where('user_id', '=', userId).where('revoked_at', 'is', null).execute();
}

/**
 * Disables an account: open sessions end and unused codes are spent (a reset link sent earlier
 * would otherwise bring it back). Returns how many sessions ended.
 */
export async function disableUser(db: Db, userId: string): Promise<number> {
  const now = new Date().toISOString();
  await db.updateTable('app_user').set({ status: 'disabled' }).where('id', '=', userId).execute();
  await db.updateTable('one_time_code').set({ used_at: now }).where('user_id', '=', userId).where('used_at', 'is', null).execute();
  const ended = await db.updateTable('session').set({ revoked_at: now }).where('user_id', '=', userId).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(ended.numUpdatedRows);
}

export async function insertSession(db: Db, tokenHash: string, userId: string, expiresAt: string, shift = false): Promise<void> {
  await db.insertInto('session').values({ token_hash: tokenHash, user_id: userId, expires_at: expiresAt, revoked_at: null, shift }).execute();
}

export async function findSession(db: Db, tokenHash: string): Promise<SessionRow | undefined> {
  const r = await sql<{ session: SessionRow | string | null }>`select ${SESSION_JSON(tokenHash)} as session`.execute(db);
  return sessionFromJson(r.rows[0]?.session);
}

/**
 * A session with its user and organisation, as every session check reads it (derived from the
 * table types, so it cannot drift; timestamps are ISO-8601 text either way).
 */
export type SessionRow = Pick<Selectable<SessionTable>, 'token_hash' | 'last_seen_at' | 'expires_at' | 'revoked_at' | 'created_at' | 'shift'> &
  Pick<Selectable<AppUserTable>, 'role' | 'organisation_id' | 'patient_id' | 'display_name' | 'email' | 'status'> & {
    user_id: Selectable<AppUserTable>['id'];
    organisation_kind: Selectable<OrganisationTable>['kind'] | null;
    organisation_name: Selectable<OrganisationTable>['name'] | null;
    /** For a shift session: the organisation's `shiftIdleMinutes` as last saved (null: never set, the default holds). */
    shift_idle_minutes: number | null;
  };

/**
 * The session row as one JSON value (null when there is no such session): findSession selects it
 * alone, and statements that check the session and read data in the same round trip select it
 * beside their data (patient.repo.ts), so both read the same columns.
 */
export const SESSION_JSON = (tokenHash: string) => sql<SessionRow>`(
  select json_build_object(
    'token_hash', s.token_hash, 'last_seen_at', s.last_seen_at, 'expires_at', s.expires_at,
    'revoked_at', s.revoked_at, 'created_at', s.created_at, 'user_id', u.id, 'role', u.role,
    'organisation_id', u.organisation_id, 'patient_id', u.patient_id, 'display_name', u.display_name,
    'email', u.email, 'status', u.status, 'organisation_kind', o.kind, 'organisation_name', o.name, 'shift', s.shift,
    'shift_idle_minutes', case when s.shift then (select case when jsonb_typeof(os.overrides -> 'shiftIdleMinutes') = 'number'
      then floor((os.overrides ->> 'shiftIdleMinutes')::numeric)::int end
      from organisation_settings os where os.organisation_id = u.organisation_id order by os.id desc limit 1) end)
  from session s join app_user u on u.id = s.user_id left join organisation o on o.id = u.organisation_id
  where s.token_hash = ${tokenHash})`;

/** The kind of an organisation (whether a shift session may be given). */
export async function organisationKindOf(db: Db, organisationId: string): Promise<string | undefined> {
  return (await db.selectFrom('organisation').select('kind').where('id', '=', organisationId).executeTakeFirst())?.kind;
}

export async function touchSession(db: Db, tokenHash: string, now: string): Promise<void> {
  await db.updateTable('session').set({ last_seen_at: now }).where('token_hash', '=', tokenHash).execute();
}

export async function revokeSession(db: Db, tokenHash: string): Promise<void> {
  await db.updateTable('session').set({ revoked_at: new Date().toISOString() }).where('token_hash', '=', tokenHash).execute();
}

export async function insertCode(db: Db, code: { codeHash: string; userId: string; purpose: 'activation' | 'password-reset'; expiresAt: string }): Promise<void> {
  const { codeHash, userId, purpose, expiresAt } = code;
  // Only the newest code of a purpose is valid: older ones are spent.
  await db.updateTable('one_time_code').set({ used_at: new Date().toISOString() }).where('user_id', '=', userId).where('purpose', '=', purpose).where('used_at', 'is', null).execute();
  await db.insertInto('one_time_code').values({ code_hash: codeHash, user_id: userId, purpose, expires_at: expiresAt, used_at: null }).execute();
}

/** Whether a code is valid now (without spending it). */
export async function liveCode(db: Db, codeHash: string, purpose: 'activation' | 'password-reset'): Promise<boolean> {
  const row = await db
    .selectFrom('one_time_code')
    .select('user_id')
    .where('code_hash', '=', codeHash)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', new Date().toISOString())
    .executeTakeFirst();
  return row !== undefined;
}

/** Spends a valid code and returns its user, or undefined. Atomic: a code works once. */
export async function spendCode(db: Db, codeHash: string, purpose: 'activation' | 'password-reset'): Promise<string | undefined> {
  const row = await db
    .updateTable('one_time_code')
    .set({ used_at: new Date().toISOString() })
    .where('code_hash', '=', codeHash)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', new Date().toISOString())
    .returning('user_id')
    .executeTakeFirst();
  return row?.user_id;
}

export interface ThrottleState {
  failures: number;
  lockedUntil: string | null;
}

export interface Reservation {
  /** Whether this attempt may go on to check a password or code. */
  allowed: boolean;
  /** Attempts counted in the current window, this one included. */
  attempts: number;
  lockedUntil: string | null;
}

export async function throttleState(db: Db, key: string): Promise<ThrottleState> {
  const row = await db.selectFrom('login_throttle').select(['failures', 'locked_until']).where('key', '=', key).executeTakeFirst();
  return { failures: row?.failures ?? 0, lockedUntil: row?.locked_until ?? null };
}

/**
 * Counts an attempt BEFORE anything is checked, and says in the same statement whether it may go
 * on: the (max+1)th attempt in a window is refused however many arrive at once, in however many
 * processes, because the row lock orders them. An expired lock or window starts a new count.
 * `failures` counts attempts here: a successful one gives its count back (releaseAttempt) or
 * clears the key.
 */
export async function reserveAttempt(db: Db, key: string, max: number, windowMinutes: number): Promise<Reservation> {
  const fresh = sql`(case when t.locked_until is not null then t.locked_until <= now()
    else t.window_start < now() - make_interval(mins => ${windowMinutes}) end)`;
  const r = await sql<{ failures: number; locked_until: string | null; locked: boolean }>`
    insert into login_throttle as t (key, failures, window_start, locked_until)
    values (${key}, 1, now(), null)
    on conflict (key) do update set
      failures = case when ${fresh} then 1 else t.failures + 1 end,
      window_start = case when ${fresh} then now() else t.window_start end,
      locked_until = case when ${fresh} then null else t.locked_until end
    returning failures, locked_until, coalesce(locked_until > now(), false) as locked`.execute(db);
  const row = r.rows[0];
  const attempts = row?.failures ?? 1;
  return { allowed: attempts <= max && !row?.locked, attempts, lockedUntil: row?.locked_until ?? null };
}

/**
 * A checked attempt failed: once `max` attempts fall within the window the key is locked for
 * `lockMinutes` (from this failure on).
 */
export async function recordFailure(db: Db, key: string, max: number, lockMinutes: number): Promise<ThrottleState> {
  const r = await sql<{ failures: number; locked_until: string | null }>`
    update login_throttle set locked_until = case
        when failures >= ${max} and (locked_until is null or locked_until <= now()) then now() + make_interval(mins => ${lockMinutes})
        else locked_until end
    where key = ${key}
    returning failures, locked_until`.execute(db);
  const row = r.rows[0];
  return { failures: row?.failures ?? 0, lockedUntil: row?.locked_until ?? null };
}

/** A reserved attempt that succeeded (or was never checked) does not count against the key. */
export async function releaseAttempt(db: Db, key: string): Promise<void> {
  await sql`update login_throttle set failures = greatest(failures - 1, 0) where key = ${key}`.execute(db);
}

export async function clearFailures(db: Db, key: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', '=', key).execute();
}

/** A SESSION_JSON value as the driver hands it over (PGlite may give JSON as text). */
export function sessionFromJson(v: SessionRow | string | null | undefined): SessionRow | undefined {
  if (v === null || v === undefined) return undefined;
  return typeof v === 'string' ? (JSON.parse(v) as SessionRow) : v;
}
