// The quality dashboard through the API, on both stores: a fracture recorded through the record's
// own route puts the patient in the month's cohort in the same transaction (no run needed); the
// figures and the rows behind them for the hospital's nurse (names) and its administrator (codes),
// each read audited; the other roles refused and audited; the CSV exports.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInRoles, testApp, type TestApp } from './testing/test-app.js';
import { buildFixture, type Fixture } from './testing/fixture.js';
import { STORE_KINDS } from '../store/testing/stores.js';
import { addDays } from '../core/time/date.js';
import { todayNl } from '../schema/clock.js';
import { patientCode, pseudonymKey } from '../services/pseudonym.js';
import { BOM, readCsv } from '../schema/csv.js';
import type { QualityDashboard } from '../schema/quality.schema.js';

describe.each(STORE_KINDS)('the quality dashboard on %s', (kind) => {
  let t: TestApp;
  let f: Fixture;
  const jar: Record<string, string> = {};
  const fractureDay = addDays(todayNl(), -20);
  const month = fractureDay.slice(0, 7);
  const get = (role: string, url: string, requestId = randomUUID()) => t.app.inject({ method: 'GET', url, headers: { cookie: jar[role] ?? '', 'x-request-id': requestId } });

  beforeAll(async () => {
    t = await testApp(kind);
    f = await buildFixture(t.store.db);
    await signInRoles(t, f, ['nurse', 'physician', 'admin', 'physiotherapist', 'care-worker', 'patient', 'caregiver'], jar);
    const res = await t.app.inject({
      method: 'POST', url: `/api/v1/patients/${f.patients.adultA}/fractures`, headers: { cookie: jar['nurse'] ?? '', 'content-type': 'application/json' },
      payload: JSON.stringify({ date: fractureDay, site: 'wrist' }),
    });
    expect(res.statusCode, res.body).toBe(201);
  });
  afterAll(async () => {
    await t.close();
  });

  it('counts a fracture recorded a moment ago in its month: identified, its 90-day targets still open', async () => {
    const res = await get('nurse', `/api/v1/quality?kind=month&period=${month}&trend=2`);
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json<QualityDashboard>();
    expect(d.cohort).toBe(1);
    expect(d.indicators.map((i) => i.indicator)).toEqual([
      'identification', 'assessment-90-days', 'dxa-90-days', 'vertebral-fracture-identified', 'falls-assessment', 'bone-therapy-recommended',
      'strength-and-balance', 'monitoring-contact-12-16-weeks', 'started-by-16-weeks', 'on-treatment-52-weeks', 'data-completeness',
    ]);
    const dxa = d.indicators.find((i) => i.indicator === 'dxa-90-days');
    expect(dxa).toMatchObject({ numerator: 0, denominator: 0, share: null, open: 1, excluded: { 'workup-waived': 0, died: 0, 'left-care': 0 } });
    expect(dxa?.trend.map((p) => p.period.label)).toHaveLength(3);
    expect(dxa?.perClinician).toEqual([{ clinicianId: null, name: null, numerator: 0, denominator: 0, share: null }]);
    // No expected number entered: identification is a count without a share.
    expect(d.indicators[0]).toMatchObject({ numerator: 1, denominator: null, share: null });
  });

  it('the administrator\'s expected fractures a year make identification a share', async () => {
    const put = await t.app.inject({ method: 'PUT', url: '/api/v1/organisation/settings', headers: { cookie: jar['admin'] ?? '', 'content-type': 'application/json' }, payload: JSON.stringify({ expectedFracturesPerYear: 120 }) });
    expect(put.statusCode, put.body).toBe(200);
    const d = (await get('admin', `/api/v1/quality?kind=month&period=${month}&trend=0`)).json<QualityDashboard>();
    expect(d.expectedFracturesPerYear).toBe(120);
    expect(d.indicators[0]).toMatchObject({ numerator: 1, denominator: 10, share: 0.1 });
    await t.app.inject({ method: 'PUT', url: '/api/v1/organisation/settings', headers: { cookie: jar['admin'] ?? '', 'content-type': 'application/json' }, payload: JSON.stringify({}) });
  });

  it('the nurse sees the patient behind the open DXA by name; the read is audited for that patient', async () => {
    const requestId = randomUUID();
    const res = await get('nurse', `/api/v1/quality/patients?kind=month&period=${month}&indicator=dxa-90-days&outcome=open`, requestId);
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json<{ items: { patientId: string | null; name: string | null; pseudonym: string | null; outcomes: Record<string, unknown> }[]; total: number }>();
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({ patientId: f.patients.adultA, name: 'Test AdultA', pseudonym: null });
    expect(page.items[0]?.outcomes['dxa-90-days']).toEqual({ outcome: 'open', reason: null });
    const audit = await t.store.db.selectFrom('audit_event').selectAll().where('request_id', '=', requestId).execute();
    expect(audit.map((e) => [e.action, e.patient_id, e.allowed])).toEqual([['quality.read', f.patients.adultA, true]]);
  });

  it('the administrator sees the same patient as the audit pages\' code, never a name or an id', async () => {
    const res = await get('admin', `/api/v1/quality/patients?kind=month&period=${month}&indicator=identification`);
    expect(res.statusCode, res.body).toBe(200);
    const code = patientCode(await pseudonymKey(t.store.db), f.patients.adultA);
    expect(res.json<{ items: unknown[] }>().items).toMatchObject([{ patientId: null, name: null, birthDate: null, pseudonym: code }]);
    const csv = await get('admin', `/api/v1/quality/patients.csv?kind=month&period=${month}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body.startsWith(BOM)).toBe(true);
    expect(csv.body).not.toContain('AdultA');
    expect(readCsv(csv.body, ',')[1]?.[0]).toBe(code);
  });

  it('the figures download as CSV, one line per indicator first', async () => {
    const csv = await get('nurse', `/api/v1/quality/figures.csv?kind=month&period=${month}&trend=0`);
    expect(csv.statusCode).toBe(200);
    const rows = readCsv(csv.body, ',');
    expect(rows[0]?.slice(0, 6)).toEqual(['period', 'clinician', 'indicator', 'numerator', 'denominator', 'share_percent']);
    expect(rows[1]?.slice(0, 5)).toEqual([month, '', 'identification', '1', '']);
  });

  it.each(['physiotherapist', 'care-worker', 'patient', 'caregiver'])('%s is refused, and the refusal is audited', async (role) => {
    for (const url of [`/api/v1/quality?kind=month&period=${month}`, `/api/v1/quality/patients?kind=month&period=${month}&indicator=identification`, '/api/v1/quality/figures.csv', '/api/v1/quality/patients.csv']) {
      const requestId = randomUUID();
      const res = await get(role, url, requestId);
      expect(res.statusCode, `${role} ${url}`).toBe(403);
      const audit = await t.store.db.selectFrom('audit_event').selectAll().where('request_id', '=', requestId).execute();
      expect(audit.map((e) => [e.action, e.allowed])).toEqual([['quality.read', false]]);
    }
  });

  it('names each bad field of the query', async () => {
    const bad: [string, string][] = [
      ['/api/v1/quality?kind=week', '/query/kind'],
      ['/api/v1/quality?kind=month&period=2026-13', '/query/period'],
      ['/api/v1/quality?kind=quarter&period=2026-03', '/query/period'],
      ['/api/v1/quality?trend=25', '/query/trend'],
      ['/api/v1/quality?clinician=x', '/query/clinician'],
      ['/api/v1/quality/patients?kind=year', '/query/indicator'],
      ['/api/v1/quality/patients?indicator=identification&outcome=late', '/query/outcome'],
      ['/api/v1/quality/patients?indicator=identification&cursor=abc', '/query/cursor'],
      ['/api/v1/quality/patients.csv?outcome=met', '/query/outcome'],
    ];
    for (const [url, pointer] of bad) {
      const res = await get('nurse', url);
      expect(res.statusCode, url).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json<{ errors: { pointer: string }[] }>().errors.map((e) => e.pointer), url).toContain(pointer);
    }
  });
});
