// Which treatment options the shared decision puts on the table for this patient (product.md step
// 5; clinical-rules.md §5 and §7). Choosing no medicine is always an option. The four medicine
// options appear only when the core finds medication indicated (`treatment.medication-indicated`),
// each with the drugs of the catalogue that realise it and the prescription gate of each as it
// stands today, so the screen never offers a drug as if it were safe when the §7 checks stop it.
// The daily injection (teriparatide) appears only when the core's first choice names it: a third
// fracture on treatment, or every other drug contra-indicated (NIV-2022, clinical-rules.md §5).
// The facts per option are codes; the words live with the pages (i18n) and the printed agreements.
// Sources: NIV-2022, NHG-2024 (indication, first choice), SMPC-<drug> (regimen, common side
// effects); the layout of benefit, burden, frequency and place was inspired by the decision aids
// named in peers.md (Thuisarts keuzehulp, iFraP), none of whose words are used.
import type { Case, Drug } from '../case.schema.js';
import type { DecisionOption } from '../record/lists.js';
import { DECISION_OPTIONS } from '../record/lists.js';
import type { Source } from '../rule.js';
import type { Settings } from '../settings.js';
import type { IsoDate } from '../time/date.js';
import { Reader } from '../reader.js';
import { prescriptionGate, type PrescriptionGate } from '../medication/gate.js';
import { assessIndication } from '../treatment/indication.js';
import { firstChoice } from '../treatment/treatment.rule.js';

/** What an option is like to live with, as codes the words are looked up by. */
export interface OptionFacts {
  /** What it does for the bones. */
  readonly benefit: 'no-medicine' | 'slows-bone-loss' | 'builds-bone';
  /** What it asks of the patient. */
  readonly burden: 'daily-habits' | 'tablet-fasting-upright' | 'drip-half-hour' | 'injection-on-time' | 'self-injection-daily';
  readonly frequency: 'every-day' | 'weekly' | 'yearly' | 'every-6-months' | 'daily-up-to-2-years';
  readonly place: 'home' | 'hospital-day-care' | 'clinic-or-gp';
  /** The common side effects (SMPC section 4.8, "common" or more), as codes. */
  readonly sideEffects: readonly SideEffect[];
  readonly sources: readonly Source[];
}

export const SIDE_EFFECTS = [
  'none-from-medicine', 'heartburn', 'stomach-ache', 'muscle-bone-pain', 'flu-like-first-days', 'headache',
  'skin-rash', 'low-calcium', 'dizziness', 'nausea', 'leg-cramps',
] as const;
export type SideEffect = (typeof SIDE_EFFECTS)[number];

/** The drugs of the catalogue that realise each medicine option (regimens from core/medication/catalogue.ts). */
export const OPTION_DRUGS: Readonly<Record<DecisionOption, readonly Drug[]>> = {
  'lifestyle-only': [],
  'weekly-tablet': ['alendronic-acid', 'risedronic-acid'],
  'yearly-infusion': ['zoledronic-acid'],
  'injection-6-months': ['denosumab'],
  'daily-injection': ['teriparatide'],
};

export const OPTION_FACTS: Readonly<Record<DecisionOption, OptionFacts>> = {
  'lifestyle-only': {
    benefit: 'no-medicine', burden: 'daily-habits', frequency: 'every-day', place: 'home',
    sideEffects: ['none-from-medicine'], sources: ['NIV-2022', 'GR-CALCIUM', 'WFG-2022'],
  },
  'weekly-tablet': {
    benefit: 'slows-bone-loss', burden: 'tablet-fasting-upright', frequency: 'weekly', place: 'home',
    sideEffects: ['heartburn', 'stomach-ache', 'muscle-bone-pain'], sources: ['NIV-2022', 'SMPC-alendronic-acid', 'SMPC-risedronic-acid'],
  },
  'yearly-infusion': {
    benefit: 'slows-bone-loss', burden: 'drip-half-hour', frequency: 'yearly', place: 'hospital-day-care',
    sideEffects: ['flu-like-first-days', 'headache', 'muscle-bone-pain'], sources: ['NIV-2022', 'SMPC-zoledronic-acid'],
  },
  'injection-6-months': {
    benefit: 'slows-bone-loss', burden: 'injection-on-time', frequency: 'every-6-months', place: 'clinic-or-gp',
    sideEffects: ['muscle-bone-pain', 'skin-rash', 'low-calcium'], sources: ['NIV-2022', 'SMPC-denosumab'],
  },
  'daily-injection': {
    benefit: 'builds-bone', burden: 'self-injection-daily', frequency: 'daily-up-to-2-years', place: 'home',
    sideEffects: ['dizziness', 'nausea', 'leg-cramps', 'headache'], sources: ['NIV-2022', 'SMPC-teriparatide'],
  },
};

export interface DrugVerdict {
  drug: Drug;
  gate: PrescriptionGate;
  /** Named by the core's first choice for this patient (`treatment.first-choice`). */
  firstChoice: boolean;
}

export interface DecisionOptionView {
  option: DecisionOption;
  facts: OptionFacts;
  /** The drugs that realise the option, each with its safety verdict; empty for lifestyle only. */
  drugs: DrugVerdict[];
}

export interface DecisionOptions {
  /** Whether the core finds medication indicated; without it only lifestyle is on the table. */
  medicationIndicated: boolean;
  options: DecisionOptionView[];
}

/** Whether the core's first choice names the anabolic: a third fracture on treatment, or the others contra-indicated. */
function anabolicIndicated(drugs: readonly Drug[]): boolean {
  return drugs.includes('teriparatide');
}

/** The options that apply to the patient of `c` on `today` (the Case's `asOf`), in the list's order. */
export function decisionOptions(c: Case, settings: Settings, today: IsoDate): DecisionOptions {
  const indicated = assessIndication(c, settings).indicated;
  const fc = indicated ? firstChoice(new Reader(c, settings)) : null;
  const chosen = fc?.drugs ?? [];
  const applies = (o: DecisionOption): boolean => {
    if (o === 'lifestyle-only') return true;
    if (!indicated) return false;
    if (o === 'daily-injection') return anabolicIndicated(chosen);
    return true;
  };
  return {
    medicationIndicated: indicated,
    options: DECISION_OPTIONS.filter(applies).map((option) => ({
      option,
      facts: OPTION_FACTS[option],
      drugs: OPTION_DRUGS[option].map((drug) => ({ drug, gate: prescriptionGate(c, { drug, start: today }, today), firstChoice: chosen.includes(drug) })),
    })),
  };
}

/** Whether `drug` realises `option` (a decision names a drug only of its own option). */
export function drugFits(option: DecisionOption, drug: Drug): boolean {
  return OPTION_DRUGS[option].includes(drug);
}
