// The assessment page: every conclusion in its group with its why, the sign-off by a nurse or
// physician, and a signed assessment kept as it was concluded then.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../api/testing/test-app.js';
import { nl } from '../i18n/nl.js';
import { Browser, account, csrfOf, demoApp } from '../../api/testing/page-browser.js';
import { todayNl } from '../../schema/clock.js';
import { typedFromIso } from '../forms.js';
import { RULES_VERSION } from '../../core/registry.js';
import { patientEvaluation } from '../../services/record.js';
import { storeAuditor } from '../../services/auditor.js';
import { insertEntry } from '../../store/record.repo.js';
import { fieldWords } from '../components/Conclusion.js';

const a = nl.assessment;

describe('assessment pages', () => {
  let t: TestApp;
  let anna = '';

  beforeAll(async () => {
    ({ t, anna } = await demoApp());
  });
  afterAll(async () => {
    await t.close();
  });

  const signed = async () => Number((await t.store.db.selectFrom('assessment').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  async function signedIn(role: 'nurse' | 'physician' | 'physiotherapist') {
    const b = new Browser(t);
    await b.signIn(account(role).email);
    return b;
  }

  /** A new patient with a wrist fracture today, through the intake. */
  async function newPatient(b: Browser, familyName: string): Promise<string> {
    const form = await b.get('/intake');
    const res = await b.post('/intake', {
      _csrf: csrfOf(form.body), familyName, givenName: 'Ria', birthDate: '14-02-1950', sex: 'female', bsn: '',
      fractureDate: typedFromIso(todayNl()), site: 'wrist', side: 'right', energy: 'low', department: '',
    });
    expect(res.statusCode).toBe(303);
    return (res.headers.location as string).split('/')[2]?.split('?')[0] ?? '';
  }

  it('shows every conclusion in its group, each with its why one step away', async () => {
    const b = await signedIn('nurse');
    const id = await newPatient(b, 'Groepsma');
    const page = await b.get(`/patients/${id}/assessment`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`<h1>${a.title}</h1>`);
    for (const g of Object.values(a.groups)) expect(page.body).toContain(g);
    // The DXA indication under fracture risk, with its rule, criteria, values and sources behind "why".
    const risk = page.body.slice(page.body.indexOf('id="group-risk"'), page.body.indexOf('id="group-secondary"'));
    expect(risk).toContain('<code>case-finding.dxa-indicated</code>');
    expect(risk).toContain('<details class="why">');
    expect(risk).toContain(`<strong>${nl.why.met}</strong>: ${nl.why.criterionNames['qualifying-fracture'] ?? ''}`);
    expect(risk).toContain('NIV-2022');
    // No scan yet: the diagnosis cannot be decided, so it is read under what is missing, which names the scan.
    const missing = page.body.slice(page.body.indexOf('id="group-missing"'), page.body.indexOf('id="sign-title"'));
    expect(missing).toContain('<code>bmd.category</code>');
    expect(missing).toContain('DXA-meting (botdichtheid)');
    // Every conclusion of the evaluation is on the page, once each, whatever group it is in.
    const user = await t.store.db.selectFrom('app_user').select(['id', 'organisation_id']).where('email', '=', account('nurse').email).executeTakeFirstOrThrow();
    const actor = { userId: user.id, role: 'nurse' as const, organisationId: user.organisation_id, organisationKind: 'hospital' as const, patientId: null };
    const evaluation = await patientEvaluation({ db: t.store.db, auditor: storeAuditor }, { actor, meta: { requestId: 'req-assessment', clientIp: '192.0.2.7' }, patientId: id, lang: 'nl' });
    const shown = [...page.body.matchAll(/<summary>[^<]*<code>([^<]+)<\/code><\/summary>/g)].map((m) => m[1]);
    expect(shown.length).toBeGreaterThan(3);
    expect(shown.sort()).toEqual(evaluation.conclusions.map((c) => c.ruleId).sort());
  });

  it('is signed off by a physician with a note, listed with who, when and the rules, and kept as concluded then', async () => {
    const nurse = await signedIn('nurse');
    const id = await newPatient(nurse, 'Tekenaar');
    const doctor = await signedIn('physician');
    const page = await doctor.get(`/patients/${id}/assessment`);
    expect(page.body).toContain(a.signedNone);
    expect(page.body).toContain(`action="/patients/${id}/assessment/sign"`);
    const before = await signed();
    const res = await doctor.post(`/patients/${id}/assessment/sign`, { _csrf: csrfOf(page.body), note: 'DXA en lab aangevraagd' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/patients/${id}/assessment?notice=signed`);
    expect(await signed()).toBe(before + 1);
    const list = await doctor.get(res.headers.location as string);
    expect(list.body).toContain(a.signed);
    expect(list.body).toContain(`${account('physician').displayName} (${nl.roles.physician})`);
    expect(list.body).toContain(`<code>${RULES_VERSION}</code>`);
    expect(list.body).toContain('DXA en lab aangevraagd');
    const href = /href="(\/patients\/[0-9a-f-]{36}\/assessment\/signed\/[0-9a-f-]{36})"/.exec(list.body)?.[1] ?? '';
    expect(href).not.toBe('');

    // A fact recorded afterwards changes today's assessment, never the one signed.
    const answer = await nurse.get(`/intake/${id}`);
    expect((await nurse.post(`/intake/${id}/waiver`, { _csrf: csrfOf(answer.body), reason: 'declined' })).statusCode).toBe(303);
    const now = await doctor.get(`/patients/${id}/assessment`);
    expect(now.body).toContain('<code>case-finding.workup-waived</code>');
    const kept = await doctor.get(href);
    expect(kept.statusCode).toBe(200);
    expect(kept.body).toContain('<code>case-finding.dxa-indicated</code>');
    expect(kept.body).not.toContain('<code>case-finding.workup-waived</code>');
    expect(kept.body).toContain('DXA en lab aangevraagd');
    expect(kept.body).toContain(`${account('physician').displayName} (${nl.roles.physician})`);
    expect((await doctor.get(`/patients/${id}/assessment/signed/00000000-0000-4000-8000-000000000000`)).statusCode).toBe(404);
  });

  it('refuses a note that is too long at its field and signs nothing', async () => {
    const b = await signedIn('nurse');
    const id = await newPatient(b, 'Langschrijver');
    const page = await b.get(`/patients/${id}/assessment`);
    const before = await signed();
    const res = await b.post(`/patients/${id}/assessment/sign`, { _csrf: csrfOf(page.body), note: 'x'.repeat(2001) });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain(`<a href="#note">${nl.form.tooLong(a.signNote)}</a>`);
    expect(await signed()).toBe(before);
  });

  it('lets a physiotherapist read the assessment but not sign it', async () => {
    const b = await signedIn('physiotherapist');
    const page = await b.get(`/patients/${anna}/assessment`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(a.mayNotSign);
    expect(page.body).not.toContain(`action="/patients/${anna}/assessment/sign"`);
    const before = await signed();
    const res = await b.post(`/patients/${anna}/assessment/sign`, { _csrf: csrfOf(page.body), note: '' });
    expect(res.statusCode).toBe(403);
    expect(await signed()).toBe(before);
  });

  it('marks the values the patient gave, and shows both values where the clinic\'s counts instead', async () => {
    const b = await signedIn('nurse');
    const id = await newPatient(b, 'Bronsma');
    const before = await b.get(`/patients/${id}/assessment`);
    expect(before.body).not.toContain(a.patientGivenTitle);
    await insertEntry(t.store.db, { patientId: id, kind: 'risk-factors', date: todayNl(), data: { currentSmoker: true, parentHipFracture: true }, source: 'patient', by: null, organisationId: null });
    await insertEntry(t.store.db, { patientId: id, kind: 'risk-factors', date: todayNl(), data: { parentHipFracture: false }, source: 'clinician', by: null, organisationId: null });
    const page = await b.get(`/patients/${id}/assessment`);
    const given = page.body.slice(page.body.indexOf('id="patient-given"'), page.body.indexOf('id="patient-set-aside"'));
    expect(given).toContain(fieldWords(nl, 'nl', 'riskFactors.currentSmoker'));
    expect(given).toContain(nl.why.fromPatient);
    expect(given).not.toContain(fieldWords(nl, 'nl', 'riskFactors.parentHipFracture'));
    const aside = page.body.slice(page.body.indexOf('id="patient-set-aside"'));
    expect(aside).toContain(a.setAside(nl.why.no, nl.why.yes));
  });
});
