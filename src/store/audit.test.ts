import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { freshStore, STORE_KINDS } from './testing/stores.js';
import type { Store } from './db.js';
import { sealAudit, verifyAudit, writeAudit, type AuditEntry } from './audit.repo.js';

const entry = (i: number): AuditEntry => ({
  userId: null, role: 'nurse', organisationId: null, action: 'patient.read', resource: 'patient', patientId: null,
  allowed: i % 3 !== 0, reason: `case ${String(i)}`, requestId: `req-${String(i)}`, clientIp: '127.0.0.1',
});

describe.each(STORE_KINDS)('audit log on %s', (kind) => {
  let store: Store;
  beforeEach(async () => {
    store = await freshStore(kind);
  });
  afterEach(async () => {
    await store.close();
  });

  it('refuses update, delete and truncate', async () => {
    await writeAudit(store.db, [entry(1)]);
    await expect(store.db.updateTable('audit_event').set({ allowed: true }).execute()).rejects.toMatchObject({ code: '42501' });
    await expect(store.db.deleteFrom('audit_event').execute()).rejects.toMatchObject({ code: '42501' });
    await expect(sql`truncate audit_event cascade`.execute(store.db)).rejects.toMatchObject({ code: '42501' });
    await sealAudit(store.db);
    await expect(store.db.deleteFrom('audit_seal').execute()).rejects.toMatchObject({ code: '42501' });
  });

  it('seals entries written in several batches into one chain that verifies', async () => {
    await writeAudit(store.db, [1, 2, 3].map(entry));
    expect(await sealAudit(store.db)).toBe(3);
    await writeAudit(store.db, [4, 5].map(entry));
    expect(await sealAudit(store.db)).toBe(2);
    expect(await sealAudit(store.db)).toBe(0);
    expect(await verifyAudit(store.db)).toEqual({ ok: true, sealed: 5, unsealed: 0 });
  });

  it('seals a long backlog in full batches, in order, into one chain', async () => {
    const ids = Array.from({ length: 2600 }, (_, i) => i + 1);
    for (let i = 0; i < ids.length; i += 650) await writeAudit(store.db, ids.slice(i, i + 650).map(entry));
    expect(await sealAudit(store.db)).toBe(2000);
    expect(await sealAudit(store.db)).toBe(600);
    const seals = await store.db.selectFrom('audit_seal').select(['seq', 'event_id']).orderBy('seq').execute();
    expect(seals.map((r) => Number(r.seq))).toEqual(ids);
    expect(seals.map((r) => Number(r.event_id))).toEqual([...seals.map((r) => Number(r.event_id))].sort((a, b) => a - b));
    expect(await verifyAudit(store.db)).toEqual({ ok: true, sealed: 2600, unsealed: 0 });
  });

  it('names the first entry that was changed behind the database\'s back', async () => {
    await writeAudit(store.db, [1, 2, 3, 4].map(entry));
    await sealAudit(store.db);
    // Someone with superuser rights switches the guard off and edits entry 3.
    await sql`alter table audit_event disable trigger audit_event_append_only`.execute(store.db);
    const third = await store.db.selectFrom('audit_event').select('id').where('request_id', '=', 'req-3').executeTakeFirstOrThrow();
    await sql`update audit_event set allowed = true where id = ${third.id}`.execute(store.db);
    const r = await verifyAudit(store.db);
    expect(r).toMatchObject({ ok: false, brokenAtSeq: 3, eventId: third.id, sealed: 2 });
  });

  it('reports entries that were never sealed', async () => {
    await writeAudit(store.db, [entry(1)]);
    const r = await verifyAudit(store.db, { unsealedGraceSeconds: -1 });
    expect(r.ok).toBe(false);
  });
});
