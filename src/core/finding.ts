// Small builders for findings, so every rule reports used/missing the same way and a rule that
// cannot decide always says what to measure instead of guessing (clinical-rules.md §1).
import { NO_PATHS, type Explain, type Explanation, type Finding, type Severity, type Source } from './rule.js';
import { fieldNames } from './text.js';
import { sortText } from './sort.js';


export function finding(
  code: string,
  value: unknown,
  severity: Severity,
  used: Readonly<Record<string, unknown>>,
  missing: readonly string[],
  explanation: Explain | Explanation,
  source?: readonly Source[],
): Finding {
  // Nothing missing: the shared frozen list, which evaluate() passes on without a copy.
  const m = missing.length === 0 ? NO_PATHS : sortText([...new Set(missing)]);
  return source
    ? { code, value, severity, used: { ...used }, missing: m, explanation, source }
    : { code, value, severity, used: { ...used }, missing: m, explanation };
}

/**
 * `value: null`, severity attention, naming what to measure or ask. `topic` says what could not be
 * judged, in both languages (e.g. "uw botdichtheid" / "your bone density").
 */
export function undecided(
  code: string,
  missing: readonly string[],
  used: Readonly<Record<string, unknown>>,
  topic: { patient: { nl: string; en: string }; clinician: { nl: string; en: string } },
): Finding {
  return finding(code, null, 'attention', used, missing, (lang) => {
    const names = fieldNames(missing, lang);
    return lang === 'nl'
      ? {
          patient: `We kunnen ${topic.patient.nl} nog niet beoordelen. Daarvoor is nog nodig: ${names}.`,
          clinician: `${topic.clinician.nl}: niet te beoordelen zonder ${names}. Meet of noteer dit.`,
        }
      : {
          patient: `We cannot judge ${topic.patient.en} yet. We still need: ${names}.`,
          clinician: `${topic.clinician.en}: cannot be decided without ${names}. Measure or record it.`,
        };
  });
}
