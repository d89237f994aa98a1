// Use cases of the questionnaires before the diagnostic day: a patient's (or a caregiver's) view of
// each questionnaire, a step kept at once as a draft, and the answers sent into the record with the
// patient as their source, all or nothing. Every one is authorised as `questionnaire.answer` and
// audited by services/access.ts. The answers stay changeable until the clinic has recorded the same
// kinds of fact after they were sent (there are no planned visits to close them on yet).
import { factsOf, KINDS_OF, calciumResult } from '../core/questionnaires/facts.js';
import { checkStep, firstOpenStep, OFFERED, questionnaireDef, type Answers, type AnswerProblem, type QuestionnaireDef } from '../core/questionnaires/questions.js';
import type { Settings } from '../core/settings.js';
import { todayNl } from '../schema/clock.js';
import { AppError } from '../schema/problem.js';
import { readWithPatient, withPatient, type AccessDeps, type PatientRecords, type PatientWork } from './access.js';

type DraftRow = Awaited<ReturnType<PatientRecords['clinical']['draftsOf']>>[number];
import { checkFacts, entryView, refuseClosed, type Ask } from './record.js';
import { settingsForOrganisation } from './settings.js';
import type { EntryView } from '../schema/record.schema.js';

export type QuestionnaireState = 'not-started' | 'half-done' | 'sent';

export interface QuestionnaireView {
  id: QuestionnaireDef['id'];
  state: QuestionnaireState;
  answers: Answers;
  /** The first step without a valid answer; undefined when every step has one. */
  openStep: number | undefined;
  steps: number;
  /** The clinic recorded the same facts after the answers were sent: they are settled. */
  settled: boolean;
  sentAt: string | null;
}

export interface QuestionnairePatient {
  id: string;
  givenName: string;
  familyName: string;
  familyNamePrefix: string | null;
  birthDate: string;
  sex: 'female' | 'male';
}

function stateOf(def: QuestionnaireDef, draft: DraftRow | undefined): QuestionnaireState {
  if (!draft) return 'not-started';
  return draft.sent_at !== null ? 'sent' : 'half-done';
}

async function viewOf(w: PatientWork, def: QuestionnaireDef, draft: DraftRow | undefined): Promise<QuestionnaireView> {
  const answers = draft?.answers ?? {};
  const settled = draft?.sent_at ? await w.records.clinical.clinicRecordedSince(w.db, w.row.id, KINDS_OF[def.id as keyof typeof KINDS_OF], draft.sent_at) : false;
  return { id: def.id, state: stateOf(def, draft), answers, openStep: firstOpenStep(def, answers), steps: def.steps.length, settled, sentAt: draft?.sent_at ?? null };
}

const patientOf = (w: PatientWork): QuestionnairePatient => ({
  id: w.row.id, givenName: w.row.given_name, familyName: w.row.family_name, familyNamePrefix: w.row.family_name_prefix, birthDate: w.row.birth_date, sex: w.row.sex,
});

async function settingsOf(w: PatientWork): Promise<Settings> {
  const care = w.target.organisations.find((o) => o.relation === 'care');
  return settingsForOrganisation(w.db, care?.organisationId ?? null);
}

function defOf(id: string): QuestionnaireDef {
  const def = questionnaireDef(id);
  if (!def) throw new AppError('not-found', 'There is no such questionnaire.');
  return def;
}

/** Every questionnaire offered, with its state, for the patient's home and the caregiver's view. */
export async function questionnairesOf(deps: AccessDeps, ask: Ask): Promise<{ patient: QuestionnairePatient; items: QuestionnaireView[] }> {
  return readWithPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'questionnaire.answer', resource: 'patient/questionnaires', patientId: ask.patientId }, async (w) => {
    const drafts = await w.records.clinical.draftsOf(w.db, w.row.id);
    const items: QuestionnaireView[] = [];
    for (const def of OFFERED) items.push(await viewOf(w, def, drafts.find((d) => d.questionnaire === def.id)));
    return { patient: patientOf(w), items };
  });
}

