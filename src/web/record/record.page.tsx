// The clinical record's sections as clinicians read them: each its own page under the patient's
// address, inside the record frame (banner and section links). Lists are dense tables; the forms to
// add a fact open where the list is (a disclosure), and one sent back with errors opens at once.
// A section with nothing recorded says so.
import type { ComponentChildren } from 'preact';
import type { PageContext } from '../components/Layout.js';
import { Chip, DataTable, EmptyState, RecordFrame, type BannerAlert, type BannerPatient, type Section } from '../components/Record.js';
import { Checkbox, Csrf, ErrorSummary, Field, Notice, Radios, Select, TextArea, type FieldErrors } from '../components/Form.js';
import type { Messages } from '../i18n/index.js';
import { numericDate, numericDateTime } from '../time-format.js';
import {
  CARE_END_REASONS, dateField, DXA_SITES, FRACTURE_SIDES, FRACTURE_SITES, GRADES, LAB_ROWS, LAB_TESTS, VERTEBRA_LEVELS, labField, type FormKind, type Values,
} from './record.forms.js';
import type { ClinicalView } from '../../api/facade.js';
import type { EntryView } from '../../schema/record.schema.js';
import type { EntryData } from '../../core/record/entries.js';
import { measurementWords } from '../measurements/measurements.page.js';
import { CANONICAL_UNIT } from '../../core/laboratory/units.js';
import { fullName } from '../../core/names.js';

/** A form sent back: which one, what was typed, and what was wrong. */
export interface FormState {
  kind: FormKind | 'end-care';
  values: Values;
  errors: FieldErrors;
}

export type SectionNotice = 'added' | 'corrected' | 'voided' | 'care-ended';

export interface SectionProps {
  ctx: PageContext;
  patient: BannerPatient;
  view: ClinicalView;
  csrf: string;
  form?: FormState | undefined;
  notice?: SectionNotice | undefined;
}

const errTitle = (t: Messages, heading: string, name: string, errors: FieldErrors) =>
  Object.keys(errors).length > 0 ? `${t.form.titlePrefix}: ${t.clinical.sectionTitle(heading, name)}` : undefined;

/** The section of the record a kind of fact is shown in. */
export function sectionOf(kind: string): Section {
  switch (kind) {
    case 'fracture':
      return 'fractures';
    case 'dxa':
    case 'vfa':
    case 'labs':
      return 'results';
    case 'note':
      return 'contacts';
    case 'medication':
    case 'planned-medication':
    case 'medication-dose':
      return 'medication';
    default:
      return 'history';
  }
}

const of = <K extends FormKind>(e: EntryView, kind: K): EntryData[K] | undefined => (e.kind === kind ? (e.data as EntryData[K]) : undefined);
const newestFirst = (a: EntryView, b: EntryView) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.recordedAt < b.recordedAt ? 1 : -1);
const entriesOf = (view: ClinicalView, kind: FormKind) => view.entries.filter((e) => e.kind === kind).sort(newestFirst);
const num = (n: number | undefined) => (n === undefined ? '–' : String(n));

export function kindWord(t: Messages, kind: string): string {
  return t.clinical.kinds[kind] ?? t.clinical.otherKind;
}

function Recorded({ t, e }: { t: Messages; e: EntryView }) {
  const c = t.clinical;
  return <>{c.recorded(e.recordedBy ?? c.someone, numericDateTime(e.recordedAt), c.sources[e.source])}</>;
}

/** The status of an entry, and the way to its page (correct it, mark it in error, its versions). */
function EntryActions({ t, patientId, e }: { t: Messages; patientId: string; e: EntryView }) {
  const c = t.clinical;
  return (
    <>
      {e.status === 'entered-in-error' ? <Chip tone="error">{c.entries.enteredInError}</Chip> : null}
      {e.status === 'active' && e.version > 1 ? <Chip tone="plain">{c.history.corrected(e.version)}</Chip> : null}{' '}
      <a href={`/patients/${patientId}/entries/${e.id}`} class="keep">
        {c.entries.openShort}
        <span class="visually-hidden">{`: ${kindWord(t, e.kind)} ${numericDate(e.date)}`}</span>
      </a>
    </>
  );
}

const rowClass = (e: EntryView) => (e.status === 'entered-in-error' ? 'void' : undefined);

// ---- The forms ------------------------------------------------------------------------------

