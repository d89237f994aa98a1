// A full disk is an outage that says so. The disk is not really filled: every table gets a trigger
// that refuses each write the way PostgreSQL does when it cannot extend a file (SQLSTATE 53100,
// disk_full), on the real database of both kinds, through the real driver and server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { sessionCookie, signInApi, testApp, type TestApp } from './testing/test-app.js';
import { buildFixture, PASSWORD } from './testing/fixture.js';
import { STORE_KINDS } from '../store/testing/stores.js';
import { Problem } from '../schema/problem.js';
import type { Db } from '../store/db.js';

async function fillDisk(db: Db): Promise<void> {
  await sql`create function botpad_test_disk_full() returns trigger language plpgsql as $$
    begin
      raise exception 'could not extend file "base/5/16384": No space left on device' using errcode = 'disk_full';
    end $$`.execute(db);
  const tables = await sql<{ name: string }>`select tablename as name from pg_tables where schemaname = 'public'`.execute(db);
  for (const t of tables.rows) {
    await sql`create trigger botpad_test_disk_full before insert or update or delete on ${sql.id(t.name)}
              for each statement execute function botpad_test_disk_full()`.execute(db);
  }
}

async function freeDisk(db: Db): Promise<void> {
  await sql`drop function botpad_test_disk_full() cascade`.execute(db);
}

describe.each(STORE_KINDS)('a full disk on %s', (kind) => {
  let t: TestApp;
  let cookie = '';
  beforeAll(async () => {
    t = await testApp(kind);
    const f = await buildFixture(t.store.db);
    cookie = sessionCookie(await signInApi(t, f.users.nurse.email, PASSWORD));
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses writes with a 503 naming the disk, keeps reads that write nothing, and is not ready until space is back', async () => {
    const create = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/patients',
        headers: { cookie, 'content-type': 'application/json' },
        payload: { familyName: 'Schijf', givenName: 'Vol', birthDate: '1950-02-03', sex: 'female' },
      });
    expect((await t.app.inject('/health/ready')).statusCode).toBe(200);
    await fillDisk(t.store.db);

    const refused = await create();
    expect(refused.statusCode).toBe(503);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    const p = Problem.parse(refused.json());
    expect(p.type).toBe('/problems/unavailable');
    expect(p.detail).toMatch(/the database disk is full/);

    // Reads that need no write still work: who am I, and the rules.
    const me = await t.app.inject({ url: '/api/v1/session', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/v1/rules', headers: { cookie } })).statusCode).toBe(200);

    const notReady = await t.app.inject('/health/ready');
    expect(notReady.statusCode).toBe(503);
    expect(Problem.parse(notReady.json()).detail).toMatch(/^Writes fail: the database disk is full\./);

    await freeDisk(t.store.db);
    const ready = await t.app.inject('/health/ready');
    expect(ready.statusCode).toBe(200);
    expect((await create()).statusCode).toBe(201);
  });
});
