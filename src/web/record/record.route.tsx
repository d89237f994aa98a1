// The clinical record's section pages under /patients/:id: fractures, results, medication,
// contacts, letters and the record's corrections (history/record; the assessment has its own route
// file, assessment.route.tsx; the overview and the personal details' history are the patients
// slice's pages, in the same frame), one page per fact (its versions, a correction, marking it
// entered in error), and the forms that add facts or end care. For the roles whose menu leads to
// /patients; the core decides about the record itself, every read and write is audited, and a form
// is stored all or nothing (one use case, one transaction).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, correctEntry, endCare, entryHistory, markEnteredInError, openClinicalRecord, readPatient, recordFacts, requestMeta, type SessionUser } from '../../api/facade.js';
import { idParam, isUuid, userOfMenuPage, type PageKit } from '../page-kit.js';
import { fieldMessages, isoFromTyped, pageForm, queryFields, readForm, type FieldProblem } from '../forms.js';
import type { FieldErrors } from '../components/Form.js';
import type { Patient } from '../../schema/patient.schema.js';
import { todayNl } from '../../schema/clock.js';
import { isoDate } from '../../core/time/date.js';
import { issueCode } from '../../schema/problem.js';
import { CARE_END_REASONS, checkEntry, EndCareForm, entryRefusal, entryValues, isFormKind, VoidForm, type FormKind, type Values } from './record.forms.js';
import {
  EntryPage, FracturesPage, RecordHistoryPage, ResultsPage, sectionOf, type FormState, type SectionNotice, type SectionProps,
} from './record.page.js';
import type { EntryData } from '../../core/record/entries.js';
import { z } from 'zod';
import { contactsPage } from '../follow-up/follow-up.route.js';

const patientIdOf = (req: FastifyRequest) => idParam(req, 'There is no patient with this id.');
const entryIdOf = (req: FastifyRequest) => {
  const id = (req.params as { entryId?: string }).entryId ?? '';
  if (!isUuid(id)) throw new AppError('not-found', 'This record has no such entry.');
  return id;
};

/** Any form of these pages: its fields are read as typed and checked by the page (record.forms.ts). */
const AnyForm = pageForm({ schema: z.looseObject({}), labels: () => ({}) });

// The assessment is a section of its own making: assessment.route.tsx; so is the medication plan (web/medication).
// The contacts and letters pages are the follow-up slice's (src/web/follow-up); a form of this
// slice on the contacts page (a note, the end of care) comes back through it.
type Rendered = 'fractures' | 'results' | 'contacts' | 'history/record';
const NOTICES: readonly SectionNotice[] = ['added', 'corrected', 'voided', 'care-ended'];

