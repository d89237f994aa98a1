// The exercise plan (/patients/:id/therapy/plan), the practice's clinician page: the patient banner,
// what in the record makes exercises unsafe, the form for a new version (where; the catalogue as one
// dense table, each exercise with its warning beside it; a note; the box to go ahead despite the
// warnings) and the versions kept, each with its home programme to print. No script.
import { EXERCISE_INTENSITIES, EXERCISE_PLACES, EXERCISES } from '../../core/exercise/index.js';
import type { ExercisePlanScreen, ExercisePlanView, ExerciseWarningView } from '../../api/facade.js';
import { Layout, type PageContext } from '../components/Layout.js';
import { Checkbox, Csrf, ErrorSummary, Notice, TextArea, type FieldErrors } from '../components/Form.js';
import { Chip, EmptyState, PatientBanner } from '../components/Record.js';
import { fullName } from '../../core/names.js';
import { numericDateTime } from '../time-format.js';
import type { Lang, Messages } from '../i18n/index.js';
import { exerciseName, fieldName, placeField } from './plan.forms.js';

export interface PlanFormState {
  values: Record<string, string>;
  errors: FieldErrors;
}

/** The form's first values: the latest version's choices, or sensible amounts to start from. */
export function planValues(t: Messages, latest: ExercisePlanView | undefined): Record<string, string> {
  const v: Record<string, string> = {};
  for (const p of latest?.places ?? ['supervised']) v[placeField(p)] = 'yes';
  for (const e of EXERCISES) {
    const had = latest?.exercises.find((x) => x.code === e.code);
    if (had) v[fieldName('use', e.code)] = 'yes';
    v[fieldName('sets', e.code)] = String(had?.sets ?? 2);
    v[fieldName('reps', e.code)] = String(had?.repetitions ?? 10);
    v[fieldName('intensity', e.code)] = had?.intensity ?? 'moderate';
    v[fieldName('days', e.code)] = String(had?.daysPerWeek ?? 3);
    v[fieldName('progression', e.code)] = had?.progression ?? t.exercisePlan.defaultProgression;
  }
  if (latest?.note) v.note = latest.note;
  return v;
}

const whyOf = (lang: Lang, w: ExerciseWarningView | undefined) => (w ? w.reasons.map((r) => r.why[lang]).join(' ') : '');

/** A small input in a table cell: its label is read out, not shown (the column says it). */
function CellInput(p: { name: string; label: string; value: string | undefined; error: string | undefined; size: number; numeric?: boolean }) {
  return (
    <>
      <label for={p.name} class="visually-hidden">{p.label}</label>
      <input
        id={p.name} name={p.name} type="text" size={p.size} value={p.value ?? ''} autocomplete="off"
        inputMode={p.numeric ? 'numeric' : undefined} aria-invalid={p.error ? 'true' : undefined} aria-describedby={p.error ? `${p.name}-error` : undefined}
      />
      {p.error ? <span class="field-error" id={`${p.name}-error`}>{p.error}</span> : null}
    </>
  );
}

