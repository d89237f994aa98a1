// The questionnaires of the patient side as data: each a list of steps (one question, or a small
// group that belongs together, per screen), each question with the kind of answer it takes. The
// answers are kept as typed (strings, as a form posts them) in a draft, checked here question by
// question, and turned into record entries only when sent (facts.ts). Pure: no clock; the day is
// passed in.
import { CALCIUM_ITEMS } from '../case.schema.js';
import type { QuestionnaireId } from '../record/lists.js';

/** How a question is answered. `unknown` answers (I don't know) state no fact. */
export type AnswerKind =
  | { type: 'yes-no' }
  | { type: 'yes-no-unknown' }
  | { type: 'whole'; min: number; max: number }
  | { type: 'decimal'; min: number; max: number };

export interface Question {
  id: string;
  answer: AnswerKind;
  /** Asked only when another answer of the same step says so (the dose only after "yes"). */
  onlyWhen?: { question: string; is: readonly string[] };
  /** What an empty answer means (an empty box in the calculator is none of that item). */
  emptyIs?: string;
}

export interface Step {
  id: string;
  questions: readonly Question[];
}

export interface QuestionnaireDef {
  id: QuestionnaireId;
  steps: readonly Step[];
}

const yesNo: AnswerKind = { type: 'yes-no' };
const yesNoUnknown: AnswerKind = { type: 'yes-no-unknown' };
const one = (id: string, answer: AnswerKind): Step => ({ id, questions: [{ id, answer }] });

/**
 * The risk factors before the diagnostic day, in Botpad's own words (not a validated instrument):
 * the FRAX items, family and medical history, medicines, and falls in the last year. Each question
 * maps onto a field of the Case (clinical-rules.md §1); facts.ts is that mapping.
 */
export const RISK_FACTORS: QuestionnaireDef = {
  id: 'risk-factors',
  steps: [
    one('parentHipFracture', yesNoUnknown),
    one('parentOrSiblingOsteoporosis', yesNoUnknown),
    one('currentSmoker', yesNo),
    one('alcoholUnitsPerDay', { type: 'decimal', min: 0, max: 100 }),
    one('rheumatoidArthritis', yesNoUnknown),
    one('secondaryOsteoporosisCondition', yesNoUnknown),
    {
      id: 'glucocorticoids',
      questions: [
        { id: 'glucocorticoids', answer: yesNoUnknown },
        { id: 'glucocorticoidMgPerDay', answer: { type: 'decimal', min: 0.5, max: 1000 }, onlyWhen: { question: 'glucocorticoids', is: ['yes'] } },
        { id: 'glucocorticoidMonths', answer: { type: 'whole', min: 0, max: 1200 }, onlyWhen: { question: 'glucocorticoids', is: ['yes'] } },
      ],
    },
    one('antiEpileptics', { type: 'whole', min: 0, max: 20 }),
    one('sexHormoneLoweringTherapy', yesNoUnknown),
    {
      id: 'falls',
      questions: [
        { id: 'fallsLast12Months', answer: { type: 'whole', min: 0, max: 1000 } },
        { id: 'lastFallMonthsAgo', answer: { type: 'whole', min: 0, max: 11 }, onlyWhen: { question: 'fallsLast12Months', is: ['1+'] } },
        { id: 'injuredByFall', answer: yesNo, onlyWhen: { question: 'fallsLast12Months', is: ['1+'] } },
      ],
    },
    one('worriedAboutFalling', yesNo),
    one('unsteady', yesNo),
  ],
};

/** The calcium calculator: servings a day of each item, on one screen with the result beside it. */
export const CALCIUM: QuestionnaireDef = {
  id: 'calcium',
  steps: [{ id: 'servings', questions: CALCIUM_ITEMS.map((item) => ({ id: item, answer: { type: 'decimal', min: 0, max: 50 }, emptyIs: '0' })) }],
};

/** The questionnaires offered to patients now; the validated instruments wait (see instruments.ts). */
export const OFFERED: readonly QuestionnaireDef[] = [RISK_FACTORS, CALCIUM];

export function questionnaireDef(id: string): QuestionnaireDef | undefined {
  return OFFERED.find((q) => q.id === id);
}

export type Answers = Readonly<Record<string, string>>;
export type AnswerProblem = 'choose' | 'number' | 'whole' | 'range';

/** The number in a typed answer: a comma or a point for decimals, spaces around ignored. */
function parseNumber(raw: string): number | undefined {
  const s = raw.trim().replace(',', '.');
  return /^\d+(\.\d+)?$/.test(s) ? Number(s) : undefined;
}

/** Whether a question is asked, given the other answers (a condition on a count means "one or more"). */
export function isAsked(q: Question, answers: Answers): boolean {
  if (!q.onlyWhen) return true;
  const other = answers[q.onlyWhen.question];
  if (other === undefined) return false;
  if (q.onlyWhen.is.includes('1+')) return (parseNumber(other) ?? 0) >= 1;
  return q.onlyWhen.is.includes(other);
}

/** A typed answer checked against its question: its value, or what is wrong with it. */
export function checkAnswer(q: Question, raw: string | undefined): { ok: true; value: string } | { ok: false; problem: AnswerProblem } {
  const typed = (raw ?? '').trim();
  const v = typed === '' && q.emptyIs !== undefined ? q.emptyIs : typed;
  switch (q.answer.type) {
    case 'yes-no':
      return v === 'yes' || v === 'no' ? { ok: true, value: v } : { ok: false, problem: 'choose' };
    case 'yes-no-unknown':
      return v === 'yes' || v === 'no' || v === 'unknown' ? { ok: true, value: v } : { ok: false, problem: 'choose' };
    case 'whole':
    case 'decimal': {
      const n = parseNumber(v);
      if (n === undefined) return { ok: false, problem: 'number' };
      if (q.answer.type === 'whole' && !Number.isInteger(n)) return { ok: false, problem: 'whole' };
      if (n < q.answer.min || n > q.answer.max) return { ok: false, problem: 'range' };
      return { ok: true, value: String(n) };
    }
    default:
      return { ok: false, problem: 'choose' };
  }
}

/**
 * One step's answers checked: the answers to keep (those of questions not asked are dropped, so a
 * dose never outlives a changed "no") and the problems by question.
 */
export function checkStep(step: Step, posted: Answers, before: Answers): { answers: Record<string, string>; problems: Record<string, AnswerProblem> } {
  const merged: Record<string, string> = { ...before };
  for (const q of step.questions) {
    const raw = posted[q.id];
    if (raw === undefined) delete merged[q.id];
    else merged[q.id] = raw;
  }
  const answers: Record<string, string> = {};
  const problems: Record<string, AnswerProblem> = {};
  for (const q of step.questions) {
    if (!isAsked(q, merged)) continue;
    const r = checkAnswer(q, merged[q.id]);
    if (r.ok) {
      answers[q.id] = r.value;
      merged[q.id] = r.value;
    } else problems[q.id] = r.problem;
  }
  return { answers, problems };
}

/** Whether every question asked has a valid answer in the draft. */
export function stepDone(step: Step, answers: Answers): boolean {
  return step.questions.every((q) => !isAsked(q, answers) || checkAnswer(q, answers[q.id]).ok);
}

/** The first step not yet answered, or undefined when all are. */
export function firstOpenStep(def: QuestionnaireDef, answers: Answers): number | undefined {
  const i = def.steps.findIndex((s) => !stepDone(s, answers));
  return i < 0 ? undefined : i;
}
