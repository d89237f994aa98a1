// Every registered learn page is complete and linkable; the checker itself finds each kind of fault.
import { describe, expect, it } from 'vitest';
import { LEARN_PAGES, learnPage } from './pages/index.js';
import { isIsoDay, pageProblems, registryProblems } from './page-check.js';
import type { LearnPage } from './learn.types.js';

const good: LearnPage = {
  slug: 'sample',
  group: 'bones',
  title: { nl: 'Titel', en: 'Title' },
  summary: { nl: 'Kort.', en: 'Short.' },
  sections: [{ id: 'one', heading: { nl: 'Een', en: 'One' }, blocks: [{ kind: 'p', text: { nl: 'Tekst.', en: 'Text.' } }] }],
  sources: ['NIV-2022'],
  checked: '2026-12-07',
};

describe('every learn page', () => {
  it.each(LEARN_PAGES.map((p) => [p.slug, p] as const))('%s is complete: both languages, ids, sources, date, pictures', (_slug, page) => {
    expect(pageProblems(page)).toEqual([]);
  });

  it('has its own address, and is found by it', () => {
    expect(registryProblems(LEARN_PAGES)).toEqual([]);
    for (const p of LEARN_PAGES) expect(learnPage(p.slug)).toBe(p);
    expect(learnPage('no-such-page')).toBeUndefined();
  });
});

describe('the page check', () => {
  it('passes a complete page', () => {
    expect(pageProblems(good)).toEqual([]);
  });

  it('names each fault', () => {
    const bad: LearnPage = {
      ...good,
      slug: 'Bad Slug',
      title: { nl: 'Titel', en: ' ' },
      sections: [
        { id: 'one', heading: { nl: '', en: 'One' }, blocks: [{ kind: 'picture', picture: 'nothing', alt: { nl: 'a', en: 'a' } }] },
        { id: 'one', heading: { nl: 'Twee', en: 'Two' }, blocks: [{ kind: 'list', items: [] }] },
        { id: 'learn-sources', heading: { nl: 'Drie', en: 'Three' }, blocks: [] },
      ],
      sources: ['NIV-2022', 'MY-BLOG'],
      checked: '2026-02-30',
      drug: 'denosumab',
    };
    expect(pageProblems(bad)).toEqual([
      'slug "Bad Slug" is not lower-case words joined by hyphens',
      'title: no en text',
      'section one: heading: no nl text',
      'section one, block 1: no picture named "nothing"',
      'section id "one" is used twice',
      'section one, block 1: an empty list',
      'section id "learn-sources" is taken by the page itself',
      'section learn-sources: no blocks',
      'source "MY-BLOG" is not a short name of the clinical rules',
      'checked "2026-02-30" is not a date (YYYY-MM-DD)',
      'a medicine page\'s slug must be "medicine-denosumab"',
      'a medicine page belongs to the group "medicines"',
    ]);
  });

  it('finds an address used twice', () => {
    expect(registryProblems([good, { ...good }])).toEqual(['slug "sample" is used by two pages']);
  });

  it.each([
    ['2026-12-07', true],
    ['2024-02-29', true],
    ['2026-02-29', false],
    ['07-12-2026', false],
    ['2026-13-01', false],
  ])('%s is a day: %s', (s, ok) => {
    expect(isIsoDay(s)).toBe(ok);
  });
});
