import { z } from 'zod';
import type { ZodApp } from '../types.js';
import { CARE_RELATIONS, CAREGIVER_RELATIONS } from '../../core/access/lists.js';
import { AccessLogEntry, AccessLogListKey, DuplicateProblem, Patient, PatientCorrection, PatientInput, PatientPage, PatientQuery } from '../../schema/patient.schema.js';
import { NewPatientAccount } from '../../schema/account.schema.js';
import { CaregiverLinkView, CaregiverParams, ConsentRecord, ConsentWithdrawal, LinkBasis } from '../../schema/caregiver.schema.js';
import { pageCaregiverLinks, recordConsent, withdrawConsent } from '../../services/caregivers.js';
import {
  correctPatient, createPatient, findPatients, linkPatient, mergeDuplicate, patientAccessLog, patientHistory, readPatientWithSession, unmergeRecord,
} from '../../services/patients.js';
import { createPatientAccount } from '../../services/accounts.js';
import { activationLetterPdf } from '../../services/letters.js';
import { accessDeps, authDeps, requestMeta, requireUser, sessionToken } from '../auth.js';
import { problemResponses } from '../responses.js';
import { pageOf, pageQuery } from '../../schema/paging.js';

const IdParams = z.object({ id: z.uuid('is not a valid id') }).strict();

// The lists of one record, each paged by the one convention. History and access log run newest
// first and continue after an entry's id (their ids follow the order of writing); caregivers run in
// name order and continue after a name and an id.
const RevisionListKey = z.tuple([z.number().int().min(1).max(2_147_483_647)]);
const CaregiverListKey = z.tuple([z.string().max(1000), z.uuid()]);
const Revision = z
  .object({ changedAt: z.string(), changedBy: z.string().nullable(), reason: z.string(), note: z.string().nullable(), before: z.unknown(), after: z.unknown() })
  .meta({ id: 'Revision' });
const RevisionPage = pageOf(Revision).meta({ id: 'RevisionPage', description: "One page of a record's corrections, newest first" });
const AccessLogPage = pageOf(AccessLogEntry).meta({ id: 'AccessLogPage', description: 'One page of who opened the record, newest first' });
const CaregiverPage = pageOf(CaregiverLinkView).meta({ id: 'CaregiverPage', description: "One page of the record's caregivers, in name order" });
const PAGING = 'Paged by the convention of every list: `limit` and `cursor` in, `items` and `nextCursor` out.';

export const LinkInput = z
  .union([
    z.object({ organisationId: z.uuid(), relation: z.enum(CARE_RELATIONS) }).strict(),
    z.object({ caregiverUserId: z.uuid(), relation: z.enum(CAREGIVER_RELATIONS), ...LinkBasis }).strict(),
  ])
  .meta({ id: 'PatientLink' });

