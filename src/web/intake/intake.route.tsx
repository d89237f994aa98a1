// The fracture intake (/intake): a nurse in the plaster room, or going through the emergency
// department's list, finds or creates the patient and records the fracture on one page, and sees at
// once whether the patient qualifies for case finding and why. For the roles whose menu holds it;
// the core decides about each record, and every read and write is audited by the use cases.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, createPatient, findPatients, openClinicalRecord, readPatient, recordFacts, requestMeta, type SessionUser } from '../../api/facade.js';
import { BSN_ROLES } from '../../core/access/index.js';
import { fullName } from '../../core/names.js';
import type { PatientSummary } from '../../schema/patient.schema.js';
import { todayNl } from '../../schema/clock.js';
import type { FieldErrors } from '../components/Form.js';
import { fieldMessages, queryFields, readForm, refusalProblems, typedFromIso } from '../forms.js';
import { idParam, userOfMenuPage, type PageKit } from '../page-kit.js';
import { fractureFact, IntakeForm, intakeDefaults, WaiverForm, type IntakeData } from './intake.forms.js';
import { IntakePage, IntakeResultPage, type IntakeMatch, type ResultNotice } from './intake.page.js';

const patientIdOf = (req: FastifyRequest) => idParam(req, 'There is no patient with this id.');

const asMatch = (p: PatientSummary, byBsn: boolean): IntakeMatch => ({ id: p.id, name: fullName(p), birthDate: p.birthDate, byBsn });

export function registerIntakePages(fastify: FastifyInstance, kit: PageKit): void {
  const { hidden, formWith, deps, ctxOf, send, page } = kit;

  const intaker = (req: FastifyRequest): SessionUser => userOfMenuPage(req, '/intake');
  const withBsn = (u: SessionUser) => BSN_ROLES.includes(u.actor.role);

  fastify.get(
    '/intake',
    hidden,
    page(async (req, reply) => {
      const u = intaker(req);
      const ctx = await ctxOf(req, reply);
      return send(reply, <IntakePage ctx={ctx} csrf={reply.generateCsrf()} values={intakeDefaults(typedFromIso(todayNl()))} withBsn={withBsn(u)} />);
    }),
  );

  /**
   * The record the fracture goes in: the one chosen on the second step, or a new one. A BSN that
   * belongs to a record, or a record with the same birth date and a similar name (the create use
   * case's duplicate check), is offered first: nothing is saved until the nurse has chosen.
   */
  async function recordFor(req: FastifyRequest, u: SessionUser, d: IntakeData): Promise<{ id: string } | { matches: IntakeMatch[] }> {
    const meta = requestMeta(req);
    if (d.patientId !== undefined && d.patientId !== 'new') return { id: d.patientId };
    if (d.patientId === undefined && d.bsn && withBsn(u)) {
      const found = await findPatients(deps(), u.actor, meta, { q: d.bsn, limit: 5 });
      if (found.items.length > 0) return { matches: found.items.map((p) => asMatch(p, true)) };
    }
    try {
      const p = await createPatient(deps(), u.actor, meta, {
        familyName: d.familyName, givenName: d.givenName, birthDate: d.birthDate, sex: d.sex, bsn: d.bsn, differentPerson: d.patientId === 'new',
      });
      return { id: p.id };
    } catch (e) {
      const duplicates = e instanceof AppError ? (e.extra?.duplicates as PatientSummary[] | undefined) : undefined;
      if (duplicates) return { matches: duplicates.map((p) => asMatch(p, false)) };
      throw e;
    }
  }

  fastify.post(
    '/intake',
    formWith(IntakeForm),
    page(async (req, reply) => {
      const u = intaker(req);
      const ctx = await ctxOf(req, reply);
      const form = readForm(req, ctx.t, IntakeForm);
      const again = (errors: FieldErrors, status: number, matches?: IntakeMatch[]) =>
        send(reply, <IntakePage ctx={ctx} csrf={reply.generateCsrf()} values={form.values} errors={errors} matches={matches} withBsn={withBsn(u)} />, status);
      // Every field is checked before anything is stored: a bad fracture never leaves a new record behind.
      if (!form.ok) return again(form.errors, 400);
      const d = form.data;
      let target: Awaited<ReturnType<typeof recordFor>>;
      try {
        target = await recordFor(req, u, d);
      } catch (e) {
        const refused = refusalProblems(e);
        if (!refused) throw e;
        return again(fieldMessages(ctx.t, IntakeForm, refused), e instanceof AppError ? e.status : 400);
      }
      if ('matches' in target) return again({}, 409, target.matches);
      try {
        const [entry] = await recordFacts(deps(), { actor: u.actor, meta: requestMeta(req), patientId: target.id, resource: 'patient/record/fracture' }, [fractureFact(d)], { flat: false });
        return reply.redirect(`/intake/${target.id}?saved=${entry?.id ?? ''}`, 303);
      } catch (e) {
        // The chosen record takes no new facts (merged, or care ended): said at the choice.
        if (e instanceof AppError && e.code === 'conflict') return again({ patientId: ctx.t.intake.closed }, 409);
        throw e;
      }
    }),
  );

  async function resultPage(req: FastifyRequest, reply: FastifyReply, extra: { notice?: ResultNotice; waiver?: { values: Record<string, string>; errors: FieldErrors } } = {}, status = 200) {
    const u = intaker(req);
    const ctx = await ctxOf(req, reply);
    const meta = requestMeta(req);
    const id = patientIdOf(req);
    const patient = await readPatient(deps(), u.actor, meta, id);
    const view = await openClinicalRecord(deps(), { actor: u.actor, meta, patientId: id, lang: ctx.lang, withErrors: false });
    const savedId = queryFields(req).saved;
    const saved = savedId === undefined ? undefined : view.entries.find((e) => e.id === savedId && e.kind === 'fracture');
    return send(reply, <IntakeResultPage ctx={ctx} csrf={reply.generateCsrf()} patient={patient} view={view} saved={saved} {...extra} />, status);
  }

  fastify.get(
    '/intake/:id',
    hidden,
    page(async (req, reply) => resultPage(req, reply, queryFields(req).notice === 'waived' ? { notice: 'waived' } : {})),
  );

  fastify.post(
    '/intake/:id/waiver',
    formWith(WaiverForm),
    page(async (req, reply) => {
      const u = intaker(req);
      const id = patientIdOf(req);
      const t = (await ctxOf(req, reply)).t;
      const form = readForm(req, t, WaiverForm);
      if (!form.ok) return resultPage(req, reply, { waiver: { values: form.values, errors: form.errors } }, 400);
      // Who waived it and when are the signed-in person and today, never typed.
      await recordFacts(deps(), { actor: u.actor, meta: requestMeta(req), patientId: id, resource: 'patient/record/workup-waived' }, [
        { kind: 'workup-waived', date: todayNl(), data: { reason: form.data.reason, by: u.displayName } },
      ]);
      return reply.redirect(`/intake/${id}?notice=waived`, 303);
    }),
  );
}
