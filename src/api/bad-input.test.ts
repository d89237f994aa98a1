// Bad input on every route that takes input: missing, wrong type, out of range, unknown field and an
// oversized body. Each gets a problem document naming the field, and nothing is stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { signInRoles, testApp, type TestApp } from './testing/test-app.js';
import { buildFixture, type Fixture } from './testing/fixture.js';
import { STORE_KINDS } from '../store/testing/stores.js';
import { Problem } from '../schema/problem.js';
import { addDays } from '../core/time/date.js';
import { todayNl } from '../schema/clock.js';

interface Case {
  name: string;
  method: 'POST' | 'PATCH' | 'PUT' | 'GET' | 'DELETE';
  url: (f: Fixture) => string;
  as: 'nurse' | 'admin' | null;
  body?: unknown;
  pointer: string;
  /** What the problem document says of the field: its code, and words that say what is wrong. */
  says?: { code?: string; detail: RegExp };
}

const adult = { familyName: 'X', givenName: 'A', birthDate: '1950-01-01', sex: 'male' };
const rec = (f: Fixture, rest: string) => `/api/v1/patients/${f.patients.adultA}/${rest}`;
const tomorrow = addDays(todayNl(), 1);
/** An entry of patient A (recorded before the cases run) for the routes on one entry. */
let entryId = '';
const fracture = { date: '2026-03-01', site: 'wrist' };
const scan = (sites: unknown[]) => ({ date: '2026-03-01', sites });
const draw = (results: unknown[]) => ({ date: '2026-03-01', results });
const pageCursor = (key: unknown[]) => Buffer.from(JSON.stringify(['a', ...key])).toString('base64url');

