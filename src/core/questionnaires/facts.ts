// The answers of a sent questionnaire as record entries: the one mapping from the patient's own
// answers to the fields of the Case (clinical-rules.md §1). "I don't know" states nothing, so the
// Case keeps the field open for the clinician. Pure: the day of sending is passed in.
import { CALCIUM_ITEMS, type CalciumItem } from '../case.schema.js';
import { calciumIntakeMg, calciumTargetMg, type Servings } from '../calcium-vitamin-d/calcium.js';
import { fesILevel, type FearLevel } from '../falls/fall-risk.js';
import type { Settings } from '../settings.js';
import { addMonths, ageOn, type IsoDate } from '../time/date.js';
import type { EntryData } from '../record/entries.js';
import type { EntryKind } from '../record/lists.js';
import { firstOpenStep, type Answers, type QuestionnaireDef } from './questions.js';

export interface QuestionnaireFact {
  kind: EntryKind;
  date: IsoDate;
  data: EntryData[EntryKind];
}

const flag = (v: string | undefined): boolean | undefined => (v === 'yes' ? true : v === 'no' ? false : undefined);
const num = (v: string | undefined): number | undefined => (v === undefined ? undefined : Number(v));

function defined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The risk-factor answers as entries: risk factors, a glucocorticoid course, the falls screening and the last fall. */
export function riskFactorFacts(a: Answers, today: IsoDate): QuestionnaireFact[] {
  const out: QuestionnaireFact[] = [];
  const risk = defined({
    parentHipFracture: flag(a.parentHipFracture),
    parentOrSiblingOsteoporosis: flag(a.parentOrSiblingOsteoporosis),
    rheumatoidArthritis: flag(a.rheumatoidArthritis),
    secondaryOsteoporosisCondition: flag(a.secondaryOsteoporosisCondition),
    sexHormoneLoweringTherapy: flag(a.sexHormoneLoweringTherapy),
    currentSmoker: flag(a.currentSmoker),
    alcoholUnitsPerDay: num(a.alcoholUnitsPerDay),
    antiEpileptics: num(a.antiEpileptics),
  });
  if (Object.keys(risk).length > 0) out.push({ kind: 'risk-factors', date: today, data: risk });
  // A course going on now, started the given number of months ago: the Case counts its months from that start.
  const mg = num(a.glucocorticoidMgPerDay);
  const months = num(a.glucocorticoidMonths);
  if (a.glucocorticoids === 'yes' && mg !== undefined && months !== undefined) {
    out.push({ kind: 'glucocorticoid-course', date: addMonths(today, -months), data: { mgPerDay: mg } });
  }
  const falls = num(a.fallsLast12Months);
  const screen = defined({ fallsLast12Months: falls, worriedAboutFalling: flag(a.worriedAboutFalling), unsteady: flag(a.unsteady) });
  if (Object.keys(screen).length > 0) out.push({ kind: 'falls-screen', date: today, data: screen });
  const ago = num(a.lastFallMonthsAgo);
  const injured = flag(a.injuredByFall);
  if (falls !== undefined && falls >= 1 && ago !== undefined && injured !== undefined) {
    out.push({ kind: 'fall', date: addMonths(today, -ago), data: { injured } });
  }
  return out;
}

/** The servings typed in the calculator (an item left empty is none). */
export function servingsOf(a: Answers): Servings {
  const out: Servings = {};
  for (const item of CALCIUM_ITEMS) {
    const n = num(a[item]);
    if (n !== undefined && n > 0) out[item as CalciumItem] = n;
  }
  return out;
}

export function calciumFacts(a: Answers, today: IsoDate): QuestionnaireFact[] {
  return [{ kind: 'calcium', date: today, data: { servings: servingsOf(a) } }];
}

/** What the calculator shows after each step: the intake, the target for this person, and the gap. */
export function calciumResult(
  a: Answers,
  person: { birthDate: IsoDate; sex: 'female' | 'male' },
  today: IsoDate,
  settings: Pick<Settings, 'calciumOtherFoodMg' | 'calciumPerServingMg'>,
): { mgPerDay: number; target: number | undefined; shortfall: number | undefined } {
  const mgPerDay = calciumIntakeMg(servingsOf(a), settings);
  const target = calciumTargetMg(ageOn(person.birthDate, today), person.sex);
  return { mgPerDay, target, shortfall: target === undefined ? undefined : Math.max(0, target - mgPerDay) };
}

/** Short FES-I answers (7 items, each 1–4) scored as the core's fear-of-falling rule scores them. */
export function shortFesIScore(items: readonly number[]): { score: number; level: FearLevel } {
  if (items.length !== 7 || items.some((x) => !Number.isInteger(x) || x < 1 || x > 4)) throw new RangeError('Short FES-I needs 7 answers, each 1 to 4');
  return fesILevel(items);
}

/** The entries a complete questionnaire becomes; undefined while a step is still open. */
export function factsOf(def: QuestionnaireDef, a: Answers, today: IsoDate): QuestionnaireFact[] | undefined {
  if (firstOpenStep(def, a) !== undefined) return undefined;
  switch (def.id) {
    case 'risk-factors':
      return riskFactorFacts(a, today);
    case 'calcium':
      return calciumFacts(a, today);
    default:
      return undefined;
  }
}

/** The entry kinds a questionnaire writes: once a clinician records one of these after sending, the answers are settled. */
export const KINDS_OF: Record<'risk-factors' | 'calcium', readonly EntryKind[]> = {
  'risk-factors': ['risk-factors', 'glucocorticoid-course', 'falls-screen', 'fall'],
  calcium: ['calcium'],
};
