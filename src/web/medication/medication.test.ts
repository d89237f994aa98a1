// The medication page driven like a browser without JavaScript, on both stores with the demo set:
// the courses with their doses, the core's next dates and sequencing alert, every drug's gate; a
// blocked drug refused at the override reason and then prescribed with it, a caution to weigh, a
// dose with its batch (never for a tablet), a denosumab stop refused until the reason to stop anyway
// is given, a follow-on planned, a course marked entered in error, and who sees which form.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { testApp, type TestApp } from '../../api/testing/test-app.js';
import { Browser, account, csrfOf } from '../../api/testing/page-browser.js';
import { accessDeps, recordFacts } from '../../api/facade.js';
import { seedDemo } from '../../services/seed.js';
import { STORE_KINDS } from '../../store/testing/stores.js';
import { REASON_WORDS } from '../../core/medication/reasons.js';
import { todayNl } from '../../schema/clock.js';
import { addMonths } from '../../core/time/date.js';
import { nl } from '../i18n/nl.js';
import { typedFromIso } from '../forms.js';

const m = nl.medicationPlan;
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/'/g, '&#39;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const today = todayNl();

describe.each(STORE_KINDS)('the medication page on %s', (kind) => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  const browsers = new Map<string, Browser>();
  const as = async (role: 'nurse' | 'physician' | 'physiotherapist') => {
    const known = browsers.get(role);
    if (known) return known;
    const b = new Browser(t);
    await b.signIn(account(role).email);
    browsers.set(role, b);
    return b;
  };
  const medRows = async (patient: string) =>
    Number((await sql<{ n: number }>`select count(*)::int as n from clinical_entry where patient_id = ${patient} and kind in ('medication', 'medication-dose', 'planned-medication')`.execute(t.store.db)).rows[0]?.n);
  /** Posts a form of the medication page, with the CSRF token of the page as it stands. */
  const send = async (b: Browser, patient: string, form: string, fields: Record<string, string>) => {
    const page = await b.get(`/patients/${patient}/medication`);
    return b.post(`/patients/${patient}/medication/${form}`, { _csrf: csrfOf(page.body), ...fields });
  };
  const errorAt = (html: string, field: string, message: string) => {
    expect(html).toContain(`<a href="#${field}">${esc(message)}</a>`);
    expect(html).toMatch(new RegExp(`id="${field}"[^>]*aria-invalid="true"`));
  };

  beforeAll(async () => {
    t = await testApp(kind);
    await seedDemo(t.store.db);
    for (const r of await t.store.db.selectFrom('patient').select(['id', 'given_name']).execute()) ids[r.given_name] = r.id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('shows a course with its doses, the next dates, every drug\'s gate and the learn pages; a nurse gets the dose form only', async () => {
    const nurse = await as('nurse');
    const page = await nurse.get(`/patients/${ids.Cornelis ?? ''}/medication`);
    expect(page.statusCode).toBe(200);
    const html = page.body;
    expect(html).toContain(`<h1>${nl.clinical.sections.medication}</h1>`);
    expect(html).toContain('href="/learn/medicine-denosumab"');
    expect(html).toContain(esc(m.doses.caption(m.drugs.denosumab, typedFromIso(addMonths(today, -38)))));
    expect(html).toContain(m.intervals['every-6-months']);
    // The demo's injections with their place and batch; the course prescribed by the physician.
    expect(html).toContain('DEMO-DEN-102');
    expect(html).toContain('Polikliniek interne geneeskunde');
    expect(html).toContain(`${esc(account('physician').displayName)}, `);
    expect(html).toContain(m.instructions['do-not-stop-without-follow-on']);
    expect(html).toContain(m.dates.kinds['medication.next-dose']);
    expect(html).toContain(m.dates.kinds['medication.review-due']);
    // Every drug of the catalogue in the safety table, its state in words.
    for (const drug of Object.keys(m.drugs)) expect(html).toContain(`href="/learn/medicine-${drug}"`);
    expect(html).toMatch(new RegExp(`${m.safety.statuses.allowed}|${m.safety.statuses.caution}`));
    expect(html).toContain('action="/patients/' + (ids.Cornelis ?? '') + '/medication/dose"');
    expect(html).not.toContain('/medication/prescribe"');
    expect(html).not.toContain('/medication/stop"');
    expect(html).not.toContain('/medication/plan"');
    expect(html).toContain(m.nurseOnly);
  });

  it('shows the physician the stop form with the guardrail that stands, and a late injection as an action', async () => {
    const doctor = await as('physician');
    const berg = (await doctor.get(`/patients/${ids.Cornelis ?? ''}/medication`)).body;
    expect(berg).toContain('/medication/prescribe"');
    expect(berg).toContain(m.stop.guardHint);
    expect(berg).toContain(esc(m.stop.guard(m.drugs.denosumab, m.sequence['denosumab-stop-without-follow-on'])));
    const veld = (await doctor.get(`/patients/${ids.Joost ?? ''}/medication`)).body;
    expect(veld).toContain(`<h2 id="actions">${m.actions.title}</h2>`);
    expect(veld).toContain(`<a href="#dose-form">${m.actions.recordDose}</a>`);
  });

  it('refuses a blocked drug at the override reason and stores nothing, then prescribes it with the reason kept', async () => {
    const anna = ids.Anna ?? '';
    const doctor = await as('physician');
    const nurseActor = await t.store.db.selectFrom('app_user').innerJoin('organisation', 'organisation.id', 'app_user.organisation_id')
      .select(['app_user.id', 'app_user.organisation_id', 'organisation.kind']).where('app_user.email', '=', account('nurse').email).executeTakeFirstOrThrow();
    await recordFacts(accessDeps(t.app), {
      actor: { userId: nurseActor.id, role: 'nurse', organisationId: nurseActor.organisation_id, organisationKind: nurseActor.kind, patientId: null },
      meta: { requestId: 'test', clientIp: '127.0.0.1' }, patientId: anna, resource: 'patient/record/labs',
    }, [{ kind: 'labs', date: today, data: { results: [{ test: 'egfr', value: 28, unit: 'mL/min/1.73m2' }] } }], { flat: false });
    const before = await medRows(anna);

    const blocked = await send(doctor, anna, 'prescribe', { drug: 'zoledronic-acid', start: typedFromIso(today), route: '', acknowledgeCautions: 'yes', overrideReason: '' });
    expect(blocked.statusCode).toBe(422);
    expect(blocked.body).toContain(`<title>${nl.form.titlePrefix}:`);
    // The block at the field that lifts it, with the core's reason in words.
    const link = /<a href="#overrideReason">([^<]*)<\/a>/.exec(blocked.body)?.[1] ?? '';
    expect(link.startsWith(esc(m.prescribe.blocked('|').split('|')[0] ?? '-'))).toBe(true);
    expect(link).toContain(esc(REASON_WORDS['egfr-below-35'].clinicianNl));
    expect(blocked.body).toMatch(/id="overrideReason"[^>]*aria-invalid="true"/);
    expect(blocked.body).toMatch(/id="drug"[^]*?<option value="zoledronic-acid" selected/);
    expect(await medRows(anna)).toBe(before);

    const ok = await send(doctor, anna, 'prescribe', { drug: 'zoledronic-acid', start: typedFromIso(today), acknowledgeCautions: 'yes', overrideReason: 'Nefroloog akkoord na overleg' });
    expect(ok.statusCode, ok.body).toBe(303);
    expect(ok.headers.location).toBe(`/patients/${anna}/medication?notice=prescribed`);
    const page = await doctor.get(ok.headers.location ?? '');
    expect(page.body).toContain(m.notices.prescribed);
    expect(page.body).toContain(esc(m.courses.overrideText('Nefroloog akkoord na overleg', account('physician').displayName)));
    expect(await medRows(anna)).toBe(before + 1);
  });

  it('asks for the cautions to be weighed, and refuses a batch for a tablet; a dose of an injection keeps its batch', async () => {
    const anna = ids.Anna ?? '';
    const doctor = await as('physician');
    // No dental check is on record: denosumab and the tablets carry that caution.
    const caution = await send(doctor, anna, 'prescribe', { drug: 'denosumab', start: typedFromIso(today), overrideReason: '' });
    expect(caution.statusCode).toBe(422);
    const said = /<a href="#acknowledgeCautions">([^<]*)<\/a>/.exec(caution.body)?.[1] ?? '';
    expect(said.startsWith(esc(m.prescribe.caution('|').split('|')[0] ?? '-'))).toBe(true);
    expect(said).toContain(esc(REASON_WORDS['dental-check-missing'].clinicianNl));
    const weighed = await send(doctor, anna, 'prescribe', { drug: 'denosumab', start: typedFromIso(today), acknowledgeCautions: 'yes' });
    expect(weighed.statusCode, weighed.body).toBe(303);
    const tablet = await send(doctor, anna, 'prescribe', { drug: 'raloxifene', start: typedFromIso(today), acknowledgeCautions: 'yes' });
    expect(tablet.statusCode, tablet.body).toBe(303);

    const nurse = await as('nurse');
    const page = (await nurse.get(`/patients/${anna}/medication`)).body;
    const course = (drug: string) => new RegExp(`<option value="([0-9a-f-]{36})"[^>]*>${m.drugs[drug as keyof typeof m.drugs]},`).exec(page)?.[1] ?? '';
    const before = await medRows(anna);
    const withBatch = await send(nurse, anna, 'dose', { medicationId: course('raloxifene'), doseDate: typedFromIso(today), batch: 'LOT-1' });
    expect(withBatch.statusCode).toBe(400);
    errorAt(withBatch.body, 'batch', m.dose.tablet);
    expect(await medRows(anna)).toBe(before);
    const infusion = await send(nurse, anna, 'dose', { medicationId: course('denosumab'), doseDate: typedFromIso(today), administeredBy: 'Verpleegkundige Jansen', location: 'Polikliniek', batch: 'DEN-2026-044' });
    expect(infusion.statusCode, infusion.body).toBe(303);
    const after = (await nurse.get(`/patients/${anna}/medication`)).body;
    expect(after).toContain('DEN-2026-044');
    expect(after).toContain('Polikliniek');
    expect(after).toContain(esc(m.doses.caption(m.drugs.denosumab, typedFromIso(today))));
    // A nurse does not prescribe: the use case refuses it, whatever the form.
    const byNurse = await send(nurse, anna, 'prescribe', { drug: 'teriparatide', start: typedFromIso(today), acknowledgeCautions: 'yes' });
    expect(byNurse.statusCode).toBe(403);
  });

  it('refuses to stop denosumab without a follow-on, says why, then stops it with the reason to stop anyway; a planned follow-on closes the alert', async () => {
    const berg = ids.Cornelis ?? '';
    const doctor = await as('physician');
    const page = (await doctor.get(`/patients/${berg}/medication`)).body;
    const course = /name="stopCourse"[^]*?<option value="([0-9a-f-]{36})"/.exec(page)?.[1] ?? '';
    const refused = await send(doctor, berg, 'stop', { stopCourse: course, end: typedFromIso(today), stopReason: 'Wil geen prikken meer', stopOverrideReason: '' });
    expect(refused.statusCode).toBe(422);
    errorAt(refused.body, 'stopOverrideReason', m.stop.refused(m.sequence['denosumab-stop-without-follow-on']));
    expect(refused.body).toContain('Wil geen prikken meer');
    const stopped = await send(doctor, berg, 'stop', { stopCourse: course, end: typedFromIso(today), stopReason: 'Wil geen prikken meer', stopOverrideReason: 'Besproken, patiënt houdt eraan vast' });
    expect(stopped.statusCode, stopped.body).toBe(303);
    const after = (await doctor.get(`/patients/${berg}/medication`)).body;
    expect(after).toContain(esc(m.courses.stopOverride('Besproken, patiënt houdt eraan vast')));
    expect(after).toContain(`<a href="#plan-form">${m.actions.planFollowOn}</a>`);

    const past = await send(doctor, berg, 'plan', { planDrug: 'zoledronic-acid', from: typedFromIso(addMonths(today, -1)) });
    expect(past.statusCode).toBe(400);
    errorAt(past.body, 'from', m.plan.past);
    const planned = await send(doctor, berg, 'plan', { planDrug: 'zoledronic-acid', from: typedFromIso(addMonths(today, 1)) });
    expect(planned.statusCode, planned.body).toBe(303);
    const done = (await doctor.get(`/patients/${berg}/medication`)).body;
    expect(done).toContain(m.planned.caption);
    expect(done).not.toContain(`<a href="#plan-form">${m.actions.planFollowOn}</a>`);
    expect(done).toContain(m.actions.none);
  });

  it('asks for the antiresorptive after an anabolic as an action, and the stop form names that guardrail for a stop today', async () => {
    const sanne = ids.Sanne ?? '';
    const doctor = await as('physician');
    const started = await send(doctor, sanne, 'prescribe', { drug: 'teriparatide', start: typedFromIso(today), acknowledgeCautions: 'yes' });
    expect(started.statusCode, started.body).toBe(303);
    const page = (await doctor.get(`/patients/${sanne}/medication`)).body;
    expect(page).toContain(m.dates.kinds['medication.anabolic-end']);
    expect(page).toContain(esc(m.stop.guard(m.drugs.teriparatide, m.sequence['anabolic-stop-without-follow-on'])));
    // An anabolic is always followed by an antiresorptive: the plan is asked for as soon as the course runs.
    expect(page).toContain(`<a href="#plan-form">${m.actions.planFollowOn}</a>`);
    expect(page).toContain(esc(m.sequence['anabolic-stop-without-follow-on']));
    const planned = await send(doctor, sanne, 'plan', { planDrug: 'alendronic-acid', from: typedFromIso(addMonths(today, 24)) });
    expect(planned.statusCode, planned.body).toBe(303);
    const after = (await doctor.get(`/patients/${sanne}/medication`)).body;
    expect(after).not.toContain(`<a href="#plan-form">${m.actions.planFollowOn}</a>`);
    // Stopped today instead, the follow-on two years ahead would come too late: the stop form still says so.
    expect(after).toContain(m.stop.guardHint);
  });

  it('marks a course entered in error from its page and comes back here', async () => {
    const anna = ids.Anna ?? '';
    const nurse = await as('nurse');
    const page = (await nurse.get(`/patients/${anna}/medication`)).body;
    const entry = new RegExp(`href="/patients/${anna}/entries/([0-9a-f-]{36})"`).exec(page)?.[1] ?? '';
    const open = await nurse.get(`/patients/${anna}/entries/${entry}`);
    const res = await nurse.post(`/patients/${anna}/entries/${entry}/void`, { _csrf: csrfOf(open.body), reason: 'Bij de verkeerde patiënt ingevoerd' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/patients/${anna}/medication?notice=voided`);
    expect((await nurse.get(res.headers.location ?? '')).body).toContain(m.notices.voided);
  });

  it('lets a physiotherapist of a referring practice read the plan without a form', async () => {
    const physio = await as('physiotherapist');
    const res = await physio.get(`/patients/${ids.Anna ?? ''}/medication`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(m.readOnly);
    expect(res.body).not.toContain('/medication/dose"');
  });
});
