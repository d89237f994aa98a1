// The clinic's patient pages: search, a new record, the record with its correction, account and
// merge forms, who looked at it and what changed. Data comes only from the API facade, which
// authorises and audits.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  AppError, correctPatient, mergeDuplicate, createPatient, createPatientAccount, findPatients, recordAccessLog, ACCESS_LOG_PAGE, openRecord, recordHistory, readPatient,
  mayDo, readPatientFor, requestMeta, requireUser, unmergeRecord, caregiverLinks, recordConsent, withdrawConsent,
} from '../../api/facade.js';
import { checkForm, fieldMessages, isoFromTyped, queryFields, readForm, refusalProblems } from '../forms.js';
import { bsnDigits } from '../../schema/bsn.js';
import { phoneE164 } from '../../schema/phone.js';
import { AccountForm, accountRequest, ConsentRecordForm, ConsentWithdrawForm, CorrectionBody, CorrectionForm, MergeForm, NewPatientForm, SearchForm } from './patients.forms.js';
import type { FieldErrors } from '../components/Form.js';
import { decodeCursor, DEFAULT_PAGE_SIZE } from '../../schema/paging.js';
import { AccessLogListKey, PatientListKey, type PatientSummary } from '../../schema/patient.schema.js';
import { allowedRecord, idParam, isUuid, userOfMenuPage, userWhoMay, type PageKit } from '../page-kit.js';
import {
  AccessLogPage, AccountFormPage, ConsentPage, HistoryPage, LetterPage, MergeComparePage, NewPatientPage, PATIENT_FIELDS, PatientRecordPage, PatientsPage, patientValues,
  type ConsentNotice, type RecordNotice,
} from './patients.page.js';

const NO_RESULTS = { items: [], nextCursor: null, prevCursor: null, total: 0, before: 0 };

const patientIdOf = (req: FastifyRequest) => idParam(req, 'There is no patient with this id.');
const caregiverIdOf = (req: FastifyRequest) => {
  const id = (req.params as { caregiverId?: string }).caregiverId ?? '';
  if (!isUuid(id)) throw new AppError('not-found', 'This caregiver is not linked to this patient.');
  return id;
};

