// The home safety check (/patients/:id/therapy/home-check): the physiotherapist walks through the
// home with the patient and records, per item of the core's list, fine / needs work / not
// applicable, a note, and what was agreed; the advice per item (the catalogue's words) stands beside
// each item in the form and beside each item that needs work in the checks kept. Readers who may not
// record (the hospital's nurse and physician) see the checks without the form.
import type { HomeCheckScreen, HomeCheckView } from '../../api/facade.js';
import { HOME_CHECK_FINDINGS, HOME_CHECK_ITEMS } from '../../core/coaching/lists.js';
import { fullName } from '../../core/names.js';
import { Csrf, ErrorSummary, Field, Notice, Radios, TextArea, type FieldErrors } from '../components/Form.js';
import type { PageContext } from '../components/Layout.js';
import { Chip, DataTable, EmptyState, RecordFrame } from '../components/Record.js';
import { numericDate } from '../time-format.js';
import { findingField, noteField } from './coaching.forms.js';

export interface FormState {
  values: Record<string, string>;
  errors: FieldErrors;
}

/** The way back to the practice's hub of this patient's exercise therapy. */
export function BackToTherapy({ patientId, label }: { patientId: string; label: string }) {
  return (
    <p class="back">
      <a href={`/patients/${patientId}/therapy`}>{label}</a>
    </p>
  );
}

const TONE = { fine: 'ok', 'needs-work': 'warn', 'not-applicable': 'plain' } as const;

function CheckForm({ ctx, patientId, csrf, form }: { ctx: PageContext; patientId: string; csrf: string; form: FormState }) {
  const h = ctx.t.homeCheck;
  const v = form.values;
  const e = form.errors;
  return (
    <section aria-labelledby="form-title">
      <h2 id="form-title">{h.formTitle}</h2>
      <ErrorSummary t={ctx.t} errors={e} />
      <form method="post" action={`/patients/${patientId}/therapy/home-check`} novalidate>
        <Csrf token={csrf} />
        <Field t={ctx.t} name="date" label={h.date} hint={h.dateHint} value={v.date} inputMode="numeric" autocomplete="off" spellcheck={false} error={e.date} />
        {HOME_CHECK_ITEMS.map((i) => (
          <div key={i} class="home-check-item">
            <Radios
              t={ctx.t} name={findingField(i)} legend={h.items[i]} value={v[findingField(i)]} error={e[findingField(i)]}
              hint={`${h.adviceLabel}: ${h.adviceText[i]}`}
              options={HOME_CHECK_FINDINGS.map((f) => ({ value: f, label: h.findings[f] }))}
            />
            <TextArea t={ctx.t} name={noteField(i)} label={`${h.items[i]}: ${h.note}`} optional maxLength={2000} value={v[noteField(i)]} error={e[noteField(i)]} />
          </div>
        ))}
        <TextArea t={ctx.t} name="agreed" label={h.agreed} hint={h.agreedHint} optional maxLength={4000} value={v.agreed} error={e.agreed} />
        <p class="actions">
          <button type="submit">{h.save}</button>
        </p>
      </form>
    </section>
  );
}

function Check({ ctx, check }: { ctx: PageContext; check: HomeCheckView }) {
  const h = ctx.t.homeCheck;
  return (
    <article class="home-check">
      <h3>{h.checkTitle(numericDate(check.date), check.recordedBy ?? h.someone)}</h3>
      <DataTable
        caption={h.caption}
        captionHidden
        rows={check.items}
        rowKey={(r) => r.item}
        columns={[
          { label: h.item, cell: (r) => h.items[r.item] },
          { label: h.finding, cell: (r) => <Chip tone={TONE[r.finding]}>{h.findings[r.finding]}</Chip> },
          { label: h.note, cell: (r) => r.note ?? h.noNote },
          { label: h.advice, cell: (r) => (r.finding === 'needs-work' ? h.adviceText[r.item] : h.noNote) },
        ]}
      />
      <h4>{h.agreedTitle}</h4>
      <p>{check.agreed ?? h.noAgreed}</p>
    </article>
  );
}

export function HomeCheckPage(p: { ctx: PageContext; screen: HomeCheckScreen; csrf: string; form: FormState; saved: boolean }) {
  const { ctx, screen } = p;
  const h = ctx.t.homeCheck;
  const patient = screen.patient;
  const failed = Object.keys(p.form.errors).length > 0;
  return (
    <RecordFrame ctx={ctx} patient={patient} section="overview" heading={h.title} {...(failed ? { title: `${ctx.t.form.titlePrefix}: ${ctx.t.clinical.sectionTitle(h.title, fullName(patient))}` } : {})}>
      <BackToTherapy patientId={patient.id} label={h.back} />
      {p.saved ? <Notice ok>{h.saved}</Notice> : null}
      <p>{h.intro}</p>
      {screen.mayWrite ? <CheckForm ctx={ctx} patientId={patient.id} csrf={p.csrf} form={p.form} /> : <p>{h.readOnly}</p>}
      <section aria-labelledby="kept-title">
        <h2 id="kept-title">{h.keptTitle}</h2>
        {screen.checks.length === 0 ? <EmptyState>{h.none}</EmptyState> : screen.checks.map((c) => <Check key={c.id} ctx={ctx} check={c} />)}
      </section>
    </RecordFrame>
  );
}
