// The demo organisation set and a handful of made-up patients, so a new clinic sees a working
// Botpad at once. Every name here is invented; the pages say "demo" while these are loaded.
import type { CareRelation, CaregiverRelation, OrganisationKind, Role } from '../core/access/lists.js';

export const DEMO_ORGANISATIONS = [
  { key: 'hospital', kind: 'hospital', name: 'Ziekenhuis Rivierstad (demo)', phone: '088 000 10 00' },
  { key: 'physio', kind: 'physiotherapy', name: 'Fysiotherapie De Brug (demo)', phone: '088 000 20 00' },
  { key: 'day-centre', kind: 'day-centre', name: 'Kinderdagcentrum De Vlinder (demo)', phone: '088 000 30 00' },
  { key: 'gp', kind: 'gp-practice', name: 'Huisartsenpraktijk Lindelaan (demo)', phone: '088 000 40 00' },
] as const satisfies readonly { key: string; kind: OrganisationKind; name: string; phone: string }[];

export type DemoOrgKey = (typeof DEMO_ORGANISATIONS)[number]['key'];

/** The kind of a demo organisation, or null for none (a patient's or a caregiver's account). */
export function demoOrganisationKind(key: DemoOrgKey | undefined): OrganisationKind | null {
  return DEMO_ORGANISATIONS.find((o) => o.key === key)?.kind ?? null;
}

export interface DemoPatient {
  /** A Dutch surname prefix ("de", "van der"), apart from the surname as the record keeps it. */
  familyNamePrefix?: string;
  familyName: string;
  givenName: string;
  birthDate: string;
  sex: 'female' | 'male';
  bsn?: string;
  stage: string;
  orgs: { org: DemoOrgKey; relation: CareRelation }[];
}

export const DEMO_PATIENTS: readonly DemoPatient[] = [
  { familyNamePrefix: 'de', familyName: 'Vries', givenName: 'Anna', birthDate: '1948-04-12', sex: 'female', bsn: '111222333', stage: 'treatment', orgs: [{ org: 'hospital', relation: 'care' }, { org: 'physio', relation: 'referral' }] },
  { familyName: 'Jansen', givenName: 'Hendrik', birthDate: '1951-09-30', sex: 'male', stage: 'diagnostics', orgs: [{ org: 'hospital', relation: 'care' }] },
  { familyName: 'Bakker', givenName: 'Fatima', birthDate: '1960-01-05', sex: 'female', stage: 'case-finding', orgs: [{ org: 'hospital', relation: 'care' }] },
  { familyName: 'Visser', givenName: 'Johanna', birthDate: '1939-12-24', sex: 'female', stage: 'follow-up', orgs: [{ org: 'hospital', relation: 'care' }, { org: 'gp', relation: 'care' }] },
  { familyName: 'Smit', givenName: 'Pieter', birthDate: '1944-07-17', sex: 'male', stage: 'assessment', orgs: [{ org: 'hospital', relation: 'care' }] },
  { familyName: 'Meijer', givenName: 'Sanne', birthDate: '1957-03-01', sex: 'female', stage: 'exercise-therapy', orgs: [{ org: 'physio', relation: 'referral' }, { org: 'hospital', relation: 'care' }] },
  { familyName: 'El Amrani', givenName: 'Yusuf', birthDate: '1949-11-11', sex: 'male', stage: 'decision', orgs: [{ org: 'hospital', relation: 'care' }] },
  { familyName: 'Mulder', givenName: 'Lotte', birthDate: '2016-06-20', sex: 'female', stage: 'children', orgs: [{ org: 'day-centre', relation: 'care' }] },
  { familyNamePrefix: 'de', familyName: 'Boer', givenName: 'Daan', birthDate: '2019-02-14', sex: 'male', stage: 'children', orgs: [{ org: 'day-centre', relation: 'care' }] },
  { familyName: 'Dekker', givenName: 'Wilhelmina', birthDate: '1936-08-08', sex: 'female', stage: 'handed-over', orgs: [{ org: 'gp', relation: 'care' }] },
  // Added after the accounts' patient numbers were given: new demo patients go at the end.
  { familyNamePrefix: 'van den', familyName: 'Berg', givenName: 'Cornelis', birthDate: '1942-10-03', sex: 'male', stage: 'follow-up', orgs: [{ org: 'hospital', relation: 'care' }] },
  { familyNamePrefix: 'ter', familyName: 'Horst', givenName: 'Mieke', birthDate: '1953-05-21', sex: 'female', stage: 'diagnostics', orgs: [{ org: 'hospital', relation: 'care' }] },
  { familyNamePrefix: "in 't", familyName: 'Veld', givenName: 'Joost', birthDate: '1947-01-30', sex: 'male', stage: 'treatment', orgs: [{ org: 'hospital', relation: 'care' }] },
];

