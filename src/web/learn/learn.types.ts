// The shape of a learn page: the one source of patient education in Botpad. Each page is written
// fresh in plain Dutch (B1) and English, one idea per paragraph, and names its sources and the day
// its facts were last checked against the clinical rules. The texts are data, so the readability
// check, the seed-overlap check and every side of Botpad read the same words.
import type { Drug } from '../../core/case.schema.js';

export interface Bi {
  nl: string;
  en: string;
}

/** A block of a section: a paragraph, a short list, or a picture (server-rendered SVG) with its text alternative. */
export type LearnBlock =
  | { kind: 'p'; text: Bi }
  | { kind: 'list'; items: Bi[] }
  | { kind: 'picture'; picture: string; alt: Bi; caption?: Bi };

export interface LearnSection {
  /** Anchor id within the page (lower-case, hyphens): other pages link to `/learn/<slug>#<id>`. */
  id: string;
  heading: Bi;
  blocks: LearnBlock[];
}

export interface LearnPage {
  /** The page's address: `/learn/<slug>`. */
  slug: string;
  title: Bi;
  /** One or two sentences shown in the list of pages and at the top of the page. */
  summary: Bi;
  sections: LearnSection[];
  /** Short source names of clinical-rules.md (`NIV-2022`, `LEAFLET-HOSPITAL`, `SMPC-denosumab`, …). */
  sources: string[];
  /** The day the facts were last checked against the clinical rules (ISO date). */
  checked: string;
  /** For a medicine page: the drug of the core's catalogue it explains. */
  drug?: Drug;
  /** Which group the page belongs to in the list of pages. */
  group: 'bones' | 'living' | 'medicines' | 'children';
}
