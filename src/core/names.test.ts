import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fullName, listName, PREFIX_WORDS, searchWords, similarPersons, splitFamilyName } from './names.js';

const PREFIXES = ['de', 'van', 'van der', 'van de', 'van den', "van 't", 'ter', 'ten', 'den', "in 't", 'op de', 'uit den', 'van het'];
/** A surname word that is no prefix word: starts with a capital, letters after it. */
const mainWord = fc
  .tuple(fc.constantFrom(...'ABCDEFGHIJKLMNOPRSTUVWZ'), fc.string({ minLength: 1, maxLength: 10, unit: fc.constantFrom(...'abcdeijklmnorstuvwé') }))
  .map(([a, b]) => a + b)
  .filter((w) => !PREFIX_WORDS.has(w.toLowerCase()));
const surname = fc.array(mainWord, { minLength: 1, maxLength: 2 }).map((ws) => ws.join(' '));
const spaces = fc.constantFrom(' ', '  ', '\t');
const anyCase = (s: string, upper: boolean[]) => [...s].map((c, i) => (upper[i % upper.length] ? c.toUpperCase() : c)).join('');

describe('splitFamilyName', () => {
  it('splits a surname typed with its prefix into the two, whatever the capitals and spaces', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PREFIXES), surname, spaces, fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }), (prefix, name, gap, upper) => {
        const typed = ` ${anyCase(prefix, upper).split(' ').join(gap)}${gap}${name} `;
        expect(splitFamilyName(typed)).toEqual({ prefix, familyName: name });
      }),
      { numRuns: 1000 },
    );
  });

  it('leaves a surname without a prefix as it is', () => {
    fc.assert(
      fc.property(surname, (name) => {
        expect(splitFamilyName(name)).toEqual({ prefix: '', familyName: name });
      }),
    );
  });

  it('never loses a word, never leaves the surname empty, and splits nothing further the second time', () => {
    const word = fc.oneof(fc.constantFrom(...PREFIX_WORDS), mainWord, fc.string({ minLength: 1, maxLength: 6 }).filter((s) => /^\S+$/.test(s)));
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 6 }), (words) => {
        const typed = words.join(' ');
        const { prefix, familyName } = splitFamilyName(typed);
        expect(familyName).not.toBe('');
        // Only apostrophes and capitals of the prefix may change.
        const same = (s: string) => s.replace(/[\u2018\u2019`\u00B4]/g, "'").toLowerCase();
        expect(same(`${prefix} ${familyName}`.trim())).toBe(same(typed));
        expect(splitFamilyName(familyName).prefix).toBe('');
        expect(prefix === '' || prefix.split(' ').every((w) => PREFIX_WORDS.has(w))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps a lone prefix word as the surname, and reads curly apostrophes as plain ones', () => {
    expect(splitFamilyName('Van')).toEqual({ prefix: '', familyName: 'Van' });
    expect(splitFamilyName('van de')).toEqual({ prefix: 'van', familyName: 'de' });
    expect(splitFamilyName('in ’t Veld')).toEqual({ prefix: "in 't", familyName: 'Veld' });
    expect(splitFamilyName('El Amrani')).toEqual({ prefix: '', familyName: 'El Amrani' });
  });
});

describe('names in text and in lists', () => {
  it('writes the prefix after the given name in text and after it in a list, under the main word', () => {
    const anna = { givenName: 'Anna', familyNamePrefix: 'de', familyName: 'Vries' };
    expect(fullName(anna)).toBe('Anna de Vries');
    expect(listName(anna)).toBe('Vries, Anna de');
    expect(fullName({ givenName: 'Kees', familyNamePrefix: null, familyName: 'Prins' })).toBe('Kees Prins');
    expect(listName({ givenName: 'Kees', familyName: 'Prins' })).toBe('Prins, Kees');
  });

  it('a search for the name in either order, with or without prefix or comma, has words the name holds', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PREFIXES), surname, mainWord, (prefix, family, given) => {
        const p = { givenName: given, familyNamePrefix: prefix, familyName: family };
        const held = `${prefix} ${family} ${given}`.toLowerCase();
        for (const q of [fullName(p), listName(p), `${prefix} ${family}`, `${family}, ${given}`]) {
          for (const w of searchWords(q)) expect(held).toContain(w);
        }
      }),
    );
  });
});

describe('similarPersons', () => {
  it('sees one person in a slip of the keyboard, an accent, a prefix or an initial', () => {
    const anna = { givenName: 'Anna', familyNamePrefix: 'de', familyName: 'Vries' };
    expect(similarPersons(anna, { givenName: 'Anna', familyName: 'Vries' })).toBe(true);
    expect(similarPersons(anna, { givenName: 'Ana', familyName: 'Vriez' })).toBe(true);
    expect(similarPersons(anna, { givenName: 'A.', familyName: 'Vries-Jansen' })).toBe(true);
    expect(similarPersons({ givenName: 'Gerrit', familyName: 'Hoogland' }, { givenName: 'Gerrit', familyName: 'Hooglandt' })).toBe(true);
    expect(similarPersons({ givenName: 'Zoë', familyName: 'Bakker' }, { givenName: 'Zoe', familyName: 'Bakker' })).toBe(true);
  });

  it('does not see one person in different names', () => {
    const anna = { givenName: 'Anna', familyNamePrefix: 'de', familyName: 'Vries' };
    expect(similarPersons(anna, { givenName: 'Kees', familyName: 'Vries' })).toBe(false);
    expect(similarPersons(anna, { givenName: 'Anna', familyName: 'Jansen' })).toBe(false);
    expect(similarPersons({ givenName: 'Jan', familyName: 'Bos' }, { givenName: 'Jan', familyName: 'Vos' })).toBe(true);
    expect(similarPersons({ givenName: 'Jan', familyName: 'Bos' }, { givenName: 'Jan', familyName: 'Kok' })).toBe(false);
  });

  it('is symmetric and sees everyone as themselves', () => {
    const person = fc.record({ givenName: mainWord, familyName: surname });
    fc.assert(
      fc.property(person, person, (a, b) => {
        expect(similarPersons(a, a)).toBe(true);
        expect(similarPersons(a, b)).toBe(similarPersons(b, a));
      }),
    );
  });
});
