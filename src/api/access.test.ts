// The authorisation matrix: every patient route × every role × own/other organisation × own/other
// patient, asserting allowed or denied, and that every attempt left an audit entry carrying the
// request id, the user and whether it was allowed.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionCookie, signInApi, testApp, type TestApp } from './testing/test-app.js';
import { buildFixture, PASSWORD, type Fixture } from './testing/fixture.js';
import { STORE_KINDS } from '../store/testing/stores.js';
import { walkPages } from './testing/walk-pages.js';
import type { Role } from '../store/schema.js';
import { linkCaregiver } from '../store/patient.repo.js';
import { insertSession, insertUser } from '../store/accounts.repo.js';
import { sha256 } from '../services/auth.js';
import { insertCareEnd, insertEntry, openCareEnd, resumeCare } from '../store/record.repo.js';
import { insertLetter } from '../store/letter.repo.js';
import { insertDecision } from '../store/decision.repo.js';
import { todayNl } from '../schema/clock.js';
import type { Db } from '../store/db.js';

const ROLES: Role[] = ['patient', 'caregiver', 'nurse', 'physician', 'physiotherapist', 'care-worker', 'admin'];
type P = keyof Fixture['patients'];

/** Who may read which fixture patient. */
const READ: Record<Role, P[]> = {
  nurse: ['adultA'],
  physician: ['adultA'],
  physiotherapist: ['adultA'],
  'care-worker': ['childA'],
  admin: [],
  patient: ['adultA'],
  caregiver: ['childA'],
};
/** Who may correct which fixture patient: the clinic only, not the patient or a caregiver. */
const WRITE: Record<Role, P[]> = { ...READ, patient: [], caregiver: [] };
/** Who may end a caregiver's access: the clinic, and the patient themself. */
const WITHDRAW: Record<Role, P[]> = { nurse: ['adultA'], physician: ['adultA'], physiotherapist: [], 'care-worker': [], admin: [], patient: ['adultA'], caregiver: [] };
/** Who may do the clinic-only things (accounts, links, merge) with which patient. */
const CLINIC: Record<Role, P[]> = { nurse: ['adultA'], physician: ['adultA'], physiotherapist: [], 'care-worker': [], admin: [], patient: [], caregiver: [] };
/** Who may mark a dose as taken or missed (`dose.confirm`): the patient, and a caregiver whose link stands; never the clinic. */
const CONFIRM: Record<Role, P[]> = { nurse: [], physician: [], physiotherapist: [], 'care-worker': [], admin: [], patient: ['adultA'], caregiver: ['childA'] };
/** Who writes the diary and reports to the clinic: the patient (from 12) and a caregiver acting for them; never the clinic. */
const PATIENT_SIDE: Record<Role, P[]> = { nurse: [], physician: [], physiotherapist: [], 'care-worker': [], admin: [], patient: ['adultA'], caregiver: ['childA'] };
/** Who may prescribe, stop and plan medication: the physicians of the caring organisation only. */
const PRESCRIBE: Record<Role, P[]> = { nurse: [], physician: ['adultA'], physiotherapist: [], 'care-worker': [], admin: [], patient: [], caregiver: [] };
/** Who may make a calendar link and choose the reminders: the patient, and a caregiver for them; no clinician. */
const CALENDAR: Record<Role, P[]> = { nurse: [], physician: [], physiotherapist: [], 'care-worker': [], admin: [], patient: ['adultA'], caregiver: ['childA'] };

interface RouteCase {
  name: string;
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: (id: string, f: Fixture) => string;
  body?: (f: Fixture) => unknown;
  allowed: Record<Role, P[]>;
  okStatus: number;
  /** Puts the record in the state the route needs (a fresh entry, care ended), before each request. */
  before?: (db: Db, patientId: string, f: Fixture) => Promise<void>;
  /** Puts it back after each request, so the routes after it find the record as before. */
  after?: (db: Db, patientId: string, f: Fixture) => Promise<void>;
}

