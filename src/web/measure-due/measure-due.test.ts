// The next measurement of exercise therapy on the pages, driven like a browser without script on
// the demo organisation (src/demo/demo-measure-due.ts): the practice's list on /referrals, with
// Sanne Meijer's measurement due after her therapy ended and Anna de Vries' planned; the hospital's
// nurse reads it in the record's follow-up but not on the worklist; the patient on their plan in
// plain words with the date as dd-mm-jjjj, in both languages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../api/testing/test-app.js';
import { Browser, account, demoApp } from '../../api/testing/page-browser.js';
import { en } from '../i18n/en.js';
import { nl } from '../i18n/nl.js';
import { todayNl } from '../../schema/clock.js';
import { addDays, addMonths } from '../../core/time/date.js';
import { numericDate } from '../time-format.js';

const w = nl.measureDue;

describe('the next measurement on the pages', () => {
  let t: TestApp;
  let anna = '';
  let sanne = '';
  const today = todayNl();
  // As the demo has it: Sanne measured 3 months before 5 days ago, her therapy ended 30 days ago; Anna measured a week ago.
  const sanneDue = addMonths(addMonths(addDays(today, -5), -3), 3);
  const sanneEnded = addDays(today, -30);
  const annaDue = addMonths(addDays(today, -7), 3);

  const as = async (role: Parameters<typeof account>[0]) => {
    const b = new Browser(t);
    await b.signIn(account(role).email);
    return b;
  };

  beforeAll(async () => {
    ({ t, anna } = await demoApp());
    sanne = (await t.store.db.selectFrom('patient').select('id').where('family_name', '=', 'Meijer').where('given_name', '=', 'Sanne').executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => {
    await t.close();
  });

  const rowOf = (body: string, patientId: string) => body.split('<tr').find((r) => r.includes(`href="/patients/${patientId}/therapy"`));

  it('the practice sees both on its start page, the earliest first, each name leading to the therapy hub', async () => {
    const page = await (await as('physiotherapist')).get('/referrals');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`<h2 id="measurements-title">${w.practice.title}</h2>`);
    const section = page.body.slice(page.body.indexOf('id="measurements-title"'));
    const sanneRow = rowOf(section, sanne);
    expect(sanneRow).toContain(numericDate(sanneDue));
    expect(sanneRow).toContain(w.status.due);
    expect(sanneRow).toContain(w.practice.afterEnd);
    const annaRow = rowOf(section, anna);
    expect(annaRow).toContain(numericDate(annaDue));
    expect(annaRow).toContain(w.status.planned);
    expect(annaRow).not.toContain(w.practice.afterEnd);
    expect(section.indexOf(`/patients/${sanne}/therapy`)).toBeLessThan(section.indexOf(`/patients/${anna}/therapy`));
  });

  it('the hospital\'s nurse sees it in the record\'s follow-up, and the worklist stays free of it', async () => {
    const nurse = await as('nurse');
    const contacts = await nurse.get(`/patients/${sanne}/contacts`);
    expect(contacts.statusCode).toBe(200);
    expect(contacts.body).toContain(w.record.title);
    expect(contacts.body).toContain(w.record.next(numericDate(sanneDue), w.status.due ?? ''));
    expect(contacts.body).toContain(w.record.afterEnd(numericDate(sanneEnded)));
    const worklist = await nurse.get('/worklist?limit=200');
    expect(worklist.statusCode).toBe(200);
    expect(worklist.body).not.toContain(nl.worklist.steps.measurement);
  });

  it('the patient reads it on their plan in plain words, with the date as dd-mm-jjjj, in both languages', async () => {
    const patient = await as('patient');
    const plan = await patient.get(`/plan/${anna}`);
    expect(plan.statusCode).toBe(200);
    expect(plan.body).toContain(w.patient.planned(numericDate(annaDue)));
    expect(plan.body).not.toContain(w.patient.afterEnd);
    await patient.get('/preferences?lang=en&return=%2F');
    const english = await patient.get(`/plan/${anna}`);
    expect(english.body).toContain(en.measureDue.patient.planned(numericDate(annaDue)));
  });
});
