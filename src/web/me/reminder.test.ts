// The reminder on the home page in the days before the diagnostic day, on both stores: shown from a
// week before a planned visit with the invitation letter's own words on the 24-hour urine and what
// to bring, not earlier, not for a cancelled visit; a caregiver's home shows it for the person in
// their care, saying whose day it is.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../api/testing/test-app.js';
import { Browser, account } from '../../api/testing/page-browser.js';
import { addDays } from '../../core/time/date.js';
import { todayNl } from '../../schema/clock.js';
import { seedDemo } from '../../services/seed.js';
import { visitPreparation } from '../../services/letters.js';
import { inTransaction } from '../../store/db.js';
import { insertVisit } from '../../store/logistics.repo.js';
import { STORE_KINDS } from '../../store/testing/stores.js';
import { calendarDate } from '../time-format.js';
import { nl } from '../i18n/nl.js';

const r = nl.reminder;

describe.each(STORE_KINDS)('the visit reminder on %s', (kind) => {
  let t: TestApp;
  let anna = '';
  let lotte = '';
  const today = todayNl();

  async function as(role: Parameters<typeof account>[0]) {
    const b = new Browser(t);
    await b.signIn(account(role).email);
    return b;
  }
  async function plan(patientId: string, date: string, status: 'planned' | 'cancelled' = 'planned') {
    const org = await t.store.db.selectFrom('patient_organisation').select('organisation_id').where('patient_id', '=', patientId).executeTakeFirstOrThrow();
    const by = await t.store.db.selectFrom('app_user').select('id').where('email', '=', account('nurse').email).executeTakeFirstOrThrow();
    const v = await inTransaction(t.store.db, (tx) => insertVisit(tx, {
      patientId, organisationId: org.organisation_id, kind: 'diagnostic-day', date, reportTo: 'Balie route 25', note: null, by: by.id,
      parts: [{ part: 'dxa', time: '09:00', place: 'DXA-kamer', done: false }, { part: 'labs', time: '08:30', place: 'Bloedafname', done: false }],
    }));
    if (status !== 'planned') await t.store.db.updateTable('visit').set({ status }).where('id', '=', v.id).execute();
  }

  beforeAll(async () => {
    t = await testApp(kind);
    await seedDemo(t.store.db);
    const rows = await t.store.db.selectFrom('patient').select(['id', 'given_name']).execute();
    anna = rows.find((x) => x.given_name === 'Anna')?.id ?? '';
    lotte = rows.find((x) => x.given_name === 'Lotte')?.id ?? '';
  });
  afterAll(async () => {
    await t.close();
  });

  it('reminds from a week before, with the letter\'s words on the urine and what to bring', async () => {
    const patient = await as('patient');
    await plan(anna, addDays(today, 8));
    await plan(anna, addDays(today, 2), 'cancelled');
    const far = await patient.get('/me');
    expect(far.body).not.toContain(r.title(calendarDate('nl', addDays(today, 8))));
    expect(far.body).not.toContain(r.title(calendarDate('nl', addDays(today, 2))));

    await plan(anna, addDays(today, 3));
    const page = (await patient.get('/me')).body;
    expect(page).toContain(r.title(calendarDate('nl', addDays(today, 3))));
    expect(page).toContain(r.firstAt('08:30'));
    expect(page).toContain(r.reportTo('Balie route 25'));
    expect(page).toContain(r.urineStarts(calendarDate('nl', addDays(today, 2))));
    const words = visitPreparation('nl');
    expect(page).toContain(words.container);
    for (const item of words.bringList) expect(page).toContain(item.replace(/'/g, '&#39;'));
  });

  it('shows a caregiver whose day it is', async () => {
    await plan(lotte, addDays(today, 1));
    const parent = await as('caregiver');
    const page = (await parent.get('/care')).body;
    expect(page).toContain(r.titleFor('Mulder, Lotte', calendarDate('nl', addDays(today, 1))));
  });
});
