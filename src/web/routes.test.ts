// Every slice's pages, as each demo role meets them: the page, a refusal (403, audited) or, without
// a session, a redirect to sign in and back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../api/testing/test-app.js';
import { DEMO_PASSWORD } from '../demo/demo-data.js';
import { nl } from './i18n/nl.js';
import { Browser, START, account, demoApp, hiddenFields, type Role } from '../api/testing/page-browser.js';

describe('pages by role', () => {
  let t: TestApp;
  let anna = '';
  let lotte = '';

  beforeAll(async () => {
    ({ t, anna, lotte } = await demoApp());
  });
  afterAll(async () => {
    await t.close();
  });

  const ALL: Role[] = ['nurse', 'physician', 'physiotherapist', 'care-worker', 'admin', 'patient', 'caregiver'];
  const only = (...roles: Role[]) => Object.fromEntries(ALL.map((r) => [r, roles.includes(r) ? 200 : 403])) as Record<Role, number>;

  /** Page → expected status per role. Anna is an adult in the hospital's care, referred to the physio. */
  const PAGES: { path: () => string; expect: Record<Role, number> }[] = [
    { path: () => '/worklist', expect: only('nurse', 'physician') },
    { path: () => '/patients', expect: only('nurse', 'physician', 'physiotherapist', 'care-worker') },
    { path: () => '/patients/new', expect: only('nurse', 'physician') },
    { path: () => '/me', expect: only('patient') },
    { path: () => '/care', expect: only('caregiver') },
    { path: () => '/me/caregivers', expect: only('patient') },
    { path: () => '/me/caregivers/invite', expect: only('patient') },
    { path: () => '/me/access-log', expect: only('patient') },
    // Who looked at the record of the child the demo caregiver looks after, from her list.
    { path: () => `/care/${lotte}/access-log`, expect: only('caregiver') },
    { path: () => '/admin/users', expect: only('admin') },
    { path: () => '/admin/audit', expect: only('admin') },
    { path: () => '/admin/settings', expect: only('admin') },
    { path: () => '/quality', expect: only('nurse', 'physician', 'admin') },
    { path: () => `/patients/${anna}`, expect: only('nurse', 'physician', 'physiotherapist', 'patient') },
    { path: () => `/patients/${anna}/access-log`, expect: only('nurse', 'physician', 'physiotherapist', 'patient') },
    { path: () => `/patients/${anna}/history`, expect: only('nurse', 'physician', 'physiotherapist', 'patient') },
    { path: () => `/patients/${anna}/account`, expect: only('nurse', 'physician') },
    // Recording facts is the core's record.write: the physiotherapist reads Anna's record, but writes none of it.
    { path: () => `/patients/${anna}/facts`, expect: only('nurse', 'physician') },
    { path: () => `/patients/${anna}/facts/weight`, expect: only('nurse', 'physician') },
    { path: () => `/patients/${lotte}`, expect: only('care-worker', 'caregiver') },
    // The record's sections are clinicians' pages: a patient reads her record on /me.
    ...['fractures', 'results', 'assessment', 'medication', 'contacts', 'letters', 'history/record'].flatMap((section) => [
      { path: () => `/patients/${anna}/${section}`, expect: only('nurse', 'physician', 'physiotherapist') },
      { path: () => `/patients/${lotte}/${section}`, expect: only('care-worker') },
    ]),
    { path: () => '/intake', expect: only('nurse', 'physician') },
    { path: () => `/intake/${anna}`, expect: only('nurse', 'physician') },
    // The practice's start page; the record's referrals and the therapy hub (a day centre's child has none: not the care worker's).
    { path: () => '/referrals', expect: only('physiotherapist') },
    ...['referrals', 'therapy'].flatMap((page) => [
      { path: () => `/patients/${anna}/${page}`, expect: only('nurse', 'physician', 'physiotherapist') },
      { path: () => `/patients/${lotte}/${page}`, expect: only() },
    ]),
    // The practice's intake and education: its physiotherapist writes, the hospital reads.
    { path: () => `/patients/${anna}/therapy/intake`, expect: only('nurse', 'physician', 'physiotherapist') },
    { path: () => `/patients/${anna}/therapy/education`, expect: only('nurse', 'physician', 'physiotherapist') },
    // The measurements: the practice's physiotherapist records them, the hospital reads them.
    { path: () => `/patients/${anna}/therapy/measurements`, expect: only('nurse', 'physician', 'physiotherapist') },
    { path: () => `/patients/${lotte}/therapy/measurements`, expect: only() },
    // A day centre's groups: the care worker's start page; the groups are its own administrator's (the demo's first administrator is a hospital's).
    { path: () => '/group', expect: only('care-worker') },
    { path: () => '/admin/groups', expect: only() },
    // The progress of exercise therapy: the record's readers on the clinician side, the patient on her own page.
    { path: () => `/patients/${anna}/therapy/progress`, expect: only('nurse', 'physician', 'physiotherapist') },
    { path: () => `/progress/${anna}`, expect: only('patient') },
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

    it('shows the BSN only to those who may see it, on the record and in the banner of its sections', async () => {
      const res = await b().get(`/patients/${anna}`);
      const sees = role === 'nurse' || role === 'physician' || role === 'patient';
      // Those who may see the BSN get the record; for everyone else, whether the record is refused
      // or shown without it, the number is nowhere on the page.
      if (sees) expect(res.statusCode).toBe(200);
      expect(res.body.includes('111222333'), `BSN on the page for ${role} (status ${String(res.statusCode)})`).toBe(sees);
      const section = await b().get(`/patients/${anna}/fractures`);
      expect(section.body.includes('111222333'), `BSN in the banner for ${role} (status ${String(section.statusCode)})`).toBe(role === 'nurse' || role === 'physician');
    });

    it('sets the page density by the side of the role', async () => {
      const res = await b().get(START[role]);
      const clinician = role !== 'patient' && role !== 'caregiver';
      expect(res.body).toContain(clinician ? 'side-clinician' : 'side-patient');
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
});