/** One questionnaire as it stands, with what the calculator shows for its answers. */
export async function openQuestionnaire(
  deps: AccessDeps,
  ask: Ask & { questionnaire: string },
): Promise<{ patient: QuestionnairePatient; view: QuestionnaireView; calcium: ReturnType<typeof calciumResult> | undefined }> {
  const def = defOf(ask.questionnaire);
  return readWithPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'questionnaire.answer', resource: `patient/questionnaire/${def.id}`, patientId: ask.patientId }, async (w) => {
    const draft = (await w.records.clinical.draftsOf(w.db, w.row.id)).find((d) => d.questionnaire === def.id);
    const view = await viewOf(w, def, draft);
    const calcium = def.id === 'calcium' && draft ? calciumResult(view.answers, { birthDate: w.row.birth_date, sex: w.row.sex }, todayNl(), await settingsOf(w)) : undefined;
    return { patient: patientOf(w), view, calcium };
  });
}

function refuseSettled(settled: boolean): void {
  if (settled) throw new AppError('conflict', 'The clinic has recorded these facts since the answers were sent; they can no longer be changed here.', [{ pointer: '/params/questionnaire', detail: 'settled by the clinic' }]);
}

/**
 * Keeps one step's answers at once. Answers that do not pass are not kept (the page shows what to
 * change); with `partial`, what passes is kept and the rest left as it was (the Back button).
 */
export async function saveStep(
  deps: AccessDeps,
  ask: Ask & { questionnaire: string; step: number; partial?: boolean },
  posted: Answers,
): Promise<{ problems: Record<string, AnswerProblem> }> {
  const def = defOf(ask.questionnaire);
  const step = def.steps[ask.step];
  if (!step) throw new AppError('not-found', 'This questionnaire has no such step.');
  return withPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'questionnaire.answer', resource: `patient/questionnaire/${def.id}/step`, patientId: ask.patientId }, async (w) => {
    const draft = await w.records.clinical.lockDraft(w.db, w.row.id, def.id);
    refuseSettled((await viewOf(w, def, draft)).settled);
    const before = draft?.answers ?? {};
    const { answers, problems } = checkStep(step, posted, before);
    if (Object.keys(problems).length > 0 && !ask.partial) return { problems };
    const kept: Record<string, string> = { ...before };
    for (const q of step.questions) delete kept[q.id];
    Object.assign(kept, answers);
    if (ask.partial) {
      for (const q of step.questions) {
        const prev = before[q.id];
        if (problems[q.id] && prev !== undefined) kept[q.id] = prev;
      }
    }
    await w.records.clinical.saveDraft(w.db, { patientId: w.row.id, questionnaire: def.id, answers: kept, by: ask.actor.userId });
    return { problems: ask.partial ? {} : problems };
  });
}

/** Sends the answers: each becomes an entry of the record with the patient as its source, and the draft is stamped; all or nothing. */
export async function sendQuestionnaire(deps: AccessDeps, ask: Ask & { questionnaire: string }): Promise<EntryView[]> {
  const def = defOf(ask.questionnaire);
  return withPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'questionnaire.answer', resource: `patient/questionnaire/${def.id}/send`, patientId: ask.patientId }, async (w) => {
    const draft = await w.records.clinical.lockDraft(w.db, w.row.id, def.id);
    refuseSettled((await viewOf(w, def, draft)).settled);
    const open = firstOpenStep(def, draft?.answers ?? {});
    if (!draft || open !== undefined) {
      throw new AppError('invalid-input', 'Some questions have no answer yet.', [{ pointer: `/steps/${String(open ?? 0)}`, detail: 'has no answer yet' }]);
    }
    await refuseClosed(w.db, w.records, w.row);
    const facts = checkFacts(factsOf(def, draft.answers, todayNl()) ?? [], { flat: false, indexed: true });
    const rows = await w.records.clinical.insertEntries(
      w.db,
      facts.map((e) => ({ patientId: w.row.id, kind: e.kind, date: e.date, data: e.data, source: 'patient' as const, by: ask.actor.userId, organisationId: null })),
    );
    await w.records.clinical.markDraftSent(w.db, w.row.id, def.id, ask.actor.userId);
    return rows.map(entryView);
  });
}
