// The assessment section of the record: every conclusion of the clinical core about this patient,
// in the groups a clinician reads them in (assessment.groups.ts), each with its why one step away;
// the sign-off, and the assessments signed before, each kept as it was concluded then.
import type { PageContext } from '../components/Layout.js';
import { Csrf, ErrorSummary, Notice, TextArea, type FieldErrors } from '../components/Form.js';
import { ConclusionItem, fieldWords, PatientMark, valueText } from '../components/Conclusion.js';
import { roleLabel } from '../components/Patient.js';
import { numericDate, numericDateTime } from '../time-format.js';
import type { Lang, Messages } from '../i18n/index.js';
import type { AssessmentView, ClinicalView } from '../../api/facade.js';
import type { Conclusion } from '../../core/rule.js';
import { GROUPS, grouped, missingPaths } from './assessment.groups.js';

/** The conclusions in their groups, each group under its own heading. */
export function Conclusions({ t, lang, conclusions, patientPaths }: { t: Messages; lang: Lang; conclusions: readonly Conclusion[]; patientPaths?: readonly string[] }) {
  const a = t.assessment;
  if (conclusions.length === 0) return <p class="empty-state">{a.none}</p>;
  const groups = grouped(conclusions);
  const missing = missingPaths(conclusions);
  return (
    <>
      {GROUPS.map((g) => {
        const items = groups[g];
        const id = `group-${g}`;
        return (
          <section key={g} aria-labelledby={id} class="assessment-group">
            <h2 id={id}>
              {a.groups[g]} <span class="count">({items.length})</span>
            </h2>
            {g === 'missing' && missing.length > 0 ? (
              <>
                <p>{a.missingSummary}</p>
                <ul class="missing">
                  {missing.map((m) => (
                    <li key={m.path}>
                      <strong>{fieldWords(t, lang, m.path)}</strong>: {a.neededBy(m.rules.join(', '))}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            {items.length === 0 ? (
              g === 'missing' && missing.length > 0 ? null : <p class="empty-state">{a.groupEmpty}</p>
            ) : (
              <ul class="conclusions">
                {items.map((c, i) => (
                  <ConclusionItem key={`${c.code}-${String(i)}`} t={t} lang={lang} c={c} {...(patientPaths ? { patientPaths } : {})} />
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </>
  );
}

export interface SignState {
  values: Record<string, string>;
  errors: FieldErrors;
}

export interface AssessmentProps {
  ctx: PageContext;
  patientId: string;
  view: Pick<ClinicalView, 'evaluation' | 'assessments' | 'may' | 'case' | 'patientPaths' | 'setAside'>;
  csrf: string;
  /** A record merged into another one is signed off there, not here. */
  merged?: boolean;
  sign?: SignState | undefined;
  notice?: 'signed' | undefined;
}

function SignedList({ ctx, patientId, assessments }: { ctx: PageContext; patientId: string; assessments: readonly AssessmentView[] }) {
  const a = ctx.t.assessment;
  if (assessments.length === 0) return <p class="empty-state">{a.signedNone}</p>;
  return (
    <div class="table-scroll">
      <table class="stack dense">
        <caption class="visually-hidden">{a.signedCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{a.signedAt}</th>
            <th scope="col">{a.signedBy}</th>
            <th scope="col" class="num">{a.asOfColumn}</th>
            <th scope="col">{a.rulesVersion}</th>
            <th scope="col">{a.note}</th>
            <th scope="col">{a.view}</th>
          </tr>
        </thead>
        <tbody>
          {assessments.map((s) => (
            <tr key={s.id}>
              <th scope="row" data-label={a.signedAt}>
                {numericDateTime(s.signedAt)}
              </th>
              <td data-label={a.signedBy}>{`${s.signedBy ?? a.someone} (${roleLabel(ctx.t, s.signedRole)})`}</td>
              <td data-label={a.asOfColumn} class="num">
                {numericDate(s.asOf)}
              </td>
              <td data-label={a.rulesVersion}>
                <code>{s.rulesVersion}</code>
              </td>
              <td data-label={a.note}>{s.note ?? '–'}</td>
              <td data-label={a.view}>
                <a href={`/patients/${patientId}/assessment/signed/${s.id}`}>{a.viewOf(numericDateTime(s.signedAt))}</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function AssessmentSection(p: AssessmentProps) {
  const { ctx, view } = p;
  const t = ctx.t;
  const a = t.assessment;
  const e = view.evaluation;
  const errors = p.sign?.errors ?? {};
  return (
    <>
      <ErrorSummary t={t} errors={errors} />
      {p.notice === 'signed' ? <Notice ok>{a.signed}</Notice> : null}
      <p class="lead">
        {a.intro} {a.asOf(numericDate(e.asOf), e.rulesVersion)}
      </p>
      <PatientGiven t={t} lang={ctx.lang} view={view} />
      <Conclusions t={t} lang={ctx.lang} conclusions={e.conclusions} patientPaths={view.patientPaths} />
      <p>
        <a href={`/patients/${p.patientId}/decision`}>{t.decision.link}</a>
      </p>
      <section aria-labelledby="sign-title">
        <h2 id="sign-title">{a.signTitle}</h2>
        {view.may.sign && !p.merged ? (
          <form method="post" action={`/patients/${p.patientId}/assessment/sign`} novalidate>
            <Csrf token={p.csrf} />
            <p>{a.signIntro}</p>
            <TextArea t={t} name="note" label={a.signNote} value={p.sign?.values.note} optional error={errors.note} maxLength={2000} />
            <p class="actions">
              <button type="submit">{a.signButton}</button>
            </p>
          </form>
        ) : (
          <p>{a.mayNotSign}</p>
        )}
      </section>
      <section aria-labelledby="signed-title">
        <h2 id="signed-title">{a.signedTitle}</h2>
        <SignedList ctx={ctx} patientId={p.patientId} assessments={view.assessments} />
      </section>
    </>
  );
}

/** The value at a dotted path of the Case. */
function at(c: unknown, path: string): unknown {
  let v = c;
  for (const k of path.split('.')) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
  return v;
}

/**
 * What the patient gave themself and still counts, and where a clinician's value for the same fact
 * counts instead: both values side by side.
 */
export function PatientGiven({ t, lang, view }: { t: Messages; lang: Lang; view: Pick<ClinicalView, 'case' | 'patientPaths' | 'setAside'> }) {
  const a = t.assessment;
  if (view.patientPaths.length === 0 && view.setAside.length === 0) return null;
  return (
    <section aria-labelledby="patient-given-title">
      <h2 id="patient-given-title">{a.patientGivenTitle}</h2>
      <p>{a.patientGivenIntro}</p>
      {view.patientPaths.length > 0 ? (
        <ul class="used" id="patient-given">
          {view.patientPaths.map((path) => (
            <li key={path}>
              {fieldWords(t, lang, path)}: <span class="num">{valueText(t, lang, at(view.case, path))}</span>
              <PatientMark t={t} />
            </li>
          ))}
        </ul>
      ) : null}
      {view.setAside.length > 0 ? (
        <>
          <p>{a.setAsideIntro}</p>
          <ul class="used" id="patient-set-aside">
            {view.setAside.map((s) => (
              <li key={s.path}>
                {fieldWords(t, lang, s.path)}: {a.setAside(valueText(t, lang, s.clinician), valueText(t, lang, s.patient))}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

/** One signed assessment as it was kept: who, when, the rules then, and what was concluded then. */
export function KeptAssessment({ ctx, patientId, kept, rulesNow }: { ctx: PageContext; patientId: string; kept: AssessmentView; rulesNow: string }) {
  const a = ctx.t.assessment;
  return (
    <>
      <p class="lead">{a.keptIntro(kept.signedBy ?? a.someone, roleLabel(ctx.t, kept.signedRole), numericDateTime(kept.signedAt))}</p>
      <p>{a.asOf(numericDate(kept.asOf), kept.rulesVersion)}</p>
      {kept.rulesVersion !== rulesNow ? <Notice>{a.olderRules(kept.rulesVersion, rulesNow)}</Notice> : null}
      {kept.note ? (
        <p>
          <strong>{a.note}:</strong> {kept.note}
        </p>
      ) : null}
      <Conclusions t={ctx.t} lang={ctx.lang} conclusions={kept.evaluation.conclusions} />
      <p>
        <a href={`/patients/${patientId}/assessment`}>{a.back}</a>
      </p>
    </>
  );
}
