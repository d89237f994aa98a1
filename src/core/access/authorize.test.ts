import { describe, expect, it } from 'vitest';
import { authorize, type Action, type Actor, type PatientTarget, type Role } from './authorize.js';

const ORG = 'org-a';
const actor = (role: Role, over: Partial<Actor> = {}): Actor => ({
  userId: 'u1',
  role,
  organisationId: role === 'patient' || role === 'caregiver' ? null : ORG,
  organisationKind: role === 'care-worker' ? 'day-centre' : role === 'physiotherapist' ? 'physiotherapy' : 'hospital',
  patientId: role === 'patient' ? 'p1' : null,
  ...over,
});
const ASOF = '2026-11-23';
const bornYearsAgo = (y: number, dayShift = 0) => {
  const d = new Date(Date.UTC(2026 - y, 10, 23 + dayShift));
  return d.toISOString().slice(0, 10);
};
const target = (over: Partial<PatientTarget> = {}): PatientTarget => ({
  id: 'p1', birthDate: bornYearsAgo(70), organisations: [{ organisationId: ORG, relation: 'care' }], ...over,
});

describe('authorize: caregivers follow the age rules of Dutch law (WGBO)', () => {
  const parent = (consent: boolean, age: number, dayShift = 0) =>
    authorize(actor('caregiver'), 'patient.read', target({ birthDate: bornYearsAgo(age, dayShift), caregiverLink: { relation: 'parent', patientConsent: consent } }), ASOF);
  const cases: [string, boolean, number, number, boolean][] = [
    ['a parent sees a child of 11', false, 11, 0, true],
    ['a parent sees a child one day before 12', false, 12, 1, true],
    ['a parent sees a child on the 12th birthday (together with the child)', false, 12, 0, true],
    ['a parent sees a child of 15', false, 15, 0, true],
    ['from the 16th birthday the young person decides: no consent, no access', false, 16, 0, false],
    ['one day before 16 the parent still sees', false, 16, 1, true],
    ['a young person of 16 who agreed: the parent sees', true, 16, 0, true],
  ];
  it.each(cases)('%s', (_n, consent, age, shift, allowed) => {
    expect(parent(consent, age, shift).allowed).toBe(allowed);
  });
  it('a legal representative of an adult sees the record once the proof of representation is recorded', () => {
    expect(authorize(actor('caregiver'), 'patient.read', target({ caregiverLink: { relation: 'legal-representative', patientConsent: false, representationProof: true } }), ASOF).allowed).toBe(true);
    expect(authorize(actor('caregiver'), 'patient.read', target({ caregiverLink: { relation: 'legal-representative', patientConsent: false } }), ASOF).allowed).toBe(false);
  });
  it('a parent of an adult sees nothing, even with consent: from 18 only a registered representative or family with consent', () => {
    expect(authorize(actor('caregiver'), 'patient.read', target({ birthDate: bornYearsAgo(18), caregiverLink: { relation: 'parent', patientConsent: true } }), ASOF).allowed).toBe(false);
    expect(authorize(actor('caregiver'), 'patient.read', target({ birthDate: bornYearsAgo(18, 1), caregiverLink: { relation: 'parent', patientConsent: true } }), ASOF).allowed).toBe(true);
  });
  it('a withdrawn link ends access at once, whatever it rested on', () => {
    for (const link of [
      { relation: 'family', patientConsent: true },
      { relation: 'parent', patientConsent: false },
      { relation: 'legal-representative', patientConsent: false, representationProof: true },
    ] as const) {
      expect(authorize(actor('caregiver'), 'patient.read', target({ birthDate: bornYearsAgo(14), caregiverLink: link }), ASOF).allowed).toBe(true);
      expect(authorize(actor('caregiver'), 'patient.read', target({ birthDate: bornYearsAgo(14), caregiverLink: { ...link, withdrawn: true } }), ASOF).allowed).toBe(false);
    }
  });
  it('a patient from 12 and the clinic may withdraw a caregiver; the caregiver and a physiotherapist may not', () => {
    expect(authorize(actor('patient'), 'patient.withdraw-consent', target({ birthDate: bornYearsAgo(13) }), ASOF).allowed).toBe(true);
    expect(authorize(actor('patient'), 'patient.withdraw-consent', target({ id: 'p2' }), ASOF).allowed).toBe(false);
    expect(authorize(actor('nurse'), 'patient.withdraw-consent', target(), ASOF).allowed).toBe(true);
    expect(authorize(actor('caregiver'), 'patient.withdraw-consent', target({ caregiverLink: { relation: 'family', patientConsent: true } }), ASOF).allowed).toBe(false);
    expect(authorize(actor('physiotherapist'), 'patient.withdraw-consent', target({ organisations: [{ organisationId: ORG, relation: 'referral' }] }), ASOF).allowed).toBe(false);
  });
  it('family of an adult sees the record only with consent', () => {
    expect(authorize(actor('caregiver'), 'patient.read', target({ caregiverLink: { relation: 'family', patientConsent: false } }), ASOF).allowed).toBe(false);
    expect(authorize(actor('caregiver'), 'patient.read', target({ caregiverLink: { relation: 'family', patientConsent: true } }), ASOF).allowed).toBe(true);
  });
  it('a caregiver without a link sees nothing', () => {
    expect(authorize(actor('caregiver'), 'patient.read', target(), ASOF).allowed).toBe(false);
  });
  it('a child under 12 has no access of their own; from 12 they do', () => {
    expect(authorize(actor('patient'), 'patient.read', target({ birthDate: bornYearsAgo(11) }), ASOF).allowed).toBe(false);
    expect(authorize(actor('patient'), 'patient.read', target({ birthDate: bornYearsAgo(12) }), ASOF).allowed).toBe(true);
  });
});

