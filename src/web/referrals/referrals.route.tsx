// The referral pages: the hospital refers from the record and ends what a practice took on
// (/patients/:id/referrals); the practice decides on what waits for it, sees its own patients and
// records a GP's letter (/referrals, its start page); the therapy hub (/patients/:id/therapy). Every
// read and step is a use case of services/referrals.ts through the facade, authorised by the core
// and audited there; the page layer only decides which role a page is for.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  AppError, acceptReferral, declineReferral, endReferral, patientReferrals, practiceMeasurements, readPatient, recordGpLetter, refer, referralsOfPatient, requestMeta, takenOnReferrals, waitingReferrals,
  type ReferralView, type SessionUser,
} from '../../api/facade.js';
import { PageRefusal, idParam, userOfMenuPage, type PageKit } from '../page-kit.js';
import { fieldMessages, queryFields, readForm, refusalProblems } from '../forms.js';
import { DeclineForm, EndForm, GpLetterForm, ReferForm, gpLetterInput } from './referrals.forms.js';
import { DeclineReferralPage, EndReferralPage, PatientReferralsPage, PracticeReferralsPage, TherapyHubPage, type FormState } from './referrals.page.js';

const patientIdOf = (req: FastifyRequest) => idParam(req, 'There is no patient with this id.');
const referralIdOf = (req: FastifyRequest) => idParam(req, 'There is no referral with this id.', 'referralId');
const oneOf = <T extends string>(v: string | undefined, allowed: readonly T[]): T | undefined => (allowed as readonly string[]).includes(v ?? '') ? (v as T) : undefined;

/** Whether the reader may end this referral (the use case decides again): the practice it went to, or a nurse or physician of the hospital that referred. */
function mayEnd(u: SessionUser, r: ReferralView): boolean {
  if (r.status !== 'accepted') return false;
  const { role, organisationId } = u.actor;
  if (role === 'physiotherapist') return r.to.id === organisationId;
  return (role === 'nurse' || role === 'physician') && r.from?.id === organisationId;
}

