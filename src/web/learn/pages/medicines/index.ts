// The medicine pages, one per drug of the core's catalogue (slug `medicine-<drug>`).
import type { LearnPage } from '../../learn.types.js';

export const MEDICINE_PAGES: LearnPage[] = [];
