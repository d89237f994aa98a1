// What an attacker tried from outside: poisoned reset links, forged client addresses and request ids,
// form bodies on other spellings of an API path, sign-in from another site, password bursts against
// the lock-out, and an administrator who makes a clinician's account to read records through it.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ConfigError, loadConfig } from '../config.js';
import { insertUser } from '../store/accounts.repo.js';
import { hashPassword } from '../services/auth.js';
import { startAuditSealing } from '../services/audit.js';
import { STORE_KINDS } from '../store/testing/stores.js';
import { buildFixture, PASSWORD, type Fixture } from './testing/fixture.js';
import { sessionCookie, signInApi, testApp, type TestApp } from './testing/test-app.js';

function outboxOf(dir: string) {
  return {
    mailsTo: (to: string) =>
      readdirSync(dir)
        .sort()
        .map((n) => readFileSync(path.join(dir, n), 'utf8'))
        .filter((m) => m.includes(`To: ${to}\n`)),
  };
}

const linkIn = (mail: string | undefined) => /https?:\/\/\S+/.exec(mail ?? '')?.[0] ?? '';

describe('configuration of trusted proxies', () => {
  it('takes addresses and CIDR ranges, and names every bad entry at once', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ BOTPAD_TRUST_PROXY: '10.0.0.1, 192.168.0.0/16,fd00::/8' }).trustProxy).toEqual(['10.0.0.1', '192.168.0.0/16', 'fd00::/8']);
    try {
      loadConfig({ BOTPAD_TRUST_PROXY: 'proxy.example,10.0.0.0/33', PORT: 'x' });
      expect.fail('accepted');
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const msg = (e as ConfigError).problems.join('\n');
      expect(msg).toContain('BOTPAD_TRUST_PROXY');
      expect(msg).toContain('proxy.example, 10.0.0.0/33');
      expect(msg).toContain('PORT');
    }
  });

  it('links to the configured host and port without BOTPAD_PUBLIC_URL', () => {
    expect(loadConfig({ HOST: '127.0.0.1', PORT: '4321' }).linkBase).toBe('http://127.0.0.1:4321');
    expect(loadConfig({ HOST: '0.0.0.0', PORT: '8080' }).linkBase).toBe('http://localhost:8080');
    expect(loadConfig({ BOTPAD_PUBLIC_URL: 'https://botpad.ziekenhuis.nl' }).linkBase).toBe('https://botpad.ziekenhuis.nl');
  });
});