export function registerReferralPages(fastify: FastifyInstance, kit: PageKit): void {
  const { hidden, form, formWith, deps, ctxOf, send, page } = kit;

  /** The record's referral pages and the hub: the hospital's nurses and physicians and the practice's physiotherapists. */
  const clinician = (req: FastifyRequest): SessionUser => {
    const u = userOfMenuPage(req, '/patients');
    if (u.actor.role !== 'nurse' && u.actor.role !== 'physician' && u.actor.role !== 'physiotherapist') throw new PageRefusal(u);
    return u;
  };
  const practice = (req: FastifyRequest): SessionUser => userOfMenuPage(req, '/referrals');
  const ask = (req: FastifyRequest, u: SessionUser) => ({ actor: u.actor, meta: requestMeta(req), patientId: patientIdOf(req) });

  // --- the hospital's side: the record's referrals ---

  async function patientPage(req: FastifyRequest, reply: FastifyReply, extra: { form?: FormState; notice?: 'referred' | 'ended' } = {}, status = 200) {
    const u = clinician(req);
    const ctx = await ctxOf(req, reply);
    const a = ask(req, u);
    const patient = await readPatient(deps(), u.actor, a.meta, a.patientId);
    const view = await patientReferrals(deps(), a);
    const mayRefer = u.actor.role === 'nurse' || u.actor.role === 'physician';
    return send(reply, <PatientReferralsPage ctx={ctx} patient={patient} view={view} mayRefer={mayRefer} mayEnd={(r) => mayEnd(u, r)} csrf={reply.generateCsrf()} form={extra.form} notice={extra.notice} />, status);
  }

  fastify.get('/patients/:id/referrals', hidden, page(async (req, reply) => {
    const notice = oneOf(queryFields(req).notice, ['referred', 'ended'] as const);
    return patientPage(req, reply, notice ? { notice } : {});
  }));

  fastify.post(
    '/patients/:id/referrals',
    formWith(ReferForm),
    page(async (req, reply) => {
      const u = clinician(req);
      const ctx = await ctxOf(req, reply);
      const f = readForm(req, ctx.t, ReferForm);
      if (!f.ok) return patientPage(req, reply, { form: { values: f.values, errors: f.errors } }, 400);
      try {
        await refer(deps(), ask(req, u), { organisationId: f.data.organisationId, reason: f.data.reason });
      } catch (e) {
        // A merged record or ended care: said at the practice field, the form's only choice.
        if (e instanceof AppError && e.errors.some((x) => x.pointer === '/params/id')) {
          return patientPage(req, reply, { form: { values: f.values, errors: { organisationId: ctx.t.referralPages.patient.closedRecord } } }, 409);
        }
        const problems = refusalProblems(e);
        if (problems) return patientPage(req, reply, { form: { values: f.values, errors: fieldMessages(ctx.t, ReferForm, problems) } }, e instanceof AppError && e.code === 'conflict' ? 409 : 400);
        throw e;
      }
      return reply.redirect(`/patients/${patientIdOf(req)}/referrals?notice=referred`, 303);
    }),
  );

  async function endPage(req: FastifyRequest, reply: FastifyReply, extra: { form?: FormState; notOpen?: boolean } = {}, status = 200) {
    const u = clinician(req);
    const ctx = await ctxOf(req, reply);
    const a = ask(req, u);
    const id = referralIdOf(req);
    const patient = await readPatient(deps(), u.actor, a.meta, a.patientId);
    const referral = (await referralsOfPatient(deps(), a)).find((r) => r.id === id);
    if (!referral) throw new AppError('not-found', 'There is no referral with this id.');
    return send(reply, <EndReferralPage ctx={ctx} patient={patient} referral={referral} csrf={reply.generateCsrf()} form={extra.form} notOpen={extra.notOpen ?? false} />, status);
  }

  fastify.get('/patients/:id/referrals/:referralId/end', hidden, page(async (req, reply) => endPage(req, reply)));

  fastify.post(
    '/patients/:id/referrals/:referralId/end',
    formWith(EndForm),
    page(async (req, reply) => {
      const u = clinician(req);
      const ctx = await ctxOf(req, reply);
      const f = readForm(req, ctx.t, EndForm);
      if (!f.ok) return endPage(req, reply, { form: { values: f.values, errors: f.errors } }, 400);
      try {
        await endReferral(deps(), { actor: u.actor, meta: requestMeta(req), referralId: referralIdOf(req) }, f.data.reason);
      } catch (e) {
        if (e instanceof AppError && e.code === 'conflict') return endPage(req, reply, { notOpen: true }, 409);
        throw e;
      }
      return reply.redirect(`/patients/${patientIdOf(req)}/referrals?notice=ended`, 303);
    }),
  );

  // --- the practice's side ---

  async function practicePage(req: FastifyRequest, reply: FastifyReply, extra: { letter?: FormState; notice?: 'accepted' | 'declined' | 'not-waiting' } = {}, status = 200) {
    const u = practice(req);
    const ctx = await ctxOf(req, reply);
    const who = { actor: u.actor, meta: requestMeta(req) };
    const [waiting, takenOn, measurements] = [await waitingReferrals(deps(), who), await takenOnReferrals(deps(), who), await practiceMeasurements(deps(), who)];
    return send(reply, <PracticeReferralsPage ctx={ctx} waiting={waiting} takenOn={takenOn} measurements={measurements} csrf={reply.generateCsrf()} letter={extra.letter} notice={extra.notice} />, status);
  }

  fastify.get('/referrals', hidden, page(async (req, reply) => {
    const notice = oneOf(queryFields(req).notice, ['accepted', 'declined', 'not-waiting'] as const);
    return practicePage(req, reply, notice ? { notice } : {});
  }));

  fastify.post(
    '/referrals/:referralId/accept',
    form,
    page(async (req, reply) => {
      const u = practice(req);
      let accepted: ReferralView;
      try {
        accepted = await acceptReferral(deps(), { actor: u.actor, meta: requestMeta(req), referralId: referralIdOf(req) });
      } catch (e) {
        if (e instanceof AppError && e.code === 'conflict') return reply.redirect('/referrals?notice=not-waiting', 303);
        throw e;
      }
      return reply.redirect(`/patients/${accepted.patientId}/therapy?notice=accepted`, 303);
    }),
  );

  async function declinePage(req: FastifyRequest, reply: FastifyReply, extra: { form?: FormState } = {}, status = 200) {
    const u = practice(req);
    const ctx = await ctxOf(req, reply);
    const id = referralIdOf(req);
    const referral = (await waitingReferrals(deps(), { actor: u.actor, meta: requestMeta(req) })).find((r) => r.id === id);
    if (!referral) return reply.redirect('/referrals?notice=not-waiting', 303);
    return send(reply, <DeclineReferralPage ctx={ctx} referral={referral} csrf={reply.generateCsrf()} form={extra.form} />, status);
  }

  fastify.get('/referrals/:referralId/decline', hidden, page(async (req, reply) => declinePage(req, reply)));

  fastify.post(
    '/referrals/:referralId/decline',
    formWith(DeclineForm),
    page(async (req, reply) => {
      const u = practice(req);
      const ctx = await ctxOf(req, reply);
      const f = readForm(req, ctx.t, DeclineForm);
      if (!f.ok) return declinePage(req, reply, { form: { values: f.values, errors: f.errors } }, 400);
      try {
        await declineReferral(deps(), { actor: u.actor, meta: requestMeta(req), referralId: referralIdOf(req) }, f.data.reason);
      } catch (e) {
        if (e instanceof AppError && e.code === 'conflict') return reply.redirect('/referrals?notice=not-waiting', 303);
        throw e;
      }
      return reply.redirect('/referrals?notice=declined', 303);
    }),
  );

  fastify.post(
    '/referrals/gp-letter',
    formWith(GpLetterForm),
    page(async (req, reply) => {
      const u = practice(req);
      const ctx = await ctxOf(req, reply);
      const f = readForm(req, ctx.t, GpLetterForm);
      if (!f.ok) return practicePage(req, reply, { letter: { values: f.values, errors: f.errors } }, 400);
      let saved: ReferralView;
      try {
        saved = await recordGpLetter(deps(), { actor: u.actor, meta: requestMeta(req) }, gpLetterInput(f.data));
      } catch (e) {
        // The person is already the practice's with an open referral, or cannot be told apart: said at the name.
        if (e instanceof AppError && e.code === 'conflict') {
          const detail = e.errors[0]?.detail ?? '';
          const l = ctx.t.referralPages.letter;
          const message = detail.includes('accept') ? l.waiting : detail.includes('treats') ? l.treats : l.several;
          return practicePage(req, reply, { letter: { values: f.values, errors: { familyName: message } } }, 409);
        }
        throw e;
      }
      return reply.redirect(`/patients/${saved.patientId}/therapy?notice=recorded`, 303);
    }),
  );

  // --- the therapy hub ---

  fastify.get('/patients/:id/therapy', hidden, page(async (req, reply) => {
    const u = clinician(req);
    const ctx = await ctxOf(req, reply);
    const a = ask(req, u);
    const patient = await readPatient(deps(), u.actor, a.meta, a.patientId);
    const referrals = await referralsOfPatient(deps(), a);
    const referral = referrals.find((r) => r.status === 'accepted') ?? referrals[0];
    const notice = oneOf(queryFields(req).notice, ['recorded', 'accepted'] as const);
    return send(reply, <TherapyHubPage ctx={ctx} patient={patient} referral={referral} practiceSide={u.actor.role === 'physiotherapist'} {...(notice ? { notice } : {})} />);
  }));
}
