// The medicine pages, one per drug of the core's catalogue, in the catalogue's order (the
// medication schedule links to `/learn/medicine-<drug>`).
import type { LearnPage } from '../../learn.types.js';
import { alendronicAcid } from './alendronic-acid.js';
import { denosumab } from './denosumab.js';
import { ibandronicAcid } from './ibandronic-acid.js';
import { raloxifene } from './raloxifene.js';
import { risedronicAcid } from './risedronic-acid.js';
import { romosozumab } from './romosozumab.js';
import { teriparatide } from './teriparatide.js';
import { zoledronicAcid } from './zoledronic-acid.js';

export const MEDICINE_PAGES: LearnPage[] = [
  alendronicAcid, risedronicAcid, ibandronicAcid, zoledronicAcid, denosumab, teriparatide, romosozumab, raloxifene,
];
