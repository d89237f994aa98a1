// calcium.intake, calcium.supplement-advised and vitamin-d.advice (clinical-rules.md §9).
// Sources: GR-2012 and LEAFLET-EMB / LEAFLET-HOSPITAL (vitamin D groups), NHG-2024 (deficiency),
// GR-CALCIUM (targets), LEAFLET-HOSPITAL (4 dairy servings), BOTPAD-POLICY (calculator values).
import type { Case } from '../case.schema.js';
import { bmdCategory } from '../diagnosis/index.js';
import { explain } from '../explain.js';
import { labPicture } from '../laboratory/index.js';
import { currentCourses } from '../medication/index.js';
import type { Finding, Lang, LangText, Rule, Source } from '../rule.js';
import { Reader, D } from '../reader.js';
import type { Settings } from '../settings.js';
import { ageOn } from '../time/date.js';
import { assessIndication } from '../treatment/index.js';
import { calciumIntakeMg, calciumTargetMg, OSTEOPOROSIS_MIN_TARGET_MG, SUPPLEMENT_SHORTFALL_MG } from './calcium.js';
import { sortBy } from '../sort.js';
import { F } from '../fields.js';
import { criteria } from '../reader.js';

/** The criteria this file's rules check (`r.check(C[id], met)`). */
const C = criteria(['child-under-4', 'child-anti-epileptic', 'little-daylight', 'woman-50-plus', 'age-70-plus', 'on-osteoporosis-medication', 'medication-indication', 'vitamin-d-below-30', 'osteoporosis-or-medication-indication', 'shortfall-over-250']);

// --------------------------------------------------------------------------------------------
export const VITAMIN_D_REASONS = {
  'child-under-4': 10,
  'child-anti-epileptic': 10,
  'little-daylight': 10,
  'woman-50-plus': 10,
  'age-70-plus': 20,
  'medication-indication': 20,
  'on-osteoporosis-medication': 20,
  'vitamin-d-below-30': 20,
} as const;
export type VitaminDReason = keyof typeof VITAMIN_D_REASONS;

const REASON_SOURCE: Record<VitaminDReason, Source> = {
  'child-under-4': 'GR-2012', 'child-anti-epileptic': 'LEAFLET-EMB', 'little-daylight': 'GR-2012',
  'woman-50-plus': 'GR-2012', 'age-70-plus': 'GR-2012', 'medication-indication': 'NIV-2022',
  'on-osteoporosis-medication': 'NIV-2022', 'vitamin-d-below-30': 'NHG-2024',
};

const REASON_TEXT: Record<VitaminDReason, { nl: string; en: string }> = {
  'child-under-4': { nl: 'jonger dan 4 jaar', en: 'younger than 4' },
  'child-anti-epileptic': { nl: 'kind dat een middel tegen epilepsie gebruikt', en: 'a child taking an epilepsy medicine' },
  'little-daylight': { nl: 'weinig buiten of weinig daglicht', en: 'little time outdoors or little daylight' },
  'woman-50-plus': { nl: 'vrouw van 50 jaar of ouder', en: 'a woman aged 50 or over' },
  'age-70-plus': { nl: '70 jaar of ouder', en: 'aged 70 or over' },
  'medication-indication': { nl: 'medicijnen voor de botten zijn nodig', en: 'bone medicine is needed' },
  'on-osteoporosis-medication': { nl: 'gebruikt medicijnen voor de botten', en: 'taking bone medicine' },
  'vitamin-d-below-30': { nl: 'ernstig tekort aan vitamine D in het bloed', en: 'a severe lack of vitamin D in the blood' },
};

