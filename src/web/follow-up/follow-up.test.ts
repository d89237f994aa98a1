// The contacts and letters pages as a clinician meets them, driven like a browser without
// JavaScript on the demo set: the core's schedule and FLS targets, a contact refused at its fields
// (nothing stored) and then recorded, the letter the demo keeps printed again, the hand-over letter
// and the dentist's card written from the page, and a physiotherapist who reads but writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../api/testing/test-app.js';
import { Browser, account, csrfOf, demoApp } from '../../api/testing/page-browser.js';
import { nl } from '../i18n/nl.js';
import { typedFromIso } from '../forms.js';
import { todayNl } from '../../schema/clock.js';
import { addDays } from '../../core/time/date.js';
import { pdfText } from '../../api/testing/pdf-text.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/'/g, '&#x27;').replace(/"/g, '&quot;');

describe('the follow-up and letters pages', () => {
  let t: TestApp;
  let johanna = '';
  let nurse: Browser;
  const contacts = async () => (await t.store.db.selectFrom('clinical_entry').select('entry_id').where('patient_id', '=', johanna).where('kind', '=', 'contact').execute()).length;

  beforeAll(async () => {
    ({ t } = await demoApp());
    johanna = (await t.store.db.selectFrom('patient').select('id').where('family_name', '=', 'Visser').executeTakeFirstOrThrow()).id;
    nurse = new Browser(t);
    await nurse.signIn(account('nurse').email);
  });
  afterAll(async () => {
    await t.close();
  });

  it('shows the schedule, the FLS targets and the contacts recorded', async () => {
    const page = await nurse.get(`/patients/${johanna}/contacts`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(nl.followUp.scheduleCaption);
    expect(page.body).toContain(nl.followUp.kinds['3-months']);
    expect(page.body).toContain(nl.followUp.statuses.done);
    expect(page.body).toContain(nl.followUp.contactsCaption);
    expect(page.body).toContain(esc(nl.followUp.handoverReady));
    expect(page.body).toContain(nl.followUp.form.title);
  });

  it('refuses a contact with its errors at the fields, storing nothing, then records it', async () => {
    const before = await contacts();
    let page = await nurse.get(`/patients/${johanna}/contacts`);
    const today = todayNl();
    const bad = await nurse.post(`/patients/${johanna}/contacts`, { _csrf: csrfOf(page.body), date: '', kind: '', fallsSince: 'twee', fractureDate: typedFromIso(addDays(today, 1)) });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain(esc(nl.form.required(nl.followUp.form.date)));
    expect(bad.body).toContain(esc(nl.form.choose(nl.followUp.form.kind)));
    expect(bad.body).toContain(esc(nl.followUp.form.fallsNumber));
    expect(bad.body).toContain(esc(nl.followUp.form.fractureMissing(nl.followUp.form.fractureSite)));
    expect(bad.body).toMatch(/<details class="action" open/);
    expect(await contacts()).toBe(before);

    page = await nurse.get(`/patients/${johanna}/contacts`);
    const ok = await nurse.post(`/patients/${johanna}/contacts`, {
      _csrf: csrfOf(page.body), date: typedFromIso(today), kind: 'review', adherence: 'as-agreed', fallsSince: '0', sideEffects: 'Geen klachten', note: '',
      fractureDate: '', fractureSite: '', fractureSide: '',
    });
    expect(ok.statusCode, ok.body).toBe(303);
    expect(await contacts()).toBe(before + 1);
    const shown = await nurse.get(ok.headers.location ?? '');
    expect(shown.body).toContain(nl.followUp.form.saved);
    expect(shown.body).toContain('Geen klachten');
    expect(shown.body).toContain(nl.followUp.adherences['as-agreed']);
  });

  it('keeps the demo card to print again, and writes the hand-over letter and a card from the page', async () => {
    let page = await nurse.get(`/patients/${johanna}/letters`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(nl.letters.caption);
    const links = () => [...page.body.matchAll(/href="(\/patients\/[^"]+\/letters\/[^"]+\/pdf)"/g)].map((m) => m[1] ?? '');
    expect(links()).toHaveLength(1);
    const card = await nurse.get(links()[0] ?? '');
    expect(card.statusCode).toBe(200);
    expect(card.headers['content-type']).toBe('application/pdf');
    expect(pdfText(card.rawPayload)).toMatch(/Gebruikt alendroninezuur sinds/);

    const written = await nurse.post(`/patients/${johanna}/letters`, { _csrf: csrfOf(page.body), kind: 'gp-handover' });
    expect(written.statusCode, written.body).toBe(303);
    page = await nurse.get(written.headers.location ?? '');
    expect(page.body).toContain(nl.letters.writtenNotice);
    expect(links()).toHaveLength(2);
    const letter = pdfText((await nurse.get(links()[0] ?? '')).rawPayload);
    expect(letter).toMatch(/Overdracht osteoporosezorg aan de huisarts/);
    expect(letter).toMatch(/Johanna Visser/);
    expect(letter).toMatch(/alendroninezuur: 70 mg, tablet, eens per week/);

    const en = await nurse.post(`/patients/${johanna}/letters`, { _csrf: csrfOf(page.body), kind: 'dentist-card', lang: 'en' });
    expect(en.statusCode).toBe(303);
    page = await nurse.get(en.headers.location ?? '');
    expect(pdfText((await nurse.get(links()[0] ?? '')).rawPayload)).toMatch(/Card for the dentist/);
  });

  it('says why a letter cannot be written yet, and lets a physiotherapist read but not write', async () => {
    const anna = (await t.store.db.selectFrom('patient').select('id').where('given_name', '=', 'Anna').executeTakeFirstOrThrow()).id;
    const page = await nurse.get(`/patients/${anna}/letters`);
    expect(page.body).toContain(nl.letters.none);
    expect(page.body).toContain(nl.letters.handoverNotYet(nl.letters.reasons['no-current-medication'] ?? ''));
    expect(page.body).toContain(nl.letters.cardNotYet);

    const physio = new Browser(t);
    await physio.signIn(account('physiotherapist').email);
    const read = await physio.get(`/patients/${anna}/contacts`);
    expect(read.statusCode).toBe(200);
    expect(read.body).not.toContain(nl.followUp.form.save);
    const letters = await physio.get(`/patients/${anna}/letters`);
    expect(letters.statusCode).toBe(200);
    expect(letters.body).not.toContain(nl.letters.writeTitle);
  });
});
