// An organisation's clinical settings over HTTP: only its own administrators read and change them,
// every attempt is audited as settings.manage (a change naming the values it changed), a bad value
// is refused with its pointer and nothing is saved, and its clinicians' evaluations use the result.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionCookie, signInApi, signInRoles, testApp, type TestApp } from './testing/test-app.js';
import { buildFixture, PASSWORD, type Fixture } from './testing/fixture.js';
import { STORE_KINDS } from '../store/testing/stores.js';
import { insertUser } from '../store/accounts.repo.js';
import { hashPassword } from '../services/auth.js';
import { Problem } from '../schema/problem.js';
import { DEFAULT_SETTINGS } from '../core/settings.js';
import type { OrganisationSettingsView } from '../schema/settings.schema.js';

/** A wrist-bone fracture at 76: it qualifies under the guideline, not where hands and feet are excluded. */
const CASE = {
  asOf: '2026-11-23',
  person: { birthDate: '1950-04-01', sex: 'female' },
  fractures: [{ date: '2026-06-01', site: 'carpus' }],
};
const URL = '/api/v1/organisation/settings';

describe.each(STORE_KINDS)('organisation settings on %s', (kind) => {
  let t: TestApp;
  let f: Fixture;
  const cookie: Record<string, string> = {};
  const send = (who: string, method: 'GET' | 'PUT', body?: unknown, requestId: string = randomUUID()) =>
    t.app.inject({ method, url: URL, headers: { cookie: cookie[who] ?? '', 'x-request-id': requestId }, ...(body === undefined ? {} : { payload: body as object }) });
  const auditOf = (requestId: string) => t.store.db.selectFrom('audit_event').select(['action', 'allowed', 'reason', 'resource', 'user_id']).where('request_id', '=', requestId).execute();
  const rows = async () => (await t.store.db.selectFrom('organisation_settings').select('id').execute()).length;
  const evaluate = async (who: string) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/evaluate?lang=en', headers: { cookie: cookie[who] ?? '' }, payload: CASE });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ settingsUsed: typeof DEFAULT_SETTINGS; conclusions: { code: string; value: unknown }[] }>();
  };

  beforeAll(async () => {
    t = await testApp(kind);
    f = await buildFixture(t.store.db);
    await signInRoles(t, f, ['admin', 'nurse', 'physician', 'physiotherapist', 'care-worker', 'patient', 'caregiver'], cookie);
    // An administrator of the other hospital, and a nurse there.
    const hash = await hashPassword(PASSWORD);
    for (const [role, email] of [['admin', 'admin-b@fixture.test'], ['nurse', 'nurse-b@fixture.test']] as const) {
      await insertUser(t.store.db, { role, organisationId: f.orgs.hospB, patientId: null, email, displayName: `${role} B`, passwordHash: hash, status: 'active' });
      cookie[`${role}B`] = sessionCookie(await signInApi(t, email, PASSWORD));
    }
    // A second administrator of the first hospital.
    await insertUser(t.store.db, { role: 'admin', organisationId: f.orgs.hospA, patientId: null, email: 'admin-2@fixture.test', displayName: 'Second admin', passwordHash: hash, status: 'active' });
    cookie.admin2 = sessionCookie(await signInApi(t, 'admin-2@fixture.test', PASSWORD));
  });
  afterAll(async () => {
    await t.close();
  });

  it('shows the defaults to an administrator of an organisation that changed nothing, audited', async () => {
    const res = await send('admin', 'GET', undefined, 'settings-read');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ effective: DEFAULT_SETTINGS, defaults: DEFAULT_SETTINGS, overridden: [], overrides: {}, changedAt: null, changedBy: null });
    expect(await auditOf('settings-read')).toEqual([
      { action: 'settings.manage', allowed: true, reason: 'administrator of your organisation', resource: `organisation/${f.orgs.hospA}/settings`, user_id: f.users.admin.id },
    ]);
  });

  it('refuses every other role, reading and changing, and audits each refusal', async () => {
    for (const who of ['nurse', 'physician', 'physiotherapist', 'care-worker', 'patient', 'caregiver']) {
      for (const method of ['GET', 'PUT'] as const) {
        const requestId = randomUUID();
        const res = await send(who, method, method === 'PUT' ? { overdueGraceDays: 30 } : undefined, requestId);
        expect(res.statusCode, `${who} ${method}`).toBe(403);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(await auditOf(requestId), `${who} ${method}`).toEqual([expect.objectContaining({ action: 'settings.manage', allowed: false, reason: 'administrators only' })]);
      }
    }
    expect((await t.app.inject({ method: 'PUT', url: URL, payload: { overdueGraceDays: 30 } })).statusCode).toBe(401);
    expect(await rows()).toBe(0);
  });

  it('saves only what differs from the defaults, says who and when, audits the changed keys, and evaluations use it', async () => {
    const before = await evaluate('nurse');
    expect(before.settingsUsed).toEqual(DEFAULT_SETTINGS);
    expect(before.conclusions.find((c) => c.code === 'case-finding.dxa-indicated')?.value).toMatchObject({ indicated: true });

    const body = { fractureSitePolicy: 'hands-feet-excluded', overdueGraceDays: 14, calciumPerServingMg: { 'milk-glass': 200, 'cheese-slice': 160 }, vertebralFractureMinT: -1 };
    const res = await send('admin', 'PUT', body, 'settings-change');
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json<OrganisationSettingsView>();
    expect(v.overrides).toEqual({ fractureSitePolicy: 'hands-feet-excluded', vertebralFractureMinT: -1, calciumPerServingMg: { 'milk-glass': 200 } });
    expect(v.overridden).toEqual(['/fractureSitePolicy', '/vertebralFractureMinT', '/calciumPerServingMg/milk-glass']);
    expect(v.effective).toEqual({ ...DEFAULT_SETTINGS, fractureSitePolicy: 'hands-feet-excluded', vertebralFractureMinT: -1, calciumPerServingMg: { ...DEFAULT_SETTINGS.calciumPerServingMg, 'milk-glass': 200 } });
    expect(v.changedBy).toEqual({ id: f.users.admin.id, displayName: 'Fixture admin' });
    expect(Date.now() - Date.parse(v.changedAt ?? '')).toBeLessThan(60_000);
    expect(await auditOf('settings-change')).toEqual([
      expect.objectContaining({ action: 'settings.manage', allowed: true, reason: 'settings changed: /fractureSitePolicy, /vertebralFractureMinT, /calciumPerServingMg/milk-glass' }),
    ]);
    expect((await send('admin', 'GET')).json()).toEqual(v);

    for (const who of ['nurse', 'physician']) {
      const after = await evaluate(who);
      expect(after.settingsUsed).toEqual(v.effective);
      expect(after.conclusions.find((c) => c.code === 'case-finding.dxa-indicated')?.value).not.toMatchObject({ indicated: true });
    }
  });

  it('keeps each organisation to its own settings', async () => {
    const b = await send('adminB', 'GET');
    expect(b.json<OrganisationSettingsView>().effective).toEqual(DEFAULT_SETTINGS);
    expect((await evaluate('nurseB')).settingsUsed).toEqual(DEFAULT_SETTINGS);
    const res = await send('adminB', 'PUT', { aidsCheckIntervalMonths: 3 }, 'settings-b');
    expect(res.statusCode).toBe(200);
    expect((await auditOf('settings-b'))[0]?.resource).toBe(`organisation/${f.orgs.hospB}/settings`);
    expect((await send('admin', 'GET')).json<OrganisationSettingsView>().effective.aidsCheckIntervalMonths).toBe(6);
    expect((await evaluate('nurse')).settingsUsed.fractureSitePolicy).toBe('hands-feet-excluded');
    expect((await evaluate('nurseB')).settingsUsed).toEqual({ ...DEFAULT_SETTINGS, aidsCheckIntervalMonths: 3 });
  });

  it.each([
    ['an unknown key', { overdueGraceDays: 20, colour: 'blue' }, ['/colour']],
    ['an unknown serving', { calciumPerServingMg: { 'milk-glass': 200, 'cola-can': 5 } }, ['/calciumPerServingMg/cola-can']],
    ['a number out of range', { glucocorticoidTScoreThreshold: -7, aidsCheckGrowthCm: 0 }, ['/glucocorticoidTScoreThreshold', '/aidsCheckGrowthCm']],
    ['a fraction where whole days are meant', { overdueGraceDays: 2.5 }, ['/overdueGraceDays']],
    ['a wrong type', { overdueGraceDays: '20', fractureSitePolicy: 'none', calciumPerServingMg: 180 }, ['/overdueGraceDays', '/fractureSitePolicy', '/calciumPerServingMg']],
  ])('refuses %s with a pointer to each bad value, and saves nothing', async (_what, body, pointers) => {
    const count = await rows();
    const res = await send('admin', 'PUT', body);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(Problem.parse(res.json()).errors?.map((e) => e.pointer).sort()).toEqual([...pointers].sort());
    expect(await rows()).toBe(count);
    expect((await send('admin', 'GET')).json<OrganisationSettingsView>().effective.fractureSitePolicy).toBe('hands-feet-excluded');
  });

  it('goes back to the defaults with an empty body, and keeps every earlier version', async () => {
    const res = await send('admin', 'PUT', {}, 'settings-reset');
    expect(res.json<OrganisationSettingsView>()).toMatchObject({ effective: DEFAULT_SETTINGS, overridden: [], overrides: {} });
    expect((await auditOf('settings-reset'))[0]?.reason).toBe('settings changed: /fractureSitePolicy, /vertebralFractureMinT, /calciumPerServingMg/milk-glass');
    const again = await send('admin', 'PUT', {}, 'settings-same');
    expect(again.statusCode).toBe(200);
    expect((await auditOf('settings-same'))[0]?.reason).toBe('settings saved unchanged');
    const kept = await t.store.db.selectFrom('organisation_settings').select('overrides').where('organisation_id', '=', f.orgs.hospA).orderBy('id').execute();
    expect(kept.map((r) => (typeof r.overrides === 'string' ? JSON.parse(r.overrides) as unknown : r.overrides))).toEqual([
      { fractureSitePolicy: 'hands-feet-excluded', vertebralFractureMinT: -1, calciumPerServingMg: { 'milk-glass': 200 } },
      {},
      {},
    ]);
    expect((await evaluate('nurse')).settingsUsed).toEqual(DEFAULT_SETTINGS);
  });

  it('orders two saves at once: both are kept, and the later one names what it changed from the earlier one', async () => {
    const count = await rows();
    const [one, two] = await Promise.all([send('admin', 'PUT', { overdueGraceDays: 30 }, 'race-1'), send('admin2', 'PUT', { aidsCheckGrowthCm: 5 }, 'race-2')]);
    expect([one.statusCode, two.statusCode]).toEqual([200, 200]);
    expect(await rows()).toBe(count + 2);
    // Each save replaces the whole set: the one saved last is in force, and it undid the other's value.
    const last = (await send('admin', 'GET')).json<OrganisationSettingsView>();
    const oneLast = last.effective.overdueGraceDays === 30;
    expect(last.overridden).toEqual([oneLast ? '/overdueGraceDays' : '/aidsCheckGrowthCm']);
    expect((await auditOf(oneLast ? 'race-2' : 'race-1'))[0]?.reason).toBe(`settings changed: ${oneLast ? '/aidsCheckGrowthCm' : '/overdueGraceDays'}`);
    expect((await auditOf(oneLast ? 'race-1' : 'race-2'))[0]?.reason).toBe('settings changed: /overdueGraceDays, /aidsCheckGrowthCm');
    expect(last.changedBy?.id).toBe(oneLast ? f.users.admin.id : (await t.store.db.selectFrom('app_user').select('id').where('email', '=', 'admin-2@fixture.test').executeTakeFirstOrThrow()).id);
  });
});
