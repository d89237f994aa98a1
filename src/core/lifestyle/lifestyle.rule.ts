// Stage: lifestyle — the advice every patient gets, tailored where the case says more
// (clinical-rules.md §11). Sources: LEAFLET-HOSPITAL, GUIDE-EXERCISE, PATHWAY-UMC, GR-2012.
import { explain } from '../explain.js';
import type { Lang, LangText, Rule } from '../rule.js';
import { Reader, D } from '../reader.js';
import { addMonths, ageOn, compareDates } from '../time/date.js';
import { F } from '../fields.js';
import { criteria } from '../reader.js';

/** The criteria this file's rules check (`r.check(C[id], met)`). */
const C = criteria(['current-smoker', 'alcohol-over-3-units', 'recent-fracture']);

/** Stable advice codes; the UI and printed agreements translate them. */
export const LIFESTYLE_REASONS = [
  'move-30-minutes', 'bone-loading', 'stop-smoking', 'alcohol-max-3', 'reduce-alcohol', 'daylight',
  'fall-prevention-home', 'calcium-vitamin-d', 'start-gently-after-fracture',
] as const;
export type LifestyleReason = (typeof LIFESTYLE_REASONS)[number];

export const ALCOHOL_MAX_UNITS = 3;
/** "Shortly after a fracture": a fracture within this many months before asOf. */
export const RECENT_FRACTURE_MONTHS = 3;

const TEXT: Record<LifestyleReason, { pNl: string; pEn: string; cNl: string; cEn: string }> = {
  'move-30-minutes': {
    pNl: 'Beweeg elke dag minstens een half uur. Drie keer tien minuten telt ook.',
    pEn: 'Be active for at least half an hour every day. Three times ten minutes also counts.',
    cNl: 'dagelijks ≥ 30 min bewegen (3 × 10 min telt)', cEn: 'daily ≥ 30 min of activity (3 × 10 min counts)',
  },
  'bone-loading': {
    pNl: 'Kies beweging op uw benen, zoals wandelen of traplopen. Dat maakt uw botten sterker.',
    pEn: 'Choose activity on your feet, such as walking or climbing stairs. That makes your bones stronger.',
    cNl: 'botbelastende activiteit (wandelen, traplopen)', cEn: 'weight-bearing activity (walking, stairs)',
  },
  'stop-smoking': {
    pNl: 'Stop met roken. Roken maakt uw botten zwakker. Vraag gerust om hulp bij stoppen.',
    pEn: 'Stop smoking. Smoking weakens your bones. Feel free to ask for help with quitting.',
    cNl: 'stoppen met roken', cEn: 'smoking cessation',
  },
  'alcohol-max-3': {
    pNl: 'Drink niet meer dan 3 glazen alcohol per dag. Minder is nog beter.',
    pEn: 'Have no more than 3 alcoholic drinks a day. Less is even better.',
    cNl: 'alcohol ≤ 3 eenheden/dag, minder is beter', cEn: 'alcohol ≤ 3 units/day, less is better',
  },
  'reduce-alcohol': {
    pNl: 'U drinkt nu meer dan 3 glazen per dag. Probeer dat te minderen.',
    pEn: 'You now drink more than 3 glasses a day. Try to cut down.',
    cNl: 'alcoholgebruik boven 3 eenheden/dag', cEn: 'alcohol above 3 units/day',
  },
  daylight: {
    pNl: 'Ga in de zomer elke dag een half uur naar buiten, in het daglicht.',
    pEn: 'In summer, go outside in daylight for half an hour every day.',
    cNl: 'zomers dagelijks een half uur daglicht', cEn: 'half an hour of daylight a day in summer',
  },
  'fall-prevention-home': {
    pNl: 'Maak uw huis veilig: goed licht, geen losse kleedjes, een stevige vloer en goede schoenen.',
    pEn: 'Make your home safe: good light, no loose rugs, a firm floor and good shoes.',
    cNl: 'valpreventie thuis (verlichting, vaste ondergrond, schoeisel, geen losse kleden)',
    cEn: 'fall prevention at home (lighting, firm floor, footwear, no loose rugs)',
  },
  'calcium-vitamin-d': {
    pNl: 'Zorg voor genoeg kalk en vitamine D. Kijk bij uw advies over kalk en vitamine D.',
    pEn: 'Get enough calcium and vitamin D. See your advice on calcium and vitamin D.',
    cNl: 'calcium en vitamine D volgens het advies', cEn: 'calcium and vitamin D as advised',
  },
  'start-gently-after-fracture': {
    pNl: 'U heeft kort geleden iets gebroken. Begin rustig, bijvoorbeeld met fietsen of zwemmen.',
    pEn: 'You broke a bone a short while ago. Start gently, for example with cycling or swimming.',
    cNl: 'recente fractuur: rustig opbouwen (fietsen, zwemmen)', cEn: 'recent fracture: build up gently (cycling, swimming)',
  },
};

