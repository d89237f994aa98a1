// The exercise plan's pages on both stores, driven like a browser without JavaScript: the demo
// physiotherapist opens the plan of a referred patient with a vertebral fracture in the record,
// sees the warning beside each unsafe exercise, is stopped until she ticks the box to go ahead,
// saves a version; bad amounts are named at their inputs; a nurse reads the plan but gets no form;
// the patient reads her programme, prints it (read back with pdftotext), and her diary and plan
// link to it; pages of the other side are refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessDeps } from '../../api/auth.js';
import { testApp, type TestApp } from '../../api/testing/test-app.js';
import { Browser, account, csrfOf } from '../../api/testing/page-browser.js';
import { pdfText } from '../../api/testing/pdf-text.js';
import { todayNl } from '../../schema/clock.js';
import { recordFacts } from '../../services/record.js';
import { seedDemo } from '../../services/seed.js';
import { STORE_KINDS } from '../../store/testing/stores.js';
import { nl } from '../i18n/nl.js';

const p = nl.exercisePlan;
const h = nl.homeProgramme;
const escaped = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** One chosen exercise's inputs as the browser sends them. */
const row = (code: string, o: Partial<Record<'sets' | 'reps' | 'intensity' | 'days' | 'progression', string>> = {}): [string, string][] => [
  [`use-${code}`, 'yes'], [`sets-${code}`, o.sets ?? '2'], [`reps-${code}`, o.reps ?? '10'], [`intensity-${code}`, o.intensity ?? 'moderate'],
  [`days-${code}`, o.days ?? '3'], [`progression-${code}`, o.progression ?? 'Elke week een keer meer'],
];

