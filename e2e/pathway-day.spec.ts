// The diagnostic day from the nurse's keyboard, nothing clicked: a fracture taken in at /intake puts
// the patient on the worklist as `invite`; the invitation letter is made on the appointments page
// (the downloaded PDF read back with poppler's pdftotext: the patient's name, the 24-hour urine);
// a visit is planned for today and marked attended; the day board shows the DXA, VFA and lab
// results missing; the DXA and lab results go in through the record's results forms; the day board
// shows them in, and the worklist has moved on to `assessment`. Every page on the way is audited.
/// <reference lib="dom" />
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, newContext } from './support/browser.js';
import { Shell } from './support/shell.js';
import { messages } from './support/pages.js';
import { auditPage } from './support/audit.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../src/demo/demo-data.js';

const t = messages('nl');
const l = t.logistics;

let browser: Browser;
let dir: string;
beforeAll(async () => {
  browser = await launchBrowser();
  dir = mkdtempSync(path.join(tmpdir(), 'botpad-pathway-day-'));
});
afterAll(async () => {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
});

const nurse = DEMO_ACCOUNTS.find((a) => a.role === 'nurse');

/** Tab (forward) until `target` has focus. */
async function tabTo(page: Page, shell: Shell, target: Locator, max = 120): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await shell.isFocused(target)) return;
  }
  throw new Error(`not reached with ${String(max)} presses of Tab`);
}

interface Item {
  patientId: string;
  step: string;
}

