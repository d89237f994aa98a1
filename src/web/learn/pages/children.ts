// The page for parents of a child with severe multiple disabilities (slug `children-emb`).
import type { LearnPage } from '../learn.types.js';

export const CHILDREN_PAGES: LearnPage[] = [];
