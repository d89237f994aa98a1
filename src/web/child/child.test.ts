// A child's bone-health pages, driven as a browser without JavaScript would, on both stores: the
// day centre's physiotherapist keeps the profile, growth and a fracture (a bad form refused in words
// at its fields); the staff overview shows the risk with the observed shares, the growth chart with
// its words and table, and the group's vitamin D reminder; the care worker notes a dose on the
// vitamin D page; the parent notes one with a big button and the reminder goes; a hospital nurse is
// refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../api/testing/test-app.js';
import { Browser, account, csrfOf } from '../../api/testing/page-browser.js';
import { seedDemo } from '../../services/seed.js';
import { hashPassword } from '../../services/auth.js';
import { insertUser } from '../../store/accounts.repo.js';
import { STORE_KINDS } from '../../store/testing/stores.js';
import { todayNl } from '../../schema/clock.js';
import { addDays } from '../../core/time/date.js';
import { typedFromIso } from '../forms.js';
import { calendarDate } from '../time-format.js';
import { nl } from '../i18n/nl.js';

const c = nl.childProfile;
const v = nl.childVitaminD;
const html = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
const PASSWORD = 'child-pages-password-1';

describe.each(STORE_KINDS)('child bone-health pages on %s', (kind) => {
  let t: TestApp;
  let lotte = '';
  const today = todayNl();

  beforeAll(async () => {
    t = await testApp(kind);
    await seedDemo(t.store.db);
    lotte = (await t.store.db.selectFrom('patient').select(['id', 'given_name']).execute()).find((r) => r.given_name === 'Lotte')?.id ?? '';
    const centre = await t.store.db.selectFrom('organisation').select('id').where('kind', '=', 'day-centre').executeTakeFirstOrThrow();
    await insertUser(t.store.db, { role: 'physiotherapist', organisationId: centre.id, patientId: null, email: 'centre-physio@test.botpad.nl', displayName: 'Centre physio', passwordHash: await hashPassword(PASSWORD), status: 'active' });
  });
  afterAll(async () => {
    await t.close();
  });

  const as = async (role: 'care-worker' | 'caregiver' | 'nurse') => {
    const b = new Browser(t);
    await b.signIn(account(role).email);
    return b;
  };
  const physio = async () => {
    const b = new Browser(t);
    await b.signIn('centre-physio@test.botpad.nl', PASSWORD);
    return b;
  };

  it('the physiotherapist keeps the profile, growth and a fracture; a bad form is refused at its fields', async () => {
    const b = await physio();
    const page = await b.get(`/patients/${lotte}/child`);
    expect(page.statusCode, page.body.slice(0, 300)).toBe(200);
    expect(page.body).toContain(html(c.riskNone));
    for (const to of ['vitamin-d', 'loading', 'aids', 'signals']) expect(page.body).toContain(`href="/patients/${lotte}/child/${to}"`);
    const csrf = csrfOf(page.body);
    const bad = await b.post(`/patients/${lotte}/child/profile`, { _csrf: csrf, antiEpileptics: '30' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain(html(c.antiEpilepticsRange));
    expect(bad.body).toContain('aria-invalid="true"');
    const saved = await b.post(`/patients/${lotte}/child/profile`, { _csrf: csrf, mobility: 'wheelchair', indoorsMostly: 'yes', antiEpileptics: '1', corticosteroids: 'no', feeding: 'tube', fibreRich: 'yes', note: '' });
    expect(saved.statusCode, saved.body.slice(0, 400)).toBe(303);
    const badGrowth = await b.post(`/patients/${lotte}/child/growth`, { _csrf: csrf, date: typedFromIso(addDays(today, 1)), weightKg: '', heightCm: '' });
    expect(badGrowth.statusCode).toBe(400);
    expect(badGrowth.body).toContain(html(c.dateFuture));
    expect(badGrowth.body).toContain(html(c.weightOrHeight));
    expect((await b.post(`/patients/${lotte}/child/growth`, { _csrf: csrf, date: typedFromIso(addDays(today, -300)), weightKg: '26,5', heightCm: '130' })).statusCode).toBe(303);
    expect((await b.post(`/patients/${lotte}/child/growth`, { _csrf: csrf, date: typedFromIso(today), weightKg: '27', heightCm: '133,5' })).statusCode).toBe(303);
    const frac = await b.post(`/patients/${lotte}/child/fractures`, { _csrf: csrf, date: typedFromIso(addDays(today, -500)), site: 'femur', how: 'Bij het verzorgen op de commode' });
    expect(frac.statusCode).toBe(303);

    const after = await b.get(`/patients/${lotte}/child?notice=fracture`);
    expect(after.body).toContain(html(c.fractureSaved));
    expect(after.body).toContain(`${c.riskLevel}: ${c.levels.high}`);
    for (const share of ['75 %', '65 %', '40 %']) expect(after.body).toContain(share);
    expect(after.body).toContain(html(c.dxa));
    expect(after.body).toContain(html(c.extra[0] ?? ''));
    expect(after.body).toContain('<svg');
    expect(after.body).toContain(html(c.growthSummary(c.heightWord, '130 cm', typedFromIso(addDays(today, -300)), '133,5 cm', typedFromIso(today))));
    expect(after.body).toContain(html(c.growthNoCurves));
    expect(after.body).toContain('Bij het verzorgen op de commode');
    expect(after.body).toContain(html(nl.clinical.sites.femur));
    expect(after.body).toContain(html(c.feedings.tube));
    expect(after.body).toContain(html(v.reminderTitle));
    expect(after.body).not.toContain('<script');
  });

  it('the care worker reads without the keepers\' forms and notes a dose on the vitamin D page', async () => {
    const b = await as('care-worker');
    expect((await b.get(`/patients/${lotte}`)).body).toContain(`href="/patients/${lotte}/child"`);
    const overview = await b.get(`/patients/${lotte}/child`);
    expect(overview.statusCode).toBe(200);
    expect(overview.body).not.toContain(`action="/patients/${lotte}/child/profile"`);
    expect(overview.body).toContain(html(c.readOnly));
    const page = await b.get(`/patients/${lotte}/child/vitamin-d`);
    expect(page.statusCode).toBe(200);
    const csrf = csrfOf(page.body);
    const bad = await b.post(`/patients/${lotte}/child/vitamin-d`, { _csrf: csrf, date: typedFromIso(today), dose: '500' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain(html(v.doseRange));
    const ok = await b.post(`/patients/${lotte}/child/vitamin-d`, { _csrf: csrf, date: typedFromIso(addDays(today, -4)), dose: '10' });
    expect(ok.statusCode).toBe(303);
    const after = await b.get(ok.headers.location as string);
    expect(after.body).toContain(html(v.saved));
    expect(after.body).toContain('Ruben Schouten');
    expect(after.body).toContain(html(v.reminderDays('4', calendarDate('nl', addDays(today, -4)))));
  });

  it('the parent notes today\'s dose with a big button; the reminder goes, and /care points to the child', async () => {
    const b = await as('caregiver');
    const care = await b.get('/care');
    expect(care.body).toContain(`href="/child/${lotte}"`);
    expect(care.body).toContain(html(v.reminderTitle));
    const page = await b.get(`/child/${lotte}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(html(c.parentTitle('Lotte Mulder')));
    expect(page.body).toContain(html(v.reminderTitle));
    expect(page.body).toContain(`href="/log/${lotte}"`);
    expect(page.body).toContain(`href="/signal/${lotte}"`);
    const csrf = csrfOf(page.body);
    const bad = await b.post(`/child/${lotte}/vitamin-d`, { _csrf: csrf, dose: '0', day: 'today' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain(html(v.doseRange));
    const ok = await b.post(`/child/${lotte}/vitamin-d`, { _csrf: csrf, dose: '10', day: 'today' });
    expect(ok.statusCode).toBe(303);
    const after = await b.get(ok.headers.location as string);
    expect(after.body).toContain(html(v.saved));
    expect(after.body).not.toContain(html(v.reminderTitle));
    expect((await b.get('/care')).body).not.toContain(html(v.reminderTitle));
    // A parent asking for the staff's page is sent to their own.
    const staffPage = await b.get(`/patients/${lotte}/child`);
    expect(staffPage.statusCode).toBe(303);
    expect(staffPage.headers.location).toBe(`/child/${lotte}`);
  });

  it('a hospital nurse is refused', async () => {
    const b = await as('nurse');
    expect((await b.get(`/patients/${lotte}/child`)).statusCode).toBe(403);
    expect((await b.get(`/child/${lotte}`)).statusCode).toBe(403);
  });
});