const dateInput = (t: Messages, kind: FormKind, v: Values, errors: FieldErrors) => (
  <Field
    t={t}
    name={dateField(kind)}
    label={t.clinical.forms.dateOf[kind]}
    hint={t.clinical.forms.dateHint}
    value={v[dateField(kind)]}
    inputMode="numeric"
    autocomplete="off"
    spellcheck={false}
    error={errors[dateField(kind)]}
  />
);

/** The fields of a form for one kind of fact, with what was typed and what was wrong. */
export function EntryFields({ t, kind, values: v, errors }: { t: Messages; kind: FormKind; values: Values; errors: FieldErrors }) {
  const c = t.clinical;
  const f = c.forms;
  switch (kind) {
    case 'fracture':
      return (
        <>
          {dateInput(t, kind, v, errors)}
          <Select t={t} name="site" label={f.fracture.site} value={v.site} error={errors.site} blank={t.form.chooseOption} options={FRACTURE_SITES.map((s) => ({ value: s, label: c.sites[s] }))} />
          <Select t={t} name="side" label={f.fracture.side} value={v.side} error={errors.side} optional blank={c.notGiven} options={FRACTURE_SIDES.map((s) => ({ value: s, label: c.sides[s] }))} />
          <Radios
            t={t}
            name="energy"
            legend={f.fracture.energy}
            value={v.energy}
            error={errors.energy}
            options={[
              { value: 'low', label: f.fracture.low },
              { value: 'high', label: f.fracture.high },
            ]}
          />
          <Checkbox t={t} name="pathological" label={f.fracture.pathological} checked={v.pathological === 'yes'} error={errors.pathological} />
          <Field t={t} name="department" label={f.fracture.department} hint={f.fracture.departmentHint} value={v.department} autocomplete="off" optional error={errors.department} />
        </>
      );
    case 'dxa':
      return (
        <>
          {dateInput(t, kind, v, errors)}
          <p>{f.dxa.intro}</p>
          {DXA_SITES.map((s) => (
            <fieldset key={s} class="inline-form">
              <legend>{c.dxaSites[s]}</legend>
              {(['t', 'z', 'bmd'] as const).map((p) => (
                <Field key={p} t={t} name={`${s}-${p}`} label={f.dxa.part[p](c.dxaSites[s])} value={v[`${s}-${p}`]} inputMode="text" autocomplete="off" optional error={errors[`${s}-${p}`]} />
              ))}
            </fieldset>
          ))}
        </>
      );
    case 'vfa':
      return (
        <>
          {dateInput(t, kind, v, errors)}
          <p>{f.vfa.intro}</p>
          <div class="inline-form">
            {VERTEBRA_LEVELS.map((l) => (
              <Select
                key={l}
                t={t}
                name={`vfa-${l}`}
                label={l}
                value={v[`vfa-${l}`]}
                error={errors[`vfa-${l}`]}
                blank={f.vfa.notAssessed}
                options={GRADES.map((g) => ({ value: g, label: c.vfaGrades[g] }))}
              />
            ))}
          </div>
        </>
      );
    case 'labs':
      return (
        <>
          {dateInput(t, kind, v, errors)}
          <p>{f.labs.intro}</p>
          {Array.from({ length: LAB_ROWS }, (_, i) => i + 1).map((r) => {
            const test = v[labField(r, 'test')] ?? '';
            const usual = (CANONICAL_UNIT as Record<string, string | undefined>)[test];
            return (
              <fieldset key={r} class="inline-form">
                <legend>{f.labs.row(r)}</legend>
                <Select
                  t={t}
                  name={labField(r, 'test')}
                  label={f.labs.part.test(r)}
                  value={test}
                  error={errors[labField(r, 'test')]}
                  optional
                  blank={t.form.chooseOption}
                  options={LAB_TESTS.map((x) => ({ value: x, label: `${c.labTests[x]} (${CANONICAL_UNIT[x]})` }))}
                />
                <Field t={t} name={labField(r, 'value')} label={f.labs.part.value(r)} value={v[labField(r, 'value')]} autocomplete="off" optional error={errors[labField(r, 'value')]} />
                <Field
                  t={t}
                  name={labField(r, 'unit')}
                  label={f.labs.part.unit(r)}
                  hint={usual ?? f.labs.unitHint}
                  value={v[labField(r, 'unit')]}
                  autocomplete="off"
                  spellcheck={false}
                  optional
                  error={errors[labField(r, 'unit')]}
                />
                <Field t={t} name={labField(r, 'low')} label={f.labs.part.low(r)} value={v[labField(r, 'low')]} autocomplete="off" optional error={errors[labField(r, 'low')]} />
                <Field t={t} name={labField(r, 'high')} label={f.labs.part.high(r)} value={v[labField(r, 'high')]} autocomplete="off" optional error={errors[labField(r, 'high')]} />
              </fieldset>
            );
          })}
        </>
      );
    case 'note':
      return (
        <>
          {dateInput(t, kind, v, errors)}
          <TextArea t={t} name="text" label={f.note.text} value={v.text} maxLength={10000} error={errors.text} />
        </>
      );
  }
}

