// A day centre's groups over HTTP on both stores: the centre's administrator makes a group and puts
// children and care workers in it; a care worker then sees and logs for their group's children only,
// and loses the child when it is taken out; the centre's physician sees every child. Bad input names
// its field, another centre's group is not found, nobody but the centre's administrator keeps groups,
// and every change is audited (a child's against the child's record).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionCookie, signInApi, signInRoles, testApp, type TestApp, jsonCaller } from './testing/test-app.js';
import { buildFixture, PASSWORD, type Fixture } from './testing/fixture.js';
import { STORE_KINDS } from '../store/testing/stores.js';
import { insertUser } from '../store/accounts.repo.js';
import { hashPassword } from '../services/auth.js';

interface Group { id: string; name: string; children: { patientId: string; givenName: string; familyName: string }[]; staff: { userId: string; displayName: string }[] }
interface GroupsView { groups: Group[]; children: { patientId: string }[]; careWorkers: { userId: string }[] }
interface ProblemDoc { status: number; errors?: { pointer: string; detail: string }[] }

describe.each(STORE_KINDS)('day-centre groups over HTTP on %s', (kind) => {
  let t: TestApp;
  let f: Fixture;
  const cookie: Record<string, string> = {};
  const ids: Record<string, string> = {};

  const call = jsonCaller(() => t, cookie);
  const child = async (name: string, org: string) => {
    const id = (await t.store.db.insertInto('patient')
      .values({ family_name: name, given_name: 'Kind', birth_date: '2019-02-03', sex: 'male', bsn: null, phone: null, email: null, gp_practice: null, pathway_stage: 'case-finding' })
      .returning('id').executeTakeFirstOrThrow()).id;
    await t.store.db.insertInto('patient_organisation').values({ patient_id: id, organisation_id: org, relation: 'care' }).execute();
    return id;
  };
  const account = async (as: string, role: 'admin' | 'care-worker' | 'physician', org: string) => {
    const email = `${as}@groups.test`;
    ids[as] = await insertUser(t.store.db, { role, organisationId: org, patientId: null, email, displayName: `Groups ${as}`, passwordHash: await hashPassword(PASSWORD), status: 'active' });
    cookie[as] = sessionCookie(await signInApi(t, email, PASSWORD));
  };
  const record = async (patientId: string, as: string) => (await call('GET', `/api/v1/patients/${patientId}`, as)).statusCode;
  const listed = async (as: string) => {
    const res = await call('GET', '/api/v1/patients', as);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: { id: string }[] }>().items.map((p) => p.id);
  };

  beforeAll(async () => {
    t = await testApp(kind);
    f = await buildFixture(t.store.db);
    await signInRoles(t, f, ['admin', 'care-worker', 'nurse'], cookie);
    await account('centreAdmin', 'admin', f.orgs.dayA);
    await account('otherAdmin', 'admin', f.orgs.dayB);
    await account('worker2', 'care-worker', f.orgs.dayA);
    await account('centrePhysician', 'physician', f.orgs.dayA);
    ids.sam = await child('Sam', f.orgs.dayA);
    ids.elsewhere = await child('Elders', f.orgs.dayB);
  });
  afterAll(async () => {
    await t.close();
  });

  it('the administrator makes a group, puts a child and a care worker in it, and the care worker sees that child only', async () => {
    // Before: worker2 is in no group and sees none of the centre's children; the centre's physician sees all.
    expect(await record(ids.sam ?? '', 'worker2')).toBe(403);
    expect(await record(f.patients.childA, 'worker2')).toBe(403);
    expect(await listed('worker2')).toEqual([]);
    expect(await record(ids.sam ?? '', 'centrePhysician')).toBe(200);

    const made = await call('POST', '/api/v1/groups', 'centreAdmin', { name: '  De Vlinders ' });
    expect(made.statusCode, made.body).toBe(201);
    const g = made.json<Group>();
    expect(g).toMatchObject({ name: 'De Vlinders', children: [], staff: [] });
    const requestId = randomUUID();
    const added = await call('POST', `/api/v1/groups/${g.id}/children`, 'centreAdmin', { patientId: ids.sam }, requestId);
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json<Group>().children.map((c) => c.familyName)).toEqual(['Sam']);
    const audit = await t.store.db.selectFrom('audit_event').select(['action', 'allowed', 'patient_id']).where('request_id', '=', requestId).execute();
    expect(audit).toEqual([{ action: 'group.manage', allowed: true, patient_id: ids.sam }]);
    const staffed = await call('POST', `/api/v1/groups/${g.id}/staff`, 'centreAdmin', { userId: ids.worker2 });
    expect(staffed.statusCode, staffed.body).toBe(200);
    expect(staffed.json<Group>().staff.map((s) => s.userId)).toEqual([ids.worker2]);

    expect(await record(ids.sam ?? '', 'worker2')).toBe(200);
    expect(await record(f.patients.childA, 'worker2')).toBe(403);
    expect(await listed('worker2')).toEqual([ids.sam]);
    const mine = await call('GET', '/api/v1/groups/mine', 'worker2');
    expect(mine.json<{ groups: { name: string; children: { patientId: string }[] }[] }>().groups).toEqual([
      { id: g.id, name: 'De Vlinders', children: [expect.objectContaining({ patientId: ids.sam })] },
    ]);
    // The fixture's care worker, in the other group, does not see Sam.
    expect(await record(ids.sam ?? '', 'care-worker')).toBe(403);
    expect(await record(f.patients.childA, 'care-worker')).toBe(200);

    const view = await call('GET', '/api/v1/groups', 'centreAdmin');
    expect(view.statusCode, view.body).toBe(200);
    const v = view.json<GroupsView>();
    expect(v.groups.map((x) => x.name)).toEqual(['De Vlinders', 'Group A']);
    expect(v.children.map((c) => c.patientId).sort()).toEqual([f.patients.childA, ids.sam].sort());
    expect(v.careWorkers.map((c) => c.userId).sort()).toEqual([f.users['care-worker'].id, ids.worker2].sort());

    // Taken out: the door closes at once.
    const out = await call('DELETE', `/api/v1/groups/${g.id}/children/${ids.sam ?? ''}`, 'centreAdmin');
    expect(out.statusCode, out.body).toBe(200);
    expect(out.json<Group>().children).toEqual([]);
    expect(await record(ids.sam ?? '', 'worker2')).toBe(403);
    expect(await listed('worker2')).toEqual([]);
    const gone = await call('DELETE', `/api/v1/groups/${g.id}/staff/${ids.worker2 ?? ''}`, 'centreAdmin');
    expect(gone.json<Group>().staff).toEqual([]);
  });

  it('bad input names its field and changes nothing; a name twice is a conflict', async () => {
    const empty = await call('POST', '/api/v1/groups', 'centreAdmin', { name: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json<ProblemDoc>().errors?.map((e) => e.pointer)).toEqual(['/name']);
    const extra = await call('POST', '/api/v1/groups', 'centreAdmin', { name: 'X', colour: 'red' });
    expect(extra.statusCode).toBe(400);
    const twice = await call('POST', '/api/v1/groups', 'centreAdmin', { name: 'group a' });
    expect(twice.statusCode, twice.body).toBe(409);
    expect(twice.json<ProblemDoc>().errors?.map((e) => e.pointer)).toEqual(['/name']);
    const g = (await call('POST', '/api/v1/groups', 'centreAdmin', { name: 'De Egels' })).json<Group>();
    const notOurs = await call('POST', `/api/v1/groups/${g.id}/children`, 'centreAdmin', { patientId: ids.elsewhere });
    expect(notOurs.statusCode).toBe(400);
    expect(notOurs.json<ProblemDoc>().errors?.map((e) => e.pointer)).toEqual(['/patientId']);
    const adult = await call('POST', `/api/v1/groups/${g.id}/children`, 'centreAdmin', { patientId: f.patients.adultA });
    expect(adult.statusCode).toBe(400);
    const notWorker = await call('POST', `/api/v1/groups/${g.id}/staff`, 'centreAdmin', { userId: ids.centrePhysician });
    expect(notWorker.statusCode).toBe(400);
    expect(notWorker.json<ProblemDoc>().errors?.map((e) => e.pointer)).toEqual(['/userId']);
    const badId = await call('POST', `/api/v1/groups/${g.id}/children`, 'centreAdmin', { patientId: 'not-an-id' });
    expect(badId.statusCode).toBe(400);
    expect(badId.json<ProblemDoc>().errors?.map((e) => e.pointer)).toEqual(['/patientId']);
    const after = (await call('GET', '/api/v1/groups', 'centreAdmin')).json<GroupsView>().groups.find((x) => x.id === g.id);
    expect(after).toMatchObject({ children: [], staff: [] });
  });

  it('only the centre\'s own administrator keeps its groups', async () => {
    const g = (await call('GET', '/api/v1/groups', 'centreAdmin')).json<GroupsView>().groups[0];
    const other = await call('POST', `/api/v1/groups/${g?.id ?? ''}/children`, 'otherAdmin', { patientId: f.patients.childA });
    expect(other.statusCode).toBe(404);
    expect((await call('GET', '/api/v1/groups', 'otherAdmin')).json<GroupsView>().groups).toEqual([]);
    for (const as of ['admin', 'care-worker', 'centrePhysician', 'nurse']) {
      const requestId = randomUUID();
      const res = await call('POST', '/api/v1/groups', as, { name: `Van ${as}` }, requestId);
      expect(res.statusCode, as).toBe(403);
      const audit = await t.store.db.selectFrom('audit_event').select(['action', 'allowed']).where('request_id', '=', requestId).execute();
      expect(audit).toEqual([{ action: 'group.manage', allowed: false }]);
    }
    expect((await call('GET', '/api/v1/groups', 'admin')).statusCode).toBe(403);
  });
});
