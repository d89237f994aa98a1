// The HTTP server: Fastify with zod-typed routes, OpenAPI 3.1, security headers, problem+json for
// every error, and health checks. Web pages register themselves on the same instance (src/web),
// so one process serves both; any process can serve any request because all state is in the store.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, {
  LogController,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from '../config.js';
import type { Store } from '../services/store-errors.js';
import { toProblem } from './problem-mapping.js';
import { zodValidatorCompiler } from './validation.js';
import { registerBodyParsers } from './body-parsers.js';
import { safeError } from './log-safety.js';
import { applyTimeouts, clientErrorHandler, frameworkErrors, timeouts } from './transport.js';
import { registerHealthRoutes } from './routes/health.route.js';
import { registerMetaRoutes } from './routes/meta.route.js';
import { AppError } from '../schema/problem.js';
import { DemoFlag } from '../services/demo-flag.js';
import csrf from '@fastify/csrf-protection';
import { FileOutbox, type Mailer } from '../services/mail.js';
import { sharedSecret } from '../services/secrets.js';
import { registerAuth } from './auth.js';
import { registerSessionRoutes } from './routes/session.route.js';
import { registerPatientRoutes } from './routes/patients.route.js';
import { registerAdminRoutes } from './routes/admin.route.js';
import { registerClinicalRoutes } from './routes/clinical.route.js';
import { registerSettingsRoutes } from './routes/settings.route.js';
import { registerRecordRoutes } from './routes/record.route.js';
import { registerWorklistRoutes } from './routes/worklist.route.js';
import { registerQualityRoutes } from './routes/quality.route.js';
import { registerLogisticsRoutes } from './routes/logistics.route.js';
import { registerDiaryRoutes } from './routes/diary.route.js';
import { registerTherapyIntakeRoutes } from './routes/therapy-intake.route.js';
import { registerTherapyMeasurementRoutes } from './routes/therapy-measurement.route.js';
import { registerTherapyProgressRoutes } from './routes/therapy-progress.route.js';
import { registerChildProfileRoutes } from './routes/child-profile.route.js';
import { registerLoadingRoutes } from './routes/loading.route.js';
import { registerChildAidsRoutes } from './routes/child-aids.route.js';
import { registerMedicationRoutes } from './routes/medication.route.js';
import { registerFollowUpRoutes } from './routes/follow-up.route.js';
import { registerDecisionRoutes } from './routes/decision.route.js';
import { registerCaregiverInviteRoutes } from './routes/caregiver-invites.route.js';
import { registerCalendarRoutes } from './routes/calendar.route.js';
import { registerReferralRoutes } from './routes/referral.route.js';
import { registerMeasureDueRoutes } from './routes/measure-due.route.js';
import { registerCoachingRoutes } from './routes/coaching.route.js';
import { registerExercisePlanRoutes } from './routes/exercise-plan.route.js';
import { registerGroupRoutes } from './routes/groups.route.js';

export type App = FastifyInstance;
export type { ZodApp } from './types.js';

export interface AppDeps {
  config: Config;
  store: Store;
  /** Renders an HTML error page for browser requests (supplied by the web layer). */
  htmlError?: (req: FastifyRequest, reply: FastifyReply, status: number) => string;
  version?: string;
  mailer?: Mailer;
  /** Where the log goes (default: standard output); tests read it back. */
  logStream?: { write(line: string): void };
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
    demoFlag: DemoFlag;
    mailer: Mailer;
    /**
     * Runs work after the answer has gone (its failure is logged, never thrown); closing the server
     * waits for it. For answers that must not tell by their timing what the work found.
     */
    later(work: () => Promise<void>): void;
  }
}

/** Letters, digits and . _ : - only, at most 100: nothing that can forge a log line or an audit field. */
export function acceptedRequestId(v: string | string[] | undefined): string | undefined {
  return typeof v === 'string' && /^[A-Za-z0-9._:-]{1,100}$/.test(v) ? v : undefined;
}

export const PACKAGE_ROOT = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));

