// A caregiver's link as the API and the pages see it, and the bodies that record or withdraw the
// patient's consent. The consent says who gave it and when: the patient themself, or someone on the
// patient's behalf; a withdrawal says who ended it and, for the clinic, why.
import { z } from 'zod';
import { CAREGIVER_RELATIONS, CONSENT_GIVERS, CONSENT_WITHDRAWERS } from '../core/access/lists.js';
import { LINK_BASES, LINK_GAPS } from '../core/access/caregiver.js';
import { text } from './text.js';

const PersonName = text().trim().min(1, 'is required').max(200, 'is too long (at most 200 characters)');

export const CaregiverLinkView = z
  .object({
    id: z.uuid().describe("The caregiver's account"),
    displayName: z.string(),
    relation: z.enum(CAREGIVER_RELATIONS),
    consent: z
      .object({
        givenBy: z.string().describe('Who gave it, as written down'),
        givenAs: z.enum(CONSENT_GIVERS).describe('patient: the patient themself; representative: someone on the patient\'s behalf'),
        givenAt: z.string(),
      })
      .nullable(),
    representationProof: z.string().nullable().describe('The proof of legal representation the clinic recorded'),
    withdrawal: z
      .object({ at: z.string(), by: z.enum(CONSENT_WITHDRAWERS), reason: z.string().nullable() })
      .nullable(),
    gap: z.enum(LINK_GAPS).nullable().describe('Why the link gives no access today (null: it does)'),
    basis: z.enum(LINK_BASES).nullable().describe('What a working link rests on (null: it gives no access)'),
  })
  .meta({ id: 'CaregiverLink' });
export type CaregiverLinkView = z.infer<typeof CaregiverLinkView>;

export const CaregiverParams = z.object({ id: z.uuid('is not a valid id'), caregiverId: z.uuid('is not a valid id') }).strict();

export const ConsentRecord = z
  .object({
    givenBy: PersonName.optional().describe("Who gave the consent on the patient's behalf; leave out when the patient gave it themself"),
  })
  .strict()
  .meta({ id: 'ConsentRecord' });

export const ConsentWithdrawal = z
  .object({
    reason: text().trim().min(1, 'is required').max(500, 'is too long (at most 500 characters)').optional()
      .describe("Required when the clinic withdraws on the patient's behalf; the patient need not give one"),
  })
  .strict()
  .meta({ id: 'ConsentWithdrawal' });

/** The consent and proof that may come with a new caregiver link (account or link route). */
export const LinkBasis = {
  patientConsent: z.boolean().optional().describe('The patient agreed that this person may look along (recorded now)'),
  consentGivenBy: PersonName.optional().describe("Who agreed on the patient's behalf, when not the patient themself"),
  representationProof: text().trim().min(1, 'is required').max(500, 'is too long (at most 500 characters)').optional()
    .describe('For a legal representative: the proof (e.g. the court decision and its date)'),
};
