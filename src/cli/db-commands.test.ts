// `botpad audit verify` on both stores: it seals everything still waiting (more than one sealer
// batch here) and then checks the whole chain.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { migrate, openStore } from '../store/db.js';
import { sql } from 'kysely';
import { verifyAudit, writeAudit, type AuditEntry } from '../store/audit.repo.js';
import { emptyPgDatabase, STORE_KINDS } from '../store/testing/stores.js';
import { runAudit, runSeed } from './db-commands.js';

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

  /** A fresh database of this kind, and an anchor file of this test's own. */
  async function setUp(): Promise<Record<string, string>> {
    const dir = mkdtempSync(path.join(tmpdir(), 'botpad-cli-'));
    cleanup.push(async () => rmSync(dir, { recursive: true, force: true }));
    const env: Record<string, string> = { BOTPAD_LOG_LEVEL: 'silent', BOTPAD_AUDIT_ANCHOR_FILE: path.join(dir, 'anchor') };
    if (kind === 'postgres') {
      const db = await emptyPgDatabase();
      cleanup.push(db.drop);
      env.DATABASE_URL = db.url;
    } else {
      env.BOTPAD_DATA_DIR = path.join(dir, 'data');
    }
    return env;
  }

  function captureStdout(): { text: () => string } {
    let out = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => {
      out += String(s);
      return true;
    });
    return { text: () => out };
  }

  it('finds the newest entries cut off the end of the chain, by the anchor kept outside the database', async () => {
    const env = await setUp();
    const open = () => openStore({ databaseUrl: env.DATABASE_URL, dataDir: env.BOTPAD_DATA_DIR });
    let store = await open();
    try {
      await migrate(store.db);
      await writeAudit(store.db, Array.from({ length: 10 }, (_, k) => entry(k)));
    } finally {
      await store.close();
    }
    Object.assign(process.env, env);
    const out = captureStdout();
    expect(await runAudit(['verify'])).toBe(0);
    expect(JSON.parse(readFileSync(env.BOTPAD_AUDIT_ANCHOR_FILE ?? '', 'utf8'))).toMatchObject({ seq: 10 });
    expect(await runAudit(['verify'])).toBe(0);
    expect(out.text()).toContain('It reaches the anchored link 10.');

    // Someone with superuser rights switches the guards off and removes the three newest entries
    // with their links: what is left is a perfect chain of 7.
    store = await open();
    try {
      await sql`alter table audit_seal disable trigger audit_seal_append_only`.execute(store.db);
      await sql`alter table audit_event disable trigger audit_event_append_only`.execute(store.db);
      const cut = await store.db.selectFrom('audit_seal').select('event_id').where('seq', '>', '7').execute();
      await store.db.deleteFrom('audit_seal').where('seq', '>', '7').execute();
      await store.db.deleteFrom('audit_event').where('id', 'in', cut.map((c) => c.event_id)).execute();
      await sql`alter table audit_seal enable trigger audit_seal_append_only`.execute(store.db);
      await sql`alter table audit_event enable trigger audit_event_append_only`.execute(store.db);
      expect(await verifyAudit(store.db)).toMatchObject({ ok: true, sealed: 7 });
    } finally {
      await store.close();
    }
    const after = captureStdout();
    expect(await runAudit(['verify'])).toBe(3);
    expect(after.text()).toContain('Audit log BROKEN: the chain ends at link 7, but link 10 was sealed before: the newest entries were removed');

    // New entries sealed over the gap make a chain as long as before, but not the same one.
    store = await open();
    try {
      await writeAudit(store.db, Array.from({ length: 5 }, (_, k) => entry(100 + k)));
    } finally {
      await store.close();
    }
    const rebuilt = captureStdout();
    expect(await runAudit(['verify'])).toBe(3);
    expect(rebuilt.text()).toContain('link 10 is not the one sealed before');
    // A broken chain never moves the anchor on.
    expect(JSON.parse(readFileSync(env.BOTPAD_AUDIT_ANCHOR_FILE ?? '', 'utf8'))).toMatchObject({ seq: 10 });
  });

  it('seals a long backlog, checks the chain and says how long it is', async () => {
    const env = await setUp();
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

  it('seeds made-up patients with their records up to the day asked, and refuses a day that does not exist', async () => {
    const env = await setUp();
    Object.assign(process.env, env);
    let err = '';
    vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => {
      err += String(s);
      return true;
    });
    expect(await runSeed(['--patients', '5', '--as-of', '2026-02-30'])).toBe(1);
    expect(err).toContain('--as-of must be a date (YYYY-MM-DD): does not exist');
    const out = captureStdout();
    expect(await runSeed(['--patients', '12', '--seed', '3', '--as-of', '2026-03-31'])).toBe(0);
    expect(out.text()).toMatch(/^Added 12 synthetic patients with \d+ facts, \d+ signed assessments and \d+ ends of care \(seed 3, up to 2026-03-31\) in /);
    const store = await openStore({ databaseUrl: env.DATABASE_URL, dataDir: env.BOTPAD_DATA_DIR });
    try {
      const r = await sql<{ latest: string; patients: number }>`select max(clinical_date)::text as latest, count(distinct patient_id)::int as patients from clinical_entry`.execute(store.db);
      expect(r.rows[0]?.latest).toBeDefined();
      expect((r.rows[0]?.latest ?? '') < '2026-03-31').toBe(true);
      expect(r.rows[0]?.patients).toBeGreaterThan(0);
    } finally {
      await store.close();
    }
  });
});
