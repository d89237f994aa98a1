// A day centre's groups: `/admin/groups` for its administrator (make a group, put children and care
// workers in it, take them out), `/group` for a care worker (their group's children). Every call goes
// through the facade's use cases, authorised by the core and audited there.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, changeGroup, createGroup, dayCentreGroups, myGroups, requestMeta, requireUser } from '../../api/facade.js';
import type { FieldErrors } from '../components/Form.js';
import { fieldMessages, queryFields, readForm, refusalProblems, type PageForm } from '../forms.js';
import { idParam, isUuid, userOfMenuPage, type PageKit } from '../page-kit.js';
import { AddChildForm, AddStaffForm, NewGroupForm } from './groups.forms.js';
import { GroupsAdminPage, MyGroupPage } from './groups.page.js';
import type { z } from 'zod';

/** A second id of the address (the child's, the care worker's): a malformed one is a page not found. */
function otherId(req: FastifyRequest, name: 'patientId' | 'userId', missing: string): string {
  const id = (req.params as Record<string, string | undefined>)[name] ?? '';
  if (!isUuid(id)) throw new AppError('not-found', missing);
  return id;
}

export function registerGroupPages(fastify: FastifyInstance, kit: PageKit): void {
  const { hidden, form, formWith, deps, ctxOf, send, page } = kit;

  async function adminPage(req: FastifyRequest, reply: FastifyReply, extra: { values?: Record<string, string>; errors?: FieldErrors; notice?: 'changed' }, status = 200) {
    const u = requireUser(req);
    const view = await dayCentreGroups(deps(), u.actor, requestMeta(req));
    return send(reply, <GroupsAdminPage ctx={await ctxOf(req, reply)} csrf={reply.generateCsrf()} view={view} {...extra} />, status);
  }

  /** Runs a change; a refusal at a field comes back on the page, with what was typed. */
  async function changeThen<S extends z.ZodType>(req: FastifyRequest, reply: FastifyReply, f: PageForm<S>, run: (data: z.output<S>) => Promise<unknown>) {
    const t = (await ctxOf(req, reply)).t;
    const got = readForm(req, t, f);
    if (!got.ok) return adminPage(req, reply, { values: got.values, errors: got.errors }, 400);
    try {
      await run(got.data);
    } catch (e) {
      const refused = refusalProblems(e);
      if (!refused) throw e;
      return adminPage(req, reply, { values: got.values, errors: fieldMessages(t, f as PageForm<z.ZodType>, refused) }, e instanceof AppError ? e.status : 400);
    }
    return reply.redirect('/admin/groups?changed=1', 303);
  }

  fastify.get('/admin/groups', hidden, page(async (req, reply) => adminPage(req, reply, queryFields(req).changed === '1' ? { notice: 'changed' } : {})));

  fastify.post(
    '/admin/groups',
    formWith(NewGroupForm),
    page(async (req, reply) => changeThen(req, reply, NewGroupForm, (d) => createGroup(deps(), requireUser(req).actor, requestMeta(req), { name: d.name }))),
  );
  fastify.post(
    '/admin/groups/children',
    formWith(AddChildForm),
    page(async (req, reply) =>
      changeThen(req, reply, AddChildForm, (d) => changeGroup(deps(), requireUser(req).actor, requestMeta(req), d.childGroup, { kind: 'child', patientId: d.patientId }, true)),
    ),
  );
  fastify.post(
    '/admin/groups/staff',
    formWith(AddStaffForm),
    page(async (req, reply) =>
      changeThen(req, reply, AddStaffForm, (d) => changeGroup(deps(), requireUser(req).actor, requestMeta(req), d.staffGroup, { kind: 'staff', userId: d.userId }, true)),
    ),
  );
  // A row's remove button: the child or the care worker taken out of the group.
  const removal = (path: string, param: 'patientId' | 'userId', missing: string) =>
    fastify.post(
      path,
      form,
      page(async (req, reply) => {
        const groupId = idParam(req, 'There is no such group.');
        const id = otherId(req, param, missing);
        const change = param === 'patientId' ? ({ kind: 'child', patientId: id } as const) : ({ kind: 'staff', userId: id } as const);
        await changeGroup(deps(), requireUser(req).actor, requestMeta(req), groupId, change, false);
        return reply.redirect('/admin/groups?changed=1', 303);
      }),
    );
  removal('/admin/groups/:id/children/:patientId/remove', 'patientId', 'There is no such child.');
  removal('/admin/groups/:id/staff/:userId/remove', 'userId', 'There is no such care worker.');

  fastify.get(
    '/group',
    hidden,
    page(async (req, reply) => {
      const u = userOfMenuPage(req, '/group');
      const mine = await myGroups(deps(), u.actor, requestMeta(req));
      return send(reply, <MyGroupPage ctx={await ctxOf(req, reply)} groups={mine.groups} />);
    }),
  );
}
