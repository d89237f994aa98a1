// The clinic's patient list pages through a long list without JavaScript: the true number found,
// which of them this page shows, and previous/next links that keep the search (in both languages).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../api/testing/test-app.js';
import { Browser, account, demoApp } from '../../api/testing/page-browser.js';
import { seedPatients } from '../../services/seed.js';
import { nl } from '../i18n/nl.js';
import { en } from '../i18n/en.js';

/** The href of the page link with `rel`, decoded as a browser would follow it. */
const linkOf = (html: string, rel: 'next' | 'prev') => [...html.matchAll(/<a href="([^"]*)" rel="([^"]*)"/g)].find((m) => m[2] === rel)?.[1]?.replace(/&amp;/g, '&');
const rowsOf = (html: string) => [...html.matchAll(/<th scope="row"[^>]*><a href="\/patients\/([0-9a-f-]{36})"/g)].map((m) => m[1]);

describe('the patient list in pages', () => {
  let t: TestApp;

  beforeAll(async () => {
    ({ t } = await demoApp());
    // The demo hospital cares for 10 patients; 52 more make 62.
    await seedPatients(t.store.db, 52, { asOf: '2026-06-30' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('says 62 found, shows 1 to 50, and the next and previous links go through all of them', async () => {
    const b = new Browser(t);
    await b.signIn(account('nurse').email);
    const first = await b.get('/patients');
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain(`${nl.patients.count(62)} ${nl.patients.shown(1, 50)}`);
    expect(rowsOf(first.body)).toHaveLength(50);
    expect(linkOf(first.body, 'prev')).toBeUndefined();
    const next = linkOf(first.body, 'next') ?? '';
    expect(next).toMatch(/^\/patients\?cursor=[A-Za-z0-9_-]+$/);
    const second = await b.get(next);
    expect(second.body).toContain(`${nl.patients.count(62)} ${nl.patients.shown(51, 62)}`);
    expect(rowsOf(second.body)).toHaveLength(12);
    expect(linkOf(second.body, 'next')).toBeUndefined();
    expect(new Set([...rowsOf(first.body), ...rowsOf(second.body)]).size).toBe(62);
    const back = await b.get(linkOf(second.body, 'prev') ?? '');
    expect(rowsOf(back.body)).toEqual(rowsOf(first.body));
    expect(back.body).toContain(nl.patients.shown(1, 50));
  });

  it('keeps the search in the page links, and speaks English when asked', async () => {
    const b = new Browser(t);
    b.jar.set('botpad_lang', 'en');
    await b.signIn(account('nurse').email);
    const all = await b.get('/patients');
    expect(all.body).toContain(`${en.patients.count(62)} ${en.patients.shown(1, 50)}`);
    expect(all.body).toContain(en.patients.next);
    const found = await b.get('/patients?birthDate=12-04-1948');
    expect(found.body).toContain(en.patients.count(1));
    expect(linkOf(found.body, 'next')).toBeUndefined();
    const partial = await b.get(linkOf(all.body, 'next') ?? '');
    expect(partial.body).toContain(en.patients.shown(51, 62));
    expect(partial.body).toContain(en.patients.previous);
  });

  it('shows the first page for a page link that was edited by hand', async () => {
    const b = new Browser(t);
    await b.signIn(account('nurse').email);
    const r = await b.get('/patients?cursor=made-up');
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain(nl.patients.shown(1, 50));
  });

  it('counts for a day centre only the children it may see, so the number found is the number listed', async () => {
    // Adults put in the day centre's care by mistake: the core shows a day centre children only.
    const centre = await t.store.db.selectFrom('organisation').select('id').where('kind', '=', 'day-centre').executeTakeFirstOrThrow();
    const adults = await t.store.db.selectFrom('patient').select('id').where('birth_date', '<', '1990-01-01').limit(3).execute();
    await t.store.db.insertInto('patient_organisation').values(adults.map((a) => ({ patient_id: a.id, organisation_id: centre.id, relation: 'care' as const }))).execute();
    const b = new Browser(t);
    await b.signIn(account('care-worker').email);
    const page = await b.get('/patients');
    expect(page.statusCode).toBe(200);
    const listed = rowsOf(page.body).length;
    expect(listed).toBeGreaterThan(0);
    expect(page.body).toContain(`${nl.patients.count(listed)} ${nl.patients.shown(1, listed)}`);
    for (const a of adults) expect(page.body).not.toContain(a.id);
  });
});
