// "Who may act for me" over the JSON API: the patient invites a caregiver by e-mail, lists who may
// look along and the invitations waiting, and ends either at once; the holder of a mailed
// invitation sees it and takes it (signed in, or with a new account); the patient reads who else
// looked at the record. See docs/caregivers.md.
import { z } from 'zod';
import type { ZodApp } from '../types.js';
import {
  CaregiverInvite, InvitationAccept, InvitationAccount, InvitationPreview, InvitationToken, InvitationView, LinkIdParams, MyAccessEntry, MyCaregivers,
} from '../../schema/caregiver-invite.schema.js';
import { AccessLogListKey } from '../../schema/patient.schema.js';
import { pageOf, pageQuery } from '../../schema/paging.js';
import { acceptInvitation, acceptWithNewAccount, inviteCaregiver, myCaregivers, openInvitation, removeMyCaregiver } from '../../services/caregiver-invites.js';
import { myAccessLog } from '../../services/my-access-log.js';
import { accessDeps, requestMeta, requireUser } from '../auth.js';
import { problemResponses } from '../responses.js';

const MyAccessPage = pageOf(MyAccessEntry).meta({ id: 'MyAccessPage', description: 'One page of who else read or wrote your record, newest first' });
const Taken = z.object({ patientId: z.uuid() }).meta({ id: 'InvitationTaken' });

export function registerCaregiverInviteRoutes(app: ZodApp): void {
  const deps = () => accessDeps(app);
  const mailDeps = () => ({ ...deps(), mailer: app.mailer, linkBase: app.deps.config.linkBase });
  app.get(
    '/api/v1/me/caregivers',
    {
      schema: {
        tags: ['caregivers'],
        summary: 'Who may look along with your record (patient): each link with its relation and since when, and the invitations waiting',
        response: { 200: MyCaregivers, ...problemResponses(401, 403) },
      },
    },
    async (req) => myCaregivers(deps(), requireUser(req).actor, requestMeta(req)),
  );
  app.post(
    '/api/v1/me/caregivers',
    {
      schema: {
        tags: ['caregivers'],
        summary: 'Invite someone by e-mail to look along with your record (patient); the invitation is your consent',
        description:
          'The address gets a one-time link that works 7 days. `relation` is parent or family: a legal representative needs proof the clinic records (400 naming `/relation`), ' +
          'and from 18 a parent is invited as family. Your own address is refused (400, `/email`); an address with an invitation waiting or a working link answers 409 naming `/email`.',
        body: CaregiverInvite,
        response: { 201: InvitationView, ...problemResponses(400, 401, 403, 409, 429) },
      },
    },
    async (req, reply) => reply.status(201).send(await inviteCaregiver(mailDeps(), requireUser(req).actor, requestMeta(req), req.body)),
  );
  app.delete(
    '/api/v1/me/caregivers/:linkId',
    {
      schema: {
        tags: ['caregivers'],
        summary: "End a caregiver's access at once, or withdraw an invitation still waiting (patient)",
        description: 'The caregiver\'s next request, their calendar feed included, is refused. Ending what has ended already is no error.',
        params: LinkIdParams,
        response: { 204: z.null(), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      await removeMyCaregiver(deps(), requireUser(req).actor, requestMeta(req), req.params.linkId);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/api/v1/me/access-log',
    {
      schema: {
        tags: ['caregivers'],
        summary: 'Who else read or wrote your record, newest first, with the part of the record (patient; each page read is audited)',
        description: 'Paged by the convention of every list: `limit` and `cursor` in, `items` and `nextCursor` out. Your own reads are left out.',
        querystring: z.object({ ...pageQuery(AccessLogListKey) }).strict(),
        response: { 200: MyAccessPage, ...problemResponses(400, 401, 403) },
      },
    },
    async (req) => {
      const log = await myAccessLog(deps(), requireUser(req).actor, requestMeta(req), req.query);
      return { items: log.entries, nextCursor: log.olderCursor };
    },
  );
  app.post(
    '/api/v1/caregiver-invitations/preview',
    {
      schema: {
        tags: ['caregivers'],
        summary: 'What a mailed invitation is for (whose record, which relation, whether the address has an account); audited',
        description: 'A used, expired, withdrawn or unknown token answers 400 naming `/token` with a `code` that says which; another account signed in answers 409.',
        body: z.object({ token: InvitationToken }).strict(),
        response: { 200: InvitationPreview, ...problemResponses(400, 409) },
      },
    },
    async (req) => openInvitation(deps(), req.user?.actor ?? null, requestMeta(req), req.body.token),
  );
  app.post(
    '/api/v1/caregiver-invitations/accept',
    {
      schema: {
        tags: ['caregivers'],
        summary: 'Take a mailed invitation with the caregiver account signed in (its address must be the invited one)',
        body: InvitationAccept,
        response: { 200: Taken, ...problemResponses(400, 401, 409) },
      },
    },
    async (req) => acceptInvitation(deps(), requireUser(req).actor, requestMeta(req), req.body.token),
  );
  app.post(
    '/api/v1/caregiver-invitations/account',
    {
      schema: {
        tags: ['caregivers'],
        summary: 'Take a mailed invitation with a new caregiver account for the invited address; sign in with it afterwards',
        description: 'An address that has an account already answers 409 (`code` invitation-address-has-account): sign in and use …/accept.',
        body: InvitationAccount,
        response: { 201: Taken, ...problemResponses(400, 409) },
      },
    },
    async (req, reply) => {
      const made = await acceptWithNewAccount(deps(), requestMeta(req), req.body);
      return reply.status(201).send({ patientId: made.patientId });
    },
  );
}
