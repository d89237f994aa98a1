// The intake's form: one flat form of named inputs (dd-mm-jjjj dates, decimal commas), turned into
// the API's IntakeInput. The rows of goals (1–5) and PSK activities (up to 3) count when any of
// their inputs is filled; a half-filled row is named at its empty input. The falls answers are the
// Case's own (yes, no, not asked), so the core reads them as it reads the record.
import { z } from 'zod';
import { GOALS_MAX, goalDateProblem, PAIN_MAX_SCORE, PSK_MAX_ACTIVITIES, PSK_MAX_SCORE } from '../../core/therapy-intake/index.js';
import { isRecordDate } from '../../core/time/date.js';
import { todayNl } from '../../schema/clock.js';
import { text } from '../../schema/text.js';
import type { IntakeInput, IntakeView } from '../../api/facade.js';
import { input, optionalTypedDate, pageForm, typedDate, typedFromIso } from '../forms.js';
import { decimal } from '../facts/facts.forms.js';

export const FALL_FLAGS = ['injuredByFall', 'unableToGetUp', 'lostConsciousness', 'worriedAboutFalling', 'unsteady', 'frail'] as const;
export type FallFlag = (typeof FALL_FLAGS)[number];
const FES_ITEMS = [1, 2, 3, 4, 5, 6, 7] as const;
const GOALS = Array.from({ length: GOALS_MAX }, (_, i) => i + 1);
const PSKS = Array.from({ length: PSK_MAX_ACTIVITIES }, (_, i) => i + 1);

const words = (max: number) => input(text().trim().max(max).optional(), { trim: true });
const whole = (max: number) => input(z.preprocess(decimal, z.number().int().min(0).max(max).optional()));
const above = (max: number) => input(z.preprocess(decimal, z.number().gt(0).lte(max).optional()));
const flag = () => input(z.enum(['yes', 'no']).optional());

/** Named inputs, typed as entries so the spread rows keep their schema type. */
const rows = (list: [string, z.ZodType][]): Record<string, z.ZodType> => Object.fromEntries(list);

const shape: Record<string, z.ZodType> = {
  date: typedDate(),
  history: input(text().trim().min(1).max(4000), { trim: true }),
  painScore: input(z.preprocess(decimal, z.number().int().min(0).max(PAIN_MAX_SCORE))),
  painWhere: words(300),
  painWhen: words(300),
  fallsLast12Months: whole(1000),
  ...rows(FALL_FLAGS.map((f) => [f, flag()])),
  tugSeconds: above(600),
  gaitSpeedMps: above(5),
  ...rows(FES_ITEMS.map((n) => [`fesI${String(n)}`, input(z.enum(['1', '2', '3', '4']).optional())])),
  postureObservations: input(text().trim().min(1).max(2000), { trim: true }),
  postureAdvice: input(text().trim().min(1).max(2000), { trim: true }),
  ...rows(GOALS.flatMap((n): [string, z.ZodType][] => [[`goal${String(n)}What`, words(300)], [`goal${String(n)}HowMuch`, words(200)], [`goal${String(n)}By`, optionalTypedDate()]])),
  ...rows(PSKS.flatMap((n): [string, z.ZodType][] => [[`psk${String(n)}Activity`, words(200)], [`psk${String(n)}Score`, whole(PSK_MAX_SCORE)]])),
};

type Parsed = Record<string, unknown>;
const given = (v: unknown) => v !== undefined;

export const intakeForm = pageForm({
  schema: z.looseObject(shape).superRefine((v: Parsed, ctx) => {
    const date = typeof v.date === 'string' && isRecordDate(v.date) ? v.date : undefined;
    if (date !== undefined && date > todayNl()) ctx.addIssue({ code: 'custom', path: ['date'], message: 'lies in the future', params: { code: 'date-in-future' } });
    for (const n of GOALS) {
      const keys = [`goal${String(n)}What`, `goal${String(n)}HowMuch`, `goal${String(n)}By`];
      // The first goal is always needed; a later one when it is started.
      if (n > 1 && !keys.some((k) => given(v[k]))) continue;
      for (const k of keys) if (!given(v[k])) ctx.addIssue({ code: 'custom', path: [k], message: 'the rest of the goal is given', params: { code: 'row' } });
      const by = v[`goal${String(n)}By`];
      if (date !== undefined && typeof by === 'string' && isRecordDate(by) && goalDateProblem(date, by)) {
        ctx.addIssue({ code: 'custom', path: [`goal${String(n)}By`], message: 'not after the intake', params: { code: 'goal-not-after-intake' } });
      }
    }
    for (const n of PSKS) {
      const keys = [`psk${String(n)}Activity`, `psk${String(n)}Score`];
      if (keys.some((k) => given(v[k]))) for (const k of keys) if (!given(v[k])) ctx.addIssue({ code: 'custom', path: [k], message: 'the rest of the row is given', params: { code: 'row' } });
    }
  }, { when: (payload) => typeof payload.value === 'object' && payload.value !== null }),
  labels: (t) => {
    const f = t.therapyIntake.fields;
    return {
      date: f.date, history: f.history, painScore: f.painScore, painWhere: f.painWhere, painWhen: f.painWhen,
      fallsLast12Months: f.fallsLast12Months, ...Object.fromEntries(FALL_FLAGS.map((k) => [k, f[k]])), tugSeconds: f.tugSeconds, gaitSpeedMps: f.gaitSpeedMps,
      ...Object.fromEntries(FES_ITEMS.map((n) => [`fesI${String(n)}`, f.fesI(n)])),
      postureObservations: f.postureObservations, postureAdvice: f.postureAdvice,
      ...Object.fromEntries(GOALS.flatMap((n) => [[`goal${String(n)}What`, f.goalWhat(n)], [`goal${String(n)}HowMuch`, f.goalHowMuch(n)], [`goal${String(n)}By`, f.goalBy(n)]])),
      ...Object.fromEntries(PSKS.flatMap((n) => [[`psk${String(n)}Activity`, f.pskActivity(n)], [`psk${String(n)}Score`, f.pskScore(n)]])),
    };
  },
  messages: (t) => {
    const m = t.therapyIntake.messages;
    // A number out of its bounds says the bounds, not "too long".
    const bounds = (msg: string) => ({ too_big: msg, too_small: msg, '*': msg });
    return {
      date: { 'date-in-future': m.dateFuture },
      painScore: bounds(m.painScore),
      fallsLast12Months: bounds(m.fallsLast12Months),
      tugSeconds: bounds(m.tugSeconds),
      gaitSpeedMps: bounds(m.gaitSpeedMps),
      // A goal is what, how much and by when together; the first is needed when no goal is given.
      ...Object.fromEntries(GOALS.flatMap((n) => [
        [`goal${String(n)}What`, { required: m.goalRow }],
        [`goal${String(n)}HowMuch`, { required: m.goalRow }],
        [`goal${String(n)}By`, { required: m.goalRow, custom: m.goalDate }],
      ])),
      ...Object.fromEntries(PSKS.map((n) => [`psk${String(n)}Score`, { ...bounds(m.score), required: m.pskRow }])),
    };
  },
});

