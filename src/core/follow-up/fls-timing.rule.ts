// follow-up.fls-timing (clinical-rules.md §8, "FLS timing"): the fracture liaison service's time
// targets, counted from the most recent qualifying fracture (§2):
// - DXA and assessment within 90 days (FLS-DB); IOF's Capture the Fracture asks 12 weeks (IOF-KPI),
//   reported alongside;
// - a monitoring contact between 12 and 16 weeks (FLS-DB, IOF-KPI);
// - medication started by 16 weeks (IOF-KPI);
// - still on medication at 52 weeks (IOF-KPI).
// Each target is `met`, `not-met` (its time has passed without it), `open` (time is left) or, for
// the DXA when the work-up was waived, `waived`. The FLS uses these to see where its pathway stalls;
// the clinician sees which step of this patient is late.
import type { Case, Fracture } from '../case.schema.js';
import { qualifyingFractures } from '../case-finding/fractures.js';
import { explain } from '../explain.js';
import { isCurrent } from '../medication/index.js';
import type { Finding, Lang, LangText, Rule } from '../rule.js';
import { criteria, Reader, D } from '../reader.js';
import type { IsoDate } from '../time/date.js';
import { addDays, compareDates, earliestOf } from '../time/date.js';
import { day, list } from '../text.js';
import { F } from '../fields.js';

export const FLS_KPIS = ['dxa-within-90-days', 'monitoring-contact-12-16-weeks', 'medication-by-16-weeks', 'on-medication-at-52-weeks'] as const;
/** Each time target is a criterion of the rule. */
const C = criteria(FLS_KPIS);
export type FlsKpi = (typeof FLS_KPIS)[number];
export type FlsStatus = 'met' | 'not-met' | 'open' | 'waived';

export interface FlsItem {
  kpi: FlsKpi;
  /** The first day the target can be met (from) and the last (by). */
  from: IsoDate;
  by: IsoDate;
  status: FlsStatus;
  /** The date that met it (DXA, contact or medication start). */
  on?: IsoDate;
}

/** FLS-DB: 90 days; IOF-KPI: 12 weeks (84 days) for the same step. */
export const DXA_DAYS = 90;
export const IOF_DXA_DAYS = 84;
export const MONITORING_FROM_DAYS = 12 * 7;
export const MONITORING_BY_DAYS = 16 * 7;
export const MEDICATION_BY_DAYS = 16 * 7;
export const PERSISTENCE_DAYS = 52 * 7;

const cmp = compareDates;
const within = (d: IsoDate, from: IsoDate, by: IsoDate) => cmp(d, from) >= 0 && cmp(d, by) <= 0;

/** The index fracture: the latest qualifying fracture (§2). */
export function indexFracture(fractures: readonly Fracture[]): Fracture | undefined {
  let latest: Fracture | undefined;
  for (const f of fractures) if (latest === undefined || cmp(f.date, latest.date) > 0) latest = f;
  return latest;
}

function status(met: IsoDate | undefined, by: IsoDate, asOf: IsoDate): FlsStatus {
  if (met !== undefined) return 'met';
  return cmp(asOf, by) > 0 ? 'not-met' : 'open';
}

