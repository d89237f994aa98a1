// An organisation's settings on both stores: the newest row counts, every earlier one stays, a row
// once written cannot be changed or removed, and one organisation's rows are not another's.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshStore, STORE_KINDS } from './testing/stores.js';
import { inTransaction, type Store } from './db.js';
import { insertUser } from './accounts.repo.js';
import { currentOverrides, currentSettingsRow, insertOverrides, lockOrganisationSettings, settingsHistory } from './settings.repo.js';

describe.each(STORE_KINDS)('organisation settings on %s', (kind) => {
  let store: Store;
  let orgA = '';
  let orgB = '';
  let admin = '';
  beforeAll(async () => {
    store = await freshStore(kind);
    const org = async (name: string) => (await store.db.insertInto('organisation').values({ kind: 'hospital', name, phone: null }).returning('id').executeTakeFirstOrThrow()).id;
    orgA = await org('A');
    orgB = await org('B');
    admin = await insertUser(store.db, { role: 'admin', organisationId: orgA, patientId: null, email: 'admin@settings.test', displayName: 'Beheer A', passwordHash: null, status: 'active' });
  });
  afterAll(async () => {
    await store.close();
  });

  it('has nothing for an organisation that changed nothing', async () => {
    expect(await currentOverrides(store.db, orgA)).toBeUndefined();
    expect(await currentSettingsRow(store.db, orgA)).toBeUndefined();
  });

  it('gives the newest change, keeps every earlier one, and keeps organisations apart', async () => {
    await inTransaction(store.db, async (tx) => {
      expect(await lockOrganisationSettings(tx, orgA)).toBe(true);
      await insertOverrides(tx, orgA, { overdueGraceDays: 21 }, admin);
    });
    await inTransaction(store.db, (tx) => insertOverrides(tx, orgA, { fractureSitePolicy: 'hands-feet-excluded', calciumPerServingMg: { 'milk-glass': 200 } }, admin));
    expect(await currentOverrides(store.db, orgA)).toEqual({ fractureSitePolicy: 'hands-feet-excluded', calciumPerServingMg: { 'milk-glass': 200 } });
    const row = await currentSettingsRow(store.db, orgA);
    expect(row).toMatchObject({ changedBy: admin, changedByName: 'Beheer A' });
    expect(row?.changedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect((await settingsHistory(store.db, orgA)).map((r) => r.overrides)).toEqual([
      { fractureSitePolicy: 'hands-feet-excluded', calciumPerServingMg: { 'milk-glass': 200 } },
      { overdueGraceDays: 21 },
    ]);
    expect(await currentOverrides(store.db, orgB)).toBeUndefined();
  });

  it('refuses to change or remove a row once written, and keeps only objects', async () => {
    await expect(sql`update organisation_settings set overrides = '{}'::jsonb where organisation_id = ${orgA}`.execute(store.db)).rejects.toMatchObject({ code: '42501' });
    await expect(sql`delete from organisation_settings where organisation_id = ${orgA}`.execute(store.db)).rejects.toMatchObject({ code: '42501' });
    await expect(sql`insert into organisation_settings (organisation_id, overrides) values (${orgB}, '[1]'::jsonb)`.execute(store.db)).rejects.toMatchObject({ code: '23514' });
    expect(await settingsHistory(store.db, orgA)).toHaveLength(2);
  });

  it('says when there is no such organisation to lock', async () => {
    expect(await inTransaction(store.db, (tx) => lockOrganisationSettings(tx, '00000000-0000-0000-0000-000000000000'))).toBe(false);
  });
});
