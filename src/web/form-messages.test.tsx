// What the forms say when something is wrong, in both languages: a date that does not exist, a birth
// date after today, a BSN that fails the eleven-test, a phone number that is not one, each in its own
// words next to its field, every error at once. And every field a page marks as optional may be
// left empty (or hold only spaces) without an error.
import { describe, expect, it } from 'vitest';
import type { VNode } from 'preact';
import { checkForm, fieldMessages, refusalProblems, typedFromIso, type PageForm } from './forms.js';
import { nl } from './i18n/nl.js';
import { en } from './i18n/en.js';
import type { Messages } from './i18n/index.js';
import type { PageContext } from './components/Layout.js';
import { renderPage } from './render.js';
import { AccountForm, NewPatientForm, SearchForm } from './patients/patients.forms.js';
import { ActivationForm } from './accounts/accounts.forms.js';
import { AuditSearchForm, SettingsForm, settingsOfForm } from './admin/admin.forms.js';
import { OrganisationSettingsPage } from './admin/settings.page.js';
import { DEFAULT_SETTINGS, Settings } from '../core/settings.js';
import { AccountFormPage, NewPatientPage, PatientsPage } from './patients/patients.page.js';
import { ActivatePage } from './accounts/sign-in.page.js';
import { AuditPage } from './admin/admin.page.js';
import { FACT_FORMS, FACT_KINDS, type FactKind } from './facts/facts.forms.js';
import { FactFormPage } from './facts/facts.page.js';
import { IntakeForm, intakeDefaults } from './intake/intake.forms.js';
import { IntakePage } from './intake/intake.page.js';
import { SignForm } from './record/assessment.forms.js';
import { AssessmentPage } from './record/assessment.page.js';
import { DoseForm, PlanForm, PrescribeForm, StopForm } from './medication/medication.forms.js';
import { MedicationPage } from './medication/medication.page.js';
import type { MedicationPage as MedicationData } from '../api/facade.js';
import { AppError } from '../schema/problem.js';
import { todayNl } from '../schema/clock.js';
import { addDays } from '../core/time/date.js';
import type { z } from 'zod';

const LANGS = [
  ['nl', nl],
  ['en', en],
] as const;

const anna = { familyName: 'Vries', givenName: 'Anna', birthDate: '12-04-1948', sex: 'female' };

function errorsOf<S extends z.ZodType>(t: Messages, form: PageForm<S>, raw: Record<string, unknown>): Record<string, string> {
  const r = checkForm(t, form, raw, {});
  return r.ok ? {} : r.errors;
}

