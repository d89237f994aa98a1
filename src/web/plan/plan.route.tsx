// "My plan" (/plan/:id) and its printable agreements (/plan/:id/agreements.pdf) for the patient
// themself and for a caregiver of theirs. The core decides who may look (`record.read`); both are
// audited reads, so printing at home keeps nothing and changes nothing.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { myAgreementsPdf, myPlan, requestMeta, requireUser, type SessionUser } from '../../api/facade.js';
import { idParam, userOfMenuPage, type PageKit } from '../page-kit.js';
import { MyPlanPage } from './plan.page.js';

/** The patient's side only: the patient (their menu has /me) or a caregiver (/care). */
function reader(req: FastifyRequest): SessionUser {
  const u = requireUser(req);
  return userOfMenuPage(req, u.actor.role === 'caregiver' ? '/care' : '/me');
}

export function registerPlanPages(fastify: FastifyInstance, kit: PageKit): void {
  const { hidden, deps, ctxOf, send, page } = kit;
  fastify.get(
    '/plan/:id',
    hidden,
    page(async (req, reply) => {
      const u = reader(req);
      const patientId = idParam(req, 'There is no patient with this id.');
      const ctx = await ctxOf(req, reply);
      const plan = await myPlan(deps(), { actor: u.actor, meta: requestMeta(req), patientId, lang: ctx.lang });
      return send(reply, <MyPlanPage ctx={ctx} plan={plan} own={u.actor.patientId === patientId} />);
    }),
  );

  fastify.get(
    '/plan/:id/agreements.pdf',
    hidden,
    page(async (req, reply) => {
      const u = reader(req);
      const patientId = idParam(req, 'There is no patient with this id.');
      const ctx = await ctxOf(req, reply);
      const { pdf, decidedOn } = await myAgreementsPdf(deps(), { actor: u.actor, meta: requestMeta(req), patientId, lang: ctx.lang, helpPhone: ctx.helpPhone });
      return reply.status(200).type('application/pdf').header('cache-control', 'no-store').header('content-language', ctx.lang)
        .header('content-disposition', `inline; filename="botpad-afspraken-${decidedOn}.pdf"`)
        .send(pdf);
    }),
  );
}
