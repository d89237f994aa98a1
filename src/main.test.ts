// The audit sealer is a service of the process: `startServer` starts it and `stop()` ends it after
// the HTTP server, with a last round, so the anchor file holds the newest link of every entry
// written while the server ran. Building the HTTP app alone seals nothing.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { startServer } from './main.js';
import { openStore } from './store/db.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo/demo-data.js';
import { testApp, signInApi } from './api/testing/test-app.js';
import { buildFixture, PASSWORD } from './api/testing/fixture.js';

describe('the audit sealer as a service', () => {
  it('is started by startServer and seals everything before stop() returns', { timeout: 90_000 }, async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'botpad-main-'));
    const anchorFile = path.join(dir, 'audit-anchor');
    const config = loadConfig({
      BOTPAD_LOG_LEVEL: 'silent', BOTPAD_DATA_DIR: path.join(dir, 'data'), BOTPAD_AUDIT_ANCHOR_FILE: anchorFile, BOTPAD_OUTBOX_DIR: path.join(dir, 'outbox'),
      BOTPAD_DEMO: '1', PORT: '0', HOST: '127.0.0.1',
    });
    try {
      const running = await startServer(config);
      const account = DEMO_ACCOUNTS[0];
      const res = await running.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: account?.email, password: DEMO_PASSWORD } });
      expect(res.statusCode).toBe(200);
      await running.stop();
      const anchor = JSON.parse(readFileSync(anchorFile, 'utf8')) as { seq: number; hash: string };
      const store = await openStore({ dataDir: config.dataDir });
      try {
        const events = await store.db.selectFrom('audit_event').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
        const head = await store.db.selectFrom('audit_seal').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
        expect(Number(events.n)).toBeGreaterThan(0);
        expect(Number(head.seq)).toBe(Number(events.n));
        expect(anchor).toMatchObject({ seq: Number(head.seq), hash: head.hash });
      } finally {
        await store.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is not started by the HTTP app: closing it leaves the entries unsealed', async () => {
    const t = await testApp('pglite');
    try {
      await buildFixture(t.store.db);
      expect((await signInApi(t, 'nurse@fixture.test', PASSWORD)).statusCode).toBe(200);
      await t.app.close();
      expect(await t.store.db.selectFrom('audit_event').select('id').execute()).not.toEqual([]);
      expect(await t.store.db.selectFrom('audit_seal').select('seq').execute()).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