const CASES: Case[] = [
  { name: 'visit: a part at no time', method: 'POST', url: (f) => rec(f, 'visits'), as: 'nurse', body: { kind: 'diagnostic-day', date: tomorrow, parts: [{ part: 'dxa', time: '25:00', place: 'DXA' }] }, pointer: '/parts/0/time' },
  { name: 'visit change: an unknown status', method: 'PATCH', url: (f) => rec(f, 'visits/00000000-0000-4000-8000-000000000001'), as: 'nurse', body: { status: 'gone' }, pointer: '/status' },
  { name: 'invitation: an unknown event', method: 'POST', url: (f) => rec(f, 'invitations'), as: 'nurse', body: { event: 'phoned', date: '2026-03-01' }, pointer: '/event' },
  { name: 'invitation letter: a visit id that is not one', method: 'POST', url: (f) => rec(f, 'invitations/letter'), as: 'nurse', body: { visitId: 'x' }, pointer: '/visitId' },
  { name: 'communication: an unknown kind', method: 'POST', url: (f) => rec(f, 'communications'), as: 'nurse', body: { kind: 'fax', body: 'x' }, pointer: '/kind' },
  { name: 'day board: a date that is not one', method: 'GET', url: () => '/api/v1/dayboard?date=2026-02-30', as: 'nurse', pointer: '/query/date' },
  { name: 'quality: a quarter written as a month', method: 'GET', url: () => '/api/v1/quality?kind=quarter&period=2026-03', as: 'nurse', pointer: '/query/period', says: { detail: /not a quarter/ } },
  { name: 'quality figures CSV: a kind of period that is none', method: 'GET', url: () => '/api/v1/quality/figures.csv?kind=week', as: 'nurse', pointer: '/query/kind' },
  { name: 'quality patients: an unknown indicator', method: 'GET', url: () => '/api/v1/quality/patients?indicator=speed', as: 'nurse', pointer: '/query/indicator' },
  { name: 'quality patients CSV: an outcome without its indicator', method: 'GET', url: () => '/api/v1/quality/patients.csv?outcome=met', as: 'admin', pointer: '/query/outcome', says: { detail: /needs an indicator/ } },
  // The medication plan: the prescription's gate fields, a dose, a stop, a plan, the safety query.
  { name: 'prescription: unknown drug', method: 'POST', url: (f) => rec(f, 'medications'), as: 'nurse', body: { drug: 'aspirin', start: '2026-03-01' }, pointer: '/drug' },
  { name: 'prescription: override without its reason', method: 'POST', url: (f) => rec(f, 'medications'), as: 'nurse', body: { drug: 'denosumab', start: '2026-03-01', override: {} }, pointer: '/override/reason' },
  { name: 'prescription: acknowledgement not a yes or no', method: 'POST', url: (f) => rec(f, 'medications'), as: 'nurse', body: { drug: 'denosumab', start: '2026-03-01', acknowledgeCautions: 'yes' }, pointer: '/acknowledgeCautions' },
  { name: 'dose: a date that is not one', method: 'POST', url: (f) => rec(f, 'medications/6f1c3c0e-7d2a-4a47-9d51-0c8a7c1e2b3d/doses'), as: 'nurse', body: { date: '2026-02-30' }, pointer: '/date' },
  { name: 'dose: an empty batch', method: 'POST', url: (f) => rec(f, 'medications/6f1c3c0e-7d2a-4a47-9d51-0c8a7c1e2b3d/doses'), as: 'nurse', body: { date: '2026-02-03', batch: '' }, pointer: '/batch' },
  { name: 'stop: without a reason', method: 'PATCH', url: (f) => rec(f, 'medications/6f1c3c0e-7d2a-4a47-9d51-0c8a7c1e2b3d'), as: 'nurse', body: { end: '2026-02-03' }, pointer: '/reason' },
  { name: 'contact: an unknown kind', method: 'POST', url: (f) => rec(f, 'contacts'), as: 'nurse', body: { date: '2026-03-01', kind: 'weekly' }, pointer: '/kind' },
  { name: 'contact: a new fracture at no known site', method: 'POST', url: (f) => rec(f, 'contacts'), as: 'nurse', body: { date: '2026-03-01', kind: '3-months', newFractures: [{ date: '2026-02-01', site: 'tail' }] }, pointer: '/newFractures/0/site' },
  { name: 'contact: falls not a whole number', method: 'POST', url: (f) => rec(f, 'contacts'), as: 'nurse', body: { date: '2026-03-01', kind: '3-months', fallsSince: 1.5 }, pointer: '/fallsSince' },
  { name: 'contact: an unknown adherence', method: 'POST', url: (f) => rec(f, 'contacts'), as: 'nurse', body: { date: '2026-03-01', kind: '3-months', adherence: 'mostly' }, pointer: '/adherence' },
  { name: 'letter: an unknown kind', method: 'POST', url: (f) => rec(f, 'letters'), as: 'nurse', body: { kind: 'postcard' }, pointer: '/kind' },
  { name: 'letter: an unknown language', method: 'POST', url: (f) => rec(f, 'letters'), as: 'nurse', body: { kind: 'dentist-card', lang: 'de' }, pointer: '/lang' },
  { name: 'letter pdf: a letter id that is not one', method: 'GET', url: (f) => rec(f, 'letters/x/pdf'), as: 'nurse', pointer: '/params/letterId' },
  { name: 'plan: unknown drug', method: 'POST', url: (f) => rec(f, 'planned-medications'), as: 'nurse', body: { drug: 'calcium', from: '2027-01-01' }, pointer: '/drug' },
  { name: 'dose confirmation: neither taken nor missed', method: 'POST', url: (f) => rec(f, 'medications/6f1c3c0e-7d2a-4a47-9d51-0c8a7c1e2b3d/dose-confirmations'), as: 'nurse', body: { date: '2026-02-03', status: 'maybe' }, pointer: '/status' },
  { name: 'dose confirmation: a date that is not one', method: 'POST', url: (f) => rec(f, 'medications/6f1c3c0e-7d2a-4a47-9d51-0c8a7c1e2b3d/dose-confirmations'), as: 'nurse', body: { date: '03-02-2026', status: 'taken' }, pointer: '/date' },
  { name: 'dose schedule: an unknown language', method: 'GET', url: (f) => rec(f, 'medication-schedule.pdf?lang=de'), as: 'nurse', pointer: '/query/lang' },
  // The shared decision: the option, the drug, an agreement, the printed sheet's language.
  { name: 'decision: unknown option', method: 'POST', url: (f) => rec(f, 'decisions'), as: 'nurse', body: { date: '2026-03-01', option: 'wait-and-see', agreements: {} }, pointer: '/option' },
  { name: 'decision: unknown drug', method: 'POST', url: (f) => rec(f, 'decisions'), as: 'nurse', body: { date: '2026-03-01', option: 'weekly-tablet', drug: 'calcium', agreements: {} }, pointer: '/drug' },
  { name: 'decision: an empty agreement', method: 'POST', url: (f) => rec(f, 'decisions'), as: 'nurse', body: { date: '2026-03-01', option: 'lifestyle-only', agreements: { exercise: '' } }, pointer: '/agreements/exercise' },
  { name: 'decision: an agreement on an unknown topic', method: 'POST', url: (f) => rec(f, 'decisions'), as: 'nurse', body: { date: '2026-03-01', option: 'lifestyle-only', agreements: { sleep: 'Vroeg naar bed' } }, pointer: '/agreements/sleep' },
  { name: 'decision: without agreements', method: 'POST', url: (f) => rec(f, 'decisions'), as: 'nurse', body: { date: '2026-03-01', option: 'lifestyle-only' }, pointer: '/agreements' },
  { name: 'decision: a date that is not one', method: 'POST', url: (f) => rec(f, 'decisions'), as: 'nurse', body: { date: '2026-02-30', option: 'lifestyle-only', agreements: {} }, pointer: '/date' },
  { name: 'agreements sheet: an unknown language', method: 'GET', url: (f) => rec(f, 'decisions/6f1c3c0e-7d2a-4a47-9d51-0c8a7c1e2b3d/agreements.pdf?lang=de'), as: 'nurse', pointer: '/query/lang' },
  { name: 'safety: a start that is not a date', method: 'GET', url: (f) => rec(f, 'medication-safety?start=morgen'), as: 'nurse', pointer: '/query/start' },
  // The diary and the reports to the clinic (the schema answers before anyone is asked who they are).
  { name: 'diary: pain above 10', method: 'POST', url: (f) => rec(f, 'diary'), as: 'nurse', body: { date: '2026-03-01', activity: 'Wandelen', minutes: 30, feeling: 'good', pain: 11 }, pointer: '/pain' },
  { name: 'diary: a limit of 0', method: 'GET', url: (f) => rec(f, 'diary?limit=0'), as: 'nurse', pointer: '/query/limit' },
  { name: 'report: a fracture without its bone', method: 'POST', url: (f) => rec(f, 'reports'), as: 'nurse', body: { kind: 'fracture', cause: 'low-fall', since: '2026-03-01', severity: 'mild' }, pointer: '/site' },
  { name: 'reports: a cursor that is not one', method: 'GET', url: (f) => rec(f, 'reports?cursor=x'), as: 'nurse', pointer: '/query/cursor' },
  { name: 'referral: no practice', method: 'POST', url: (f) => rec(f, 'referrals'), as: 'nurse', body: { reason: 'Oefentherapie' }, pointer: '/organisationId' },
  { name: 'referral: an empty reason', method: 'POST', url: (f) => rec(f, 'referrals'), as: 'nurse', body: { organisationId: '6f1c3c0e-7d2a-4a47-9d51-0c8a7c1e2b3d', reason: '' }, pointer: '/reason' },
  { name: 'referral list: an unknown status', method: 'GET', url: () => '/api/v1/referrals?status=lost', as: 'nurse', pointer: '/query/status' },
  { name: 'referral accept: an unknown field', method: 'POST', url: () => '/api/v1/referrals/6f1c3c0e-7d2a-4a47-9d51-0c8a7c1e2b3d/accept', as: 'nurse', body: { note: 'Graag' }, pointer: '/note' },
  { name: 'referral decline: no reason', method: 'POST', url: () => '/api/v1/referrals/6f1c3c0e-7d2a-4a47-9d51-0c8a7c1e2b3d/decline', as: 'nurse', body: {}, pointer: '/reason' },
  { name: 'referral end: a referral id that is not one', method: 'POST', url: () => '/api/v1/referrals/nope/end', as: 'nurse', body: { reason: 'Klaar' }, pointer: '/params/referralId' },
  { name: 'GP letter: no GP', method: 'POST', url: () => '/api/v1/referrals', as: 'nurse', body: { patient: adult, letterDate: '2026-03-01', reason: 'Oefentherapie' }, pointer: '/gp' },
  { name: 'GP letter: a letter dated after today', method: 'POST', url: () => '/api/v1/referrals', as: 'nurse', body: { patient: adult, gp: { name: 'Dokter' }, letterDate: '2999-01-01', reason: 'Oefentherapie' }, pointer: '/letterDate', says: { code: 'date-in-future', detail: /after today/ } },
  // The exercise plan: an exercise not in the catalogue, and the home programme in a language there is none of.
  { name: 'exercise plan: an exercise not in the catalogue', method: 'POST', url: (f) => rec(f, 'exercise-plans'), as: 'nurse', body: { places: ['home'], exercises: [{ code: 'flying', sets: 2, repetitions: 10, intensity: 'light', daysPerWeek: 3, progression: 'Meer' }] }, pointer: '/exercises/0/code' },
  { name: 'home programme: an unknown language', method: 'GET', url: (f) => rec(f, 'exercise-plans/6f1c3c0e-7d2a-4a47-9d51-0c8a7c1e2b3d/home-programme.pdf?lang=de'), as: 'nurse', pointer: '/query/lang' },
  { name: 'worklist: an unknown step', method: 'GET', url: () => '/api/v1/worklist?step=tea', as: 'nurse', pointer: '/query/step' },
  { name: 'sign-in: missing password', method: 'POST', url: () => '/api/v1/session', as: null, body: { email: 'a@b.nl' }, pointer: '/password' },
  { name: 'sign-in: wrong type', method: 'POST', url: () => '/api/v1/session', as: null, body: { email: 42, password: 'x' }, pointer: '/email' },
  { name: 'sign-in: unknown field', method: 'POST', url: () => '/api/v1/session', as: null, body: { email: 'a@b.nl', password: 'x', admin: true }, pointer: '/admin' },
  { name: 'patient: missing family name', method: 'POST', url: () => '/api/v1/patients', as: 'nurse', body: { givenName: 'A', birthDate: '1950-01-01', sex: 'male' }, pointer: '/familyName' },
  { name: 'patient: impossible birth date', method: 'POST', url: () => '/api/v1/patients', as: 'nurse', body: { ...adult, birthDate: '1950-02-30' }, pointer: '/birthDate', says: { code: 'date-not-exist', detail: /^does not exist: February 1950 has 28 days$/ } },
  { name: 'patient: no leap day in a common year', method: 'POST', url: () => '/api/v1/patients', as: 'nurse', body: { ...adult, birthDate: '2023-02-29' }, pointer: '/birthDate', says: { code: 'date-not-exist', detail: /does not exist/ } },
  { name: 'patient: birth date after today', method: 'POST', url: () => '/api/v1/patients', as: 'nurse', body: { ...adult, birthDate: '2999-01-01' }, pointer: '/birthDate', says: { code: 'date-in-future', detail: /after today/ } },
  { name: 'patient: birth date not written as a date', method: 'POST', url: () => '/api/v1/patients', as: 'nurse', body: { ...adult, birthDate: '01-01-1950' }, pointer: '/birthDate', says: { code: 'date-format', detail: /YYYY-MM-DD/ } },
  { name: 'patient: bad BSN', method: 'POST', url: () => '/api/v1/patients', as: 'nurse', body: { ...adult, bsn: '123456789' }, pointer: '/bsn', says: { code: 'bsn-eleven-test', detail: /not a valid BSN: .*fail the eleven-test/ } },
  { name: 'patient: BSN of 8 digits', method: 'POST', url: () => '/api/v1/patients', as: 'nurse', body: { ...adult, bsn: '12345678' }, pointer: '/bsn', says: { code: 'bsn-format', detail: /must be 9 digits/ } },
  { name: 'patient: not a phone number', method: 'POST', url: () => '/api/v1/patients', as: 'nurse', body: { ...adult, phone: '12345' }, pointer: '/phone', says: { code: 'phone-format', detail: /06-12345678 or 020-1234567/ } },
  { name: 'correction: birth date that does not exist', method: 'PATCH', url: (f) => `/api/v1/patients/${f.patients.adultA}`, as: 'nurse', body: { birthDate: '1950-04-31', reason: 'correction' }, pointer: '/birthDate', says: { code: 'date-not-exist', detail: /April 1950 has 30 days/ } },
  { name: 'patient: wrong sex code', method: 'POST', url: () => '/api/v1/patients', as: 'nurse', body: { familyName: 'X', givenName: 'A', birthDate: '1950-01-01', sex: 'v' }, pointer: '/sex' },
  { name: 'patient: name too long', method: 'POST', url: () => '/api/v1/patients', as: 'nurse', body: { familyName: 'X'.repeat(201), givenName: 'A', birthDate: '1950-01-01', sex: 'male' }, pointer: '/familyName' },
  { name: 'patient: unknown field', method: 'POST', url: () => '/api/v1/patients', as: 'nurse', body: { familyName: 'X', givenName: 'A', birthDate: '1950-01-01', sex: 'male', diagnosis: 'x' }, pointer: '/diagnosis' },
  { name: 'correction: bad reason', method: 'PATCH', url: (f) => `/api/v1/patients/${f.patients.adultA}`, as: 'nurse', body: { phone: '1', reason: 'typo' }, pointer: '/reason' },
  { name: 'correction: bad id', method: 'PATCH', url: () => '/api/v1/patients/not-a-uuid', as: 'nurse', body: { phone: '1', reason: 'correction' }, pointer: '/params/id' },
  { name: 'link: neither shape', method: 'POST', url: (f) => `/api/v1/patients/${f.patients.adultA}/links`, as: 'nurse', body: { relation: 'care' }, pointer: '' },
  { name: 'account: caregiver without name', method: 'POST', url: (f) => `/api/v1/patients/${f.patients.adultA}/account`, as: 'nurse', body: { kind: 'caregiver', relation: 'family' }, pointer: '/displayName' },
  { name: 'list: limit out of range', method: 'GET', url: () => '/api/v1/patients?limit=5000', as: 'nurse', pointer: '/query/limit' },
  { name: 'list: limit zero', method: 'GET', url: () => '/api/v1/patients?limit=0', as: 'nurse', pointer: '/query/limit' },
  { name: 'list: limit not a number', method: 'GET', url: () => '/api/v1/patients?limit=ten', as: 'nurse', pointer: '/query/limit' },
  { name: 'list: cursor not one the list gave out', method: 'GET', url: () => '/api/v1/patients?cursor=not-a-cursor', as: 'nurse', pointer: '/query/cursor' },
  {
    name: 'list: cursor whose key is not a patient key', method: 'GET', as: 'nurse', pointer: '/query/cursor',
    url: () => `/api/v1/patients?cursor=${Buffer.from(JSON.stringify(['a', 'x', 'y', 'not-an-id'])).toString('base64url')}`,
  },
  { name: 'user: a password given by the administrator', method: 'POST', url: () => '/api/v1/users', as: 'admin', body: { role: 'nurse', email: 'n@x.nl', displayName: 'N', password: 'long-enough-1' }, pointer: '/password' },
  { name: 'user: unknown role', method: 'POST', url: () => '/api/v1/users', as: 'admin', body: { role: 'root', email: 'n@x.nl', displayName: 'N' }, pointer: '/role' },
  { name: 'audit: bad date', method: 'GET', url: () => '/api/v1/audit?from=yesterday', as: 'admin', pointer: '/query/from' },
  { name: 'users: limit out of range', method: 'GET', url: () => '/api/v1/users?limit=201', as: 'admin', pointer: '/query/limit' },
  { name: 'users: cursor not one the list gave out', method: 'GET', url: () => '/api/v1/users?cursor=not-a-cursor', as: 'admin', pointer: '/query/cursor' },
  { name: 'audit: limit zero', method: 'GET', url: () => '/api/v1/audit?limit=0', as: 'admin', pointer: '/query/limit' },
  { name: 'audit: offset is no longer a way to page', method: 'GET', url: () => '/api/v1/audit?offset=100', as: 'admin', pointer: '/query/offset' },
  {
    name: 'audit: cursor with a day that does not exist', method: 'GET', as: 'admin', pointer: '/query/cursor',
    url: () => `/api/v1/audit?cursor=${Buffer.from(JSON.stringify(['a', '2026-02-30T10:00:00.000000Z', '5'])).toString('base64url')}`,
  },
  { name: 'history: limit not a number', method: 'GET', url: (f) => `/api/v1/patients/${f.patients.adultA}/history?limit=ten`, as: 'nurse', pointer: '/query/limit' },
  {
    name: 'history: cursor of the patient list', method: 'GET', as: 'nurse', pointer: '/query/cursor',
    url: (f) => `/api/v1/patients/${f.patients.adultA}/history?cursor=${Buffer.from(JSON.stringify(['a', 'adulta', f.patients.adultA])).toString('base64url')}`,
  },
  { name: 'access log: limit out of range', method: 'GET', url: (f) => `/api/v1/patients/${f.patients.adultA}/access-log?limit=500`, as: 'nurse', pointer: '/query/limit' },
  { name: 'access log: cursor not one the list gave out', method: 'GET', url: (f) => `/api/v1/patients/${f.patients.adultA}/access-log?cursor=%21%21`, as: 'nurse', pointer: '/query/cursor' },
  { name: 'caregivers: limit zero', method: 'GET', url: (f) => `/api/v1/patients/${f.patients.adultA}/caregivers?limit=0`, as: 'nurse', pointer: '/query/limit' },
  { name: 'caregivers: cursor not one the list gave out', method: 'GET', url: (f) => `/api/v1/patients/${f.patients.adultA}/caregivers?cursor=not-a-cursor`, as: 'nurse', pointer: '/query/cursor' },
  { name: 'rules: limit out of range', method: 'GET', url: () => '/api/v1/rules?limit=1000', as: 'nurse', pointer: '/query/limit' },
  {
    name: 'rules: cursor naming no rule', method: 'GET', as: 'nurse', pointer: '/query/cursor',
    url: () => `/api/v1/rules?cursor=${Buffer.from(JSON.stringify(['a', 'no.such-rule'])).toString('base64url')}`,
  },
  { name: 'settings: unknown key', method: 'PUT', url: () => '/api/v1/organisation/settings', as: 'admin', body: { overdueGraceDays: 20, colour: 'blue' }, pointer: '/colour' },
  { name: 'settings: unknown calcium item', method: 'PUT', url: () => '/api/v1/organisation/settings', as: 'admin', body: { calciumPerServingMg: { 'cola-can': 5 } }, pointer: '/calciumPerServingMg/cola-can' },
  { name: 'settings: number out of range', method: 'PUT', url: () => '/api/v1/organisation/settings', as: 'admin', body: { glucocorticoidTScoreThreshold: 1 }, pointer: '/glucocorticoidTScoreThreshold' },
  { name: 'settings: wrong type', method: 'PUT', url: () => '/api/v1/organisation/settings', as: 'admin', body: { overdueGraceDays: '14' }, pointer: '/overdueGraceDays' },
  { name: 'settings: policy not one of the two', method: 'PUT', url: () => '/api/v1/organisation/settings', as: 'admin', body: { fractureSitePolicy: 'none' }, pointer: '/fractureSitePolicy' },
  { name: 'consent: given by a name of the wrong type', method: 'POST', url: (f) => `/api/v1/patients/${f.patients.adultA}/caregivers/${f.users.caregiver.id}/consent`, as: 'nurse', body: { givenBy: 42 }, pointer: '/givenBy' },
  { name: 'consent withdrawal: unknown field', method: 'POST', url: (f) => `/api/v1/patients/${f.patients.adultA}/caregivers/${f.users.caregiver.id}/consent/withdraw`, as: 'nurse', body: { reason: 'Gebeld', until: 'ever' }, pointer: '/until' },
  { name: 'merge: not confirmed', method: 'POST', url: (f) => `/api/v1/patients/${f.patients.adultA}/merge`, as: 'nurse', body: { duplicateId: '6f1c3c0e-7d2a-4a47-9d51-0c8a7c1e2b3d', confirm: false }, pointer: '/confirm' },
  { name: 'merge: duplicate not an id', method: 'POST', url: (f) => `/api/v1/patients/${f.patients.adultA}/merge`, as: 'nurse', body: { duplicateId: 'the other one', confirm: true }, pointer: '/duplicateId' },
  { name: 'unmerge: a body with a field', method: 'POST', url: (f) => `/api/v1/patients/${f.patients.adultA}/unmerge`, as: 'nurse', body: { into: 'x' }, pointer: '/into' },
  { name: 'role change: not a staff role', method: 'PATCH', url: (f) => `/api/v1/users/${f.users.nurse.id}`, as: 'admin', body: { role: 'patient' }, pointer: '/role' },
  { name: 'reset confirmation: token too short', method: 'POST', url: () => '/api/v1/password-reset/confirm', as: null, body: { token: 'abc', password: 'long-enough-password-1' }, pointer: '/token' },
  { name: 'evaluate: a Case without its day', method: 'POST', url: () => '/api/v1/evaluate', as: 'nurse', body: { person: { birthDate: '1950-01-01', sex: 'female' } }, pointer: '/asOf' },
  // Who may act for me: the patient's invitation, its withdrawal, the log of who looked, and a mailed invitation taken.
  { name: 'invitation: an e-mail address that is not one', method: 'POST', url: () => '/api/v1/me/caregivers', as: 'nurse', body: { email: 'jan at example', relation: 'family' }, pointer: '/email' },
  { name: 'invitation: an unknown relation', method: 'POST', url: () => '/api/v1/me/caregivers', as: 'nurse', body: { email: 'jan@example.org', relation: 'neighbour' }, pointer: '/relation' },
  { name: 'invitation: a field of its own', method: 'POST', url: () => '/api/v1/me/caregivers', as: 'nurse', body: { email: 'jan@example.org', relation: 'family', name: 'Jan' }, pointer: '/name' },
  { name: 'invitation withdrawn: a link id that is not one', method: 'DELETE', url: () => '/api/v1/me/caregivers/42', as: 'nurse', pointer: '/params/linkId' },
  { name: 'who looked: limit out of range', method: 'GET', url: () => '/api/v1/me/access-log?limit=500', as: 'nurse', pointer: '/query/limit' },
  { name: 'invitation taken: a token that is not one', method: 'POST', url: () => '/api/v1/caregiver-invitations/preview', as: null, body: { token: 'a b' }, pointer: '/token' },
  { name: 'invitation taken: without a token', method: 'POST', url: () => '/api/v1/caregiver-invitations/accept', as: 'nurse', body: {}, pointer: '/token' },
  { name: 'invitation taken: a password too short', method: 'POST', url: () => '/api/v1/caregiver-invitations/account', as: null, body: { token: 'x'.repeat(43), displayName: 'Jan', password: 'kort' }, pointer: '/password' },
  // The clinical record: each form's fields, each list's query, each entry route.
  { name: 'fracture: unknown field', method: 'POST', url: (f) => rec(f, 'fractures'), as: 'nurse', body: { ...fracture, diagnosis: 'x' }, pointer: '/diagnosis' },
  { name: 'fracture: site of the wrong type', method: 'POST', url: (f) => rec(f, 'fractures'), as: 'nurse', body: { ...fracture, site: 42 }, pointer: '/site' },
  { name: 'fracture: unknown site', method: 'POST', url: (f) => rec(f, 'fractures'), as: 'nurse', body: { ...fracture, site: 'tail' }, pointer: '/site' },
  { name: 'fracture: impossible date', method: 'POST', url: (f) => rec(f, 'fractures'), as: 'nurse', body: { ...fracture, date: '2026-02-29' }, pointer: '/date', says: { code: 'date-not-exist', detail: /February 2026 has 28 days/ } },
  { name: 'fracture: date not written as a date', method: 'POST', url: (f) => rec(f, 'fractures'), as: 'nurse', body: { ...fracture, date: '1-3-2026' }, pointer: '/date', says: { code: 'date-format', detail: /YYYY-MM-DD/ } },
  { name: 'fracture: date in the future', method: 'POST', url: (f) => rec(f, 'fractures'), as: 'nurse', body: { ...fracture, date: tomorrow }, pointer: '/date', says: { detail: /lies in the future/ } },
  { name: 'fracture: department over 100 characters', method: 'POST', url: (f) => rec(f, 'fractures'), as: 'nurse', body: { ...fracture, department: 'D'.repeat(101) }, pointer: '/department' },
  { name: 'fracture: side not left, right, both or unknown', method: 'POST', url: (f) => rec(f, 'fractures'), as: 'nurse', body: { ...fracture, side: 'middle' }, pointer: '/side' },
  { name: 'fracture: high energy not a yes or no', method: 'POST', url: (f) => rec(f, 'fractures'), as: 'nurse', body: { ...fracture, highEnergy: 'yes' }, pointer: '/highEnergy' },
  { name: 'fracture: no date', method: 'POST', url: (f) => rec(f, 'fractures'), as: 'nurse', body: { site: 'hip' }, pointer: '/date' },
  { name: 'dxa: T-score out of range', method: 'POST', url: (f) => rec(f, 'dxa'), as: 'nurse', body: scan([{ site: 'lumbar-spine', tScore: -12 }, { site: 'total-hip', tScore: -1 }]), pointer: '/sites/0/tScore' },
  { name: 'dxa: T-score as text', method: 'POST', url: (f) => rec(f, 'dxa'), as: 'nurse', body: scan([{ site: 'lumbar-spine', tScore: '-2.5' }]), pointer: '/sites/0/tScore' },
  { name: 'dxa: the same site twice in one scan', method: 'POST', url: (f) => rec(f, 'dxa'), as: 'nurse', body: scan([{ site: 'total-hip', tScore: -1 }, { site: 'total-hip', tScore: -2 }]), pointer: '/sites/1', says: { detail: /total-hip is given twice/ } },
  { name: 'dxa: more than three sites', method: 'POST', url: (f) => rec(f, 'dxa'), as: 'nurse', body: scan([{ site: 'total-hip' }, { site: 'femoral-neck' }, { site: 'lumbar-spine' }, { site: 'total-hip' }]), pointer: '/sites' },
  { name: 'dxa: no sites', method: 'POST', url: (f) => rec(f, 'dxa'), as: 'nurse', body: scan([]), pointer: '/sites' },
  { name: 'dxa: unknown field in a site', method: 'POST', url: (f) => rec(f, 'dxa'), as: 'nurse', body: scan([{ site: 'total-hip', tscore: -1 }]), pointer: '/sites/0/tscore' },
  { name: 'vfa: unknown vertebra', method: 'POST', url: (f) => rec(f, 'vfa'), as: 'nurse', body: { date: '2026-03-01', vertebrae: [{ level: 'C3', grade: 1 }] }, pointer: '/vertebrae/0/level' },
  { name: 'vfa: grade out of range', method: 'POST', url: (f) => rec(f, 'vfa'), as: 'nurse', body: { date: '2026-03-01', vertebrae: [{ level: 'T9', grade: 4 }] }, pointer: '/vertebrae/0/grade' },
  { name: 'labs: unknown unit', method: 'POST', url: (f) => rec(f, 'labs'), as: 'nurse', body: draw([{ test: 'calcium', value: 2.3, unit: 'mg' }]), pointer: '/results/0/unit', says: { detail: /unknown unit "mg" for calcium/ } },
  { name: 'labs: value as text', method: 'POST', url: (f) => rec(f, 'labs'), as: 'nurse', body: draw([{ test: 'calcium', value: 'high', unit: 'mmol/L' }]), pointer: '/results/0/value' },
  { name: 'labs: the same test twice in one draw', method: 'POST', url: (f) => rec(f, 'labs'), as: 'nurse', body: draw([{ test: 'tsh', value: 1, unit: 'mU/L' }, { test: 'tsh', value: 2, unit: 'mU/L' }]), pointer: '/results/1' },
  { name: 'note: empty text', method: 'POST', url: (f) => rec(f, 'notes'), as: 'nurse', body: { date: '2026-03-01', text: '' }, pointer: '/text' },
  { name: 'note: date in the future', method: 'POST', url: (f) => rec(f, 'notes'), as: 'nurse', body: { date: tomorrow, text: 'Later' }, pointer: '/date' },
  { name: 'entry: unknown kind', method: 'POST', url: (f) => rec(f, 'entries'), as: 'nurse', body: { kind: 'mood', date: '2026-03-01', data: {} }, pointer: '/kind' },
  { name: 'entry: data out of range', method: 'POST', url: (f) => rec(f, 'entries'), as: 'nurse', body: { kind: 'weight', date: '2026-03-01', data: { kg: 900 } }, pointer: '/data/kg' },
  { name: 'entry: unknown field in the data', method: 'POST', url: (f) => rec(f, 'entries'), as: 'nurse', body: { kind: 'weight', date: '2026-03-01', data: { kg: 60, lbs: 132 } }, pointer: '/data/lbs' },
  { name: 'entry: risk factors stating nothing', method: 'POST', url: (f) => rec(f, 'entries'), as: 'nurse', body: { kind: 'risk-factors', date: '2026-03-01', data: {} }, pointer: '/data' },
  { name: 'entry: date in the future', method: 'POST', url: (f) => rec(f, 'entries'), as: 'nurse', body: { kind: 'weight', date: tomorrow, data: { kg: 60 } }, pointer: '/date' },
  { name: 'entry: glucocorticoids ending before they started', method: 'POST', url: (f) => rec(f, 'entries'), as: 'nurse', body: { kind: 'glucocorticoid-course', date: '2026-03-01', data: { mgPerDay: 5, end: '2026-02-01' } }, pointer: '/data/end' },
  // The medication plan's kinds go through its own routes, behind the safety checks; bad data or good.
  { name: 'entry: a medication past the safety gate', method: 'POST', url: (f) => rec(f, 'entries'), as: 'nurse', body: { kind: 'medication', date: '2026-03-01', data: { drug: 'alendronic-acid', end: '2026-02-01' } }, pointer: '/kind', says: { code: 'use-medication-route', detail: /POST \/api\/v1\/patients\/\{id\}\/medications/ } },
  { name: 'entry: a dose past its course', method: 'POST', url: (f) => rec(f, 'entries'), as: 'nurse', body: { kind: 'medication-dose', date: '2026-03-01', data: { drug: 'denosumab' } }, pointer: '/kind', says: { code: 'use-medication-route', detail: /\/doses/ } },
  { name: 'entry: a plan past its route', method: 'POST', url: (f) => rec(f, 'entries'), as: 'nurse', body: { kind: 'planned-medication', date: '2026-03-01', data: { drug: 'denosumab', from: '2027-01-01' } }, pointer: '/kind', says: { code: 'use-medication-route', detail: /planned-medications/ } },
  { name: 'entries: unknown kind', method: 'GET', url: (f) => rec(f, 'entries?kind=dxa,mood'), as: 'nurse', pointer: '/query/kind' },
  { name: 'entries: withErrors not true or false', method: 'GET', url: (f) => rec(f, 'entries?withErrors=yes'), as: 'nurse', pointer: '/query/withErrors' },
  { name: 'entries: limit zero', method: 'GET', url: (f) => rec(f, 'entries?limit=0'), as: 'nurse', pointer: '/query/limit' },
  { name: 'entries: cursor of the patient list', method: 'GET', url: (f) => rec(f, `entries?cursor=${pageCursor(['adulta', f.patients.adultA])}`), as: 'nurse', pointer: '/query/cursor' },
  { name: 'entry history: entry id not an id', method: 'GET', url: (f) => rec(f, 'entries/42'), as: 'nurse', pointer: '/params/entryId' },
  { name: 'entry history: limit out of range', method: 'GET', url: (f) => rec(f, `entries/${entryId}?limit=201`), as: 'nurse', pointer: '/query/limit' },
  { name: 'correction: no reason', method: 'POST', url: (f) => rec(f, `entries/${entryId}/correction`), as: 'nurse', body: { data: { kg: 60 } }, pointer: '/reason' },
  { name: 'correction: data out of range', method: 'POST', url: (f) => rec(f, `entries/${entryId}/correction`), as: 'nurse', body: { data: { kg: -1 }, reason: 'Fout' }, pointer: '/data/kg' },
  { name: 'correction: unknown field in the data', method: 'POST', url: (f) => rec(f, `entries/${entryId}/correction`), as: 'nurse', body: { data: { kg: 60, stones: 9 }, reason: 'Fout' }, pointer: '/data/stones' },
  { name: 'correction: impossible date', method: 'POST', url: (f) => rec(f, `entries/${entryId}/correction`), as: 'nurse', body: { date: '2026-04-31', reason: 'Fout' }, pointer: '/date', says: { code: 'date-not-exist', detail: /April 2026 has 30 days/ } },
  { name: 'correction: date in the future', method: 'POST', url: (f) => rec(f, `entries/${entryId}/correction`), as: 'nurse', body: { date: tomorrow, reason: 'Fout' }, pointer: '/date' },
  { name: 'correction: nothing to correct', method: 'POST', url: (f) => rec(f, `entries/${entryId}/correction`), as: 'nurse', body: { reason: 'Fout' }, pointer: '' },
  { name: 'entered in error: no reason', method: 'POST', url: (f) => rec(f, `entries/${entryId}/entered-in-error`), as: 'nurse', body: {}, pointer: '/reason' },
  { name: 'entered in error: unknown field', method: 'POST', url: (f) => rec(f, `entries/${entryId}/entered-in-error`), as: 'nurse', body: { reason: 'Fout', delete: true }, pointer: '/delete' },
  { name: 'case: impossible asOf', method: 'GET', url: (f) => rec(f, 'case?asOf=2026-02-30'), as: 'nurse', pointer: '/query/asOf', says: { code: 'date-not-exist', detail: /February 2026 has 28 days/ } },
  { name: 'case: asOf not a date', method: 'GET', url: (f) => rec(f, 'case?asOf=today'), as: 'nurse', pointer: '/query/asOf' },
  { name: 'case: unknown query field', method: 'GET', url: (f) => rec(f, 'case?at=2026-01-01'), as: 'nurse', pointer: '/query/at' },
  { name: 'evaluation: unknown language', method: 'GET', url: (f) => rec(f, 'evaluation?lang=de'), as: 'nurse', pointer: '/query/lang' },
  { name: 'evaluation: impossible asOf', method: 'GET', url: (f) => rec(f, 'evaluation?asOf=2025-13-01'), as: 'nurse', pointer: '/query/asOf' },
  { name: 'assessment: asOf in the future', method: 'POST', url: (f) => rec(f, 'assessments'), as: 'nurse', body: { asOf: tomorrow }, pointer: '/asOf' },
  { name: 'assessment: unknown field', method: 'POST', url: (f) => rec(f, 'assessments'), as: 'nurse', body: { approved: true }, pointer: '/approved' },
  { name: 'assessment: unknown language', method: 'POST', url: (f) => rec(f, 'assessments?lang=fr'), as: 'nurse', body: {}, pointer: '/query/lang' },
  { name: 'assessments: cursor not one the list gave out', method: 'GET', url: (f) => rec(f, 'assessments?cursor=not-a-cursor'), as: 'nurse', pointer: '/query/cursor' },
  { name: 'end of care: unknown reason', method: 'POST', url: (f) => rec(f, 'end-of-care'), as: 'nurse', body: { reason: 'bored', date: '2026-03-01' }, pointer: '/reason' },
  { name: 'end of care: date in the future', method: 'POST', url: (f) => rec(f, 'end-of-care'), as: 'nurse', body: { reason: 'moved', date: tomorrow }, pointer: '/date' },
  { name: 'end of care: impossible date', method: 'POST', url: (f) => rec(f, 'end-of-care'), as: 'nurse', body: { reason: 'moved', date: '2026-06-31' }, pointer: '/date' },
  { name: 'resume care: a body with a field', method: 'POST', url: (f) => rec(f, 'end-of-care/resume'), as: 'nurse', body: { reason: 'back' }, pointer: '/reason' },
  { name: 'resume care: bad id', method: 'POST', url: () => '/api/v1/patients/not-a-uuid/end-of-care/resume', as: 'nurse', pointer: '/params/id' },
  { name: 'calendar choices: a time that is not one', method: 'PUT', url: (f) => rec(f, 'calendar-settings'), as: 'nurse', body: { remindAt: '24:00', nameMedicine: false }, pointer: '/remindAt', says: { detail: /between 05:00 and 23:59/ } },
  { name: 'calendar choices: a time in the night', method: 'PUT', url: (f) => rec(f, 'calendar-settings'), as: 'nurse', body: { remindAt: '02:30', nameMedicine: false }, pointer: '/remindAt' },
  { name: 'calendar choices: naming not a yes or no', method: 'PUT', url: (f) => rec(f, 'calendar-settings'), as: 'nurse', body: { remindAt: '09:00', nameMedicine: 'yes' }, pointer: '/nameMedicine' },
  { name: 'calendar choices: unknown field', method: 'PUT', url: (f) => rec(f, 'calendar-settings'), as: 'nurse', body: { remindAt: '09:00', nameMedicine: true, colour: 'red' }, pointer: '/colour' },
  { name: 'calendar link: a field it does not take', method: 'POST', url: (f) => rec(f, 'calendar-feed'), as: 'nurse', body: { url: 'https://example.org' }, pointer: '/url' },
  { name: 'own calendar link: a field it does not take', method: 'POST', url: () => '/api/v1/me/calendar-feed', as: 'nurse', body: { days: 30 }, pointer: '/days' },
  { name: 'ending a calendar link: a field it does not take', method: 'DELETE', url: (f) => rec(f, 'calendar-feed'), as: 'nurse', body: { url: 'https://example.org' }, pointer: '/url' },
  { name: 'ending my own calendar link: a field it does not take', method: 'DELETE', url: () => '/api/v1/me/calendar-feed', as: 'nurse', body: { all: true }, pointer: '/all' },
  { name: 'calendar link: bad id', method: 'POST', url: () => '/api/v1/patients/not-a-uuid/calendar-feed', as: 'nurse', pointer: '/params/id' },
  { name: 'activation: code too short', method: 'POST', url: () => '/api/v1/activation', as: null, body: { code: 'AB', password: 'long-enough-1' }, pointer: '/code' },
  { name: 'reset: not an e-mail', method: 'POST', url: () => '/api/v1/password-reset', as: null, body: { email: 'nope' }, pointer: '/email' },
  { name: 'therapy intake: a PSK score above 10', method: 'POST', url: (f) => rec(f, 'therapy/intakes'), as: 'nurse', body: { psk: [{ activity: 'Trap lopen', score: 11 }] }, pointer: '/psk/0/score' },
  { name: 'education session: an unknown topic', method: 'POST', url: (f) => rec(f, 'therapy/education-sessions'), as: 'nurse', body: { date: '2026-03-01', topics: [{ topic: 'astrology', discussed: true, moreWanted: false }] }, pointer: '/topics/0/topic' },
  { name: 'home check: an unknown finding', method: 'POST', url: (f) => rec(f, 'home-checks'), as: 'nurse', body: { date: '2026-03-01', items: [{ item: 'lighting', finding: 'dark' }] }, pointer: '/items/0/finding' },
  { name: 'coaching session: no topic', method: 'POST', url: (f) => rec(f, 'coaching-sessions'), as: 'nurse', body: { date: '2026-03-01', topics: [] }, pointer: '/topics' },
  { name: 'dietitian letter: a language there is none of', method: 'POST', url: (f) => rec(f, 'dietitian-letters'), as: 'nurse', body: { reason: 'Te weinig calcium in de voeding', lang: 'de' }, pointer: '/lang' },
  // A day centre's groups: the name, and whom to put in a group.
  { name: 'group: an empty name', method: 'POST', url: () => '/api/v1/groups', as: 'nurse', body: { name: '  ' }, pointer: '/name' },
  { name: 'group child: an id that is not one', method: 'POST', url: () => '/api/v1/groups/6f1c3c0e-7d2a-4a47-9d51-0c8a7c1e2b3d/children', as: 'nurse', body: { patientId: 'Lotte' }, pointer: '/patientId' },
  { name: 'group staff: no one given', method: 'POST', url: () => '/api/v1/groups/6f1c3c0e-7d2a-4a47-9d51-0c8a7c1e2b3d/staff', as: 'nurse', body: {}, pointer: '/userId' },
  // A child's bone-health profile (the schema answers before anyone is asked who they are).
  { name: 'child profile: an unknown language', method: 'GET', url: (f) => rec(f, 'child-profile?lang=fr'), as: 'nurse', pointer: '/query/lang' },
  { name: 'child profile: an unknown mobility', method: 'PUT', url: (f) => rec(f, 'child-profile'), as: 'nurse', body: { mobility: 'crawling' }, pointer: '/mobility' },
  { name: 'child growth: neither weight nor height', method: 'POST', url: (f) => rec(f, 'child-growth'), as: 'nurse', body: { date: '2026-03-01' }, pointer: '/weightKg' },
  { name: 'child fracture: an unknown site', method: 'POST', url: (f) => rec(f, 'child-fractures'), as: 'nurse', body: { date: '2026-03-01', site: 'nose', how: 'Gevallen' }, pointer: '/site' },
  { name: 'vitamin D dose: above 100 micrograms', method: 'POST', url: (f) => rec(f, 'vitamin-d-doses'), as: 'nurse', body: { date: todayNl(), dose: 101 }, pointer: '/dose' },
  { name: 'loading plan: more than 240 minutes', method: 'PUT', url: (f) => `/api/v1/patients/${f.patients.childA}/loading-plan`, as: 'nurse', body: { standingFrame: 241, walkingAid: 0, otherMovement: 0 }, pointer: '/standingFrame' },
  { name: 'loading log: an unknown activity', method: 'POST', url: (f) => `/api/v1/patients/${f.patients.childA}/loading-log`, as: 'nurse', body: { date: '2026-03-01', activity: 'swimming', minutes: 10 }, pointer: '/activity' },
  { name: 'loading log: a week that is no date', method: 'GET', url: (f) => `/api/v1/patients/${f.patients.childA}/loading-log?week=soon`, as: 'nurse', pointer: '/query/week' },
  { name: 'loading log: take back a line whose id is none', method: 'POST', url: (f) => `/api/v1/patients/${f.patients.childA}/loading-log/soon/take-back`, as: 'nurse', pointer: '/params/lineId' },
  { name: 'aid: an unknown kind', method: 'POST', url: (f) => `/api/v1/patients/${f.patients.childA}/aids`, as: 'nurse', body: { kind: 'skates', lastCheck: '2026-01-05' }, pointer: '/kind' },
  { name: 'aid check: nothing said about what was adjusted', method: 'POST', url: (f) => `/api/v1/patients/${f.patients.childA}/aids/6f1c3c0e-7d2a-4a47-9d51-0c8a7c1e2b3d/checks`, as: 'nurse', body: { date: '2026-01-05' }, pointer: '/adjusted' },
  { name: 'fracture signal: nothing seen', method: 'POST', url: (f) => `/api/v1/patients/${f.patients.childA}/fracture-signals`, as: 'nurse', body: { observed: [], bodyPart: 'head', observedOn: todayNl() }, pointer: '/observed' },
  { name: 'fracture signal outcome: an unknown answer', method: 'POST', url: (f) => `/api/v1/patients/${f.patients.childA}/fracture-signals/6f1c3c0e-7d2a-4a47-9d51-0c8a7c1e2b3d/outcome`, as: 'nurse', body: { seen: true, xray: false, fracture: 'maybe' }, pointer: '/fracture' },
  // The exercise-therapy measurements and the period of supervised therapy.
  { name: 'measurement: a PSK score above 10', method: 'POST', url: (f) => rec(f, 'therapy/measurements'), as: 'nurse', body: { date: '2026-03-01', psk: [{ activity: 'Trap lopen', score: 11 }] }, pointer: '/psk/0/score' },
  { name: 'measurements: bad id', method: 'GET', url: () => '/api/v1/patients/not-a-uuid/therapy/measurements', as: 'nurse', pointer: '/params/id' },
  { name: 'measurement correction: no reason', method: 'PUT', url: (f) => rec(f, 'therapy/measurements/6f1c3c0e-7d2a-4a47-9d51-0c8a7c1e2b3d'), as: 'nurse', body: { date: '2026-03-01', chairStand30s: 9 }, pointer: '/reason' },
  { name: 'measurement entered in error: an entry id that is none', method: 'POST', url: (f) => rec(f, 'therapy/measurements/soon/entered-in-error'), as: 'nurse', body: { reason: 'Fout' }, pointer: '/params/entryId' },
  { name: 'therapy period: an end before the start', method: 'PUT', url: (f) => rec(f, 'therapy/period'), as: 'nurse', body: { start: '2026-03-01', end: '2026-02-01' }, pointer: '/end' },
  { name: 'therapy period: bad id', method: 'GET', url: () => '/api/v1/patients/not-a-uuid/therapy/period', as: 'nurse', pointer: '/params/id' },
  // The progress report of exercise therapy: a language there is none of, a field it does not take, a patient id that is none.
  { name: 'progress report: an unknown language', method: 'GET', url: (f) => rec(f, 'therapy/progress-report.pdf?lang=de'), as: 'nurse', pointer: '/query/lang' },
  { name: 'progress report: a query field it does not take', method: 'GET', url: (f) => rec(f, 'therapy/progress-report.pdf?asOf=2026-01-01'), as: 'nurse', pointer: '/query/asOf' },
  { name: 'progress report: bad id', method: 'GET', url: () => '/api/v1/patients/not-a-uuid/therapy/progress-report.pdf', as: 'nurse', pointer: '/params/id' },
  { name: 'kept progress report: a language there is none of', method: 'POST', url: (f) => rec(f, 'therapy/progress-reports'), as: 'nurse', body: { lang: 'de' }, pointer: '/lang' },
  { name: 'kept progress report: a field it does not take', method: 'POST', url: (f) => rec(f, 'therapy/progress-reports'), as: 'nurse', body: { to: 'GP' }, pointer: '/to' },
];

