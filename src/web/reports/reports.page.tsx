// Reports to the clinic. On the patient's side: the list of reports sent (each with when it arrived
// and when the clinic read it) and the screens of a new report, one question or a small group each,
// every one saying plainly that reports are not read at night or at weekends. On the clinician's
// side: one report opened from the worklist, with where a reported fracture stands in the record and
// the button that marks the alert handled. No script anywhere.
import type { DiaryPatient, OpenedReport, ReportView, ReportsView } from '../../api/facade.js';
import { REPORT_SITES } from '../../core/reports/reports.js';
import { Layout, type PageContext } from '../components/Layout.js';
import { Csrf, ErrorSummary, Field, Notice, Radios, TextArea, type FieldErrors } from '../components/Form.js';
import { PatientBanner } from '../components/Record.js';
import { calendarDate, dateTime } from '../time-format.js';
import type { Messages } from '../i18n/index.js';
import { fieldsOf, REPORT_FIELDS, REPORT_STEPS, type ReportStep, type ReportValues } from './reports.forms.js';
import { isoFromTyped } from '../forms.js';

/** On every report page: reports wait for working hours; anything urgent goes to the GP or 112. */
export function UrgentBox({ t }: { t: Messages }) {
  return (
    <section class="notice urgent" role="note" aria-labelledby="urgent-title">
      <h2 id="urgent-title">{t.reports.urgentTitle}</h2>
      <p>{t.reports.urgent}</p>
    </section>
  );
}

function ForWhom({ t, patient }: { t: Messages; patient: DiaryPatient }) {
  return <p class="for-whom"><strong>{t.reports.forWhom(patient.name)}</strong></p>;
}

/** What was reported, in the reporter's words: the kind, the bone or what happened, since when, how bad. */
function ReportFacts({ ctx, r }: { ctx: PageContext; r: Pick<ReportView, 'kind' | 'what' | 'site' | 'cause' | 'since' | 'severity' | 'note'> }) {
  const w = ctx.t.reports;
  return (
    <dl class="details">
      <div>
        <dt>{w.kind}</dt>
        <dd>{w.kindShort[r.kind]}</dd>
      </div>
      {r.site ? (
        <div>
          <dt>{w.site}</dt>
          <dd>{w.sites[r.site]}</dd>
        </div>
      ) : null}
      {r.cause ? (
        <div>
          <dt>{w.causeLabel}</dt>
          <dd>{w.causes[r.cause]}</dd>
        </div>
      ) : null}
      {r.what ? (
        <div>
          <dt>{r.kind === 'fall' ? w.whatFall : w.whatSide}</dt>
          <dd>{r.what}</dd>
        </div>
      ) : null}
      <div>
        <dt>{r.kind === 'side-effect' ? w.since : w.sinceFracture}</dt>
        <dd>{calendarDate(ctx.lang, r.since)}</dd>
      </div>
      <div>
        <dt>{w.severity}</dt>
        <dd>{w.severities[r.severity]}</dd>
      </div>
      {r.note ? (
        <div>
          <dt>{w.note}</dt>
          <dd>{r.note}</dd>
        </div>
      ) : null}
    </dl>
  );
}

export function ReportsPage({ ctx, view, own, sent }: { ctx: PageContext; view: ReportsView; own: boolean; sent: boolean }) {
  const w = ctx.t.reports;
  return (
    <Layout ctx={ctx} title={w.listTitle}>
      <h1>{w.listTitle}</h1>
      <ForWhom t={ctx.t} patient={view.patient} />
      {sent ? <Notice ok>{w.sent}</Notice> : null}
      <UrgentBox t={ctx.t} />
      <p class="lead">{w.intro}</p>
      <p>
        <a class="button" href={`/reports/${view.patient.id}/new`}>{w.start}</a>
      </p>
      {view.items.length === 0 ? <p>{w.none}</p> : (
        <ul class="reports">
          {view.items.map((r) => (
            <li key={r.id}>
              <h2>{`${w.kindShort[r.kind]}, ${calendarDate(ctx.lang, r.since)}`}</h2>
              <ReportFacts ctx={ctx} r={r} />
              <p>{w.sentOn(dateTime(ctx.lang, r.sentAt))}</p>
              <p>
                <strong>{r.readAt ? w.readOn(dateTime(ctx.lang, r.readAt)) : w.notRead}</strong>
              </p>
              {r.fractureStatus ? <p>{w.fracture[r.fractureStatus]}</p> : null}
            </li>
          ))}
        </ul>
      )}
      {view.nextCursor ? (
        <p>
          <a href={`/reports/${view.patient.id}?cursor=${encodeURIComponent(view.nextCursor)}`}>{w.older}</a>
        </p>
      ) : null}
      <p>
        <a href={own ? '/me' : '/care'}>{w.home}</a>
      </p>
    </Layout>
  );
}

export interface StepProps {
  ctx: PageContext;
  patient: DiaryPatient;
  step: ReportStep;
  values: ReportValues;
  errors: FieldErrors;
  csrf: string;
}