describe('authorize: organisations and roles, deny by default', () => {
  const rows: [Role, Action, Partial<PatientTarget>, boolean][] = [
    ['nurse', 'patient.read', {}, true],
    ['nurse', 'patient.read', { organisations: [{ organisationId: 'org-b', relation: 'care' }] }, false],
    ['nurse', 'patient.read', { organisations: [{ organisationId: ORG, relation: 'referral' }] }, false],
    ['physiotherapist', 'patient.read', {}, false],
    ['physiotherapist', 'patient.read', { organisations: [{ organisationId: ORG, relation: 'referral' }] }, true],
    ['physiotherapist', 'patient.read-bsn', { organisations: [{ organisationId: ORG, relation: 'referral' }] }, false],
    ['care-worker', 'patient.read', { birthDate: bornYearsAgo(10), sharesGroup: true }, true],
    ['care-worker', 'patient.read', { birthDate: bornYearsAgo(18) }, false],
    ['admin', 'patient.read', {}, false],
    ['physician', 'patient.merge', {}, true],
    ['physiotherapist', 'patient.create-account', { organisations: [{ organisationId: ORG, relation: 'referral' }] }, false],
    ['patient', 'patient.read', {}, true],
    ['patient', 'patient.read', { id: 'p2' }, false],
    ['patient', 'patient.link', {}, false],
    ['patient', 'patient.write', {}, false],
    ['patient', 'patient.read-access-log', {}, true],
    // The practice's own exercise-therapy records: its physiotherapists, once referred, and no one else.
    ['physiotherapist', 'therapy.write', { organisations: [{ organisationId: ORG, relation: 'referral' }] }, true],
    ['physiotherapist', 'therapy.write', {}, false],
    ['physiotherapist', 'therapy.write', { organisations: [{ organisationId: 'org-b', relation: 'referral' }] }, false],
    ['nurse', 'therapy.write', {}, false],
    ['physician', 'therapy.write', {}, false],
    ['patient', 'therapy.write', {}, false],
  ];
  it.each(rows)('%s %s %o → %s', (role, action, over, allowed) => {
    expect(authorize(actor(role), action, target(over), ASOF).allowed).toBe(allowed);
  });
  it('user management and audit search are for administrators of an organisation', () => {
    for (const role of ['nurse', 'physician', 'patient', 'caregiver', 'physiotherapist', 'care-worker'] as Role[]) {
      expect(authorize(actor(role), 'user.manage', null, ASOF).allowed).toBe(false);
      expect(authorize(actor(role), 'audit.search', null, ASOF).allowed).toBe(false);
    }
    expect(authorize(actor('admin'), 'audit.search', null, ASOF).allowed).toBe(true);
  });
  it('a care worker outside a day centre sees no child', () => {
    expect(authorize(actor('care-worker', { organisationKind: 'hospital' }), 'patient.read', target({ birthDate: bornYearsAgo(8) }), ASOF).allowed).toBe(false);
  });
});