describe.each(LANGS)('the new-patient form says what is wrong (%s)', (_lang, t: Messages) => {
  const f = t.patients.fields;

  it('says a date that does not exist does not exist, however it is typed', () => {
    for (const typed of ['29-02-2023', '29/02/2023', '2023-02-29']) {
      expect(errorsOf(t, NewPatientForm, { ...anna, birthDate: typed })).toEqual({ birthDate: t.form.dateNotExist(f.birthDate, 2, 2023, 28) });
    }
    expect(errorsOf(t, NewPatientForm, { ...anna, birthDate: '31-02-1950' })).toEqual({ birthDate: t.form.dateNotExist(f.birthDate, 2, 1950, 28) });
    expect(errorsOf(t, NewPatientForm, { ...anna, birthDate: '31-04-1950' })).toEqual({ birthDate: t.form.dateNotExist(f.birthDate, 4, 1950, 30) });
    // Month and day swapped, as in an American date.
    expect(errorsOf(t, NewPatientForm, { ...anna, birthDate: '04-13-1950' })).toEqual({ birthDate: t.form.dateNotExist(f.birthDate, 13, 1950, 0) });
    expect(t.form.dateNotExist(f.birthDate, 2, 2023, 28)).toMatch(t.lang === 'nl' ? /bestaat niet\. In februari 2023 zijn er 28 dagen\./ : /does not exist\. February 2023 has 28 days\./);
    expect(t.form.dateNotExist(f.birthDate, 2, 2023, 28)).not.toBe(t.form.invalid(f.birthDate));
  });

  it('tells a date not written as a date, and a year out of range, apart from one that does not exist', () => {
    expect(errorsOf(t, NewPatientForm, { ...anna, birthDate: '12 april' })).toEqual({ birthDate: t.form.date(f.birthDate) });
    expect(errorsOf(t, NewPatientForm, { ...anna, birthDate: '01-01-1850' })).toEqual({ birthDate: t.form.dateYears(f.birthDate, 1900, 2999) });
  });

  it('says a birth date after today is after today, and takes today', () => {
    const tomorrow = typedFromIso(addDays(todayNl(), 1));
    expect(errorsOf(t, NewPatientForm, { ...anna, birthDate: tomorrow })).toEqual({ birthDate: t.form.birthInFuture(f.birthDate) });
    expect(t.form.birthInFuture(f.birthDate)).toMatch(t.lang === 'nl' ? /na vandaag/ : /after today/);
    expect(checkForm(t, NewPatientForm, { ...anna, birthDate: typedFromIso(todayNl()) }, {}).ok).toBe(true);
  });

  it('tells a BSN that fails the eleven-test apart from one of the wrong length', () => {
    expect(errorsOf(t, NewPatientForm, { ...anna, bsn: '123456789' })).toEqual({ bsn: t.form.bsnElevenTest(f.bsn) });
    expect(errorsOf(t, NewPatientForm, { ...anna, bsn: '12345678' })).toEqual({ bsn: t.form.bsnFormat(f.bsn) });
    expect(errorsOf(t, NewPatientForm, { ...anna, bsn: '12345678x' })).toEqual({ bsn: t.form.bsnFormat(f.bsn) });
    expect(t.form.bsnElevenTest(f.bsn)).toMatch(t.lang === 'nl' ? /geen geldig BSN\. Kijk de 9 cijfers/ : /not a valid BSN\. Please check the 9 digits/);
    const ok = checkForm(t, NewPatientForm, { ...anna, bsn: '1234.56.782' }, {});
    expect(ok.ok && ok.data.bsn).toBe('123456782');
  });

  it('checks a phone number, says which format is expected, and hands on the number in E.164 form', () => {
    expect(errorsOf(t, NewPatientForm, { ...anna, phone: '12345' })).toEqual({ phone: t.form.phone(f.phone) });
    expect(t.form.phone(f.phone)).toMatch(/06-12345678.*020-1234567.*\+/);
    for (const typed of ['06-12345678', '+31 6 12345678', '0031 6 12345678', '06 1234 5678']) {
      const r = checkForm(t, NewPatientForm, { ...anna, phone: typed }, {});
      expect(r.ok && r.data.phone, typed).toBe('+31612345678');
    }
    const abroad = checkForm(t, NewPatientForm, { ...anna, phone: '+44 20 7946 0958' }, {});
    expect(abroad.ok && abroad.data.phone).toBe('+442079460958');
  });

  it('shows every error at once, in the order of the page', () => {
    const errors = errorsOf(t, NewPatientForm, { familyName: '', givenName: 'Anna', birthDate: '31-02-1950', sex: '', bsn: '123456789', phone: '12345', email: 'anna', gpPractice: '' });
    expect(errors).toEqual({
      familyName: t.form.required(f.familyName),
      birthDate: t.form.dateNotExist(f.birthDate, 2, 1950, 28),
      sex: t.form.choose(f.sex),
      bsn: t.form.bsnElevenTest(f.bsn),
      phone: t.form.phone(f.phone),
      email: t.form.email,
    });
    expect(Object.keys(errors)).toEqual(['familyName', 'birthDate', 'sex', 'bsn', 'phone', 'email']);
  });

  it('says the same when the check is a use case refusing, by the code in its problem', () => {
    const refused = refusalProblems(new AppError('invalid-input', 'bad', [
      { pointer: '/bsn', detail: 'whatever the words', code: 'bsn-eleven-test' },
      { pointer: '/birthDate', detail: 'whatever the words', code: 'date-not-exist' },
    ]));
    // Without the month and its length, the message says only what it knows.
    expect(fieldMessages(t, NewPatientForm, refused ?? [])).toEqual({ birthDate: t.form.dateNotExist(f.birthDate), bsn: t.form.bsnElevenTest(f.bsn) });
    expect(t.form.dateNotExist(f.birthDate)).not.toMatch(/undefined|NaN| 0/);
  });
});