export function registerRecordPages(fastify: FastifyInstance, kit: PageKit): void {
  const { hidden, formWith, deps, ctxOf, send, page } = kit;

  const clinician = (req: FastifyRequest): SessionUser => userOfMenuPage(req, '/patients');
  const ask = (req: FastifyRequest, u: SessionUser) => ({ actor: u.actor, meta: requestMeta(req), patientId: patientIdOf(req) });

  /** A section page: the patient for the banner and the record as it stands, each one audited read. */
  async function section(req: FastifyRequest, reply: FastifyReply, which: Rendered, extra: { form?: FormState; notice?: SectionNotice } = {}, status = 200) {
    if (which === 'contacts') return contactsPage(kit, req, reply, extra, status);
    const u = clinician(req);
    const ctx = await ctxOf(req, reply);
    const a = ask(req, u);
    const patient: Patient = await readPatient(deps(), u.actor, a.meta, a.patientId);
    const view = await openClinicalRecord(deps(), { ...a, lang: ctx.lang, withErrors: true });
    const p: SectionProps = { ctx, patient, view, csrf: reply.generateCsrf(), form: extra.form, notice: extra.notice };
    const node =
      which === 'fractures' ? <FracturesPage {...p} />
      : which === 'results' ? <ResultsPage {...p} />
      : <RecordHistoryPage {...p} />;
    return send(reply, node, status);
  }

  const noticeOf = (req: FastifyRequest): { notice?: SectionNotice } => {
    const n = queryFields(req).notice;
    return NOTICES.includes(n as SectionNotice) ? { notice: n as SectionNotice } : {};
  };

  for (const which of ['fractures', 'results', 'history/record'] as const) {
    fastify.get(`/patients/:id/${which}`, hidden, page(async (req, reply) => section(req, reply, which, noticeOf(req))));
  }

  // ---- Adding a fact ---------------------------------------------------------------------------

  fastify.post(
    '/patients/:id/add/:kind',
    formWith(AnyForm),
    page(async (req, reply) => {
      const u = clinician(req);
      const kind = (req.params as { kind?: string }).kind ?? '';
      if (!isFormKind(kind)) throw new AppError('not-found', 'There is no such form.');
      const t = (await ctxOf(req, reply)).t;
      const values = readForm(req, t, AnyForm).values;
      const which = sectionOf(kind) as Rendered;
      const again = (errors: FieldErrors, status: number) => section(req, reply, which, { form: { kind, values, errors } }, status);
      const checked = checkEntry(t, kind, values, todayNl());
      if (!checked.ok) return again(checked.errors, 400);
      try {
        await recordFacts(deps(), { ...ask(req, u), resource: `patient/record/${kind}` }, [checked.entry], { flat: false });
      } catch (e) {
        // Closed a moment ago (care ended, the record merged): the section says so, without the forms.
        if (e instanceof AppError && e.code === 'conflict') return section(req, reply, which, {}, 409);
        const errors = entryRefusal(t, kind, values, e);
        if (!errors || Object.keys(errors).length === 0) throw e;
        return again(errors, e instanceof AppError ? e.status : 400);
      }
      return reply.redirect(`/patients/${patientIdOf(req)}/${which}?notice=added`, 303);
    }),
  );

  // ---- One fact: its versions, a correction, entered in error ----------------------------------

  async function entryPage(req: FastifyRequest, reply: FastifyReply, sent?: { values: Values; errors: FieldErrors; open: 'correct' | 'void' }, status = 200) {
    const u = clinician(req);
    const ctx = await ctxOf(req, reply);
    const a = ask(req, u);
    const patient = await readPatient(deps(), u.actor, a.meta, a.patientId);
    const view = await openClinicalRecord(deps(), { ...a, lang: ctx.lang, withErrors: true });
    const versions = await entryHistory(deps(), { ...a, entryId: entryIdOf(req) });
    const current = versions.at(-1);
    const formKind = current && isFormKind(current.kind) ? current.kind : undefined;
    // The correction form starts from the fact as it stands; sent back, it holds what was typed.
    const standing = current && formKind ? entryValues(formKind, current.date, current.data as EntryData[typeof formKind]) : {};
    const values = sent?.open === 'correct' ? sent.values : standing;
    return send(
      reply,
      <EntryPage ctx={ctx} patient={patient} versions={versions} csrf={reply.generateCsrf()} may={view.may.write} formKind={formKind} values={sent?.open === 'void' ? { ...standing, reason: sent.values.reason ?? '' } : values} open={sent?.open} errors={sent?.errors} />,
      status,
    );
  }

  fastify.get('/patients/:id/entries/:entryId', hidden, page(async (req, reply) => entryPage(req, reply)));

  fastify.post(
    '/patients/:id/entries/:entryId/correct',
    formWith(AnyForm),
    page(async (req, reply) => {
      const u = clinician(req);
      const t = (await ctxOf(req, reply)).t;
      const values = readForm(req, t, AnyForm).values;
      const entryId = entryIdOf(req);
      const versions = await entryHistory(deps(), { ...ask(req, u), entryId });
      const current = versions.at(-1);
      if (!current || !isFormKind(current.kind)) throw new AppError('not-found', 'This fact is corrected where it was entered.');
      const kind: FormKind = current.kind;
      const again = (errors: FieldErrors, status: number) => entryPage(req, reply, { values, errors, open: 'correct' }, status);
      const checked = checkEntry(t, kind, values, todayNl());
      const reason = (values.correctionReason ?? '').trim();
      const errors: FieldErrors = checked.ok ? {} : { ...checked.errors };
      if (reason === '') errors.correctionReason = t.form.required(t.clinical.entries.correctReason);
      else if (reason.length > 500) errors.correctionReason = t.form.tooLong(t.clinical.entries.correctReason);
      if (!checked.ok || Object.keys(errors).length > 0) return again(errors, 400);
      try {
        await correctEntry(deps(), { ...ask(req, u), entryId }, { date: checked.entry.date, data: checked.entry.data, reason });
      } catch (e) {
        // Marked in error or the record merged a moment ago: the fact's page shows how it stands.
        if (e instanceof AppError && e.code === 'conflict') return entryPage(req, reply, undefined, 409);
        const refused = entryRefusal(t, kind, values, e);
        if (!refused || Object.keys(refused).length === 0) throw e;
        return again(refused, e instanceof AppError ? e.status : 400);
      }
      return reply.redirect(`/patients/${patientIdOf(req)}/${sectionOf(kind)}?notice=corrected`, 303);
    }),
  );

  fastify.post(
    '/patients/:id/entries/:entryId/void',
    formWith(VoidForm),
    page(async (req, reply) => {
      const u = clinician(req);
      const t = (await ctxOf(req, reply)).t;
      const values = readForm(req, t, VoidForm).values;
      const entryId = entryIdOf(req);
      const reason = (values.reason ?? '').trim();
      const label = t.clinical.entries.voidReason;
      if (reason === '' || reason.length > 500) {
        return entryPage(req, reply, { values, errors: { reason: reason === '' ? t.form.required(label) : t.form.tooLong(label) }, open: 'void' }, 400);
      }
      let kind = '';
      try {
        kind = (await markEnteredInError(deps(), { ...ask(req, u), entryId }, reason)).kind;
      } catch (e) {
        // Marked a moment ago (by a colleague, or this form sent twice): the page shows how it stands.
        if (e instanceof AppError && e.code === 'conflict') return reply.redirect(`/patients/${patientIdOf(req)}/entries/${entryId}`, 303);
        throw e;
      }
      return reply.redirect(`/patients/${patientIdOf(req)}/${sectionOf(kind)}?notice=voided`, 303);
    }),
  );

  // ---- The end of care ----------------------------------------------------------------------

  fastify.post(
    '/patients/:id/end-care',
    formWith(EndCareForm),
    page(async (req, reply) => {
      const u = clinician(req);
      const t = (await ctxOf(req, reply)).t;
      const values = readForm(req, t, EndCareForm).values;
      const again = (errors: FieldErrors, status: number) => section(req, reply, 'contacts', { form: { kind: 'end-care', values, errors } }, status);
      const problems: FieldProblem[] = [];
      const typed = (values['end-date'] ?? '').trim();
      const date = isoFromTyped(typed);
      if (typed === '') problems.push({ field: 'end-date', kind: 'required' });
      else {
        const r = isoDate.safeParse(date);
        const own = r.success ? undefined : issueCode(r.error.issues[0] ?? ({} as z.core.$ZodIssue));
        if (!r.success) problems.push({ field: 'end-date', kind: own === 'date-not-exist' || own === 'date-out-of-range' ? own : 'date-format' });
        else if (date > todayNl()) problems.push({ field: 'end-date', kind: 'refused' });
      }
      const reason = values.reason ?? '';
      if (reason === '') problems.push({ field: 'reason', kind: 'required' });
      else if (!(CARE_END_REASONS as readonly string[]).includes(reason)) problems.push({ field: 'reason', kind: 'invalid_value' });
      const note = (values.note ?? '').trim();
      if (note.length > 2000) problems.push({ field: 'note', kind: 'too_big' });
      const messages = fieldMessages(t, EndCareForm, problems);
      if (problems.some((p) => p.field === 'end-date' && p.kind === 'refused')) messages['end-date'] = t.clinical.forms.dateInFuture(t.clinical.endCare.date);
      if (problems.length > 0) return again(messages, 400);
      try {
        await endCare(deps(), { ...ask(req, u), reason: reason as (typeof CARE_END_REASONS)[number], date, note: note === '' ? undefined : note });
      } catch (e) {
        // Ended a moment ago by a colleague: the page shows how it stands.
        if (e instanceof AppError && e.code === 'conflict') return reply.redirect(`/patients/${patientIdOf(req)}/contacts`, 303);
        throw e;
      }
      return reply.redirect(`/patients/${patientIdOf(req)}/contacts?notice=care-ended`, 303);
    }),
  );
}