function StepFields({ t, step, values, errors }: { t: Messages; step: ReportStep; values: ReportValues; errors: FieldErrors }) {
  const w = t.reports;
  switch (step) {
    case 'kind':
      return <Radios t={t} name="kind" legend={w.kind} options={(['fracture', 'fall', 'side-effect'] as const).map((k) => ({ value: k, label: w.kinds[k] }))} value={values.kind} error={errors.kind} />;
    case 'details':
      if (values.kind === 'fracture') {
        return (
          <>
            <Radios t={t} name="site" legend={w.site} hint={w.siteHint} options={REPORT_SITES.map((s) => ({ value: s, label: w.sites[s] }))} value={values.site} error={errors.site} />
            <Radios t={t} name="cause" legend={w.cause} options={(['low-fall', 'accident', 'unknown'] as const).map((c) => ({ value: c, label: w.causes[c] }))} value={values.cause} error={errors.cause} />
          </>
        );
      }
      return (
        <TextArea
          t={t} name="what" label={values.kind === 'fall' ? w.whatFall : w.whatSide} hint={values.kind === 'fall' ? w.whatFallHint : w.whatSideHint}
          value={values.what} error={errors.what} maxLength={2000}
        />
      );
    case 'since':
      return (
        <Field
          t={t} name="since" label={values.kind === 'side-effect' ? w.since : w.sinceFracture} hint={w.sinceHint} value={values.since} error={errors.since}
          inputMode="numeric" autocomplete="off" autofocus={Object.keys(errors).length === 0}
        />
      );
    case 'severity':
      return (
        <>
          <Radios t={t} name="severity" legend={w.severity} options={(['mild', 'moderate', 'severe'] as const).map((s) => ({ value: s, label: w.severities[s] }))} value={values.severity} error={errors.severity} />
          <TextArea t={t} name="note" label={w.note} value={values.note} error={errors.note} optional maxLength={2000} />
        </>
      );
    case 'check':
      return null;
  }
}

export function ReportStepPage(p: StepProps) {
  const { ctx, step, values } = p;
  const t = ctx.t;
  const w = t.reports;
  const n = REPORT_STEPS.indexOf(step);
  const failed = Object.keys(p.errors).length > 0;
  const asked = new Set<string>(fieldsOf(step, values));
  const heading = step === 'check' ? w.checkTitle : w.title;
  const since = isoFromTyped(values.since);
  return (
    <Layout ctx={ctx} title={failed ? `${t.form.titlePrefix}: ${heading}` : `${heading} (${w.progress(n + 1, REPORT_STEPS.length)})`}>
      <h1>{heading}</h1>
      <ForWhom t={t} patient={p.patient} />
      <p class="progress">{w.progress(n + 1, REPORT_STEPS.length)}</p>
      <ErrorSummary t={t} errors={p.errors} />
      <UrgentBox t={t} />
      {step === 'check' ? (
        <>
          <p class="lead">{w.checkLead}</p>
          <ReportFacts
            ctx={ctx}
            r={{
              kind: values.kind === 'fall' || values.kind === 'side-effect' ? values.kind : 'fracture',
              what: values.kind === 'fracture' ? null : (values.what ?? null),
              site: values.kind === 'fracture' ? ((values.site ?? null) as ReportView['site']) : null,
              cause: values.kind === 'fracture' ? ((values.cause ?? null) as ReportView['cause']) : null,
              since: /^\d{4}-\d{2}-\d{2}$/.test(since) ? since : '',
              severity: (values.severity ?? 'mild') as ReportView['severity'],
              note: values.note?.trim() ? values.note : null,
            }}
          />
        </>
      ) : null}
      <form method="post" action={`/reports/${p.patient.id}/new`} novalidate>
        <Csrf token={p.csrf} />
        <input type="hidden" name="step" value={step} />
        {REPORT_FIELDS.filter((f) => !asked.has(f) && values[f] !== undefined).map((f) => <input key={f} type="hidden" name={f} value={values[f]} />)}
        <StepFields t={t} step={step} values={values} errors={p.errors} />
        <p class="actions">
          {step === 'check' ? <button type="submit" name="go" value="send">{w.send}</button> : <button type="submit" name="go" value="next">{w.next}</button>}
          {n > 0 ? <button type="submit" name="go" value="back" class="secondary">{w.back}</button> : null}
        </p>
      </form>
      <p>
        <a href={`/reports/${p.patient.id}`}>{w.listTitle}</a>
      </p>
    </Layout>
  );
}

/** One report as the nurse or physician opens it from the worklist (opening it marked it read). */
export function ClinicReportPage({ ctx, opened, csrf }: { ctx: PageContext; opened: OpenedReport; csrf: string }) {
  const w = ctx.t.reports;
  const { patient, report: r, item } = opened;
  return (
    <Layout ctx={ctx} title={ctx.t.clinical.sectionTitle(w.clinicTitle, patient.name)}>
      <div class="record-head">
        <PatientBanner ctx={ctx} patient={patient} />
      </div>
      <h1>{w.clinicTitle}</h1>
      <UrgentBox t={ctx.t} />
      <h2>{w.clinicFacts}</h2>
      <ReportFacts ctx={ctx} r={r} />
      <p>{w.clinicSent(r.sentBy ?? ctx.t.worklist.someone, dateTime(ctx.lang, r.sentAt))}</p>
      {r.readAt ? <p>{w.clinicRead(r.readBy ?? ctx.t.worklist.someone, dateTime(ctx.lang, r.readAt))}</p> : null}
      {r.fractureStatus ? (
        <>
          <p>{w.clinicFracture[r.fractureStatus]}</p>
          {r.entryId ? (
            <p>
              <a href={`/patients/${patient.id}/entries/${r.entryId}`}>{w.openEntry}</a>
            </p>
          ) : null}
        </>
      ) : null}
      {item?.state === 'acknowledged' ? (
        <form method="post" action={`/worklist/${item.itemId}/done`}>
          <Csrf token={csrf} />
          <input type="hidden" name="return" value="/worklist" />
          <p class="hint">{w.alertSeen}</p>
          <p class="actions">
            <button type="submit">{w.handled}</button>
          </p>
        </form>
      ) : item?.state === 'done' ? <p>{w.alertDone}</p> : null}
      <p>
        <a href="/worklist">{w.toWorklist}</a>
      </p>
    </Layout>
  );
}
