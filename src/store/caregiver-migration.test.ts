// Migration 0006 on a database that already holds caregiver links: a link the patient had agreed to
// keeps its consent, recorded as given by the patient on the day the link was made; a link without
// consent stays without. On PGlite and PostgreSQL 15, from an empty database migrated up to 0005.
import { sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, wrapPglite, type Store, type StoreKind } from './db.js';
import { migrationProvider } from './migrations/index.js';
import { PARSERS } from './parsers.js';
import { emptyPgDatabase, STORE_KINDS } from './testing/stores.js';

async function unmigrated(kind: StoreKind): Promise<{ store: Store; drop: () => Promise<void> }> {
  if (kind === 'pglite') return { store: await wrapPglite(await PGlite.create({ parsers: PARSERS }), 'memory'), drop: () => Promise.resolve() };
  const { url, drop } = await emptyPgDatabase();
  return { store: await openStore({ databaseUrl: url, prepare: false }), drop };
}

describe.each(STORE_KINDS)('migration 0006 keeps the consents given before it on %s', (kind) => {
  let store: Store;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ store, drop } = await unmigrated(kind));
  });
  afterAll(async () => {
    await store.close();
    await drop();
  });

  it('moves a yes into who gave it and when, and leaves a no empty', async () => {
    const migrator = new Migrator({ db: store.db, provider: migrationProvider });
    const to5 = await migrator.migrateTo('0005_patient_merge');
    expect(to5.error).toBeUndefined();
    const patient = (await sql<{ id: string }>`insert into patient (family_name, given_name, birth_date, sex, pathway_stage)
      values ('Kok', 'Marie', '1950-01-01', 'female', 'case-finding') returning id`.execute(store.db)).rows[0]?.id ?? '';
    const user = async (name: string) =>
      (await sql<{ id: string }>`insert into app_user (role, display_name, status) values ('caregiver', ${name}, 'pending') returning id`.execute(store.db)).rows[0]?.id ?? '';
    const agreed = await user('Agreed');
    const not = await user('Not agreed');
    await sql`insert into caregiver_link (caregiver_user_id, patient_id, relation, patient_consent, created_at)
      values (${agreed}, ${patient}, 'family', true, '2025-03-04T10:00:00Z'), (${not}, ${patient}, 'family', false, '2025-03-04T10:00:00Z')`.execute(store.db);

    const latest = await migrator.migrateToLatest();
    expect(latest.error).toBeUndefined();
    const rows = await store.db
      .selectFrom('caregiver_link')
      .select(['caregiver_user_id', 'consent_given_by', 'consent_given_as', 'consent_given_at', 'withdrawn_at'])
      .orderBy('consent_given_by')
      .execute();
    const byUser = new Map(rows.map((r) => [r.caregiver_user_id, r]));
    expect(byUser.get(agreed)).toMatchObject({ consent_given_by: 'Marie Kok', consent_given_as: 'patient', withdrawn_at: null });
    expect(Date.parse(byUser.get(agreed)?.consent_given_at ?? '')).toBe(Date.parse('2025-03-04T10:00:00Z'));
    expect(byUser.get(not)).toMatchObject({ consent_given_by: null, consent_given_as: null, consent_given_at: null });
  });
});
