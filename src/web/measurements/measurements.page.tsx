// The exercise-therapy measurements of one patient (clinician side, dense, no script): the list
// with the core's scores, newest first; one measurement with each instrument's score, its cut-offs
// in words and its source; the form for a new one in the order of a session; the period of
// supervised therapy and when the next measurement is due. The scores come from the API's view
// (services/therapy-measurements.ts, which asks core/measures/scoring.ts): nothing is scored here.
import type { MeasurementsView, MeasurementView } from '../../api/facade.js';
import type { EntryView } from '../../schema/record.schema.js';
import type { EntryData } from '../../core/record/entries.js';
import type { PageContext } from '../components/Layout.js';
import { Checkbox, Csrf, ErrorSummary, Field, Notice, Select, TextArea, type FieldErrors } from '../components/Form.js';
import { Chip, DataTable, EmptyState } from '../components/Record.js';
import type { Messages } from '../i18n/index.js';
import { numericDate, numericDateTime } from '../time-format.js';
import { TherapyFrame } from '../therapy-intake/therapy.frame.js';
import { FES_ITEMS, GOALS, PSKS, STAGES } from './measurements.forms.js';

type Lang = PageContext['lang'];
const dec = (lang: Lang, n: number) => (lang === 'nl' ? String(n).replace('.', ',') : String(n));
export const measurementsHref = (patientId: string) => `/patients/${patientId}/therapy/measurements`;

/** One row per instrument measured: the result, the cut-offs in words, the source. */
export function scoreRows(t: Messages, lang: Lang, m: Pick<MeasurementView, 'data' | 'scores'>): { key: string; name: string; result: string; cutOff: string; source: string; warn: boolean }[] {
  const w = t.measurements;
  const s = m.scores;
  const out: { key: string; name: string; result: string; cutOff: string; source: string; warn: boolean }[] = [];
  if (s.sppb) out.push({ key: 'sppb', name: w.names.sppb, result: w.results.sppb(s.sppb.score, w.bands[s.sppb.band], s.sppb.balance, s.sppb.gait, s.sppb.chairStand), cutOff: w.cutOffs.sppb, source: w.sources.sppb, warn: s.sppb.band !== 'high' });
  if (s.fourStageBalance) {
    out.push({ key: 'four', name: w.names.fourStage, result: w.results.fourStage(s.fourStageBalance.highestStageHeld, s.fourStageBalance.fallRiskIncreased), cutOff: w.cutOffs.fourStage, source: w.sources.fourStage, warn: s.fourStageBalance.fallRiskIncreased });
  }
  if (s.chairStand30s) {
    const c = s.chairStand30s;
    out.push({
      key: 'chair', name: w.names.chairStand30s, result: w.results.chairStand30s(c.repetitions, c.belowAverage),
      cutOff: c.threshold === null ? w.cutOffs.chairStandNoNorm(c.age) : w.cutOffs.chairStand30s(c.threshold, w.sex[c.sex], c.age), source: w.sources.chairStand30s, warn: c.belowAverage === true,
    });
  }
  if (s.tug) out.push({ key: 'tug', name: w.names.tug, result: w.results.tug(dec(lang, s.tug.seconds), s.tug.slow), cutOff: w.cutOffs.tug, source: w.sources.tug, warn: s.tug.slow });
  if (s.gaitSpeed) out.push({ key: 'gait', name: w.names.gaitSpeed, result: w.results.gaitSpeed(dec(lang, s.gaitSpeed.mps), s.gaitSpeed.slow), cutOff: w.cutOffs.gaitSpeed, source: w.sources.gaitSpeed, warn: s.gaitSpeed.slow });
  if (m.data.stepsPerDay !== undefined) out.push({ key: 'steps', name: w.names.steps, result: w.results.steps(m.data.stepsPerDay, m.data.steps?.length ?? 0), cutOff: w.cutOffs.steps, source: w.sources.steps, warn: false });
  if (s.psk) out.push({ key: 'psk', name: w.names.psk, result: s.psk.map((p) => w.results.psk(p.activity, p.score, p.change)).join('; '), cutOff: w.cutOffs.psk, source: w.sources.psk, warn: false });
  if (s.fesI) out.push({ key: 'fes', name: w.names.fesI, result: w.results.fesI(s.fesI.score, w.fearLevels[s.fesI.level]), cutOff: w.cutOffs.fesI, source: w.sources.fesI, warn: s.fesI.level !== 'low' });
  return out;
}