const FAMILY_CAREGIVER = randomUUID();

/** The entry of each fixture patient the entry routes work on; marking it in error uses it up, so each request gets a new one. */
const ENTRY = new Map<string, string>();
async function freshEntry(db: Db, patientId: string, f: Fixture): Promise<void> {
  const e = await insertEntry(db, { patientId, kind: 'weight', date: '2026-01-05', data: { kg: 61 }, source: 'clinician', by: f.users.nurse.id, organisationId: null });
  ENTRY.set(patientId, e.entry_id);
}
const entryPath = (id: string, rest = '') => `/api/v1/patients/${id}/entries/${ENTRY.get(id) ?? 'none'}${rest}`;
/** A course of each fixture patient the dose route records on, and one the stop route stops (a new one for every request: a stop uses it up). */
const COURSE = new Map<string, string>();
const STOPPABLE = new Map<string, string>();
const course = (db: Db, patientId: string, f: Fixture, drug: 'zoledronic-acid' | 'risedronic-acid') =>
  insertEntry(db, { patientId, kind: 'medication', date: '2026-01-05', data: drug === 'zoledronic-acid' ? { drug, route: 'iv' } : { drug }, source: 'clinician', by: f.users.physician.id, organisationId: null });
async function freshStoppable(db: Db, patientId: string, f: Fixture): Promise<void> {
  STOPPABLE.set(patientId, (await course(db, patientId, f, 'risedronic-acid')).entry_id);
}
const medPath = (id: string, map: Map<string, string>, rest = '') => `/api/v1/patients/${id}/medications/${map.get(id) ?? 'none'}${rest}`;
async function careEnded(db: Db, patientId: string, f: Fixture): Promise<void> {
  if (!(await openCareEnd(db, patientId))) await insertCareEnd(db, { patientId, organisationId: null, reason: 'moved', date: '2026-01-05', note: null, by: f.users.nurse.id });
}
async function careGoesOn(db: Db, patientId: string, f: Fixture): Promise<void> {
  await resumeCare(db, patientId, f.users.nurse.id);
}
const today = todayNl();

/** A patient on a drug with a jaw risk, so the dentist's card may be written. */
const ON_DRUG = new Set<string>();
async function onAlendronate(db: Db, patientId: string, f: Fixture): Promise<void> {
  if (ON_DRUG.has(patientId)) return;
  await insertEntry(db, { patientId, kind: 'medication', date: '2026-01-05', data: { drug: 'alendronic-acid' }, source: 'clinician', by: f.users.physician.id, organisationId: null });
  ON_DRUG.add(patientId);
}
/** A kept letter of each fixture patient, for the route that prints one again. */
const LETTER = new Map<string, string>();
async function keptLetter(db: Db, patientId: string, f: Fixture): Promise<void> {
  if (LETTER.has(patientId)) return;
  const content = { format: 'A6', title: 'Kaart', from: ['Hospital A'], to: [], dated: 'vandaag', about: 'Test', blocks: [{ lines: ['Tekst'] }], closing: [], footer: 'Test' };
  LETTER.set(patientId, (await insertLetter(db, { patientId, organisationId: null, kind: 'dentist-card', lang: 'nl', content, by: f.users.nurse.id })).id);
}
/** A decision of each fixture patient for the printed agreements. */
const DECISION = new Map<string, string>();
async function decisionMade(db: Db, patientId: string, f: Fixture): Promise<void> {
  if (DECISION.has(patientId)) return;
  const d = await insertDecision(db, {
    patientId, organisationId: null, decidedOn: today, option: 'lifestyle-only', drug: null, whatMatters: null,
    agreements: { exercise: 'Elke dag wandelen' }, picture: { asOf: today, indicationReasons: [], bmd: null, fractures: [], frax: null }, by: f.users.nurse.id,
  });
  DECISION.set(patientId, d.id);
}