describe('authorize: what the patient side writes (questionnaires, diary, reports, doses)', () => {
  const WRITES: Action[] = ['questionnaire.answer', 'diary.write', 'report.write', 'dose.confirm'];
  const AGES = [11, 12, 15, 16, 17, 18, 70] as const;
  type Link = NonNullable<PatientTarget['caregiverLink']> | null;
  const LINKS: [string, Link][] = [
    ['no link', null],
    ['parent', { relation: 'parent', patientConsent: false }],
    ['parent, the young person agreed', { relation: 'parent', patientConsent: true }],
    ['parent, withdrawn', { relation: 'parent', patientConsent: true, withdrawn: true }],
    ['family', { relation: 'family', patientConsent: false }],
    ['family, the patient agreed', { relation: 'family', patientConsent: true }],
    ['family, withdrawn', { relation: 'family', patientConsent: true, withdrawn: true }],
    ['representative without proof', { relation: 'legal-representative', patientConsent: false }],
    ['representative with proof', { relation: 'legal-representative', patientConsent: false, representationProof: true }],
  ];
  /** The caregiver rules written out by hand, age band by link state (WGBO, see caregiver.ts). */
  function caregiverMay(link: string, age: number): boolean {
    switch (link) {
      case 'parent': return age < 16;
      case 'parent, the young person agreed': return age < 18;
      case 'family, the patient agreed':
      case 'representative with proof': return true;
      default: return false;
    }
  }
  const rows: [Role, number, string, boolean][] = [];
  for (const age of AGES) {
    rows.push(['patient', age, 'own record', age >= 12]);
    for (const [name] of LINKS) rows.push(['caregiver', age, name, caregiverMay(name, age)]);
    for (const role of ['nurse', 'physician', 'physiotherapist', 'care-worker', 'admin'] as Role[]) rows.push([role, age, 'in their care', false]);
  }
  it.each(rows)('%s, patient aged %i, %s → %s', (role, age, linkName, allowed) => {
    const link = LINKS.find(([n]) => n === linkName)?.[1] ?? undefined;
    const organisations = [{ organisationId: ORG, relation: role === 'physiotherapist' ? 'referral' as const : 'care' as const }];
    for (const action of WRITES) {
      const d = authorize(actor(role), action, target({ birthDate: bornYearsAgo(age), organisations, caregiverLink: link }), ASOF);
      expect(d.allowed, action).toBe(allowed);
    }
  });
  it('a patient writes only into their own record, and the clinic is told why it may not', () => {
    for (const action of WRITES) {
      expect(authorize(actor('patient'), action, target({ id: 'p2' }), ASOF)).toEqual({ allowed: false, reason: 'not your own record' });
      expect(authorize(actor('nurse'), action, target(), ASOF)).toEqual({ allowed: false, reason: 'the patient or a caregiver writes this; the clinic records its own facts' });
      expect(authorize(actor('nurse'), action, target({ organisations: [] }), ASOF).reason).toBe('not in the care of your organisation');
    }
  });
  it('a caregiver still may not write what the clinic writes', () => {
    const link = { relation: 'family', patientConsent: true } as const;
    for (const action of ['record.write', 'patient.write', 'assessment.sign'] as Action[]) {
      expect(authorize(actor('caregiver'), action, target({ caregiverLink: link }), ASOF).allowed).toBe(false);
    }
  });
});

describe('authorize: the calendar link and reminders (calendar.manage)', () => {
  const link = { relation: 'family', patientConsent: true } as const;
  it('is the patient\'s from 12, and a caregiver\'s while the link works', () => {
    expect(authorize(actor('patient'), 'calendar.manage', target({ birthDate: bornYearsAgo(70) }), ASOF)).toEqual({ allowed: true, reason: 'your own record' });
    expect(authorize(actor('patient'), 'calendar.manage', target({ birthDate: bornYearsAgo(11) }), ASOF).allowed).toBe(false);
    expect(authorize(actor('patient'), 'calendar.manage', target({ id: 'p2' }), ASOF).allowed).toBe(false);
    expect(authorize(actor('caregiver'), 'calendar.manage', target({ caregiverLink: link }), ASOF).allowed).toBe(true);
    expect(authorize(actor('caregiver'), 'calendar.manage', target({ caregiverLink: { ...link, withdrawn: true } }), ASOF).allowed).toBe(false);
  });
  it('is no clinician\'s, even in their care', () => {
    for (const role of ['nurse', 'physician'] as Role[]) {
      expect(authorize(actor(role), 'calendar.manage', target(), ASOF)).toEqual({ allowed: false, reason: 'the patient or a caregiver chooses this' });
    }
  });
});

