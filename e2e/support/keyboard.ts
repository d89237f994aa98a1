// The keyboard-only ways in, shared by the specs that walk Botpad without a mouse: signing in
// through the form with Tab and Enter, and a keyboard that counts what it presses.
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { newContext } from './browser.js';
import { Shell } from './shell.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoAccount } from '../../src/demo/demo-data.js';
import { messages } from './pages.js';

/**
 * Signs in as the (first) demo account of `role`, or as the demo account given, through the sign-in
 * form, by keyboard only (the form in Dutch, the default).
 */
export async function signInByKeyboard(page: Page, shell: Shell, who: DemoAccount['role'] | DemoAccount): Promise<void> {
  const account = typeof who === 'string' ? DEMO_ACCOUNTS.find((a) => a.role === who) : who;
  if (!account) throw new Error(`no demo account for ${typeof who === 'string' ? who : who.email}`);
  await page.goto('/sign-in');
  await shell.tabTo(page.getByLabel(messages('nl').signIn.email, { exact: true }));
  await page.keyboard.type(account.email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(DEMO_PASSWORD);
  await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/sign-in')), page.keyboard.press('Enter')]);
}

/**
 * A context of its own for the demo patient, signed in by keyboard and on her plan, reached from her
 * own page (/me) with Tab and Enter. The caller closes the context.
 */
export async function patientPlanByKeyboard(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser, { bypassCSP: true });
  const page = await context.newPage();
  const shell = new Shell(page, 'nl');
  await signInByKeyboard(page, shell, 'patient');
  await page.goto('/me');
  await shell.tabTo(page.getByRole('link', { name: messages('nl').myPlan.link, exact: true }), 200);
  await shell.navigation(() => page.keyboard.press('Enter'));
  if (!new URL(page.url()).pathname.startsWith('/plan/')) throw new Error(`the plan link led to ${page.url()}`);
  return { context, page };
}

/** The keyboard of one page, counting every key pressed (Tab, Enter, Space, arrows) apart from the text typed. */
export class Keys {
  pressed = 0;
  readonly log: string[] = [];
  constructor(
    private readonly page: Page,
    private readonly shell: Shell,
  ) {}

  async press(key: string): Promise<void> {
    this.pressed++;
    this.log.push(key);
    await this.page.keyboard.press(key);
  }

  /** A value as typed: the letters of a name, a date, the first letters of a choice in a list. */
  async type(text: string): Promise<void> {
    await this.page.keyboard.type(text);
  }

  /** Tab until `locator` has focus; each Tab counts. */
  async tabTo(locator: Locator, max = 40): Promise<void> {
    for (let i = 1; i <= max; i++) {
      await this.press('Tab');
      if (await this.shell.isFocused(locator)) return;
    }
    throw new Error(`not reached with ${String(max)} presses of Tab`);
  }

  /** Presses a key that sends a form or follows a link, and waits for the page it leads to. */
  async submit(key = 'Enter'): Promise<void> {
    await this.shell.navigation(() => this.press(key));
  }
}
