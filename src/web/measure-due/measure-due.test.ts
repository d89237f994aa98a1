// The next measurement of exercise therapy on the pages, driven like a browser without script on
// the demo organisation: the practice's list on /referrals (also after the therapy ended), the
// hospital's nurse in the record's follow-up but not on the worklist, the patient on their plan in
// plain words with the date as dd-mm-jjjj.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../api/testing/test-app.js';
import { Browser, account, demoApp } from '../../api/testing/page-browser.js';
import { en } from '../i18n/en.js';
import { nl } from '../i18n/nl.js';
import { todayNl } from '../../schema/clock.js';
import { addDays, addMonths } from '../../core/time/date.js';
import { dueStatus } from '../../core/measures/scoring.js';
import { insertEntry } from '../../store/record.repo.js';
import { inTransaction } from '../../store/db.js';
import { refreshPatients } from '../../services/worklist-derive.js';
import { numericDate } from '../time-format.js';

const w = nl.measureDue;

describe('the next measurement on the pages', () => {
  let t: TestApp;
  let anna = '';
  const today = todayNl();
  // Measured 3 months before a few days ago, the therapy ended 2 days ago: the next one is due now.
  const measured = addMonths(addDays(today, -3), -3);
  const due = addMonths(measured, 3);
  const ended = addDays(today, -2);
  const status = dueStatus(due, today, 14);

  const as = async (role: Parameters<typeof account>[0]) => {
    const b = new Browser(t);
    await b.signIn(account(role).email);
    return b;
  };

  beforeAll(async () => {
    ({ t, anna } = await demoApp());
    const entry = (kind: 'exercise-therapy' | 'exercise-measurement', date: string, data: object) =>
      ({ patientId: anna, kind, date, data, source: 'clinician' as const, by: null, organisationId: null });
    await inTransaction(t.store.db, async (trx) => {
      await insertEntry(trx, entry('exercise-therapy', addDays(measured, -7), { end: ended }));
      await insertEntry(trx, entry('exercise-measurement', measured, { chairStand30s: 9, tugSeconds: 13.5 }));
      await refreshPatients(trx, [anna], today);
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it('is due now, the premise of the other tests', () => {
    expect(status).toBe('due');
  });

  it('the practice sees it on its start page, with the therapy over, and the name leads to the therapy hub', async () => {
    const page = await (await as('physiotherapist')).get('/referrals');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`<h2 id="measurements-title">${w.practice.title}</h2>`);
    const row = page.body.split('<tr').find((r) => r.includes(`/patients/${anna}/therapy`) && r.includes(numericDate(due)));
    expect(row, page.body).toBeDefined();
    expect(row).toContain(w.status.due);
    expect(row).toContain(w.practice.afterEnd);
  });

  it('the hospital\'s nurse sees it in the record\'s follow-up, and the worklist stays free of it', async () => {
    const nurse = await as('nurse');
    const contacts = await nurse.get(`/patients/${anna}/contacts`);
    expect(contacts.statusCode).toBe(200);
    expect(contacts.body).toContain(w.record.title);
    expect(contacts.body).toContain(w.record.next(numericDate(due), w.status.due ?? ''));
    expect(contacts.body).toContain(w.record.afterEnd(numericDate(ended)));
    const worklist = await nurse.get('/worklist?limit=200');
    expect(worklist.statusCode).toBe(200);
    expect(worklist.body).not.toContain(nl.worklist.steps.measurement);
  });

  it('the patient reads it on their plan in plain words, with the date as dd-mm-jjjj, in both languages', async () => {
    const patient = await as('patient');
    const plan = await patient.get(`/plan/${anna}`);
    expect(plan.statusCode).toBe(200);
    expect(plan.body).toContain(w.patient.due(numericDate(due)));
    expect(plan.body).toContain(w.patient.afterEnd);
    await patient.get('/preferences?lang=en&return=%2F');
    const english = await patient.get(`/plan/${anna}`);
    expect(english.body).toContain(en.measureDue.patient.due(numericDate(due)));
  });
});
