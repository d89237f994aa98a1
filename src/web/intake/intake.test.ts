// The fracture intake: one form finds or creates the patient and records the fracture; a bad field is
// said at the field and nothing is stored; the answer says at once whether the patient qualifies
// for case finding and why; a waived work-up carries its reason, who and when.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../api/testing/test-app.js';
import { nl } from '../i18n/nl.js';
import { Browser, account, csrfOf, demoApp } from '../../api/testing/page-browser.js';
import { todayNl } from '../../schema/clock.js';
import { typedFromIso } from '../forms.js';
import { addDays } from '../../core/time/date.js';

const i = nl.intake;

describe('fracture intake', () => {
  let t: TestApp;
  let anna = '';

  beforeAll(async () => {
    ({ t, anna } = await demoApp());
  });
  afterAll(async () => {
    await t.close();
  });

  const count = async (table: 'patient' | 'clinical_entry') =>
    Number((await t.store.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  async function nurse() {
    const b = new Browser(t);
    await b.signIn(account('nurse').email);
    return b;
  }

  const typed = (over: Record<string, string> = {}) => ({
    familyName: 'Bakker', givenName: 'Joke', birthDate: '03-09-1951', sex: 'female', bsn: '',
    fractureDate: typedFromIso(todayNl()), site: 'wrist', side: 'left', energy: 'low', department: 'Gipskamer', ...over,
  });

  it('opens with the cursor in the first field, today as the fracture date and the sites in words', async () => {
    const b = await nurse();
    const page = await b.get('/intake');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`<h1>${i.title}</h1>`);
    expect(page.body).toMatch(/<input id="familyName" name="familyName" type="text" value [^>]*autofocus/);
    expect(page.body).toMatch(new RegExp(`id="fractureDate"[^>]*value="${typedFromIso(todayNl())}"`));
    expect(page.body).toContain(`<option value="wrist">${nl.clinical.sites.wrist}</option>`);
    expect(page.body).toMatch(/<option value="unknown" selected>/);
    expect(page.body).toMatch(/<option value="low" selected>/);
    // BSN for a role that may work with it.
    expect(page.body).toContain('name="bsn"');
  });

  it.each([
    ['a date that does not exist', { fractureDate: '31-02-2026' }, 'fractureDate', nl.form.dateNotExist(i.fractureDate, 2, 2026, 28)],
    ['a date after today', { fractureDate: typedFromIso(addDays(todayNl(), 1)) }, 'fractureDate', i.future(i.fractureDate)],
    ['a date written another way', { fractureDate: 'gisteren' }, 'fractureDate', nl.form.date(i.fractureDate)],
    ['no site', { site: '' }, 'site', nl.form.choose(i.site)],
  ])('says what is wrong with %s at the field, and stores nothing', async (_what, over, field, message) => {
    const b = await nurse();
    const form = await b.get('/intake');
    const [patients, entries] = [await count('patient'), await count('clinical_entry')];
    const res = await b.post('/intake', { _csrf: csrfOf(form.body), ...typed({ familyName: 'Foutmans', ...over }) });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain(`<a href="#${field}">${message.replace(/'/g, '&#39;')}</a>`);
    expect(res.body).toMatch(new RegExp(`id="${field}" name="${field}"[^>]*aria-invalid="true"`));
    expect(res.body).toContain(`id="${field}-error"`);
    // What was typed stays, and the page opens on the error summary, not on the first field.
    expect(res.body).toContain('value="Foutmans"');
    expect(res.body).not.toMatch(/id="familyName"[^>]* autofocus/);
    expect(await count('patient')).toBe(patients);
    expect(await count('clinical_entry')).toBe(entries);
  });

  it('creates a new patient, records the wrist fracture and says at once that she qualifies, and why', async () => {
    const b = await nurse();
    const form = await b.get('/intake');
    const patients = await count('patient');
    const res = await b.post('/intake', { _csrf: csrfOf(form.body), ...typed() });
    expect(res.statusCode).toBe(303);
    const location = res.headers.location as string;
    expect(location).toMatch(/^\/intake\/[0-9a-f-]{36}\?saved=[0-9a-f-]{36}$/);
    expect(await count('patient')).toBe(patients + 1);
    const id = location.split('/')[2]?.split('?')[0] ?? '';
    const entry = await t.store.db.selectFrom('clinical_entry').selectAll().where('patient_id', '=', id).executeTakeFirstOrThrow();
    expect(entry.kind).toBe('fracture');
    expect(entry.clinical_date).toBe(todayNl());
    expect(entry.data).toEqual({ site: 'wrist', side: 'left', highEnergy: false, pathological: false, department: 'Gipskamer' });

    const answer = await b.get(location);
    expect(answer.statusCode).toBe(200);
    expect(answer.body).toContain(`<h1>${i.resultTitle('Joke Bakker')}</h1>`);
    expect(answer.body).toContain(i.saved(i.fractureText(nl.clinical.sites.wrist, nl.clinical.sides.left, typedFromIso(todayNl()))));
    expect(answer.body).toContain(i.verdict.indicated);
    expect(answer.body).toContain(`<li>${nl.why.criterionNames['qualifying-fracture'] ?? ''}</li>`);
    // What Botpad checked, and what could still change the answer.
    expect(answer.body).toContain(i.criteriaTitle);
    expect(answer.body).toContain(nl.why.criterionNames['early-menopause']);
    expect(answer.body).toContain(i.missingTitle);
    expect(answer.body).toContain('<code>case-finding.dxa-indicated</code>');
    expect(answer.body).toContain(`href="/patients/${id}"`);
    expect(answer.body).toContain(`href="/patients/${id}/assessment"`);
  });

  it('finds a known patient by name and birth date, offers her record first, and records the fracture there', async () => {
    const b = await nurse();
    const form = await b.get('/intake');
    const patients = await count('patient');
    const first = await b.post('/intake', { _csrf: csrfOf(form.body), ...typed({ familyName: 'de Vries', givenName: 'Anna', birthDate: '12-04-1948', site: 'hip' }) });
    expect(first.statusCode).toBe(409);
    expect(first.body).toContain(i.match.title);
    // Her record is the choice already made, with the cursor on it: Enter saves the fracture there.
    expect(first.body).toMatch(new RegExp(`<input type="radio" id="patientId" name="patientId" value="${anna}" checked autofocus`));
    expect(first.body).toContain('value="new"');
    expect(await count('patient')).toBe(patients);
    const entries = await count('clinical_entry');
    const chosen = await b.post('/intake', { _csrf: csrfOf(first.body), ...typed({ familyName: 'de Vries', givenName: 'Anna', birthDate: '12-04-1948', site: 'hip' }), patientId: anna });
    expect(chosen.statusCode).toBe(303);
    expect(chosen.headers.location).toMatch(new RegExp(`^/intake/${anna}\\?saved=`));
    expect(await count('patient')).toBe(patients);
    expect(await count('clinical_entry')).toBe(entries + 1);
  });

  it('makes a new record after all when the nurse says the look-alike is someone else', async () => {
    const b = await nurse();
    const form = await b.get('/intake');
    const alike = typed({ familyName: 'Vriess', givenName: 'Anna', birthDate: '12-04-1948' });
    const first = await b.post('/intake', { _csrf: csrfOf(form.body), ...alike });
    expect(first.statusCode).toBe(409);
    const patients = await count('patient');
    const res = await b.post('/intake', { _csrf: csrfOf(first.body), ...alike, patientId: 'new' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).not.toContain(anna);
    expect(await count('patient')).toBe(patients + 1);
  });

  it('finds a known patient by BSN for a role that may use it', async () => {
    const b = await nurse();
    const form = await b.get('/intake');
    const res = await b.post('/intake', { _csrf: csrfOf(form.body), ...typed({ familyName: 'Vries', givenName: 'A.', birthDate: '12-04-1948', bsn: '111222333' }) });
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain(i.match.bsnMatch('Anna de Vries'));
  });

  it('records a waived work-up only with a reason, with the nurse as who and today as when', async () => {
    const b = await nurse();
    const form = await b.get('/intake');
    const made = await b.post('/intake', { _csrf: csrfOf(form.body), ...typed({ familyName: 'Smit', givenName: 'Wim', birthDate: '01-01-1935', sex: 'male', site: 'humerus' }) });
    const id = (made.headers.location as string).split('/')[2]?.split('?')[0] ?? '';
    const answer = await b.get(`/intake/${id}`);
    expect(answer.body).toContain(i.waiveTitle);
    const entries = await count('clinical_entry');
    const none = await b.post(`/intake/${id}/waiver`, { _csrf: csrfOf(answer.body), reason: '' });
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain(`<a href="#reason">${nl.form.choose(i.waiveReason)}</a>`);
    const other = await b.post(`/intake/${id}/waiver`, { _csrf: csrfOf(answer.body), reason: 'too-busy' });
    expect(other.statusCode).toBe(400);
    expect(await count('clinical_entry')).toBe(entries);
    const ok = await b.post(`/intake/${id}/waiver`, { _csrf: csrfOf(answer.body), reason: 'declined', by: 'someone else' });
    expect(ok.statusCode).toBe(303);
    const waived = await t.store.db.selectFrom('clinical_entry').selectAll().where('patient_id', '=', id).where('kind', '=', 'workup-waived').executeTakeFirstOrThrow();
    expect(waived.clinical_date).toBe(todayNl());
    expect(waived.data).toEqual({ reason: 'declined', by: account('nurse').displayName });
    const after = await b.get(ok.headers.location as string);
    expect(after.body).toContain(i.verdict.waived);
    expect(after.body).toContain(i.waived(account('nurse').displayName, typedFromIso(todayNl())));
    expect(after.body).not.toContain(`action="/intake/${id}/waiver"`);
  });

  it('is not for a role that does not take in fractures', async () => {
    const b = new Browser(t);
    await b.signIn(account('physiotherapist').email);
    expect((await b.get('/intake')).statusCode).toBe(403);
    expect((await b.get(`/intake/${anna}`)).statusCode).toBe(403);
  });
});
