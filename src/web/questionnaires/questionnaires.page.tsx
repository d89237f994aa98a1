// The questionnaires before the diagnostic day, on the patient's side: the list with each one's
// state, one step per screen with its progress, the calcium calculator with its result beside the
// answers, and the summary to check before sending. Plain forms: Back and Next are form posts, so
// nothing needs a script, and every answer is kept on the server at each step.
import { fullName } from '../../core/names.js';
import { num } from '../../core/text.js';
import { isAsked, type AnswerKind, type AnswerProblem, type Question, type QuestionnaireDef } from '../../core/questionnaires/questions.js';
import type { QuestionnairePatient, QuestionnaireView } from '../../api/facade.js';
import { Layout, type PageContext } from '../components/Layout.js';
import { Csrf, ErrorSummary, Field, Notice, Radios, type FieldErrors } from '../components/Form.js';
import type { Messages } from '../i18n/index.js';

type Offered = 'risk-factors' | 'calcium';
const base = (patientId: string, q: string) => `/questionnaires/${patientId}/${q}`;
const nameOf = (p: QuestionnairePatient) => fullName({ givenName: p.givenName, familyName: p.familyName, familyNamePrefix: p.familyNamePrefix });

/** Whose record this is, on every page: a caregiver always sees it. */
function ForWhom({ t, patient }: { t: Messages; patient: QuestionnairePatient }) {
  return <p class="for-whom"><strong>{t.questionnaires.forWhom(nameOf(patient))}</strong></p>;
}

export function problemWords(t: Messages, q: Question, problem: AnswerProblem): string {
  const p = t.questionnaires.problems;
  if (problem === 'range' && (q.answer.type === 'whole' || q.answer.type === 'decimal')) return p.range(q.answer.min, q.answer.max);
  return problem === 'range' ? p.number : p[problem];
}

/** An answer as the summary shows it, in words. */
export function answerWords(t: Messages, lang: 'nl' | 'en', kind: AnswerKind, v: string | undefined): string {
  const w = t.questionnaires;
  if (v === undefined) return w.summary.notAsked;
  if (kind.type === 'yes-no' || kind.type === 'yes-no-unknown') return v === 'yes' ? w.yes : v === 'no' ? w.no : w.unknown;
  return num(Number(v), lang);
}

export function QuestionnaireList({ ctx, patient, items, notice }: { ctx: PageContext; patient: QuestionnairePatient; items: readonly QuestionnaireView[]; notice?: 'sent' | undefined }) {
  const w = ctx.t.questionnaires;
  return (
    <Layout ctx={ctx} title={w.title}>
      <h1>{w.title}</h1>
      <ForWhom t={ctx.t} patient={patient} />
      {notice === 'sent' ? <Notice ok>{w.sent}</Notice> : null}
      <p class="lead">{w.intro}</p>
      <QuestionnaireLinks t={ctx.t} patientId={patient.id} items={items} />
    </Layout>
  );
}

