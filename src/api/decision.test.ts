// The shared decision over HTTP on both stores: an option that applies recorded with its
// agreements and the picture shown kept with it, no medicine recorded as a decision, a drug that
// does not fit or is blocked for good refused at /drug (nothing stored), the decisions readable by
// the physiotherapist and the patient, and the agreements printed in Dutch and English, read back
// with pdftotext and kept as a letter.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { signInRoles, testApp, type TestApp } from './testing/test-app.js';
import { buildFixture, type Fixture } from './testing/fixture.js';
import { STORE_KINDS } from '../store/testing/stores.js';
import { addDays } from '../core/time/date.js';
import { todayNl } from '../schema/clock.js';
import { pdfText } from './testing/pdf-text.js';

interface ProblemDoc {
  type: string;
  status: number;
  reasons?: string[];
  errors?: { pointer: string; detail: string }[];
}
interface Decision {
  id: string;
  date: string;
  option: string;
  drug: string | null;
  whatMatters: string | null;
  agreements: Record<string, string>;
  picture: { indicationReasons: string[]; bmd: { category: string; score: number } | null; frax: { major: { percent: number; people: number }; hip: { people: number; belowOne: boolean } } | null };
  madeBy: string | null;
}

describe.each(STORE_KINDS)('the shared decision over HTTP on %s', (kind) => {
  let t: TestApp;
  let f: Fixture;
  const cookie: Record<string, string> = {};
  const today = todayNl();
  let p: string;
  let patient: string;

  const call = (method: 'GET' | 'POST', url: string, as: string, body?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: { cookie: cookie[as] ?? '', ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });
  const post = (url: string, body: unknown, as = 'nurse') => call('POST', url, as, body);
  const decisionRows = async () => Number((await sql<{ n: number }>`select count(*)::int as n from shared_decision where patient_id = ${patient}`.execute(t.store.db)).rows[0]?.n);
  const agreements = {
    medication: 'Elke maandag een tablet alendroninezuur, nuchter met een glas water.',
    exercise: 'Twee keer per week een half uur wandelen.',
    followUp: 'Over 3 maanden belt de verpleegkundige.',
  };

  beforeAll(async () => {
    t = await testApp(kind);
    f = await buildFixture(t.store.db);
    await signInRoles(t, f, ['nurse', 'physician', 'physiotherapist', 'patient', 'caregiver'], cookie);
    patient = f.patients.adultA;
    p = `/api/v1/patients/${patient}`;
    for (const [url, body] of [
      ['entries', { kind: 'menopause', date: today, data: { status: 'post', ageAtMenopause: 50 } }],
      ['dxa', { date: addDays(today, -7), sites: [{ site: 'femoral-neck', tScore: -3.1 }] }],
      ['entries', { kind: 'frax', date: addDays(today, -7), data: { majorPercent: 23.4, hipPercent: 0.3, withBmd: true } }],
    ] as const) {
      const res = await post(`${p}/${url}`, body);
      expect(res.statusCode, res.body).toBe(201);
    }
  });
  afterAll(async () => {
    await t.close();
  });

  it('records a weekly tablet with its drug and agreements, the picture shown kept with it', async () => {
    const res = await post(`${p}/decisions`, { date: today, option: 'weekly-tablet', drug: 'alendronic-acid', whatMatters: 'Blijven fietsen naar de markt.', agreements });
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json<Decision>();
    expect(d).toMatchObject({ date: today, option: 'weekly-tablet', drug: 'alendronic-acid', whatMatters: 'Blijven fietsen naar de markt.', agreements, madeBy: 'Fixture nurse' });
    expect(d.picture.indicationReasons).toEqual(['osteoporosis']);
    expect(d.picture.bmd).toMatchObject({ category: 'osteoporosis', score: -3.1 });
    expect(d.picture.frax).toMatchObject({ major: { percent: 23.4, people: 23 }, hip: { people: 0, belowOne: true } });
  });

  it('records no medicine as a decision', async () => {
    const res = await post(`${p}/decisions`, { date: addDays(today, -1), option: 'lifestyle-only', agreements: { nutrition: 'Drie porties zuivel per dag.' } }, 'physician');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<Decision>()).toMatchObject({ option: 'lifestyle-only', drug: null, whatMatters: null });
  });

  it('refuses a drug that does not realise the option, an option that does not apply and a date ahead, each at its field, storing nothing', async () => {
    const before = await decisionRows();
    const cases: [unknown, string[]][] = [
      [{ date: today, option: 'weekly-tablet', drug: 'denosumab', agreements: {} }, ['/drug']],
      [{ date: today, option: 'lifestyle-only', drug: 'alendronic-acid', agreements: {} }, ['/drug']],
      [{ date: addDays(today, 1), option: 'lifestyle-only', agreements: {} }, ['/date']],
      [{ date: today, option: 'daily-injection', drug: 'teriparatide', agreements: {} }, ['/option']],
    ];
    for (const [body, pointers] of cases) {
      const res = await post(`${p}/decisions`, body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json<ProblemDoc>().errors?.map((e) => e.pointer)).toEqual(pointers);
    }
    expect(await decisionRows()).toBe(before);
  });

  it('refuses at /drug a drug the safety checks block for good', async () => {
    // Pregnancy is asked of a woman before the menopause; a collapsed vertebra keeps medication indicated.
    const added: string[] = [];
    for (const [url, body] of [
      ['entries', { kind: 'menopause', date: today, data: { status: 'pre' } }],
      ['vfa', { date: today, vertebrae: [{ level: 'L1', grade: 2 }] }],
      ['entries', { kind: 'safety', date: today, data: { pregnant: true } }],
    ] as const) {
      const res = await post(`${p}/${url}`, body);
      expect(res.statusCode, res.body).toBe(201);
      added.push(res.json<{ id: string }>().id);
    }
    const before = await decisionRows();
    const res = await post(`${p}/decisions`, { date: today, option: 'yearly-infusion', drug: 'zoledronic-acid', agreements: {} });
    expect(res.statusCode, res.body).toBe(422);
    const doc = res.json<ProblemDoc>();
    expect(doc.type).toBe('/problems/medication-blocked');
    expect(doc.reasons).toContain('pregnancy');
    expect(doc.errors?.map((e) => e.pointer)).toEqual(['/drug']);
    expect(await decisionRows()).toBe(before);
    for (const id of added) {
      const voided = await post(`${p}/entries/${id}/entered-in-error`, { reason: 'Bij de verkeerde patiënt vastgelegd' });
      expect(voided.statusCode, voided.body).toBe(200);
    }
  });

  it('lets the physiotherapist of the referral and the patient read the decisions, newest first; not record them', async () => {
    for (const as of ['physiotherapist', 'patient', 'nurse']) {
      const res = await call('GET', `${p}/decisions`, as);
      expect(res.statusCode, as).toBe(200);
      expect(res.json<Decision[]>().map((d) => d.option), as).toEqual(['weekly-tablet', 'lifestyle-only']);
    }
    for (const as of ['physiotherapist', 'patient', 'caregiver']) {
      const res = await post(`${p}/decisions`, { date: today, option: 'lifestyle-only', agreements: {} }, as);
      expect(res.statusCode, as).toBe(403);
    }
    expect((await call('GET', `${p}/decisions`, 'caregiver')).statusCode).toBe(403);
  });

  it('prints the agreements in Dutch and English and keeps each print as a letter', async () => {
    const [latest] = (await call('GET', `${p}/decisions`, 'nurse')).json<Decision[]>();
    const url = `${p}/decisions/${latest?.id ?? ''}/agreements.pdf`;
    const nl = await call('GET', `${url}?lang=nl`, 'nurse');
    expect(nl.statusCode, nl.body).toBe(200);
    expect(nl.headers['content-type']).toBe('application/pdf');
    const nlText = pdfText(nl.rawPayload).replace(/\s+/g, ' ');
    for (const s of ['Wat wij samen hebben afgesproken', 'Een tablet, één keer per week.', 'alendroninezuur', 'Twee keer per week een half uur wandelen.', 'Blijven fietsen naar de markt.', 'Test AdultA']) {
      expect(nlText).toContain(s);
    }
    const en = await call('GET', `${url}?lang=en`, 'physician');
    expect(en.statusCode).toBe(200);
    const enText = pdfText(en.rawPayload).replace(/\s+/g, ' ');
    for (const s of ['What we agreed together', 'A tablet, once a week.', 'alendronic acid', 'Nothing separate was agreed on this.']) expect(enText).toContain(s);
    const letters = await sql<{ kind: string; lang: string }>`select kind, lang from letter where patient_id = ${patient} order by written_at, lang`.execute(t.store.db);
    expect(letters.rows.map((l) => `${l.kind}/${l.lang}`).sort()).toEqual(['agreements/en', 'agreements/nl']);
  });

  it('answers 404 at the decision for an id of no decision of this record, and 403 to readers who may not print', async () => {
    const other = await call('GET', `${p}/decisions/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}/agreements.pdf`, 'nurse');
    expect(other.statusCode).toBe(404);
    expect(other.json<ProblemDoc>().errors?.map((e) => e.pointer)).toEqual(['/params/decisionId']);
    const [latest] = (await call('GET', `${p}/decisions`, 'nurse')).json<Decision[]>();
    const res = await call('GET', `${p}/decisions/${latest?.id ?? ''}/agreements.pdf`, 'physiotherapist');
    expect(res.statusCode).toBe(403);
  });
});
