// Stage: exercise-therapy measurements (clinical-rules.md §13) — SPPB, the 4-stage balance test,
// the 30-second chair stand against its norm, PSK, and when the next measurement is due. Each
// instrument is scored by its one function in scoring.ts, on the most recent measurement that
// records it; the progress charts use the same functions on every measurement.
// Sources: SPPB (Guralnik 1994), STEADI (CDC 4-Stage Balance Test and 30-Second Chair Stand sheets),
// RIKLI-JONES (the chair-stand norms, 1999), PSK (Beurskens 1996), GUIDE-EXERCISE and LEAFLET-PHYSIO
// (measure at the start and every 3 months, also after the therapy ends), §8 for the due status.
import { explain } from '../explain.js';
import type { Measurement } from '../case.schema.js';
import type { Finding, Lang, LangText, Rule, Severity } from '../rule.js';
import { D, Reader, criteria } from '../reader.js';
import { F } from '../fields.js';
import { undecided } from '../finding.js';
import { day } from '../text.js';
import {
  CHAIR_5_BOUNDS, GAIT_4M_BOUNDS, HOLD_SECONDS, TANDEM_PARTIAL_SECONDS, ageAtMeasurement, dueStatus, latestWith,
  measurementPath, nextMeasurementDue, therapyEnded, scoreChairStand30s, scoreFourStageBalance, scorePsk, scoreSppb, type DueStatus,
  type SppbBand,
} from './scoring.js';

const C = criteria(['sppb-low', 'tandem-not-held', 'below-norm', 'has-norm', 'measured-before', 'past-due', 'past-grace']);

const num = (x: number, lang: Lang) => (lang === 'nl' ? String(x).replace('.', ',') : String(x));

/** The most recent measurement (up to asOf) that records `key`, read into `t` under its path. */
function latest<K extends keyof Measurement>(t: Reader, key: K): { m: Measurement; index: number; value: NonNullable<Measurement[K]> } | undefined {
  const ms = t.case.exercise?.measurements;
  if (ms === undefined) return undefined;
  const hit = latestWith(ms, t.case.asOf, (m) => m[key] !== undefined);
  if (hit === undefined) return undefined;
  t.note(measurementPath(hit.index, 'date'), hit.m.date);
  const value = t.note(measurementPath(hit.index, key), hit.m[key]) as NonNullable<Measurement[K]>;
  return { ...hit, value };
}

const BAND_WORDS: Record<SppbBand, { nl: string; en: string; pNl: string; pEn: string }> = {
  low: { nl: 'laag (0–6)', en: 'low (0–6)', pNl: 'Uw benen en balans hebben nog veel training nodig.', pEn: 'Your legs and balance still need a lot of training.' },
  intermediate: { nl: 'middel (7–9)', en: 'intermediate (7–9)', pNl: 'Uw benen en balans zijn redelijk. Met oefenen kan het beter.', pEn: 'Your legs and balance are fair. Practice can make them better.' },
  high: { nl: 'hoog (10–12)', en: 'high (10–12)', pNl: 'Uw benen en balans zijn goed. Blijf oefenen.', pEn: 'Your legs and balance are good. Keep practising.' },
};

