import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { authorize } from './authorize.js';
import { caregiverLinkStanding, patientAccountStanding, type CaregiverLink } from './caregiver.js';
import { CAREGIVER_RELATIONS } from './lists.js';

const ASOF = '2026-11-23';
const bornYearsAgo = (y: number, dayShift = 0) => new Date(Date.UTC(2026 - y, 10, 23 + dayShift)).toISOString().slice(0, 10);

describe('caregiverLinkStanding: what a link is missing, in the order the nurse can act on it', () => {
  const rows: [string, CaregiverLink, number, string | null][] = [
    ['parent of a child of 11', { relation: 'parent', patientConsent: false }, 11, null],
    ['parent of a child of 15, with the child', { relation: 'parent', patientConsent: false }, 15, null],
    ['parent of a 16-year-old without consent', { relation: 'parent', patientConsent: false }, 16, 'patient-consent'],
    ['parent of a 17-year-old with consent', { relation: 'parent', patientConsent: true }, 17, null],
    ['parent of an 18-year-old with consent', { relation: 'parent', patientConsent: true }, 18, 'parent-of-adult'],
    ['legal representative without proof', { relation: 'legal-representative', patientConsent: true }, 40, 'representation-proof'],
    ['legal representative with proof', { relation: 'legal-representative', patientConsent: false, representationProof: true }, 40, null],
    ['family without consent', { relation: 'family', patientConsent: false }, 70, 'patient-consent'],
    ['family with consent, withdrawn', { relation: 'family', patientConsent: true, withdrawn: true }, 70, 'consent-withdrawn'],
    ['parent of a 13-year-old, ended by the child', { relation: 'parent', patientConsent: false, withdrawn: true }, 13, 'link-ended'],
    ['representative with proof, ended by the clinic', { relation: 'legal-representative', patientConsent: false, representationProof: true, withdrawn: true }, 50, 'link-ended'],
  ];
  it.each(rows)('%s', (_name, link, age, expected) => {
    const s = caregiverLinkStanding(link, bornYearsAgo(age), ASOF);
    expect(s.working ? null : s.gap).toBe(expected);
  });

  it('authorize gives a caregiver access exactly when the link is working (never one without the other)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CAREGIVER_RELATIONS), fc.boolean(), fc.boolean(), fc.boolean(), fc.integer({ min: 0, max: 100 }), fc.integer({ min: -3, max: 3 }),
        (relation, patientConsent, representationProof, withdrawn, age, shift) => {
          const link: CaregiverLink = { relation, patientConsent, representationProof, withdrawn };
          const birthDate = bornYearsAgo(age, shift);
          const d = authorize(
            { userId: 'c', role: 'caregiver', organisationId: null, organisationKind: null, patientId: null },
            'patient.read', { id: 'p', birthDate, organisations: [], caregiverLink: link }, ASOF,
          );
          expect(d.allowed).toBe(caregiverLinkStanding(link, birthDate, ASOF).working);
        },
      ),
    );
  });
});

describe('patientAccountStanding: a child under 12 has no account of its own (WGBO 7:465)', () => {
  it('refused the day before the 12th birthday, allowed on it', () => {
    expect(patientAccountStanding(bornYearsAgo(12, 1), ASOF)).toEqual({ allowed: false, reason: 'under-12' });
    expect(patientAccountStanding(bornYearsAgo(12), ASOF)).toEqual({ allowed: true });
  });
});
