// The patient's diary of exercise, activity and pain. Written by the patient, or a caregiver acting
// for them (`diary.write`, decided by the core); read by whoever may read the record (`record.read`:
// the patient, a caregiver, the clinicians caring for them). Both go through access.ts, so every
// read and write is authorised and audited. The entries are the patient's own notes and not facts
// the core reads, so they live beside the clinical record (migration 0017), not in it.
import { CHART_WEEKS, diaryWeeks, mondayOf, type DiaryWeek } from '../core/diary/diary.js';
import { fullName } from '../core/names.js';
import { addDays } from '../core/time/date.js';
import { todayNl } from '../schema/clock.js';
import type { DiaryEntryView, DiaryInput } from '../schema/diary.schema.js';
import { encodeCursor, type Cursor } from '../schema/paging.js';
import { AppError } from '../schema/problem.js';
import * as repo from '../store/diary.repo.js';
import { latestPlanId } from '../store/exercise-plan.repo.js';
import { readWithPatient, withPatient, type PatientRow } from './access.js';
import type { AccessDeps } from './access.js';
import type { Ask } from './record.js';

export interface DiaryPatient {
  id: string;
  name: string;
  givenName: string;
  familyNamePrefix: string | null;
  familyName: string;
  birthDate: string;
  sex: PatientRow['sex'];
  pathwayStage: PatientRow['pathway_stage'];
}

/** Whose record it is, as the patient side names it and the clinic's banner shows it. */
export const patientOf = (row: PatientRow): DiaryPatient => ({
  id: row.id,
  name: fullName({ givenName: row.given_name, familyName: row.family_name, familyNamePrefix: row.family_name_prefix }),
  givenName: row.given_name, familyNamePrefix: row.family_name_prefix, familyName: row.family_name,
  birthDate: row.birth_date, sex: row.sex, pathwayStage: row.pathway_stage,
});

function diaryView(r: repo.DiaryRow): DiaryEntryView {
  return {
    id: r.id, date: r.entry_date, activity: r.activity, minutes: r.minutes, feeling: r.feeling, pain: r.pain, note: r.note, homeExerciseId: r.home_exercise_id,
    writtenBy: r.written_by_name, writtenAt: r.written_at,
  };
}

/** One line in the diary, for the day it happened. A merged record takes nothing new. */
export async function addDiaryEntry(deps: AccessDeps, ask: Ask, e: DiaryInput): Promise<DiaryEntryView> {
  return withPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'diary.write', resource: 'patient/diary', patientId: ask.patientId }, async ({ db, row }) => {
    if (row.merged_into) throw new AppError('conflict', 'This record was merged into another one; write in the diary there.', [{ pointer: '/params/id', detail: 'is a merged record' }]);
    const made = await repo.insertDiaryEntry(db, {
      patientId: row.id, date: e.date, activity: e.activity, minutes: e.minutes, feeling: e.feeling, pain: e.pain, note: e.note ?? null, by: ask.actor.userId,
    });
    return diaryView(made);
  });
}

export interface DiaryView {
  patient: DiaryPatient;
  items: DiaryEntryView[];
  nextCursor: string | null;
  /** The chart's weeks, oldest first, up to this week. */
  weeks: DiaryWeek[];
  /** The latest exercise plan's id when there is one: the diary links to the home programme. */
  exercisePlanId: string | null;
}

/** A page of the diary, newest first, with the last weeks' minutes and pain for the chart. */
export async function diaryOf(deps: AccessDeps, ask: Ask & { limit: number; cursor?: Cursor | undefined }): Promise<DiaryView> {
  return readWithPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'record.read', resource: 'patient/diary', patientId: ask.patientId }, async ({ db, row }) => {
    const today = todayNl();
    const page = await repo.pageDiary(db, row.id, { limit: ask.limit, cursor: ask.cursor });
    const from = addDays(mondayOf(today), -7 * (CHART_WEEKS - 1));
    const recent = await repo.diarySince(db, row.id, from);
    return {
      patient: patientOf(row),
      items: page.rows.map(diaryView),
      nextCursor: page.next ? encodeCursor({ dir: 'after', key: page.next }) : null,
      weeks: diaryWeeks(recent.map((r) => ({ date: r.entry_date, minutes: r.minutes, pain: r.pain })), today),
      exercisePlanId: (await latestPlanId(db, row.id)) ?? null,
    };
  });
}
