// Where a conclusion of the clinical core is explained to the patient: the learn pages are the one
// source of patient education, so every screen that shows a result or a plan links here rather
// than explaining it again. A pure map from conclusion codes (and drugs) to `/learn/<slug>#<id>`.
import type { Drug } from '../../core/case.schema.js';

/** Exact codes first; then a code's family (the part before the first dot). */
const BY_CODE: Readonly<Record<string, string>> = {
  'bmd.category': '/learn/osteoporosis#t-score',
  'vfa.vertebral-fractures': '/learn/pathway#diagnostic-day',
  'treatment.medication-indicated': '/learn/osteoporosis#what-you-can-do',
  'calcium.intake': '/learn/food#calculator',
  'calcium.supplement-advised': '/learn/food#targets',
  'vitamin-d.advice': '/learn/food#vitamin-d',
  'lab.vitamin-d': '/learn/food#vitamin-d',
  'fall-risk.level': '/learn/falls#at-home',
  'fall-risk.inventory-needed': '/learn/falls#after-a-fall',
  'fear-of-falling.level': '/learn/pain-and-fear#fear-of-falling',
  'lifestyle.advice': '/learn/moving#how-much',
  'follow-up.schedule': '/learn/pathway#after-the-day',
};

const BY_FAMILY: Readonly<Record<string, string>> = {
  'case-finding': '/learn/pathway#fracture-after-50',
  calcium: '/learn/food#calcium',
  child: '/learn/children-emb',
};

/** The learn page (with its section) that explains a conclusion with this code, if one does. */
export function learnLinkFor(code: string): string | undefined {
  return BY_CODE[code] ?? BY_FAMILY[code.split('.')[0] ?? ''];
}

/** The learn page of one medicine of the core's catalogue. */
export function learnLinkForDrug(drug: Drug): string {
  return `/learn/medicine-${drug}`;
}

/** Every address the map can give, for the check that each one exists. */
export function allLearnLinks(drugs: readonly Drug[]): string[] {
  return [...new Set([...Object.values(BY_CODE), ...Object.values(BY_FAMILY), ...drugs.map(learnLinkForDrug)])];
}
