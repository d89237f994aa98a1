// Pages for "who may see what": signing in and out, account set-up and password reset, each role's
// start page, the patient record with its access log and history, and the administrator's pages.
// Every form is a plain POST with a CSRF token that redirects on success (303) and renders the same
// page with its errors on failure. Data comes only from the API facade, which authorises and audits.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import {
  AppError, DEMO_ACCOUNTS, DEMO_PASSWORD, accessDeps, auditRefusal, keepForm, sessionToken, takeForm, activateAccount, authDeps, clearSessionCookie, confirmPasswordReset,
  correctPatient, createClinician, mergeDuplicate, createPatient, createPatientAccount, findPatients, patientAccessLog, patientCaregivers, patientHistory,
  readPatient, requestMeta, requestPasswordReset, requireUser, searchOrganisationAudit, setSessionCookie, signIn, signOut, unmergeRecord, usersOfOrganisation,
  changeStaffRole, deactivateStaff, resendActivation, throttleResetRequest, unlockStaff,
  type SessionUser,
} from '../api/facade.js';
import { PatientCorrection, PatientInput, PatientQuery } from '../schema/patient.schema.js';
import { Activation, NewClinician, NewPatientAccount, ResetConfirm, ResetRequest, RoleChange, SignIn } from '../schema/account.schema.js';
import { issuesToErrors, type ProblemError } from '../schema/problem.js';
import { textProblem } from '../schema/text.js';
import { isoDate } from '../core/time/date.js';
import { renderPage } from './render.js';
import { CLINICIANS, TIME_ZONE, clockTime, pageContext, startPage, type Role } from './context.js';
import { dropEmpty, fieldErrors, formFields, formPairs, queryFields, isoFromTyped, localPath, pick, problemsOf, type FieldSpec } from './forms.js';
import type { FieldErrors } from './components/Form.js';
import type { Messages } from './i18n/index.js';
import { ErrorPage } from './pages/public.page.js';
import {
  ActivatePage, KEPT_REF, KeptInputPage, PasswordResetConfirmPage, PasswordResetPage, SignInPage, type KeptInput, type SignInNotice,
} from './pages/sign-in.page.js';
import {
  AccessLogPage, AccountFormPage, HistoryPage, LetterPage, MergeComparePage, NewPatientPage, PATIENT_FIELDS, PatientRecordPage, PatientsPage, patientValues,
  type RecordNotice, type Revision,
} from './pages/patients.page.js';
import { CarePage, MePage } from './pages/me.page.js';
import { AuditPage, UserPage, UsersPage, type UserNotice } from './pages/admin.page.js';

type Handler = (req: FastifyRequest, reply: FastifyReply) => Promise<unknown>;

const MANAGERS: readonly Role[] = ['nurse', 'physician'];
/** Names never carried over when a post is kept for after sign-in. */
const NEVER_KEPT = /^_csrf$|password/i;

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function patientIdOf(req: FastifyRequest): string {
  const id = (req.params as { id?: string }).id ?? '';
  if (!uuid.test(id)) throw new AppError('not-found', 'There is no patient with this id.');
  return id;
}

function accountIdOf(req: FastifyRequest): string {
  const id = (req.params as { id?: string }).id ?? '';
  if (!uuid.test(id)) throw new AppError('not-found', 'There is no such account.');
  return id;
}

/** A page refused for the signed-in person's role: the page layer decides it, so it audits it. */
class PageRefusal extends AppError {
  constructor(readonly user: SessionUser) {
    super('forbidden', 'This page is not for your role.');
  }
}

function userWith(req: FastifyRequest, roles?: readonly Role[]): SessionUser {
  const u = requireUser(req);
  if (roles && !roles.includes(u.actor.role)) throw new PageRefusal(u);
  return u;
}

function patientSpecs(t: Messages): Record<string, FieldSpec> {
  const f = t.patients.fields;
  return {
    familyName: { label: f.familyName },
    givenName: { label: f.givenName },
    birthDate: { label: f.birthDate, kind: 'date' },
    sex: { label: f.sex, kind: 'choice' },
    bsn: { label: f.bsn, kind: 'bsn' },
    phone: { label: f.phone },
    email: { label: f.email, kind: 'email' },
    gpPractice: { label: f.gpPractice },
  };
}

/** The UTC offset of the Netherlands at a given instant, as "+01:00" or "+02:00". */
function amsterdamOffset(at: Date): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone: TIME_ZONE, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  const m = /GMT([+-]\d\d:\d\d)/.exec(part ?? '');
  return m?.[1] ?? '+00:00';
}

