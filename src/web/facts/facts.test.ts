// The clinician's forms for the facts of the record: the list of kinds, each kind's form with its
// labels, a good post stored as an entry the Case reads, a bad one answered at its field with
// nothing stored, and a role that may not write refused. The field tables are held against the
// core's schema of each kind: the same names, the same bounds, the same closed lists.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { TestApp } from '../../api/testing/test-app.js';
import { Browser, account, csrfOf, demoApp, endSession, hiddenFields } from '../../api/testing/page-browser.js';
import { DEMO_PASSWORD } from '../../demo/demo-data.js';
import { accessDeps, endCare, listEntries, patientCase } from '../../api/facade.js';
import type { Actor } from '../../core/access/index.js';
import { ENTRY_DATA } from '../../core/record/entries.js';
import { addDays } from '../../core/time/date.js';
import { todayNl } from '../../schema/clock.js';
import { checkForm, typedFromIso } from '../forms.js';
import { nl } from '../i18n/nl.js';
import { en } from '../i18n/en.js';
import { FACT_FORMS, FACT_GROUPS, FACT_KINDS, FACT_TABLES, factData, fieldLabel, type FactKind } from './facts.forms.js';

const today = todayNl();
const daysAgo = (n: number) => typedFromIso(addDays(today, -n));

/** A good form for every kind, as a clinician types it (decimal commas, Dutch dates). */
const GOOD: Record<FactKind, Record<string, string>> = {
  weight: { kg: '62,5' },
  height: { cm: '168' },
  menopause: { status: 'post', ageAtMenopause: '51' },
  'risk-factors': { currentSmoker: 'no', alcoholUnitsPerDay: '1,5', parentHipFracture: 'not-asked' },
  'glucocorticoid-course': { mgPerDay: '7,5', end: '' },
  fall: { injured: 'yes', unableToGetUp: 'no', lostConsciousness: 'not-asked' },
  'falls-screen': { fallsLast12Months: '2', worriedAboutFalling: 'yes', unsteady: '', frail: 'no', tugSeconds: '14,2', gaitSpeedMps: '' },
  'fes-i': { answer1: '1', answer2: '2', answer3: '3', answer4: '4', answer5: '1', answer6: '2', answer7: '3' },
  calcium: { 'milk-glass': '2', 'yoghurt-bowl': '', 'cheese-slice': '1,5', 'calcium-enriched-soy-glass': '0', 'cheese-spread-portion': '' },
  frax: { majorPercent: '12,5', hipPercent: '3', withBmd: 'yes' },
  'workup-waived': { reason: 'declined' },
  safety: { canStayUpright30Min: 'yes', pregnant: 'no', hipFractureRepairDate: '' },
  'dental-check': {},
  child: { mobility: 'wheelchair', standingMinutesPerDay: '45', movementMinutesPerDay: '', indoorsMostly: 'yes' },
  'aids-check': { heightCm: '150,5' },
};

/** The clinical date of each good form: a course of glucocorticoids counts its months from it. */
const DATE_OF: Partial<Record<FactKind, string>> = { 'glucocorticoid-course': daysAgo(65) };

const parsed = (kind: FactKind, values: Record<string, string>) => {
  const r = checkForm(nl, FACT_FORMS[kind], { date: DATE_OF[kind] ?? typedFromIso(today), ...values }, {});
  if (!r.ok) throw new Error(`${kind}: ${JSON.stringify(r.errors)}`);
  const { date: _date, ...fields } = r.data as Record<string, unknown>;
  return fields;
};

const dataOf = (kind: FactKind, values: Record<string, string>) => factData(kind, parsed(kind, values), 'Inge Verbeek');

