// A day centre's groups (docs/day-centre.md): its administrator keeps which children and which care
// workers are in each; a care worker reads their own group(s). Every call is authorised by the core
// (`group.manage`, or each child as a patient list) and audited.
import { z } from 'zod';
import type { ZodApp } from '../types.js';
import { Group, GroupChildAdd, GroupStaffAdd, GroupsView, MyGroups, NewGroup } from '../../schema/group.schema.js';
import { changeGroup, createGroup, dayCentreGroups, myGroups } from '../../services/groups.js';
import { accessDeps, requestMeta, requireUser } from '../auth.js';
import { problemResponses } from '../responses.js';

const GroupParams = z.object({ id: z.uuid('is not a valid id') }).strict();
const ChildParams = GroupParams.extend({ patientId: z.uuid('is not a valid id') }).strict();
const StaffParams = GroupParams.extend({ userId: z.uuid('is not a valid id') }).strict();

export function registerGroupRoutes(app: ZodApp): void {
  const deps = () => accessDeps(app);
  app.get(
    '/api/v1/groups',
    {
      schema: {
        tags: ['admin'],
        summary: 'The groups of your day centre with their children and care workers (administrator of a day centre)',
        response: { 200: GroupsView, ...problemResponses(401, 403) },
      },
    },
    async (req) => dayCentreGroups(deps(), requireUser(req).actor, requestMeta(req)),
  );
  app.post(
    '/api/v1/groups',
    {
      schema: {
        tags: ['admin'],
        summary: 'Make a group in your day centre (administrator of a day centre)',
        body: NewGroup,
        response: { 201: Group, ...problemResponses(400, 401, 403, 409) },
      },
    },
    async (req, reply) => reply.status(201).send(await createGroup(deps(), requireUser(req).actor, requestMeta(req), req.body)),
  );
  app.post(
    '/api/v1/groups/:id/children',
    {
      schema: {
        tags: ['admin'],
        summary: 'Put a child of your day centre in a group; its care workers then see and log for the child',
        params: GroupParams,
        body: GroupChildAdd,
        response: { 200: Group, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => changeGroup(deps(), requireUser(req).actor, requestMeta(req), req.params.id, { kind: 'child', patientId: req.body.patientId }, true),
  );
  app.delete(
    '/api/v1/groups/:id/children/:patientId',
    {
      schema: {
        tags: ['admin'],
        summary: 'Take a child out of a group; its care workers no longer see the child (unless another group of theirs has the child)',
        params: ChildParams,
        response: { 200: Group, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => changeGroup(deps(), requireUser(req).actor, requestMeta(req), req.params.id, { kind: 'child', patientId: req.params.patientId }, false),
  );
  app.post(
    '/api/v1/groups/:id/staff',
    {
      schema: {
        tags: ['admin'],
        summary: 'Put a care worker of your day centre in a group',
        params: GroupParams,
        body: GroupStaffAdd,
        response: { 200: Group, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => changeGroup(deps(), requireUser(req).actor, requestMeta(req), req.params.id, { kind: 'staff', userId: req.body.userId }, true),
  );
  app.delete(
    '/api/v1/groups/:id/staff/:userId',
    {
      schema: {
        tags: ['admin'],
        summary: 'Take a care worker out of a group',
        params: StaffParams,
        response: { 200: Group, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => changeGroup(deps(), requireUser(req).actor, requestMeta(req), req.params.id, { kind: 'staff', userId: req.params.userId }, false),
  );
  app.get(
    '/api/v1/groups/mine',
    {
      schema: {
        tags: ['patients'],
        summary: 'Your own group(s) with the children you see and log for (care worker)',
        response: { 200: MyGroups, ...problemResponses(401) },
      },
    },
    async (req) => myGroups(deps(), requireUser(req).actor, requestMeta(req)),
  );
}
