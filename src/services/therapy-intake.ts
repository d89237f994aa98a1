// The physiotherapist's intake and education session with a referred patient. Written by the
// practice's physiotherapists once the referral is accepted (`therapy.write`, decided by the core),
// read by whoever reads the record (`record.read`: the practice, the hospital's nurses and
// physicians); a practice sees its own intakes and sessions, the hospital all of them. Both go
// through access.ts, so every read and write is authorised and audited in its own transaction. An
// intake is never changed: a new version is a new row (see docs/therapy-intake.md).
import type { Actor } from '../core/access/index.js';
import type { Case } from '../core/case.schema.js';
import type { Conclusion, Lang } from '../core/rule.js';
import { EDUCATION_TOPICS, intakeFallConclusions, type IntakeFalls } from '../core/therapy-intake/index.js';
import { todayNl } from '../schema/clock.js';
import { AppError } from '../schema/problem.js';
import type { EducationInput, EducationView, IntakeInput, IntakeView } from '../schema/therapy-intake.schema.js';
import * as repo from '../store/therapy-intake.repo.js';
import { readWithPatient, withPatient, type AccessDeps, type PatientRow } from './access.js';
import { patientOf, type DiaryPatient } from './diary.js';
import { caseOn, type Ask } from './record.js';

/** The parts of an intake kept in its `data` column. */
interface IntakeData {
  history: string;
  pain: IntakeInput['pain'];
  falls: IntakeFalls;
  fesI: number[] | null;
  posture: IntakeInput['posture'];
}

/** A falls conclusion's level; null when the rule could not decide (what is missing is in the conclusion). */
const levelOf = <T extends string>(c: Conclusion | undefined): T | null => (c?.value as { level?: T } | null)?.level ?? null;

/** The core's falls conclusions of one intake, on the intake's day, in `lang`. */
export function intakeConclusions(row: PatientRow, i: repo.IntakeRow, lang: Lang): Conclusion[] {
  const d = i.data as unknown as IntakeData;
  return intakeFallConclusions({ birthDate: row.birth_date, sex: row.sex }, d.falls, d.fesI, i.intake_date, lang);
}

function intakeView(i: repo.IntakeRow, conclusions: readonly Conclusion[]): IntakeView {
  const d = i.data as unknown as IntakeData;
  const risk = conclusions.find((c) => c.code === 'fall-risk.level');
  const fear = conclusions.find((c) => c.code === 'fear-of-falling.level');
  return {
    id: i.id, version: i.version, date: i.intake_date, practice: { id: i.organisation_id, name: i.organisation_name },
    history: d.history, pain: d.pain, falls: d.falls, fesI: d.fesI, posture: d.posture,
    goals: i.goals as IntakeView['goals'], psk: i.psk as IntakeView['psk'],
    fallRisk: { level: levelOf<'low' | 'intermediate' | 'high'>(risk), missing: risk?.missing ?? [] },
    fallRiskInventory: conclusions.some((c) => c.code === 'fall-risk.inventory-needed'),
    fearOfFalling: fear ? { level: levelOf<'low' | 'moderate' | 'high'>(fear), score: (fear.value as { score?: number } | null)?.score ?? null } : null,
    recordedBy: i.recorded_by_name, recordedAt: i.recorded_at,
  };
}

function educationView(e: repo.EducationRow): EducationView {
  const ticked = e.topics as EducationView['topics'];
  // Shown in the order of the session, whatever order they were sent in.
  const order = (t: EducationView['topics'][number]) => EDUCATION_TOPICS.indexOf(t.topic);
  return {
    id: e.id, date: e.session_date, practice: { id: e.organisation_id, name: e.organisation_name },
    topics: [...ticked].sort((a, b) => order(a) - order(b)), note: e.note, recordedBy: e.recorded_by_name, recordedAt: e.recorded_at,
  };
}

/** The practice the physiotherapist records for. */
function practiceOf(actor: Actor): string {
  if (!actor.organisationId) throw new AppError('forbidden', 'Only a physiotherapist of a practice records this.');
  return actor.organisationId;
}

