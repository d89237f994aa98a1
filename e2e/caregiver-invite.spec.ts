// "Who may act for me" in the browser, by keyboard only: the patient invites someone from her own
// pages, the invited person opens the mailed link from the outbox, makes an account and sees the
// record; the patient ends it and the next page the caregiver opens is refused. Every page on the
// way gets the audit (axe WCAG 2.2 AA, the patient side's 18 px text and 44 px targets, reflow).
/// <reference lib="dom" />
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchBrowser, outboxDir } from './support/browser.js';
import { auditPage } from './support/audit.js';
import { signInByKeyboard } from './support/keyboard.js';
import { Shell, tabIn } from './support/shell.js';
import { messages } from './support/pages.js';

const t = messages('nl');
const c = t.caregiverInvites;
const EMAIL = 'bram.janssen@example.org';
const NAME = 'Bram Janssen';
const PASSWORD = 'een-heel-lang-wachtwoord';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

/** The address part of the invitation link mailed to `to` (the newest such mail in the outbox). */
async function mailedLink(to: string): Promise<string> {
  const dir = await outboxDir();
  for (const name of (await readdir(dir)).sort().reverse()) {
    const text = await readFile(path.join(dir, name), 'utf8');
    const m = text.startsWith(`To: ${to}\n`) ? /(https?:\/\/\S+\/caregiver-invitation\?token=[A-Za-z0-9_-]+)/.exec(text) : null;
    if (m?.[1]) {
      const url = new URL(m[1]);
      return url.pathname + url.search;
    }
  }
  throw new Error(`no invitation mailed to ${to}`);
}

/** Follows a link or sends a form with Enter, after tabbing to it. */
async function enter(page: Page, shell: Shell, target: Locator, max = 80): Promise<void> {
  await shell.tabTo(target, max);
  await shell.navigation(() => page.keyboard.press('Enter'));
}

describe('a patient invites a caregiver, keyboard only', () => {
  let patient: { context: BrowserContext; page: Page };
  let carer: { context: BrowserContext; page: Page };
  let record = '';

  beforeAll(async () => {
    patient = await tabIn(browser, 'nl');
    carer = await tabIn(browser, 'nl');
  });
  afterAll(async () => {
    await patient.context.close();
    await carer.context.close();
  });

  it('the patient invites someone by e-mail from her own pages', { timeout: 600_000 }, async () => {
    const p = patient.page;
    const ps = new Shell(p, 'nl');
    await signInByKeyboard(p, ps, 'patient');
    expect(new URL(p.url()).pathname).toBe('/me');
    await enter(p, ps, p.getByRole('link', { name: c.manage }));
    expect(new URL(p.url()).pathname).toBe('/me/caregivers');
    await auditPage(p);
    await enter(p, ps, p.getByRole('link', { name: c.inviteLink }));
    expect(await ps.h1().textContent()).toBe(c.inviteTitle);
    await auditPage(p);
    // The address field has the cursor when the form opens.
    const email = p.getByLabel(c.email, { exact: false });
    if (!(await ps.isFocused(email))) await ps.tabTo(email);
    await p.keyboard.type(EMAIL);
    // Tab enters the radio group at its first choice; the arrow keys move within it.
    await ps.tabTo(p.getByRole('radio', { name: c.choices.parent }));
    await p.keyboard.press('ArrowDown');
    expect(await p.getByRole('radio', { name: c.choices.family }).isChecked()).toBe(true);
    await enter(p, ps, p.getByRole('button', { name: c.submit }));
    expect(p.url()).toContain('/me/caregivers?notice=sent');
    expect(await p.getByText(EMAIL).count()).toBeGreaterThan(0);
    await auditPage(p);
  });

  it('the caregiver opens the mailed link, makes an account and sees the record', { timeout: 600_000 }, async () => {
    const q = carer.page;
    const qs = new Shell(q, 'nl');
    await q.goto(await mailedLink(EMAIL));
    expect(await qs.h1().textContent()).toBe(c.openTitle);
    expect(await q.getByText(c.openIntro('Anna de Vries', c.relations.family)).count()).toBe(1);
    await auditPage(q);
    await qs.tabTo(q.getByLabel(c.name, { exact: false }));
    await q.keyboard.type(NAME);
    await qs.tabTo(q.getByLabel(t.activate.password, { exact: true }));
    await q.keyboard.type(PASSWORD);
    await qs.tabTo(q.getByLabel(t.activate.password2, { exact: false }));
    await q.keyboard.type(PASSWORD);
    await enter(q, qs, q.getByRole('button', { name: c.create }));
    expect(q.url()).toContain('/care?notice=linked');
    expect(await q.getByText(c.linked).count()).toBe(1);
    await auditPage(q);
    await enter(q, qs, q.getByRole('link', { name: 'Vries, Anna de', exact: true }), 120);
    record = q.url();
    expect(record).toMatch(/\/patients\/[0-9a-f-]{36}$/);
    expect(await qs.h1().textContent()).toBe('Anna de Vries');
  });

  it('the patient sees who looked, and ends the access', { timeout: 600_000 }, async () => {
    const p = patient.page;
    const ps = new Shell(p, 'nl');
    await p.goto('/me');
    await enter(p, ps, p.getByRole('link', { name: t.me.accessLog }));
    expect(new URL(p.url()).pathname).toBe('/me/access-log');
    await expect.poll(() => p.getByRole('cell', { name: NAME }).count()).toBeGreaterThan(0);
    await auditPage(p);
    await p.goto('/me/caregivers');
    await enter(p, ps, p.getByRole('button', { name: c.stop(NAME) }));
    expect(p.url()).toContain('/me/caregivers?notice=stopped');
    expect(await p.getByText(c.stopped).count()).toBe(1);
    await auditPage(p);
  });

  it("refuses the caregiver's next page of that record at once", async () => {
    const q = carer.page;
    const res = await q.goto(record);
    expect(res?.status()).toBe(403);
    expect(await new Shell(q, 'nl').h1().textContent()).toBe(t.errors.forbiddenTitle);
    await q.goto('/care');
    expect(await q.getByRole('link', { name: 'Vries, Anna de', exact: true }).count()).toBe(0);
  });

  it("a caregiver's view of who looked at a child's record, and a broken link, pass the audit too", { timeout: 300_000 }, async () => {
    const parent = await tabIn(browser, 'nl');
    try {
      const page = parent.page;
      const shell = new Shell(page, 'nl');
      const broken = await page.goto('/caregiver-invitation?token=not-a-token');
      expect(broken?.status()).toBe(400);
      expect(await page.getByText(c.refused['invitation-unknown']).count()).toBe(1);
      await auditPage(page);
      await signInByKeyboard(page, shell, 'caregiver');
      await enter(page, shell, page.getByRole('link', { name: t.accessLog.mine.titleFor('Mulder, Lotte') }), 120);
      expect(await shell.h1().textContent()).toBe(t.accessLog.mine.titleFor('Lotte Mulder'));
      await auditPage(page);
    } finally {
      await parent.context.close();
    }
  });

  it('tells whoever opens a used link that it was used', { timeout: 300_000 }, async () => {
    const visitor = await tabIn(browser, 'nl');
    try {
      const res = await visitor.page.goto(await mailedLink(EMAIL));
      expect(res?.status()).toBe(400);
      expect(await visitor.page.getByText(c.refused['invitation-used']).count()).toBe(1);
      await auditPage(visitor.page);
    } finally {
      await visitor.context.close();
    }
  });
});
