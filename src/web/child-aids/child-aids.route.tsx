// A child's aids (/patients/:id/child/aids) and fracture signals (/patients/:id/child/signals) on
// the clinician side, and the parent's short form (/signal/:id) on the patient side. The core decides
// who may: reading is `record.read`, a signal `child.log`, the aids and what followed `child.care`.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { addAid, aidsOfChild, checkAid, closeSignalWith, noteSignal, requestMeta, requireUser, signalsOfChild, type SessionUser } from '../../api/facade.js';
import { todayNl } from '../../schema/clock.js';
import { formPairs, queryFields, readForm, typedFromIso } from '../forms.js';
import { idParam, isUuid, type PageKit } from '../page-kit.js';
import type { FieldErrors } from '../components/Form.js';
import { AidsPage, ParentSignalPage, SignalsPage, type SignalFormState } from './child-aids.page.js';
import { aidCheckForm, aidForm, outcomeForm, signalForm } from './child-aids.forms.js';
import type { AidKind, BodyPart, SignalFracture, SignalObservation } from '../../core/children/aids-signals.js';

const fresh = (): SignalFormState => ({ values: { observedOn: typedFromIso(todayNl()) }, ticked: [], errors: {} });
const tickedOf = (req: FastifyRequest) => formPairs(req).filter(([k]) => k === 'observed').map(([, v]) => v);
const chosenOf = (v: string | undefined) => (v !== undefined && isUuid(v) ? v : undefined);

interface SignalData { observed: SignalObservation[]; bodyPart: BodyPart; observedOn: string; note?: string | undefined }
const signalInput = (d: SignalData) => ({ observed: d.observed, bodyPart: d.bodyPart, observedOn: d.observedOn, ...(d.note ? { note: d.note } : {}) });