describe.each(STORE_KINDS)('bad input on %s', (kind) => {
  let t: TestApp;
  let f: Fixture;
  const cookie: Record<string, string> = {};
  const counts = async () => {
    const r = await sql<{ p: number; u: number; l: number; c: number; s: number; e: number; a: number; ce: number }>`select
      (select count(*)::int from patient) as p, (select count(*)::int from app_user) as u,
      (select count(*)::int from patient_organisation) as l, (select count(*)::int from one_time_code) as c,
      (select count(*)::int from organisation_settings) as s,
      (select count(*)::int from clinical_entry) as e, (select count(*)::int from assessment) as a, (select count(*)::int from care_end) as ce`.execute(t.store.db);
    return r.rows[0];
  };
  beforeAll(async () => {
    t = await testApp(kind, { BOTPAD_BODY_LIMIT: '20000' });
    f = await buildFixture(t.store.db);
    await signInRoles(t, f, ['nurse', 'admin'], cookie);
    const w = await t.app.inject({
      method: 'POST', url: rec(f, 'entries'), headers: { cookie: cookie.nurse, 'content-type': 'application/json' }, payload: JSON.stringify({ kind: 'weight', date: '2026-03-01', data: { kg: 60 } }),
    });
    entryId = w.json<{ id: string }>().id;
  });
  afterAll(async () => {
    await t.close();
  });

  it.each(CASES)('$name', async (c) => {
    const before = await counts();
    const res = await t.app.inject({
      method: c.method,
      url: c.url(f),
      headers: { ...(c.as ? { cookie: cookie[c.as] } : {}), ...(c.body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(c.body !== undefined ? { payload: JSON.stringify(c.body) } : {}),
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const p = Problem.parse(res.json());
    expect(p.type).toBe('/problems/invalid-input');
    expect(p.errors?.map((e) => e.pointer)).toContain(c.pointer);
    if (c.says) {
      const e = p.errors?.find((x) => x.pointer === c.pointer);
      if (c.says.code !== undefined) expect(e?.code).toBe(c.says.code);
      expect(e?.detail).toMatch(c.says.detail);
    }
    expect(await counts()).toEqual(before);
  });

  it('refuses an oversized body with 413 and stores nothing', async () => {
    const before = await counts();
    const res = await t.app.inject({
      method: 'POST', url: '/api/v1/patients', headers: { cookie: cookie.nurse, 'content-type': 'application/json' },
      payload: JSON.stringify({ familyName: 'X'.repeat(30_000), givenName: 'A', birthDate: '1950-01-01', sex: 'male' }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(await counts()).toEqual(before);
  });

  it('refuses malformed JSON and non-JSON bodies with a problem document', async () => {
    const bad = await t.app.inject({ method: 'POST', url: '/api/v1/patients', headers: { cookie: cookie.nurse, 'content-type': 'application/json' }, payload: '{"familyName": ' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/problem\+json/);
    const form = await t.app.inject({ method: 'POST', url: '/api/v1/patients', headers: { cookie: cookie.nurse, 'content-type': 'application/x-www-form-urlencoded' }, payload: 'familyName=X' });
    expect(form.statusCode).toBe(415);
    expect(form.headers['content-type']).toMatch(/problem\+json/);
  });

  it('lists every bad field at once', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/patients', headers: { cookie: cookie.nurse, 'content-type': 'application/json' }, payload: JSON.stringify({ familyName: '', birthDate: 'x', sex: 1, extra: 1 }) });
    const pointers = Problem.parse(res.json()).errors?.map((e) => e.pointer) ?? [];
    expect(pointers).toEqual(expect.arrayContaining(['/familyName', '/givenName', '/birthDate', '/sex', '/extra']));
  });

  it('has a case for every operation of the OpenAPI document that takes a body or a query', () => {
    const doc = t.app.swagger() as unknown as { paths: Record<string, Record<string, { parameters?: { in: string }[]; requestBody?: unknown }>> };
    const covered = CASES.map((c) => `${c.method} ${c.url(f).split('?')[0] ?? ''}`);
    const missing = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([, op]) => op.requestBody !== undefined || (op.parameters ?? []).some((x) => x.in === 'query'))
        .map(([method]) => `${method.toUpperCase()} ${path}`)
        .filter((op) => {
          const [method = '', template = ''] = op.split(' ');
          const re = new RegExp(`^${method} ${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
          return !covered.some((c) => re.test(c));
        }),
    );
    expect(missing).toEqual([]);
  });

  it('keeps serving after all of that', async () => {
    expect((await t.app.inject('/health/ready')).statusCode).toBe(200);
  });
});
