// Small constructors for the bilingual texts every finding carries, so rule files read as clinical
// logic with their words next to it rather than as nested object literals.
import type { Explain, Explanation } from './rule.js';

export interface Texts {
  /** Plain Dutch at B1 level: short sentences, common words. */
  readonly patientNl: string;
  readonly patientEn: string;
  readonly clinicianNl: string;
  readonly clinicianEn: string;
}

export function explain(t: Texts): Explanation {
  return {
    patient: { nl: t.patientNl, en: t.patientEn },
    clinician: { nl: t.clinicianNl, en: t.clinicianEn },
  };
}

/** Both languages of a finding's explanation (catalogue and tests; evaluate() builds only one). */
export function bilingual(e: Explain | Explanation): Explanation {
  if (typeof e !== 'function') return e;
  const nl = e('nl');
  const en = e('en');
  return { patient: { nl: nl.patient, en: en.patient }, clinician: { nl: nl.clinician, en: en.clinician } };
}

/** Dutch-style decimal for clinician text (2,15 rather than 2.15). */
export function nlNum(n: number): string {
  return String(n).replace('.', ',');
}
