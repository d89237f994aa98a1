import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from './testing/test-app.js';
import { STORE_KINDS } from '../store/testing/stores.js';
import { Problem } from '../schema/problem.js';

function expectProblem(res: { headers: Record<string, unknown>; body: string; statusCode: number }, status: number) {
  expect(res.statusCode).toBe(status);
  expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
  const p = Problem.parse(JSON.parse(res.body));
  expect(p.status).toBe(status);
  expect(p.type).toMatch(/^\/problems\/[a-z-]+$/);
  expect(p.detail.length).toBeGreaterThan(5);
  return p;
}

describe.each(STORE_KINDS)('HTTP server on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(kind);
  });
  afterAll(async () => {
    await t.close();
  });

  it('reports live and ready', async () => {
    const live = await t.app.inject('/health/live');
    expect(live.json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject('/health/ready');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ok', store: kind, migrations: 'applied' });
  });

  it('says not ready when the database is gone', async () => {
    const other = await testApp(kind);
    await other.store.close();
    const res = await other.app.inject('/health/ready');
    expectProblem(res, 503);
    await other.app.close();
  });

  it('serves an OpenAPI 3.1 document covering every API route', async () => {
    const res = await t.app.inject('/api/openapi.json');
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const doc = res.json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/health/live', '/health/ready', '/api/v1/info', '/api/v1/session', '/api/v1/patients', '/api/v1/patients/{id}', '/api/v1/audit', '/api/v1/evaluate', '/api/v1/organisation/settings']));
    expect(Object.keys(doc.paths).some((p) => p === '/' || p === '/help')).toBe(false);
  });

  it('answers unknown API paths with a problem document', async () => {
    const p = expectProblem(await t.app.inject('/api/v1/nothing-here'), 404);
    expect(p.type).toBe('/problems/not-found');
  });

  it('answers unknown pages with an HTML page in the chosen language', async () => {
    const res = await t.app.inject({ url: '/nope', headers: { accept: 'text/html', cookie: 'botpad_lang=en' } });
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('<html lang="en"');
    expect(res.body).toContain('This page does not exist');
  });

  it('sets strict security headers, no HSTS on plain HTTP', async () => {
    const res = await t.app.inject('/');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('rejects a preference change that would redirect off-site', async () => {
    const res = await t.app.inject('/preferences?lang=en&return=//evil.example/x');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/');
    const bad = await t.app.inject({ url: '/preferences?size=huge', headers: { accept: 'application/json' } });
    const p = expectProblem(bad, 400);
    expect(p.errors?.[0]?.pointer).toBe('/query/size');
  });

  it('renders every public page in Dutch by default and in English on request', async () => {
    for (const url of ['/', '/help', '/accessibility', '/api/docs']) {
      const nl = await t.app.inject(url);
      expect(nl.statusCode).toBe(200);
      expect(nl.body).toMatch(/^<!doctype html><html lang="nl"/);
      expect(nl.body).toContain('href="#main"');
      const en = await t.app.inject({ url, headers: { cookie: 'botpad_lang=en; botpad_size=larger' } });
      // A visitor reads the public pages on the patient side (18 px, 44 px targets).
      expect(en.body).toMatch(/^<!doctype html><html lang="en" class="size-larger side-patient"/);
    }
  });
});

describe('HTTPS deployment', () => {
  it('sends HSTS when BOTPAD_PUBLIC_URL is https', async () => {
    const t = await testApp('pglite', { BOTPAD_PUBLIC_URL: 'https://botpad.example.org' });
    try {
      const res = await t.app.inject('/');
      expect(String(res.headers['strict-transport-security'])).toContain('max-age=31536000');
      const pref = await t.app.inject('/preferences?lang=en');
      expect(String(pref.headers['set-cookie'])).toContain('Secure');
    } finally {
      await t.close();
    }
  });
});
