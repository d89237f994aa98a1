// The questionnaires before the diagnostic day, driven as a browser without JavaScript would: each
// step a form post kept at once, the summary, sending all or nothing into the record with the
// patient as the source, and who may answer for whom — on both stores.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../api/testing/test-app.js';
import { Browser, account, csrfOf } from '../../api/testing/page-browser.js';
import { seedDemo } from '../../services/seed.js';
import { STORE_KINDS } from '../../store/testing/stores.js';
import { insertUser } from '../../store/accounts.repo.js';
import { hashPassword } from '../../services/auth.js';
import { DEMO_PASSWORD } from '../../demo/demo-data.js';
import { RISK_FACTORS } from '../../core/questionnaires/questions.js';
import { nl } from '../i18n/nl.js';

const q = nl.questionnaires;

/** One answer set per step of the risk-factor questionnaire, in order. */
const STEPS: Record<string, string>[] = [
  { parentHipFracture: 'yes' },
  { parentOrSiblingOsteoporosis: 'unknown' },
  { currentSmoker: 'yes' },
  { alcoholUnitsPerDay: '1,5' },
  { rheumatoidArthritis: 'no' },
  { secondaryOsteoporosisCondition: 'no' },
  { glucocorticoids: 'no', glucocorticoidMgPerDay: '', glucocorticoidMonths: '' },
  { antiEpileptics: '0' },
  { sexHormoneLoweringTherapy: 'no' },
  { fallsLast12Months: '2', lastFallMonthsAgo: '3', injuredByFall: 'yes' },
  { worriedAboutFalling: 'yes' },
  { unsteady: 'no' },
];