describe.each(LANGS)('the search forms name a date that does not exist (%s)', (_lang, t: Messages) => {
  it('in the patient search and the audit search', () => {
    expect(errorsOf(t, SearchForm, { birthDate: '30-02-1950' })).toEqual({ birthDate: t.form.dateNotExist(t.patients.birthDate, 2, 1950, 28) });
    expect(errorsOf(t, AuditSearchForm, { from: '31-06-2026', to: 'gisteren' })).toEqual({
      from: t.form.dateNotExist(t.audit.from, 6, 2026, 30),
      to: t.form.date(t.audit.to),
    });
  });
});

// ---- Optional means optional -----------------------------------------------------------------

const ctxOf = (t: Messages): PageContext => ({ lang: t.lang === 'nl' ? 'nl' : 'en', t, textSize: 'normal', side: 'clinician', demo: false, helpPhone: '088 123 45 67', path: '/' });
const somePatient = {
  id: '00000000-0000-4000-8000-000000000001', familyName: 'Vries', familyNamePrefix: 'de', givenName: 'Anna', birthDate: '1948-04-12', sex: 'female' as const,
  phone: null, email: null, gpPractice: null, language: 'nl' as const, livesAlone: null, pathwayStage: 'case-finding', mergedInto: null, organisations: [],
};

/** Each fact form's required fields filled in well; for a form that needs one fact of several, one of them. */
const FACT_FILLED: Record<FactKind, Record<string, string>> = {
  weight: { kg: '70' }, height: { cm: '170' }, menopause: { status: 'post' }, 'risk-factors': { currentSmoker: 'no' }, 'glucocorticoid-course': { mgPerDay: '5' }, fall: {},
  'falls-screen': { unsteady: 'yes' }, 'fes-i': { answer1: '1', answer2: '1', answer3: '1', answer4: '1', answer5: '1', answer6: '1', answer7: '1' }, calcium: { 'milk-glass': '1' },
  frax: { majorPercent: '10', hipPercent: '2', withBmd: 'no' }, 'workup-waived': { reason: 'declined' }, safety: { pregnant: 'no' }, 'dental-check': {}, child: { mobility: 'walking-aid' }, 'aids-check': {},
};

interface FormPage {
  name: string;
  page: (ctx: PageContext) => VNode;
  form: PageForm<z.ZodType>;
  /** The required fields, filled in well. */
  filled: Record<string, string>;
}

/** The settings form filled in with the defaults, as the page first shows it. */
const DEFAULT_FORM: Record<string, string> = {
  fractureSitePolicy: 'guideline', glucocorticoidTScoreThreshold: '-2', overdueGraceDays: '14', calciumOtherFoodMg: '400',
  ...Object.fromEntries(Object.entries(DEFAULT_SETTINGS.calciumPerServingMg).map(([item, mg]) => [`serving-${item}`, String(mg)])),
  aidsCheckIntervalMonths: '6', aidsCheckGrowthCm: '3', resultsReleaseDays: '7', shiftIdleMinutes: '240',
};
const DEFAULT_VIEW = { effective: DEFAULT_SETTINGS, defaults: DEFAULT_SETTINGS, overridden: [], overrides: {}, changedAt: null, changedBy: null, history: [] };

describe.each(LANGS)('the settings form (%s)', (_lang, t: Messages) => {
  const o = t.orgSettings;
  it('gives the defaults back as the core\'s settings, and reads a decimal comma', () => {
    const r = checkForm(t, SettingsForm, DEFAULT_FORM, {});
    expect(r.ok && Settings.parse(settingsOfForm(r.data))).toEqual(DEFAULT_SETTINGS);
    const comma = checkForm(t, SettingsForm, { ...DEFAULT_FORM, aidsCheckGrowthCm: ' 2,5 ', vertebralFractureMinT: '-1' }, {});
    expect(comma.ok && settingsOfForm(comma.data)).toMatchObject({ aidsCheckGrowthCm: 2.5, vertebralFractureMinT: -1 });
  });

  it('names the bounds of a number out of range, not typed as a number, or not whole', () => {
    expect(errorsOf(t, SettingsForm, { ...DEFAULT_FORM, glucocorticoidTScoreThreshold: '0.5', aidsCheckGrowthCm: '0', 'serving-milk-glass': 'veel', overdueGraceDays: '1,5' })).toEqual({
      glucocorticoidTScoreThreshold: o.range(o.fields.glucocorticoidTScoreThreshold.label, -5, 0),
      overdueGraceDays: o.whole(o.fields.overdueGraceDays.label, 0, 365),
      'serving-milk-glass': o.range(o.items['milk-glass'], 0, 2000),
      aidsCheckGrowthCm: o.range(o.fields.aidsCheckGrowthCm.label, 0.5, 30),
    });
    expect(errorsOf(t, SettingsForm, { ...DEFAULT_FORM, fractureSitePolicy: 'none', calciumOtherFoodMg: '' })).toEqual({
      fractureSitePolicy: t.form.choose(o.fields.fractureSitePolicy.label),
      calciumOtherFoodMg: t.form.required(o.fields.calciumOtherFoodMg.label),
    });
  });
});

