// The audit port on both stores: the real auditor writes what it is told by name and its entries
// share the fate of the transaction they were written in; the silent one writes and reads nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshStore, STORE_KINDS } from '../store/testing/stores.js';
import type { Store } from '../store/db.js';
import type { AuditAction } from '../core/access/index.js';
import { auditEntry, auditorFor, noAuditor, storeAuditor } from './auditor.js';

const meta = { requestId: 'req-1', clientIp: '192.0.2.7' };
const actor = { userId: '00000000-0000-4000-8000-000000000001', role: 'nurse' as const, organisationId: null, organisationKind: null, patientId: null };

describe.each(STORE_KINDS)('the auditor on %s', (kind) => {
  let store: Store;
  beforeAll(async () => {
    store = await freshStore(kind);
  });
  afterAll(async () => {
    await store.close();
  });
  const rows = (action: AuditAction) =>
    store.db.selectFrom('audit_event').select(['user_id', 'role', 'action', 'resource', 'patient_id', 'allowed', 'reason', 'request_id', 'client_ip']).where('action', '=', action).execute();

  it('records a refusal as not allowed and work done as allowed, each field where it belongs', async () => {
    await storeAuditor.refused(store.db, { actor, meta, action: 'user.role', resource: 'account', reason: 'no' });
    await storeAuditor.allowed(store.db, { actor: null, meta, action: 'session.delete', resource: 'session', reason: 'yes' });
    expect(await rows('user.role')).toEqual([
      { user_id: actor.userId, role: 'nurse', action: 'user.role', resource: 'account', patient_id: null, allowed: false, reason: 'no', request_id: 'req-1', client_ip: '192.0.2.7' },
    ]);
    expect(await rows('session.delete')).toEqual([
      { user_id: null, role: null, action: 'session.delete', resource: 'session', patient_id: null, allowed: true, reason: 'yes', request_id: 'req-1', client_ip: '192.0.2.7' },
    ]);
  });

  it('loses its entry with a transaction that is rolled back', async () => {
    await expect(
      store.db.transaction().execute(async (trx) => {
        await storeAuditor.allowed(trx, { actor, meta, action: 'user.unlock', resource: 'x', reason: 'done' });
        throw new Error('the work failed');
      }),
    ).rejects.toThrow('the work failed');
    expect(await rows('user.unlock')).toEqual([]);
  });

  it('builds and reads only when it records', async () => {
    let built = 0;
    const build = () => {
      built += 1;
      return Promise.resolve([auditEntry({ actor, meta, action: 'user.deactivate', resource: 'x', allowed: false, reason: 'locked' })]);
    };
    await noAuditor.recordBuilt(store.db, build);
    expect(built).toBe(0);
    await storeAuditor.recordBuilt(store.db, build);
    expect(built).toBe(1);
    expect(await rows('user.deactivate')).toHaveLength(1);
    const entry = auditEntry({ actor, meta, action: 'patient.read', resource: 'x', allowed: true, reason: 'r' });
    expect(await noAuditor.recordAndRead(entry, () => Promise.resolve('read'))).toEqual({ recorded: false });
    expect(await storeAuditor.recordAndRead(entry, (e) => Promise.resolve(e.reason))).toEqual({ recorded: true, value: 'r' });
  });

  it('writes nothing at all when auditing is off', async () => {
    const off = auditorFor(false);
    await off.refused(store.db, { actor, meta, action: 'password.reset', resource: 'x', reason: 'no' });
    await off.allowed(store.db, { actor, meta, action: 'password.reset', resource: 'x', reason: 'yes' });
    await off.record(store.db, [auditEntry({ actor, meta, action: 'password.reset', resource: 'x', allowed: true, reason: 'yes' })]);
    expect(await rows('password.reset')).toEqual([]);
    expect(auditorFor(true)).toBe(storeAuditor);
  });
});