describe('the field tables and the core', () => {
  it('cover every kind but those with pages of their own, each once', () => {
    const ownPages = ['fracture', 'dxa', 'vfa', 'labs', 'note', 'medication', 'medication-dose', 'planned-medication', 'contact', 'missed-dose', 'exercise-measurement', 'exercise-therapy'];
    expect([...FACT_KINDS].sort()).toEqual(Object.keys(ENTRY_DATA).filter((k) => !ownPages.includes(k)).sort());
    expect(new Set(FACT_GROUPS.flatMap((g) => g.kinds)).size).toBe(FACT_KINDS.length);
  });

  it.each(FACT_KINDS)('%s: a good form gives data the core takes, with the core\'s field names', (kind) => {
    const data = dataOf(kind, GOOD[kind]);
    const r = ENTRY_DATA[kind].safeParse(data);
    expect(r.success, JSON.stringify(r.error?.issues)).toBe(true);
    const schema: unknown = ENTRY_DATA[kind];
    if (kind === 'fes-i' || kind === 'calcium') return;
    // Every field of the kind is on the form (the waiver's `by` is the server's; which aid a check is
    // of, and what was adjusted, are the aids page's, where the child's aids are listed), named as the Case names it.
    const shape = (schema as z.ZodObject).shape;
    const names = FACT_TABLES[kind].fields.map((f) => f.name);
    const elsewhere = new Set(kind === 'aids-check' ? ['aid', 'adjusted'] : ['by']);
    expect(names.sort()).toEqual(Object.keys(shape).filter((k) => !elsewhere.has(k)).sort());
  });

  it.each(FACT_KINDS)('%s: every bound and every list of the form is the core\'s', (kind) => {
    for (const f of FACT_TABLES[kind].fields) {
      const takes = (v: unknown) => ENTRY_DATA[kind].safeParse(factData(kind, { ...parsed(kind, GOOD[kind]), [f.name]: v }, 'Inge Verbeek')).success;
      if (f.type === 'number') {
        expect(takes(f.max), `${f.name} ${String(f.max)}`).toBe(true);
        expect(takes(f.max + 0.01), `${f.name} above the top`).toBe(false);
        expect(takes(f.min), `${f.name} ${String(f.min)}`).toBe(!f.above);
        expect(takes(f.min - 0.01), `${f.name} below the bottom`).toBe(false);
        if (f.above) expect(takes(f.min + 0.01)).toBe(!f.whole);
        if (f.whole) expect(takes(f.min + 0.5), `${f.name} is whole`).toBe(false);
      }
      if (f.type === 'select') {
        for (const o of f.options) expect(takes(o), `${f.name} ${o}`).toBe(true);
        expect(takes('something-else')).toBe(false);
      }
    }
  });

  it('has words for every field and option in both languages', () => {
    for (const t of [nl, en]) {
      for (const kind of FACT_KINDS) {
        for (const f of FACT_TABLES[kind].fields) {
          expect(fieldLabel(t, f), `${kind}.${f.name}`).toMatch(/\S/);
          if (f.type === 'select') for (const o of f.options) expect((t.facts.options[f.list] as Record<string, string>)[o], `${f.list}.${o}`).toMatch(/\S/);
        }
      }
    }
  });

  it('reads decimal commas and points alike, and refuses what is not a number', () => {
    expect(parsed('weight', { kg: '62,5' })).toEqual({ kg: 62.5 });
    expect(parsed('weight', { kg: ' 62.5 ' })).toEqual({ kg: 62.5 });
    const bad = checkForm(nl, FACT_FORMS.weight, { date: typedFromIso(today), kg: '62,5 kg' }, {});
    expect(bad.ok ? {} : bad.errors).toEqual({ kg: nl.facts.notNumber('Gewicht (kg)') });
    const whole = checkForm(en, FACT_FORMS['falls-screen'], { date: typedFromIso(today), fallsLast12Months: '1,5' }, {});
    expect(whole.ok ? {} : whole.errors).toEqual({ fallsLast12Months: en.facts.whole('Number of falls in the past 12 months (times)') });
  });
});

