// What every learn page must be, besides readable: both languages for every text, an address and
// anchors other pages can link to, known sources, a real check date and pictures that exist.
// Returns readable problems (empty when the page is fine), so a failing test says what to fix.
import { SOURCES } from '../../core/rule.js';
import type { Bi, LearnPage } from './learn.types.js';
import { isPicture } from './pictures.js';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Ids the page itself uses around the sections (learn.page.tsx). */
const RESERVED_IDS: ReadonlySet<string> = new Set(['main', 'learn-title', 'learn-contents', 'learn-sources']);

export function isIsoDay(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

export function pageProblems(page: LearnPage): string[] {
  const problems: string[] = [];
  const bi = (where: string, b: Bi | undefined) => {
    if (!b) return;
    for (const lang of ['nl', 'en'] as const) if (typeof b[lang] !== 'string' || b[lang].trim() === '') problems.push(`${where}: no ${lang} text`);
  };
  if (!SLUG.test(page.slug)) problems.push(`slug "${page.slug}" is not lower-case words joined by hyphens`);
  bi('title', page.title);
  bi('summary', page.summary);
  if (page.sections.length === 0) problems.push('no sections');
  const ids = new Set<string>();
  for (const s of page.sections) {
    if (!SLUG.test(s.id)) problems.push(`section id "${s.id}" is not lower-case words joined by hyphens`);
    if (ids.has(s.id)) problems.push(`section id "${s.id}" is used twice`);
    if (RESERVED_IDS.has(s.id)) problems.push(`section id "${s.id}" is taken by the page itself`);
    ids.add(s.id);
    bi(`section ${s.id}: heading`, s.heading);
    if (s.blocks.length === 0) problems.push(`section ${s.id}: no blocks`);
    s.blocks.forEach((b, i) => {
      const where = `section ${s.id}, block ${String(i + 1)}`;
      if (b.kind === 'p') bi(where, b.text);
      else if (b.kind === 'list') {
        if (b.items.length === 0) problems.push(`${where}: an empty list`);
        b.items.forEach((item, j) => {
          bi(`${where}, item ${String(j + 1)}`, item);
        });
      } else {
        if (!isPicture(b.picture)) problems.push(`${where}: no picture named "${b.picture}"`);
        bi(`${where}: alt`, b.alt);
        bi(`${where}: caption`, b.caption);
      }
    });
  }
  if (page.sources.length === 0) problems.push('no sources');
  for (const src of page.sources) if (!(SOURCES as readonly string[]).includes(src)) problems.push(`source "${src}" is not a short name of the clinical rules`);
  if (!isIsoDay(page.checked)) problems.push(`checked "${page.checked}" is not a date (YYYY-MM-DD)`);
  if (page.drug !== undefined) {
    if (page.slug !== `medicine-${page.drug}`) problems.push(`a medicine page's slug must be "medicine-${page.drug}"`);
    if (page.group !== 'medicines') problems.push('a medicine page belongs to the group "medicines"');
  }
  return problems;
}

/** Problems across the pages: the same address twice. */
export function registryProblems(pages: readonly LearnPage[]): string[] {
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const p of pages) {
    if (seen.has(p.slug)) problems.push(`slug "${p.slug}" is used by two pages`);
    seen.add(p.slug);
  }
  return problems;
}
