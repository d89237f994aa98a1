// The settings use cases on both stores, beneath the API: the use case checks what it is given
// itself (a page or a later caller need not have), refuses a bad value with its pointer and saves
// nothing, audits the attempt as not done; and a kept value that no longer fits the core's schema
// is an error naming it, never a silent default.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshStore, STORE_KINDS } from '../store/testing/stores.js';
import { inTransaction, type Store } from '../store/db.js';
import { insertUser } from '../store/accounts.repo.js';
import { insertOverrides } from '../store/settings.repo.js';
import { DEFAULT_SETTINGS } from '../core/settings.js';
import type { Actor } from '../core/access/index.js';
import { AppError } from '../schema/problem.js';
import { storeAuditor } from './auditor.js';
import { organisationSettings, settingsForOrganisation, updateOrganisationSettings } from './settings.js';

const meta = { requestId: 'svc-1', clientIp: null };

describe.each(STORE_KINDS)('the settings use cases on %s', (kind) => {
  let store: Store;
  let admin: Actor;
  let org = '';
  let other = '';
  const deps = () => ({ db: store.db, auditor: storeAuditor });
  beforeAll(async () => {
    store = await freshStore(kind);
    const make = async (name: string) => (await store.db.insertInto('organisation').values({ kind: 'hospital', name, phone: null }).returning('id').executeTakeFirstOrThrow()).id;
    org = await make('A');
    other = await make('B');
    const id = await insertUser(store.db, { role: 'admin', organisationId: org, patientId: null, email: 'a@svc.test', displayName: 'A', passwordHash: null, status: 'active' });
    admin = { userId: id, role: 'admin', organisationId: org, organisationKind: 'hospital', patientId: null };
  });
  afterAll(async () => {
    await store.close();
  });

  it('gives the defaults to an account without an organisation and to one that changed nothing', async () => {
    expect(await settingsForOrganisation(store.db, null)).toEqual(DEFAULT_SETTINGS);
    expect(await settingsForOrganisation(store.db, org)).toEqual(DEFAULT_SETTINGS);
  });

  it('refuses what the core does not take, with a pointer per bad value, saves nothing and audits it as not done', async () => {
    const bad = { overdueGraceDays: -1, calciumPerServingMg: { 'milk-glass': 'a lot' }, mood: 'calm' };
    const err = await updateOrganisationSettings(deps(), admin, meta, bad).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('invalid-input');
    expect((err as AppError).errors.map((e) => e.pointer).sort()).toEqual(['/calciumPerServingMg/milk-glass', '/mood', '/overdueGraceDays']);
    expect(await store.db.selectFrom('organisation_settings').select('id').execute()).toEqual([]);
    const audit = await store.db.selectFrom('audit_event').select(['action', 'allowed', 'reason']).where('request_id', '=', 'svc-1').execute();
    expect(audit).toEqual([{ action: 'settings.manage', allowed: false, reason: expect.stringMatching(/^not done \(invalid-input\)/) as unknown }]);
  });

  it('stops with the pointer of a kept value the schema no longer takes, for the evaluation and for the administrator', async () => {
    await inTransaction(store.db, (tx) => insertOverrides(tx, other, { overdueGraceDays: 999 }, null));
    await expect(settingsForOrganisation(store.db, other)).rejects.toThrow(/organisation \S+ do not fit the Settings schema at \/overdueGraceDays/);
    expect(await settingsForOrganisation(store.db, org)).toEqual(DEFAULT_SETTINGS);
    const otherAdmin = { ...admin, organisationId: other };
    await expect(organisationSettings(deps(), otherAdmin, meta)).rejects.toThrow(/\/overdueGraceDays/);
    // Saving good values puts it right, and the audit names the value that did not fit.
    await updateOrganisationSettings(deps(), otherAdmin, { requestId: 'svc-2', clientIp: null }, { overdueGraceDays: 20 });
    expect((await store.db.selectFrom('audit_event').select('reason').where('request_id', '=', 'svc-2').executeTakeFirstOrThrow()).reason).toBe('settings changed: /overdueGraceDays');
    expect((await settingsForOrganisation(store.db, other)).overdueGraceDays).toBe(20);
  });
});