/** A medication plan with one running course, so every form of the page is shown. */
const PLAN: MedicationData = {
  courses: [{
    id: '00000000-0000-4000-8000-000000000002', drug: 'denosumab', atc: 'M05BX04', route: 'sc', start: '2026-01-05', end: null, stopReason: null, status: 'current',
    regimen: { dose: '60 mg', interval: 'every-6-months', route: 'sc', instructions: ['on-time-every-6-months'] }, acknowledgedCautions: [], override: null, stopOverride: null,
    prescribedBy: 'Karim Haddou', prescribedAt: '2026-01-05T09:00:00.000Z', version: 1, doses: [],
  }],
  planned: [], case: { asOf: todayNl(), person: { birthDate: '1948-04-12', sex: 'female' } } as MedicationData['case'],
  evaluation: { asOf: todayNl(), rulesVersion: 'x', settingsUsed: DEFAULT_SETTINGS, conclusions: [] }, gates: [], stopGuards: {}, may: { prescribe: true, write: true }, closed: false,
};
const medicationPage = (ctx: PageContext) => <MedicationPage ctx={ctx} patient={somePatient} plan={PLAN} csrf="x" />;

const FORM_PAGES: readonly FormPage[] = [
  { name: 'new patient', page: (ctx) => <NewPatientPage ctx={ctx} csrf="x" />, form: NewPatientForm, filled: anna },
  { name: 'patient search', page: (ctx) => <PatientsPage ctx={ctx} q="" birthDate="" results={{ items: [], nextCursor: null, prevCursor: null, total: 0, before: 0 }} canCreate />, form: SearchForm, filled: {} },
  { name: 'account for a patient', page: (ctx) => <AccountFormPage ctx={ctx} csrf="x" patient={somePatient} />, form: AccountForm, filled: { kind: 'patient' } },
  { name: 'activation', page: (ctx) => <ActivatePage ctx={ctx} csrf="x" />, form: ActivationForm, filled: { code: 'ABCD-EFGH-JKMN', password: 'een lange zin', password2: 'een lange zin' } },
  { name: 'audit search', page: (ctx) => <AuditPage ctx={ctx} query={{ person: '', patient: '', action: '', allowed: '', from: '', to: '' }} results={undefined} />, form: AuditSearchForm, filled: {} },
  {
    name: 'fracture intake',
    page: (ctx) => <IntakePage ctx={ctx} csrf="x" values={intakeDefaults(typedFromIso(todayNl()))} withBsn />,
    form: IntakeForm,
    filled: { ...anna, fractureDate: typedFromIso(todayNl()), site: 'wrist', side: 'left', energy: 'low' },
  },
  {
    name: 'assessment sign-off',
    page: (ctx) => (
      <AssessmentPage
        ctx={ctx}
        csrf="x"
        patient={somePatient}
        view={{ evaluation: { asOf: todayNl(), rulesVersion: 'x', settingsUsed: DEFAULT_SETTINGS, conclusions: [] }, assessments: [], may: { write: true, sign: true, endCare: true }, case: { asOf: todayNl(), person: { birthDate: '1950-01-01', sex: 'female' } }, patientPaths: [], setAside: [] }}
      />
    ),
    form: SignForm,
    filled: {},
  },
  { name: 'organisation settings', page: (ctx) => <OrganisationSettingsPage ctx={ctx} csrf="x" settings={DEFAULT_VIEW} />, form: SettingsForm, filled: DEFAULT_FORM },
  { name: 'medication: prescribe', page: medicationPage, form: PrescribeForm, filled: { drug: 'denosumab', start: typedFromIso(todayNl()) } },
  { name: 'medication: dose', page: medicationPage, form: DoseForm, filled: { medicationId: '00000000-0000-4000-8000-000000000002', doseDate: typedFromIso(todayNl()) } },
  { name: 'medication: stop', page: medicationPage, form: StopForm, filled: { stopCourse: '00000000-0000-4000-8000-000000000002', end: typedFromIso(todayNl()), stopReason: 'Overstap' } },
  { name: 'medication: plan', page: medicationPage, form: PlanForm, filled: { planDrug: 'zoledronic-acid', from: typedFromIso(todayNl()) } },
  ...FACT_KINDS.map((kind): FormPage => ({
    name: `fact: ${kind}`,
    page: (ctx) => <FactFormPage ctx={ctx} csrf="x" patient={somePatient} kind={kind} by="Inge Verbeek" values={{}} />,
    form: FACT_FORMS[kind],
    filled: { date: typedFromIso(todayNl()), ...FACT_FILLED[kind] },
  })),
];