export function flsItems(c: Case, fracture: IsoDate): FlsItem[] {
  const asOf = c.asOf;
  const dxaBy = addDays(fracture, DXA_DAYS);
  const monFrom = addDays(fracture, MONITORING_FROM_DAYS);
  const monBy = addDays(fracture, MONITORING_BY_DAYS);
  const medBy = MEDICATION_BY_DAYS === MONITORING_BY_DAYS ? monBy : addDays(fracture, MEDICATION_BY_DAYS);
  const at52 = addDays(fracture, PERSISTENCE_DAYS);
  // Only what was known on asOf counts; each target keeps the earliest date that met it.
  const known = (d: IsoDate) => cmp(d, asOf) <= 0;
  const dxa = earliestOf(c.dxa, (m) => (known(m.date) && within(m.date, fracture, dxaBy) ? m.date : undefined));
  const contact = earliestOf(c.contacts, (k) => (known(k.date) && within(k.date, monFrom, monBy) ? k.date : undefined));
  // Medication counts when it runs at some point between the fracture and week 16: started by then
  // (also before the fracture) and not stopped before the fracture. Week 52 asks whether one runs
  // on that day, which can be told only once it has come.
  const started = earliestOf(c.medications, (m) =>
    known(m.start) && cmp(m.start, medBy) <= 0 && (m.end === undefined || cmp(m.end, fracture) >= 0) ? m.start : undefined);
  const week52Known = cmp(asOf, at52) >= 0;
  const onAt52 = week52Known
    ? earliestOf(c.medications, (m) => (isCurrent(m, at52) ? m.start : undefined))
    : undefined;
  const dxaItem: FlsItem = c.workupWaived !== undefined && dxa === undefined
    ? { kpi: 'dxa-within-90-days', from: fracture, by: dxaBy, status: 'waived' }
    : { kpi: 'dxa-within-90-days', from: fracture, by: dxaBy, status: status(dxa, dxaBy, asOf), ...(dxa ? { on: dxa } : {}) };
  return [
    dxaItem,
    { kpi: 'monitoring-contact-12-16-weeks', from: monFrom, by: monBy, status: status(contact, monBy, asOf), ...(contact ? { on: contact } : {}) },
    { kpi: 'medication-by-16-weeks', from: fracture, by: medBy, status: status(started, medBy, asOf), ...(started ? { on: started } : {}) },
    { kpi: 'on-medication-at-52-weeks', from: at52, by: at52, status: !week52Known ? 'open' : onAt52 !== undefined ? 'met' : 'not-met', ...(onAt52 ? { on: onAt52 } : {}) },
  ];
}

const NAMES: Record<FlsKpi, Record<Lang, { patient: string; clinician: string }>> = {
  'dxa-within-90-days': {
    nl: { patient: 'de botmeting', clinician: 'DXA en beoordeling ≤ 90 dagen' },
    en: { patient: 'the bone scan', clinician: 'DXA and assessment ≤ 90 days' },
  },
  'monitoring-contact-12-16-weeks': {
    nl: { patient: 'het controlegesprek', clinician: 'controlecontact week 12–16' },
    en: { patient: 'the check-up talk', clinician: 'monitoring contact weeks 12–16' },
  },
  'medication-by-16-weeks': {
    nl: { patient: 'de start van een medicijn (als dat nodig is)', clinician: 'medicatie gestart ≤ 16 weken' },
    en: { patient: 'starting a medicine (if you need one)', clinician: 'medication started ≤ 16 weeks' },
  },
  'on-medication-at-52-weeks': {
    nl: { patient: 'het medicijn na een jaar nog gebruiken', clinician: 'medicatie in gebruik op week 52' },
    en: { patient: 'still taking the medicine after a year', clinician: 'on medication at week 52' },
  },
};

const STATUS_WORD: Record<Lang, Record<FlsStatus, string>> = {
  nl: { met: 'gehaald', 'not-met': 'niet gehaald', open: 'open', waived: 'vervallen (geen onderzoek)' },
  en: { met: 'met', 'not-met': 'not met', open: 'open', waived: 'waived (no work-up)' },
};

