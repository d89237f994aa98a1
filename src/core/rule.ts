// The shape every clinical rule takes. A rule is an object that carries its provenance: its id
// (verbatim from clinical-rules.md), the sources it cites, the case paths it reads, a catalogue text,
// and a pure `evaluate` that returns findings recording the values it used and what was missing.
// A finding's explanation is a function of the language: `evaluate()` asks for the one language it
// was given, so only those texts are ever built.
import type { Case } from './case.schema.js';
import type { Settings } from './settings.js';
import { sortText } from './sort.js';

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
] as const;
export type Source = (typeof SOURCES)[number];

export const STAGES = [
  'case-finding', 'diagnosis', 'treatment', 'laboratory', 'medication', 'follow-up',
  'calcium-vitamin-d', 'falls', 'lifestyle', 'children',
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
   * Case paths (dotted, e.g. `person.birthDate`, `labs.egfr`) and the values the rule used. The
   * finding owns this object and evaluate() passes it on uncopied: give each finding its own (its
   * own Trace's `used`, or go through `finding()`, which copies).
   */
  readonly used: Readonly<Record<string, unknown>>;
  /** Case paths that were absent and could change the answer. */
  readonly missing: readonly string[];
  readonly explanation: Explain | Explanation;
  /** Overrides the rule's sources when one finding cites a narrower set (e.g. one drug's SmPC). */
  readonly source?: readonly Source[];
}

/** Read-only view a rule gets: the validated case (labs already converted to canonical units). */
export interface RuleContext {
  readonly case: Case;
  readonly settings: Settings;
}

export interface Rule {
  readonly id: string;
  readonly stage: Stage;
  readonly source: readonly Source[];
  /** Every case path the rule may read (dotted). */
  readonly inputs: readonly string[];
  /** The codes this rule can emit. */
  readonly codes: readonly string[];
  /** Catalogue text: what the rule decides, for docs/rules.md, GET /api/v1/rules and the why panel. */
  readonly about: Explanation;
  evaluate(ctx: RuleContext): readonly Finding[];
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
  source: string[];
  explanation: { patient: string; clinician: string };
}

/**
 * Records which inputs a rule used and which were missing, so every conclusion can show its why.
 * `get` returns the value and files it under `used` or `missing`.
 */
/** The one shared, frozen empty list of paths (a finding with nothing missing carries it). */
export const NO_PATHS: readonly string[] = Object.freeze([]);

export class Trace {
  readonly used: Record<string, unknown> = {};
  /** Created on the first absent path: most traces never need one. */
  private absent: Set<string> | undefined = undefined;

  get<T>(path: string, value: T | undefined): T | undefined {
    if (value === undefined) (this.absent ??= new Set()).add(path);
    else this.used[path] = value;
    return value;
  }
  /** Mark a path as missing without reading it (e.g. a lab that was never taken). */
  miss(path: string): void {
    (this.absent ??= new Set()).add(path);
  }
  get missing(): string[] {
    // Mostly nothing is missing: one shared, frozen empty list then (evaluate() does not copy it).
    if (this.absent === undefined) return NO_PATHS as string[];
    const out: string[] = [];
    for (const p of this.absent) if (!(p in this.used)) out.push(p);
    return out.length === 0 ? (NO_PATHS as string[]) : sortText(out);
  }
}
