// The shape every clinical rule takes. A rule is an object that carries its provenance: its id
// (verbatim from clinical-rules.md), the sources it cites, the case paths it reads, a catalogue text,
// and a pure `evaluate` that returns findings recording the values it used and what was missing.
// A finding's explanation is a function of the language: `evaluate()` asks for the one language it
// was given, so only those texts are ever built.
import type { Criterion, DerivedName, Reader } from './reader.js';

export type Lang = 'nl' | 'en';
export type Severity = 'info' | 'attention' | 'action' | 'block';

export interface Bilingual {
  readonly nl: string;
  readonly en: string;
}
/** Why a conclusion fired, for the patient (plain B1 Dutch / English) and for the clinician. */
export interface Explanation {
  readonly patient: Bilingual;
  readonly clinician: Bilingual;
}

export const SOURCES = [
  'NIV-2022', 'CBO-2011', 'NHG-2012', 'NHG-2024', 'WHO-1994', 'ISCD', 'GENANT',
  'SMPC-alendronic-acid', 'SMPC-risedronic-acid', 'SMPC-ibandronic-acid', 'SMPC-zoledronic-acid',
  'SMPC-denosumab', 'SMPC-teriparatide', 'SMPC-romosozumab', 'SMPC-raloxifene',
  'GR-2012', 'GR-CALCIUM', 'WFG-2022', 'FESI', 'FLS-DB', 'IOF-KPI', 'Farmacotherapeutisch Kompas',
  'LEAFLET-EMB', 'LEAFLET-PHYSIO', 'LEAFLET-HOSPITAL', 'GUIDE-EXERCISE', 'PATHWAY-UMC',
  'BOTPAD-POLICY',
  'SPPB', 'STEADI', 'RIKLI-JONES', 'PSK',
] as const;
export type Source = (typeof SOURCES)[number];

export const STAGES = [
  'case-finding', 'diagnosis', 'treatment', 'laboratory', 'medication', 'follow-up',
  'calcium-vitamin-d', 'falls', 'lifestyle', 'children', 'exercise-therapy',
] as const;
export type Stage = (typeof STAGES)[number];

/** One explanation in one language. */
export interface LangText {
  readonly patient: string;
  readonly clinician: string;
}
/**
 * A finding's explanation, built on demand for one language (evaluate() calls it once, with the
 * language asked for). A fixed bilingual Explanation is accepted too.
 */
export type Explain = (lang: Lang) => LangText;

/** What a rule returns for one conclusion, before the language is chosen. */
export interface Finding {
  readonly code: string;
  readonly value: unknown;
  readonly severity: Severity;
  /**
   * The reader the rule read the case with for this finding: the engine takes `used`, `missing` and
   * `criteria` from it, so provenance is recorded by reading, never written by hand.
   */
  readonly reads: Reader;
  readonly explanation: Explain | Explanation;
  /** Overrides the rule's sources when one finding cites a narrower set (e.g. one drug's SmPC). */
  readonly source?: readonly Source[];
}

export interface Rule {
  readonly id: string;
  readonly stage: Stage;
  readonly source: readonly Source[];
  /**
   * Every case path (dotted) and setting (`settings.<key>`) the rule may report reading. A reported
   * path counts as declared when it equals an input or lies below one (`labs.egfr` below `labs`);
   * evaluate.inputs.test.ts checks this over thousands of generated cases.
   */
  readonly inputs: readonly string[];
  /** The derived values (`derived.<name>`) the rule may report. */
  readonly derived: readonly DerivedName[];
  /** The ids of the criteria the rule checks and reports with met / not-met / unknown. */
  readonly criteria: readonly string[];
  /** The codes this rule can emit. */
  readonly codes: readonly string[];
  /** Catalogue text: what the rule decides, for docs/rules.md, GET /api/v1/rules and the why panel. */
  readonly about: Explanation;
  /** Reads the case through `r` (r.case and r.settings for what needs no record) and concludes. */
  evaluate(r: Reader): readonly Finding[];
}

/** The contract output (clinical-rules.md §1), language chosen. */
export interface Conclusion {
  code: string;
  ruleId: string;
  value: unknown;
  severity: Severity;
  inputs: string[];
  used: Record<string, unknown>;
  missing: string[];
  /** Each criterion the rule checked, with its result. */
  criteria: Criterion[];
  source: string[];
  explanation: { patient: string; clinician: string };
}

export { NO_PATHS } from './reader.js';

/** A finding read through `r`. */
export function conclude(r: Reader, code: string, value: unknown, severity: Severity, explanation: Explain | Explanation, source?: readonly Source[]): Finding {
  return source === undefined ? { code, value, severity, reads: r, explanation } : { code, value, severity, reads: r, explanation, source };
}
