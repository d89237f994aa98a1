// The worklist page as the demo nurse and physician use it without JavaScript: what each row says
// (in words, dates dd-mm-jjjj), the filters and the counts per step, paging and sorting that keep
// the filters, an alert seen and dealt with and a task done from the row (and refused in words when
// the item's state does not allow it), and the refusal of every other role.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../api/testing/test-app.js';
import { Browser, account, csrfOf, demoApp, hiddenFields, type Role } from '../../api/testing/page-browser.js';
import { seedPatients } from '../../services/seed.js';
import { rederiveAll } from '../../services/worklist-derive.js';
import { insertManualItem } from '../../store/worklist.repo.js';
import { inTransaction } from '../../store/db.js';
import { todayNl } from '../../schema/clock.js';
import { ageOn } from '../../core/time/date.js';
import { DRUGS } from '../../core/case.schema.js';
import { WORKLIST_STEPS, type WorklistStep } from '../../core/worklist/lists.js';
import { ALERT_CODES } from '../../core/worklist/derive.js';
import { INDICATION_REASONS } from '../../core/treatment/indication.js';
import { numericDate } from '../time-format.js';
import { nl } from '../i18n/nl.js';
import { en } from '../i18n/en.js';
import { reasonWords, stepWords } from './worklist.page.js';

const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&quot;/g, '"');
/** The href of the page link with `rel`, as a browser follows it. */
const linkOf = (html: string, rel: 'next' | 'prev') => {
  const m = [...html.matchAll(/<a href="([^"]*)" rel="([^"]*)"/g)].find((x) => x[2] === rel)?.[1];
  return m === undefined ? undefined : decode(m);
};
/** The item ids of the rows shown, from their buttons or their patient links with the row. */
const rowsOf = (html: string) => [...html.matchAll(/<tr>\s*<th scope="row" data-label="[^"]*"><a href="\/patients\/([0-9a-f-]{36})"/g)].map((m) => m[1]);
const rowCount = (html: string) => (html.match(/<th scope="row"/g) ?? []).length;
/** The row of the table whose patient link names `name`. */
const rowOf = (html: string, name: string) => {
  const rows = html.split('<tr').filter((r) => r.includes('scope="row"'));
  return rows.filter((r) => r.includes(`>${name}</a>`));
};
const currentTab = (html: string) => /<a href="([^"]*)" aria-current="page">([^<]*)<\/a>/.exec(html.slice(html.indexOf(`aria-label="${nl.worklist.stepsLabel}"`)))?.[2];