/** A Dutch calendar day's first or last moment as an ISO timestamp with its offset. */
function dayBound(ymd: string, end: boolean): string {
  // Clocks change at 02:00/03:00 local time, so 00:00Z still has the offset of local midnight and
  // 21:00Z that of the day's end.
  const offset = amsterdamOffset(new Date(`${ymd}T${end ? '21' : '00'}:00:00Z`));
  return `${ymd}T${end ? '23:59:59.999' : '00:00:00'}${offset}`;
}

// A real calendar day in the years a record may hold: Date would roll 31-11 over to 1 December.
const isDay = (v: string) => isoDate.safeParse(v).success;

export function registerAccountRoutes(fastify: FastifyInstance): void {
  const hidden = { schema: { hide: true } };
  // The check keeps its state in a closure; binding only tells the type checker `this` is safe.
  const form = {
    schema: { hide: true },
    preHandler: fastify.csrfProtection.bind(fastify),
    // A signed-in person's form refused for its missing or wrong token is a refusal like any other:
    // audited (it is how a forged cross-site post shows up).
    onError: async (req: FastifyRequest, _reply: FastifyReply, error: { code?: string }) => {
      if (!req.user || !error.code?.startsWith('FST_CSRF')) return;
      await auditRefusal(deps(), req.user.actor, requestMeta(req), 'page.post', `page${req.routeOptions.url ?? ''}`, 'form without a valid security token');
    },
  };
  const deps = () => accessDeps(fastify);
  const mailDeps = () => ({ ...deps(), mailer: fastify.mailer, linkBase: fastify.deps.config.linkBase });
  const ctxOf = (req: FastifyRequest, reply: FastifyReply) => pageContext(fastify, req, reply);
  // Signed-in pages carry health data: never cached, by the browser or anything in between.
  const send = (reply: FastifyReply, node: VNode, status = 200) =>
    reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(renderPage(node));
  const demoRows = () => DEMO_ACCOUNTS.map((a) => ({ role: a.role, email: a.email }));

  async function signInPage(
    req: FastifyRequest,
    reply: FastifyReply,
    status: number,
    extra: { email?: string; errors?: FieldErrors; notice?: SignInNotice; locked?: string; returnTo?: string; keptRef?: string } = {},
  ) {
    const ctx = await ctxOf(req, reply);
    return send(
      reply,
      <SignInPage ctx={ctx} csrf={reply.generateCsrf()} {...extra} demoAccounts={ctx.demo ? demoRows() : undefined} demoPassword={ctx.demo ? DEMO_PASSWORD : undefined} />,
      status,
    );
  }

  /**
   * A form post whose session has ended: nothing typed is lost. The fields (never the token or a
   * password) stay on the server for the account whose session sent them; the sign-in page carries
   * only a reference, so the next person at a shared computer finds nothing in its source. Once
   * that same person has signed in, the fields come back for one more press.
   */
  async function keepPost(req: FastifyRequest, reply: FastifyReply) {
    const pairs = formPairs(req).filter(([k]) => !NEVER_KEPT.test(k));
    const action = localPath(req.url.split('?')[0]);
    const keptRef = await keepForm(authDeps(fastify), sessionToken(req), action, pairs);
    return signInPage(req, reply, 200, keptRef ? { notice: 'kept', keptRef } : { notice: 'needed' });
  }

  /** Maps the refusals a page can meet to what a browser should see. */
  const page =
    (h: Handler): Handler =>
    async (req, reply) => {
      try {
        return await h(req, reply);
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        if (e.code === 'unauthenticated') {
          if (req.method === 'POST') return keepPost(req, reply);
          return reply.redirect(`/sign-in?return=${encodeURIComponent(req.url)}`, 303);
        }
        if (e instanceof PageRefusal) {
          const what = `${req.method === 'GET' ? 'page.view' : 'page.post'}`;
          await auditRefusal(deps(), e.user.actor, requestMeta(req), what, `page${req.routeOptions.url ?? ''}`, `${e.user.actor.role}: this page is not for this role`);
        }
        if (e.code === 'forbidden') return send(reply, <ErrorPage ctx={await ctxOf(req, reply)} kind="forbidden" />, 403);
        if (e.code === 'not-found') return send(reply, <ErrorPage ctx={await ctxOf(req, reply)} kind="not-found" />, 404);
        throw e;
      }
    };

  // ---- Signing in and out -------------------------------------------------------------------

  fastify.get(
    '/sign-in',
    hidden,
    page(async (req, reply) => {
      const q = queryFields(req);
      const returnTo = q.return ? localPath(q.return) : undefined;
      if (req.user && !q.notice) return reply.redirect(returnTo ?? startPage(req.user.actor.role), 303);
      const notices: readonly SignInNotice[] = ['signed-out', 'activated', 'password-changed'];
      const notice = notices.find((n) => n === q.notice) ?? (returnTo ? 'needed' : undefined);
      return signInPage(req, reply, 200, { ...(notice ? { notice } : {}), ...(returnTo ? { returnTo } : {}) });
    }),
  );

  fastify.post(
    '/sign-in',
    form,
    page(async (req, reply) => {
      const ctx = await ctxOf(req, reply);
      const t = ctx.t;
      const f = formFields(req);
      const keptRef = f[KEPT_REF] && f[KEPT_REF].length <= 100 ? f[KEPT_REF] : undefined;
      const returnTo = f.return ? localPath(f.return) : undefined;
      const again = { email: f.email ?? '', ...(keptRef ? { keptRef, notice: 'kept' as const } : {}), ...(returnTo ? { returnTo } : {}) };

      const parsed = SignIn.safeParse(pick(f, ['email', 'password']));
      if (!parsed.success) {
        const specs = { email: { label: t.signIn.email, kind: 'email' as const }, password: { label: t.signIn.password, kind: 'password' as const } };
        return signInPage(req, reply, 400, { ...again, errors: fieldErrors(t, specs, issuesToErrors(parsed.error.issues)) });
      }
      let user: SessionUser;
      try {
        const r = await signIn(authDeps(fastify), parsed.data.email, parsed.data.password, requestMeta(req));
        setSessionCookie(fastify, reply, r.token);
        user = r.user;
      } catch (e) {
        if (e instanceof AppError && e.code === 'too-many-requests') {
          const locked = e.retryAt ? clockTime(ctx.lang, e.retryAt.toISOString()) : '';
          return signInPage(req, reply, 429, { ...again, locked });
        }
        if (e instanceof AppError && e.code === 'unauthenticated') {
          return signInPage(req, reply, 401, { ...again, errors: { email: t.signIn.wrong } });
        }
        throw e;
      }
      // The page below belongs to the new session: its header, menu and token.
      req.user = user;
      const taken = keptRef ? await takeForm(authDeps(fastify), keptRef, user.actor.userId) : undefined;
      const kept: KeptInput | undefined = taken && localPath(taken.action) !== '/' ? { action: localPath(taken.action), pairs: taken.pairs } : undefined;
      if (kept) {
        const next = await ctxOf(req, reply);
        return send(reply, <KeptInputPage ctx={next} csrf={reply.generateCsrf()} kept={kept} startHref={startPage(user.actor.role)} />);
      }
      return reply.redirect(returnTo && returnTo !== '/' ? returnTo : startPage(user.actor.role), 303);
    }),
  );

  fastify.post('/sign-out', form, async (req, reply) => {
    await signOut(authDeps(fastify), sessionToken(req), req.user?.actor, requestMeta(req));
    clearSessionCookie(fastify, reply);
    return reply.redirect('/sign-in?notice=signed-out', 303);
  });

  // ---- Account set-up and password reset ----------------------------------------------------

  fastify.get(
    '/activate',
    hidden,
    page(async (req, reply) => {
      // The link in a staff member's e-mail carries the code: the form opens with it filled in.
      const code = queryFields(req).code ?? '';
      const values = /^[A-Za-z0-9-]{6,40}$/.test(code) ? { code } : undefined;
      return send(reply, <ActivatePage ctx={await ctxOf(req, reply)} csrf={reply.generateCsrf()} {...(values ? { values } : {})} />);
    }),
  );

  fastify.post(
    '/activate',
    form,
    page(async (req, reply) => {
      const ctx = await ctxOf(req, reply);
      const t = ctx.t;
      const f = formFields(req);
      const values = pick(f, ['code', 'email']);
      const specs: Record<string, FieldSpec> = {
        code: { label: t.activate.code },
        email: { label: t.activate.email, kind: 'email' },
        password: { label: t.activate.password, kind: 'password' },
        password2: { label: t.activate.password2, kind: 'password' },
      };
      const again = (errors: FieldErrors, status = 400) =>
        send(reply, <ActivatePage ctx={ctx} csrf={reply.generateCsrf()} values={values} errors={errors} />, status);
      const parsed = Activation.safeParse(dropEmpty(pick(f, ['code', 'email', 'password'])));
      const problems: ProblemError[] = parsed.success ? [] : issuesToErrors(parsed.error.issues);
      if ((f.password2 ?? '') === '') problems.push({ pointer: '/password2', detail: 'is required' });
      const errors = fieldErrors(t, specs, problems);
      if (errors.code && (f.code ?? '').trim() !== '') errors.code = t.activate.badCode;
      if (!errors.password && !errors.password2 && f.password !== f.password2) errors.password2 = t.form.passwordsDiffer;
      if (!parsed.success || Object.keys(errors).length > 0) return again(errors);
      try {
        await activateAccount(deps(), requestMeta(req), parsed.data);
      } catch (e) {
        if (e instanceof AppError && e.code === 'too-many-requests') return again({ code: t.activate.tooMany }, 429);
        const p = problemsOf(e);
        if (!p) throw e;
        const errs = fieldErrors(t, specs, p);
        if (errs.code) errs.code = t.activate.badCode;
        return again(errs, e instanceof AppError ? e.status : 400);
      }
      return reply.redirect('/sign-in?notice=activated', 303);
    }),
  );

  fastify.get(
    '/password-reset',
    hidden,
    page(async (req, reply) => {
      const sent = queryFields(req).sent === '1';
      return send(reply, <PasswordResetPage ctx={await ctxOf(req, reply)} csrf={reply.generateCsrf()} sent={sent} />);
    }),
  );

  fastify.post(
    '/password-reset',
    form,
    page(async (req, reply) => {
      const ctx = await ctxOf(req, reply);
      const f = formFields(req);
      const parsed = ResetRequest.safeParse({ email: (f.email ?? '').trim() });
      if (!parsed.success) {
        const errors = fieldErrors(ctx.t, { email: { label: ctx.t.reset.email, kind: 'email' } }, issuesToErrors(parsed.error.issues));
        if ((f.email ?? '').trim() === '') errors.email = ctx.t.form.required(ctx.t.reset.email);
        return send(reply, <PasswordResetPage ctx={ctx} csrf={reply.generateCsrf()} email={f.email ?? ''} errors={errors} />, 400);
      }
      const meta = requestMeta(req);
      try {
        await throttleResetRequest(deps(), meta, parsed.data.email);
      } catch (e) {
        if (!(e instanceof AppError) || e.code !== 'too-many-requests') throw e;
        return send(reply, <PasswordResetPage ctx={ctx} csrf={reply.generateCsrf()} email={f.email ?? ''} errors={{ email: ctx.t.reset.tooMany }} />, 429);
      }
      fastify.later(() => requestPasswordReset(mailDeps(), meta, parsed.data.email));
      // The same answer, equally fast, whether or not the address is known (the lookup and the mail
      // happen after it), so the form tells nobody who has an account.
      return reply.redirect('/password-reset?sent=1', 303);
    }),
  );

  fastify.get(
    '/password-reset/confirm',
    hidden,
    page(async (req, reply) => {
      const token = queryFields(req).token ?? '';
      const ok = ResetConfirm.shape.token.safeParse(token).success;
      return send(reply, <PasswordResetConfirmPage ctx={await ctxOf(req, reply)} csrf={reply.generateCsrf()} token={token} badLink={!ok} />, ok ? 200 : 400);
    }),
  );

  fastify.post(
    '/password-reset/confirm',
    form,
    page(async (req, reply) => {
      const ctx = await ctxOf(req, reply);
      const t = ctx.t;
      const f = formFields(req);
      const token = f.token ?? '';
      const again = (errors: FieldErrors, badLink = false) =>
        send(reply, <PasswordResetConfirmPage ctx={ctx} csrf={reply.generateCsrf()} token={token} errors={errors} badLink={badLink} />, 400);
      const specs: Record<string, FieldSpec> = {
        password: { label: t.activate.password, kind: 'password' },
        password2: { label: t.activate.password2, kind: 'password' },
      };
      const parsed = ResetConfirm.safeParse({ token, password: f.password ?? '' });
      const problems = parsed.success ? [] : issuesToErrors(parsed.error.issues);
      if ((f.password2 ?? '') === '') problems.push({ pointer: '/password2', detail: 'is required' });
      const errors = fieldErrors(t, specs, problems);
      if (!errors.password && !errors.password2 && f.password !== f.password2) errors.password2 = t.form.passwordsDiffer;
      const badLink = problems.some((p) => p.pointer === '/token');
      if (!parsed.success || Object.keys(errors).length > 0) return again(errors, badLink);
      try {
        await confirmPasswordReset(deps(), requestMeta(req), parsed.data.token, parsed.data.password);
      } catch (e) {
        if (problemsOf(e)?.some((p) => p.pointer === '/token')) return again({}, true);
        throw e;
      }
      return reply.redirect('/sign-in?notice=password-changed', 303);
    }),
  );

  // ---- Start pages --------------------------------------------------------------------------

  fastify.get(
    '/patients',
    hidden,
    page(async (req, reply) => {
      const u = userWith(req, CLINICIANS);
      const ctx = await ctxOf(req, reply);
      const q = queryFields(req);
      const text = (q.q ?? '').trim();
      const birthDate = (q.birthDate ?? '').trim();
      const parsed = PatientQuery.safeParse({ ...(text ? { q: text } : {}), ...(birthDate ? { birthDate: isoFromTyped(birthDate) } : {}), limit: 50 });
      const canCreate = MANAGERS.includes(u.actor.role);
      if (!parsed.success) {
        const specs = { q: { label: ctx.t.patients.q }, birthDate: { label: ctx.t.patients.birthDate, kind: 'date' as const } };
        const errors = fieldErrors(ctx.t, specs, issuesToErrors(parsed.error.issues));
        return send(reply, <PatientsPage ctx={ctx} q={text} birthDate={birthDate} results={[]} canCreate={canCreate} errors={errors} />, 400);
      }
      const results = await findPatients(deps(), u.actor, requestMeta(req), parsed.data);
      return send(reply, <PatientsPage ctx={ctx} q={text} birthDate={birthDate} results={results} canCreate={canCreate} />);
    }),
  );

  fastify.get(
    '/me',
    hidden,
    page(async (req, reply) => {
      const u = userWith(req, ['patient']);
      if (!u.actor.patientId) throw new AppError('not-found', 'No record is linked to this account.');
      const patient = await readPatient(deps(), u.actor, requestMeta(req), u.actor.patientId);
      return send(reply, <MePage ctx={await ctxOf(req, reply)} patient={patient} />);
    }),
  );

  fastify.get(
    '/care',
    hidden,
    page(async (req, reply) => {
      const u = userWith(req, ['caregiver']);
      const people = await findPatients(deps(), u.actor, requestMeta(req), { limit: 200 });
      return send(reply, <CarePage ctx={await ctxOf(req, reply)} people={people} />);
    }),
  );

  // ---- The patient record -------------------------------------------------------------------

  fastify.get(
    '/patients/new',
    hidden,
    page(async (req, reply) => {
      userWith(req, MANAGERS);
      return send(reply, <NewPatientPage ctx={await ctxOf(req, reply)} csrf={reply.generateCsrf()} />);
    }),
  );

  fastify.post(
    '/patients/new',
    form,
    page(async (req, reply) => {
      const u = requireUser(req);
      const ctx = await ctxOf(req, reply);
      const values = pick(formFields(req), PATIENT_FIELDS);
      const again = (errors: FieldErrors, status: number) =>
        send(reply, <NewPatientPage ctx={ctx} csrf={reply.generateCsrf()} values={values} errors={errors} />, status);
      const parsed = PatientInput.safeParse({ ...values, birthDate: isoFromTyped(values.birthDate) });
      if (!parsed.success) return again(fieldErrors(ctx.t, patientSpecs(ctx.t), issuesToErrors(parsed.error.issues)), 400);
      try {
        const p = await createPatient(deps(), u.actor, requestMeta(req), parsed.data);
        return reply.redirect(`/patients/${p.id}?notice=created`, 303);
      } catch (e) {
        const problems = problemsOf(e);
        if (!problems) throw e;
        return again(fieldErrors(ctx.t, patientSpecs(ctx.t), problems), e instanceof AppError ? e.status : 400);
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
    const patient = await readPatient(deps(), u.actor, requestMeta(req), id);
    const caregivers = await patientCaregivers(deps(), u.actor, requestMeta(req), id);
    const canManage = MANAGERS.includes(u.actor.role);
    // Possible duplicates: other records this clinician may see with the same date of birth.
    const duplicates = canManage
      ? (await findPatients(deps(), u.actor, requestMeta(req), { birthDate: patient.birthDate, limit: 20 })).filter((d) => d.id !== patient.id)
      : [];
    return send(
      reply,
      <PatientRecordPage
        ctx={await ctxOf(req, reply)}
        patient={patient}
        caregivers={caregivers}
        canManage={canManage}
        csrf={reply.generateCsrf()}
        duplicates={duplicates}
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
    if (!uuid.test(id)) throw new AppError('not-found', 'There is no patient with this id.');
    return id;
  };

  async function comparePage(req: FastifyRequest, reply: FastifyReply, id: string, duplicateId: string, refused = false) {
    const u = userWith(req, MANAGERS);
    if (id === duplicateId) throw new AppError('not-found', 'A record cannot be merged with itself.');
    const keep = await readPatient(deps(), u.actor, requestMeta(req), id);
    const duplicate = await readPatient(deps(), u.actor, requestMeta(req), duplicateId);
    const blocked = refused || keep.mergedInto !== null || duplicate.mergedInto !== null;
    return send(reply, <MergeComparePage ctx={await ctxOf(req, reply)} csrf={reply.generateCsrf()} keep={keep} duplicate={duplicate} refused={blocked} />, refused ? 409 : 200);
  }

  fastify.get(
    '/patients/:id/merge',
    hidden,
    page(async (req, reply) => comparePage(req, reply, patientIdOf(req).toLowerCase(), duplicateIdOf(queryFields(req).duplicateId))),
  );

  fastify.post(
    '/patients/:id/merge',
    form,
    page(async (req, reply) => {
      const u = userWith(req, MANAGERS);
      const id = patientIdOf(req).toLowerCase();
      const f = formFields(req);
      const duplicateId = duplicateIdOf(f.duplicateId);
      // Merging is confirmed on the comparison page; anything else goes there first.
      if (f.confirm !== 'yes') return reply.redirect(`/patients/${id}/merge?duplicateId=${duplicateId}`, 303);
      try {
        await mergeDuplicate(deps(), u.actor, requestMeta(req), id, duplicateId);
      } catch (e) {
        if (e instanceof AppError && (e.code === 'conflict' || e.code === 'invalid-input')) return comparePage(req, reply, id, duplicateId, true);
        throw e;
      }
      return reply.redirect(`/patients/${id}?notice=merged`, 303);
    }),
  );

  fastify.post(
    '/patients/:id/unmerge',
    form,
    page(async (req, reply) => {
      const u = userWith(req, MANAGERS);
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
    form,
    page(async (req, reply) => {
      const u = requireUser(req);
      const id = patientIdOf(req);
      const t = (await ctxOf(req, reply)).t;
      const f = formFields(req);
      const current = await readPatient(deps(), u.actor, requestMeta(req), id);
      const now = patientValues(current);
      // Only what differs is sent, so the history shows exactly what was corrected.
      const fields = PATIENT_FIELDS.filter((k) => k !== 'bsn' || 'bsn' in current);
      const typed = (k: string) => (k === 'birthDate' ? isoFromTyped(f[k]) : (f[k] ?? '').trim());
      const nowIso = { ...now, birthDate: current.birthDate.slice(0, 10) } as Record<string, string>;
      const changed = Object.fromEntries(fields.filter((k) => f[k] !== undefined && typed(k) !== nowIso[k]).map((k) => [k, k === 'birthDate' ? typed(k) : (f[k] ?? '')]));
      const values = { ...now, ...pick(f, [...fields, 'reason', 'note']) };
      const specs = { ...patientSpecs(t), reason: { label: t.record.reason, kind: 'choice' as const }, note: { label: t.record.note } };
      const again = (errors: FieldErrors, status = 400) => recordPage(req, reply, id, { correction: { values, errors } }, status);
      const parsed = PatientCorrection.safeParse({ ...changed, reason: f.reason, ...(f.note?.trim() ? { note: f.note } : {}) });
      const errors: FieldErrors = parsed.success ? {} : fieldErrors(t, specs, issuesToErrors(parsed.error.issues));
      if (Object.keys(changed).length === 0) errors.familyName = t.record.nothingChanged;
      if (!parsed.success || Object.keys(errors).length > 0) return again(errors);
      try {
        await correctPatient(deps(), u.actor, requestMeta(req), id, parsed.data);
      } catch (e) {
        const problems = problemsOf(e);
        if (!problems) throw e;
        return again(fieldErrors(t, specs, problems), e instanceof AppError ? e.status : 400);
      }
      return reply.redirect(`/patients/${id}?notice=corrected`, 303);
    }),
  );

  fastify.get(
    '/patients/:id/account',
    hidden,
    page(async (req, reply) => {
      const u = userWith(req, MANAGERS);
      const patient = await readPatient(deps(), u.actor, requestMeta(req), patientIdOf(req));
      return send(reply, <AccountFormPage ctx={await ctxOf(req, reply)} csrf={reply.generateCsrf()} patient={patient} />);
    }),
  );

  fastify.post(
    '/patients/:id/account',
    form,
    page(async (req, reply) => {
      const u = requireUser(req);
      const id = patientIdOf(req);
      const ctx = await ctxOf(req, reply);
      const t = ctx.t;
      const f = formFields(req);
      const values = pick(f, ['kind', 'displayName', 'accountEmail', 'relation', 'patientConsent']);
      const specs: Record<string, FieldSpec> = {
        kind: { label: t.record.kind, kind: 'choice' },
        displayName: { label: t.record.displayName },
        accountEmail: { label: t.record.email, kind: 'email' },
        relation: { label: t.record.relation, kind: 'choice' },
        patientConsent: { label: t.record.consentLabel, kind: 'choice' },
      };
      // The form says "accountEmail" because the correction form on the same page has an "email".
      const rename = (ps: readonly ProblemError[]) => ps.map((p) => ({ ...p, pointer: p.pointer.replace(/^\/email\b/, '/accountEmail') }));
      const again = async (errors: FieldErrors, status: number) => {
        const patient = await readPatient(deps(), u.actor, requestMeta(req), id);
        return send(reply, <AccountFormPage ctx={ctx} csrf={reply.generateCsrf()} patient={patient} values={values} errors={errors} />, status);
      };
      const kind = f.kind;
      const input =
        kind === 'caregiver'
          ? {
              kind,
              ...(f.displayName?.trim() ? { displayName: f.displayName.trim() } : {}),
              ...(f.accountEmail?.trim() ? { email: f.accountEmail.trim() } : {}),
              ...(f.relation ? { relation: f.relation } : {}),
              patientConsent: f.patientConsent === 'yes',
            }
          : { kind, ...(f.accountEmail?.trim() ? { email: f.accountEmail.trim() } : {}) };
      const parsed = NewPatientAccount.safeParse(input);
      if (!parsed.success) return again(fieldErrors(t, specs, rename(issuesToErrors(parsed.error.issues))), 400);
      // Everything the letter needs is worked out before the account exists: nothing may fail the
      // page after the account and its code were stored.
      const activateUrl = new URL('/activate', fastify.deps.config.linkBase).toString();
      try {
        const issued = await createPatientAccount(deps(), u.actor, requestMeta(req), id, parsed.data);
        const letter = {
          patientId: id,
          kind: parsed.data.kind,
          displayName: issued.displayName,
          patientName: issued.patientName,
          code: issued.activationCode,
          expiresAt: issued.expiresAt,
          activateUrl,
        };
        // Rendered, not redirected: the code exists only in this response.
        return send(reply, <LetterPage ctx={ctx} letter={letter} />, 201);
      } catch (e) {
        const problems = problemsOf(e);
        if (!problems) throw e;
        return again(fieldErrors(t, specs, rename(problems)), e instanceof AppError ? e.status : 400);
      }
    }),
  );

  fastify.get(
    '/patients/:id/access-log',
    hidden,
    page(async (req, reply) => {
      const u = requireUser(req);
      const id = patientIdOf(req);
      const rows = await patientAccessLog(deps(), u.actor, requestMeta(req), id);
      const patient = await readPatient(deps(), u.actor, requestMeta(req), id);
      return send(reply, <AccessLogPage ctx={await ctxOf(req, reply)} patient={patient} rows={rows} backHref={`/patients/${id}`} />);
    }),
  );

  fastify.get(
    '/patients/:id/history',
    hidden,
    page(async (req, reply) => {
      const u = requireUser(req);
      const id = patientIdOf(req);
      const revisions = (await patientHistory(deps(), u.actor, requestMeta(req), id)) as Revision[];
      const patient = await readPatient(deps(), u.actor, requestMeta(req), id);
      // The history stores whole columns; a BSN is shown only to whoever may see it on the record.
      return send(
        reply,
        <HistoryPage ctx={await ctxOf(req, reply)} patient={patient} revisions={revisions} showBsn={'bsn' in patient} backHref={`/patients/${id}`} />,
      );
    }),
  );

  // ---- Administration -----------------------------------------------------------------------

  async function usersPage(req: FastifyRequest, reply: FastifyReply, extra: { values?: Record<string, string>; errors?: FieldErrors; created?: boolean }, status = 200) {
    const u = requireUser(req);
    const users = await usersOfOrganisation(deps(), u.actor, requestMeta(req));
    const ctx = await ctxOf(req, reply);
    return send(reply, <UsersPage ctx={ctx} csrf={reply.generateCsrf()} organisation={u.organisationName ?? ''} users={users} {...extra} />, status);
  }

  fastify.get(
    '/admin/users',
    hidden,
    page(async (req, reply) => usersPage(req, reply, { created: queryFields(req).created === '1' })),
  );

  fastify.post(
    '/admin/users',
    form,
    page(async (req, reply) => {
      const u = requireUser(req);
      const t = (await ctxOf(req, reply)).t;
      const f = formFields(req);
      const values = pick(f, ['role', 'displayName', 'email']);
      const specs: Record<string, FieldSpec> = {
        role: { label: t.users.role, kind: 'choice' },
        displayName: { label: t.users.displayName },
        email: { label: t.users.email, kind: 'email' },
      };
      const parsed = NewClinician.safeParse({ ...pick(f, ['role', 'displayName']), email: (f.email ?? '').trim() });
      if (!parsed.success) {
        const errors = fieldErrors(t, specs, issuesToErrors(parsed.error.issues));
        if (errors.email && (f.email ?? '').trim() === '') errors.email = t.form.required(t.users.email);
        return usersPage(req, reply, { values, errors }, 400);
      }
      try {
        await createClinician(mailDeps(), u.actor, requestMeta(req), parsed.data);
      } catch (e) {
        const problems = problemsOf(e);
        if (!problems) throw e;
        return usersPage(req, reply, { values, errors: fieldErrors(t, specs, problems) }, e instanceof AppError ? e.status : 400);
      }
      return reply.redirect('/admin/users?created=1', 303);
    }),
  );

  const USER_NOTICES: Record<string, UserNotice> = { role: 'role', deactivated: 'deactivated', unlocked: 'unlocked', link: 'link' };

  async function userPage(req: FastifyRequest, reply: FastifyReply, extra: { notice?: UserNotice; errors?: FieldErrors } = {}, status = 200) {
    const u = requireUser(req);
    const id = accountIdOf(req);
    // The list is the administrator's view of their organisation (authorised and audited there).
    const user = (await usersOfOrganisation(deps(), u.actor, requestMeta(req))).find((x) => x.id === id);
    if (!user) throw new AppError('not-found', 'There is no such account in your organisation.');
    const ctx = await ctxOf(req, reply);
    return send(reply, <UserPage ctx={ctx} csrf={reply.generateCsrf()} user={user} self={user.id === u.actor.userId} {...extra} />, status);
  }

  fastify.get(
    '/admin/users/:id',
    hidden,
    page(async (req, reply) => {
      const n = USER_NOTICES[queryFields(req).done ?? ''];
      return userPage(req, reply, n ? { notice: n } : {});
    }),
  );

  const userAction = (what: string, notice: UserNotice, run: (u: SessionUser, id: string, f: Record<string, string>, meta: ReturnType<typeof requestMeta>) => Promise<unknown>) =>
    fastify.post(
      `/admin/users/:id/${what}`,
      form,
      page(async (req, reply) => {
        const u = requireUser(req);
        const id = accountIdOf(req);
        try {
          await run(u, id, formFields(req), requestMeta(req));
        } catch (e) {
          const problems = problemsOf(e);
          if (!problems) throw e;
          const t = (await ctxOf(req, reply)).t;
          const errors = fieldErrors(t, { role: { label: t.users.role, kind: 'choice' } }, problems);
          return userPage(req, reply, { errors: Object.keys(errors).length > 0 ? errors : { role: t.users.linkActive } }, e instanceof AppError ? e.status : 400);
        }
        return reply.redirect(`/admin/users/${id}?done=${notice}`, 303);
      }),
    );
  userAction('role', 'role', async (u, id, f, meta) => {
    const parsed = RoleChange.safeParse(pick(f, ['role']));
    if (!parsed.success) throw new AppError('invalid-input', 'Choose a role.', issuesToErrors(parsed.error.issues));
    await changeStaffRole(deps(), u.actor, meta, id, parsed.data.role);
  });
  userAction('deactivate', 'deactivated', (u, id, _f, meta) => deactivateStaff(deps(), u.actor, meta, id));
  userAction('unlock', 'unlocked', (u, id, _f, meta) => unlockStaff(deps(), u.actor, meta, id));
  userAction('activation-link', 'link', (u, id, _f, meta) => resendActivation(mailDeps(), u.actor, meta, id));

  fastify.get(
    '/admin/audit',
    hidden,
    page(async (req, reply) => {
      const u = requireUser(req);
      const ctx = await ctxOf(req, reply);
      const t = ctx.t;
      const q = queryFields(req);
      const query = { action: (q.action ?? '').trim(), allowed: q.allowed ?? '', from: (q.from ?? '').trim(), to: (q.to ?? '').trim() };
      const from = isoFromTyped(query.from);
      const to = isoFromTyped(query.to);
      const errors: FieldErrors = {};
      if (query.action.length > 60) errors.action = t.form.tooLong(t.audit.action);
      else if (textProblem(query.action) !== undefined) errors.action = t.form.badCharacters(t.audit.action);
      if (query.allowed !== '' && query.allowed !== 'true' && query.allowed !== 'false') errors.allowed = t.form.choose(t.audit.allowed);
      if (query.from && !isDay(from)) errors.from = t.form.date(t.audit.from);
      if (query.to && !isDay(to)) errors.to = t.form.date(t.audit.to);
      if (Object.keys(errors).length > 0) {
        // Still refuse a non-administrator before showing anything of the form's answer.
        await searchOrganisationAudit(deps(), u.actor, requestMeta(req), { limit: 1, offset: 0 });
        return send(reply, <AuditPage ctx={ctx} query={query} rows={[]} errors={errors} />, 400);
      }
      const rows = await searchOrganisationAudit(deps(), u.actor, requestMeta(req), {
        ...(query.action ? { action: query.action } : {}),
        ...(query.allowed ? { allowed: query.allowed === 'true' } : {}),
        ...(query.from ? { from: dayBound(from, false) } : {}),
        ...(query.to ? { to: dayBound(to, true) } : {}),
        limit: 200,
        offset: 0,
      });
      return send(reply, <AuditPage ctx={ctx} query={query} rows={rows} />);
    }),
  );
}