describe('authorize: quality figures (quality.read) are for a hospital\'s fracture liaison service', () => {
  // Written out by hand: the nurse and physician keep the dashboard (product.md), the administrator
  // is the account of the manager and the quality officer; everyone else, and anyone outside a
  // hospital or without an organisation, is refused.
  const rows: [string, Role, Partial<Actor>, boolean][] = [
    ['a hospital nurse', 'nurse', {}, true],
    ['a hospital physician', 'physician', {}, true],
    ['a hospital administrator', 'admin', {}, true],
    ['a physiotherapist', 'physiotherapist', {}, false],
    ['a day-centre care worker', 'care-worker', {}, false],
    ['a patient', 'patient', {}, false],
    ['a caregiver', 'caregiver', {}, false],
    ['a nurse without an organisation', 'nurse', { organisationId: null, organisationKind: null }, false],
    ['a physician of a GP practice', 'physician', { organisationKind: 'gp-practice' }, false],
    ['an administrator of a physiotherapy practice', 'admin', { organisationKind: 'physiotherapy' }, false],
    ['an administrator of a day centre', 'admin', { organisationKind: 'day-centre' }, false],
  ];
  it.each(rows)('%s → %s', (_name, role, over, allowed) => {
    const d = authorize(actor(role, over), 'quality.read', null, ASOF);
    expect(d).toEqual(allowed
      ? { allowed: true, reason: 'quality figures of your organisation' }
      : { allowed: false, reason: 'quality figures are for a hospital\'s fracture liaison service' });
  });
  it('is never an action on one record: with a patient given it is decided the same way', () => {
    expect(authorize(actor('nurse'), 'quality.read', target({ organisations: [] }), ASOF).allowed).toBe(true);
    expect(authorize(actor('physiotherapist'), 'quality.read', target({ organisations: [{ organisationId: ORG, relation: 'referral' }] }), ASOF).allowed).toBe(false);
  });
});

