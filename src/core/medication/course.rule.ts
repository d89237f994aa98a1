// The course of osteoporosis medication (clinical-rules.md §8): how each current drug is taken,
// when the next dose and the review fall, and the guardrails on sequencing (denosumab must not be
// late or stopped without a follow-on; anabolics end and hand over to an antiresorptive).
// Sources: SMPC-<drug>, NIV-2022, LEAFLET-HOSPITAL, PATHWAY-UMC, BOTPAD-POLICY.
import type { Case, Drug } from '../case.schema.js';
import { explain } from '../explain.js';
import type { Finding, Lang, LangText, Rule, Source } from '../rule.js';
import { Reader } from '../reader.js';
import type { IsoDate } from '../time/date.js';
import { addDays, addMonths, compareDates, maxDate } from '../time/date.js';
import type { Interval } from './catalogue.js';
import { CATALOGUE, isAntiresorptive, regimenFor } from './catalogue.js';
import type { Course } from './courses.js';
import { allDoses, currentCourses, exposure, lastDose, latestCourse, limitDate, medicationPath, plannedPath } from './courses.js';
import { TERIPARATIDE_LIFETIME_MONTHS, ROMOSOZUMAB_LIFETIME_DOSES } from './safety.rule.js';
import { sortBy } from '../sort.js';
import { F } from '../fields.js';
import { criteria } from '../reader.js';

/** The criteria this file's rules check (`r.check(C[id], met)`). */
const C = criteria(['review-date-reached', 'dose-overdue', '7-months-since-last-injection', 'follow-on-planned', 'end-within-3-months']);

const cmp = compareDates;
const name = (d: Drug) => CATALOGUE[d];

const INTERVAL_WORDS: Record<Interval, { nl: string; en: string }> = {
  daily: { nl: 'elke dag', en: 'every day' },
  weekly: { nl: 'een keer per week', en: 'once a week' },
  monthly: { nl: 'een keer per maand', en: 'once a month' },
  'every-3-months': { nl: 'een keer per 3 maanden', en: 'once every 3 months' },
  'every-6-months': { nl: 'een keer per half jaar', en: 'once every 6 months' },
  yearly: { nl: 'een keer per jaar', en: 'once a year' },
};

/** Next calendar date after `d` for one interval ("N months after" clamps to the month end). */
export function afterInterval(d: IsoDate, interval: Interval): IsoDate {
  switch (interval) {
    case 'daily': return addDays(d, 1);
    case 'weekly': return addDays(d, 7);
    case 'monthly': return addMonths(d, 1);
    case 'every-3-months': return addMonths(d, 3);
    case 'every-6-months': return addMonths(d, 6);
    case 'yearly': return addMonths(d, 12);
  }
}

/** A finding for a course whose route is unknown or not in the catalogue: nothing is guessed. */
function routeUnknown(code: string, k: Course, t: Reader): Finding {
  const d = name(k.med.drug);
  t.med(k.index, k.med, 'route');
  if (k.med.route === undefined) t.miss(medicationPath(k.index, 'route'));
  return {
    code, value: null, severity: 'attention', reads: t, source: [d.smpc],
    explanation: (lang: Lang): LangText => lang === 'nl'
      ? {
          patient: `We weten niet hoe u ${d.nameNl} krijgt: als tablet of via een infuus. Uw zorgverlener legt dat vast.`,
          clinician: `Toedieningsweg van ${d.nameNl} ontbreekt of past niet bij het middel (${k.med.route ?? 'leeg'}); leg de route vast.`,
        }
      : {
          patient: `We do not know how you get ${d.nameEn}: as a tablet or by drip. Your care team will record it.`,
          clinician: `Route of ${d.nameEn} is missing or does not fit the drug (${k.med.route ?? 'empty'}); record the route.`,
        },
  };
}

