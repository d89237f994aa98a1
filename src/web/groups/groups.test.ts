// A day centre's groups in the browser (no JavaScript) on the demo set: the care worker starts at
// her group's children with the way to the quick log; the centre's administrator makes a group and
// puts a child and a care worker in it and takes them out, and a form sent without a choice comes
// back with the errors; a hospital's administrator has no groups; the group tablet's shift choice on
// the sign-in page gives a session the header marks as a shift.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../api/testing/test-app.js';
import { Browser, account, csrfOf, demoApp } from '../../api/testing/page-browser.js';
import { nl } from '../i18n/nl.js';

const CENTRE_ADMIN = 'beheer-dagcentrum@demo.botpad.nl';
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/\s+/g, ' ');

describe('day-centre group pages', () => {
  let t: TestApp;
  let lotte = '';
  let daan = '';
  beforeAll(async () => {
    const d = await demoApp();
    t = d.t;
    lotte = d.lotte;
    daan = (await t.store.db.selectFrom('patient').select('id').where('given_name', '=', 'Daan').executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('the care worker starts at her group\'s children, each with the quick log and the overview', async () => {
    const b = new Browser(t);
    const signed = await b.signIn(account('care-worker').email);
    expect(signed.headers.location).toBe('/group');
    const page = await b.get('/group');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h2 id="group-');
    expect(text(page.body)).toContain('De Rupsen');
    for (const id of [lotte, daan]) {
      expect(page.body).toContain(`href="/log/${id}"`);
      expect(page.body).toContain(`href="/patients/${id}/child"`);
    }
    expect(text(page.body)).toContain(nl.dayCentreGroups.mine.log('Lotte Mulder'));
    // Not the shift: the header says nothing of it.
    expect(page.body).not.toContain(nl.dayCentreGroups.shift.badge);
  });

  it('the administrator makes a group, puts a child and a care worker in it and takes them out', async () => {
    const b = new Browser(t);
    await b.signIn(CENTRE_ADMIN);
    const first = await b.get('/admin/groups');
    expect(first.statusCode).toBe(200);
    expect(text(first.body)).toContain('De Rupsen');
    const made = await b.post('/admin/groups', { _csrf: csrfOf(first.body), name: 'De Egels' });
    expect(made.statusCode, made.body).toBe(303);
    const page = await b.get('/admin/groups?changed=1');
    expect(text(page.body)).toContain(nl.dayCentreGroups.admin.changed);
    const egels = /<h2 id="group-([0-9a-f-]+)">De Egels<\/h2>/.exec(page.body)?.[1] ?? '';
    expect(egels).not.toBe('');
    const worker = (await t.store.db.selectFrom('app_user').select('id').where('email', '=', account('care-worker').email).executeTakeFirstOrThrow()).id;
    expect((await b.post('/admin/groups/children', { _csrf: csrfOf(page.body), childGroup: egels, patientId: lotte })).statusCode).toBe(303);
    expect((await b.post('/admin/groups/staff', { _csrf: csrfOf(page.body), staffGroup: egels, userId: worker })).statusCode).toBe(303);
    const after = await b.get('/admin/groups');
    const section = after.body.slice(after.body.indexOf(`id="group-${egels}"`));
    expect(section).toContain(`action="/admin/groups/${egels}/children/${lotte}/remove"`);
    expect(section).toContain(`action="/admin/groups/${egels}/staff/${worker}/remove"`);
    expect((await b.post(`/admin/groups/${egels}/children/${lotte}/remove`, { _csrf: csrfOf(after.body) })).statusCode).toBe(303);
    expect((await b.post(`/admin/groups/${egels}/staff/${worker}/remove`, { _csrf: csrfOf(after.body) })).statusCode).toBe(303);
    const done = await b.get('/admin/groups');
    expect(done.body).not.toContain(`action="/admin/groups/${egels}/children/${lotte}/remove"`);
    const audit = await t.store.db.selectFrom('audit_event').select(['action', 'patient_id']).where('action', '=', 'group.manage').where('patient_id', '=', lotte).execute();
    expect(audit.length).toBe(2);
  });

  it('a form without a choice comes back with each error; a name twice is refused at its field', async () => {
    const b = new Browser(t);
    await b.signIn(CENTRE_ADMIN);
    const page = await b.get('/admin/groups');
    const bad = await b.post('/admin/groups/children', { _csrf: csrfOf(page.body), childGroup: '', patientId: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('id="childGroup-error"');
    expect(bad.body).toContain('id="patientId-error"');
    const twice = await b.post('/admin/groups', { _csrf: csrfOf(page.body), name: 'de rupsen' });
    expect(twice.statusCode).toBe(409);
    expect(text(twice.body)).toContain(nl.dayCentreGroups.admin.nameTaken);
    expect(twice.body).toContain('value="de rupsen"');
  });

  it('a hospital\'s administrator has no groups, and a care worker no group administration', async () => {
    const admin = new Browser(t);
    await admin.signIn(account('admin').email);
    expect((await admin.get('/admin/groups')).statusCode).toBe(403);
    // Its menu does not lead there; the day centre's administrator's does.
    expect((await admin.get('/admin/users')).body).not.toContain('href="/admin/groups"');
    const centre = new Browser(t);
    await centre.signIn(CENTRE_ADMIN);
    expect((await centre.get('/admin/users')).body).toContain('href="/admin/groups"');
    const worker = new Browser(t);
    await worker.signIn(account('care-worker').email);
    expect((await worker.get('/admin/groups')).statusCode).toBe(403);
    const nurse = new Browser(t);
    await nurse.signIn(account('nurse').email);
    expect((await nurse.get('/group')).statusCode).toBe(403);
  });

  it('the group tablet\'s choice on the sign-in page gives a shift session, marked in the header', async () => {
    const b = new Browser(t);
    const form = await b.get('/sign-in');
    expect(form.body).toContain('name="shift"');
    const signed = await b.post('/sign-in', { _csrf: csrfOf(form.body), email: account('care-worker').email, password: 'demo-botpad-2026', shift: 'yes' });
    expect(signed.statusCode).toBe(303);
    const page = await b.get('/group');
    expect(text(page.body)).toContain(nl.dayCentreGroups.shift.badge);
  });
});