/** A measurement entry in a line of words, for the record's list of versions. */
export function measurementWords(t: Messages, lang: Lang, d: EntryData['exercise-measurement']): string {
  const w = t.measurements;
  const c = w.columns;
  const parts: string[] = [];
  if (d.sppb) parts.push(w.names.sppb);
  if (d.fourStageBalance) parts.push(`${c.balance} ${d.fourStageBalance.stageSeconds.map((x) => dec(lang, x)).join('/')} s`);
  if (d.chairStand30s !== undefined) parts.push(`${c.chairStand30s} ${String(d.chairStand30s)}`);
  if (d.tugSeconds !== undefined) parts.push(`${c.tug} ${dec(lang, d.tugSeconds)} s`);
  if (d.gaitSpeedMps !== undefined) parts.push(`${c.gaitSpeed} ${dec(lang, d.gaitSpeedMps)} m/s`);
  if (d.stepsPerDay !== undefined) parts.push(`${c.steps} ${String(d.stepsPerDay)}`);
  if (d.psk) parts.push(`${c.psk} ${d.psk.map((p) => `${p.activity} ${String(p.score)}`).join(', ')}`);
  if (d.fesI) parts.push(`${c.fesI} ${String(d.fesI.reduce((a, b) => a + b, 0))}`);
  if (d.goals) parts.push(`${w.goalsTitle}: ${d.goals.map((g) => `${g.goal} (${w.goalStatus[g.status]})`).join(', ')}`);
  return `${w.kindSummary.items}: ${parts.join('; ')}`;
}

export function ScoresTable({ ctx, m }: { ctx: PageContext; m: MeasurementView }) {
  const w = ctx.t.measurements;
  return (
    <DataTable
      caption={w.scoresTitle} captionHidden rows={scoreRows(ctx.t, ctx.lang, m)} rowKey={(r) => r.key}
      columns={[
        { label: w.measure, cell: (r) => r.name },
        { label: w.result, cell: (r) => (r.warn ? <Chip tone="warn">{r.result}</Chip> : r.result) },
        { label: w.cutOff, cell: (r) => r.cutOff },
        { label: w.source, cell: (r) => r.source },
      ]}
    />
  );
}

function Period({ ctx, view, canWrite, csrf, values, errors }: { ctx: PageContext; view: MeasurementsView; canWrite: boolean; csrf: string; values: Record<string, string>; errors: FieldErrors }) {
  const w = ctx.t.measurements;
  const p = view.therapy.period;
  return (
    <section aria-labelledby="period-title">
      <h2 id="period-title">{w.periodTitle}</h2>
      <p>{p ? w.period(numericDate(p.start), p.end === null ? null : numericDate(p.end)) : w.periodNone}</p>
      {view.therapy.nextDue ? <p>{w.nextDue(numericDate(view.therapy.nextDue))}</p> : null}
      {canWrite ? (
        <details class="action" open={Object.keys(errors).length > 0}>
          <summary>{w.periodForm}</summary>
          <form method="post" action={`${measurementsHref(view.patient.id)}/period`} novalidate>
            <Csrf token={csrf} />
            <Field t={ctx.t} name="start" label={w.periodStart} hint={ctx.t.form.dateHint} value={values.start} error={errors.start} inputMode="numeric" autocomplete="off" />
            <Field t={ctx.t} name="end" label={w.periodEnd} hint={ctx.t.form.dateHint} value={values.end} error={errors.end} inputMode="numeric" autocomplete="off" optional />
            <p class="actions"><button type="submit" class="secondary">{w.periodSave}</button></p>
          </form>
        </details>
      ) : null}
    </section>
  );
}

