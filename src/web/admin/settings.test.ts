// The administrator's settings page, driven like a browser without JavaScript: every setting with
// its meaning, default, value in force and source; a change saved and said so; a bad value refused
// at its field with nothing saved; the page for administrators only; the change in the audit in words.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../api/testing/test-app.js';
import { Browser, account, csrfOf, demoApp } from '../../api/testing/page-browser.js';
import { nl } from '../i18n/nl.js';
import { en } from '../i18n/en.js';
import { DEFAULT_SETTINGS } from '../../core/settings.js';

/** The form as the page fills it in: every field with the value in force. */
function formOf(html: string): Record<string, string> {
  const start = html.indexOf('action="/admin/settings"');
  const form = html.slice(start, html.indexOf('</form>', start));
  const out: Record<string, string> = {};
  for (const [tag] of form.matchAll(/<input [^>]*>/g)) {
    const name = /name="([^"]+)"/.exec(tag)?.[1];
    if (name) out[name] = /value="([^"]*)"/.exec(tag)?.[1] ?? '';
  }
  for (const m of form.matchAll(/<select id="([^"]+)"[\s\S]*?<\/select>/g)) out[m[1] ?? ''] = /<option value="([^"]*)" selected/.exec(m[0])?.[1] ?? '';
  return out;
}

describe('the settings page', () => {
  let t: TestApp;
  const rows = async () => (await t.store.db.selectFrom('organisation_settings').select('id').execute()).length;

  beforeAll(async () => {
    ({ t } = await demoApp());
  });
  afterAll(async () => {
    await t.close();
  });

  it('shows every setting with its meaning, default, value in force and source, from the administrator\'s menu', async () => {
    const b = new Browser(t);
    await b.signIn(account('admin').email);
    expect((await b.get('/admin/users')).body).toContain(`href="/admin/settings"`);
    const page = await b.get('/admin/settings');
    expect(page.statusCode).toBe(200);
    const o = nl.orgSettings;
    for (const f of Object.values(o.fields)) expect(page.body).toContain(f.meaning);
    for (const p of Object.values(o.policies)) expect(page.body).toContain(p.meaning);
    for (const item of Object.values(o.items)) expect(page.body).toContain(item);
    expect(page.body).toContain(o.neverChanged);
    expect(page.body).toContain(o.standard('14'));
    expect(page.body).toContain(o.now('14', false));
    expect(page.body).toContain(o.source(8, ''));
    expect(page.body).toContain(o.source(5, 'CBO-2011, NHG-2024'));
    expect(page.body).toContain('<input id="glucocorticoidTScoreThreshold" name="glucocorticoidTScoreThreshold" type="number" value="-2" autocomplete="off" inputmode="decimal" min="-5" max="0" step="any"');
    expect(page.body).toContain('name="overdueGraceDays" type="number" value="14" autocomplete="off" inputmode="numeric" min="0" max="365" step="1"');
    expect(formOf(page.body)).toMatchObject({ fractureSitePolicy: 'guideline', vertebralFractureMinT: '', 'serving-milk-glass': '180', aidsCheckGrowthCm: '3' });
  });

  it('saves a change, says so, shows the new values as the organisation\'s own, and names the change in the audit', async () => {
    const b = new Browser(t);
    await b.signIn(account('admin').email);
    const fields = formOf((await b.get('/admin/settings')).body);
    const res = await b.post('/admin/settings', { ...fields, fractureSitePolicy: 'hands-feet-excluded', glucocorticoidTScoreThreshold: '-2,5', 'serving-milk-glass': '200' });
    expect(res.statusCode, res.body.slice(0, 500)).toBe(303);
    expect(res.headers.location).toBe('/admin/settings?saved=1');
    const after = await b.get('/admin/settings?saved=1');
    const o = nl.orgSettings;
    expect(after.body).toContain(o.saved);
    expect(after.body).toContain(o.now('-2,5', true));
    expect(after.body).toContain(o.now(o.policies['hands-feet-excluded'].label, true));
    expect(after.body).toContain(o.now('200', true));
    expect(after.body).toContain(o.now('14', false));
    expect(after.body).toContain(o.lastChanged(account('admin').displayName, '').slice(0, -2));
    expect(formOf(after.body)).toMatchObject({ fractureSitePolicy: 'hands-feet-excluded', glucocorticoidTScoreThreshold: '-2.5', 'serving-milk-glass': '200' });
    const kept = await t.store.db.selectFrom('organisation_settings').select('overrides').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(typeof kept.overrides === 'string' ? JSON.parse(kept.overrides) as unknown : kept.overrides).toEqual({
      fractureSitePolicy: 'hands-feet-excluded', glucocorticoidTScoreThreshold: -2.5, calciumPerServingMg: { 'milk-glass': 200 },
    });
    const audit = await b.get('/admin/audit?action=settings.manage&allowed=true');
    expect(audit.body).toContain(
      nl.audit.otherReasons.settingsChanged(`${o.fields.fractureSitePolicy.label}, ${o.fields.glucocorticoidTScoreThreshold.label}, ${o.fields.calciumPerServingMg.legend}: ${o.items['milk-glass']}`),
    );
  });

  it('refuses a bad value at its field, keeps what was typed, and saves nothing', async () => {
    const b = new Browser(t);
    await b.signIn(account('admin').email);
    const fields = formOf((await b.get('/admin/settings')).body);
    const before = await rows();
    const res = await b.post('/admin/settings', { ...fields, overdueGraceDays: '400', 'serving-cheese-slice': 'veel', aidsCheckIntervalMonths: '2,5', calciumOtherFoodMg: '' });
    expect(res.statusCode).toBe(400);
    const o = nl.orgSettings;
    expect(res.body).toContain(o.whole(o.fields.overdueGraceDays.label, 0, 365));
    expect(res.body).toContain(o.range(o.items['cheese-slice'], 0, 2000));
    expect(res.body).toContain(o.whole(o.fields.aidsCheckIntervalMonths.label, 1, 36));
    expect(res.body).toContain(nl.form.required(o.fields.calciumOtherFoodMg.label));
    for (const f of ['overdueGraceDays', 'serving-cheese-slice', 'aidsCheckIntervalMonths', 'calciumOtherFoodMg']) {
      expect(res.body).toContain(`href="#${f}"`);
      expect(res.body).toMatch(new RegExp(`id="${f}" name="${f}"[^>]*aria-invalid="true"`));
    }
    expect(res.body).toContain('value="400"');
    expect(res.body).toContain('value="veel"');
    expect(await rows()).toBe(before);
  });

  it('is for administrators only: a clinician is refused the page and the form, and both refusals are audited', async () => {
    const b = new Browser(t);
    await b.signIn(account('nurse').email);
    const nurse = (await t.store.db.selectFrom('app_user').select('id').where('email', '=', account('nurse').email).executeTakeFirstOrThrow()).id;
    const before = await rows();
    expect((await b.get('/admin/settings')).statusCode).toBe(403);
    const csrf = csrfOf((await b.get('/patients')).body);
    const defaults = { fractureSitePolicy: DEFAULT_SETTINGS.fractureSitePolicy, overdueGraceDays: String(DEFAULT_SETTINGS.overdueGraceDays), aidsCheckIntervalMonths: '7' };
    expect((await b.post('/admin/settings', { _csrf: csrf, ...defaults })).statusCode).toBe(403);
    expect(await rows()).toBe(before);
    const refused = await t.store.db.selectFrom('audit_event').select(['action', 'allowed']).where('user_id', '=', nurse).where('allowed', '=', false).orderBy('id').execute();
    expect(refused).toEqual([{ action: 'settings.manage', allowed: false }, { action: 'page.post', allowed: false }]);
  });

  it('reads in English too', async () => {
    const b = new Browser(t);
    b.jar.set('botpad_lang', 'en');
    await b.signIn(account('admin').email);
    const page = await b.get('/admin/settings');
    expect(page.body).toContain(`<h1>${en.orgSettings.title}</h1>`);
    expect(page.body).toContain(en.orgSettings.fields.aidsCheckGrowthCm.meaning);
    expect(page.body).toContain(en.orgSettings.now('-2.5', true));
  });
});