export function vitaminDAdvice(c: Case, s: Settings, t: Reader): { microgramsPerDay: number; reasons: VitaminDReason[] } {
  const age = ageOn(t.read(F['person.birthDate']) as string, c.asOf);
  const reasons: VitaminDReason[] = [];
  if (t.check(C['child-under-4'], age < 4)) reasons.push('child-under-4');
  if (age < 18) {
    const ae = t.read(F['riskFactors.antiEpileptics']);
    if (t.check(C['child-anti-epileptic'], ae === undefined ? undefined : ae >= 1)) reasons.push('child-anti-epileptic');
  }
  const daylight = t.read(F['riskFactors.insufficientDaylight']);
  const indoors = c.child ? t.read(F['child.indoorsMostly']) : undefined;
  if (t.check(C['little-daylight'], daylight === true || indoors === true ? true : daylight === undefined ? undefined : false)) reasons.push('little-daylight');
  if (t.check(C['woman-50-plus'], t.read(F['person.sex']) === 'female' && age >= 50)) reasons.push('woman-50-plus');
  if (t.check(C['age-70-plus'], age >= 70)) reasons.push('age-70-plus');
  const onMedication = currentCourses(c).length > 0;
  if (onMedication) t.read(F['medications']);
  if (t.check(C['on-osteoporosis-medication'], onMedication)) reasons.push('on-osteoporosis-medication');
  const indicated = t.derived(D['medication-indicated'], assessIndication(c, s).indicated);
  if (t.check(C['medication-indication'], indicated)) reasons.push('medication-indication');
  const lp = labPicture(c);
  const vd = lp.vitaminD;
  if (vd !== undefined) t.lab('25-oh-vitamin-d', lp.latest('25-oh-vitamin-d'));
  if (t.check(C['vitamin-d-below-30'], vd === undefined ? undefined : vd.status === 'severe-deficiency')) reasons.push('vitamin-d-below-30');
  let microgramsPerDay = 0;
  for (const r of reasons) microgramsPerDay = Math.max(microgramsPerDay, VITAMIN_D_REASONS[r]);
  // Highest dose first, so the reason that set the advice leads.
  sortBy(reasons, (a, b) => VITAMIN_D_REASONS[b] - VITAMIN_D_REASONS[a]);
  return { microgramsPerDay, reasons };
}

export const vitaminDRule: Rule = {
  id: 'vitamin-d.advice',
  stage: 'calcium-vitamin-d',
  source: ['GR-2012', 'LEAFLET-EMB', 'LEAFLET-HOSPITAL', 'NHG-2024', 'NIV-2022'],
  inputs: ['asOf', 'person.birthDate', 'person.sex', 'riskFactors.antiEpileptics', 'riskFactors.insufficientDaylight',
    'child.indoorsMostly', 'medications', 'labs'],
  codes: ['vitamin-d.advice'],
  derived: ['medication-indicated'],
  criteria: ['child-under-4', 'child-anti-epileptic', 'little-daylight', 'woman-50-plus', 'age-70-plus', 'on-osteoporosis-medication', 'medication-indication', 'vitamin-d-below-30'],
  about: explain({
    patientNl: 'Hoeveel extra vitamine D u per dag nodig heeft.',
    patientEn: 'How much extra vitamin D you need each day.',
    clinicianNl: 'Vitamine D-advies: 10 µg (kind < 4, kind op anti-epilepticum, weinig daglicht, vrouw ≥ 50) of 20 µg (≥ 70, medicatie-indicatie of osteoporosemedicatie); het hoogste geldt.',
    clinicianEn: 'Vitamin D advice: 10 µg (child < 4, child on an anti-epileptic, little daylight, woman ≥ 50) or 20 µg (≥ 70, medication indication or osteoporosis medication); the highest applies.',
  }),
  evaluate(r: Reader) {
    const c = r.case;
    const s = r.settings;
    const t = r;
    const v = vitaminDAdvice(c, s, t);
    const ae = c.riskFactors?.antiEpileptics ?? 0;
    const manyAe = ae > 1;
    const why = (lang: 'nl' | 'en') => {
      let out = '';
      for (let i = 0; i < v.reasons.length; i++) out += (i === 0 ? '' : ', ') + REASON_TEXT[v.reasons[i] as VitaminDReason][lang];
      return out;
    };
    // Each reason's source once, in the order of the reasons, then the EMB leaflet for several anti-epileptics.
    const source: Source[] = [];
    for (const r of v.reasons) if (!source.includes(REASON_SOURCE[r])) source.push(REASON_SOURCE[r]);
    if (manyAe && !source.includes('LEAFLET-EMB')) source.push('LEAFLET-EMB');
    const extraNl = manyAe ? ` Met ${ae} middelen tegen epilepsie is misschien meer nodig. De arts bepaalt de dosis.` : '';
    const extraEn = manyAe ? ` With ${ae} epilepsy medicines more may be needed. The doctor decides the dose.` : '';
    const f: Finding = {
      code: 'vitamin-d.advice',
      value: v,
      severity: manyAe ? 'attention' : 'info',
      reads: t,
      source,
      explanation: (lang: Lang): LangText => lang === 'nl'
        ? {
            patient: (v.microgramsPerDay > 0
          ? `Neem elke dag ${v.microgramsPerDay} microgram vitamine D extra. Dat is nodig omdat: ${why('nl')}.`
          : 'U hoeft nu geen extra vitamine D te nemen.') + extraNl,
            clinician: `Vitamine D ${v.microgramsPerDay} µg/dag (${v.microgramsPerDay * 40} IE); redenen: ${v.reasons.join(', ') || 'geen'}.`
          + (manyAe ? ` ${ae} anti-epileptica: overweeg een hogere dosis.` : ''),
          }
        : {
            patient: (v.microgramsPerDay > 0
          ? `Take ${v.microgramsPerDay} micrograms of extra vitamin D every day. This is because: ${why('en')}.`
          : 'You do not need extra vitamin D now.') + extraEn,
            clinician: `Vitamin D ${v.microgramsPerDay} µg/day (${v.microgramsPerDay * 40} IU); reasons: ${v.reasons.join(', ') || 'none'}.`
          + (manyAe ? ` ${ae} anti-epileptics: consider a higher dose.` : ''),
          },
    };
    return [f];
  },
};

