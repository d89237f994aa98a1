// An organisation's own values for the configurable settings: only what it changed, one row per
// change (migration 0010). The newest row is what counts; older rows are the history. The store
// takes and gives the overrides as JSON without judging them: the services check them against the
// core's Settings schema on the way in and on the way out (the store knows no clinical rules).
import { sql } from 'kysely';
import type { Db, Tx } from './db.js';

export interface SettingsRow {
  overrides: unknown;
  changedAt: string;
  changedBy: string | null;
  changedByName: string | null;
}

/** JSONB as the driver hands it over (PGlite may give it as text). */
const json = (v: unknown): unknown => (typeof v === 'string' ? (JSON.parse(v) as unknown) : v);

/** The overrides that count for an organisation (its newest row), or undefined when it changed nothing yet. One indexed read. */
export async function currentOverrides(db: Db, organisationId: string): Promise<unknown> {
  const row = await db
    .selectFrom('organisation_settings')
    .select('overrides')
    .where('organisation_id', '=', organisationId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row === undefined ? undefined : json(row.overrides);
}

/** The newest row with who wrote it (their name as it is now), or undefined. */
export async function currentSettingsRow(db: Db, organisationId: string): Promise<SettingsRow | undefined> {
  const row = await db
    .selectFrom('organisation_settings as s')
    .leftJoin('app_user as u', 'u.id', 's.changed_by')
    .select(['s.overrides', 's.changed_at', 's.changed_by', 'u.display_name'])
    .where('s.organisation_id', '=', organisationId)
    .orderBy('s.id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row && { overrides: json(row.overrides), changedAt: row.changed_at, changedBy: row.changed_by, changedByName: row.display_name };
}

/**
 * Orders the changes of one organisation: the organisation's row is locked until the transaction
 * ends, so two administrators saving at once each compare with what the other saved. A lock that
 * leaves the row's key alone: new rows that refer to the organisation (a patient in its care) do
 * not wait for it.
 */
export async function lockOrganisationSettings(tx: Tx, organisationId: string): Promise<boolean> {
  const r = await sql<{ id: string }>`select id from organisation where id = ${organisationId} for no key update`.execute(tx);
  return r.rows.length > 0;
}

/** A change: a new row, never an update of an old one (the table refuses that). */
export async function insertOverrides(tx: Tx, organisationId: string, overrides: Record<string, unknown>, changedBy: string | null): Promise<SettingsRow> {
  const row = await tx
    .insertInto('organisation_settings')
    .values({ organisation_id: organisationId, overrides: JSON.stringify(overrides), changed_by: changedBy })
    .returning(['overrides', 'changed_at', 'changed_by'])
    .executeTakeFirstOrThrow();
  return { overrides: json(row.overrides), changedAt: row.changed_at, changedBy: row.changed_by, changedByName: null };
}

/** Every change of one organisation, newest first (at most `limit`). */
export async function settingsHistory(db: Db, organisationId: string, limit = 50): Promise<SettingsRow[]> {
  const rows = await db
    .selectFrom('organisation_settings as s')
    .leftJoin('app_user as u', 'u.id', 's.changed_by')
    .select(['s.overrides', 's.changed_at', 's.changed_by', 'u.display_name'])
    .where('s.organisation_id', '=', organisationId)
    .orderBy('s.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ overrides: json(r.overrides), changedAt: r.changed_at, changedBy: r.changed_by, changedByName: r.display_name }));
}
