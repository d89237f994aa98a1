// The one helper for a rule that cannot decide: `value: null`, severity attention, naming what to
// measure or ask (clinical-rules.md §1). What is missing is what the reader found absent.
import type { Finding } from './rule.js';
import type { Reader } from './reader.js';
import { fieldNames } from './text.js';

/** `topic` says what could not be judged, in both languages (e.g. "uw botdichtheid" / "your bone density"). */
export function undecided(
  r: Reader,
  code: string,
  topic: { patient: { nl: string; en: string }; clinician: { nl: string; en: string } },
): Finding {
  return {
    code, value: null, severity: 'attention', reads: r,
    explanation: (lang) => {
      const names = fieldNames(r.missingInOrder, lang);
      return lang === 'nl'
        ? {
            patient: `We kunnen ${topic.patient.nl} nog niet beoordelen. Daarvoor is nog nodig: ${names}.`,
            clinician: `${topic.clinician.nl}: niet te beoordelen zonder ${names}. Meet of noteer dit.`,
          }
        : {
            patient: `We cannot judge ${topic.patient.en} yet. We still need: ${names}.`,
            clinician: `${topic.clinician.en}: cannot be decided without ${names}. Measure or record it.`,
          };
    },
  };
}