export function registerPatientPages(fastify: FastifyInstance, kit: PageKit): void {
  const { hidden, form, formWith, queryWith, deps, ctxOf, send, page } = kit;

  // ---- Start pages --------------------------------------------------------------------------

  fastify.get(
    '/patients',
    queryWith(SearchForm),
    page(async (req, reply) => {
      const u = userOfMenuPage(req, '/patients');
      const ctx = await ctxOf(req, reply);
      const search = readForm(req, ctx.t, SearchForm);
      const q = search.values.q ?? '';
      const birthDate = search.values.birthDate ?? '';
      const canCreate = mayDo(u.actor, 'patient.create');
      if (!search.ok) return send(reply, <PatientsPage ctx={ctx} q={q} birthDate={birthDate} results={NO_RESULTS} canCreate={canCreate} errors={search.errors} />, 400);
      // The page links carry the cursor; one that is not ours (edited by hand) shows the first page.
      const typed = queryFields(req).cursor;
      const cursor = typed === undefined ? undefined : decodeCursor(typed, PatientListKey);
      const results = await findPatients(deps(), u.actor, requestMeta(req), { ...search.data, limit: DEFAULT_PAGE_SIZE, cursor });
      return send(reply, <PatientsPage ctx={ctx} q={q} birthDate={birthDate} results={results} canCreate={canCreate} />);
    }),
  );

  // ---- The patient record -------------------------------------------------------------------

  fastify.get(
    '/patients/new',
    hidden,
    page(async (req, reply) => {
      userWhoMay(req, 'patient.create');
      return send(reply, <NewPatientPage ctx={await ctxOf(req, reply)} csrf={reply.generateCsrf()} />);
    }),
  );

  fastify.post(
    '/patients/new',
    formWith(NewPatientForm),
    page(async (req, reply) => {
      const u = requireUser(req);
      const ctx = await ctxOf(req, reply);
      const form = readForm(req, ctx.t, NewPatientForm);
      const again = (errors: FieldErrors, status: number, duplicates?: readonly PatientSummary[]) =>
        send(reply, <NewPatientPage ctx={ctx} csrf={reply.generateCsrf()} values={form.values} errors={errors} duplicates={duplicates} />, status);
      if (!form.ok) return again(form.errors, 400);
      const { differentPerson, ...details } = form.data;
      try {
        const p = await createPatient(deps(), u.actor, requestMeta(req), { ...details, differentPerson: differentPerson === 'yes' });
        return reply.redirect(`/patients/${p.id}?notice=created`, 303);
      } catch (e) {
        // The second step: the likely duplicates, each to open, and the box that says "someone else".
        const duplicates = e instanceof AppError ? (e.extra?.duplicates as PatientSummary[] | undefined) : undefined;
        if (duplicates) {
          // Shown for the first time: a question, not an error; sent again without the tick: an error.
          const errors: FieldErrors = form.values.duplicatesShown === 'yes' ? { differentPerson: ctx.t.patients.duplicates.confirmFirst } : {};
          return again(errors, 409, duplicates);
        }
        const refused = refusalProblems(e);
        if (!refused) throw e;
        return again(fieldMessages(ctx.t, NewPatientForm, refused), e instanceof AppError ? e.status : 400);
      }
    }),
  );

  async function recordPage(
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    extra: { notice?: RecordNotice; correction?: { values: Record<string, string>; errors: FieldErrors } } = {},
    status = 200,
  ) {
    const u = requireUser(req);
    const record = await openRecord(deps(), u.actor, id, requestMeta(req));
    return send(
      reply,
      <PatientRecordPage
        ctx={await ctxOf(req, reply)}
        patient={record.patient}
        caregivers={record.caregivers}
        may={record.may}
        csrf={reply.generateCsrf()}
        duplicates={record.duplicates}
        {...extra}
      />,
      status,
    );
  }

  fastify.get(
    '/patients/:id',
    hidden,
    page(async (req, reply) => {
      requireUser(req);
      const n = queryFields(req).notice;
      const notice = n === 'created' || n === 'corrected' || n === 'merged' || n === 'unmerged' ? n : undefined;
      return recordPage(req, reply, patientIdOf(req), notice ? { notice } : {});
    }),
  );

  /** The duplicate id of a merge form or link, as a canonical (lower-case) record id. */
  const duplicateIdOf = (v: string | undefined): string => {
    const id = (v ?? '').trim().toLowerCase();
    if (!isUuid(id)) throw new AppError('not-found', 'There is no patient with this id.');
    return id;
  };

  async function comparePage(req: FastifyRequest, reply: FastifyReply, { id, duplicateId, refused = false }: { id: string; duplicateId: string; refused?: boolean }) {
    const u = requireUser(req);
    if (id === duplicateId) throw new AppError('not-found', 'A record cannot be merged with itself.');
    // Both records are read as for a merge: the core decides whether this reader may merge them.
    const keep = allowedRecord(u, await readPatientFor(deps(), u.actor, requestMeta(req), id, 'patient.merge'));
    const duplicate = allowedRecord(u, await readPatientFor(deps(), u.actor, requestMeta(req), duplicateId, 'patient.merge'));
    const blocked = refused || keep.mergedInto !== null || duplicate.mergedInto !== null;
    return send(reply, <MergeComparePage ctx={await ctxOf(req, reply)} csrf={reply.generateCsrf()} keep={keep} duplicate={duplicate} refused={blocked} />, refused ? 409 : 200);
  }

  fastify.get(
    '/patients/:id/merge',
    hidden,
    page(async (req, reply) => comparePage(req, reply, { id: patientIdOf(req).toLowerCase(), duplicateId: duplicateIdOf(queryFields(req).duplicateId) })),
  );

  fastify.post(
    '/patients/:id/merge',
    formWith(MergeForm),
    page(async (req, reply) => {
      const u = requireUser(req);
      const id = patientIdOf(req).toLowerCase();
      const { values } = readForm(req, (await ctxOf(req, reply)).t, MergeForm);
      const duplicateId = duplicateIdOf(values.duplicateId);
      // Merging is confirmed on the comparison page; anything else goes there first (if this
      // reader may merge at all: the use case decides that for a confirmed merge).
      if (values.confirm !== 'yes') {
        allowedRecord(u, await readPatientFor(deps(), u.actor, requestMeta(req), id, 'patient.merge'));
        return reply.redirect(`/patients/${id}/merge?duplicateId=${duplicateId}`, 303);
      }
      try {
        await mergeDuplicate(deps(), u.actor, requestMeta(req), id, duplicateId);
      } catch (e) {
        if (e instanceof AppError && (e.code === 'conflict' || e.code === 'invalid-input')) return comparePage(req, reply, { id, duplicateId, refused: true });
        throw e;
      }
      return reply.redirect(`/patients/${id}?notice=merged`, 303);
    }),
  );

  fastify.post(
    '/patients/:id/unmerge',
    form,
    page(async (req, reply) => {
      const u = requireUser(req);
      const id = patientIdOf(req).toLowerCase();
      try {
        await unmergeRecord(deps(), u.actor, requestMeta(req), id);
      } catch (e) {
        // Undone already (by a colleague, a moment ago): the record shows how things stand.
        if (e instanceof AppError && e.code === 'conflict') return reply.redirect(`/patients/${id}`, 303);
        throw e;
      }
      return reply.redirect(`/patients/${id}?notice=unmerged`, 303);
    }),
  );

  fastify.post(
    '/patients/:id/correction',
    formWith(CorrectionBody),
    page(async (req, reply) => {
      const u = requireUser(req);
      const id = patientIdOf(req);
      const t = (await ctxOf(req, reply)).t;
      const f = readForm(req, t, CorrectionBody).values;
      const current = await readPatient(deps(), u.actor, requestMeta(req), id);
      const now = patientValues(current);
      // Only what differs is sent, so the history shows exactly what was corrected.
      const fields = PATIENT_FIELDS.filter((k) => k !== 'bsn' || 'bsn' in current);
      const typed = (k: string) => (k === 'birthDate' ? isoFromTyped(f[k]) : (f[k] ?? '').trim());
      // A BSN and a phone number are compared as stored: 06-12345678 retyped as 06 1234 5678 is no change.
      const canonical = (k: string, v: string) => (k === 'bsn' ? bsnDigits(v) : k === 'phone' ? (phoneE164(v) ?? v) : v);
      const nowIso = { ...now, birthDate: current.birthDate.slice(0, 10) } as Record<string, string>;
      const differs = (k: string) => f[k] !== undefined && canonical(k, typed(k)) !== canonical(k, nowIso[k] ?? '');
      // Living alone is asked as yes / no / not asked, and kept as true / false / null.
      const asSent = (k: string) => (k !== 'livesAlone' ? typed(k) : typed(k) === 'yes' ? true : typed(k) === 'no' ? false : null);
      const changed = Object.fromEntries(fields.filter(differs).map((k) => [k, asSent(k)]));
      const values = { ...now, ...Object.fromEntries([...fields, 'reason', 'note'].flatMap((k) => (f[k] === undefined ? [] : [[k, f[k]]]))) };
      const again = (errors: FieldErrors, status = 400) => recordPage(req, reply, id, { correction: { values, errors } }, status);
      const correction = checkForm(t, CorrectionForm, { ...changed, ...(f.reason ? { reason: f.reason } : {}), ...(f.note?.trim() ? { note: f.note } : {}) }, values);
      const errors: FieldErrors = correction.ok ? {} : correction.errors;
      if (Object.keys(changed).length === 0) errors.familyName = t.record.nothingChanged;
      if (!correction.ok || Object.keys(errors).length > 0) return again(errors);
      try {
        await correctPatient(deps(), u.actor, requestMeta(req), id, correction.data);
      } catch (e) {
        const refused = refusalProblems(e);
        if (!refused) throw e;
        return again(fieldMessages(t, CorrectionForm, refused), e instanceof AppError ? e.status : 400);
      }
      return reply.redirect(`/patients/${id}?notice=corrected`, 303);
    }),
  );

  fastify.get(
    '/patients/:id/account',
    hidden,
    page(async (req, reply) => {
      const u = requireUser(req);
      const patient = allowedRecord(u, await readPatientFor(deps(), u.actor, requestMeta(req), patientIdOf(req), 'patient.create-account'));
      return send(reply, <AccountFormPage ctx={await ctxOf(req, reply)} csrf={reply.generateCsrf()} patient={patient} />);
    }),
  );

  fastify.post(
    '/patients/:id/account',
    formWith(AccountForm),
    page(async (req, reply) => {
      const u = requireUser(req);
      const id = patientIdOf(req);
      const ctx = await ctxOf(req, reply);
      const t = ctx.t;
      const form = readForm(req, t, AccountForm);
      const again = async (errors: FieldErrors, status: number) => {
        const patient = await readPatient(deps(), u.actor, requestMeta(req), id);
        return send(reply, <AccountFormPage ctx={ctx} csrf={reply.generateCsrf()} patient={patient} values={form.values} errors={errors} />, status);
      };
      if (!form.ok) return again(form.errors, 400);
      // Everything the letter needs is worked out before the account exists: nothing may fail the
      // page after the account and its code were stored.
      const activateUrl = new URL('/activate', fastify.deps.config.linkBase).toString();
      try {
        const issued = await createPatientAccount(deps(), u.actor, requestMeta(req), id, accountRequest(form.data));
        const letter = {
          patientId: id,
          kind: form.data.kind,
          displayName: issued.displayName,
          patientName: issued.patientName,
          code: issued.activationCode,
          expiresAt: issued.expiresAt,
          activateUrl,
        };
        // Rendered, not redirected: the code exists only in this response.
        return send(reply, <LetterPage ctx={ctx} letter={letter} />, 201);
      } catch (e) {
        const refused = refusalProblems(e);
        if (!refused) throw e;
        // The use case names the address "email"; on this page it is "accountEmail".
        const renamed = refused.map((p) => (p.field === 'email' ? { ...p, field: 'accountEmail' } : p));
        return again(fieldMessages(t, AccountForm, renamed), e instanceof AppError ? e.status : 400);
      }
    }),
  );

  // ---- A caregiver's consent (the clinic's side) ---------------------------------------------

  async function consentPage(
    req: FastifyRequest,
    reply: FastifyReply,
    extra: { notice?: ConsentNotice; values?: Record<string, string>; errors?: FieldErrors } = {},
    status = 200,
  ) {
    const u = requireUser(req);
    const id = patientIdOf(req);
    const caregiverId = caregiverIdOf(req);
    // The page is for those who may make links; the core decides on this record.
    allowedRecord(u, await readPatientFor(deps(), u.actor, requestMeta(req), id, 'patient.link'));
    const { patientName, caregivers } = await caregiverLinks(deps(), u.actor, requestMeta(req), id);
    const link = caregivers.find((c) => c.id === caregiverId);
    if (!link) throw new AppError('not-found', 'This caregiver is not linked to this patient.');
    const ctx = await ctxOf(req, reply);
    return send(reply, <ConsentPage ctx={ctx} csrf={reply.generateCsrf()} patientId={id} patientName={patientName} link={link} {...extra} />, status);
  }

  fastify.get(
    '/patients/:id/caregivers/:caregiverId',
    hidden,
    page(async (req, reply) => {
      const n = queryFields(req).notice;
      return consentPage(req, reply, n === 'recorded' || n === 'withdrawn' ? { notice: n } : {});
    }),
  );

  fastify.post(
    '/patients/:id/caregivers/:caregiverId/consent',
    formWith(ConsentRecordForm),
    page(async (req, reply) => {
      const u = requireUser(req);
      const id = patientIdOf(req);
      const caregiverId = caregiverIdOf(req);
      const t = (await ctxOf(req, reply)).t;
      const form = readForm(req, t, ConsentRecordForm);
      if (!form.ok) return consentPage(req, reply, { values: form.values, errors: form.errors }, 400);
      try {
        await recordConsent(deps(), u.actor, requestMeta(req), id, caregiverId, form.data.givenBy ? { givenBy: form.data.givenBy } : {});
      } catch (e) {
        const refused = refusalProblems(e);
        if (!refused) throw e;
        // The link still would not work: say what it misses, beside the one field of this form.
        const field = refused[0]?.field;
        const words = field === 'relation' || field === 'representationProof' ? t.record.consentRefused[field] : t.record.consentRefused.givenBy;
        return consentPage(req, reply, { values: form.values, errors: { givenBy: words } }, e instanceof AppError ? e.status : 400);
      }
      return reply.redirect(`/patients/${id}/caregivers/${caregiverId}?notice=recorded`, 303);
    }),
  );

  fastify.post(
    '/patients/:id/caregivers/:caregiverId/withdraw',
    formWith(ConsentWithdrawForm),
    page(async (req, reply) => {
      const u = requireUser(req);
      const id = patientIdOf(req);
      const caregiverId = caregiverIdOf(req);
      const t = (await ctxOf(req, reply)).t;
      const form = readForm(req, t, ConsentWithdrawForm);
      if (!form.ok) return consentPage(req, reply, { values: form.values, errors: form.errors }, 400);
      try {
        await withdrawConsent(deps(), u.actor, requestMeta(req), id, caregiverId, form.data.reason ? { reason: form.data.reason } : {});
      } catch (e) {
        const refused = refusalProblems(e);
        if (!refused) throw e;
        return consentPage(req, reply, { values: form.values, errors: fieldMessages(t, ConsentWithdrawForm, refused) }, e instanceof AppError ? e.status : 400);
      }
      return reply.redirect(`/patients/${id}/caregivers/${caregiverId}?notice=withdrawn`, 303);
    }),
  );

  fastify.get(
    '/patients/:id/access-log',
    hidden,
    page(async (req, reply) => {
      const u = requireUser(req);
      const id = patientIdOf(req);
      // The page links carry the cursor; one that is not ours (edited by hand) shows the newest page.
      const typed = queryFields(req).cursor;
      const cursor = typed === undefined ? undefined : decodeCursor(typed, AccessLogListKey);
      const log = await recordAccessLog(deps(), u.actor, id, requestMeta(req), { limit: ACCESS_LOG_PAGE, cursor });
      return send(
        reply,
        <AccessLogPage ctx={await ctxOf(req, reply)} patient={log.patient} rows={log.entries} backHref={`/patients/${id}`} older={log.olderCursor} newer={log.newerCursor} />,
      );
    }),
  );

  fastify.get(
    '/patients/:id/history',
    hidden,
    page(async (req, reply) => {
      const u = requireUser(req);
      const id = patientIdOf(req);
      const { patient, revisions } = await recordHistory(deps(), u.actor, id, requestMeta(req));
      return send(reply, <HistoryPage ctx={await ctxOf(req, reply)} patient={patient} revisions={revisions} backHref={`/patients/${id}`} />);
    }),
  );
}