describe('authorize: a referral to a physiotherapy practice', () => {
  const HOSP = ORG;
  const PRACTICE = 'practice-a';
  const OTHER = 'practice-b';
  const hospital = (role: Role) => actor(role, { organisationId: HOSP, organisationKind: 'hospital' });
  const physio = (org = PRACTICE) => actor('physiotherapist', { organisationId: org, organisationKind: 'physiotherapy' });
  /** The record as the hospital keeps it, with the referral in a status; an accepted one has the `referral` relation that acceptance adds. */
  const referred = (status: 'pending' | 'accepted' | 'declined' | 'ended', from: string | null = HOSP): PatientTarget => target({
    organisations: status === 'accepted' ? [{ organisationId: HOSP, relation: 'care' }, { organisationId: PRACTICE, relation: 'referral' }] : [{ organisationId: HOSP, relation: 'care' }],
    referral: { fromOrganisationId: from, toOrganisationId: PRACTICE, status },
  });
  type Who = 'nurse' | 'physician' | 'physio' | 'physio elsewhere' | 'other hospital nurse' | 'care-worker' | 'admin' | 'patient' | 'caregiver';
  const who = (w: Who): Actor => {
    switch (w) {
      case 'nurse': return hospital('nurse');
      case 'physician': return hospital('physician');
      case 'physio': return physio();
      case 'physio elsewhere': return physio(OTHER);
      case 'other hospital nurse': return actor('nurse', { organisationId: 'org-b' });
      case 'care-worker': return actor('care-worker');
      case 'admin': return actor('admin');
      case 'patient': return actor('patient');
      case 'caregiver': return actor('caregiver');
    }
  };
  const WHO: Who[] = ['nurse', 'physician', 'physio', 'physio elsewhere', 'other hospital nurse', 'care-worker', 'admin', 'patient', 'caregiver'];
  /** Who may, by status: written out by hand from the rules in docs/referrals.md. */
  const may: Record<'referral.create' | 'referral.read-pending' | 'referral.decide' | 'referral.end' | 'record.read', Record<'pending' | 'accepted' | 'declined' | 'ended', Who[]>> = {
    'referral.create': { pending: ['nurse', 'physician'], accepted: ['nurse', 'physician'], declined: ['nurse', 'physician'], ended: ['nurse', 'physician'] },
    'referral.read-pending': { pending: ['physio'], accepted: [], declined: [], ended: [] },
    // Deciding is the practice's whatever the status; whether the step fits the status is the lifecycle's (a 409).
    'referral.decide': { pending: ['physio'], accepted: ['physio'], declined: ['physio'], ended: ['physio'] },
    'referral.end': { pending: ['nurse', 'physician'], accepted: ['nurse', 'physician', 'physio'], declined: ['nurse', 'physician'], ended: ['nurse', 'physician'] },
    'record.read': { pending: ['nurse', 'physician', 'patient'], accepted: ['nurse', 'physician', 'physio', 'patient'], declined: ['nurse', 'physician', 'patient'], ended: ['nurse', 'physician', 'patient'] },
  };
  const rows: [string, string, Who, boolean][] = [];
  for (const [action, byStatus] of Object.entries(may)) {
    for (const [status, allowed] of Object.entries(byStatus)) for (const w of WHO) rows.push([action, status, w, allowed.includes(w)]);
  }
  it.each(rows)('%s on a %s referral by %s → %s', (action, status, w, allowed) => {
    const d = authorize(who(w), action as Action, referred(status as 'pending'), ASOF);
    expect(d.allowed, d.reason).toBe(allowed);
  });
  it('a waiting referral gives the practice its view and nothing else of the record', () => {
    const t = referred('pending');
    expect(authorize(physio(), 'referral.read-pending', t, ASOF)).toEqual({ allowed: true, reason: 'a referral to your practice is waiting' });
    for (const action of ['patient.read', 'record.read', 'patient.read-access-log', 'record.write', 'patient.read-bsn'] as Action[]) {
      expect(authorize(physio(), action, t, ASOF)).toEqual({ allowed: false, reason: 'not referred to your practice' });
    }
  });
  it('a GP-letter referral (no referring organisation) is ended by the practice only', () => {
    expect(authorize(physio(), 'referral.end', referred('accepted', null), ASOF).allowed).toBe(true);
    expect(authorize(hospital('nurse'), 'referral.end', referred('accepted', null), ASOF)).toEqual({ allowed: false, reason: 'your organisation did not refer this patient' });
  });
  it('without the referral in question the practice may neither see nor decide', () => {
    expect(authorize(physio(), 'referral.read-pending', target({ organisations: [] }), ASOF).allowed).toBe(false);
    expect(authorize(physio(), 'referral.decide', target({ organisations: [] }), ASOF).allowed).toBe(false);
  });
});

describe('authorize: the list of waiting referrals (no patient yet)', () => {
  it.each([
    ['physiotherapist', 'physiotherapy', true],
    ['physiotherapist', 'hospital', false],
    ['nurse', 'hospital', false],
    ['physician', 'hospital', false],
    ['care-worker', 'day-centre', false],
    ['admin', 'physiotherapy', false],
  ] as const)('%s of a %s → %s', (role, kind, allowed) => {
    expect(authorize(actor(role, { organisationKind: kind }), 'referral.read-pending', null, ASOF).allowed).toBe(allowed);
  });
  it('patients and caregivers have no such list', () => {
    expect(authorize(actor('patient'), 'referral.read-pending', null, ASOF).allowed).toBe(false);
    expect(authorize(actor('caregiver'), 'referral.read-pending', null, ASOF).allowed).toBe(false);
  });
});

