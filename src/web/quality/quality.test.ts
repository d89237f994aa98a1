// The quality dashboard's pages driven like a browser without JavaScript, on both stores with the
// demo set: the figures on the page are the service's own for that cohort, each opening the very
// patients the service lists behind it and from there their records; the administrator sees codes,
// not names or record links; both CSV files hold what the service's tables hold; a bad period is
// said at its field; every role the core does not let read the figures is refused, and the roles
// it does let find the dashboard in their menu.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../api/testing/test-app.js';
import { Browser, account, type Role } from '../../api/testing/page-browser.js';
import { accessDeps, figuresTable, patientsTable, qualityDashboard, qualityPatients, qualityPatientsExport, type QualityDashboard } from '../../api/facade.js';
import type { Actor } from '../../core/access/index.js';
import { EXCLUSION_REASONS, type QualityIndicator } from '../../core/quality/lists.js';
import { DEFAULT_TREND } from '../../schema/quality.schema.js';
import { seedDemo } from '../../services/seed.js';
import { STORE_KINDS } from '../../store/testing/stores.js';
import { todayNl } from '../../schema/clock.js';
import { readCsv } from '../csv.js';
import { nl } from '../i18n/nl.js';
import { periodOf } from './periods.js';

const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&quot;/g, '"');
const meta = { requestId: 'test', clientIp: '127.0.0.1' };

/** The figures table's row of one indicator, as [href, figure] of each linked number in it. */
function figuresOf(html: string, indicator: QualityIndicator): [string, number][] {
  const table = html.slice(html.indexOf('<caption class="visually-hidden">Indicatoren in '));
  const row = table.split('<tr').find((r) => r.includes(`href="#${indicator}"`)) ?? '';
  return [...decode(row).matchAll(/<a href="([^"]*)" class="figure">([\d.]+)</g)].map((m) => [m[1] ?? '', Number((m[2] ?? '').replace(/\./g, ''))]);
}

