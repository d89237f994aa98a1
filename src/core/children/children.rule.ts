// Stage: children with severe multiple disabilities (EMB) — bone-quality risk by mobility, daily
// loading, the aids check as the child grows, and weight (clinical-rules.md §12). Vitamin D for
// these children is part of vitamin-d.advice (§9), which reads child.indoorsMostly.
// Sources: LEAFLET-EMB (mobility shares, loading, aids, weight), BOTPAD-POLICY (aids-check interval
// and growth threshold, configurable), ISCD (children's DXA read with Z-scores).
import { explain } from '../explain.js';
import type { Finding, Lang, LangText, Rule } from '../rule.js';
import { Reader } from '../reader.js';
import { addMonths, ageOn, compareDates } from '../time/date.js';
import { day } from '../text.js';
import { F } from '../fields.js';
import { criteria } from '../reader.js';

/** The criteria this file's rules check (`r.check(C[id], met)`). */
const C = criteria(['wheelchair-or-bedbound', 'walking-aid', 'other-risk-factors', 'no-daily-standing', 'movement-below-30-minutes', 'grown-since-last-check', 'check-due', 'adult-bmi-below-18.5']);

export type BoneQualityRisk = 'high' | 'increased' | 'raised' | 'baseline';

/** Observed shares of low bone quality by mobility in adults over 50 with an intellectual disability (LEAFLET-EMB). */
export const OBSERVED_LOW_BONE_QUALITY_PERCENT = { wheelchair: 75, 'walking-aid': 65, 'independent-walker': 40 } as const;

export const LOADING_FROM_AGE = 2;
export const MOVEMENT_TARGET_MIN = 30;
export const MOVEMENT_TARGET_MAX = 60;
/** Adult BMI below this counts as low weight; children need a growth chart, which the case does not hold. */
export const ADULT_LOW_BMI = 18.5;

const bmi = (kg: number, cm: number) => kg / (cm / 100) ** 2;

