// The fused first statement of a record read (patient.repo.ts sessionAndPatient) must give exactly
// what the two separate reads give, on both stores.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findSession, insertSession, insertUser } from './accounts.repo.js';
import { getPatientWithOrgs, insertPatient, sessionAndPatient } from './patient.repo.js';
import { freshStore, STORE_KINDS } from './testing/stores.js';
import { inTransaction, type Store } from './db.js';

describe.each(STORE_KINDS)('session + patient in one statement on %s', (kind) => {
  let store: Store;
  let patientId: string;
  beforeEach(async () => {
    store = await freshStore(kind);
    const org = await store.db.insertInto('organisation').values({ kind: 'hospital', name: 'Ziekenhuis Noord' }).returning('id').executeTakeFirstOrThrow();
    const p = await inTransaction(store.db, (tx) => insertPatient(
      tx,
      { family_name: 'Jansen', given_name: 'Wil', birth_date: '1950-02-01', sex: 'female', bsn: null, phone: null, email: null, gp_practice: null },
      org.id,
    ));
    patientId = p.id;
    const userId = await insertUser(store.db, {
      role: 'nurse', organisationId: org.id, patientId: null, email: 'n@example.org', displayName: 'Nurse N', passwordHash: null, status: 'active',
    });
    await insertSession(store.db, 'h'.repeat(64), userId, '2099-01-01T00:00:00Z');
  });
  afterEach(async () => {
    await store.close();
  });

  it('returns the same session and record as the separate reads', async () => {
    const r = await sessionAndPatient(store.db, 'h'.repeat(64), patientId);
    const session = await findSession(store.db, 'h'.repeat(64));
    expect(r).toBeDefined();
    // Timestamps come as JSON text here and as parsed text there: compare them as instants.
    const instant = (s: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(s).map(([k, v]) => [k, k.endsWith('_at') && typeof v === 'string' ? new Date(v).getTime() : v]));
    expect(instant(r?.session as unknown as Record<string, unknown>)).toEqual(instant(session as unknown as Record<string, unknown>));
    expect(r?.found).toEqual(await getPatientWithOrgs(store.db, patientId));
    expect(r?.found?.orgs.map((o) => o.name)).toEqual(['Ziekenhuis Noord']);
  });

  it('gives the session without a record when the patient does not exist', async () => {
    const r = await sessionAndPatient(store.db, 'h'.repeat(64), '00000000-0000-4000-8000-000000000000');
    expect(r?.session.display_name).toBe('Nurse N');
    expect(r?.found).toBeUndefined();
  });

  it('gives nothing at all for an unknown token', async () => {
    expect(await sessionAndPatient(store.db, 'x'.repeat(64), patientId)).toBeUndefined();
  });
});
