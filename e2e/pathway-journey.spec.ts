// The pathway after the intake, with the keyboard only, for one new patient from her fracture to
// the hand-over: the nurse takes her in and records the diagnostic day (the lab draw shows a low
// calcium), the physician signs the assessment off; the nurse decides with her on an injection
// every 6 months and prints the agreements; the physician's denosumab is refused by the safety
// checks (the low calcium) and then prescribed with the reason to do so anyway; the nurse records
// the injection with its batch, the 3-month contact and the 1-year visit, writes the GP hand-over
// letter and makes the dentist's card. Every PDF is read back with pdftotext, and every page state
// on the way gets the accessibility audit.
// Everything is dated today: the pages take a contact on any date, and the hand-over asks for a
// recorded 1-year visit, not for a year to have passed (handover.gp in the core).
/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, newContext } from './support/browser.js';
import { Shell } from './support/shell.js';
import { messages } from './support/pages.js';
import { auditPage } from './support/audit.js';
import { Keys, signInByKeyboard } from './support/keyboard.js';
import { fetchPdfText } from './support/pdf.js';

const t = messages('nl');
const c = t.clinical;
const m = t.medicationPlan;
const f = t.followUp;
/** The record's pages hold menus, tables and links before their forms. */
const TABS = 250;
const PATIENT = 'Hilde Wiegersma';
const OVERRIDE = 'Calcium wordt aangevuld en voor de prik opnieuw gemeten';
const BATCH = 'DEN-JOURNEY-42';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

