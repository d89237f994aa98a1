// The clinician's forms for the facts of the record: the list of kinds, and per kind a short form
// whose post records one entry. Who may write is the core's decision (record.write), asked through
// the facade for the page and again by the use case for the post; the page keeps no role list.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, readPatientFor, recordFacts, requestMeta, requireUser, type SessionUser } from '../../api/facade.js';
import { checkForm, fieldMessages, formPairs, queryFields, typedFromIso } from '../forms.js';
import { todayNl } from '../../schema/clock.js';
import { allowedRecord, idParam, type PageKit } from '../page-kit.js';
import type { FieldErrors } from '../components/Form.js';
import { FACT_FORMS, FACT_KINDS, FactBody, factData, factRefusal, isFactKind, type FactKind } from './facts.forms.js';
import { FactFormPage, FactsPage, factsHref } from './facts.page.js';

export function registerFactPages(fastify: FastifyInstance, kit: PageKit): void {
  const { hidden, formWith, deps, ctxOf, send, page } = kit;

  /** The signed-in person and the record, when the core allows them to record facts in it. */
  async function writable(req: FastifyRequest): Promise<{ u: SessionUser; id: string; patient: Awaited<ReturnType<typeof readPatientFor>>['patient'] }> {
    const u = requireUser(req);
    const id = idParam(req, 'There is no patient with this id.');
    const patient = allowedRecord(u, await readPatientFor(deps(), u.actor, requestMeta(req), id, 'record.write'));
    return { u, id, patient };
  }

  fastify.get(
    '/patients/:id/facts',
    hidden,
    page(async (req, reply) => {
      const { patient } = await writable(req);
      const saved = queryFields(req).saved;
      return send(reply, <FactsPage ctx={await ctxOf(req, reply)} patient={patient} saved={isFactKind(saved) ? saved : undefined} />);
    }),
  );

  const formPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    kind: FactKind,
    extra: { values: Record<string, string>; errors?: FieldErrors; closed?: boolean },
    status = 200,
  ) => {
    const { u, patient } = await writable(req);
    return send(reply, <FactFormPage ctx={await ctxOf(req, reply)} csrf={reply.generateCsrf()} patient={patient} kind={kind} by={u.displayName} {...extra} />, status);
  };

  for (const kind of FACT_KINDS) {
    const form = FACT_FORMS[kind];
    const path = `/patients/:id/facts/${kind}`;

    fastify.get(
      path,
      hidden,
      page(async (req, reply) => formPage(req, reply, kind, { values: { date: typedFromIso(todayNl()) } })),
    );

    fastify.post(
      path,
      // The body stays as typed (the kind's form is checked in the handler): a post kept across a
      // sign-in keeps every answer, and a refused form is shown again as it was typed. A schema on
      // the route would hand on its output instead (numbers, true/false), which is not what was typed.
      formWith(FactBody),
      page(async (req, reply) => {
        const u = requireUser(req);
        const id = idParam(req, 'There is no patient with this id.');
        const t = (await ctxOf(req, reply)).t;
        const typed = Object.fromEntries(formPairs(req));
        const f = checkForm(t, form, req.body, typed);
        if (!f.ok) return formPage(req, reply, kind, { values: typed, errors: f.errors }, 400);
        const { date, ...fields } = f.data as Record<string, unknown> & { date: string };
        try {
          await recordFacts(
            deps(),
            { actor: u.actor, meta: requestMeta(req), patientId: id, resource: `patient/record/${kind}` },
            [{ kind, date, data: factData(kind, fields, u.displayName) }],
            { flat: false },
          );
        } catch (e) {
          // A record that was merged or whose care ended takes no facts: said above the form.
          if (e instanceof AppError && e.code === 'conflict') return formPage(req, reply, kind, { values: typed, closed: true }, 409);
          const refused = factRefusal(kind, e);
          const errors = refused ? fieldMessages(t, form, refused) : {};
          if (Object.keys(errors).length === 0) throw e;
          return formPage(req, reply, kind, { values: typed, errors }, 400);
        }
        return reply.redirect(`${factsHref(id)}?saved=${kind}`, 303);
      }),
    );
  }
}
