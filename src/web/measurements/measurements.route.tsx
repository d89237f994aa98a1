// The exercise-therapy measurements of one patient: the list and the period
// (/patients/:id/therapy/measurements), one measurement with its scores (…/:entryId) and the form
// for a new one (…/new). For the roles whose menu leads to /patients; the use cases authorise
// (reading: `record.read`; recording: `therapy.write`, the referred practice's physiotherapist)
// and audit. The new measurement's form is the one multipart form of Botpad (the activity meter's
// file): the multipart parser is registered for that route only, in a scope of its own.
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  correctMeasurement, entryHistory, intakesOfPatient, listEntries, markMeasurementInError, measurementsOfPatient, recordMeasurement, requestMeta, setTherapyPeriod, type SessionUser,
} from '../../api/facade.js';
import { fesILevel } from '../../core/falls/fall-risk.js';
import { addDays, isRecordDate } from '../../core/time/date.js';
import { todayNl } from '../../schema/clock.js';
import { AppError } from '../../schema/problem.js';
import { text } from '../../schema/text.js';
import type { FieldErrors } from '../components/Form.js';
import { fieldMessages, input, optionalTypedDate, pageForm, queryFields, readForm, refusalProblems, typedDate, typedFromIso, type FormResult } from '../forms.js';
import type { Messages } from '../i18n/index.js';
import type { StepsDay } from '../../core/measures/steps-csv.js';
import { idParam, PageRefusal, userOfMenuPage, type PageKit } from '../page-kit.js';
import {
  bothMessages, correctionForm, fileTooLarge, freshValues, measurementForm, measurementInput, STEPS_FILE_LIMIT_BYTES, stepsOfFile, valuesOfMeasurement,
} from './measurements.forms.js';
import { MeasurementPage, MeasurementsPage, measurementsHref, NewMeasurementPage, type FormContext } from './measurements.page.js';

const patientIdOf = (req: FastifyRequest) => idParam(req, 'There is no patient with this id.');
/** A Short FES-I of this many days before is taken over into the form (the patient's own answers of last week, say). */
const FES_RECENT_DAYS = 30;
const UTF8 = new TextDecoder('utf-8', { fatal: true });
/** The requests whose meter's file was over STEPS_FILE_LIMIT_BYTES. */
const oversized = new WeakSet<FastifyRequest>();
/** What was typed, before the schema turns it into numbers and ISO dates (the form is shown again with it). */
const typedFields = new WeakMap<FastifyRequest, Record<string, string>>();

export const periodForm = pageForm({
  schema: z.looseObject({ start: typedDate(), end: optionalTypedDate() }).superRefine((v: Record<string, unknown>, ctx) => {
    const start = typeof v.start === 'string' && isRecordDate(v.start) ? v.start : undefined;
    const end = typeof v.end === 'string' && isRecordDate(v.end) ? v.end : undefined;
    if (start !== undefined && end !== undefined && end < start) ctx.addIssue({ code: 'custom', path: ['end'], message: 'before the start' });
  }, { when: (payload) => typeof payload.value === 'object' && payload.value !== null }),
  labels: (t) => ({ start: t.measurements.periodStart, end: t.measurements.periodEnd }),
  messages: (t) => ({ end: { custom: t.form.invalid(t.measurements.periodEnd) } }),
});

const voidForm = pageForm({
  schema: z.looseObject({ reason: input(text().trim().min(1).max(500), { trim: true }) }),
  labels: (t) => ({ reason: t.clinical.entries.voidReason }),
});

/**
 * A sent measurement form with its meter's file: what was typed (shown again; the file is not, a
 * browser cannot be given it back), the meter's days (a new file; else, in a correction, the days
 * stored, which travel in `stepsKept`), and every problem at its input, the file's too.
 */
