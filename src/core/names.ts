// Dutch surnames: the prefix (tussenvoegsel: "de", "van der", "in 't") is kept apart from the
// surname itself, because it changes place with the order of the name ("Anna de Vries" in running
// text, "Vries, Anna de" in a list) and a list files people under the main word (de Vries under V).
// Pure text work: no locale data, so the outcome is the same on every machine.

/** Words a Dutch surname prefix is made of; a prefix is one or more of them, in front. */
export const PREFIX_WORDS: ReadonlySet<string> = new Set([
  'van', 'de', 'der', 'den', 'het', "'t", "'s", 'te', 'ten', 'ter', 'in', 'op', 'aan', 'uit', 'bij', 'onder', 'over', 'voor', 'la', 'le', 'les', 'du', 'des',
]);

/** The longest prefix kept: "van de", "van der", "in 't", "uit de" … never come near it. */
export const MAX_PREFIX_LENGTH = 40;

export interface NameParts {
  /** The prefix in lower case, words single-spaced; '' when there is none. */
  prefix: string;
  familyName: string;
}

/** Apostrophes as typed on phones and in word processors (’ ‘ `) are the plain one. */
const plainApostrophes = (s: string) => s.replace(/[\u2018\u2019\u0060\u00B4]/g, "'");

/**
 * A surname typed in one field, split into prefix and surname: "de Vries" → de + Vries, "van 't
 * Hof" → van 't + Hof. The prefix words are taken from the front as long as a word of the surname
 * remains ("Van" alone, or "de" alone, is a surname). Capitals do not matter ("De Vries" splits
 * too); the prefix is kept in lower case, as Dutch writes it after a given name.
 */
export function splitFamilyName(typed: string): NameParts {
  const words = typed.trim().split(/\s+/).filter((w) => w !== '');
  let n = 0;
  while (n < words.length - 1 && PREFIX_WORDS.has(plainApostrophes(words[n] ?? '').toLowerCase())) n++;
  const prefix = words.slice(0, n).map((w) => plainApostrophes(w).toLowerCase()).join(' ');
  if (prefix.length > MAX_PREFIX_LENGTH) return { prefix: '', familyName: words.join(' ') };
  return { prefix, familyName: words.slice(n).join(' ') };
}

export interface PersonName {
  givenName: string;
  familyNamePrefix?: string | null | undefined;
  familyName: string;
}

const prefixOf = (p: PersonName) => (p.familyNamePrefix ?? '').trim();

/** For running text and headings: "Anna de Vries". */
export function fullName(p: PersonName): string {
  const prefix = prefixOf(p);
  return [p.givenName, prefix, p.familyName].filter((s) => s !== '').join(' ');
}

/** For lists, filed under the main word: "Vries, Anna de". */
export function listName(p: PersonName): string {
  const prefix = prefixOf(p);
  return `${p.familyName}, ${p.givenName}${prefix === '' ? '' : ' ' + prefix}`;
}

/**
 * The words of a name search, each of which must occur in the name: "Vries, Anna", "Anna de
 * Vries" and "de vries" all find Anna de Vries, whatever the order or the capitals.
 */
export function searchWords(q: string): string[] {
  return plainApostrophes(q)
    .toLowerCase()
    .split(/[\s,]+/)
    .filter((w) => w !== '');
}

/** Lower case without accents, for comparing names (é = e, ï = i, ø stays). */
function folded(s: string): string {
  return plainApostrophes(s).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[\s'-]+/g, ' ').trim();
}

/** Edit distance between a and b, given up (Infinity) once it exceeds `max`. */
function distanceAtMost(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return Infinity;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
      row.push(v);
      if (v < best) best = v;
    }
    if (best > max) return Infinity;
    prev = row;
  }
  return prev[b.length] ?? Infinity;
}

/** Whether two surnames are alike enough to be one person's, typed twice: a slip, an accent, a missing part. */
function similarWord(a: string, b: string): boolean {
  if (a === '' || b === '') return false;
  if (a === b) return true;
  // "Vries" and "Vries-Jansen": a double name typed once in full and once in part.
  if (a.startsWith(b + ' ') || b.startsWith(a + ' ')) return true;
  const shorter = Math.min(a.length, b.length);
  const max = shorter <= 4 ? 1 : 2;
  return distanceAtMost(a, b, max) <= max;
}

/**
 * Whether two people with the same birth date are likely the same person by their names: the
 * surnames (without prefix: "Vries" and "de Vries" are one name) are alike, and so are the given
 * names, or one given name is an initial of the other's ("A." and "Anna").
 */
export function similarPersons(a: PersonName, b: PersonName): boolean {
  if (!similarWord(folded(a.familyName), folded(b.familyName))) return false;
  const ga = folded(a.givenName);
  const gb = folded(b.givenName);
  if (similarWord(ga, gb)) return true;
  const initial = (s: string) => s.replace(/\./g, '').trim();
  const ia = initial(ga);
  const ib = initial(gb);
  return (ia.length === 1 && gb.startsWith(ia)) || (ib.length === 1 && ga.startsWith(ib));
}