/** "Add a DXA scan": a disclosure with its form, open when the form came back with errors. */
function AddEntry({ ctx, patientId, kind, csrf, form }: { ctx: PageContext; patientId: string; kind: FormKind; csrf: string; form?: FormState | undefined }) {
  const t = ctx.t;
  const mine = form?.kind === kind ? form : undefined;
  return (
    <details class="action" open={mine !== undefined}>
      <summary>{t.clinical.forms.add[kind]}</summary>
      <form method="post" action={`/patients/${patientId}/add/${kind}`} novalidate>
        <Csrf token={csrf} />
        <EntryFields t={t} kind={kind} values={mine?.values ?? {}} errors={mine?.errors ?? {}} />
        <p class="actions">
          <button type="submit">{t.clinical.forms.save[kind]}</button>
        </p>
      </form>
    </details>
  );
}

/** The forms of a section, or why there are none (care ended; a reader who may not write). */
function Adding({ p, kinds }: { p: SectionProps; kinds: readonly FormKind[] }) {
  if (!p.view.may.write) return null;
  if (p.view.careEnd) return <p class="notice">{p.ctx.t.clinical.forms.closed}</p>;
  return (
    <div class="section-actions">
      {kinds.map((k) => (
        <AddEntry key={k} ctx={p.ctx} patientId={p.patient.id} kind={k} csrf={p.csrf} form={p.form} />
      ))}
      <OtherFacts p={p} />
    </div>
  );
}

/** The way to the short forms for the record's other facts (src/web/facts), for a reader who may write. */
function OtherFacts({ p, kinds = [] }: { p: SectionProps; kinds?: readonly string[] }) {
  if (!p.view.may.write || p.view.careEnd) return null;
  const t = p.ctx.t;
  return (
    <p class="other-facts">
      {kinds.map((k) => (
        <span key={k}>
          <a href={`/patients/${p.patient.id}/facts/${k}`}>{t.facts.formTitle(t.facts.kinds[k as keyof typeof t.facts.kinds].name)}</a>
          {' · '}
        </span>
      ))}
      <a href={`/patients/${p.patient.id}/facts`}>{t.clinical.otherFacts}</a>
    </p>
  );
}

function NoticeOf({ t, notice }: { t: Messages; notice?: SectionNotice | undefined }) {
  if (!notice) return null;
  const c = t.clinical;
  return <Notice ok>{notice === 'added' ? c.added : notice === 'corrected' ? c.corrected : notice === 'voided' ? c.voided : c.careEnded}</Notice>;
}

/**
 * The banner's open alerts, from the core's evaluation of the record as it stands: a safety check
 * that blocks a drug the patient takes or is to take (the check of every other drug is advice, not
 * an alert), what asks for action now, and follow-up visits that are overdue.
 */
export function alertsOf(t: Messages, view: Pick<ClinicalView, 'case' | 'evaluation'>): BannerAlert[] {
  const a = t.clinical.alertKinds;
  const c = view.case;
  const theirs = new Set<string>([...(c.medications ?? []).filter((m) => m.end === undefined || m.end >= c.asOf).map((m) => m.drug), ...(c.plannedMedications ?? []).map((m) => m.drug)]);
  const concerns = (v: unknown) => {
    const drug = (v as { drug?: unknown } | null)?.drug;
    return typeof drug !== 'string' || theirs.has(drug);
  };
  const conclusions = view.evaluation.conclusions;
  const blocks = conclusions.filter((x) => x.severity === 'block' && concerns(x.value)).length;
  const actions = conclusions.filter((x) => x.severity === 'action').length;
  const schedule = conclusions.find((x) => x.code === 'follow-up.schedule')?.value as { items?: { status?: string }[] } | null | undefined;
  const overdue = (schedule?.items ?? []).filter((i) => i.status === 'overdue').length;
  return [
    { label: a.block, count: blocks, tone: 'error' },
    { label: a.overdue, count: overdue, tone: 'error' },
    { label: a.action, count: actions, tone: 'warn' },
  ];
}

