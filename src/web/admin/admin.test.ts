// The administrator's pages: accounts (create, role, unlock, link, switch off) and the audit search.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../api/testing/test-app.js';
import { nl } from '../i18n/nl.js';
import { Browser, account, csrfOf, demoApp, hiddenFields } from '../../api/testing/page-browser.js';

describe('administration pages', () => {
  let t: TestApp;

  beforeAll(async () => {
    ({ t } = await demoApp());
  });
  afterAll(async () => {
    await t.close();
  });

  it('lets an administrator create a clinician and search the audit log', async () => {
    const b = new Browser(t);
    await b.signIn(account('admin').email);
    const page = await b.get('/admin/users');
    const csrf = csrfOf(page.body);
    expect(page.body).not.toContain('type="password"');
    const bad = await b.post('/admin/users', { _csrf: csrf, role: '', displayName: '', email: 'x' });
    expect(bad.statusCode).toBe(400);
    for (const f of ['role', 'displayName', 'email']) expect(bad.body).toContain(`href="#${f}"`);
    const ok = await b.post('/admin/users', { _csrf: csrf, role: 'physician', displayName: 'Dr. Nieuw', email: 'nieuw@example.org' });
    expect(ok.statusCode).toBe(303);
    expect((await b.get('/admin/users?created=1')).body).toContain('Dr. Nieuw');
    const taken = await b.post('/admin/users', { _csrf: csrf, role: 'nurse', displayName: 'Dubbel', email: 'nieuw@example.org' });
    expect(taken.statusCode).toBe(409);
    expect(taken.body).toContain(nl.form.inUse(nl.users.email));

    const today = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date());
    const audit = await b.get(`/admin/audit?action=user.create&allowed=true&from=${today}&to=${today}`);
    expect(audit.statusCode).toBe(200);
    expect(audit.body).toContain('<code>user.create</code>');
    expect(audit.body).toContain('<th scope="col">Verzoek-id</th>');
    const badDate = await b.get('/admin/audit?from=gisteren');
    expect(badDate.statusCode).toBe(400);
    expect(badDate.body).toContain('href="#from"');
  });

  it('lets an administrator change a role, allow signing in again, send a link and switch an account off, each audited', async () => {
    const b = new Browser(t);
    await b.signIn(account('admin').email);
    const ok = await b.post('/admin/users', { _csrf: csrfOf((await b.get('/admin/users')).body), role: 'nurse', displayName: 'Wim Beheer', email: 'wim@example.org' });
    expect(ok.statusCode).toBe(303);
    const wim = (await t.store.db.selectFrom('app_user').select('id').where('email', '=', 'wim@example.org').executeTakeFirstOrThrow()).id;
    const list = await b.get('/admin/users');
    expect(list.body).toContain(`href="/admin/users/${wim}"`);
    const page = await b.get(`/admin/users/${wim}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`<h1>${nl.users.manageTitle('Wim Beheer')}</h1>`);
    for (const what of ['role', 'unlock', 'activation-link', 'deactivate']) expect(page.body).toContain(`action="/admin/users/${wim}/${what}"`);

    const role = await b.post(`/admin/users/${wim}/role`, { ...Object.fromEntries(hiddenFields(page.body, `/admin/users/${wim}/role`)), role: 'physician' });
    expect(role.statusCode).toBe(303);
    expect(role.headers.location).toBe(`/admin/users/${wim}?done=role`);
    const after = await b.get(role.headers.location as string);
    expect(after.body).toContain(nl.users.done.role);
    expect(after.body).toContain(nl.roles.physician);
    const badRole = await b.post(`/admin/users/${wim}/role`, { ...Object.fromEntries(hiddenFields(after.body, `/admin/users/${wim}/role`)), role: 'patient' });
    expect(badRole.statusCode).toBe(400);
    expect(badRole.body).toContain('href="#role"');
    for (const [what, done] of [['unlock', nl.users.done.unlocked], ['activation-link', nl.users.done.link], ['deactivate', nl.users.done.deactivated]] as const) {
      const form = await b.get(`/admin/users/${wim}`);
      const res = await b.post(`/admin/users/${wim}/${what}`, hiddenFields(form.body, `/admin/users/${wim}/${what}`));
      expect(res.statusCode, what).toBe(303);
      expect((await b.get(res.headers.location as string)).body).toContain(done);
    }
    const actions = await t.store.db.selectFrom('audit_event').select('action').where('resource', '=', `account/${wim}`).where('allowed', '=', true).orderBy('id').execute();
    expect(actions.map((a) => a.action)).toEqual(['user.create', 'user.role', 'user.unlock', 'user.activation-link', 'user.deactivate']);

    const own = await b.get(`/admin/users/${(await t.store.db.selectFrom('app_user').select('id').where('email', '=', account('admin').email).executeTakeFirstOrThrow()).id}`);
    expect(own.body).toContain(nl.users.ownAccount);
    expect(own.body).not.toContain('/deactivate"');
    const nurse = new Browser(t);
    await nurse.signIn(account('nurse').email);
    expect((await nurse.get(`/admin/users/${wim}`)).statusCode).toBe(403);
    expect((await b.get('/admin/users/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });
});