describe('the worklist page', () => {
  let t: TestApp;
  const today = todayNl();
  let joost = '';
  let mieke = '';
  let johanna = '';
  let nurseId = '';
  let org = '';

  beforeAll(async () => {
    ({ t } = await demoApp());
    const rows = await t.store.db.selectFrom('patient').select(['id', 'given_name']).execute();
    const id = (n: string) => rows.find((r) => r.given_name === n)?.id ?? '';
    [joost, mieke, johanna] = [id('Joost'), id('Mieke'), id('Johanna')];
    const nurse = await t.store.db.selectFrom('app_user').select(['id', 'organisation_id']).where('email', '=', account('nurse').email).executeTakeFirstOrThrow();
    nurseId = nurse.id;
    org = nurse.organisation_id ?? '';
  });
  afterAll(async () => {
    await t.close();
  });

  const signedIn = async (role: Role, lang?: 'en') => {
    const b = new Browser(t);
    if (lang) b.jar.set('botpad_lang', lang);
    await b.signIn(account(role).email);
    return b;
  };
  const itemOf = async (patientId: string, step: WorklistStep) =>
    (await t.store.db.selectFrom('worklist_item').select(['item_id', 'state']).where('patient_id', '=', patientId).where('step', '=', step).executeTakeFirstOrThrow()).item_id;

  it('lands the nurse on it after signing in and from the start page, with the worklist first in her menu', async () => {
    const b = new Browser(t);
    const signIn = await b.signIn(account('nurse').email);
    expect(signIn.headers.location).toBe('/worklist');
    const home = await b.get('/');
    expect(home.statusCode).toBe(303);
    expect(home.headers.location).toBe('/worklist');
    const page = await b.get('/worklist');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`<h1>${nl.worklist.title}</h1>`);
    // The menu: the worklist before the patients.
    const menu = page.body.indexOf(`>${nl.menu.worklist}<`);
    expect(menu).toBeGreaterThan(0);
    expect(menu).toBeLessThan(page.body.indexOf(`>${nl.menu.patients}<`));
    // Other roles still see the public start page at /.
    const physio = await signedIn('physiotherapist');
    expect((await physio.get('/')).statusCode).toBe(200);
  });

  it('shows each row in words: name linked to the record, dates dd-mm-jjjj with the age, step, status, priority, reasons, fracture', async () => {
    const b = await signedIn('nurse');
    const page = await b.get('/worklist');
    expect(page.body).toContain(`<caption>${nl.worklist.caption}</caption>`);
    const [alert] = rowOf(page.body, "Joost in 't Veld").filter((r) => r.includes(nl.worklist.steps.alert ?? '-'));
    expect(alert).toBeDefined();
    const row = alert ?? '';
    expect(row).toContain(`href="/patients/${joost}"`);
    expect(row).toContain(nl.worklist.bornAge(numericDate('1947-01-30'), nl.clinical.age(ageOn('1947-01-30', today))));
    // The alert's date: the injection was due six months after the last one, eight months ago.
    const due = (await t.store.db.selectFrom('worklist_item').select('due').where('patient_id', '=', joost).where('step', '=', 'alert').executeTakeFirstOrThrow()).due;
    expect(row).toMatch(new RegExp(`>${numericDate(due)}<`));
    expect(numericDate(due)).toMatch(/^\d\d-\d\d-\d{4}$/);
    // Status and priority with a shape and a word, never colour alone.
    expect(row).toMatch(new RegExp(`chip chip-error"><span aria-hidden="true">■ </span>${nl.worklist.status.overdue}<`));
    expect(row).toMatch(new RegExp(`chip chip-error"><span aria-hidden="true">■ </span>${nl.worklist.priorities.high ?? ''}<`));
    expect(row).toContain(nl.worklist.reasons['medication.denosumab-late']);
    expect(row).toContain(nl.clinical.sites.pelvis);
    expect(row).toContain(`>${nl.worklist.acknowledge}<`);
    // A step with several reasons: each in words, the drug and the test by the record's names.
    const [check] = rowOf(page.body, 'Cornelis van den Berg').filter((r) => r.includes(nl.worklist.steps['pre-dose-check'] ?? '-'));
    expect(check).toContain(`${nl.facts.options.drug.denosumab}; ${nl.clinical.labTests['calcium-corrected']}; ${nl.worklist.withinDays('28')}`);
    // A step due today is "today", one planned later "planned".
    const [yearly] = rowOf(page.body, 'Johanna Visser').filter((r) => r.includes(nl.worklist.steps['yearly-control'] ?? '-'));
    expect(yearly).toContain(`${nl.worklist.status.today}<`);
    // A step due later: whichever open item of the demo set lies furthest ahead.
    const later = await t.store.db.selectFrom('worklist_item as w').innerJoin('patient as p', 'p.id', 'w.patient_id').select(['w.step', 'p.given_name', 'p.family_name', 'p.family_name_prefix'])
      .where('w.state', '!=', 'done').where('w.organisation_id', '=', org).where('w.due', '>', today).orderBy('w.due', 'desc').executeTakeFirstOrThrow();
    const laterName = [later.given_name, later.family_name_prefix, later.family_name].filter(Boolean).join(' ');
    const [planned] = rowOf(page.body, laterName).filter((r) => r.includes(stepWords(nl, later.step)));
    expect(planned).toContain(`${nl.worklist.status.planned}<`);
    // The task: its text, its button.
    const [task] = rowOf(page.body, 'Mieke ter Horst');
    expect(task).toContain(nl.worklist.steps.task);
    expect(task).toContain(`>${nl.worklist.taskDone}<`);
    // True counts: everything open, and the position in the list.
    const open = Number((await t.store.db.selectFrom('worklist_item').select((eb) => eb.fn.countAll().as('n')).where('state', '!=', 'done').where('organisation_id', '=', org).executeTakeFirstOrThrow()).n);
    expect(page.body).toContain(`${nl.worklist.count(String(open))} ${nl.worklist.shown('1', String(open), String(open))}`);
    expect(currentTab(page.body)).toBe(nl.worklist.allTab(String(open)));
    expect(rowCount(page.body)).toBe(open);
  });

  it('passes the filters on, marks the chosen step among the counts, and keeps them in the step links', async () => {
    const b = await signedIn('physician');
    const alerts = await b.get('/worklist?step=alert&overdue=true');
    expect(alerts.statusCode).toBe(200);
    expect(rowCount(alerts.body)).toBe(1);
    expect(currentTab(alerts.body)).toBe(nl.worklist.stepTab(nl.worklist.steps.alert ?? '', '1'));
    expect(alerts.body).toContain('<option value="alert" selected>');
    expect(alerts.body).toContain('<option value="true" selected>');
    // Each step's link keeps the other filters.
    expect(decode(alerts.body)).toContain('href="/worklist?step=handover&overdue=true"');
    expect(decode(alerts.body)).toContain('href="/worklist?overdue=true">');

    const visser = await b.get('/worklist?q=Visser');
    expect(new Set(rowsOf(visser.body))).toEqual(new Set([johanna]));
    const born = await b.get('/worklist?q=24-12-1939');
    expect(new Set(rowsOf(born.body))).toEqual(new Set([johanna]));
    const pelvis = await b.get('/worklist?site=pelvis');
    expect(new Set(rowsOf(pelvis.body))).toEqual(new Set([joost]));
    const old = await b.get('/worklist?ageBand=85-plus');
    expect(rowsOf(old.body).length).toBeGreaterThan(0);
    expect(new Set(rowsOf(old.body))).toEqual(new Set([johanna]));
    // "Mine": the tasks assigned to the signed-in person; the physician has none, the nurse one.
    expect(rowCount((await b.get('/worklist?assignee=mine')).body)).toBe(0);
    const nurse = await signedIn('nurse');
    expect(new Set(rowsOf((await nurse.get('/worklist?assignee=mine')).body))).toEqual(new Set([mieke]));
  });

  it('finds a patient by BSN for the nurse, and shows no BSN in the rows', async () => {
    await t.store.db.updateTable('patient').set({ bsn: '123456782' }).where('id', '=', joost).execute();
    const b = await signedIn('nurse');
    const found = await b.get('/worklist?q=123456782');
    expect(new Set(rowsOf(found.body))).toEqual(new Set([joost]));
    for (const row of rowOf(found.body, "Joost in 't Veld")) expect(row.replace(/(value|href)="[^"]*"/g, '')).not.toContain('123456782');
  });

  it('says what is wrong with a filter in words, and lists nothing', async () => {
    const b = await signedIn('nurse');
    const bad = await b.get('/worklist?step=tomorrow&ageBand=old');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain(nl.form.errorTitle);
    expect(bad.body).toContain(nl.form.choose(nl.worklist.step));
    expect(bad.body).toContain(nl.form.choose(nl.worklist.ageBand));
    expect(rowCount(bad.body)).toBe(0);
  });

  it('sorts by a column from its header link, which keeps the filters and starts at the first page', async () => {
    const b = await signedIn('nurse');
    const page = await b.get('/worklist?overdue=true&sort=name');
    expect(page.body).toMatch(/<th scope="col" aria-sort="ascending"><a href="\/worklist\?overdue=true&amp;sort=name">/);
    expect(decode(page.body)).toContain('href="/worklist?overdue=true&sort=due"');
    expect(decode(page.body)).toContain('href="/worklist?overdue=true&sort=fractureDate"');
    const names = [...page.body.matchAll(/<th scope="row" data-label="[^"]*"><a href="[^"]*">([^<]*)<\/a>/g)].map((m) => decode(m[1] ?? ''));
    // By family name, as the clinic files them: Berg, El Amrani, Meijer, Veld, Visser.
    expect([...new Set(names)]).toEqual(['Cornelis van den Berg', 'Yusuf El Amrani', 'Sanne Meijer', "Joost in 't Veld", 'Johanna Visser']);
  });

  it('acknowledges an alert, then closes it, returning to the same filtered list; a wrong state is refused in words', async () => {
    const b = await signedIn('nurse');
    const alert = await itemOf(joost, 'alert');
    const list = await b.get('/worklist?step=alert');
    const fields = hiddenFields(list.body, `/worklist/${alert}/acknowledge`);
    expect(fields).toContainEqual(['return', '/worklist?step=alert']);

    // Dealt with before anyone saw it: refused, the list shown again as it was.
    const early = await b.post(`/worklist/${alert}/done`, [...fields]);
    expect(early.statusCode).toBe(409);
    expect(early.body).toContain(nl.worklist.refused['not-acknowledged']);
    expect(currentTab(early.body)).toBe(nl.worklist.stepTab(nl.worklist.steps.alert ?? '', '1'));

    const seen = await b.post(`/worklist/${alert}/acknowledge`, [...fields]);
    expect(seen.statusCode).toBe(303);
    expect(seen.headers.location).toBe('/worklist?step=alert&notice=acknowledged');
    const after = await b.get(seen.headers.location ?? '');
    expect(after.body).toContain(nl.worklist.notices.acknowledged);
    const at = (await t.store.db.selectFrom('worklist_item').select(['acknowledged_at', 'acknowledged_by']).where('item_id', '=', alert).executeTakeFirstOrThrow());
    expect(at.acknowledged_by).toBe(nurseId);
    const when = /Gezien door Inge Verbeek \(verpleegkundige\) op (\d\d-\d\d-\d{4} \d\d:\d\d)/.exec(after.body);
    expect(when?.[1]).toMatch(/^\d\d-\d\d-\d{4} \d\d:\d\d$/);
    expect(after.body).toContain(`>${nl.worklist.done}<`);

    // Seen twice: refused in words.
    const again = await b.post(`/worklist/${alert}/acknowledge`, { _csrf: csrfOf(after.body), return: '/worklist?step=alert' });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain(nl.worklist.refused['already-acknowledged']);

    const done = await b.post(`/worklist/${alert}/done`, hiddenFields(after.body, `/worklist/${alert}/done`));
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/worklist?step=alert&notice=done');
    const gone = await b.get(done.headers.location ?? '');
    expect(gone.body).toContain(nl.worklist.notices.done);
    expect(rowCount(gone.body)).toBe(0);
    const twice = await b.post(`/worklist/${alert}/done`, { _csrf: csrfOf(gone.body), return: '/worklist' });
    expect(twice.statusCode).toBe(409);
    expect(twice.body).toContain(nl.worklist.refused['already-done']);
  });

  it('closes a task from its row; a derived step has no button and closing it is refused in words', async () => {
    const b = await signedIn('nurse');
    const task = await itemOf(mieke, 'task');
    const page = await b.get('/worklist?assignee=mine');
    const done = await b.post(`/worklist/${task}/done`, hiddenFields(page.body, `/worklist/${task}/done`));
    expect(done.headers.location).toBe('/worklist?assignee=mine&notice=done');
    expect(rowCount((await b.get(done.headers.location ?? '')).body)).toBe(0);

    const review = await itemOf(johanna, 'yearly-control');
    const all = await b.get('/worklist');
    expect(all.body).not.toContain(`action="/worklist/${review}/`);
    const refused = await b.post(`/worklist/${review}/done`, { _csrf: csrfOf(all.body), return: '/worklist' });
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain(nl.worklist.refused['closes-by-itself']);
    const seen = await b.post(`/worklist/${review}/acknowledge`, { _csrf: csrfOf(all.body), return: '/worklist' });
    expect(seen.statusCode).toBe(409);
    expect(seen.body).toContain(nl.worklist.refused['not-an-alert']);
  });

  it('returns only to a worklist page, and refuses a post without its token', async () => {
    const b = await signedIn('nurse');
    const page = await b.get('/worklist');
    const task = (key: string) =>
      inTransaction(t.store.db, async (trx) =>
        (await insertManualItem(trx, { organisationId: org, patientId: johanna, key, step: 'task', due: today, priority: 'normal', reasons: [], source: 'task', title: 'Brief nakijken', assignee: null })).item_id,
      );
    const [a, c, d] = [await task('task:return-a'), await task('task:return-b'), await task('task:return-c')];
    for (const [id, ret] of [[a, 'https://elders.example/worklist'], [c, '/patients?q=x']] as const) {
      const res = await b.post(`/worklist/${id}/done`, { _csrf: csrfOf(page.body), return: ret });
      expect(res.statusCode, ret).toBe(303);
      expect(res.headers.location, ret).toBe('/worklist?notice=done');
    }
    const forged = await b.post(`/worklist/${d}/done`, { return: '/worklist' });
    expect(forged.statusCode).toBe(403);
    expect((await t.store.db.selectFrom('worklist_item').select('state').where('item_id', '=', d).executeTakeFirstOrThrow()).state).toBe('open');
    expect((await b.post('/worklist/not-an-id/done', { _csrf: csrfOf(page.body) })).statusCode).toBe(404);
  });

  it.each(['physiotherapist', 'care-worker', 'patient', 'caregiver', 'admin'] as const)('refuses the page and its buttons to the %s, as other staff pages do', async (role) => {
    const b = await signedIn(role);
    const page = await b.get('/worklist');
    expect(page.statusCode).toBe(403);
    expect(page.body).toContain(nl.errors.forbiddenTitle);
    expect(page.body).not.toContain(nl.worklist.caption);
    // A valid token (the sign-out form's): the refusal is the page's, not the token check's.
    const own = await b.get('/help');
    const item = await itemOf(johanna, 'handover');
    const post = await b.post(`/worklist/${item}/done`, { _csrf: csrfOf(own.body), return: '/worklist' });
    expect(post.statusCode).toBe(403);
    expect(post.body).toContain(nl.errors.forbiddenTitle);
    expect((await t.store.db.selectFrom('worklist_item').select('state').where('item_id', '=', item).executeTakeFirstOrThrow()).state).toBe('open');
  });

  it('speaks English when asked', async () => {
    const b = await signedIn('nurse', 'en');
    const page = await b.get('/worklist');
    expect(page.body).toContain(`<h1>${en.worklist.title}</h1>`);
    expect(page.body).toContain(en.worklist.reasons['oral-or-denosumab-only']);
    expect(page.body).toContain(`${en.worklist.status.overdue}<`);
  });
});