const ROUTES: RouteCase[] = [
  { name: 'read record', method: 'GET', path: (id) => `/api/v1/patients/${id}`, allowed: READ, okStatus: 200 },
  { name: 'correct record', method: 'PATCH', path: (id) => `/api/v1/patients/${id}`, body: () => ({ phone: '0612345678', reason: 'correction' }), allowed: WRITE, okStatus: 200 },
  { name: 'history', method: 'GET', path: (id) => `/api/v1/patients/${id}/history`, allowed: READ, okStatus: 200 },
  { name: 'access log', method: 'GET', path: (id) => `/api/v1/patients/${id}/access-log`, allowed: READ, okStatus: 200 },
  { name: 'link organisation', method: 'POST', path: (id) => `/api/v1/patients/${id}/links`, body: (f) => ({ organisationId: f.orgs.physioA, relation: 'care' }), allowed: CLINIC, okStatus: 204 },
  { name: 'create account', method: 'POST', path: (id) => `/api/v1/patients/${id}/account`, body: () => ({ kind: 'caregiver', displayName: 'Someone', relation: 'family', patientConsent: true }), allowed: CLINIC, okStatus: 201 },
  { name: 'caregivers', method: 'GET', path: (id) => `/api/v1/patients/${id}/caregivers`, allowed: READ, okStatus: 200 },
  // A second caregiver, family of every fixture patient without consent, is the one consented to and withdrawn.
  { name: 'record consent', method: 'POST', path: (id) => `/api/v1/patients/${id}/caregivers/${FAMILY_CAREGIVER}/consent`, body: () => ({}), allowed: CLINIC, okStatus: 200 },
  {
    name: 'withdraw consent', method: 'POST', path: (id) => `/api/v1/patients/${id}/caregivers/${FAMILY_CAREGIVER}/consent/withdraw`,
    body: () => ({ reason: 'The patient phoned to say so' }), allowed: WITHDRAW, okStatus: 200,
  },
  // The clinical record: read by whoever may read the record, written, signed and ended by the
  // nurses and physicians of the organisation caring for the patient.
  { name: 'record a fracture', method: 'POST', path: (id) => `/api/v1/patients/${id}/fractures`, body: () => ({ date: today, site: 'wrist', side: 'right' }), allowed: CLINIC, okStatus: 201 },
  { name: 'record a DXA scan', method: 'POST', path: (id) => `/api/v1/patients/${id}/dxa`, body: () => ({ date: today, sites: [{ site: 'total-hip', tScore: -1.4 }] }), allowed: CLINIC, okStatus: 201 },
  { name: 'record a VFA', method: 'POST', path: (id) => `/api/v1/patients/${id}/vfa`, body: () => ({ date: today, vertebrae: [{ level: 'T8', grade: 1 }] }), allowed: CLINIC, okStatus: 201 },
  { name: 'record labs', method: 'POST', path: (id) => `/api/v1/patients/${id}/labs`, body: () => ({ date: today, results: [{ test: 'calcium', value: 2.4, unit: 'mmol/L' }] }), allowed: CLINIC, okStatus: 201 },
  { name: 'record a note', method: 'POST', path: (id) => `/api/v1/patients/${id}/notes`, body: () => ({ date: today, text: 'Controle afgesproken' }), allowed: CLINIC, okStatus: 201 },
  { name: 'record a fact by kind', method: 'POST', path: (id) => `/api/v1/patients/${id}/entries`, body: () => ({ kind: 'weight', date: today, data: { kg: 62 } }), allowed: CLINIC, okStatus: 201 },
  { name: 'list entries', method: 'GET', path: (id) => `/api/v1/patients/${id}/entries`, allowed: READ, okStatus: 200 },
  { name: 'entry history', method: 'GET', path: (id) => entryPath(id), allowed: READ, okStatus: 200 },
  { name: 'correct an entry', method: 'POST', path: (id) => entryPath(id, '/correction'), body: () => ({ data: { kg: 63 }, reason: 'Opnieuw gewogen' }), allowed: CLINIC, okStatus: 200 },
  {
    name: 'mark an entry entered in error', method: 'POST', path: (id) => entryPath(id, '/entered-in-error'), body: () => ({ reason: 'Verkeerde patiënt' }), allowed: CLINIC, okStatus: 200,
    before: freshEntry,
  },
  { name: 'case', method: 'GET', path: (id) => `/api/v1/patients/${id}/case`, allowed: READ, okStatus: 200 },
  { name: 'evaluation', method: 'GET', path: (id) => `/api/v1/patients/${id}/evaluation?lang=en`, allowed: READ, okStatus: 200 },
  { name: 'sign an assessment', method: 'POST', path: (id) => `/api/v1/patients/${id}/assessments`, body: () => ({ note: 'Besproken' }), allowed: CLINIC, okStatus: 201 },
  { name: 'list assessments', method: 'GET', path: (id) => `/api/v1/patients/${id}/assessments`, allowed: READ, okStatus: 200 },
  // The medication plan: read with the record; prescribed, stopped and planned by the physicians of
  // the caring organisation; doses recorded by its nurses and physicians.
  { name: 'read the medication plan', method: 'GET', path: (id) => `/api/v1/patients/${id}/medications`, allowed: READ, okStatus: 200 },
  { name: 'read the safety gates', method: 'GET', path: (id) => `/api/v1/patients/${id}/medication-safety?start=${today}`, allowed: READ, okStatus: 200 },
  {
    name: 'prescribe', method: 'POST', path: (id) => `/api/v1/patients/${id}/medications`, body: () => ({ drug: 'alendronic-acid', start: today, acknowledgeCautions: true }),
    allowed: PRESCRIBE, okStatus: 201,
  },
  { name: 'record a dose', method: 'POST', path: (id) => medPath(id, COURSE, '/doses'), body: () => ({ date: today, location: 'Dagbehandeling', batch: 'B-1' }), allowed: CLINIC, okStatus: 201 },
  { name: 'mark a dose taken', method: 'POST', path: (id) => medPath(id, COURSE, '/dose-confirmations'), body: () => ({ date: today, status: 'taken' }), allowed: CONFIRM, okStatus: 201 },
  { name: 'print the dose schedule', method: 'GET', path: (id) => `/api/v1/patients/${id}/medication-schedule.pdf?lang=nl`, allowed: READ, okStatus: 200 },
  { name: 'stop a course', method: 'PATCH', path: (id) => medPath(id, STOPPABLE), body: () => ({ end: today, reason: 'Maagklachten' }), allowed: PRESCRIBE, okStatus: 200, before: freshStoppable },
  { name: 'plan a follow-on', method: 'POST', path: (id) => `/api/v1/patients/${id}/planned-medications`, body: () => ({ drug: 'zoledronic-acid', from: today }), allowed: PRESCRIBE, okStatus: 201 },
  { name: 'end care', method: 'POST', path: (id) => `/api/v1/patients/${id}/end-of-care`, body: () => ({ reason: 'transferred-to-gp', date: today }), allowed: CLINIC, okStatus: 201, after: careGoesOn },
  // Follow-up and the letters kept in the record.
  { name: 'record a follow-up contact', method: 'POST', path: (id) => `/api/v1/patients/${id}/contacts`, body: () => ({ date: today, kind: 'review', adherence: 'as-agreed' }), allowed: CLINIC, okStatus: 201 },
  { name: 'follow-up', method: 'GET', path: (id) => `/api/v1/patients/${id}/follow-up`, allowed: READ, okStatus: 200 },
  { name: 'write a letter', method: 'POST', path: (id) => `/api/v1/patients/${id}/letters`, body: () => ({ kind: 'dentist-card' }), allowed: CLINIC, okStatus: 201, before: onAlendronate },
  { name: 'list letters', method: 'GET', path: (id) => `/api/v1/patients/${id}/letters`, allowed: READ, okStatus: 200 },
  { name: 'print a letter', method: 'GET', path: (id) => `/api/v1/patients/${id}/letters/${LETTER.get(id) ?? 'none'}/pdf`, allowed: READ, okStatus: 200, before: keptLetter },
  // The shared decision: recorded and printed by the nurses and physicians caring for the patient, read by whoever may read the record.
  { name: 'record a decision', method: 'POST', path: (id) => `/api/v1/patients/${id}/decisions`, body: () => ({ date: today, option: 'lifestyle-only', agreements: { exercise: 'Wandelen' } }), allowed: CLINIC, okStatus: 201 },
  { name: 'list decisions', method: 'GET', path: (id) => `/api/v1/patients/${id}/decisions`, allowed: READ, okStatus: 200 },
  {
    name: 'print the agreements', method: 'GET', path: (id) => `/api/v1/patients/${id}/decisions/${DECISION.get(id) ?? 'none'}/agreements.pdf?lang=nl`, allowed: CLINIC, okStatus: 200,
    before: decisionMade,
  },
  // The patient's calendar: the link and the reminder choices are the patient's, or a caregiver's for them.
  { name: 'make a calendar link', method: 'POST', path: (id) => `/api/v1/patients/${id}/calendar-feed`, body: () => ({}), allowed: CALENDAR, okStatus: 201 },
  { name: 'end a calendar link', method: 'DELETE', path: (id) => `/api/v1/patients/${id}/calendar-feed`, body: () => ({}), allowed: CALENDAR, okStatus: 204 },
  { name: 'read the calendar choices', method: 'GET', path: (id) => `/api/v1/patients/${id}/calendar-settings`, allowed: CALENDAR, okStatus: 200 },
  { name: 'choose the reminders', method: 'PUT', path: (id) => `/api/v1/patients/${id}/calendar-settings`, body: () => ({ remindAt: '08:15', nameMedicine: false }), allowed: CALENDAR, okStatus: 200 },
  // The diary and the reports: written on the patient's side, read by whoever may read the record.
  { name: 'write in the diary', method: 'POST', path: (id) => `/api/v1/patients/${id}/diary`, body: () => ({ date: today, activity: 'Wandelen', minutes: 20, feeling: 'ok', pain: 2 }), allowed: PATIENT_SIDE, okStatus: 201 },
  { name: 'read the diary', method: 'GET', path: (id) => `/api/v1/patients/${id}/diary`, allowed: READ, okStatus: 200 },
  { name: 'report a side effect', method: 'POST', path: (id) => `/api/v1/patients/${id}/reports`, body: () => ({ kind: 'side-effect', what: 'Maagpijn', since: today, severity: 'mild' }), allowed: PATIENT_SIDE, okStatus: 201 },
  { name: 'read the reports', method: 'GET', path: (id) => `/api/v1/patients/${id}/reports`, allowed: READ, okStatus: 200 },
  // Referrals: made by the nurses and physicians caring for the patient (each one ended again after, so the next may be made), read with the record.
  {
    name: 'refer to a practice', method: 'POST', path: (id) => `/api/v1/patients/${id}/referrals`, body: (f) => ({ organisationId: f.orgs.physioB, reason: 'Oefentherapie' }), allowed: CLINIC, okStatus: 201,
    after: async (db, id) => { await db.deleteFrom('referral').where('patient_id', '=', id).execute(); },
  },
  { name: 'list referrals', method: 'GET', path: (id) => `/api/v1/patients/${id}/referrals`, allowed: READ, okStatus: 200 },
  { name: 'resume care', method: 'POST', path: (id) => `/api/v1/patients/${id}/end-of-care/resume`, body: () => ({}), allowed: CLINIC, okStatus: 204, before: careEnded, after: careGoesOn },
];

