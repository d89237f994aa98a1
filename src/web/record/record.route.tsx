// The clinical record's section pages under /patients/:id: fractures, results, assessment,
// medication, contacts and letters (the overview and the history are the patients slice's record
// and history pages, in the same frame). For the roles whose menu leads to /patients; the core
// decides about the record itself, and the read is audited.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { readPatient, requestMeta } from '../../api/facade.js';
import { idParam, userOfMenuPage, type PageKit } from '../page-kit.js';
import { AssessmentPage, ContactsPage, EmptySectionPage, FracturesPage, ResultsPage } from './record.page.js';

const patientIdOf = (req: FastifyRequest) => idParam(req, 'There is no patient with this id.');

export function registerRecordPages(fastify: FastifyInstance, kit: PageKit): void {
  const { hidden, deps, ctxOf, send, page } = kit;

  const reader = async (req: FastifyRequest) => {
    const u = userOfMenuPage(req, '/patients');
    return readPatient(deps(), u.actor, requestMeta(req), patientIdOf(req));
  };

  fastify.get('/patients/:id/fractures', hidden, page(async (req, reply) => {
    const patient = await reader(req);
    return send(reply, <FracturesPage ctx={await ctxOf(req, reply)} patient={patient} />);
  }));
  fastify.get('/patients/:id/results', hidden, page(async (req, reply) => {
    const patient = await reader(req);
    return send(reply, <ResultsPage ctx={await ctxOf(req, reply)} patient={patient} />);
  }));
  fastify.get('/patients/:id/assessment', hidden, page(async (req, reply) => {
    const patient = await reader(req);
    return send(reply, <AssessmentPage ctx={await ctxOf(req, reply)} patient={patient} />);
  }));
  fastify.get('/patients/:id/contacts', hidden, page(async (req, reply) => {
    const patient = await reader(req);
    return send(reply, <ContactsPage ctx={await ctxOf(req, reply)} patient={patient} />);
  }));
  for (const section of ['medication', 'letters'] as const) {
    fastify.get(`/patients/:id/${section}`, hidden, page(async (req, reply) => {
      const patient = await reader(req);
      return send(reply, <EmptySectionPage ctx={await ctxOf(req, reply)} patient={patient} section={section} />);
    }));
  }
}
