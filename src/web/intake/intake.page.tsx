// The fracture intake: one form that finds or creates the patient and records the fracture, made
// for the keyboard (the cursor starts in the first field, Enter saves, the lists can be typed in),
// and the answer it gives at once: does this person qualify for case finding, and why.
import { Layout, type PageContext } from '../components/Layout.js';
import { Checkbox, Csrf, ErrorSummary, Field, Notice, Select, type FieldErrors, type Option } from '../components/Form.js';
import { ConclusionItem, criterionWords, fieldWords, Why } from '../components/Conclusion.js';
import { PatientBanner } from '../components/Record.js';
import type { Messages } from '../i18n/index.js';
import { numericDate } from '../time-format.js';
import { fullName } from '../../core/names.js';
import { FRACTURE_SITES } from '../../core/case.schema.js';
import { FRACTURE_SIDES, WORKUP_WAIVED_REASONS } from '../../core/record/lists.js';
import type { Conclusion } from '../../core/rule.js';
import type { ClinicalView } from '../../api/facade.js';
import type { Patient } from '../../schema/patient.schema.js';
import type { EntryView } from '../../schema/record.schema.js';
import { ENERGIES } from './intake.forms.js';

const errTitle = (t: Messages, title: string, errors: FieldErrors) => (Object.keys(errors).length > 0 ? `${t.form.titlePrefix}: ${title}` : title);

/** A record Botpad already has that may be this patient: offered before anything is saved. */
export interface IntakeMatch {
  id: string;
  name: string;
  birthDate: string;
  /** Found by the BSN typed: the same person, not only alike. */
  byBsn: boolean;
}

/** The fracture sites in words, in the reader's alphabet, so typing the first letters finds one. */
function siteOptions(ctx: PageContext): Option[] {
  return FRACTURE_SITES.map((s) => ({ value: s, label: ctx.t.clinical.sites[s] })).sort((a, b) => a.label.localeCompare(b.label, ctx.lang));
}

function MatchChoice({ t, matches, value, error }: { t: Messages; matches: readonly IntakeMatch[]; value: string | undefined; error: string | undefined }) {
  const m = t.intake.match;
  const chosen = value ?? matches[0]?.id ?? 'new';
  const options = [
    ...matches.map((x) => ({ value: x.id, label: x.byBsn ? m.bsnMatch(x.name) : m.existing(x.name, numericDate(x.birthDate)) })),
    { value: 'new', label: m.newPerson },
  ];
  return (
    <fieldset aria-describedby={error ? 'patientId-error' : undefined}>
      <legend>{m.legend}</legend>
      {error ? (
        <span class="field-error" id="patientId-error">
          <span class="visually-hidden">{t.form.errorPrefix} </span>
          {error}
        </span>
      ) : null}
      {options.map((o, i) => {
        const id = i === 0 ? 'patientId' : `patientId-${String(i)}`;
        return (
          <label key={o.value} class="choice" for={id}>
            {/* The choice already made has the cursor: Enter saves the fracture in that record. */}
            <input type="radio" id={id} name="patientId" value={o.value} checked={chosen === o.value} autofocus={!error && chosen === o.value} />
            {o.label}
          </label>
        );
      })}
    </fieldset>
  );
}

