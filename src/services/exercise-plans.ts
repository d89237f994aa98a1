// Use cases of the exercise plan. A physiotherapist of a practice with an accepted referral writes a
// new version (`therapy.write`); whoever may read the record reads the versions and the home
// programme (`record.read`: the patient, a caregiver, the hospital, the practice). Both go through
// services/access.ts, so every read and write is authorised by the core and audited. The core's
// safety rule (core/exercise) is asked on the record as it stands today: an unsafe choice is
// refused (422 exercise-unsafe, nothing stored) until the therapist acknowledges the warnings,
// which are then kept with the plan. See docs/exercise-plan.md.
import { authorize } from '../core/access/index.js';
import { conditionsOf, EXERCISE_CODES, exerciseWarnings, safetyFacts, warningsFor, type ExercisePlace, type ExerciseWarning, type SafetyCondition } from '../core/exercise/index.js';
import { fullName } from '../core/names.js';
import { dayInNl, todayNl } from '../schema/clock.js';
import type { ExercisePlanInput, ExercisePlanView, ExerciseWarningView, PlannedExercise } from '../schema/exercise-plan.schema.js';
import { AppError } from '../schema/problem.js';
import * as repo from '../store/exercise-plan.repo.js';
import { organisationContact } from '../store/logistics.repo.js';
import { readWithPatient, withPatient, type AccessDeps } from './access.js';
import { homeProgrammePdf } from './home-programme-letter.js';
import type { LetterLang } from './letters.js';
import { patientOf, type DiaryPatient } from './diary.js';
import { caseOn, type Ask } from './record.js';

export function planView(r: repo.ExercisePlanRow): ExercisePlanView {
  return {
    id: r.id, patientId: r.patient_id, version: r.version, organisation: { id: r.organisation_id, name: r.organisation_name },
    places: r.places as ExercisePlace[], exercises: r.exercises as PlannedExercise[], note: r.note, warnings: r.warnings as ExerciseWarningView[],
    writtenBy: r.written_by_name, writtenAt: r.written_at,
  };
}

/** The warnings as the API shows them (plain data, as kept). */
const warningViews = (ws: readonly ExerciseWarning[]): ExerciseWarningView[] =>
  ws.map((w) => ({ code: w.code, reasons: w.reasons.map((r) => ({ condition: r.condition, tag: r.tag, why: { ...r.why }, source: [...r.source] })) }));

export interface ExercisePlanScreen {
  patient: DiaryPatient;
  /** Every version, the newest first. */
  plans: ExercisePlanView[];
  /** What in the record makes exercises unsafe today. */
  conditions: SafetyCondition[];
  /** The core's warning for each exercise of the catalogue that would be unsafe (by code). */
  warnings: Record<string, ExerciseWarningView>;
  /** Whether the reader may write a new version (`therapy.write`). */
  mayWrite: boolean;
}

/** The plan page: the versions, and the warnings each exercise of the catalogue would get today. */
export async function exercisePlanScreen(deps: AccessDeps, ask: Ask): Promise<ExercisePlanScreen> {
  const today = todayNl();
  return readWithPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'record.read', resource: 'patient/exercise-plan', patientId: ask.patientId }, async ({ db, row, records, target }) => {
    const facts = safetyFacts(await caseOn(db, records, row, today));
    return {
      patient: patientOf(row),
      plans: (await repo.plansOf(db, row.id)).map(planView),
      conditions: conditionsOf(facts),
      warnings: Object.fromEntries(warningViews(warningsFor(facts, EXERCISE_CODES)).map((w) => [w.code, w])),
      mayWrite: !row.merged_into && authorize(ask.actor, 'therapy.write', target, today).allowed,
    };
  });
}

/**
 * A new version of the plan. Refused when the record was merged; refused with the core's warnings
 * (422, naming each exercise at its place in the list) when a chosen exercise is unsafe for this
 * patient and the warnings were not acknowledged. Acknowledged warnings are kept with the plan.
 */
