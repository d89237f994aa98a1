import { z } from 'zod';
import type { ZodApp } from '../types.js';
import { Activation, AuditQuery, AuditRow, NewClinician, ResetConfirm, ResetRequest, RoleChange, UserSummary } from '../../schema/account.schema.js';
import {
  activateAccount, changeStaffRole, confirmPasswordReset, createClinician, deactivateStaff, requestPasswordReset, resendActivation, throttleResetRequest, unlockStaff,
  pageUsersOfOrganisation,
} from '../../services/accounts.js';
import { pageOrganisationAudit } from '../../services/audit.js';
import { accessDeps, requestMeta, requireUser } from '../auth.js';
import { problemResponses } from '../responses.js';
import { pageOf, pageQuery } from '../../schema/paging.js';

const UserParams = z.object({ id: z.uuid('is not a valid id') }).strict();
// A page of accounts continues after a name and an id.
const UserListKey = z.tuple([z.string().max(1000), z.uuid()]);
const UserQuery = z.object({ ...pageQuery(UserListKey) }).strict();
const AuditPage = pageOf(AuditRow)
  .extend({ total: z.number().int().describe('How many entries the search finds in all, on every page') })
  .meta({ id: 'AuditPage', description: 'One page of the audit search, newest first' });
const UserPage = pageOf(UserSummary).meta({ id: 'UserPage', description: 'One page of the accounts of your organisation, in name order' });

export function registerAdminRoutes(app: ZodApp): void {
  const deps = () => accessDeps(app);
  const mailDeps = () => ({ ...deps(), mailer: app.mailer, linkBase: app.deps.config.linkBase });
  app.get(
    '/api/v1/users',
    {
      schema: {
        tags: ['admin'],
        summary: 'Users of your organisation (admin), one page at a time',
        description: 'In name order, by the paging convention of every list: `limit` and `cursor` in, `items` and `nextCursor` out.',
        querystring: UserQuery,
        response: { 200: UserPage, ...problemResponses(400, 401, 403) },
      },
    },
    async (req) => pageUsersOfOrganisation(deps(), requireUser(req).actor, requestMeta(req), req.query),
  );
  app.post(
    '/api/v1/users',
    {
      schema: {
        tags: ['admin'],
        summary: 'Create a clinician or administrator in your organisation (admin); they get an activation link by e-mail',
        body: NewClinician,
        response: { 201: UserSummary, ...problemResponses(400, 401, 403, 409) },
      },
    },
    async (req, reply) => reply.status(201).send(await createClinician(mailDeps(), requireUser(req).actor, requestMeta(req), req.body)),
  );
  app.patch(
    '/api/v1/users/:id',
    {
      schema: {
        tags: ['admin'],
        summary: 'Change the role of an account in your organisation (admin; not your own)',
        params: UserParams,
        body: RoleChange,
        response: { 200: UserSummary, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => changeStaffRole(deps(), requireUser(req).actor, requestMeta(req), req.params.id, req.body.role),
  );
  app.post(
    '/api/v1/users/:id/deactivate',
    {
      schema: {
        tags: ['admin'],
        summary: 'Deactivate an account in your organisation (admin; not your own): its open sessions end at once',
        params: UserParams,
        response: { 200: UserSummary, ...problemResponses(401, 403, 404) },
      },
    },
    async (req) => deactivateStaff(deps(), requireUser(req).actor, requestMeta(req), req.params.id),
  );
  app.post(
    '/api/v1/users/:id/unlock',
    {
      schema: { tags: ['admin'], summary: 'Clear the sign-in lock-out of an account in your organisation (admin)', params: UserParams, response: { 204: z.null(), ...problemResponses(401, 403, 404) } },
    },
    async (req, reply) => {
      await unlockStaff(deps(), requireUser(req).actor, requestMeta(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/v1/users/:id/activation-link',
    {
      schema: {
        tags: ['admin'],
        summary: 'E-mail a new activation link to an account not yet set up or deactivated (admin)',
        params: UserParams,
        response: { 202: z.null(), ...problemResponses(401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      await resendActivation(mailDeps(), requireUser(req).actor, requestMeta(req), req.params.id);
      return reply.status(202).send(null);
    },
  );
  app.get(
    '/api/v1/audit',
    {
      schema: {
        tags: ['admin'],
        summary: 'Search the audit log of your organisation (admin), one page at a time',
        description: 'Newest first, by the paging convention of every list: `limit` and `cursor` in, `items` and `nextCursor` out; `total` counts the whole search.',
        querystring: AuditQuery,
        response: { 200: AuditPage, ...problemResponses(400, 401, 403) },
      },
    },
    async (req) => {
      const { limit, cursor, ...filter } = req.query;
      return pageOrganisationAudit(deps(), requireUser(req).actor, requestMeta(req), filter, { limit, cursor });
    },
  );
  app.post(
    '/api/v1/activation',
    { schema: { tags: ['accounts'], summary: 'Activate an account with the code from the letter or e-mail', body: Activation, response: { 204: z.null(), ...problemResponses(400, 409, 429) } } },
    async (req, reply) => {
      await activateAccount(deps(), requestMeta(req), req.body);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/v1/password-reset',
    { schema: { tags: ['accounts'], summary: 'Ask for a password-reset link by e-mail (a few per address and per client an hour)', body: ResetRequest, response: { 202: z.null(), ...problemResponses(400, 429) } } },
    async (req, reply) => {
      // Looked up and mailed after the answer: known and unknown addresses are answered alike and
      // equally fast, so neither the answer nor its timing tells who has an account.
      const meta = requestMeta(req);
      const email = req.body.email;
      await throttleResetRequest(deps(), meta, email);
      app.later(() => requestPasswordReset(mailDeps(), meta, email));
      return reply.status(202).send(null);
    },
  );
  app.post(
    '/api/v1/password-reset/confirm',
    { schema: { tags: ['accounts'], summary: 'Set a new password with the link from the e-mail', body: ResetConfirm, response: { 204: z.null(), ...problemResponses(400) } } },
    async (req, reply) => {
      await confirmPasswordReset(deps(), requestMeta(req), req.body.token, req.body.password);
      return reply.status(204).send(null);
    },
  );
}
