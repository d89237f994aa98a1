// The exercise plan's form: where (a box per place), and for each exercise of the catalogue a box to
// choose it with its sets, repetitions, intensity, days a week and build-up; a note; the box to go
// ahead despite the core's warnings. Fields are named by the exercise's code (`sets-chair-rise`),
// so the error summary links to the very input. Checked by the same bounds as the API
// (schema/exercise-plan.schema.ts); only a chosen exercise's inputs are read.
import { z } from 'zod';
import { EXERCISE_INTENSITIES, EXERCISE_PLACES, EXERCISES, type ExercisePlace } from '../../core/exercise/index.js';
import { EXERCISE_LIMITS, type ExercisePlanInput, type PlannedExercise } from '../../schema/exercise-plan.schema.js';
import { text } from '../../schema/text.js';
import { input, pageForm, type ProblemKind } from '../forms.js';
import type { Lang } from '../i18n/index.js';

const PER_EXERCISE = ['use', 'sets', 'reps', 'intensity', 'days', 'progression'] as const;
export const fieldName = (f: (typeof PER_EXERCISE)[number], code: string) => `${f}-${code}`;
export const placeField = (p: ExercisePlace) => `place-${p}`;
export const exerciseName = (lang: Lang, code: string) => {
  const e = EXERCISES.find((x) => x.code === code);
  return e ? (lang === 'nl' ? e.nameNl : e.nameEn) : code;
};

const box = input(z.literal('yes').optional());
const free = input(z.string().optional());
const whole = (max: number) => z.coerce.number().int().min(1).max(max);

const shape: Record<string, z.ZodType> = {
  ...Object.fromEntries(EXERCISE_PLACES.map((p) => [placeField(p), box])),
  ...Object.fromEntries(EXERCISES.flatMap((e) => PER_EXERCISE.map((f) => [fieldName(f, e.code), f === 'use' ? box : free]))),
  note: input(text().trim().max(EXERCISE_LIMITS.note).optional(), { trim: true }),
  acknowledge: box,
};

/** What a chosen exercise's inputs must hold; each problem is filed at its own input. */
const chosen = z.object({
  sets: whole(EXERCISE_LIMITS.sets),
  reps: whole(EXERCISE_LIMITS.repetitions),
  intensity: z.enum(EXERCISE_INTENSITIES),
  days: whole(EXERCISE_LIMITS.daysPerWeek),
  progression: text().trim().min(1).max(EXERCISE_LIMITS.progression),
});

export const planForm = pageForm({
  schema: z.looseObject(shape).superRefine((v, ctx) => {
    const r = v as Record<string, string | undefined>;
    if (!EXERCISE_PLACES.some((p) => r[placeField(p)] === 'yes')) {
      ctx.addIssue({ code: 'custom', path: [placeField(EXERCISE_PLACES[0])], message: 'choose a place', params: { code: 'places-needed' } });
    }
    const picked = EXERCISES.filter((e) => r[fieldName('use', e.code)] === 'yes');
    if (picked.length === 0) ctx.addIssue({ code: 'custom', path: [fieldName('use', EXERCISES[0]?.code ?? '')], message: 'choose an exercise', params: { code: 'exercises-needed' } });
    for (const e of picked) {
      const got = chosen.safeParse({ sets: r[fieldName('sets', e.code)], reps: r[fieldName('reps', e.code)], intensity: r[fieldName('intensity', e.code)], days: r[fieldName('days', e.code)], progression: r[fieldName('progression', e.code)] });
      if (got.success) continue;
      for (const i of got.error.issues) ctx.addIssue({ ...(i as z.core.$ZodIssue), path: [fieldName(String(i.path[0]) as (typeof PER_EXERCISE)[number], e.code)] } as never);
    }
  }, { when: (payload) => typeof payload.value === 'object' && payload.value !== null }),
  labels: (t) => {
    const p = t.exercisePlan;
    const lang = t.lang as Lang;
    const out: Record<string, string> = {};
    for (const place of EXERCISE_PLACES) out[placeField(place)] = p.placeWords[place];
    for (const e of EXERCISES) {
      const name = exerciseName(lang, e.code);
      out[fieldName('use', e.code)] = p.chooseLabel(name);
      out[fieldName('sets', e.code)] = p.fieldOf(p.sets, name);
      out[fieldName('reps', e.code)] = p.fieldOf(p.repetitions, name);
      out[fieldName('intensity', e.code)] = p.fieldOf(p.intensity, name);
      out[fieldName('days', e.code)] = p.fieldOf(p.days, name);
      out[fieldName('progression', e.code)] = p.fieldOf(p.progression, name);
    }
    out.note = p.note;
    out.acknowledge = p.acknowledge;
    return out;
  },
  messages: (t) => {
    const p = t.exercisePlan;
    const out: Record<string, Partial<Record<ProblemKind | '*', string>>> = { [placeField(EXERCISE_PLACES[0])]: { custom: p.placesNeeded, required: p.placesNeeded }, acknowledge: { '*': p.acknowledgeNeeded, refused: p.acknowledgeNeeded } };
    for (const e of EXERCISES) {
      out[fieldName('use', e.code)] = { custom: p.exercisesNeeded, required: p.exercisesNeeded };
      out[fieldName('sets', e.code)] = { '*': p.setsRange, too_big: p.setsRange };
      out[fieldName('reps', e.code)] = { '*': p.repetitionsRange, too_big: p.repetitionsRange };
      out[fieldName('days', e.code)] = { '*': p.daysRange, too_big: p.daysRange };
    }
    return out;
  },
});

/** The form's data as the use case takes it (the form was read and found whole). */
export function planInput(data: Record<string, unknown>): ExercisePlanInput {
  const r = data as Record<string, string | undefined>;
  const exercises: PlannedExercise[] = EXERCISES.filter((e) => r[fieldName('use', e.code)] === 'yes').map((e) => ({
    code: e.code,
    sets: Number(r[fieldName('sets', e.code)]),
    repetitions: Number(r[fieldName('reps', e.code)]),
    intensity: r[fieldName('intensity', e.code)] as PlannedExercise['intensity'],
    daysPerWeek: Number(r[fieldName('days', e.code)]),
    progression: (r[fieldName('progression', e.code)] ?? '').trim(),
  }));
  const note = r.note?.trim();
  return {
    places: EXERCISE_PLACES.filter((p) => r[placeField(p)] === 'yes'),
    exercises,
    ...(note ? { note } : {}),
    ...(r.acknowledge === 'yes' ? { acknowledgeWarnings: true } : {}),
  };
}