export function MeasurementsPage(p: {
  ctx: PageContext; view: MeasurementsView; canWrite: boolean; csrf: string; notice?: 'period' | 'voided' | 'gone' | undefined; period: { values: Record<string, string>; errors: FieldErrors };
}) {
  const { ctx, view } = p;
  const w = ctx.t.measurements;
  const c = w.columns;
  const base = measurementsHref(view.patient.id);
  const newestFirst = [...view.items].reverse();
  const num = (n: number | undefined, unit = '') => (n === undefined ? '–' : `${dec(ctx.lang, n)}${unit}`);
  return (
    <TherapyFrame ctx={ctx} patient={view.patient} heading={w.title} back={w.back} failed={Object.keys(p.period.errors).length > 0}>
      {p.notice === 'gone' ? <Notice>{w.correct.gone}</Notice> : p.notice ? <Notice ok>{p.notice === 'period' ? w.periodSaved : w.voided}</Notice> : null}
      <ErrorSummary t={ctx.t} errors={p.period.errors} />
      <p>{w.intro}</p>
      {p.canWrite ? <p><a href={`${base}/new`}>{w.newLink}</a></p> : <p>{w.readOnly}</p>}
      <p><a href={`/patients/${view.patient.id}/therapy/progress`}>{ctx.t.progress.hubLink}</a></p>
      <Period ctx={ctx} view={view} canWrite={p.canWrite} csrf={p.csrf} values={p.period.values} errors={p.period.errors} />
      <section aria-labelledby="list-title">
        <h2 id="list-title">{w.listTitle}</h2>
        {newestFirst.length === 0 ? <EmptyState>{w.none}</EmptyState> : (
          <DataTable
            caption={w.listTitle} captionHidden rows={newestFirst} rowKey={(m) => m.id}
            columns={[
              { label: c.date, cell: (m) => <a href={`${base}/${m.id}`}>{numericDate(m.date)}</a>, numeric: true },
              { label: c.sppb, cell: (m) => (m.scores.sppb ? `${String(m.scores.sppb.score)} (${w.bands[m.scores.sppb.band]})` : '–'), numeric: true },
              { label: c.balance, cell: (m) => (m.scores.fourStageBalance ? String(m.scores.fourStageBalance.highestStageHeld) : '–'), numeric: true },
              { label: c.chairStand30s, cell: (m) => (m.scores.chairStand30s ? `${String(m.scores.chairStand30s.repetitions)}${m.scores.chairStand30s.belowAverage ? ' ↓' : ''}` : '–'), numeric: true },
              { label: c.tug, cell: (m) => num(m.data.tugSeconds, ' s'), numeric: true },
              { label: c.gaitSpeed, cell: (m) => num(m.data.gaitSpeedMps, ' m/s'), numeric: true },
              { label: c.steps, cell: (m) => num(m.data.stepsPerDay), numeric: true },
              { label: c.psk, cell: (m) => m.scores.psk?.map((x) => `${x.activity} ${String(x.score)}`).join('; ') ?? '–' },
              { label: c.fesI, cell: (m) => (m.scores.fesI ? String(m.scores.fesI.score) : '–'), numeric: true },
              { label: c.by, cell: (m) => m.recordedBy ?? '–' },
            ]}
          />
        )}
      </section>
    </TherapyFrame>
  );
}

