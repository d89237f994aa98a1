// The worklist over HTTP: who may read it (and that a refusal is audited), the exact shape of a
// page, every filter with its edges, the search by name, birth date and BSN, the name order, paging
// through the whole list (also while it changes), the fence around another organisation, the
// acknowledge/done rules, and the audit of every patient shown.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInRoles, testApp, type TestApp } from './testing/test-app.js';
import { buildFixture, type Fixture } from './testing/fixture.js';
import { STORE_KINDS } from '../store/testing/stores.js';
import { Problem } from '../schema/problem.js';
import { encodeCursor } from '../schema/paging.js';
import type { Actor } from '../core/access/index.js';
import { addDays, addYears } from '../core/time/date.js';
import { todayNl } from '../schema/clock.js';
import { storeAuditor } from '../services/auditor.js';
import { createPatient } from '../services/patients.js';
import { recordFacts } from '../services/record.js';
import { inTransaction } from '../store/db.js';
import { insertManualItem } from '../store/worklist.repo.js';
import { insertUser } from '../store/accounts.repo.js';

interface Item { itemId: string; patientId: string; name: string; birthDate: string; step: string; due: string; overdue: boolean; priority: string; reasons: string[]; state: string; acknowledgedBy: string | null; acknowledgedAt: string | null }
interface Body { items: Item[]; counts: Record<string, number>; nextCursor: string | null }

const meta = { requestId: null, clientIp: null };
const BSN = '111222333';