/** The fields whose label says "(optional)" on the rendered page. */
function optionalFields(html: string, t: Messages): string[] {
  const marker = `<span class="hint-inline"> ${t.form.optional}</span></label>`;
  return [...html.matchAll(/<label for="([^"]+)">([^<]|<span class="hint-inline">[^<]*<\/span>)*?<\/label>/g)]
    .filter((m) => m[0].endsWith(marker))
    .map((m) => m[1] ?? '');
}

describe.each(LANGS)('a field marked optional (%s)', (_lang, t: Messages) => {
  it('is found on every form page (the check below looks at real fields)', () => {
    const found = Object.fromEntries(FORM_PAGES.map((p) => [p.name, optionalFields(renderPage(p.page(ctxOf(t))), t)]));
    expect(found).toEqual({
      'new patient': ['familyNamePrefix', 'bsn', 'phone', 'email', 'gpPractice'],
      'patient search': ['q', 'birthDate'],
      'account for a patient': ['accountEmail', 'consentGivenBy', 'representationProof'],
      'activation': ['email'],
      'audit search': ['person', 'patient', 'from', 'to'],
      'fracture intake': ['bsn', 'department'],
      'assessment sign-off': ['note'],
      'organisation settings': ['vertebralFractureMinT'],
      // One page holds the four medication forms; a field needed only sometimes says when instead.
      'medication: prescribe': ['administeredBy', 'location'], 'medication: dose': ['administeredBy', 'location'],
      'medication: stop': ['administeredBy', 'location'], 'medication: plan': ['administeredBy', 'location'],
      'fact: weight': [], 'fact: height': [], 'fact: menopause': ['ageAtMenopause'], 'fact: risk-factors': ['alcoholUnitsPerDay', 'antiEpileptics'],
      'fact: glucocorticoid-course': ['end'], 'fact: fall': [], 'fact: falls-screen': ['fallsLast12Months', 'tugSeconds', 'gaitSpeedMps'], 'fact: fes-i': [],
      // Of the calcium items one is needed, and each says so instead of "optional".
      'fact: calcium': [], 'fact: frax': [],
      'fact: workup-waived': [], 'fact: safety': ['hipFractureRepairDate'], 'fact: dental-check': [], 'fact: child': ['standingMinutesPerDay', 'movementMinutesPerDay'],
      'fact: aids-check': ['heightCm'],
    });
  });

  it.each(FORM_PAGES)('may be left empty, or hold only spaces, on the $name page', (p) => {
    const fields = optionalFields(renderPage(p.page(ctxOf(t))), t);
    for (const empty of ['', '   ', '\t']) {
      const r = checkForm(t, p.form, { ...p.filled, ...Object.fromEntries(fields.map((k) => [k, empty])) }, {});
      expect(r.ok ? {} : r.errors, `${p.name} with ${JSON.stringify(empty)}`).toEqual({});
    }
  });

  it('says when a field is needed after all, instead of calling it optional', () => {
    const html = renderPage(<AccountFormPage ctx={ctxOf(t)} csrf="x" patient={somePatient} />);
    expect(html).toContain(`<span class="hint-inline"> ${t.record.forCaregiver}</span>`);
    expect(errorsOf(t, AccountForm, { kind: 'caregiver' })).toEqual({ displayName: t.form.required(t.record.displayName), relation: t.form.choose(t.record.relation) });
  });
});
