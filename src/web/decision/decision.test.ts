// The shared decision page, driven like a browser without script: the picture with FRAX as 100
// people (and its text), the options that apply, a decision with agreements saved through the
// form, a drug that does not belong to the option refused at its field, and the physiotherapist
// reading the agreements without the form.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../api/testing/test-app.js';
import { nl } from '../i18n/nl.js';
import { Browser, account, csrfOf, demoApp } from '../../api/testing/page-browser.js';
import { todayNl } from '../../schema/clock.js';
import { typedFromIso } from '../forms.js';
import { insertEntry } from '../../store/record.repo.js';

const d = nl.decision;

describe('the shared decision page', () => {
  let t: TestApp;
  let id = '';

  beforeAll(async () => {
    ({ t } = await demoApp());
    const b = new Browser(t);
    await b.signIn(account('nurse').email);
    const form = await b.get('/intake');
    const res = await b.post('/intake', {
      _csrf: csrfOf(form.body), familyName: 'Keuzema', givenName: 'Ria', birthDate: '14-02-1950', sex: 'female', bsn: '',
      fractureDate: typedFromIso(todayNl()), site: 'wrist', side: 'right', energy: 'low', department: '',
    });
    expect(res.statusCode).toBe(303);
    id = (res.headers.location as string).split('/')[2]?.split('?')[0] ?? '';
    await insertEntry(t.store.db, { patientId: id, kind: 'dxa', date: todayNl(), data: { sites: [{ site: 'femoral-neck', tScore: -3.0 }] }, source: 'clinician', by: null, organisationId: null });
    await insertEntry(t.store.db, { patientId: id, kind: 'frax', date: todayNl(), data: { majorPercent: 21.6, hipPercent: 6.2, withBmd: true }, source: 'clinician', by: null, organisationId: null });
  });
  afterAll(async () => {
    await t.close();
  });

  it('shows the picture with the FRAX risks as 100 people, their text beside them, and the options that apply', async () => {
    const b = new Browser(t);
    await b.signIn(account('physician').email);
    const page = await b.get(`/patients/${id}/decision`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`<h1>${d.title}</h1>`);
    expect(page.body).toContain(d.people(22));
    expect(page.body).toContain(d.people(6));
    expect(page.body).toContain('aria-labelledby="frax-major-text"');
    expect(page.body.match(/class="person hit"/g)).toHaveLength(22 + 6);
    for (const o of ['lifestyle-only', 'weekly-tablet', 'yearly-infusion', 'injection-6-months'] as const) expect(page.body).toContain(d.options[o]);
    expect(page.body).not.toContain(`>${d.options['daily-injection'] ?? ''}<`);
    expect(page.body).not.toContain('<script');
  });

  it('saves a decision with agreements through the form, and refuses a drug that does not belong to the option at its field', async () => {
    const b = new Browser(t);
    await b.signIn(account('nurse').email);
    const form = await b.get(`/patients/${id}/decision`);
    const base = { _csrf: csrfOf(form.body), date: typedFromIso(todayNl()), whatMatters: 'Blijven zwemmen', 'agreement-exercise': 'Twee keer per week zwemmen' };
    const wrong = await b.post(`/patients/${id}/decision`, { ...base, option: 'weekly-tablet', drug: 'denosumab' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain(d.refusedDrug);
    expect(await t.store.db.selectFrom('shared_decision').selectAll().where('patient_id', '=', id).execute()).toEqual([]);
    const ok = await b.post(`/patients/${id}/decision`, { ...base, _csrf: csrfOf(wrong.body), option: 'weekly-tablet', drug: 'alendronic-acid' });
    expect(ok.statusCode, ok.body).toBe(303);
    const after = await b.get(ok.headers.location as string);
    expect(after.body).toContain(d.saved);
    expect(after.body).toContain('Twee keer per week zwemmen');
    expect(after.body).toContain('agreements.pdf?lang=nl');
    expect(after.body).toContain('agreements.pdf?lang=en');
  });

  it('shows the demo patient her own agreements under /me, her choice of no medicine among them', async () => {
    const b = new Browser(t);
    await b.signIn(account('patient').email);
    const me = await b.get('/me');
    expect(me.statusCode).toBe(200);
    expect(me.body).toContain(d.mine.title);
    expect(me.body).toContain(d.options['lifestyle-only']);
    expect(me.body).toContain('Twee keer per week oefenen bij de fysiotherapeut');
  });

  it('shows the physiotherapist the agreements, without the form or the print links', async () => {
    // The physiotherapy practice is asked along: a referral.
    const physio = await t.store.db.selectFrom('app_user').select('organisation_id').where('email', '=', account('physiotherapist').email).executeTakeFirstOrThrow();
    await t.store.db.insertInto('patient_organisation').values({ patient_id: id, organisation_id: physio.organisation_id ?? '', relation: 'referral' }).execute();
    const b = new Browser(t);
    await b.signIn(account('physiotherapist').email);
    const page = await b.get(`/patients/${id}/decision`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Twee keer per week zwemmen');
    expect(page.body).not.toContain(d.save);
    expect(page.body).not.toContain('agreements.pdf');
  });
});
