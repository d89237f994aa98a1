// Wires config, store and server: the only module that knows all the parts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Config } from './config.js';
import { migrate, openStore, type Store } from './store/db.js';
import { buildApp, PACKAGE_ROOT, type AppDeps } from './api/app.js';
import { htmlError, registerWebRoutes } from './web/routes.js';
import { seedDemo } from './services/seed.js';
import { startAuditSealing } from './services/audit.js';
import { auditorFor } from './services/auditor.js';
import { startWorklistDays } from './services/worklist-schedule.js';

export function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

export interface Running {
  app: FastifyInstance;
  store: Store;
  url: string;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Print progress lines (the CLI does; tests do not). */
  say?: (line: string) => void;
}

/** The whole HTTP server (API and pages) over an open store, not yet listening. */
export async function buildServer(config: Config, store: Store, opts: Pick<AppDeps, 'logStream'> = {}): Promise<FastifyInstance> {
  const app = await buildApp({ config, store, version: packageVersion(), ...opts });
  app.deps.htmlError = htmlError(app);
  registerWebRoutes(app);
  await app.ready();
  return app;
}

/** How often the audit sealer links new entries into the chain. */
const SEAL_EVERY_MS = 2_000;

/**
 * Opens (and migrates) the store, loads demo data when asked, starts listening and starts the
 * audit sealer. `stop()` undoes it in order: no new requests (and their audit entries), then the
 * sealer's last round and the anchor, then the store.
 */
export async function startServer(config: Config, opts: StartOptions = {}): Promise<Running> {
  const say = opts.say ?? (() => undefined);
  const store = await openStore({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    prepare: config.pgPrepare,
    poolSize: config.pgPoolSize,
    onLockCompromised: (e) => say(`Warning: the data-directory lock was disturbed (${e.message}).`),
    backup: true,
    onBackup: (b) => {
      if (b.kind === 'copied') say(`Safety copy of the database made: ${b.path}`);
      // Starting anyway: reads keep working on a nearly full disk, and the operator is told.
      else if (b.kind === 'skipped') say(`Warning: no safety copy of the database made: ${b.reason}. Free disk space (see README, "A full disk").`);
    },
  });
  try {
    const { applied } = await migrate(store.db);
    if (applied.length > 0) say(`Database migrated (${applied.join(', ')}) on ${store.kind}.`);
    if (config.demo && (await seedDemo(store.db))) say('Demo data loaded (made-up people only).');
    const app = await buildServer(config, store);
    await app.listen({ port: config.port, host: config.host });
    const addr = app.server.address();
    const port = typeof addr === 'object' && addr ? addr.port : config.port;
    const host = config.host.includes(':') ? `[${config.host}]` : config.host;
    const url = `http://${host}:${String(port)}/`;
    const stopSealing = config.audit
      ? startAuditSealing({ db: store.db, everyMs: SEAL_EVERY_MS, anchorFile: config.auditAnchorFile, log: app.log })
      : () => Promise.resolve();
    // The worklist follows the date: a day missed while Botpad was down is caught up now, in the background.
    const days = startWorklistDays({ db: store.db, auditor: auditorFor(config.audit), log: app.log });
    let stopped = false;
    return {
      app,
      store,
      url,
      async stop() {
        if (stopped) return;
        stopped = true;
        try {
          await app.close();
        } finally {
          await days.stop();
          await stopSealing();
          await store.close();
        }
      },
    };
  } catch (e) {
    await store.close();
    throw e;
  }
}