export function registerPatientRoutes(app: ZodApp): void {
  const deps = () => accessDeps(app);
  app.get(
    '/api/v1/patients',
    {
      schema: {
        tags: ['patients'],
        summary: 'Find patients you may see, one page at a time (each one shown is audited)',
        description:
          'In name order. Pages follow the paging convention of every list: `limit` rows (default 50), then pass `nextCursor` as `cursor` for the next page; `nextCursor` is null on the last page.',
        querystring: PatientQuery,
        response: { 200: PatientPage, ...problemResponses(400, 401) },
      },
    },
    async (req) => {
      const page = await findPatients(deps(), requireUser(req).actor, requestMeta(req), req.query);
      return { items: page.items, nextCursor: page.nextCursor };
    },
  );
  app.post(
    '/api/v1/patients',
    {
      schema: {
        tags: ['patients'],
        summary: 'Create a patient in your organisation (nurse, physician)',
        description:
          'Records of your organisation with the same date of birth and a similar name stop the create first: `409` with those records in `duplicates` ' +
          '(each one shown is audited), so the existing record can be used instead. Send the create again with `differentPerson: true` to save a new record anyway. ' +
          'A surname typed with its Dutch prefix ("de Vries") without `familyNamePrefix` is split into the two.',
        body: PatientInput,
        response: { 201: Patient, ...problemResponses(400, 401, 403), 409: DuplicateProblem.describe('A likely duplicate (`duplicates` lists them) or a BSN in use') },
      },
    },
    async (req, reply) => reply.status(201).send(await createPatient(deps(), requireUser(req).actor, requestMeta(req), req.body)),
  );
  app.get(
    '/api/v1/patients/:id',
    {
      schema: { tags: ['patients'], summary: 'Read a patient record', params: IdParams, response: { 200: Patient, ...problemResponses(401, 403, 404) } },
      config: { inlineSession: true },
    },
    async (req) => {
      const { user, patient } = await readPatientWithSession(authDeps(app), sessionToken(req), requestMeta(req), req.params.id);
      req.user = user;
      return patient;
    },
  );
  app.patch(
    '/api/v1/patients/:id',
    {
      schema: {
        tags: ['patients'],
        summary: 'Correct a patient record; the previous values are kept as history',
        params: IdParams,
        body: PatientCorrection,
        response: { 200: Patient, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => correctPatient(deps(), requireUser(req).actor, requestMeta(req), req.params.id, req.body),
  );
  app.get(
    '/api/v1/patients/:id/history',
    {
      schema: {
        tags: ['patients'],
        summary: 'Corrections made to this record, newest first (each page read is audited)',
        description: PAGING,
        params: IdParams,
        querystring: z.object({ ...pageQuery(RevisionListKey) }).strict(),
        response: { 200: RevisionPage, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const page = await patientHistory(deps(), requireUser(req).actor, requestMeta(req), req.params.id, req.query);
      return {
        items: page.items.map((r) => ({ changedAt: r.changed_at, changedBy: r.changed_by, reason: r.reason, note: r.note, before: r.before, after: r.after })),
        nextCursor: page.nextCursor,
      };
    },
  );
  app.get(
    '/api/v1/patients/:id/access-log',
    {
      schema: {
        tags: ['patients'],
        summary: 'Who opened this record and when, newest first (each page read is audited)',
        description: PAGING,
        params: IdParams,
        querystring: z.object({ ...pageQuery(AccessLogListKey) }).strict(),
        response: { 200: AccessLogPage, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => patientAccessLog(deps(), requireUser(req).actor, requestMeta(req), req.params.id, req.query),
  );
  app.post(
    '/api/v1/patients/:id/links',
    {
      schema: {
        tags: ['patients'],
        summary: 'Link the patient to an organisation or a caregiver',
        params: IdParams,
        body: LinkInput,
        response: { 204: z.null(), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      await linkPatient(deps(), requireUser(req).actor, requestMeta(req), req.params.id, req.body);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/api/v1/patients/:id/caregivers',
    {
      schema: {
        tags: ['caregivers'],
        summary: "The record's caregivers in name order: who agreed to each link, when, on whose behalf, and whether it gives access today",
        description: PAGING,
        params: IdParams,
        querystring: z.object({ ...pageQuery(CaregiverListKey) }).strict(),
        response: { 200: CaregiverPage, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => pageCaregiverLinks(deps(), requireUser(req).actor, requestMeta(req), req.params.id, req.query),
  );
  app.post(
    '/api/v1/patients/:id/caregivers/:caregiverId/consent',
    {
      schema: {
        tags: ['caregivers'],
        summary: "Record the patient's consent for a caregiver's link (nurse, physician)",
        description:
          'Without `givenBy` the patient gave it themself; with it, the person named gave it on the patient\'s behalf. An earlier withdrawal is then over. ' +
          'Refused (400, naming the field that would help) when the link would still give no access, e.g. a parent of an adult.',
        params: CaregiverParams,
        body: ConsentRecord,
        response: { 200: CaregiverLinkView, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => recordConsent(deps(), requireUser(req).actor, requestMeta(req), req.params.id, req.params.caregiverId, req.body),
  );
  app.post(
    '/api/v1/patients/:id/caregivers/:caregiverId/consent/withdraw',
    {
      schema: {
        tags: ['caregivers'],
        summary: "End a caregiver's access at once: by the patient themself, or by the clinic on the patient's behalf with a reason",
        params: CaregiverParams,
        body: ConsentWithdrawal,
        response: { 200: CaregiverLinkView, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => withdrawConsent(deps(), requireUser(req).actor, requestMeta(req), req.params.id, req.params.caregiverId, req.body),
  );
  app.post(
    '/api/v1/patients/:id/merge',
    {
      schema: {
        tags: ['patients'],
        summary: 'Merge a duplicate record into this one (the duplicate is kept as history)',
        description:
          'Compare both records first (GET each one): the body must carry `"confirm": true`. Neither record may be merged already; ' +
          'of several merges over the same records at once exactly one succeeds, the others get 409. Undo with `POST …/unmerge` on the duplicate.',
        params: IdParams,
        body: z
          .object({
            duplicateId: z.uuid(),
            confirm: z.literal(true, 'must be true: compare both records first, then confirm').describe('Both records were compared side by side'),
          })
          .strict(),
        response: { 204: z.null(), ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      await mergeDuplicate(deps(), requireUser(req).actor, requestMeta(req), req.params.id, req.body.duplicateId);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/v1/patients/:id/unmerge',
    {
      schema: {
        tags: ['patients'],
        summary: 'Undo the merge of this (merged) record: it becomes a record of its own again',
        description: 'For a nurse or physician of an organisation caring for both records. The links the merge copied are removed again; both histories show the undo.',
        params: IdParams,
        body: z.object({}).strict().describe('An empty object'),
        response: { 204: z.null(), ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      await unmergeRecord(deps(), requireUser(req).actor, requestMeta(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/v1/patients/:id/account',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Create the account of the patient or a caregiver; returns a one-time activation code',
        description: 'With `?format=pdf` the answer is the printable activation letter (A4 PDF) instead of JSON.',
        params: IdParams,
        querystring: z.object({ format: z.enum(['json', 'pdf']).default('json') }).strict(),
        body: NewPatientAccount,
        response: {
          201: z.object({ userId: z.uuid(), activationCode: z.string(), expiresAt: z.string() }).meta({ id: 'IssuedAccount' }),
          ...problemResponses(400, 401, 403, 404, 409),
        },
      },
    },
    async (req, reply) => {
      const user = requireUser(req);
      const siteUrl = app.deps.config.linkBase;
      let pdf: Buffer | undefined;
      // The letter is made inside the account's transaction: an account never exists without it.
      const r = await createPatientAccount(deps(), user.actor, requestMeta(req), req.params.id, req.body, async (issued) => {
        if (req.query.format !== 'pdf') return;
        pdf = await activationLetterPdf({
          recipientName: issued.displayName, patientName: issued.patientName, kind: req.body.kind, code: issued.activationCode, expiresAt: issued.expiresAt,
          siteUrl, organisationName: user.organisationName, helpPhone: app.deps.config.helpPhone,
        });
      });
      if (pdf) {
        return reply.status(201).type('application/pdf').header('content-disposition', 'attachment; filename="botpad-activatiebrief.pdf"')
          // A Buffer is sent as is (Fastify skips the JSON serialiser); the schema documents the JSON form.
          .send(pdf as never);
      }
      return reply.status(201).send({ userId: r.userId, activationCode: r.activationCode, expiresAt: r.expiresAt });
    },
  );
}