// ---------------------------------------------------------------------------------------------
export const regimenRule: Rule = {
  id: 'medication.regimen',
  stage: 'medication',
  source: ['SMPC-alendronic-acid', 'SMPC-risedronic-acid', 'SMPC-ibandronic-acid', 'SMPC-zoledronic-acid',
    'SMPC-denosumab', 'SMPC-teriparatide', 'SMPC-romosozumab', 'SMPC-raloxifene', 'LEAFLET-HOSPITAL', 'PATHWAY-UMC'],
  inputs: ['asOf', 'medications'],
  codes: ['medication.regimen'],
  derived: [],
  criteria: [],
  about: explain({
    patientNl: 'Hoe en hoe vaak u uw medicijn gebruikt.',
    patientEn: 'How and how often you take your medicine.',
    clinicianNl: 'Dosis, interval en innameinstructies per lopend middel.',
    clinicianEn: 'Dose, interval and intake instructions per current drug.',
  }),
  evaluate(r: Reader) {
    const c = r.case;
    return currentCourses(c).map((k): Finding => {
      const t = r.fork();
      t.read(F['asOf']);
      t.med(k.index, k.med, 'drug');
      const reg = regimenFor(k.med.drug, k.med.route);
      if (reg === undefined) return routeUnknown('medication.regimen', k, t);
      if (k.med.route !== undefined) t.med(k.index, k.med, 'route');
      const d = name(k.med.drug);
      const iw = INTERVAL_WORDS[reg.interval];
      const source: Source[] = [d.smpc];
      if (k.med.drug === 'teriparatide' || k.med.drug === 'denosumab') source.push('PATHWAY-UMC');
      if (k.med.drug === 'alendronic-acid' || k.med.drug === 'zoledronic-acid' || k.med.drug === 'denosumab') source.push('LEAFLET-HOSPITAL');
      return {
        code: 'medication.regimen',
        value: { drug: k.med.drug, dose: reg.dose, interval: reg.interval, instructions: [...reg.instructions] },
        severity: 'info',
        reads: t,
        source,
        explanation: (lang: Lang): LangText => lang === 'nl'
          ? {
              patient: `${d.nameNl}: ${reg.dose}, ${iw.nl}. ${intakeText(reg.instructions, 'nl')}`.trim(),
              clinician: `${d.nameNl} ${reg.dose} ${reg.route}, ${iw.nl}; instructies: ${reg.instructions.join(', ')}.`,
            }
          : {
              patient: `${d.nameEn}: ${reg.dose}, ${iw.en}. ${intakeText(reg.instructions, 'en')}`.trim(),
              clinician: `${d.nameEn} ${reg.dose} ${reg.route}, ${iw.en}; instructions: ${reg.instructions.join(', ')}.`,
            },
      };
    });
  },
};

/** The patient's intake instructions for a regimen, in one language, sentences joined by a space. */
function intakeText(instructions: readonly string[], lang: Lang): string {
  const nl = lang === 'nl';
  const out: string[] = [];
  if (instructions.includes('fasting')) {
    const min = instructions.includes('upright-60-minutes') ? 60 : 30;
    out.push(nl
      ? `Neem de tablet 's morgens voor het ontbijt, met een glas gewoon water. Blijf daarna ${min} minuten rechtop en eet of drink nog niets anders.`
      : `Take the tablet in the morning before breakfast, with a glass of plain water. Then stay upright for ${min} minutes and do not eat or drink anything else yet.`);
  }
  if (instructions.includes('day-admission')) {
    out.push(nl
      ? 'U krijgt het infuus in het ziekenhuis op een dag. Eerst wordt uw bloed getest. De eerste dagen kunt u zich wat grieperig voelen.'
      : 'You get the drip in hospital during one day. Your blood is tested first. You may feel a bit flu-like for a few days.');
  }
  if (instructions.includes('do-not-stop-without-follow-on')) {
    out.push(nl
      ? 'Krijg de prik op tijd. Stop nooit zomaar: dan kunnen uw botten snel zwakker worden. Er komt altijd een ander medicijn na.'
      : 'Get the injection on time. Never just stop: your bones can then weaken quickly. Another medicine always follows.');
  }
  if (instructions.includes('antiresorptive-after')) {
    out.push(nl
      ? 'Dit middel gebruikt u maar een beperkte tijd. Daarna krijgt u een ander medicijn dat het bot beschermt.'
      : 'You use this medicine for a limited time only. After that you get another medicine that protects the bone.');
  }
  return out.join(' ');
}

// ---------------------------------------------------------------------------------------------
/** Months after start at which continuing is reconsidered (§8, NIV-2022). */
export function reviewMonths(drug: Drug): { months: number; source: Source } {
  switch (drug) {
    case 'alendronic-acid': case 'risedronic-acid': case 'ibandronic-acid': case 'raloxifene': return { months: 60, source: 'NIV-2022' };
    case 'zoledronic-acid': case 'denosumab': return { months: 36, source: 'NIV-2022' };
    case 'teriparatide': return { months: 24, source: 'NIV-2022' };
    case 'romosozumab': return { months: 12, source: 'NIV-2022' };
  }
}

