// Just enough browser for the web pages' tests to drive the pages without JavaScript: GET a form, take its CSRF token and
// cookie, POST it, follow the redirect.
import type { LightMyRequestResponse } from 'fastify';
import { testApp, type TestApp } from './test-app.js';
import { seedDemo } from '../../services/seed.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoAccount } from '../../demo/demo-data.js';
import { sha256 } from '../../services/auth.js';

export type Role = DemoAccount['role'];

const decode = (s: string) =>
  s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** The hidden inputs of the form that posts to `action`, in order. */
export function hiddenFields(html: string, action: string): [string, string][] {
  const start = html.indexOf(`action="${action}"`);
  if (start < 0) throw new Error(`no form posting to ${action}`);
  const form = html.slice(start, html.indexOf('</form>', start));
  return [...form.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)"/g)].map((m) => [decode(m[1] ?? ''), decode(m[2] ?? '')]);
}

export function csrfOf(html: string): string {
  const m = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!m?.[1]) throw new Error('no CSRF token on the page');
  return m[1];
}

/** A cookie jar over inject: just enough browser for forms and redirects. */
export class Browser {
  readonly jar = new Map<string, string>();
  constructor(private readonly t: TestApp) {}

  private headers(): Record<string, string> {
    const cookie = [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
    return { accept: 'text/html', ...(cookie ? { cookie } : {}) };
  }

  private keep(res: LightMyRequestResponse): LightMyRequestResponse {
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const gone = c.value === '' || c.maxAge === 0 || (c.expires !== undefined && c.expires.getTime() < Date.now());
      if (gone) this.jar.delete(c.name);
      else this.jar.set(c.name, c.value);
    }
    return res;
  }

  async get(url: string) {
    return this.keep(await this.t.app.inject({ method: 'GET', url, headers: this.headers() }));
  }

  async post(url: string, fields: Record<string, string> | [string, string][]) {
    return this.keep(
      await this.t.app.inject({
        method: 'POST',
        url,
        headers: { ...this.headers(), 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams(fields).toString(),
      }),
    );
  }

  async signIn(email: string, password = DEMO_PASSWORD) {
    const page = await this.get('/sign-in');
    return this.post('/sign-in', { _csrf: csrfOf(page.body), email, password });
  }
}

export const account = (role: Role) => {
  const a = DEMO_ACCOUNTS.find((x) => x.role === role);
  if (!a) throw new Error(role);
  return a;
};

export const START: Record<Role, string> = {
  nurse: '/worklist',
  physician: '/worklist',
  physiotherapist: '/referrals',
  'care-worker': '/group',
  admin: '/admin/users',
  patient: '/me',
  caregiver: '/care',
};
/** A Botpad on PGlite with the demo organisation loaded, and the ids of two demo patients. */
export async function demoApp(): Promise<{ t: TestApp; anna: string; lotte: string }> {
  const t = await testApp('pglite');
  await seedDemo(t.store.db);
  const rows = await t.store.db.selectFrom('patient').select(['id', 'given_name']).execute();
  return { t, anna: rows.find((r) => r.given_name === 'Anna')?.id ?? '', lotte: rows.find((r) => r.given_name === 'Lotte')?.id ?? '' };
}

/** Ends the browser's session as the idle time-out does: the cookie stays, the session is over. */
export async function endSession(t: TestApp, b: Browser) {
  const token = decodeURIComponent(b.jar.get('botpad_session') ?? '');
  await t.store.db.updateTable('session').set({ last_seen_at: new Date(Date.now() - 3 * 3600_000).toISOString() }).where('token_hash', '=', sha256(token)).execute();
}