export function MeasurementPage(p: {
  ctx: PageContext; view: MeasurementsView; m: MeasurementView; notice: 'saved' | 'corrected' | undefined; canWrite: boolean; csrf: string; voiding: { reason: string; error?: string | undefined };
  /** Every version of the measurement, the first first (the record's history of the entry). */
  versions: readonly EntryView[];
}) {
  const { ctx, view, m } = p;
  const w = ctx.t.measurements;
  const en = ctx.t.clinical.entries;
  const errors: FieldErrors = p.voiding.error ? { reason: p.voiding.error } : {};
  return (
    <TherapyFrame ctx={ctx} patient={view.patient} heading={w.oneTitle(numericDate(m.date))} back={w.back} failed={p.voiding.error !== undefined}>
      <ErrorSummary t={ctx.t} errors={errors} />
      {p.notice ? <Notice ok>{p.notice === 'saved' ? w.saved : w.correct.saved}</Notice> : null}
      <section aria-labelledby="scores-title">
        <h2 id="scores-title">{w.scoresTitle}</h2>
        <ScoresTable ctx={ctx} m={m} />
      </section>
      {m.data.goals ? (
        <section aria-labelledby="goals-title">
          <h2 id="goals-title">{w.goalsTitle}</h2>
          <ul>{m.data.goals.map((g) => <li key={g.goal}>{`${g.goal}: ${w.goalStatus[g.status]}${g.changedTo ? `, ${w.goalChanged(g.changedTo)}` : ''}`}</li>)}</ul>
        </section>
      ) : null}
      {m.data.steps ? (
        <details>
          <summary>{w.stepsDaysTitle}</summary>
          <DataTable caption={w.stepsDaysTitle} captionHidden rows={m.data.steps} rowKey={(d) => d.date}
            columns={[{ label: w.columns.date, cell: (d) => numericDate(d.date), numeric: true }, { label: w.columns.steps, cell: (d) => String(d.steps), numeric: true }]} />
        </details>
      ) : null}
      {m.data.note ? (
        <section aria-labelledby="note-title">
          <h2 id="note-title">{w.noteTitle}</h2>
          <p class="note-text">{m.data.note}</p>
        </section>
      ) : null}
      {p.canWrite ? <p><a href={`${measurementsHref(view.patient.id)}/${m.id}/correct`}>{w.correct.link}</a></p> : null}
      <Versions ctx={ctx} versions={p.versions} />
      {p.canWrite ? (
        <details class="action" open={p.voiding.error !== undefined}>
          <summary>{en.voidTitle}</summary>
          <p>{en.voidIntro}</p>
          <form method="post" action={`${measurementsHref(view.patient.id)}/${m.id}/void`} novalidate>
            <Csrf token={p.csrf} />
            <TextArea t={ctx.t} name="reason" label={en.voidReason} value={p.voiding.reason} maxLength={500} error={p.voiding.error} />
            <p class="actions"><button type="submit" class="secondary">{en.voidSubmit}</button></p>
          </form>
        </details>
      ) : null}
      <p><a href={measurementsHref(view.patient.id)}>{w.backToList}</a></p>
    </TherapyFrame>
  );
}

/** The measurement's versions, newest first: what each said, why it was changed, who recorded it. */
function Versions({ ctx, versions }: { ctx: PageContext; versions: readonly EntryView[] }) {
  const t = ctx.t;
  const c = t.measurements.correct;
  const en = t.clinical.entries;
  return (
    <section aria-labelledby="versions-title">
      <h2 id="versions-title">{c.versionsTitle}</h2>
      <p>{c.versionsIntro}</p>
      <DataTable
        caption={c.versionsTitle} captionHidden rows={[...versions].reverse()} rowKey={(e) => String(e.version)}
        columns={[
          { label: en.version, cell: (e) => String(e.version), numeric: true },
          { label: t.measurements.columns.date, cell: (e) => numericDate(e.date), numeric: true },
          { label: en.data, cell: (e) => measurementWords(t, ctx.lang, e.data as EntryData['exercise-measurement']) },
          { label: en.reason, cell: (e) => e.reason ?? (e.version === 1 ? en.firstVersion : '–') },
          { label: c.recorded, cell: (e) => `${e.recordedBy ?? t.clinical.someone}, ${numericDateTime(e.recordedAt)}` },
        ]}
      />
    </section>
  );
}