describe.each(STORE_KINDS)('the worklist API on %s', (kind) => {
  let t: TestApp;
  let f: Fixture;
  let nurse: Actor;
  const cookie: Record<string, string> = {};
  const today = todayNl();
  const p: Record<string, string> = {};
  let alertId = '';
  let taskId = '';
  let otherTaskId = '';
  let otherAlertId = '';

  const get = (query: string, who = 'nurse', requestId: string = randomUUID()) =>
    t.app.inject({ url: `/api/v1/worklist${query}`, headers: { cookie: cookie[who] ?? '', 'x-request-id': requestId } });
  const list = async (query: string, who = 'nurse'): Promise<Body> => {
    const res = await get(query, who);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Body>();
  };
  const post = (itemId: string, what: 'acknowledge' | 'done', who = 'nurse') =>
    t.app.inject({ method: 'POST', url: `/api/v1/worklist/${itemId}/${what}`, headers: { cookie: cookie[who] ?? '' } });
  /** Only the patients this file made: the fixture's own may carry items too. */
  const ours = (b: Body) => b.items.filter((i) => Object.values(p).includes(i.patientId));
  const whoOf = (b: Body) => ours(b).map((i) => Object.entries(p).find(([, id]) => id === i.patientId)?.[0]);

  beforeAll(async () => {
    t = await testApp(kind);
    f = await buildFixture(t.store.db);
    await signInRoles(t, f, ['nurse', 'physician', 'physiotherapist', 'care-worker', 'admin', 'patient', 'caregiver'], cookie);
    nurse = { userId: f.users.nurse.id, role: 'nurse', organisationId: f.orgs.hospA, organisationKind: 'hospital', patientId: null };
    const deps = { db: t.store.db, auditor: storeAuditor };
    const make = async (key: string, o: { familyName: string; prefix?: string; birthDate: string; bsn?: string; site?: 'wrist' | 'hip'; fractureDaysAgo?: number; noFracture?: boolean }) => {
      const row = await createPatient(deps, nurse, meta, {
        familyName: o.familyName, ...(o.prefix ? { familyNamePrefix: o.prefix } : {}), givenName: 'Wl', birthDate: o.birthDate, sex: 'female',
        gpPractice: 'Huisartsen Oost', differentPerson: true, ...(o.bsn ? { bsn: o.bsn } : {}),
      });
      p[key] = row.id;
      if (o.noFracture === true) return;
      await recordFacts(deps, { actor: nurse, meta, patientId: row.id, resource: 'patient/record/fracture' }, [
        { kind: 'fracture', date: addDays(today, -(o.fractureDaysAgo ?? 3)), data: { site: o.site ?? 'wrist', side: 'left', highEnergy: false } },
      ]);
    };
    await make('vries', { familyName: 'Vries', prefix: 'de', birthDate: '1956-03-07', bsn: BSN });
    await make('aalbers', { familyName: 'Aalbers', birthDate: '1950-01-10', site: 'hip' });
    await make('dijkstra', { familyName: 'Dijkstra', birthDate: '1948-06-20', fractureDaysAgo: 20 });
    await make('zwart', { familyName: 'Zwart', birthDate: '1940-02-02' });
    // The edges of the 50-64 band today, each with a task (a fracture before 50 would open nothing):
    // 50 today, 50 tomorrow, 64 until tomorrow, 65 today.
    const band = { fifty: addYears(today, -50), fortyNine: addDays(addYears(today, -50), 1), sixtyFour: addDays(addYears(today, -65), 1), sixtyFive: addYears(today, -65) };
    for (const [key, birthDate] of Object.entries(band)) await make(key, { familyName: `Leeftijd ${key}`, birthDate, noFracture: true });
    const item = (organisationId: string, patientId: string, step: 'alert' | 'task', assignee: string | null) => inTransaction(t.store.db, (tx) => insertManualItem(tx, {
      organisationId, patientId, key: `${step}:${randomUUID()}`, step, due: addDays(today, 1), priority: step === 'alert' ? 'high' : 'normal', reasons: ['test'], source: 'report', title: step === 'task' ? 'Bel de huisarts' : null, assignee,
    }));
    alertId = (await item(f.orgs.hospA, p.zwart ?? '', 'alert', null)).item_id;
    taskId = (await item(f.orgs.hospA, p.zwart ?? '', 'task', f.users.nurse.id)).item_id;
    for (const key of Object.keys(band)) await item(f.orgs.hospA, p[key] ?? '', 'task', null);
    // The other hospital's own patient with its own items.
    const nurseB = await insertUser(t.store.db, { role: 'nurse', organisationId: f.orgs.hospB, patientId: null, email: 'wl-nurse-b@fixture.test', displayName: 'Nurse B', passwordHash: 'x', status: 'active' });
    await recordFacts(deps, { actor: { ...nurse, userId: nurseB, organisationId: f.orgs.hospB }, meta, patientId: f.patients.adultB, resource: 'patient/record/fracture' }, [
      { kind: 'fracture', date: addDays(today, -3), data: { site: 'wrist', side: 'left', highEnergy: false } },
    ]);
    otherTaskId = (await item(f.orgs.hospB, f.patients.adultB, 'task', nurseB)).item_id;
    otherAlertId = (await item(f.orgs.hospB, f.patients.adultB, 'alert', null)).item_id;
  });
  afterAll(async () => {
    await t.close();
  });

  describe('bad input is refused naming the field', () => {
    const cases: [string, string][] = [
      ['?step=bellen', '/query/step'],
      ['?overdue=yes', '/query/overdue'],
      ['?ageBand=50-plus', '/query/ageBand'],
      ['?site=elbow-ish', '/query/site'],
      ['?sort=age', '/query/sort'],
      ['?limit=0', '/query/limit'],
      ['?limit=1000', '/query/limit'],
      ['?assignee=nurse', '/query/assignee'],
      ['?cursor=not-a-cursor', '/query/cursor'],
      [`?q=${'a'.repeat(101)}`, '/query/q'],
      ['?colour=red', '/query/colour'],
    ];
    it.each(cases)('GET /api/v1/worklist%s → 400 at %s', async (query, pointer) => {
      const res = await get(query);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(Problem.parse(res.json()).errors?.map((e) => e.pointer)).toContain(pointer);
    });

    it('refuses a cursor made for another order, and one whose key is no date for a date order', async () => {
      const page = await list('?sort=due&limit=1');
      expect(page.nextCursor).not.toBeNull();
      const other = await get(`?sort=name&cursor=${page.nextCursor ?? ''}`);
      expect(other.statusCode).toBe(400);
      expect(Problem.parse(other.json()).errors).toEqual([expect.objectContaining({ pointer: '/query/cursor', detail: expect.stringContaining('sort=due') as string })]);
      const forged = encodeCursor({ dir: 'after', key: ['due', 'Vries', randomUUID()] });
      const bad = await get(`?sort=due&cursor=${forged}`);
      expect(bad.statusCode).toBe(400);
      expect(Problem.parse(bad.json()).errors?.map((e) => e.pointer)).toEqual(['/query/cursor']);
    });

    it('refuses an item id that is no id', async () => {
      const res = await post('zwart', 'acknowledge');
      expect(res.statusCode).toBe(400);
      expect(Problem.parse(res.json()).errors?.map((e) => e.pointer)).toEqual(['/params/itemId']);
    });
  });

  describe('who may read it', () => {
    it('asks for a sign-in first', async () => {
      const res = await t.app.inject({ url: '/api/v1/worklist' });
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect((await t.app.inject({ method: 'POST', url: `/api/v1/worklist/${alertId}/acknowledge` })).statusCode).toBe(401);
    });

    it.each(['physiotherapist', 'care-worker', 'patient', 'caregiver', 'admin'])('refuses a %s, and audits the refusal', async (who) => {
      const requestId = randomUUID();
      const res = await get('', who, requestId);
      expect(res.statusCode, res.body).toBe(403);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      const audit = await t.store.db.selectFrom('audit_event').select(['action', 'resource', 'allowed']).where('request_id', '=', requestId).execute();
      expect(audit).toEqual([{ action: 'patient.list', resource: 'worklist', allowed: false }]);
      expect((await post(alertId, 'acknowledge', who)).statusCode).toBe(403);
    });

    it('serves a nurse and a physician of the hospital', async () => {
      for (const who of ['nurse', 'physician']) expect(ours(await list('?limit=200', who)).length).toBeGreaterThan(0);
    });
  });

  it('answers exactly { items, counts, nextCursor }, each item with what a row shows', async () => {
    const body = await list('?limit=200');
    expect(Object.keys(body).sort()).toEqual(['counts', 'items', 'nextCursor']);
    const vries = body.items.find((i) => i.patientId === p.vries);
    expect(vries).toMatchObject({
      itemId: expect.any(String) as string, patientId: p.vries, name: 'Wl de Vries', birthDate: '1956-03-07', step: 'invite',
      due: addDays(today, 11), overdue: false, priority: 'normal', reasons: ['qualifying-fracture'],
    });
    expect(body.counts.invite).toBe(body.items.filter((i) => i.step === 'invite').length);
    expect(body.counts.alert).toBe(1);
    expect(body.counts.task).toBe(5);
  });

  describe('filters', () => {
    it('by step, keeping the counts of every step', async () => {
      const b = await list('?step=alert');
      expect(b.items.map((i) => i.itemId)).toEqual([alertId]);
      expect(b.counts.invite).toBeGreaterThanOrEqual(4);
      expect(b.counts.task).toBe(5);
    });
    it('by overdue both ways', async () => {
      expect(whoOf(await list('?overdue=true&step=invite&limit=200'))).toEqual(['dijkstra']);
      expect(whoOf(await list('?overdue=false&step=invite&limit=200'))).not.toContain('dijkstra');
    });
    it('by age band on the birthday: 50 today and 64 until tomorrow are in 50-64, 49 and 65 are not', async () => {
      const band = whoOf(await list('?ageBand=50-64&step=task&limit=200'));
      expect(band.sort()).toEqual(['fifty', 'sixtyFour']);
      expect(whoOf(await list('?ageBand=under-50&step=task&limit=200'))).toEqual(['fortyNine']);
      expect(whoOf(await list('?ageBand=65-74&step=task&limit=200'))).toEqual(['sixtyFive']);
    });
    it('by the index fracture\'s site', async () => {
      const b = await list('?site=hip&limit=200');
      expect(whoOf(b)).toEqual(['aalbers']);
      expect(ours(b)[0]).toMatchObject({ step: 'invite', priority: 'high', reasons: ['qualifying-fracture', 'hip-fracture'] });
    });
    it('by assignee', async () => {
      expect((await list(`?assignee=${f.users.nurse.id}`)).items.map((i) => i.itemId)).toEqual([taskId]);
      expect((await list(`?assignee=${f.users.physician.id}`)).items).toEqual([]);
    });
    it('by name words, by birth date (ISO and dd-mm-jjjj) and by BSN', async () => {
      expect(whoOf(await list('?q=vries'))).toEqual(['vries']);
      expect(whoOf(await list('?q=de%20vries'))).toEqual(['vries']);
      for (const q of ['1956-03-07', '07-03-1956', '7-3-1956']) expect(whoOf(await list(`?q=${q}`))).toEqual(['vries']);
      for (const who of ['nurse', 'physician']) expect(whoOf(await list(`?q=${BSN}`, who))).toEqual(['vries']);
      expect(whoOf(await list('?q=999999999'))).toEqual([]);
    });
  });

  it('puts "de Vries" under V when sorted by name', async () => {
    const names = whoOf(await list('?sort=name&step=invite&limit=200'));
    expect(names.indexOf('dijkstra')).toBeLessThan(names.indexOf('vries'));
    expect(names.indexOf('vries')).toBeLessThan(names.indexOf('zwart'));
    expect(names.indexOf('aalbers')).toBe(0);
  });

  it.each(['due', 'name', 'fractureDate'])('pages through the whole list by %s, every item once, also when one is added between pages', async (sort) => {
    const all = (await list(`?sort=${sort}&limit=200`)).items.map((i) => i.itemId);
    const seen: string[] = [];
    let cursor: string | null = null;
    let added = '';
    do {
      const b: Body = await list(`?sort=${sort}&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...b.items.map((i) => i.itemId));
      if (added === '') {
        // A task due years ahead for a name far down the alphabet: it comes on a later page.
        added = (await inTransaction(t.store.db, (tx) => insertManualItem(tx, {
          organisationId: f.orgs.hospA, patientId: p.zwart ?? '', key: `task:${randomUUID()}`, step: 'task', due: addDays(today, 3000), priority: 'normal', reasons: [], source: 'task', title: 'Later', assignee: null,
        }))).item_id;
      }
      cursor = b.nextCursor;
    } while (cursor !== null);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.filter((id) => id !== added).sort()).toEqual([...all].sort());
    expect(seen.filter((id) => id === added)).toHaveLength(1);
    await t.store.db.deleteFrom('worklist_item').where('item_id', '=', added).execute();
  });

  it('never shows another organisation\'s items, and their ids are not found', async () => {
    const body = await list('?limit=200');
    expect(body.items.some((i) => i.patientId === f.patients.adultB)).toBe(false);
    expect(body.items.map((i) => i.itemId)).not.toContain(otherTaskId);
    for (const id of [otherTaskId, otherAlertId, randomUUID()]) {
      for (const what of ['acknowledge', 'done'] as const) {
        const res = await post(id, what);
        expect(res.statusCode, res.body).toBe(404);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      }
    }
    const untouched = await t.store.db.selectFrom('worklist_item').select(['state']).where('item_id', 'in', [otherTaskId, otherAlertId]).execute();
    expect(untouched.map((r) => r.state)).toEqual(['open', 'open']);
  });

  it('acknowledges only alerts and closes only tasks and acknowledged alerts, keeping who and when', async () => {
    const invite = (await list('?step=invite&limit=200')).items.find((i) => i.patientId === p.vries);
    expect((await post(invite?.itemId ?? '', 'acknowledge')).statusCode).toBe(409);
    expect((await post(invite?.itemId ?? '', 'done')).statusCode).toBe(409);
    expect((await post(taskId, 'acknowledge')).statusCode).toBe(409);
    expect((await post(alertId, 'done')).statusCode).toBe(409);

    const ack = await post(alertId, 'acknowledge');
    expect(ack.statusCode, ack.body).toBe(200);
    expect(ack.json()).toMatchObject({ itemId: alertId, state: 'acknowledged', acknowledgedBy: f.users.nurse.id, acknowledgedAt: expect.any(String) as string });
    // The answer names the patient as the list does.
    const listed = (await list('?step=alert&limit=200')).items.find((i) => i.itemId === alertId);
    expect((ack.json() as { name: string }).name).toBe(listed?.name);
    expect(listed?.name).not.toBe('');
    expect((await post(alertId, 'acknowledge', 'physician')).statusCode).toBe(409);
    // Still on the list, as acknowledged, until it is done.
    expect((await list('?step=alert')).items).toMatchObject([{ itemId: alertId, state: 'acknowledged', acknowledgedBy: f.users.nurse.id }]);

    const done = await post(alertId, 'done', 'physician');
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ state: 'done', acknowledgedBy: f.users.nurse.id });
    expect((await post(taskId, 'done')).statusCode).toBe(200);
    expect((await post(taskId, 'done')).statusCode).toBe(409);
    const kept = await t.store.db.selectFrom('worklist_item').select(['item_id', 'acknowledged_by', 'done_by', 'done_at']).where('item_id', 'in', [alertId, taskId]).orderBy('item_id').execute();
    expect(kept.find((r) => r.item_id === alertId)).toMatchObject({ acknowledged_by: f.users.nurse.id, done_by: f.users.physician.id });
    expect(kept.find((r) => r.item_id === taskId)).toMatchObject({ acknowledged_by: null, done_by: f.users.nurse.id });
    for (const r of kept) expect(r.done_at).not.toBeNull();
    const b = await list('?limit=200');
    expect(b.items.map((i) => i.itemId)).not.toContain(alertId);
    expect(b.counts.alert ?? 0).toBe(0);
  });

  it('audits every patient shown as patient.list on the worklist, once per patient', async () => {
    const requestId = randomUUID();
    const res = await get('?limit=200', 'nurse', requestId);
    const shown = new Set(res.json<Body>().items.map((i) => i.patientId));
    const audit = await t.store.db.selectFrom('audit_event').select(['action', 'resource', 'allowed', 'patient_id', 'user_id']).where('request_id', '=', requestId).execute();
    expect(audit.every((a) => a.action === 'patient.list' && a.resource === 'worklist' && a.allowed && a.user_id === f.users.nurse.id)).toBe(true);
    expect(audit.map((a) => a.patient_id).sort()).toEqual([...shown].sort());
  });
});
