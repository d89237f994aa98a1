// The pure function behind `botpad evaluate` and POST /api/v1/evaluate (clinical-rules.md §1):
// Case + Settings → Evaluation. No clock (asOf comes from the case), no I/O, no randomness, so the
// same input always gives the same output. Labs are converted to canonical units once, here.
//
// Parsing lives here too but returns zod issues instead of throwing an application error: the core
// imports nothing of ours outside src/core. src/schema/case-input.ts turns the issues into the one
// error vocabulary (invalidInput).
import type { z } from 'zod';
import { Case } from './case.schema.js';
import { Settings, type SettingsInput } from './settings.js';
import type { Conclusion, Finding, Lang, Rule } from './rule.js';
import { NO_PATHS, Reader, type Criterion } from './reader.js';
import { normalizeLabs } from './laboratory/picture.js';
import { RULES, RULES_VERSION } from './registry.js';
import { withCase } from './memo.js';

export interface Evaluation {
  asOf: string;
  rulesVersion: string;
  settingsUsed: Settings;
  conclusions: Conclusion[];
}

export type Checked<T> = { ok: true; value: T } | { ok: false; issues: z.core.$ZodIssue[] };

/** Validates a Case: wrong types, unknown keys, impossible dates, unknown codes and lab units. */
export function checkCase(json: unknown): Checked<Case> {
  const r = Case.safeParse(json);
  return r.success ? { ok: true, value: r.data } : { ok: false, issues: r.error.issues };
}

/** Validates organisation settings; absent keys take the spec's defaults. */
export function checkSettings(json: unknown): Checked<Settings> {
  // No settings at all (absent, or an empty plain object): the defaults, a fresh copy as zod gives.
  if (noKeys(json)) {
    return { ok: true, value: { ...PRISTINE, calciumPerServingMg: { ...PRISTINE.calciumPerServingMg } } };
  }
  const r = Settings.safeParse(json ?? {});
  return r.success ? { ok: true, value: r.data } : { ok: false, issues: r.error.issues };
}

/**
 * A frozen array (a rule's `inputs` and `source`, frozen by the registry; a finding's constant
 * source list or empty `missing`) is shared by every conclusion that carries it: nothing can change
 * it, so a copy per conclusion would only cost allocation. Any other array is copied, as before.
 */
function own(xs: readonly string[]): string[] {
  // The shared empty list first: most conclusions carry it, and Object.isFrozen is a call into
  // the engine each time.
  return (xs === NO_PATHS || Object.isFrozen(xs) ? xs : xs.slice()) as string[];
}

/** zod's parse of `{}`, kept privately (DEFAULT_SETTINGS is exported and could be changed). */
const PRISTINE: Settings = Settings.parse({});

function noKeys(json: unknown): boolean {
  if (json === undefined || json === null) return true;
  if (typeof json !== 'object' || Object.getPrototypeOf(json) !== Object.prototype) return false;
  return Object.getOwnPropertyNames(json).length === 0 && Object.getOwnPropertySymbols(json).length === 0;
}

/**
 * The finding's reader owns its `used` object and criteria list, and nothing writes to them once the
 * rule has returned, so they are passed on as they are rather than copied.
 */
function conclude(rule: Rule, f: Finding, lang: Lang, inputs: readonly string[] | undefined, source: readonly string[] | undefined): Conclusion {
  return {
    code: f.code,
    ruleId: rule.id,
    value: f.value,
    severity: f.severity,
    inputs: (inputs ?? rule.inputs.slice()) as string[],
    used: f.reads.used,
    missing: own(f.reads.missing),
    criteria: f.reads.criteria as Criterion[],
    source: f.source !== undefined ? own(f.source) : (source ?? rule.source.slice()) as string[],
    explanation: explanationIn(f.explanation, lang),
  };
}

function explanationIn(e: Finding['explanation'], lang: Lang): { patient: string; clinician: string } {
  // A rule's explanation function returns a fresh object of exactly these two texts: passed on as it is.
  if (typeof e === 'function') return e(lang) as { patient: string; clinician: string };
  return { patient: e.patient[lang], clinician: e.clinician[lang] };
}

/**
 * Runs every rule in registry order. Never throws on a schema-valid case: rules are total, so an
 * exception here is a bug to fix in the rule, not something to hide.
 */
export function evaluate(input: Case, settings: Settings, lang: Lang = 'nl', rules: readonly Rule[] = RULES): Evaluation {
  const c = normalizeLabs(input);
  const conclusions = withCase(c, () => {
    const out: Conclusion[] = [];
    // The registry froze itself and every rule's lists when it loaded; other lists are asked rule by rule.
    const registry = rules === RULES;
    for (const rule of rules) {
      const findings = rule.evaluate(new Reader(c, settings));
      if (findings.length === 0) continue;
      // The rule's frozen lists, looked up once per rule; undefined: copy them per conclusion.
      const inputs = registry || Object.isFrozen(rule.inputs) ? rule.inputs : undefined;
      const source = registry || Object.isFrozen(rule.source) ? rule.source : undefined;
      for (const f of findings) out.push(conclude(rule, f, lang, inputs, source));
    }
    return out;
  });
  return { asOf: c.asOf, rulesVersion: RULES_VERSION, settingsUsed: settings, conclusions };
}

export type { SettingsInput };
