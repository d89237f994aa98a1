// A child's bone-health profile over HTTP, on both stores: the day centre's physiotherapist keeps
// the profile, growth and an earlier fracture; the core's risk and vitamin D advice come back with
// their why; parents and the care worker note doses, a hospital nurse and a stranger are refused,
// and bad input names each bad field with nothing stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInApi, sessionCookie, signInRoles, testApp, type TestApp } from './testing/test-app.js';
import { buildFixture, PASSWORD, type Fixture } from './testing/fixture.js';
import { STORE_KINDS } from '../store/testing/stores.js';
import { Problem } from '../schema/problem.js';
import { addDays } from '../core/time/date.js';
import { todayNl } from '../schema/clock.js';
import { insertUser } from '../store/accounts.repo.js';
import { hashPassword } from '../services/auth.js';
import type { ChildProfileView } from '../schema/child-profile.schema.js';

describe.each(STORE_KINDS)('the child profile API on %s', (kind) => {
  let t: TestApp;
  let f: Fixture;
  const cookie: Record<string, string> = {};
  const today = todayNl();

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, who: string, body?: unknown) =>
    t.app.inject({
      method, url, headers: { cookie: cookie[who] ?? '', ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });
  const profile = (p: string) => `/api/v1/patients/${p}/child-profile`;
  const doses = (p: string) => `/api/v1/patients/${p}/vitamin-d-doses`;
  const count = async (table: 'vitamin_d_dose' | 'child_profile' | 'clinical_entry') => Number((await t.store.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const read = async (who: string, lang = 'nl'): Promise<ChildProfileView> => {
    const res = await call('GET', `${profile(f.patients.childA)}?lang=${lang}`, who);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<ChildProfileView>();
  };

  beforeAll(async () => {
    t = await testApp(kind);
    f = await buildFixture(t.store.db);
    await signInRoles(t, f, ['nurse', 'physiotherapist', 'care-worker', 'caregiver'], cookie);
    const hash = await hashPassword(PASSWORD);
    await insertUser(t.store.db, { role: 'physiotherapist', organisationId: f.orgs.dayA, patientId: null, email: 'day-physio@fixture.test', displayName: 'Day physio', passwordHash: hash, status: 'active' });
    await insertUser(t.store.db, { role: 'care-worker', organisationId: f.orgs.dayB, patientId: null, email: 'worker-b@fixture.test', displayName: 'Worker B', passwordHash: hash, status: 'active' });
    cookie.dayPhysio = sessionCookie(await signInApi(t, 'day-physio@fixture.test', PASSWORD));
    cookie.workerB = sessionCookie(await signInApi(t, 'worker-b@fixture.test', PASSWORD));
  });
  afterAll(async () => {
    await t.close();
  });

  it('reads an empty profile: no risk yet, and a reminder since no dose was ever noted', async () => {
    const v = await read('care-worker');
    expect(v.profile.mobility).toBeNull();
    expect(v.boneQualityRisk).toBeNull();
    expect(v.may).toEqual({ care: false, log: true });
  });

  it('the day centre\'s physiotherapist keeps the profile; the core reads mobility, daylight and the anti-epileptics', async () => {
    const put = await call('PUT', profile(f.patients.childA), 'dayPhysio', {
      mobility: 'wheelchair', indoorsMostly: true, antiEpileptics: 2, corticosteroids: false, feeding: 'tube', fibreRich: true, note: 'Krijgt sondevoeding',
    });
    expect(put.statusCode, put.body).toBe(204);
    const growth = await call('POST', `/api/v1/patients/${f.patients.childA}/child-growth`, 'dayPhysio', { date: addDays(today, -200), weightKg: 24.5, heightCm: 128 });
    expect(growth.statusCode, growth.body).toBe(204);
    expect((await call('POST', `/api/v1/patients/${f.patients.childA}/child-growth`, 'dayPhysio', { date: today, heightCm: 131 })).statusCode).toBe(204);
    const fr = await call('POST', `/api/v1/patients/${f.patients.childA}/child-fractures`, 'dayPhysio', { date: addDays(today, -400), site: 'femur', how: 'Bij het verschonen' });
    expect(fr.statusCode, fr.body).toBe(204);

    const v = await read('caregiver');
    expect(v.profile).toMatchObject({ mobility: 'wheelchair', indoorsMostly: true, antiEpileptics: 2, corticosteroids: false, feeding: 'tube', fibreRich: true, note: 'Krijgt sondevoeding', updatedBy: 'Day physio' });
    expect(v.growth).toEqual([{ date: addDays(today, -200), weightKg: 24.5, heightCm: 128 }, { date: today, weightKg: null, heightCm: 131 }]);
    expect(v.fractures).toEqual([expect.objectContaining({ date: addDays(today, -400), site: 'femur', how: 'Bij het verschonen' })]);
    expect(v.boneQualityRisk).toMatchObject({ level: 'high', extraRisk: true, observedSharesPercent: { wheelchair: 75, walkingAid: 65, independentWalker: 40 } });
    expect(v.boneQualityRisk?.explanation.patient).toContain('75%');
    expect(v.vitaminD).toMatchObject({ physicianSetsDose: true });
    expect(v.vitaminD.reasons).toEqual(expect.arrayContaining(['child-anti-epileptic', 'little-daylight']));
    expect(v.vitaminD.microgramsPerDay).toBeGreaterThan(0);
    expect(v.reminder).toMatchObject({ remind: true, why: 'no-dose-recorded', afterDays: 3 });
    expect(v.may).toEqual({ care: false, log: true });
    expect((await read('dayPhysio', 'en')).vitaminD.explanation.patient).toContain('The doctor decides the dose');
  });

  it('a parent and the care worker note doses; the reminder goes once a dose is recent', async () => {
    const a = await call('POST', doses(f.patients.childA), 'caregiver', { date: addDays(today, -3), dose: 10 });
    expect(a.statusCode, a.body).toBe(201);
    expect(a.json()).toMatchObject({ date: addDays(today, -3), micrograms: 10, givenBy: 'Fixture caregiver' });
    expect((await read('care-worker')).reminder).toMatchObject({ remind: true, why: 'days-without-dose', daysSince: 3 });
    const b = await call('POST', doses(f.patients.childA), 'care-worker', { date: addDays(today, -2), dose: 10 });
    expect(b.statusCode, b.body).toBe(201);
    const v = await read('caregiver');
    expect(v.reminder).toMatchObject({ remind: false, why: 'recent-dose', daysSince: 2 });
    expect(v.doses.map((d) => d.givenBy)).toEqual(['Fixture care-worker', 'Fixture caregiver']);
  });

  it('refuses those who may not: a hospital nurse, another day centre, a parent or care worker keeping the profile', async () => {
    const before = await count('vitamin_d_dose');
    expect((await call('POST', doses(f.patients.childA), 'nurse', { date: today, dose: 10 })).statusCode).toBe(403);
    expect((await call('GET', profile(f.patients.childA), 'nurse')).statusCode).toBe(403);
    expect((await call('POST', doses(f.patients.childA), 'workerB', { date: today, dose: 10 })).statusCode).toBe(403);
    expect((await call('POST', doses(f.patients.childA), 'physiotherapist', { date: today, dose: 10 })).statusCode).toBe(403);
    expect((await call('PUT', profile(f.patients.childA), 'caregiver', { mobility: 'bedbound' })).statusCode).toBe(403);
    expect((await call('PUT', profile(f.patients.childA), 'care-worker', { mobility: 'bedbound' })).statusCode).toBe(403);
    expect((await call('POST', doses(f.patients.childA), '', { date: today, dose: 10 })).statusCode).toBe(401);
    expect(await count('vitamin_d_dose')).toBe(before);
    expect((await read('caregiver')).profile.mobility).toBe('wheelchair');
    // Each refusal and each write is audited, with the action the core decided on.
    const audit = await t.store.db.selectFrom('audit_event').select(['user_id', 'action', 'allowed']).where('patient_id', '=', f.patients.childA).where('resource', '=', 'patient/vitamin-d-dose').execute();
    expect(audit).toEqual(expect.arrayContaining([
      { user_id: f.users.nurse.id, action: 'child.log', allowed: false },
      { user_id: f.users.caregiver.id, action: 'child.log', allowed: true },
      { user_id: f.users['care-worker'].id, action: 'child.log', allowed: true },
    ]));
    const kept = await t.store.db.selectFrom('audit_event').select(['action', 'allowed']).where('patient_id', '=', f.patients.childA).where('resource', '=', 'patient/child-profile').where('user_id', '=', f.users.caregiver.id).execute();
    expect(kept).toEqual(expect.arrayContaining([{ action: 'record.read', allowed: true }, { action: 'child.care', allowed: false }]));
  });

  it('names each bad field of a dose at once and stores nothing', async () => {
    const before = await count('vitamin_d_dose');
    const cases: [unknown, string[]][] = [
      [{ date: addDays(today, 1), dose: 10 }, ['/date']],
      [{ date: addDays(today, -40), dose: 10 }, ['/date']],
      [{ date: '2026-02-30', dose: 0 }, ['/date', '/dose']],
      [{ date: today, dose: 101 }, ['/dose']],
      [{ date: today, dose: 2.5 }, ['/dose']],
      [{ date: today, dose: '10' }, ['/dose']],
      [{ dose: 10 }, ['/date']],
      [{ date: today, dose: 10, by: 'x' }, ['/by']],
    ];
    for (const [body, pointers] of cases) {
      const res = await call('POST', doses(f.patients.childA), 'caregiver', body);
      expect(res.statusCode, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const p = Problem.parse(res.json());
      expect((p.errors ?? []).map((e) => e.pointer).sort(), JSON.stringify(body)).toEqual(expect.arrayContaining(pointers));
    }
    expect(await count('vitamin_d_dose')).toBe(before);
  });

  it('names each bad field of the profile, growth and a fracture, and keeps nothing half', async () => {
    const entries = await count('clinical_entry');
    const bad: [string, string, unknown, string[]][] = [
      ['PUT', profile(f.patients.childA), { mobility: 'crawling', antiEpileptics: -1, feeding: 'spoon' }, ['/mobility', '/antiEpileptics', '/feeding']],
      ['PUT', profile(f.patients.childA), { indoorsMostly: 'yes' }, ['/mobility', '/indoorsMostly']],
      ['POST', `/api/v1/patients/${f.patients.childA}/child-growth`, { date: today }, ['/weightKg']],
      ['POST', `/api/v1/patients/${f.patients.childA}/child-growth`, { date: addDays(today, 2), weightKg: 0, heightCm: 300 }, ['/date', '/weightKg', '/heightCm']],
      ['POST', `/api/v1/patients/${f.patients.childA}/child-fractures`, { date: today, site: 'nose', how: ' ' }, ['/site', '/how']],
    ];
    for (const [method, url, body, pointers] of bad) {
      const res = await call(method as 'PUT' | 'POST', url, 'dayPhysio', body);
      expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
      const p = Problem.parse(res.json());
      expect((p.errors ?? []).map((e) => e.pointer), JSON.stringify(body)).toEqual(expect.arrayContaining(pointers));
    }
    expect(await count('clinical_entry')).toBe(entries);
    expect((await read('dayPhysio')).profile.feeding).toBe('tube');
  });
});
