// Signing in and out, return paths, the lock-out, CSRF, kept forms, activation and password reset.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../api/testing/test-app.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, demoOrganisationKind } from '../../demo/demo-data.js';
import { nl } from '../i18n/nl.js';
import { startPage } from '../menus.js';
import { Browser, START, account, csrfOf, demoApp, endSession, hiddenFields } from '../../api/testing/page-browser.js';

describe('account pages', () => {
  let t: TestApp;

  beforeAll(async () => {
    ({ t } = await demoApp());
  });
  afterAll(async () => {
    await t.close();
  });

  it('sends nobody off the site after a preference or a sign-in, however the return path is spelt', async () => {
    const b = new Browser(t);
    for (const r of ['/%09/attacker.example', '/%0a/attacker.example', '//attacker.example', '/%5Cattacker.example', 'https://attacker.example']) {
      const pref = await b.get(`/preferences?lang=en&return=${r}`);
      expect(pref.statusCode, r).toBe(303);
      expect(pref.headers.location, r).toBe('/');
    }
    expect((await b.get('/preferences?lang=nl&return=%2Fhelp%3Fx%3D1')).headers.location).toBe('/help?x=1');
    const page = await b.get('/sign-in?return=%2F%09%2Fattacker.example');
    expect(hiddenFields(page.body, '/sign-in').filter(([k, v]) => k === 'return' && v.includes('attacker'))).toEqual([]);
    const res = await b.post('/sign-in', { _csrf: csrfOf(page.body), return: '/\t/attacker.example', email: account('nurse').email, password: DEMO_PASSWORD });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/worklist');
  });

  it('lands every role on its own start page after signing in, never on the public start page', async () => {
    // The public start page, however it is asked for, is no place to be sent after signing in: it
    // comes as the return of a sign-in link on that page, with a language choice or an anchor.
    const publicStart = [undefined, '', '/', '/?lang=en', '/#main', '/?', '//', 'https://elders.example/'];
    // The start page is the role's at the account's kind of organisation: a day centre's
    // physiotherapist has no practice's referrals to start at.
    for (const a of DEMO_ACCOUNTS) {
      const start = a.org === undefined ? START[a.role] : startPage(a.role, demoOrganisationKind(a.org));
      for (const r of publicStart) {
        const b = new Browser(t);
        const form = await b.get(r === undefined ? '/sign-in' : `/sign-in?return=${encodeURIComponent(r)}`);
        const res = await b.post('/sign-in', { _csrf: csrfOf(form.body), email: a.email, password: DEMO_PASSWORD, ...(r === undefined ? {} : { return: r }) });
        expect(res.statusCode, `${a.role} return ${String(r)}`).toBe(303);
        expect(res.headers.location, `${a.role} return ${String(r)}`).toBe(start);
        // Signed in already, the sign-in page sends on the same way.
        const again = await b.get(r === undefined ? '/sign-in' : `/sign-in?return=${encodeURIComponent(r)}`);
        expect(again.statusCode, `${a.role} signed in, return ${String(r)}`).toBe(303);
        expect(again.headers.location, `${a.role} signed in, return ${String(r)}`).toBe(start);
      }
    }
    // A page of the site itself is still where a sign-in link from it leads back to.
    const b = new Browser(t);
    const form = await b.get('/sign-in?return=%2Fhelp');
    const res = await b.post('/sign-in', { _csrf: csrfOf(form.body), email: account('patient').email, password: DEMO_PASSWORD, return: '/help' });
    expect(res.headers.location).toBe('/help');
  });

  it('keeps the e-mail and names the field when sign-in fails', async () => {
    const b = new Browser(t);
    const email = account('physician').email;
    const res = await b.signIn(email, 'wrong-password-123');
    expect(res.statusCode).toBe(401);
    expect(res.body).toContain('class="error-summary"');
    expect(res.body).toContain(`<a href="#email">${nl.signIn.wrong}</a>`);
    expect(res.body).toMatch(new RegExp(`id="email" name="email" type="email" value="${email}"[^>]*aria-invalid="true"[^>]*aria-describedby="email-error"`));
    expect(res.body).not.toContain('wrong-password-123');
    expect(b.jar.has('botpad_session')).toBe(false);

    const empty = await b.post('/sign-in', { _csrf: csrfOf(res.body), email: '', password: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('href="#email"');
    expect(empty.body).toContain('href="#password"');
  });

  it('says in words when sign-in is locked after too many attempts', async () => {
    const b = new Browser(t);
    let res = await b.signIn('niemand@example.org', 'not-the-password');
    for (let i = 0; i < 5; i++) res = await b.post('/sign-in', { _csrf: csrfOf(res.body), email: 'niemand@example.org', password: 'not-the-password' });
    expect(res.statusCode).toBe(429);
    expect(res.body).toContain(nl.signIn.locked);
    expect(res.body).toMatch(/Probeer het na \d\d:\d\d opnieuw\./);
  });

  it('refuses a form post without its CSRF token', async () => {
    const b = new Browser(t);
    await b.get('/sign-in');
    const res = await b.post('/sign-in', { email: account('nurse').email, password: DEMO_PASSWORD });
    expect(res.statusCode).toBe(403);
    expect(b.jar.has('botpad_session')).toBe(false);

    await b.signIn(account('nurse').email);
    const nurse = (await t.store.db.selectFrom('app_user').select('id').where('email', '=', account('nurse').email).executeTakeFirstOrThrow()).id;
    const create = await b.post('/patients/new', { familyName: 'Zonder', givenName: 'Token', birthDate: '1950-01-01', sex: 'male' });
    expect(create.statusCode).toBe(403);
    const refused = await t.store.db.selectFrom('audit_event').select(['action', 'resource', 'allowed']).where('user_id', '=', nurse).where('action', '=', 'page.post').execute();
    expect(refused).toEqual([{ action: 'page.post', resource: 'page/patients/new', allowed: false }]);
    const out = await b.post('/sign-out', {});
    expect(out.statusCode).toBe(403);
  });


  it('lists every error of a form at once and puts the focus on that list, without JavaScript', async () => {
    const b = new Browser(t);
    const form = await b.get('/activate');
    const res = await b.post('/activate', { _csrf: csrfOf(form.body), code: '', email: 'geen-adres', password: 'kort', password2: 'anders' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toMatch(/<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" autofocus>/);
    const summary = res.body.slice(res.body.indexOf('class="error-summary"'), res.body.indexOf('</div>', res.body.indexOf('class="error-summary"')));
    expect([...summary.matchAll(/href="#([a-z0-9]+)"/gi)].map((m) => m[1])).toEqual(['code', 'email', 'password', 'password2']);
    expect(summary).toContain(nl.form.required(nl.activate.code));
    expect(summary).toContain(nl.form.email);
    expect(summary).toContain(nl.form.passwordShort);
    expect(summary).toContain(nl.form.passwordsDiffer);
  });
  it('signs out with the header button', async () => {
    const b = new Browser(t);
    await b.signIn(account('admin').email);
    const page = await b.get('/admin/users');
    const res = await b.post('/sign-out', hiddenFields(page.body, '/sign-out'));
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/sign-in?notice=signed-out');
    expect(b.jar.has('botpad_session')).toBe(false);
    const signIn = await b.get(res.headers.location as string);
    expect(signIn.body).toContain(nl.signIn.signedOut);
    expect((await b.get('/admin/users')).statusCode).toBe(303);
  });

  it('lists the demo accounts on the sign-in page in demo mode', async () => {
    const res = await new Browser(t).get('/sign-in');
    expect(res.body).toContain(nl.signIn.demoTitle);
    expect(res.body).toContain(DEMO_PASSWORD);
    for (const a of DEMO_ACCOUNTS) expect(res.body).toContain(a.email);
    expect(res.body).toMatch(/<th scope="row"[^>]*>Verpleegkundige<\/th>/);
  });

  it('answers a reset request the same whether or not the address is known', async () => {
    const b = new Browser(t);
    const form = await b.get('/password-reset');
    const known = await b.post('/password-reset', { _csrf: csrfOf(form.body), email: account('patient').email });
    const unknown = await b.post('/password-reset', { _csrf: csrfOf(form.body), email: 'onbekend@example.org' });
    expect(known.statusCode).toBe(303);
    expect(unknown.statusCode).toBe(303);
    expect(known.headers.location).toBe(unknown.headers.location);
    expect((await b.get('/password-reset?sent=1')).body).toContain(nl.reset.sent);
    const invalid = await b.post('/password-reset', { _csrf: csrfOf(form.body), email: 'geen adres' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body).toContain('href="#email"');

    const confirm = await b.get('/password-reset/confirm?token=clearly-not-a-real-token');
    const bad = await b.post('/password-reset/confirm', { ...Object.fromEntries(hiddenFields(confirm.body, '/password-reset/confirm')), password: 'lang-genoeg-wachtwoord', password2: 'lang-genoeg-wachtwoord' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain(nl.reset.badLink);
  });

  it('loses nothing typed when the session ended, and keeps it on the server for its author only', async () => {
    const b = new Browser(t);
    await b.signIn(account('physician').email);
    const form = await b.get('/patients/new');
    await endSession(t, b);
    const fields = { _csrf: csrfOf(form.body), familyName: 'Bewaard', givenName: 'Bea', birthDate: '1945-02-03', sex: 'female', bsn: '', phone: '06 1234 5678', email: '', gpPractice: '' };
    const signIn = await b.post('/patients/new', fields);
    expect(signIn.statusCode).toBe(200);
    expect(signIn.headers['cache-control']).toBe('no-store');
    expect(signIn.body).toContain(`<h1>${nl.signIn.title}</h1>`);
    expect(signIn.body).toContain(nl.signIn.keptNotice);
    // The page a next person at this computer could open holds nothing of what was typed.
    for (const typed of ['Bewaard', 'Bea', '1945-02-03', '06 1234 5678']) expect(signIn.body).not.toContain(typed);
    const carried = hiddenFields(signIn.body, '/sign-in');
    const ref = carried.find(([k]) => k === 'kept')?.[1] ?? '';
    expect(ref).toMatch(/^[A-Za-z0-9_-]{40,}$/);

    // Someone else signing in with that reference gets nothing of it.
    const other = new Browser(t);
    const otherPage = await other.get('/sign-in');
    const stranger = await other.post('/sign-in', { _csrf: csrfOf(otherPage.body), kept: ref, email: account('nurse').email, password: DEMO_PASSWORD });
    expect(stranger.statusCode).toBe(303);
    expect(stranger.headers.location).toBe('/worklist');

    const back = await b.post('/sign-in', [...carried, ['email', account('physician').email], ['password', DEMO_PASSWORD]]);
    expect(back.statusCode).toBe(200);
    expect(back.body).toContain(`<h1>${nl.kept.title}</h1>`);
    const resend = hiddenFields(back.body, '/patients/new');
    expect(resend).toContainEqual(['familyName', 'Bewaard']);
    expect(resend.filter(([k]) => k === '_csrf')).toHaveLength(1);
    expect(resend.find(([k]) => k === '_csrf')?.[1]).not.toBe(fields._csrf);

    const done = await b.post('/patients/new', resend);
    expect(done.statusCode).toBe(303);
    const record = await b.get(done.headers.location as string);
    expect(record.body).toContain('<h1>Bea Bewaard</h1>');
    // The number typed as 06 1234 5678, stored in E.164 form, shown the Dutch way.
    expect(record.body).toContain('06 12345678');
    // Handed back once: the reference is spent.
    await endSession(t, b);
    const again = await b.post('/sign-in', [...carried.filter(([k]) => k !== '_csrf'), ['_csrf', csrfOf(record.body)], ['email', account('physician').email], ['password', DEMO_PASSWORD]]);
    expect(again.statusCode).toBe(303);
  });

  it('never keeps a password', async () => {
    const b = new Browser(t);
    await b.signIn(account('admin').email);
    const page = await b.get('/admin/users');
    await endSession(t, b);
    const res = await b.post('/admin/users', { _csrf: csrfOf(page.body), role: 'nurse', displayName: 'Geheim', email: 'geheim@example.org', password: 'zeer-geheim-wachtwoord' });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('Geheim');
    const kept = await t.store.db.selectFrom('kept_form').select('pairs').execute();
    const all = JSON.stringify(kept.map((k) => k.pairs));
    expect(all).toContain('Geheim');
    expect(all).not.toContain('zeer-geheim-wachtwoord');
  });
});

describe('outside demo mode', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp('pglite');
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists no demo accounts on the sign-in page', async () => {
    const res = await new Browser(t).get('/sign-in');
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain(DEMO_PASSWORD);
    expect(res.body).not.toContain(nl.signIn.demoTitle);
    for (const a of DEMO_ACCOUNTS) expect(res.body).not.toContain(a.email);
  });
});