/** The form's data as the API takes it. */
export function intakeInput(v: Parsed): IntakeInput {
  const str = (k: string) => v[k] as string | undefined;
  const falls: IntakeInput['falls'] = {};
  if (given(v.fallsLast12Months)) falls.fallsLast12Months = v.fallsLast12Months as number;
  for (const k of FALL_FLAGS) if (given(v[k])) falls[k] = v[k] === 'yes';
  if (given(v.tugSeconds)) falls.tugSeconds = v.tugSeconds as number;
  if (given(v.gaitSpeedMps)) falls.gaitSpeedMps = v.gaitSpeedMps as number;
  const fes = FES_ITEMS.map((n) => v[`fesI${String(n)}`]);
  const goals = GOALS.filter((n) => given(v[`goal${String(n)}What`])).map((n) => ({
    what: str(`goal${String(n)}What`) ?? '', howMuch: str(`goal${String(n)}HowMuch`) ?? '', by: str(`goal${String(n)}By`) ?? '',
  }));
  const psk = PSKS.filter((n) => given(v[`psk${String(n)}Activity`])).map((n) => ({ activity: str(`psk${String(n)}Activity`) ?? '', score: v[`psk${String(n)}Score`] as number }));
  return {
    date: str('date') ?? '', history: str('history') ?? '',
    pain: { score: v.painScore as number, ...(given(v.painWhere) ? { where: str('painWhere') } : {}), ...(given(v.painWhen) ? { when: str('painWhen') } : {}) },
    falls,
    ...(fes.every(given) ? { fesI: fes.map(Number) } : {}),
    posture: { observations: str('postureObservations') ?? '', advice: str('postureAdvice') ?? '' },
    goals, psk,
  };
}

const numText = (n: number | undefined, lang: 'nl' | 'en') => (n === undefined ? '' : lang === 'nl' ? String(n).replace('.', ',') : String(n));

/** The form filled with an intake (the latest), for the next version; today as its date. */
export function valuesOf(i: IntakeView | undefined, lang: 'nl' | 'en'): Record<string, string> {
  const out: Record<string, string> = { date: typedFromIso(todayNl()) };
  if (!i) return out;
  Object.assign(out, {
    history: i.history, painScore: String(i.pain.score), painWhere: i.pain.where ?? '', painWhen: i.pain.when ?? '',
    fallsLast12Months: numText(i.falls.fallsLast12Months, lang), tugSeconds: numText(i.falls.tugSeconds, lang), gaitSpeedMps: numText(i.falls.gaitSpeedMps, lang),
    postureObservations: i.posture.observations, postureAdvice: i.posture.advice,
  });
  for (const k of FALL_FLAGS) out[k] = i.falls[k] === undefined ? '' : i.falls[k] ? 'yes' : 'no';
  (i.fesI ?? []).forEach((x, n) => { out[`fesI${String(n + 1)}`] = String(x); });
  i.goals.forEach((g, n) => Object.assign(out, { [`goal${String(n + 1)}What`]: g.what, [`goal${String(n + 1)}HowMuch`]: g.howMuch, [`goal${String(n + 1)}By`]: typedFromIso(g.by) }));
  i.psk.forEach((p, n) => Object.assign(out, { [`psk${String(n + 1)}Activity`]: p.activity, [`psk${String(n + 1)}Score`]: String(p.score) }));
  return out;
}

export const INTAKE_ROWS = { goals: GOALS, psk: PSKS, fesI: FES_ITEMS } as const;