/** The patient ids the rows of a drill-down page open. */
const recordLinks = (html: string) => [...html.matchAll(/<th scope="row" data-label="[^"]*"><a href="\/patients\/([0-9a-f-]{36})"/g)].map((m) => m[1] ?? '');

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

describe.each(STORE_KINDS)('the quality figures on the pages on %s', (kind) => {
  let t: TestApp;
  const actors = new Map<Role, Actor>();
  const browsers = new Map<Role, Browser>();
  let year = '';
  let d: QualityDashboard;

  const as = async (role: Role) => {
    const known = browsers.get(role);
    if (known) return known;
    const b = new Browser(t);
    await b.signIn(account(role).email);
    browsers.set(role, b);
    return b;
  };
  const actorOf = async (role: Role): Promise<Actor> => {
    const known = actors.get(role);
    if (known) return known;
    const u = await t.store.db.selectFrom('app_user').innerJoin('organisation', 'organisation.id', 'app_user.organisation_id')
      .select(['app_user.id', 'app_user.organisation_id', 'organisation.kind']).where('app_user.email', '=', account(role).email).executeTakeFirstOrThrow();
    const a: Actor = { userId: u.id, role, organisationId: u.organisation_id, organisationKind: u.kind, patientId: null };
    actors.set(role, a);
    return a;
  };

  beforeAll(async () => {
    t = await testApp(kind);
    await seedDemo(t.store.db);
    // The year of the demo's trend with the most patients in it: the cohort the page is checked on.
    const nurse = await actorOf('nurse');
    const now = await qualityDashboard(accessDeps(t.app), nurse, meta, { kind: 'year', period: periodOf('year', todayNl()), trend: DEFAULT_TREND });
    const counted = now.indicators.find((i) => i.indicator === 'identification')?.trend ?? [];
    year = [...counted].sort((a, b) => b.numerator - a.numerator)[0]?.period.label ?? periodOf('year', todayNl());
    d = await qualityDashboard(accessDeps(t.app), nurse, meta, { kind: 'year', period: year, trend: DEFAULT_TREND });
  });
  afterAll(async () => {
    await t.close();
  });

  it('shows every indicator with the service\'s own figures, each a link to its patients', async () => {
    expect(d.cohort).toBeGreaterThan(0);
    const page = await (await as('nurse')).get(`/quality?kind=year&period=${year}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`<h1>${nl.quality.title}</h1>`);
    const base = `/quality/patients?kind=year&period=${year}`;
    for (const f of d.indicators.filter((i) => i.indicator !== 'identification')) {
      const denominator = f.denominator ?? 0;
      expect(figuresOf(page.body, f.indicator), f.indicator).toEqual([
        [`${base}&indicator=${f.indicator}&outcome=met`, f.numerator],
        [`${base}&indicator=${f.indicator}&outcome=not-met`, denominator - f.numerator],
        [`${base}&indicator=${f.indicator}`, denominator],
        [`${base}&indicator=${f.indicator}&outcome=open`, f.open],
        ...EXCLUSION_REASONS.map((r): [string, number] => [`${base}&indicator=${f.indicator}&outcome=excluded&reason=${r}`, f.excluded[r]]),
      ]);
    }
    expect(decode(page.body)).toContain(`<a href="${base}&indicator=identification" class="figure">${String(d.cohort)}<`);
  });

  it('opens the patients behind a figure, the same the service lists, and from a row the patient\'s record', async () => {
    const b = await as('nurse');
    const nurse = await actorOf('nurse');
    const f = d.indicators.find((i) => i.indicator !== 'identification' && i.numerator > 0) ?? d.indicators[0];
    if (!f) throw new Error('no indicator');
    const [href] = figuresOf((await b.get(`/quality?kind=year&period=${year}`)).body, f.indicator)[0] ?? [''];
    const list = await b.get(href);
    expect(list.statusCode).toBe(200);
    const listed = await qualityPatients(accessDeps(t.app), nurse, meta, { kind: 'year', period: year, trend: DEFAULT_TREND, indicator: f.indicator, outcome: 'met', limit: 50 });
    expect(recordLinks(list.body)).toEqual(listed.items.map((r) => r.patientId));
    expect(list.body).toContain(nl.quality.patientsCount(String(listed.total)));
    const first = recordLinks(list.body)[0];
    if (first !== undefined) expect((await b.get(`/patients/${first}`)).statusCode).toBe(200);
  });

  it('shows the administrator the same figures, and the patients as codes without a way into their records', async () => {
    const b = await as('admin');
    const page = await b.get(`/quality?kind=year&period=${year}`);
    expect(page.statusCode).toBe(200);
    const f = d.indicators.find((i) => i.indicator !== 'identification' && (i.denominator ?? 0) > 0);
    if (!f) throw new Error('no indicator with patients');
    expect(figuresOf(page.body, f.indicator)[2]?.[1]).toBe(f.denominator);
    const list = await b.get(`/quality/patients?kind=year&period=${year}&indicator=${f.indicator}`);
    expect(list.statusCode).toBe(200);
    expect(recordLinks(list.body)).toEqual([]);
    const rows = await qualityPatientsExport(accessDeps(t.app), await actorOf('admin'), meta, { kind: 'year', period: year, trend: DEFAULT_TREND, indicator: f.indicator });
    for (const r of rows) {
      expect(r.name).toBeNull();
      expect(list.body).toContain(r.pseudonym ?? '-');
    }
  });

  it('downloads the figures and the patient rows as the service writes them', async () => {
    const b = await as('physician');
    const page = await b.get(`/quality?kind=year&period=${year}`);
    const figures = /href="(\/quality\/figures\.csv[^"]*)"/.exec(decode(page.body))?.[1] ?? '';
    const patients = /href="(\/quality\/patients\.csv[^"]*)"/.exec(decode(page.body))?.[1] ?? '';
    const fig = await b.get(figures);
    expect(fig.statusCode).toBe(200);
    expect(fig.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(fig.headers['content-disposition']).toBe(`attachment; filename="kwaliteit-cijfers-${year}.csv"`);
    expect(readCsv(fig.body, ';')).toEqual(figuresTable(d));
    const pat = await b.get(patients);
    expect(pat.statusCode).toBe(200);
    const rows = await qualityPatientsExport(accessDeps(t.app), await actorOf('physician'), meta, { kind: 'year', period: year, trend: DEFAULT_TREND });
    expect(readCsv(pat.body, ';')).toEqual(patientsTable(rows));
    expect(rows.length).toBe(d.cohort);
  });
});
