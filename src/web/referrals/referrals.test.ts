// The referral pages, driven like a browser without script on the demo organisation: the nurse
// refers from the record (what goes along shown), the practice sees only the waiting referral
// (name, birth date, reason, VFA in words, agreements) and not the record, accepts and lands on
// the therapy hub; a decline keeps the record shut; the hospital ends an accepted referral; a GP's
// letter recorded on the practice's page opens a record of its own; each page is for its roles.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../api/testing/test-app.js';
import { nl } from '../i18n/nl.js';
import { Browser, account, csrfOf, demoApp } from '../../api/testing/page-browser.js';
import { todayNl } from '../../schema/clock.js';
import { typedFromIso } from '../forms.js';
import { insertEntry } from '../../store/record.repo.js';

const r = nl.referralPages;

describe('the referral pages', () => {
  let t: TestApp;
  let practiceId = '';

  const as = async (role: Parameters<typeof account>[0]) => {
    const b = new Browser(t);
    await b.signIn(account(role).email);
    return b;
  };
  /** A new patient through the fracture intake, with a VFA in the record. */
  const newPatient = async (familyName: string, birthDate = '14-02-1950') => {
    const b = await as('nurse');
    const form = await b.get('/intake');
    const res = await b.post('/intake', {
      _csrf: csrfOf(form.body), familyName, givenName: 'Ria', birthDate, sex: 'female', bsn: '',
      fractureDate: typedFromIso(todayNl()), site: 'wrist', side: 'right', energy: 'low', department: '',
    });
    expect(res.statusCode, res.body).toBe(303);
    const id = (res.headers.location as string).split('/')[2]?.split('?')[0] ?? '';
    await insertEntry(t.store.db, { patientId: id, kind: 'vfa', date: todayNl(), data: { vertebrae: [{ level: 'T8', grade: 2 }] }, source: 'clinician', by: null, organisationId: null });
    return id;
  };
  const referAs = async (b: Browser, id: string, reason: string) => {
    const page = await b.get(`/patients/${id}/referrals`);
    return b.post(`/patients/${id}/referrals`, { _csrf: csrfOf(page.body), organisationId: practiceId, reason });
  };

  beforeAll(async () => {
    ({ t } = await demoApp());
    const physio = await t.store.db.selectFrom('app_user').select('organisation_id').where('email', '=', account('physiotherapist').email).executeTakeFirstOrThrow();
    practiceId = physio.organisation_id ?? '';
  });
  afterAll(async () => {
    await t.close();
  });

  it('the nurse refers from the record: what goes along is shown, a bad form is refused at its fields, a good one is sent', async () => {
    const id = await newPatient('Verwijsma');
    const nurse = await as('nurse');
    const record = await nurse.get(`/patients/${id}`);
    expect(record.body).toContain(`href="/patients/${id}/referrals"`);
    const page = await nurse.get(`/patients/${id}/referrals`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`<h1>${r.patient.title}</h1>`);
    expect(page.body).toContain(r.patient.none);
    expect(page.body).toContain(r.patient.sendsTitle);
    expect(page.body).toContain(r.vertebra('T8', r.grades['2']));
    expect(page.body).toContain(`value="${practiceId}"`);
    const bad = await nurse.post(`/patients/${id}/referrals`, { _csrf: csrfOf(page.body), organisationId: '', reason: '  ' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain(nl.form.required(r.patient.practice));
    expect(bad.body).toContain(nl.form.required(r.patient.reason));
    expect(await t.store.db.selectFrom('referral').select('id').where('patient_id', '=', id).execute()).toEqual([]);
    const ok = await nurse.post(`/patients/${id}/referrals`, { _csrf: csrfOf(bad.body), organisationId: practiceId, reason: 'Oefenen voor kracht en houding.' });
    expect(ok.statusCode, ok.body).toBe(303);
    const after = await nurse.get(ok.headers.location as string);
    expect(after.body).toContain(r.patient.referred);
    expect(after.body).toContain(r.status.pending);
    // Twice is refused at the practice, in words.
    const twice = await nurse.post(`/patients/${id}/referrals`, { _csrf: csrfOf(after.body), organisationId: practiceId, reason: 'Nog eens.' });
    expect(twice.statusCode).toBe(409);
    expect(twice.body).toContain(r.patient.practiceTaken);
  });

  it('the practice sees the waiting referral and not the record; it accepts and lands on the hub with the five parts', async () => {
    const id = await newPatient('Wachtma', '03-03-1951');
    expect((await referAs(await as('nurse'), id, 'Na wervelbreuk T8 graag oefentherapie.')).statusCode).toBe(303);
    const physio = await as('physiotherapist');
    const list = await physio.get('/referrals');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Ria Wachtma');
    expect(list.body).toContain('03-03-1951');
    expect(list.body).toContain('Na wervelbreuk T8 graag oefentherapie.');
    expect(list.body).toContain(r.vertebra('T8', r.grades['2']));
    expect(list.body).toMatch(/Er wachten? \d+ verwijzing/);
    expect(list.body).not.toContain(`href="/patients/${id}`);
    expect((await physio.get(`/patients/${id}`)).statusCode).toBe(403);
    expect((await physio.get(`/patients/${id}/therapy`)).statusCode).toBe(403);
    expect((await physio.get(`/patients/${id}/referrals`)).statusCode).toBe(403);
    const referral = await t.store.db.selectFrom('referral').select('id').where('patient_id', '=', id).executeTakeFirstOrThrow();
    const accepted = await physio.post(`/referrals/${referral.id}/accept`, { _csrf: csrfOf(list.body) });
    expect(accepted.statusCode, accepted.body).toBe(303);
    expect(accepted.headers.location).toBe(`/patients/${id}/therapy?notice=accepted`);
    const hub = await physio.get(accepted.headers.location as string);
    expect(hub.statusCode).toBe(200);
    expect(hub.body).toContain(`<h1>${r.hub.title}</h1>`);
    expect(hub.body).toContain(r.hub.accepted);
    for (const part of ['intake', 'education', 'plan', 'home-check', 'coaching']) expect(hub.body).toContain(`href="/patients/${id}/therapy/${part}"`);
    expect(hub.body).toContain('Na wervelbreuk T8 graag oefentherapie.');
    expect(hub.body).toContain('href="/referrals"');
    expect((await physio.get(`/patients/${id}`)).statusCode).toBe(200);
    const again = await physio.get('/referrals');
    expect(again.body).toContain(`href="/patients/${id}/therapy"`);
    // Accepting again: no longer waiting, said in words.
    const twice = await physio.post(`/referrals/${referral.id}/accept`, { _csrf: csrfOf(again.body) });
    expect(twice.headers.location).toBe('/referrals?notice=not-waiting');
    // The hospital reads the hub too.
    expect((await (await as('nurse')).get(`/patients/${id}/therapy`)).statusCode).toBe(200);
  });

  it('a decline needs a reason and keeps the record shut; the hospital sees why', async () => {
    const id = await newPatient('Afwijs', '04-04-1952');
    expect((await referAs(await as('nurse'), id, 'Oefentherapie.')).statusCode).toBe(303);
    const referral = await t.store.db.selectFrom('referral').select('id').where('patient_id', '=', id).executeTakeFirstOrThrow();
    const physio = await as('physiotherapist');
    const page = await physio.get(`/referrals/${referral.id}/decline`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(r.decline.intro('Ria Afwijs'));
    const bad = await physio.post(`/referrals/${referral.id}/decline`, { _csrf: csrfOf(page.body), reason: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain(nl.form.required(r.decline.reason));
    const ok = await physio.post(`/referrals/${referral.id}/decline`, { _csrf: csrfOf(bad.body), reason: 'Geen plek deze maand.' });
    expect(ok.headers.location).toBe('/referrals?notice=declined');
    expect((await physio.get(`/patients/${id}`)).statusCode).toBe(403);
    const hospital = await (await as('nurse')).get(`/patients/${id}/referrals`);
    expect(hospital.body).toContain(r.status.declined);
    expect(hospital.body).toContain('Geen plek deze maand.');
  });

  it('the hospital ends an accepted referral with a reason, and the record shuts to the practice', async () => {
    const id = await newPatient('Einde', '05-05-1953');
    const nurse = await as('nurse');
    expect((await referAs(nurse, id, 'Oefentherapie.')).statusCode).toBe(303);
    const referral = await t.store.db.selectFrom('referral').select('id').where('patient_id', '=', id).executeTakeFirstOrThrow();
    const physio = await as('physiotherapist');
    expect((await physio.post(`/referrals/${referral.id}/accept`, { _csrf: csrfOf((await physio.get('/referrals')).body) })).statusCode).toBe(303);
    const list = await nurse.get(`/patients/${id}/referrals`);
    expect(list.body).toContain(`href="/patients/${id}/referrals/${referral.id}/end"`);
    const page = await nurse.get(`/patients/${id}/referrals/${referral.id}/end`);
    expect(page.statusCode).toBe(200);
    const bad = await nurse.post(`/patients/${id}/referrals/${referral.id}/end`, { _csrf: csrfOf(page.body), reason: '' });
    expect(bad.statusCode).toBe(400);
    const ok = await nurse.post(`/patients/${id}/referrals/${referral.id}/end`, { _csrf: csrfOf(bad.body), reason: 'Doelen gehaald.' });
    expect(ok.headers.location).toBe(`/patients/${id}/referrals?notice=ended`);
    expect((await physio.get(`/patients/${id}`)).statusCode).toBe(403);
    const ended = await nurse.get(`/patients/${id}/referrals/${referral.id}/end`);
    expect(ended.body).toContain(r.end.notOpen);
  });

  it('the practice records a GP\'s letter: bad fields said in words, a good one opens a record of the practice', async () => {
    const physio = await as('physiotherapist');
    const page = await physio.get('/referrals');
    const bad = await physio.post('/referrals/gp-letter', {
      _csrf: csrfOf(page.body), familyName: '', givenName: 'Gerda', birthDate: '31-02-1950', sex: '', gpName: '', gpPractice: '', letterDate: '01-01-2999', reason: '',
    });
    expect(bad.statusCode).toBe(400);
    for (const m of [nl.form.required(r.letter.familyName), nl.form.required(r.letter.gpName), nl.form.required(r.letter.reason), r.letter.letterInFuture]) expect(bad.body).toContain(m);
    const good = { familyName: 'Briefman', givenName: 'Gerda', birthDate: '09-07-1948', sex: 'female', gpName: 'Dokter Bakker', gpPractice: '', letterDate: typedFromIso(todayNl()), reason: 'Rugpijn na een wervelbreuk.' };
    const ok = await physio.post('/referrals/gp-letter', { _csrf: csrfOf(bad.body), ...good });
    expect(ok.statusCode, ok.body).toBe(303);
    const hub = await physio.get(ok.headers.location as string);
    expect(hub.statusCode).toBe(200);
    expect(hub.body).toContain(r.hub.recorded);
    expect(hub.body).toContain(r.gpLetter('Dokter Bakker', null, typedFromIso(todayNl())));
    expect(hub.body).toContain('Gerda Briefman');
    // The same letter again: the practice already treats her, said at the name.
    const twice = await physio.post('/referrals/gp-letter', { _csrf: csrfOf(hub.body), ...good });
    expect(twice.statusCode).toBe(409);
    expect(twice.body).toContain(r.letter.treats);
  });

  it('each page is for its roles only', async () => {
    const id = await newPatient('Rollen', '06-06-1954');
    for (const role of ['nurse', 'physician', 'patient', 'caregiver', 'admin', 'care-worker'] as const) {
      expect((await (await as(role)).get('/referrals')).statusCode, role).toBe(403);
    }
    for (const role of ['patient', 'caregiver', 'admin', 'care-worker'] as const) {
      const b = await as(role);
      expect((await b.get(`/patients/${id}/referrals`)).statusCode, role).toBe(403);
      expect((await b.get(`/patients/${id}/therapy`)).statusCode, role).toBe(403);
    }
    // The physiotherapist may not refer.
    const physio = await as('physiotherapist');
    const page = await physio.get('/referrals');
    expect((await physio.post(`/patients/${id}/referrals`, { _csrf: csrfOf(page.body), organisationId: practiceId, reason: 'x' })).statusCode).toBe(403);
  });
});