/** Each questionnaire with its state in words and one link: start, go on, or look at and change. */
export function QuestionnaireLinks({ t, patientId, items, level = 2 }: { t: Messages; patientId: string; items: readonly QuestionnaireView[]; level?: 2 | 3 }) {
  const w = t.questionnaires;
  if (items.length === 0) return <p>{w.none}</p>;
  return (
    <ul class="questionnaires">
      {items.map((q) => {
        const name = w.names[q.id as Offered];
        const link = q.state === 'not-started' ? w.start(name) : q.state === 'half-done' ? w.goOn(name) : w.change(name);
        return (
          <li key={q.id} id={`questionnaire-${q.id}`}>
            {level === 2 ? <h2>{name}</h2> : <h3>{name}</h3>}
            <p>{w.about[q.id as Offered]}</p>
            <p>
              <strong class="state">{w.state[q.state]}</strong>
            </p>
            {q.settled ? <p>{w.settled}</p> : (
              <p>
                <a class="button" href={base(patientId, q.id)}>{link}</a>
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
}

function QuestionField({ t, q, value, error, first }: { t: Messages; q: Question; value: string | undefined; error: string | undefined; first: boolean }) {
  const w = t.questionnaires;
  const words = (w.questions as Record<string, { label: string; hint: string } | undefined>)[q.id] ?? { label: q.id, hint: '' };
  const hint = words.hint === '' ? undefined : words.hint;
  switch (q.answer.type) {
    case 'yes-no':
    case 'yes-no-unknown': {
      const options = [{ value: 'yes', label: w.yes }, { value: 'no', label: w.no }];
      if (q.answer.type === 'yes-no-unknown') options.push({ value: 'unknown', label: w.unknown });
      return <Radios t={t} name={q.id} legend={words.label} options={options} value={value} hint={hint} error={error} />;
    }
    default:
      return (
        <Field
          t={t} name={q.id} label={words.label} value={value} hint={hint} error={error} inputMode={q.answer.type === 'whole' ? 'numeric' : 'decimal'}
          autocomplete="off" {...(first ? { autofocus: true } : {})} optional={q.emptyIs !== undefined || q.onlyWhen !== undefined}
        />
      );
  }
}

export interface StepProps {
  ctx: PageContext;
  patient: QuestionnairePatient;
  def: QuestionnaireDef;
  step: number;
  csrf: string;
  values: Record<string, string>;
  problems: Record<string, AnswerProblem>;
  calcium?: { mgPerDay: number; target: number | undefined; shortfall: number | undefined } | undefined;
}

export function StepPage(p: StepProps) {
  const { ctx, def, step } = p;
  const t = ctx.t;
  const w = t.questionnaires;
  const s = def.steps[step];
  if (!s) return null;
  const errors: FieldErrors = {};
  for (const q of s.questions) {
    const problem = p.problems[q.id];
    if (problem) errors[q.id] = problemWords(t, q, problem);
  }
  const failed = Object.keys(errors).length > 0;
  const name = w.names[def.id as Offered];
  const isCalcium = def.id === 'calcium';
  // A follow-up question shows on the same screen, marked as asked only after its answer (no script to hide it).
  const shown = s.questions;
  return (
    <Layout ctx={ctx} title={failed ? `${t.form.titlePrefix}: ${name}` : name}>
      <h1>{name}</h1>
      <ForWhom t={t} patient={p.patient} />
      <p class="progress">{w.progress(step + 1, def.steps.length)}</p>
      <ErrorSummary t={t} errors={errors} />
      {isCalcium ? <p class="lead">{w.calcium.lead}</p> : null}
      <form method="post" action={`${base(p.patient.id, def.id)}/step/${String(step + 1)}`} novalidate>
        <Csrf token={p.csrf} />
        {shown.map((q, i) => (
          <QuestionField key={q.id} t={t} q={q} value={p.values[q.id]} error={errors[q.id]} first={i === 0 && !failed && q.answer.type !== 'yes-no' && q.answer.type !== 'yes-no-unknown'} />
        ))}
        {isCalcium && p.calcium ? <CalciumResult t={t} lang={ctx.lang} r={p.calcium} /> : null}
        <p class="hint">{w.savedNote}</p>
        <p class="actions">
          <button type="submit" name="go" value="next">{isCalcium ? w.calcium.calculate : w.next}</button>
          {step > 0 ? <button type="submit" name="go" value="back" class="secondary">{w.back}</button> : null}
        </p>
      </form>
      {isCalcium && p.calcium ? (
        <p>
          <a class="button" href={`${base(p.patient.id, def.id)}/summary`}>{w.calcium.toSummary}</a>
        </p>
      ) : null}
      <p>
        <a href={`/questionnaires/${p.patient.id}`}>{w.home}</a>
      </p>
    </Layout>
  );
}

function CalciumResult({ t, lang, r }: { t: Messages; lang: 'nl' | 'en'; r: NonNullable<StepProps['calcium']> }) {
  const c = t.questionnaires.calcium;
  return (
    <section aria-labelledby="calcium-result" class="notice" role="status">
      <h2 id="calcium-result">{c.result(num(r.mgPerDay, lang))}</h2>
      {r.target === undefined ? null : <p>{c.target(num(r.target, lang))}</p>}
      {r.shortfall === undefined ? null : <p>{r.shortfall === 0 ? c.enough : c.short(num(r.shortfall, lang))}</p>}
      <p>{c.other}</p>
    </section>
  );
}

export function SummaryPage({ ctx, patient, def, view, csrf, missing }: { ctx: PageContext; patient: QuestionnairePatient; def: QuestionnaireDef; view: QuestionnaireView; csrf: string; missing?: boolean }) {
  const t = ctx.t;
  const w = t.questionnaires;
  const name = w.names[def.id as Offered];
  const words = w.questions as Record<string, { label: string } | undefined>;
  return (
    <Layout ctx={ctx} title={`${w.summary.title} · ${name}`}>
      <h1>{w.summary.title}</h1>
      <ForWhom t={t} patient={patient} />
      <p class="lead">{w.summary.lead}</p>
      {missing || view.openStep !== undefined ? (
        <div class="error-summary" role="alert" tabIndex={-1} autofocus>
          <p>{w.summary.missing}</p>
          <p>
            <a href={`${base(patient.id, def.id)}/step/${String((view.openStep ?? 0) + 1)}`}>{w.summary.toOpen}</a>
          </p>
        </div>
      ) : null}
      <dl class="details answers">
        {def.steps.flatMap((s, i) =>
          s.questions.filter((q) => isAsked(q, view.answers)).map((q) => {
            const label = words[q.id]?.label ?? q.id;
            return (
              <div key={q.id}>
                <dt>{label}</dt>
                <dd>
                  <span id={`answer-${q.id}`}>{answerWords(t, ctx.lang, q.answer, view.answers[q.id])}</span>{' '}
                  {view.settled ? null : <a href={`${base(patient.id, def.id)}/step/${String(i + 1)}`}>{w.summary.change(label)}</a>}
                </dd>
              </div>
            );
          }),
        )}
      </dl>
      {view.settled ? <p>{w.settled}</p> : (
        <form method="post" action={`${base(patient.id, def.id)}/send`}>
          <Csrf token={csrf} />
          <p class="hint">{w.summary.sendHint}</p>
          <p class="actions">
            <button type="submit">{w.summary.send}</button>
          </p>
        </form>
      )}
      <p>
        <a href={`/questionnaires/${patient.id}`}>{w.home}</a>
      </p>
    </Layout>
  );
}