export const sppbRule: Rule = {
  id: 'measure.sppb',
  stage: 'exercise-therapy',
  source: ['SPPB'],
  inputs: ['exercise.measurements'],
  codes: ['measure.sppb'],
  derived: [],
  criteria: ['sppb-low'],
  about: explain({
    patientNl: 'Een korte test van uw balans, uw loopsnelheid en opstaan uit een stoel, samen 0 tot 12 punten.',
    patientEn: 'A short test of your balance, walking speed and rising from a chair, together 0 to 12 points.',
    clinicianNl: 'Short Physical Performance Battery: balans (0–4), 4 m lopen (0–4), 5× opstaan (0–4); laag 0–6, middel 7–9, hoog 10–12.',
    clinicianEn: 'Short Physical Performance Battery: balance (0–4), 4 m gait (0–4), 5 chair stands (0–4); low 0–6, intermediate 7–9, high 10–12.',
  }),
  evaluate(r: Reader) {
    const hit = latest(r, 'sppb');
    if (hit === undefined) return [];
    const v = scoreSppb(hit.value);
    r.check(C['sppb-low'], v.band === 'low');
    const s = hit.value;
    const on = hit.m.date;
    return [{
      code: 'measure.sppb', value: v, severity: v.band === 'low' ? 'attention' : 'info', reads: r,
      explanation: (lang: Lang): LangText => {
        const b = BAND_WORDS[v.band];
        const gait = s.gait4mSeconds === null ? (lang === 'nl' ? 'niet gelukt' : 'not possible') : `${num(s.gait4mSeconds, lang)} s`;
        const chair = s.chairStand5Seconds === null ? (lang === 'nl' ? 'niet gelukt' : 'not possible') : `${num(s.chairStand5Seconds, lang)} s`;
        return lang === 'nl'
          ? {
              patient: `Bij de meting van ${day(on, 'nl')} had u ${v.score} van de 12 punten. ${b.pNl}`,
              clinician: `SPPB ${day(on, 'nl')}: ${v.score}/12, ${b.nl}. Balans ${v.balance}/4 (houden ${HOLD_SECONDS} s; tandem ${TANDEM_PARTIAL_SECONDS}–9,99 s = 1), lopen 4 m ${gait} → ${v.gait}/4 (< ${num(GAIT_4M_BOUNDS.four, 'nl')} s = 4, ≤ ${num(GAIT_4M_BOUNDS.three, 'nl')} = 3, ≤ ${num(GAIT_4M_BOUNDS.two, 'nl')} = 2), 5× opstaan ${chair} → ${v.chairStand}/4 (≤ ${num(CHAIR_5_BOUNDS.four, 'nl')} s = 4, < ${num(CHAIR_5_BOUNDS.three, 'nl')} = 3, < ${num(CHAIR_5_BOUNDS.two, 'nl')} = 2, ≤ ${CHAIR_5_BOUNDS.one} = 1).`,
            }
          : {
              patient: `At the measurement of ${day(on, 'en')} you had ${v.score} of 12 points. ${b.pEn}`,
              clinician: `SPPB ${day(on, 'en')}: ${v.score}/12, ${b.en}. Balance ${v.balance}/4 (hold ${HOLD_SECONDS} s; tandem ${TANDEM_PARTIAL_SECONDS}–9.99 s = 1), 4 m gait ${gait} → ${v.gait}/4 (< ${GAIT_4M_BOUNDS.four} s = 4, ≤ ${GAIT_4M_BOUNDS.three} = 3, ≤ ${GAIT_4M_BOUNDS.two} = 2), 5 chair stands ${chair} → ${v.chairStand}/4 (≤ ${CHAIR_5_BOUNDS.four} s = 4, < ${CHAIR_5_BOUNDS.three} = 3, < ${CHAIR_5_BOUNDS.two} = 2, ≤ ${CHAIR_5_BOUNDS.one} = 1).`,
            };
      },
    }];
  },
};

const STAGE_WORDS = {
  nl: ['voeten naast elkaar', 'semi-tandem', 'tandem (voet voor voet)', 'op één been'],
  en: ['feet together', 'semi-tandem', 'tandem (one foot in front of the other)', 'one leg'],
} as const;

