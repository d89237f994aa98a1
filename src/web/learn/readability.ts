// The readability measure every Dutch learn page is held to: Flesch–Douma (the Dutch adaptation of
// Flesch's reading ease) and the average sentence length. Exactly one way to count, so the test,
// the docs and whoever writes a page get the same figures. Pure: text in, numbers out.
import type { LearnPage } from './learn.types.js';

const WORD = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;
const VOWEL_RUN = /[aeiouyáéíóúàèìòùäëïöüâêîôû]+/gu;
/** A sentence ends at `.`, `!`, `?` or `:` followed by whitespace or the end of the text. */
const SENTENCE_END = /[.!?:](?=\s|$)/u;

export function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

/**
 * Syllables of one word: the maximal runs of vowels after `ij` became `y`, so the Dutch vowel pairs
 * (aa, ee, ie, oe, eu, ui, ou, au, ij) count once. A word without a vowel (a number, "µg") counts 1.
 */
export function syllables(word: string): number {
  const runs = word.toLowerCase().replaceAll('ij', 'y').match(VOWEL_RUN);
  return runs ? runs.length : 1;
}

/** The sentences of one text block; a block without an end mark is one sentence. Empty pieces are dropped. */
export function sentences(text: string): string[] {
  return text
    .split(SENTENCE_END)
    .map((s) => s.trim())
    .filter((s) => words(s).length > 0);
}

export interface Readability {
  sentences: number;
  words: number;
  syllables: number;
  /** Words per sentence. */
  wordsPerSentence: number;
  /** 206.835 − 0.93 × (words / sentences) − 77 × (syllables / words). */
  fleschDouma: number;
}

/** The figures for a list of text blocks (each block: one paragraph or one list item). */
export function measure(blocks: readonly string[]): Readability {
  let sentenceCount = 0;
  let wordCount = 0;
  let syllableCount = 0;
  for (const block of blocks) {
    const parts = sentences(block);
    // A list item counts as at least one sentence, even a bare phrase.
    sentenceCount += Math.max(1, parts.length);
    for (const w of words(block)) {
      wordCount += 1;
      syllableCount += syllables(w);
    }
  }
  if (wordCount === 0) return { sentences: sentenceCount, words: 0, syllables: 0, wordsPerSentence: 0, fleschDouma: 206.835 };
  const wordsPerSentence = wordCount / Math.max(1, sentenceCount);
  const fleschDouma = 206.835 - 0.93 * wordsPerSentence - 77 * (syllableCount / wordCount);
  return { sentences: sentenceCount, words: wordCount, syllables: syllableCount, wordsPerSentence, fleschDouma };
}

/** The Dutch text of a page that is measured: every paragraph and every list item (not headings, titles, captions or alt texts). */
export function measuredDutch(page: LearnPage): string[] {
  return page.sections.flatMap((s) =>
    s.blocks.flatMap((b) => (b.kind === 'p' ? [b.text.nl] : b.kind === 'list' ? b.items.map((i) => i.nl) : [])),
  );
}

export const MIN_FLESCH_DOUMA = 60;
export const MAX_WORDS_PER_SENTENCE = 15;

export function pageReadability(page: LearnPage): Readability {
  return measure(measuredDutch(page));
}