export function registerChildAidsPages(fastify: FastifyInstance, kit: PageKit): void {
  const { hidden, formWith, deps, ctxOf, send, page } = kit;
  const patientIdOf = (req: FastifyRequest) => idParam(req, 'There is no patient with this id.');
  const ask = (req: FastifyRequest, u: SessionUser) => ({ actor: u.actor, meta: requestMeta(req), patientId: patientIdOf(req) });
  const param = (req: FastifyRequest, name: string) => {
    const v = (req.params as Record<string, string | undefined>)[name];
    return chosenOf(v);
  };

  async function showAids(req: FastifyRequest, reply: FastifyReply, o: { form?: 'add' | 'check'; chosen?: string | undefined; values?: Record<string, string>; errors?: FieldErrors; notice?: 'added' | 'checked' } = {}) {
    const u = requireUser(req);
    const view = await aidsOfChild(deps(), ask(req, u));
    const failed = o.errors && Object.keys(o.errors).length > 0;
    return send(reply, <AidsPage ctx={await ctxOf(req, reply)} view={view} csrf={reply.generateCsrf()} chosen={o.chosen} form={o.form} values={o.values} errors={o.errors} notice={o.notice} />, failed ? 400 : 200);
  }

  fastify.get('/patients/:id/child/aids', hidden, page(async (req, reply) => {
    const q = queryFields(req);
    return showAids(req, reply, { chosen: chosenOf(q.aid), ...(q.notice === 'added' || q.notice === 'checked' ? { notice: q.notice } : {}) });
  }));

  fastify.post('/patients/:id/child/aids', formWith(aidForm), page(async (req, reply) => {
    const u = requireUser(req);
    const r = readForm(req, (await ctxOf(req, reply)).t, aidForm);
    if (!r.ok) return showAids(req, reply, { form: 'add', values: r.values, errors: r.errors });
    const d = r.data as { kind: AidKind; description?: string | undefined; lastCheck: string; heightCm?: number | undefined };
    const made = await addAid(deps(), ask(req, u), {
      kind: d.kind, lastCheck: d.lastCheck, ...(d.description ? { description: d.description } : {}), ...(d.heightCm !== undefined ? { heightCm: d.heightCm } : {}),
    });
    return reply.redirect(`/patients/${patientIdOf(req)}/child/aids?notice=added&aid=${made.id}`, 303);
  }));

  fastify.post('/patients/:id/child/aids/:aidId/checks', formWith(aidCheckForm), page(async (req, reply) => {
    const u = requireUser(req);
    const aidId = param(req, 'aidId');
    const r = readForm(req, (await ctxOf(req, reply)).t, aidCheckForm);
    if (!r.ok) return showAids(req, reply, { form: 'check', chosen: aidId, values: r.values, errors: r.errors });
    const d = r.data as { date: string; adjusted: string; heightCm?: number | undefined };
    await checkAid(deps(), { ...ask(req, u), aidId: aidId ?? '' }, { date: d.date, adjusted: d.adjusted, ...(d.heightCm !== undefined ? { heightCm: d.heightCm } : {}) });
    return reply.redirect(`/patients/${patientIdOf(req)}/child/aids?notice=checked&aid=${aidId ?? ''}`, 303);
  }));

  async function showSignals(req: FastifyRequest, reply: FastifyReply, o: { form?: 'note' | 'outcome'; chosen?: string | undefined; state?: SignalFormState; notice?: 'sent' | 'closed' } = {}) {
    const u = requireUser(req);
    const view = await signalsOfChild(deps(), ask(req, u));
    const state = o.state ?? fresh();
    const failed = Object.keys(state.errors).length > 0;
    return send(
      reply,
      <SignalsPage ctx={await ctxOf(req, reply)} view={view} csrf={reply.generateCsrf()} physician={u.actor.role === 'physician'} chosen={o.chosen} form={o.form ?? 'note'} state={state} notice={o.notice} />,
      failed ? 400 : 200,
    );
  }

  fastify.get('/patients/:id/child/signals', hidden, page(async (req, reply) => {
    const q = queryFields(req);
    return showSignals(req, reply, { chosen: chosenOf(q.signal), ...(q.notice === 'sent' || q.notice === 'closed' ? { notice: q.notice } : {}) });
  }));

  fastify.post('/patients/:id/child/signals', formWith(signalForm), page(async (req, reply) => {
    const u = requireUser(req);
    const r = readForm(req, (await ctxOf(req, reply)).t, signalForm);
    if (!r.ok) return showSignals(req, reply, { form: 'note', state: { values: r.values, ticked: tickedOf(req), errors: r.errors } });
    await noteSignal(deps(), ask(req, u), signalInput(r.data as SignalData));
    return reply.redirect(`/patients/${patientIdOf(req)}/child/signals?notice=sent`, 303);
  }));

  fastify.post('/patients/:id/child/signals/:signalId/outcome', formWith(outcomeForm), page(async (req, reply) => {
    const u = requireUser(req);
    const signalId = param(req, 'signalId');
    const r = readForm(req, (await ctxOf(req, reply)).t, outcomeForm);
    if (!r.ok) return showSignals(req, reply, { form: 'outcome', chosen: signalId, state: { values: r.values, ticked: [], errors: r.errors } });
    const d = r.data as { seen: 'yes' | 'no'; xray: 'yes' | 'no'; fracture: SignalFracture; note?: string | undefined };
    await closeSignalWith(deps(), { ...ask(req, u), signalId: signalId ?? '' }, { seen: d.seen === 'yes', xray: d.xray === 'yes', fracture: d.fracture, ...(d.note ? { note: d.note } : {}) });
    return reply.redirect(`/patients/${patientIdOf(req)}/child/signals?notice=closed`, 303);
  }));

  // The parent's page: who it is about, from the signals the parent may read.
  async function showParent(req: FastifyRequest, reply: FastifyReply, state: SignalFormState, sent = false) {
    const u = requireUser(req);
    const view = await signalsOfChild(deps(), ask(req, u));
    const home = u.actor.role === 'caregiver' ? `/child/${view.patient.id}` : `/patients/${view.patient.id}/child`;
    const failed = Object.keys(state.errors).length > 0;
    return send(reply, <ParentSignalPage ctx={await ctxOf(req, reply)} name={view.patient.name} patientId={view.patient.id} csrf={reply.generateCsrf()} state={state} sent={sent} home={home} />, failed ? 400 : 200);
  }

  fastify.get('/signal/:id', hidden, page(async (req, reply) => showParent(req, reply, fresh(), queryFields(req).notice === 'sent')));

  fastify.post('/signal/:id', formWith(signalForm), page(async (req, reply) => {
    const u = requireUser(req);
    const r = readForm(req, (await ctxOf(req, reply)).t, signalForm);
    if (!r.ok) return showParent(req, reply, { values: r.values, ticked: tickedOf(req), errors: r.errors });
    await noteSignal(deps(), ask(req, u), signalInput(r.data as SignalData));
    return reply.redirect(`/signal/${patientIdOf(req)}?notice=sent`, 303);
  }));
}
