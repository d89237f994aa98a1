// A child's standing and moving on the pages, driven as a browser without JavaScript would: a
// parent and a care worker each note a session down with one press on the tablet page (each line
// naming who), a wrong number refused in words at its field with nothing stored; the clinician's
// page with the weeks as a chart, its sentence and its table; the plan set by the centre's
// physiotherapist (a wrong number refused at its field) and refused to a care worker; a hospital
// nurse kept out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, account, csrfOf, demoApp } from '../../api/testing/page-browser.js';
import type { TestApp } from '../../api/testing/test-app.js';
import { DEMO_PASSWORD } from '../../demo/demo-data.js';
import { insertUser } from '../../store/accounts.repo.js';
import { hashPassword } from '../../services/auth.js';
import { PRESET_MINUTES } from '../../core/children/loading-log.js';
import { nl } from '../i18n/nl.js';

const c = nl.childLoading;
const html = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

describe('the loading pages', () => {
  let t: TestApp;
  let lotte = '';
  const count = async () => Number((await t.store.db.selectFrom('loading_log').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    ({ t, lotte } = await demoApp());
    const centre = await t.store.db.selectFrom('organisation').select('id').where('kind', '=', 'day-centre').executeTakeFirstOrThrow();
    await insertUser(t.store.db, { role: 'physiotherapist', organisationId: centre.id, patientId: null, email: 'centrum-fysio@example.test', displayName: 'Centrum Fysio', passwordHash: await hashPassword(DEMO_PASSWORD), status: 'active' });
  });
  afterAll(async () => {
    await t.close();
  });

  async function as(who: 'caregiver' | 'care-worker' | 'nurse' | 'centre-physio') {
    const b = new Browser(t);
    await b.signIn(who === 'centre-physio' ? 'centrum-fysio@example.test' : account(who).email);
    return b;
  }

  it('lets a parent note a session down with one press, on the patient side, naming her', async () => {
    const b = await as('caregiver');
    const page = await b.get(`/log/${lotte}`);
    expect(page.statusCode, page.body.slice(0, 300)).toBe(200);
    expect(page.body).toContain('side-patient');
    expect(page.body).toContain(html(c.logFor('Lotte Mulder')));
    expect(page.body.match(/class="tap"/g)).toHaveLength(3 * PRESET_MINUTES.length + 1);
    expect(page.body).not.toContain('<script');
    const res = await b.post(`/log/${lotte}`, { _csrf: csrfOf(page.body), activity: 'standing-frame', minutes: '10' });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
    const after = await b.get(res.headers.location as string);
    expect(after.body).toContain(html(c.noted('10', 'sta-tafel', account('caregiver').displayName)));
    expect(after.body).toContain(html(c.todayTotal('10')));
  });

  it('lets the parent take back a press made by mistake from the notice, and it no longer counts', async () => {
    const b = await as('caregiver');
    const page = await b.get(`/log/${lotte}`);
    const res = await b.post(`/log/${lotte}`, { _csrf: csrfOf(page.body), activity: 'walking-aid', minutes: '30' });
    const after = await b.get(res.headers.location as string);
    const lineId = /name="lineId" value="([^"]+)"/.exec(after.body)?.[1] ?? '';
    expect(after.body).toContain(html(c.takeBack));
    const back = await b.post(`/log/${lotte}/take-back`, { _csrf: csrfOf(after.body), lineId });
    expect(back.statusCode, back.body.slice(0, 300)).toBe(303);
    const done = await b.get(back.headers.location as string);
    expect(done.body).toContain(html(c.takenBack));
    expect(done.body).toContain(html(c.todayTotal('10')));
    // Taking it back again, or someone else's line: refused in words, nothing changes.
    const again = await b.post(`/log/${lotte}/take-back`, { _csrf: csrfOf(done.body), lineId });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain(html(c.takeBackRefused));
    const staff = await as('care-worker');
    const theirs = await staff.get(`/log/${lotte}`);
    expect((await staff.post(`/log/${lotte}/take-back`, { _csrf: csrfOf(theirs.body), lineId })).statusCode).toBe(409);
  });

  it('refuses a wrong number at its field and stores nothing', async () => {
    const b = await as('caregiver');
    const page = await b.get(`/log/${lotte}`);
    const before = await count();
    const bad = await b.post(`/log/${lotte}`, { _csrf: csrfOf(page.body), minutes: '0' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain(html(c.logRange));
    expect(bad.body).toContain('href="#activity"');
    expect(await count()).toBe(before);
  });

  it('gives staff on the clinician side the same large buttons, and names the care worker', async () => {
    const b = await as('care-worker');
    const page = await b.get(`/log/${lotte}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('side-clinician');
    expect(page.body).toContain('class="tablet"');
    const res = await b.post(`/log/${lotte}`, { _csrf: csrfOf(page.body), activity: 'other-movement', minutes: '25' });
    expect(res.statusCode).toBe(303);
    const after = await b.get(res.headers.location as string);
    expect(after.body).toContain(html(c.noted('25', 'ander bewegen', account('care-worker').displayName)));
    expect(after.body).toContain(html(c.todayTotal('35')));
    expect(after.body).toContain(`href="/patients/${lotte}/child/loading"`);
  });

  it('shows the clinician\'s page with the weeks as a chart, in words and as a table; a care worker sets no plan', async () => {
    const b = await as('care-worker');
    const page = await b.get(`/patients/${lotte}/child/loading`);
    expect(page.statusCode, page.body.slice(0, 300)).toBe(200);
    expect(page.body).toContain('<svg');
    expect(page.body).toContain(html(c.chartAlt));
    expect(page.body).toContain(html(c.tableCaption));
    expect(page.body).toContain(html(account('caregiver').displayName));
    expect(page.body).toContain(html(c.means('10', '35', '1')));
    expect(page.body).not.toContain(html(c.savePlan));
    const refused = await b.post(`/patients/${lotte}/child/loading`, { _csrf: csrfOf(page.body), standingFrame: '30', walkingAid: '0', otherMovement: '10' });
    expect(refused.statusCode).toBe(403);
  });

  it('lets the centre\'s physiotherapist set the plan, a wrong number refused at its field', async () => {
    const b = await as('centre-physio');
    const page = await b.get(`/patients/${lotte}/child/loading`);
    expect(page.statusCode, page.body.slice(0, 300)).toBe(200);
    expect(page.body).toContain(html(c.savePlan));
    const bad = await b.post(`/patients/${lotte}/child/loading`, { _csrf: csrfOf(page.body), standingFrame: '300', walkingAid: '', otherMovement: '10', note: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain(html(c.minutesRange));
    const good = await b.post(`/patients/${lotte}/child/loading`, { _csrf: csrfOf(page.body), standingFrame: '30', walkingAid: '0', otherMovement: '15', note: 'Na de lunch' });
    expect(good.statusCode).toBe(303);
    const after = await b.get(good.headers.location as string);
    expect(after.body).toContain(html(c.planSaved));
    expect(after.body).toContain(html(`${c.planTotal('45')} ${c.verdict.within}`));
    expect(after.body).toContain('Na de lunch');
  });

  it('keeps a hospital nurse out', async () => {
    const b = await as('nurse');
    expect([403, 404]).toContain((await b.get(`/log/${lotte}`)).statusCode);
    expect([403, 404]).toContain((await b.get(`/patients/${lotte}/child/loading`)).statusCode);
  });
});