/** A physiotherapist sees the practice's own; the hospital sees every practice's. */
const onlyOwn = (actor: Actor): string | undefined => (actor.role === 'physiotherapist' ? (actor.organisationId ?? '') : undefined);

function refuseMerged(row: PatientRow): void {
  if (row.merged_into) throw new AppError('conflict', 'This record was merged into another one; record the therapy there.', [{ pointer: '/params/id', detail: 'is a merged record' }]);
}

/** A new intake version of the reader's practice; the ones before stay as they were. */
export async function recordIntake(deps: AccessDeps, ask: Ask, input: IntakeInput, lang: Lang = 'nl'): Promise<IntakeView> {
  return withPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'therapy.write', resource: 'patient/therapy-intake', patientId: ask.patientId }, async ({ db, row }) => {
    refuseMerged(row);
    const organisationId = practiceOf(ask.actor);
    const data: IntakeData = { history: input.history, pain: input.pain, falls: input.falls, fesI: input.fesI ?? null, posture: input.posture };
    const id = await repo.insertIntake(db, {
      patientId: row.id, organisationId, date: input.date, data: data as unknown as Record<string, unknown>, goals: input.goals, psk: input.psk, by: ask.actor.userId,
    });
    const saved = (await repo.intakesOf(db, row.id, organisationId)).find((i) => i.id === id);
    if (!saved) throw new Error('the intake just stored was not found');
    return intakeView(saved, intakeConclusions(row, saved, lang));
  });
}

export interface IntakesView {
  patient: DiaryPatient;
  /** The latest VFA in the record now, or null. */
  vfa: NonNullable<Case['vfa']> | null;
  items: IntakeView[];
  /** Each intake's falls conclusions with their why, by intake id, in the asked language. */
  conclusions: Record<string, Conclusion[]>;
}

/** The intakes of the record the reader may see, the newest first, with the record's VFA. */
export async function intakesOfPatient(deps: AccessDeps, ask: Ask, lang: Lang = 'nl'): Promise<IntakesView> {
  return readWithPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'record.read', resource: 'patient/therapy-intake', patientId: ask.patientId }, async ({ db, row, records }) => {
    const [c, rows] = await Promise.all([caseOn(db, records, row, todayNl()), repo.intakesOf(db, row.id, onlyOwn(ask.actor))]);
    const conclusions: Record<string, Conclusion[]> = {};
    const items = rows.map((i) => {
      const found = intakeConclusions(row, i, lang);
      conclusions[i.id] = found;
      return intakeView(i, found);
    });
    const vfa = c.vfa && c.vfa.vertebrae.length > 0 ? { date: c.vfa.date, vertebrae: c.vfa.vertebrae.map((v) => ({ ...v })) } : null;
    return { patient: patientOf(row), vfa, items, conclusions };
  });
}

/** One education session of the reader's practice. */
export async function recordEducation(deps: AccessDeps, ask: Ask, input: EducationInput): Promise<EducationView> {
  return withPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'therapy.write', resource: 'patient/education', patientId: ask.patientId }, async ({ db, row }) => {
    refuseMerged(row);
    const organisationId = practiceOf(ask.actor);
    const id = await repo.insertEducation(db, {
      patientId: row.id, organisationId, date: input.date, topics: input.topics.map((t) => ({ topic: t.topic, discussed: t.discussed, moreWanted: t.moreWanted })),
      note: input.note ?? null, by: ask.actor.userId,
    });
    const saved = (await repo.educationOf(db, row.id, organisationId)).find((e) => e.id === id);
    if (!saved) throw new Error('the session just stored was not found');
    return educationView(saved);
  });
}

export interface EducationSessionsView {
  patient: DiaryPatient;
  items: EducationView[];
}

/** The education sessions the reader may see, the latest first. */
export async function educationSessionsOf(deps: AccessDeps, ask: Ask): Promise<EducationSessionsView> {
  return readWithPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'record.read', resource: 'patient/education', patientId: ask.patientId }, async ({ db, row }) => {
    const rows = await repo.educationOf(db, row.id, onlyOwn(ask.actor));
    return { patient: patientOf(row), items: rows.map(educationView) };
  });
}
