// A child's daily loading plan and loading log (clinical-rules.md §12, docs/child-loading.md). The
// day centre's physiotherapist and physician keep the plan (`child.care`); parents and the centre's
// staff note down each session (`child.log`), every line naming the signed-in person who noted it;
// whoever may read the record reads both (`record.read`). All of it goes through access.ts, so every
// read and write is authorised and audited. The log's last 7 days give the Case its minutes a day
// (core/record/projection.ts), so the worklist derived in the same transaction sees them at once.
import { addDays, ageOn, compareDates } from '../core/time/date.js';
import { LOADING_FROM_AGE, loadingMeans, loadingWeeks, planVerdict, type LoadingMeans, type LoadingWeek } from '../core/children/loading-log.js';
import { mondayOf } from '../core/diary/diary.js';
import { todayNl } from '../schema/clock.js';
import type { LoadingLogEntryView, LoadingLogInput, LoadingPlanInput, LoadingPlanView } from '../schema/loading.schema.js';
import { AppError } from '../schema/problem.js';
import * as repo from '../store/loading.repo.js';
import { readWithPatient, withPatient, type AccessDeps } from './access.js';
import { patientOf, type DiaryPatient } from './diary.js';
import type { Ask } from './record.js';

function planView(r: repo.LoadingPlanRow): LoadingPlanView {
  const minutes = { standingFrame: r.standing_frame, walkingAid: r.walking_aid, otherMovement: r.other_movement };
  return { ...minutes, ...planVerdict(minutes), note: r.note, setBy: r.set_by_name, setAt: r.set_at };
}

function logView(r: repo.LoadingLogRow): LoadingLogEntryView {
  return { id: r.id, date: r.log_date, activity: r.activity, minutes: r.minutes, loggedBy: r.logged_by_name, loggedAt: r.logged_at };
}

export interface LoadingPlanOf {
  patient: DiaryPatient;
  plan: LoadingPlanView | null;
  /** Whether the child is old enough for a loading plan (from age 2). */
  fromAge: boolean;
}

/** The plan that counts now, with whose record it is. */
export async function loadingPlanOf(deps: AccessDeps, ask: Ask): Promise<LoadingPlanOf> {
  return readWithPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'record.read', resource: 'patient/loading-plan', patientId: ask.patientId }, async ({ db, row }) => {
    const plan = await repo.currentPlan(db, row.id);
    return { patient: patientOf(row), plan: plan ? planView(plan) : null, fromAge: ageOn(row.birth_date, todayNl()) >= LOADING_FROM_AGE };
  });
}

/** Sets the daily plan (a new row; the one before stays readable in the store). From age 2 only. */
export async function setLoadingPlan(deps: AccessDeps, ask: Ask, p: LoadingPlanInput): Promise<LoadingPlanView> {
  return withPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'child.care', resource: 'patient/loading-plan', patientId: ask.patientId }, async ({ db, row }) => {
    if (row.merged_into) throw new AppError('conflict', 'This record was merged into another one; set the plan there.', [{ pointer: '/params/id', detail: 'is a merged record' }]);
    if (ageOn(row.birth_date, todayNl()) < LOADING_FROM_AGE) {
      throw new AppError('conflict', `A loading plan starts at age ${String(LOADING_FROM_AGE)}.`, [{ pointer: '/params/id', detail: `is younger than ${String(LOADING_FROM_AGE)}` }]);
    }
    const made = await repo.insertPlan(db, {
      patientId: row.id, standingFrame: p.standingFrame, walkingAid: p.walkingAid, otherMovement: p.otherMovement, note: p.note ?? null, by: ask.actor.userId,
    });
    return planView(made);
  });
}

/** One session in the log, noted by the signed-in person. A merged record takes nothing new. */
export async function addLoadingLog(deps: AccessDeps, ask: Ask, e: LoadingLogInput): Promise<LoadingLogEntryView> {
  return withPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'child.log', resource: 'patient/loading-log', patientId: ask.patientId }, async ({ db, row }) => {
    if (row.merged_into) throw new AppError('conflict', 'This record was merged into another one; note it down there.', [{ pointer: '/params/id', detail: 'is a merged record' }]);
    return logView(await repo.insertLog(db, { patientId: row.id, date: e.date, activity: e.activity, minutes: e.minutes, by: ask.actor.userId }));
  });
}

/**
 * Takes back a line noted by mistake: only the person who noted it, on the day it was noted (a tap
 * on the wrong button is found out at once; an earlier day's line is a record others have read). The
 * line is kept, marked as taken back, and counts nowhere after (the week, the chart, the Case's
 * means). Anything else answers 409 at the line, saying why.
 */
export async function takeBackLoadingLog(deps: AccessDeps, ask: Ask & { lineId: string }): Promise<LoadingLogEntryView> {
  return withPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'child.log', resource: 'patient/loading-log', patientId: ask.patientId }, async ({ db, row }) => {
    const line = await repo.withdrawLog(db, { patientId: row.id, lineId: ask.lineId, by: ask.actor.userId, today: todayNl() });
    if (!line) {
      throw new AppError('conflict', 'Only a line you noted today, and have not taken back yet, can be taken back.', [
        { pointer: '/params/lineId', detail: 'is not a line you noted today', code: 'not-yours-today' },
      ]);
    }
    return logView(line);
  });
}

export interface LoadingLogWeek {
  patient: DiaryPatient;
  from: string;
  to: string;
  /** The lines of the week asked for, oldest first. */
  items: LoadingLogEntryView[];
  /** The chart's 8 weeks up to the week asked for, oldest first. */
  weeks: LoadingWeek[];
  /** Minutes a day over the last 7 days, as the Case reads them; null before the first line. */
  means: LoadingMeans | null;
  plan: LoadingPlanView | null;
  /** Whether the child is old enough for a loading plan (from age 2). */
  fromAge: boolean;
  today: string;
}

/** A week of the log (this week unless asked), with the chart's weeks, the 7-day means and the plan. */
export async function loadingLogOf(deps: AccessDeps, ask: Ask & { week?: string | undefined }): Promise<LoadingLogWeek> {
  return readWithPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'record.read', resource: 'patient/loading-log', patientId: ask.patientId }, async ({ db, row }) => {
    const today = todayNl();
    const asked = ask.week === undefined || compareDates(ask.week, today) > 0 ? today : ask.week;
    const from = mondayOf(asked);
    const to = addDays(from, 6);
    // The chart ends at the week asked for; its last day is today when that is this week.
    const end = compareDates(to, today) > 0 ? today : to;
    const chartFrom = addDays(from, -7 * 7);
    const [lines, forCase, plan] = await Promise.all([
      repo.logBetween(db, row.id, chartFrom, end),
      // The means are always today's, as the Case reads them, whichever week is shown.
      repo.logForCase(db, [row.id], today),
      repo.currentPlan(db, row.id),
    ]);
    const points = lines.map((l) => ({ date: l.log_date, activity: l.activity, minutes: l.minutes }));
    return {
      patient: patientOf(row), from, to,
      items: lines.filter((l) => compareDates(l.log_date, from) >= 0).map(logView),
      weeks: loadingWeeks(points, end),
      means: loadingMeans(forCase.get(row.id) ?? [], today) ?? null,
      plan: plan ? planView(plan) : null,
      fromAge: ageOn(row.birth_date, today) >= LOADING_FROM_AGE,
      today,
    };
  });
}
