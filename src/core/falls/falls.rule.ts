// fall-risk.level, fall-risk.inventory-needed and fear-of-falling.level (clinical-rules.md §10).
// Sources: WFG-2022, NHG-2024, FESI.
import { explain } from '../explain.js';
import type { Lang, LangText, Rule, Severity } from '../rule.js';
import { Reader } from '../reader.js';
import type { FallRiskLevel, HighRiskSign } from './fall-risk.js';
import { fallRisk, fesILevel, GAIT_SLOW_BELOW_MPS, TUG_SLOW_ABOVE_S } from './fall-risk.js';
import { F } from '../fields.js';
import { criteria } from '../reader.js';

/** The criteria this file's rules check (`r.check(C[id], met)`). */
const C = criteria(['two-or-more-falls', 'score-9-or-more', 'score-14-or-more']);

const SIGN_TEXT: Record<HighRiskSign, { nl: string; en: string; pNl: string; pEn: string }> = {
  injury: { nl: 'letsel bij een val', en: 'injury from a fall', pNl: 'u raakte gewond bij een val', pEn: 'you were hurt in a fall' },
  'two-or-more-falls': { nl: '≥ 2 vallen in 12 maanden', en: '≥ 2 falls in 12 months', pNl: 'u viel vaker dan een keer dit jaar', pEn: 'you fell more than once this year' },
  frailty: { nl: 'kwetsbaarheid', en: 'frailty', pNl: 'uw lichaam is kwetsbaar', pEn: 'your body is frail' },
  'unable-to-get-up': { nl: 'kon na de val niet zelf opstaan', en: 'unable to get up after the fall', pNl: 'u kon na een val niet zelf opstaan', pEn: 'you could not get up by yourself after a fall' },
  'lost-consciousness': { nl: 'bewustzijnsverlies bij de val', en: 'loss of consciousness with the fall', pNl: 'u was even buiten bewustzijn', pEn: 'you passed out' },
};

const LEVEL_SEVERITY: Record<FallRiskLevel, Severity> = { low: 'info', intermediate: 'attention', high: 'action' };