export const reviewDueRule: Rule = {
  id: 'medication.review-due',
  stage: 'medication',
  source: ['NIV-2022', 'BOTPAD-POLICY'],
  inputs: ['asOf', 'medications'],
  codes: ['medication.review-due'],
  derived: [],
  criteria: ['review-date-reached'],
  about: explain({
    patientNl: 'Na een paar jaar bespreekt uw arts met u of u doorgaat met uw medicijn.',
    patientEn: 'After a few years your doctor talks with you about whether to continue your medicine.',
    clinicianNl: 'Evaluatiemoment van de behandelduur: alendronaat, risedronaat, ibandronaat en raloxifeen 5 jaar, zoledronaat en denosumab 3 jaar, teriparatide 2 jaar, romosozumab 1 jaar.',
    clinicianEn: 'Treatment-duration review: alendronate, risedronate, ibandronate and raloxifene 5 years, zoledronate and denosumab 3 years, teriparatide 2 years, romosozumab 1 year.',
  }),
  evaluate(r: Reader) {
    const c = r.case;
    const out: Finding[] = [];
    for (const k of currentCourses(c)) {
      const t = r.fork();
      t.read(F['asOf']);
      // The review year depends on the drug alone (§8): ibandronic acid 5 years by either route.
      const rm = reviewMonths(k.med.drug);
      const start = t.med(k.index, k.med, 'start')!;
      const date = addMonths(start, rm.months);
      const due = t.check(C['review-date-reached'], cmp(c.asOf, date) >= 0);
      const d = name(k.med.drug);
      const years = rm.months / 12;
      out.push({
        code: 'medication.review-due',
        value: { drug: k.med.drug, date },
        severity: due ? 'attention' : 'info',
        reads: t,
        source: [rm.source],
        explanation: (lang: Lang): LangText => lang === 'nl'
          ? {
              patient: due
            ? `U gebruikt ${d.nameNl} nu ${years} jaar of langer. Het is tijd om met uw arts te praten: doorgaan, stoppen of iets anders?`
            : `Op ${date} gebruikt u ${d.nameNl} ${years} jaar. Dan praat u met uw arts over doorgaan, stoppen of iets anders.`,
              clinician: `${d.nameNl} gestart ${start}; evaluatie na ${rm.months} maanden op ${date}${due ? ' (bereikt)' : ''}.`,
            }
          : {
              patient: due
            ? `You have used ${d.nameEn} for ${years} years or more. It is time to talk with your doctor: continue, stop or switch?`
            : `On ${date} you will have used ${d.nameEn} for ${years} years. Then you talk with your doctor about continuing, stopping or switching.`,
              clinician: `${d.nameEn} started ${start}; review after ${rm.months} months on ${date}${due ? ' (reached)' : ''}.`,
            },
      });
    }
    return out;
  },
};