export interface FormContext {
  /** The intake's goals, as the form shows them (what, how much). */
  goals: readonly string[];
  hasIntake: boolean;
  /** The record's latest Short FES-I (the patient's own, or a clinician's), and whether the form holds its answers. */
  fes: { date: string; score: number; level: 'low' | 'moderate' | 'high'; byPatient: boolean; prefilled: boolean } | undefined;
}

/**
 * The form of a new measurement, or of a correction (`correcting`: the measurement as it stands,
 * the form prefilled with its raw items, a reason asked, the meter's days kept unless replaced).
 */
export function NewMeasurementPage(p: { ctx: PageContext; view: MeasurementsView; csrf: string; values: Record<string, string>; errors: FieldErrors; form: FormContext; correcting?: MeasurementView | undefined }) {
  const { ctx, view, values, errors, correcting } = p;
  const t = ctx.t;
  const w = t.measurements;
  const f = w.fields;
  const l = w.legends;
  const field = (name: string) => ({ t, name, value: values[name], error: errors[name] });
  const secs = (name: string, label: string, optional = true) => <Field {...field(name)} label={label} inputMode="decimal" autocomplete="off" spellcheck={false} optional={optional} />;
  const fesOptions = (['1', '2', '3', '4'] as const).map((v) => ({ value: v, label: t.facts.options.fesI[v] }));
  const statusOptions = (['kept', 'changed', 'reached'] as const).map((v) => ({ value: v, label: w.goalStatus[v] }));
  const goals = GOALS.filter((n) => (values[`goal${String(n)}`] ?? '') !== '');
  const c = w.correct;
  const kept = (values.stepsKept ?? '').split('\n').filter((l) => l.trim() !== '').length;
  const action = correcting ? `${measurementsHref(view.patient.id)}/${correcting.id}/correct` : `${measurementsHref(view.patient.id)}/new`;
  return (
    <TherapyFrame ctx={ctx} patient={view.patient} heading={correcting ? c.title(numericDate(correcting.date)) : w.newTitle} back={w.back} failed={Object.keys(errors).length > 0}>
      <ErrorSummary t={t} errors={errors} />
      {correcting ? <p>{c.intro}</p> : null}
      <form method="post" action={action} enctype="multipart/form-data" novalidate>
        <Csrf token={p.csrf} />
        <Field {...field('date')} label={f.date} hint={t.form.dateHint} inputMode="numeric" autocomplete="off" autofocus />
        <fieldset>
          <legend>{l.sppb}</legend>
          <p class="hint">{w.hints.sppb} {w.hints.seconds}</p>
          {secs('sppbSideBySide', f.sppbSideBySide)}
          {secs('sppbSemiTandem', f.sppbSemiTandem)}
          {secs('sppbTandem', f.sppbTandem)}
          {secs('sppbGait4m', f.sppbGait4m)}
          <Checkbox t={t} name="sppbGaitUnable" label={f.sppbGaitUnable} checked={values.sppbGaitUnable === 'yes'} />
          {secs('sppbChair5', f.sppbChair5)}
          <Checkbox t={t} name="sppbChairUnable" label={f.sppbChairUnable} checked={values.sppbChairUnable === 'yes'} />
        </fieldset>
        <fieldset>
          <legend>{l.fourStage}</legend>
          <p class="hint">{w.hints.fourStage}</p>
          {STAGES.map((n) => <div key={n}>{secs(`fsb${String(n)}`, f.fsb(n))}</div>)}
        </fieldset>
        <fieldset>
          <legend>{l.chairStand30s}</legend>
          <Field {...field('chairStand30s')} label={f.chairStand30s} inputMode="numeric" autocomplete="off" optional />
        </fieldset>
        <fieldset>
          <legend>{l.tug}</legend>
          {secs('tugSeconds', f.tugSeconds)}
        </fieldset>
        <fieldset>
          <legend>{l.gaitSpeed}</legend>
          <Field {...field('gaitSpeedMps')} label={f.gaitSpeedMps} inputMode="decimal" autocomplete="off" optional />
        </fieldset>
        <fieldset>
          <legend>{l.steps}</legend>
          <Field {...field('stepsPerDay')} label={f.stepsPerDay} inputMode="numeric" autocomplete="off" optional />
          <div class="field">
            <label for="stepsFile">{f.stepsFile}<span class="hint-inline"> {t.form.optional}</span></label>
            <span class="hint" id="stepsFile-hint">{w.hints.stepsFile}</span>
            {errors.stepsFile ? <span class="field-error" id="stepsFile-error"><span class="visually-hidden">{t.form.errorPrefix} </span>{errors.stepsFile}</span> : null}
            <input type="file" id="stepsFile" name="stepsFile" accept=".csv,text/csv,text/plain" aria-invalid={errors.stepsFile ? 'true' : undefined}
              aria-describedby={errors.stepsFile ? 'stepsFile-hint stepsFile-error' : 'stepsFile-hint'} />
          </div>
          {kept > 0 ? (
            <>
              <input type="hidden" name="stepsKept" value={values.stepsKept} />
              <p class="hint">{c.stepsKept(kept)}</p>
            </>
          ) : null}
        </fieldset>
        <fieldset>
          <legend>{l.fesI}</legend>
          <p class="hint">{w.hints.fesI}</p>
          {correcting ? null : <p>{p.form.fes ? `${w.hints.fesIFilled(numericDate(p.form.fes.date), p.form.fes.score, w.fearLevels[p.form.fes.level], p.form.fes.byPatient)}${p.form.fes.prefilled ? ` ${w.hints.fesIPrefilled}` : ''}` : w.hints.fesINotFilled}</p>}
          {FES_ITEMS.map((n) => <Select key={n} {...field(`fesI${String(n)}`)} label={f.fesI(n)} options={fesOptions} blank={w.notDiscussed} optional />)}
          <p class="hint">{w.hints.qualityOfLife}</p>
        </fieldset>
        <fieldset>
          <legend>{l.psk}</legend>
          <p class="hint">{p.form.hasIntake ? w.hints.psk : w.hints.noIntake}</p>
          {PSKS.map((n) => (
            <div key={n} class="field-row">
              <Field {...field(`psk${String(n)}Activity`)} label={f.pskActivity(n)} optional />
              <Field {...field(`psk${String(n)}Score`)} label={f.pskScore(n)} inputMode="numeric" autocomplete="off" optional />
            </div>
          ))}
        </fieldset>
        {goals.length > 0 ? (
          <fieldset>
            <legend>{l.goals}</legend>
            <p class="hint">{w.hints.goals}</p>
            {goals.map((n) => (
              <div key={n} class="field-row">
                <input type="hidden" name={`goal${String(n)}`} value={values[`goal${String(n)}`]} />
                <Select {...field(`goal${String(n)}Status`)} label={f.goalStatus(values[`goal${String(n)}`] ?? '')} options={statusOptions} blank={w.notDiscussed} optional />
                <Field {...field(`goal${String(n)}ChangedTo`)} label={f.goalChangedTo(n)} optional />
              </div>
            ))}
          </fieldset>
        ) : null}
        <TextArea {...field('note')} label={f.note} maxLength={4000} optional />
        {correcting ? <Field {...field('reason')} label={c.reason} hint={c.reasonHint} autocomplete="off" /> : null}
        <p class="actions"><button type="submit">{correcting ? c.save : w.save}</button></p>
      </form>
    </TherapyFrame>
  );
}
