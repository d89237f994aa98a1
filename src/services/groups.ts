// A day centre's groups (docs/day-centre.md). The centre's administrator keeps them: which children
// and which care workers are in each (`group.manage`, audited, each change against the child it
// concerns). A care worker then sees and notes down the day of the children of their own group(s)
// only: the core decides that from `sharesGroup` (services/access.ts reads the rows), so every read
// and write of a record follows the groups as they are at that moment.
import type { Actor } from '../core/access/index.js';
import { AppError } from '../schema/problem.js';
import type { Group, GroupChild, GroupsView, MyGroups, NewGroup } from '../schema/group.schema.js';
import * as repo from '../store/groups.repo.js';
import type { Db } from '../store/db.js';
import { listPatients, withAction, type AccessDeps, type RequestMeta } from './access.js';

/** The most children the administrator's choice lists (a day centre has far fewer). */
const CHILDREN_MAX = 1000;

const child = (r: Omit<repo.GroupChildRow, 'group_id'>): GroupChild => ({
  patientId: r.patient_id, givenName: r.given_name, familyNamePrefix: r.family_name_prefix, familyName: r.family_name, birthDate: r.birth_date,
});
const staff = (r: { user_id?: string; id?: string; display_name: string; status?: string }): GroupStaff => ({
  userId: r.user_id ?? r.id ?? '', displayName: r.display_name, active: r.status === undefined || r.status === 'active',
});
type GroupStaff = GroupsView['careWorkers'][number];

async function groupsWithMembers(db: Db, groups: readonly repo.GroupRow[]): Promise<Group[]> {
  const ids = groups.map((g) => g.id);
  const [children, members] = await Promise.all([repo.childrenOfGroups(db, ids), repo.staffOfGroups(db, ids)]);
  return groups.map((g) => ({
    id: g.id,
    name: g.name,
    children: children.filter((c) => c.group_id === g.id).map(child),
    staff: members.filter((s) => s.group_id === g.id).map(staff),
  }));
}

const orgOf = (actor: Actor): string => actor.organisationId ?? '';

async function view(db: Db, organisationId: string): Promise<GroupsView> {
  const [groups, children, workers] = await Promise.all([repo.groupsOf(db, organisationId), repo.childrenOfOrganisation(db, organisationId, CHILDREN_MAX), repo.careWorkersOf(db, organisationId)]);
  return { groups: await groupsWithMembers(db, groups), children: children.map(child), careWorkers: workers.map(staff) };
}

/** The administrator's view: the groups with their members, and the children and care workers to choose from. */
export async function dayCentreGroups(deps: AccessDeps, actor: Actor, meta: RequestMeta): Promise<GroupsView> {
  return withAction(deps, { actor, meta, action: 'group.manage', resource: 'groups' }, async (db) => ({ value: await view(db, orgOf(actor)), detail: 'groups viewed' }));
}

export async function createGroup(deps: AccessDeps, actor: Actor, meta: RequestMeta, input: NewGroup): Promise<Group> {
  return withAction(deps, { actor, meta, action: 'group.manage', resource: 'groups' }, async (db) => {
    const g = await repo.insertGroup(db, { organisationId: orgOf(actor), name: input.name, createdBy: actor.userId });
    return { value: { id: g.id, name: g.name, children: [], staff: [] }, detail: `group ${g.id} made` };
  });
}

/** The group, if it is one of the administrator's own centre (another centre's is not found: it is not theirs to know of). */
async function ownGroup(db: Db, actor: Actor, groupId: string): Promise<repo.GroupRow> {
  const g = await repo.groupById(db, groupId);
  if (!g || g.organisation_id !== orgOf(actor)) throw new AppError('not-found', 'There is no group with this id.', [{ pointer: '/params/id', detail: 'no such group' }]);
  return g;
}

async function oneGroup(db: Db, g: repo.GroupRow): Promise<Group> {
  const [out] = await groupsWithMembers(db, [g]);
  if (!out) throw new AppError('internal', 'The group could not be read back.');
  return out;
}

type Change = { kind: 'child'; patientId: string } | { kind: 'staff'; userId: string };

/**
 * Puts a child or a care worker in a group, or takes them out. A child must be in the centre's
 * care, a staff member must be one of its care workers: anything else is refused at its field and
 * nothing changes. Audited as `group.manage`; a child's change names the child's record, so it is
 * in that record's access log too.
 */
export async function changeGroup(deps: AccessDeps, actor: Actor, meta: RequestMeta, groupId: string, change: Change, add: boolean): Promise<Group> {
  return withAction(deps, { actor, meta, action: 'group.manage', resource: `groups/${groupId}` }, async (db) => {
    const g = await ownGroup(db, actor, groupId);
    if (change.kind === 'child') {
      if (add && !(await repo.childOfOrganisation(db, g.organisation_id, change.patientId))) {
        throw new AppError('invalid-input', 'This is not a child in the care of your day centre.', [{ pointer: '/patientId', detail: 'is not a child in the care of your day centre', code: 'group-child-unknown' }]);
      }
      const changed = add ? await repo.addChild(db, g.id, change.patientId, actor.userId) : await repo.removeChild(db, g.id, change.patientId);
      const what = add ? (changed ? 'child added to group' : 'child already in group') : changed ? 'child taken out of group' : 'child was not in group';
      return { value: await oneGroup(db, g), patientId: change.patientId, detail: `${what} ${g.id}` };
    }
    if (add && !(await repo.careWorkerOf(db, g.organisation_id, change.userId))) {
      throw new AppError('invalid-input', 'This is not a care worker of your day centre.', [{ pointer: '/userId', detail: 'is not a care worker of your day centre', code: 'group-staff-unknown' }]);
    }
    const changed = add ? await repo.addStaff(db, g.id, change.userId, actor.userId) : await repo.removeStaff(db, g.id, change.userId);
    const what = add ? (changed ? 'care worker added to group' : 'care worker already in group') : changed ? 'care worker taken out of group' : 'care worker was not in group';
    return { value: await oneGroup(db, g), detail: `${what} ${g.id}: user ${change.userId}` };
  });
}

/**
 * A care worker's own group(s) with their children: each child is decided by the core (and audited
 * as listed) like any patient list, so a child who left the centre's care or turned 18 is not shown.
 */
export async function myGroups(deps: AccessDeps, actor: Actor, meta: RequestMeta): Promise<MyGroups> {
  let groups: repo.GroupRow[] = [];
  let rows: repo.GroupChildRow[] = [];
  const listed = await listPatients(deps, { actor, meta, resource: 'groups/mine' }, async (db, { searchPatients }) => {
    groups = actor.role === 'care-worker' ? await repo.groupsOfStaff(db, actor.userId) : [];
    rows = await repo.childrenOfGroups(db, groups.map((g) => g.id));
    const ids = new Set(rows.map((r) => r.patient_id));
    if (ids.size === 0) return { rows: [] };
    const candidates = await searchPatients(db, { organisationId: orgOf(actor), relation: 'care', limit: CHILDREN_MAX });
    return { rows: candidates.filter((c) => ids.has(c.id)) };
  });
  const seen = new Set(listed.rows.map((r) => r.id));
  return { groups: groups.map((g) => ({ id: g.id, name: g.name, children: rows.filter((r) => r.group_id === g.id && seen.has(r.patient_id)).map(child) })) };
}
