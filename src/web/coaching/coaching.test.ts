// The home safety check and the coaching page, driven like a browser without script: the
// physiotherapist of the demo practice records a check (a missing finding and a day ahead refused
// at their fields, nothing stored), sees the advice beside what needs work; records a coaching
// session next to the core's lifestyle, calcium and vitamin D advice with its why; writes a letter
// to a dietitian and prints it. The hospital's nurse reads both pages without the forms and may
// not post them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../api/testing/test-app.js';
import { Browser, account, csrfOf, demoApp } from '../../api/testing/page-browser.js';
import { pdfText } from '../../api/testing/pdf-text.js';
import { HOME_CHECK_ITEMS } from '../../core/coaching/lists.js';
import { addDays } from '../../core/time/date.js';
import { todayNl } from '../../schema/clock.js';
import { typedFromIso } from '../forms.js';
import { en } from '../i18n/en.js';
import { nl } from '../i18n/nl.js';

const h = nl.homeCheck;
const c = nl.coaching;
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

describe('the home safety check and coaching pages', () => {
  let t: TestApp;
  let anna = '';
  const physio = async () => {
    const b = new Browser(t);
    await b.signIn(account('physiotherapist').email);
    return b;
  };

  beforeAll(async () => {
    ({ t, anna } = await demoApp());
  });
  afterAll(async () => {
    await t.close();
  });

  it('records a home check: every problem at its field first, then the check with the advice where it needs work', async () => {
    const b = await physio();
    const url = `/patients/${anna}/therapy/home-check`;
    const page = await b.get(url);
    expect(page.statusCode, page.body).toBe(200);
    expect(page.body).toContain(`<h1>${h.title}</h1>`);
    expect(page.body).toContain(`href="/patients/${anna}/therapy"`);
    expect(page.body).toContain(esc(h.adviceText['rugs-and-cables']));
    expect(page.body).toContain(h.none);
    expect(page.body).not.toContain('<script');

    const fields: Record<string, string> = { _csrf: csrfOf(page.body), date: typedFromIso(addDays(todayNl(), 1)) };
    for (const i of HOME_CHECK_ITEMS) fields[`finding-${i}`] = 'fine';
    delete fields['finding-pets'];
    const wrong = await b.post(url, { ...fields, 'finding-rugs-and-cables': 'needs-work', 'note-rugs-and-cables': 'Kleedje in de gang schuift.' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain(esc(h.dateFuture));
    expect(wrong.body).toContain(esc(h.findingRequired(h.items.pets)));
    // What was typed stays.
    expect(wrong.body).toContain('Kleedje in de gang schuift.');
    expect(await t.store.db.selectFrom('home_check').select('id').where('patient_id', '=', anna).execute()).toEqual([]);

    const ok = await b.post(url, {
      ...fields, _csrf: csrfOf(wrong.body), date: typedFromIso(todayNl()), 'finding-pets': 'not-applicable',
      'finding-rugs-and-cables': 'needs-work', 'note-rugs-and-cables': 'Kleedje in de gang schuift.', agreed: 'Het kleedje gaat deze week weg.',
    });
    expect(ok.statusCode, ok.body).toBe(303);
    const after = await b.get(ok.headers.location as string);
    expect(after.body).toContain(h.saved);
    expect(after.body).toContain('Kleedje in de gang schuift.');
    expect(after.body).toContain('Het kleedje gaat deze week weg.');
    expect(after.body).toContain(h.findings['needs-work']);
    expect(after.body).toContain(h.findings['not-applicable']);
    // The advice of the item that needs work is in the check's table, besides the hint in the form.
    expect(after.body.split(esc(h.adviceText['rugs-and-cables'])).length - 1).toBe(2);
    expect(after.body.split(esc(h.adviceText.shoes)).length - 1).toBe(1);
  });

  it('records a coaching session beside the core\'s advice with its why, refusing an agreement without what was discussed', async () => {
    const b = await physio();
    const url = `/patients/${anna}/therapy/coaching`;
    const page = await b.get(url);
    expect(page.statusCode, page.body).toBe(200);
    expect(page.body).toContain(`<h1>${c.title}</h1>`);
    expect(page.body).toContain(c.coreTitle);
    expect(page.body).toContain('<code>lifestyle.advice</code>');
    expect(page.body).toContain('<code>vitamin-d.advice</code>');
    expect(page.body).toContain(c.none);

    const none = await b.post(url, { _csrf: csrfOf(page.body), date: typedFromIso(todayNl()), 'agreed-smoking': 'Stopt per 1 januari.' });
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain(esc(c.noTopic));
    expect(none.body).toContain(esc(c.agreedWithout(c.topics.smoking)));
    expect(none.body).toContain('Stopt per 1 januari.');
    expect(await t.store.db.selectFrom('coaching_session').select('id').where('patient_id', '=', anna).execute()).toEqual([]);

    const ok = await b.post(url, {
      _csrf: csrfOf(none.body), date: typedFromIso(todayNl()), 'discussed-smoking': 'Rookt tien sigaretten per dag.', 'agreed-smoking': 'Stopt per 1 januari.',
      'discussed-calcium-food': 'Eet weinig zuivel.', 'agreed-moving': '',
    });
    expect(ok.statusCode, ok.body).toBe(303);
    const after = await b.get(ok.headers.location as string);
    expect(after.body).toContain(c.saved);
    expect(after.body).toContain('Rookt tien sigaretten per dag.');
    expect(after.body).toContain('Eet weinig zuivel.');
    // Kept in the core's order: food comes before smoking.
    expect(after.body.indexOf('Eet weinig zuivel.')).toBeLessThan(after.body.indexOf('Rookt tien sigaretten per dag.'));
  });

  it('writes a letter to a dietitian from the coaching page and prints it', async () => {
    const b = await physio();
    const url = `/patients/${anna}/therapy/coaching`;
    const page = await b.get(url);
    const action = `/patients/${anna}/therapy/coaching/dietitian-letter`;
    const wrong = await b.post(action, { _csrf: csrfOf(page.body), reason: '  ', lang: 'nl' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain(`id="reason-error"`);
    expect(await t.store.db.selectFrom('letter').select('id').where('patient_id', '=', anna).where('kind', '=', 'dietitian-referral').execute()).toEqual([]);
    const ok = await b.post(action, { _csrf: csrfOf(wrong.body), reason: 'Eet bijna geen zuivel en valt af.', question: 'Graag een eetplan met genoeg kalk.', lang: 'nl' });
    expect(ok.statusCode, ok.body).toBe(303);
    const after = await b.get(ok.headers.location as string);
    expect(after.body).toContain(c.written);
    const link = /href="(\/patients\/[^"]+\/letters\/[^"]+\/pdf)"/.exec(after.body)?.[1];
    expect(link).toBeDefined();
    const pdf = await b.get(link ?? '');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdfText(pdf.rawPayload).replace(/\s+/g, ' ');
    expect(text).toContain('Verwijzing naar de diëtist');
    expect(text).toContain('Eet bijna geen zuivel en valt af.');
    expect(text).toContain('Graag een eetplan met genoeg kalk.');
  });

  it('shows the nurse both pages without the forms, and refuses her posts', async () => {
    const b = new Browser(t);
    await b.signIn(account('nurse').email);
    const check = await b.get(`/patients/${anna}/therapy/home-check`);
    expect(check.statusCode).toBe(200);
    expect(check.body).toContain(h.readOnly);
    expect(check.body).not.toContain(`action="/patients/${anna}/therapy/home-check"`);
    const coaching = await b.get(`/patients/${anna}/therapy/coaching`);
    expect(coaching.statusCode).toBe(200);
    expect(coaching.body).toContain(c.readOnly);
    expect(coaching.body).not.toContain('dietitian-letter"');
    const fields: Record<string, string> = { _csrf: csrfOf(coaching.body), date: typedFromIso(todayNl()) };
    for (const i of HOME_CHECK_ITEMS) fields[`finding-${i}`] = 'fine';
    expect((await b.post(`/patients/${anna}/therapy/home-check`, fields)).statusCode).toBe(403);
    expect((await b.post(`/patients/${anna}/therapy/coaching`, { _csrf: csrfOf(coaching.body), date: typedFromIso(todayNl()), 'discussed-pain': 'x' })).statusCode).toBe(403);
  });

  it('opens for the hospital and the practice, refuses every other role, and sends a visitor to sign in', async () => {
    const roles = ['nurse', 'physician', 'physiotherapist', 'care-worker', 'admin', 'patient', 'caregiver'] as const;
    for (const path of [`/patients/${anna}/therapy/home-check`, `/patients/${anna}/therapy/coaching`]) {
      for (const role of roles) {
        const b = new Browser(t);
        await b.signIn(account(role).email);
        const expected = role === 'nurse' || role === 'physician' || role === 'physiotherapist' ? 200 : 403;
        expect((await b.get(path)).statusCode, `${role} ${path}`).toBe(expected);
      }
      const visitor = await new Browser(t).get(path);
      expect(visitor.statusCode).toBe(303);
      expect(visitor.headers.location).toBe(`/sign-in?return=${encodeURIComponent(path)}`);
    }
  });

  it('has every text of both blocks in English too', () => {
    expect(Object.keys(en.homeCheck).sort()).toEqual(Object.keys(nl.homeCheck).sort());
    expect(Object.keys(en.coaching).sort()).toEqual(Object.keys(nl.coaching).sort());
    expect(Object.keys(en.homeCheck.adviceText).sort()).toEqual([...HOME_CHECK_ITEMS].sort());
  });
});
