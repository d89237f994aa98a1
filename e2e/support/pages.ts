// Every page Botpad serves, in one list: each spec walks it, so a new page gets the axe audit, the
// target-size, text-size and reflow checks, the keyboard and the CSP checks by adding one line here.
// A page behind sign-in adds a `before` step (sign in as a demo user) in the same line.
import type { Cookie, Page } from 'playwright-core';
import { LANGS, messages, type Lang, type Messages } from '../../src/web/i18n/index.js';
import { TEXT_SIZES, type TextSize } from '../../src/web/components/Layout.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoAccount } from '../../src/demo/demo-data.js';
import { learnPage } from '../../src/web/learn/pages/index.js';
import { todayNl } from '../../src/schema/clock.js';
import { addDays } from '../../src/core/time/date.js';
import { numericDate } from '../../src/web/time-format.js';

const SESSION_COOKIE = 'botpad_session';

/** Signs in through the real form as the demo account of `role` (the server runs in demo mode). */
export function signInAs(role: DemoAccount['role']): (page: Page) => Promise<void> {
  return async (page) => {
    const account = DEMO_ACCOUNTS.find((a) => a.role === role);
    if (!account) throw new Error(`no demo account for ${role}`);
    await signInThroughForm(page, account.email);
  };
}

/** Signs in through the real form as the demo account with this e-mail address. */
async function signInThroughForm(page: Page, email: string): Promise<void> {
  // Drop a session left by an earlier page in this context (a signed-in user is sent on from
  // /sign-in), but keep the display settings the test chose.
  const ctx = page.context();
  const keep = (await ctx.cookies()).filter((c) => c.name !== SESSION_COOKIE);
  await ctx.clearCookies();
  if (keep.length > 0) await ctx.addCookies(keep);
  await page.goto('/sign-in');
  await page.fill('#email', email);
  await page.fill('#password', DEMO_PASSWORD);
  await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/sign-in')), page.click('form[action="/sign-in"] button[type="submit"]')]);
}

/**
 * Sessions this spec file has opened through the form, by role. A page in the list only needs its
 * reader signed in, and the crawls open every page in many settings: going through the form each
 * time (three page loads and an argon2 check) was a large share of their time, for a sign-in that
 * signInAs already proves works, and that other specs walk through on their own.
 * Kept per file: each file has its own Botpad (server.ts), and the module is loaded per file.
 */
const sessions = new Map<DemoAccount['role'], Cookie>();

/**
 * Signs in as the demo account of `role` for a page check: with the session of the file's first
 * sign-in as that role when the server still takes it (asked of the API, as readerSide does),
 * otherwise through the form (signInAs), keeping that session for the next time. Unlike signInAs it
 * leaves the page where it was: the caller goes to the page to check.
 */
export function signedInAs(role: DemoAccount['role']): ((page: Page) => Promise<void>) & { role: DemoAccount['role'] } {
  return Object.assign(async (page: Page) => {
    const ctx = page.context();
    const kept = sessions.get(role);
    if (kept) {
      const others = (await ctx.cookies()).filter((c) => c.name !== SESSION_COOKIE);
      await ctx.clearCookies();
      await ctx.addCookies([...others, kept]);
      const res = await page.request.get('/api/v1/session');
      if (res.status() === 200 && ((await res.json()) as { role?: string }).role === role) return;
      sessions.delete(role);
    }
    await signInAs(role)(page);
    const session = (await ctx.cookies()).find((c) => c.name === SESSION_COOKIE);
    if (!session) throw new Error(`signing in as ${role} set no ${SESSION_COOKIE} cookie`);
    sessions.set(role, session);
  }, { role });
}

/** The role a page is opened as (the one its `before` signs in), or undefined for a visitor. */
export function readerRoleOf(spec: PageSpec): DemoAccount['role'] | undefined {
  return (spec.before as { role?: DemoAccount['role'] } | undefined)?.role;
}

export interface PageSpec {
  /** Used in test names. */
  name: string;
  path: string;
  /** Expected HTTP status (200 unless given). */
  status?: number;
  /** The page's one h1, in the given language: proves the right page (and language) rendered. */
  h1: (t: Messages) => string;
  /** Whatever must happen first in a fresh browser context, e.g. signing in. */
  before?: (page: Page) => Promise<void>;
  /** For a page whose address holds an id: finds the address after `before` (`path` names it). */
  resolve?: (page: Page) => Promise<string>;
}