describe.each(STORE_KINDS)('questionnaires on %s', (kind) => {
  let t: TestApp;
  let anna = '';
  let lotte = '';

  beforeAll(async () => {
    t = await testApp(kind);
    await seedDemo(t.store.db);
    const rows = await t.store.db.selectFrom('patient').select(['id', 'given_name']).execute();
    anna = rows.find((r) => r.given_name === 'Anna')?.id ?? '';
    lotte = rows.find((r) => r.given_name === 'Lotte')?.id ?? '';
  });
  afterAll(async () => {
    await t.close();
  });

  const entries = (patientId: string) => t.store.db.selectFrom('clinical_entry').select(['kind', 'source', 'data']).where('patient_id', '=', patientId).where('source', '=', 'patient').execute();
  const draft = (patientId: string, id: 'risk-factors' | 'calcium') =>
    t.store.db.selectFrom('questionnaire_draft').selectAll().where('patient_id', '=', patientId).where('questionnaire', '=', id).executeTakeFirst();

  async function as(email: string) {
    const b = new Browser(t);
    await b.signIn(email);
    return b;
  }
  async function post(b: Browser, path: string, fields: Record<string, string>) {
    const form = await b.get(path);
    return b.post(path, { _csrf: csrfOf(form.body), ...fields, go: 'next' });
  }

  it('keeps each step at once, says what to change next to the field, and sends all answers into the record as the patient\'s', async () => {
    const b = await as(account('patient').email);
    const list = await b.get(`/questionnaires/${anna}`);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(q.names['risk-factors']);
    expect(list.body).toContain(q.state['not-started']);
    const base = `/questionnaires/${anna}/risk-factors`;
    const start = await b.get(base);
    expect(start.headers.location).toBe(`${base}/step/1`);
    const first = await b.get(`${base}/step/1`);
    expect(first.body).toContain(q.progress(1, RISK_FACTORS.steps.length));
    expect(first.body).toContain(q.forWhom('Anna de Vries'));

    // A bad answer: refused at its field, in words, and nothing kept for it.
    const bad = await post(b, `${base}/step/4`, { alcoholUnitsPerDay: 'veel' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain(q.problems.number);
    expect(bad.body).toContain('aria-invalid="true"');

    for (const [i, fields] of STEPS.entries()) {
      const res = await post(b, `${base}/step/${String(i + 1)}`, fields);
      expect(res.statusCode, `step ${String(i + 1)}: ${res.body.slice(0, 200)}`).toBe(303);
      if (i === 2) {
        // Saved after every step: the draft holds what was answered so far, and a reload shows it.
        expect((await draft(anna, 'risk-factors'))?.answers).toMatchObject({ parentHipFracture: 'yes', currentSmoker: 'yes' });
        expect((await b.get(`${base}/step/3`)).body).toMatch(/value="yes"[^>]*checked/);
        expect((await b.get(`/questionnaires/${anna}`)).body).toContain(q.state['half-done']);
      }
    }
    const summary = await b.get(`${base}/summary`);
    expect(summary.body).toContain(q.summary.title);
    expect(summary.body).toMatch(/id="answer-alcoholUnitsPerDay">1,5</);
    expect(await entries(anna)).toEqual([]);

    const form = await b.get(`${base}/summary`);
    const sent = await b.post(`${base}/send`, { _csrf: csrfOf(form.body) });
    expect(sent.statusCode).toBe(303);
    const written = await entries(anna);
    expect(written.map((e) => e.kind).sort()).toEqual(['fall', 'falls-screen', 'risk-factors']);
    expect(written.every((e) => e.source === 'patient')).toBe(true);
    expect((await draft(anna, 'risk-factors'))?.sent_at).not.toBeNull();
    expect((await b.get(`/questionnaires/${anna}`)).body).toContain(q.state.sent);
    // The patient's home leads to each questionnaire with its state.
    const home = (await b.get('/me')).body;
    expect(home.slice(home.indexOf('id="questionnaire-risk-factors"'))).toContain(q.state.sent);
    expect(home).toContain(`href="/questionnaires/${anna}/calcium"`);

    // The nurse sees the answers in the Case, marked as the patient's on the assessment.
    const nurse = await as(account('nurse').email);
    const c = await nurse.get(`/api/v1/patients/${anna}/case`);
    expect(c.json()).toMatchObject({ riskFactors: { currentSmoker: true, parentHipFracture: true, alcoholUnitsPerDay: 1.5 }, falls: { worriedAboutFalling: true } });
    const assessment = await nurse.get(`/patients/${anna}/assessment`);
    expect(assessment.body).toContain(nl.why.fromPatient);
  });

  it('sends nothing while a question has no answer, and keeps the calculator\'s result beside the answers', async () => {
    const b = await as(account('patient').email);
    const base = `/questionnaires/${anna}/calcium`;
    const calc = await post(b, `${base}/step/1`, { 'milk-glass': '2', 'cheese-slice': '1' });
    expect(calc.statusCode).toBe(303);
    const shown = await b.get(`${base}/step/1`);
    expect(shown.body).toContain(q.calcium.result('920'));
    expect(shown.body).toContain(q.calcium.target('1200'));
    // A half-answered risk-factor list (a new patient's draft) cannot be sent: nothing is written.
    await t.store.db.deleteFrom('questionnaire_draft').where('patient_id', '=', anna).where('questionnaire', '=', 'risk-factors').execute();
    const before = (await entries(anna)).length;
    await post(b, `/questionnaires/${anna}/risk-factors/step/1`, { parentHipFracture: 'no' });
    const form = await b.get(`/questionnaires/${anna}/risk-factors/summary`);
    const res = await b.post(`/questionnaires/${anna}/risk-factors/send`, { _csrf: csrfOf(form.body) });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain(q.summary.missing);
    expect((await entries(anna)).length).toBe(before);
  });

  it('lets the patient answer from 12, a parent for their child, and no clinician', async () => {
    const young = async (years: number, email: string) => {
      const born = new Date();
      born.setUTCFullYear(born.getUTCFullYear() - years);
      born.setUTCDate(born.getUTCDate() - 2);
      const p = await t.store.db.insertInto('patient').values({ family_name: 'Jong', given_name: 'Sam', birth_date: born.toISOString().slice(0, 10), sex: 'male', pathway_stage: 'case-finding' }).returning('id').executeTakeFirstOrThrow();
      await insertUser(t.store.db, { role: 'patient', organisationId: null, patientId: p.id, email, displayName: 'Sam', passwordHash: await hashPassword(DEMO_PASSWORD), status: 'active' });
      return p.id;
    };
    const eleven = await young(11, `elf-${kind}@test.botpad.nl`);
    const twelve = await young(12, `twaalf-${kind}@test.botpad.nl`);
    const b11 = new Browser(t);
    await b11.signIn(`elf-${kind}@test.botpad.nl`);
    expect((await b11.get(`/questionnaires/${eleven}`)).statusCode).toBe(403);
    const b12 = await as(`twaalf-${kind}@test.botpad.nl`);
    expect((await b12.get(`/questionnaires/${twelve}`)).statusCode).toBe(200);
    expect((await b12.get(`/questionnaires/${anna}`)).statusCode).toBe(403);

    const parent = await as(account('caregiver').email);
    const forLotte = await parent.get(`/questionnaires/${lotte}`);
    expect(forLotte.statusCode).toBe(200);
    expect(forLotte.body).toContain(q.forWhom('Lotte'));
    expect((await parent.get('/care')).body).toContain(`href="/questionnaires/${lotte}"`);
    expect((await post(parent, `/questionnaires/${lotte}/risk-factors/step/1`, { parentHipFracture: 'no' })).statusCode).toBe(303);
    expect((await parent.get(`/questionnaires/${anna}`)).statusCode).toBe(403);

    const nurse = await as(account('nurse').email);
    expect((await nurse.get(`/questionnaires/${anna}`)).statusCode).toBe(403);
    const refused = await t.store.db.selectFrom('audit_event').select(['action', 'allowed']).where('action', '=', 'questionnaire.answer').where('allowed', '=', false).execute();
    expect(refused.length).toBeGreaterThan(0);
  });
});
