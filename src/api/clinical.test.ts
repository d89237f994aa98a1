import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInRoles, testApp, type TestApp } from './testing/test-app.js';
import { buildFixture, type Fixture } from './testing/fixture.js';
import { Problem } from '../schema/problem.js';
import { RULES, RULES_VERSION } from '../core/registry.js';
import { walkPages } from './testing/walk-pages.js';

const CASE = {
  asOf: '2026-11-23',
  person: { birthDate: '1950-04-01', sex: 'female', menopause: { status: 'post' } },
  fractures: [{ date: '2026-06-01', site: 'wrist' }],
  dxa: [{ date: '2026-07-01', site: 'femoral-neck', tScore: -2.7 }],
  labs: [{ test: '25-oh-vitamin-d', value: 20, unit: 'ng/mL', date: '2026-07-01' }],
};

describe('clinical core over HTTP', () => {
  let t: TestApp;
  let f: Fixture;
  const cookie: Record<string, string> = {};
  beforeAll(async () => {
    t = await testApp('pglite');
    f = await buildFixture(t.store.db);
    await signInRoles(t, f, ['nurse', 'patient', 'physiotherapist'], cookie);
  });
  afterAll(async () => {
    await t.close();
  });

  it('evaluates a case for a clinician, with the contract shape, in the asked language', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/evaluate?lang=en', headers: { cookie: cookie.nurse }, payload: CASE });
    expect(res.statusCode, res.body).toBe(200);
    const ev = res.json<{ asOf: string; rulesVersion: string; conclusions: { code: string; ruleId: string; value: unknown; explanation: { patient: string } }[] }>();
    expect(ev.asOf).toBe('2026-11-23');
    const bmd = ev.conclusions.find((c) => c.code === 'bmd.category');
    expect(bmd?.value).toMatchObject({ category: 'severe-osteoporosis', scoreType: 'T', score: -2.7, site: 'femoral-neck' });
    const vitD = ev.conclusions.find((c) => c.code === 'lab.vitamin-d');
    expect(vitD?.value).toMatchObject({ nmolPerL: expect.closeTo(49.92, 2) as number });
    const nl = await t.app.inject({ method: 'POST', url: '/api/v1/evaluate', headers: { cookie: cookie.nurse }, payload: CASE });
    expect(nl.json<typeof ev>().conclusions.find((c) => c.code === 'bmd.category')?.explanation.patient).not.toBe(bmd?.explanation.patient);
  });

  it('is for clinician roles only, and the attempt is audited', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/evaluate', headers: { cookie: cookie.patient, 'x-request-id': 'eval-patient' }, payload: CASE });
    expect(res.statusCode).toBe(403);
    const rows = await t.store.db.selectFrom('audit_event').select(['allowed', 'action']).where('request_id', '=', 'eval-patient').execute();
    expect(rows).toEqual([{ allowed: false, action: 'clinical.evaluate' }]);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/evaluate', payload: CASE })).statusCode).toBe(401);
  });

  it('names each bad field of an invalid case with its JSON pointer', async () => {
    const bad = { ...CASE, person: { birthDate: '1950-02-30', sex: 'female' }, labs: [{ test: 'tsh', value: 1, unit: 'furlongs', date: '2026-07-01' }], extra: 1 };
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/evaluate', headers: { cookie: cookie.physiotherapist }, payload: bad });
    expect(res.statusCode).toBe(400);
    const pointers = Problem.parse(res.json()).errors?.map((e) => e.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/person/birthDate', '/labs/0/unit', '/extra']));
  });

  it('lists every rule in the catalogue and documents the route', async () => {
    const res = await t.app.inject({ url: '/api/v1/rules?limit=200', headers: { cookie: cookie.patient } });
    const page = res.json<{ items: { id: string; source: string[] }[]; nextCursor: string | null; rulesVersion: string }>();
    expect(page.nextCursor).toBeNull();
    expect(page.rulesVersion).toBe(RULES_VERSION);
    const rules = page.items;
    expect(rules.map((r) => r.id)).toEqual(RULES.map((r) => r.id));
    expect(rules.map((r) => r.id)).toEqual(expect.arrayContaining(['case-finding.dxa-indicated', 'bmd.category', 'medication.safety', 'fall-risk.level']));
    expect(rules.every((r) => r.source.length > 0)).toBe(true);
    const doc = (await t.app.inject('/api/openapi.json')).json<{ paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } }>();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/evaluate', '/api/v1/rules']));
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['Case', 'Evaluation', 'Problem']));
  });

  it('pages the catalogue by the one convention: every rule once, in the catalogue order, nextCursor null at the end', async () => {
    expect(RULES.length).toBeGreaterThan(7);
    const walked = await walkPages<{ id: string }>(t, '/api/v1/rules', cookie.patient ?? '', 7, ['rulesVersion']);
    expect(walked.items.map((r) => r.id)).toEqual(RULES.map((r) => r.id));
    expect(walked.pages).toBe(Math.ceil(RULES.length / 7));
    const first = await t.app.inject({ url: '/api/v1/rules', headers: { cookie: cookie.patient } });
    expect(first.json<{ items: unknown[] }>().items).toHaveLength(Math.min(50, RULES.length));
    expect(Object.keys(first.json<object>())).not.toContain('rules');
  });

  it('refuses a cursor the catalogue did not give out, naming the field', async () => {
    const noRule = Buffer.from(JSON.stringify(['a', 'no.such-rule'])).toString('base64url');
    for (const cursor of ['not-a-cursor', noRule]) {
      const res = await t.app.inject({ url: `/api/v1/rules?cursor=${cursor}`, headers: { cookie: cookie.patient } });
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(Problem.parse(res.json()).errors?.map((e) => e.pointer)).toEqual(['/query/cursor']);
    }
  });
});