export const fourStageBalanceRule: Rule = {
  id: 'measure.four-stage-balance',
  stage: 'exercise-therapy',
  source: ['STEADI'],
  inputs: ['exercise.measurements'],
  codes: ['measure.four-stage-balance'],
  derived: [],
  criteria: ['tandem-not-held'],
  about: explain({
    patientNl: 'Hoe lang u in vier houdingen kunt blijven staan zonder steun.',
    patientEn: 'How long you can stand in four positions without support.',
    clinicianNl: '4-Stage Balance Test: een stand telt bij 10 s; tandem niet 10 s gehouden = verhoogd valrisico.',
    clinicianEn: '4-Stage Balance Test: a stance counts when held 10 s; tandem not held 10 s = increased fall risk.',
  }),
  evaluate(r: Reader) {
    const hit = latest(r, 'fourStageBalance');
    if (hit === undefined) return [];
    const v = scoreFourStageBalance(hit.value.stageSeconds);
    r.check(C['tandem-not-held'], v.fallRiskIncreased);
    const on = hit.m.date;
    return [{
      code: 'measure.four-stage-balance', value: v, severity: v.fallRiskIncreased ? 'attention' : 'info', reads: r,
      explanation: (lang: Lang): LangText => {
        const w = STAGE_WORDS[lang];
        const held = v.highestStageHeld === 0 ? (lang === 'nl' ? 'geen houding' : 'no stance') : w[v.highestStageHeld - 1];
        return lang === 'nl'
          ? {
              patient: v.fallRiskIncreased
                ? `Op ${day(on, 'nl')} lukte het nog niet om 10 tellen met de voeten achter elkaar te staan. Daardoor is de kans op vallen groter. Oefenen helpt.`
                : `Op ${day(on, 'nl')} kon u 10 tellen met de voeten achter elkaar staan. Dat is goed voor uw balans.`,
              clinician: `4-Stage Balance ${day(on, 'nl')}: hoogste stand 10 s gehouden: ${v.highestStageHeld} (${held}). ${v.fallRiskIncreased ? 'Tandem niet 10 s: verhoogd valrisico.' : 'Tandem 10 s gehouden.'}`,
            }
          : {
              patient: v.fallRiskIncreased
                ? `On ${day(on, 'en')} you could not yet stand for 10 seconds with one foot in front of the other. That makes a fall more likely. Practice helps.`
                : `On ${day(on, 'en')} you could stand for 10 seconds with one foot in front of the other. That is good for your balance.`,
              clinician: `4-Stage Balance ${day(on, 'en')}: highest stance held 10 s: ${v.highestStageHeld} (${held}). ${v.fallRiskIncreased ? 'Tandem not held 10 s: increased fall risk.' : 'Tandem held 10 s.'}`,
            };
      },
    }];
  },
};

export const chairStandRule: Rule = {
  id: 'measure.chair-stand-30s',
  stage: 'exercise-therapy',
  source: ['STEADI', 'RIKLI-JONES'],
  inputs: ['exercise.measurements', 'person.birthDate', 'person.sex'],
  codes: ['measure.chair-stand-30s'],
  derived: ['age-at-measurement'],
  criteria: ['has-norm', 'below-norm'],
  about: explain({
    patientNl: 'Hoe vaak u in 30 seconden uit een stoel opstaat, vergeleken met mensen van uw leeftijd.',
    patientEn: 'How often you rise from a chair in 30 seconds, compared with people of your age.',
    clinicianNl: '30-Second Chair Stand: onder gemiddeld bij minder herhalingen dan de norm voor leeftijd en geslacht (60–94 jaar).',
    clinicianEn: '30-Second Chair Stand: below average with fewer repetitions than the norm for age and sex (60–94 years).',
  }),
  evaluate(r: Reader) {
    const hit = latest(r, 'chairStand30s');
    if (hit === undefined) return [];
    const birth = r.read(F['person.birthDate']) as string;
    const sex = r.read(F['person.sex']) as 'female' | 'male';
    const age = r.derived(D['age-at-measurement'], ageAtMeasurement(birth, hit.m));
    const v = scoreChairStand30s(hit.value, age, sex);
    const on = hit.m.date;
    const severity: Severity = v.belowAverage === false ? 'info' : 'attention';
    if (!r.check(C['has-norm'], v.threshold !== null)) {
      return [{
        code: 'measure.chair-stand-30s', value: v, severity, reads: r,
        explanation: (lang: Lang): LangText => lang === 'nl'
          ? {
              patient: `U stond op ${day(on, 'nl')} ${v.repetitions} keer op in 30 seconden. We volgen hoe dit verandert.`,
              clinician: `30-s Chair Stand ${day(on, 'nl')}: ${v.repetitions} herhalingen. Geen norm voor ${age} jaar (alleen 60–94): vergelijk met eerdere metingen.`,
            }
          : {
              patient: `On ${day(on, 'en')} you stood up ${v.repetitions} times in 30 seconds. We follow how this changes.`,
              clinician: `30-s Chair Stand ${day(on, 'en')}: ${v.repetitions} repetitions. No norm for age ${age} (only 60–94): compare with earlier measurements.`,
            },
      }];
    }
    const below = r.check(C['below-norm'], v.belowAverage === true);
    const sexNl = sex === 'female' ? 'vrouw' : 'man';
    const sexEn = sex === 'female' ? 'woman' : 'man';
    return [{
      code: 'measure.chair-stand-30s', value: v, severity, reads: r,
      explanation: (lang: Lang): LangText => lang === 'nl'
        ? {
            patient: below
              ? `U stond op ${day(on, 'nl')} ${v.repetitions} keer op in 30 seconden. Dat is minder dan gemiddeld voor uw leeftijd. Sterkere benen helpen om niet te vallen.`
              : `U stond op ${day(on, 'nl')} ${v.repetitions} keer op in 30 seconden. Dat is gemiddeld of beter voor uw leeftijd.`,
            clinician: `30-s Chair Stand ${day(on, 'nl')}: ${v.repetitions} herhalingen; norm ${sexNl} ${age} jaar: onder gemiddeld bij < ${v.threshold}. ${below ? 'Onder gemiddeld.' : 'Niet onder gemiddeld.'}`,
          }
        : {
            patient: below
              ? `On ${day(on, 'en')} you stood up ${v.repetitions} times in 30 seconds. That is below average for your age. Stronger legs help to prevent falls.`
              : `On ${day(on, 'en')} you stood up ${v.repetitions} times in 30 seconds. That is average or better for your age.`,
            clinician: `30-s Chair Stand ${day(on, 'en')}: ${v.repetitions} repetitions; norm for a ${sexEn} of ${age}: below average when < ${v.threshold}. ${below ? 'Below average.' : 'Not below average.'}`,
          },
    }];
  },
};

