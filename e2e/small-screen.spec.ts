// A phone (375 x 844) at the largest text size, in both languages: every page a role can reach from
// its start page keeps each word whole on one line (only ids, addresses and code may break inside),
// never scrolls sideways, and leaves at least two thirds of the first screen below the header, also
// signed in, as every role: the account details and sign-out fold into one line there, one tap away.
/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { measure } from './support/reflow.js';
import { launchBrowser, newContext } from './support/browser.js';
import { Shell } from './support/shell.js';
import { LANGS, PAGES, signInAs, type PageSpec } from './support/pages.js';
import { DEMO_ACCOUNTS, type DemoAccount } from '../src/demo/demo-data.js';

const PHONE = { width: 375, height: 844 } as const;
/** Pages followed from a role's start page, beyond those in PAGES: enough to reach its records. */
const FOLLOW = 6;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

/** `header: false` where the reader opened the account details: the header then grows, by their choice. */
async function check(page: Page, where: string, { header = true } = {}): Promise<void> {
  const f = await measure(page);
  expect(f.brokenWords, `${where}: words broken inside`).toEqual([]);
  expect(f.scrollWidth, `${where}: page wider than the screen, by ${f.tooWide.join(', ')}`).toBeLessThanOrEqual(f.innerWidth);
  if (header) expect(f.headerHeight, `${where}: header of ${f.headerHeight.toFixed(0)} px, taller than a third of the screen`).toBeLessThanOrEqual(f.innerHeight / 3);
}

/** Same-site pages linked from the main content, once each, without leaving or signing out. */
async function linksInMain(page: Page): Promise<string[]> {
  const hrefs = await page.locator('main a[href^="/"]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href') ?? ''));
  return [...new Set(hrefs.map((h) => h.split('#')[0] ?? '').filter((h) => h !== '' && !h.startsWith('/api/') && !h.startsWith('/preferences')))];
}

const ROLES: readonly DemoAccount['role'][] = ['nurse', 'physician', 'patient', 'caregiver', 'admin'];

describe.each(LANGS)('on a phone at the largest text size, in %s', (lang) => {
  let context: BrowserContext;
  let page: Page;
  let shell: Shell;

  beforeAll(async () => {
    context = await newContext(browser, { viewport: PHONE });
    page = await context.newPage();
    shell = new Shell(page);
    await shell.goto('/');
    await shell.chooseLanguage(lang);
    await shell.chooseTextSize('larger');
  });
  afterAll(async () => {
    await context.close();
  });

  it.each(PAGES.filter((p) => !p.before))('$name ($path) keeps words whole, fits the width, has a short header', async (spec: PageSpec) => {
    await shell.open(spec);
    await check(page, spec.path);
  });

  it.each(ROLES)('every page a %s reaches from the start page keeps words whole, fits the width, has a short header', async (role) => {
    await signInAs(role)(page);
    const start = new URL(page.url()).pathname;
    await check(page, `${role} ${start}`);
    const seen = new Set([start]);
    for (const href of (await linksInMain(page)).slice(0, FOLLOW)) {
      if (seen.has(href)) continue;
      seen.add(href);
      const res = await page.goto(href);
      expect(res?.status(), href).toBeLessThan(400);
      await check(page, `${role} ${href}`);
    }
    for (const spec of PAGES.filter((p) => p.before && !p.resolve && p.status === undefined && p.path !== start && !seen.has(p.path))) {
      // Only the pages of this role's own menu: another role's page would just be refused.
      const link = page.locator(`header a[href="${spec.path}"]`);
      if ((await link.count()) === 0) continue;
      seen.add(spec.path);
      await page.goto(spec.path);
      await check(page, `${role} ${spec.path}`);
    }
  });
});

/** Every role there is a demo account for. */
const EVERY_ROLE: readonly DemoAccount['role'][] = [...new Set(DEMO_ACCOUNTS.map((a) => a.role))];

describe.each(LANGS)('the header signed in, on a phone at the largest text size, in %s', (lang) => {
  let context: BrowserContext;
  let page: Page;
  let shell: Shell;

  beforeAll(async () => {
    context = await newContext(browser, { viewport: PHONE });
    page = await context.newPage();
    shell = new Shell(page);
    await shell.goto('/');
    await shell.chooseLanguage(lang);
    await shell.chooseTextSize('larger');
  });
  afterAll(async () => {
    await context.close();
  });

  it.each(EVERY_ROLE)('as %s takes at most a third of the screen, and who is signed in and sign-out are one tap away', async (role) => {
    await signInAs(role)(page);
    const t = shell.t.session;
    const account = shell.banner().getByRole('group', { name: t.label, exact: true });
    const fold = account.getByText(t.fold, { exact: true });
    const signOut = account.getByRole('button', { name: t.signOut, exact: true });
    const closed = await measure(page);
    console.info(`header signed in as ${role} (${lang}): ${closed.headerHeight.toFixed(0)} of ${String(closed.innerHeight)} px`);
    expect(closed.headerHeight, `${role}: header of ${closed.headerHeight.toFixed(0)} px of ${String(closed.innerHeight)}`).toBeLessThanOrEqual(closed.innerHeight / 3);
    expect(await fold.isVisible()).toBe(true);
    expect(await signOut.isVisible()).toBe(false);
    // By keyboard, as without a mouse: the fold opens with Enter and shows everything it holds.
    await shell.tabTo(fold);
    await page.keyboard.press('Enter');
    expect(await signOut.isVisible()).toBe(true);
    const who = DEMO_ACCOUNTS.find((a) => a.role === role)?.displayName ?? '';
    expect(await account.getByText(t.signedInAs(who)).isVisible()).toBe(true);
    await check(page, `${role} with the account details open`, { header: false });
    await page.keyboard.press('Enter');
    expect(await signOut.isVisible()).toBe(false);
  });

  it('shows the account details as a bar, without a fold, on a wider screen', async () => {
    await signInAs('nurse')(page);
    const t = shell.t.session;
    const account = shell.banner().getByRole('group', { name: t.label, exact: true });
    await page.setViewportSize({ width: 1280, height: 800 });
    try {
      expect(await account.getByText(t.fold, { exact: true }).isVisible()).toBe(false);
      expect(await account.getByRole('button', { name: t.signOut, exact: true }).isVisible()).toBe(true);
    } finally {
      await page.setViewportSize(PHONE);
    }
  });
});
