// The physiotherapist's intake, the pure part: its bounds, and the fall-risk and fear-of-falling
// levels of the screen answers recorded at the intake, decided by the core's own falls rules
// (clinical-rules.md §10; sources WFG-2022, NHG-2024, FESI), so the intake and the assessment can
// never disagree on the same answers. The PSK (Patiënt Specifieke Klachten, Beurskens 1996) is
// kept in the shape §13 gives a measurement: `[{ activity, score }]`, up to 3, 10 = impossible.
import type { Case } from '../case.schema.js';
import { evaluate } from '../evaluate.js';
import { rules as fallRules } from '../falls/index.js';
import type { Conclusion, Lang } from '../rule.js';
import { DEFAULT_SETTINGS } from '../settings.js';
import { compareDates } from '../time/date.js';

/** PSK: at most three activities the patient finds hard (Beurskens 1996). */
export const PSK_MAX_ACTIVITIES = 3;
/** A PSK score: 0 (no trouble at all) to 10 (impossible). */
export const PSK_MAX_SCORE = 10;
/** Pain on the numeric rating scale, 0 (none) to 10 (worst imaginable). */
export const PAIN_MAX_SCORE = 10;
/** The patient's own goals: at least one, at most five, each measurable. */
export const GOALS_MIN = 1;
export const GOALS_MAX = 5;

export type IntakeFalls = NonNullable<Case['falls']>;

export interface IntakePerson {
  birthDate: string;
  sex: Case['person']['sex'];
}

/**
 * The falls conclusions of the intake's own answers, on the intake's day: `fall-risk.level` always,
 * `fall-risk.inventory-needed` with ≥ 2 falls, `fear-of-falling.level` when the Short FES-I was
 * scored or worry was said. Each with the criteria met and the values used (its why).
 */
export function intakeFallConclusions(person: IntakePerson, falls: IntakeFalls, fesI: readonly number[] | null, asOf: string, lang: Lang): Conclusion[] {
  const c: Case = { asOf, person: { birthDate: person.birthDate, sex: person.sex }, falls: { ...falls }, ...(fesI ? { fesI: [...fesI] } : {}) };
  return evaluate(c, DEFAULT_SETTINGS, lang, fallRules).conclusions;
}

/** A goal is to be reached after the intake: its date lies after the intake's day. */
export function goalDateProblem(intakeDate: string, by: string): 'not-after-intake' | undefined {
  return compareDates(by, intakeDate) <= 0 ? 'not-after-intake' : undefined;
}
