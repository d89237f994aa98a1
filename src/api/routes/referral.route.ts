// Referrals to a physiotherapy practice over HTTP: the hospital refers from the record, the
// practice lists what waits for it (the limited view) and accepts or declines, either side ends an
// accepted one, and the referrals of a record are read with the record. Each route is one use case
// of services/referrals.ts, which authorises and audits it (docs/referrals.md).
import { z } from 'zod';
import type { ZodApp } from '../types.js';
import { GpLetterInput, ReferralInput, ReferralQuery, ReferralReason, ReferralView, WaitingReferral } from '../../schema/referral.schema.js';
import { acceptReferral, declineReferral, endReferral, recordGpLetter, refer, referralsOfPatient, waitingReferrals } from '../../services/referrals.js';
import { accessDeps, requestMeta, requireUser } from '../auth.js';
import { problemResponses } from '../responses.js';

const IdParams = z.object({ id: z.uuid('is not a valid id') }).strict();
const ReferralParams = z.object({ referralId: z.uuid('is not a valid id') }).strict();

export function registerReferralRoutes(app: ZodApp): void {
  const deps = () => accessDeps(app);
  const who = (req: Parameters<typeof requireUser>[0]) => ({ actor: requireUser(req).actor, meta: requestMeta(req) });

  app.post(
    '/api/v1/patients/:id/referrals',
    {
      schema: {
        tags: ['referral'],
        summary: 'Refer the patient to a physiotherapy practice (nurse, physician of the caring hospital)',
        description: 'The VFA result and the agreements of the latest shared decision are taken from the record and kept with the referral as they are now. ' +
          'The referral waits (`pending`) until the practice accepts or declines it; until then the practice sees the referral and nothing else of the record. ' +
          '`/organisationId` must name a physiotherapy practice (`400`) that has no open referral for the patient and does not already treat them (`409`).',
        params: IdParams,
        body: ReferralInput,
        response: { 201: ReferralView, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => reply.status(201).send(await refer(deps(), { ...who(req), patientId: req.params.id }, req.body)),
  );
  app.get(
    '/api/v1/patients/:id/referrals',
    {
      schema: {
        tags: ['referral'],
        summary: 'The referrals of a record, the newest first (whoever may read the record; a practice sees those to itself)',
        params: IdParams,
        response: { 200: z.array(ReferralView), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => referralsOfPatient(deps(), { ...who(req), patientId: req.params.id }),
  );
  app.get(
    '/api/v1/referrals',
    {
      schema: {
        tags: ['referral'],
        summary: 'The referrals waiting for your practice, the one waiting longest first (physiotherapists); each one shown is audited',
        description: 'The limited view: the patient\'s name and birth date, and what the referral said (reason, VFA result, agreements). ' +
          'Nothing else of the record opens before the practice accepts.',
        querystring: ReferralQuery,
        response: { 200: z.array(WaitingReferral), ...problemResponses(400, 401, 403) },
      },
    },
    async (req) => waitingReferrals(deps(), who(req)),
  );
  app.post(
    '/api/v1/referrals',
    {
      schema: {
        tags: ['referral'],
        summary: 'Record a referral from a GP\'s letter (physiotherapists of a physiotherapy practice): taken on at once, so the record opens to the practice',
        description: 'The patient is looked for among the patients your practice already knows (treats, or was ever referred) by birth date and a similar name; ' +
          'when none matches, a new record of the practice is made. A hospital\'s record is never matched by name and birth date alone. ' +
          '`409` at `/patient` when several of your patients match, or when your practice already has an open referral for the patient (accept a waiting one instead).',
        body: GpLetterInput,
        response: { 201: ReferralView, ...problemResponses(400, 401, 403, 409) },
      },
    },
    async (req, reply) => reply.status(201).send(await recordGpLetter(deps(), who(req), req.body)),
  );
  app.post(
    '/api/v1/referrals/:referralId/accept',
    {
      schema: {
        tags: ['referral'],
        summary: 'Accept a waiting referral (physiotherapists of the practice referred to): the practice\'s physiotherapists may then open the record',
        description: 'A referral that is not waiting answers `409`.',
        params: ReferralParams,
        body: z.object({}).strict().optional(),
        response: { 200: ReferralView, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => acceptReferral(deps(), { ...who(req), referralId: req.params.referralId }),
  );
  app.post(
    '/api/v1/referrals/:referralId/decline',
    {
      schema: {
        tags: ['referral'],
        summary: 'Decline a waiting referral with a reason (physiotherapists of the practice referred to)',
        description: 'A referral that is not waiting answers `409`. The practice sees nothing of the record afterwards.',
        params: ReferralParams,
        body: ReferralReason,
        response: { 200: ReferralView, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => declineReferral(deps(), { ...who(req), referralId: req.params.referralId }, req.body.reason),
  );
  app.post(
    '/api/v1/referrals/:referralId/end',
    {
      schema: {
        tags: ['referral'],
        summary: 'End an accepted referral with a reason (the practice, or a nurse or physician of the referring hospital)',
        description: 'A referral that is not accepted answers `409`. The practice\'s physiotherapists no longer open the record afterwards.',
        params: ReferralParams,
        body: ReferralReason,
        response: { 200: ReferralView, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => endReferral(deps(), { ...who(req), referralId: req.params.referralId }, req.body.reason),
  );
}
