// Caregivers' links from the clinic's, the patient's and the caregiver's side: a link the access
// rules would refuse is not issued (the nurse reads what is missing), consent is recorded and
// withdrawn, and a caregiver without a working link is told why on their start page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../api/testing/test-app.js';
import { nl } from '../i18n/nl.js';
import { en } from '../i18n/en.js';
import { Browser, account, csrfOf, demoApp, hiddenFields } from '../../api/testing/page-browser.js';

/** HTML-escaped as the page writes it. */
const html = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;');
const seen = (body: string, s: string) => body.includes(html(s)) || body.includes(s);

describe('caregiver links', () => {
  let t: TestApp;
  let anna = '';
  let lotte = '';

  beforeAll(async () => {
    ({ t, anna, lotte } = await demoApp());
  });
  afterAll(async () => {
    await t.close();
  });

  const caregiversNamed = async (name: string) => (await t.store.db.selectFrom('app_user').select('id').where('display_name', '=', name).execute()).length;

  async function accountPost(b: Browser, patientId: string, fields: Record<string, string>) {
    const form = await b.get(`/patients/${patientId}/account`);
    return b.post(`/patients/${patientId}/account`, { ...Object.fromEntries(hiddenFields(form.body, `/patients/${patientId}/account`)), ...fields });
  }

  /** Lets a newly issued caregiver sign in with the demo password (the letter's code is tested elsewhere). */
  async function activate(name: string) {
    const hash = (await t.store.db.selectFrom('app_user').select('password_hash').where('email', '=', account('nurse').email).executeTakeFirstOrThrow()).password_hash;
    const email = `${name.toLowerCase().replace(/\W+/g, '.')}@example.org`;
    await t.store.db.updateTable('app_user').set({ password_hash: hash, status: 'active', email }).where('display_name', '=', name).execute();
    return email;
  }

  it('does not issue a link the access rules would refuse: the nurse reads beside the field what is missing', async () => {
    const nurse = new Browser(t);
    await nurse.signIn(account('nurse').email);
    const cases: [Record<string, string>, string, string][] = [
      [{ relation: 'family' }, 'patientConsent', nl.record.accountRefused.patientConsent],
      [{ relation: 'legal-representative', patientConsent: 'yes' }, 'representationProof', nl.record.accountRefused.representationProof],
      [{ relation: 'parent', patientConsent: 'yes' }, 'relation', nl.record.accountRefused.relation],
    ];
    for (const [fields, field, words] of cases) {
      const res = await accountPost(nurse, anna, { kind: 'caregiver', displayName: 'Kees Zonder', ...fields });
      expect(res.statusCode, field).toBe(400);
      expect(res.body).toContain(`href="#${field}"`);
      expect(seen(res.body, words), words).toBe(true);
    }
    expect(await caregiversNamed('Kees Zonder')).toBe(0);
    // With the proof recorded, the same legal representative is issued.
    const ok = await accountPost(nurse, anna, { kind: 'caregiver', displayName: 'Kees Zonder', relation: 'legal-representative', representationProof: 'Kantonrechter Utrecht, 3-2-2025' });
    expect(ok.statusCode).toBe(201);
  });

  it('gives a child under 12 no account of their own, and says why', async () => {
    const nurse = new Browser(t);
    await nurse.signIn(account('nurse').email);
    const form = await nurse.get('/patients/new');
    const born = `${String(new Date().getUTCFullYear() - 8)}-03-03`;
    const made = await nurse.post('/patients/new', { _csrf: csrfOf(form.body), familyName: 'Klein', givenName: 'Mila', birthDate: born, sex: 'female', bsn: '', phone: '', email: '', gpPractice: '' });
    const child = (made.headers.location as string).split('/')[2]?.split('?')[0] ?? '';
    const res = await accountPost(nurse, child, { kind: 'patient' });
    expect(res.statusCode).toBe(400);
    expect(seen(res.body, nl.record.accountRefused.kind)).toBe(true);
    expect((await t.store.db.selectFrom('app_user').select('id').where('patient_id', '=', child).execute()).length).toBe(0);
  });

  it("says in words who agreed to what: a young child's parent is not shown a bare No", async () => {
    const worker = new Browser(t);
    await worker.signIn(account('care-worker').email);
    const record = await worker.get(`/patients/${lotte}`);
    expect(record.statusCode).toBe(200);
    expect(seen(record.body, nl.record.linkStatus['parent-of-young-child'])).toBe(true);
    expect(record.body).not.toMatch(new RegExp(`data-label="${nl.record.consent}">${nl.form.no}<`));
  });

  it('records consent, the caregiver looks along; the patient withdraws it on her page and the access ends at once', async () => {
    const nurse = new Browser(t);
    await nurse.signIn(account('nurse').email);
    expect((await accountPost(nurse, anna, { kind: 'caregiver', displayName: 'Joop de Vries', relation: 'family', patientConsent: 'yes' })).statusCode).toBe(201);
    const record = await nurse.get(`/patients/${anna}`);
    expect(record.body).toMatch(/Anna de Vries gaf zelf toestemming op/);

    const email = await activate('Joop de Vries');
    const joop = new Browser(t);
    await joop.signIn(email);
    expect((await joop.get(`/patients/${anna}`)).statusCode).toBe(200);

    const patient = new Browser(t);
    await patient.signIn(account('patient').email);
    const me = await patient.get('/me');
    expect(seen(me.body, nl.me.caregiversTitle)).toBe(true);
    const joopId = (await t.store.db.selectFrom('app_user').select('id').where('display_name', '=', 'Joop de Vries').executeTakeFirstOrThrow()).id;
    const stop = await patient.post(`/me/caregivers/${joopId}/withdraw`, Object.fromEntries(hiddenFields(me.body, `/me/caregivers/${joopId}/withdraw`)));
    expect(stop.statusCode).toBe(303);
    expect(seen((await patient.get(stop.headers.location as string)).body, nl.me.stopped)).toBe(true);

    expect((await joop.get(`/patients/${anna}`)).statusCode).toBe(403);
    const care = await joop.get('/care');
    expect(seen(care.body, nl.care.idle['consent-withdrawn'].why)).toBe(true);
    expect(care.body).not.toContain(`/patients/${anna}`);
    await joop.get('/preferences?lang=en');
    const careEn = await joop.get('/care');
    expect(careEn.body).toContain('lang="en"');
    expect(seen(careEn.body, en.care.idle['consent-withdrawn'].why)).toBe(true);
    expect(seen(careEn.body, en.care.idle['consent-withdrawn'].what)).toBe(true);

    const audit = await t.store.db.selectFrom('audit_event').select(['allowed', 'role']).where('action', '=', 'patient.withdraw-consent').where('patient_id', '=', anna).execute();
    expect(audit).toEqual([{ allowed: true, role: 'patient' }]);
    const after = await nurse.get(`/patients/${anna}`);
    expect(after.body).toMatch(/Ingetrokken door de patiënt op/);
  });

  it('the clinic withdraws on the patient\'s behalf only with a reason, and records consent again', async () => {
    const nurse = new Browser(t);
    await nurse.signIn(account('nurse').email);
    expect((await accountPost(nurse, anna, { kind: 'caregiver', displayName: 'Ria Bos', relation: 'family', consentGivenBy: 'Henk Bos (curator)' })).statusCode).toBe(201);
    const ria = (await t.store.db.selectFrom('app_user').select('id').where('display_name', '=', 'Ria Bos').executeTakeFirstOrThrow()).id;
    const page = await nurse.get(`/patients/${anna}/caregivers/${ria}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/Henk Bos \(curator\) gaf op .* toestemming namens de patiënt/);
    const base = `/patients/${anna}/caregivers/${ria}`;
    const noReason = await nurse.post(`${base}/withdraw`, { _csrf: csrfOf(page.body), reason: '' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('href="#reason"');
    const withdrawn = await nurse.post(`${base}/withdraw`, { _csrf: csrfOf(page.body), reason: 'De patiënt belde' });
    expect(withdrawn.statusCode).toBe(303);
    const shown = await nurse.get(withdrawn.headers.location as string);
    expect(shown.body).toContain('Reden: De patiënt belde');
    const again = await nurse.post(`${base}/consent`, { _csrf: csrfOf(shown.body), givenBy: '' });
    expect(again.statusCode).toBe(303);
    expect((await nurse.get(again.headers.location as string)).body).toMatch(/Anna de Vries gaf zelf toestemming op/);
  });
});
