// A form with several mistakes, in both languages, in a real browser without any script of ours:
// every error at once, each in words next to its own field (a date that does not exist, a BSN that
// fails the eleven-test, a phone number that is not one), and a summary at the top that has the
// focus when the page opens, with a link to each field. The page with the errors passes the audit.
/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newContext } from './support/browser.js';
import { auditPage } from './support/audit.js';
import { Shell } from './support/shell.js';
import { LANGS, signInAs } from './support/pages.js';
import { todayNl } from '../src/schema/clock.js';
import { addDays } from '../src/core/time/date.js';
import { typedFromIso } from '../src/web/forms.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

/** Each field's message as the page shows it beside the field, with where it sits against the input. */
async function shownErrors(page: Page): Promise<Record<string, { text: string; besideInput: boolean; describes: boolean; invalid: boolean }>> {
  return page.evaluate(() => {
    const out: Record<string, { text: string; besideInput: boolean; describes: boolean; invalid: boolean }> = {};
    for (const err of Array.from(document.querySelectorAll<HTMLElement>('main form .field-error'))) {
      const field = err.id.replace(/-error$/, '');
      const input = document.getElementById(field);
      const visible = err.cloneNode(true) as HTMLElement;
      visible.querySelector('.visually-hidden')?.remove();
      const e = err.getBoundingClientRect();
      const i = input?.getBoundingClientRect();
      out[field] = {
        text: (visible.textContent ?? '').trim(),
        // In the field's own box, just above its input: read before the input, never far from it.
        besideInput: !!input && !!i && err.closest('.field, fieldset') === input.closest('.field, fieldset') && e.bottom <= i.top + 1 && i.top - e.bottom < 60,
        describes: (input?.getAttribute('aria-describedby') ?? input?.closest('fieldset')?.getAttribute('aria-describedby') ?? '').split(' ').includes(err.id),
        invalid: input?.getAttribute('aria-invalid') === 'true',
      };
    }
    return out;
  });
}

async function summary(page: Page): Promise<{ focused: boolean; links: [string, string][] }> {
  return page.evaluate(() => {
    const box = document.querySelector('.error-summary');
    return {
      focused: !!box && document.activeElement === box,
      links: Array.from(document.querySelectorAll<HTMLAnchorElement>('.error-summary a')).map((a) => [a.getAttribute('href') ?? '', (a.textContent ?? '').trim()] as [string, string]),
    };
  });
}

describe.each(LANGS)('a new patient with mistakes, in %s', (lang) => {
  let context: BrowserContext;
  let page: Page;
  let shell: Shell;

  beforeAll(async () => {
    // axe is injected as an inline script for the audit, which our script-src 'self' rightly refuses.
    context = await newContext(browser, { bypassCSP: true });
    page = await context.newPage();
    shell = new Shell(page);
    await shell.goto('/');
    await shell.chooseLanguage(lang);
    await signInAs('physician')(page);
  });
  afterAll(async () => {
    await context.close();
  });

  async function submit(fields: Record<string, string>, sex?: 'female' | 'male'): Promise<void> {
    await page.goto('/patients/new');
    for (const [name, value] of Object.entries(fields)) await page.fill(`#${name}`, value);
    if (sex) await page.check(`input[name="sex"][value="${sex}"]`);
    // The form posts to the page it is on: wait for the post's answer, not for a URL the page
    // already has, or a busy machine reads the page from before the post.
    const posted = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/patients/new');
    await page.click('form[action="/patients/new"] button[type="submit"]');
    await posted;
    await page.waitForURL(/\/patients\/(new|[0-9a-f-]{36})/);
    await page.waitForLoadState('load');
  }

  it('shows every error at once, in words beside its field, and the summary has the focus', async () => {
    const t = shell.t;
    const f = t.patients.fields;
    await submit({ familyName: '', givenName: 'Anna', birthDate: '31-02-1950', bsn: '123456789', phone: '12345', email: 'anna' });
    const expected: Record<string, string> = {
      familyName: t.form.required(f.familyName),
      birthDate: t.form.dateNotExist(f.birthDate, 2, 1950, 28),
      sex: t.form.choose(f.sex),
      bsn: t.form.bsnElevenTest(f.bsn),
      phone: t.form.phone(f.phone),
      email: t.form.email,
    };
    const s = await summary(page);
    expect(s.focused, 'the error summary has the focus').toBe(true);
    expect(s.links).toEqual(Object.entries(expected).map(([field, text]) => [`#${field}`, text]));
    const shown = await shownErrors(page);
    expect(Object.keys(shown)).toEqual(Object.keys(expected));
    for (const [field, text] of Object.entries(expected)) {
      expect(shown[field], field).toEqual({ text, besideInput: true, describes: true, invalid: true });
    }
    // What was typed is still there to put right.
    expect(await page.inputValue('#birthDate')).toBe('31-02-1950');
    expect(await page.inputValue('#givenName')).toBe('Anna');
    await auditPage(page);
  });

  it('says a birth date after today, and a BSN of the wrong length, each in its own words', async () => {
    const t = shell.t;
    const f = t.patients.fields;
    await submit({ familyName: 'Vries', givenName: 'Anna', birthDate: typedFromIso(addDays(todayNl(), 1)), bsn: '12345678', phone: '+31 6 1234' }, 'female');
    const shown = await shownErrors(page);
    expect(Object.fromEntries(Object.entries(shown).map(([k, v]) => [k, v.text]))).toEqual({
      birthDate: t.form.birthInFuture(f.birthDate),
      bsn: t.form.bsnFormat(f.bsn),
      phone: t.form.phone(f.phone),
    });
    expect((await summary(page)).focused).toBe(true);
  });

  it('takes the corrected form, with optional fields left blank, and shows the number the Dutch way', async () => {
    const name = lang === 'nl' ? 'Formulier' : 'Form';
    await submit({ familyName: name, givenName: 'Anna', birthDate: '12-04-1948', bsn: '   ', phone: '+31 6 12345678', email: '  ', gpPractice: '' }, 'female');
    expect(new URL(page.url()).pathname).toMatch(/^\/patients\/[0-9a-f-]{36}$/);
    const details = page.locator('main dl.details');
    expect(await details.textContent()).toContain('06 12345678');
  });
});
