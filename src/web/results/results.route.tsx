// "My results" (/results/:id) for the patient themself and for a caregiver of theirs. The core
// decides who may look (`record.read`); the service decides which results are shown yet.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { myResults, requestMeta, requireUser, type SessionUser } from '../../api/facade.js';
import { idParam, userOfMenuPage, type PageKit } from '../page-kit.js';
import { MyResultsPage } from './results.page.js';

/** The patient's side only: the patient (their menu has /me) or a caregiver (/care). */
function reader(req: FastifyRequest): SessionUser {
  const u = requireUser(req);
  return userOfMenuPage(req, u.actor.role === 'caregiver' ? '/care' : '/me');
}

export function registerResultsPages(fastify: FastifyInstance, kit: PageKit): void {
  const { hidden, deps, ctxOf, send, page } = kit;
  fastify.get(
    '/results/:id',
    hidden,
    page(async (req, reply) => {
      const u = reader(req);
      const patientId = idParam(req, 'There is no patient with this id.');
      const ctx = await ctxOf(req, reply);
      const results = await myResults(deps(), { actor: u.actor, meta: requestMeta(req), patientId, lang: ctx.lang });
      return send(reply, <MyResultsPage ctx={ctx} results={results} own={u.actor.patientId === patientId} />);
    }),
  );
}
