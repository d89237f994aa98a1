// The drug catalogue of the medication stage: what each osteoporosis drug is (ATC code, class,
// route, regimen) so that safety, course and follow-up rules reason about classes ("oral
// bisphosphonate", "antiresorptive") instead of repeating drug lists.
// Sources: WHO ATC index (codes), SMPC-<drug> and LEAFLET-HOSPITAL / PATHWAY-UMC (regimens).
import type { Drug } from '../case.schema.js';
import { DRUGS } from '../case.schema.js';
import type { Source } from '../rule.js';

export type DrugClass = 'bisphosphonate' | 'rankl-antibody' | 'pth-analogue' | 'sclerostin-antibody' | 'serm';
export type Route = 'oral' | 'iv' | 'sc';
/** Stable codes for how often a dose is given; the UI translates them. */
export type Interval = 'daily' | 'weekly' | 'monthly' | 'every-3-months' | 'every-6-months' | 'yearly';

export interface Regimen {
  readonly route: Route;
  readonly dose: string;
  readonly interval: Interval;
  /** Stable instruction codes, kebab-case; the patient texts explain them. */
  readonly instructions: readonly string[];
}

export interface DrugInfo {
  readonly drug: Drug;
  readonly atc: string;
  readonly nameNl: string;
  readonly nameEn: string;
  readonly drugClass: DrugClass;
  /** Romosozumab also slows resorption but is sequenced as an anabolic (an antiresorptive follows it). */
  readonly action: 'antiresorptive' | 'anabolic';
  /** One regimen per route; ibandronic acid is the only drug with two. */
  readonly regimens: readonly Regimen[];
  readonly smpc: Source;
}

const ORAL_BP = ['fasting', 'plain-water', 'upright-30-minutes', 'no-food-30-minutes'];

export const CATALOGUE: Readonly<Record<Drug, DrugInfo>> = {
  'alendronic-acid': {
    drug: 'alendronic-acid', atc: 'M05BA04', nameNl: 'alendroninezuur', nameEn: 'alendronic acid',
    drugClass: 'bisphosphonate', action: 'antiresorptive', smpc: 'SMPC-alendronic-acid',
    regimens: [{ route: 'oral', dose: '70 mg', interval: 'weekly', instructions: ORAL_BP }],
  },
  'risedronic-acid': {
    drug: 'risedronic-acid', atc: 'M05BA07', nameNl: 'risedroninezuur', nameEn: 'risedronic acid',
    drugClass: 'bisphosphonate', action: 'antiresorptive', smpc: 'SMPC-risedronic-acid',
    regimens: [{ route: 'oral', dose: '35 mg', interval: 'weekly', instructions: ORAL_BP }],
  },
  'ibandronic-acid': {
    drug: 'ibandronic-acid', atc: 'M05BA06', nameNl: 'ibandroninezuur', nameEn: 'ibandronic acid',
    drugClass: 'bisphosphonate', action: 'antiresorptive', smpc: 'SMPC-ibandronic-acid',
    regimens: [
      { route: 'oral', dose: '150 mg', interval: 'monthly',
        instructions: ['fasting', 'plain-water', 'upright-60-minutes', 'no-food-60-minutes'] },
      { route: 'iv', dose: '3 mg', interval: 'every-3-months', instructions: ['blood-test-first'] },
    ],
  },
  'zoledronic-acid': {
    drug: 'zoledronic-acid', atc: 'M05BA08', nameNl: 'zoledroninezuur', nameEn: 'zoledronic acid',
    drugClass: 'bisphosphonate', action: 'antiresorptive', smpc: 'SMPC-zoledronic-acid',
    regimens: [{ route: 'iv', dose: '5 mg', interval: 'yearly',
      instructions: ['day-admission', 'blood-test-first', 'drink-well', 'flu-like-symptoms-possible'] }],
  },
  denosumab: {
    drug: 'denosumab', atc: 'M05BX04', nameNl: 'denosumab', nameEn: 'denosumab',
    drugClass: 'rankl-antibody', action: 'antiresorptive', smpc: 'SMPC-denosumab',
    regimens: [{ route: 'sc', dose: '60 mg', interval: 'every-6-months',
      instructions: ['on-time-every-6-months', 'calcium-check-first', 'do-not-stop-without-follow-on'] }],
  },
  teriparatide: {
    drug: 'teriparatide', atc: 'H05AA02', nameNl: 'teriparatide', nameEn: 'teriparatide',
    drugClass: 'pth-analogue', action: 'anabolic', smpc: 'SMPC-teriparatide',
    regimens: [{ route: 'sc', dose: '20 µg', interval: 'daily',
      instructions: ['self-injection', 'at-most-24-months', 'antiresorptive-after'] }],
  },
  romosozumab: {
    drug: 'romosozumab', atc: 'M05BX06', nameNl: 'romosozumab', nameEn: 'romosozumab',
    drugClass: 'sclerostin-antibody', action: 'anabolic', smpc: 'SMPC-romosozumab',
    regimens: [{ route: 'sc', dose: '210 mg', interval: 'monthly',
      instructions: ['12-doses', 'antiresorptive-after'] }],
  },
  raloxifene: {
    drug: 'raloxifene', atc: 'G03XC01', nameNl: 'raloxifeen', nameEn: 'raloxifene',
    drugClass: 'serm', action: 'antiresorptive', smpc: 'SMPC-raloxifene',
    regimens: [{ route: 'oral', dose: '60 mg', interval: 'daily', instructions: ['any-time-of-day'] }],
  },
};

export const CATALOGUE_DRUGS: readonly Drug[] = DRUGS;

export const isBisphosphonate = (d: Drug): boolean => CATALOGUE[d].drugClass === 'bisphosphonate';
export const isAntiresorptive = (d: Drug): boolean => CATALOGUE[d].action === 'antiresorptive';
export const isAnabolic = (d: Drug): boolean => CATALOGUE[d].action === 'anabolic';
/** Drugs that only exist as tablets; ibandronic acid depends on the recorded route. */
export const ORAL_BISPHOSPHONATES: readonly Drug[] = ['alendronic-acid', 'risedronic-acid', 'ibandronic-acid'];

/**
 * The route of a recorded medication: the recorded one, else the drug's only route.
 * `undefined` only for ibandronic acid without a recorded route, which has two.
 */
export function routeOf(drug: Drug, recorded: Route | undefined): Route | undefined {
  if (recorded !== undefined) return recorded;
  const regs = CATALOGUE[drug].regimens;
  return regs.length === 1 ? regs[0]!.route : undefined;
}

export function regimenFor(drug: Drug, route: Route | undefined): Regimen | undefined {
  const r = routeOf(drug, route);
  return r === undefined ? undefined : CATALOGUE[drug].regimens.find((g) => g.route === r);
}