function CatalogueTable({ ctx, screen, form }: { ctx: PageContext; screen: ExercisePlanScreen; form: PlanFormState }) {
  const p = ctx.t.exercisePlan;
  const { values: v, errors } = form;
  return (
    <div class="table-scroll">
      <table class="stack dense">
        <caption>{p.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{p.exercise}</th>
            <th scope="col">{p.category}</th>
            <th scope="col">{p.sets}</th>
            <th scope="col">{p.repetitions}</th>
            <th scope="col">{p.intensity}</th>
            <th scope="col">{p.days}</th>
            <th scope="col">{p.progression}</th>
            <th scope="col">{p.warning}</th>
          </tr>
        </thead>
        <tbody>
          {EXERCISES.map((e) => {
            const name = exerciseName(ctx.lang, e.code);
            const use = fieldName('use', e.code);
            const w = screen.warnings[e.code];
            const f = (k: 'sets' | 'reps' | 'intensity' | 'days' | 'progression') => fieldName(k, e.code);
            return (
              <tr key={e.code}>
                <th scope="row" data-label={p.exercise}>
                  <label class="choice" for={use}>
                    <input type="checkbox" id={use} name={use} value="yes" checked={v[use] === 'yes'}
                      aria-invalid={errors[use] ? 'true' : undefined} aria-describedby={[errors[use] ? `${use}-error` : '', w ? `warn-${e.code}` : ''].filter(Boolean).join(' ') || undefined} />
                    {name}
                  </label>
                  {errors[use] ? <span class="field-error" id={`${use}-error`}>{errors[use]}</span> : null}
                </th>
                <td data-label={p.category}>{p.categories[e.category]}</td>
                <td data-label={p.sets}><CellInput name={f('sets')} label={p.fieldOf(p.sets, name)} value={v[f('sets')]} error={errors[f('sets')]} size={3} numeric /></td>
                <td data-label={p.repetitions}><CellInput name={f('reps')} label={p.fieldOf(p.repetitions, name)} value={v[f('reps')]} error={errors[f('reps')]} size={3} numeric /></td>
                <td data-label={p.intensity}>
                  <label for={f('intensity')} class="visually-hidden">{p.fieldOf(p.intensity, name)}</label>
                  <select id={f('intensity')} name={f('intensity')} aria-invalid={errors[f('intensity')] ? 'true' : undefined}>
                    {EXERCISE_INTENSITIES.map((i) => <option key={i} value={i} selected={v[f('intensity')] === i}>{p.intensities[i]}</option>)}
                  </select>
                </td>
                <td data-label={p.days}><CellInput name={f('days')} label={p.fieldOf(p.days, name)} value={v[f('days')]} error={errors[f('days')]} size={2} numeric /></td>
                <td data-label={p.progression}><CellInput name={f('progression')} label={p.fieldOf(p.progression, name)} value={v[f('progression')]} error={errors[f('progression')]} size={24} /></td>
                <td data-label={p.warning} id={`warn-${e.code}`}>{w ? <><Chip tone="warn">{p.warning}</Chip> {whyOf(ctx.lang, w)}</> : p.noWarning}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function Versions({ ctx, screen }: { ctx: PageContext; screen: ExercisePlanScreen }) {
  const p = ctx.t.exercisePlan;
  if (screen.plans.length === 0) return <EmptyState>{p.versionsNone}</EmptyState>;
  const base = `/api/v1/patients/${screen.patient.id}/exercise-plans`;
  return (
    <>
      {screen.plans.map((plan) => (
        <article key={plan.id} aria-labelledby={`v-${plan.id}`}>
          <h3 id={`v-${plan.id}`}>{p.versionOf(plan.version, numericDateTime(plan.writtenAt), plan.writtenBy ?? '', plan.organisation.name)}</h3>
          <p>{`${p.places}: ${plan.places.map((x) => p.placeWords[x]).join(', ')}`}</p>
          <div class="table-scroll">
            <table class="stack dense">
              <caption class="visually-hidden">{p.versionOf(plan.version, numericDateTime(plan.writtenAt), plan.writtenBy ?? '', plan.organisation.name)}</caption>
              <thead>
                <tr>
                  <th scope="col">{p.exercise}</th>
                  <th scope="col">{p.sets}</th>
                  <th scope="col">{p.repetitions}</th>
                  <th scope="col">{p.intensity}</th>
                  <th scope="col">{p.days}</th>
                  <th scope="col">{p.progression}</th>
                </tr>
              </thead>
              <tbody>
                {plan.exercises.map((x) => (
                  <tr key={x.code}>
                    <th scope="row" data-label={p.exercise}>{exerciseName(ctx.lang, x.code)}</th>
                    <td data-label={p.sets} class="num">{String(x.sets)}</td>
                    <td data-label={p.repetitions} class="num">{String(x.repetitions)}</td>
                    <td data-label={p.intensity}>{p.intensities[x.intensity]}</td>
                    <td data-label={p.days} class="num">{String(x.daysPerWeek)}</td>
                    <td data-label={p.progression}>{x.progression}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {plan.note ? <p>{`${p.note}: ${plan.note}`}</p> : null}
          {plan.warnings.length > 0 ? (
            <p>
              <Chip tone="warn">{p.wentAhead}</Chip>{' '}
              {plan.warnings.map((w) => `${exerciseName(ctx.lang, w.code)}: ${whyOf(ctx.lang, w)}`).join(' ')}
            </p>
          ) : null}
          <ul class="bullets">
            <li><a href={`${base}/${plan.id}/home-programme.pdf?lang=nl`} hreflang="nl" type="application/pdf">{p.pdfNl}</a></li>
            <li><a href={`${base}/${plan.id}/home-programme.pdf?lang=en`} hreflang="en" type="application/pdf">{p.pdfEn}</a></li>
          </ul>
        </article>
      ))}
    </>
  );
}

export function ExercisePlanPage(props: { ctx: PageContext; screen: ExercisePlanScreen; csrf: string; form: PlanFormState; saved: boolean }) {
  const { ctx, screen, form } = props;
  const t = ctx.t;
  const p = t.exercisePlan;
  const failed = Object.keys(form.errors).length > 0;
  const name = fullName(screen.patient);
  const title = t.clinical.sectionTitle(p.title, name);
  const anyWarning = Object.keys(screen.warnings).length > 0;
  return (
    <Layout ctx={ctx} title={failed ? `${t.form.titlePrefix}: ${title}` : title}>
      <div class="record-head">
        <PatientBanner ctx={ctx} patient={screen.patient} />
      </div>
      <h1>{p.title}</h1>
      <p><a href={`/patients/${screen.patient.id}/therapy`}>{p.back}</a></p>
      {props.saved ? <Notice ok>{p.saved}</Notice> : null}
      <ErrorSummary t={t} errors={form.errors} />
      <section aria-labelledby="plan-facts">
        <h2 id="plan-facts">{p.factsTitle}</h2>
        {screen.conditions.length === 0 ? <p>{p.factsNone}</p> : (
          <ul class="bullets">{screen.conditions.map((c) => <li key={c}><Chip tone="warn">{p.warning}</Chip> {p.conditions[c]}</li>)}</ul>
        )}
      </section>
      {screen.mayWrite ? (
        <section aria-labelledby="plan-form">
          <h2 id="plan-form">{p.formTitle}</h2>
          <p>{p.intro}</p>
          <form method="post" action={`/patients/${screen.patient.id}/therapy/plan`} novalidate>
            <Csrf token={props.csrf} />
            <fieldset aria-describedby={form.errors[placeField(EXERCISE_PLACES[0])] ? `${placeField(EXERCISE_PLACES[0])}-error` : undefined}>
              <legend>{p.places}</legend>
              {form.errors[placeField(EXERCISE_PLACES[0])] ? <span class="field-error" id={`${placeField(EXERCISE_PLACES[0])}-error`}>{form.errors[placeField(EXERCISE_PLACES[0])]}</span> : null}
              {EXERCISE_PLACES.map((place) => (
                <label key={place} class="choice" for={placeField(place)}>
                  <input type="checkbox" id={placeField(place)} name={placeField(place)} value="yes" checked={form.values[placeField(place)] === 'yes'} />
                  {p.placeWords[place]}
                </label>
              ))}
            </fieldset>
            <CatalogueTable ctx={ctx} screen={screen} form={form} />
            <TextArea t={t} name="note" label={p.note} value={form.values.note} error={form.errors.note} optional maxLength={2000} />
            {anyWarning ? <Checkbox t={t} name="acknowledge" label={p.acknowledge} checked={form.values.acknowledge === 'yes'} error={form.errors.acknowledge} /> : null}
            <p class="actions">
              <button type="submit">{p.save}</button>
            </p>
          </form>
        </section>
      ) : <p>{p.readOnly}</p>}
      <section aria-labelledby="plan-versions">
        <h2 id="plan-versions">{p.versionsTitle}</h2>
        <Versions ctx={ctx} screen={screen} />
      </section>
    </Layout>
  );
}
