// The learn pages as a browser without JavaScript gets them: public, Dutch unless the reader chose
// English, always in the patient side's large type, every section an anchor, pictures as images
// with a name, sources by their full names; an unknown page is a 404 page; the assessment's why
// links to the page that explains a conclusion.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../api/testing/test-app.js';
import { Browser, account, demoApp } from '../../api/testing/page-browser.js';
import { LEARN_PAGES } from './pages/index.js';
import { nl } from '../i18n/nl.js';
import { en } from '../i18n/en.js';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

describe('learn pages', () => {
  let t: TestApp;
  let anna = '';
  beforeAll(async () => {
    ({ t, anna } = await demoApp());
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists every page by group, with its summary, in Dutch by default and without signing in', async () => {
    const res = await new Browser(t).get('/learn');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<html lang="nl" class="size-normal side-patient">');
    expect(res.body).toContain(`<h1>${escape(nl.learn.title)}</h1>`);
    expect(res.body).toContain(escape(nl.learn.groups.bones));
    for (const p of LEARN_PAGES) {
      expect(res.body).toContain(`<a href="/learn/${p.slug}">${escape(p.title.nl)}</a>`);
      expect(res.body).toContain(escape(p.summary.nl));
    }
  });

  it.each(LEARN_PAGES.map((p) => [p.slug, p] as const))('/learn/%s shows its sections as anchors, its pictures as named images and its sources', async (slug, page) => {
    const res = await new Browser(t).get(`/learn/${slug}`);
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html).toContain(`<h1 id="learn-title">${escape(page.title.nl)}</h1>`);
    for (const s of page.sections) {
      expect(html).toContain(`<h2 id="${s.id}">${escape(s.heading.nl)}</h2>`);
      expect(html).toContain(`<a href="#${s.id}">`);
      for (const b of s.blocks) {
        if (b.kind === 'p') expect(html).toContain(`<p>${escape(b.text.nl)}</p>`);
        if (b.kind === 'picture') {
          const title = new RegExp(`<svg class="learn-picture" viewBox="[^"]+" role="img" aria-labelledby="([^"]+)"[^>]*><title id="\\1">${escape(b.alt.nl).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</title>`);
          expect(html).toMatch(title);
        }
      }
    }
    expect(html).toContain(escape(nl.learn.checked('07-12-2026')));
    for (const s of page.sources) expect(html).toContain(escape((nl.learn.sourceNames as Record<string, string>)[s] ?? s));
    // No script and no print button: the print stylesheet does the printing.
    expect(html).not.toContain('<script');
    expect(html).not.toMatch(/window\.print|onclick/);
  });

  it('is in English when the reader chose English', async () => {
    const b = new Browser(t);
    b.jar.set('botpad_lang', 'en');
    const res = await b.get('/learn/food');
    expect(res.body).toContain('<html lang="en"');
    expect(res.body).toContain(`<h1 id="learn-title">Calcium and vitamin D</h1>`);
    expect(res.body).toContain(escape(en.learn.checked('07-12-2026')));
    expect(res.body).toContain('<title id="pic-calculator-2-title">A day with calcium.');
  });

  it('answers an unknown page with the page-not-found page', async () => {
    const res = await new Browser(t).get('/learn/no-such-page');
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain(`<h1>${escape(nl.errors.notFoundTitle)}</h1>`);
  });

  it('keeps the large type for a clinician too, and is in a patient’s and a caregiver’s menu', async () => {
    const nurse = new Browser(t);
    await nurse.signIn(account('nurse').email);
    expect((await nurse.get('/learn/moving')).body).toContain('side-patient');
    for (const role of ['patient', 'caregiver'] as const) {
      const b = new Browser(t);
      await b.signIn(account(role).email);
      expect((await b.get('/learn')).body).toContain(`<a href="/learn">${nl.menu.learn}</a>`);
    }
  });

  it('is linked from the start page', async () => {
    expect((await new Browser(t).get('/')).body).toContain(`<a href="/learn">${escape(nl.learn.homeLink)}</a>`);
  });

  it('is linked from the why of a conclusion in the assessment', async () => {
    const nurse = new Browser(t);
    await nurse.signIn(account('nurse').email);
    const res = await nurse.get(`/patients/${anna}/assessment`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`<dt>${nl.learn.patientInfo}</dt>`);
    expect(res.body).toMatch(/<dd><a href="\/learn\/[a-z-]+(#[a-z-]+)?">/);
  });
});
