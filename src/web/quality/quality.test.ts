// The quality dashboard's pages driven like a browser without JavaScript, on both stores with the
// demo set: a bad period is said at its field, every role the core does not let read the figures
// is refused, and the roles it does let find the dashboard in their menu.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../api/testing/test-app.js';
import { Browser, account, type Role } from '../../api/testing/page-browser.js';
import { seedDemo } from '../../services/seed.js';
import { STORE_KINDS } from '../../store/testing/stores.js';
import { nl } from '../i18n/nl.js';

describe.each(STORE_KINDS)('who reaches the quality dashboard on %s', (kind) => {
  let t: TestApp;
  const browsers = new Map<Role, Browser>();

  const as = async (role: Role) => {
    const known = browsers.get(role);
    if (known) return known;
    const b = new Browser(t);
    await b.signIn(account(role).email);
    browsers.set(role, b);
    return b;
  };
  beforeAll(async () => {
    t = await testApp(kind);
    await seedDemo(t.store.db);
  });
  afterAll(async () => {
    await t.close();
  });

  it('says a period that is none at its field, and shows no figures', async () => {
    for (const period of ['kind=month&period=2026-13', 'kind=year&period=1850']) {
      const page = await (await as('nurse')).get(`/quality?${period}`);
      expect(page.statusCode, period).toBe(400);
      expect(page.body).toContain(`<a href="#period">${nl.quality.badPeriod}</a>`);
      expect(page.body).not.toContain('class="figure"');
    }
  });

  it.each(['physiotherapist', 'care-worker', 'patient', 'caregiver'] as const)('refuses the pages and the files to the %s', async (role) => {
    const b = await as(role);
    for (const path of ['/quality', `/quality/patients?indicator=dxa-90-days`, '/quality/figures.csv', '/quality/patients.csv']) {
      const res = await b.get(path);
      expect(res.statusCode, path).toBe(403);
      expect(res.body).toContain(nl.errors.forbiddenTitle);
    }
  });

  it('leads the nurse, the physician and the administrator to the dashboard from their menu', async () => {
    for (const role of ['nurse', 'physician', 'admin'] as const) expect((await (await as(role)).get('/help')).body, role).toContain(`<a href="/quality">${nl.menu.quality}</a>`);
    expect((await (await as('physiotherapist')).get('/help')).body).not.toContain('href="/quality"');
  });
});
