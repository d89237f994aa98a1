// The "who may see what" pages, driven like a browser without JavaScript: GET a form, take its
// CSRF token and cookie, POST it, follow the redirect. Each demo role opens each page and gets the
// page, a refusal (403) or a redirect to sign in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { testApp, type TestApp } from '../api/testing/test-app.js';
import { seedDemo } from '../services/seed.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoAccount } from '../demo/demo-data.js';
import { nl } from './i18n/nl.js';
import { sha256 } from '../services/auth.js';

type Role = DemoAccount['role'];

const decode = (s: string) =>
  s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** The hidden inputs of the form that posts to `action`, in order. */
function hiddenFields(html: string, action: string): [string, string][] {
  const start = html.indexOf(`action="${action}"`);
  if (start < 0) throw new Error(`no form posting to ${action}`);
  const form = html.slice(start, html.indexOf('</form>', start));
  return [...form.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)"/g)].map((m) => [decode(m[1] ?? ''), decode(m[2] ?? '')]);
}

function csrfOf(html: string): string {
  const m = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!m?.[1]) throw new Error('no CSRF token on the page');
  return m[1];
}

/** A cookie jar over inject: just enough browser for forms and redirects. */
class Browser {
  readonly jar = new Map<string, string>();
  constructor(private readonly t: TestApp) {}

  private headers(): Record<string, string> {
    const cookie = [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
    return { accept: 'text/html', ...(cookie ? { cookie } : {}) };
  }

  private keep(res: LightMyRequestResponse): LightMyRequestResponse {
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const gone = c.value === '' || c.maxAge === 0 || (c.expires !== undefined && c.expires.getTime() < Date.now());
      if (gone) this.jar.delete(c.name);
      else this.jar.set(c.name, c.value);
    }
    return res;
  }

  async get(url: string) {
    return this.keep(await this.t.app.inject({ method: 'GET', url, headers: this.headers() }));
  }