// --------------------------------------------------------------------------------------------
export interface CalciumPicture { mgPerDay: number; target: number; shortfall: number }

/** Intake, target and shortfall; undefined when the calculator was not filled in or the child is under 1. */
export function calciumPicture(c: Case, s: Settings, t: Reader): CalciumPicture | undefined {
  const age = ageOn(t.read(F['person.birthDate'])!, c.asOf);
  const base = calciumTargetMg(age, t.read(F['person.sex'])!);
  if (base === undefined) return undefined;
  const servings = t.read(F['calcium.servings']);
  if (servings === undefined) return undefined;
  t.setting('calciumOtherFoodMg');
  t.setting('calciumPerServingMg');
  const cat = bmdCategory(c, s);
  if (cat) t.derived(D['bmd-category'], cat.category);
  const osteoporosis = cat?.category === 'osteoporosis' || cat?.category === 'severe-osteoporosis';
  const indicated = t.derived(D['medication-indicated'], assessIndication(c, s).indicated);
  const raised = t.check(C['osteoporosis-or-medication-indication'], osteoporosis || indicated);
  const target = raised ? Math.max(base, OSTEOPOROSIS_MIN_TARGET_MG) : base;
  const mgPerDay = calciumIntakeMg(servings, s);
  return { mgPerDay, target, shortfall: Math.max(0, target - mgPerDay) };
}