/** First on the hospital's list (sorted by name): the demo physician. */
const FIRST_ACCOUNT = DEMO_ACCOUNTS.find((a) => a.role === 'physician')?.displayName ?? '';

/** The address of the first "manage" link on the administrator's list of accounts. */
/** The consent page of the first caregiver on a demo record; a caregiver with consent is made first when there is none. */
async function firstConsentPage(page: Page): Promise<string> {
  await page.goto('/patients?q=Vries');
  const record = await page.locator('a[href^="/patients/"]', { hasText: 'Anna' }).first().getAttribute('href');
  if (!record) throw new Error('no demo record for Anna de Vries');
  await page.goto(record);
  const existing = await page.locator(`a[href^="${record}/caregivers/"]`).first().getAttribute('href', { timeout: 1000 }).catch(() => null);
  if (existing) return existing;
  await page.goto(`${record}/account`);
  await page.check('input[name="kind"][value="caregiver"]');
  await page.fill('#displayName', 'Bram de Vries');
  await page.selectOption('#relation', 'family');
  await page.check('#patientConsent');
  await Promise.all([page.waitForLoadState('load'), page.click(`form[action="${record}/account"] button[type="submit"]`)]);
  await page.goto(record);
  const made = await page.locator(`a[href^="${record}/caregivers/"]`).first().getAttribute('href');
  if (!made) throw new Error('no caregiver link on the record');
  return made;
}

/** The demo record of Anna de Vries, as the signed-in clinician finds it, or one of its sections. */
export function annasRecord(section = ''): (page: Page) => Promise<string> {
  return async (page) => {
    await page.goto('/patients?q=Vries');
    const record = await page.locator('a[href^="/patients/"]', { hasText: 'Anna' }).first().getAttribute('href');
    if (!record) throw new Error('no demo record for Anna de Vries');
    return section === '' ? record : `${record}/${section}`;
  };
}

/** The demo record of Johanna Visser (on a tablet, the 1-year visit done, a dentist's card kept), or one of its sections. */
const johannasRecord = (section: string) => recordOf('Visser', 'Johanna', section);

/** A section of another demo patient's record, found by family name and given name. */
function recordOf(familyName: string, givenName: string, section: string): (page: Page) => Promise<string> {
  return async (page) => {
    await page.goto(`/patients?q=${encodeURIComponent(familyName)}`);
    const record = await page.locator('a[href^="/patients/"]', { hasText: givenName }).first().getAttribute('href');
    if (!record) throw new Error(`no demo record for ${givenName} ${familyName}`);
    return `${record}/${section}`;
  };
}

/** The page of one fact on Anna's record: the newest note, made first when there is none. */
async function annasNote(page: Page): Promise<string> {
  const contacts = await annasRecord('contacts')(page);
  await page.goto(contacts);
  const existing = page.locator('a[href*="/entries/"]').first();
  if ((await existing.count()) === 0) {
    await page.locator('details:has(form[action$="/add/note"]) > summary').click();
    await page.fill('#note-date', '01-12-2026');
    await page.fill('#text', 'Uitslagen besproken.');
    await Promise.all([page.waitForURL(/notice=added/), page.click(`form[action$="/add/note"] button[type="submit"]`)]);
  }
  const href = await page.locator('a[href*="/entries/"]').first().getAttribute('href');
  if (!href) throw new Error('no note on the record');
  return href;
}

/** The patient's own record, reached from her start page. */
async function ownRecord(page: Page): Promise<string> {
  await page.goto('/me');
  const href = await page.locator('main a[href^="/patients/"]').first().getAttribute('href');
  if (!href) throw new Error('no link to the own record on /me');
  return href;
}

/** A questionnaire page of the patient's own record: `rest` after /questionnaires/{id}. */
function ownQuestionnaire(rest: string): (page: Page) => Promise<string> {
  return async (page) => `/questionnaires/${(await ownRecord(page)).split('/')[2] ?? ''}${rest}`;
}

/** The questionnaires of the first person a caregiver looks after, from their list. */
async function caredForQuestionnaires(page: Page): Promise<string> {
  await page.goto('/care');
  const href = await page.locator('main a[href^="/questionnaires/"]').first().getAttribute('href');
  if (!href) throw new Error('no questionnaires link on /care');
  return href;
}

async function firstAccountPage(page: Page): Promise<string> {
  await page.goto('/admin/users');
  const href = await page.locator('a[href^="/admin/users/"]').first().getAttribute('href');
  if (!href) throw new Error('no account to manage on /admin/users');
  return href;
}