  async post(url: string, fields: Record<string, string> | [string, string][]) {
    return this.keep(
      await this.t.app.inject({
        method: 'POST',
        url,
        headers: { ...this.headers(), 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams(fields).toString(),
      }),
    );
  }

  async signIn(email: string, password = DEMO_PASSWORD) {
    const page = await this.get('/sign-in');
    return this.post('/sign-in', { _csrf: csrfOf(page.body), email, password });
  }
}

const account = (role: Role) => {
  const a = DEMO_ACCOUNTS.find((x) => x.role === role);
  if (!a) throw new Error(role);
  return a;
};

const START: Record<Role, string> = {
  nurse: '/patients',
  physician: '/patients',
  physiotherapist: '/patients',
  'care-worker': '/patients',
  admin: '/admin/users',
  patient: '/me',
  caregiver: '/care',
};

describe('account and record pages', () => {
  let t: TestApp;
  let anna = '';
  let lotte = '';

  beforeAll(async () => {
    t = await testApp('pglite');
    await seedDemo(t.store.db);
    const rows = await t.store.db.selectFrom('patient').select(['id', 'given_name']).execute();
    anna = rows.find((r) => r.given_name === 'Anna')?.id ?? '';
    lotte = rows.find((r) => r.given_name === 'Lotte')?.id ?? '';
  });
  afterAll(async () => {
    await t.close();
  });

  const ALL: Role[] = ['nurse', 'physician', 'physiotherapist', 'care-worker', 'admin', 'patient', 'caregiver'];
  const only = (...roles: Role[]) => Object.fromEntries(ALL.map((r) => [r, roles.includes(r) ? 200 : 403])) as Record<Role, number>;

  /** Page → expected status per role. Anna is an adult in the hospital's care, referred to the physio. */
  const PAGES: { path: () => string; expect: Record<Role, number> }[] = [
    { path: () => '/patients', expect: only('nurse', 'physician', 'physiotherapist', 'care-worker') },
    { path: () => '/patients/new', expect: only('nurse', 'physician') },
    { path: () => '/me', expect: only('patient') },
    { path: () => '/care', expect: only('caregiver') },
    { path: () => '/admin/users', expect: only('admin') },
    { path: () => '/admin/audit', expect: only('admin') },
    { path: () => `/patients/${anna}`, expect: only('nurse', 'physician', 'physiotherapist', 'patient') },
    { path: () => `/patients/${anna}/access-log`, expect: only('nurse', 'physician', 'physiotherapist', 'patient') },
    { path: () => `/patients/${anna}/history`, expect: only('nurse', 'physician', 'physiotherapist', 'patient') },
    { path: () => `/patients/${anna}/account`, expect: only('nurse', 'physician') },
    { path: () => `/patients/${lotte}`, expect: only('care-worker', 'caregiver') },
  ];

  describe.each(ALL)('as the demo %s', (role) => {
    const b = () => browsers.get(role) as Browser;
    const browsers = new Map<Role, Browser>();

    beforeAll(async () => {
      const br = new Browser(t);
      const res = await br.signIn(account(role).email);
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(START[role]);
      browsers.set(role, br);
    });

    it('lands on a start page with the menu, the name and the idle sign-out time', async () => {
      const res = await b().get(START[role]);
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.body).toContain(account(role).displayName);
      expect(res.body).toMatch(/U wordt om \d\d:\d\d automatisch uitgelogd als u niets doet\./);
      expect(res.body).toContain('action="/sign-out"');
      expect(res.body.match(/<h1[ >]/g)).toHaveLength(1);
    });

    it.each(PAGES.map((p, i) => [i, p] as const))('page %i answers as the role allows, and a refusal is audited', async (_i, p) => {
      const me = (await t.store.db.selectFrom('app_user').select('id').where('email', '=', account(role).email).executeTakeFirstOrThrow()).id;
      const refusals = async () =>
        Number((await t.store.db.selectFrom('audit_event').select((eb) => eb.fn.countAll().as('n')).where('user_id', '=', me).where('allowed', '=', false).executeTakeFirstOrThrow()).n);
      const before = await refusals();
      const res = await b().get(p.path());
      expect(res.statusCode, p.path()).toBe(p.expect[role]);
      expect(res.headers['content-type']).toContain('text/html');
      if (res.statusCode === 403) {
        expect(res.body).toContain(nl.errors.forbiddenTitle);
        expect(await refusals(), `audit of the refused ${p.path()}`).toBe(before + 1);
      }
    });

    it('shows the BSN only to those who may see it', async () => {
      const res = await b().get(`/patients/${anna}`);
      const sees = role === 'nurse' || role === 'physician' || role === 'patient';
      // Those who may see the BSN get the record; for everyone else, whether the record is refused
      // or shown without it, the number is nowhere on the page.
      if (sees) expect(res.statusCode).toBe(200);
      expect(res.body.includes('111222333'), `BSN on the page for ${role} (status ${String(res.statusCode)})`).toBe(sees);
    });
  });

  it('sends a visitor without a session to sign in, and back afterwards', async () => {
    const b = new Browser(t);
    for (const p of PAGES) {
      const res = await b.get(p.path());
      expect(res.statusCode, p.path()).toBe(303);
      expect(res.headers.location).toBe(`/sign-in?return=${encodeURIComponent(p.path())}`);
    }
    const page = await b.get(`/sign-in?return=${encodeURIComponent(`/patients/${anna}`)}`);
    expect(page.body).toContain(nl.signIn.needed);
    const res = await b.post('/sign-in', { ...Object.fromEntries(hiddenFields(page.body, '/sign-in')), email: account('nurse').email, password: DEMO_PASSWORD });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/patients/${anna}`);
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
    expect(res.headers.location).toBe('/patients');
  });

  it('answers 404 for a record that does not exist', async () => {
    const b = new Browser(t);
    await b.signIn(account('nurse').email);
    expect((await b.get('/patients/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await b.get('/patients/not-an-id')).statusCode).toBe(404);
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
    expect(res.body).toContain('<th scope="row">Verpleegkundige</th>');
  });

  it('creates a patient, corrects the record and keeps the old values in the history', async () => {
    const b = new Browser(t);
    await b.signIn(account('nurse').email);
    const form = await b.get('/patients/new');
    expect(form.body).toContain('<label for="familyName">');

    const bad = await b.post('/patients/new', { _csrf: csrfOf(form.body), familyName: '', givenName: 'Kees', birthDate: '', sex: '', bsn: '123' });
    expect(bad.statusCode).toBe(400);
    for (const f of ['familyName', 'birthDate', 'sex', 'bsn']) expect(bad.body).toContain(`href="#${f}"`);
    expect(bad.body).toContain('value="Kees"');
    expect(bad.body).toMatch(/id="bsn"[^>]*aria-invalid="true"/);

    const ok = await b.post('/patients/new', {
      _csrf: csrfOf(bad.body), familyName: 'Prins', givenName: 'Kees', birthDate: '5-5-1950', sex: 'male', bsn: '', phone: '', email: '', gpPractice: '',
    });
    expect(ok.statusCode).toBe(303);
    const location = ok.headers.location as string;
    expect(location).toMatch(/^\/patients\/[0-9a-f-]{36}\?notice=created$/);
    const record = await b.get(location);
    expect(record.statusCode).toBe(200);
    expect(record.body).toContain('<h1>Kees Prins</h1>');
    expect(record.body).toContain(nl.patients.created);
    expect(record.body).toContain('5 mei 1950');
    expect(record.body).toMatch(/id="birthDate" name="birthDate" type="text" value="05-05-1950"/);
    const found = await b.get('/patients?q=Prins&birthDate=05-05-1950');
    expect(found.body).toContain(`href="/patients/${location.split('/')[2]?.split('?')[0] ?? ''}"`);
    expect(found.body).toContain(nl.patients.count(1));

    const id = location.split('/')[2]?.split('?')[0] ?? '';
    const correction = Object.fromEntries(hiddenFields(record.body, `/patients/${id}/correction`));
    const fixed = await b.post(`/patients/${id}/correction`, {
      ...correction, familyName: 'Prins-de Wit', givenName: 'Kees', birthDate: '1950-05-05', sex: 'male', bsn: '', phone: '', email: '', gpPractice: '',
      reason: 'correction', note: 'Naam van de partner vergeten',
    });
    expect(fixed.statusCode).toBe(303);
    expect(fixed.headers.location).toBe(`/patients/${id}?notice=corrected`);
    const history = await b.get(`/patients/${id}/history`);
    expect(history.body).toContain('Prins-de Wit');
    expect(history.body).toMatch(/<td>Prins<\/td>/);
    expect(history.body).toContain('Naam van de partner vergeten');

    const again = await b.get(`/patients/${id}`);
    const nothing = await b.post(`/patients/${id}/correction`, {
      ...Object.fromEntries(hiddenFields(again.body, `/patients/${id}/correction`)),
      familyName: 'Prins-de Wit', givenName: 'Kees', birthDate: '1950-05-05', sex: 'male', bsn: '', phone: '', email: '', gpPractice: '', reason: '',
    });
    expect(nothing.statusCode).toBe(400);
    expect(nothing.body).toContain(nl.record.nothingChanged);
    expect(nothing.body).toContain('href="#reason"');
  });

  it('offers a record with the same date of birth for merging, compares them side by side, and merges after confirming', async () => {
    const b = new Browser(t);
    await b.signIn(account('nurse').email);
    const form = await b.get('/patients/new');
    const made = await b.post('/patients/new', {
      _csrf: csrfOf(form.body), familyName: 'Vries', givenName: 'Anna', birthDate: '12-04-1948', sex: 'female', bsn: '', phone: '', email: '', gpPractice: '',
    });
    const dup = (made.headers.location as string).split('/')[2]?.split('?')[0] ?? '';
    const record = await b.get(`/patients/${anna}`);
    expect(record.body).toContain(nl.record.mergeTitle);
    expect(record.body).toContain(nl.record.mergeButton('Anna Vries'));
    const compareHref = `/patients/${anna}/merge?duplicateId=${dup}`;
    expect(record.body).toContain(`href="${compareHref.replace(/&/g, '&amp;')}"`);
    const compare = await b.get(compareHref);
    expect(compare.statusCode).toBe(200);
    expect(compare.body).toContain(nl.record.compareTitle);
    expect(compare.body).toContain(nl.record.confirmButton);
    const fields = Object.fromEntries(hiddenFields(compare.body, `/patients/${anna}/merge`));
    expect(fields.duplicateId).toBe(dup);
    expect(fields.confirm).toBe('yes');
    const noToken = await b.post(`/patients/${anna}/merge`, { duplicateId: dup, confirm: 'yes' });
    expect(noToken.statusCode).toBe(403);
    // Without the confirmation the post leads to the comparison, and nothing is merged.
    const unconfirmed = await b.post(`/patients/${anna}/merge`, { _csrf: fields._csrf ?? '', duplicateId: dup });
    expect(unconfirmed.statusCode).toBe(303);
    expect(unconfirmed.headers.location).toBe(compareHref);
    const merged = await b.post(`/patients/${anna}/merge`, fields);
    expect(merged.statusCode).toBe(303);
    expect(merged.headers.location).toBe(`/patients/${anna}?notice=merged`);
    expect((await b.get(merged.headers.location as string)).body).toContain(nl.record.merged);
    const banner = await b.get(`/patients/${dup}`);
    expect(banner.body).toContain(nl.record.mergedBanner);
    expect(banner.body).toContain(`href="/patients/${anna}"`);
    // Merging again (an old tab) shows the comparison with the refusal, not an error page.
    const again = await b.post(`/patients/${anna}/merge`, fields);
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain(nl.record.mergeRefused);
    const search = await b.get('/patients?birthDate=12-04-1948');
    expect(search.body).toContain(`href="/patients/${anna}"`);
    expect(search.body).not.toContain(`href="/patients/${dup}"`);
    const physio = new Browser(t);
    await physio.signIn(account('physiotherapist').email);
    expect((await physio.get(`/patients/${anna}`)).body).not.toContain(nl.record.mergeTitle);
  });

  it('issues an activation letter, and the patient activates and signs in', async () => {
    const nurse = new Browser(t);
    await nurse.signIn(account('nurse').email);
    const hendrik = (await t.store.db.selectFrom('patient').select('id').where('given_name', '=', 'Hendrik').executeTakeFirstOrThrow()).id;
    const record = await nurse.get(`/patients/${hendrik}`);
    const letter = await nurse.post(`/patients/${hendrik}/account`, {
      ...Object.fromEntries(hiddenFields(record.body, `/patients/${hendrik}/account`)), kind: 'patient', accountEmail: 'hendrik@example.org',
    });
    expect(letter.statusCode).toBe(201);
    expect(letter.headers['cache-control']).toBe('no-store');
    expect(letter.body).toContain('lang="en"');
    expect(letter.body).toContain('/activate');
    const code = /class="code">([A-Z0-9-]+)</.exec(letter.body)?.[1] ?? '';
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);

    const careless = await nurse.post(`/patients/${hendrik}/account`, {
      ...Object.fromEntries(hiddenFields(record.body, `/patients/${hendrik}/account`)), kind: 'caregiver', accountEmail: 'geen-adres',
    });
    expect(careless.statusCode).toBe(400);
    for (const f of ['displayName', 'accountEmail', 'relation']) expect(careless.body).toContain(`href="#${f}"`);

    const person = new Browser(t);
    const form = await person.get('/activate');
    const mismatch = await person.post('/activate', { _csrf: csrfOf(form.body), code, email: '', password: 'lang-genoeg-wachtwoord', password2: 'iets-anders-1234' });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.body).toContain(nl.form.passwordsDiffer);
    const wrongCode = await person.post('/activate', { _csrf: csrfOf(form.body), code: 'AAAA-BBBB-CCCC', email: '', password: 'lang-genoeg-wachtwoord', password2: 'lang-genoeg-wachtwoord' });
    expect(wrongCode.statusCode).toBe(400);
    expect(wrongCode.body).toContain(nl.activate.badCode);
    const done = await person.post('/activate', { _csrf: csrfOf(form.body), code: code.toLowerCase(), email: '', password: 'lang-genoeg-wachtwoord', password2: 'lang-genoeg-wachtwoord' });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/sign-in?notice=activated');
    expect((await person.get('/sign-in?notice=activated')).body).toContain(nl.signIn.activated);
    const signedIn = await person.signIn('hendrik@example.org', 'lang-genoeg-wachtwoord');
    expect(signedIn.headers.location).toBe('/me');
    expect((await person.get('/me')).body).toContain('Hendrik');
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

  /** Ends the browser's session as the idle time-out does: the cookie stays, the session is over. */
  async function endSession(b: Browser) {
    const token = decodeURIComponent(b.jar.get('botpad_session') ?? '');
    await t.store.db.updateTable('session').set({ last_seen_at: new Date(Date.now() - 3 * 3600_000).toISOString() }).where('token_hash', '=', sha256(token)).execute();
  }

  it('loses nothing typed when the session ended, and keeps it on the server for its author only', async () => {
    const b = new Browser(t);
    await b.signIn(account('physician').email);
    const form = await b.get('/patients/new');
    await endSession(b);
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
    expect(stranger.headers.location).toBe('/patients');

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
    expect(record.body).toContain('06 1234 5678');
    // Handed back once: the reference is spent.
    await endSession(b);
    const again = await b.post('/sign-in', [...carried.filter(([k]) => k !== '_csrf'), ['_csrf', csrfOf(record.body)], ['email', account('physician').email], ['password', DEMO_PASSWORD]]);
    expect(again.statusCode).toBe(303);
  });

  it('never keeps a password', async () => {
    const b = new Browser(t);
    await b.signIn(account('admin').email);
    const page = await b.get('/admin/users');
    await endSession(b);
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