/** A section's page in the record frame; `errors`: those of a form of another slice shown on it (follow-up). */
export function SectionPage(props: { p: SectionProps; section: Section; children: ComponentChildren; errors?: FieldErrors | undefined; notice?: ComponentChildren }) {
  const { ctx, patient, form } = props.p;
  const heading = ctx.t.clinical.sections[props.section];
  const errors = props.errors ?? form?.errors ?? {};
  const title = errTitle(ctx.t, heading, fullName(patient), errors);
  return (
    <RecordFrame ctx={ctx} patient={patient} section={props.section} heading={heading} alerts={alertsOf(ctx.t, props.p.view)} {...(title ? { title } : {})}>
      <ErrorSummary t={ctx.t} errors={errors} />
      <NoticeOf t={ctx.t} notice={props.p.notice} />
      {props.notice}
      {props.children}
    </RecordFrame>
  );
}

// ---- The sections ---------------------------------------------------------------------------

export function FracturesPage(p: SectionProps) {
  const t = p.ctx.t;
  const c = t.clinical;
  const h = c.fractureTable;
  const rows = entriesOf(p.view, 'fracture');
  const d = (e: EntryView) => of(e, 'fracture');
  return (
    <SectionPage p={p} section="fractures">
      <Adding p={p} kinds={['fracture']} />
      {rows.length === 0 ? (
        <EmptyState>{c.empty.fractures}</EmptyState>
      ) : (
        <DataTable
          caption={h.caption}
          rows={rows}
          rowKey={(e) => e.id}
          rowClass={rowClass}
          columns={[
            { label: h.date, cell: (e) => numericDate(e.date), numeric: true },
            { label: h.site, cell: (e) => { const s = d(e)?.site; return s ? c.sites[s] : c.notGiven; } },
            { label: h.side, cell: (e) => { const s = d(e)?.side; return s ? c.sides[s] : c.notGiven; } },
            { label: h.energy, cell: (e) => { const x = d(e)?.highEnergy; return x === true ? h.highEnergy : x === false ? h.lowEnergy : c.notGiven; } },
            { label: h.pathological, cell: (e) => (d(e)?.pathological ? c.yes : c.no) },
            { label: h.department, cell: (e) => d(e)?.department ?? c.notGiven },
            { label: h.recorded, cell: (e) => <Recorded t={t} e={e} /> },
            { label: h.actions, cell: (e) => <EntryActions t={t} patientId={p.patient.id} e={e} /> },
          ]}
        />
      )}
    </SectionPage>
  );
}

function labFlag(t: Messages, r: { value: number; refLow?: number | undefined; refHigh?: number | undefined }) {
  const x = t.clinical.results;
  if (r.refLow !== undefined && r.value < r.refLow) return <Chip tone="error">{x.low}</Chip>;
  if (r.refHigh !== undefined && r.value > r.refHigh) return <Chip tone="error">{x.high}</Chip>;
  if (r.refLow === undefined && r.refHigh === undefined) return <span class="muted">{x.noRange}</span>;
  return x.inRange;
}

const range = (t: Messages, lo: number | undefined, hi: number | undefined) =>
  lo === undefined && hi === undefined ? t.clinical.notGiven : lo === undefined ? `≤ ${String(hi)}` : hi === undefined ? `≥ ${String(lo)}` : `${String(lo)}–${String(hi)}`;

/** Under each scan, draw or VFA: who recorded it, its status, the way to correct it. */
function EntryFoot({ t, patientId, e }: { t: Messages; patientId: string; e: EntryView }) {
  return (
    <p class="entry-foot">
      {t.clinical.results.recordedBy}: <Recorded t={t} e={e} />. <EntryActions t={t} patientId={patientId} e={e} />
    </p>
  );
}