export const PAGES: readonly PageSpec[] = [
  { name: 'home', path: '/', h1: (t) => t.home.title },
  { name: 'help', path: '/help', h1: (t) => t.help.title },
  { name: 'accessibility statement', path: '/accessibility', h1: (t) => t.a11y.title },
  { name: 'API documentation', path: '/api/docs', h1: (t) => t.apiDocs.title },
  { name: 'not found', path: '/this-page-does-not-exist', status: 404, h1: (t) => t.errors.notFoundTitle },
  { name: 'learn pages', path: '/learn', h1: (t) => t.learn.title },
  { name: 'a learn page, with pictures', path: '/learn/osteoporosis', h1: (t) => learnPage('osteoporosis')?.title[t.lang === 'en' ? 'en' : 'nl'] ?? '' },
  { name: 'a learn page that does not exist', path: '/learn/no-such-page', status: 404, h1: (t) => t.errors.notFoundTitle },
  { name: 'sign in', path: '/sign-in', h1: (t) => t.signIn.title },
  { name: 'activate account', path: '/activate', h1: (t) => t.activate.title },
  { name: 'forgot password', path: '/password-reset', h1: (t) => t.reset.title },
  { name: 'new password, link not valid', path: '/password-reset/confirm', status: 400, h1: (t) => t.reset.confirmTitle },
  { name: 'worklist (nurse)', path: '/worklist', h1: (t) => t.worklist.title, before: signedInAs('nurse') },
  { name: 'worklist, alerts with their buttons (physician)', path: '/worklist?step=alert&sort=name', h1: (t) => t.worklist.title, before: signedInAs('physician') },
  { name: 'worklist, a filter that is not one (nurse)', path: '/worklist?step=tomorrow', status: 400, h1: (t) => t.worklist.title, before: signedInAs('nurse') },
  { name: 'worklist, refused (physiotherapist)', path: '/worklist', status: 403, h1: (t) => t.errors.forbiddenTitle, before: signedInAs('physiotherapist') },
  { name: 'quality dashboard (nurse)', path: '/quality', h1: (t) => t.quality.title, before: signedInAs('nurse') },
  { name: 'quality dashboard, a year with codes for names (admin)', path: '/quality?kind=year', h1: (t) => t.quality.title, before: signedInAs('admin') },
  {
    name: 'quality, the patients behind a figure (physician)', path: '/quality/patients?kind=year&indicator=identification',
    h1: (t) => t.quality.patientsTitle(t.quality.indicators.identification, t.quality.groups.all), before: signedInAs('physician'),
  },
  { name: 'quality, a period that is none (nurse)', path: '/quality?kind=month&period=2026-13', status: 400, h1: (t) => t.quality.title, before: signedInAs('nurse') },
  { name: 'quality, refused (physiotherapist)', path: '/quality', status: 403, h1: (t) => t.errors.forbiddenTitle, before: signedInAs('physiotherapist') },
  { name: 'patients (nurse)', path: '/patients', h1: (t) => t.patients.title, before: signedInAs('nurse') },
  { name: 'new patient (physician)', path: '/patients/new', h1: (t) => t.patients.new, before: signedInAs('physician') },
  { name: 'patients (physiotherapist)', path: '/patients', h1: (t) => t.patients.title, before: signedInAs('physiotherapist') },
  { name: 'patients (care worker)', path: '/patients', h1: (t) => t.patients.title, before: signedInAs('care-worker') },
  { name: 'my record (patient)', path: '/me', h1: (t) => t.me.title, before: signedInAs('patient') },
  { name: 'people I care for (caregiver)', path: '/care', h1: (t) => t.care.title, before: signedInAs('caregiver') },
  { name: 'who may look along (patient)', path: '/me/caregivers', h1: (t) => t.caregiverInvites.title, before: signedInAs('patient') },
  { name: 'invite someone to look along (patient)', path: '/me/caregivers/invite', h1: (t) => t.caregiverInvites.inviteTitle, before: signedInAs('patient') },
  { name: 'who looked at my record (patient)', path: '/me/access-log', h1: (t) => t.accessLog.mine.title, before: signedInAs('patient') },
  {
    name: 'who looked at the record of a child (caregiver)', path: '/care/{id}/access-log', h1: (t) => t.accessLog.mine.titleFor('Lotte Mulder'), before: signedInAs('caregiver'),
    resolve: async (page) => `${(await caredForQuestionnaires(page)).replace('/questionnaires/', '/care/')}/access-log`,
  },
  { name: 'an invitation to look along, link not valid', path: '/caregiver-invitation?token=not-a-token', status: 400, h1: (t) => t.caregiverInvites.openTitle },
  { name: 'questionnaires (patient)', path: '/questionnaires/{id}', h1: (t) => t.questionnaires.title, before: signedInAs('patient'), resolve: ownQuestionnaire('') },
  {
    name: 'risk-factor questionnaire, a step (patient)', path: '/questionnaires/{id}/risk-factors/step/{n}', h1: (t) => t.questionnaires.names['risk-factors'],
    before: signedInAs('patient'), resolve: ownQuestionnaire('/risk-factors/step/7'),
  },
  {
    name: 'risk-factor questionnaire, the check before sending (patient)', path: '/questionnaires/{id}/risk-factors/summary', h1: (t) => t.questionnaires.summary.title,
    before: signedInAs('patient'), resolve: ownQuestionnaire('/risk-factors/summary'),
  },
  {
    name: 'calcium calculator (patient)', path: '/questionnaires/{id}/calcium/step/1', h1: (t) => t.questionnaires.names.calcium,
    before: signedInAs('patient'), resolve: ownQuestionnaire('/calcium/step/1'),
  },
  { name: 'my results (patient)', path: '/results/{id}', h1: (t) => t.myResults.title, before: signedInAs('patient'), resolve: async (page) => `/results/${(await ownRecord(page)).split('/')[2] ?? ''}` },
  { name: 'my calendar (patient)', path: '/calendar/{id}', h1: (t) => t.calendarFeed.title, before: signedInAs('patient'), resolve: async (page) => `/calendar/${(await ownRecord(page)).split('/')[2] ?? ''}` },
  { name: 'calendar of a child (caregiver)', path: '/calendar/{id}', h1: (t) => t.calendarFeed.titleFor('Lotte Mulder'), before: signedInAs('caregiver'), resolve: async (page) => (await caredForQuestionnaires(page)).replace('/questionnaires/', '/calendar/') },
  { name: 'results of a child (caregiver)', path: '/results/{id}', h1: (t) => t.myResults.titleFor('Lotte Mulder'), before: signedInAs('caregiver'), resolve: async (page) => (await caredForQuestionnaires(page)).replace('/questionnaires/', '/results/') },
  { name: 'my medicines (patient)', path: '/medicines/{id}', h1: (t) => t.myMedicines.title, before: signedInAs('patient'), resolve: async (page) => `/medicines/${(await ownRecord(page)).split('/')[2] ?? ''}` },
  { name: 'medicines of a child (caregiver)', path: '/medicines/{id}', h1: (t) => t.myMedicines.titleFor('Lotte Mulder'), before: signedInAs('caregiver'), resolve: async (page) => (await caredForQuestionnaires(page)).replace('/questionnaires/', '/medicines/') },
  { name: 'my plan (patient)', path: '/plan/{id}', h1: (t) => t.myPlan.title, before: signedInAs('patient'), resolve: async (page) => `/plan/${(await ownRecord(page)).split('/')[2] ?? ''}` },
  { name: 'plan of a child (caregiver)', path: '/plan/{id}', h1: (t) => t.myPlan.titleFor('Lotte Mulder'), before: signedInAs('caregiver'), resolve: async (page) => (await caredForQuestionnaires(page)).replace('/questionnaires/', '/plan/') },
  { name: 'my diary (patient)', path: '/diary/{id}', h1: (t) => t.diary.title, before: signedInAs('patient'), resolve: async (page) => `/diary/${(await ownRecord(page)).split('/')[2] ?? ''}` },
  { name: 'diary of a child (caregiver)', path: '/diary/{id}', h1: (t) => t.diary.title, before: signedInAs('caregiver'), resolve: async (page) => (await caredForQuestionnaires(page)).replace('/questionnaires/', '/diary/') },
  { name: 'my reports (patient)', path: '/reports/{id}', h1: (t) => t.reports.listTitle, before: signedInAs('patient'), resolve: async (page) => `/reports/${(await ownRecord(page)).split('/')[2] ?? ''}` },
  { name: 'a new report, first screen (patient)', path: '/reports/{id}/new', h1: (t) => t.reports.title, before: signedInAs('patient'), resolve: async (page) => `/reports/${(await ownRecord(page)).split('/')[2] ?? ''}/new` },
  { name: 'questionnaires of a child (caregiver)', path: '/questionnaires/{id}', h1: (t) => t.questionnaires.title, before: signedInAs('caregiver'), resolve: caredForQuestionnaires },
  { name: 'consent of a caregiver (nurse)', path: '/patients/{id}/caregivers/{caregiverId}', h1: (t) => t.record.consentTitle('Bram de Vries'), before: signedInAs('nurse'), resolve: firstConsentPage },
  { name: 'record facts (nurse)', path: '/patients/{id}/facts', h1: (t) => t.facts.title, before: signedInAs('nurse'), resolve: annasRecord('facts') },
  ...(['weight', 'risk-factors', 'fes-i', 'calcium'] as const).map(
    (kind): PageSpec => ({
      name: `record a fact: ${kind} (nurse)`,
      path: `/patients/{id}/facts/${kind}`,
      h1: (t) => t.facts.formTitle(t.facts.kinds[kind].name),
      before: signedInAs('nurse'),
      resolve: annasRecord(`facts/${kind}`),
    }),
  ),
  { name: 'record facts, refused (physiotherapist)', path: '/patients/{id}/facts', status: 403, h1: (t) => t.errors.forbiddenTitle, before: signedInAs('physiotherapist'), resolve: annasRecord('facts') },
  { name: 'record overview (nurse)', path: '/patients/{id}', h1: () => 'Anna de Vries', before: signedInAs('nurse'), resolve: annasRecord() },
  ...(['fractures', 'results', 'assessment', 'medication', 'contacts', 'letters'] as const).map(
    (section): PageSpec => ({ name: `record: ${section} (nurse)`, path: `/patients/{id}/${section}`, h1: (t) => t.clinical.sections[section], before: signedInAs('nurse'), resolve: annasRecord(section) }),
  ),
  { name: 'record: follow-up with its schedule and contacts (nurse)', path: '/patients/{id}/contacts', h1: (t) => t.clinical.sections.contacts, before: signedInAs('nurse'), resolve: johannasRecord('contacts') },
  { name: 'record: letters kept and to write (physician)', path: '/patients/{id}/letters', h1: (t) => t.clinical.sections.letters, before: signedInAs('physician'), resolve: johannasRecord('letters') },
  // The medication plan: a course of denosumab with its doses and the guardrail on a stop, a late injection as an action, a referring physiotherapist reading.
  { name: 'record: medication with a course and doses (physician)', path: '/patients/{id}/medication', h1: (t) => t.clinical.sections.medication, before: signedInAs('physician'), resolve: recordOf('Berg', 'Cornelis', 'medication') },
  { name: 'record: medication with a late injection (physician)', path: '/patients/{id}/medication', h1: (t) => t.clinical.sections.medication, before: signedInAs('physician'), resolve: recordOf('Veld', 'Joost', 'medication') },
  { name: 'record: medication, a drug chosen (physician)', path: '/patients/{id}/medication?drug=zoledronic-acid', h1: (t) => t.clinical.sections.medication, before: signedInAs('physician'), resolve: recordOf('Visser', 'Johanna', 'medication?drug=zoledronic-acid') },
  { name: 'record: medication, read only (physiotherapist)', path: '/patients/{id}/medication', h1: (t) => t.clinical.sections.medication, before: signedInAs('physiotherapist'), resolve: annasRecord('medication') },
  { name: 'shared decision (nurse)', path: '/patients/{id}/decision', h1: (t) => t.decision.title, before: signedInAs('nurse'), resolve: annasRecord('decision') },
  { name: 'shared decision, the agreements read (physiotherapist)', path: '/patients/{id}/decision', h1: (t) => t.decision.title, before: signedInAs('physiotherapist'), resolve: annasRecord('decision') },
  { name: 'record: one fact (nurse)', path: '/patients/{id}/entries/{entryId}', h1: (t) => t.clinical.entries.title(t.clinical.kinds.note ?? '', '01-12-2026'), before: signedInAs('nurse'), resolve: annasNote },
  { name: 'record: corrections (physician)', path: '/patients/{id}/history/record', h1: (t) => t.clinical.history.title, before: signedInAs('physician'), resolve: annasRecord('history/record') },
  { name: 'record: history (physician)', path: '/patients/{id}/history', h1: (t) => t.history.title, before: signedInAs('physician'), resolve: annasRecord('history') },
  { name: 'record overview (patient, her own)', path: '/patients/{id}', h1: () => 'Anna de Vries', before: signedInAs('patient'), resolve: ownRecord },
  { name: 'record: appointments (nurse)', path: '/patients/{id}/visits', h1: (t) => t.clinical.sections.visits, before: signedInAs('nurse'), resolve: annasRecord('visits') },
  { name: 'record: notes, calls and tasks (physician)', path: '/patients/{id}/notes', h1: (t) => t.clinical.sections.notes, before: signedInAs('physician'), resolve: annasRecord('notes') },
  { name: 'day board (nurse)', path: '/dayboard', h1: (t) => t.logistics.board.title, before: signedInAs('nurse') },
  { name: 'day board, a date that does not exist (physician)', path: '/dayboard?date=31-02-2026', status: 400, h1: (t) => t.logistics.board.title, before: signedInAs('physician') },
  { name: 'day board, refused (physiotherapist)', path: '/dayboard', status: 403, h1: (t) => t.errors.forbiddenTitle, before: signedInAs('physiotherapist') },
  { name: 'fracture intake (nurse)', path: '/intake', h1: (t) => t.intake.title, before: signedInAs('nurse') },
  { name: 'case finding of a patient (nurse)', path: '/intake/{id}', h1: (t) => t.intake.resultTitle('Anna de Vries'), before: signedInAs('nurse'), resolve: async (page) => (await annasRecord()(page)).replace('/patients/', '/intake/') },
  { name: 'users (admin)', path: '/admin/users', h1: (t) => t.users.title, before: signedInAs('admin') },
  { name: 'one account (admin)', path: '/admin/users/{id}', h1: (t) => t.users.manageTitle(FIRST_ACCOUNT), before: signedInAs('admin'), resolve: firstAccountPage },
  { name: 'audit log (admin)', path: '/admin/audit', h1: (t) => t.audit.title, before: signedInAs('admin') },
  { name: 'clinical settings (admin)', path: '/admin/settings', h1: (t) => t.orgSettings.title, before: signedInAs('admin') },
  { name: 'audit log, a date that does not exist (admin)', path: '/admin/audit?from=31-02-2026', status: 400, h1: (t) => t.audit.title, before: signedInAs('admin') },
  { name: 'forbidden (patient on admin page)', path: '/admin/users', status: 403, h1: (t) => t.errors.forbiddenTitle, before: signedInAs('patient') },
  { name: 'home safety check (physiotherapist)', path: '/patients/{id}/therapy/home-check', h1: (t) => t.homeCheck.title, before: signedInAs('physiotherapist'), resolve: annasRecord('therapy/home-check') },
  { name: 'home safety check, read only (nurse)', path: '/patients/{id}/therapy/home-check', h1: (t) => t.homeCheck.title, before: signedInAs('nurse'), resolve: annasRecord('therapy/home-check') },
  { name: 'lifestyle coaching (physiotherapist)', path: '/patients/{id}/therapy/coaching', h1: (t) => t.coaching.title, before: signedInAs('physiotherapist'), resolve: annasRecord('therapy/coaching') },
  { name: 'lifestyle coaching, read only (physician)', path: '/patients/{id}/therapy/coaching', h1: (t) => t.coaching.title, before: signedInAs('physician'), resolve: annasRecord('therapy/coaching') },
  // Referrals: the practice's start page (one waiting in the demo, one taken on), the record's referrals with the form to refer, the therapy hub.
  { name: 'referrals of the practice (physiotherapist)', path: '/referrals', h1: (t) => t.referralPages.practice.title, before: signedInAs('physiotherapist') },
  { name: 'referrals of the practice, refused (nurse)', path: '/referrals', status: 403, h1: (t) => t.errors.forbiddenTitle, before: signedInAs('nurse') },
  { name: 'referrals of a record (nurse)', path: '/patients/{id}/referrals', h1: (t) => t.referralPages.patient.title, before: signedInAs('nurse'), resolve: recordOf('Meijer', 'Sanne', 'referrals') },
  { name: 'therapy hub (physiotherapist)', path: '/patients/{id}/therapy', h1: (t) => t.referralPages.hub.title, before: signedInAs('physiotherapist'), resolve: recordOf('Meijer', 'Sanne', 'therapy') },
  { name: 'exercise plan (physiotherapist)', path: '/patients/{id}/therapy/plan', h1: (t) => t.exercisePlan.title, before: signedInAs('physiotherapist'), resolve: annasRecord('therapy/plan') },
  { name: 'exercise plan, read only (nurse)', path: '/patients/{id}/therapy/plan', h1: (t) => t.exercisePlan.title, before: signedInAs('nurse'), resolve: annasRecord('therapy/plan') },
  { name: 'my exercises (patient)', path: '/exercise/{id}', h1: (t) => t.homeProgramme.title, before: signedInAs('patient'), resolve: async (page) => `/exercise/${(await ownRecord(page)).split('/')[2] ?? ''}` },
  { name: 'exercises of a child (caregiver)', path: '/exercise/{id}', h1: (t) => t.homeProgramme.title, before: signedInAs('caregiver'), resolve: async (page) => (await caredForQuestionnaires(page)).replace('/questionnaires/', '/exercise/') },
  { name: 'therapy intake (physiotherapist)', path: '/patients/{id}/therapy/intake', h1: (t) => t.therapyIntake.title, before: signedInAs('physiotherapist'), resolve: annasRecord('therapy/intake') },
  { name: 'therapy intake, read only (nurse)', path: '/patients/{id}/therapy/intake', h1: (t) => t.therapyIntake.title, before: signedInAs('nurse'), resolve: annasRecord('therapy/intake') },
  { name: 'therapy education session (physiotherapist)', path: '/patients/{id}/therapy/education', h1: (t) => t.education.title, before: signedInAs('physiotherapist'), resolve: annasRecord('therapy/education') },
  // A day centre's groups: the care worker's start page, and its administrator's page (not the first demo administrator's: the day centre's own).
  { name: 'my group (care worker)', path: '/group', h1: (t) => t.dayCentreGroups.mine.title, before: signedInAs('care-worker') },
  { name: 'day-centre groups (day-centre admin)', path: '/admin/groups', h1: (t) => t.dayCentreGroups.admin.title, before: signedInByEmail('admin', 'beheer-dagcentrum@demo.botpad.nl') },
  { name: 'child: bone-health overview (care worker)', path: '/patients/{id}/child', h1: (t) => t.childProfile.title, before: signedInAs('care-worker'), resolve: recordOf('Mulder', 'Lotte', 'child') },
  { name: 'child: vitamin D and calcium (care worker)', path: '/patients/{id}/child/vitamin-d', h1: (t) => t.childVitaminD.title, before: signedInAs('care-worker'), resolve: recordOf('Mulder', 'Lotte', 'child/vitamin-d') },
  {
    name: 'child: the bones of a child (caregiver)', path: '/child/{id}', h1: (t) => t.childProfile.parentTitle('Lotte Mulder'), before: signedInAs('caregiver'),
    resolve: async (page) => (await caredForQuestionnaires(page)).replace('/questionnaires/', '/child/'),
  },
  // A child's standing and moving: the tablet page for a parent and for a care worker, and the clinician's page with the plan and the weeks.
  { name: 'loading log of a child on the tablet (caregiver)', path: '/log/{id}', h1: (t) => t.childLoading.logTitle, before: signedInAs('caregiver'), resolve: async (page) => (await caredForQuestionnaires(page)).replace('/questionnaires/', '/log/') },
  { name: 'loading log of a child on the tablet (care worker)', path: '/log/{id}', h1: (t) => t.childLoading.logTitle, before: signedInAs('care-worker'), resolve: async (page) => (await recordOf('Mulder', 'Lotte', 'child/loading')(page)).replace(/^\/patients\/([^/]+)\/child\/loading$/, '/log/$1') },
  { name: 'loading plan and weeks of a child (care worker)', path: '/patients/{id}/child/loading', h1: (t) => t.childLoading.title, before: signedInAs('care-worker'), resolve: recordOf('Mulder', 'Lotte', 'child/loading') },
  // A day centre's child: a fracture signal from a parent, the signals and the aids as its care worker reads them.
  { name: 'a fracture signal of a child (caregiver)', path: '/signal/{id}', h1: (t) => t.fractureSignals.parentTitle, before: signedInAs('caregiver'), resolve: async (page) => (await caredForQuestionnaires(page)).replace('/questionnaires/', '/signal/') },
  { name: 'fracture signals of a child (care worker)', path: '/patients/{id}/child/signals', h1: (t) => t.fractureSignals.title, before: signedInAs('care-worker'), resolve: recordOf('Mulder', 'Lotte', 'child/signals') },
  { name: 'aids of a child (care worker)', path: '/patients/{id}/child/aids', h1: (t) => t.childAids.title, before: signedInAs('care-worker'), resolve: recordOf('Mulder', 'Lotte', 'child/aids') },
  // Daan has all of it in the demo: the profile, the growth chart, the loading chart, the vitamin D reminder, an aid due.
  { name: 'child: bone-health overview, filled (care worker)', path: '/patients/{id}/child', h1: (t) => t.childProfile.title, before: signedInAs('care-worker'), resolve: recordOf('Boer', 'Daan', 'child') },
  { name: 'loading plan and weeks of a child, filled (care worker)', path: '/patients/{id}/child/loading', h1: (t) => t.childLoading.title, before: signedInAs('care-worker'), resolve: recordOf('Boer', 'Daan', 'child/loading') },
  { name: 'aids of a child, one due (care worker)', path: '/patients/{id}/child/aids', h1: (t) => t.childAids.title, before: signedInAs('care-worker'), resolve: recordOf('Boer', 'Daan', 'child/aids') },
  { name: 'vitamin D of a child, the reminder showing (care worker)', path: '/patients/{id}/child/vitamin-d', h1: (t) => t.childVitaminD.title, before: signedInAs('care-worker'), resolve: recordOf('Boer', 'Daan', 'child/vitamin-d') },
  // The next measurement of exercise therapy: the practice's list is on /referrals (above); the nurse reads Sanne's, due after her therapy ended, in her record.
  { name: 'record: follow-up with the next measurement after the therapy (nurse)', path: '/patients/{id}/contacts', h1: (t) => t.clinical.sections.contacts, before: signedInAs('nurse'), resolve: recordOf('Meijer', 'Sanne', 'contacts') },
  // The exercise-therapy measurements: the list and the form of the practice, the list as the hospital reads it.
  { name: 'therapy measurements (physiotherapist)', path: '/patients/{id}/therapy/measurements', h1: (t) => t.measurements.title, before: signedInAs('physiotherapist'), resolve: annasRecord('therapy/measurements') },
  { name: 'new therapy measurement (physiotherapist)', path: '/patients/{id}/therapy/measurements/new', h1: (t) => t.measurements.newTitle, before: signedInAs('physiotherapist'), resolve: annasRecord('therapy/measurements/new') },
  { name: 'therapy measurements, read only (nurse)', path: '/patients/{id}/therapy/measurements', h1: (t) => t.measurements.title, before: signedInAs('nurse'), resolve: annasRecord('therapy/measurements') },
  // The progress of exercise therapy: the charts for the practice and the hospital's nurse, and the patient's own page in plain words.
  { name: 'therapy progress (physiotherapist)', path: '/patients/{id}/therapy/progress', h1: (t) => t.progress.title, before: signedInAs('physiotherapist'), resolve: annasRecord('therapy/progress') },
  { name: 'therapy progress, read only (nurse)', path: '/patients/{id}/therapy/progress', h1: (t) => t.progress.title, before: signedInAs('nurse'), resolve: annasRecord('therapy/progress') },
  { name: 'my measurements (patient)', path: '/progress/{id}', h1: (t) => t.progress.patient.title, before: signedInAs('patient'), resolve: async (page) => `/progress/${(await ownRecord(page)).split('/')[2] ?? ''}` },
  // One measurement with its versions, and the form that corrects it (Anna's demo measurement, a week ago).
  { name: 'one therapy measurement with its versions (physiotherapist)', path: '/patients/{id}/therapy/measurements/{entryId}', h1: (t) => t.measurements.oneTitle(annasFirstMeasurementDate()), before: signedInAs('physiotherapist'), resolve: annasFirstMeasurement('') },
  { name: 'correct a therapy measurement (physiotherapist)', path: '/patients/{id}/therapy/measurements/{entryId}/correct', h1: (t) => t.measurements.correct.title(annasFirstMeasurementDate()), before: signedInAs('physiotherapist'), resolve: annasFirstMeasurement('/correct') },
];

/** The day of Anna's demo measurement (src/demo/demo-measure-due.ts: at the start of her therapy, a week ago). */
function annasFirstMeasurementDate(): string {
  return numericDate(addDays(todayNl(), -7));
}

/** Anna's (only) demo measurement, as the physiotherapist's list links it, or a page under it. */
function annasFirstMeasurement(rest: string): (page: Page) => Promise<string> {
  return async (page) => {
    await page.goto(await annasRecord('therapy/measurements')(page));
    const href = await page.locator('main table a[href*="/therapy/measurements/"]').first().getAttribute('href');
    if (!href) throw new Error('no measurement in Anna\'s list');
    return `${href}${rest}`;
  };
}

export { LANGS, TEXT_SIZES, messages, type Lang, type TextSize, type Messages };

/** Signs in through the form as one demo account by its e-mail address, for a role with more than one demo account. */
function signedInByEmail(role: DemoAccount['role'], email: string): ((page: Page) => Promise<void>) & { role: DemoAccount['role'] } {
  return Object.assign((page: Page) => signInThroughForm(page, email), { role });
}

