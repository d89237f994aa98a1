// The medication plan as clinicians read and work it, inside the record frame: first what needs
// doing about the order of drugs (the core's sequencing alerts, each with its why), then the next
// dates the core worked out, the courses with their doses, the planned follow-ons, every drug's
// safety gate, and the forms each role may use. Dense tables, plain forms: no JavaScript needed.
import type { MedicationPage as MedicationData } from '../../api/facade.js';
import type { Drug } from '../../core/case.schema.js';
import type { Conclusion } from '../../core/rule.js';
import { fullName } from '../../core/names.js';
import { todayNl } from '../../schema/clock.js';
import type { MedicationView } from '../../schema/medication.schema.js';
import type { PageContext } from '../components/Layout.js';
import { Chip, DataTable, EmptyState, RecordFrame, type BannerPatient } from '../components/Record.js';
import { Checkbox, Csrf, ErrorSummary, Field, Notice, Select, TextArea, type FieldErrors } from '../components/Form.js';
import { SeverityChip, Why } from '../components/Conclusion.js';
import { alertsOf } from '../record/record.page.js';
import { typedFromIso } from '../forms.js';
import { numericDate, numericDateTime } from '../time-format.js';
import type { Messages } from '../i18n/index.js';
import { safetyWords, sequenceWords, type MedicationFormName, type Values } from './medication.forms.js';

export type MedicationNotice = 'prescribed' | 'dose' | 'stopped' | 'planned' | 'voided';
export const MEDICATION_NOTICES: readonly MedicationNotice[] = ['prescribed', 'dose', 'stopped', 'planned', 'voided'];

export interface MedicationPageProps {
  ctx: PageContext;
  patient: BannerPatient;
  plan: MedicationData;
  csrf: string;
  /** A form sent back with what was typed and what was wrong. */
  sent?: { form: MedicationFormName; values: Values; errors: FieldErrors } | undefined;
  notice?: MedicationNotice | undefined;
  /** The drug the prescription form starts with (a link from the safety table). */
  drug?: Drug | undefined;
}

/** The conclusions that ask for a step in the order of drugs: a denosumab stop or a late injection, an anabolic ending without its follow-on. */
const SEQUENCE_CODES = ['medication.denosumab-stop-without-follow-on', 'medication.denosumab-late', 'medication.anabolic-end'];
const DATE_CODES = ['medication.next-dose', 'medication.pre-dose-check', 'medication.review-due', 'medication.anabolic-end'];

function needsStep(c: Conclusion): boolean {
  if (!SEQUENCE_CODES.includes(c.code)) return false;
  if (c.code !== 'medication.anabolic-end') return true;
  return c.criteria.some((x) => x.id === 'follow-on-planned' && x.result === 'not-met');
}

const valueOf = (c: Conclusion) => (c.value ?? {}) as { drug?: string; date?: string; due?: string; followOnDue?: string };

function DrugLink({ t, drug }: { t: Messages; drug: Drug }) {
  const name = t.medicationPlan.drugs[drug];
  return (
    <a href={`/learn/medicine-${drug}`}>
      {name}
      <span class="visually-hidden">{`: ${t.medicationPlan.learn(name)}`}</span>
    </a>
  );
}

