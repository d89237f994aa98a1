// A complete Botpad server over a fresh store, driven through Fastify's inject (no socket).
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../config.js';
import { buildServer } from '../../main.js';
import type { Store, StoreKind } from '../../store/db.js';
import { freshStore } from '../../store/testing/stores.js';
import { PASSWORD, type Fixture } from './fixture.js';

export interface TestApp {
  app: FastifyInstance;
  store: Store;
  close(): Promise<void>;
}

export async function testApp(kind: StoreKind, env: Record<string, string> = {}, opts: { logStream?: { write(line: string): void } } = {}): Promise<TestApp> {
  const store = await freshStore(kind);
  // Mail and the audit anchor go to a directory of this test's own, never into the checkout.
  const scratch = mkdtempSync(path.join(tmpdir(), 'botpad-test-'));
  const config = loadConfig({
    BOTPAD_LOG_LEVEL: 'silent', BOTPAD_OUTBOX_DIR: path.join(scratch, 'outbox'), BOTPAD_AUDIT_ANCHOR_FILE: path.join(scratch, 'audit-anchor'), ...env,
  });
  const app = await buildServer(config, store, opts);
  return {
    app,
    store,
    async close() {
      await app.close();
      await store.close();
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}

/** The session cookie a sign-in answer set, as a Cookie header value. */
export function sessionCookie(res: { cookies: { name: string; value: string }[] }): string {
  return `botpad_session=${res.cookies.find((c) => c.name === 'botpad_session')?.value ?? ''}`;
}

/** Signs in through the API (from client address `ip`, when given) and returns the answer (status, cookies). */
export function signInApi(t: TestApp, email: string, password: string, ip?: string) {
  return t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password }, ...(ip ? { remoteAddress: ip } : {}) });
}

/** Signs in each of `roles` of the fixture through the API and keeps their session cookies in `jar`. */
export async function signInRoles(t: TestApp, f: Fixture, roles: readonly (keyof Fixture['users'])[], jar: Record<string, string>): Promise<void> {
  for (const role of roles) jar[role] = sessionCookie(await signInApi(t, f.users[role].email, PASSWORD));
}

/**
 * `call(method, url, as, body?, requestId?)`: a JSON request through the app as the account signed
 * in under `as` in `jar` (the app read when called: tests build it in beforeAll).
 */
export function jsonCaller(app: () => TestApp, jar: Record<string, string>) {
  return (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, as: string, body?: unknown, requestId: string = randomUUID()) =>
    app().app.inject({
      method, url,
      headers: { cookie: jar[as] ?? '', 'x-request-id': requestId, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });
}