export const fallRiskRule: Rule = {
  id: 'fall-risk.level',
  stage: 'falls',
  source: ['WFG-2022'],
  inputs: ['falls.fallsLast12Months', 'falls.injuredByFall', 'falls.unableToGetUp', 'falls.lostConsciousness',
    'falls.worriedAboutFalling', 'falls.unsteady', 'falls.frail', 'falls.tugSeconds', 'falls.gaitSpeedMps', 'exercise.measurements'],
  codes: ['fall-risk.level'],
  derived: [],
  criteria: ['screen-positive', 'injury', 'two-or-more-falls', 'frailty', 'unable-to-get-up', 'lost-consciousness', 'tug-over-15-s', 'gait-speed-below-0.8'],
  about: explain({
    patientNl: 'Hoe groot de kans is dat u valt.',
    patientEn: 'How likely you are to fall.',
    clinicianNl: 'Valrisico volgens de World Falls Guidelines: screening (val, onvast, angst), ernstkenmerken, dan TUG > 15 s of loopsnelheid < 0,8 m/s.',
    clinicianEn: 'Fall risk per the World Falls Guidelines: screen (fall, unsteady, worried), severity signs, then TUG > 15 s or gait speed < 0.8 m/s.',
  }),
  evaluate(r: Reader) {
    const t = r;
    const fr = fallRisk(t);
    if (fr.level === null) {
      return [{
        code: 'fall-risk.level', value: null, severity: 'attention', reads: t,
        explanation: (lang: Lang): LangText => lang === 'nl'
          ? {
              patient: 'U bent gevallen, voelt zich onzeker of bent bang om te vallen. We doen een korte looptest om uw valrisico te bepalen.',
              clinician: 'Screening positief zonder ernstkenmerken; meet TUG of loopsnelheid om laag of verhoogd risico te bepalen.',
            }
          : {
              patient: 'You have fallen, feel unsteady or are afraid of falling. We will do a short walking test to judge your risk of falling.',
              clinician: 'Screen positive without severity signs; measure TUG or gait speed to decide between low and intermediate risk.',
            },
      }];
    }
    const level = fr.level;
    const tug = fr.tug;
    const gait = fr.gait;
    return [{
      code: 'fall-risk.level',
      value: { level },
      severity: LEVEL_SEVERITY[level],
      reads: t,
      // Only the one language and level asked for is written.
      explanation: (lang: Lang): LangText => {
        const nl = lang === 'nl';
        if (level === 'high') {
          let patientSigns = '';
          let clinicianSigns = '';
          for (let i = 0; i < fr.highSigns.length; i++) {
            const w = SIGN_TEXT[fr.highSigns[i] as HighRiskSign];
            patientSigns += (i === 0 ? '' : nl ? ' en ' : ' and ') + (nl ? w.pNl : w.pEn);
            clinicianSigns += (i === 0 ? '' : ', ') + (nl ? w.nl : w.en);
          }
          return nl
            ? {
                patient: `U heeft een hoog risico om te vallen, want ${patientSigns}. We kijken samen wat helpt om vallen te voorkomen.`,
                clinician: `Hoog valrisico: ${clinicianSigns}. Multifactoriële valrisicobeoordeling en interventie.`,
              }
            : {
                patient: `You have a high risk of falling, because ${patientSigns}. Together we look at what helps to prevent falls.`,
                clinician: `High fall risk: ${clinicianSigns}. Multifactorial falls assessment and intervention.`,
              };
        }
        if (level === 'intermediate') {
          return nl
            ? {
                patient: 'U heeft een verhoogd risico om te vallen. Uw looptest ging wat langzaam. Oefeningen voor kracht en balans helpen.',
                clinician: `Verhoogd (intermediair) valrisico: screening positief, ${measures(tug, gait, lang)} (grenzen TUG > ${TUG_SLOW_ABOVE_S} s, loopsnelheid < 0,8 m/s). Kracht- en balanstraining.`,
              }
            : {
                patient: 'You have a raised risk of falling. Your walking test was a bit slow. Exercises for strength and balance help.',
                clinician: `Intermediate fall risk: screen positive, ${measures(tug, gait, lang)} (cut-offs TUG > ${TUG_SLOW_ABOVE_S} s, gait speed < ${GAIT_SLOW_BELOW_MPS} m/s). Strength and balance training.`,
              };
        }
        return nl
          ? {
              patient: 'U heeft een laag risico om te vallen. Blijf in beweging.',
              clinician: fr.screenPositive
                ? `Laag valrisico: screening positief maar ${measures(tug, gait, lang)} binnen de norm.`
                : 'Laag valrisico: geen val in 12 maanden vastgelegd, niet onvast, geen valangst.',
            }
          : {
              patient: 'Your risk of falling is low. Keep moving.',
              clinician: fr.screenPositive
                ? `Low fall risk: screen positive but ${measures(tug, gait, lang)} within limits.`
                : 'Low fall risk: no fall in 12 months recorded, not unsteady, not worried about falling.',
            };
      },
    }];
  },
};

/** The walking measurements as recorded (`TUG 16,5 s, loopsnelheid 0,7 m/s`), absent ones left out. */
function measures(tug: number | undefined, gait: number | undefined, lang: Lang): string {
  const nl = lang === 'nl';
  const a = tug !== undefined ? (nl ? `TUG ${String(tug).replace('.', ',')} s` : `TUG ${tug} s`) : '';
  const b = gait !== undefined ? (nl ? `loopsnelheid ${String(gait).replace('.', ',')} m/s` : `gait speed ${gait} m/s`) : '';
  return a !== '' && b !== '' ? `${a}, ${b}` : a + b;
}

