// "My results" on both stores: a result entered is held back until a clinician signs the
// assessment off or the organisation's delay has passed, then shown in words with the core's own
// explanation and a learn link; a caregiver sees the person in their care with whose record it is;
// nobody else sees them. And the release rule itself, by properties.
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessDeps } from '../../api/auth.js';
import { testApp, type TestApp } from '../../api/testing/test-app.js';
import { Browser, account } from '../../api/testing/page-browser.js';
import { addDays } from '../../core/time/date.js';
import { todayNl } from '../../schema/clock.js';
import { seedDemo } from '../../services/seed.js';
import { recordFacts, signAssessment } from '../../services/record.js';
import { visibleFrom } from '../../services/my-results.js';
import { STORE_KINDS } from '../../store/testing/stores.js';
import { calendarDate } from '../time-format.js';
import { nl } from '../i18n/nl.js';

const w = nl.myResults;

describe('when a result is shown to the patient', () => {
  const day = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) });
  it('is never later than the delay and never before the day it was entered', () => {
    fc.assert(
      fc.property(day, fc.array(day, { maxLength: 4 }), fc.integer({ min: 0, max: 60 }), (entered, signed, delay) => {
        const enteredDay = todayNl(entered);
        const from = visibleFrom(new Date(entered).toISOString(), signed.map((s) => new Date(s).toISOString()), delay);
        expect(from <= addDays(enteredDay, delay)).toBe(true);
        expect(from >= enteredDay).toBe(true);
      }),
    );
  });
  it('counts a sign-off only when it came after the result was entered', () => {
    expect(visibleFrom('2026-03-10T09:00:00Z', ['2026-03-10T08:59:59Z'], 7)).toBe('2026-03-17');
    expect(visibleFrom('2026-03-10T09:00:00Z', ['2026-03-12T10:00:00Z', '2026-03-11T10:00:00Z'], 7)).toBe('2026-03-11');
    // 23:30 UTC on 10 March is already 11 March in Amsterdam.
    expect(visibleFrom('2026-03-10T23:30:00Z', [], 0)).toBe('2026-03-11');
  });
});

describe.each(STORE_KINDS)('my results on %s', (kind) => {
  let t: TestApp;
  let anna = '';
  let lotte = '';
  const today = todayNl();
  const meta = { requestId: 'results-test', clientIp: '127.0.0.1' };

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

  it('holds a new result back, then shows it in words once the assessment is signed off', async () => {
    const patient = await as('patient');
    const before = await patient.get(`/results/${anna}`);
    expect(before.statusCode).toBe(200);
    expect(before.body).toContain(w.none);

    const nurse = await staff('nurse');
    await recordFacts(accessDeps(t.app), { actor: nurse, meta, patientId: anna, resource: 'patient/record/dxa' }, [
      { kind: 'dxa', date: today, data: { sites: [{ site: 'total-hip', tScore: -2.7 }, { site: 'lumbar-spine', tScore: -1.4 }] } },
      { kind: 'labs', date: today, data: { results: [{ test: '25-oh-vitamin-d', value: 22, unit: 'nmol/L', refLow: 50 }] } },
    ], { flat: false });
    const held = await patient.get(`/results/${anna}`);
    expect(held.body).toContain(w.waiting(2, calendarDate('nl', addDays(today, 7))));
    expect(held.body).not.toContain('\u22122,7');
    expect(held.body).not.toContain(w.sites['total-hip']);

    await signAssessment(accessDeps(t.app), { actor: await staff('physician'), meta, patientId: anna, lang: 'nl' });
    const shown = await patient.get(`/results/${anna}`);
    expect(shown.body).not.toContain(w.waiting(2, calendarDate('nl', addDays(today, 7))));
    expect(shown.body).toContain(w.tScoreIs('\u22122,7', w.band.osteoporosis));
    expect(shown.body).toContain(w.tScoreIs('\u22121,4', w.band.low));
    expect(shown.body).toContain(w.scaleAlt('\u22122,7', w.band.osteoporosis));
    expect(shown.body).toContain(w.labLow('22 nmol/L'));
    // The core's own words for this person, with the way to read more.
    expect(shown.body).toMatch(/href="\/learn\/[a-z-]+(#[a-z-]+)?"/);
  });

  it('shows a result without a sign-off once the organisation\'s delay has passed', async () => {
    const nurse = await staff('nurse');
    await recordFacts(accessDeps(t.app), { actor: nurse, meta, patientId: anna, resource: 'patient/record/labs' }, [
      { kind: 'labs', date: today, data: { results: [{ test: 'egfr', value: 28, unit: 'mL/min/1.73m²', refLow: 60 }] } },
    ], { flat: false });
    const patient = await as('patient');
    expect((await patient.get(`/results/${anna}`)).body).toContain(w.waiting(1, calendarDate('nl', addDays(today, 7))));
    // Entered eight days ago: past the 7-day default.
    await sql`update clinical_entry set recorded_at = recorded_at - interval '8 days' where patient_id = ${anna} and kind = 'labs' and data::text like '%egfr%'`.execute(t.store.db);
    const page = await patient.get(`/results/${anna}`);
    expect(page.body).toContain(w.labLow('28 mL/min/1.73m²'));
    expect(page.body).not.toContain(w.waiting(1, calendarDate('nl', addDays(today, 7))));
  });

  it('lets a caregiver see the results of the person in their care, saying whose they are; nobody else', async () => {
    const parent = await as('caregiver');
    const page = await parent.get(`/results/${lotte}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(nl.questionnaires.forWhom('Lotte Mulder'));
    const care = await parent.get('/care');
    expect(care.body).toContain(`href="/results/${lotte}"`);
    expect((await parent.get(`/results/${anna}`)).statusCode).toBe(403);
    const patient = await as('patient');
    expect((await patient.get(`/results/${lotte}`)).statusCode).toBe(403);
    expect((await patient.get('/me')).body).toContain(`href="/results/${anna}"`);
    const nurse = await as('nurse');
    expect((await nurse.get(`/results/${anna}`)).statusCode).toBe(403);
  });
});