describe('the diagnostic day by keyboard', () => {
  it('takes a patient from the intake through the invitation, the visit and the results to the assessment step', async () => {
    if (!nurse) throw new Error('no demo nurse');
    const context = await newContext(browser, { bypassCSP: true, acceptDownloads: true });
    const page = await context.newPage();
    const shell = new Shell(page, 'nl');
    const steps = async (patientId: string) => {
      const res = await page.request.get('/api/v1/worklist?limit=100&q=Zonneveld');
      expect(res.status()).toBe(200);
      return ((await res.json()) as { items: Item[] }).items.filter((i) => i.patientId === patientId).map((i) => i.step).sort();
    };
    /** The diagnostic steps alone (outreach stands beside them while no GP is recorded). */
    const pathway = async (patientId: string) => (await steps(patientId)).filter((s) => s !== 'outreach');

    // ---- Signing in and the intake ----------------------------------------------------------------
    await page.goto('/sign-in');
    await tabTo(page, shell, page.getByLabel(t.signIn.email, { exact: true }));
    await page.keyboard.type(nurse.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(DEMO_PASSWORD);
    await shell.navigation(() => page.keyboard.press('Enter'));
    await tabTo(page, shell, shell.menuLink(t.menu.intake));
    await shell.navigation(() => page.keyboard.press('Enter'));
    expect(new URL(page.url()).pathname).toBe('/intake');
    await auditPage(page);
    expect(await shell.isFocused(page.locator('#familyName'))).toBe(true);
    await page.keyboard.type('Zonneveld');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Grietje');
    await page.keyboard.press('Tab');
    await page.keyboard.type('21-03-1949');
    await page.keyboard.press('Tab');
    await page.keyboard.type('vrouw');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.type('pols');
    await page.keyboard.press('Tab');
    await page.keyboard.type('links');
    // The fracture's date: today, already filled in; Enter in it sends the form.
    await page.keyboard.press('Tab');
    await shell.navigation(() => page.keyboard.press('Enter'));
    expect(new URL(page.url()).pathname).toMatch(/^\/intake\/[0-9a-f-]{36}$/);
    await auditPage(page);
    const patientId = new URL(page.url()).pathname.split('/')[2] ?? '';

    // The worklist, from this browser's session: she is to be invited (and, with no GP on record, reached out to).
    expect(await steps(patientId)).toEqual(['invite', 'outreach']);

    // ---- The invitation letter ----------------------------------------------------------------------
    await page.goto(`/patients/${patientId}/visits`);
    await auditPage(page);
    await tabTo(page, shell, page.getByRole('button', { name: l.invitations.letter }));
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    const file = path.join(dir, 'uitnodiging.pdf');
    await download.saveAs(file);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toMatch(/Grietje Zonneveld/);
    expect(text).toMatch(/Urine verzamelen \(24 uur\)/);
    expect(text).toMatch(/De eerste keer plassen die ochtend gaat nog in de wc/);
    // Each page says whose letter it is.
    expect(text.match(/Grietje Zonneveld, geboren 21 maart 1949/g)?.length).toBe(text.match(/Blad \d van \d/g)?.length);
    expect(await pathway(patientId)).toEqual(['diagnostic-day']);

    // ---- A visit today, planned and attended ----------------------------------------------------------
    await page.reload();
    await expect.poll(() => page.getByRole('table', { name: l.invitations.caption }).getByRole('cell', { name: l.invitations.events.invited, exact: true }).count()).toBe(1);
    await auditPage(page);
    // The evening clinic's note is on the form, by the choice of kind.
    await expect.poll(() => page.getByText(l.plan.eveningHint).count()).toBe(1);
    await tabTo(page, shell, page.locator('#dxaTime'));
    for (const [time, place] of [['09:00', 'DXA-kamer'], ['09:20', 'DXA-kamer'], ['10:00', 'Bloedafname'], ['11:00', 'Spreekkamer 2']]) {
      await page.keyboard.type(time ?? '');
      await page.keyboard.press('Tab');
      await page.keyboard.type(place ?? '');
      await page.keyboard.press('Tab');
    }
    await page.keyboard.type('Balie polikliniek, route 25');
    await shell.navigation(() => page.keyboard.press('Enter'));
    expect(new URL(page.url()).search).toBe('?notice=planned');
    await auditPage(page);
    await tabTo(page, shell, page.getByRole('button', { name: l.visits.markAttended, exact: true }));
    await shell.navigation(() => page.keyboard.press('Enter'));
    expect(new URL(page.url()).search).toBe('?notice=updated');
    await expect.poll(() => page.getByRole('table', { name: l.invitations.caption }).getByRole('cell', { name: l.invitations.events.attended, exact: true }).count()).toBe(1);
    await auditPage(page);
    expect(await pathway(patientId)).toEqual(['assessment']);

    // ---- The day board: scanned and drawn, but no result in the record yet ------------------------------
    await tabTo(page, shell, shell.menuLink(t.menu.dayboard), 200);
    await shell.navigation(() => page.keyboard.press('Enter'));
    expect(new URL(page.url()).pathname).toBe('/dayboard');
    await auditPage(page);
    const row = page.getByRole('row', { name: /Grietje Zonneveld/ });
    await expect.poll(() => row.getByText(l.board.resultMissing).count()).toBe(3);
    await expect.poll(() => row.getByText('DXA-scan, VFA, Bloed en urine, Gesprek').count()).toBe(1);

    // ---- The results, through the record's own forms ------------------------------------------------------
    const c = t.clinical;
    const today = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date()).replace(/\//g, '-');
    await tabTo(page, shell, row.locator(`a[href="/patients/${patientId}/results"]`).first());
    await shell.navigation(() => page.keyboard.press('Enter'));
    expect(new URL(page.url()).pathname).toBe(`/patients/${patientId}/results`);
    await auditPage(page);
    await tabTo(page, shell, page.locator('summary', { hasText: c.forms.add.dxa }));
    await page.keyboard.press('Enter');
    await tabTo(page, shell, page.locator('#dxa-date'));
    await page.keyboard.press('Control+A');
    await page.keyboard.type(today);
    await tabTo(page, shell, page.locator('#lumbar-spine-t'));
    await page.keyboard.type('-2,7');
    await tabTo(page, shell, page.locator('#femoral-neck-t'));
    await page.keyboard.type('-2,2');
    await shell.navigation(() => page.keyboard.press('Enter'));
    expect(new URL(page.url()).search).toBe('?notice=added');
    await auditPage(page);
    await tabTo(page, shell, page.locator('summary', { hasText: c.forms.add.labs }), 200);
    await page.keyboard.press('Enter');
    await tabTo(page, shell, page.locator('#labs-date'));
    await page.keyboard.press('Control+A');
    await page.keyboard.type(today);
    await tabTo(page, shell, page.locator('#lab1-test'));
    await page.keyboard.type(c.labTests.calcium);
    await page.keyboard.press('Tab');
    await page.keyboard.type('2,35');
    await shell.navigation(() => page.keyboard.press('Enter'));
    expect(new URL(page.url()).search).toBe('?notice=added');
    await auditPage(page);

    // ---- The day board again: DXA and labs in, the VFA still to come; the worklist has moved on -------------
    await tabTo(page, shell, shell.menuLink(t.menu.dayboard), 200);
    await shell.navigation(() => page.keyboard.press('Enter'));
    await auditPage(page);
    await expect.poll(() => row.getByText(l.board.resultIn).count()).toBe(2);
    await expect.poll(() => row.getByText(l.board.resultMissing).count()).toBe(1);
    await expect.poll(() => row.getByText('VFA, Gesprek').count()).toBe(1);
    expect(await pathway(patientId)).toEqual(['assessment']);
    const items = ((await (await page.request.get('/api/v1/worklist?limit=100&q=Zonneveld')).json()) as { items: (Item & { reasons: string[] })[] }).items;
    expect(items.find((i) => i.patientId === patientId && i.step === 'assessment')?.reasons).toEqual(['results-in']);
    await context.close();
  });
});