export function ResultsPage(p: SectionProps) {
  const t = p.ctx.t;
  const c = t.clinical;
  const x = c.results;
  const dxa = entriesOf(p.view, 'dxa');
  const vfa = entriesOf(p.view, 'vfa');
  const labs = entriesOf(p.view, 'labs');
  const id = p.patient.id;
  return (
    <SectionPage p={p} section="results">
      <Adding p={p} kinds={['dxa', 'vfa', 'labs']} />
      <h2>DXA</h2>
      {dxa.length === 0 ? <EmptyState>{c.empty.dxa}</EmptyState> : null}
      {dxa.map((e) => (
        <div key={e.id} class={e.status === 'entered-in-error' ? 'entry void' : 'entry'}>
          <DataTable
            caption={x.dxaCaption(numericDate(e.date))}
            rows={of(e, 'dxa')?.sites ?? []}
            rowKey={(s) => s.site}
            rowClass={() => rowClass(e)}
            columns={[
              { label: x.site, cell: (s) => c.dxaSites[s.site] },
              { label: x.tScore, cell: (s) => num(s.tScore), numeric: true },
              { label: x.zScore, cell: (s) => num(s.zScore), numeric: true },
              { label: x.bmd, cell: (s) => num(s.bmd), numeric: true },
            ]}
          />
          <EntryFoot t={t} patientId={id} e={e} />
        </div>
      ))}
      <h2>VFA</h2>
      {vfa.length === 0 ? <EmptyState>{c.empty.vfa}</EmptyState> : null}
      {vfa.map((e) => (
        <div key={e.id} class={e.status === 'entered-in-error' ? 'entry void' : 'entry'}>
          <DataTable
            caption={x.vfaCaption(numericDate(e.date))}
            rows={of(e, 'vfa')?.vertebrae ?? []}
            rowKey={(v) => v.level}
            rowClass={() => rowClass(e)}
            columns={[
              { label: x.level, cell: (v) => v.level },
              { label: x.grade, cell: (v) => c.vfaGrades[String(v.grade) as (typeof GRADES)[number]] },
            ]}
          />
          <EntryFoot t={t} patientId={id} e={e} />
        </div>
      ))}
      <h2>{c.labs}</h2>
      {labs.length === 0 ? <EmptyState>{c.empty.labs}</EmptyState> : null}
      {labs.map((e) => (
        <div key={e.id} class={e.status === 'entered-in-error' ? 'entry void' : 'entry'}>
          <DataTable
            caption={x.labsCaption(numericDate(e.date))}
            rows={of(e, 'labs')?.results ?? []}
            rowKey={(r) => r.test}
            rowClass={() => rowClass(e)}
            columns={[
              { label: x.test, cell: (r) => c.labTests[r.test] },
              { label: x.value, cell: (r) => String(r.value), numeric: true },
              { label: x.unit, cell: (r) => r.unit },
              { label: x.range, cell: (r) => range(t, r.refLow, r.refHigh), numeric: true },
              { label: x.flag, cell: (r) => labFlag(t, r) },
            ]}
          />
          <EntryFoot t={t} patientId={id} e={e} />
        </div>
      ))}
    </SectionPage>
  );
}

function EndCare(p: SectionProps) {
  const t = p.ctx.t;
  const e = t.clinical.endCare;
  const ended = p.view.careEnd;
  if (ended) {
    return (
      <div class="notice" role="note">
        <p>{e.ended(numericDate(ended.date), t.clinical.careEndReasons[ended.reason])}</p>
        {ended.note ? <p>{ended.note}</p> : null}
        <p>{e.endedBy(ended.endedBy ?? t.clinical.someone)}</p>
      </div>
    );
  }
  if (!p.view.may.endCare) return null;
  const mine = p.form?.kind === 'end-care' ? p.form : undefined;
  const v = mine?.values ?? {};
  const errors = mine?.errors ?? {};
  return (
    <details class="action" open={mine !== undefined}>
      <summary>{e.title}</summary>
      <p>{e.intro}</p>
      <form method="post" action={`/patients/${p.patient.id}/end-care`} novalidate>
        <Csrf token={p.csrf} />
        <Field t={t} name="end-date" label={e.date} hint={t.clinical.forms.dateHint} value={v['end-date']} inputMode="numeric" autocomplete="off" spellcheck={false} error={errors['end-date']} />
        <Radios t={t} name="reason" legend={e.reason} value={v.reason} error={errors.reason} options={CARE_END_REASONS.map((r) => ({ value: r, label: t.clinical.careEndReasons[r] }))} />
        <TextArea t={t} name="note" label={e.note} value={v.note} optional maxLength={2000} error={errors.note} />
        <p class="actions">
          <button type="submit">{e.submit}</button>
        </p>
      </form>
    </details>
  );
}