/** The patient's words for one piece of advice, as the explanation strings them together. */
export function lifestyleAdviceWords(reason: LifestyleReason, lang: Lang): string {
  return lang === 'nl' ? TEXT[reason].pNl : TEXT[reason].pEn;
}

export const lifestyleRule: Rule = {
  id: 'lifestyle.advice',
  stage: 'lifestyle',
  source: ['LEAFLET-HOSPITAL', 'GUIDE-EXERCISE', 'PATHWAY-UMC'],
  inputs: ['asOf', 'person.birthDate', 'riskFactors.currentSmoker', 'riskFactors.alcoholUnitsPerDay', 'fractures'],
  codes: ['lifestyle.advice'],
  derived: ['recent-fracture'],
  criteria: ['recent-fracture', 'current-smoker', 'alcohol-over-3-units'],
  about: explain({
    patientNl: 'Wat u zelf kunt doen voor sterke botten.',
    patientEn: 'What you can do yourself for strong bones.',
    clinicianNl: 'Leefstijladvies: bewegen met botbelasting, roken, alcohol, daglicht, valpreventie thuis, calcium en vitamine D, rustig starten na een fractuur.',
    clinicianEn: 'Lifestyle advice: weight-bearing activity, smoking, alcohol, daylight, fall prevention at home, calcium and vitamin D, gentle start after a fracture.',
  }),
  evaluate(r: Reader) {
    const c = r.case;
    const t = r;
    const adult = ageOn(t.read(F['person.birthDate'])!, c.asOf) >= 18;
    const reasons: LifestyleReason[] = ['move-30-minutes', 'bone-loading'];
    let heavy = false;
    let units: number | undefined;
    // Smoking and alcohol advice is for adults; a child's carers get the other items.
    if (adult) {
      if (t.check(C['current-smoker'], t.read(F['riskFactors.currentSmoker']))) reasons.push('stop-smoking');
      reasons.push('alcohol-max-3');
      units = t.read(F['riskFactors.alcoholUnitsPerDay']);
      if (t.check(C['alcohol-over-3-units'], units === undefined ? undefined : units > ALCOHOL_MAX_UNITS)) { heavy = true; reasons.push('reduce-alcohol'); }
    }
    reasons.push('daylight', 'fall-prevention-home', 'calcium-vitamin-d');
    const since = addMonths(c.asOf, -RECENT_FRACTURE_MONTHS);
    const recent = (c.fractures ?? []).some((f) => compareDates(f.date, since) >= 0 && compareDates(f.date, c.asOf) <= 0);
    if (c.fractures !== undefined) t.derived(D['recent-fracture'], recent);
    if (t.check(C['recent-fracture'], recent)) reasons.push('start-gently-after-fracture');
    return [{
      code: 'lifestyle.advice',
      value: { reasons },
      severity: heavy ? 'attention' : 'info',
      reads: t,
      explanation: (lang: Lang): LangText => {
        const nl = lang === 'nl';
        let patient = '';
        let advice = '';
        for (let i = 0; i < reasons.length; i++) {
          const w = TEXT[reasons[i] as LifestyleReason];
          patient += (i === 0 ? '' : ' ') + lifestyleAdviceWords(reasons[i] as LifestyleReason, lang);
          advice += (i === 0 ? '' : '; ') + (nl ? w.cNl : w.cEn);
        }
        return nl
          ? {
              patient,
              clinician: `Leefstijladvies: ${advice}.${heavy ? ` Alcohol ${units} eenheden/dag (> ${ALCOHOL_MAX_UNITS}).` : ''}`,
            }
          : {
              patient,
              clinician: `Lifestyle advice: ${advice}.${heavy ? ` Alcohol ${units} units/day (> ${ALCOHOL_MAX_UNITS}).` : ''}`,
            };
      },
    }];
  },
};

export const rules: Rule[] = [lifestyleRule];