describe('the fact pages', () => {
  let t: TestApp;
  let anna = '';
  let nurse: Actor;
  const meta = { requestId: 'facts-test', clientIp: '192.0.2.10' };
  const entries = async () => listEntries(accessDeps(t.app), { actor: nurse, meta, patientId: anna });

  beforeAll(async () => {
    ({ t, anna } = await demoApp());
    const row = await t.store.db
      .selectFrom('app_user')
      .innerJoin('organisation', 'organisation.id', 'app_user.organisation_id')
      .select(['app_user.id', 'app_user.organisation_id', 'organisation.kind'])
      .where('app_user.email', '=', account('nurse').email)
      .executeTakeFirstOrThrow();
    nurse = { userId: row.id, role: 'nurse', organisationId: row.organisation_id, organisationKind: row.kind, patientId: null };
  });
  afterAll(async () => {
    await t.close();
  });

  const signedIn = async (role: 'nurse' | 'physiotherapist') => {
    const b = new Browser(t);
    await b.signIn(account(role).email);
    return b;
  };

  it('lists the kinds a clinician can add, grouped, each a link with its meaning', async () => {
    const b = await signedIn('nurse');
    const res = await b.get(`/patients/${anna}/facts`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`<h1>${nl.facts.title}</h1>`);
    for (const g of FACT_GROUPS) {
      expect(res.body).toContain(`>${nl.facts.groups[g.key]}</h2>`);
      for (const k of g.kinds) expect(res.body).toContain(`<a href="/patients/${anna}/facts/${k}">${nl.facts.kinds[k].name}</a>`);
    }
    expect(res.body).not.toContain(`/facts/fracture"`);
    expect(res.body).toContain(`href="/patients/${anna}"`);
  });

  it.each(FACT_KINDS)('shows the %s form with its labels and today as the date', async (kind) => {
    const b = await signedIn('nurse');
    const res = await b.get(`/patients/${anna}/facts/${kind}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`action="/patients/${anna}/facts/${kind}"`);
    expect(res.body).toMatch(new RegExp(`id="date" name="date" type="text" value="${typedFromIso(today)}"`));
    for (const f of FACT_TABLES[kind].fields) {
      expect(res.body).toContain(`id="${f.name}"`);
      expect(res.body).toContain(fieldLabel(nl, f));
      // A number says its bounds, and whether a decimal comma belongs in it.
      if (f.type === 'number') expect(res.body).toContain(nl.facts.numberHint(String(f.min), String(f.max), nl.facts.units[f.unit], f.above === true, f.whole === true));
    }
    // Yes, no, or not asked: until something is said, "not asked" is chosen, and the fact stays absent.
    const flag = FACT_TABLES[kind].fields.find((f) => f.type === 'flag' && !f.required);
    if (flag) expect(res.body).toContain(`name="${flag.name}" value="not-asked" checked/>${nl.facts.notAsked}`);
  });

  it('stores a good post of every kind, says so, and the Case holds it', async () => {
    const b = await signedIn('nurse');
    // What the demo holds already (Anna's exercise therapy) is not part of what this test stores.
    const demo = new Set((await entries()).map((e) => e.id));
    for (const kind of FACT_KINDS) {
      const form = await b.get(`/patients/${anna}/facts/${kind}`);
      const res = await b.post(`/patients/${anna}/facts/${kind}`, { _csrf: csrfOf(form.body), date: DATE_OF[kind] ?? typedFromIso(today), ...GOOD[kind] });
      expect(res.statusCode, kind).toBe(303);
      expect(res.headers.location).toBe(`/patients/${anna}/facts?saved=${kind}`);
    }
    const list = await b.get(`/patients/${anna}/facts?saved=frax`);
    expect(list.body).toContain(nl.facts.saved(nl.facts.kinds.frax.name));

    const stored = (await entries()).filter((e) => !demo.has(e.id));
    expect(stored.map((e) => e.kind).sort()).toEqual([...FACT_KINDS].sort());
    expect(stored.every((e) => e.source === 'clinician')).toBe(true);

    const c = await patientCase(accessDeps(t.app), { actor: nurse, meta, patientId: anna });
    expect(c.person).toMatchObject({ weightKg: 62.5, heightCm: 168, menopause: { status: 'post', ageAtMenopause: 51 } });
    // Not asked stays absent: the rules list it as missing instead of reading a "no".
    expect(c.riskFactors).toEqual({ currentSmoker: false, alcoholUnitsPerDay: 1.5, glucocorticoids: { mgPerDay: 7.5, months: expect.any(Number) as number } });
    expect(c.falls).toMatchObject({ fallsLast12Months: 2, worriedAboutFalling: true, frail: false, tugSeconds: 14.2, injuredByFall: true, unableToGetUp: false });
    expect(c.falls?.unsteady).toBeUndefined();
    expect(c.falls?.lostConsciousness).toBeUndefined();
    expect(c.fesI).toEqual([1, 2, 3, 4, 1, 2, 3]);
    expect(c.calcium).toEqual({ servings: { 'milk-glass': 2, 'cheese-slice': 1.5, 'calcium-enriched-soy-glass': 0 } });
    // The medication plan is not recorded here: its page runs the safety checks first.
    expect(c.medications).toBeUndefined();
    expect(c.plannedMedications).toBeUndefined();
    // Nor a contact: the contacts page asks what a contact asks (adherence, side effects, fractures, falls).
    expect(c.contacts).toBeUndefined();
    expect(c.frax).toEqual({ date: today, majorPercent: 12.5, hipPercent: 3, withBmd: true });
    // The waiver names the signed-in person; nothing typed says who.
    expect(c.workupWaived).toEqual({ reason: 'declined', by: account('nurse').displayName, date: today });
    expect(c.safety).toEqual({ canStayUpright30Min: true, pregnant: false, dentalCheckDone: true });
    expect(c.child).toEqual({ mobility: 'wheelchair', standingMinutesPerDay: 45, indoorsMostly: true, lastAidsCheck: today, heightCmAtLastAidsCheck: 150.5 });
  });

  const BAD: readonly { name: string; kind: FactKind; fields: Record<string, string>; field: string; message: string; keeps?: string }[] = [
    { name: 'a weight of 0', kind: 'weight', fields: { kg: '0' }, field: 'kg', message: nl.facts.range('Gewicht (kg)', '0', '400', 'kg', true), keeps: 'kg' },
    { name: 'a FRAX chance over 100 %', kind: 'frax', fields: { majorPercent: '120', hipPercent: '3', withBmd: 'no' }, field: 'majorPercent', message: nl.facts.range('Kans op een grote botbreuk in 10 jaar (%)', '0', '100', '%', false) },
    { name: 'a date that does not exist', kind: 'height', fields: { date: '31-02-2026', cm: '170' }, field: 'date', message: nl.form.dateNotExist('Datum', 2, 2026, 28) },
    { name: 'a date after today', kind: 'frax', fields: { date: typedFromIso(addDays(today, 1)), majorPercent: '10', hipPercent: '2', withBmd: 'yes' }, field: 'date', message: nl.facts.dateInFuture('Datum') },
    { name: 'a FES-I answer left out', kind: 'fes-i', fields: { answer1: '1', answer2: '2', answer3: '3', answer4: '4', answer5: '1', answer6: '2' }, field: 'answer7', message: nl.form.choose('Vraag 7') },
    { name: 'risk factors that state nothing', kind: 'risk-factors', fields: { currentSmoker: 'not-asked', alcoholUnitsPerDay: '', parentHipFracture: 'not-asked' }, field: 'currentSmoker', message: nl.facts.atLeastOne },
    // The form does not compare the two dates; the core does, and its refusal comes back at the field.
    { name: 'a course of glucocorticoids that ends before it starts', kind: 'glucocorticoid-course', fields: { date: daysAgo(5), mgPerDay: '5', end: daysAgo(10) }, field: 'end', message: nl.facts.endBeforeStart(fieldLabel(nl, { name: 'end', type: 'date' })), keeps: 'end' },
  ];

  it.each(BAD)('refuses $name at its field and stores nothing', async ({ kind, fields, field, message, keeps }) => {
    const b = await signedIn('nurse');
    const before = (await entries()).length;
    const form = await b.get(`/patients/${anna}/facts/${kind}`);
    const res = await b.post(`/patients/${anna}/facts/${kind}`, { _csrf: csrfOf(form.body), date: typedFromIso(today), ...fields });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain(`<a href="#${field}">${message}</a>`);
    expect(res.body).toContain(`id="${field}-error"`);
    expect(res.body).toMatch(new RegExp(`id="${field}"[^>]*aria-invalid="true"`));
    expect(res.body).toContain(`<title>${nl.form.titlePrefix}:`);
    // Shown again as typed, whether the form's check or the core's refused it.
    if (keeps) expect(res.body).toContain(`name="${keeps}" type="text" value="${fields[keeps] ?? ''}"`);
    expect((await entries()).length).toBe(before);
  });

  it('answers in the reader\'s language', async () => {
    const b = await signedIn('nurse');
    await b.get('/preferences?lang=en');
    const form = await b.get(`/patients/${anna}/facts/weight`);
    const res = await b.post(`/patients/${anna}/facts/weight`, { _csrf: csrfOf(form.body), date: typedFromIso(today), kg: '500' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain(en.facts.range('Weight (kg)', '0', '400', 'kg', true));
  });

  it('has no form for a prescription, a dose or a plan: the medication page runs the safety checks', async () => {
    const b = await signedIn('nurse');
    const before = (await entries()).length;
    const list = await b.get(`/patients/${anna}/facts`);
    for (const kind of ['medication', 'medication-dose', 'planned-medication']) {
      expect(list.body).not.toContain(`/facts/${kind}"`);
      expect((await b.get(`/patients/${anna}/facts/${kind}`)).statusCode).toBe(404);
      const res = await b.post(`/patients/${anna}/facts/${kind}`, { _csrf: csrfOf(list.body), date: typedFromIso(today), drug: 'zoledronic-acid' });
      expect(res.statusCode).toBe(404);
    }
    expect((await entries()).length).toBe(before);
  });

  it('refuses the pages and the post to a role that may not write the record', async () => {
    const before = (await entries()).length;
    const physio = await signedIn('physiotherapist');
    // She may read this record (a referral to her practice), not record facts in it.
    expect((await physio.get(`/patients/${anna}`)).statusCode).toBe(200);
    expect((await physio.get(`/patients/${anna}/facts`)).statusCode).toBe(403);
    expect((await physio.get(`/patients/${anna}/facts/weight`)).statusCode).toBe(403);
    const own = await physio.get(`/patients/${anna}`);
    const res = await physio.post(`/patients/${anna}/facts/weight`, { _csrf: csrfOf(own.body), date: typedFromIso(today), kg: '70' });
    expect(res.statusCode).toBe(403);
    const bad = await physio.post(`/patients/${anna}/facts/weight`, { _csrf: csrfOf(own.body), date: typedFromIso(today), kg: '0' });
    expect(bad.statusCode).toBe(403);
    expect((await entries()).length).toBe(before);
    // The use case refused the good post, and its audit says so.
    const physioId = (await t.store.db.selectFrom('app_user').select('id').where('email', '=', account('physiotherapist').email).executeTakeFirstOrThrow()).id;
    const refused = await t.store.db
      .selectFrom('audit_event')
      .select(['resource'])
      .where('user_id', '=', physioId)
      .where('action', '=', 'record.write')
      .where('allowed', '=', false)
      .execute();
    expect(refused.map((r) => r.resource)).toContain('patient/record/weight');
  });

  it('says a record whose care has ended takes no new facts, and stores nothing', async () => {
    const hendrik = (await t.store.db.selectFrom('patient').select('id').where('given_name', '=', 'Hendrik').executeTakeFirstOrThrow()).id;
    await endCare(accessDeps(t.app), { actor: nurse, meta, patientId: hendrik, reason: 'moved', date: today });
    const b = await signedIn('nurse');
    const form = await b.get(`/patients/${hendrik}/facts/weight`);
    const res = await b.post(`/patients/${hendrik}/facts/weight`, { _csrf: csrfOf(form.body), date: typedFromIso(today), kg: '80' });
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain(nl.facts.closed);
    expect(res.body).toContain('value="80"');
    expect(await listEntries(accessDeps(t.app), { actor: nurse, meta, patientId: hendrik })).toEqual([]);
  });

  it('keeps every answer as typed when the session ended, and stores them after signing in again', async () => {
    const pieter = (await t.store.db.selectFrom('patient').select('id').where('given_name', '=', 'Pieter').executeTakeFirstOrThrow()).id;
    const b = await signedIn('nurse');
    const form = await b.get(`/patients/${pieter}/facts/risk-factors`);
    await endSession(t, b);
    const typed = { date: daysAgo(3), currentSmoker: 'yes', alcoholUnitsPerDay: '2,5', rheumatoidArthritis: 'no', parentHipFracture: 'not-asked' };
    const signIn = await b.post(`/patients/${pieter}/facts/risk-factors`, { _csrf: csrfOf(form.body), ...typed });
    expect(signIn.body).toContain(nl.signIn.keptNotice);
    const carried = hiddenFields(signIn.body, '/sign-in');
    const back = await b.post('/sign-in', [...carried, ['email', account('nurse').email], ['password', DEMO_PASSWORD]]);
    const resend = hiddenFields(back.body, `/patients/${pieter}/facts/risk-factors`);
    for (const pair of Object.entries(typed)) expect(resend).toContainEqual(pair);
    const done = await b.post(`/patients/${pieter}/facts/risk-factors`, resend);
    expect(done.statusCode).toBe(303);
    const c = await patientCase(accessDeps(t.app), { actor: nurse, meta, patientId: pieter });
    expect(c.riskFactors).toEqual({ currentSmoker: true, alcoholUnitsPerDay: 2.5, rheumatoidArthritis: false });
  });

  it('answers 404 for a kind it has no form for and a record that does not exist', async () => {
    const b = await signedIn('nurse');
    expect((await b.get(`/patients/${anna}/facts/fracture-ish`)).statusCode).toBe(404);
    expect((await b.get('/patients/00000000-0000-4000-8000-000000000000/facts/weight')).statusCode).toBe(404);
  });
});
