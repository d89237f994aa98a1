// The logistics pages: on the record, /patients/:id/visits (appointments, the invitation log, the
// letter, planning) and /patients/:id/notes (notes, calls, tasks); beside it, /dayboard. Every read
// and write is a use case of services/logistics.ts (authorised, audited, the worklist re-derived);
// forms post and redirect, and a form with errors comes back with what was typed.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  addCommunication, AppError, changeVisit, dayBoard, issueInvitationLetter, listCommunications, listInvitations, listVisits, planVisit, readPatient, recordInvitation,
  requestMeta, taskAssignees, type SessionUser,
} from '../../api/facade.js';
import { VISIT_PARTS, VISIT_STATUSES, type VisitPart, type VisitStatus } from '../../core/worklist/lists.js';
import { todayNl } from '../../schema/clock.js';
import { idParam, isUuid, userOfMenuPage, type PageKit } from '../page-kit.js';
import { queryFields, readForm, typedFromIso } from '../forms.js';
import type { FieldErrors } from '../components/Form.js';
import { AnyForm, boardDate, checkNote, checkVisit, noteRefusal, visitRefusal, type Values } from './logistics.forms.js';
import { DayBoardPage, NotesPage, VisitsPage, type LogisticsNotice } from './logistics.page.js';

const patientIdOf = (req: FastifyRequest) => idParam(req, 'There is no patient with this id.');
const visitIdOf = (req: FastifyRequest) => {
  const id = (req.params as { visitId?: string }).visitId ?? '';
  if (!isUuid(id)) throw new AppError('not-found', 'This record has no such visit.');
  return id;
};
const NOTICES: readonly LogisticsNotice[] = ['planned', 'updated', 'added'];