describe.each(STORE_KINDS)('the exercise plan pages on %s', (kind) => {
  let t: TestApp;
  let anna = '';
  const today = todayNl();

  async function as(role: Parameters<typeof account>[0]) {
    const b = new Browser(t);
    await b.signIn(account(role).email);
    return b;
  }
  const plansOfAnna = async () => t.store.db.selectFrom('exercise_plan').select(['version', 'warnings']).where('patient_id', '=', anna).orderBy('version').execute();

  beforeAll(async () => {
    t = await testApp(kind);
    await seedDemo(t.store.db);
    anna = (await t.store.db.selectFrom('patient').select('id').where('given_name', '=', 'Anna').executeTakeFirstOrThrow()).id;
    const nurse = await t.store.db.selectFrom('app_user').innerJoin('organisation', 'organisation.id', 'app_user.organisation_id')
      .select(['app_user.id', 'app_user.organisation_id', 'organisation.kind']).where('app_user.email', '=', account('nurse').email).executeTakeFirstOrThrow();
    await recordFacts(accessDeps(t.app), { actor: { userId: nurse.id, role: 'nurse', organisationId: nurse.organisation_id, organisationKind: nurse.kind, patientId: null }, meta: { requestId: 'exercise-test', clientIp: '127.0.0.1' }, patientId: anna, resource: 'patient/record/vfa' }, [
      { kind: 'vfa', date: today, data: { vertebrae: [{ level: 'T11', grade: 3 }] } },
    ], { flat: false });
  });
  afterAll(async () => {
    await t.close();
  });

  it('the physiotherapist sees the warning beside the exercise, must tick the box to go ahead, and saves a version', async () => {
    const fysio = await as('physiotherapist');
    const url = `/patients/${anna}/therapy/plan`;
    const page = await fysio.get(url);
    expect(page.statusCode, page.body).toBe(200);
    expect(page.body).toContain(`<h1>${p.title}</h1>`);
    expect(page.body).toContain(`href="/patients/${anna}/therapy"`);
    expect(page.body).toContain(escaped(p.conditions['vertebral-fracture']));
    // Beside the weighted sit-up: the why, naming the level; beside rising from a chair: none.
    const sitUp = page.body.slice(page.body.indexOf('id="warn-weighted-sit-up"'));
    expect(sitUp.slice(0, 400)).toContain('Wervelfractuur (T11)');
    const chair = page.body.slice(page.body.indexOf('id="warn-chair-rise"'));
    expect(chair.slice(0, 200)).toContain(p.noWarning);

    const fields = (extra: [string, string][]): [string, string][] => [['_csrf', csrfOf(page.body)], ['place-home', 'yes'], ...row('chair-rise'), ...row('weighted-sit-up'), ...extra];
    const stopped = await fysio.post(url, fields([]));
    expect(stopped.statusCode).toBe(422);
    expect(stopped.body).toContain(escaped(p.acknowledgeNeeded));
    expect(stopped.body).toContain('aria-invalid="true"');
    // Only the demo's version 1 (exercises with no warning for her) is kept.
    expect((await plansOfAnna()).map((k) => [k.version, k.warnings])).toEqual([[1, []]]);

    const saved = await fysio.post(url, fields([['acknowledge', 'yes'], ['note', 'Rustig beginnen.']]));
    expect(saved.statusCode, saved.body).toBe(303);
    expect(saved.headers.location).toBe(`${url}?notice=saved`);
    const after = await fysio.get(`${url}?notice=saved`);
    expect(after.body).toContain(escaped(p.saved));
    expect(after.body).toContain(escaped(p.wentAhead));
    expect(after.body).toContain(`/api/v1/patients/${anna}/exercise-plans/`);
    const kept = await plansOfAnna();
    expect(kept.map((k) => k.version)).toEqual([1, 2]);
    expect(JSON.stringify(kept[1]?.warnings)).toContain('weighted-sit-up');
    // The next form starts from the version kept: both exercises ticked.
    expect(after.body).toMatch(/id="use-chair-rise" name="use-chair-rise" value="yes" checked/);
  });

  it('bad amounts and an empty choice are named at their inputs, nothing stored', async () => {
    const fysio = await as('physiotherapist');
    const url = `/patients/${anna}/therapy/plan`;
    const before = (await plansOfAnna()).length;
    const page = await fysio.get(url);
    const empty = await fysio.post(url, [['_csrf', csrfOf(page.body)]]);
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain(escaped(p.placesNeeded));
    expect(empty.body).toContain(escaped(p.exercisesNeeded));
    const bad = await fysio.post(url, [['_csrf', csrfOf(page.body)], ['place-supervised', 'yes'], ...row('wall-stand', { sets: '0', reps: 'veel', days: '8', progression: ' ' })]);
    expect(bad.statusCode).toBe(400);
    for (const m of [p.setsRange, p.repetitionsRange, p.daysRange]) expect(bad.body).toContain(escaped(m));
    expect(bad.body).toContain('href="#progression-wall-stand"');
    expect((await plansOfAnna()).length).toBe(before);
  });

  it('a nurse reads the plan without a form; the patient side is not hers, the clinic page not the patient\'s', async () => {
    const nurse = await as('nurse');
    const page = await nurse.get(`/patients/${anna}/therapy/plan`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(escaped(p.readOnly));
    expect(page.body).not.toContain(`action="/patients/${anna}/therapy/plan"`);
    expect((await nurse.get(`/exercise/${anna}`)).statusCode).toBe(403);
    const patient = await as('patient');
    expect((await patient.get(`/patients/${anna}/therapy/plan`)).statusCode).toBe(403);
  });

  it('the patient reads her programme, prints it, and her diary and plan link to it', async () => {
    const patient = await as('patient');
    const page = await patient.get(`/exercise/${anna}`);
    expect(page.statusCode, page.body).toBe(200);
    expect(page.body).toContain(`<h1>${h.title}</h1>`);
    expect(page.body).toContain('Opstaan uit een stoel');
    expect(page.body).toContain('2 rondes van 10 keer. 3 dagen per week.');
    expect(page.body).toContain(`href="/exercise/${anna}/programme.pdf"`);
    const pdf = await patient.get(`/exercise/${anna}/programme.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdfText(pdf.rawPayload).replace(/\s+/g, ' ');
    expect(text).toContain('Mijn oefeningen voor thuis');
    expect(text).toContain('Anna de Vries');
    expect(text).toContain('Sit-up met gewicht');
    expect(text).toContain('Rustig beginnen.');
    expect((await patient.get(`/diary/${anna}`)).body).toContain(`href="/exercise/${anna}"`);
    expect((await patient.get(`/plan/${anna}`)).body).toContain(`href="/exercise/${anna}"`);
  });
});