/** The contacts: the follow-up (its own slice, src/web/follow-up, given as `followUp`), the notes, the end of care. */
export function ContactsPage(p: SectionProps & { followUp?: ComponentChildren; errors?: FieldErrors | undefined; saved?: ComponentChildren }) {
  const t = p.ctx.t;
  const c = t.clinical;
  const n = c.notes;
  const notes = entriesOf(p.view, 'note');
  return (
    <SectionPage p={p} section="contacts" errors={p.errors} notice={p.saved}>
      {p.followUp}
      <h2>{n.caption}</h2>
      <Adding p={p} kinds={['note']} />
      {notes.length === 0 ? (
        <EmptyState>{c.empty.contacts}</EmptyState>
      ) : (
        <DataTable
          caption={n.caption}
          rows={notes}
          rowKey={(e) => e.id}
          rowClass={rowClass}
          columns={[
            { label: n.date, cell: (e) => numericDate(e.date), numeric: true },
            { label: n.text, cell: (e) => <span class="note-text">{of(e, 'note')?.text ?? ''}</span> },
            { label: n.by, cell: (e) => <Recorded t={t} e={e} /> },
            { label: c.fractureTable.actions, cell: (e) => <EntryActions t={t} patientId={p.patient.id} e={e} /> },
          ]}
        />
      )}
      <h2>{c.endCare.title}</h2>
      <EndCare {...p} />
    </SectionPage>
  );
}

/** The clinical record's corrections: facts corrected or marked entered in error, newest first, each to its versions. */
export function RecordHistoryPage(p: SectionProps) {
  const t = p.ctx.t;
  const h = t.clinical.history;
  const patientId = p.patient.id;
  const changed = p.view.entries.filter((e) => e.version > 1 || e.status === 'entered-in-error').sort((a, b) => (a.recordedAt < b.recordedAt ? 1 : -1));
  const heading = h.title;
  return (
    <RecordFrame ctx={p.ctx} patient={p.patient} section="history" heading={heading}>
      <p>{h.intro}</p>
      {changed.length === 0 ? (
        <EmptyState>{h.none}</EmptyState>
      ) : (
        <DataTable
          caption={h.caption}
          rows={changed}
          rowKey={(e) => e.id}
          columns={[
            { label: h.what, cell: (e) => <a href={`/patients/${patientId}/entries/${e.id}`}>{`${kindWord(t, e.kind)} ${numericDate(e.date)}`}</a> },
            { label: h.change, cell: (e) => (e.status === 'entered-in-error' ? <Chip tone="error">{h.voided}</Chip> : h.corrected(e.version)) },
            { label: h.reason, cell: (e) => e.reason ?? t.clinical.notGiven },
            { label: h.by, cell: (e) => e.recordedBy ?? t.clinical.someone },
            { label: h.when, cell: (e) => numericDateTime(e.recordedAt), numeric: true },
          ]}
        />
      )}
      <p>
        <a href={`/patients/${patientId}/history`}>{h.details}</a>
      </p>
    </RecordFrame>
  );
}

