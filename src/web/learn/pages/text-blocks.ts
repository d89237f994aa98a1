// Short builders for the blocks of a learn page, so a page file reads as its two texts side by side.
import type { Bi, LearnBlock } from '../learn.types.js';

export const p = (nl: string, en: string): LearnBlock => ({ kind: 'p', text: { nl, en } });
export const li = (nl: string, en: string): Bi => ({ nl, en });
export const list = (...items: Bi[]): LearnBlock => ({ kind: 'list', items });

/** The day the facts of these pages were last checked against clinical-rules.md. */
export const CHECKED = '2026-12-07';
