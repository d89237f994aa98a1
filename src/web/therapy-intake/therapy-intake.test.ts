// The practice's intake and education pages, driven like a browser without script: the record's
// VFA in words, a half-filled goal or PSK row and a goal before the intake named at their inputs
// with nothing stored, an intake saved with the core's fall-risk and fear levels and their why, a
// second version beside the first, the education topics each with learn pages that exist, the
// ticks kept and shown; a nurse reads both without a form.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../api/testing/test-app.js';
import { Browser, account, csrfOf, demoApp } from '../../api/testing/page-browser.js';
import { addDays } from '../../core/time/date.js';
import { EDUCATION_TOPICS } from '../../core/therapy-intake/index.js';
import { todayNl } from '../../schema/clock.js';
import { insertEntry } from '../../store/record.repo.js';
import { checkForm, typedFromIso } from '../forms.js';
import { intakeForm, intakeInput } from './intake.forms.js';
import { nl } from '../i18n/nl.js';
import { en } from '../i18n/en.js';
import { TOPIC_PAGES, topicLinks } from './education.page.js';
import { demoEducation, demoIntake } from '../../demo/demo-therapy.js';
import { EducationInput, IntakeInput } from '../../schema/therapy-intake.schema.js';

const w = nl.therapyIntake;
const e = nl.education;
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