function Actions(p: MedicationPageProps) {
  const { t, lang } = p.ctx;
  const a = t.medicationPlan.actions;
  const steps = p.plan.evaluation.conclusions.filter(needsStep);
  return (
    <section aria-labelledby="actions" class="action-list">
      <h2 id="actions">{a.title}</h2>
      {steps.length === 0 ? (
        <p>{a.none}</p>
      ) : (
        <ul class="conclusions">
          {steps.map((c, i) => (
            <li key={`${c.code}-${String(i)}`} class="conclusion">
              <p>
                <SeverityChip t={t} severity={c.severity} /> <strong>{c.explanation.clinician}</strong>
              </p>
              <p>
                {c.code === 'medication.denosumab-late'
                  ? <a href="#dose-form">{a.recordDose}</a>
                  : (
                    <>
                      {sequenceWords(t, [c.code === 'medication.anabolic-end' ? 'anabolic-stop-without-follow-on' : 'denosumab-stop-without-follow-on'])}{' '}
                      {p.plan.may.prescribe && !p.plan.closed ? <a href="#plan-form">{a.planFollowOn}</a> : null}
                    </>
                  )}
              </p>
              <Why t={t} lang={lang} c={c} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function NextDates(p: MedicationPageProps) {
  const t = p.ctx.t;
  const d = t.medicationPlan.dates;
  const rows = p.plan.evaluation.conclusions.filter((c) => DATE_CODES.includes(c.code));
  return (
    <>
      <h2>{d.title}</h2>
      {rows.length === 0 ? (
        <EmptyState>{d.none}</EmptyState>
      ) : (
        <DataTable
          caption={d.caption}
          captionHidden
          rows={rows}
          rowKey={(c) => `${c.code}-${valueOf(c).drug ?? ''}`}
          columns={[
            { label: d.what, cell: (c) => d.kinds[c.code] ?? c.code },
            { label: d.drug, cell: (c) => { const x = valueOf(c).drug; return x ? t.medicationPlan.drugs[x as Drug] : '–'; } },
            { label: d.date, cell: (c) => { const x = valueOf(c).date ?? valueOf(c).due; return x ? numericDate(x) : '–'; }, numeric: true },
            { label: d.note, cell: (c) => <>{c.severity === 'info' ? null : <><SeverityChip t={t} severity={c.severity} /> </>}{c.explanation.clinician}</> },
          ]}
        />
      )}
    </>
  );
}

const STATUS_TONE = { prescribed: 'plain', current: 'ok', stopped: 'plain' } as const;

function regimenWords(t: Messages, k: MedicationView): string {
  if (!k.regimen) return t.medicationPlan.courses.unknownRoute;
  return `${k.regimen.dose}, ${t.medicationPlan.intervals[k.regimen.interval] ?? k.regimen.interval}`;
}

function Courses(p: MedicationPageProps) {
  const { t, lang } = p.ctx;
  const m = t.medicationPlan;
  const c = m.courses;
  const courses = p.plan.courses;
  return (
    <>
      <h2>{c.title}</h2>
      {courses.length === 0 ? (
        <EmptyState>{c.none}</EmptyState>
      ) : (
        <DataTable
          caption={c.caption}
          captionHidden
          rows={courses}
          rowKey={(k) => k.id}
          columns={[
            { label: c.drug, cell: (k) => <DrugLink t={t} drug={k.drug} /> },
            { label: c.route, cell: (k) => (k.route ? m.routes[k.route] : c.unknownRoute) },
            { label: c.regimen, cell: (k) => regimenWords(t, k) },
            { label: c.instructions, cell: (k) => (k.regimen ? k.regimen.instructions.map((x) => m.instructions[x] ?? x).join('; ') : c.unknownRoute) },
            { label: c.start, cell: (k) => numericDate(k.start), numeric: true },
            { label: c.end, cell: (k) => (k.end ? numericDate(k.end) : c.noEnd), numeric: true },
            { label: c.status, cell: (k) => <Chip tone={STATUS_TONE[k.status]}>{c.statuses[k.status]}</Chip> },
            { label: c.by, cell: (k) => `${k.prescribedBy ?? t.clinical.someone}, ${numericDateTime(k.prescribedAt)}` },
            { label: c.cautions, cell: (k) => (k.acknowledgedCautions.length > 0 ? safetyWords(lang, k.acknowledgedCautions) : c.nothing) },
            {
              label: c.override,
              cell: (k) => (k.override ? <>{c.overrideText(k.override.reason, k.prescribedBy ?? t.clinical.someone)} ({safetyWords(lang, k.override.reasons)})</> : c.nothing),
            },
            {
              label: c.stop,
              cell: (k) => (k.stopReason ? <>{k.stopReason}{k.stopOverride ? <><br />{c.stopOverride(k.stopOverride.reason)}</> : null}</> : c.nothing),
            },
            {
              label: c.actions,
              cell: (k) => (
                <a href={`/patients/${p.patient.id}/entries/${k.id}`} class="keep">
                  {c.open}
                  <span class="visually-hidden">{`: ${m.drugs[k.drug]} ${numericDate(k.start)}`}</span>
                </a>
              ),
            },
          ]}
        />
      )}
      {courses.map((k) => {
        const caption = m.doses.caption(m.drugs[k.drug], numericDate(k.start));
        return k.doses.length === 0 ? (
          <p key={k.id} class="empty-state">{m.doses.none(`${m.drugs[k.drug]} (${numericDate(k.start)})`)}</p>
        ) : (
          <DataTable
            key={k.id}
            caption={caption}
            rows={k.doses}
            rowKey={(x) => x.id}
            columns={[
              { label: m.doses.date, cell: (x) => numericDate(x.date), numeric: true },
              { label: m.doses.by, cell: (x) => x.administeredBy ?? m.doses.notGiven },
              { label: m.doses.where, cell: (x) => x.location ?? m.doses.notGiven },
              { label: m.doses.batch, cell: (x) => (x.batch ? <span class="break-any">{x.batch}</span> : m.doses.notGiven) },
              { label: m.doses.recorded, cell: (x) => `${x.recordedBy ?? t.clinical.someone}, ${numericDateTime(x.recordedAt)}` },
            ]}
          />
        );
      })}
    </>
  );
}

const GATE_TONE = { allowed: 'ok', caution: 'warn', blocked: 'error' } as const;

function GateWords({ t, lang, g }: { t: Messages; lang: 'nl' | 'en'; g: MedicationData['gates'][number] }) {
  const s = t.medicationPlan.safety;
  if (g.reasons.length === 0) return <>{s.none}</>;
  return (
    <ul class="plain-list">
      {g.reasons.map((r) => (
        <li key={r}>
          {safetyWords(lang, [r])}
          {g.absolute.includes(r) ? <strong>{` (${s.noOverride})`}</strong> : g.blocking.includes(r) ? ` (${s.statuses.blocked.toLowerCase()})` : null}
        </li>
      ))}
    </ul>
  );
}

function Planned(p: MedicationPageProps) {
  const { t, lang } = p.ctx;
  const m = t.medicationPlan;
  return (
    <>
      <h2>{m.planned.title}</h2>
      {p.plan.planned.length === 0 ? (
        <EmptyState>{m.planned.none}</EmptyState>
      ) : (
        <DataTable
          caption={m.planned.caption}
          captionHidden
          rows={p.plan.planned}
          rowKey={(x) => x.id}
          columns={[
            { label: m.planned.drug, cell: (x) => <DrugLink t={t} drug={x.drug} /> },
            { label: m.planned.from, cell: (x) => numericDate(x.from), numeric: true },
            { label: m.planned.safety, cell: (x) => <><Chip tone={GATE_TONE[x.safety.status]}>{m.safety.statuses[x.safety.status]}</Chip> <GateWords t={t} lang={lang} g={x.safety} /></> },
            { label: m.planned.by, cell: (x) => `${x.recordedBy ?? t.clinical.someone}, ${numericDateTime(x.recordedAt)}` },
          ]}
        />
      )}
    </>
  );
}

function Safety(p: MedicationPageProps) {
  const { t, lang } = p.ctx;
  const s = t.medicationPlan.safety;
  return (
    <>
      <h2 id="safety">{s.title}</h2>
      <p>{s.intro}</p>
      <DataTable
        caption={s.caption}
        captionHidden
        rows={p.plan.gates}
        rowKey={(g) => g.drug}
        columns={[
          { label: s.drug, cell: (g) => <DrugLink t={t} drug={g.drug} /> },
          { label: s.status, cell: (g) => <Chip tone={GATE_TONE[g.status]}>{s.statuses[g.status]}</Chip> },
          { label: s.reasons, cell: (g) => <GateWords t={t} lang={lang} g={g} /> },
        ]}
      />
    </>
  );
}

const drugOptions = (t: Messages) => Object.entries(t.medicationPlan.drugs).map(([value, label]) => ({ value, label }));

function PrescribeForm(p: MedicationPageProps & { v: Values; errors: FieldErrors }) {
  const { t, lang } = p.ctx;
  const f = t.medicationPlan.prescribe;
  const { v, errors } = p;
  const chosen = p.plan.gates.find((g) => g.drug === (v.drug ?? p.drug));
  return (
    <section aria-labelledby="prescribe-form">
      <h2 id="prescribe-form">{f.title}</h2>
      <p>{f.intro}</p>
      {chosen && chosen.reasons.length > 0 ? (
        <div class="notice" role="note">
          <p>
            <Chip tone={GATE_TONE[chosen.status]}>{t.medicationPlan.safety.statuses[chosen.status]}</Chip> {t.medicationPlan.drugs[chosen.drug]}
          </p>
          <GateWords t={t} lang={lang} g={chosen} />
        </div>
      ) : null}
      <form method="post" action={`/patients/${p.patient.id}/medication/prescribe`} novalidate aria-labelledby="prescribe-form">
        <Csrf token={p.csrf} />
        <Select t={t} name="drug" label={f.drug} value={v.drug ?? p.drug} error={errors.drug} blank={t.form.chooseOption} options={drugOptions(t)} />
        <Field t={t} name="start" label={f.start} hint={f.startHint} value={v.start ?? typedFromIso(todayNl())} inputMode="numeric" autocomplete="off" spellcheck={false} error={errors.start} />
        <Select
          t={t}
          name="route"
          label={f.route}
          optional={f.routeWhen}
          value={v.route}
          error={errors.route}
          blank={t.clinical.notGiven}
          options={(['oral', 'iv', 'sc'] as const).map((r) => ({ value: r, label: t.medicationPlan.routes[r] }))}
        />
        <Checkbox t={t} name="acknowledgeCautions" label={f.acknowledge} checked={v.acknowledgeCautions === 'yes'} error={errors.acknowledgeCautions} />
        {chosen && chosen.absolute.length > 0 ? null : (
          <TextArea t={t} name="overrideReason" label={f.overrideReason} optional={f.overrideWhen} value={v.overrideReason} error={errors.overrideReason} maxLength={500} />
        )}
        <p class="actions">
          <button type="submit">{f.save}</button>
        </p>
      </form>
    </section>
  );
}

function DoseForm(p: MedicationPageProps & { v: Values; errors: FieldErrors; open: MedicationView[] }) {
  const t = p.ctx.t;
  const d = t.medicationPlan.dose;
  const { v, errors } = p;
  return (
    <section aria-labelledby="dose-form">
      <h2 id="dose-form">{d.title}</h2>
      <form method="post" action={`/patients/${p.patient.id}/medication/dose`} novalidate aria-labelledby="dose-form">
        <Csrf token={p.csrf} />
        <Select
          t={t}
          name="medicationId"
          label={d.course}
          value={v.medicationId ?? (p.open.length === 1 ? p.open[0]?.id : undefined)}
          error={errors.medicationId}
          blank={t.form.chooseOption}
          options={p.open.map((k) => ({ value: k.id, label: d.courseOption(t.medicationPlan.drugs[k.drug], numericDate(k.start)) }))}
        />
        <Field t={t} name="doseDate" label={d.date} hint={d.dateHint} value={v.doseDate ?? typedFromIso(todayNl())} inputMode="numeric" autocomplete="off" spellcheck={false} error={errors.doseDate} />
        <Field t={t} name="administeredBy" label={d.givenBy} optional value={v.administeredBy} autocomplete="off" error={errors.administeredBy} maxLength={200} />
        <Field t={t} name="location" label={d.place} optional value={v.location} autocomplete="off" error={errors.location} maxLength={200} />
        <Field t={t} name="batch" label={d.batch} optional={d.batchWhen} value={v.batch} autocomplete="off" spellcheck={false} error={errors.batch} maxLength={100} />
        <p class="actions">
          <button type="submit">{d.save}</button>
        </p>
      </form>
    </section>
  );
}

function StopForm(p: MedicationPageProps & { v: Values; errors: FieldErrors; open: MedicationView[] }) {
  const t = p.ctx.t;
  const s = t.medicationPlan.stop;
  const { v, errors } = p;
  const guarded = p.open.filter((k) => (p.plan.stopGuards[k.id] ?? []).length > 0);
  return (
    <section aria-labelledby="stop-form">
      <h2 id="stop-form">{s.title}</h2>
      <p>{s.intro}</p>
      {guarded.length > 0 ? (
        <div class="notice" role="note">
          <p>{s.guardHint}</p>
          <ul>
            {guarded.map((k) => (
              <li key={k.id}>{s.guard(t.medicationPlan.drugs[k.drug], sequenceWords(t, p.plan.stopGuards[k.id] ?? []))}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <form method="post" action={`/patients/${p.patient.id}/medication/stop`} novalidate aria-labelledby="stop-form">
        <Csrf token={p.csrf} />
        <Select
          t={t}
          name="stopCourse"
          label={s.course}
          value={v.stopCourse ?? (p.open.length === 1 ? p.open[0]?.id : undefined)}
          error={errors.stopCourse}
          blank={t.form.chooseOption}
          options={p.open.map((k) => ({ value: k.id, label: t.medicationPlan.dose.courseOption(t.medicationPlan.drugs[k.drug], numericDate(k.start)) }))}
        />
        <Field t={t} name="end" label={s.end} hint={s.endHint} value={v.end ?? typedFromIso(todayNl())} inputMode="numeric" autocomplete="off" spellcheck={false} error={errors.end} />
        <TextArea t={t} name="stopReason" label={s.reason} value={v.stopReason} error={errors.stopReason} maxLength={500} />
        <TextArea t={t} name="stopOverrideReason" label={s.overrideReason} optional={s.overrideWhen} value={v.stopOverrideReason} error={errors.stopOverrideReason} maxLength={500} />
        <p class="actions">
          <button type="submit">{s.save}</button>
        </p>
      </form>
    </section>
  );
}

function PlanForm(p: MedicationPageProps & { v: Values; errors: FieldErrors }) {
  const t = p.ctx.t;
  const f = t.medicationPlan.plan;
  const { v, errors } = p;
  return (
    <section aria-labelledby="plan-form">
      <h2 id="plan-form">{f.title}</h2>
      <form method="post" action={`/patients/${p.patient.id}/medication/plan`} novalidate aria-labelledby="plan-form">
        <Csrf token={p.csrf} />
        <Select t={t} name="planDrug" label={f.drug} value={v.planDrug} error={errors.planDrug} blank={t.form.chooseOption} options={drugOptions(t)} />
        <Field t={t} name="from" label={f.from} hint={f.fromHint} value={v.from} inputMode="numeric" autocomplete="off" spellcheck={false} error={errors.from} />
        <p class="actions">
          <button type="submit">{f.save}</button>
        </p>
      </form>
    </section>
  );
}

export function MedicationPage(p: MedicationPageProps) {
  const { ctx, patient, plan } = p;
  const t = ctx.t;
  const m = t.medicationPlan;
  const heading = t.clinical.sections.medication;
  const errors = p.sent?.errors ?? {};
  const base = t.clinical.sectionTitle(heading, fullName(patient));
  const title = Object.keys(errors).length > 0 ? `${t.form.titlePrefix}: ${base}` : base;
  const of = (form: MedicationFormName) => (p.sent?.form === form ? { v: p.sent.values, errors: p.sent.errors } : { v: {}, errors: {} });
  // A dose belongs to a course that has started and not ended before today; a stop to one without an end.
  const forDose = plan.courses.filter((k) => k.status === 'current');
  const forStop = plan.courses.filter((k) => k.end === null);
  const open = !plan.closed;
  return (
    <RecordFrame ctx={ctx} patient={patient} section="medication" heading={heading} title={title} alerts={alertsOf(t, plan)}>
      <ErrorSummary t={t} errors={errors} />
      {p.notice ? <Notice ok>{m.notices[p.notice]}</Notice> : null}
      <p>{m.intro}</p>
      {open && (plan.may.prescribe || (plan.may.write && forDose.length > 0)) ? (
        <nav aria-label={m.jump} class="jump-links">
          <ul class="plain-list">
            {plan.may.prescribe ? <li><a href="#prescribe-form">{m.prescribe.title}</a></li> : null}
            {plan.may.write && forDose.length > 0 ? <li><a href="#dose-form">{m.dose.title}</a></li> : null}
            {plan.may.prescribe && forStop.length > 0 ? <li><a href="#stop-form">{m.stop.title}</a></li> : null}
            {plan.may.prescribe ? <li><a href="#plan-form">{m.plan.title}</a></li> : null}
          </ul>
        </nav>
      ) : null}
      <Actions {...p} />
      <NextDates {...p} />
      <Courses {...p} />
      <Planned {...p} />
      <Safety {...p} />
      {plan.closed ? <p class="notice" role="note">{m.closed}</p> : null}
      {open && !plan.may.prescribe && plan.may.write ? <p>{m.nurseOnly}</p> : null}
      {!plan.may.prescribe && !plan.may.write ? <p>{m.readOnly}</p> : null}
      {open && plan.may.prescribe ? <PrescribeForm {...p} {...of('prescribe')} /> : null}
      {open && plan.may.write && forDose.length > 0 ? <DoseForm {...p} {...of('dose')} open={forDose} /> : null}
      {open && plan.may.prescribe && forStop.length > 0 ? <StopForm {...p} {...of('stop')} open={forStop} /> : null}
      {open && plan.may.prescribe ? <PlanForm {...p} {...of('plan')} /> : null}
    </RecordFrame>
  );
}
