// The measurement form: one flat form of named inputs in the order of a session (SPPB, 4-stage
// balance, 30-second chair stand, TUG, gait speed, steps, Short FES-I, PSK, goals), decimal commas
// and dd-mm-jjjj dates, turned into the API's MeasurementInput. An instrument left empty was not
// measured; "could not do it" is its own tick (the core scores it 0). The activity meter's file
// arrives as text beside the fields and is read by the core's parser (core/measures/steps-csv.ts).
import { z } from 'zod';
import { GOAL_STATUSES } from '../../core/record/lists.js';
import { PSK_MAX_ACTIVITIES, PSK_MAX_SCORE } from '../../core/therapy-intake/index.js';
import { isRecordDate } from '../../core/time/date.js';
import { parseStepsCsv, type StepsCsvProblem, type StepsDay } from '../../core/measures/steps-csv.js';
import { todayNl } from '../../schema/clock.js';
import { text } from '../../schema/text.js';
import type { IntakeView, MeasurementInput } from '../../api/facade.js';
import type { MeasurementData } from '../../schema/therapy-measurement.schema.js';
import { input, pageForm, typedDate, typedFromIso } from '../forms.js';
import { decimal } from '../facts/facts.forms.js';
import type { Messages } from '../i18n/index.js';

/** The meter's file: a year of days is a few kilobytes; this leaves room and no more. */
export const STEPS_FILE_LIMIT_BYTES = 1_000_000;
/** What the form says at the file input when the file is over the limit. */
export const fileTooLarge = (t: Messages) => t.measurements.messages.fileTooLarge(STEPS_FILE_LIMIT_BYTES / 1_000_000);
export const FES_ITEMS = [1, 2, 3, 4, 5, 6, 7] as const;
export const STAGES = [1, 2, 3, 4] as const;
export const PSKS = Array.from({ length: PSK_MAX_ACTIVITIES }, (_, i) => i + 1);
/** As many goals as the intake has at most. */
export const GOALS = [1, 2, 3, 4, 5] as const;

const num = (schema: z.ZodType) => input(z.preprocess(decimal, schema));
const hold = () => num(z.number().min(0).max(600).optional());
const seconds = () => num(z.number().gt(0).lte(600).optional());
const whole = (max: number) => num(z.number().int().min(0).max(max).optional());
const tick = () => input(z.literal('yes').optional());
const words = (max: number) => input(text().trim().max(max).optional(), { trim: true });
const rows = (list: [string, z.ZodType][]): Record<string, z.ZodType> => Object.fromEntries(list);

const shape: Record<string, z.ZodType> = {
  date: typedDate(),
  sppbSideBySide: hold(), sppbSemiTandem: hold(), sppbTandem: hold(),
  sppbGait4m: seconds(), sppbGaitUnable: tick(),
  sppbChair5: seconds(), sppbChairUnable: tick(),
  ...rows(STAGES.map((n) => [`fsb${String(n)}`, hold()])),
  chairStand30s: whole(100),
  tugSeconds: seconds(),
  gaitSpeedMps: num(z.number().gt(0).lte(5).optional()),
  stepsPerDay: whole(100000),
  stepsFile: input(z.string().max(STEPS_FILE_LIMIT_BYTES).optional()),
  ...rows(FES_ITEMS.map((n) => [`fesI${String(n)}`, input(z.enum(['1', '2', '3', '4']).optional())])),
  ...rows(PSKS.flatMap((n): [string, z.ZodType][] => [[`psk${String(n)}Activity`, words(200)], [`psk${String(n)}Score`, whole(PSK_MAX_SCORE)]])),
  ...rows(GOALS.flatMap((n): [string, z.ZodType][] => [
    [`goal${String(n)}`, words(500)], [`goal${String(n)}Status`, input(z.enum(GOAL_STATUSES).optional())], [`goal${String(n)}ChangedTo`, words(500)],
  ])),
  note: words(4000),
};

type Parsed = Record<string, unknown>;
const given = (v: unknown) => v !== undefined;
const MEASURED = ['sppbSideBySide', 'sppbGait4m', 'sppbGaitUnable', 'sppbChair5', 'sppbChairUnable', ...STAGES.map((n) => `fsb${String(n)}`), 'chairStand30s', 'tugSeconds', 'gaitSpeedMps', 'stepsPerDay', 'stepsFile', 'stepsKept',
  ...FES_ITEMS.map((n) => `fesI${String(n)}`), ...PSKS.map((n) => `psk${String(n)}Score`), ...GOALS.map((n) => `goal${String(n)}Status`)];