describe('the intake and education pages', () => {
  let t: TestApp;
  let anna = '';
  const today = todayNl();
  const intakeUrl = () => `/patients/${anna}/therapy/intake`;
  const educationUrl = () => `/patients/${anna}/therapy/education`;
  const count = async (table: 'therapy_intake' | 'education_session') => Number((await t.store.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  const filled = (csrf: string) => ({
    _csrf: csrf, date: typedFromIso(today), history: 'Wervelbreuk T8 bij tillen; wandelde eerder dagelijks.', painScore: '4', painWhere: 'Midden in de rug', painWhen: '',
    fallsLast12Months: '1', injuredByFall: 'no', unableToGetUp: '', lostConsciousness: '', worriedAboutFalling: 'yes', unsteady: 'yes', frail: '',
    tugSeconds: '16,5', gaitSpeedMps: '',
    fesI1: '2', fesI2: '2', fesI3: '2', fesI4: '2', fesI5: '2', fesI6: '2', fesI7: '2',
    postureObservations: 'Licht voorovergebogen.', postureAdvice: 'Tillen vanuit de knieën met rechte rug.',
    goal1What: 'Elke dag naar het park wandelen', goal1HowMuch: '20 minuten', goal1By: typedFromIso(addDays(today, 84)),
    goal2What: 'De trap nemen in plaats van de lift', goal2HowMuch: 'twee verdiepingen', goal2By: typedFromIso(addDays(today, 56)),
    psk1Activity: 'Trap lopen', psk1Score: '7', psk2Activity: 'Boodschappen tillen', psk2Score: '8',
  });

  beforeAll(async () => {
    ({ t, anna } = await demoApp());
    await insertEntry(t.store.db, { patientId: anna, kind: 'vfa', date: today, data: { vertebrae: [{ level: 'T8', grade: 2 }, { level: 'T9', grade: 0 }] }, source: 'clinician', by: null, organisationId: null });
  });
  afterAll(async () => {
    await t.close();
  });

  it('names a half-filled row, a goal before the intake and a PSK score above 10 at their inputs, and stores nothing', async () => {
    const b = new Browser(t);
    await b.signIn(account('physiotherapist').email);
    const page = await b.get(intakeUrl());
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`<h1>${w.title}</h1>`);
    expect(page.body).toContain(`href="/patients/${anna}/therapy"`);
    // The hub the page leads back to, and that leads here.
    const hub = await b.get(`/patients/${anna}/therapy`);
    expect(hub.statusCode).toBe(200);
    expect(hub.body).toContain(`href="${intakeUrl()}"`);
    expect(hub.body).toContain(`href="${educationUrl()}"`);
    expect(page.body).toContain(`T8: ${nl.clinical.vfaGrades['2']}`);
    expect(page.body).not.toContain('T9:');
    // The demo practice's intake of a week ago is the latest.
    expect(page.body).toContain(esc(w.latestTitle(1, typedFromIso(addDays(today, -7)))));
    expect(page.body).toContain('Weer met de fiets naar de markt');
    expect(page.body).not.toContain('<script');
    const before = await count('therapy_intake');
    const bad = await b.post(intakeUrl(), {
      ...filled(csrfOf(page.body)), history: '', goal1By: typedFromIso(today), goal2HowMuch: '', psk1Score: '11', psk2Score: '',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain(w.messages.goalDate);
    expect(bad.body).toContain(w.messages.score);
    expect(bad.body).toContain(w.messages.goalRow);
    expect(bad.body).toContain(w.messages.pskRow);
    for (const field of ['history', 'goal1By', 'goal2HowMuch', 'psk1Score', 'psk2Score']) expect(bad.body, field).toContain(`href="#${field}"`);
    // What was typed comes back.
    expect(bad.body).toContain('value="Elke dag naar het park wandelen"');
    const none = await b.post(intakeUrl(), { ...filled(csrfOf(page.body)), goal1What: '', goal1HowMuch: '', goal1By: '', goal2What: '', goal2HowMuch: '', goal2By: '' });
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('href="#goal1What"');
    expect(await count('therapy_intake')).toBe(before);
  });

  it('saves an intake with the core\'s levels and their why, and keeps the first version beside the second', async () => {
    const b = new Browser(t);
    await b.signIn(account('physiotherapist').email);
    const page = await b.get(intakeUrl());
    const saved = await b.post(intakeUrl(), filled(csrfOf(page.body)));
    expect(saved.statusCode, saved.body.slice(0, 3000)).toBe(303);
    const shown = await b.get(saved.headers.location as string);
    expect(shown.body).toContain(w.saved);
    expect(shown.body).toContain(esc(w.latestTitle(2, typedFromIso(today))));
    // One fall, unsteady and worried, TUG 16.5 s: raised (WFG-2022); FES-I 14: high.
    expect(shown.body).toContain(w.fallLevels.intermediate);
    expect(shown.body).toContain('<code>fall-risk.level</code>');
    expect(shown.body).toContain(w.fearLevels.high);
    expect(shown.body).toContain(w.fearScore(14));
    expect(shown.body).toContain('De trap nemen in plaats van de lift');
    expect(shown.body).toContain('Boodschappen tillen');
    // The form starts from this version: the next one changes only what changed.
    expect(shown.body).toContain('value="16,5"');
    const second = await b.post(intakeUrl(), { ...filled(csrfOf(shown.body)), fallsLast12Months: '2', psk1Score: '5' });
    expect(second.statusCode).toBe(303);
    const after = await b.get(intakeUrl());
    expect(after.body).toContain(esc(w.latestTitle(3, typedFromIso(today))));
    // Every version stays: the demo's first beside the two of today.
    expect(after.body).toContain('Boodschappen dragen: 6');
    expect(after.body).toContain(w.fallLevels.high);
    expect(after.body).toContain(w.inventory);
    expect(after.body).toContain('Trap lopen: 7');
    expect(after.body).toContain('Trap lopen: 5');
  });

  it('shows the education topics with their learn pages, refuses a session with nothing ticked, and keeps the ticks', async () => {
    const b = new Browser(t);
    await b.signIn(account('physiotherapist').email);
    const page = await b.get(educationUrl());
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`<h1>${e.title}</h1>`);
    for (const topic of EDUCATION_TOPICS) {
      expect(page.body).toContain(esc(e.topics[topic]));
      const links = topicLinks({ lang: 'nl', t: nl }, topic);
      // Every page the map names exists, and opens.
      expect(links, topic).toHaveLength(TOPIC_PAGES[topic].length);
      for (const l of links) {
        expect(page.body).toContain(`href="${l.href}"`);
        expect((await b.get(l.href.split('#')[0] ?? '')).statusCode, l.href).toBe(200);
      }
    }
    expect(topicLinks({ lang: 'en', t: en }, 'posture')[0]?.label).toContain('How to spare your back');
    const before = await count('education_session');
    const empty = await b.post(educationUrl(), { _csrf: csrfOf(page.body), date: typedFromIso(today), note: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain(e.nothingTicked);
    expect(await count('education_session')).toBe(before);
    const saved = await b.post(educationUrl(), {
      _csrf: csrfOf(page.body), date: typedFromIso(today), 'discussed-what-is-osteoporosis': 'yes', 'discussed-posture': 'yes', 'more-posture': 'yes', 'more-measuring': 'yes', note: 'Wil vooral weten hoe ze veilig tilt.',
    });
    expect(saved.statusCode, saved.body.slice(0, 2000)).toBe(303);
    const shown = await b.get(saved.headers.location as string);
    expect(shown.body).toContain(e.saved);
    expect(shown.body).toContain(e.sessionTitle(typedFromIso(today)));
    expect(shown.body).toContain('Wil vooral weten hoe ze veilig tilt.');
    const rows = await t.store.db.selectFrom('education_session').select(['topics']).where('patient_id', '=', anna).orderBy('recorded_at').execute();
    expect(rows.at(-1)?.topics).toEqual([
      { topic: 'what-is-osteoporosis', discussed: true, moreWanted: false },
      { topic: 'posture', discussed: true, moreWanted: true },
      { topic: 'measuring', discussed: false, moreWanted: true },
    ]);
  });

  it('takes the intake form with every field it does not need left empty or blank, and needs the first goal whole', () => {
    const needed = {
      date: typedFromIso(today), history: 'Rugpijn na tillen.', painScore: '0', postureObservations: 'Rechtop.', postureAdvice: 'Door de knieën.',
      goal1What: 'Wandelen', goal1HowMuch: '10 minuten', goal1By: typedFromIso(addDays(today, 30)),
    };
    const optional = ['painWhere', 'painWhen', 'fallsLast12Months', 'injuredByFall', 'frail', 'tugSeconds', 'gaitSpeedMps', 'fesI1', 'goal2What', 'goal5By', 'psk1Activity', 'psk3Score'];
    const r = checkForm(nl, intakeForm, { ...needed, ...Object.fromEntries(optional.map((k) => [k, '  '])) }, {});
    expect(r.ok && intakeInput(r.data as Record<string, unknown>)).toEqual({
      date: today, history: 'Rugpijn na tillen.', pain: { score: 0 }, falls: {}, posture: { observations: 'Rechtop.', advice: 'Door de knieën.' },
      goals: [{ what: 'Wandelen', howMuch: '10 minuten', by: addDays(today, 30) }], psk: [],
    });
    const second = checkForm(nl, intakeForm, { ...needed, goal1What: '', goal1HowMuch: '', goal1By: '', goal2What: 'Fietsen', goal2HowMuch: '5 km', goal2By: typedFromIso(addDays(today, 30)) }, {});
    expect(second.ok ? [] : Object.keys(second.errors)).toEqual(['goal1What', 'goal1HowMuch', 'goal1By']);
  });

  it('has demo data the API would take', () => {
    const i = demoIntake(today);
    expect(IntakeInput.safeParse({ date: i.date, ...i.data, goals: i.goals, psk: i.psk }).success).toBe(true);
    expect(EducationInput.safeParse(demoEducation(today)).success).toBe(true);
  });

  it('lets a nurse read both pages without a form', async () => {
    const b = new Browser(t);
    await b.signIn(account('nurse').email);
    const intake = await b.get(intakeUrl());
    expect(intake.statusCode).toBe(200);
    expect(intake.body).toContain(w.readOnly);
    expect(intake.body).not.toContain(`action="${intakeUrl()}"`);
    const education = await b.get(educationUrl());
    expect(education.statusCode).toBe(200);
    expect(education.body).toContain(e.readOnly);
    expect(education.body).not.toContain(`action="${educationUrl()}"`);
  });
});
