// "My plan" on both stores: for a record with a shared decision, a course of medicine, the
// patient's own calcium calculator and a check-up ahead, the patient reads the core's advice in its
// own words, the medicine in plain words, the agreement on exercise, what comes next and whom to
// call, and prints the agreements (the clinic's kept words when it printed them). A caregiver sees
// the same for the person in their care with whose record it is; anybody else is refused, and
// every look is audited.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessDeps } from '../../api/auth.js';
import { testApp, type TestApp } from '../../api/testing/test-app.js';
import { Browser, account } from '../../api/testing/page-browser.js';
import { pdfText } from '../../api/testing/pdf-text.js';
import { lifestyleAdviceWords } from '../../core/lifestyle/index.js';
import { num } from '../../core/text.js';
import { addMonths } from '../../core/time/date.js';
import { DEMO_DECISIONS } from '../../demo/demo-records.js';
import { todayNl } from '../../schema/clock.js';
import { printAgreements } from '../../services/decisions.js';
import { recordFacts } from '../../services/record.js';
import { seedDemo } from '../../services/seed.js';
import { inTransaction } from '../../store/db.js';
import { insertEntries } from '../../store/record.repo.js';
import { STORE_KINDS } from '../../store/testing/stores.js';
import { calendarDate } from '../time-format.js';
import { nl } from '../i18n/nl.js';

const w = nl.myPlan;
const exercise = DEMO_DECISIONS[0]?.agreements.exercise ?? '';