describe('the worklist in words', () => {
  /** Every code the core's derivation writes as a reason today (derive.ts), with the lists it draws on. */
  const REASONS = [
    'qualifying-fracture', 'did-not-attend', 'hip-fracture', 'dxa-indicated', 'visit-planned', 'visit-kind-diagnostic-day', 'visit-kind-evening-clinic',
    'invited-no-date', 'dxa-result-missing', 'results-in', 'follow-up-planned', 'follow-up-due', 'follow-up-overdue', 'missed-twice', 'lives-alone', 'no-gp',
    'oral-or-denosumab-only', 'one-year-contact-done', 'age-50-plus-at-onset', 'egfr', 'calcium-corrected', 'within-14-days', 'within-28-days',
    ...DRUGS, ...Object.keys(ALERT_CODES), ...INDICATION_REASONS,
  ];

  it.each([nl, en])('has words for every step and every reason code ($lang)', (t) => {
    for (const s of WORKLIST_STEPS) expect(stepWords(t, s), s).not.toBe(s);
    for (const r of REASONS) expect(reasonWords(t, r), r).not.toBe(r);
  });

  it('shows a code it has no words for yet as the code itself', () => {
    expect(reasonWords(nl, 'children.fracture-signal')).toBe('children.fracture-signal');
    expect(stepWords(en, 'a-later-step')).toBe('a-later-step');
  });
});

