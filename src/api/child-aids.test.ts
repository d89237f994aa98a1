// A child's aids and fracture signals over HTTP, on both stores: the day centre's physiotherapist
// adds aids and records checks (the Case's last aids check is the oldest of the aids' last checks);
// a parent and a care worker note signals, each landing at once as an alert on the worklist of the
// day centre's physician; the physician records what followed, which closes the signal and its
// alert. Access (who may, who may not) and bad input, each field named, nothing half-stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionCookie, signInApi, signInRoles, testApp, type TestApp } from './testing/test-app.js';
import { buildFixture, PASSWORD, type Fixture } from './testing/fixture.js';
import { STORE_KINDS } from '../store/testing/stores.js';
import { Problem } from '../schema/problem.js';
import { addDays, addMonths } from '../core/time/date.js';
import { todayNl } from '../schema/clock.js';
import { insertUser } from '../store/accounts.repo.js';
import { hashPassword } from '../services/auth.js';
import { insertEntry } from '../store/record.repo.js';

interface Aid { id: string; kind: string; lastCheck: string | null; due: string | null; dueReason: string | null; isDue: boolean; checks: { adjusted: string | null; heightCm: number | null }[] }
interface Signal { id: string; open: boolean; observed: string[]; bodyPart: string; notedBy: string | null; alerts?: number; outcome: { fracture: string; xray: boolean } | null }
interface Item { itemId: string; patientId: string; step: string; reasons: string[]; source: string; state: string; overdue: boolean; priority: string }

