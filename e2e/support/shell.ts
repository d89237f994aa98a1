// Page object for the frame every page shares. Everything is found by role and accessible name,
// in the language the page is in, so a control that loses its label (or its translation) fails the
// test that uses it instead of being clicked blindly by CSS selector.
/// <reference lib="dom" />
import type { Browser, BrowserContext, Locator, Page, Response } from 'playwright-core';
import { newContext } from './browser.js';
import { messages, type Lang, type Messages, type PageSpec, type TextSize } from './pages.js';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The help-desk number a default install shows (BOTPAD_HELP_PHONE). */
export const DEFAULT_HELP_PHONE = '088 123 45 67';

export class Shell {
  constructor(
    readonly page: Page,
    /** The language the pages are expected in; a fresh visitor gets Dutch. */
    public lang: Lang = 'nl',
  ) {}

  get t(): Messages {
    return messages(this.lang);
  }

  async goto(path: string): Promise<Response | null> {
    return this.page.goto(path);
  }

  /**
   * Opens a page from the list (running its `before` step) and fails at once, with the status, if
   * it did not render as that page: every later check would only fail more obscurely.
   */
  async open(spec: PageSpec): Promise<Response> {
    await spec.before?.(this.page);
    const res = await this.page.goto(spec.resolve ? await spec.resolve(this.page) : spec.path);
    const expected = spec.status ?? 200;
    if (!res || res.status() !== expected) {
      const body = res ? (await res.text()).slice(0, 300) : '';
      throw new Error(`${spec.path} answered ${String(res?.status())}, expected ${String(expected)}: ${body}`);
    }
    const h1 = await this.h1().textContent();
    if (h1 !== spec.h1(this.t)) throw new Error(`${spec.path} shows h1 "${String(h1)}", expected "${spec.h1(this.t)}" (${this.lang})`);
    return res;
  }

  skipLink(): Locator {
    return this.page.getByRole('link', { name: this.t.skipToContent, exact: true });
  }

  main(): Locator {
    return this.page.getByRole('main');
  }

  h1(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  banner(): Locator {
    return this.page.getByRole('banner');
  }

  contentinfo(): Locator {
    return this.page.getByRole('contentinfo');
  }

  brandLink(): Locator {
    return this.banner().getByRole('link', { name: this.t.appName, exact: true });
  }

  mainMenu(): Locator {
    return this.banner().getByRole('navigation', { name: this.t.nav.label, exact: true });
  }

  menuLink(name: string): Locator {
    return this.mainMenu().getByRole('link', { name, exact: true });
  }

  displaySettings(): Locator {
    return this.banner().getByRole('group', { name: this.t.settings.label, exact: true });
  }

  languageSwitch(): Locator {
    const t = this.t.settings;
    return this.displaySettings().getByRole('link', { name: `${t.otherLanguage} – ${t.otherLanguageName}`, exact: true });
  }

  textSizeList(): Locator {
    return this.displaySettings().getByRole('list', { name: `${this.t.settings.textSize}:`, exact: true });
  }

  /** The link for a text size, whether or not it is the one chosen now. */
  textSizeLink(size: TextSize): Locator {
    const t = this.t.settings;
    return this.textSizeList().getByRole('link', { name: new RegExp(`^${escape(t.sizes[size])}( ${escape(t.current)})?$`) });
  }

  footerNav(): Locator {
    return this.contentinfo().getByRole('navigation', { name: this.t.footer.help, exact: true });
  }

  footerLink(name: string): Locator {
    return this.footerNav().getByRole('link', { name, exact: true });
  }

  phoneLink(phone = DEFAULT_HELP_PHONE): Locator {
    return this.contentinfo().getByRole('link', { name: this.t.footer.callUs(phone), exact: true });
  }

  /** Every link the frame promises, by name, in the order they should be reached with Tab. */
  frameLinks(): { name: string; locator: Locator }[] {
    const t = this.t;
    return [
      { name: 'skip link', locator: this.skipLink() },
      { name: 'brand', locator: this.brandLink() },
      { name: 'menu: home', locator: this.menuLink(t.nav.home) },
      { name: 'menu: help', locator: this.menuLink(t.nav.help) },
      { name: 'language switch', locator: this.languageSwitch() },
      { name: 'text size normal', locator: this.textSizeLink('normal') },
      { name: 'text size large', locator: this.textSizeLink('large') },
      { name: 'text size larger', locator: this.textSizeLink('larger') },
      { name: 'footer: phone', locator: this.phoneLink() },
      { name: 'footer: help page', locator: this.footerLink(t.footer.helpPage) },
      { name: 'footer: accessibility', locator: this.footerLink(t.footer.accessibility) },
      { name: 'footer: API docs', locator: this.footerLink(t.footer.apiDocs) },
    ];
  }

  async htmlLang(): Promise<string | null> {
    return this.page.locator('html').getAttribute('lang');
  }

  async textSize(): Promise<TextSize | undefined> {
    const cls = (await this.page.locator('html').getAttribute('class')) ?? '';
    return /\bsize-(normal|large|larger)\b/.exec(cls)?.[1] as TextSize | undefined;
  }

  /** Runs an action that navigates (through the /preferences redirect, say) and waits for the new page. */
  async navigation(action: () => Promise<void>): Promise<void> {
    const page = this.page;
    await Promise.all([page.waitForEvent('framenavigated', { predicate: (f) => f === page.mainFrame() }), action()]);
    await page.waitForLoadState('load');
  }

  async chooseLanguage(lang: Lang): Promise<void> {
    if (this.lang === lang) return;
    await this.navigation(() => this.languageSwitch().click());
    this.lang = lang;
  }

  async chooseTextSize(size: TextSize): Promise<void> {
    await this.navigation(() => this.textSizeLink(size).click());
  }

  async isFocused(locator: Locator): Promise<boolean> {
    return locator.evaluate((el) => el === document.activeElement);
  }

  /** Presses Tab until the locator has focus, as a keyboard user would; fails after max presses. */
  async tabTo(locator: Locator, max = 60): Promise<number> {
    for (let i = 1; i <= max; i++) {
      await this.page.keyboard.press('Tab');
      if (await this.isFocused(locator)) return i;
    }
    throw new Error(`not reached with ${String(max)} presses of Tab`);
  }
}

/**
 * A fresh browser context in `lang`, on the start page, with axe allowed in (an inline script, which
 * our script-src 'self' rightly refuses): one person's own browser in a flow with several people.
 */
export async function tabIn(browser: Browser, lang: Lang): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser, { bypassCSP: true });
  const page = await context.newPage();
  const shell = new Shell(page);
  await shell.goto('/');
  await shell.chooseLanguage(lang);
  return { context, page };
}