// ---------------------------------------------------------------------------------------------
export const nextDoseRule: Rule = {
  id: 'medication.next-dose',
  stage: 'medication',
  source: ['SMPC-alendronic-acid', 'SMPC-risedronic-acid', 'SMPC-ibandronic-acid', 'SMPC-zoledronic-acid',
    'SMPC-denosumab', 'SMPC-teriparatide', 'SMPC-romosozumab', 'SMPC-raloxifene'],
  inputs: ['asOf', 'medications'],
  codes: ['medication.next-dose'],
  derived: [],
  criteria: ['dose-overdue'],
  about: explain({
    patientNl: 'Wanneer u uw volgende dosis krijgt of inneemt.',
    patientEn: 'When your next dose is due.',
    clinicianNl: 'Volgende dosisdatum uit het schema en de vastgelegde doses (zonder doses telt de startdatum als eerste dosis).',
    clinicianEn: 'Next dose date from the regimen and the recorded doses (without doses the start date counts as the first dose).',
  }),
  evaluate(r: Reader) {
    const c = r.case;
    const out: Finding[] = [];
    for (const k of currentCourses(c)) {
      const t = r.fork();
      t.read(F['asOf']);
      const reg = regimenFor(k.med.drug, k.med.route);
      if (reg === undefined) { out.push(routeUnknown('medication.next-dose', k, t)); continue; }
      const last = lastDose(k, c.asOf, t);
      // A daily drug is not logged dose by dose; its next dose is simply today (or its start).
      const date = reg.interval === 'daily'
        ? maxDate([c.asOf, k.med.doses?.length ? addDays(last, 1) : k.med.start])!
        : afterInterval(last, reg.interval);
      if (k.med.end !== undefined && cmp(date, k.med.end) > 0) continue;
      // Twelve romosozumab doses are a lifetime (§7): after the twelfth there is no next one to give.
      if (k.med.drug === 'romosozumab' && allDoses(c, 'romosozumab', t).length >= ROMOSOZUMAB_LIFETIME_DOSES) continue;
      const late = t.check(C['dose-overdue'], reg.interval !== 'daily' && cmp(date, c.asOf) < 0);
      const d = name(k.med.drug);
      out.push({
        code: 'medication.next-dose',
        value: { drug: k.med.drug, date },
        severity: late ? 'attention' : 'info',
        reads: t,
        source: [d.smpc],
        explanation: (lang: Lang): LangText => lang === 'nl'
          ? {
              patient: late
            ? `Uw volgende ${d.nameNl} had al op ${date} gemoeten. Neem contact op om dit snel te regelen.`
            : `Uw volgende ${d.nameNl} is op ${date}.`,
              clinician: `${d.nameNl} ${reg.dose}, ${INTERVAL_WORDS[reg.interval].nl}; laatste dosis ${last}; volgende ${date}${late ? ' (te laat)' : ''}.`,
            }
          : {
              patient: late
            ? `Your next ${d.nameEn} was due on ${date}. Please get in touch to arrange it soon.`
            : `Your next ${d.nameEn} is due on ${date}.`,
              clinician: `${d.nameEn} ${reg.dose}, ${INTERVAL_WORDS[reg.interval].en}; last dose ${last}; next ${date}${late ? ' (late)' : ''}.`,
            },
      });
    }
    return out;
  },
};

// ---------------------------------------------------------------------------------------------
/** Months after the last denosumab injection from which it counts as late (§8). */
export const DENOSUMAB_LATE_MONTHS = 7;
export const DENOSUMAB_INTERVAL_MONTHS = 6;

export const denosumabLateRule: Rule = {
  id: 'medication.denosumab-late',
  stage: 'medication',
  source: ['NIV-2022', 'SMPC-denosumab'],
  inputs: ['asOf', 'medications'],
  codes: ['medication.denosumab-late'],
  derived: [],
  criteria: ['7-months-since-last-injection'],
  about: explain({
    patientNl: 'Een prik met denosumab die te laat is.',
    patientEn: 'A denosumab injection that is late.',
    clinicianNl: 'Denosumab te laat: 7 maanden of meer na de laatste injectie (rebound-botverlies, wervelfracturen).',
    clinicianEn: 'Denosumab late: 7 months or more after the last injection (rebound bone loss, vertebral fractures).',
  }),
  evaluate(r: Reader) {
    const c = r.case;
    const k = currentCourses(c).find((x) => x.med.drug === 'denosumab');
    if (k === undefined) return [];
    const t = r.fork();
    t.read(F['asOf']);
    const last = lastDose(k, c.asOf, t);
    if (!t.check(C['7-months-since-last-injection'], cmp(c.asOf, addMonths(last, DENOSUMAB_LATE_MONTHS)) >= 0)) return [];
    const due = addMonths(last, DENOSUMAB_INTERVAL_MONTHS);
    return [{
      code: 'medication.denosumab-late',
      value: { due, lastInjection: last },
      severity: 'action',
      reads: t,
      explanation: (lang: Lang): LangText => lang === 'nl'
        ? {
            patient: `Uw laatste prik met denosumab was op ${last}. De volgende moest op ${due}. Bel vandaag nog om de prik te regelen. Te laat zijn kan uw botten snel zwakker maken.`,
            clinician: `Laatste denosumab ${last}; vervaldatum ${due}; peildatum ${c.asOf} ligt ≥ 7 maanden na de laatste injectie. Direct geven of overgaan op een bisfosfonaat om rebound te voorkomen.`,
          }
        : {
            patient: `Your last denosumab injection was on ${last}. The next one was due on ${due}. Call today to arrange it. Being late can weaken your bones quickly.`,
            clinician: `Last denosumab ${last}; due ${due}; asOf ${c.asOf} is ≥ 7 months after the last injection. Give it now or switch to a bisphosphonate to prevent rebound.`,
          },
    }];
  },
};