describe('the worklist in pages', () => {
  let t: TestApp;

  beforeAll(async () => {
    ({ t } = await demoApp());
    // Enough patients with open steps for more than one page under a filter.
    await seedPatients(t.store.db, 260, { asOf: todayNl() });
    await rederiveAll(t.store.db, todayNl());
  });
  afterAll(async () => {
    await t.close();
  });

  it('pages through a filtered list with the true position and total, and the page links keep the filter', async () => {
    const b = new Browser(t);
    await b.signIn(account('nurse').email);
    const base = '/worklist?overdue=true&sort=name';
    const first = await b.get(base);
    const total = Number(/(\d[\d.]*) stappen open\./.exec(first.body)?.[1]?.replace(/\./g, ''));
    expect(total).toBeGreaterThan(50);
    const fmt = (n: number) => new Intl.NumberFormat('nl-NL').format(n);
    expect(first.body).toContain(nl.worklist.shown('1', '50', fmt(total)));
    expect(rowCount(first.body)).toBe(50);
    expect(linkOf(first.body, 'prev')).toBeUndefined();
    const next = linkOf(first.body, 'next') ?? '';
    expect(next).toMatch(/^\/worklist\?overdue=true&sort=name&cursor=[A-Za-z0-9_-]+$/);
    const second = await b.get(next);
    expect(second.body).toContain(nl.worklist.shown('51', fmt(Math.min(100, total)), fmt(total)));
    // A row's button returns to this very page.
    const ret = hiddenFields(second.body, second.body.match(/action="(\/worklist\/[^"]+)"/)?.[1] ?? '/none').find(([k]) => k === 'return')?.[1];
    if (ret !== undefined) expect(ret).toBe(next);
    const back = await b.get(linkOf(second.body, 'prev') ?? '');
    expect(back.body).toContain(nl.worklist.shown('1', '50', fmt(total)));
    expect(rowsOf(back.body)).toEqual(rowsOf(first.body));
    // Every row once, across all pages.
    let seen = rowCount(first.body);
    let page = first;
    for (let href = linkOf(page.body, 'next'); href !== undefined; href = linkOf(page.body, 'next')) {
      expect(href).toContain('overdue=true&sort=name&cursor=');
      page = await b.get(href);
      seen += rowCount(page.body);
    }
    expect(seen).toBe(total);
  });
});