describe('authorize: a child of a day centre (child.log, child.care)', () => {
  const centre = (role: Role) => actor(role, { organisationKind: 'day-centre' });
  const child = (over: Partial<PatientTarget> = {}) => target({ birthDate: bornYearsAgo(8), ...over });
  const rows: [string, Actor, Action, PatientTarget, boolean][] = [
    ['a care worker notes down the day of a child of their group', centre('care-worker'), 'child.log', child({ sharesGroup: true }), true],
    ['a care worker does not keep the profile', centre('care-worker'), 'child.care', child(), false],
    ['the centre\'s physician keeps the profile', centre('physician'), 'child.care', child(), true],
    ['the centre\'s physiotherapist keeps the profile', centre('physiotherapist'), 'child.care', child(), true],
    ['the centre\'s physiotherapist reads the child\'s record', centre('physiotherapist'), 'record.read', child(), true],
    ['the centre\'s physiotherapist sees no adult', centre('physiotherapist'), 'record.read', child({ birthDate: bornYearsAgo(18) }), false],
    ['the centre\'s physiotherapist sees no child outside its care', centre('physiotherapist'), 'child.care', child({ organisations: [{ organisationId: 'org-b', relation: 'care' }] }), false],
    ['a practice\'s physiotherapist with a referral does not keep it', actor('physiotherapist'), 'child.care', child({ organisations: [{ organisationId: ORG, relation: 'referral' }] }), false],
    ['a hospital nurse does not note down the centre\'s day', actor('nurse'), 'child.log', child(), false],
    ['a hospital physician does not keep the centre\'s profile', actor('physician'), 'child.care', child(), false],
    ['a parent of a child under 12 notes down the day', actor('caregiver'), 'child.log', child({ caregiverLink: { relation: 'parent', patientConsent: false } }), true],
    ['a parent does not keep the profile', actor('caregiver'), 'child.care', child({ caregiverLink: { relation: 'parent', patientConsent: false } }), false],
    ['a caregiver without a link does not note anything', actor('caregiver'), 'child.log', child(), false],
    ['an administrator of the centre does not', centre('admin'), 'child.log', child(), false],
  ];
  it.each(rows)('%s', (_name, who, action, t, allowed) => {
    expect(authorize(who, action, t, ASOF).allowed).toBe(allowed);
  });
});

describe('authorize: a GP\'s letter recorded by the practice itself (referral.record-letter)', () => {
  const PRACTICE = 'practice-a';
  const physio = (over: Partial<Actor> = {}) => actor('physiotherapist', { organisationId: PRACTICE, organisationKind: 'physiotherapy', ...over });
  // Without a record (a new one is made for the practice): who may record a letter at all. Written out by hand.
  it.each([
    ['a physiotherapist of a practice', physio(), true],
    ['a physiotherapist without an organisation', physio({ organisationId: null, organisationKind: null }), false],
    ['a physiotherapist of a hospital', physio({ organisationKind: 'hospital' }), false],
    ['a hospital nurse', actor('nurse'), false],
    ['a hospital physician', actor('physician'), false],
    ['an administrator of a practice', actor('admin', { organisationId: PRACTICE, organisationKind: 'physiotherapy' }), false],
    ['a care worker', actor('care-worker'), false],
    ['a patient', actor('patient'), false],
    ['a caregiver', actor('caregiver'), false],
  ] as const)('no record yet: %s → %s', (_name, who, allowed) => {
    expect(authorize(who, 'referral.record-letter', null, ASOF)).toEqual(allowed
      ? { allowed: true, reason: 'a GP referred the patient to your practice' }
      : { allowed: false, reason: 'only physiotherapists of a physiotherapy practice record a GP\'s letter' });
  });
  // With a record found by name and birth date: only one the practice already knows.
  const known = (how: 'relation' | 'ended referral' | 'declined referral' | 'waiting referral' | 'hospital only' | 'other practice'): PatientTarget => {
    switch (how) {
      case 'relation': return target({ organisations: [{ organisationId: PRACTICE, relation: 'referral' }] });
      case 'ended referral': return target({ organisations: [{ organisationId: ORG, relation: 'care' }], referral: { fromOrganisationId: ORG, toOrganisationId: PRACTICE, status: 'ended' } });
      case 'declined referral': return target({ organisations: [{ organisationId: ORG, relation: 'care' }], referral: { fromOrganisationId: ORG, toOrganisationId: PRACTICE, status: 'declined' } });
      case 'waiting referral': return target({ organisations: [{ organisationId: ORG, relation: 'care' }], referral: { fromOrganisationId: ORG, toOrganisationId: PRACTICE, status: 'pending' } });
      case 'hospital only': return target({ organisations: [{ organisationId: ORG, relation: 'care' }] });
      case 'other practice': return target({ organisations: [{ organisationId: 'practice-b', relation: 'referral' }], referral: { fromOrganisationId: ORG, toOrganisationId: 'practice-b', status: 'accepted' } });
    }
  };
  it.each([
    ['relation', true],
    ['ended referral', true],
    // Seen waiting or declined: the practice never took the patient on, so the record stays shut.
    ['declined referral', false],
    ['waiting referral', false],
    ['hospital only', false],
    ['other practice', false],
  ] as const)('a record known to the practice by %s → %s', (how, allowed) => {
    expect(authorize(physio(), 'referral.record-letter', known(how), ASOF)).toEqual(allowed
      ? { allowed: true, reason: 'your practice already knows this patient' }
      : { allowed: false, reason: 'your practice does not know this patient' });
  });
  it('nobody else records a letter on a record, not even the hospital that cares for the patient', () => {
    const t = known('relation');
    expect(authorize(actor('nurse'), 'referral.record-letter', target({ organisations: [{ organisationId: ORG, relation: 'care' }] }), ASOF).allowed).toBe(false);
    expect(authorize(physio({ organisationKind: 'hospital' }), 'referral.record-letter', t, ASOF).allowed).toBe(false);
    expect(authorize(actor('patient'), 'referral.record-letter', t, ASOF).allowed).toBe(false);
    expect(authorize(actor('admin'), 'referral.record-letter', t, ASOF).allowed).toBe(false);
  });
});

