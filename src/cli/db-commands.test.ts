// `botpad audit verify` on both stores: it seals everything still waiting (more than one sealer
// batch here) and then checks the whole chain.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { migrate, openStore } from '../store/db.js';
import { writeAudit, type AuditEntry } from '../store/audit.repo.js';
import { emptyPgDatabase, STORE_KINDS } from '../store/testing/stores.js';
import { runAudit } from './db-commands.js';

const entry = (i: number): AuditEntry => ({
  userId: null, role: 'nurse', organisationId: null, action: 'patient.read', resource: 'patient', patientId: null,
  allowed: true, reason: `read ${String(i)}`, requestId: null, clientIp: '10.0.0.1',
});

describe.each(STORE_KINDS)('botpad audit verify on %s', (kind) => {
  const saved = { ...process.env };
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    process.env = { ...saved };
    vi.restoreAllMocks();
    for (const c of cleanup.splice(0)) await c();
  });

  it('seals a long backlog, checks the chain and says how long it is', async () => {
    const env: Record<string, string> = { BOTPAD_LOG_LEVEL: 'silent' };
    if (kind === 'postgres') {
      const db = await emptyPgDatabase();
      cleanup.push(db.drop);
      env.DATABASE_URL = db.url;
    } else {
      const dir = mkdtempSync(path.join(tmpdir(), 'botpad-cli-'));
      cleanup.push(async () => rmSync(dir, { recursive: true, force: true }));
      env.BOTPAD_DATA_DIR = path.join(dir, 'data');
    }
    const store = await openStore({ databaseUrl: env.DATABASE_URL, dataDir: env.BOTPAD_DATA_DIR });
    try {
      await migrate(store.db);
      for (let i = 0; i < 2500; i += 500) await writeAudit(store.db, Array.from({ length: 500 }, (_, k) => entry(i + k)));
    } finally {
      await store.close();
    }
    Object.assign(process.env, env);
    let out = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => {
      out += String(s);
      return true;
    });
    expect(await runAudit(['verify'])).toBe(0);
    expect(out).toBe('Audit log intact: 2500 entries in the chain.\n');
  });

  it('says how to use it when the subcommand is wrong', async () => {
    let err = '';
    vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => {
      err += String(s);
      return true;
    });
    expect(await runAudit(['check'])).toBe(1);
    expect(err).toContain('Usage: botpad audit verify');
  });
});