describe.each(STORE_KINDS)('the aids and fracture signals API on %s', (kind) => {
  let t: TestApp;
  let f: Fixture;
  const cookie: Record<string, string> = {};
  const today = todayNl();
  let child: string;

  const call = (method: 'GET' | 'POST', url: string, who: string, body?: unknown) =>
    t.app.inject({
      method, url, headers: { cookie: cookie[who] ?? '', ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });
  const count = async (table: 'child_aid' | 'fracture_signal' | 'clinical_entry' | 'worklist_item') =>
    Number((await t.store.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const worklist = async (who: string): Promise<Item[]> => {
    const res = await call('GET', '/api/v1/worklist?limit=200', who);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: Item[] }>().items;
  };
  const signal = { observed: ['swelling', 'pain-when-moved'], bodyPart: 'left-upper-leg', observedOn: today };

  beforeAll(async () => {
    t = await testApp(kind);
    f = await buildFixture(t.store.db);
    child = f.patients.childA;
    // The child's profile (mobility), which the Case's child part stands on.
    await insertEntry(t.store.db, { patientId: child, kind: 'child', date: addMonths(today, -12), data: { mobility: 'wheelchair' }, source: 'clinician', by: null, organisationId: null });
    await signInRoles(t, f, ['nurse', 'physician', 'physiotherapist', 'care-worker', 'caregiver'], cookie);
    for (const [key, role, org] of [['centreDoc', 'physician', f.orgs.dayA], ['centrePhysio', 'physiotherapist', f.orgs.dayA], ['otherDoc', 'physician', f.orgs.dayB]] as const) {
      await insertUser(t.store.db, { role, organisationId: org, patientId: null, email: `${key}@fixture.test`, displayName: key, passwordHash: await hashPassword(PASSWORD), status: 'active' });
      cookie[key] = sessionCookie(await signInApi(t, `${key}@fixture.test`, PASSWORD));
    }
  });
  afterAll(async () => {
    await t.close();
  });

  it('keeps aids with their checks; the Case reads the oldest of the aids\' last checks', async () => {
    const frameCheck = addMonths(today, -2);
    const chairCheck = addMonths(today, -7);
    const frame = await call('POST', `/api/v1/patients/${child}/aids`, 'centrePhysio', { kind: 'standing-frame', description: 'Maat 2', lastCheck: frameCheck, heightCm: 130 });
    expect(frame.statusCode, frame.body).toBe(201);
    expect(frame.json<Aid>()).toMatchObject({ kind: 'standing-frame', lastCheck: frameCheck, due: addMonths(frameCheck, 6), isDue: false, dueReason: 'interval' });
    const chair = await call('POST', `/api/v1/patients/${child}/aids`, 'centrePhysio', { kind: 'wheelchair', lastCheck: chairCheck });
    expect(chair.statusCode, chair.body).toBe(201);
    expect(chair.json<Aid>()).toMatchObject({ isDue: true, due: addMonths(chairCheck, 6) });

    let c = await call('GET', `/api/v1/patients/${child}/case`, 'centreDoc');
    expect(c.statusCode, c.body).toBe(200);
    expect(c.json<{ child?: { lastAidsCheck?: string } }>().child?.lastAidsCheck).toBe(chairCheck);
    let list = await call('GET', `/api/v1/patients/${child}/aids`, 'caregiver');
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json<{ items: Aid[]; lastAidsCheck: string }>().lastAidsCheck).toBe(chairCheck);

    // The wheelchair checked today: now the frame, checked 2 months ago, is the oldest last check.
    const checked = await call('POST', `/api/v1/patients/${child}/aids/${chair.json<Aid>().id}/checks`, 'centreDoc', { date: today, adjusted: 'Zitdiepte 2 cm langer', heightCm: 131.5 });
    expect(checked.statusCode, checked.body).toBe(201);
    expect(checked.json<Aid>()).toMatchObject({ lastCheck: today, isDue: false });
    expect(checked.json<Aid>().checks[0]).toMatchObject({ adjusted: 'Zitdiepte 2 cm langer', heightCm: 131.5 });
    list = await call('GET', `/api/v1/patients/${child}/aids`, 'care-worker');
    expect(list.json<{ lastAidsCheck: string }>().lastAidsCheck).toBe(frameCheck);
    c = await call('GET', `/api/v1/patients/${child}/case`, 'centreDoc');
    expect(c.json<{ child?: { lastAidsCheck?: string } }>().child?.lastAidsCheck).toBe(frameCheck);
  });

  it('lets only the centre\'s physician and physiotherapist keep the aids', async () => {
    const before = await count('child_aid');
    const body = { kind: 'orthoses', lastCheck: today };
    for (const who of ['care-worker', 'caregiver', 'nurse', 'physiotherapist', 'otherDoc']) {
      const res = await call('POST', `/api/v1/patients/${child}/aids`, who, body);
      expect(res.statusCode, `${who}: ${res.body}`).toBe(403);
    }
    expect((await call('POST', `/api/v1/patients/${child}/aids`, '', body)).statusCode).toBe(401);
    expect((await call('GET', `/api/v1/patients/${child}/aids`, 'otherDoc')).statusCode).toBe(403);
    expect(await count('child_aid')).toBe(before);
  });

  it('names each bad field of an aid and a check, storing nothing', async () => {
    const aids = await count('child_aid');
    const entries = await count('clinical_entry');
    const bad = await call('POST', `/api/v1/patients/${child}/aids`, 'centrePhysio', { kind: 'skateboard', lastCheck: addDays(today, 1), heightCm: 0, description: '', extra: 1 });
    expect(bad.statusCode).toBe(400);
    const p = Problem.parse(bad.json());
    const pointers = p.errors?.map((e) => e.pointer) ?? [];
    for (const ptr of ['/kind', '/lastCheck', '/heightCm', '/description']) expect(pointers, bad.body).toContain(ptr);
    const list = await call('GET', `/api/v1/patients/${child}/aids`, 'centrePhysio');
    const aidId = list.json<{ items: Aid[] }>().items[0]?.id ?? '';
    const badCheck = await call('POST', `/api/v1/patients/${child}/aids/${aidId}/checks`, 'centrePhysio', { date: 'gisteren', adjusted: '   ', heightCm: 300 });
    expect(badCheck.statusCode).toBe(400);
    const cp = Problem.parse(badCheck.json()).errors?.map((e) => e.pointer) ?? [];
    for (const ptr of ['/date', '/adjusted', '/heightCm']) expect(cp, badCheck.body).toContain(ptr);
    const noAid = await call('POST', `/api/v1/patients/${child}/aids/${f.patients.adultA}/checks`, 'centrePhysio', { date: today, adjusted: 'niets' });
    expect(noAid.statusCode).toBe(404);
    expect(await count('child_aid')).toBe(aids);
    expect(await count('clinical_entry')).toBe(entries);
  });

  it('puts a parent\'s signal on the centre physician\'s worklist at once, and closes it with what followed', async () => {
    const res = await call('POST', `/api/v1/patients/${child}/fracture-signals`, 'caregiver', { ...signal, note: 'Huilt bij het tillen' });
    expect(res.statusCode, res.body).toBe(201);
    const s = res.json<Signal>();
    expect(s).toMatchObject({ open: true, alerts: 1, observed: ['swelling', 'pain-when-moved'], bodyPart: 'left-upper-leg' });
    const alert = (await worklist('centreDoc')).find((i) => i.patientId === child && i.step === 'alert' && i.source === 'fracture-signal');
    expect(alert).toMatchObject({ reasons: ['child-fracture-signal'], priority: 'high', overdue: true, state: 'open' });
    // Not on a hospital's list, nor another centre's.
    expect((await worklist('physician')).some((i) => i.source === 'fracture-signal')).toBe(false);
    expect((await worklist('otherDoc')).some((i) => i.source === 'fracture-signal')).toBe(false);

    const staff = await call('POST', `/api/v1/patients/${child}/fracture-signals`, 'care-worker', { ...signal, observed: ['refuses-weight'], bodyPart: 'right-foot' });
    expect(staff.statusCode, staff.body).toBe(201);

    const physio = await call('POST', `/api/v1/patients/${child}/fracture-signals/${s.id}/outcome`, 'centrePhysio', { seen: true, xray: true, fracture: 'yes' });
    expect(physio.statusCode).toBe(403);
    const done = await call('POST', `/api/v1/patients/${child}/fracture-signals/${s.id}/outcome`, 'centreDoc', { seen: true, xray: true, fracture: 'yes', note: 'Femurfractuur, gips' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json<Signal>()).toMatchObject({ open: false, outcome: { fracture: 'yes', xray: true } });
    expect((await worklist('centreDoc')).some((i) => i.itemId === alert?.itemId)).toBe(false);
    const again = await call('POST', `/api/v1/patients/${child}/fracture-signals/${s.id}/outcome`, 'centreDoc', { seen: true, xray: false, fracture: 'no' });
    expect(again.statusCode).toBe(409);

    const list = await call('GET', `/api/v1/patients/${child}/fracture-signals`, 'caregiver');
    expect(list.statusCode).toBe(200);
    const items = list.json<{ items: Signal[] }>().items;
    expect(items.map((i) => i.open)).toEqual([true, false]);
  });

  it('refuses a signal from whoever does not log for the child, storing nothing', async () => {
    const signals = await count('fracture_signal');
    const items = await count('worklist_item');
    for (const who of ['nurse', 'physician', 'physiotherapist', 'otherDoc']) {
      const res = await call('POST', `/api/v1/patients/${child}/fracture-signals`, who, signal);
      expect(res.statusCode, `${who}: ${res.body}`).toBe(403);
    }
    expect((await call('POST', `/api/v1/patients/${f.patients.childB}/fracture-signals`, 'caregiver', signal)).statusCode).toBe(403);
    expect(await count('fracture_signal')).toBe(signals);
    expect(await count('worklist_item')).toBe(items);
  });

  it('names each bad field of a signal and of an outcome', async () => {
    const before = await count('fracture_signal');
    const bad = await call('POST', `/api/v1/patients/${child}/fracture-signals`, 'caregiver', { observed: [], bodyPart: 'tail', observedOn: addDays(today, -15), note: '' });
    expect(bad.statusCode).toBe(400);
    const pointers = Problem.parse(bad.json()).errors?.map((e) => e.pointer) ?? [];
    for (const ptr of ['/observed', '/bodyPart', '/observedOn', '/note']) expect(pointers, bad.body).toContain(ptr);
    const twice = await call('POST', `/api/v1/patients/${child}/fracture-signals`, 'caregiver', { ...signal, observed: ['swelling', 'swelling'], observedOn: addDays(today, 1) });
    const tp = Problem.parse(twice.json()).errors?.map((e) => e.pointer) ?? [];
    expect(tp).toEqual(expect.arrayContaining(['/observed', '/observedOn']));
    expect(await count('fracture_signal')).toBe(before);
    const open = (await call('GET', `/api/v1/patients/${child}/fracture-signals`, 'centreDoc')).json<{ items: Signal[] }>().items.find((i) => i.open);
    const badOutcome = await call('POST', `/api/v1/patients/${child}/fracture-signals/${open?.id ?? ''}/outcome`, 'centreDoc', { seen: 'ja', fracture: 'maybe' });
    expect(badOutcome.statusCode).toBe(400);
    const op = Problem.parse(badOutcome.json()).errors?.map((e) => e.pointer) ?? [];
    for (const ptr of ['/seen', '/xray', '/fracture']) expect(op, badOutcome.body).toContain(ptr);
    const notThere = await call('POST', `/api/v1/patients/${child}/fracture-signals/${f.patients.adultA}/outcome`, 'centreDoc', { seen: true, xray: false, fracture: 'no' });
    expect(notThere.statusCode).toBe(404);
  });
});
