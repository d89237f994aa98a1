import { en } from './en.js';
import { nl, type Messages } from './nl.js';

export type Lang = 'nl' | 'en';
export const LANGS: readonly Lang[] = ['nl', 'en'];
export type { Messages };

const CATALOGUES: Record<Lang, Messages> = { nl, en };

export function messages(lang: Lang): Messages {
  return CATALOGUES[lang];
}

export function isLang(v: unknown): v is Lang {
  return v === 'nl' || v === 'en';
}
