// Validated instruments are the one place where Botpad does not use its own words: their items are
// quoted exactly as published, with the source, version and licence kept beside them. An
// instrument is offered only when all of that is in hand; until then its entry says what is missing
// (docs/questionnaires.md).
import type { QuestionnaireId } from '../record/lists.js';

export interface InstrumentItem {
  id: string;
  /** The item exactly as the official translation words it. */
  text: string;
}

export interface Instrument {
  id: QuestionnaireId;
  name: string;
  language: string;
  /** Where the official items were taken from (a citable publication or the publisher's file). */
  source: string | null;
  version: string | null;
  licence: string | null;
  items: readonly InstrumentItem[];
  /** Why it is not offered yet; null once it is. */
  missing: string | null;
}

export const INSTRUMENTS: readonly Instrument[] = [
  {
    id: 'fes-i',
    name: 'Short FES-I',
    language: 'nl',
    source: null,
    version: null,
    licence: null,
    items: [],
    missing: 'the official Dutch item texts of the Short FES-I from a citable source, and confirmation of its terms of use',
  },
  {
    id: 'promis-gh10',
    name: 'PROMIS Global Health (10 items)',
    language: 'nl-BE/nl-NL (Dutch-Flemish)',
    source: null,
    version: null,
    licence: null,
    items: [],
    missing: 'the Dutch-Flemish translation, obtained from HealthMeasures against a distribution fee, and written permission to build it into this software',
  },
];

/** An instrument may be offered only with its items, source, version and licence all recorded. */
export function offerable(i: Instrument): boolean {
  return i.missing === null && i.items.length > 0 && i.source !== null && i.version !== null && i.licence !== null;
}
