// The clinic's patient pages: a new record, a correction and its history, merging, the activation
// letter, and a record that does not exist.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../api/testing/test-app.js';
import { nl } from '../i18n/nl.js';
import { Browser, account, csrfOf, demoApp, hiddenFields } from '../../api/testing/page-browser.js';

describe('patient pages', () => {
  let t: TestApp;
  let anna = '';

  beforeAll(async () => {
    ({ t, anna } = await demoApp());
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers 404 for a record that does not exist', async () => {
    const b = new Browser(t);
    await b.signIn(account('nurse').email);
    expect((await b.get('/patients/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await b.get('/patients/not-an-id')).statusCode).toBe(404);
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
    expect(history.body).toMatch(/<td[^>]*>Prins<\/td>/);
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
      differentPerson: 'yes',
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

  it('warns about a likely duplicate before saving, offers the existing record, and saves only after the nurse confirms', async () => {
    const b = new Browser(t);
    await b.signIn(account('nurse').email);
    const count = async () => Number((await t.store.db.selectFrom('patient').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    const form = await b.get('/patients/new');
    const typed = { familyName: 'de Vriess', givenName: 'Anna', birthDate: '12-04-1948', sex: 'female', bsn: '', phone: '', email: '', gpPractice: '' };
    const warned = await b.post('/patients/new', { _csrf: csrfOf(form.body), ...typed });
    expect(warned.statusCode).toBe(409);
    expect(warned.body).toContain(nl.patients.duplicates.title);
    expect(warned.body).toContain(`<a href="/patients/${anna}">${nl.patients.duplicates.open('Anna de Vries')}</a>`);
    expect(warned.body).toContain('name="differentPerson"');
    expect(warned.body).toContain('value="de Vriess"');
    expect(await count()).toBe(before);
    // Sent again without the tick: still not saved, and now the box is the error.
    const again = await b.post('/patients/new', { _csrf: csrfOf(warned.body), ...typed, duplicatesShown: 'yes' });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('href="#differentPerson"');
    expect(again.body).toContain(nl.patients.duplicates.confirmFirst);
    expect(await count()).toBe(before);
    const saved = await b.post('/patients/new', { _csrf: csrfOf(again.body), ...typed, duplicatesShown: 'yes', differentPerson: 'yes' });
    expect(saved.statusCode).toBe(303);
    expect(await count()).toBe(before + 1);
    const record = await b.get(saved.headers.location as string);
    // Typed in one field, kept apart: the prefix has its own field, the heading reads as a sentence.
    expect(record.body).toContain('<h1>Anna de Vriess</h1>');
    expect(record.body).toMatch(/id="familyNamePrefix" name="familyNamePrefix" type="text" value="de"/);
    expect(record.body).toMatch(/id="familyName" name="familyName" type="text" value="Vriess"/);
    // Someone else altogether is saved at once.
    const other = await b.post('/patients/new', { _csrf: csrfOf(record.body), ...typed, givenName: 'Kees', sex: 'male' });
    expect(other.statusCode).toBe(303);
  });

  it('lists names under the main word, and finds them typed in any order', async () => {
    const b = new Browser(t);
    b.jar.set('botpad_lang', 'en');
    await b.signIn(account('nurse').email);
    const all = await b.get('/patients');
    const listed = [...all.body.matchAll(/<th scope="row"[^>]*><a href="\/patients\/[0-9a-f-]{36}">([^<]*)<\/a>/g)].map((m) => (m[1] ?? '').replace(/&#39;/g, "'"));
    expect(listed).toContain('Vries, Anna de');
    expect(listed).toContain("Veld, Joost in 't");
    // Filed under V and B, not under d and v.
    const sortKey = (s: string) => s.toLowerCase();
    expect(listed).toEqual([...listed].sort((x, y) => (sortKey(x) < sortKey(y) ? -1 : sortKey(x) > sortKey(y) ? 1 : 0)));
    for (const q of ['Vries, Anna', 'Anna de Vries', 'de vries']) {
      const found = await b.get(`/patients?q=${encodeURIComponent(q)}`);
      expect(found.body, q).toContain(`href="/patients/${anna}"`);
    }
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

  it('writes one audit entry for opening a record, its access log or its history, and one per step of a correction', async () => {
    const b = new Browser(t);
    await b.signIn(account('nurse').email);
    const nurse = (await t.store.db.selectFrom('app_user').select('id').where('email', '=', account('nurse').email).executeTakeFirstOrThrow()).id;
    const entriesSince = async (from: number) =>
      t.store.db.selectFrom('audit_event').select(['action', 'resource', 'allowed']).where('user_id', '=', nurse).where('id', '>', String(from)).orderBy('id').execute();
    const last = async () => Number((await t.store.db.selectFrom('audit_event').select((eb) => eb.fn.max('id').as('n')).executeTakeFirstOrThrow()).n ?? 0);
    const form = await b.get('/patients/new');
    const made = await b.post('/patients/new', { _csrf: csrfOf(form.body), familyName: 'Eenmaal', givenName: 'Otto', birthDate: '07-07-1937', sex: 'male' });
    const id = (made.headers.location as string).split('/')[2]?.split('?')[0] ?? '';

    const beforeOpen = await last();
    const record = await b.get(`/patients/${id}`);
    expect(record.statusCode).toBe(200);
    expect(await entriesSince(beforeOpen)).toEqual([{ action: 'patient.read', resource: 'patient/record', allowed: true }]);

    const beforeCorrection = await last();
    const fixed = await b.post(`/patients/${id}/correction`, {
      ...Object.fromEntries(hiddenFields(record.body, `/patients/${id}/correction`)),
      familyName: 'Eenmaal', givenName: 'Otto', birthDate: '07-07-1937', sex: 'male', phone: '010 123 4567', email: '', gpPractice: '', reason: 'correction',
    });
    expect(fixed.statusCode).toBe(303);
    expect((await b.get(fixed.headers.location as string)).body).toContain('010 123 4567');
    // The values the correction is compared with, the correction, the record opened again.
    expect((await entriesSince(beforeCorrection)).map((e) => e.action)).toEqual(['patient.read', 'patient.write', 'patient.read']);

    // The patient's own "who looked at my record" still says who opened it; each page is one entry.
    const beforeLog = await last();
    const log = await b.get(`/patients/${id}/access-log`);
    expect(log.body).toMatch(new RegExp(nl.accessLog.actions['patient.read'], 'i'));
    expect(await entriesSince(beforeLog)).toEqual([{ action: 'patient.read-access-log', resource: 'patient/access-log', allowed: true }]);
    const beforeHistory = await last();
    const history = await b.get(`/patients/${id}/history`);
    // Stored as +31101234567, shown the Dutch way.
    expect(history.body).toContain('010 123 4567');
    expect(await entriesSince(beforeHistory)).toEqual([{ action: 'patient.read', resource: 'patient/history', allowed: true }]);
  });

  it('corrects with the number stored once, clears an optional field emptied with spaces, and names what is wrong', async () => {
    const b = new Browser(t);
    await b.signIn(account('nurse').email);
    const form = await b.get('/patients/new');
    const made = await b.post('/patients/new', {
      _csrf: csrfOf(form.body), familyName: 'Tweemaal', givenName: 'Tine', birthDate: '08-08-1938', sex: 'female', phone: '06-12345678', email: 'tine@voorbeeld.nl',
    });
    const id = (made.headers.location as string).split('/')[2]?.split('?')[0] ?? '';
    const stored = () => t.store.db.selectFrom('patient').select(['phone', 'email']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(await stored()).toEqual({ phone: '+31612345678', email: 'tine@voorbeeld.nl' });
    const correct = async (fields: Record<string, string>) => {
      const record = await b.get(`/patients/${id}`);
      return b.post(`/patients/${id}/correction`, {
        ...Object.fromEntries(hiddenFields(record.body, `/patients/${id}/correction`)),
        familyName: 'Tweemaal', givenName: 'Tine', birthDate: '08-08-1938', sex: 'female', phone: '06 12345678', email: 'tine@voorbeeld.nl', gpPractice: '', reason: 'correction',
        ...fields,
      });
    };
    // The same number written another way is no change.
    const same = await correct({ phone: '+31 6 1234 5678' });
    expect(same.statusCode).toBe(400);
    expect(same.body).toContain(nl.record.nothingChanged);
    // Only spaces: the address is cleared, not refused as a bad address.
    expect((await correct({ email: '   ' })).statusCode).toBe(303);
    expect(await stored()).toEqual({ phone: '+31612345678', email: null });
    const bad = await correct({ birthDate: '31-04-1938', phone: '06-1234' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain(nl.form.dateNotExist(nl.patients.fields.birthDate, 4, 1938, 30));
    expect(bad.body).toContain(nl.form.phone(nl.patients.fields.phone));
    expect(bad.body).toContain('href="#birthDate"');
    expect(bad.body).toContain('href="#phone"');
  });

});
