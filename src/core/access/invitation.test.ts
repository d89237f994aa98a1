import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { authorize } from './authorize.js';
import { caregiverLinkStanding } from './caregiver.js';
import { invitationState, selfInviteRefusal } from './invitation.js';
import { CAREGIVER_RELATIONS } from './lists.js';

const ASOF = '2026-11-23';
const bornYearsAgo = (y: number, dayShift = 0) => new Date(Date.UTC(2026 - y, 10, 23 + dayShift)).toISOString().slice(0, 10);

describe("selfInviteRefusal: what a patient's own invitation (consent, no proof) may start", () => {
  it.each([
    ['family, any age', 'family', 70, null],
    ['a parent, by a child of 14', 'parent', 14, null],
    ['a parent, by a young person of 17', 'parent', 17, null],
    ['a parent, by an adult', 'parent', 18, 'parent-of-adult'],
    ['a legal representative', 'legal-representative', 40, 'needs-proof'],
  ] as const)('%s', (_n, relation, age, expected) => {
    expect(selfInviteRefusal(relation, bornYearsAgo(age), ASOF)).toBe(expected);
  });

  it('never lets an invitation start a link that the access rules would refuse, nor refuses one they would allow', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CAREGIVER_RELATIONS), fc.integer({ min: 12, max: 100 }), fc.integer({ min: -400, max: 400 }), (relation, age, shift) => {
        const born = bornYearsAgo(age, shift);
        const works = caregiverLinkStanding({ relation, patientConsent: true, representationProof: false }, born, ASOF).working;
        expect(selfInviteRefusal(relation, born, ASOF) === null).toBe(works);
      }),
    );
  });

  it('lets only the patient themself invite, from 12', () => {
    const target = { id: 'p', birthDate: bornYearsAgo(40), organisations: [{ organisationId: 'o', relation: 'care' as const }] };
    const actor = (role: 'patient' | 'caregiver' | 'nurse', patientId: string | null) => ({ userId: 'u', role, organisationId: role === 'nurse' ? 'o' : null, organisationKind: role === 'nurse' ? ('hospital' as const) : null, patientId });
    expect(authorize(actor('patient', 'p'), 'patient.invite-caregiver', target, ASOF).allowed).toBe(true);
    expect(authorize(actor('patient', 'other'), 'patient.invite-caregiver', target, ASOF).allowed).toBe(false);
    expect(authorize(actor('nurse', null), 'patient.invite-caregiver', target, ASOF)).toEqual({ allowed: false, reason: 'the patient invites a caregiver; the clinic links one' });
    expect(authorize(actor('caregiver', null), 'patient.invite-caregiver', { ...target, caregiverLink: { relation: 'family', patientConsent: true } }, ASOF).allowed).toBe(false);
    expect(authorize(actor('patient', 'p'), 'patient.invite-caregiver', { ...target, birthDate: bornYearsAgo(11) }, ASOF).allowed).toBe(false);
  });
});

describe('invitationState', () => {
  const expiresAt = '2026-11-30T10:00:00.000Z';
  it.each([
    ['open before it expires', null, '2026-11-30T09:59:59.999Z', 'open'],
    ['expired at the moment itself', null, expiresAt, 'expired'],
    ['taken stays taken after the moment', 'accepted', '2026-12-30T00:00:00.000Z', 'accepted'],
    ['withdrawn before the moment', 'cancelled', '2026-11-24T00:00:00.000Z', 'cancelled'],
  ] as const)('%s', (_n, endedAs, now, expected) => {
    expect(invitationState({ expiresAt, endedAs }, now)).toBe(expected);
  });
});
