// The administrator's pages: accounts (create, role, unlock, link, switch off) and the audit search.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../api/testing/test-app.js';
import { nl } from '../i18n/nl.js';
import { en } from '../i18n/en.js';
import { writeAudit, type AuditEntry } from '../../store/audit.repo.js';
import { BOM, readCsv } from '../csv.js';
import { Browser, account, csrfOf, demoApp, hiddenFields } from '../../api/testing/page-browser.js';
import { AUDIT_ACTIONS } from '../../core/access/lists.js';

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
    expect(audit.body).toContain(`<td data-label="${nl.audit.action}">${nl.audit.actions['user.create']}</td>`);
    expect(audit.body).not.toContain('<code>user.create</code>');
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

describe('the audit page for an administrator', () => {
  let t: TestApp;
  let anna: string;
  let org: string;
  beforeAll(async () => {
    ({ t, anna } = await demoApp());
    org = (await t.store.db.selectFrom('app_user').select('organisation_id').where('email', '=', account('admin').email).executeTakeFirstOrThrow()).organisation_id ?? '';
  });
  afterAll(async () => {
    await t.close();
  });
  const admin = async (lang?: 'en') => {
    const b = new Browser(t);
    if (lang) await b.get('/preferences?lang=en&return=%2F');
    await b.signIn(account('admin').email);
    return b;
  };
  const userId = async (email: string) => (await t.store.db.selectFrom('app_user').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
  const of = (over: Partial<AuditEntry>): AuditEntry => ({
    userId: null, role: 'nurse', organisationId: org, action: 'patient.read', resource: 'patient', patientId: null, allowed: true, reason: 'in the care of your organisation',
    requestId: null, clientIp: '192.0.2.1', ...over,
  });
  const codeOf = (html: string, label: string) => new RegExp(`data-label="${label}">(?:Patiënt|Patient) ([0-9A-Z]{4}-[0-9A-Z]{4})<`).exec(html)?.[1];

  it('has words for every action it can record, in both languages', () => {
    for (const a of AUDIT_ACTIONS) {
      expect(nl.audit.actions[a], a).toMatch(/\S/);
      expect(en.audit.actions[a], a).toMatch(/\S/);
    }
    expect(nl.audit.actions['patient.read']).toBe('Dossier bekeken');
    expect(en.audit.actions['patient.read']).toBe('Record viewed');
  });

  it('shows actions, outcomes and reasons in words, a patient by a code and never by name, and finds by a staff name', async () => {
    const nurse = await userId(account('nurse').email);
    await writeAudit(t.store.db, [
      of({ userId: nurse, patientId: anna }),
      of({ userId: nurse, action: 'patient.write', patientId: anna, allowed: false, reason: 'only nurses and physicians may do this' }),
    ]);
    for (const [lang, m] of [[undefined, nl], ['en', en]] as const) {
      const b = await admin(lang);
      const page = await b.get(`/admin/audit?person=${encodeURIComponent('inge verb')}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(`<td data-label="${m.audit.action}">${m.audit.actions['patient.read']}</td>`);
      expect(page.body).toContain(`<td data-label="${m.audit.action}">${m.audit.actions['patient.write']}</td>`);
      expect(page.body).toContain(m.audit.reasons['only nurses and physicians may do this']);
      expect(page.body).toContain(m.audit.reasons['in the care of your organisation']);
      expect(page.body).toContain(m.audit.refusedWord);
      expect(page.body).toContain(m.audit.count(2));
      expect(page.body).toContain(`<td data-label="${m.audit.who}">${account('nurse').displayName}</td>`);
      // The administrator sees no patient names: Anna is a code, the same on every row.
      expect(page.body).not.toContain('Anna');
      expect(page.body).not.toContain(anna);
      const code = codeOf(page.body, m.audit.patient);
      expect(code).toBeDefined();
      // The patient's own sign-in shows her code too, not her name (the demo seed signs nobody in, so: one entry).
      const own = await t.store.db.selectFrom('app_user').select('id').where('patient_id', '=', anna).executeTakeFirstOrThrow();
      await writeAudit(t.store.db, [of({ userId: own.id, role: 'patient', organisationId: null, action: 'session.create', resource: 'session', reason: 'signed in' })]);
      const signIns = await b.get('/admin/audit?action=session.create');
      expect(signIns.body).toContain(`<td data-label="${m.audit.who}">${m.audit.pseudonym(code ?? '')}</td>`);
      expect(signIns.body).not.toContain('Anna');
      // The code finds her entries, however it is typed.
      for (const typed of [code ?? '', (code ?? '').toLowerCase().replace('-', ' '), `Patiënt ${code ?? ''}`]) {
        const byCode = await b.get(`/admin/audit?patient=${encodeURIComponent(typed)}&person=Inge`);
        expect(byCode.statusCode, typed).toBe(200);
        expect(byCode.body, typed).toContain(m.audit.count(2));
      }
    }
    const none = await (await admin()).get('/admin/audit?person=Anna');
    expect(none.body).toContain(nl.audit.none);
  });

  it('pages through the whole result with a true count and plain links, each entry once', async () => {
    const physician = await userId(account('physician').email);
    await writeAudit(t.store.db, Array.from({ length: 120 }, (_, i) => of({ userId: physician, requestId: `paging-${String(i)}` })));
    const b = await admin();
    const base = '/admin/audit?person=Haddou&action=patient.read';
    let page = await b.get(base);
    expect(page.body).toContain(nl.audit.count(120));
    expect(page.body).toContain(nl.audit.range(1, 50, 120));
    expect(page.body).not.toContain('rel="prev"');
    const seen: string[] = [];
    const ids = (html: string) => [...html.matchAll(/>(paging-\d+)</g)].map((m) => m[1] ?? '');
    const link = (html: string, rel: string) => new RegExp(`href="([^"]+)" rel="${rel}"`).exec(html)?.[1]?.replace(/&amp;/g, '&');
    for (let n = 0; n < 5; n++) {
      seen.push(...ids(page.body));
      const older = link(page.body, 'next');
      if (!older) break;
      expect(older).toContain('person=Haddou');
      page = await b.get(older);
      expect(page.statusCode).toBe(200);
    }
    expect(seen).toHaveLength(120);
    expect(new Set(seen).size).toBe(120);
    expect(page.body).toContain(nl.audit.range(101, 120, 120));
    const newer = link(page.body, 'prev');
    expect(newer).toBeDefined();
    const back = await b.get(newer ?? '');
    expect(back.body).toContain(nl.audit.range(51, 100, 120));
    expect(ids(back.body)).toEqual(seen.slice(50, 100));
    // A place that is not one starts at the newest, it does not fail.
    expect((await b.get(`${base}&before=nonsense`)).body).toContain(nl.audit.range(1, 50, 120));
    const odd = await b.get(`${base}&after=${'x'.repeat(500)}`);
    expect(odd.statusCode).toBe(200);
    expect(odd.body).toContain(nl.audit.range(1, 50, 120));
  });

  it('downloads the current search as a CSV file Excel opens, formulas defused, and records the download', async () => {
    const staff = await t.store.db.insertInto('app_user').values({ role: 'nurse', organisation_id: org, display_name: '=HYPERLINK("http://x.example";"klik")', status: 'active' }).returning('id').executeTakeFirstOrThrow();
    await writeAudit(t.store.db, [of({ userId: staff.id, patientId: anna, reason: 'in the care of your organisation' }), of({ userId: staff.id, action: 'patient.write', reason: 'not done: the work failed; "quoted"' })]);
    for (const [lang, m, sep, name] of [[undefined, nl, ';', 'logboek'], ['en', en, ',', 'audit-log']] as const) {
      const b = await admin(lang);
      const page = await b.get('/admin/audit?person=HYPERLINK');
      const href = /<a id="download" href="([^"]+)"/.exec(page.body)?.[1]?.replace(/&amp;/g, '&');
      expect(href).toBe('/admin/audit/download?person=HYPERLINK');
      const before = await t.store.db.selectFrom('audit_event').select('id').where('action', '=', 'audit.export').execute();
      const res = await b.get(href ?? '');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toMatch(new RegExp(`^attachment; filename="${name}-\\d{4}-\\d{2}-\\d{2}\\.csv"$`));
      expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      expect(res.body.startsWith(BOM)).toBe(true);
      const rows = readCsv(res.body, sep);
      expect(rows[0]).toEqual([m.audit.when, m.audit.who, m.audit.role, m.audit.action, m.audit.patient, m.audit.outcome, m.audit.reason, m.audit.resource, m.audit.requestId, m.audit.client]);
      expect(rows).toHaveLength(3);
      expect(rows.map((r) => r[1])).toEqual([m.audit.who, `'=HYPERLINK("http://x.example";"klik")`, `'=HYPERLINK("http://x.example";"klik")`]);
      expect(rows.map((r) => r[3])).toEqual([m.audit.action, m.audit.actions['patient.write'], m.audit.actions['patient.read']]);
      expect(rows[2]?.[4]).toBe(m.audit.pseudonym(codeOf(page.body, m.audit.patient) ?? 'none'));
      expect(rows[1]?.[6]).toBe(m.audit.otherReasons.notDone);
      expect(rows[1]?.[0]).toMatch(/^\d{2}-\d{2}-\d{4} \d{2}:\d{2}:\d{2}$/);
      const after = await t.store.db.selectFrom('audit_event').select(['id', 'resource', 'allowed']).where('action', '=', 'audit.export').execute();
      expect(after).toHaveLength(before.length + 1);
      expect(after.at(-1)).toMatchObject({ resource: 'audit/export', allowed: true });
    }
    // A search with a mistake goes back to the page with the mistake shown; not an administrator: refused.
    const bad = await (await admin()).get('/admin/audit/download?from=31-02-2026');
    expect(bad.statusCode).toBe(303);
    expect(bad.headers.location).toBe('/admin/audit?from=31-02-2026');
    const nurse = new Browser(t);
    await nurse.signIn(account('nurse').email);
    expect((await nurse.get('/admin/audit/download')).statusCode).toBe(403);
  });

  it('puts a period that ends before it starts, and a code that cannot be one, next to the field', async () => {
    const b = await admin();
    const res = await b.get('/admin/audit?from=10-03-2026&to=09-03-2026&patient=Jansen');
    expect(res.statusCode).toBe(400);
    // The order: a wrong code is found first; the period once the rest is right.
    expect(res.body).toContain('href="#patient"');
    expect(res.body).toContain(nl.audit.badCode);
    const period = await b.get('/admin/audit?from=10-03-2026&to=09-03-2026');
    expect(period.statusCode).toBe(400);
    expect(period.body).toContain('href="#to"');
    expect(period.body).toContain('id="to-error"');
    expect(period.body).toContain(nl.audit.toBeforeFrom);
    expect(period.body).toContain('value="10-03-2026"');
  });
});

describe('audit search, bad dates', () => {
  let t: TestApp;
  beforeAll(async () => {
    ({ t } = await demoApp());
  });
  afterAll(async () => {
    await t.close();
  });

  it.each(['2026-02-31', '31-02-2026', 'gisteren', '2026-13-01', '0000-01-01', '99999-01-01', '1-1-1', '2026-02-31T00:00', '30-02-2026', '29-02-2025', '01-01-1899', '2026-02-31 ', ' 31-02-2026', '31.02.2026', '31/02/2026'])('answers a bad date %s with a form error next to the field, not a server error', async (bad) => {
    const b = new Browser(t);
    await b.signIn(account('admin').email);
    for (const field of ['from', 'to']) {
      const res = await b.get(`/admin/audit?${field}=${encodeURIComponent(bad)}`);
      expect(res.statusCode, `${field}=${bad}`).toBe(400);
      expect(res.body).toContain(`href="#${field}"`);
      expect(res.body).toContain(`id="${field}-error"`);
    }
  });
});