function sentForm(req: FastifyRequest, t: Messages, read: FormResult<unknown>):
  | { ok: false; values: Record<string, string>; errors: FieldErrors }
  | { ok: true; values: Record<string, string>; steps: { days?: StepsDay[] }; data: Record<string, unknown> } {
  const typed = typedFields.get(req) ?? read.values;
  const raw = req.body as Record<string, unknown> | undefined;
  const file = typeof raw?.stepsFile === 'string' && raw.stepsFile.trim() !== '' ? raw.stepsFile : undefined;
  const steps = oversized.has(req) ? { error: fileTooLarge(t) } : stepsOfFile(t, file ?? typed.stepsKept);
  const values = { ...typed, stepsFile: '' };
  const fileErrors: FieldErrors = steps.error ? { stepsFile: steps.error } : {};
  if (!read.ok) return { ok: false, values, errors: { ...read.errors, ...bothMessages(t, read.values), ...fileErrors } };
  if (steps.error) return { ok: false, values, errors: fileErrors };
  return { ok: true, values, steps, data: read.data as Record<string, unknown> };
}

export function registerMeasurementPages(fastify: FastifyInstance, kit: PageKit): void {
  const { hidden, formWith, deps, ctxOf, send, page } = kit;
  // The hospital's nurses and physicians and the practice's physiotherapists, as the therapy hub.
  const clinician = (req: FastifyRequest): SessionUser => {
    const u = userOfMenuPage(req, '/patients');
    if (u.actor.role !== 'nurse' && u.actor.role !== 'physician' && u.actor.role !== 'physiotherapist') throw new PageRefusal(u);
    return u;
  };
  const ask = (req: FastifyRequest, u: SessionUser) => ({ actor: u.actor, meta: requestMeta(req), patientId: patientIdOf(req) });
  // The form is the practice's; the hospital reads (the use case decides either way).
  const writes = (u: SessionUser) => u.actor.role === 'physiotherapist';
  const base = '/patients/:id/therapy/measurements';

  async function listPage(req: FastifyRequest, reply: FastifyReply, period: { values: Record<string, string>; errors: FieldErrors } = { values: {}, errors: {} }) {
    const u = clinician(req);
    const ctx = await ctxOf(req, reply);
    const view = await measurementsOfPatient(deps(), ask(req, u));
    const p = view.therapy.period;
    const values = Object.keys(period.values).length > 0 ? period.values : p ? { start: typedFromIso(p.start), end: p.end === null ? '' : typedFromIso(p.end) } : { start: typedFromIso(todayNl()) };
    const asked = queryFields(req).notice;
    const notice = asked === 'period' || asked === 'voided' || asked === 'gone' ? asked : undefined;
    return send(
      reply,
      <MeasurementsPage ctx={ctx} view={view} canWrite={writes(u)} csrf={reply.generateCsrf()} notice={notice} period={{ values, errors: period.errors }} />,
      Object.keys(period.errors).length > 0 ? 400 : 200,
    );
  }

  async function newPage(req: FastifyRequest, reply: FastifyReply, o: { values?: Record<string, string>; errors?: FieldErrors } = {}) {
    const u = clinician(req);
    const ctx = await ctxOf(req, reply);
    const a = ask(req, u);
    const view = await measurementsOfPatient(deps(), a);
    if (!writes(u)) return reply.redirect(measurementsHref(view.patient.id), 303);
    const [intakes, fesEntries] = await Promise.all([intakesOfPatient(deps(), a, ctx.lang), listEntries(deps(), a, { kinds: ['fes-i'] })]);
    const intake = intakes.items[0];
    const latestFes = fesEntries[0];
    const fesAnswers = latestFes ? (latestFes.data as { answers: number[] }).answers : undefined;
    const recent = latestFes && fesAnswers && latestFes.date >= addDays(todayNl(), -FES_RECENT_DAYS) ? { date: latestFes.date, answers: fesAnswers } : undefined;
    const form: FormContext = {
      goals: intake?.goals.map((g) => g.what) ?? [],
      hasIntake: intake !== undefined,
      fes: latestFes && fesAnswers ? { date: latestFes.date, ...fesILevel(fesAnswers), byPatient: latestFes.source === 'patient', prefilled: recent !== undefined } : undefined,
    };
    const errors = o.errors ?? {};
    return send(
      reply,
      <NewMeasurementPage ctx={ctx} view={view} csrf={reply.generateCsrf()} values={o.values ?? freshValues(intake, recent)} errors={errors} form={form} />,
      Object.keys(errors).length > 0 ? 400 : 200,
    );
  }

  fastify.get(base, hidden, page(async (req, reply) => listPage(req, reply)));
  fastify.post(
    `${base}/period`,
    formWith(periodForm),
    page(async (req, reply) => {
      const u = clinician(req);
      const ctx = await ctxOf(req, reply);
      const read = readForm(req, ctx.t, periodForm);
      if (!read.ok) return listPage(req, reply, { values: read.values, errors: read.errors });
      const d = read.data as { start: string; end?: string };
      try {
        await setTherapyPeriod(deps(), ask(req, u), { start: d.start, ...(d.end === undefined ? {} : { end: d.end }) });
      } catch (e) {
        const problems = refusalProblems(e);
        if (problems) return listPage(req, reply, { values: read.values, errors: fieldMessages(ctx.t, periodForm, problems.map((p) => ({ ...p, field: p.field === 'data' ? 'end' : p.field }))) });
        throw e;
      }
      return reply.redirect(`${measurementsHref(patientIdOf(req))}?notice=period`, 303);
    }),
  );
  fastify.get(`${base}/new`, hidden, page(async (req, reply) => newPage(req, reply)));
  /** The measurement of the path, or the list sent with 404 (one marked in error no longer shows). */
  async function measurementOf(req: FastifyRequest, reply: FastifyReply) {
    const u = clinician(req);
    const ctx = await ctxOf(req, reply);
    const entryId = idParam(req, 'There is no such measurement.', 'entryId');
    const view = await measurementsOfPatient(deps(), ask(req, u));
    const m = view.items.find((x) => x.id === entryId);
    if (!m) return { missing: send(reply, <MeasurementsPage ctx={ctx} view={view} canWrite={writes(u)} csrf={reply.generateCsrf()} period={{ values: {}, errors: {} }} />, 404) };
    return { u, ctx, entryId, view, m };
  }
  async function onePage(req: FastifyRequest, reply: FastifyReply, voiding: { reason: string; error?: string } = { reason: '' }) {
    const found = await measurementOf(req, reply);
    if ('missing' in found) return found.missing;
    const { u, ctx, entryId, view, m } = found;
    const versions = await entryHistory(deps(), { ...ask(req, u), entryId });
    const asked = queryFields(req).notice;
    const notice = asked === 'saved' || asked === 'corrected' ? asked : undefined;
    return send(
      reply,
      <MeasurementPage ctx={ctx} view={view} m={m} notice={notice} canWrite={writes(u)} csrf={reply.generateCsrf()} voiding={voiding} versions={versions} />,
      voiding.error === undefined ? 200 : 400,
    );
  }
  fastify.get(`${base}/:entryId`, hidden, page(async (req, reply) => onePage(req, reply)));
  // The correction: the same form, prefilled with the stored raw items, and a reason (the practice only).
  async function correctPage(req: FastifyRequest, reply: FastifyReply, o: { values?: Record<string, string>; errors?: FieldErrors } = {}) {
    const found = await measurementOf(req, reply);
    if ('missing' in found) return found.missing;
    const { u, ctx, view, m } = found;
    if (!writes(u)) return reply.redirect(`${measurementsHref(view.patient.id)}/${m.id}`, 303);
    const errors = o.errors ?? {};
    const form: FormContext = { goals: [], hasIntake: true, fes: undefined };
    return send(
      reply,
      <NewMeasurementPage ctx={ctx} view={view} csrf={reply.generateCsrf()} values={o.values ?? valuesOfMeasurement(m)} errors={errors} form={form} correcting={m} />,
      Object.keys(errors).length > 0 ? 400 : 200,
    );
  }
  fastify.get(`${base}/:entryId/correct`, hidden, page(async (req, reply) => correctPage(req, reply)));
  // Marking a measurement entered in error: the practice's own operation, on the record's version history.
  fastify.post(
    `${base}/:entryId/void`,
    formWith(voidForm),
    page(async (req, reply) => {
      const u = clinician(req);
      const ctx = await ctxOf(req, reply);
      const read = readForm(req, ctx.t, voidForm);
      if (!read.ok) return onePage(req, reply, { reason: read.values.reason ?? '', error: read.errors.reason ?? ctx.t.form.required(ctx.t.clinical.entries.voidReason) });
      const entryId = idParam(req, 'There is no such measurement.', 'entryId');
      await markMeasurementInError(deps(), { ...ask(req, u), entryId }, (read.data as { reason: string }).reason);
      return reply.redirect(`${measurementsHref(patientIdOf(req))}?notice=voided`, 303);
    }),
  );

  // The multipart form, in a scope of its own so no other route takes multipart bodies.
  void fastify.register(async (scope) => {
    // The file arrives as bytes; the form reads text (a file that is not UTF-8 is said to be so, at
    // the file). A file over the limit is not an error page: the parser keeps what fits, the request
    // is marked, and the form says so at the file input.
    await scope.register(multipart, {
      attachFieldsToBody: 'keyValues',
      throwFileSizeLimit: false,
      limits: { fileSize: STEPS_FILE_LIMIT_BYTES, files: 1, fields: 100, parts: 101 },
      async onFile(part) {
        const bytes = await part.toBuffer();
        if (part.file.truncated) {
          oversized.add(this);
          part.value = '';
          return;
        }
        try {
          part.value = UTF8.decode(bytes);
        } catch {
          part.value = '\u0000';
        }
      },
    });
    scope.addHook('preValidation', async (req) => {
      const body = req.body as Record<string, unknown> | undefined;
      if (!body || typeof body !== 'object') return;
      typedFields.set(req, Object.fromEntries(Object.entries(body).flatMap(([k, v]): [string, string][] => (typeof v === 'string' ? [[k, v]] : []))));
    });
    scope.post(
      `${base}/new`,
      formWith(measurementForm),
      page(async (req, reply) => {
        const u = clinician(req);
        const ctx = await ctxOf(req, reply);
        const read = readForm(req, ctx.t, measurementForm);
        const sent = sentForm(req, ctx.t, read);
        if (!sent.ok) return newPage(req, reply, sent);
        const { values, steps, data } = sent;
        let saved: { id: string };
        try {
          saved = await recordMeasurement(deps(), ask(req, u), measurementInput(data, steps.days));
        } catch (e) {
          const problems = refusalProblems(e);
          if (problems) return newPage(req, reply, { values, errors: fieldMessages(ctx.t, measurementForm, problems) });
          throw e;
        }
        return reply.redirect(`${measurementsHref(patientIdOf(req))}/${saved.id}?notice=saved`, 303);
      }),
    );
    scope.post(
      `${base}/:entryId/correct`,
      formWith(correctionForm),
      page(async (req, reply) => {
        const u = clinician(req);
        const ctx = await ctxOf(req, reply);
        const entryId = idParam(req, 'There is no such measurement.', 'entryId');
        const read = readForm(req, ctx.t, correctionForm);
        const sent = sentForm(req, ctx.t, read);
        if (!sent.ok) return correctPage(req, reply, sent);
        const { values, steps, data } = sent;
        try {
          await correctMeasurement(deps(), { ...ask(req, u), entryId }, { ...measurementInput(data, steps.days), reason: data.reason as string });
        } catch (e) {
          // Marked entered in error while the form was open: there is nothing left to correct.
          if (e instanceof AppError && e.code === 'conflict' && e.errors.some((x) => x.pointer === '/params/entryId')) {
            return reply.redirect(`${measurementsHref(patientIdOf(req))}?notice=gone`, 303);
          }
          const problems = refusalProblems(e);
          if (problems) return correctPage(req, reply, { values, errors: fieldMessages(ctx.t, correctionForm, problems) });
          throw e;
        }
        return reply.redirect(`${measurementsHref(patientIdOf(req))}/${entryId}?notice=corrected`, 303);
      }),
    );
  });
}
