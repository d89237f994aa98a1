// "My medicines" on both stores, through the pages and the API: a dose the patient marks as taken
// counts in the Case (the next dose of a weekly tablet follows it; a late denosumab injection moves
// the late rule to the real date), a missed dose never counts, a clinician's dose of the same day is
// the same dose, a caregiver of a 13-year-old may mark and one of an adult may not, a stranger is
// refused, a day in the future is refused at its field, and the fridge-door schedule reads back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, sessionCookie, signInApi, type TestApp } from '../../api/testing/test-app.js';
import { Browser, account } from '../../api/testing/page-browser.js';
import { pdfText } from '../../api/testing/pdf-text.js';
import { addDays, addMonths } from '../../core/time/date.js';
import { todayNl } from '../../schema/clock.js';
import { seedDemo } from '../../services/seed.js';
import { refreshPatients } from '../../services/worklist-derive.js';
import { hashPassword } from '../../services/auth.js';
import { DEMO_PASSWORD } from '../../demo/demo-data.js';
import { insertUser } from '../../store/accounts.repo.js';
import { linkCaregiver } from '../../store/patient.repo.js';
import { insertEntry } from '../../store/record.repo.js';
import { STORE_KINDS } from '../../store/testing/stores.js';
import { inTransaction } from '../../store/db.js';
import { calendarDate } from '../time-format.js';
import { typedFromIso } from '../forms.js';
import { csrfOf } from '../../api/testing/page-browser.js';
import { nl } from '../i18n/nl.js';

const w = nl.myMedicines;
const today = todayNl();