export const flsTimingRule: Rule = {
  id: 'follow-up.fls-timing',
  stage: 'follow-up',
  source: ['FLS-DB', 'IOF-KPI'],
  inputs: ['asOf', 'person.birthDate', 'fractures', 'dxa', 'contacts', 'medications', 'workupWaived'],
  codes: ['follow-up.fls-timing'],
  derived: ['index-fracture'],
  criteria: ['dxa-within-90-days', 'monitoring-contact-12-16-weeks', 'medication-by-16-weeks', 'on-medication-at-52-weeks'],
  about: explain({
    patientNl: 'Na een botbreuk zijn er vaste termijnen voor de botmeting, een controle en zo nodig een medicijn. Hier ziet u welke stappen op tijd waren.',
    patientEn: 'After a broken bone there are set times for the bone scan, a check-up and, if needed, a medicine. This shows which steps were on time.',
    clinicianNl: 'FLS-termijnen vanaf de laatste fractuur die telt (§2): DXA en beoordeling ≤ 90 dagen (IOF: 12 weken), controlecontact week 12–16, medicatie gestart ≤ 16 weken, medicatie in gebruik op week 52.',
    clinicianEn: 'FLS time targets from the latest qualifying fracture (§2): DXA and assessment ≤ 90 days (IOF: 12 weeks), monitoring contact weeks 12–16, medication started ≤ 16 weeks, on medication at week 52.',
  }),
  evaluate(r: Reader): Finding[] {
    const c = r.case;
    const s = r.settings;
    const t = r;
    t.read(F['asOf']);
    const f = indexFracture(qualifyingFractures(c, s));
    if (f === undefined) return [];
    t.read(F['fractures']);
    t.derived(D['index-fracture'], f.date);
    t.read(F['person.birthDate']);
    t.read(F['dxa']);
    t.read(F['contacts']);
    t.read(F['medications']);
    if (c.workupWaived !== undefined) t.read(F['workupWaived']);
    const items = flsItems(c, f.date);
    // Each time target is a criterion; one whose time has not yet come is unknown.
    for (const i of items) t.check(C[i.kpi], i.status === 'met' ? true : i.status === 'open' ? undefined : false);
    const dxa = items[0]!;
    const iofTwelveWeeks = dxa.on !== undefined && cmp(dxa.on, addDays(f.date, IOF_DXA_DAYS)) <= 0;
    const late = items.filter((i) => i.status === 'not-met');
    const open = items.filter((i) => i.status === 'open');
    return [{
      code: 'follow-up.fls-timing',
      value: { indexFracture: f.date, items, dxaWithinIofTwelveWeeks: iofTwelveWeeks },
      severity: late.length > 0 ? 'attention' : 'info',
      reads: t,
      explanation: (lang: Lang): LangText => {
        const names = (xs: FlsItem[], who: 'patient' | 'clinician') => list(xs.map((i) => NAMES[i.kpi][lang][who]), lang);
        const table = items.map((i) => `${NAMES[i.kpi][lang].clinician}: ${STATUS_WORD[lang][i.status]}${i.on ? ` (${i.on})` : ''}`).join('; ');
        const nextOpen = open[0];
        if (lang === 'nl') {
          return {
            patient: late.length > 0
              ? `Na uw botbreuk van ${day(f.date, 'nl')} was deze stap niet op tijd: ${names(late, 'patient')}. Vraag ernaar bij uw volgende afspraak.`
              : nextOpen
                ? `Na uw botbreuk van ${day(f.date, 'nl')} loopt alles op tijd. De volgende stap is ${NAMES[nextOpen.kpi].nl.patient}, uiterlijk ${day(nextOpen.by, 'nl')}.`
                : `Na uw botbreuk van ${day(f.date, 'nl')} zijn de stappen op tijd gedaan.`,
            clinician: `Indexfractuur ${f.date}. ${table}. DXA binnen 12 weken (IOF): ${iofTwelveWeeks ? 'ja' : 'nee'}.`,
          };
        }
        return {
          patient: late.length > 0
            ? `After your broken bone of ${day(f.date, 'en')}, this step was not on time: ${names(late, 'patient')}. Ask about it at your next appointment.`
            : nextOpen
              ? `After your broken bone of ${day(f.date, 'en')}, everything is on time. The next step is ${NAMES[nextOpen.kpi].en.patient}, by ${day(nextOpen.by, 'en')}.`
              : `After your broken bone of ${day(f.date, 'en')}, the steps were done on time.`,
          clinician: `Index fracture ${f.date}. ${table}. DXA within 12 weeks (IOF): ${iofTwelveWeeks ? 'yes' : 'no'}.`,
        };
      },
    }];
  },
};