export function IntakePage(props: {
  ctx: PageContext;
  csrf: string;
  values: Record<string, string>;
  errors?: FieldErrors;
  matches?: readonly IntakeMatch[];
  withBsn: boolean;
}) {
  const { ctx, values } = props;
  const t = ctx.t;
  const i = t.intake;
  const f = t.patients.fields;
  const errors = props.errors ?? {};
  const matches = props.matches ?? [];
  const calm = Object.keys(errors).length === 0 && matches.length === 0;
  return (
    <Layout ctx={ctx} title={errTitle(t, i.title, errors)}>
      <h1>{i.title}</h1>
      <ErrorSummary t={t} errors={errors} />
      {matches.length > 0 ? (
        <section aria-labelledby="match-title" class="notice">
          <h2 id="match-title">{i.match.title}</h2>
          <p>{i.match.intro}</p>
        </section>
      ) : (
        <p class="lead">{i.intro}</p>
      )}
      <form method="post" action="/intake" novalidate class="intake">
        <Csrf token={props.csrf} />
        {matches.length > 0 ? <MatchChoice t={t} matches={matches} value={values.patientId} error={errors.patientId} /> : null}
        <fieldset>
          <legend>{i.patientLegend}</legend>
          <Field t={t} name="familyName" label={f.familyName} hint={t.patients.hints.familyName} value={values.familyName} autocomplete="off" error={errors.familyName} autofocus={calm} />
          <Field t={t} name="givenName" label={f.givenName} value={values.givenName} autocomplete="off" error={errors.givenName} />
          <Field t={t} name="birthDate" label={f.birthDate} hint={t.patients.hints.birthDate} value={values.birthDate} inputMode="numeric" autocomplete="off" spellcheck={false} error={errors.birthDate} />
          <Select
            t={t}
            name="sex"
            label={f.sex}
            blank={i.sexBlank}
            value={values.sex}
            error={errors.sex}
            options={[
              { value: 'female', label: t.patients.sex.female },
              { value: 'male', label: t.patients.sex.male },
            ]}
          />
          {props.withBsn ? <Field t={t} name="bsn" label={f.bsn} hint={i.bsnHint} value={values.bsn} inputMode="numeric" autocomplete="off" optional error={errors.bsn} /> : null}
        </fieldset>
        <fieldset>
          <legend>{i.fractureLegend}</legend>
          <Select t={t} name="site" label={i.site} hint={i.siteHint} blank={i.siteBlank} value={values.site} error={errors.site} options={siteOptions(ctx)} />
          <Select t={t} name="side" label={i.side} value={values.side} error={errors.side} options={FRACTURE_SIDES.map((s) => ({ value: s, label: t.clinical.sides[s] }))} />
          {/* The date after the lists: Enter in a text field sends the form, in a list it does not. */}
          <Field t={t} name="fractureDate" label={i.fractureDate} hint={i.fractureDateHint} value={values.fractureDate} inputMode="numeric" autocomplete="off" spellcheck={false} error={errors.fractureDate} />
          <Select t={t} name="energy" label={i.energy} value={values.energy} error={errors.energy} options={ENERGIES.map((e) => ({ value: e, label: i.energies[e] }))} />
          <Checkbox t={t} name="pathological" label={i.pathological} checked={values.pathological === 'yes'} error={errors.pathological} />
          <Field t={t} name="department" label={i.department} hint={i.departmentHint} value={values.department} autocomplete="off" optional error={errors.department} list="departments" maxLength={100} />
          <datalist id="departments">
            {i.departments.map((d) => (
              <option key={d} value={d} />
            ))}
          </datalist>
        </fieldset>
        <p class="actions">
          <button type="submit">{i.save}</button>
        </p>
      </form>
    </Layout>
  );
}

const CASE_FINDING_RELATED = ['case-finding.nhg-risk-score', 'case-finding.dxa-consider', 'case-finding.workup-waived'];

type Verdict = 'indicated' | 'notIndicated' | 'waived' | 'unknown';

function verdictOf(dxa: Conclusion | undefined, waived: boolean): Verdict {
  if (waived) return 'waived';
  const v = dxa?.value as { indicated?: unknown } | null | undefined;
  if (v?.indicated === true) return 'indicated';
  if (v?.indicated === false) return 'notIndicated';
  return 'unknown';
}

export type ResultNotice = 'saved' | 'waived';

/** What was saved, in words: "Pols (distale radius), links, 07-12-2026". */
export function fractureWords(t: Messages, e: EntryView): string {
  const d = e.data as { site?: string; side?: string };
  const site = (t.clinical.sites as Record<string, string>)[d.site ?? ''] ?? d.site ?? '';
  const side = (t.clinical.sides as Record<string, string>)[d.side ?? 'unknown'] ?? '';
  return t.intake.fractureText(site, side, numericDate(e.date));
}

