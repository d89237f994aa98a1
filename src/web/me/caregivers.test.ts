// "Who may act for me" driven like a browser without JavaScript, on both stores: the patient
// invites from her own pages, the invited person opens the mailed link, makes an account and sees
// the record; an existing account takes its invitation after signing in, another account is told
// to sign out; the patient ends it and the access is gone at once; who else looked is listed.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../api/testing/test-app.js';
import { Browser, account, csrfOf, hiddenFields } from '../../api/testing/page-browser.js';
import { seedDemo } from '../../services/seed.js';
import { STORE_KINDS } from '../../store/testing/stores.js';
import { nl } from '../i18n/nl.js';

const html = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;');
const seen = (body: string, s: string) => body.includes(html(s)) || body.includes(s);
const c = nl.caregiverInvites;

describe.each(STORE_KINDS)('the pages of who may look along on %s', (kind) => {
  let t: TestApp;
  let anna = '';
  const patient = () => {
    const b = new Browser(t);
    return b.signIn(account('patient').email).then(() => b);
  };

  beforeAll(async () => {
    t = await testApp(kind);
    await seedDemo(t.store.db);
    anna = (await t.store.db.selectFrom('patient').select('id').where('given_name', '=', 'Anna').executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => {
    await t.close();
  });

  async function mailedToken(to: string): Promise<string> {
    const dir = t.app.deps.config.outboxDir;
    for (const name of (await readdir(dir)).sort().reverse()) {
      const text = await readFile(path.join(dir, name), 'utf8');
      const m = text.startsWith(`To: ${to}\n`) && /\/caregiver-invitation\?token=([A-Za-z0-9_-]+)/.exec(text);
      if (m && m[1]) return m[1];
    }
    throw new Error(`no invitation mailed to ${to}`);
  }

  async function invite(b: Browser, fields: Record<string, string>) {
    const form = await b.get('/me/caregivers/invite');
    expect(form.statusCode).toBe(200);
    return b.post('/me/caregivers/invite', { _csrf: csrfOf(form.body), ...fields });
  }

  it('reaches both pages from the patient\'s home, and says beside each field what is wrong', async () => {
    const b = await patient();
    const home = await b.get('/me');
    expect(home.body).toContain('href="/me/caregivers"');
    expect(home.body).toContain('href="/me/access-log"');
    const list = await b.get('/me/caregivers');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('href="/me/caregivers/invite"');
    const empty = await invite(b, { email: '', relation: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('href="#email"');
    expect(empty.body).toContain('href="#relation"');
    const own = await invite(b, { email: account('patient').email, relation: 'family' });
    expect(own.statusCode).toBe(400);
    expect(seen(own.body, c.problems['own-address'])).toBe(true);
    // The form offers parent and family only; a legal representative is the clinic's to record.
    const rep = await invite(b, { email: 'curator@example.org', relation: 'legal-representative' });
    expect(rep.statusCode).toBe(400);
    expect(rep.body).toContain('href="#relation"');
    expect(await t.store.db.selectFrom('caregiver_invitation').select('id').execute()).toEqual([]);
  });

  it('invites, and the invited person makes an account from the mailed link and sees the record; ending it ends the access at once', async () => {
    const b = await patient();
    const sent = await invite(b, { email: 'jan.broer@example.org', relation: 'family' });
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe('/me/caregivers?notice=sent');
    const list = await b.get('/me/caregivers?notice=sent');
    expect(seen(list.body, c.sent)).toBe(true);
    expect(list.body).toContain('jan.broer@example.org');

    const token = await mailedToken('jan.broer@example.org');
    const jan = new Browser(t);
    const open = await jan.get(`/caregiver-invitation?token=${token}`);
    expect(open.statusCode).toBe(200);
    expect(seen(open.body, c.openIntro('Anna de Vries', c.relations.family))).toBe(true);
    const fields = Object.fromEntries(hiddenFields(open.body, '/caregiver-invitation/account'));
    const differ = await jan.post('/caregiver-invitation/account', { ...fields, displayName: 'Jan de Vries', password: 'een-lang-wachtwoord', password2: 'iets-anders-dus' });
    expect(differ.statusCode).toBe(400);
    expect(differ.body).toContain('href="#password2"');
    const made = await jan.post('/caregiver-invitation/account', { ...fields, displayName: 'Jan de Vries', password: 'een-lang-wachtwoord', password2: 'een-lang-wachtwoord' });
    expect(made.statusCode).toBe(303);
    expect(made.headers.location).toBe('/care?notice=linked');
    const care = await jan.get('/care?notice=linked');
    expect(seen(care.body, c.linked)).toBe(true);
    expect(care.body).toContain(`href="/patients/${anna}"`);
    expect((await jan.get(`/patients/${anna}`)).statusCode).toBe(200);
    const used = await new Browser(t).get(`/caregiver-invitation?token=${token}`);
    expect(used.statusCode).toBe(400);
    expect(seen(used.body, c.refused['invitation-used'])).toBe(true);

    const mine = await b.get('/me/caregivers');
    expect(mine.body).toContain('Jan de Vries');
    const janId = (await t.store.db.selectFrom('app_user').select('id').where('email', '=', 'jan.broer@example.org').executeTakeFirstOrThrow()).id;
    const stop = await b.post(`/me/caregivers/${janId}/remove`, Object.fromEntries(hiddenFields(mine.body, `/me/caregivers/${janId}/remove`)));
    expect(stop.headers.location).toBe('/me/caregivers?notice=stopped');
    expect((await jan.get(`/patients/${anna}`)).statusCode).toBe(403);
    expect((await jan.get('/care')).body).not.toContain(`href="/patients/${anna}"`);
  });

  it('sends an existing account to sign in, tells another account to sign out, and lets the right one take it', async () => {
    const b = await patient();
    const eva = account('caregiver').email;
    expect((await invite(b, { email: eva, relation: 'family' })).statusCode).toBe(303);
    const token = await mailedToken(eva);
    const visitor = await new Browser(t).get(`/caregiver-invitation?token=${token}`);
    expect(seen(visitor.body, c.hasAccount(eva))).toBe(true);
    expect(visitor.body).toContain(`/sign-in?return=${encodeURIComponent(`/caregiver-invitation?token=${token}`)}`);
    const wrong = await b.get(`/caregiver-invitation?token=${token}`);
    expect(wrong.statusCode).toBe(409);
    expect(seen(wrong.body, c.refused['invitation-other-account'])).toBe(true);
    expect(wrong.body).toContain('action="/sign-out"');
    const carer = new Browser(t);
    await carer.signIn(eva);
    const mine = await carer.get(`/caregiver-invitation?token=${token}`);
    expect(mine.statusCode).toBe(200);
    const taken = await carer.post('/caregiver-invitation/accept', Object.fromEntries(hiddenFields(mine.body, '/caregiver-invitation/accept')));
    expect(taken.headers.location).toBe('/care?notice=linked');
    expect((await carer.get(`/patients/${anna}`)).statusCode).toBe(200);
    // The caregiver reads who looked at Anna's record, and is told whose record it is.
    const log = await carer.get(`/care/${anna}/access-log`);
    expect(log.statusCode).toBe(200);
    expect(seen(log.body, nl.accessLog.mine.lookingAt('Anna de Vries'))).toBe(true);
  });

  it('withdraws an invitation still waiting: its link then says so', async () => {
    const b = await patient();
    await invite(b, { email: 'twijfel@example.org', relation: 'parent' });
    // Anna is an adult: a parent is invited as family.
    const refused = await invite(b, { email: 'twijfel@example.org', relation: 'parent' });
    expect(seen(refused.body, c.problems['relation-parent-of-adult'])).toBe(true);
    expect((await invite(b, { email: 'twijfel@example.org', relation: 'family' })).statusCode).toBe(303);
    expect(seen((await invite(b, { email: 'twijfel@example.org', relation: 'family' })).body, c.problems['already-invited'])).toBe(true);
    const token = await mailedToken('twijfel@example.org');
    const list = await b.get('/me/caregivers');
    const id = (await t.store.db.selectFrom('caregiver_invitation').select('id').where('email', '=', 'twijfel@example.org').executeTakeFirstOrThrow()).id;
    const gone = await b.post(`/me/caregivers/${id}/remove`, Object.fromEntries(hiddenFields(list.body, `/me/caregivers/${id}/remove`)));
    expect(gone.headers.location).toBe('/me/caregivers?notice=cancelled');
    const open = await new Browser(t).get(`/caregiver-invitation?token=${token}`);
    expect(seen(open.body, c.refused['invitation-cancelled'])).toBe(true);
    expect(seen((await new Browser(t).get('/caregiver-invitation?token=kapot')).body, c.refused['invitation-unknown'])).toBe(true);
  });

  it("lists who else looked at the patient's record, never her own reads, and audits that read", async () => {
    const b = await patient();
    const log = await b.get('/me/access-log');
    expect(log.statusCode).toBe(200);
    expect(log.body).toContain('Jan de Vries');
    expect(log.body).not.toMatch(/data-label="Wie">Anna de Vries</);
    const last = await t.store.db.selectFrom('audit_event').select(['action', 'resource']).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(last).toEqual({ action: 'patient.read-access-log', resource: 'patient/access-log/others' });
    // Staff and caregivers have no log of their own here; the page is not theirs.
    const nurse = new Browser(t);
    await nurse.signIn(account('nurse').email);
    expect((await nurse.get('/me/access-log')).statusCode).toBe(403);
    expect((await nurse.get('/me/caregivers')).statusCode).toBe(403);
  });
});