describe.each(STORE_KINDS)('my plan on %s', (kind) => {
  let t: TestApp;
  let anna = '';
  let lotte = '';
  const today = todayNl();
  const started = addMonths(today, -2);
  const meta = { requestId: 'plan-test', clientIp: '127.0.0.1' };

  async function as(role: Parameters<typeof account>[0]) {
    const b = new Browser(t);
    await b.signIn(account(role).email);
    return b;
  }
  async function staff(role: 'nurse' | 'physician') {
    const row = await t.store.db.selectFrom('app_user').innerJoin('organisation', 'organisation.id', 'app_user.organisation_id')
      .select(['app_user.id', 'app_user.organisation_id', 'organisation.kind']).where('app_user.email', '=', account(role).email).executeTakeFirstOrThrow();
    return { userId: row.id, role, organisationId: row.organisation_id, organisationKind: row.kind, patientId: null };
  }
  const audited = (resource: string, allowed: boolean) =>
    t.store.db.selectFrom('audit_event').select(['user_id', 'patient_id']).where('resource', '=', resource).where('allowed', '=', allowed).execute();

  beforeAll(async () => {
    t = await testApp(kind);
    await seedDemo(t.store.db);
    const rows = await t.store.db.selectFrom('patient').select(['id', 'given_name']).execute();
    anna = rows.find((r) => r.given_name === 'Anna')?.id ?? '';
    lotte = rows.find((r) => r.given_name === 'Lotte')?.id ?? '';
    const nurse = await staff('nurse');
    // Anna smokes, drinks a glass of milk and two slices of cheese a day, and started a weekly tablet two months ago.
    await recordFacts(accessDeps(t.app), { actor: nurse, meta, patientId: anna, resource: 'patient/record/facts' }, [
      { kind: 'risk-factors', date: started, data: { currentSmoker: true } },
      { kind: 'calcium', date: started, data: { servings: { 'milk-glass': 1, 'cheese-slice': 2 } } },
    ], { flat: false });
    // A prescription passes the safety gate in its own use case; here it is only the fact the plan reads.
    await inTransaction(t.store.db, (trx) => insertEntries(trx, [
      { patientId: anna, kind: 'medication', date: started, data: { drug: 'alendronic-acid', route: 'oral' }, source: 'clinician', by: nurse.userId, organisationId: nurse.organisationId },
    ]));
  });
  afterAll(async () => {
    await t.close();
  });

  it('shows the patient her plan: advice, calcium against her target, medicine, exercise, what comes next, whom to call', async () => {
    const patient = await as('patient');
    const page = await patient.get(`/plan/${anna}`);
    expect(page.statusCode).toBe(200);
    const body = page.body;
    expect(body).toContain(`<h1>${w.title}</h1>`);
    // The core's advice in its own words: always moving, and stopping smoking since she smokes.
    expect(body).toContain(lifestyleAdviceWords('move-30-minutes', 'nl'));
    expect(body).toContain(lifestyleAdviceWords('stop-smoking', 'nl'));
    expect(body).toContain(lifestyleAdviceWords('fall-prevention-home', 'nl'));
    // 400 mg from other food, 180 from the milk, 2 × 160 from the cheese; at 78 she needs 1200 mg.
    expect(body).toContain(w.calciumFigure(num(900, 'nl'), num(1200, 'nl')));
    expect(body).toContain(`href="/questionnaires/${anna}/calcium"`);
    // The medicine in plain words, with how to take it.
    expect(body).toContain(w.how('70 mg', nl.medicationPlan.routes.oral, nl.medicationPlan.intervals.weekly ?? ''));
    expect(body).toContain(w.since(calendarDate('nl', started)));
    expect(body).toContain(nl.medicationPlan.instructions['upright-30-minutes']);
    // The exercise agreement of the shared decision, and the check-up three months after the start.
    expect(body).toContain(exercise);
    expect(body).toContain(w.checkUp(w.checkUps['3-months'], calendarDate('nl', addMonths(started, 3)), 'planned'));
    // Whom to call: the hospital's own number, and the GP or 112 when it is urgent.
    expect(body).toContain(w.callOrg('Ziekenhuis Rivierstad (demo)', '088 000 10 00'));
    expect(body).toContain(w.urgent);
    expect(body).toContain(`href="/plan/${anna}/agreements.pdf"`);
    expect(body).not.toContain(nl.questionnaires.forWhom('Anna de Vries'));
    expect((await patient.get('/me')).body).toContain(`href="/plan/${anna}"`);
    expect((await audited('patient/plan', true)).some((a) => a.patient_id === anna)).toBe(true);
  });

  it('lets the patient print her agreements, in the clinic\'s kept words once it printed them', async () => {
    const patient = await as('patient');
    const first = await patient.get(`/plan/${anna}/agreements.pdf`);
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toBe('application/pdf');
    const text = pdfText(first.rawPayload).replace(/\s+/g, ' ');
    expect(text).toContain(exercise.replace(/\s+/g, ' '));
    expect(text).toContain('Anna de Vries');
    // Printing at home keeps no letter: only the clinic's print does.
    expect(await t.store.db.selectFrom('letter').select('id').where('patient_id', '=', anna).execute()).toEqual([]);
    expect((await audited('patient/plan/agreements', true)).some((a) => a.patient_id === anna)).toBe(true);

    const decision = await t.store.db.selectFrom('shared_decision').select('id').where('patient_id', '=', anna).executeTakeFirstOrThrow();
    await printAgreements(accessDeps(t.app), { actor: await staff('nurse'), meta, patientId: anna, decisionId: decision.id, lang: 'nl', helpPhone: '088 123 45 67' });
    // Were the decision's words ever different from the sheet handed over, the sheet is what the patient got.
    await sql`update shared_decision set agreements = ${JSON.stringify({ exercise: 'Anders opgeschreven' })}::jsonb where id = ${decision.id}`.execute(t.store.db);
    const again = pdfText((await patient.get(`/plan/${anna}/agreements.pdf`)).rawPayload).replace(/\s+/g, ' ');
    expect(again).toContain(exercise.replace(/\s+/g, ' '));
    expect(again).not.toContain('Anders opgeschreven');
  });

  it('shows a caregiver the plan of the person in their care, saying whose it is', async () => {
    const parent = await as('caregiver');
    const page = await parent.get(`/plan/${lotte}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`<h1>${w.titleFor('Lotte Mulder')}</h1>`);
    expect(page.body).toContain(nl.questionnaires.forWhom('Lotte Mulder'));
    expect(page.body).toContain(lifestyleAdviceWords('move-30-minutes', 'nl'));
    // A child gets no advice on smoking or alcohol, and no decision was made: nothing to print.
    expect(page.body).not.toContain(lifestyleAdviceWords('stop-smoking', 'nl'));
    expect(page.body).toContain(w.agreementsNone);
    expect(page.body).toContain(w.callOrg('Kinderdagcentrum De Vlinder (demo)', '088 000 30 00'));
    expect((await parent.get('/care')).body).toContain(`href="/plan/${lotte}"`);
    expect((await parent.get(`/plan/${lotte}/agreements.pdf`)).statusCode).toBe(404);
  });

  it('refuses anybody else, and audits the refusal', async () => {
    const parent = await as('caregiver');
    expect((await parent.get(`/plan/${anna}`)).statusCode).toBe(403);
    expect((await parent.get(`/plan/${anna}/agreements.pdf`)).statusCode).toBe(403);
    const patient = await as('patient');
    expect((await patient.get(`/plan/${lotte}`)).statusCode).toBe(403);
    // The patient side's page: a clinician reads the record itself.
    const nurse = await as('nurse');
    expect((await nurse.get(`/plan/${anna}`)).statusCode).toBe(403);
    const refused = await audited('patient/plan', false);
    expect(refused.some((a) => a.patient_id === anna)).toBe(true);
    expect(refused.some((a) => a.patient_id === lotte)).toBe(true);
  });
});
