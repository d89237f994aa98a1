// The administrator's audit search as a use case, on both stores: patients as codes that stay the
// same and find the same entries, the paging keys, the count, and the download recorded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshStore, STORE_KINDS } from '../store/testing/stores.js';
import type { Store } from '../store/db.js';
import { writeAudit, type AuditEntry } from '../store/audit.repo.js';
import { storeAuditor } from './auditor.js';
import { exportOrganisationAudit, parseAuditKey, searchOrganisationAudit, TooManyToExport } from './audit.js';
import { normalPatientCode } from './pseudonym.js';
import type { Actor } from '../core/access/index.js';

const meta = { requestId: 'req-1', clientIp: '192.0.2.7' };

describe('a patient code as someone types it', () => {
  it.each([
    ['7F3K-2Q9M', '7F3K-2Q9M'], ['7f3k2q9m', '7F3K-2Q9M'], [' 7f3k 2q9m ', '7F3K-2Q9M'], ['Patiënt 7F3K-2Q9M', '7F3K-2Q9M'], ['patient 7f3k-2q9m', '7F3K-2Q9M'],
    ['OI1L-0000', '0111-0000'],
  ])('reads %j as %s', (typed, code) => {
    expect(normalPatientCode(typed)).toBe(code);
  });
  it.each(['', 'Jansen', '7F3K-2Q9', '7F3K-2Q9MM', '7F3K-2Q9U', '=1+1', 'Patiënt'])('refuses %j', (typed) => {
    expect(normalPatientCode(typed)).toBeUndefined();
  });
});

describe.each(STORE_KINDS)('the audit search use case on %s', (kind) => {
  let store: Store;
  let admin: Actor;
  const p1 = '3f1c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b';
  const p2 = '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d';
  beforeAll(async () => {
    store = await freshStore(kind);
    const org = (await store.db.insertInto('organisation').values({ kind: 'hospital', name: 'Ziekenhuis', phone: null }).returning('id').executeTakeFirstOrThrow()).id;
    admin = { userId: '00000000-0000-4000-8000-000000000001', role: 'admin', organisationId: org, organisationKind: 'hospital', patientId: null };
    const e = (patientId: string | null, i: number): AuditEntry => ({
      userId: null, role: 'nurse', organisationId: org, action: 'patient.read', resource: 'patient', patientId, allowed: true, reason: 'in the care of your organisation', requestId: `r${String(i)}`, clientIp: null,
    });
    await writeAudit(store.db, Array.from({ length: 7 }, (_, i) => e(i % 2 === 0 ? p1 : p2, i)));
  });
  afterAll(async () => {
    await store.close();
  });
  const deps = () => ({ db: store.db, auditor: storeAuditor });

  it('shows a patient by a code that is the same on every page and in the download, and finds by it', async () => {
    const first = await searchOrganisationAudit(deps(), admin, meta, { action: 'patient.read' }, { limit: 3 });
    expect(first.total).toBe(7);
    expect(first.position).toBe(1);
    expect(first.newer).toBeUndefined();
    const older = parseAuditKey(first.older ?? '');
    expect(older).toBeDefined();
    const second = await searchOrganisationAudit(deps(), admin, meta, { action: 'patient.read' }, { limit: 3, before: older });
    expect(second.position).toBe(4);
    const codes = new Map<string, string>();
    for (const r of [...first.entries, ...second.entries]) {
      expect(r.patientCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
      const known = codes.get(r.patientId ?? '');
      if (known) expect(r.patientCode).toBe(known);
      codes.set(r.patientId ?? '', r.patientCode ?? '');
    }
    expect(codes.size).toBe(2);
    const c1 = codes.get(p1) ?? '';
    expect(c1).not.toBe(codes.get(p2));
    const byCode = await searchOrganisationAudit(deps(), admin, meta, { patientCode: c1 }, { limit: 10 });
    expect(byCode.total).toBe(4);
    expect(new Set(byCode.entries.map((r) => r.patientId))).toEqual(new Set([p1]));
    const download = await exportOrganisationAudit(deps(), admin, meta, { action: 'patient.read' });
    expect(download).toHaveLength(7);
    expect(download.filter((r) => r.patientId === p1).map((r) => r.patientCode)).toEqual([c1, c1, c1, c1]);
    const recorded = await store.db.selectFrom('audit_event').select(['action', 'resource', 'allowed', 'user_id']).where('action', 'in', ['audit.search', 'audit.export']).orderBy('id').execute();
    expect(recorded.map((r) => r.action)).toEqual(['audit.search', 'audit.search', 'audit.search', 'audit.export']);
    expect(recorded.at(-1)).toMatchObject({ resource: 'audit/export', allowed: true, user_id: admin.userId });
  });

  it('refuses a download larger than its limit as a whole, never cut short, and records it as not done', async () => {
    const tooMany = await exportOrganisationAudit(deps(), admin, meta, { action: 'patient.read' }, 6).catch((e: unknown) => e);
    expect(tooMany).toBeInstanceOf(TooManyToExport);
    expect(tooMany).toMatchObject({ total: 7, max: 6, code: 'invalid-input' });
    const last = await store.db.selectFrom('audit_event').select(['action', 'allowed']).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(last).toEqual({ action: 'audit.export', allowed: false });
    expect(await exportOrganisationAudit(deps(), admin, meta, { action: 'patient.read' }, 7)).toHaveLength(7);
  });

  it('refuses the search and the download to anyone but an administrator, and records the refusal', async () => {
    const nurse: Actor = { ...admin, userId: '00000000-0000-4000-8000-000000000002', role: 'nurse' };
    await expect(searchOrganisationAudit(deps(), nurse, meta, {}, { limit: 1 })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(exportOrganisationAudit(deps(), nurse, meta, {})).rejects.toMatchObject({ code: 'forbidden' });
    const refused = await store.db.selectFrom('audit_event').select(['action', 'allowed']).where('user_id', '=', nurse.userId).orderBy('id').execute();
    expect(refused).toEqual([{ action: 'audit.search', allowed: false }, { action: 'audit.export', allowed: false }]);
  });
});
