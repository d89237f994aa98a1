// The patient's and the caregiver's side: their own record (/me) and the people they look after (/care).
import type { FastifyInstance } from 'fastify';
import { AppError, findPatients, readPatient, requestMeta } from '../../api/facade.js';
import { userOfMenuPage, type PageKit } from '../page-kit.js';
import { CarePage, MePage } from './me.page.js';

export function registerOwnRecordPages(fastify: FastifyInstance, kit: PageKit): void {
  const { hidden, deps, ctxOf, send, page } = kit;

  fastify.get(
    '/me',
    hidden,
    page(async (req, reply) => {
      const u = userOfMenuPage(req, '/me');
      if (!u.actor.patientId) throw new AppError('not-found', 'No record is linked to this account.');
      const patient = await readPatient(deps(), u.actor, requestMeta(req), u.actor.patientId);
      return send(reply, <MePage ctx={await ctxOf(req, reply)} patient={patient} />);
    }),
  );

  fastify.get(
    '/care',
    hidden,
    page(async (req, reply) => {
      const u = userOfMenuPage(req, '/care');
      const people = await findPatients(deps(), u.actor, requestMeta(req), { limit: 200 });
      return send(reply, <CarePage ctx={await ctxOf(req, reply)} people={people.items} />);
    }),
  );

}