describe('the running server anchors the audit chain', () => {
  it('writes the newest sealed link to the anchor file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'botpad-anchor-'));
    const file = path.join(dir, 'audit-anchor');
    const t = await testApp('pglite', { BOTPAD_AUDIT_ANCHOR_FILE: file });
    // The sealer is a service of the process (main.ts starts it), not of the HTTP app: started here as main.ts does.
    const stopSealing = startAuditSealing({ db: t.store.db, everyMs: 2_000, anchorFile: file, log: t.app.log });
    try {
      await buildFixture(t.store.db);
      expect((await signInApi(t, 'nurse@fixture.test', PASSWORD)).statusCode).toBe(200);
      await t.app.close();
      await stopSealing();
      const anchor = JSON.parse(readFileSync(file, 'utf8')) as { seq: number; hash: string };
      const head = await t.store.db.selectFrom('audit_seal').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
      expect(anchor).toMatchObject({ seq: Number(head.seq), hash: head.hash });
    } finally {
      await t.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.each(STORE_KINDS)('security on %s', (kind) => {
  let t: TestApp;
  let f: Fixture;
  const dir = mkdtempSync(path.join(tmpdir(), 'botpad-outbox-'));
  const outbox = outboxOf(dir);
  beforeAll(async () => {
    t = await testApp(kind, { BOTPAD_OUTBOX_DIR: dir, HOST: '127.0.0.1', PORT: '4321' });
    f = await buildFixture(t.store.db);
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const admin = async () => sessionCookie(await signInApi(t, f.users.admin.email, PASSWORD));
  const auditRows = (requestId: string) =>
    t.store.db.selectFrom('audit_event').select(['action', 'resource', 'allowed', 'reason', 'client_ip', 'request_id', 'user_id']).where('request_id', '=', requestId).execute();

  describe('links and addresses', () => {
    it('builds the reset link from the configuration, whatever Host and X-Forwarded-Host say', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/password-reset',
        headers: { host: 'attacker.example', 'x-forwarded-host': 'attacker.example', 'x-forwarded-proto': 'https' },
        payload: { email: f.users.physician.email },
      });
      expect(res.statusCode).toBe(202);
      await vi.waitFor(() => expect(outbox.mailsTo(f.users.physician.email)).toHaveLength(1), { timeout: 5000 });
      const mail = outbox.mailsTo(f.users.physician.email)[0] ?? '';
      expect(mail).not.toContain('attacker.example');
      expect(linkIn(mail)).toMatch(/^http:\/\/127\.0\.0\.1:4321\/password-reset\/confirm\?token=/);
    });

    it('records the socket address, not X-Forwarded-For, when no proxy is trusted', async () => {
      const res = await t.app.inject({
        method: 'POST', url: '/api/v1/session', remoteAddress: '10.20.30.40',
        headers: { 'x-forwarded-for': '203.0.113.9', 'x-request-id': 'xff-untrusted' },
        payload: { email: f.users.nurse.email, password: PASSWORD },
      });
      expect(res.statusCode).toBe(200);
      expect((await auditRows('xff-untrusted')).map((r) => r.client_ip)).toEqual(['10.20.30.40']);
    });

    it('believes X-Forwarded-For from a proxy named in BOTPAD_TRUST_PROXY only', async () => {
      const proxied = await testApp(kind, { BOTPAD_TRUST_PROXY: '10.9.9.0/24' });
      try {
        await buildFixture(proxied.store.db);
        const from = async (remoteAddress: string, requestId: string) => {
          const res = await proxied.app.inject({
            method: 'POST', url: '/api/v1/session', remoteAddress,
            headers: { 'x-forwarded-for': '203.0.113.9', 'x-request-id': requestId }, payload: { email: f.users.nurse.email, password: PASSWORD },
          });
          expect(res.statusCode).toBe(200);
          const rows = await proxied.store.db.selectFrom('audit_event').select('client_ip').where('request_id', '=', requestId).execute();
          return rows.map((r) => r.client_ip);
        };
        expect(await from('10.9.9.2', 'via-proxy')).toEqual(['203.0.113.9']);
        expect(await from('10.8.8.8', 'not-via-proxy')).toEqual(['10.8.8.8']);
      } finally {
        await proxied.close();
      }
    });

    it('keeps a plain request id and replaces one that could forge a log line', async () => {
      const ok = await t.app.inject({ url: '/api/v1/users', headers: { cookie: await admin(), 'x-request-id': 'plain-id.1:2' } });
      expect(ok.statusCode).toBe(200);
      expect(await auditRows('plain-id.1:2')).toHaveLength(1);
      for (const bad of ['evil\tid', 'x'.repeat(101), 'a b', '<script>']) {
        const before = await t.store.db.selectFrom('audit_event').select((eb) => eb.fn.max('id').as('id')).executeTakeFirstOrThrow();
        await t.app.inject({ url: '/api/v1/users', headers: { cookie: await admin(), 'x-request-id': bad } });
        const rows = await t.store.db.selectFrom('audit_event').select('request_id').where('id', '>', String(before.id ?? '0')).where('action', '=', 'user.manage').execute();
        expect(rows.length).toBeGreaterThan(0);
        for (const r of rows) expect(r.request_id).toMatch(/^[0-9a-f-]{36}$/);
      }
    });
  });

  describe('JSON only, from our own pages', () => {
    it('refuses a form body on any spelling of an API path, and creates nothing', async () => {
      const cookie = await admin();
      const count = async () => Number((await t.store.db.selectFrom('app_user').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      const before = await count();
      for (const url of ['/%61pi/v1/users', '/api/v1/users', '/api/v1/%75sers', '/api//v1/users']) {
        for (const [type, payload] of [
          ['application/x-www-form-urlencoded', 'role=admin&email=mallory%40example.org&displayName=Mallory'],
          ['text/plain', '{"role":"admin","email":"mallory@example.org","displayName":"Mallory"}'],
          ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="role"\r\n\r\nadmin\r\n--x--\r\n'],
        ] as const) {
          const res = await t.app.inject({ method: 'POST', url, headers: { cookie, 'content-type': type }, payload });
          expect(res.statusCode, `${url} ${type}`).toBeGreaterThanOrEqual(400);
          expect(res.statusCode, `${url} ${type}`).not.toBe(201);
          if (res.statusCode !== 404) {
            expect(res.statusCode, `${url} ${type}`).toBe(415);
            expect(res.headers['content-type']).toContain('application/problem+json');
          }
        }
      }
      expect(await count()).toBe(before);
    });

    it('refuses a sign-in sent from another site (login CSRF), by Origin or Sec-Fetch-Site', async () => {
      const body = { email: f.users.physiotherapist.email, password: PASSWORD };
      const crossSite = await t.app.inject({ method: 'POST', url: '/api/v1/session', headers: { 'sec-fetch-site': 'cross-site' }, payload: body });
      expect(crossSite.statusCode).toBe(403);
      expect(crossSite.cookies.find((c) => c.name === 'botpad_session')).toBeUndefined();
      const foreign = await t.app.inject({ method: 'POST', url: '/api/v1/session', headers: { origin: 'https://attacker.example' }, payload: body });
      expect(foreign.statusCode).toBe(403);
      const opaque = await t.app.inject({ method: 'POST', url: '/api/v1/session', headers: { origin: 'null' }, payload: body });
      expect(opaque.statusCode).toBe(403);
      const page = await t.app.inject({
        method: 'POST', url: '/sign-in', headers: { origin: 'https://attacker.example', 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
        payload: 'email=x%40y.nl&password=whatever',
      });
      expect(page.statusCode).toBe(403);
      const own = await t.app.inject({ method: 'POST', url: '/api/v1/session', headers: { origin: 'http://localhost:80', host: 'localhost:80', 'sec-fetch-site': 'same-origin' }, payload: body });
      expect(own.statusCode).toBe(200);
      const sameHost = await t.app.inject({ method: 'POST', url: '/api/v1/session', headers: { origin: 'http://botpad.test', host: 'botpad.test' }, payload: body });
      expect(sameHost.statusCode).toBe(200);
    });

    it('marks every API answer and every page of a signed-in person as not to be stored', async () => {
      const cookie = await admin();
      for (const url of ['/api/v1/session', '/api/v1/users', '/api/v1/nothing-here', '/api/openapi.json']) {
        const res = await t.app.inject({ url, headers: { cookie } });
        expect(res.headers['cache-control'], url).toBe('no-store');
      }
      const anon = await t.app.inject({ url: '/api/v1/session' });
      expect(anon.statusCode).toBe(401);
      expect(anon.headers['cache-control']).toBe('no-store');
      const nurse = sessionCookie(await signInApi(t, f.users.nurse.email, PASSWORD));
      const pdf = await t.app.inject({ method: 'POST', url: `/api/v1/patients/${f.patients.adultA}/account?format=pdf`, headers: { cookie: nurse }, payload: { kind: 'caregiver', displayName: 'Kees Buur', relation: 'family', patientConsent: true } });
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.headers['cache-control']).toBe('no-store');
      const help = await t.app.inject({ url: '/help', headers: { cookie: nurse, accept: 'text/html' } });
      expect(help.headers['cache-control']).toBe('no-store');
    });
  });

  describe('the audit shows an administrator what concerns their organisation', () => {
    it('includes sign-ins and attempts without an organisation that concern its patients, their caregivers and its staff', async () => {
      const hash = await hashPassword(PASSWORD);
      const adminOf = async (org: string, email: string) => {
        await insertUser(t.store.db, { role: 'admin', organisationId: org, patientId: null, email, displayName: email, passwordHash: hash, status: 'active' });
        return sessionCookie(await signInApi(t, email, PASSWORD, '10.70.0.1'));
      };
      const hospA = await admin();
      const hospB = await adminOf(f.orgs.hospB, 'admin-b@fixture.test');
      const dayA = await adminOf(f.orgs.dayA, 'admin-day@fixture.test');
      const as = (ip: string, requestId: string, email: string, password: string) =>
        t.app.inject({ method: 'POST', url: '/api/v1/session', remoteAddress: ip, headers: { 'x-request-id': requestId }, payload: { email, password } });
      expect((await as('10.71.0.1', 'audit-patient', f.users.patient.email, PASSWORD)).statusCode).toBe(200);
      expect((await as('10.71.0.2', 'audit-caregiver', f.users.caregiver.email, PASSWORD)).statusCode).toBe(200);
      expect((await as('10.71.0.3', 'audit-wrong', f.users['care-worker'].email, 'not-the-password')).statusCode).toBe(401);
      const seen = async (cookie: string) => {
        const res = await t.app.inject({ url: '/api/v1/audit?action=session.create&limit=200', headers: { cookie } });
        expect(res.statusCode).toBe(200);
        const page = res.json<{ items: { requestId: string | null }[]; nextCursor: string | null }>();
        expect(page.nextCursor).toBeNull();
        return new Set(page.items.map((e) => e.requestId));
      };
      const a = await seen(hospA);
      const b = await seen(hospB);
      const d = await seen(dayA);
      // The patient is in hospital A's care; the caregiver's child in day centre A's; the care
      // worker works at day centre A.
      expect([a.has('audit-patient'), b.has('audit-patient'), d.has('audit-patient')]).toEqual([true, false, false]);
      expect([a.has('audit-caregiver'), b.has('audit-caregiver'), d.has('audit-caregiver')]).toEqual([false, false, true]);
      expect([a.has('audit-wrong'), b.has('audit-wrong'), d.has('audit-wrong')]).toEqual([false, false, true]);
    });
  });

  describe('the lock-out under a burst', () => {
    it('checks at most 5 passwords of 50 sent at once, and refuses the right one among them', async () => {
      const hash = await hashPassword('the-right-password');
      const email = 'burst@fixture.test';
      await insertUser(t.store.db, { role: 'nurse', organisationId: f.orgs.hospA, patientId: null, email, displayName: 'Burst', passwordHash: hash, status: 'active' });
      const attempts = Array.from({ length: 50 }, (_, i) =>
        t.app.inject({
          method: 'POST', url: '/api/v1/session', remoteAddress: `10.77.${String(Math.floor(i / 200))}.${String(i % 200)}`,
          headers: { 'x-request-id': `burst-${String(i)}` },
          payload: { email, password: i === 30 ? 'the-right-password' : `wrong-${String(i)}` },
        }),
      );
      const answers = await Promise.all(attempts);
      const checked = await t.store.db
        .selectFrom('audit_event')
        .select(['reason', 'allowed'])
        .where('request_id', 'like', 'burst-%')
        .where('reason', 'in', ['wrong e-mail address or password', 'signed in'])
        .execute();
      expect(checked.length).toBeLessThanOrEqual(5);
      expect(answers[30]?.statusCode).toBe(429);
      expect(answers.filter((a) => a.statusCode === 429)).toHaveLength(45);
      expect(answers.filter((a) => a.statusCode === 401)).toHaveLength(5);
      const later = await signInApi(t, email, 'the-right-password', '10.78.0.1');
      expect(later.statusCode).toBe(429);
    });

    it('lets many people sign in from one address without locking it', async () => {
      for (let i = 0; i < 25; i++) expect((await signInApi(t, f.users.physician.email, PASSWORD, '10.66.0.1')).statusCode).toBe(200);
    });
  });

  describe('reset and activation cannot be used to probe', () => {
    it('limits reset requests per address and per client', async () => {
      const ask = (email: string, ip: string) => t.app.inject({ method: 'POST', url: '/api/v1/password-reset', remoteAddress: ip, payload: { email } });
      for (let i = 0; i < 3; i++) expect((await ask('someone@fixture.test', `10.50.0.${String(i)}`)).statusCode).toBe(202);
      const fourth = await ask('SomeOne@fixture.test', '10.50.0.9');
      expect(fourth.statusCode).toBe(429);
      expect(fourth.headers['retry-after']).toBeDefined();
      for (let i = 0; i < 10; i++) expect((await ask(`n${String(i)}@fixture.test`, '10.51.0.1')).statusCode).toBe(202);
      expect((await ask('n99@fixture.test', '10.51.0.1')).statusCode).toBe(429);
    });

    it('throttles code guessing per client', async () => {
      const guess = () => t.app.inject({ method: 'POST', url: '/api/v1/activation', remoteAddress: '10.52.0.1', payload: { code: 'AAAA-BBBB-CCCC', password: 'long-enough-pass' } });
      for (let i = 0; i < 10; i++) expect((await guess()).statusCode).toBe(400);
      expect((await guess()).statusCode).toBe(429);
    });

    it('tells whether an address is taken only to a valid code, and only a few times', async () => {
      const nurse = sessionCookie(await signInApi(t, f.users.nurse.email, PASSWORD));
      const acc = await t.app.inject({ method: 'POST', url: `/api/v1/patients/${f.patients.adultA}/account`, headers: { cookie: nurse }, payload: { kind: 'caregiver', displayName: 'Probe', relation: 'family', patientConsent: true } });
      const code = acc.json<{ activationCode: string }>().activationCode;
      const activate = (c: string, email: string, ip = '10.53.0.1') =>
        t.app.inject({ method: 'POST', url: '/api/v1/activation', remoteAddress: ip, payload: { code: c, email, password: 'long-enough-pass' } });
      // A wrong code says nothing about the address.
      const wrong = await activate('ZZZZ-ZZZZ-ZZZZ', f.users.physician.email, '10.53.0.2');
      expect(wrong.statusCode).toBe(400);
      expect(wrong.body).not.toContain('in use');
      for (let i = 0; i < 3; i++) expect((await activate(code, f.users.admin.email, `10.53.1.${String(i)}`)).statusCode).toBe(409);
      expect((await activate(code, f.users.physician.email, '10.53.2.1')).statusCode).toBe(429);
      expect((await activate(code, 'free-address@fixture.test', '10.53.2.2')).statusCode).toBe(429);
    });
  });

  describe('an administrator manages accounts without ever holding one', () => {
    it('creates staff without a password: the person activates from the mailed link and chooses one', async () => {
      const cookie = await admin();
      const withPassword = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: { cookie }, payload: { role: 'nurse', email: 'zuster@fixture.test', displayName: 'Zuster', password: 'chosen-by-admin-1' } });
      expect(withPassword.statusCode).toBe(400);
      expect(withPassword.json<{ errors: { pointer: string }[] }>().errors.map((e) => e.pointer)).toContain('/password');

      const res = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: { cookie, 'x-request-id': 'create-zuster' }, payload: { role: 'nurse', email: 'zuster@fixture.test', displayName: 'Zuster' } });
      expect(res.statusCode).toBe(201);
      const made = res.json<{ id: string; status: string }>();
      expect(made.status).toBe('pending');
      const audit = await auditRows('create-zuster');
      expect(audit).toEqual([expect.objectContaining({ action: 'user.create', resource: `account/${made.id}`, allowed: true, user_id: f.users.admin.id })]);
      expect(audit[0]?.reason).toContain('nurse');

      const mails = outbox.mailsTo('zuster@fixture.test');
      expect(mails).toHaveLength(1);
      const link = linkIn(mails[0]);
      expect(link).toMatch(/^http:\/\/127\.0\.0\.1:4321\/activate\?code=[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      const code = new URL(link).searchParams.get('code') ?? '';
      // Nobody can sign in yet, not even with a password the administrator guessed.
      expect((await signInApi(t, 'zuster@fixture.test', 'chosen-by-admin-1', '10.60.0.1')).statusCode).toBe(401);
      const form = await t.app.inject({ url: `/activate?code=${code}`, headers: { accept: 'text/html' } });
      expect(form.body).toContain(`value="${code}"`);
      expect((await t.app.inject({ method: 'POST', url: '/api/v1/activation', payload: { code, password: 'my-own-password-1' } })).statusCode).toBe(204);
      expect((await signInApi(t, 'zuster@fixture.test', 'my-own-password-1', '10.60.0.2')).statusCode).toBe(200);
    });

    it('deactivates an account: its open session ends at once, and it cannot sign in', async () => {
      const cookie = await admin();
      const nurse = sessionCookie(await signInApi(t, f.users.nurse.email, PASSWORD));
      expect((await t.app.inject({ url: '/api/v1/session', headers: { cookie: nurse } })).statusCode).toBe(200);
      const own = await t.app.inject({ method: 'POST', url: `/api/v1/users/${f.users.admin.id}/deactivate`, headers: { cookie, 'x-request-id': 'deactivate-self' } });
      expect(own.statusCode).toBe(403);
      expect(await auditRows('deactivate-self')).toEqual([expect.objectContaining({ action: 'user.deactivate', resource: `account/${f.users.admin.id}`, allowed: false })]);
      const res = await t.app.inject({ method: 'POST', url: `/api/v1/users/${f.users.nurse.id}/deactivate`, headers: { cookie, 'x-request-id': 'deactivate-nurse' } });
      expect(res.statusCode).toBe(200);
      expect(res.json<{ status: string }>().status).toBe('disabled');
      expect((await t.app.inject({ url: '/api/v1/session', headers: { cookie: nurse } })).statusCode).toBe(401);
      expect((await t.app.inject({ url: `/api/v1/patients/${f.patients.adultA}`, headers: { cookie: nurse } })).statusCode).toBe(401);
      expect((await signInApi(t, f.users.nurse.email, PASSWORD, '10.61.0.1')).statusCode).toBe(401);
      expect(await auditRows('deactivate-nurse')).toEqual([expect.objectContaining({ action: 'user.deactivate', resource: `account/${f.users.nurse.id}`, allowed: true })]);
      // A new link brings the account back only through its owner's own password.
      const link = await t.app.inject({ method: 'POST', url: `/api/v1/users/${f.users.nurse.id}/activation-link`, headers: { cookie, 'x-request-id': 'relink-nurse' } });
      expect(link.statusCode).toBe(202);
      expect(await auditRows('relink-nurse')).toEqual([expect.objectContaining({ action: 'user.activation-link', resource: `account/${f.users.nurse.id}`, allowed: true })]);
      const code = new URL(linkIn(outbox.mailsTo(f.users.nurse.email).at(-1))).searchParams.get('code') ?? '';
      expect((await t.app.inject({ method: 'POST', url: '/api/v1/activation', payload: { code, password: 'nurse-chose-this-1' } })).statusCode).toBe(204);
      expect((await signInApi(t, f.users.nurse.email, 'nurse-chose-this-1', '10.61.0.2')).statusCode).toBe(200);
      const active = await t.app.inject({ method: 'POST', url: `/api/v1/users/${f.users.nurse.id}/activation-link`, headers: { cookie } });
      expect(active.statusCode).toBe(409);
    });

    it('unlocks a locked account', async () => {
      const cookie = await admin();
      for (let i = 0; i < 5; i++) await signInApi(t, f.users.physiotherapist.email, 'not-it-at-all', `10.62.0.${String(i)}`);
      expect((await signInApi(t, f.users.physiotherapist.email, PASSWORD, '10.62.1.1')).statusCode).toBe(429);
      // The physiotherapist works in another organisation of the same set: not this administrator's.
      expect((await t.app.inject({ method: 'POST', url: `/api/v1/users/${f.users.physiotherapist.id}/unlock`, headers: { cookie } })).statusCode).toBe(404);
      const physioAdmin = await insertUser(t.store.db, { role: 'admin', organisationId: f.orgs.physioA, patientId: null, email: 'admin-physio@fixture.test', displayName: 'Physio admin', passwordHash: await hashPassword(PASSWORD), status: 'active' });
      const other = sessionCookie(await signInApi(t, 'admin-physio@fixture.test', PASSWORD, '10.62.2.1'));
      const res = await t.app.inject({ method: 'POST', url: `/api/v1/users/${f.users.physiotherapist.id}/unlock`, headers: { cookie: other, 'x-request-id': 'unlock-physio' } });
      expect(res.statusCode).toBe(204);
      expect(await auditRows('unlock-physio')).toEqual([expect.objectContaining({ action: 'user.unlock', resource: `account/${f.users.physiotherapist.id}`, allowed: true, user_id: physioAdmin })]);
      expect((await signInApi(t, f.users.physiotherapist.email, PASSWORD, '10.62.1.2')).statusCode).toBe(200);
    });

    it('changes the role of another account in the organisation, never its own, and the new role counts at once', async () => {
      const cookie = await admin();
      const physician = sessionCookie(await signInApi(t, f.users.physician.email, PASSWORD, '10.63.0.1'));
      const self = await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${f.users.admin.id}`, headers: { cookie }, payload: { role: 'nurse' } });
      expect(self.statusCode).toBe(403);
      const bad = await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${f.users.physician.id}`, headers: { cookie }, payload: { role: 'patient' } });
      expect(bad.statusCode).toBe(400);
      const notOurs = await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${f.users.patient.id}`, headers: { cookie }, payload: { role: 'admin' } });
      expect(notOurs.statusCode).toBe(404);
      const byNurse = await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${f.users.physician.id}`, headers: { cookie: physician, 'x-request-id': 'role-by-physician' }, payload: { role: 'admin' } });
      expect(byNurse.statusCode).toBe(403);
      expect(await auditRows('role-by-physician')).toEqual([expect.objectContaining({ action: 'user.role', allowed: false })]);
      const res = await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${f.users.physician.id}`, headers: { cookie, 'x-request-id': 'role-physician' }, payload: { role: 'physiotherapist' } });
      expect(res.statusCode).toBe(200);
      expect((await t.app.inject({ url: '/api/v1/session', headers: { cookie: physician } })).json<{ role: string }>().role).toBe('physiotherapist');
      const audit = await auditRows('role-physician');
      expect(audit).toEqual([expect.objectContaining({ action: 'user.role', resource: `account/${f.users.physician.id}`, allowed: true })]);
      expect(audit[0]?.reason).toContain('from physician to physiotherapist');
      await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${f.users.physician.id}`, headers: { cookie }, payload: { role: 'physician' } });
    });

    it('never lets two administrators demote each other at once', async () => {
      const hash = await hashPassword(PASSWORD);
      const make = (email: string) => insertUser(t.store.db, { role: 'admin', organisationId: f.orgs.physioA, patientId: null, email, displayName: email, passwordHash: hash, status: 'active' });
      const a = await make('pair-a@fixture.test');
      const b = await make('pair-b@fixture.test');
      const ca = sessionCookie(await signInApi(t, 'pair-a@fixture.test', PASSWORD, '10.64.0.1'));
      const cb = sessionCookie(await signInApi(t, 'pair-b@fixture.test', PASSWORD, '10.64.0.2'));
      const [ab, ba] = await Promise.all([
        t.app.inject({ method: 'PATCH', url: `/api/v1/users/${b}`, headers: { cookie: ca }, payload: { role: 'physiotherapist' } }),
        t.app.inject({ method: 'PATCH', url: `/api/v1/users/${a}`, headers: { cookie: cb }, payload: { role: 'physiotherapist' } }),
      ]);
      expect([ab.statusCode, ba.statusCode].sort()).toEqual([200, 403]);
      const left = await t.store.db.selectFrom('app_user').select('id').where('id', 'in', [a, b]).where('role', '=', 'admin').execute();
      expect(left).toHaveLength(1);
    });

    it('documents every administrator action in the OpenAPI document', async () => {
      const doc = (await t.app.inject('/api/openapi.json')).json<{ paths: Record<string, Record<string, unknown>> }>();
      expect(Object.keys(doc.paths['/api/v1/users/{id}'] ?? {})).toContain('patch');
      for (const p of ['deactivate', 'unlock', 'activation-link']) expect(doc.paths[`/api/v1/users/{id}/${p}`]?.post, p).toBeDefined();
    });
  });
});