export const pskRule: Rule = {
  id: 'measure.psk',
  stage: 'exercise-therapy',
  source: ['PSK'],
  inputs: ['exercise.measurements'],
  codes: ['measure.psk'],
  derived: [],
  criteria: ['measured-before'],
  about: explain({
    patientNl: 'De activiteiten die u zelf moeilijk vindt, met een cijfer van 0 (geen moeite) tot 10 (lukt niet).',
    patientEn: 'The activities you find hard yourself, scored from 0 (no trouble) to 10 (impossible).',
    clinicianNl: 'Patiënt Specifieke Klachten: tot 3 activiteiten 0–10 (10 = onmogelijk); verandering ten opzichte van de eerste meting van dezelfde activiteit (lager is beter).',
    clinicianEn: 'Patient-Specific Complaints: up to 3 activities 0–10 (10 = impossible); change against the first measurement of the same activity (lower is better).',
  }),
  evaluate(r: Reader) {
    const hit = latest(r, 'psk');
    if (hit === undefined) return [];
    const ms = r.case.exercise?.measurements ?? [];
    const activities = scorePsk(hit.value, ms, hit.m.date);
    const earlier = ms.filter((m) => m.psk !== undefined && m.date < hit.m.date);
    // Every earlier PSK may hold the first score of an activity: each is read.
    ms.forEach((m, i) => {
      if (m.psk !== undefined && m.date < hit.m.date) r.note(measurementPath(i, 'psk'), m.psk);
    });
    r.check(C['measured-before'], earlier.length > 0);
    const on = hit.m.date;
    return [{
      code: 'measure.psk', value: { activities }, severity: 'info', reads: r,
      explanation: (lang: Lang): LangText => {
        const nl = lang === 'nl';
        const parts = activities.map((a) => {
          const change = a.change === undefined ? '' : nl
            ? ` (${a.change < 0 ? `${-a.change} beter` : a.change > 0 ? `${a.change} slechter` : 'gelijk'} dan bij de eerste meting)`
            : ` (${a.change < 0 ? `${-a.change} better` : a.change > 0 ? `${a.change} worse` : 'the same'} than at the first measurement)`;
          return `${a.activity}: ${a.score}${change}`;
        });
        const improved = activities.filter((a) => (a.change ?? 0) < 0).length;
        return nl
          ? {
              patient: `Uw cijfers op ${day(on, 'nl')} (0 is geen moeite, 10 is lukt niet): ${parts.join('; ')}.` + (improved > 0 ? ' Er gaat iets vooruit.' : ''),
              clinician: `PSK ${day(on, 'nl')}: ${parts.join('; ')}. Lager is beter.`,
            }
          : {
              patient: `Your scores on ${day(on, 'en')} (0 is no trouble, 10 is impossible): ${parts.join('; ')}.` + (improved > 0 ? ' Something is getting better.' : ''),
              clinician: `PSK ${day(on, 'en')}: ${parts.join('; ')}. Lower is better.`,
            };
      },
    }];
  },
};

const STATUS_SEVERITY: Record<DueStatus, Severity> = { planned: 'info', due: 'attention', overdue: 'attention' };