/** The checks across fields, the same for a new measurement and a correction. */
function measurementChecks(v: Parsed, ctx: z.RefinementCtx): void {
  const issue = (path: string, message: string, code: string) => { ctx.addIssue({ code: 'custom', path: [path], message, params: { code } }); };
  const date = typeof v.date === 'string' && isRecordDate(v.date) ? v.date : undefined;
  if (date !== undefined && date > todayNl()) issue('date', 'lies in the future', 'date-in-future');
  // The SPPB is its three parts together: any of it started asks for the rest.
  const sppb = ['sppbSideBySide', 'sppbSemiTandem', 'sppbTandem', 'sppbGait4m', 'sppbGaitUnable', 'sppbChair5', 'sppbChairUnable'].some((k) => given(v[k]));
  if (sppb) {
    if (!given(v.sppbSideBySide)) issue('sppbSideBySide', 'the SPPB needs it', 'sppb');
    if (!given(v.sppbGait4m) && !given(v.sppbGaitUnable)) issue('sppbGait4m', 'the SPPB needs it', 'sppb');
    if (!given(v.sppbChair5) && !given(v.sppbChairUnable)) issue('sppbChair5', 'the SPPB needs it', 'sppb');
  }
  if (given(v.sppbGait4m) && given(v.sppbGaitUnable)) issue('sppbGait4m', 'a time and unable both', 'both');
  if (given(v.sppbChair5) && given(v.sppbChairUnable)) issue('sppbChair5', 'a time and unable both', 'both');
  // The stances in order: a later one given asks for each before it (else it would be dropped).
  const lastStage = Math.max(0, ...STAGES.filter((n) => given(v[`fsb${String(n)}`])));
  for (const n of STAGES) if (n < lastStage && !given(v[`fsb${String(n)}`])) issue(`fsb${String(n)}`, 'a later stance is given', 'order');
  const fes = FES_ITEMS.filter((n) => given(v[`fesI${String(n)}`]));
  if (fes.length > 0 && fes.length < FES_ITEMS.length) {
    for (const n of FES_ITEMS) if (!given(v[`fesI${String(n)}`])) issue(`fesI${String(n)}`, 'all seven or none', 'fes');
  }
  for (const n of PSKS) {
    const a = `psk${String(n)}Activity`;
    const s = `psk${String(n)}Score`;
    if (given(v[s]) && !given(v[a])) issue(a, 'the rest of the row is given', 'row');
  }
  for (const n of GOALS) {
    if (v[`goal${String(n)}Status`] === 'changed' && !given(v[`goal${String(n)}ChangedTo`])) issue(`goal${String(n)}ChangedTo`, 'needed when changed', 'changed');
  }
  if (!MEASURED.some((k) => given(v[k]))) issue('date', 'nothing measured', 'nothing');
}
const whenObject = { when: (payload: { value: unknown }) => typeof payload.value === 'object' && payload.value !== null };

export const measurementForm = pageForm({
  schema: z.looseObject(shape).superRefine(measurementChecks, whenObject),
  labels: (t) => {
    const f = t.measurements.fields;
    return {
      date: f.date,
      sppbSideBySide: f.sppbSideBySide, sppbSemiTandem: f.sppbSemiTandem, sppbTandem: f.sppbTandem, sppbGait4m: f.sppbGait4m, sppbGaitUnable: f.sppbGaitUnable, sppbChair5: f.sppbChair5, sppbChairUnable: f.sppbChairUnable,
      ...Object.fromEntries(STAGES.map((n) => [`fsb${String(n)}`, f.fsb(n)])),
      chairStand30s: f.chairStand30s, tugSeconds: f.tugSeconds, gaitSpeedMps: f.gaitSpeedMps, stepsPerDay: f.stepsPerDay, stepsFile: f.stepsFile,
      ...Object.fromEntries(FES_ITEMS.map((n) => [`fesI${String(n)}`, f.fesI(n)])),
      ...Object.fromEntries(PSKS.flatMap((n) => [[`psk${String(n)}Activity`, f.pskActivity(n)], [`psk${String(n)}Score`, f.pskScore(n)]])),
      ...Object.fromEntries(GOALS.flatMap((n) => [[`goal${String(n)}Status`, f.goalStatus(String(n))], [`goal${String(n)}ChangedTo`, f.goalChangedTo(n)]])),
      note: f.note,
    };
  },
  messages: (t) => {
    const m = t.measurements.messages;
    const bounds = (msg: string) => ({ too_big: msg, too_small: msg, '*': msg });
    type Said = Partial<Record<string, string>>;
    const each = (keys: readonly string[], said: Said): Record<string, Said> => Object.fromEntries(keys.map((k): [string, Said] => [k, said]));
    const sppbTime = { ...bounds(m.seconds), required: m.sppbNeeds };
    return {
      date: { 'date-in-future': m.dateFuture, custom: m.nothing },
      sppbSideBySide: { ...bounds(m.holdSeconds), required: m.sppbNeeds }, sppbSemiTandem: bounds(m.holdSeconds), sppbTandem: bounds(m.holdSeconds),
      sppbGait4m: sppbTime, sppbChair5: sppbTime,
      ...each(STAGES.map((n) => `fsb${String(n)}`), { ...bounds(m.holdSeconds), required: m.stagesInOrder }),
      stepsFile: bounds(fileTooLarge(t)),
      chairStand30s: bounds(m.count), tugSeconds: bounds(m.seconds), gaitSpeedMps: bounds(m.gaitSpeed), stepsPerDay: bounds(m.steps),
      ...each(FES_ITEMS.map((n) => `fesI${String(n)}`), { required: m.fesIAll }),
      ...each(PSKS.map((n) => `psk${String(n)}Activity`), { required: m.pskRow }),
      ...each(PSKS.map((n) => `psk${String(n)}Score`), bounds(m.score)),
      ...each(GOALS.map((n) => `goal${String(n)}ChangedTo`), { required: m.changedTo }),
    };
  },
});