/** One fact: what it says, every version of it, and the forms to correct it or mark it entered in error. */
export function EntryPage(props: {
  ctx: PageContext;
  patient: BannerPatient;
  versions: readonly EntryView[];
  csrf: string;
  may: boolean;
  formKind: FormKind | undefined;
  /** What the correction form holds: the fact as it stands, or what was typed. */
  values: Values;
  /** The form sent back with errors, opened. */
  open?: 'correct' | 'void' | undefined;
  errors?: FieldErrors | undefined;
}) {
  const { ctx, patient, versions } = props;
  const t = ctx.t;
  const c = t.clinical;
  const en = c.entries;
  const current = versions.at(-1);
  if (!current) return null;
  const heading = en.title(kindWord(t, current.kind), numericDate(current.date));
  const errors = props.errors ?? {};
  const v = props.values;
  const section = sectionOf(current.kind);
  const base = `/patients/${patient.id}/entries/${current.id}`;
  const title = errTitle(t, heading, fullName(patient), errors);
  return (
    <RecordFrame ctx={ctx} patient={patient} section={section} heading={heading} {...(title ? { title } : {})}>
      <ErrorSummary t={t} errors={errors} />
      {current.status === 'entered-in-error' ? <p class="notice">{en.isVoid}</p> : null}
      <DataTable
        caption={en.versions}
        rows={[...versions].reverse()}
        rowKey={(e) => String(e.version)}
        rowClass={rowClass}
        columns={[
          { label: en.version, cell: (e) => String(e.version), numeric: true },
          { label: c.fractureTable.date, cell: (e) => numericDate(e.date), numeric: true },
          { label: en.data, cell: (e) => <EntryWords t={t} e={e} /> },
          { label: en.status, cell: (e) => (e.status === 'entered-in-error' ? <Chip tone="error">{en.enteredInError}</Chip> : en.active) },
          { label: en.reason, cell: (e) => e.reason ?? (e.version === 1 ? en.firstVersion : c.notGiven) },
          { label: c.fractureTable.recorded, cell: (e) => <Recorded t={t} e={e} /> },
        ]}
      />
      {props.may && current.status === 'active' ? (
        <>
          {props.formKind ? (
            <details class="action" open={props.open === 'correct'}>
              <summary>{en.correctTitle}</summary>
              <p>{en.correctIntro}</p>
              <form method="post" action={`${base}/correct`} novalidate>
                <Csrf token={props.csrf} />
                <EntryFields t={t} kind={props.formKind} values={v} errors={props.open === 'correct' ? errors : {}} />
                <Field
                  t={t}
                  name="correctionReason"
                  label={en.correctReason}
                  hint={en.correctReasonHint}
                  value={v.correctionReason}
                  autocomplete="off"
                  error={props.open === 'correct' ? errors.correctionReason : undefined}
                />
                <p class="actions">
                  <button type="submit">{en.correctSubmit}</button>
                </p>
              </form>
            </details>
          ) : (
            <p>{en.cannotCorrect}</p>
          )}
          <details class="action" open={props.open === 'void'}>
            <summary>{en.voidTitle}</summary>
            <p>{en.voidIntro}</p>
            <form method="post" action={`${base}/void`} novalidate>
              <Csrf token={props.csrf} />
              <TextArea t={t} name="reason" label={en.voidReason} value={props.open === 'void' ? v.reason : ''} maxLength={500} error={props.open === 'void' ? errors.reason : undefined} />
              <p class="actions">
                <button type="submit" class="secondary">{en.voidSubmit}</button>
              </p>
            </form>
          </details>
        </>
      ) : null}
      <p>
        <a href={`/patients/${patient.id}${section === 'overview' ? '' : `/${section}`}`}>{en.back(c.sections[section])}</a>
      </p>
    </RecordFrame>
  );
}

const endOf = (d: EntryData['exercise-therapy']) => (d.end === undefined ? null : numericDate(d.end));

/** An entry's content in a line of words, for the versions table. */
function EntryWords({ t, e }: { t: Messages; e: EntryView }) {
  const c = t.clinical;
  const f = of(e, 'fracture');
  if (f) {
    const parts = [c.sites[f.site], f.side ? c.sides[f.side] : undefined, f.highEnergy === true ? c.fractureTable.highEnergy : f.highEnergy === false ? c.fractureTable.lowEnergy : undefined, f.pathological ? c.fractureTable.pathological : undefined, f.department];
    return <>{parts.filter(Boolean).join(', ')}</>;
  }
  const d = of(e, 'dxa');
  if (d) return <>{d.sites.map((s) => `${c.dxaSites[s.site]}: T ${num(s.tScore)}, Z ${num(s.zScore)}, BMD ${num(s.bmd)}`).join('; ')}</>;
  const v = of(e, 'vfa');
  if (v) return <>{v.vertebrae.map((x) => `${x.level} ${String(x.grade)}`).join(', ')}</>;
  const l = of(e, 'labs');
  if (l) return <>{l.results.map((r) => `${c.labTests[r.test]} ${String(r.value)} ${r.unit}`).join('; ')}</>;
  const n = of(e, 'note');
  if (n) return <span class="note-text">{n.text}</span>;
  // The physiotherapist's measurements and the period of therapy (docs/therapy-measurements.md).
  if (e.kind === 'exercise-measurement') return <>{measurementWords(t, t.lang === 'en' ? 'en' : 'nl', e.data as EntryData['exercise-measurement'])}</>;
  if (e.kind === 'exercise-therapy') return <>{t.measurements.kindSummary.therapy(endOf(e.data as EntryData['exercise-therapy']))}</>;
  return <code>{JSON.stringify(e.data)}</code>;
}