export async function writeExercisePlan(deps: AccessDeps, ask: Ask, input: ExercisePlanInput): Promise<ExercisePlanView> {
  return withPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'therapy.write', resource: 'patient/exercise-plan', patientId: ask.patientId }, async ({ db, row, records }) => {
    if (row.merged_into) throw new AppError('conflict', 'This record was merged into another one; write the plan there.', [{ pointer: '/params/id', detail: 'is a merged record' }]);
    const warnings = exerciseWarnings(await caseOn(db, records, row, todayNl()), input.exercises.map((e) => e.code));
    if (warnings.length > 0 && input.acknowledgeWarnings !== true) {
      const at = (code: string) => input.exercises.findIndex((e) => e.code === code);
      throw new AppError(
        'exercise-unsafe',
        `${String(warnings.length)} chosen exercise${warnings.length === 1 ? ' is' : 's are'} not safe for this patient: change the plan, or acknowledge the warnings (acknowledgeWarnings: true) to go ahead.`,
        warnings.map((w) => ({ pointer: `/exercises/${String(at(w.code))}/code`, detail: `${w.code}: ${w.reasons.map((r) => r.why.en).join(' ')}`, code: 'exercise-unsafe' })),
        { extra: { reasons: [...new Set(warnings.flatMap((w) => w.reasons.map((r) => r.condition)))], warnings: warningViews(warnings) } },
      );
    }
    const saved = await repo.insertPlan(db, {
      patientId: row.id, organisationId: ask.actor.organisationId ?? '', places: input.places, exercises: input.exercises,
      warnings: warningViews(warnings), note: input.note ?? null, by: ask.actor.userId,
    });
    return planView(saved);
  });
}

/** Every version of the plan, the newest first. */
export async function exercisePlansOf(deps: AccessDeps, ask: Ask): Promise<ExercisePlanView[]> {
  return readWithPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'record.read', resource: 'patient/exercise-plan', patientId: ask.patientId }, async ({ db, row }) =>
    (await repo.plansOf(db, row.id)).map(planView));
}

export interface HomeProgrammeView {
  patient: { id: string; name: string; birthDate: string };
  /** The latest version; null: no plan yet. */
  plan: ExercisePlanView | null;
}

/** The patient's side: the latest version of the plan, the one to do at home. */
export async function myHomeProgramme(deps: AccessDeps, ask: Ask): Promise<HomeProgrammeView> {
  return readWithPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'record.read', resource: 'patient/exercise-plan', patientId: ask.patientId }, async ({ db, row }) => {
    const [latest] = await repo.plansOf(db, row.id);
    return {
      patient: { id: row.id, name: fullName({ givenName: row.given_name, familyNamePrefix: row.family_name_prefix, familyName: row.family_name }), birthDate: row.birth_date },
      plan: latest ? planView(latest) : null,
    };
  });
}

/** One version of the plan as the home programme, a PDF; `planId` absent: the latest version. */
export async function homeProgrammeOf(deps: AccessDeps, ask: Ask & { planId?: string | undefined; lang: LetterLang; helpPhone: string }): Promise<{ pdf: Buffer; version: number }> {
  return readWithPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'record.read', resource: 'patient/exercise-plan/home-programme', patientId: ask.patientId }, async ({ db, row }) => {
    const plan = ask.planId === undefined ? (await repo.plansOf(db, row.id))[0] : await repo.planById(db, row.id, ask.planId);
    if (!plan) throw new AppError('not-found', 'There is no such exercise plan for this patient.', [{ pointer: '/params/planId', detail: 'no such plan' }]);
    const contact = await organisationContact(db, plan.organisation_id);
    const v = planView(plan);
    const pdf = await homeProgrammePdf({
      lang: ask.lang, organisationName: contact?.name ?? plan.organisation_name, phone: contact?.phone ?? ask.helpPhone,
      patientName: fullName({ givenName: row.given_name, familyNamePrefix: row.family_name_prefix, familyName: row.family_name }), birthDate: row.birth_date,
      printedOn: todayNl(), version: v.version, writtenOn: dayInNl(Date.parse(v.writtenAt)), places: v.places, exercises: v.exercises, note: v.note,
    });
    return { pdf, version: v.version };
  });
}