function wantsHtml(req: FastifyRequest): boolean {
  // The matched route, where there is one: /%61pi/… is an API route too.
  const url = req.routeOptions.url ?? req.url;
  if (url.startsWith('/api/docs')) return true;
  if (url.startsWith('/api/') || url.startsWith('/health/')) return false;
  const accept = req.headers.accept ?? '';
  return accept.includes('text/html') || accept === '' || accept.includes('*/*');
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Whether the route that matched is part of the JSON API (not its HTML documentation page). */
function isApiRoute(req: FastifyRequest): boolean {
  const route = req.routeOptions.url;
  return route !== undefined && route.startsWith('/api/') && route !== '/api/docs';
}

/** "application/json; charset=utf-8" → "application/json". */
function mediaType(v: string | undefined): string {
  return (v ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/**
 * A browser says where a request comes from: a change sent from another site (a form or script that
 * would ride on the visitor's cookies, or sign them into someone else's account) is refused. Clients
 * that are not browsers send neither header and are judged by their credentials alone.
 */
function refuseCrossSite(req: FastifyRequest, publicHost: string | undefined): void {
  const site = req.headers['sec-fetch-site'];
  const origin = req.headers.origin;
  let foreign = site === 'cross-site';
  if (!foreign && origin !== undefined && site !== 'same-origin') {
    let host: string | undefined;
    try {
      host = origin === 'null' ? undefined : new URL(origin).host;
    } catch {
      host = undefined;
    }
    const own = publicHost === undefined ? [req.host] : [req.host, publicHost];
    foreign = host === undefined || !own.includes(host);
  }
  if (foreign) throw new AppError('forbidden', 'Changes are accepted only from Botpad\'s own pages.');
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config } = deps;
  const limits = timeouts(config.requestTimeoutSeconds);
  const app = Fastify({
    logger:
      config.logLevel === 'silent'
        ? false
        : {
            level: config.logLevel,
            // Health data never reaches the log: no bodies, and identifying headers are redacted.
            redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
            // Errors by an allow-list of fields: a database error's detail and parameters hold the row.
            serializers: { err: safeError, error: safeError },
            ...(deps.logStream ? { stream: deps.logStream } : {}),
          },
    bodyLimit: config.bodyLimit,
    requestTimeout: limits.requestTimeout,
    connectionTimeout: limits.connectionTimeout,
    keepAliveTimeout: limits.keepAliveTimeout,
    http: { connectionsCheckingInterval: limits.connectionsCheckingInterval },
    clientErrorHandler,
    frameworkErrors,
    // Forwarded headers are believed only from the proxies named in BOTPAD_TRUST_PROXY; otherwise
    // anyone could choose the client address the audit records.
    trustProxy: config.trustProxy,
    // A request id a caller sends is kept only when it is short and plain (it goes into the audit
    // and the log); otherwise Botpad makes its own.
    requestIdHeader: false,
    genReqId: (raw) => acceptedRequestId(raw.headers['x-request-id']) ?? randomUUID(),
    // Request lines only at debug level: URLs can name a patient's record.
    logController: new LogController({ disableRequestLogging: config.logLevel !== 'debug' && config.logLevel !== 'trace' }),
    routerOptions: { ignoreTrailingSlash: true },
  });
  applyTimeouts(app.server, limits);
  app.decorate('deps', deps);
  app.decorate('demoFlag', new DemoFlag(deps.store.db));
  app.decorate('mailer', deps.mailer ?? new FileOutbox(config.outboxDir));
  const pending = new Set<Promise<void>>();
  app.decorate('later', (work: () => Promise<void>) => {
    const p: Promise<void> = Promise.resolve()
      .then(work)
      .catch((err: unknown) => app.log.error({ err }, 'background work failed'))
      .finally(() => pending.delete(p));
    pending.add(p);
  });
  app.addHook('onClose', async () => {
    await Promise.all([...pending]);
  });
  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        ...(config.secure ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    // HSTS only when Botpad is served over https: on plain-HTTP localhost it would break access.
    strictTransportSecurity: config.secure ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
  });
  // Signing secret shared by every process (kept in the store), so any process can check a cookie.
  await app.register(cookie, { secret: await sharedSecret(deps.store.db, 'cookie-secret') });
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: 'botpad_csrf',
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'lax', secure: config.secure, signed: true },
    getToken: (req) => (req.body as Record<string, string> | undefined)?._csrf ?? (req.headers['x-csrf-token'] as string | undefined),
  });
  registerBodyParsers(app, config.bodyLimit);
  await app.register(fastifyStatic, {
    root: path.join(PACKAGE_ROOT, 'public'),
    prefix: '/assets/',
    maxAge: '1h',
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Botpad API',
        version: deps.version ?? '0.1.0',
        description:
          'JSON API of Botpad, the osteoporosis care pathway. Every error is application/problem+json (RFC 9457); ' +
          'invalid input lists each bad field as { pointer, detail }.',
      },
      servers: [{ url: '/' }],
      tags: [
        { name: 'health', description: 'Liveness and readiness for load balancers' },
        { name: 'meta', description: 'About this installation' },
        { name: 'session', description: 'Sign in and out' },
        { name: 'patients', description: 'The patient record (every access is authorised and audited)' },
        { name: 'caregivers', description: "Caregivers' links: the patient's consent, recorded and withdrawn" },
        { name: 'accounts', description: 'Account activation and password reset' },
        { name: 'admin', description: 'Users and the audit log of your organisation' },
        { name: 'clinical', description: 'The clinical core: rules and evaluation' },
        { name: 'record', description: "The clinical record: facts with their history, the Case and its evaluation, signed assessments, the end of care" },
        { name: 'calendar', description: "The patient's calendar feed: a private link, the reminder choices, the feed itself (text/calendar)" },
        { name: 'follow-up', description: 'Follow-up contacts after the start of treatment, the GP hand-over letter and the dentist\'s card, kept in the record' },
        { name: 'referral', description: 'Referrals to a physiotherapy practice: waiting, accepted, declined, ended; acceptance opens the record to the practice' },
        { name: 'coaching', description: "The practice's home safety check, lifestyle coaching and referral letter to a dietitian (physiotherapists of a practice with an accepted referral write; the record's readers read)" },
        { name: 'exercise therapy', description: "The practice's exercise plan (versions, the core's safety warnings) and the patient's home programme" },
        { name: 'children', description: "A day centre's child: the bone-health profile, growth and earlier fractures, the vitamin D doses given" },
        { name: 'children', description: 'A day centre\'s children: the aids and their checks, fracture signals from parents and staff and what followed' },
      ],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });

  app.setErrorHandler((err, req, reply) => {
    const p = toProblem(err, req.url.split('?')[0]);
    // An outage (503) is the database's state, not a fault of this request: one line each, no stack,
    // so a restart of PostgreSQL does not bury the log in traces.
    if (p.status === 503) req.log.warn({ status: 503, detail: p.detail }, 'request refused: service unavailable');
    else if (p.status >= 500) req.log.error({ err }, 'request failed');
    if (p.status === 429 || p.status === 503) {
      // A lock-out says when it ends; other refusals ask for a short pause.
      const at = err instanceof AppError ? err.retryAt : undefined;
      reply.header('retry-after', at ? String(Math.max(1, Math.ceil((at.getTime() - Date.now()) / 1000))) : '5');
    }
    if (wantsHtml(req) && deps.htmlError && p.status !== 400 && p.status !== 413) {
      return reply.status(p.status).type('text/html; charset=utf-8').send(deps.htmlError(req, reply, p.status));
    }
    return reply.status(p.status).type('application/problem+json').send(JSON.stringify(p));
  });
  app.setNotFoundHandler((req, reply) => {
    if (wantsHtml(req) && deps.htmlError) {
      return reply.status(404).type('text/html; charset=utf-8').send(deps.htmlError(req, reply, 404));
    }
    const p = toProblem(new AppError('not-found', `Nothing here: ${req.method} ${req.url.split('?')[0]}`), req.url.split('?')[0]);
    return reply.status(404).type('application/problem+json').send(JSON.stringify(p));
  });

  // The JSON API takes JSON only: a cross-site HTML form cannot send it, which is the API's CSRF
  // defence (pages use tokens instead). Decided on the route that matched, before the body is read:
  // the raw URL has other spellings (/%61pi/…) that reach the same route.
  // Parsed once: the hook runs on every request.
  const publicHost = config.publicUrl === undefined ? undefined : new URL(config.publicUrl).host;
  app.addHook('onRequest', async (req) => {
    const unsafe = !SAFE_METHODS.has(req.method);
    if (unsafe) refuseCrossSite(req, publicHost);
    if (!isApiRoute(req)) return;
    const type = req.headers['content-type'];
    const hasBody = type !== undefined || (req.headers['content-length'] ?? '0') !== '0' || req.headers['transfer-encoding'] !== undefined;
    if (hasBody && mediaType(type) !== 'application/json') throw new AppError('unsupported-media-type', 'Send the body as application/json.');
  });
  // Answers of the API and pages of a signed-in person can carry health data: no cache keeps them.
  app.addHook('onSend', async (req, reply) => {
    if (isApiRoute(req) || req.url.startsWith('/api/') || req.user) reply.header('cache-control', 'no-store');
  });
  registerAuth(app);
  const typed = app.withTypeProvider<ZodTypeProvider>();
  registerHealthRoutes(typed);
  registerMetaRoutes(typed);
  registerSessionRoutes(typed);
  registerPatientRoutes(typed);
  registerAdminRoutes(typed);
  registerClinicalRoutes(typed);
  registerSettingsRoutes(typed);
  registerRecordRoutes(typed);
  registerWorklistRoutes(typed);
  registerQualityRoutes(typed);
  registerLogisticsRoutes(typed);
  registerMedicationRoutes(typed);
  registerFollowUpRoutes(typed);
  registerDecisionRoutes(typed);
  registerCaregiverInviteRoutes(typed);
  registerCalendarRoutes(typed);
  registerDiaryRoutes(typed);
  registerChildProfileRoutes(typed);
  registerLoadingRoutes(typed);
  registerReferralRoutes(typed);
  registerCoachingRoutes(typed);
  registerExercisePlanRoutes(typed);
  registerTherapyIntakeRoutes(typed);
  registerTherapyMeasurementRoutes(typed);
  registerGroupRoutes(typed);
  registerChildAidsRoutes(typed);
  registerMeasureDueRoutes(typed);
  registerTherapyProgressRoutes(typed);
  typed.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());
  return app;
}
