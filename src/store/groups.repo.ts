// A day centre's groups (migration 0026): which children and which care workers belong to each. No
// authorisation here: services/groups.ts reaches these through services/access.ts (withAction for
// the administrator's changes), and access.ts reads `sharesGroupWith` where a care worker's target
// is loaded, so the core can decide on it.
import { sql } from 'kysely';
import type { Db } from './db.js';

export interface GroupRow {
  id: string;
  organisation_id: string;
  name: string;
  created_at: string;
}

export interface GroupChildRow {
  group_id: string;
  patient_id: string;
  given_name: string;
  family_name_prefix: string | null;
  family_name: string;
  birth_date: string;
}

export interface GroupStaffRow {
  group_id: string;
  user_id: string;
  display_name: string;
  email: string | null;
  status: 'pending' | 'active' | 'disabled';
}

export async function groupsOf(db: Db, organisationId: string): Promise<GroupRow[]> {
  return db.selectFrom('day_centre_group').select(['id', 'organisation_id', 'name', 'created_at'])
    .where('organisation_id', '=', organisationId).orderBy(sql`lower(name)`).orderBy('id').execute();
}

export async function groupById(db: Db, id: string): Promise<GroupRow | undefined> {
  return db.selectFrom('day_centre_group').select(['id', 'organisation_id', 'name', 'created_at']).where('id', '=', id).executeTakeFirst();
}

export async function insertGroup(db: Db, g: { organisationId: string; name: string; createdBy: string }): Promise<GroupRow> {
  return db.insertInto('day_centre_group').values({ organisation_id: g.organisationId, name: g.name, created_by: g.createdBy })
    .returning(['id', 'organisation_id', 'name', 'created_at']).executeTakeFirstOrThrow();
}

/** The children of the given groups, in name order. */
export async function childrenOfGroups(db: Db, groupIds: readonly string[]): Promise<GroupChildRow[]> {
  if (groupIds.length === 0) return [];
  return db.selectFrom('day_centre_group_child as c').innerJoin('patient as p', 'p.id', 'c.patient_id')
    .select(['c.group_id', 'c.patient_id', 'p.given_name', 'p.family_name_prefix', 'p.family_name', 'p.birth_date'])
    .where('c.group_id', 'in', groupIds).orderBy('p.sort_key').orderBy('p.id').execute();
}

/** The staff of the given groups, in name order. */
export async function staffOfGroups(db: Db, groupIds: readonly string[]): Promise<GroupStaffRow[]> {
  if (groupIds.length === 0) return [];
  return db.selectFrom('day_centre_group_staff as s').innerJoin('app_user as u', 'u.id', 's.user_id')
    .select(['s.group_id', 's.user_id', 'u.display_name', 'u.email', 'u.status'])
    .where('s.group_id', 'in', groupIds).orderBy('u.display_name').orderBy('u.id').execute();
}

/** Adds a child; true when it was not in the group yet. */
export async function addChild(db: Db, groupId: string, patientId: string, by: string): Promise<boolean> {
  const r = await db.insertInto('day_centre_group_child').values({ group_id: groupId, patient_id: patientId, added_by: by })
    .onConflict((oc) => oc.columns(['group_id', 'patient_id']).doNothing()).executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function removeChild(db: Db, groupId: string, patientId: string): Promise<boolean> {
  const r = await db.deleteFrom('day_centre_group_child').where('group_id', '=', groupId).where('patient_id', '=', patientId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function addStaff(db: Db, groupId: string, userId: string, by: string): Promise<boolean> {
  const r = await db.insertInto('day_centre_group_staff').values({ group_id: groupId, user_id: userId, added_by: by })
    .onConflict((oc) => oc.columns(['group_id', 'user_id']).doNothing()).executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function removeStaff(db: Db, groupId: string, userId: string): Promise<boolean> {
  const r = await db.deleteFrom('day_centre_group_staff').where('group_id', '=', groupId).where('user_id', '=', userId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** The ids among `patientIds` that share a group with the staff member `userId`. */
export async function sharesGroupWith(db: Db, userId: string, patientIds: readonly string[]): Promise<Set<string>> {
  if (patientIds.length === 0) return new Set();
  const rows = await db.selectFrom('day_centre_group_child as c').innerJoin('day_centre_group_staff as s', 's.group_id', 'c.group_id')
    .select('c.patient_id').distinct().where('s.user_id', '=', userId).where('c.patient_id', 'in', patientIds).execute();
  return new Set(rows.map((r) => r.patient_id));
}

/** The groups a staff member is in. */
export async function groupsOfStaff(db: Db, userId: string): Promise<GroupRow[]> {
  return db.selectFrom('day_centre_group as g').innerJoin('day_centre_group_staff as s', 's.group_id', 'g.id')
    .select(['g.id', 'g.organisation_id', 'g.name', 'g.created_at']).where('s.user_id', '=', userId).orderBy(sql`lower(g.name)`).orderBy('g.id').execute();
}

/** A child the centre may put in a group: in its care, whatever the age (the core decides on the age). */
export async function childOfOrganisation(db: Db, organisationId: string, patientId: string): Promise<{ id: string; birth_date: string } | undefined> {
  return db.selectFrom('patient as p').innerJoin('patient_organisation as o', 'o.patient_id', 'p.id')
    .select(['p.id', 'p.birth_date']).where('p.id', '=', patientId).where('o.organisation_id', '=', organisationId).where('o.relation', '=', 'care')
    .where('p.merged_into', 'is', null).executeTakeFirst();
}

/** The children in the centre's care not in any of its groups yet (for the administrator's choice), and those that are. */
export async function childrenOfOrganisation(db: Db, organisationId: string, limit: number): Promise<Omit<GroupChildRow, 'group_id'>[]> {
  return db.selectFrom('patient as p').innerJoin('patient_organisation as o', 'o.patient_id', 'p.id')
    .select(['p.id as patient_id', 'p.given_name', 'p.family_name_prefix', 'p.family_name', 'p.birth_date'])
    .where('o.organisation_id', '=', organisationId).where('o.relation', '=', 'care').where('p.merged_into', 'is', null)
    .orderBy('p.sort_key').orderBy('p.id').limit(limit).execute();
}

/** A care worker of the organisation, as a group's staff must be. */
export async function careWorkerOf(db: Db, organisationId: string, userId: string): Promise<{ id: string } | undefined> {
  return db.selectFrom('app_user').select('id').where('id', '=', userId).where('organisation_id', '=', organisationId).where('role', '=', 'care-worker').executeTakeFirst();
}

export async function careWorkersOf(db: Db, organisationId: string): Promise<{ id: string; display_name: string; email: string | null }[]> {
  return db.selectFrom('app_user').select(['id', 'display_name', 'email']).where('organisation_id', '=', organisationId).where('role', '=', 'care-worker')
    .where('status', '!=', 'disabled').orderBy('display_name').orderBy('id').execute();
}
