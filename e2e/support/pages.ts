// Every page Botpad serves, in one list: each spec walks it, so a new page gets the axe audit, the
// target-size, text-size and reflow checks, the keyboard and the CSP checks by adding one line here.
// A page behind sign-in adds a `before` step (sign in as a demo user) in the same line.
import type { Page } from 'playwright-core';
import { LANGS, messages, type Lang, type Messages } from '../../src/web/i18n/index.js';
import { TEXT_SIZES, type TextSize } from '../../src/web/components/Layout.js';

export interface PageSpec {
  /** Used in test names. */
  name: string;
  path: string;
  /** Expected HTTP status (200 unless given). */
  status?: number;
  /** The page's one h1, in the given language: proves the right page (and language) rendered. */
  h1: (t: Messages) => string;
  /** Whatever must happen first in a fresh browser context, e.g. signing in. */
  before?: (page: Page) => Promise<void>;
}

export const PAGES: readonly PageSpec[] = [
  { name: 'home', path: '/', h1: (t) => t.home.title },
  { name: 'help', path: '/help', h1: (t) => t.help.title },
  { name: 'accessibility statement', path: '/accessibility', h1: (t) => t.a11y.title },
  { name: 'API documentation', path: '/api/docs', h1: (t) => t.apiDocs.title },
  { name: 'not found', path: '/this-page-does-not-exist', status: 404, h1: (t) => t.errors.notFoundTitle },
];

export { LANGS, TEXT_SIZES, messages, type Lang, type TextSize, type Messages };

/** Every combination a reader can choose in the header. */
export const DISPLAY_SETTINGS: readonly { lang: Lang; size: TextSize }[] = LANGS.flatMap((lang) =>
  TEXT_SIZES.map((size) => ({ lang, size })),
);
