// The "who looked at my record" page: one line per person per visit, in plain words, both languages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../api/testing/test-app.js';
import { nl } from '../i18n/nl.js';
import { en } from '../i18n/en.js';
import { Browser, account, demoApp } from '../../api/testing/page-browser.js';
import { DEMO_ACCOUNTS } from '../../demo/demo-data.js';
import { writeAudit } from '../../store/audit.repo.js';

const nameOf = (role: string) => DEMO_ACCOUNTS.find((a) => a.role === role)?.displayName ?? '';
const rowsWith = (html: string, text: string) => (html.match(/<tr>[\s\S]*?<\/tr>/g) ?? []).filter((row) => row.includes(text));

describe('access-log page', () => {
  let t: TestApp;
  let anna = '';

  beforeAll(async () => {
    ({ t, anna } = await demoApp());
    const nurse = new Browser(t);
    await nurse.signIn(account('nurse').email);
    for (let i = 0; i < 3; i++) expect((await nurse.get(`/patients/${anna}`)).statusCode).toBe(200);
    for (let i = 0; i < 2; i++) expect((await nurse.get('/patients?q=Vries')).statusCode).toBe(200);
    const physician = new Browser(t);
    await physician.signIn(account('physician').email);
    expect((await physician.get(`/patients/${anna}`)).statusCode).toBe(200);
  });
  afterAll(async () => {
    await t.close();
  });

  it('shows the patient one line per person for a visit, with the list views counted in it', async () => {
    const b = new Browser(t);
    await b.signIn(account('patient').email);
    const page = await b.get(`/patients/${anna}/access-log`);
    expect(page.statusCode).toBe(200);
    const html = page.body.replaceAll('&#x27;', "'");
    const nurseRows = rowsWith(html, nameOf('nurse'));
    expect(nurseRows).toHaveLength(1);
    expect(nurseRows[0]).toContain(`Opende het dossier${nl.accessLog.times(3)}, ${nl.accessLog.actions['patient.list']}${nl.accessLog.times(2)}`);
    expect(rowsWith(html, nameOf('physician'))).toHaveLength(1);
    expect(html).not.toContain('In een lijst gezien');
    expect(html).toContain(nl.roles.nurse);
  });

  it('says the same in English', async () => {
    const b = new Browser(t);
    await b.get('/preferences?lang=en&return=%2F');
    await b.signIn(account('patient').email);
    const html = (await b.get(`/patients/${anna}/access-log`)).body.replaceAll('&#x27;', "'");
    const nurseRows = rowsWith(html, nameOf('nurse'));
    expect(nurseRows).toHaveLength(1);
    expect(nurseRows[0]).toContain(`Opened the record${en.accessLog.times(3)}, ${en.accessLog.actions['patient.list']}${en.accessLog.times(2)}`);
    expect(rowsWith(html, nameOf('physician'))).toHaveLength(1);
    expect(html).not.toContain('Seen in a list');
  });

  it('shows the clinician the same grouped lines and the organisation in plain words on the record', async () => {
    const b = new Browser(t);
    await b.signIn(account('physician').email);
    const html = (await b.get(`/patients/${anna}/access-log`)).body;
    expect(rowsWith(html, nameOf('nurse'))).toHaveLength(1);
    const record = (await b.get(`/patients/${anna}`)).body;
    expect(record).not.toMatch(/>(Behandelt|Verwezen)</);
    expect(record).toMatch(new RegExp(`>(${nl.record.orgRelation.care}|${nl.record.orgRelation.referral})<`));
  });
});

describe('a long access log', () => {
  let t: TestApp;
  let anna = '';

  beforeAll(async () => {
    ({ t, anna } = await demoApp());
    // 230 reads, more than one page holds: written straight into the log, as many years of care would.
    const nurse = await t.store.db.selectFrom('app_user').select(['id', 'organisation_id']).where('display_name', '=', nameOf('nurse')).executeTakeFirstOrThrow();
    await writeAudit(t.store.db, Array.from({ length: 230 }, (_, i) => ({
      userId: nurse.id, role: 'nurse', organisationId: nurse.organisation_id, action: 'patient.read', resource: `patient/${anna}`, patientId: anna,
      allowed: true, reason: 'in the care of your organisation', requestId: `long-${String(i)}`, clientIp: '127.0.0.1',
    })));
  });
  afterAll(async () => {
    await t.close();
  });

  it('does not stop at a page in silence: earlier visits are one link away, and later ones one link back', async () => {
    const b = new Browser(t);
    await b.signIn(account('patient').email);
    const first = await b.get(`/patients/${anna}/access-log`);
    expect(first.statusCode).toBe(200);
    const older = /<a href="\?cursor=([A-Za-z0-9_-]+)" rel="next">([^<]*)<\/a>/.exec(first.body);
    expect(older?.[2]).toBe(nl.accessLog.older);
    expect(first.body).not.toContain('rel="prev"');
    const second = await b.get(`/patients/${anna}/access-log?cursor=${older?.[1] ?? ''}`);
    expect(second.statusCode).toBe(200);
    expect(second.body).toContain(`rel="prev">${nl.accessLog.newer}</a>`);
    expect(second.body).not.toContain('rel="next"');
    // A cursor edited by hand shows the newest page rather than an error.
    expect((await b.get(`/patients/${anna}/access-log?cursor=nonsense`)).body).toContain(`rel="next">${nl.accessLog.older}</a>`);
  });
});
