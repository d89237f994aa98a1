// The home safety check and lifestyle coaching by keyboard only: the demo practice's
// physiotherapist records a check of Anna de Vries's home (a radio group chosen by arrow keys, as a
// keyboard user does), a coaching session about food, and a letter to a dietitian, whose PDF is read
// back with pdftotext. Every page on the way gets the accessibility audit.
/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newContext } from './support/browser.js';
import { Shell } from './support/shell.js';
import { messages, annasRecord } from './support/pages.js';
import { auditPage } from './support/audit.js';
import { signInByKeyboard } from './support/keyboard.js';
import { pdfText } from './support/pdf.js';

const t = messages('nl');
const ITEMS = ['lighting', 'rugs-and-cables', 'stairs-and-rails', 'bathroom', 'shoes', 'pets', 'reaching-high'] as const;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

describe('the home safety check and coaching by keyboard', () => {
  it('a physiotherapist checks the home, coaches on food and refers to a dietitian', async () => {
    const context = await newContext(browser, { bypassCSP: true });
    const page = await context.newPage();
    const shell = new Shell(page, 'nl');
    await signInByKeyboard(page, shell, 'physiotherapist');
    const record = await annasRecord()(page);

    await page.goto(`${record}/therapy/home-check`);
    expect(await shell.h1().textContent()).toBe(t.homeCheck.title);
    await auditPage(page);
    for (const item of ITEMS) {
      await shell.tabTo(page.locator(`#finding-${item}`));
      // Space takes "fine"; one arrow down moves to "needs work" and takes it.
      await page.keyboard.press(item === 'rugs-and-cables' ? 'ArrowDown' : 'Space');
    }
    await shell.tabTo(page.locator('#note-rugs-and-cables'));
    await page.keyboard.type('Loper in de gang schuift weg.');
    await shell.tabTo(page.locator('#agreed'));
    await page.keyboard.type('De loper gaat eruit.');
    await shell.tabTo(page.getByRole('button', { name: t.homeCheck.save }));
    await shell.navigation(() => page.keyboard.press('Enter'));
    expect(new URL(page.url()).search).toBe('?notice=saved');
    await expect.poll(() => page.getByText('Loper in de gang schuift weg.').count()).toBe(1);
    await expect.poll(() => page.locator('td', { hasText: t.homeCheck.findings['needs-work'] }).count()).toBe(1);
    await auditPage(page);

    await page.goto(`${record}/therapy/coaching`);
    expect(await shell.h1().textContent()).toBe(t.coaching.title);
    await auditPage(page);
    await shell.tabTo(page.locator('#discussed-calcium-food'));
    await page.keyboard.type('Eet bijna geen zuivel.');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Elke dag een beker yoghurt.');
    await shell.tabTo(page.getByRole('button', { name: t.coaching.save }));
    await shell.navigation(() => page.keyboard.press('Enter'));
    expect(new URL(page.url()).search).toBe('?notice=saved');
    await expect.poll(() => page.getByText('Elke dag een beker yoghurt.').count()).toBe(1);

    await shell.tabTo(page.locator('#reason'));
    await page.keyboard.type('Te weinig kalk in het eten.');
    await shell.tabTo(page.getByRole('button', { name: t.coaching.write }));
    await shell.navigation(() => page.keyboard.press('Enter'));
    await expect.poll(() => page.getByText(t.coaching.written).count()).toBe(1);
    await auditPage(page);
    const href = await page.getByRole('link', { name: t.coaching.print }).first().getAttribute('href');
    const res = await page.request.get(href ?? '');
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('application/pdf');
    const text = pdfText(await res.body()).replace(/\s+/g, ' ');
    for (const s of ['Verwijzing naar de diëtist', 'Te weinig kalk in het eten.', 'Eet bijna geen zuivel.', 'Afgesproken: Elke dag een beker yoghurt.']) expect(text).toContain(s);
    await context.close();
  });
});