/**
 * A follow-on antiresorptive started or planned after the course of `after` (denosumab or an
 * anabolic) began and no later than `by`. Only denosumab itself is no follow-on of denosumab: after
 * an anabolic, denosumab is an antiresorptive like the others (§8).
 */
export function followOn(c: Case, after: { drug: Drug; start: IsoDate }, by: IsoDate, t: Reader): { drug: Drug; from: IsoDate } | undefined {
  const counts = (d: Drug) => d !== after.drug && isAntiresorptive(d);
  const candidates: { drug: Drug; from: IsoDate }[] = [];
  (c.plannedMedications ?? []).forEach((p, i) => {
    if (!counts(p.drug)) return;
    t.note(plannedPath(i), p);
    candidates.push({ drug: p.drug, from: p.from });
  });
  (c.medications ?? []).forEach((m, i) => {
    if (!counts(m.drug) || cmp(m.start, after.start) <= 0) return;
    t.med(i, m, 'start');
    candidates.push({ drug: m.drug, from: m.start });
  });
  return sortBy(candidates.filter((x) => cmp(x.from, after.start) > 0 && cmp(x.from, by) <= 0),
    (a, b) => cmp(a.from, b.from))[0];
}

export const denosumabStopRule: Rule = {
  id: 'medication.denosumab-stop-without-follow-on',
  stage: 'medication',
  source: ['NIV-2022', 'SMPC-denosumab'],
  inputs: ['asOf', 'medications', 'plannedMedications'],
  codes: ['medication.denosumab-stop-without-follow-on'],
  derived: [],
  criteria: ['follow-on-planned'],
  about: explain({
    patientNl: 'Stoppen met denosumab mag alleen als er een ander medicijn na komt.',
    patientEn: 'Stopping denosumab is only safe when another medicine follows.',
    clinicianNl: 'Blokkade: denosumab gestopt zonder vervolgbehandeling met een antiresorptief middel binnen 6 maanden na de laatste injectie.',
    clinicianEn: 'Block: denosumab stopped without a follow-on antiresorptive within 6 months after the last injection.',
  }),
  evaluate(r: Reader) {
    const c = r.case;
    const k = latestCourse(c, 'denosumab');
    if (k === undefined || k.med.end === undefined) return [];
    const t = r.fork();
    t.read(F['asOf']);
    t.med(k.index, k.med, 'end');
    const last = lastDose(k, c.asOf, t);
    const followOnDue = addMonths(last, DENOSUMAB_INTERVAL_MONTHS);
    if (t.check(C['follow-on-planned'], followOn(c, k.med, followOnDue, t) !== undefined)) return [];
    if ((c.plannedMedications ?? []).length === 0) t.miss('plannedMedications');
    return [{
      code: 'medication.denosumab-stop-without-follow-on',
      value: { lastInjection: last, followOnDue },
      severity: 'block',
      reads: t,
      explanation: (lang: Lang): LangText => lang === 'nl'
        ? {
            patient: `Uw behandeling met denosumab stopt. Zonder ander medicijn worden uw botten dan snel zwakker. U kunt zelfs wervels breken. Er moet uiterlijk ${followOnDue} een ander medicijn starten.`,
            clinician: `Denosumab gestopt (einde ${k.med.end}, laatste injectie ${last}) zonder gepland antiresorptief vervolg vóór ${followOnDue}. Plan bijvoorbeeld zoledroninezuur of een oraal bisfosfonaat.`,
          }
        : {
            patient: `Your denosumab treatment is stopping. Without another medicine your bones then weaken quickly. You could even break bones in your spine. Another medicine must start by ${followOnDue}.`,
            clinician: `Denosumab stopped (end ${k.med.end}, last injection ${last}) with no antiresorptive follow-on planned by ${followOnDue}. Plan e.g. zoledronic acid or an oral bisphosphonate.`,
          },
    }];
  },
};