export const boneQualityRule: Rule = {
  id: 'child.bone-quality-risk',
  stage: 'children',
  source: ['LEAFLET-EMB'],
  inputs: ['child.mobility', 'riskFactors.antiEpileptics', 'riskFactors.glucocorticoids', 'riskFactors.insufficientDaylight',
    'child.indoorsMostly', 'person.weightKg', 'person.heightCm'],
  codes: ['child.bone-quality-risk'],
  derived: [],
  criteria: ['wheelchair-or-bedbound', 'walking-aid', 'other-risk-factors'],
  about: explain({
    patientNl: 'Hoe groot de kans is dat de botten van uw kind zwak zijn.',
    patientEn: 'How likely it is that your child\'s bones are weak.',
    clinicianNl: 'Risico op lage botkwaliteit naar mobiliteit (rolstoel/bedgebonden hoog, loophulpmiddel verhoogd, zelfstandig lopend met andere risicofactoren licht verhoogd).',
    clinicianEn: 'Risk of low bone quality by mobility (wheelchair/bedbound high, walking aid increased, independent walker with other risk factors raised).',
  }),
  evaluate(r: Reader) {
    const c = r.case;
    const ch = c.child;
    if (ch === undefined) return [];
    const t = r;
    const mobility = t.note('child.mobility', ch.mobility)!;
    let level: BoneQualityRisk;
    const factors: string[] = [];
    if (t.check(C['wheelchair-or-bedbound'], mobility === 'wheelchair' || mobility === 'bedbound')) level = 'high';
    else if (t.check(C['walking-aid'], mobility === 'walking-aid')) level = 'increased';
    else {
      const rf = c.riskFactors ?? {};
      if ((t.note('riskFactors.antiEpileptics', rf.antiEpileptics) ?? 0) >= 1) factors.push('anti-epileptics');
      if ((t.note('riskFactors.glucocorticoids', rf.glucocorticoids)?.mgPerDay ?? 0) > 0) factors.push('glucocorticoids');
      const daylight = t.note('riskFactors.insufficientDaylight', rf.insufficientDaylight);
      const indoors = t.note('child.indoorsMostly', ch.indoorsMostly);
      if (daylight === true || indoors === true) factors.push('little-daylight');
      const kg = c.person.weightKg;
      const cm = c.person.heightCm;
      if (ageOn(c.person.birthDate, c.asOf) >= 18 && kg !== undefined && cm !== undefined) {
        t.note('person.weightKg', kg);
        t.note('person.heightCm', cm);
        if (bmi(kg, cm) < ADULT_LOW_BMI) factors.push('low-weight');
      }
      level = t.check(C['other-risk-factors'], factors.length > 0) ? 'raised' : 'baseline';
    }
    const share = mobility === 'bedbound' ? 75 : OBSERVED_LOW_BONE_QUALITY_PERCENT[mobility];
    const groupNl = { wheelchair: 'rolstoelgebruikers', bedbound: 'rolstoelgebruikers', 'walking-aid': 'mensen met een loophulpmiddel', 'independent-walker': 'mensen die zelf lopen' }[mobility];
    const groupEn = { wheelchair: 'wheelchair users', bedbound: 'wheelchair users', 'walking-aid': 'people with a walking aid', 'independent-walker': 'people who walk on their own' }[mobility];
    const levelNl = { high: 'hoog', increased: 'verhoogd', raised: 'licht verhoogd', baseline: 'niet extra verhoogd' }[level];
    const levelEn = { high: 'high', increased: 'increased', raised: 'slightly raised', baseline: 'not especially raised' }[level];
    const f: Finding = {
      code: 'child.bone-quality-risk',
      value: { level },
      severity: level === 'high' || level === 'increased' ? 'attention' : 'info',
      reads: t,
      explanation: (lang: Lang): LangText => lang === 'nl'
        ? {
            patient: `De kans op zwakke botten is bij uw kind ${levelNl}. Botten worden sterk als ze gewicht dragen. Wie weinig staat of loopt, heeft vaker zwakke botten. Bij volwassenen met een verstandelijke beperking had ${share}% van de ${groupNl} zwakke botten.`,
            clinician: `Mobiliteit ${mobility}: risico ${levelNl}${factors.length ? ` (risicofactoren: ${factors.join(', ')})` : ''}. Waargenomen lage botkwaliteit bij volwassenen > 50 met verstandelijke beperking: rolstoel 75%, loophulpmiddel 65%, zelfstandig lopend 40%. DXA bij kinderen alleen met Z-scores beoordelen.`,
          }
        : {
            patient: `Your child's chance of weak bones is ${levelEn}. Bones grow strong by carrying weight. People who stand or walk little more often have weak bones. Among adults with an intellectual disability, ${share}% of ${groupEn} had weak bones.`,
            clinician: `Mobility ${mobility}: risk ${levelEn}${factors.length ? ` (risk factors: ${factors.join(', ')})` : ''}. Observed low bone quality in adults > 50 with an intellectual disability: wheelchair 75%, walking aid 65%, independent walker 40%. Read a child's DXA with Z-scores only.`,
          },
    };
    return [f];
  },
};

export const loadingRule: Rule = {
  id: 'child.loading',
  stage: 'children',
  source: ['LEAFLET-EMB'],
  inputs: ['asOf', 'person.birthDate', 'child.standingMinutesPerDay', 'child.movementMinutesPerDay'],
  codes: ['child.loading'],
  derived: [],
  criteria: ['no-daily-standing', 'movement-below-30-minutes'],
  about: explain({
    patientNl: 'Elke dag staan en bewegen maakt de botten van uw kind sterker.',
    patientEn: 'Standing and moving every day makes your child\'s bones stronger.',
    clinicianNl: 'Vanaf 2 jaar dagelijks belasten (sta-tafel, loophulpmiddel) en 30–60 minuten beweging per dag.',
    clinicianEn: 'From age 2: daily weight-bearing (standing frame, walking aid) and 30–60 minutes of movement a day.',
  }),
  evaluate(r: Reader) {
    const c = r.case;
    const ch = c.child;
    if (ch === undefined) return [];
    const t = r;
    if (ageOn(t.read(F['person.birthDate'])!, c.asOf) < LOADING_FROM_AGE) return [];
    const standing = t.note('child.standingMinutesPerDay', ch.standingMinutesPerDay);
    const movement = t.note('child.movementMinutesPerDay', ch.movementMinutesPerDay);
    const reasons = ['daily-weight-bearing', 'movement-30-60-minutes'];
    if (t.check(C['no-daily-standing'], standing === undefined ? undefined : standing === 0)) reasons.push('no-daily-standing');
    if (t.check(C['movement-below-30-minutes'], movement === undefined ? undefined : movement < MOVEMENT_TARGET_MIN)) reasons.push('movement-below-target');
    const short = reasons.length > 2;
    return [{
      code: 'child.loading',
      value: { reasons },
      severity: short ? 'attention' : 'info',
      reads: t,
      explanation: (lang: Lang): LangText => lang === 'nl'
        ? {
            patient: 'Laat uw kind elke dag staan of steunen op de benen, zo nodig met een sta-tafel of loophulpmiddel. Probeer elke dag 30 tot 60 minuten te bewegen.'
          + (short ? ` Nu is dat minder${movement !== undefined ? ` (${movement} minuten bewegen per dag)` : ''}. Vraag de fysiotherapeut wat past.` : ''),
            clinician: `Belasting: staan ${standing ?? 'onbekend'} min/dag, bewegen ${movement ?? 'onbekend'} min/dag (doel 30–60).${short ? ' Onder het doel.' : ''}`,
          }
        : {
            patient: 'Let your child stand or bear weight on the legs every day, with a standing frame or walking aid if needed. Aim for 30 to 60 minutes of movement each day.'
          + (short ? ` Right now it is less${movement !== undefined ? ` (${movement} minutes of movement a day)` : ''}. Ask the physiotherapist what suits your child.` : ''),
            clinician: `Loading: standing ${standing ?? 'unknown'} min/day, movement ${movement ?? 'unknown'} min/day (target 30–60).${short ? ' Below target.' : ''}`,
          },
    }];
  },
};