export const inventoryRule: Rule = {
  id: 'fall-risk.inventory-needed',
  stage: 'falls',
  source: ['NHG-2024'],
  inputs: ['falls.fallsLast12Months'],
  codes: ['fall-risk.inventory-needed'],
  derived: [],
  criteria: ['two-or-more-falls'],
  about: explain({
    patientNl: 'Na meerdere vallen zoeken we uit waardoor u valt.',
    patientEn: 'After several falls we find out why you fall.',
    clinicianNl: 'Bij ≥ 2 vallen in 12 maanden: inventarisatie van valrisicofactoren.',
    clinicianEn: 'With ≥ 2 falls in 12 months: inventory of fall risk factors.',
  }),
  evaluate(r: Reader) {
    const t = r;
    const n = t.read(F['falls.fallsLast12Months']);
    if (!t.check(C['two-or-more-falls'], n === undefined ? undefined : n >= 2)) return [];
    return [{
      code: 'fall-risk.inventory-needed',
      value: { reasons: ['two-or-more-falls'] },
      severity: 'attention',
      reads: t,
      explanation: (lang: Lang): LangText => lang === 'nl'
        ? {
            patient: `U viel ${n} keer in het afgelopen jaar. We zoeken samen uit waardoor dat komt. Denk aan medicijnen, ogen, spieren en uw huis.`,
            clinician: `${n} vallen in 12 maanden (≥ 2): valrisicofactoren inventariseren (medicatie, visus, orthostase, mobiliteit, woning).`,
          }
        : {
            patient: `You fell ${n} times in the past year. Together we find out why. Think of medicines, eyesight, muscles and your home.`,
            clinician: `${n} falls in 12 months (≥ 2): take an inventory of fall risk factors (medication, vision, orthostasis, mobility, home).`,
          },
    }];
  },
};

export const fearRule: Rule = {
  id: 'fear-of-falling.level',
  stage: 'falls',
  source: ['FESI'],
  inputs: ['fesI', 'falls.worriedAboutFalling'],
  codes: ['fear-of-falling.level'],
  derived: [],
  criteria: ['score-9-or-more', 'score-14-or-more'],
  about: explain({
    patientNl: 'Hoe bang u bent om te vallen, uit de korte vragenlijst.',
    patientEn: 'How worried you are about falling, from the short questionnaire.',
    clinicianNl: 'Short FES-I: som van 7 items (7–28); laag 7–8, matig 9–13, hoog 14–28.',
    clinicianEn: 'Short FES-I: sum of 7 items (7–28); low 7–8, moderate 9–13, high 14–28.',
  }),
  evaluate(r: Reader) {
    const c = r.case;
    const t = r;
    const items = t.read(F['fesI']);
    if (items === undefined) {
      // Only worth asking for when worry about falling was reported.
      if (c.falls?.worriedAboutFalling !== true) return [];
      t.read(F['falls.worriedAboutFalling']);
      return [{
        code: 'fear-of-falling.level', value: null, severity: 'attention', reads: t,
        explanation: (lang: Lang): LangText => lang === 'nl'
          ? {
              patient: 'U bent bang om te vallen. Vul de korte vragenlijst over valangst in, dan weten we hoe groot die angst is.',
              clinician: 'Valangst gemeld; Short FES-I ontbreekt. Laat de vragenlijst invullen.',
            }
          : {
              patient: 'You are worried about falling. Please fill in the short questionnaire about it, so we know how strong the worry is.',
              clinician: 'Worry about falling reported; Short FES-I missing. Have the questionnaire completed.',
            },
      }];
    }
    const { level, score } = fesILevel(items);
    t.check(C['score-9-or-more'], score >= 9);
    t.check(C['score-14-or-more'], score >= 14);
    const words = {
      low: { nl: 'weinig', en: 'little', cNl: 'laag', cEn: 'low' },
      moderate: { nl: 'wat', en: 'some', cNl: 'matig', cEn: 'moderate' },
      high: { nl: 'veel', en: 'a lot of', cNl: 'hoog', cEn: 'high' },
    }[level];
    return [{
      code: 'fear-of-falling.level',
      value: { level, score },
      severity: level === 'high' ? 'attention' : 'info',
      reads: t,
      explanation: (lang: Lang): LangText => lang === 'nl'
        ? {
            patient: `U heeft ${words.nl} angst om te vallen.` + (level === 'high' ? ' Daardoor doet u misschien minder. Een fysiotherapeut kan helpen om weer zeker te bewegen.' : ''),
            clinician: `Short FES-I ${score} (7–28): valangst ${words.cNl} (laag 7–8, matig 9–13, hoog 14–28).`,
          }
        : {
            patient: `You have ${words.en} worry about falling.` + (level === 'high' ? ' Because of it you may do less. A physiotherapist can help you move with confidence again.' : ''),
            clinician: `Short FES-I ${score} (7–28): ${words.cEn} concern about falling (low 7–8, moderate 9–13, high 14–28).`,
          },
    }];
  },
};

export const fallRules: Rule[] = [fallRiskRule, inventoryRule, fearRule];