// ---------------------------------------------------------------------------------------------
/** When an anabolic course ends: teriparatide after 24 months in total, romosozumab after 12 doses. */
export function anabolicEndDate(c: Case, k: Course, t: Reader): IsoDate {
  let date: IsoDate;
  if (k.med.drug === 'teriparatide') {
    const e = exposure(c, 'teriparatide', t);
    date = (e && limitDate(e, TERIPARATIDE_LIFETIME_MONTHS)) ?? addMonths(k.med.start, TERIPARATIDE_LIFETIME_MONTHS);
  } else {
    const doses = allDoses(c, 'romosozumab', t);
    if (doses.length >= ROMOSOZUMAB_LIFETIME_DOSES) date = addMonths(doses[ROMOSOZUMAB_LIFETIME_DOSES - 1]!, 1);
    else if (doses.length === 0) {
      t.miss(medicationPath(k.index, 'doses'));
      date = addMonths(k.med.start, ROMOSOZUMAB_LIFETIME_DOSES);
    } else date = addMonths(doses[doses.length - 1]!, ROMOSOZUMAB_LIFETIME_DOSES + 1 - doses.length);
  }
  if (k.med.end !== undefined && cmp(k.med.end, date) < 0) date = k.med.end;
  return date;
}

export const anabolicEndRule: Rule = {
  id: 'medication.anabolic-end',
  stage: 'medication',
  source: ['SMPC-teriparatide', 'SMPC-romosozumab', 'NIV-2022', 'PATHWAY-UMC'],
  inputs: ['asOf', 'medications', 'plannedMedications'],
  codes: ['medication.anabolic-end'],
  derived: [],
  criteria: ['follow-on-planned', 'end-within-3-months'],
  about: explain({
    patientNl: 'Wanneer uw botopbouwende medicijn stopt en wat daarna komt.',
    patientEn: 'When your bone-building medicine stops and what comes next.',
    clinicianNl: 'Einddatum van teriparatide (24 maanden totaal) en romosozumab (12 doses); daarna is een antiresorptief middel nodig.',
    clinicianEn: 'End date of teriparatide (24 months in total) and romosozumab (12 doses); an antiresorptive must follow.',
  }),
  evaluate(r: Reader) {
    const c = r.case;
    const out: Finding[] = [];
    for (const drug of ['teriparatide', 'romosozumab'] as const) {
      const k = latestCourse(c, drug);
      if (k === undefined || cmp(k.med.start, c.asOf) > 0) continue;
      // A course that ended more than a year ago is history: its follow-on is another rule's matter.
      if (k.med.end !== undefined && cmp(addMonths(k.med.end, 12), c.asOf) < 0) continue;
      const t = r.fork();
      t.read(F['asOf']);
      t.med(k.index, k.med, 'start');
      const date = anabolicEndDate(c, k, t);
      const next = followOn(c, k.med, addMonths(maxDate([date, c.asOf])!, 12), t);
      t.check(C['follow-on-planned'], next !== undefined);
      const soon = t.check(C['end-within-3-months'], cmp(c.asOf, addMonths(date, -3)) >= 0);
      const d = name(drug);
      const limitNl = drug === 'teriparatide' ? '24 maanden in totaal' : '12 maandelijkse doses';
      const limitEn = drug === 'teriparatide' ? '24 months in total' : '12 monthly doses';
      out.push({
        code: 'medication.anabolic-end',
        value: { drug, date },
        severity: next === undefined && soon ? 'attention' : 'info',
        reads: t,
        source: [d.smpc, 'NIV-2022', ...(drug === 'teriparatide' ? ['PATHWAY-UMC' as const] : [])],
        explanation: (lang: Lang): LangText => lang === 'nl'
          ? {
              patient: `Uw behandeling met ${d.nameNl} stopt op ${date}. Daarna start u met een ander medicijn. Dat houdt de winst voor uw botten vast.`
            + (next ? ` Dat is ${name(next.drug).nameNl}, vanaf ${next.from}.` : ''),
              clinician: `${d.nameNl}: maximaal ${limitNl}; einde ${date}; vervolg met antiresorptief middel vanaf ${date}: `
            + (next ? `${name(next.drug).nameNl} vanaf ${next.from}.` : 'nog niet gepland.'),
            }
          : {
              patient: `Your ${d.nameEn} treatment ends on ${date}. After that you start another medicine. It keeps the gain for your bones.`
            + (next ? ` That is ${name(next.drug).nameEn}, from ${next.from}.` : ''),
              clinician: `${d.nameEn}: at most ${limitEn}; ends ${date}; antiresorptive follow-on due ${date}: `
            + (next ? `${name(next.drug).nameEn} from ${next.from}.` : 'not yet planned.'),
            },
      });
    }
    return out;
  },
};