/**
 * The correction: the same form, prefilled with the stored raw items, plus the reason. The meter's
 * days already stored travel in a hidden field (a browser cannot be given a file back); a new file
 * replaces them.
 */
export const correctionForm = pageForm({
  schema: z.looseObject({
    ...shape,
    stepsKept: input(z.string().max(STEPS_FILE_LIMIT_BYTES).optional()),
    reason: input(text().trim().min(1).max(500), { trim: true }),
  }).superRefine(measurementChecks, whenObject),
  labels: (t) => ({ ...measurementForm.labels(t), reason: t.measurements.correct.reason }),
  messages: (t) => ({ ...measurementForm.messages?.(t) }),
});

const dec = (n: number) => String(n).replace('.', ',');

/** The stored raw items as the form shows them (decimal commas, dd-mm-jjjj), for a correction. */
export function valuesOfMeasurement(m: { date: string; data: MeasurementData }): Record<string, string> {
  const d = m.data;
  const out: Record<string, string> = { date: typedFromIso(m.date) };
  const put = (k: string, n: number | undefined) => { if (n !== undefined) out[k] = dec(n); };
  if (d.sppb) {
    put('sppbSideBySide', d.sppb.sideBySideSeconds);
    put('sppbSemiTandem', d.sppb.semiTandemSeconds);
    put('sppbTandem', d.sppb.tandemSeconds);
    if (d.sppb.gait4mSeconds === null) out.sppbGaitUnable = 'yes';
    else put('sppbGait4m', d.sppb.gait4mSeconds);
    if (d.sppb.chairStand5Seconds === null) out.sppbChairUnable = 'yes';
    else put('sppbChair5', d.sppb.chairStand5Seconds);
  }
  d.fourStageBalance?.stageSeconds.forEach((x, i) => { put(`fsb${String(i + 1)}`, x); });
  put('chairStand30s', d.chairStand30s);
  put('tugSeconds', d.tugSeconds);
  put('gaitSpeedMps', d.gaitSpeedMps);
  // A mean the meter's days gave is worked out again from the days; a number typed by hand stays.
  const days = d.steps ?? [];
  const mean = days.length > 0 ? Math.round(days.reduce((a, x) => a + x.steps, 0) / days.length) : undefined;
  if (d.stepsPerDay !== undefined && d.stepsPerDay !== mean) put('stepsPerDay', d.stepsPerDay);
  if (days.length > 0) out.stepsKept = days.map((x) => `${x.date},${String(x.steps)}`).join('\n');
  d.fesI?.forEach((a, i) => { out[`fesI${String(i + 1)}`] = String(a); });
  d.psk?.forEach((p, i) => { out[`psk${String(i + 1)}Activity`] = p.activity; out[`psk${String(i + 1)}Score`] = String(p.score); });
  d.goals?.forEach((g, i) => {
    const n = String(i + 1);
    out[`goal${n}`] = g.goal;
    out[`goal${n}Status`] = g.status;
    if (g.changedTo !== undefined) out[`goal${n}ChangedTo`] = g.changedTo;
  });
  if (d.note !== undefined) out.note = d.note;
  return out;
}