export const aidsCheckRule: Rule = {
  id: 'child.aids-check-due',
  stage: 'children',
  source: ['BOTPAD-POLICY', 'LEAFLET-EMB'],
  inputs: ['asOf', 'child.lastAidsCheck', 'child.heightCmAtLastAidsCheck', 'person.heightCm', 'settings.aidsCheckGrowthCm', 'settings.aidsCheckIntervalMonths'],
  codes: ['child.aids-check-due'],
  derived: [],
  criteria: ['check-due', 'grown-since-last-check'],
  about: explain({
    patientNl: 'Wanneer de fysiotherapeut de hulpmiddelen van uw kind weer nakijkt.',
    patientEn: 'When the physiotherapist checks your child\'s aids again.',
    clinicianNl: 'Controle van hulpmiddelen elke 6 maanden, of eerder bij ≥ 3 cm groei sinds de vorige controle (instelbaar).',
    clinicianEn: 'Aids check every 6 months, or sooner after ≥ 3 cm of growth since the last check (configurable).',
  }),
  evaluate(r: Reader) {
    const c = r.case;
    const s = r.settings;
    const ch = c.child;
    if (ch === undefined) return [];
    const t = r;
    t.read(F['asOf']);
    t.setting('aidsCheckIntervalMonths');
    t.setting('aidsCheckGrowthCm');
    const last = t.note('child.lastAidsCheck', ch.lastAidsCheck);
    let due: string;
    let reason: 'no-check-recorded' | 'growth' | 'interval';
    let grown: number | undefined;
    if (last === undefined) {
      due = c.asOf;
      reason = 'no-check-recorded';
    } else {
      due = addMonths(last, s.aidsCheckIntervalMonths);
      reason = 'interval';
      const then = t.note('child.heightCmAtLastAidsCheck', ch.heightCmAtLastAidsCheck);
      const now = t.read(F['person.heightCm']);
      if (then !== undefined && now !== undefined) {
        // Rounded to tenths so 3.0 cm entered as 101.2 − 98.2 still counts as 3 cm.
        grown = Math.round((now - then) * 10) / 10;
        if (t.check(C['grown-since-last-check'], grown >= s.aidsCheckGrowthCm) && compareDates(c.asOf, due) < 0) {
          due = c.asOf;
          reason = 'growth';
        }
      }
    }
    const isDue = t.check(C['check-due'], compareDates(c.asOf, due) >= 0);
    const whyNl = { 'no-check-recorded': 'Er is nog geen controle vastgelegd.', growth: `Uw kind is ${grown} cm gegroeid sinds de vorige controle.`, interval: `De vorige controle was op ${last ? day(last, 'nl') : ''}.` }[reason];
    const whyEn = { 'no-check-recorded': 'No check has been recorded yet.', growth: `Your child has grown ${grown} cm since the last check.`, interval: `The last check was on ${last ? day(last, 'en') : ''}.` }[reason];
    return [{
      code: 'child.aids-check-due',
      value: { due, reason },
      severity: isDue ? 'attention' : 'info',
      reads: t,
      explanation: (lang: Lang): LangText => lang === 'nl'
        ? {
            patient: `${whyNl} ${isDue ? 'Laat de fysiotherapeut nu kijken of de hulpmiddelen nog goed passen.' : `De volgende controle van de hulpmiddelen is rond ${day(due, 'nl')}.`}`,
            clinician: `Hulpmiddelencontrole ${isDue ? 'nu nodig' : `gepland ${due}`} (${reason}); interval ${s.aidsCheckIntervalMonths} maanden, groeigrens ${s.aidsCheckGrowthCm} cm${grown !== undefined ? `, gegroeid ${grown} cm` : ''}.`,
          }
        : {
            patient: `${whyEn} ${isDue ? 'Ask the physiotherapist now to check that the aids still fit.' : `The next check of the aids is around ${day(due, 'en')}.`}`,
            clinician: `Aids check ${isDue ? 'due now' : `planned ${due}`} (${reason}); interval ${s.aidsCheckIntervalMonths} months, growth threshold ${s.aidsCheckGrowthCm} cm${grown !== undefined ? `, grown ${grown} cm` : ''}.`,
          },
    }];
  },
};