/** The answer to the intake: does this patient qualify for case finding, why, and what is missing. */
export function IntakeResultPage(props: {
  ctx: PageContext;
  csrf: string;
  patient: Patient;
  view: ClinicalView;
  saved?: EntryView | undefined;
  notice?: ResultNotice | undefined;
  waiver?: { values: Record<string, string>; errors: FieldErrors };
}) {
  const { ctx, patient, view } = props;
  const t = ctx.t;
  const i = t.intake;
  const w = t.why;
  const name = fullName(patient);
  const conclusions = view.evaluation.conclusions;
  const dxa = conclusions.find((c) => c.code === 'case-finding.dxa-indicated');
  const related = conclusions.filter((c) => CASE_FINDING_RELATED.includes(c.code));
  const waived = view.case.workupWaived;
  const verdict = verdictOf(dxa, waived !== undefined);
  const reasons = ((dxa?.value as { reasons?: string[] } | null | undefined)?.reasons ?? []).map((r) => criterionWords(t, r));
  const errors = props.waiver?.errors ?? {};
  const title = errTitle(t, i.resultTitle(name), errors);
  const criteria = dxa?.criteria ?? [];
  const crit = (r: 'met' | 'not-met' | 'unknown') => criteria.filter((c) => c.result === r).map((c) => criterionWords(t, c.id));
  return (
    <Layout ctx={ctx} title={title}>
      {/* A page about one patient: the same banner as the record's pages. */}
      <div class="record-head">
        <PatientBanner ctx={ctx} patient={patient} />
      </div>
      <h1>{i.resultTitle(name)}</h1>
      <ErrorSummary t={t} errors={errors} />
      {props.saved ? <Notice ok>{i.saved(fractureWords(t, props.saved))}</Notice> : null}
      {props.notice === 'waived' ? <Notice ok>{i.waiveSaved}</Notice> : null}
      <section aria-labelledby="verdict-title" class={`verdict verdict-${verdict}`}>
        <h2 id="verdict-title">{i.verdict[verdict]}</h2>
        {waived ? <p>{i.waived(waived.by, numericDate(waived.date))}</p> : null}
        {dxa ? <p>{dxa.explanation.clinician}</p> : null}
        <h3>{i.reasonsTitle}</h3>
        {reasons.length > 0 ? (
          <ul>
            {reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        ) : (
          <p>{i.noReasons}</p>
        )}
        {criteria.length > 0 ? (
          <>
            <h3>{i.criteriaTitle}</h3>
            <dl class="details">
              {([['met', w.met], ['not-met', w.notMet], ['unknown', w.unknown]] as const).map(([r, label]) =>
                crit(r).length > 0 ? (
                  <div key={r}>
                    <dt>{label}</dt>
                    <dd>{crit(r).join('; ')}</dd>
                  </div>
                ) : null,
              )}
            </dl>
          </>
        ) : null}
        <h3>{i.missingTitle}</h3>
        {dxa && dxa.missing.length > 0 ? (
          <>
            <p>{i.missingIntro}</p>
            <ul>
              {dxa.missing.map((p) => (
                <li key={p}>{fieldWords(t, ctx.lang, p)}</li>
              ))}
            </ul>
          </>
        ) : (
          <p>{i.missingNone}</p>
        )}
        {dxa ? <Why t={t} lang={ctx.lang} c={dxa} /> : null}
      </section>
      {related.length > 0 ? (
        <section aria-labelledby="related-title">
          <h2 id="related-title">{i.related}</h2>
          <ul class="conclusions">
            {related.map((c) => (
              <ConclusionItem key={c.code} t={t} lang={ctx.lang} c={c} />
            ))}
          </ul>
        </section>
      ) : null}
      <nav aria-labelledby="next-title">
        <h2 id="next-title">{i.links}</h2>
        <ul>
          <li>
            <a href={`/patients/${patient.id}`}>{i.toRecord}</a>
          </li>
          <li>
            <a href={`/patients/${patient.id}/assessment`}>{i.toAssessment}</a>
          </li>
          <li>
            <a href="/intake">{i.another}</a>
          </li>
        </ul>
      </nav>
      {view.may.write && !waived && !view.careEnd ? (
        <section aria-labelledby="waive-title">
          <h2 id="waive-title">{i.waiveTitle}</h2>
          <p>{i.waiveIntro}</p>
          <form method="post" action={`/intake/${patient.id}/waiver`} novalidate>
            <Csrf token={props.csrf} />
            <Select
              t={t}
              name="reason"
              label={i.waiveReason}
              blank={t.form.chooseOption}
              value={props.waiver?.values.reason}
              error={errors.reason}
              options={WORKUP_WAIVED_REASONS.map((r) => ({ value: r, label: i.waiveReasons[r] }))}
            />
            <p class="actions">
              <button type="submit" class="secondary">
                {i.waiveSubmit}
              </button>
            </p>
          </form>
        </section>
      ) : null}
    </Layout>
  );
}