/** Shown on the sign-in page and in the README while demo data is loaded; never otherwise. */
export const DEMO_PASSWORD = 'demo-botpad-2026';

export interface DemoAccount {
  role: Role;
  email: string;
  displayName: string;
  org?: DemoOrgKey;
  /** Index into DEMO_PATIENTS: the patient's own record, or the person a caregiver looks after. */
  patient?: number;
  relation?: CaregiverRelation;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { role: 'nurse', email: 'verpleegkundige@demo.botpad.nl', displayName: 'Inge Verbeek (verpleegkundige)', org: 'hospital' },
  { role: 'physician', email: 'arts@demo.botpad.nl', displayName: 'Dr. Karim Haddou (internist)', org: 'hospital' },
  { role: 'physiotherapist', email: 'fysio@demo.botpad.nl', displayName: 'Marloes Kok (fysiotherapeut)', org: 'physio' },
  { role: 'care-worker', email: 'begeleider@demo.botpad.nl', displayName: 'Ruben Schouten (begeleider)', org: 'day-centre' },
  { role: 'admin', email: 'beheer@demo.botpad.nl', displayName: 'Petra Wijnands (beheer)', org: 'hospital' },
  { role: 'patient', email: 'patient@demo.botpad.nl', displayName: 'Anna de Vries', patient: 0 },
  { role: 'caregiver', email: 'ouder@demo.botpad.nl', displayName: 'Eva Mulder (moeder van Lotte)', patient: 7, relation: 'parent' },
  // The day centre's own physician, physiotherapist and administrator (its groups, its shift setting).
  { role: 'physician', email: 'kinderarts@demo.botpad.nl', displayName: 'Dr. Noor Hendriks (kinderarts)', org: 'day-centre' },
  { role: 'physiotherapist', email: 'kinderfysio@demo.botpad.nl', displayName: 'Bram Willems (kinderfysiotherapeut)', org: 'day-centre' },
  { role: 'admin', email: 'beheer-dagcentrum@demo.botpad.nl', displayName: 'Linda Vos (beheer dagcentrum)', org: 'day-centre' },
];

/** A group of the demo day centre: its care workers (by e-mail) and its children (indexes into DEMO_PATIENTS). */
export interface DemoGroup {
  name: string;
  staff: readonly string[];
  children: readonly number[];
}

export const DEMO_GROUPS: readonly DemoGroup[] = [
  { name: 'De Rupsen', staff: ['begeleider@demo.botpad.nl'], children: [7, 8] },
];

/** A task the demo nurse set herself, so her worklist shows one with its "done" button. */
export interface DemoTask {
  /** Index into DEMO_PATIENTS. */
  patient: number;
  text: string;
  /** Days after the day the demo set is loaded. */
  dueInDays: number;
}

export const DEMO_TASKS: readonly DemoTask[] = [
  { patient: 11, text: 'Mevrouw ter Horst terugbellen over de datum van de onderzoeksdag', dueInDays: 2 },
];
