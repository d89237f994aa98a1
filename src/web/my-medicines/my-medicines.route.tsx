// "My medicines" (/medicines/:id) for the patient themself and for a caregiver of theirs: reading
// is `record.read`, marking a dose is `dose.confirm` (the patient from 12, a caregiver by the
// standing of their link), both decided by the core and audited in the service.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, confirmDose, myMedicines, requestMeta, requireUser, type SessionUser } from '../../api/facade.js';
import { todayNl } from '../../schema/clock.js';
import { queryFields, readForm, typedFromIso } from '../forms.js';
import { idParam, isUuid, userOfMenuPage, type PageKit } from '../page-kit.js';
import type { FieldErrors } from '../components/Form.js';
import { DoseMarkForm, doseMarkRefusal } from './my-medicines.forms.js';
import { MyMedicinesPage, type MedicinesNotice } from './my-medicines.page.js';

/** The patient's side only: the patient (their menu has /me) or a caregiver (/care). */
function reader(req: FastifyRequest): SessionUser {
  const u = requireUser(req);
  return userOfMenuPage(req, u.actor.role === 'caregiver' ? '/care' : '/me');
}

const NOTICES = ['taken', 'already', 'missed'] as const;

export function registerMyMedicinesPages(fastify: FastifyInstance, kit: PageKit): void {
  const { hidden, formWith, deps, ctxOf, send, page } = kit;
  const patientIdOf = (req: FastifyRequest) => idParam(req, 'There is no patient with this id.');

  async function medicinesPage(req: FastifyRequest, reply: FastifyReply, u: SessionUser, sent?: { values: Record<string, string>; errors: FieldErrors; status: number }) {
    const patientId = patientIdOf(req);
    const ctx = await ctxOf(req, reply);
    const view = await myMedicines(deps(), { actor: u.actor, meta: requestMeta(req), patientId });
    const q = queryFields(req);
    const notice: MedicinesNotice | undefined = !sent && (NOTICES as readonly string[]).includes(q.notice ?? '') && isUuid(q.course ?? '')
      ? { kind: q.notice as MedicinesNotice['kind'], course: q.course ?? '' } : undefined;
    return send(reply, (
      <MyMedicinesPage ctx={ctx} view={view} own={u.actor.patientId === patientId} csrf={reply.generateCsrf()} notice={notice}
        values={sent?.values} errors={sent?.errors} today={typedFromIso(todayNl())} />
    ), sent?.status ?? 200);
  }

  fastify.get('/medicines/:id', hidden, page(async (req, reply) => medicinesPage(req, reply, reader(req))));

  fastify.post(
    '/medicines/:id/dose',
    formWith(DoseMarkForm),
    page(async (req, reply) => {
      const u = reader(req);
      const ctx = await ctxOf(req, reply);
      const f = readForm(req, ctx.t, DoseMarkForm);
      if (!f.ok) return medicinesPage(req, reply, u, { values: f.values, errors: f.errors, status: 400 });
      const patientId = patientIdOf(req);
      try {
        const done = await confirmDose(deps(), { actor: u.actor, meta: requestMeta(req), patientId, medicationId: f.data.medicationId }, { date: f.data.date, status: f.data.status });
        const kind = done.status === 'missed' ? 'missed' : done.added ? 'taken' : 'already';
        return await reply.redirect(`/medicines/${patientId}?notice=${kind}&course=${done.medicationId}#notice`, 303);
      } catch (e) {
        const errors = doseMarkRefusal(ctx.t, ctx.lang, e);
        if (!errors) throw e;
        return medicinesPage(req, reply, u, { values: f.values, errors, status: e instanceof AppError ? e.status : 400 });
      }
    }),
  );
}