export const weightRule: Rule = {
  id: 'child.weight',
  stage: 'children',
  source: ['LEAFLET-EMB'],
  inputs: ['asOf', 'person.birthDate', 'person.weightKg', 'person.heightCm'],
  codes: ['child.weight'],
  derived: [],
  criteria: ['adult-bmi-below-18.5'],
  about: explain({
    patientNl: 'Een gezond gewicht helpt de botten. Te licht is niet goed.',
    patientEn: 'A healthy weight helps the bones. Too light is not good.',
    clinicianNl: 'Gewicht vastleggen en bewaken; ondergewicht en gewichtsverlies zijn risicofactoren voor lage botkwaliteit.',
    clinicianEn: 'Record and monitor weight; low weight and weight loss are risk factors for low bone quality.',
  }),
  evaluate(r: Reader) {
    const c = r.case;
    if (c.child === undefined) return [];
    const t = r;
    const kg = t.read(F['person.weightKg']);
    if (kg === undefined) {
      return [{
        code: 'child.weight', value: null, severity: 'attention', reads: t,
        explanation: (lang: Lang): LangText => lang === 'nl'
          ? {
              patient: 'Het gewicht van uw kind is niet bekend. Laat uw kind wegen, dan kunnen we het volgen.',
              clinician: 'Gewicht ontbreekt: wegen en lengte meten; ondergewicht en gewichtsverlies zijn risicofactoren.',
            }
          : {
              patient: 'Your child\'s weight is not known. Have your child weighed so we can follow it.',
              clinician: 'Weight missing: weigh and measure height; low weight and weight loss are risk factors.',
            },
      }];
    }
    const adult = ageOn(c.person.birthDate, c.asOf) >= 18;
    const cm = t.read(F['person.heightCm']);
    const low = t.check(C['adult-bmi-below-18.5'], adult ? (cm === undefined ? undefined : bmi(kg, cm) < ADULT_LOW_BMI) : false);
    const reasons = low ? ['low-weight'] : ['check-growth-chart'];
    return [{
      code: 'child.weight',
      value: { reasons },
      severity: low ? 'attention' : 'info',
      reads: t,
      explanation: (lang: Lang): LangText => lang === 'nl'
        ? {
            patient: low
          ? 'Het gewicht is aan de lage kant. Dat is niet goed voor de botten. Bespreek met de arts of diëtist hoe het gewicht omhoog kan.'
          : 'Het gewicht is vastgelegd. Blijf het volgen. Let op als uw kind afvalt.',
            clinician: `Gewicht ${String(kg).replace('.', ',')} kg${cm !== undefined ? `, lengte ${cm} cm` : ''}. ${low ? `BMI < ${String(ADULT_LOW_BMI).replace('.', ',')}: ondergewicht.` : 'Beoordeel op de groeicurve; gewichtsverlies is niet uit één meting af te leiden.'}`,
          }
        : {
            patient: low
          ? 'The weight is on the low side. That is not good for the bones. Talk with the doctor or dietitian about raising it.'
          : 'The weight is recorded. Keep following it. Watch out if your child loses weight.',
            clinician: `Weight ${kg} kg${cm !== undefined ? `, height ${cm} cm` : ''}. ${low ? `BMI < ${ADULT_LOW_BMI}: low weight.` : 'Assess on the growth chart; weight loss cannot be judged from one measurement.'}`,
          },
    }];
  },
};

export const rules: Rule[] = [boneQualityRule, loadingRule, aidsCheckRule, weightRule];