describe('authorize: a day centre\'s groups', () => {
  const centre = (role: Role) => actor(role, { organisationKind: 'day-centre' });
  const child = (over: Partial<PatientTarget> = {}) => target({ birthDate: bornYearsAgo(8), ...over });
  const rows: [string, Actor, Action, PatientTarget, string, boolean][] = [
    ['a care worker reads a child of their group', centre('care-worker'), 'record.read', child({ sharesGroup: true }), 'a child of your group', true],
    ['a care worker logs for a child of their group', centre('care-worker'), 'child.log', child({ sharesGroup: true }), 'a child of your group', true],
    ['a care worker does not read a child of another group', centre('care-worker'), 'record.read', child({ sharesGroup: false }), 'not a child of your group', false],
    ['a care worker does not log for a child of another group', centre('care-worker'), 'child.log', child({ sharesGroup: false }), 'not a child of your group', false],
    ['not known whether they share a group: refused', centre('care-worker'), 'patient.read', child(), 'not a child of your group', false],
    ['a shared group does not open an adult', centre('care-worker'), 'patient.read', child({ birthDate: bornYearsAgo(18), sharesGroup: true }), 'day centres see children only', false],
    ['a shared group does not open a child of another centre', centre('care-worker'), 'patient.read', child({ organisations: [{ organisationId: 'org-b', relation: 'care' }], sharesGroup: true }), 'not a child of your day centre', false],
    ['the centre\'s physician sees a child of any group', centre('physician'), 'record.read', child({ sharesGroup: false }), 'in the care of your organisation', true],
    ['the centre\'s physiotherapist sees a child of any group', centre('physiotherapist'), 'child.care', child({ sharesGroup: false }), 'a child of your day centre', true],
  ];
  it.each(rows)('%s', (_name, who, action, t, reason, allowed) => {
    expect(authorize(who, action, t, ASOF)).toEqual({ allowed, reason });
  });
  it.each([
    ['admin', 'day-centre', true],
    ['admin', 'hospital', false],
    ['admin', 'physiotherapy', false],
    ['care-worker', 'day-centre', false],
    ['physician', 'day-centre', false],
    ['physiotherapist', 'day-centre', false],
    ['nurse', 'hospital', false],
  ] as const)('groups are kept by the centre\'s administrator: %s of a %s → %s', (role, kind, allowed) => {
    expect(authorize(actor(role, { organisationKind: kind }), 'group.manage', null, ASOF).allowed).toBe(allowed);
  });
  it('an administrator without an organisation keeps no groups; patients and caregivers neither', () => {
    expect(authorize(actor('admin', { organisationKind: 'day-centre', organisationId: null }), 'group.manage', null, ASOF).allowed).toBe(false);
    expect(authorize(actor('patient'), 'group.manage', null, ASOF).allowed).toBe(false);
    expect(authorize(actor('caregiver'), 'group.manage', null, ASOF).allowed).toBe(false);
  });
});
