// medication.pre-dose-check (clinical-rules.md §7): the blood test that must precede each dose of
// zoledronic acid (kidney function, 2 weeks) and denosumab (corrected calcium, 4 weeks), with its
// status against the coming dose so the test can be planned in time.
// Sources: SMPC-zoledronic-acid, SMPC-denosumab, LEAFLET-HOSPITAL.
import type { Case, Drug, LabTest } from '../case.schema.js';
import { explain } from '../explain.js';
import { labPicture } from '../laboratory/index.js';
import type { Finding, Lang, LangText, Rule } from '../rule.js';
import type { LabPath, Reader } from '../reader.js';
import type { IsoDate } from '../time/date.js';
import { addDays, compareDates, latestOf } from '../time/date.js';
import { CATALOGUE } from './catalogue.js';
import { currentCourses, lastDose, plannedPath } from './courses.js';
import { afterInterval } from './course.rule.js';
import { sortBy } from '../sort.js';
import { F } from '../fields.js';
import { criteria } from '../reader.js';

/** The criteria this file's rules check (`r.check(C[id], met)`). */
const C = criteria(['test-within-window']);

interface Check {
  readonly drug: Drug;
  /** The value's `test` code; `accepts` lists the lab tests that satisfy it. */
  readonly test: LabTest;
  readonly accepts: readonly LabTest[];
  readonly withinDays: number;
  /** Where the date of the latest accepted test is reported. */
  readonly datePath: LabPath;
  readonly nl: string;
  readonly en: string;
}

export const PRE_DOSE_CHECKS: readonly Check[] = [
  { drug: 'zoledronic-acid', test: 'egfr', accepts: ['egfr', 'creatinine'], withinDays: 14, datePath: 'labs.egfr.date',
    nl: 'nierfunctie (creatinine/eGFR)', en: 'kidney function (creatinine/eGFR)' },
  { drug: 'denosumab', test: 'calcium-corrected', accepts: ['calcium-corrected', 'calcium'], withinDays: 28, datePath: 'labs.calcium-corrected.date',
    nl: 'gecorrigeerd calcium', en: 'corrected calcium' },
];

/** The next dose of a drug: from the current course, else from a planned start. */
function nextDose(c: Case, drug: Drug, t: Reader): IsoDate | undefined {
  const k = currentCourses(c).find((x) => x.med.drug === drug);
  if (k !== undefined) {
    const route = k.med.route ?? CATALOGUE[drug].regimens[0]!.route;
    const reg = CATALOGUE[drug].regimens.find((r) => r.route === route) ?? CATALOGUE[drug].regimens[0]!;
    return afterInterval(lastDose(k, c.asOf, t), reg.interval);
  }
  const planned = (c.plannedMedications ?? [])
    .map((p, i) => ({ p, i }))
    .filter(({ p }) => p.drug === drug && compareDates(p.from, c.asOf) >= 0);
  for (const { p, i } of planned) t.note(plannedPath(i), p);
  return planned.length ? sortBy(planned.map(({ p }) => p.from), compareDates)[0] : undefined;
}

export const preDoseCheckRule: Rule = {
  id: 'medication.pre-dose-check',
  stage: 'medication',
  source: ['SMPC-zoledronic-acid', 'SMPC-denosumab', 'LEAFLET-HOSPITAL'],
  inputs: ['asOf', 'medications', 'plannedMedications', 'labs'],
  codes: ['medication.pre-dose-check'],
  derived: [],
  criteria: ['test-within-window'],
  about: explain({
    patientNl: 'Voor een infuus of prik is eerst een bloedtest nodig.',
    patientEn: 'A blood test is needed before a drip or injection.',
    clinicianNl: 'Zoledroninezuur: creatinine/eGFR binnen 2 weken voor het infuus; denosumab: gecorrigeerd calcium binnen 4 weken voor de injectie.',
    clinicianEn: 'Zoledronic acid: creatinine/eGFR within 2 weeks before the infusion; denosumab: corrected calcium within 4 weeks before the injection.',
  }),
  evaluate(r: Reader) {
    const c = r.case;
    const lp = labPicture(c);
    const out: Finding[] = [];
    for (const chk of PRE_DOSE_CHECKS) {
      const t = r.fork();
      t.read(F['asOf']);
      const next = nextDose(c, chk.drug, t);
      if (next === undefined) continue;
      const windowStart = addDays(next, -chk.withinDays);
      // The latest date of any accepted test.
      const last = latestOf(chk.accepts, (test) => lp.latest(test)?.date);
      t.note(chk.datePath, last);
      const done = t.check(C['test-within-window'], last !== undefined && compareDates(last, windowStart) >= 0 && compareDates(last, next) <= 0);
      const now = !done && compareDates(c.asOf, windowStart) >= 0;
      const d = CATALOGUE[chk.drug];
      out.push({
        code: 'medication.pre-dose-check',
        value: { drug: chk.drug, test: chk.test, withinDays: chk.withinDays },
        severity: now ? 'attention' : 'info',
        reads: t,
        explanation: (lang: Lang): LangText => lang === 'nl'
          ? {
              patient: done
            ? `Uw bloed is al getest voor de volgende ${d.nameNl} op ${next}.`
            : `Voor de volgende ${d.nameNl} op ${next} is eerst een bloedtest nodig. Laat die doen tussen ${windowStart} en ${next}.`,
              clinician: `${chk.nl} binnen ${chk.withinDays} dagen voor ${d.nameNl} (${next}): ${done ? `gedaan op ${last}` : `nog nodig vanaf ${windowStart}${last ? `; laatste ${last}` : ''}`}.`,
            }
          : {
              patient: done
            ? `Your blood has already been tested for the next ${d.nameEn} on ${next}.`
            : `Before the next ${d.nameEn} on ${next} you need a blood test. Have it done between ${windowStart} and ${next}.`,
              clinician: `${chk.en} within ${chk.withinDays} days before ${d.nameEn} (${next}): ${done ? `done on ${last}` : `still needed from ${windowStart}${last ? `; last ${last}` : ''}`}.`,
            },
      });
    }
    return out;
  },
};
