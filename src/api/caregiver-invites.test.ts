// "Who may act for me" over the JSON API, on both stores: the patient invites by e-mail, the mail
// lands in the outbox with a one-time link whose token is stored only as a hash, the caregiver takes
// it with a new account or their own, the access works, and the patient's withdrawal ends it at
// once. Each way an invitation can go wrong has its own answer; the patient reads who else looked.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionCookie, signInApi, testApp, type TestApp } from './testing/test-app.js';
import { buildFixture, PASSWORD, type Fixture } from './testing/fixture.js';
import { STORE_KINDS } from '../store/testing/stores.js';
import { insertUser } from '../store/accounts.repo.js';
import { hashPassword, sha256 } from '../services/auth.js';
import { addDays, addYears } from '../core/time/date.js';
import { todayNl } from '../schema/clock.js';

interface Problem { type: string; errors?: { pointer: string; detail: string; code?: string }[] }
interface Invitation { id: string; email: string; relation: string; expired: boolean }
interface MyLink { id: string; displayName: string; relation: string; since: string; gap: string | null; basis: string | null; withdrawnAt: string | null }

describe.each(STORE_KINDS)('inviting a caregiver by e-mail on %s', (kind) => {
  let t: TestApp;
  let f: Fixture;
  let outbox = '';
  const jar: Record<string, string> = {};
  let teen = '';

  beforeAll(async () => {
    t = await testApp(kind);
    f = await buildFixture(t.store.db);
    outbox = t.app.deps.config.outboxDir;
    // A patient of 14 with an account of her own (from 12 a child has one).
    const born = addDays(addYears(todayNl(), -14), -30);
    teen = (await t.store.db.insertInto('patient').values({ family_name: 'Teen', given_name: 'Test', birth_date: born, sex: 'female', bsn: null, phone: null, email: null, gp_practice: null, pathway_stage: 'case-finding' }).returning('id').executeTakeFirstOrThrow()).id;
    await insertUser(t.store.db, { role: 'patient', organisationId: null, patientId: teen, email: 'teen@fixture.test', displayName: 'Test Teen', passwordHash: await hashPassword(PASSWORD), status: 'active' });
    for (const [who, email] of [['patient', f.users.patient.email], ['caregiver', f.users.caregiver.email], ['nurse', f.users.nurse.email], ['teen', 'teen@fixture.test']] as const) {
      jar[who] = sessionCookie(await signInApi(t, email, PASSWORD));
    }
  });
  afterAll(async () => {
    await t.close();
  });

  const call = (who: string | null, method: 'GET' | 'POST' | 'DELETE', url: string, body?: unknown) =>
    t.app.inject({ method, url, headers: { cookie: who ? (jar[who] ?? '') : '', ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, ...(body === undefined ? {} : { payload: JSON.stringify(body) }) });
  const invite = (who: string, email: string, relation: string) => call(who, 'POST', '/api/v1/me/caregivers', { email, relation });
  const invitations = async () => Number((await t.store.db.selectFrom('caregiver_invitation').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const pointers = (res: { json: <T>() => T }) => res.json<Problem>().errors?.map((e) => [e.pointer, e.code]);

  /** The token of the newest mail to `to` in the outbox. */
  async function mailedToken(to: string): Promise<string> {
    const names = (await readdir(outbox)).sort();
    for (const name of names.reverse()) {
      const text = await readFile(path.join(outbox, name), 'utf8');
      if (!text.startsWith(`To: ${to}\n`)) continue;
      const m = /\/caregiver-invitation\?token=([A-Za-z0-9_-]+)/.exec(text);
      if (m?.[1]) return m[1];
    }
    throw new Error(`no invitation mailed to ${to}`);
  }

  it('mails a one-time link, keeps only the hash of its token, and lists the invitation as waiting', async () => {
    const res = await invite('patient', 'Nieuwe.Naaste@example.org', 'family');
    expect(res.statusCode).toBe(201);
    const made = res.json<Invitation>();
    expect(made).toMatchObject({ email: 'nieuwe.naaste@example.org', relation: 'family', expired: false });
    const token = await mailedToken('nieuwe.naaste@example.org');
    const mail = (await readdir(outbox)).length;
    expect(mail).toBeGreaterThan(0);
    const row = await t.store.db.selectFrom('caregiver_invitation').selectAll().where('id', '=', made.id).executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(sha256(token));
    expect(JSON.stringify(row)).not.toContain(token);
    // The mail names nobody: being in Botpad says something about one's health.
    const text = await Promise.all((await readdir(outbox)).map((n) => readFile(path.join(outbox, n), 'utf8')));
    expect(text.join('\n')).not.toMatch(/AdultA/);
    const mine = (await call('patient', 'GET', '/api/v1/me/caregivers')).json<{ invitations: Invitation[] }>();
    expect(mine.invitations.map((i) => i.id)).toEqual([made.id]);
  });

  it.each([
    ['the same address twice', 'nieuwe.naaste@example.org', 'family', 409, '/email', 'already-invited'],
    ["the patient's own address", 'patient@fixture.test', 'family', 400, '/email', 'own-address'],
    ['a legal representative (needs proof the clinic records)', 'curator@example.org', 'legal-representative', 400, '/relation', 'relation-needs-proof'],
    ['a parent of an adult', 'moeder@example.org', 'parent', 400, '/relation', 'relation-parent-of-adult'],
  ])('refuses %s, naming the field, and sends nothing', async (_n, email, relation, status, pointer, code) => {
    const before = await invitations();
    const mails = (await readdir(outbox)).length;
    const res = await invite('patient', email, relation);
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(pointers(res)).toEqual([[pointer, code]]);
    expect(await invitations()).toBe(before);
    expect((await readdir(outbox)).length).toBe(mails);
  });

  it('lets a new caregiver take the invitation with an account of their own, then see the record; the token works once', async () => {
    const token = await mailedToken('nieuwe.naaste@example.org');
    const preview = await call(null, 'POST', '/api/v1/caregiver-invitations/preview', { token });
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({ patientName: 'Test AdultA', relation: 'family', hasAccount: false });
    const made = await call(null, 'POST', '/api/v1/caregiver-invitations/account', { token, displayName: 'Nina Naaste', password: 'een-lang-wachtwoord' });
    expect(made.statusCode).toBe(201);
    expect(made.json()).toEqual({ patientId: f.patients.adultA });
    jar.nina = sessionCookie(await signInApi(t, 'nieuwe.naaste@example.org', 'een-lang-wachtwoord'));
    expect((await call('nina', 'GET', `/api/v1/patients/${f.patients.adultA}`)).statusCode).toBe(200);
    const mine = (await call('patient', 'GET', '/api/v1/me/caregivers')).json<{ links: MyLink[]; invitations: Invitation[] }>();
    expect(mine.invitations).toEqual([]);
    expect(mine.links).toEqual([expect.objectContaining({ displayName: 'Nina Naaste', relation: 'family', gap: null, basis: 'consent', withdrawnAt: null })]);
    // The invitation is the patient's consent, recorded as given by the patient themself.
    const link = await t.store.db.selectFrom('caregiver_link').selectAll().where('patient_id', '=', f.patients.adultA).executeTakeFirstOrThrow();
    expect(link).toMatchObject({ consent_given_as: 'patient', consent_given_by: 'Test AdultA', consent_recorded_by: f.users.patient.id });
    const again = await call(null, 'POST', '/api/v1/caregiver-invitations/account', { token, displayName: 'Nina Twee', password: 'een-lang-wachtwoord' });
    expect(again.statusCode).toBe(400);
    expect(pointers(again)).toEqual([['/token', 'invitation-used']]);
  });

  it('ends the access at once when the patient withdraws it, calendar link included, and says so again without error', async () => {
    const nina = (await call('patient', 'GET', '/api/v1/me/caregivers')).json<{ links: MyLink[] }>().links[0];
    if (!nina) throw new Error('no link');
    // The caregiver's calendar link for this record works until the withdrawal, and not a moment after.
    const feed = await call('nina', 'POST', `/api/v1/patients/${f.patients.adultA}/calendar-feed`);
    expect(feed.statusCode, feed.body).toBe(201);
    const feedPath = new URL(feed.json<{ url: string }>().url).pathname;
    expect((await call(null, 'GET', feedPath)).statusCode).toBe(200);
    const gone = await call('patient', 'DELETE', `/api/v1/me/caregivers/${nina.id}`);
    expect(gone.statusCode).toBe(204);
    expect((await call(null, 'GET', feedPath)).statusCode).toBe(404);
    const read = await call('nina', 'GET', `/api/v1/patients/${f.patients.adultA}`);
    expect(read.statusCode).toBe(403);
    expect((await call('nina', 'GET', `/api/v1/patients/${f.patients.adultA}/entries`)).statusCode).toBe(403);
    expect((await call('patient', 'DELETE', `/api/v1/me/caregivers/${nina.id}`)).statusCode).toBe(204);
    expect((await call('patient', 'DELETE', '/api/v1/me/caregivers/6f1c3c0e-7d2a-4a47-9d51-0c8a7c1e2b3d')).statusCode).toBe(404);
    const after = (await call('patient', 'GET', '/api/v1/me/caregivers')).json<{ links: MyLink[] }>().links[0];
    expect(after).toMatchObject({ gap: 'consent-withdrawn' });
    expect(after?.withdrawnAt).not.toBeNull();
    const audit = await t.store.db.selectFrom('audit_event').select(['action', 'role', 'allowed']).where('patient_id', '=', f.patients.adultA)
      .where('action', 'in', ['patient.invite-caregiver', 'caregiver.invitation-open', 'caregiver.invitation-accept', 'patient.withdraw-consent']).orderBy('id').execute();
    expect(audit).toEqual([
      { action: 'patient.invite-caregiver', role: 'patient', allowed: true },
      // The refused invitations (same address, own address, no proof, parent of an adult): allowed to try, not done.
      { action: 'patient.invite-caregiver', role: 'patient', allowed: false },
      { action: 'patient.invite-caregiver', role: 'patient', allowed: false },
      { action: 'patient.invite-caregiver', role: 'patient', allowed: false },
      { action: 'patient.invite-caregiver', role: 'patient', allowed: false },
      { action: 'caregiver.invitation-open', role: null, allowed: true },
      { action: 'caregiver.invitation-accept', role: null, allowed: true },
      { action: 'caregiver.invitation-accept', role: null, allowed: false },
      { action: 'patient.withdraw-consent', role: 'patient', allowed: true },
      { action: 'patient.withdraw-consent', role: 'patient', allowed: true },
      // An id that is neither a link nor an invitation: allowed to try, nothing to end.
      { action: 'patient.withdraw-consent', role: 'patient', allowed: false },
    ]);
  });

  it('lets an existing caregiver account take it, but not another account signed in', async () => {
    expect((await invite('patient', f.users.caregiver.email, 'family')).statusCode).toBe(201);
    const token = await mailedToken(f.users.caregiver.email);
    const preview = await call(null, 'POST', '/api/v1/caregiver-invitations/preview', { token });
    expect(preview.json()).toMatchObject({ hasAccount: true });
    const noAccount = await call(null, 'POST', '/api/v1/caregiver-invitations/account', { token, displayName: 'Someone', password: 'een-lang-wachtwoord' });
    expect(noAccount.statusCode).toBe(409);
    expect(pointers(noAccount)).toEqual([['/token', 'invitation-address-has-account']]);
    for (const other of ['patient', 'nurse', 'nina']) {
      const res = await call(other, 'POST', '/api/v1/caregiver-invitations/accept', { token });
      expect(res.statusCode, other).toBe(409);
      expect(pointers(res)).toEqual([['/token', 'invitation-other-account']]);
    }
    expect((await call('caregiver', 'GET', `/api/v1/patients/${f.patients.adultA}`)).statusCode).toBe(403);
    const taken = await call('caregiver', 'POST', '/api/v1/caregiver-invitations/accept', { token });
    expect(taken.statusCode).toBe(200);
    expect((await call('caregiver', 'GET', `/api/v1/patients/${f.patients.adultA}`)).statusCode).toBe(200);
    // Their earlier link (a child in their care) is untouched.
    expect((await call('caregiver', 'GET', `/api/v1/patients/${f.patients.childA}`)).statusCode).toBe(200);
    expect((await call('patient', 'DELETE', `/api/v1/me/caregivers/${f.users.caregiver.id}`)).statusCode).toBe(204);
    expect((await call('caregiver', 'GET', `/api/v1/patients/${f.patients.adultA}`)).statusCode).toBe(403);
  });

  it('refuses an expired token, and a new invitation to the same address replaces it', async () => {
    expect((await invite('patient', 'laat@example.org', 'family')).statusCode).toBe(201);
    const token = await mailedToken('laat@example.org');
    await t.store.db.updateTable('caregiver_invitation').set({ expires_at: new Date(Date.now() - 60_000).toISOString() }).where('token_hash', '=', sha256(token)).execute();
    const mine = (await call('patient', 'GET', '/api/v1/me/caregivers')).json<{ invitations: Invitation[] }>();
    expect(mine.invitations.find((i) => i.email === 'laat@example.org')?.expired).toBe(true);
    for (const [url, body] of [['preview', { token }], ['account', { token, displayName: 'Laat', password: 'een-lang-wachtwoord' }]] as const) {
      const res = await call(null, 'POST', `/api/v1/caregiver-invitations/${url}`, body);
      expect(res.statusCode).toBe(400);
      expect(pointers(res)).toEqual([['/token', 'invitation-expired']]);
    }
    expect((await invite('patient', 'laat@example.org', 'family')).statusCode).toBe(201);
    const fresh = await mailedToken('laat@example.org');
    expect(fresh).not.toBe(token);
    expect((await call(null, 'POST', '/api/v1/caregiver-invitations/preview', { token: fresh })).statusCode).toBe(200);
    expect(pointers(await call(null, 'POST', '/api/v1/caregiver-invitations/preview', { token }))).toEqual([['/token', 'invitation-expired']]);
  });

  it('kills the link of an invitation the patient withdraws before it is taken', async () => {
    const made = (await invite('patient', 'twijfel@example.org', 'family')).json<Invitation>();
    const token = await mailedToken('twijfel@example.org');
    expect((await call('patient', 'DELETE', `/api/v1/me/caregivers/${made.id}`)).statusCode).toBe(204);
    const res = await call(null, 'POST', '/api/v1/caregiver-invitations/account', { token, displayName: 'Twijfel', password: 'een-lang-wachtwoord' });
    expect(pointers(res)).toEqual([['/token', 'invitation-cancelled']]);
    expect((await call(null, 'POST', '/api/v1/caregiver-invitations/preview', { token: 'x'.repeat(40) })).json<Problem>().errors?.[0]?.code).toBe('invitation-unknown');
  });

  it('lets a patient of 14 invite a parent, who then looks along together with her', async () => {
    expect((await invite('teen', 'ouder@example.org', 'parent')).statusCode).toBe(201);
    const token = await mailedToken('ouder@example.org');
    expect((await call(null, 'POST', '/api/v1/caregiver-invitations/account', { token, displayName: 'Ouder Teen', password: 'een-lang-wachtwoord' })).statusCode).toBe(201);
    jar.parent = sessionCookie(await signInApi(t, 'ouder@example.org', 'een-lang-wachtwoord'));
    expect((await call('parent', 'GET', `/api/v1/patients/${teen}`)).statusCode).toBe(200);
    const link = (await call('teen', 'GET', '/api/v1/me/caregivers')).json<{ links: MyLink[] }>().links[0];
    expect(link).toMatchObject({ relation: 'parent', basis: 'parent-with-child', gap: null });
    expect((await call('teen', 'DELETE', `/api/v1/me/caregivers/${link?.id ?? ''}`)).statusCode).toBe(204);
    expect((await call('parent', 'GET', `/api/v1/patients/${teen}`)).statusCode).toBe(403);
  });

  it('refuses strangers: no session, staff and caregivers have no invitations of their own to send', async () => {
    expect((await call(null, 'POST', '/api/v1/me/caregivers', { email: 'x@example.org', relation: 'family' })).statusCode).toBe(401);
    for (const who of ['nurse', 'caregiver']) {
      expect((await invite(who, 'x@example.org', 'family')).statusCode, who).toBe(403);
      expect((await call(who, 'GET', '/api/v1/me/caregivers')).statusCode, who).toBe(403);
      expect((await call(who, 'DELETE', `/api/v1/me/caregivers/${f.users.caregiver.id}`)).statusCode, who).toBe(403);
      expect((await call(who, 'GET', '/api/v1/me/access-log')).statusCode, who).toBe(403);
    }
    const refused = await t.store.db.selectFrom('audit_event').select(['action', 'allowed']).where('user_id', '=', f.users.nurse.id).where('resource', 'like', '%caregiver%').execute();
    expect(refused.length).toBeGreaterThanOrEqual(3);
    expect(refused.every((r) => !r.allowed)).toBe(true);
  });

  it("shows the patient who else read or wrote her record, without her own reads, and audits that read", async () => {
    expect((await call('patient', 'GET', `/api/v1/patients/${f.patients.adultA}`)).statusCode).toBe(200);
    expect((await call('nurse', 'GET', `/api/v1/patients/${f.patients.adultA}`)).statusCode).toBe(200);
    const res = await call('patient', 'GET', '/api/v1/me/access-log?limit=200');
    expect(res.statusCode).toBe(200);
    const items = res.json<{ items: { who: string | null; role: string | null; did: string; part: string }[] }>().items;
    expect(items[0]).toMatchObject({ who: 'Fixture nurse', role: 'nurse', did: 'read', part: 'details' });
    expect(items.some((i) => i.who === 'Nina Naaste')).toBe(true);
    expect(items.some((i) => i.role === 'patient')).toBe(false);
    const last = await t.store.db.selectFrom('audit_event').select(['action', 'resource', 'allowed']).where('user_id', '=', f.users.patient.id).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(last).toEqual({ action: 'patient.read-access-log', resource: 'patient/access-log/others', allowed: true });
  });
});
