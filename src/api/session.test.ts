import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../config.js';
import { buildServer } from '../main.js';
import { sessionCookie, signInApi, testApp, type TestApp } from './testing/test-app.js';
import { buildFixture, PASSWORD, type Fixture } from './testing/fixture.js';
import { STORE_KINDS } from '../store/testing/stores.js';
import { sha256 } from '../services/auth.js';

const signIn = (t: TestApp, email: string, password: string, ip = '10.0.0.1') => signInApi(t, email, password, ip);
const cookieOf = sessionCookie;

describe.each(STORE_KINDS)('sign-in and sessions on %s', (kind) => {
  let t: TestApp;
  let f: Fixture;
  const outbox = mkdtempSync(path.join(tmpdir(), 'botpad-outbox-'));
  beforeAll(async () => {
    t = await testApp(kind, { BOTPAD_SESSION_IDLE_MINUTES: '5', BOTPAD_OUTBOX_DIR: outbox, BOTPAD_PUBLIC_URL: 'http://botpad.test' });
    f = await buildFixture(t.store.db);
  });
  afterAll(async () => {
    await t.close();
    rmSync(outbox, { recursive: true, force: true });
  });

  it('signs in, says who is signed in and when the session ends, and signs out', async () => {
    const res = await signIn(t, f.users.nurse.email.toUpperCase(), PASSWORD);
    expect(res.statusCode).toBe(200);
    const set = res.cookies.find((c) => c.name === 'botpad_session');
    expect(set?.httpOnly).toBe(true);
    expect(set?.sameSite).toBe('Lax');
    const cookie = cookieOf(res);
    const me = await t.app.inject({ url: '/api/v1/session', headers: { cookie } });
    expect(me.json()).toMatchObject({ role: 'nurse', userId: f.users.nurse.id });
    const idle = new Date(me.json<{ idleExpiresAt: string }>().idleExpiresAt).getTime() - Date.now();
    expect(idle).toBeGreaterThan(4 * 60_000);
    expect(idle).toBeLessThanOrEqual(5 * 60_000);
    expect((await t.app.inject({ method: 'DELETE', url: '/api/v1/session', headers: { cookie } })).statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/v1/session', headers: { cookie } })).statusCode).toBe(401);
  });

  it('ends a session after the idle time', async () => {
    const cookie = cookieOf(await signIn(t, f.users.physician.email, PASSWORD));
    expect((await t.app.inject({ url: '/api/v1/session', headers: { cookie } })).statusCode).toBe(200);
    await t.store.db.updateTable('session').set({ last_seen_at: new Date(Date.now() - 6 * 60_000).toISOString() }).where('user_id', '=', f.users.physician.id).execute();
    expect((await t.app.inject({ url: '/api/v1/session', headers: { cookie } })).statusCode).toBe(401);
  });

  it('locks an account after 5 failures, for every process on the store, and audits each attempt', async () => {
    const other = await buildServer(loadConfig({ BOTPAD_LOG_LEVEL: 'silent' }), t.store);
    try {
      for (let i = 0; i < 5; i++) expect((await signIn(t, f.users.admin.email, 'wrong-password', `10.1.0.${String(i)}`)).statusCode).toBe(401);
      const locked = await other.inject({ method: 'POST', url: '/api/v1/session', payload: { email: f.users.admin.email, password: PASSWORD } });
      expect(locked.statusCode).toBe(429);
      expect(locked.headers['content-type']).toMatch(/problem\+json/);
      // Retry-After says when the 15-minute lock-out ends, not a generic pause.
      const wait = Number(locked.headers['retry-after']);
      expect(wait).toBeGreaterThan(14 * 60);
      expect(wait).toBeLessThanOrEqual(15 * 60);
      const denied = await t.store.db.selectFrom('audit_event').select('allowed').where('action', '=', 'session.create').where('allowed', '=', false).execute();
      expect(denied.length).toBeGreaterThanOrEqual(6);
    } finally {
      await other.close();
    }
  });

  it('does not tell whether an e-mail address has an account', async () => {
    const a = await signIn(t, 'nobody@fixture.test', 'whatever-123');
    const b = await signIn(t, f.users.physiotherapist.email, 'whatever-123');
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect(a.json<{ detail: string }>().detail).toBe(b.json<{ detail: string }>().detail);
  });

  it('activates a patient account with the one-time code, once', async () => {
    const nurse = cookieOf(await signIn(t, f.users.nurse.email, PASSWORD));
    const acc = await t.app.inject({ method: 'POST', url: `/api/v1/patients/${f.patients.adultA}/account`, headers: { cookie: nurse }, payload: { kind: 'caregiver', displayName: 'Jan Zoon', relation: 'family', patientConsent: true, email: 'zoon@fixture.test' } });
    expect(acc.statusCode).toBe(201);
    const { activationCode } = acc.json<{ activationCode: string }>();
    expect(activationCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect((await signIn(t, 'zoon@fixture.test', 'new-password-1')).statusCode).toBe(401);
    const act = await t.app.inject({ method: 'POST', url: '/api/v1/activation', payload: { code: activationCode.toLowerCase(), password: 'new-password-1' } });
    expect(act.statusCode).toBe(204);
    expect((await signIn(t, 'zoon@fixture.test', 'new-password-1')).statusCode).toBe(200);
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/activation', payload: { code: activationCode, password: 'other-password-1' } });
    expect(again.statusCode).toBe(400);
  });

  it('prints the activation letter as a PDF', async () => {
    const nurse = cookieOf(await signIn(t, f.users.nurse.email, PASSWORD));
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/patients/${f.patients.adultA}/account?format=pdf`, headers: { cookie: nurse }, payload: { kind: 'patient' } });
    expect(res.statusCode).toBe(201);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('resets a password through the link in the outbox mail, and ends old sessions', async () => {
    const old = cookieOf(await signIn(t, f.users['care-worker'].email, PASSWORD));
    const req = await t.app.inject({ method: 'POST', url: '/api/v1/password-reset', payload: { email: f.users['care-worker'].email } });
    expect(req.statusCode).toBe(202);
    const unknown = await t.app.inject({ method: 'POST', url: '/api/v1/password-reset', payload: { email: 'nobody@fixture.test' } });
    expect(unknown.statusCode).toBe(202);
    // The mail is written after the answer: wait for it (and give a mail for the unknown address,
    // which must never come, the same time).
    const mailsTo = (to: string) => readdirSync(outbox).map((n) => readFileSync(path.join(outbox, n), 'utf8')).filter((m) => m.includes(to));
    await vi.waitFor(() => expect(mailsTo(f.users['care-worker'].email)).toHaveLength(1), { timeout: 5000 });
    await new Promise((r) => setTimeout(r, 200));
    expect(mailsTo('nobody@fixture.test')).toHaveLength(0);
    const mails = mailsTo(f.users['care-worker'].email);
    const token = /token=([A-Za-z0-9_-]+)/.exec(mails[0] ?? '')?.[1] ?? '';
    expect(mails[0]).toContain('http://botpad.test/password-reset/confirm?token=');
    const ok = await t.app.inject({ method: 'POST', url: '/api/v1/password-reset/confirm', payload: { token, password: 'brand-new-pass-1' } });
    expect(ok.statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/v1/session', headers: { cookie: old } })).statusCode).toBe(401);
    expect((await signIn(t, f.users['care-worker'].email, 'brand-new-pass-1')).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/password-reset/confirm', payload: { token, password: 'another-pass-12' } })).statusCode).toBe(400);
  });
  it('answers a reset request before looking the address up, so its timing tells nothing', async () => {
    const real = t.app.mailer;
    let release: (() => void) | undefined;
    const sent: string[] = [];
    t.app.mailer = {
      send: async (m) => {
        await new Promise<void>((r) => (release = r));
        sent.push(m.to);
      },
    };
    try {
      const known = await t.app.inject({ method: 'POST', url: '/api/v1/password-reset', payload: { email: f.users.physiotherapist.email } });
      // Answered while the mail is still being sent.
      expect(known.statusCode).toBe(202);
      expect(sent).toEqual([]);
      await vi.waitFor(() => expect(release).toBeTypeOf('function'));
      release?.();
      await vi.waitFor(() => expect(sent).toEqual([f.users.physiotherapist.email]));
    } finally {
      t.app.mailer = real;
    }
  });

  // The record read checks the session in its own first statement (inlineSession): it must refuse
  // exactly what every other route refuses.
  it('refuses a record read without a live session, and audits nothing for it', async () => {
    const url = `/api/v1/patients/${f.patients.adultA}`;
    const audited = async () => Number((await t.store.db.selectFrom('audit_event').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const before = await audited();
    expect((await t.app.inject({ url })).statusCode).toBe(401);
    const garbage = await t.app.inject({ url, headers: { cookie: 'botpad_session=not-a-session' } });
    expect(garbage.statusCode).toBe(401);
    expect(garbage.headers['content-type']).toContain('application/problem+json');
    expect((await t.app.inject({ url, headers: { cookie: `botpad_session=${'x'.repeat(200)}` } })).statusCode).toBe(401);
    expect(await audited()).toBe(before);

    const cookie = cookieOf(await signIn(t, f.users.nurse.email, PASSWORD));
    expect((await t.app.inject({ url, headers: { cookie } })).statusCode).toBe(200);
    const missing = await t.app.inject({ url: '/api/v1/patients/00000000-0000-4000-8000-000000000000', headers: { cookie } });
    expect(missing.statusCode).toBe(404);
    // Idle too long: refused, though the token itself still exists.
    await t.store.db.updateTable('session').set({ last_seen_at: new Date(Date.now() - 6 * 60_000).toISOString() }).where('user_id', '=', f.users.nurse.id).where('revoked_at', 'is', null).execute();
    expect((await t.app.inject({ url, headers: { cookie } })).statusCode).toBe(401);

    const fresh = cookieOf(await signIn(t, f.users.nurse.email, PASSWORD));
    expect((await t.app.inject({ url, headers: { cookie: fresh } })).statusCode).toBe(200);
    // Signed out: refused at once, in this process and any other.
    expect((await t.app.inject({ method: 'DELETE', url: '/api/v1/session', headers: { cookie: fresh } })).statusCode).toBe(204);
    expect((await t.app.inject({ url, headers: { cookie: fresh } })).statusCode).toBe(401);
  });

  it('keeps a record-reading session alive: each read counts as activity', async () => {
    const cookie = cookieOf(await signIn(t, f.users.physician.email, PASSWORD));
    const hash = sha256(decodeURIComponent(cookie.slice(cookie.indexOf('=') + 1)));
    const url = `/api/v1/patients/${f.patients.adultA}`;
    await t.store.db.updateTable('session').set({ last_seen_at: new Date(Date.now() - 4 * 60_000).toISOString() }).where('token_hash', '=', hash).execute();
    expect((await t.app.inject({ url, headers: { cookie } })).statusCode).toBe(200);
    const seen = await t.store.db.selectFrom('session').select('last_seen_at').where('token_hash', '=', hash).executeTakeFirstOrThrow();
    expect(Date.now() - new Date(seen.last_seen_at).getTime()).toBeLessThan(60_000);
  });
});
