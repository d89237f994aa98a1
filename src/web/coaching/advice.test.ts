// The advice per item of the home safety check is read to, and by, the patient: plain Dutch at B1,
// held to the same measure as the learn pages (Flesch–Douma at least 60, at most 15 words a
// sentence on average), one piece of advice per item of the core's list, in both languages.
import { describe, expect, it } from 'vitest';
import { HOME_CHECK_ITEMS } from '../../core/coaching/lists.js';
import { en } from '../i18n/en.js';
import { nl } from '../i18n/nl.js';
import { MAX_WORDS_PER_SENTENCE, MIN_FLESCH_DOUMA, measure } from '../learn/readability.js';

describe('the home check advice', () => {
  it('has one piece of advice per item in both languages', () => {
    expect(Object.keys(nl.homeCheck.adviceText).sort()).toEqual([...HOME_CHECK_ITEMS].sort());
    expect(Object.keys(en.homeCheck.adviceText).sort()).toEqual([...HOME_CHECK_ITEMS].sort());
  });

  it.each(HOME_CHECK_ITEMS)('%s reads at B1 in Dutch', (item) => {
    const r = measure([nl.homeCheck.adviceText[item]]);
    const figures = `Flesch–Douma ${r.fleschDouma.toFixed(1)}, ${r.wordsPerSentence.toFixed(1)} words per sentence`;
    expect(r.fleschDouma, figures).toBeGreaterThanOrEqual(MIN_FLESCH_DOUMA);
    expect(r.wordsPerSentence, figures).toBeLessThanOrEqual(MAX_WORDS_PER_SENTENCE);
  });
});
