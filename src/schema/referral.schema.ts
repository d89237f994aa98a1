// A referral to a physiotherapy practice at the edge: what the hospital sends (the practice and the
// reason; the VFA result and the agreements are taken from the record), the reason given for a
// decline or an end, how a referral reads back, and the little the practice sees while it waits.
import { z } from 'zod';
import { text, Vfa } from '../core/case.schema.js';
import { DECISION_OPTIONS } from '../core/record/lists.js';
import { REFERRAL_SOURCES, REFERRAL_STATUSES } from '../core/referral/lists.js';
import { isoDate } from '../core/time/date.js';
import { Agreements } from './decision.schema.js';
import { Drug } from './medication.schema.js';
import { PatientInput } from './patient.schema.js';
import { todayNl } from './clock.js';

export const ReferralInput = z
  .object({
    organisationId: z.uuid('is not a valid id').describe('The physiotherapy practice referred to'),
    reason: text(1, 2000).describe('Why the patient is referred, in a few sentences'),
  })
  .strict()
  .meta({ id: 'ReferralInput', description: 'A referral from the record to a physiotherapy practice (nurse, physician of the caring hospital)' });
export type ReferralInput = z.infer<typeof ReferralInput>;

export const ReferralReason = z
  .object({ reason: text(1, 2000).describe('Why, in a few sentences; the other side reads it') })
  .strict()
  .meta({ id: 'ReferralReason', description: 'The reason for declining or ending a referral' });
export type ReferralReason = z.infer<typeof ReferralReason>;

export const ReferralQuery = z
  .object({ status: z.enum(['pending']).default('pending').describe('Only waiting referrals are listed: the practice sees the others through the record') })
  .strict();

/** The agreements of the latest shared decision, as they were when the patient was referred. */
export const ReferralAgreements = z
  .object({ decidedOn: isoDate, option: z.enum(DECISION_OPTIONS), drug: Drug.nullable(), agreements: Agreements })
  .strict()
  .meta({ id: 'ReferralAgreements', description: 'The shared decision\'s agreements as they were when referring' });
export type ReferralAgreements = z.infer<typeof ReferralAgreements>;

const Organisation = z.object({ id: z.uuid(), name: z.string() }).strict();

/** What a referral said when it was sent: the same in the full view and the waiting one. */
const ReferralSaid = {
  id: z.uuid(),
  patientId: z.uuid(),
  source: z.enum(REFERRAL_SOURCES).describe('`hospital`: referred from the record; `gp-letter`: a GP\'s letter the practice recorded'),
  reason: z.string(),
  vfa: Vfa.nullable().describe('The latest VFA in the record when referring (each vertebra\'s grade), or null when none was made'),
  agreements: ReferralAgreements.nullable().describe('Null when no shared decision was recorded before referring'),
  from: Organisation.nullable().describe('The referring hospital; null for a GP\'s letter'),
  to: Organisation,
  referredBy: z.string().nullable(),
  referredAt: z.string(),
};

export const ReferralView = z
  .object({
    ...ReferralSaid,
    status: z.enum(REFERRAL_STATUSES),
    decidedBy: z.string().nullable(),
    decidedAt: z.string().nullable(),
    declineReason: z.string().nullable(),
    endedBy: z.string().nullable(),
    endedAt: z.string().nullable(),
    endReason: z.string().nullable(),
    gp: z.object({ name: z.string(), practice: z.string().nullable() }).strict().nullable().describe('Whose letter a GP-letter referral was; null for the hospital\'s'),
    letterDate: isoDate.nullable().describe('The date of the GP\'s letter; null for the hospital\'s'),
  })
  .strict()
  .meta({ id: 'ReferralView', description: 'A referral with each step taken: who and when' });
export type ReferralView = z.infer<typeof ReferralView>;

export const WaitingReferral = z
  .object({
    ...ReferralSaid,
    patient: z.object({ name: z.string(), birthDate: isoDate }).strict().describe('The name and birth date only: the rest of the record opens on acceptance'),
  })
  .strict()
  .meta({ id: 'WaitingReferral', description: 'A referral waiting for the practice, as the practice sees it before it accepts' });
export type WaitingReferral = z.infer<typeof WaitingReferral>;

/** The date on a GP's letter: a real date, not after today. */
export const LetterDate = isoDate.superRefine((d, ctx) => {
  if (d > todayNl()) ctx.addIssue({ code: 'custom', message: 'lies in the future: a letter cannot be dated after today', params: { code: 'date-in-future' } });
});

/**
 * A GP's letter the practice records itself: who the patient is (as a new record needs it; no BSN,
 * which only the hospital's nurses and physicians work with), whose letter, its date and why.
 */
export const GpLetterInput = z
  .object({
    patient: PatientInput.pick({ familyName: true, familyNamePrefix: true, givenName: true, birthDate: true, sex: true, phone: true, email: true, language: true })
      .strict()
      .describe('The patient as the letter names them: found among the practice\'s own patients by name and birth date, or made a new record of the practice'),
    gp: z
      .object({
        name: z.string().trim().min(1, 'is required').max(200, 'is too long (at most 200 characters)').describe('The GP who wrote the letter'),
        practice: z.string().trim().max(200, 'is too long (at most 200 characters)').transform((v) => (v === '' ? undefined : v)).optional().describe('The GP\'s practice'),
      })
      .strict(),
    letterDate: LetterDate.describe('The date on the letter, YYYY-MM-DD, not after today'),
    reason: z.string().trim().min(1, 'is required').max(2000, 'is too long (at most 2000 characters)').describe('Why the GP refers, in a few sentences'),
  })
  .strict()
  .describe('A referral from a GP\'s letter, recorded by the practice it refers to');
export type GpLetterInput = z.infer<typeof GpLetterInput>;
