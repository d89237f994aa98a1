// The patient's and the caregiver's side: their own record (/me) and the people they look after (/care).
import type { FastifyInstance } from 'fastify';
import { AppError, caregiverLinks, childProfileOf, findPatients, idleLinks, listDecisions, questionnairesOf, readPatient, requestMeta, visitReminder, withdrawConsent } from '../../api/facade.js';
import { queryFields } from '../forms.js';
import { isUuid, userOfMenuPage, type PageKit } from '../page-kit.js';
import { listName } from '../../core/names.js';
import { CarePage, MePage } from './me.page.js';
import { ageOn } from '../../core/time/date.js';
import { todayNl } from '../../schema/clock.js';

export function registerOwnRecordPages(fastify: FastifyInstance, kit: PageKit): void {
  const { hidden, form, deps, ctxOf, send, page } = kit;

  fastify.get(
    '/me',
    hidden,
    page(async (req, reply) => {
      const u = userOfMenuPage(req, '/me');
      if (!u.actor.patientId) throw new AppError('not-found', 'No record is linked to this account.');
      const patient = await readPatient(deps(), u.actor, requestMeta(req), u.actor.patientId);
      const { caregivers } = await caregiverLinks(deps(), u.actor, requestMeta(req), u.actor.patientId);
      const { items } = await questionnairesOf(deps(), { actor: u.actor, meta: requestMeta(req), patientId: u.actor.patientId });
      const [latest] = await listDecisions(deps(), { actor: u.actor, meta: requestMeta(req), patientId: u.actor.patientId });
      const stopped = queryFields(req).notice === 'stopped';
      const ctx = await ctxOf(req, reply);
      const reminder = await visitReminder(deps(), { actor: u.actor, meta: requestMeta(req), patientId: u.actor.patientId, lang: ctx.lang });
      return send(reply, <MePage ctx={ctx} patient={patient} caregivers={caregivers} questionnaires={items} reminder={reminder} csrf={reply.generateCsrf()} stopped={stopped} decision={latest ?? null} />);
    }),
  );

  fastify.get(
    '/care',
    hidden,
    page(async (req, reply) => {
      const u = userOfMenuPage(req, '/care');
      const people = await findPatients(deps(), u.actor, requestMeta(req), { limit: 200 });
      const idle = await idleLinks(deps(), u.actor, requestMeta(req));
      const ctx = await ctxOf(req, reply);
      // A caregiver's home reminds of each cared-for person's coming diagnostic day, as the patient's own does.
      const reminders = (await Promise.all(people.items.map(async (p) => ({ person: p, reminder: await visitReminder(deps(), { actor: u.actor, meta: requestMeta(req), patientId: p.id, lang: ctx.lang }) }))))
        .flatMap((x) => (x.reminder ? [{ name: listName(x.person), reminder: x.reminder }] : []));
      // A child's bone health has its own page, with the vitamin D reminder for the parents.
      // A child whose record cannot be read just now (a refusal) is left out here, never the whole list.
      const children = (await Promise.all(people.items.filter((p) => ageOn(p.birthDate, todayNl()) < 18)
        .map((p) => childProfileOf(deps(), { actor: u.actor, meta: requestMeta(req), patientId: p.id, lang: ctx.lang }).catch((e: unknown) => {
          if (e instanceof AppError) return null;
          throw e;
        })))).filter((x) => x !== null);
      return send(reply, <CarePage ctx={ctx} people={people.items} idle={idle} reminders={reminders} children={children} linked={queryFields(req).notice === 'linked'} />);
    }),
  );

  // The patient ends a caregiver's access themself: one button, no reason asked, at once.
  fastify.post(
    '/me/caregivers/:caregiverId/withdraw',
    form,
    page(async (req, reply) => {
      const u = userOfMenuPage(req, '/me');
      const caregiverId = (req.params as { caregiverId?: string }).caregiverId ?? '';
      if (!u.actor.patientId || !isUuid(caregiverId)) throw new AppError('not-found', 'This person is not linked to your record.');
      await withdrawConsent(deps(), u.actor, requestMeta(req), u.actor.patientId, caregiverId, {});
      return reply.redirect('/me?notice=stopped', 303);
    }),
  );

}