/** The one message for a time given and "could not do it" ticked together, from what was typed. */
export function bothMessages(t: Messages, typed: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  const has = (k: string) => (typed[k] ?? '').trim() !== '';
  if (has('sppbGait4m') && has('sppbGaitUnable')) out.sppbGait4m = t.measurements.messages.bothUnable;
  if (has('sppbChair5') && has('sppbChairUnable')) out.sppbChair5 = t.measurements.messages.bothUnable;
  return out;
}

/** The meter's file read by the core's parser; its problems as one message naming each line. */
export function stepsOfFile(t: Messages, file: string | undefined): { days?: StepsDay[]; error?: string } {
  if (file === undefined || file.trim() === '') return {};
  const r = parseStepsCsv(file);
  if (r.ok) return { days: r.days };
  const m = t.measurements.messages;
  const say = (p: StepsCsvProblem) => (p.code === 'empty' ? m.csvEmpty : m.csvLine(p.line, m.csvWhat[p.code]));
  const shown = r.problems.slice(0, 10).map(say);
  return { error: shown.join(' ') + (r.problems.length > 10 ? ' …' : '') };
}

/** The form's data as the API takes it. */
export function measurementInput(v: Parsed, days: readonly StepsDay[] | undefined): MeasurementInput {
  const n = (k: string) => v[k] as number | undefined;
  const s = (k: string) => v[k] as string | undefined;
  const out: MeasurementInput = { date: s('date') ?? '' };
  if (given(v.sppbSideBySide)) {
    out.sppb = {
      sideBySideSeconds: n('sppbSideBySide') ?? 0,
      ...(given(v.sppbSemiTandem) ? { semiTandemSeconds: n('sppbSemiTandem') } : {}),
      ...(given(v.sppbTandem) ? { tandemSeconds: n('sppbTandem') } : {}),
      gait4mSeconds: n('sppbGait4m') ?? null,
      chairStand5Seconds: n('sppbChair5') ?? null,
    };
  }
  const stages = STAGES.map((k) => n(`fsb${String(k)}`));
  const held: number[] = [];
  for (const x of stages) {
    if (x === undefined) break;
    held.push(x);
  }
  if (held.length > 0) out.fourStageBalance = { stageSeconds: held };
  if (given(v.chairStand30s)) out.chairStand30s = n('chairStand30s');
  if (given(v.tugSeconds)) out.tugSeconds = n('tugSeconds');
  if (given(v.gaitSpeedMps)) out.gaitSpeedMps = n('gaitSpeedMps');
  if (given(v.stepsPerDay)) out.stepsPerDay = n('stepsPerDay');
  if (days && days.length > 0) out.steps = days.map((d) => ({ ...d }));
  const fes = FES_ITEMS.map((k) => v[`fesI${String(k)}`]);
  if (fes.every(given)) out.fesI = fes.map(Number);
  const psk = PSKS.filter((k) => given(v[`psk${String(k)}Score`])).map((k) => ({ activity: s(`psk${String(k)}Activity`) ?? '', score: n(`psk${String(k)}Score`) ?? 0 }));
  if (psk.length > 0) out.psk = psk;
  const goals = GOALS.filter((k) => given(v[`goal${String(k)}`]) && given(v[`goal${String(k)}Status`])).map((k) => {
    const status = v[`goal${String(k)}Status`] as (typeof GOAL_STATUSES)[number];
    return { goal: s(`goal${String(k)}`) ?? '', status, ...(status === 'changed' ? { changedTo: s(`goal${String(k)}ChangedTo`) ?? '' } : {}) };
  });
  if (goals.length > 0) out.goals = goals;
  if (given(v.note)) out.note = s('note');
  return out;
}

/** The new form: today, the intake's PSK activities and goals, and the patient's own Short FES-I when it is recent. */
export function freshValues(intake: IntakeView | undefined, fes: { date: string; answers: readonly number[] } | undefined): Record<string, string> {
  const out: Record<string, string> = { date: typedFromIso(todayNl()) };
  intake?.psk.forEach((p, i) => { out[`psk${String(i + 1)}Activity`] = p.activity; });
  intake?.goals.forEach((g, i) => { out[`goal${String(i + 1)}`] = `${g.what} (${g.howMuch})`; });
  fes?.answers.forEach((a, i) => { out[`fesI${String(i + 1)}`] = String(a); });
  return out;
}