export const dueRule: Rule = {
  id: 'measure.due',
  stage: 'exercise-therapy',
  source: ['GUIDE-EXERCISE', 'LEAFLET-PHYSIO'],
  inputs: ['exercise.measurements', 'exercise.therapyStart', 'exercise.therapyEnd', 'asOf', 'settings.overdueGraceDays'],
  codes: ['measure.due'],
  derived: ['last-measurement'],
  criteria: ['past-due', 'past-grace'],
  about: explain({
    patientNl: 'Wanneer uw volgende meting bij de fysiotherapeut is: elke 3 maanden, ook na de oefentherapie.',
    patientEn: 'When your next measurement with the physiotherapist is: every 3 months, also after the exercise therapy.',
    clinicianNl: 'Volgende meting 3 maanden na de laatste (of na de start van de therapie); gepland, nu of te laat (na de marge); loopt door na het einde van de therapie.',
    clinicianEn: 'Next measurement 3 months after the last (or after the start of therapy); planned, due or overdue (after the grace period); continues after the therapy ends.',
  }),
  evaluate(r: Reader) {
    const ex = r.case.exercise;
    if (ex === undefined) return [];
    const last = latestWith(ex.measurements, r.case.asOf, () => true);
    let from: string | undefined;
    if (last !== undefined) {
      from = r.derived(D['last-measurement'], r.note(measurementPath(last.index, 'date'), last.m.date) as string);
    }
    const start = last === undefined ? r.read(F['exercise.therapyStart']) : undefined;
    if (last === undefined && start === undefined) r.miss('exercise.measurements');
    const due = nextMeasurementDue(from, start);
    if (due === undefined) {
      return [undecided(r, 'measure.due', {
        patient: { nl: 'wanneer uw volgende meting is', en: 'when your next measurement is' },
        clinician: { nl: 'Volgende meting', en: 'Next measurement' },
      })];
    }
    const asOf = r.read(F['asOf']) as string;
    const grace = r.setting('overdueGraceDays');
    const status = dueStatus(due, asOf, grace);
    r.check(C['past-due'], status !== 'planned');
    r.check(C['past-grace'], status === 'overdue');
    const ended = therapyEnded(r.case) ? r.note('exercise.therapyEnd', ex.therapyEnd) : undefined;
    const f: Finding = {
      code: 'measure.due', value: { due, status }, severity: STATUS_SEVERITY[status], reads: r,
      explanation: (lang: Lang): LangText => {
        const nl = lang === 'nl';
        const basis = last !== undefined
          ? (nl ? `3 maanden na de laatste meting (${day(from as string, 'nl')})` : `3 months after the last measurement (${day(from as string, 'en')})`)
          : (nl ? `3 maanden na de start van de oefentherapie (${day(start as string, 'nl')})` : `3 months after the start of exercise therapy (${day(start as string, 'en')})`);
        const after = ended === undefined ? '' : nl
          ? ` De oefentherapie stopte op ${day(ended, 'nl')}; meten gaat door.`
          : ` Exercise therapy ended on ${day(ended, 'en')}; measuring goes on.`;
        const statusNl = { planned: 'gepland', due: 'nu aan de beurt', overdue: `te laat (meer dan ${grace} dagen na de datum)` }[status];
        const statusEn = { planned: 'planned', due: 'due now', overdue: `overdue (more than ${grace} days past the date)` }[status];
        return nl
          ? {
              patient: (status === 'planned'
                ? `Uw volgende meting bij de fysiotherapeut is rond ${day(due, 'nl')}.`
                : `Uw meting bij de fysiotherapeut had rond ${day(due, 'nl')} moeten zijn. Maak een afspraak.`) + (ended === undefined ? '' : ' Ook na de oefentherapie meten we elke 3 maanden.'),
              clinician: `Volgende meting ${day(due, 'nl')}: ${basis}; ${statusNl}.${after}`,
            }
          : {
              patient: (status === 'planned'
                ? `Your next measurement with the physiotherapist is around ${day(due, 'en')}.`
                : `Your measurement with the physiotherapist was due around ${day(due, 'en')}. Please make an appointment.`) + (ended === undefined ? '' : ' After the exercise therapy we still measure every 3 months.'),
              clinician: `Next measurement ${day(due, 'en')}: ${basis}; ${statusEn}.${after}`,
            };
      },
    };
    return [f];
  },
};

export const measureRules: Rule[] = [sppbRule, fourStageBalanceRule, chairStandRule, pskRule, dueRule];
