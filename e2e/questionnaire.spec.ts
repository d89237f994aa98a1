// The questionnaires before the diagnostic day (the risk factors, then the calcium calculator),
// filled in with the keyboard only as the patient does on a tablet: one question per screen, a
// reload halfway through each that loses nothing, the check before sending, and then the nurse finds
// the answers in the Case, marked as the patient's. Every page of the risk-factor flow gets the
// accessibility audit at 375 and at 1280 px wide.
/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newContext } from './support/browser.js';
import { Shell } from './support/shell.js';
import { messages } from './support/pages.js';
import { auditPage } from './support/audit.js';
import { signInByKeyboard } from './support/keyboard.js';
import { RISK_FACTORS } from '../src/core/questionnaires/questions.js';
import { num } from '../src/core/text.js';

const t = messages('nl');
const q = t.questionnaires;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

/** The audit at a phone's width and at a desktop's. */
async function auditBoth(page: Page): Promise<void> {
  for (const width of [375, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    await auditPage(page);
  }
}

/** What to answer on each step: a radio by its value, or a number typed. */
type Answer = ['radio', string, string] | ['type', string, string];
const ANSWERS: Answer[][] = [
  [['radio', 'parentHipFracture', 'yes']],
  [['radio', 'parentOrSiblingOsteoporosis', 'unknown']],
  [['radio', 'currentSmoker', 'yes']],
  [['type', 'alcoholUnitsPerDay', '2']],
  [['radio', 'rheumatoidArthritis', 'no']],
  [['radio', 'secondaryOsteoporosisCondition', 'no']],
  [['radio', 'glucocorticoids', 'no']],
  [['type', 'antiEpileptics', '0']],
  [['radio', 'sexHormoneLoweringTherapy', 'no']],
  [['type', 'fallsLast12Months', '1'], ['type', 'lastFallMonthsAgo', '2'], ['radio', 'injuredByFall', 'yes']],
  [['radio', 'worriedAboutFalling', 'yes']],
  [['radio', 'unsteady', 'no']],
];

describe('the pre-visit questionnaire by keyboard', () => {
  it('is filled in with the keyboard alone, survives a reload, is sent, and the nurse sees the answers marked as the patient\'s', async () => {
    const context = await newContext(browser, { bypassCSP: true });
    const page = await context.newPage();
    const shell = new Shell(page, 'nl');
    await signInByKeyboard(page, shell, 'patient');
    await page.goto('/me');
    await auditBoth(page);
    // From the home page to the questionnaire: a link, followed with the keyboard.
    await shell.tabTo(page.getByRole('link', { name: q.start(q.names['risk-factors']) }));
    await shell.navigation(() => page.keyboard.press('Enter'));
    const base = new URL(page.url()).pathname.replace(/\/step\/1$/, '');
    expect(base).toMatch(/^\/questionnaires\/[0-9a-f-]{36}\/risk-factors$/);
    const patientId = base.split('/')[2] ?? '';

    for (const [i, answers] of ANSWERS.entries()) {
      expect(new URL(page.url()).pathname).toBe(`${base}/step/${String(i + 1)}`);
      await expect.poll(() => page.getByText(q.progress(i + 1, RISK_FACTORS.steps.length)).count()).toBe(1);
      if (i === 0 || i === 9) await auditBoth(page);
      for (const [how, name, value] of answers) {
        if (how === 'type') {
          await shell.tabTo(page.locator(`#${name}`));
          await page.keyboard.type(value);
        } else {
          // Tab into the group, then Space on the first choice and arrows to the wanted one.
          await shell.tabTo(page.locator(`input[name="${name}"]`).first());
          await page.keyboard.press('Space');
          const order = await page.locator(`input[name="${name}"]`).evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
          for (let k = 0; k < order.indexOf(value); k++) await page.keyboard.press('ArrowDown');
          expect(await page.locator(`input[name="${name}"][value="${value}"]`).isChecked()).toBe(true);
        }
      }
      await shell.tabTo(page.getByRole('button', { name: q.next }));
      await shell.navigation(() => page.keyboard.press('Enter'));
      if (i === 5) {
        // Halfway, the tablet sleeps and the page is loaded again: nothing answered is lost.
        await page.reload();
        await page.goto(base);
        expect(new URL(page.url()).pathname).toBe(`${base}/step/7`);
        await page.goto(`${base}/step/3`);
        expect(await page.locator('input[name="currentSmoker"][value="yes"]').isChecked()).toBe(true);
        await page.goto(`${base}/step/7`);
      }
    }
    expect(new URL(page.url()).pathname).toBe(`${base}/summary`);
    await auditBoth(page);
    await expect.poll(() => page.locator('#answer-currentSmoker').textContent()).toBe(q.yes);
    await shell.tabTo(page.getByRole('button', { name: q.summary.send }));
    await shell.navigation(() => page.keyboard.press('Enter'));
    await expect.poll(() => page.getByText(q.sent).count()).toBe(1);
    await auditBoth(page);

    // The other part before the visit, the calcium calculator, from the list the patient is back on.
    await shell.tabTo(page.getByRole('link', { name: q.start(q.names.calcium) }));
    await shell.navigation(() => page.keyboard.press('Enter'));
    expect(new URL(page.url()).pathname).toBe(`/questionnaires/${patientId}/calcium/step/1`);
    for (const [item, servings] of [['milk-glass', '2'], ['cheese-slice', '3']] as const) {
      await shell.tabTo(page.locator(`#${item}`));
      await page.keyboard.type(servings);
    }
    await shell.tabTo(page.getByRole('button', { name: q.calcium.calculate }));
    await shell.navigation(() => page.keyboard.press('Enter'));
    // Other food 400 mg, two glasses of milk at 180, three slices of cheese at 160 (the default settings).
    const result = q.calcium.result(num(400 + 2 * 180 + 3 * 160, 'nl'));
    await expect.poll(() => page.locator('#calcium-result').textContent()).toBe(result);
    // The tablet sleeps here too: the servings and the result are still there.
    await page.reload();
    expect(await page.locator('#milk-glass').inputValue()).toBe('2');
    expect(await page.locator('#calcium-result').textContent()).toBe(result);
    await shell.tabTo(page.getByRole('link', { name: q.calcium.toSummary }));
    await shell.navigation(() => page.keyboard.press('Enter'));
    expect(new URL(page.url()).pathname).toBe(`/questionnaires/${patientId}/calcium/summary`);
    await shell.tabTo(page.getByRole('button', { name: q.summary.send }));
    await shell.navigation(() => page.keyboard.press('Enter'));
    await expect.poll(() => page.getByText(q.sent).count()).toBe(1);

    // The nurse, in a browser of her own, finds the answers in the Case and on the assessment.
    const nurseContext = await newContext(browser, { bypassCSP: true });
    const nurse = await nurseContext.newPage();
    await signInByKeyboard(nurse, new Shell(nurse, 'nl'), 'nurse');
    const c = await nurse.request.get(`/api/v1/patients/${patientId}/case`);
    expect(c.status()).toBe(200);
    expect(await c.json()).toMatchObject({
      riskFactors: { currentSmoker: true, parentHipFracture: true, alcoholUnitsPerDay: 2 }, falls: { worriedAboutFalling: true, injuredByFall: true },
      calcium: { servings: { 'milk-glass': 2, 'cheese-slice': 3 } },
    });
    await nurse.goto(`/patients/${patientId}/assessment`);
    await expect.poll(() => nurse.locator('#patient-given').textContent()).toContain(t.why.fromPatient);
    await nurseContext.close();
    await context.close();
  });
});