export function registerLogisticsPages(fastify: FastifyInstance, kit: PageKit): void {
  const { hidden, formWith, deps, ctxOf, send, page } = kit;
  const clinician = (req: FastifyRequest): SessionUser => userOfMenuPage(req, '/patients');
  const ask = (req: FastifyRequest, u: SessionUser) => ({ actor: u.actor, meta: requestMeta(req), patientId: patientIdOf(req) });
  const noticeOf = (req: FastifyRequest): LogisticsNotice | undefined => {
    const n = queryFields(req).notice;
    return NOTICES.includes(n as LogisticsNotice) ? (n as LogisticsNotice) : undefined;
  };

  async function visitsPage(req: FastifyRequest, reply: FastifyReply, sent?: { values: Values; errors: FieldErrors }, status = 200) {
    const u = clinician(req);
    const ctx = await ctxOf(req, reply);
    const a = ask(req, u);
    const patient = await readPatient(deps(), u.actor, a.meta, a.patientId);
    const [visits, invitations] = [await listVisits(deps(), a), await listInvitations(deps(), a)];
    return send(reply, <VisitsPage ctx={ctx} patient={patient} visits={visits} invitations={invitations} csrf={reply.generateCsrf()} values={sent?.values} errors={sent?.errors} notice={noticeOf(req)} />, status);
  }

  async function notesPage(req: FastifyRequest, reply: FastifyReply, sent?: { values: Values; errors: FieldErrors }, status = 200) {
    const u = clinician(req);
    const ctx = await ctxOf(req, reply);
    const a = ask(req, u);
    const patient = await readPatient(deps(), u.actor, a.meta, a.patientId);
    const items = await listCommunications(deps(), a);
    const assignees = await taskAssignees(deps(), u.actor, a.meta);
    return send(reply, <NotesPage ctx={ctx} patient={patient} items={items} assignees={assignees} csrf={reply.generateCsrf()} values={sent?.values} errors={sent?.errors} notice={noticeOf(req)} />, status);
  }

  fastify.get('/patients/:id/visits', hidden, page(async (req, reply) => visitsPage(req, reply)));
  fastify.get('/patients/:id/notes', hidden, page(async (req, reply) => notesPage(req, reply)));

  fastify.post(
    '/patients/:id/visits',
    formWith(AnyForm),
    page(async (req, reply) => {
      const u = clinician(req);
      const t = (await ctxOf(req, reply)).t;
      const values = readForm(req, t, AnyForm).values;
      const checked = checkVisit(t, values);
      if (!checked.ok) return visitsPage(req, reply, { values, errors: checked.errors }, 400);
      try {
        await planVisit(deps(), ask(req, u), checked.visit);
      } catch (e) {
        const errors = visitRefusal(t, checked.visit.parts, e);
        if (!errors) throw e;
        return visitsPage(req, reply, { values, errors }, e instanceof AppError ? e.status : 400);
      }
      return reply.redirect(`/patients/${patientIdOf(req)}/visits?notice=planned`, 303);
    }),
  );

  fastify.post(
    '/patients/:id/visits/:visitId/status',
    formWith(AnyForm),
    page(async (req, reply) => {
      const u = clinician(req);
      const t = (await ctxOf(req, reply)).t;
      const status = readForm(req, t, AnyForm).values.status ?? '';
      if (!(VISIT_STATUSES as readonly string[]).includes(status)) throw new AppError('not-found', 'There is no such change.');
      await changeVisit(deps(), { ...ask(req, u), visitId: visitIdOf(req) }, { status: status as VisitStatus });
      return reply.redirect(`/patients/${patientIdOf(req)}/visits?notice=updated`, 303);
    }),
  );

  fastify.post(
    '/patients/:id/visits/:visitId/done',
    formWith(AnyForm),
    page(async (req, reply) => {
      const u = clinician(req);
      const t = (await ctxOf(req, reply)).t;
      const part = readForm(req, t, AnyForm).values.part ?? '';
      if (!(VISIT_PARTS as readonly string[]).includes(part)) throw new AppError('not-found', 'There is no such part.');
      await changeVisit(deps(), { ...ask(req, u), visitId: visitIdOf(req) }, { done: [part as VisitPart] });
      return reply.redirect(`/patients/${patientIdOf(req)}/visits?notice=updated`, 303);
    }),
  );

  fastify.post(
    '/patients/:id/visits/letter',
    formWith(AnyForm),
    page(async (req, reply) => {
      const u = clinician(req);
      const issued = await issueInvitationLetter(deps(), { ...ask(req, u), helpPhone: fastify.deps.config.helpPhone });
      return reply.status(200).type('application/pdf').header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="botpad-uitnodiging-${issued.event.date}.pdf"`)
        .send(issued.pdf);
    }),
  );

  fastify.post(
    '/patients/:id/visits/declined',
    formWith(AnyForm),
    page(async (req, reply) => {
      const u = clinician(req);
      await recordInvitation(deps(), ask(req, u), { event: 'declined', date: todayNl() });
      return reply.redirect(`/patients/${patientIdOf(req)}/visits?notice=updated`, 303);
    }),
  );

  fastify.post(
    '/patients/:id/notes',
    formWith(AnyForm),
    page(async (req, reply) => {
      const u = clinician(req);
      const t = (await ctxOf(req, reply)).t;
      const values = readForm(req, t, AnyForm).values;
      const checked = checkNote(t, values);
      if (!checked.ok) return notesPage(req, reply, { values, errors: checked.errors }, 400);
      try {
        await addCommunication(deps(), ask(req, u), checked.note);
      } catch (e) {
        const errors = noteRefusal(t, e);
        if (!errors) throw e;
        return notesPage(req, reply, { values, errors }, 400);
      }
      return reply.redirect(`/patients/${patientIdOf(req)}/notes?notice=added`, 303);
    }),
  );

  fastify.get(
    '/dayboard',
    hidden,
    page(async (req, reply) => {
      const u = userOfMenuPage(req, '/dayboard');
      const ctx = await ctxOf(req, reply);
      const typed = queryFields(req).date;
      const d = boardDate(ctx.t, typed);
      const board = await dayBoard(deps(), u.actor, requestMeta(req), d.date);
      return send(reply, <DayBoardPage ctx={ctx} date={board.date} typed={d.error ? (typed ?? '') : typedFromIso(board.date)} rows={board.rows} error={d.error} />, d.error ? 400 : 200);
    }),
  );
}
