// The patient's own invitations of caregivers by e-mail, the list of who may look along, the ways a
// caregiver takes an invitation, and the patient's view of who looked at the record.
import { z } from 'zod';
import { CAREGIVER_RELATIONS, CONSENT_WITHDRAWERS } from '../core/access/lists.js';
import { LINK_BASES, LINK_GAPS } from '../core/access/caregiver.js';
import { Password } from './account.schema.js';
import { text } from './text.js';

export const CaregiverInvite = z
  .object({
    email: z.email('is not a valid e-mail address').max(254, 'is too long (at most 254 characters)').describe('Where the invitation link is mailed'),
    relation: z.enum(CAREGIVER_RELATIONS, 'must be parent or family (a legal representative is recorded by the clinic)').describe('parent or family; a legal representative is recorded by the clinic, with proof'),
  })
  .strict()
  .meta({ id: 'CaregiverInvite' });

/** A pending invitation as the patient sees it. */
export const InvitationView = z
  .object({
    id: z.uuid().describe('The id DELETE /api/v1/me/caregivers/{linkId} takes to withdraw it'),
    email: z.string(),
    relation: z.enum(CAREGIVER_RELATIONS),
    invitedAt: z.string(),
    expiresAt: z.string(),
    expired: z.boolean().describe('The link in the mail no longer works; invite again for a new one'),
  })
  .meta({ id: 'CaregiverInvitation' });
export type InvitationView = z.infer<typeof InvitationView>;

/** A caregiver's link as the patient sees it: who, which relation, since when, and whether it works. */
export const MyCaregiverView = z
  .object({
    id: z.uuid().describe("The caregiver's account: the id DELETE /api/v1/me/caregivers/{linkId} takes"),
    displayName: z.string(),
    relation: z.enum(CAREGIVER_RELATIONS),
    since: z.string().describe('When the link was made (or made anew)'),
    consentGivenAt: z.string().nullable(),
    withdrawnAt: z.string().nullable(),
    withdrawnBy: z.enum(CONSENT_WITHDRAWERS).nullable().describe('patient: you ended it; clinic: the clinic ended it on your behalf'),
    gap: z.enum(LINK_GAPS).nullable().describe('Why the link gives no access today (null: it does)'),
    basis: z.enum(LINK_BASES).nullable(),
  })
  .meta({ id: 'MyCaregiver' });
export type MyCaregiverView = z.infer<typeof MyCaregiverView>;

export const MyCaregivers = z
  .object({ links: z.array(MyCaregiverView), invitations: z.array(InvitationView) })
  .meta({ id: 'MyCaregivers', description: 'Who may look along (each link, also ended ones) and the invitations still waiting' });
export type MyCaregivers = z.infer<typeof MyCaregivers>;

export const LinkIdParams = z.object({ linkId: z.uuid('is not a valid id') }).strict();

/** The token from the mailed link: base64url, as Botpad makes it. */
export const InvitationToken = text().trim().regex(/^[A-Za-z0-9_-]{20,100}$/, 'is not an invitation token');

export const InvitationAccept = z.object({ token: InvitationToken }).strict().meta({ id: 'InvitationAccept', description: 'Take the invitation with the account signed in' });

export const InvitationAccount = z
  .object({
    token: InvitationToken,
    displayName: text().trim().min(1, 'is required').max(200, 'is too long (at most 200 characters)').describe('Your name, as the patient will see it'),
    password: Password,
  })
  .strict()
  .meta({ id: 'InvitationAccount', description: 'Take the invitation with a new caregiver account for the invited address' });

/** What the holder of a mailed token is shown before taking it. */
export const InvitationPreview = z
  .object({
    patientName: z.string(),
    email: z.string(),
    relation: z.enum(CAREGIVER_RELATIONS),
    expiresAt: z.string(),
    hasAccount: z.boolean().describe('The invited address has an account already: sign in with it to take the invitation'),
  })
  .meta({ id: 'InvitationPreview' });
export type InvitationPreview = z.infer<typeof InvitationPreview>;

/** What part of the record an audited access touched, in words a patient can be given. */
export const RECORD_PARTS = ['details', 'medical', 'results', 'medication', 'questionnaires', 'decision', 'appointments', 'letters', 'caregivers', 'access-log', 'lists', 'diary', 'reports', 'calendar', 'other'] as const;
export type RecordPart = (typeof RECORD_PARTS)[number];

export const MyAccessEntry = z
  .object({
    at: z.string(),
    who: z.string().nullable(),
    role: z.string().nullable(),
    organisation: z.string().nullable(),
    did: z.enum(['read', 'wrote', 'listed']).describe('read: looked at it; wrote: recorded or changed something; listed: saw the name in a list'),
    part: z.enum(RECORD_PARTS),
  })
  .meta({ id: 'MyAccessEntry' });
export type MyAccessEntry = z.infer<typeof MyAccessEntry>;