const today = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date()).replace(/\//g, '-');

/** One signed-in browser per role, with the keys its user presses. */
async function desk(role: 'nurse' | 'physician'): Promise<{ page: Page; shell: Shell; keys: Keys }> {
  const context = await newContext(browser, { bypassCSP: true });
  const page = await context.newPage();
  const shell = new Shell(page, 'nl');
  await signInByKeyboard(page, shell, role);
  return { page, shell, keys: new Keys(page, shell) };
}

/** Tabs to a field, clears what it holds and types `text`. */
async function typeInto(keys: Keys, field: Locator, text: string): Promise<void> {
  await keys.tabTo(field, TABS);
  await keys.press('Control+A');
  await keys.type(text);
}

/** Tabs to a list and picks an option by typing the first letters of its label, as a keyboard user does. */
async function choose(keys: Keys, select: Locator, letters: string, value: string): Promise<void> {
  await keys.tabTo(select, TABS);
  await keys.type(letters);
  expect(await select.inputValue()).toBe(value);
}

/** Tabs to a disclosure's summary and opens it. */
async function open(keys: Keys, summary: Locator): Promise<void> {
  await keys.tabTo(summary, TABS);
  await keys.press('Enter');
  await expect.poll(() => summary.evaluate((s) => (s.parentElement as HTMLDetailsElement).open)).toBe(true);
}

/** Tabs to a button or link and presses Enter, waiting for the page it leads to. */
async function send(keys: Keys, target: Locator): Promise<void> {
  await keys.tabTo(target, TABS);
  await keys.submit();
}

/** Checks the radio with `value` in the group `name`: Tab into the group, then the arrow keys. */
async function pickRadio(keys: Keys, page: Page, name: string, value: string): Promise<void> {
  const group = page.locator(`input[type="radio"][name="${name}"]`);
  await keys.tabTo(group.first(), TABS);
  if (!(await group.first().isChecked())) await keys.press('Space');
  const values = await group.evaluateAll((xs) => xs.map((x) => (x as HTMLInputElement).value));
  if (!values.includes(value)) throw new Error(`no ${value} among ${values.join(', ')}`);
  for (let i = 0; i < values.length; i++) {
    if ((await page.locator(`input[name="${name}"]:checked`).inputValue()) === value) return;
    await keys.press('ArrowDown');
  }
  expect(await page.locator(`input[name="${name}"]:checked`).inputValue()).toBe(value);
}

describe('the pathway from intake to hand-over by keyboard', () => {
  it('decision with printed agreements, a blocked drug refused then prescribed with a reason, the injection, the contacts, the hand-over letter and the dentist card', { timeout: 900_000 }, async () => {
    const nurse = await desk('nurse');
    const doctor = await desk('physician');
    let page = nurse.page;
    let keys = nurse.keys;

    // ---- The intake, as in intake-keyboard.spec.ts ----------------------------------------------
    await send(keys, page.getByRole('link', { name: t.menu.intake }));
    expect(await nurse.shell.isFocused(page.locator('#familyName'))).toBe(true);
    for (const [value, key] of [['Wiegersma', 'Tab'], ['Hilde', 'Tab'], ['17-06-1952', 'Tab'], ['vrouw', 'Tab'], ['', 'Tab'], ['pols', 'Tab'], ['links', 'Tab'], ['', 'Enter']] as const) {
      // Enter on a list does not send the form: the fracture's date (today) takes it.
      await keys.type(value);
      if (key === 'Enter') await keys.submit();
      else await keys.press(key);
    }
    expect(new URL(page.url()).pathname).toMatch(/^\/intake\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByRole('heading', { name: t.intake.verdict.indicated }).count()).toBe(1);
    const record = `/patients/${new URL(page.url()).pathname.split('/')[2] ?? ''}`;

    // ---- The diagnostic day: a DXA scan, and a lab draw with a calcium below the range -----------
    await page.goto(`${record}/results`);
    await open(keys, page.locator('summary', { hasText: c.forms.add.dxa }));
    await typeInto(keys, page.locator('#dxa-date'), today);
    await typeInto(keys, page.locator('#lumbar-spine-t'), '-2,7');
    await typeInto(keys, page.locator('#femoral-neck-t'), '-2,2');
    await typeInto(keys, page.locator('#total-hip-t'), '-1,9');
    await send(keys, page.getByRole('button', { name: c.forms.save.dxa }));
    expect(new URL(page.url()).search).toBe('?notice=added');
    await open(keys, page.locator('summary', { hasText: c.forms.add.labs }));
    await typeInto(keys, page.locator('#labs-date'), today);
    // The first letters pick the test: "Calcium," is the one corrected for albumin.
    const draw = [['Calcium,', 'calcium-corrected', '2,10'], ['eGFR', 'egfr', '78'], ['25-OH', '25-oh-vitamin-d', '38']] as const;
    for (const [i, [letters, test, value]] of draw.entries()) {
      await choose(keys, page.locator(`#lab${String(i + 1)}-test`), letters, test);
      await typeInto(keys, page.locator(`#lab${String(i + 1)}-value`), value);
    }
    await send(keys, page.getByRole('button', { name: c.forms.save.labs }));
    expect(new URL(page.url()).search).toBe('?notice=added');
    await auditPage(page);

    // ---- The physician signs the assessment off -----------------------------------------------
    page = doctor.page;
    keys = doctor.keys;
    await page.goto(`${record}/assessment`);
    await typeInto(keys, page.getByLabel(t.assessment.signNote, { exact: false }), 'Calcium laag: aanvullen voor een middel dat het calcium verlaagt.');
    await send(keys, page.getByRole('button', { name: t.assessment.signButton }));
    await expect.poll(() => page.getByText(t.assessment.signed).count()).toBe(1);

    // ---- The shared decision: an injection every 6 months, the agreements printed ---------------
    page = nurse.page;
    keys = nurse.keys;
    await page.goto(`${record}/assessment`);
    await send(keys, page.getByRole('link', { name: t.decision.link }));
    expect(new URL(page.url()).pathname).toBe(`${record}/decision`);
    await auditPage(page);
    await pickRadio(keys, page, 'option', 'injection-6-months');
    await choose(keys, page.locator('#drug'), 'Deno', 'denosumab');
    await typeInto(keys, page.locator('#whatMatters'), 'Niet elke week aan een tablet denken');
    await typeInto(keys, page.locator('#agreement-medication'), 'Elk half jaar een prik in de polikliniek');
    await keys.press('Tab');
    await keys.type('Drie keer per week fietsen');
    await send(keys, page.getByRole('button', { name: t.decision.save }));
    expect(new URL(page.url()).search).toBe('?notice=saved');
    await expect.poll(() => page.getByText('Elk half jaar een prik in de polikliniek').count()).toBe(1);
    await auditPage(page);
    const printNl = page.getByRole('link', { name: t.decision.printNl }).first();
    await keys.tabTo(printNl, TABS);
    const agreements = (await fetchPdfText(page, (await printNl.getAttribute('href')) ?? '')).replace(/\s+/g, ' ');
    for (const s of ['Wat wij samen hebben afgesproken', PATIENT, 'Het medicijn heet denosumab', 'Elk half jaar een prik in de polikliniek', 'Drie keer per week fietsen', 'Niet elke week aan een tablet denken']) {
      expect(agreements).toContain(s);
    }

    // ---- Denosumab: refused for the low calcium, then prescribed with the reason -----------------
    page = doctor.page;
    keys = doctor.keys;
    await page.goto(`${record}/medication`);
    await auditPage(page);
    await send(keys, page.locator('.jump-links').getByRole('link', { name: m.prescribe.title, exact: true }));
    await choose(keys, page.locator('#drug'), 'Deno', 'denosumab');
    await send(keys, page.getByRole('button', { name: m.prescribe.save, exact: true }));
    expect(new URL(page.url()).pathname).toBe(`${record}/medication/prescribe`);
    const refusal = page.locator('.error-summary a[href="#overrideReason"]');
    expect(await refusal.count()).toBe(1);
    expect(await refusal.textContent()).toContain(m.prescribe.blocked('|').split('|')[0] ?? '-');
    expect(await refusal.textContent()).toContain('calcium');
    // The checks' words above the form also name a caution: the dental check is not on record.
    const gate = page.locator('section[aria-labelledby="prescribe-form"] .notice');
    await expect.poll(() => gate.textContent()).toMatch(/gebitscontrole/);
    expect(await doctor.shell.isFocused(page.locator('.error-summary'))).toBe(true);
    await expect.poll(() => page.getByText(m.notices.prescribed).count()).toBe(0);
    await auditPage(page);
    // The error summary's link leads to the field that lifts the block.
    await keys.tabTo(refusal, TABS);
    await keys.press('Enter');
    await expect.poll(() => doctor.shell.isFocused(page.locator('#overrideReason'))).toBe(true);
    await keys.type(OVERRIDE);
    // The caution, weighed: its box is the field just before.
    await keys.press('Shift+Tab');
    expect(await doctor.shell.isFocused(page.locator('#acknowledgeCautions'))).toBe(true);
    await keys.press('Space');
    expect(await page.locator('#acknowledgeCautions').isChecked()).toBe(true);
    expect(await page.locator('#drug').inputValue()).toBe('denosumab');
    await send(keys, page.getByRole('button', { name: m.prescribe.save, exact: true }));
    expect(await page.locator('.error-summary').allTextContents()).toEqual([]);
    expect(page.url()).toContain(`${record}/medication?notice=prescribed`);
    await expect.poll(() => page.getByText(m.notices.prescribed).count()).toBe(1);
    await expect.poll(() => page.getByText(OVERRIDE, { exact: false }).count()).toBeGreaterThan(0);
    await auditPage(page);

    // ---- The nurse records the injection with its place and batch ------------------------------
    page = nurse.page;
    keys = nurse.keys;
    await page.goto(`${record}/medication`);
    await send(keys, page.locator('.jump-links').getByRole('link', { name: m.dose.title, exact: true }));
    expect(await page.locator('#medicationId option:checked').textContent()).toContain(m.drugs.denosumab);
    await typeInto(keys, page.locator('#location'), 'Polikliniek osteoporose');
    await keys.press('Tab');
    expect(await nurse.shell.isFocused(page.locator('#batch'))).toBe(true);
    await keys.type(BATCH);
    await send(keys, page.getByRole('button', { name: m.dose.save, exact: true }));
    await expect.poll(() => page.getByText(m.notices.dose).count()).toBe(1);
    await expect.poll(() => page.getByText(BATCH).count()).toBe(1);
    await auditPage(page);

    // ---- The 3-month contact; the hand-over waits for the 1-year visit --------------------------
    const contact = async (kind: '3-months' | '1-year', sideEffects: string) => {
      await page.goto(`${record}/contacts`);
      await open(keys, page.locator('summary', { hasText: f.form.title }));
      await typeInto(keys, page.getByLabel(f.form.date, { exact: true }), today);
      await pickRadio(keys, page, 'kind', kind);
      await typeInto(keys, page.getByLabel(f.form.sideEffects), sideEffects);
      await send(keys, page.getByRole('button', { name: f.form.save }));
      expect(page.url()).toMatch(/notice=contact-added/);
      expect(await page.getByText(f.form.saved).count()).toBe(1);
      expect(await page.getByText(sideEffects).count()).toBe(1);
      await auditPage(page);
    };
    await contact('3-months', 'Een dag wat spierpijn na de prik');
    await page.goto(`${record}/letters`);
    expect(await page.getByRole('button', { name: t.letters.handoverButton }).count()).toBe(0);
    expect(await page.getByText(t.letters.handoverNotYet('|').split('|')[0] ?? '-').count()).toBe(1);
    await auditPage(page);
    await contact('1-year', 'Geen klachten meer');

    // ---- The GP hand-over letter and the dentist's card, each read back from its PDF -----------
    const newestLetter = async () => fetchPdfText(page, (await page.locator('a[href$="/pdf"]').first().getAttribute('href')) ?? '');
    await page.goto(`${record}/letters`);
    await auditPage(page);
    await send(keys, page.getByRole('button', { name: t.letters.handoverButton }));
    expect(await page.getByText(t.letters.writtenNotice).count()).toBe(1);
    await auditPage(page);
    const handover = await newestLetter();
    expect(handover).toMatch(/Overdracht osteoporosezorg aan de huisarts/);
    expect(handover).toContain(PATIENT);
    expect(handover).toMatch(/denosumab: 60 mg, injectie onder de huid, eens per half jaar/);
    expect(handover).toMatch(/Volgende injectie denosumab:/);
    expect(handover).toMatch(/gecorrigeerd calcium: 2,1 mmol\/L/);
    expect(handover).toMatch(/Medicijnen: Elk half jaar een prik in de polikliniek/);

    await send(keys, page.getByRole('button', { name: t.letters.cardButton }));
    expect(await page.getByText(t.letters.writtenNotice).count()).toBe(1);
    await auditPage(page);
    const card = await newestLetter();
    expect(card).toMatch(/Kaart voor de tandarts/);
    expect(card).toContain(PATIENT);
    expect(card).toMatch(/Gebruikt denosumab sinds/i);
    expect(card).toMatch(/osteonecrose van de kaak/);

    await nurse.page.context().close();
    await doctor.page.context().close();
  });
});
