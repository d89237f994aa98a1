import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { freshStore, STORE_KINDS } from './testing/stores.js';
import type { Store } from './db.js';
import { createHmac, randomBytes } from 'node:crypto';
import { countAudit, sealAudit, searchAudit, verifyAudit, writeAudit, type AuditEntry } from './audit.repo.js';
import { insertPatient, linkCaregiver } from './patient.repo.js';
import { inTransaction } from './db.js';

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

describe.each(STORE_KINDS)('the audit search on %s', (kind) => {
  let store: Store;
  let org: string;
  beforeEach(async () => {
    store = await freshStore(kind);
    org = (await store.db.insertInto('organisation').values({ kind: 'hospital', name: 'Ziekenhuis', phone: null }).returning('id').executeTakeFirstOrThrow()).id;
  });
  afterEach(async () => {
    await store.close();
  });
  const ofOrg = (i: number): AuditEntry => ({ ...entry(i), organisationId: org });

  it('pages by (time, id) through entries written in one statement (one time), with a true count and nothing lost or shown twice', async () => {
    // One insert: every entry has the same time, so only the id keeps the pages apart.
    await writeAudit(store.db, Array.from({ length: 23 }, (_, i) => ofOrg(i + 1)));
    await writeAudit(store.db, [entry(99)]); // another organisation's: never shown
    expect(await countAudit(store.db, { organisationId: org })).toBe(23);
    const seen: string[] = [];
    let page = await searchAudit(store.db, { organisationId: org }, { limit: 10 });
    expect(page.hasNewer).toBe(false);
    const firsts: string[] = [];
    for (;;) {
      firsts.push(String(page.rows[0]?.id));
      seen.push(...page.rows.map((r) => String(r.id)));
      const last = page.rows.at(-1);
      if (!page.hasOlder || !last) break;
      page = await searchAudit(store.db, { organisationId: org }, { limit: 10, before: { at: last.at_key, id: String(last.id) } });
      expect(page.hasNewer).toBe(true);
    }
    expect(seen).toHaveLength(23);
    expect(new Set(seen).size).toBe(23);
    expect(seen.map(Number)).toEqual([...seen.map(Number)].sort((a, b) => b - a));
    // And back: the page newer than the last page's first entry is the middle page again.
    const lastFirst = page.rows[0];
    if (!lastFirst) throw new Error('no last page');
    const back = await searchAudit(store.db, { organisationId: org }, { limit: 10, after: { at: lastFirst.at_key, id: String(lastFirst.id) } });
    expect(back.rows.map((r) => String(r.id))).toEqual(seen.slice(10, 20));
    expect(back.hasNewer).toBe(true);
    expect(back.hasOlder).toBe(true);
  });

  it('keeps the microseconds of the time in the key, so entries a fraction of a millisecond apart are neither skipped nor repeated', async () => {
    await writeAudit(store.db, [ofOrg(1), ofOrg(2), ofOrg(3)]);
    const ids = (await store.db.selectFrom('audit_event').select('id').orderBy('id').execute()).map((r) => r.id);
    // The append-only guard forbids changing entries; a test-only copy with chosen times does the job.
    await sql`alter table audit_event disable trigger audit_event_append_only`.execute(store.db);
    await sql`update audit_event set at = '2026-03-01T10:00:00.123456Z' where id = ${ids[0]}`.execute(store.db);
    await sql`update audit_event set at = '2026-03-01T10:00:00.123100Z' where id = ${ids[1]}`.execute(store.db);
    await sql`update audit_event set at = '2026-03-01T10:00:00.123900Z' where id = ${ids[2]}`.execute(store.db);
    await sql`alter table audit_event enable trigger audit_event_append_only`.execute(store.db);
    const first = await searchAudit(store.db, { organisationId: org }, { limit: 1 });
    expect(first.rows[0]?.at_key).toBe('2026-03-01T10:00:00.123900Z');
    const order: string[] = [];
    let page = first;
    for (;;) {
      order.push(...page.rows.map((r) => String(r.id)));
      const last = page.rows.at(-1);
      if (!page.hasOlder || !last) break;
      page = await searchAudit(store.db, { organisationId: org }, { limit: 1, before: { at: last.at_key, id: String(last.id) } });
    }
    expect(order).toEqual([ids[2], ids[0], ids[1]]);
  });

  it('finds the person who acted by part of a staff name, case and LIKE signs taken literally, never a caregiver by name', async () => {
    const staff = async (role: 'nurse' | 'physician', name: string) =>
      (await store.db.insertInto('app_user').values({ role, organisation_id: org, display_name: name, status: 'active' }).returning('id').executeTakeFirstOrThrow()).id;
    const anna = await staff('nurse', 'Anna de Vries');
    const bert = await staff('physician', 'Bert 100%_Jansen');
    const carer = (await store.db.insertInto('app_user').values({ role: 'caregiver', organisation_id: null, display_name: 'Anna Mantel', status: 'active' }).returning('id').executeTakeFirstOrThrow()).id;
    await writeAudit(store.db, [
      { ...ofOrg(1), userId: anna }, { ...ofOrg(2), userId: anna }, { ...ofOrg(3), userId: bert }, { ...ofOrg(4), userId: carer },
    ]);
    const names = async (person: string) => (await searchAudit(store.db, { organisationId: org, person }, { limit: 10 })).rows.map((r) => r.user_name);
    expect(await names('anna')).toEqual(['Anna de Vries', 'Anna de Vries']);
    expect(await countAudit(store.db, { organisationId: org, person: 'ANNA' })).toBe(2);
    expect(await names('100%_j')).toEqual(['Bert 100%_Jansen']);
    expect(await names('_')).toEqual(['Bert 100%_Jansen']);
    expect(await names('%')).toEqual(['Bert 100%_Jansen']);
    expect(await names('Mantel')).toEqual([]);
  });

  it('shows a caregiver\'s steps to the organisation of the patient they concern, never another organisation\'s patient', async () => {
    const other = (await store.db.insertInto('organisation').values({ kind: 'hospital', name: 'Elders', phone: null }).returning('id').executeTakeFirstOrThrow()).id;
    const person = { given_name: 'Test', family_name_prefix: null, birth_date: '1950-01-01', sex: 'female' as const, bsn: null, phone: null, email: null, gp_practice: null };
    const ours = await inTransaction(store.db, (tx) => insertPatient(tx, { ...person, family_name: 'Ons' }, org));
    const theirs = await inTransaction(store.db, (tx) => insertPatient(tx, { ...person, family_name: 'Elders' }, other));
    const carer = (await store.db.insertInto('app_user').values({ role: 'caregiver', organisation_id: null, display_name: 'Naaste', status: 'active' }).returning('id').executeTakeFirstOrThrow()).id;
    await linkCaregiver(store.db, { caregiverUserId: carer, patientId: ours.id, relation: 'family', consent: { givenBy: 'Test Ons', givenAs: 'patient' }, representationProof: null, by: null });
    const step = (reason: string, patientId: string | null, action = 'patient.read'): AuditEntry =>
      ({ ...entry(1), userId: carer, role: 'caregiver', action, patientId, allowed: true, reason });
    await writeAudit(store.db, [step('signed in', null, 'session.create'), step('read ours', ours.id), { ...step('tried theirs', theirs.id), allowed: false }]);
    const reasons = async (organisationId: string) =>
      (await searchAudit(store.db, { organisationId }, { limit: 10 })).rows.map((r) => r.reason).sort();
    expect(await reasons(org)).toEqual(['read ours', 'signed in']);
    expect(await reasons(other)).toEqual(['tried theirs']);
    expect(await countAudit(store.db, { organisationId: org })).toBe(2);
  });

  it('finds a patient by the HMAC of the id, computed in SQL exactly as the server computes it', async () => {
    const key = randomBytes(32);
    const p1 = '3f1c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b';
    const p2 = '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d';
    await writeAudit(store.db, [{ ...ofOrg(1), patientId: p1 }, { ...ofOrg(2), patientId: p2 }, { ...ofOrg(3), patientId: p1 }, ofOrg(4)]);
    const hex = (id: string) => createHmac('sha256', key).update(id).digest('hex');
    const block = Buffer.alloc(64);
    key.copy(block);
    const pads = { inner: Uint8Array.from(block, (b) => b ^ 0x36), outer: Uint8Array.from(block, (b) => b ^ 0x5c) };
    const found = async (id: string) =>
      (await searchAudit(store.db, { organisationId: org, patientCode: { ...pads, hexPrefix: hex(id).slice(0, 10) } }, { limit: 10 })).rows.map((r) => r.patient_id);
    expect(await found(p1)).toEqual([p1, p1]);
    expect(await found(p2)).toEqual([p2]);
    // The whole HMAC matches too: the SQL is HMAC-SHA256 itself, not something like it.
    const whole = await searchAudit(store.db, { organisationId: org, patientCode: { ...pads, hexPrefix: hex(p2) } }, { limit: 10 });
    expect(whole.rows.map((r) => r.patient_id)).toEqual([p2]);
  });
});