describe.each(STORE_KINDS)('authorisation matrix on %s', (kind) => {
  let t: TestApp;
  let f: Fixture;
  const cookies = new Map<Role, string>();

  beforeAll(async () => {
    t = await testApp(kind);
    f = await buildFixture(t.store.db);
    await t.store.db
      .insertInto('app_user')
      .values({ id: FAMILY_CAREGIVER, role: 'caregiver', organisation_id: null, patient_id: null, email: null, display_name: 'Family caregiver', password_hash: null, status: 'pending' })
      .execute();
    for (const p of Object.keys(f.patients) as P[]) {
      await t.store.db.insertInto('caregiver_link').values({ caregiver_user_id: FAMILY_CAREGIVER, patient_id: f.patients[p], relation: 'family', created_by: null }).execute();
    }
    for (const p of Object.values(f.patients)) {
      await freshEntry(t.store.db, p, f);
      COURSE.set(p, (await course(t.store.db, p, f, 'zoledronic-acid')).entry_id);
      await freshStoppable(t.store.db, p, f);
    }
    // Relations that give nothing: hospital A was only asked for advice on patient B (a referral,
    // not care), and the caregiver is family of child B without anyone's consent.
    await t.store.db.insertInto('patient_organisation').values({ patient_id: f.patients.adultB, organisation_id: f.orgs.hospA, relation: 'referral' }).execute();
    await linkCaregiver(t.store.db, { caregiverUserId: f.users.caregiver.id, patientId: f.patients.childB, relation: 'family', consent: null, representationProof: null, by: null });
    for (const role of ROLES) {
      const res = await signInApi(t, f.users[role].email, PASSWORD);
      expect(res.statusCode, `sign-in as ${role}`).toBe(200);
      cookies.set(role, sessionCookie(res));
    }
  });
  afterAll(async () => {
    await t.close();
  });

  async function auditFor(requestId: string) {
    return t.store.db.selectFrom('audit_event').selectAll().where('request_id', '=', requestId).execute();
  }

  for (const route of ROUTES) {
    for (const role of ROLES) {
      it(`${route.name} as ${role}: own and other organisation, own and other patient`, async () => {
        for (const p of ['adultA', 'childA', 'adultB', 'childB'] as P[]) {
          const requestId = randomUUID();
          await route.before?.(t.store.db, f.patients[p], f);
          const res = await t.app.inject({
            method: route.method,
            url: route.path(f.patients[p], f),
            headers: { cookie: cookies.get(role) ?? '', 'x-request-id': requestId, 'content-type': 'application/json' },
            ...(route.body ? { payload: JSON.stringify(route.body(f)) } : {}),
          });
          const expected = route.allowed[role].includes(p);
          await route.after?.(t.store.db, f.patients[p], f);
          expect(res.statusCode, `${role} → ${p}: ${res.body}`).toBe(expected ? route.okStatus : 403);
          const entries = await auditFor(requestId);
          const access = entries.filter((e) => e.patient_id === f.patients[p]);
          expect(access.length, `audit entry for ${role} → ${p}`).toBeGreaterThan(0);
          expect(access.every((e) => e.allowed === expected && e.user_id === f.users[role].id && e.role === role)).toBe(true);
        }
      });
    }
  }

  it('lists only the patients each role may see, one audit entry per patient shown', async () => {
    for (const role of ROLES) {
      const requestId = randomUUID();
      const res = await t.app.inject({ url: '/api/v1/patients', headers: { cookie: cookies.get(role) ?? '', 'x-request-id': requestId } });
      expect(res.statusCode).toBe(200);
      const ids = res.json<{ items: { id: string }[] }>().items.map((x) => x.id).sort();
      const visible = (Object.keys(f.patients) as P[]).filter((p) => READ[role].includes(p)).map((p) => f.patients[p]).sort();
      expect(ids, role).toEqual(visible);
      const entries = await auditFor(requestId);
      expect(entries.filter((e) => e.patient_id !== null).map((e) => e.patient_id).sort()).toEqual(visible);
    }
  });

  it('lets a hospital\'s nurses, physicians and administrator read the quality figures, audited either way', async () => {
    for (const role of ROLES) {
      for (const url of ['/api/v1/quality?kind=year', '/api/v1/quality/patients?indicator=identification', '/api/v1/quality/figures.csv', '/api/v1/quality/patients.csv']) {
        const requestId = randomUUID();
        const res = await t.app.inject({ url, headers: { cookie: cookies.get(role) ?? '', 'x-request-id': requestId } });
        const ok = role === 'nurse' || role === 'physician' || role === 'admin';
        expect(res.statusCode, `${role} ${url}`).toBe(ok ? 200 : 403);
        const entries = await auditFor(requestId);
        expect(entries.length, `${role} ${url}`).toBeGreaterThan(0);
        expect(entries.every((e) => e.action === 'quality.read' && e.allowed === ok && e.user_id === f.users[role].id)).toBe(true);
      }
    }
  });

  it('lets only nurses and physicians create patients, in their own organisation', async () => {
    for (const role of ROLES) {
      const requestId = randomUUID();
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/patients',
        headers: { cookie: cookies.get(role) ?? '', 'x-request-id': requestId },
        payload: { familyName: 'Nieuw', givenName: role, birthDate: '1950-01-01', sex: 'male' },
      });
      const ok = role === 'nurse' || role === 'physician';
      expect(res.statusCode, role).toBe(ok ? 201 : 403);
      const entries = await auditFor(requestId);
      expect(entries).toHaveLength(1);
      expect(entries[0]?.allowed).toBe(ok);
      if (ok) expect(res.json<{ organisations: { id: string }[] }>().organisations.map((o) => o.id)).toEqual([f.orgs.hospA]);
    }
  });

  it('lets only the patient herself invite, list and end who looks along with her record, and read who else looked; every attempt audited', async () => {
    const asks: [string, 'GET' | 'POST' | 'DELETE', string, unknown, number][] = [
      ['invite', 'POST', '/api/v1/me/caregivers', { email: 'matrix@example.org', relation: 'family' }, 201],
      ['list', 'GET', '/api/v1/me/caregivers', undefined, 200],
      ['who looked', 'GET', '/api/v1/me/access-log', undefined, 200],
      ['end', 'DELETE', `/api/v1/me/caregivers/${FAMILY_CAREGIVER}`, undefined, 204],
    ];
    for (const role of ROLES) {
      const ok = role === 'patient';
      for (const [name, method, url, body, okStatus] of asks) {
        const requestId = randomUUID();
        const res = await t.app.inject({
          method, url,
          headers: { cookie: cookies.get(role) ?? '', 'x-request-id': requestId, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
          ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
        });
        expect(res.statusCode, `${name} as ${role}: ${res.body}`).toBe(ok ? okStatus : 403);
        const entries = await auditFor(requestId);
        expect(entries.length, `${name} as ${role}`).toBeGreaterThan(0);
        expect(entries.every((e) => e.allowed === ok && e.user_id === f.users[role].id), `${name} as ${role}`).toBe(true);
      }
    }
  });

  it('lets only administrators manage users, search the audit log and see the settings, of their own organisation only', async () => {
    for (const role of ROLES) {
      const settingsRequest = randomUUID();
      const settings = await t.app.inject({ url: '/api/v1/organisation/settings', headers: { cookie: cookies.get(role) ?? '', 'x-request-id': settingsRequest } });
      expect(settings.statusCode, role).toBe(role === 'admin' ? 200 : 403);
      expect((await auditFor(settingsRequest)).map((e) => [e.action, e.allowed, e.user_id])).toEqual([['settings.manage', role === 'admin', f.users[role].id]]);
      const requestId = randomUUID();
      const users = await t.app.inject({ url: '/api/v1/users', headers: { cookie: cookies.get(role) ?? '', 'x-request-id': requestId } });
      expect(users.statusCode, role).toBe(role === 'admin' ? 200 : 403);
      expect((await auditFor(requestId)).length).toBe(1);
      const audit = await t.app.inject({ url: '/api/v1/audit', headers: { cookie: cookies.get(role) ?? '' } });
      expect(audit.statusCode, role).toBe(role === 'admin' ? 200 : 403);
      if (role === 'admin') {
        expect(users.json<{ items: { id: string }[] }>().items.map((u) => u.id)).toContain(f.users.nurse.id);
        // Its own staff; otherwise only entries about the patients linked to it (adult A in its care:
        // her own sign-ins, a caregiver's attempt on her record; adult B referred to it), which
        // have no organisation of their own.
        const staff = [f.users.nurse.id, f.users.physician.id, f.users.admin.id];
        const entries = (await walkPages<{ userId: string | null; patientId: string | null }>(t, '/api/v1/audit', cookies.get(role) ?? '', 200, ['total'])).items;
        expect(entries.length).toBeGreaterThan(0);
        const others = entries.filter((e) => e.userId !== null && !staff.includes(e.userId));
        expect(others.filter((e) => e.patientId !== f.patients.adultA && e.patientId !== f.patients.adultB && e.userId !== f.users.patient.id)).toEqual([]);
      }
    }
  });

  it('never shows clinical content or the BSN to roles that do not need it', async () => {
    await t.store.db.updateTable('patient').set({ bsn: '123456782' }).where('id', '=', f.patients.adultA).execute();
    const as = async (role: Role) => (await t.app.inject({ url: `/api/v1/patients/${f.patients.adultA}`, headers: { cookie: cookies.get(role) ?? '' } })).json<{ bsn?: string }>();
    expect((await as('nurse')).bsn).toBe('123456782');
    expect((await as('patient')).bsn).toBe('123456782');
    expect((await as('physiotherapist')).bsn).toBeUndefined();
    const nurse = cookies.get('nurse') ?? '';
    await t.app.inject({ method: 'PATCH', url: `/api/v1/patients/${f.patients.adultA}`, headers: { cookie: nurse }, payload: { bsn: '111222333', reason: 'correction' } });
    const history = async (role: Role) =>
      JSON.stringify((await t.app.inject({ url: `/api/v1/patients/${f.patients.adultA}/history`, headers: { cookie: cookies.get(role) ?? '' } })).json());
    expect(await history('nurse')).toContain('111222333');
    const physio = await history('physiotherapist');
    expect(physio).toContain('"items"');
    expect(physio).toContain('"reason":"correction"');
    expect(physio).not.toContain('111222333');
    expect(physio).not.toContain('123456782');
  });

  it("refuses a child's own account under 12 on every route, and audits each refusal", async () => {
    // Under 12 the parents see the record (WGBO); the account of the ten-year-old is refused.
    const child = await insertUser(t.store.db, { role: 'patient', organisationId: null, patientId: f.patients.childA, email: 'child@fixture.test', displayName: 'Child', passwordHash: null, status: 'active' });
    const token = randomUUID();
    await insertSession(t.store.db, sha256(token), child, new Date(Date.now() + 3_600_000).toISOString());
    for (const route of ROUTES) {
      const requestId = randomUUID();
      const res = await t.app.inject({
        method: route.method, url: route.path(f.patients.childA, f),
        headers: { cookie: `botpad_session=${token}`, 'x-request-id': requestId, 'content-type': 'application/json' },
        ...(route.body ? { payload: JSON.stringify(route.body(f)) } : {}),
      });
      expect(res.statusCode, `${route.name}: ${res.body}`).toBe(403);
      const entries = await auditFor(requestId);
      expect(entries.length, route.name).toBeGreaterThan(0);
      expect(entries.every((e) => !e.allowed && e.user_id === child), route.name).toBe(true);
    }
  });

  it('refuses everything without a session, with a problem document', async () => {
    for (const route of ROUTES) {
      const res = await t.app.inject({ method: route.method, url: route.path(f.patients.adultA, f), headers: { 'content-type': 'application/json' }, ...(route.body ? { payload: JSON.stringify(route.body(f)) } : {}) });
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
    }
  });
});