describe.each(STORE_KINDS)('my medicines on %s', (kind) => {
  let t: TestApp;
  let anna = '';
  let nurseId = '';
  let hospital = '';
  let alendronate = '';
  const users: Record<string, string> = {};

  async function patientRow(name: string, birthDate: string) {
    const row = await t.store.db.insertInto('patient').values({ family_name: name, given_name: 'Test', birth_date: birthDate, sex: 'female', bsn: null, phone: null, email: null, gp_practice: null, pathway_stage: 'treatment' })
      .returning('id').executeTakeFirstOrThrow();
    await t.store.db.insertInto('patient_organisation').values({ patient_id: row.id, organisation_id: hospital, relation: 'care' }).execute();
    return row.id;
  }
  async function user(role: 'patient' | 'caregiver', email: string, patientId: string | null) {
    return insertUser(t.store.db, { role, organisationId: null, patientId, email, displayName: email, passwordHash: await hashPassword(DEMO_PASSWORD), status: 'active' });
  }
  const course = async (patientId: string, drug: 'alendronic-acid' | 'denosumab', start: string) =>
    (await insertEntry(t.store.db, { patientId, kind: 'medication', date: start, data: { drug }, source: 'clinician', by: nurseId, organisationId: hospital })).entry_id;
  async function api(email: string, method: 'GET' | 'POST', url: string, payload?: unknown) {
    users[email] ??= sessionCookie(await signInApi(t, email, DEMO_PASSWORD));
    return t.app.inject({ method, url, headers: { cookie: users[email] ?? '', 'content-type': 'application/json' }, ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }) });
  }
  const confirm = (email: string, patientId: string, medicationId: string, body: unknown) =>
    api(email, 'POST', `/api/v1/patients/${patientId}/medications/${medicationId}/dose-confirmations`, body);

  beforeAll(async () => {
    t = await testApp(kind);
    await seedDemo(t.store.db);
    const rows = await t.store.db.selectFrom('patient').select(['id', 'given_name']).execute();
    anna = rows.find((r) => r.given_name === 'Anna')?.id ?? '';
    const nurse = await t.store.db.selectFrom('app_user').select(['id', 'organisation_id']).where('email', '=', account('nurse').email).executeTakeFirstOrThrow();
    nurseId = nurse.id;
    hospital = nurse.organisation_id ?? '';
    alendronate = await course(anna, 'alendronic-acid', addDays(today, -20));
  });
  afterAll(async () => {
    await t.close();
  });

  it('shows how to take the weekly tablet, and a dose marked on the page moves the next dose', async () => {
    const b = new Browser(t);
    await b.signIn(account('patient').email);
    const before = await b.get(`/medicines/${anna}`);
    expect(before.statusCode).toBe(200);
    expect(before.body).toContain(w.how['plain-water']);
    expect(before.body).toContain(w.how['upright-30-minutes']);
    expect(before.body).toContain('/learn/medicine-alendronic-acid');
    expect(before.body).toContain(`/calendar/${anna}`);
    // No dose recorded: the start counts as the first, so the next one (start + 7 days) is late.
    expect(before.body).toContain(w.nextLate(calendarDate('nl', addDays(today, -13))));

    const taken = addDays(today, -1);
    const res = await b.post(`/medicines/${anna}/dose`, { _csrf: csrfOf(before.body), medicationId: alendronate, status: 'taken', date: typedFromIso(taken) });
    expect(res.statusCode, res.body).toBe(303);
    const after = await b.get(res.headers.location as string);
    expect(after.body).toContain(w.next(calendarDate('nl', addDays(taken, 7))));
    expect(after.body).toContain(w.noticeTaken('alendroninezuur', calendarDate('nl', addDays(taken, 7))));

    // The Case the clinic reads counts it, with the patient as the one who recorded it.
    const plan = await api(account('nurse').email, 'GET', `/api/v1/patients/${anna}/medications`);
    const doses = plan.json<{ courses: { id: string; doses: { date: string; recordedBy: string }[] }[] }>().courses.find((c) => c.id === alendronate)?.doses ?? [];
    expect(doses.map((d) => d.date)).toEqual([taken]);
    const entry = await t.store.db.selectFrom('clinical_entry').select(['source', 'kind']).where('patient_id', '=', anna).where('kind', '=', 'medication-dose').executeTakeFirstOrThrow();
    expect(entry.source).toBe('patient');
  });

  it('refuses a day in the future at its field, on the page and in the API, and stores nothing', async () => {
    const b = new Browser(t);
    await b.signIn(account('patient').email);
    const page = await b.get(`/medicines/${anna}`);
    const res = await b.post(`/medicines/${anna}/dose`, { _csrf: csrfOf(page.body), medicationId: alendronate, status: 'taken', date: typedFromIso(addDays(today, 1)) });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain(w.errors.future);
    expect(res.body).toContain('aria-invalid="true"');

    const apiRes = await confirm(account('patient').email, anna, alendronate, { date: addDays(today, 1), status: 'taken' });
    expect(apiRes.statusCode).toBe(400);
    expect(apiRes.headers['content-type']).toContain('application/problem+json');
    expect(apiRes.json<{ errors: { pointer: string; detail: string }[] }>().errors).toEqual([{ pointer: '/date', detail: 'lies in the future' }]);
    const before = await confirm(account('patient').email, anna, alendronate, { date: addDays(today, -30), status: 'taken' });
    expect(before.statusCode).toBe(400);
    expect(before.json<{ errors: { pointer: string; detail: string }[] }>().errors[0]?.detail).toMatch(/before the start/);
    const count = await t.store.db.selectFrom('clinical_entry').select((eb) => eb.fn.countAll<string>().as('n')).where('patient_id', '=', anna).where('kind', '=', 'medication-dose').executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it('keeps a missed dose apart: it never counts, and the advice for that medicine is shown', async () => {
    const b = new Browser(t);
    await b.signIn(account('patient').email);
    const page = await b.get(`/medicines/${anna}`);
    const res = await b.post(`/medicines/${anna}/dose`, { _csrf: csrfOf(page.body), medicationId: alendronate, status: 'missed', date: typedFromIso(today) });
    expect(res.statusCode).toBe(303);
    const after = await b.get(res.headers.location as string);
    expect(after.body).toContain(w.missed['next-morning']);
    // The next dose still counts from the dose taken yesterday.
    expect(after.body).toContain(w.next(calendarDate('nl', addDays(today, 6))));
    const apiRes = await confirm(account('patient').email, anna, alendronate, { date: today, status: 'missed' });
    expect(apiRes.statusCode).toBe(201);
    expect(apiRes.json()).toMatchObject({ counted: false, added: false, nextDose: addDays(today, 6), missedAdvice: 'next-morning' });
    const c = await api(account('nurse').email, 'GET', `/api/v1/patients/${anna}/case`);
    const med = c.json<{ medications: { drug: string; doses?: string[] }[] }>().medications.find((m) => m.drug === 'alendronic-acid');
    expect(med?.doses).toEqual([addDays(today, -1)]);
  });

  it('counts a clinician\'s dose and the patient\'s of the same course and day once, and shows both', async () => {
    const day = addDays(today, -1);
    const res = await api(account('nurse').email, 'POST', `/api/v1/patients/${anna}/medications/${alendronate}/doses`, { date: day });
    expect(res.statusCode, res.body).toBe(201);
    const c = await api(account('nurse').email, 'GET', `/api/v1/patients/${anna}/case`);
    expect(c.json<{ medications: { drug: string; doses?: string[] }[] }>().medications.find((m) => m.drug === 'alendronic-acid')?.doses).toEqual([day]);
    const plan = await api(account('nurse').email, 'GET', `/api/v1/patients/${anna}/medications`);
    expect(plan.json<{ courses: { id: string; doses: unknown[] }[] }>().courses.find((x) => x.id === alendronate)?.doses).toHaveLength(2);
    // Marking the same day again adds nothing; a missed mark on a day with a dose is refused.
    const again = await confirm(account('patient').email, anna, alendronate, { date: day, status: 'taken' });
    expect(again.json()).toMatchObject({ added: false, counted: true });
    const missed = await confirm(account('patient').email, anna, alendronate, { date: day, status: 'missed' });
    expect(missed.statusCode).toBe(409);
  });

  it('moves the denosumab late rule to the real date of an injection marked late', async () => {
    const p = await patientRow('Prik', '1952-02-02');
    await user('patient', 'prik@test.botpad.nl', p);
    const den = await course(p, 'denosumab', addMonths(today, -9));
    const first = await api('prik@test.botpad.nl', 'GET', `/api/v1/patients/${p}/evaluation?lang=nl`);
    expect(first.statusCode).toBe(200);
    expect(first.json<{ conclusions: { code: string }[] }>().conclusions.some((x) => x.code === 'medication.denosumab-late')).toBe(true);
    await inTransaction(t.store.db, (trx) => refreshPatients(trx, [p], today));
    const open = await t.store.db.selectFrom('worklist_item').selectAll().where('patient_id', '=', p).execute();
    expect(JSON.stringify(open)).toContain('denosumab-late');
    const real = addDays(today, -10);
    const res = await confirm('prik@test.botpad.nl', p, den, { date: real, status: 'taken' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ counted: true, added: true, nextDose: addMonths(real, 6) });
    const ev = await api('prik@test.botpad.nl', 'GET', `/api/v1/patients/${p}/evaluation?lang=nl`);
    const codes = ev.json<{ conclusions: { code: string; value: unknown }[] }>().conclusions;
    expect(codes.some((x) => x.code === 'medication.denosumab-late')).toBe(false);
    expect(codes.find((x) => x.code === 'medication.next-dose')?.value).toEqual({ drug: 'denosumab', date: addMonths(real, 6) });
    // The worklist was re-derived in the same write: no late-denosumab alert is left open for her.
    const items = await t.store.db.selectFrom('worklist_item').selectAll().where('patient_id', '=', p).execute();
    expect(JSON.stringify(items)).not.toContain('denosumab-late');

    // The fridge-door schedule: the next injection and the calcium test before it, in the patient's language.
    const pdf = await api('prik@test.botpad.nl', 'GET', `/api/v1/patients/${p}/medication-schedule.pdf?lang=en`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    const text = pdfText(pdf.rawPayload).replace(/\s+/g, ' ');
    expect(text).toContain('My medicines: when and what');
    expect(text).toContain('You get an injection of denosumab.');
    expect(text).toContain(new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeZone: 'Europe/Amsterdam' }).format(new Date(`${addMonths(real, 6)}T12:00:00Z`)));
    expect(text).toContain('Have your blood tested for denosumab.');
    const audit = await t.store.db.selectFrom('audit_event').select(['resource', 'allowed']).where('patient_id', '=', p).where('resource', '=', 'patient/medication-schedule').execute();
    expect(audit.length).toBeGreaterThan(0);
  });

  it('lets a parent of a 13-year-old mark a dose, not a parent of an adult, and refuses strangers', async () => {
    const teen = await patientRow('Tiener', addDays(addMonths(today, -13 * 12), -3));
    const adult = await patientRow('Volwassen', '1980-03-03');
    const teenCourse = await course(teen, 'alendronic-acid', addDays(today, -14));
    const adultCourse = await course(adult, 'alendronic-acid', addDays(today, -14));
    const mum = await user('caregiver', 'ouder-tiener@test.botpad.nl', null);
    const dad = await user('caregiver', 'ouder-volwassene@test.botpad.nl', null);
    await linkCaregiver(t.store.db, { caregiverUserId: mum, patientId: teen, relation: 'parent', consent: null, representationProof: null, by: null });
    await linkCaregiver(t.store.db, { caregiverUserId: dad, patientId: adult, relation: 'parent', consent: null, representationProof: null, by: null });

    const ok = await confirm('ouder-tiener@test.botpad.nl', teen, teenCourse, { date: today, status: 'taken' });
    expect(ok.statusCode, ok.body).toBe(201);
    const refused = await confirm('ouder-volwassene@test.botpad.nl', adult, adultCourse, { date: today, status: 'taken' });
    expect(refused.statusCode).toBe(403);
    // The caregiver's page names whose record it is.
    const b = new Browser(t);
    await b.signIn('ouder-tiener@test.botpad.nl');
    const page = await b.get(`/medicines/${teen}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(nl.questionnaires.forWhom('Test Tiener'));
    // A stranger: another patient, and a caregiver of someone else.
    expect((await confirm('ouder-tiener@test.botpad.nl', anna, alendronate, { date: today, status: 'taken' })).statusCode).toBe(403);
    expect((await confirm(account('caregiver').email, anna, alendronate, { date: today, status: 'taken' })).statusCode).toBe(403);
    const stranger = new Browser(t);
    await stranger.signIn(account('caregiver').email);
    expect((await stranger.get(`/medicines/${anna}`)).statusCode).toBe(403);
    const audit = await t.store.db.selectFrom('audit_event').select(['allowed']).where('patient_id', '=', adult).where('action', '=', 'dose.confirm').execute();
    expect(audit.map((a) => a.allowed)).toEqual([false]);
    // A nurse records doses as the clinic (record.write), never as the patient.
    expect((await confirm(account('nurse').email, teen, teenCourse, { date: today, status: 'taken' })).statusCode).toBe(403);
  });
});
