// Configuration: one zod schema for BOTPAD_* and DATABASE_URL, parsed once at start-up and passed
// in. Every setting has a default and a description; the defaults give the embedded demo. All
// errors are listed at once so an operator fixes them in one go.
import { isIP } from 'node:net';
import { z } from 'zod';

/** One address or CIDR range (10.0.0.0/8, fd00::/8), as Fastify's trustProxy takes them. */
function isAddressOrRange(v: string): boolean {
  const [addr = '', bits, ...rest] = v.split('/');
  const kind = isIP(addr);
  if (kind === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (kind === 4 ? 32 : 128);
}

const boolish = z
  .enum(['0', '1', 'true', 'false'])
  .transform((v) => v === '1' || v === 'true');

export const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000).describe('TCP port to listen on'),
  HOST: z.string().min(1).default('127.0.0.1').describe('Address to listen on'),
  BOTPAD_DATA_DIR: z.string().min(1).default('./.data').describe('PGlite data directory (embedded mode)'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional()
    .describe('PostgreSQL 15 connection string; when set, PGlite is not used'),
  BOTPAD_DEMO: boolish.optional().describe('Load demo data on first start (default: on for PGlite, off for PostgreSQL)'),
  BOTPAD_PUBLIC_URL: z
    .url()
    .optional()
    .describe('Public address; https turns on Secure cookies and HSTS'),
  BOTPAD_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BOTPAD_HELP_PHONE: z.string().min(3).max(40).default('088 123 45 67').describe('Help-desk phone number shown on every page'),
  BOTPAD_BODY_LIMIT: z.coerce.number().int().min(1024).max(50_000_000).default(1_000_000).describe('Largest request body, bytes'),
  BOTPAD_REQUEST_TIMEOUT_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(600)
    .default(30)
    .describe('A request (headers and body) must arrive within this many seconds, else 408'),
  BOTPAD_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(20).describe('Sign-out after this many idle minutes'),
  BOTPAD_OUTBOX_DIR: z.string().min(1).optional().describe('Directory where outgoing e-mail is written (default: <data dir>.outbox)'),
  BOTPAD_PG_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10).describe('PostgreSQL: connections this process keeps open at most'),
  BOTPAD_PG_PREPARE: boolish
    .default(true)
    .describe('PostgreSQL: prepare often-used statements on the server; 0 behind a pooler in transaction mode'),
  BOTPAD_TRUST_PROXY: z
    .string()
    .transform((v) => v.split(',').map((x) => x.trim()).filter((x) => x !== ''))
    .check((ctx) => {
      const bad = ctx.value.filter((x) => !isAddressOrRange(x));
      if (bad.length > 0 || ctx.value.length === 0) {
        ctx.issues.push({ code: 'custom', input: ctx.value, message: `must list proxy addresses or CIDR ranges, comma-separated (not: ${bad.join(', ') || 'nothing'})` });
      }
    })
    .optional()
    .describe('Reverse proxies whose X-Forwarded-* headers are believed (addresses or CIDR ranges, comma-separated); none by default'),
  BOTPAD_AUDIT_ANCHOR_FILE: z.string().min(1).optional().describe('File where the newest audit chain link is written (default: <data dir>.audit-anchor)'),
  BOTPAD_AUDIT: boolish.default(true).describe('Write audit entries (only a benchmark build turns this off)'),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  demo: boolean;
  publicUrl: string | undefined;
  /** Where links in mail and letters point: BOTPAD_PUBLIC_URL, else the configured HOST and PORT. */
  linkBase: string;
  /** Proxies whose forwarded headers are believed; false: none (the client is the socket's peer). */
  trustProxy: string[] | false;
  auditAnchorFile: string;
  secure: boolean;
  logLevel: z.infer<typeof ConfigSchema>['BOTPAD_LOG_LEVEL'];
  helpPhone: string;
  bodyLimit: number;
  requestTimeoutSeconds: number;
  sessionIdleMinutes: number;
  audit: boolean;
  pgPrepare: boolean;
  pgPoolSize: number;
  outboxDir: string;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super('Invalid configuration:\n' + problems.map((p) => '  - ' + p).join('\n'));
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: Record<string, string | undefined>): Config {
  const picked: Record<string, string> = {};
  for (const key of Object.keys(ConfigSchema.shape)) {
    const v = env[key];
    if (v !== undefined && v !== '') picked[key] = v;
  }
  const r = ConfigSchema.safeParse(picked);
  if (!r.success) {
    throw new ConfigError(r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const c = r.data;
  const embedded = c.DATABASE_URL === undefined;
  return {
    port: c.PORT,
    host: c.HOST,
    dataDir: c.BOTPAD_DATA_DIR,
    databaseUrl: c.DATABASE_URL,
    demo: c.BOTPAD_DEMO ?? embedded,
    publicUrl: c.BOTPAD_PUBLIC_URL,
    linkBase: c.BOTPAD_PUBLIC_URL ?? configuredOrigin(c.HOST, c.PORT),
    trustProxy: c.BOTPAD_TRUST_PROXY ?? false,
    auditAnchorFile: c.BOTPAD_AUDIT_ANCHOR_FILE ?? c.BOTPAD_DATA_DIR.replace(/\/+$/, '') + '.audit-anchor',
    secure: c.BOTPAD_PUBLIC_URL?.startsWith('https://') ?? false,
    logLevel: c.BOTPAD_LOG_LEVEL,
    helpPhone: c.BOTPAD_HELP_PHONE,
    bodyLimit: c.BOTPAD_BODY_LIMIT,
    requestTimeoutSeconds: c.BOTPAD_REQUEST_TIMEOUT_SECONDS,
    sessionIdleMinutes: c.BOTPAD_SESSION_IDLE_MINUTES,
    audit: c.BOTPAD_AUDIT,
    pgPrepare: c.BOTPAD_PG_PREPARE,
    pgPoolSize: c.BOTPAD_PG_POOL_SIZE,
    outboxDir: c.BOTPAD_OUTBOX_DIR ?? c.BOTPAD_DATA_DIR.replace(/\/+$/, '') + '.outbox',
  };
}

/**
 * The address Botpad listens on, as a link: never the Host header of a request, which whoever sends
 * the request chooses. A wildcard address is not a place to link to, so it becomes localhost.
 */
function configuredOrigin(host: string, port: number): string {
  const h = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${h}${port === 80 ? '' : `:${String(port)}`}`;
}
