// The readability measure, counted exactly as docs/learn.md says, and every registered learn page
// held to it: Flesch–Douma at least 60 and at most 15 words per sentence in the Dutch text.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_WORDS_PER_SENTENCE, MIN_FLESCH_DOUMA, measure, measuredDutch, pageReadability, sentences, syllables, words } from './readability.js';
import { LEARN_PAGES } from './pages/index.js';
import type { LearnPage } from './learn.types.js';

describe('syllables', () => {
  it.each([
    ['bot', 1],
    ['botten', 2],
    ['zee', 1],
    ['huis', 1],
    ['reuma', 2],
    ['schaduw', 2],
    ['vitamine', 4],
    ['osteoporose', 5], // "eo" is one run: a known undercount of one
    ['ijs', 1],
    ['kijken', 2],
    ['IJsland', 2],
    ['geïnformeerd', 3], // "eï" is one run: a known undercount of one
    ['T-score', 2],
    ['1100', 1],
    ['µg', 1],
    ['café', 2],
  ])('%s has %i', (word, n) => {
    expect(syllables(word)).toBe(n);
  });
});

describe('words', () => {
  it('keeps hyphenated words, apostrophes and numbers whole, drops punctuation', () => {
    expect(words('Min 2,5: de T-score van ’s ochtends, 24-uursurine!')).toEqual(['Min', '2', '5', 'de', 'T-score', 'van', 's', 'ochtends', '24-uursurine']);
  });
});

describe('sentences', () => {
  it.each([
    ['Dat is zo. Echt!', 2],
    ['Wat nu? Dit.', 2],
    ['Let op: hier.', 2],
    ['2,5 mg per dag', 1],
    ['Een getal als 1.5 splitst niet.', 1],
    ['Min 2,5 of lager: u hebt osteoporose.', 2],
    ['Een zin... en nog een.', 2],
    ['', 0],
    ['. . .', 0],
  ])('%j has %i', (text, n) => {
    expect(sentences(text)).toHaveLength(n);
  });
});

describe('measure', () => {
  it('computes Flesch–Douma from words, sentences and syllables', () => {
    // 4 words, 2 sentences, 5 syllables (bot 1, is 1, sterk 1, botten 2).
    const r = measure(['Bot is sterk. Botten!']);
    expect(r).toMatchObject({ sentences: 2, words: 4, syllables: 5, wordsPerSentence: 2 });
    expect(r.fleschDouma).toBeCloseTo(206.835 - 0.93 * 2 - 77 * (5 / 4), 10);
  });

  it('counts a list item without an end mark as one sentence', () => {
    expect(measure(['Stevig wandelen', 'Dansen']).sentences).toBe(2);
  });

  const word = fc
    .array(fc.constantFrom('b', 'k', 'l', 'm', 's', 't', 'a', 'e', 'i', 'o', 'u', 'ij', 'oe', 'ui'), { minLength: 1, maxLength: 8 })
    .map((parts) => parts.join(''));
  const sentence = fc.array(word, { minLength: 1, maxLength: 20 }).map((ws) => ws.join(' ') + '.');
  const text = fc.array(sentence, { minLength: 1, maxLength: 10 }).map((ss) => ss.join(' '));

  it('has positive counts and at least one syllable per word for any text with words', () => {
    fc.assert(
      fc.property(text, (t) => {
        const r = measure([t]);
        expect(r.sentences).toBeGreaterThan(0);
        expect(r.words).toBeGreaterThan(0);
        expect(r.syllables).toBeGreaterThanOrEqual(r.words);
      }),
    );
  });

  it('never lowers the score by adding a sentence of one-syllable words no longer than the average', () => {
    fc.assert(
      fc.property(text, fc.array(fc.constantFrom('bot', 'zee', 'kaas', 'melk', 'loop', 'huis', 'dag'), { minLength: 1, maxLength: 15 }), (t, short) => {
        const before = measure([t]);
        fc.pre(short.length <= before.wordsPerSentence);
        const after = measure([t, short.join(' ') + '.']);
        expect(after.fleschDouma).toBeGreaterThanOrEqual(before.fleschDouma - 1e-9);
      }),
    );
  });

  it('never lowers the score by splitting a sentence in two', () => {
    fc.assert(
      fc.property(fc.array(word, { minLength: 2, maxLength: 30 }), fc.nat(), (ws, at) => {
        const cut = 1 + (at % (ws.length - 1));
        const whole = measure([ws.join(' ') + '.']);
        const split = measure([ws.slice(0, cut).join(' ') + '. ' + ws.slice(cut).join(' ') + '.']);
        expect(split.words).toBe(whole.words);
        expect(split.sentences).toBe(whole.sentences + 1);
        expect(split.fleschDouma).toBeGreaterThan(whole.fleschDouma);
      }),
    );
  });

  it('gives the same figures for a text said twice', () => {
    fc.assert(
      fc.property(text, (t) => {
        const once = measure([t]);
        const twice = measure([t, t]);
        expect(twice.fleschDouma).toBeCloseTo(once.fleschDouma, 9);
        expect(twice.wordsPerSentence).toBeCloseTo(once.wordsPerSentence, 9);
      }),
    );
  });
});

describe('what is measured of a page', () => {
  it('takes paragraphs and list items in Dutch, not headings, titles, captions or alt texts', () => {
    const page: LearnPage = {
      slug: 'x',
      group: 'bones',
      title: { nl: 'Titel', en: 'Title' },
      summary: { nl: 'Samenvatting.', en: 'Summary.' },
      sections: [
        {
          id: 'a',
          heading: { nl: 'Kop', en: 'Heading' },
          blocks: [
            { kind: 'p', text: { nl: 'Alinea.', en: 'Paragraph.' } },
            { kind: 'list', items: [{ nl: 'Een', en: 'One' }, { nl: 'Twee', en: 'Two' }] },
            { kind: 'picture', picture: 'bone', alt: { nl: 'Alt.', en: 'Alt.' }, caption: { nl: 'Onderschrift.', en: 'Caption.' } },
          ],
        },
      ],
      sources: ['NIV-2022'],
      checked: '2026-12-07',
    };
    expect(measuredDutch(page)).toEqual(['Alinea.', 'Een', 'Twee']);
  });
});

describe('every learn page reads easily in Dutch', () => {
  it('has pages to check', () => {
    expect(LEARN_PAGES.length).toBeGreaterThan(0);
  });

  it.each(LEARN_PAGES.map((p) => [p.slug, p] as const))('%s: Flesch–Douma ≥ 60 and ≤ 15 words per sentence', (slug, page) => {
    const r = pageReadability(page);
    const figures = `${slug}: Flesch–Douma ${r.fleschDouma.toFixed(1)}, ${r.wordsPerSentence.toFixed(1)} words per sentence (${String(r.words)} words, ${String(r.sentences)} sentences, ${String(r.syllables)} syllables)`;
    expect(r.words, `${slug} has no measured Dutch text`).toBeGreaterThan(0);
    expect(r.fleschDouma, figures).toBeGreaterThanOrEqual(MIN_FLESCH_DOUMA);
    expect(r.wordsPerSentence, figures).toBeLessThanOrEqual(MAX_WORDS_PER_SENTENCE);
  });
});
