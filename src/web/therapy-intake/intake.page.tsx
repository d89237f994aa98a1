// The practice's intake of a referred patient (clinician side, dense): the record's VFA in words,
// the latest intake with the core's fall-risk and fear-of-falling levels and their why, the goals
// and the PSK, every version kept, and (for the practice's physiotherapist) the form for the next
// version, filled with the latest. No script.
import type { Conclusion } from '../../core/rule.js';
import type { IntakesView, IntakeView } from '../../api/facade.js';
import type { PageContext } from '../components/Layout.js';
import { Csrf, ErrorSummary, Field, Notice, Select, TextArea, type FieldErrors } from '../components/Form.js';
import { Chip, DataTable, EmptyState } from '../components/Record.js';
import { Why } from '../components/Conclusion.js';
import { numericDate } from '../time-format.js';
import { FALL_FLAGS, INTAKE_ROWS } from './intake.forms.js';
import { TherapyFrame } from './therapy.frame.js';

const TONE = { low: 'ok', intermediate: 'warn', moderate: 'warn', high: 'error' } as const;

function Vfa({ ctx, vfa }: { ctx: PageContext; vfa: IntakesView['vfa'] }) {
  const w = ctx.t.therapyIntake;
  const broken = vfa?.vertebrae.filter((v) => v.grade !== 0) ?? [];
  return (
    <section aria-labelledby="vfa-title">
      <h2 id="vfa-title">{w.vfaTitle}</h2>
      {vfa === null ? (
        <p>{w.vfaNone}</p>
      ) : (
        <>
          <p>{w.vfaOf(numericDate(vfa.date))}</p>
          {broken.length === 0 ? <p>{w.vfaNoFracture}</p> : (
            <ul>
              {broken.map((v) => <li key={v.level}>{`${v.level}: ${ctx.t.clinical.vfaGrades[String(v.grade) as keyof typeof ctx.t.clinical.vfaGrades]}`}</li>)}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

function Falls({ ctx, i, conclusions }: { ctx: PageContext; i: IntakeView; conclusions: readonly Conclusion[] }) {
  const w = ctx.t.therapyIntake;
  const risk = conclusions.find((c) => c.code === 'fall-risk.level');
  const fear = conclusions.find((c) => c.code === 'fear-of-falling.level');
  const inventory = conclusions.find((c) => c.code === 'fall-risk.inventory-needed');
  return (
    <section aria-labelledby="falls-title">
      <h3 id="falls-title">{w.fallsTitle}</h3>
      <dl class="details">
        <div>
          <dt>{w.fallRisk}</dt>
          <dd>
            {i.fallRisk.level === null ? w.fallUnknown : <Chip tone={TONE[i.fallRisk.level]}>{w.fallLevels[i.fallRisk.level]}</Chip>}
            {risk ? <p>{risk.explanation.clinician}</p> : null}
            {risk ? <Why t={ctx.t} lang={ctx.lang} c={risk} /> : null}
            {inventory ? <p>{w.inventory}</p> : null}
          </dd>
        </div>
        <div>
          <dt>{w.fear}</dt>
          <dd>
            {i.fearOfFalling === null ? w.fearNone : i.fearOfFalling.level === null ? w.fearMissing : (
              <>
                <Chip tone={TONE[i.fearOfFalling.level]}>{w.fearLevels[i.fearOfFalling.level]}</Chip> {i.fearOfFalling.score === null ? null : w.fearScore(i.fearOfFalling.score)}
              </>
            )}
            {fear ? <Why t={ctx.t} lang={ctx.lang} c={fear} /> : null}
          </dd>
        </div>
      </dl>
    </section>
  );
}

function Latest({ ctx, i, conclusions }: { ctx: PageContext; i: IntakeView; conclusions: readonly Conclusion[] }) {
  const w = ctx.t.therapyIntake;
  return (
    <section aria-labelledby="latest-title">
      <h2 id="latest-title">{w.latestTitle(i.version, numericDate(i.date))}</h2>
      <p>{w.by(`${i.recordedBy ?? '–'}, ${i.practice.name}`)}</p>
      <dl class="details">
        <div>
          <dt>{w.history}</dt>
          <dd>{i.history}</dd>
        </div>
        <div>
          <dt>{w.pain}</dt>
          <dd>
            {w.painLine(i.pain.score)}
            {i.pain.where ? <>{`; ${w.painWhere.toLowerCase()}: ${i.pain.where}`}</> : null}
            {i.pain.when ? <>{`; ${w.painWhen.toLowerCase()}: ${i.pain.when}`}</> : null}
          </dd>
        </div>
        <div>
          <dt>{w.postureTitle}</dt>
          <dd>
            <p>{`${w.observations}: ${i.posture.observations}`}</p>
            <p>{`${w.advice}: ${i.posture.advice}`}</p>
          </dd>
        </div>
      </dl>
      <Falls ctx={ctx} i={i} conclusions={conclusions} />
      <h3>{w.goalsTitle}</h3>
      <DataTable
        caption={w.goalsTitle} captionHidden rows={i.goals} rowKey={(g) => `${g.what}-${g.by}`}
        columns={[
          { label: w.goalWhat, cell: (g) => g.what },
          { label: w.goalHowMuch, cell: (g) => g.howMuch },
          { label: w.goalBy, cell: (g) => numericDate(g.by), numeric: true },
        ]}
      />
      <h3>{w.pskTitle}</h3>
      {i.psk.length === 0 ? <p>{w.pskNone}</p> : (
        <DataTable
          caption={w.pskTitle} captionHidden rows={i.psk} rowKey={(p) => p.activity}
          columns={[
            { label: w.pskActivity, cell: (p) => p.activity },
            { label: w.pskScore, cell: (p) => String(p.score), numeric: true },
          ]}
        />
      )}
    </section>
  );
}

function Versions({ ctx, items }: { ctx: PageContext; items: readonly IntakeView[] }) {
  const w = ctx.t.therapyIntake;
  return (
    <section aria-labelledby="versions-title">
      <h2 id="versions-title">{w.versionsTitle}</h2>
      <DataTable
        caption={w.versionsTitle} captionHidden rows={items} rowKey={(i) => i.id}
        columns={[
          { label: w.version, cell: (i) => String(i.version), numeric: true },
          { label: w.date, cell: (i) => numericDate(i.date), numeric: true },
          { label: w.practice, cell: (i) => i.practice.name },
          { label: w.recordedBy, cell: (i) => i.recordedBy ?? '–' },
          { label: w.fallRisk, cell: (i) => (i.fallRisk.level === null ? '–' : w.fallLevels[i.fallRisk.level]) },
          { label: w.pskTitle, cell: (i) => i.psk.map((p) => `${p.activity}: ${String(p.score)}`).join('; ') || '–' },
        ]}
      />
    </section>
  );
}

function IntakeForm({ ctx, patientId, csrf, values, errors }: { ctx: PageContext; patientId: string; csrf: string; values: Record<string, string>; errors: FieldErrors }) {
  const w = ctx.t.therapyIntake;
  const f = w.fields;
  const field = (name: string) => ({ t: ctx.t, name, value: values[name], error: errors[name] });
  const yesNo = [{ value: 'yes', label: w.yes }, { value: 'no', label: w.no }];
  const fesOptions = (['1', '2', '3', '4'] as const).map((v) => ({ value: v, label: ctx.t.facts.options.fesI[v] }));
  return (
    <section aria-labelledby="form-title">
      <h2 id="form-title">{w.formTitle}</h2>
      <p>{w.formIntro}</p>
      <ErrorSummary t={ctx.t} errors={errors} />
      <form method="post" action={`/patients/${patientId}/therapy/intake`} novalidate>
        <Csrf token={csrf} />
        <Field {...field('date')} label={f.date} inputMode="numeric" autocomplete="off" />
        <TextArea {...field('history')} label={f.history} maxLength={4000} />
        <fieldset>
          <legend>{w.groups.pain}</legend>
          <Field {...field('painScore')} label={f.painScore} inputMode="numeric" />
          <Field {...field('painWhere')} label={f.painWhere} optional />
          <Field {...field('painWhen')} label={f.painWhen} optional />
        </fieldset>
        <fieldset>
          <legend>{w.groups.falls}</legend>
          <p class="hint">{w.hints.falls}</p>
          <Field {...field('fallsLast12Months')} label={f.fallsLast12Months} inputMode="numeric" optional />
          {FALL_FLAGS.map((k) => <Select key={k} {...field(k)} label={f[k]} options={yesNo} blank={w.notAsked} optional />)}
          <Field {...field('tugSeconds')} label={f.tugSeconds} inputMode="decimal" hint={w.hints.decimal} optional />
          <Field {...field('gaitSpeedMps')} label={f.gaitSpeedMps} inputMode="decimal" hint={w.hints.decimal} optional />
        </fieldset>
        <fieldset>
          <legend>{w.groups.fesI}</legend>
          {INTAKE_ROWS.fesI.map((n) => <Select key={n} {...field(`fesI${String(n)}`)} label={f.fesI(n)} options={fesOptions} blank={w.notAsked} optional />)}
        </fieldset>
        <fieldset>
          <legend>{w.groups.posture}</legend>
          <TextArea {...field('postureObservations')} label={f.postureObservations} maxLength={2000} />
          <TextArea {...field('postureAdvice')} label={f.postureAdvice} maxLength={2000} />
        </fieldset>
        <fieldset>
          <legend>{w.groups.goals}</legend>
          <p class="hint">{w.hints.goals}</p>
          {INTAKE_ROWS.goals.map((n) => (
            <div key={n} class="field-row">
              <Field {...field(`goal${String(n)}What`)} label={f.goalWhat(n)} optional={n > 1 ? w.rowOptional : undefined} />
              <Field {...field(`goal${String(n)}HowMuch`)} label={f.goalHowMuch(n)} optional={n > 1 ? w.rowOptional : undefined} />
              <Field {...field(`goal${String(n)}By`)} label={f.goalBy(n)} inputMode="numeric" autocomplete="off" optional={n > 1 ? w.rowOptional : undefined} />
            </div>
          ))}
        </fieldset>
        <fieldset>
          <legend>{w.groups.psk}</legend>
          <p class="hint">{w.hints.psk}</p>
          {INTAKE_ROWS.psk.map((n) => (
            <div key={n} class="field-row">
              <Field {...field(`psk${String(n)}Activity`)} label={f.pskActivity(n)} optional={w.pskOptional} />
              <Field {...field(`psk${String(n)}Score`)} label={f.pskScore(n)} inputMode="numeric" optional={w.pskOptional} />
            </div>
          ))}
        </fieldset>
        <button type="submit">{w.save}</button>
      </form>
    </section>
  );
}

export function IntakePage(p: {
  ctx: PageContext; view: IntakesView; canWrite: boolean; csrf: string; values: Record<string, string>; errors: FieldErrors; saved: boolean;
}) {
  const { ctx, view } = p;
  const w = ctx.t.therapyIntake;
  const latest = view.items[0];
  const failed = Object.keys(p.errors).length > 0;
  return (
    <TherapyFrame ctx={ctx} patient={view.patient} heading={w.title} back={w.back} failed={failed}>
      {p.saved ? <Notice ok>{w.saved}</Notice> : null}
      <Vfa ctx={ctx} vfa={view.vfa} />
      {latest ? <Latest ctx={ctx} i={latest} conclusions={view.conclusions[latest.id] ?? []} /> : <EmptyState>{w.none}</EmptyState>}
      {view.items.length > 0 ? <Versions ctx={ctx} items={view.items} /> : null}
      {p.canWrite ? <IntakeForm ctx={ctx} patientId={view.patient.id} csrf={p.csrf} values={p.values} errors={p.errors} /> : <p>{w.readOnly}</p>}
    </TherapyFrame>
  );
}