export const calciumIntakeRule: Rule = {
  id: 'calcium.intake',
  stage: 'calcium-vitamin-d',
  source: ['GR-CALCIUM', 'LEAFLET-HOSPITAL', 'BOTPAD-POLICY'],
  inputs: ['asOf', 'person.birthDate', 'person.sex', 'calcium.servings', 'dxa', 'fractures', 'vfa', 'riskFactors', 'settings.calciumOtherFoodMg', 'settings.calciumPerServingMg'],
  codes: ['calcium.intake', 'calcium.supplement-advised'],
  derived: ['bmd-category', 'medication-indicated'],
  criteria: ['osteoporosis-or-medication-indication', 'shortfall-over-250'],
  about: explain({
    patientNl: 'Hoeveel kalk (calcium) u per dag binnenkrijgt en hoeveel u nodig heeft.',
    patientEn: 'How much calcium you get each day and how much you need.',
    clinicianNl: 'Calciuminname uit de calculator (overige voeding + porties zuivel) tegen de streefwaarde naar leeftijd en geslacht; minimaal 1000 mg bij osteoporose of medicatie-indicatie; supplement bij een tekort > 250 mg.',
    clinicianEn: 'Calcium intake from the calculator (other food + dairy servings) against the target for age and sex; at least 1000 mg with osteoporosis or a medication indication; supplement when short by > 250 mg.',
  }),
  evaluate(r: Reader) {
    const c = r.case;
    const s = r.settings;
    const t = r;
    const age = ageOn(c.person.birthDate, c.asOf);
    if (age < 1) return [];
    const p = calciumPicture(c, s, t);
    if (p === undefined) {
      return [{
        code: 'calcium.intake', value: null, severity: 'attention', reads: t,
        explanation: (lang: Lang): LangText => lang === 'nl'
          ? {
              patient: 'We weten nog niet hoeveel kalk u binnenkrijgt. Vul de kalkcalculator in: hoeveel melk, yoghurt en kaas per dag?',
              clinician: 'Calciuminname onbekend: calculator (calcium.servings) niet ingevuld.',
            }
          : {
              patient: 'We do not yet know how much calcium you get. Please fill in the calcium calculator: how much milk, yoghurt and cheese a day?',
              clinician: 'Calcium intake unknown: calculator (calcium.servings) not filled in.',
            },
      }];
    }
    const out: Finding[] = [{
      code: 'calcium.intake',
      value: p,
      severity: 'info',
      reads: t,
      explanation: (lang: Lang): LangText => lang === 'nl'
        ? {
            patient: p.shortfall > 0
          ? `U krijgt ongeveer ${p.mgPerDay} mg kalk per dag. U heeft ${p.target} mg nodig. U komt ${p.shortfall} mg tekort.`
          : `U krijgt ongeveer ${p.mgPerDay} mg kalk per dag. U heeft ${p.target} mg nodig. Dat is genoeg.`,
            clinician: `Calciuminname ${p.mgPerDay} mg/dag (overige voeding ${s.calciumOtherFoodMg} mg + zuivel); streefwaarde ${p.target} mg; tekort ${p.shortfall} mg.`,
          }
        : {
            patient: p.shortfall > 0
          ? `You get about ${p.mgPerDay} mg of calcium a day. You need ${p.target} mg. You are ${p.shortfall} mg short.`
          : `You get about ${p.mgPerDay} mg of calcium a day. You need ${p.target} mg. That is enough.`,
            clinician: `Calcium intake ${p.mgPerDay} mg/day (other food ${s.calciumOtherFoodMg} mg + dairy); target ${p.target} mg; shortfall ${p.shortfall} mg.`,
          },
    }];
    if (t.check(C['shortfall-over-250'], p.shortfall > SUPPLEMENT_SHORTFALL_MG)) {
      out.push({
        code: 'calcium.supplement-advised',
        value: { mgPerDay: p.shortfall },
        severity: 'attention',
        reads: t,
        explanation: (lang: Lang): LangText => lang === 'nl'
          ? {
              patient: `U krijgt te weinig kalk: ${p.shortfall} mg per dag te weinig. Eet of drink meer zuivel, of neem een kalktablet. Uw arts of apotheker helpt u kiezen.`,
              clinician: `Tekort ${p.shortfall} mg/dag (> ${SUPPLEMENT_SHORTFALL_MG} mg): calciumsuppletie of meer zuivel adviseren.`,
            }
          : {
              patient: `You get too little calcium: ${p.shortfall} mg a day short. Have more dairy, or take a calcium tablet. Your doctor or pharmacist helps you choose.`,
              clinician: `Shortfall ${p.shortfall} mg/day (> ${SUPPLEMENT_SHORTFALL_MG} mg): advise a calcium supplement or more dairy.`,
            },
      });
    }
    return out;
  },
};
